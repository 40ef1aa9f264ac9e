"""A user-defined schema the local tier was never tuned for: what an accounts-payable team might write.

Descriptions only, no label hints, field names the built-in invoice schema does not have (apart from due_date).
Its field names match keys of `../shared/data/zugferd/truth.jsonl`, so the eval harness can score it:

    .venv/bin/docsieve eval ../shared/data/zugferd --truth ../shared/data/zugferd/truth_dedup.jsonl \\
        --schema benchmarks/user_schema.py:PaymentRequest --report report/user_schema/
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, Field


class PaymentRequest(BaseModel):
    """What accounts payable needs to pay an invoice."""

    iban: str | None = Field(None, description="IBAN of the account to pay into.", max_length=42)
    amount_due: Decimal | None = Field(None, description="Amount still to be paid.")
    tax_basis_total: Decimal | None = Field(None, description="Net amount the tax is computed on.")
    due_date: dt.date | None = Field(None, description="Date by which payment is due.")
    order_number: str | None = Field(None, description="The buyer's purchase order number.", max_length=40)
    buyer_reference: str | None = Field(None, description="Reference the buyer asked to be quoted.", max_length=60)

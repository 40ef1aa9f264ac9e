"""Pydantic v2 schemas for the third set of other documents in benchmarks/other_types_3/.

One model per schema group (sub-folder):

    purchase_order/    -> PurchaseOrder (items: POItem)   the first set's (benchmarks/other_types)
    receipt/           -> Receipt                         the first set's
    utility_bill/      -> UtilityBill                     the first set's
    insurance_notice/  -> InsuranceNotice                 the first set's
    payslip/           -> Payslip                         the second set's (benchmarks/other_types_2)
    bank_statement/    -> BankStatement                   new

Conventions used by the ground truth (truth.jsonl in each folder): dates are ISO
YYYY-MM-DD, amounts are plain numbers in the document's currency, and a field the
document does not state is null.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

# the shared types are the earlier sets' schemas, not copies of them (benchmarks/doc_sets.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from doc_sets import load_set  # noqa: E402

_set1 = load_set("other_types")
_set2 = load_set("other_types_2")

POItem = _set1.POItem
PurchaseOrder = _set1.PurchaseOrder
Receipt = _set1.Receipt
UtilityBill = _set1.UtilityBill
InsuranceNotice = _set1.InsuranceNotice
Payslip = _set2.Payslip


# --------------------------------------------------------------------- bank statement


class BankStatement(BaseModel):
    account_holder: str = Field(description="Name of the account holder (person or company)")
    iban: str = Field(description="IBAN of the account the statement is for")
    statement_date: date = Field(description="Date the statement was issued / drawn up")
    period_start: date = Field(description="First day of the period covered by the statement")
    period_end: date = Field(description="Last day of the period covered by the statement")
    opening_balance: float = Field(
        description="Account balance at the start of the period (negative if overdrawn)"
    )
    closing_balance: float = Field(
        description="Account balance at the end of the period (negative if overdrawn)"
    )
    currency: str = Field(description="ISO 4217 currency code of the account, e.g. EUR")
    bank_name: str = Field(description="Bank that keeps the account and issues the statement")


SCHEMAS: dict[str, type[BaseModel]] = {
    "purchase_order": PurchaseOrder,
    "receipt": Receipt,
    "utility_bill": UtilityBill,
    "insurance_notice": InsuranceNotice,
    "payslip": Payslip,
    "bank_statement": BankStatement,
}

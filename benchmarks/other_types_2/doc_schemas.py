"""Pydantic v2 schemas for the second set of other documents in benchmarks/other_types_2/.

One model per schema group (sub-folder):

    purchase_order/  -> PurchaseOrder (items: POItem)          the first set's (benchmarks/other_types)
    receipt/         -> Receipt                                the first set's
    utility_bill/    -> UtilityBill                            the first set's
    delivery_note/   -> DeliveryNote (items: DeliveryItem)     the first set's
    quote/           -> Quote (items: QuoteItem)               new
    payslip/         -> Payslip                                new

Conventions used by the ground truth (truth.jsonl in each folder): dates are ISO
YYYY-MM-DD, amounts are plain numbers in the document's currency, and a field the
document does not state is null.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

# the four types both sets share are the first set's schemas, not copies of them
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "other_types"))
from doc_schemas import DeliveryItem, DeliveryNote, POItem, PurchaseOrder, Receipt, UtilityBill  # noqa: E402,F401


# --------------------------------------------------------------------- quote


class QuoteItem(BaseModel):
    description: str = Field(description="Item description as printed on the quotation line")
    quantity: float = Field(description="Quoted quantity")
    unit_price: float = Field(description="Price per unit, net, in the quotation currency")
    line_total: float = Field(description="Line amount (quantity x unit price)")


class Quote(BaseModel):
    quote_number: str = Field(description="Quotation / offer number assigned by the supplier")
    quote_date: date = Field(description="Date the quotation was issued")
    valid_until: date | None = Field(
        default=None, description="Last day the quotation is valid / binding, if a date is given"
    )
    supplier_name: str = Field(description="Company issuing the quotation (vendor/seller)")
    customer_name: str = Field(
        description="Company or person the quotation is addressed to (without salutation)"
    )
    currency: str = Field(description="ISO 4217 currency code, e.g. GBP, EUR")
    total: float = Field(description="Grand total of the quotation including tax and charges")
    items: list[QuoteItem] = Field(description="Quoted line items")


# --------------------------------------------------------------------- payslip


class Payslip(BaseModel):
    employee_name: str = Field(description="Name of the employee (without salutation)")
    employer_name: str = Field(description="Company / employer issuing the payslip")
    pay_period_start: date = Field(description="First day of the pay period covered by the payslip")
    pay_period_end: date = Field(description="Last day of the pay period covered by the payslip")
    pay_date: date = Field(description="Date the net pay is paid out / deposited")
    gross_pay: float = Field(description="Total gross pay for this pay period (not year-to-date)")
    net_pay: float = Field(
        description="Amount paid out to the employee for this pay period after all deductions "
        "(not year-to-date)"
    )


SCHEMAS: dict[str, type[BaseModel]] = {
    "purchase_order": PurchaseOrder,
    "receipt": Receipt,
    "utility_bill": UtilityBill,
    "delivery_note": DeliveryNote,
    "quote": Quote,
    "payslip": Payslip,
}

"""Pydantic v2 schemas for the non-invoice evaluation set in benchmarks/other_types/.

One model per schema group (sub-folder):

    purchase_order/    -> PurchaseOrder (items: POItem)
    receipt/           -> Receipt
    utility_bill/      -> UtilityBill
    insurance_notice/  -> InsuranceNotice
    delivery_note/     -> DeliveryNote (items: DeliveryItem)

Conventions used by the ground truth (truth.jsonl in each folder): dates are ISO
YYYY-MM-DD, amounts are plain numbers in the document's currency, and a field the
document does not state is null.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, Field


# --------------------------------------------------------------------- purchase order


class POItem(BaseModel):
    description: str = Field(description="Item description as printed on the order line")
    quantity: float = Field(description="Ordered quantity")
    unit_price: float = Field(description="Price per unit, net, in the order currency")
    line_total: float = Field(description="Line amount (quantity x unit price)")


class PurchaseOrder(BaseModel):
    po_number: str = Field(description="Purchase order number assigned by the buyer")
    order_date: date = Field(description="Date the purchase order was issued")
    delivery_date: date | None = Field(
        default=None, description="Requested / agreed delivery date, if a date is given"
    )
    supplier_name: str = Field(description="Company the goods are ordered from (vendor/seller)")
    buyer_name: str = Field(description="Company issuing the order (purchaser)")
    currency: str = Field(description="ISO 4217 currency code, e.g. USD, EUR")
    total: float = Field(description="Grand total of the order including tax and charges")
    items: list[POItem] = Field(description="Ordered line items")


# --------------------------------------------------------------------- receipt


class Receipt(BaseModel):
    merchant_name: str = Field(description="Name of the shop / business that issued the receipt")
    receipt_date: date = Field(description="Date of the purchase")
    receipt_number: str | None = Field(
        default=None, description="Receipt / ticket number, if printed"
    )
    total: float = Field(description="Total amount paid (gross)")
    tax_amount: float | None = Field(
        default=None, description="VAT / sales-tax amount contained in or added to the total"
    )
    payment_method: Literal["cash", "card"] = Field(description="How the receipt was paid")


# --------------------------------------------------------------------- utility bill


class UtilityBill(BaseModel):
    account_number: str = Field(description="Customer account number at the provider")
    statement_date: date = Field(description="Date the bill / statement was issued")
    due_date: date = Field(description="Date by which the amount due must be paid / is collected")
    customer_name: str = Field(description="Name of the account holder (without salutation)")
    provider_name: str = Field(description="Utility company issuing the bill")
    amount_due: float = Field(description="Total amount to pay for this bill")
    billing_period_start: date = Field(description="First day of the billed service period")
    billing_period_end: date = Field(description="Last day of the billed service period")


# --------------------------------------------------------------------- insurance notice


class InsuranceNotice(BaseModel):
    policy_number: str = Field(description="Insurance policy / contract number")
    insured_name: str = Field(description="Policyholder name (without salutation)")
    insurer_name: str = Field(description="Insurance company issuing the notice")
    due_date: date = Field(description="Date the premium is due / payable")
    premium: float = Field(
        description="Total premium payable for the period stated in the notice, including insurance tax"
    )
    insurance_tax: float | None = Field(
        default=None, description="Insurance premium tax / taxes included in the premium, if stated"
    )


# --------------------------------------------------------------------- delivery note


class DeliveryItem(BaseModel):
    description: str = Field(description="Item description as printed on the line")
    quantity: float = Field(description="Quantity actually delivered with this note")


class DeliveryNote(BaseModel):
    delivery_note_number: str = Field(description="Number of the delivery note / dispatch note")
    delivery_date: date = Field(description="Date of delivery / dispatch stated on the note")
    order_number: str | None = Field(
        default=None, description="Customer's order / PO reference, if stated"
    )
    shipper_name: str = Field(description="Company that ships the goods (issuer of the note)")
    recipient_name: str = Field(description="Company or person receiving the goods")
    items: list[DeliveryItem] = Field(description="Delivered line items")


SCHEMAS: dict[str, type[BaseModel]] = {
    "purchase_order": PurchaseOrder,
    "receipt": Receipt,
    "utility_bill": UtilityBill,
    "insurance_notice": InsuranceNotice,
    "delivery_note": DeliveryNote,
}

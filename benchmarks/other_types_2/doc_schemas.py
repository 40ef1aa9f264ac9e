"""Pydantic v2 schemas for the second set of other documents in benchmarks/other_types_2/.

One model per schema group (sub-folder):

    purchase_order/  -> PurchaseOrder (items: POItem)          copied unchanged from benchmarks/other_types
    receipt/         -> Receipt                                copied unchanged
    utility_bill/    -> UtilityBill                            copied unchanged
    delivery_note/   -> DeliveryNote (items: DeliveryItem)     copied unchanged
    quote/           -> Quote (items: QuoteItem)               new
    payslip/         -> Payslip                                new

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

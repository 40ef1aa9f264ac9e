"""Pydantic v2 schemas for the eighth set of other documents in benchmarks/other_types_8/.

One model per schema group (sub-folder):

    credit_note/       -> CreditNote                      new
    train_ticket/      -> TrainTicket                     new
    purchase_order/    -> PurchaseOrder (items: POItem)   the first set's (benchmarks/other_types)
    bank_statement/    -> BankStatement                   the third set's (benchmarks/other_types_3)
    payslip/           -> PayrollSlip                     the seventh set's (benchmarks/other_types_7)
    waybill/           -> FreightWaybill                  the seventh set's

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
_set3 = load_set("other_types_3")
_set7 = load_set("other_types_7")

POItem = _set1.POItem
PurchaseOrder = _set1.PurchaseOrder
BankStatement = _set3.BankStatement
PayrollSlip = _set7.PayrollSlip
FreightWaybill = _set7.FreightWaybill


# --------------------------------------------------------------------- credit note


class CreditNote(BaseModel):
    credit_note_number: str = Field(
        description="Number of the credit note itself (credit memo, corrective or rectifying invoice) as "
        "printed, including any series prefix; not the number of the invoice it corrects, and not an order, "
        "contract, return or customer number"
    )
    original_invoice_number: str = Field(
        description="Number of the original invoice that the credit note corrects or refers to, as printed "
        "(without its date)"
    )
    issuer_name: str = Field(
        description="The seller / supplier that issues the credit note, by its registered legal name as "
        "printed (with its legal form, e.g. 'S.L.', 'ООО'); not a brand or trading name"
    )
    customer_name: str = Field(
        description="The customer (buyer) the credit is issued to, as printed: a company by its name with its "
        "legal form, a person without salutation; not a contact person of the customer"
    )
    issue_date: date = Field(
        description="Date the credit note was issued; not the date of the original invoice, of the returned "
        "delivery, of an agreement it is based on, or of the refund"
    )
    currency: str = Field(
        description="ISO 4217 currency code of the amounts, e.g. EUR (also when the document names the "
        "currency in words or by its numeric code, e.g. 643 = RUB)"
    )
    total_credit: float = Field(
        description="Total amount credited to the customer, tax included, as a positive number even when the "
        "document prints it with a minus sign; only the reduction, not the total of the original invoice and "
        "not the corrected total after the change"
    )
    tax_total: float = Field(
        description="VAT / tax contained in the credited amount, as a positive number even when printed "
        "negative; only the tax of the reduction, not the tax of the original invoice"
    )


# --------------------------------------------------------------------- train ticket


class TrainTicket(BaseModel):
    ticket_number: str = Field(
        description="Number of the ticket / e-ticket as printed; not the booking or order reference, the "
        "train, carriage or seat number, or the number of a payment receipt"
    )
    passenger_name: str = Field(
        description="Name of the person who travels on the ticket, without salutation; not the buyer or payer "
        "of the ticket and not a fellow traveller on another ticket"
    )
    operator_name: str = Field(
        description="The railway company that operates the train and carries the passenger, by its legal name "
        "as printed (with its legal form); not a brand, not a travel agent or booking site that sold the "
        "ticket, and not the station or infrastructure manager"
    )
    travel_date: date = Field(
        description="Date of departure of the journey the ticket is for; not the purchase / issue date and not "
        "the arrival date of an overnight train"
    )
    origin: str = Field(
        description="Departure station of the journey as printed on the ticket (station name only, without "
        "time, platform or station code)"
    )
    destination: str = Field(
        description="Arrival station of the journey as printed on the ticket (station name only, without time, "
        "platform or station code)"
    )
    currency: str = Field(description="ISO 4217 currency code of the price, e.g. EUR")
    price: float = Field(
        description="Total price of this ticket as charged: fare after discounts, with the supplements, "
        "reservation and other charges that make up the ticket total, tax included; not a single component, "
        "not the undiscounted fare, and not the total of an order or payment covering several tickets or a "
        "separate booking fee"
    )


SCHEMAS: dict[str, type[BaseModel]] = {
    "credit_note": CreditNote,
    "train_ticket": TrainTicket,
    "purchase_order": PurchaseOrder,
    "bank_statement": BankStatement,
    "payslip": PayrollSlip,
    "waybill": FreightWaybill,
}

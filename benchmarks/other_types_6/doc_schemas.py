"""Pydantic v2 schemas for the sixth set of other documents in benchmarks/other_types_6/.

One model per schema group (sub-folder):

    hotel_folio/       -> HotelFolio                      new
    medical_bill/      -> MedicalBill                     new
    utility_bill/      -> UtilityBill                     the first set's (benchmarks/other_types)
    receipt/           -> Receipt                         the first set's
    purchase_order/    -> PurchaseOrder (items: POItem)   the first set's
    bank_statement/    -> BankStatement                   the third set's (benchmarks/other_types_3)

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

POItem = _set1.POItem
PurchaseOrder = _set1.PurchaseOrder
Receipt = _set1.Receipt
UtilityBill = _set1.UtilityBill
BankStatement = _set3.BankStatement


# --------------------------------------------------------------------- hotel folio


class HotelFolio(BaseModel):
    folio_number: str = Field(
        description="Number of the folio / hotel invoice, as printed (not the reservation, booking, "
        "room or guest-account number)"
    )
    hotel_name: str = Field(
        description="The hotel that issues the folio, as named in its letterhead: the hotel's own name "
        "(e.g. 'Hotel X'), not the legal name of the company operating it, unless no other name is printed"
    )
    guest_name: str = Field(
        description="Name of the guest who stayed, without salutation or title (not a company or other "
        "party paying the bill)"
    )
    arrival_date: date = Field(description="Date of arrival / check-in")
    departure_date: date = Field(description="Date of departure / check-out")
    currency: str = Field(description="ISO 4217 currency code of the folio amounts, e.g. EUR")
    total: float = Field(
        description="Total amount of the folio, i.e. all charges including taxes and any city / tourist tax: "
        "the amount paid or to be paid for the stay"
    )
    tax_total: float = Field(
        description="Sum of all VAT (value-added tax) contained in or added to the folio, over all VAT rates. "
        "A city, tourist or accommodation tax charged per night or per person as a separate item that is not "
        "VAT is NOT included"
    )


# --------------------------------------------------------------------- medical bill


class MedicalBill(BaseModel):
    invoice_number: str = Field(
        description="Number of the invoice / bill, as printed (not the patient, case, admission or "
        "insurance number)"
    )
    provider_name: str = Field(
        description="The practice, clinic or hospital that issues the bill and provided the treatment, as "
        "named as the issuer (the hospital's own name if it differs from the company operating it)"
    )
    patient_name: str = Field(
        description="Name of the patient who was treated, without salutation or title; not the payer or "
        "addressee if that is a different person"
    )
    invoice_date: date = Field(description="Date the invoice / bill was issued")
    treatment_date: date = Field(
        description="Date of the treatment; if several treatment dates are listed, the first one "
        "(for a hospital stay, the admission date)"
    )
    due_date: date | None = Field(default=None, description="Date by which the bill must be paid, if stated")
    total: float = Field(
        description="Total amount billed for the treatment, after any discount, before deducting advance "
        "payments, deposits or insurance payments"
    )
    currency: str = Field(description="ISO 4217 currency code of the bill, e.g. EUR")


SCHEMAS: dict[str, type[BaseModel]] = {
    "hotel_folio": HotelFolio,
    "medical_bill": MedicalBill,
    "utility_bill": UtilityBill,
    "receipt": Receipt,
    "purchase_order": PurchaseOrder,
    "bank_statement": BankStatement,
}

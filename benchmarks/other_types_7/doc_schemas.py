"""Pydantic v2 schemas for the seventh set of other documents in benchmarks/other_types_7/.

One model per schema group (sub-folder):

    payslip/           -> PayrollSlip                     new
    waybill/           -> FreightWaybill                  new
    receipt/           -> Receipt                         the first set's (benchmarks/other_types)
    utility_bill/      -> UtilityBill                     the first set's
    hotel_folio/       -> HotelFolio                      the sixth set's (benchmarks/other_types_6)
    medical_bill/      -> MedicalBill                     the sixth set's

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
_set6 = load_set("other_types_6")

Receipt = _set1.Receipt
UtilityBill = _set1.UtilityBill
HotelFolio = _set6.HotelFolio
MedicalBill = _set6.MedicalBill


# --------------------------------------------------------------------- payroll slip


class PayrollSlip(BaseModel):
    employer_name: str = Field(
        description="The employer that pays the salary, by its registered legal name as printed (with its "
        "legal form, e.g. '(Pty) Ltd', 'Bpk', 'ЕООД'), not a brand or trading name and not a payroll bureau "
        "or accountant that prepared the payslip"
    )
    employee_name: str = Field(
        description="Name of the employee the payslip is for, without salutation or title (not the employee "
        "number or job title)"
    )
    pay_date: date = Field(
        description="Date the net pay is paid out / transferred to the employee (not the date the payslip "
        "was printed, unless only that is stated)"
    )
    period_start: date = Field(description="First day of the pay period the payslip covers")
    period_end: date = Field(description="Last day of the pay period the payslip covers")
    currency: str = Field(
        description="ISO 4217 currency code of the pay amounts, e.g. EUR; if an amount is also shown converted "
        "into another currency for information, the currency in which the salary is calculated and paid"
    )
    gross_pay: float = Field(
        description="Total gross earnings for this pay period, before tax and employee deductions; not "
        "year-to-date, and without contributions the employer pays on top of the salary"
    )
    net_pay: float = Field(
        description="Amount paid out to the employee for this pay period after tax and all deductions; "
        "not year-to-date and not an informative conversion into another currency"
    )


# --------------------------------------------------------------------- freight waybill


class FreightWaybill(BaseModel):
    waybill_number: str = Field(
        description="Number of the waybill / consignment note / express waybill (the carrier's shipment or "
        "tracking number printed as the document number), as printed; not an order, invoice, customer "
        "account, seal or vehicle number"
    )
    shipper_name: str = Field(
        description="The shipper / consignor / sender who hands the goods to the carrier, as named on the "
        "waybill (not the carrier, and not a third party that only pays the freight)"
    )
    consignee_name: str = Field(
        description="The consignee / receiver to whom the goods are delivered, without salutation or title "
        "(not a notify party or a third party that only pays the freight)"
    )
    ship_date: date = Field(
        description="Date the goods were handed over to the carrier / dispatched (the waybill date), not an "
        "expected delivery date"
    )
    currency: str = Field(description="ISO 4217 currency code of the charges, e.g. EUR")
    total_charges: float = Field(
        description="Total transport charges billed for the shipment, including surcharges, insurance fees "
        "and tax; NOT the declared / insured value of the goods and NOT a cash-on-delivery amount collected "
        "for the shipper"
    )
    package_count: int = Field(
        description="Total number of packages / pieces / handling units in the shipment"
    )
    total_weight_kg: float = Field(
        description="Total actual (gross) weight of the shipment in kilograms, not the volumetric or "
        "chargeable weight"
    )


SCHEMAS: dict[str, type[BaseModel]] = {
    "payslip": PayrollSlip,
    "waybill": FreightWaybill,
    "receipt": Receipt,
    "utility_bill": UtilityBill,
    "hotel_folio": HotelFolio,
    "medical_bill": MedicalBill,
}

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

import importlib.util
import sys
from datetime import date
from pathlib import Path

from pydantic import BaseModel, Field

_BENCH = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # pydantic resolves the postponed annotations through sys.modules
    spec.loader.exec_module(mod)
    return mod


# The types shared with the earlier sets are their schemas, not copies of them. All three files are
# called doc_schemas.py, so the earlier two are loaded from their paths; set 2 imports set 1's module
# as "doc_schemas", which is pointed at set 1 while set 2 loads (this file may itself be "doc_schemas").
_set1 = _load("other_types_doc_schemas", _BENCH / "other_types" / "doc_schemas.py")
_saved = sys.modules.get("doc_schemas")
sys.modules["doc_schemas"] = _set1
try:
    _set2 = _load("other_types_2_doc_schemas", _BENCH / "other_types_2" / "doc_schemas.py")
finally:
    if _saved is None:
        del sys.modules["doc_schemas"]
    else:
        sys.modules["doc_schemas"] = _saved

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

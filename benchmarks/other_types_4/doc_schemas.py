"""Pydantic v2 schemas for the fourth set of other documents in benchmarks/other_types_4/.

One model per schema group (sub-folder); no schema is new in this set:

    purchase_order/  -> PurchaseOrder (items: POItem)          the first set's (benchmarks/other_types)
    utility_bill/    -> UtilityBill                            the first set's
    delivery_note/   -> DeliveryNote (items: DeliveryItem)     the first set's
    quote/           -> Quote (items: QuoteItem)               the second set's (benchmarks/other_types_2)
    payslip/         -> Payslip                                the second set's
    bank_statement/  -> BankStatement                          the third set's (benchmarks/other_types_3)

Conventions used by the ground truth (truth.jsonl in each folder): dates are ISO
YYYY-MM-DD, amounts are plain numbers in the document's currency, and a field the
document does not state is null.
"""

from __future__ import annotations

import sys
from pathlib import Path

from pydantic import BaseModel

# the shared types are the earlier sets' schemas, not copies of them (benchmarks/doc_sets.py)
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from doc_sets import load_set  # noqa: E402

_set1 = load_set("other_types")
_set2 = load_set("other_types_2")
_set3 = load_set("other_types_3")

POItem = _set1.POItem
PurchaseOrder = _set1.PurchaseOrder
UtilityBill = _set1.UtilityBill
DeliveryItem = _set1.DeliveryItem
DeliveryNote = _set1.DeliveryNote
QuoteItem = _set2.QuoteItem
Quote = _set2.Quote
Payslip = _set2.Payslip
BankStatement = _set3.BankStatement


SCHEMAS: dict[str, type[BaseModel]] = {
    "purchase_order": PurchaseOrder,
    "utility_bill": UtilityBill,
    "delivery_note": DeliveryNote,
    "quote": Quote,
    "payslip": Payslip,
    "bank_statement": BankStatement,
}

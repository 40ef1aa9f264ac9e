"""Pydantic v2 schemas for the fifth set of other documents in benchmarks/other_types_5/.

One model per schema group (sub-folder); no schema is new in this set:

    receipt/           -> Receipt                          the first set's (benchmarks/other_types)
    insurance_notice/  -> InsuranceNotice                  the first set's
    delivery_note/     -> DeliveryNote (items: DeliveryItem) the first set's
    utility_bill/      -> UtilityBill                      the first set's
    bank_statement/    -> BankStatement                    the third set's (benchmarks/other_types_3)
    purchase_order/    -> PurchaseOrder (items: POItem)    the first set's

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
_set3 = load_set("other_types_3")

POItem = _set1.POItem
PurchaseOrder = _set1.PurchaseOrder
Receipt = _set1.Receipt
UtilityBill = _set1.UtilityBill
InsuranceNotice = _set1.InsuranceNotice
DeliveryItem = _set1.DeliveryItem
DeliveryNote = _set1.DeliveryNote
BankStatement = _set3.BankStatement


SCHEMAS: dict[str, type[BaseModel]] = {
    "receipt": Receipt,
    "insurance_notice": InsuranceNotice,
    "delivery_note": DeliveryNote,
    "utility_bill": UtilityBill,
    "bank_statement": BankStatement,
    "purchase_order": PurchaseOrder,
}

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

import importlib.util
import sys
from pathlib import Path

from pydantic import BaseModel

_BENCH = Path(__file__).resolve().parents[1]


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # pydantic resolves the postponed annotations through sys.modules
    spec.loader.exec_module(mod)
    return mod


# The shared types are the earlier sets' schemas, not copies of them. All the files are called
# doc_schemas.py, so the earlier ones are loaded from their paths. Set 3 loads sets 1 and 2 itself, and
# set 2 imports set 1's module as "doc_schemas", which is pointed at set 1 while set 3 loads (this file may
# itself be "doc_schemas"). Modules already loaded under these names (e.g. by set 4's file) are reused.
def _get(name: str, path: Path):
    return sys.modules.get(name) or _load(name, path)


_set1 = _get("other_types_doc_schemas", _BENCH / "other_types" / "doc_schemas.py")
_saved = sys.modules.get("doc_schemas")
sys.modules["doc_schemas"] = _set1
try:
    _set3 = _get("other_types_3_doc_schemas", _BENCH / "other_types_3" / "doc_schemas.py")
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

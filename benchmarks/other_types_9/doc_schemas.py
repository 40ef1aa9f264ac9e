"""Pydantic v2 schemas for the ninth set of other documents in benchmarks/other_types_9/.

One model per schema group (sub-folder). All six are reused from earlier sets, none is new:

    credit_note/       -> CreditNote                      the eighth set's (benchmarks/other_types_8)
    train_ticket/      -> TrainTicket                     the eighth set's
    payslip/           -> PayrollSlip                     the seventh set's (benchmarks/other_types_7)
    waybill/           -> FreightWaybill                  the seventh set's
    receipt/           -> Receipt                         the first set's (benchmarks/other_types)
    utility_bill/      -> UtilityBill                     the first set's

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
_set7 = load_set("other_types_7")
_set8 = load_set("other_types_8")

Receipt = _set1.Receipt
UtilityBill = _set1.UtilityBill
PayrollSlip = _set7.PayrollSlip
FreightWaybill = _set7.FreightWaybill
CreditNote = _set8.CreditNote
TrainTicket = _set8.TrainTicket


SCHEMAS: dict[str, type[BaseModel]] = {
    "credit_note": CreditNote,
    "train_ticket": TrainTicket,
    "payslip": PayrollSlip,
    "waybill": FreightWaybill,
    "receipt": Receipt,
    "utility_bill": UtilityBill,
}

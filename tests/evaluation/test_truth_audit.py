"""benchmarks/truth_audit.py sets aside the truth values a page does not print, and only those."""

from __future__ import annotations

import sys
from pathlib import Path

from evaluation.harness import load_truth

ROOT = Path(__file__).resolve().parents[2]
REAL = ROOT / "tests" / "data" / "real"
sys.path.insert(0, str(ROOT))

from benchmarks.truth_audit import audit  # noqa: E402

MUSTANG_505 = "ZUGFeRDv1__correct__Mustangproject__MustangGnuaccountingBeispielRE-20170509_505.pdf"


def test_a_value_the_page_does_not_print_is_set_aside_and_the_printed_ones_stay():
    truth = next(t for t in load_truth(REAL / "truth.jsonl") if t.file == MUSTANG_505)
    printed = {k: truth.fields[k] for k in ("invoice_number", "invoice_date", "vendor_name", "total")}
    # an XML's figure the page does not show (as Mustang's RE-20150613/503 says 496.00 where its page prints 358,00)
    truth.fields = {**printed, "subtotal": 12345.67, "buyer_name": "Nowhere Printed GmbH"}
    audited, set_aside = audit(REAL, [truth], set(truth.fields))
    assert sorted(name for _, name, _, _ in set_aside) == ["buyer_name", "subtotal"]
    assert audited[0].fields == {**printed, "subtotal": None, "buyer_name": None}

"""The eval harness: scoring normalisation, the risk-coverage curve, calibration, and the two CLI commands."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from evaluation.harness import EvalRecord
from evaluation.report import calibrate, risk_coverage
from evaluation.scoring import score_document, values_match
from flows.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(("expected", "actual", "same"), [
    ("ACME GmbH", "  acme   gmbh ", True),  # case and whitespace
    ("ACME GmbH", "ACMEGmbH", False),  # a name's spaces matter
    ("DE12 1234 4321 9876 00", "DE1212344321987600", True),  # an identifier's spaces are layout
    ("DE12 1234 4321 9876 00", "DE1212344321987601", False),
    (119.0, "119.004", True),  # within a cent
    (119.0, 119.02, False),
    ("2024-05-03", "2024-05-03T00:00:00", True),  # dates as dates
    ("2024-05-03", "2024-03-05", False),
    ("R-1", None, False),
])
def test_values_match_normalises_like_a_reviewer(expected, actual, same):
    assert values_match(expected, actual) is same


def test_null_truth_and_fields_outside_the_schema_are_not_scored_and_line_items_align():
    items = [{"description": "A", "line_total": 1.0}, {"description": "B", "line_total": 2.0}]
    score = score_document(
        "x.pdf",
        {"invoice_number": "R-1", "due_date": None, "iban": "DE00", "line_items": items, "vendor_name": "Acme Corp"},
        {"invoice_number": "r-1", "line_items": list(reversed(items)), "vendor_name": "Acme"},
        schema_fields={"invoice_number", "due_date", "line_items", "vendor_name"},
        alternates={"vendor_name": ["Acme"]},
    )
    assert score.fields == {"invoice_number": True, "line_items": True, "vendor_name": True}


def test_a_truth_row_of_nulls_scores_nothing_not_even_its_place():
    empty = {"description": None, "quantity": None, "line_total": None}
    row = {"description": "Zitronensäure 100ml", "quantity": -5.0, "line_total": -5.0}
    assert values_match([empty, row], [row])
    assert not values_match([empty, row], [])  # the row with values is still expected
    assert not values_match([row], [row, row])


def _record(name: str, confidence: float, right: int, of: int = 4, valid: bool = True) -> EvalRecord:
    fields = {f"f{i}": i < right for i in range(of)}
    return EvalRecord(name, confidence, valid, "accepted", None, fields, {}, 0.1)


def test_risk_coverage_and_calibration_pick_the_lowest_threshold_that_reaches_the_target():
    records = [_record("a", 0.9, 4), _record("b", 0.8, 4), _record("c", 0.7, 4), _record("d", 0.6, 2),
               _record("e", 0.95, 4, valid=False)]  # invalid answers are never accepted
    curve = risk_coverage(records)
    assert [(p.threshold, p.accepted) for p in curve] == [(0.9, 1), (0.8, 2), (0.7, 3), (0.6, 4)]
    assert curve[-1].field_accuracy == pytest.approx(14 / 16) and curve[-1].coverage == pytest.approx(4 / 5)
    best = calibrate(records, target=0.97)
    assert (best.threshold, best.coverage, best.exact_rate) == (0.7, pytest.approx(3 / 5), 1.0)
    assert calibrate(records, target=0.97, min_accepted=4) is None


def test_eval_and_calibrate_commands_write_a_report_and_save_a_threshold(tmp_path, monkeypatch):
    """Code-only extraction (no model) on three sample invoices: the harness end to end, in a few seconds."""
    truth = [json.loads(line) for line in (ROOT / "sample_docs" / "truth.jsonl").read_text().splitlines()][:3]
    docs = tmp_path / "docs"
    docs.mkdir()
    for t in truth:
        shutil.copy(ROOT / "sample_docs" / t["file"], docs / t["file"])
    (docs / "truth.jsonl").write_text("".join(json.dumps(t) + "\n" for t in truth))
    calibration = tmp_path / "calibration.json"
    monkeypatch.setenv("DOCSIEVE_LLAMA_USE_MODEL", "false")
    monkeypatch.setenv("DOCSIEVE_ROUTING_CALIBRATION_FILE", str(calibration))

    report = tmp_path / "report"
    result = CliRunner().invoke(main, ["eval", str(docs), "--truth", str(docs / "truth.jsonl"),
                                       "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "3 documents: field accuracy" in result.output
    text = (report / "report.md").read_text()
    assert "| invoice_number |" in text and "Risk-coverage" in text
    assert text.startswith("# invoice v") and "with code only (model off" in text.splitlines()[0]
    assert (report / "risk_coverage.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    records = [json.loads(line) for line in (report / "records.jsonl").read_text().splitlines()]
    assert [r["file"] for r in records] == [t["file"] for t in truth]

    result = CliRunner().invoke(main, ["calibrate", "--records", str(report / "records.jsonl"), "--target", "0.5"])
    assert result.exit_code == 0, result.output
    saved = json.loads(calibration.read_text())
    (entry,) = saved.values()
    assert entry["target"] == 0.5 and 0.0 <= entry["threshold"] <= 1.0 and entry["documents"] == 3

    result = CliRunner().invoke(main, ["calibrate", "--records", str(report / "records.jsonl"), "--target", "1.01"])
    assert result.exit_code != 0 and "nothing saved" in result.output

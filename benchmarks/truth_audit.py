"""The real invoices scored against what their pages print: each truth value the page does not print set aside.

The zugferd truth is each file's embedded XML, and some XML values are not what the page shows: Mustang's example
RE-20150613/503 prints a net of 358,00 €, its XML says 496.00; Intarsys' credit notes name the seller
"GLN 4333741000005 / Lief-Nr: 549910 / MUSTERLIEFERANT GMBH". invoice2data's truth comes from its templates'
fields ("Sammy Maystone - For Lines testing" is no text of its page). The audit applies to the truth the check the
product applies to its own answers, `extractors.grounding.ungrounded_fields`: a field whose truth value is not on
the page is not scored (a list field when any of its values is missing). It rescores a run's records, so no model
runs, and the figures sit beside those against the given truth, never instead of them.

    .venv/bin/python benchmarks/accuracy.py --out /tmp/acc                 # the run (qwen, ~6 min)
    .venv/bin/python benchmarks/truth_audit.py --records /tmp/acc/shared_data/records.jsonl --out /tmp/audit

Writes OUT/truth_audited_<corpus>.jsonl and OUT/set_aside.md (each field set aside, its truth and what was not
found), and prints the figures at the shipped threshold and the 97% point, before and after the audit.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.accuracy import CORPORA  # noqa: E402
from evaluation.harness import EvalRecord, TruthDoc, load_truth, read_records  # noqa: E402
from evaluation.report import accepted_at, accuracy, calibrate  # noqa: E402
from evaluation.scoring import score_document  # noqa: E402
from extractors.grounding import GroundingIndex, ungrounded_fields  # noqa: E402
from extractors.pdf import read_document_text  # noqa: E402
from schemas.document import DocumentRef  # noqa: E402
from schemas.registry import load_schema  # noqa: E402

SHIPPED = ROOT / "flows" / "calibration.json"


def unprinted_fields(doc_path: Path, truth: dict) -> dict[str, list[str]]:
    """Truth field -> the paths of its values that the page does not print."""
    doc = read_document_text(DocumentRef(str(doc_path)), doc_path.read_bytes())
    missing = ungrounded_fields({k: v for k, v in truth.items() if v is not None}, GroundingIndex.of(doc))
    out: dict[str, list[str]] = {}
    for path in missing:
        out.setdefault(path.split("[")[0].split(".")[0], []).append(path)
    return out


def audit(folder: Path, truth: list[TruthDoc], schema_fields: set[str]
          ) -> tuple[list[TruthDoc], list[tuple[str, str, object, list[str]]]]:
    """The truth with the schema's unprinted fields nulled, and (file, field, truth value, unprinted paths) for
    each."""
    audited, set_aside = [], []
    for t in truth:
        gone = unprinted_fields(folder / t.file, {k: v for k, v in t.fields.items() if k in schema_fields})
        audited.append(TruthDoc(t.file, {k: (None if k in gone else v) for k, v in t.fields.items()},
                                t.unverified, t.alternates))
        set_aside += [(t.file, name, t.fields[name], paths) for name, paths in gone.items()]
    return audited, set_aside


def rescored(records: list[EvalRecord], truth: dict[str, TruthDoc], schema_fields: set[str]) -> list[EvalRecord]:
    out = []
    for r in records:
        t = truth[r.file]
        fields = score_document(r.file, t.fields, r.answer, schema_fields=schema_fields, unverified=t.unverified,
                                alternates=t.alternates).fields
        out.append(dataclasses.replace(r, fields=fields))
    return out


def figures(records: list[EvalRecord], threshold: float) -> str:
    field_acc, exact = accuracy(records)
    accepted = accepted_at(records, threshold)
    acc_field, _ = accuracy(accepted)
    point = calibrate(records)
    reach = (f"97% reached at {point.threshold:.3f}: {point.accepted} accepted ({point.coverage:.1%}) at "
             f"{point.field_accuracy:.1%}" if point else "97% not reached")
    return (f"{len(records)} invoices, {sum(r.n_fields for r in records)} fields scored, field accuracy "
            f"{field_acc:.1%}, exact {exact:.1%}; at {threshold:.2f}: {len(accepted)} accepted "
            f"({len(accepted) / max(1, len(records)):.1%}) at {acc_field:.1%}; {reach}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--records", type=Path, required=True,
                        help="records.jsonl of the real invoices (benchmarks/accuracy.py --out X: X/shared_data)")
    parser.add_argument("--out", type=Path, default=Path("truth_audit"), help="folder for the audited truth")
    parser.add_argument("--threshold", type=float, default=None, help="[default: the shipped calibration's]")
    args = parser.parse_args()

    spec = load_schema("invoice")
    schema_fields = set(spec.model.model_fields)
    shipped = json.loads(SHIPPED.read_text())
    threshold = args.threshold if args.threshold is not None else next(
        (v["threshold"] for k, v in shipped.items() if k.startswith(f"{spec.name}@{spec.version}|")), 1.0)
    args.out.mkdir(parents=True, exist_ok=True)
    given: dict[str, TruthDoc] = {}
    audited: dict[str, TruthDoc] = {}
    lines = ["# Truth values the pages do not print (set aside, not scored)", "",
             "| file | field | truth | not on the page |", "|---|---|---|---|"]
    for name, (folder, truth_path, is_real) in CORPORA.items():
        if not is_real:
            continue
        truth = load_truth(truth_path)
        checked, set_aside = audit(folder, truth, schema_fields)
        given.update((t.file, t) for t in truth)
        audited.update((t.file, t) for t in checked)
        with open(args.out / f"truth_audited_{name}.jsonl", "w", encoding="utf-8") as fh:
            for t in checked:
                fh.write(json.dumps({"file": t.file, "fields": t.fields, "unverified_fields": sorted(t.unverified),
                                     "alternates": t.alternates}, ensure_ascii=False, default=str) + "\n")
        for file, fname, value, paths in set_aside:
            shown = json.dumps(value, ensure_ascii=False, default=str).replace("|", "/")
            lines.append(f"| {name}/{Path(file).name} | {fname} | {shown[:120]} | {', '.join(paths)[:80]} |")
    (args.out / "set_aside.md").write_text("\n".join(lines) + "\n", encoding="utf-8")

    records = [r for r in read_records(args.records) if r.file in given]
    print(f"given truth:   {figures(rescored(records, given, schema_fields), threshold)}")
    print(f"audited truth: {figures(rescored(records, audited, schema_fields), threshold)}")
    print(f"{len(lines) - 4} fields set aside: {args.out / 'set_aside.md'}")


if __name__ == "__main__":
    main()

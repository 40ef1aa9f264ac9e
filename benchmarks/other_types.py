"""The local tier on documents that are not invoices, each type with its own user schema.

Five sets, each folder a type with two layouts and a `truth.jsonl`, the schemas in the set's `doc_schemas.py`
(`SCHEMAS`: folder → model, loaded with `doc_sets.load_set`): `benchmarks/other_types/` (purchase orders,
receipts, utility bills, insurance notices, delivery notes; five languages), `other_types_2/` (more of four of
those types, quotes and payslips), `other_types_3/` (bank statements too), `other_types_4/` and `other_types_5/`,
all made by helper agents apart from the extractor's code, each scored held out first (README, "Other document
types"). No schema of
theirs has a calibrated threshold, so answers are routed at the threshold `run` would use for them: the
default 0.8 unless DOCSIEVE_ROUTING_THRESHOLD says otherwise.
Prints per type: field accuracy, exact documents, how many answers that threshold accepts and how right they
are, and each wrong field with the truth beside it.

    .venv/bin/python benchmarks/other_types.py                           # qwen2.5-coder-0.5b, ~2 min a set
    .venv/bin/python benchmarks/other_types.py --no-model --set other_types_2  # code alone, seconds
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.harness import evaluate, load_truth  # noqa: E402
from evaluation.report import accepted_at, accuracy  # noqa: E402
from extractors.llama_local import LlamaExtractor  # noqa: E402
from flows.settings import Settings  # noqa: E402
from schemas.registry import load_schema  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from doc_sets import load_set  # noqa: E402

BENCHMARKS = Path(__file__).resolve().parent


def _types(folder: Path) -> dict[str, str]:
    """Folder name → schema class name, from the set's `doc_schemas.SCHEMAS`."""
    return {name: model.__name__ for name, model in load_set(folder.name).SCHEMAS.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="qwen2.5-coder-0.5b", help="bundled model name or GGUF path")
    parser.add_argument("--no-model", action="store_true", help="code alone")
    sets = sorted(p.parent.name for p in BENCHMARKS.glob("other_types*/doc_schemas.py"))
    parser.add_argument("--set", default="other_types", choices=sets, help="which set of documents under benchmarks/")
    args = parser.parse_args()
    here = BENCHMARKS / args.set

    extractor = LlamaExtractor(args.model, use_model=not args.no_model)
    settings = Settings()
    everything = []
    print(f"{'type':18s} docs  field acc.  exact  accepted at the threshold (field acc.)")
    for folder, cls in _types(here).items():
        spec = load_schema(f"{here / 'doc_schemas.py'}:{cls}")
        threshold = settings.threshold_for(spec.name, spec.version, extractor.name)
        truth = load_truth(here / folder / "truth.jsonl")
        records = evaluate(here / folder, truth, spec, extractor, threshold=threshold)
        everything += records
        field_acc, exact = accuracy(records)
        accepted = accepted_at(records, threshold)
        acc = f"{accuracy(accepted)[0]:.1%}" if accepted else "-"
        print(f"{folder:18s} {len(records):4d}  {field_acc:9.1%}  {exact:5.0%}  "
              f"{len(accepted)} at {threshold:.2f} ({acc})")
        answers = {r.file: r for r in records}
        for t in truth:
            for name, ok in answers[t.file].fields.items():
                if not ok:
                    print(f"    {t.file}: {name}: truth {json.dumps(t.fields[name], ensure_ascii=False)[:70]}, "
                          f"read {json.dumps(answers[t.file].answer.get(name), ensure_ascii=False)[:70]}")
    field_acc, exact = accuracy(everything)
    accepted = [r for r in everything if r.route == "accepted"]
    print(json.dumps({"model": "code only" if args.no_model else extractor.name, "documents": len(everything),
                      "field_accuracy": round(field_acc, 4), "exact_rate": round(exact, 4),
                      "accepted": len(accepted),
                      "accepted_field_accuracy": round(accuracy(accepted)[0], 4) if accepted else None}))


if __name__ == "__main__":
    main()

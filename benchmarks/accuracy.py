"""Accuracy of the local tier on the dev invoices: the README's "Accuracy" tables, in one command.

Runs the eval harness over ../shared/data (zugferd, 33 distinct invoices; invoice2data, 11) and the 24
generated sample_docs, then writes two reports: all 68 invoices, and the 44 real ones alone. Each report is
`report.md`, `risk_coverage.png` and `records.jsonl`. Both route at the threshold calibrated on the real
invoices (re-calibrate with `docsieve calibrate --records OUT/shared_data/records.jsonl`). Prints per-field
counts, the calibrated threshold and one line of JSON.

    .venv/bin/python benchmarks/accuracy.py                                  # qwen2.5-coder-0.5b, ~10 min
    .venv/bin/python benchmarks/accuracy.py --model smollm2-135m --out /tmp/acc_smol
    .venv/bin/python benchmarks/accuracy.py --no-model                       # code alone, seconds
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from evaluation.harness import evaluate, load_truth, save_records  # noqa: E402
from evaluation.report import accepted_at, accuracy, calibrate, field_table, write_report  # noqa: E402
from extractors.llama_local import LlamaExtractor  # noqa: E402
from schemas.registry import load_schema  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
CORPORA = {  # name: (folder, truth file, real documents?)
    "zugferd": (SHARED / "zugferd", SHARED / "zugferd" / "truth_dedup.jsonl", True),
    "invoice2data": (SHARED / "invoice2data", SHARED / "invoice2data" / "truth.jsonl", True),
    "sample_docs": (ROOT / "sample_docs", ROOT / "sample_docs" / "truth.jsonl", False),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="qwen2.5-coder-0.5b", help="bundled model name or GGUF path")
    parser.add_argument("--no-model", action="store_true", help="code alone (DOCSIEVE_LLAMA_USE_MODEL=false)")
    parser.add_argument("--threshold", type=float, default=None,
                        help="threshold the reports route at [default: the one calibrated on the real invoices]")
    parser.add_argument("--out", type=Path, default=Path("report_accuracy"), help="folder for the two reports")
    args = parser.parse_args()

    spec = load_schema("invoice")
    extractor = LlamaExtractor(args.model, use_model=not args.no_model)
    records, real = [], set()
    for name, (folder, truth, is_real) in CORPORA.items():
        started = time.perf_counter()
        found = evaluate(folder, load_truth(truth), spec, extractor, threshold=1.0)
        field_acc, exact = accuracy(found)
        print(f"{name}: {len(found)} documents, field accuracy {field_acc:.1%}, exact {exact:.1%}, "
              f"{(time.perf_counter() - started) / max(1, len(found)):.1f} s/doc", flush=True)
        records += found
        if is_real:
            real.update(id(r) for r in found)

    # calibrated on the real invoices: the generated sample_docs are easier than what a deployment reads
    best = calibrate([r for r in records if id(r) in real])
    threshold = args.threshold if args.threshold is not None else (best.threshold if best else 1.0)
    label = "code only" if args.no_model else extractor.name
    figures = {"model": label, "threshold": threshold}
    for subset, chosen in (("all", records), ("shared_data", [r for r in records if id(r) in real])):
        out = args.out / subset
        write_report(chosen, out, title=f"invoice v{spec.version}, {label}, {subset} ({len(chosen)} invoices)",
                     threshold=threshold)
        save_records(chosen, out / "records.jsonl")
        field_acc, exact = accuracy(chosen)
        accepted = accepted_at(chosen, threshold)
        point = calibrate(chosen)
        print(f"\n{subset}: {len(chosen)} invoices, field accuracy {field_acc:.1%}, exact {exact:.1%}; "
              f"accepted at {threshold:.3f}: {len(accepted)}; 97% reachable: "
              + (f"threshold {point.threshold:.3f}, coverage {point.coverage:.1%}" if point else "no"))
        print("  " + ", ".join(f"{k} {a}/{n}" for k, (a, n) in sorted(field_table(chosen).items())))
        figures[subset] = {"field_accuracy": round(field_acc, 4), "exact_rate": round(exact, 4),
                           "accepted": len(accepted), "coverage_at_97": round(point.coverage, 4) if point else None}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()

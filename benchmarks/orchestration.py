"""Pipeline overhead at scale: synthetic documents through the real flow with the null extractor.

Prints wall milliseconds per document and peak RSS for each size, then one line of JSON with all figures.
Target: <= 1 ms/doc of pipeline overhead, and peak RSS at 100k no more than 1.2x that at 10k.

Everything but format parsing and the model is measured: lazy listing, sharding, Prefect tasks, reading
and hashing bytes, the done index, routing, Parquet rows and atomic commits. The documents are plain-text
e-mails (`.eml`), so no PDF parser time is counted; the null extractor answers instantly.

    .venv/bin/python benchmarks/orchestration.py            # 10,000 and 100,000 documents
    .venv/bin/python benchmarks/orchestration.py 2000 20000 --workers 2 --shard-size 1000
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BODY = """From: billing@acme-supplies.example
To: accounts@customer.example
Subject: Invoice INV-{n:07d}

Acme Supplies Ltd, 1 High Street, London
Invoice No. INV-{n:07d}   Date: 2026-11-{day:02d}
Widgets 3 x 12.50 = 37.50
Total due: {total:.2f} GBP
"""


def make_documents(folder: Path, n: int) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    per_dir = 10_000  # keep directories a realistic size
    for i in range(n):
        sub = folder / f"batch-{i // per_dir:03d}"
        if i % per_dir == 0:
            sub.mkdir(exist_ok=True)
        (sub / f"mail-{i:07d}.eml").write_text(BODY.format(n=i, day=1 + i % 28, total=37.5 + i % 100))


def run_one(n: int, workers: int, shard_size: int) -> dict:
    """Runs in a child process, so that its peak RSS belongs to this size alone."""
    sys.path.insert(0, str(ROOT))
    from flows.runtime import configure_embedded_server

    configure_embedded_server()
    import logging

    from flows.extract_documents import extract_documents

    with tempfile.TemporaryDirectory() as tmp:
        src, out = Path(tmp) / "docs", Path(tmp) / "out"
        make_documents(src, n)
        # start Prefect's embedded server first: its startup is a fixed cost, not per-document overhead
        extract_documents(source=str(src), output=str(Path(tmp) / "warmup"), extractor="null", frontier=False,
                          limit=10)
        logging.getLogger("prefect").setLevel(logging.WARNING)  # one log line per shard is noise at this size
        started = time.perf_counter()
        result = extract_documents(source=str(src), output=str(out), extractor="null", frontier=False,
                                   shard_size=shard_size, workers=workers)
        wall = time.perf_counter() - started
        files = sum(1 for _ in out.rglob("*.parquet"))
    assert result["documents"] == n, result
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return {"docs": n, "ms_per_doc": round(1000 * wall / n, 3), "peak_rss_mb": round(peak_kb / 1024, 1),
            "wall_s": round(wall, 1), "files": files, "workers": workers, "shard_size": shard_size}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[10_000, 100_000])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--shard-size", type=int, default=1000)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_one(args.child, args.workers, args.shard_size)))
        return
    figures = []
    for n in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--child", str(n), "--workers", str(args.workers),
                              "--shard-size", str(args.shard_size)], capture_output=True, text=True,
                             env=dict(os.environ, PYTHONWARNINGS="ignore"))
        if out.returncode != 0:
            sys.exit(f"{n} documents failed:\n{out.stderr[-3000:]}")
        fig = json.loads(out.stdout.strip().splitlines()[-1])
        figures.append(fig)
        print(f"{fig['docs']:>8,} docs: {fig['ms_per_doc']:.3f} ms/doc, peak RSS {fig['peak_rss_mb']:.0f} MB "
              f"({fig['wall_s']}s, {fig['files']} Parquet files)", flush=True)
    if len(figures) >= 2:
        print(f"RSS ratio {figures[-1]['docs']:,} / {figures[0]['docs']:,}: "
              f"{figures[-1]['peak_rss_mb'] / figures[0]['peak_rss_mb']:.2f}")
    print(json.dumps([{k: f[k] for k in ("docs", "ms_per_doc", "peak_rss_mb")} for f in figures]))


if __name__ == "__main__":
    main()

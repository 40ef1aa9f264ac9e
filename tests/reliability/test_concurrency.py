"""Two runs over the same source and output at once (a nightly run and a backfill): no duplicate rows, and no
request paid twice. Commits take a lock on the output; a run drops rows for documents that another run
committed after it loaded its index (flows/pipeline.py commit_rows)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from pathlib import Path

from tests.reliability.helpers import SAMPLE_DOCS, ChildRun, assert_dataset_is_clean, rows_by_name

NAMES = sorted(p.name for p in SAMPLE_DOCS.glob("*.pdf") if p.name not in ("corrupt.pdf", "scanned.pdf"))[:8]


def uploaded_custom_ids(api) -> list[str]:
    return [json.loads(line)["custom_id"] for f in api.uploaded_files
            for line in f["content"].decode().splitlines() if line.strip()]


def test_a_nightly_run_and_a_backfill_at_once_write_each_document_once_and_pay_each_request_once(
        prefect_server, batch_api, src, out, tmp_path):
    for name in NAMES:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    escalated = NAMES[::2]
    flow = {"source": str(src), "output": str(out), "shard_size": 2, "frontier": True, "wait_frontier_seconds": 60}
    gate = tmp_path / "go"
    labels = ("nightly", "backfill")
    # each run's first extraction waits until the other has begun: under load one child may import slowly
    runs = [ChildRun(tmp_path / "child", flow, label=label, sleep=0.25, start_gate=gate,
                     peers=tuple(set(labels) - {label}),
                     behaviours={n: "low" for n in escalated}).start() for label in labels]
    gate.touch()
    results = [r.wait() for r in runs]

    rows = rows_by_name(out, NAMES)  # one row per document, whichever run wrote it
    assert_dataset_is_clean(out)
    calls = Counter(runs[0].calls())
    assert set(calls) == set(NAMES) and max(calls.values()) <= 2
    # the runs overlapped: both extracted some of the same documents, and one of them dropped its rows
    assert {r["run_id"] for r in rows.values()} <= {res["run_id"] for res in results}
    assert sum(res["documents"] for res in results) > len(NAMES), "the runs did not overlap"

    sent = uploaded_custom_ids(batch_api)
    assert sorted(sent) == sorted(
        f"{hashlib.sha256((src / n).read_bytes()).hexdigest()[:40]}-invoice-v2-a1" for n in escalated)
    assert len(batch_api.created_batches) == len(batch_api.uploaded_files) >= 1
    for name in NAMES:
        row = rows[name]
        if name in escalated:
            assert (row["status"], row["tier"], row["frontier_attempts"]) == ("extracted", "frontier", 1), name
            assert row["frontier_cost_usd"] > 0
        else:
            assert (row["status"], row["tier"]) == ("extracted", "slm"), name


def test_a_run_that_commits_while_another_is_loading_its_index_causes_no_duplicates(
        run, src, out, fake_extractor, monkeypatch):
    """The backfill commits right after the nightly run loaded its index, before the nightly run lists the files
    it already knows: those files must count as another run's, so the nightly run drops its copies."""
    import flows.extract_documents as flow_module

    for name in NAMES[:4]:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    real_load = flow_module.load_done_index
    backfill: list[dict] = []

    def load_then_let_the_backfill_commit(ctx, spec):
        index = real_load(ctx, spec)
        if not backfill:
            backfill.append({})
            backfill[0] = run(src)  # the whole backfill runs (and commits) here, as a subflow
        return index

    monkeypatch.setattr(flow_module, "load_done_index", load_then_let_the_backfill_commit)
    nightly = run(src)

    assert backfill[0]["documents"] == 4 and nightly["documents"] == 4  # both extracted everything
    rows = rows_by_name(out, NAMES[:4])
    assert {r["run_id"] for r in rows.values()} == {backfill[0]["run_id"]}
    assert len(list(Path(out).rglob("*.parquet"))) == 1

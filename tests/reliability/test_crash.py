"""Crashes for real: the flow runs in a child process (tests/reliability/runner.py) that is killed with SIGKILL,
then a rerun finishes the work. The Prefect server and the fake Batch API live in this process and outlive it."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections import Counter
from pathlib import Path

from tests.reliability.helpers import (
    SAMPLE_DOCS, ChildRun, assert_dataset_is_clean, read_rows, rows_by_name, wait_for,
)

NAMES = sorted(p.name for p in SAMPLE_DOCS.glob("*.pdf") if p.name not in ("corrupt.pdf", "scanned.pdf"))[:12]


def committed_names(out: Path) -> list[str]:
    return [r["source_uri"].rsplit("/", 1)[-1] for r in read_rows(out)]


def data_files(out: Path) -> list[Path]:
    return sorted(p for p in out.glob("schema=*/run_date=*/part-*.parquet"))


def batch_records(out: Path) -> list[dict]:
    folder = out / "_state" / "frontier" / "batches"
    return [json.loads(p.read_text()) for p in sorted(folder.glob("*.json"))] if folder.exists() else []


def uploaded_custom_ids(api) -> list[str]:
    return [json.loads(line)["custom_id"] for f in api.uploaded_files
            for line in f["content"].decode().splitlines() if line.strip()]


def leftover_locks(out: Path) -> list[str]:
    folder = out / "_state" / "locks"
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


def cid(folder: Path, name: str, attempt: int = 1) -> str:
    return f"{hashlib.sha256((folder / name).read_bytes()).hexdigest()[:40]}-invoice-v2-a{attempt}"


def test_kill_9_mid_run_then_rerun_extracts_each_document_once_and_sends_each_request_once(
        prefect_server, batch_api, src, out, tmp_path):
    for name in NAMES:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    escalated = NAMES[1::2]  # every other document escalates to the frontier
    flow = {"source": str(src), "output": str(out), "shard_size": 3, "frontier": True, "wait_frontier_seconds": 30}
    behaviours = {n: "low" for n in escalated}
    first = ChildRun(tmp_path / "child", flow, label="first", sleep=0.3, behaviours=behaviours).start()

    # kill once the first shard is committed and the second is part-way through its documents
    wait_for(lambda: data_files(out) and len(first.calls()) > 3, 90, "the second shard under way", first.proc,
             poll=0.005)
    first.kill()

    # what a reader sees right after the crash: complete files only, and the first shard's documents
    assert_dataset_is_clean(out)
    committed = committed_names(out)
    assert committed and len(committed) < len(NAMES), committed
    started = first.calls("first")
    assert set(committed) < set(started)  # the kill cut a later shard short
    assert batch_api.created_batches == []  # the frontier step comes after all shards

    rerun = ChildRun(tmp_path / "child", flow, label="rerun", behaviours=behaviours).start()
    result = rerun.wait()

    rows = rows_by_name(out, NAMES)
    assert_dataset_is_clean(out)
    again = rerun.calls("rerun")
    assert not set(again) & set(committed), "a committed document was extracted again"
    assert Counter(again) == Counter(set(NAMES) - set(committed))  # the rest, once each
    assert result["skipped_unchanged"] == len(committed)
    # escalations of the killed shard were queued twice (before its commit, and by the rerun): sent once
    sent = uploaded_custom_ids(batch_api)
    assert len(batch_api.created_batches) == 1 and len(sent) == len(set(sent))
    assert sorted(sent) == sorted(cid(src, n) for n in escalated)
    for name in NAMES:
        expected = ("extracted", "frontier" if name in escalated else "slm")
        assert (rows[name]["status"], rows[name]["tier"]) == expected, (name, rows[name]["error"])
    assert leftover_locks(out) == []


def test_kill_9_between_batch_creation_and_collection_then_rerun_polls_the_same_batch(
        prefect_server, batch_api, src, out, tmp_path):
    names = NAMES[:3]
    for name in names:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    batch_api.steps_per_status = 10_000  # the batch stays `validating` while the child polls it
    flow = {"source": str(src), "output": str(out), "frontier": True, "wait_frontier_seconds": 120}
    first = ChildRun(tmp_path / "child", flow, label="first", behaviour="low").start()

    def polled_after_submit():
        records = batch_records(out)
        if not (records and records[0]["state"] == "submitted" and batch_api.created_batches):
            return False
        batch_id = batch_api.created_batches[0]["id"]
        return any(c[:2] == ("GET", f"/v1/batches/{batch_id}") for c in batch_api.calls)

    wait_for(polled_after_submit, 90, "the child to submit the batch and start polling it", first.proc)
    first.kill()
    (created,) = batch_api.created_batches
    (record,) = batch_records(out)
    assert (record["state"], record["batch_id"]) == ("submitted", created["id"])
    rows = rows_by_name(out, names)
    assert {r["pending_reason"] for r in rows.values()} == {f"in_flight {created['id']}"}

    batch_api.steps_per_status = 1  # the batch can finish now
    n_calls = len(batch_api.calls)
    rerun = ChildRun(tmp_path / "child", flow, label="rerun", behaviour="low").start()
    result = rerun.wait()

    assert rerun.calls("rerun") == [] and result["documents"] == 0  # nothing extracted again
    assert len(batch_api.created_batches) == 1 and len(batch_api.uploaded_files) == 1  # nothing resubmitted
    after = batch_api.calls[n_calls:]
    assert ("GET", f"/v1/batches/{created['id']}", 200) in after
    assert not [c for c in after if c[0] == "POST"]
    rows = rows_by_name(out, names)
    for name, row in rows.items():
        assert (row["status"], row["tier"], row["frontier_attempts"]) == ("extracted", "frontier", 1), name
    assert [r["state"] for r in batch_records(out)] == ["collected"]
    assert_dataset_is_clean(out)
    assert leftover_locks(out) == []  # a lock the killed child held was broken (its owner is dead) and released

"""The commit lock and the done index, on a local directory and on S3 (moto on loopback)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import threading
import time
from pathlib import Path
from typing import Callable

import pytest

from storage import ListFilter, LocalStore, S3Store, Store
from storage.index import STATUS_CODES, DoneIndex, load_index
from storage.lock import LockTimeout, store_lock
from storage.parquet import from_parquet_bytes
from storage.sources import open_source

LOCK = "_state/locks/commit-invoice.lock"


@pytest.fixture(params=["local", "s3"])
def store(request, tmp_path) -> Store:
    if request.param == "local":
        return LocalStore(tmp_path / "out")
    options = request.getfixturevalue("s3_options")
    request.getfixturevalue("s3").create_bucket(Bucket="out")
    return S3Store("s3://out/extracted", options)


def crashed_holder_lock(store: Store, age: float) -> bytes:
    """The lock file a process left when it died `age` seconds after taking the lock."""
    token = json.dumps({"owner": "dead-host:4242:deadbeef", "acquired_at": time.time() - age}).encode()
    assert store.create_exclusive(LOCK, token)
    return token


class Occupancy:
    """Who is inside the critical section; records any overlap."""

    def __init__(self):
        self.inside, self.max_inside, self.entries, self._mutex = 0, 0, [], threading.Lock()

    def __enter__(self):
        with self._mutex:
            self.inside += 1
            self.max_inside = max(self.max_inside, self.inside)
            self.entries.append(threading.current_thread().name)

    def __exit__(self, *exc):
        with self._mutex:
            self.inside -= 1


def run_threads(targets: dict[str, Callable[[], None]]) -> None:
    errors = []

    def wrap(fn):
        def run():
            try:
                fn()
            except BaseException as exc:  # surfaced below, not lost in the thread
                errors.append(exc)
        return run

    threads = [threading.Thread(target=wrap(fn), name=name) for name, fn in targets.items()]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if errors:
        raise errors[0]


# ------------------------------------------------------------------------------------------ the lock
def test_lock_excludes_other_threads_and_is_released(store):
    occupancy = Occupancy()
    store.write("counter", b"0")

    def worker():
        for _ in range(4):
            with store_lock(store, "commit-invoice", wait=60):
                with occupancy:
                    value = int(store.read("counter"))  # read-modify-write: loses updates without the lock
                    time.sleep(0.01)
                    store.write("counter", str(value + 1).encode())

    run_threads({f"w{i}": worker for i in range(6)})
    assert occupancy.max_inside == 1 and len(occupancy.entries) == 24
    assert store.read("counter") == b"24"
    assert store.read_if_exists(LOCK) is None and store.read_if_exists(LOCK + ".breaking") is None


def test_a_crashed_holders_lock_is_broken_after_stale_after_and_a_live_one_is_not(store):
    token = crashed_holder_lock(store, age=0)
    with pytest.raises(LockTimeout, match="commit-invoice.lock"):
        with store_lock(store, "commit-invoice", stale_after=60, wait=0.3):
            pass
    assert store.read(LOCK) == token  # a young lock is left alone

    store.delete(LOCK)
    crashed_holder_lock(store, age=0)
    started = time.monotonic()
    with store_lock(store, "commit-invoice", stale_after=1.0, wait=30):
        waited = time.monotonic() - started
        mine = json.loads(store.read(LOCK))
    assert 0.9 <= waited < 5  # broken once older than stale_after, not before (and long before `wait`)
    assert mine["owner"] != "dead-host:4242:deadbeef"
    assert store.read_if_exists(LOCK) is None


def test_a_lock_taken_after_waiting_is_stamped_when_it_was_taken(store):
    """A waiter's lock must look young to others: stamped when it was created, not when waiting began."""
    holder_in, stamps = threading.Event(), {}

    def holder():
        with store_lock(store, "commit-invoice"):
            holder_in.set()
            time.sleep(1.5)

    def waiter():
        holder_in.wait()
        began = time.time()
        with store_lock(store, "commit-invoice", wait=30):
            stamps["began"], stamps["got"] = began, time.time()
            stamps["acquired_at"] = json.loads(store.read(LOCK))["acquired_at"]

    run_threads({"holder": holder, "waiter": waiter})
    assert stamps["got"] - stamps["began"] > 1.0  # it did wait for the holder
    assert stamps["acquired_at"] > stamps["began"] + 1.0


class SlowLockReads:
    """A store whose reads of the lock return what was there, after a per-thread delay: lines up the race of
    two waiters that both judged the same lock stale, without changing what the store does."""

    def __init__(self, inner: Store, delays: dict[str, float]):
        self.inner, self.delays = inner, delays

    def __getattr__(self, name):
        return getattr(self.inner, name)

    def read_if_exists(self, key: str) -> bytes | None:
        data = self.inner.read_if_exists(key)
        if key == LOCK:
            time.sleep(self.delays.get(threading.current_thread().name, 0))
        return data


def test_waiters_that_saw_the_same_stale_lock_break_it_only_once(store):
    crashed_holder_lock(store, age=1000)
    slow = SlowLockReads(store, {"fast": 0.05, "slow": 0.4})
    occupancy = Occupancy()

    def worker():
        with store_lock(slow, "commit-invoice", stale_after=5, wait=30):
            with occupancy:
                time.sleep(0.8)

    # "fast" breaks the stale lock and takes it; "slow" comes back from reading the same stale lock while
    # "fast" is inside, and must not delete the lock "fast" now holds
    run_threads({"fast": worker, "slow": worker})
    assert occupancy.entries == ["fast", "slow"] and occupancy.max_inside == 1
    assert store.read_if_exists(LOCK) is None and store.read_if_exists(LOCK + ".breaking") is None


# ------------------------------------------------------------------------------------------ the done index
@pytest.fixture
def pipeline_output(store, sample_copy, fake_extractor):
    """Two shards of sample documents extracted by the pipeline (fake model) into `store`."""
    from flows.pipeline import RunContext, cached_schema, process_shard
    from storage.s3 import S3Options

    fake_extractor.behaviour["uk_agency_marlow_finch.pdf"] = "low"  # escalated: pending_frontier
    names = ["us_saas_lumenfield.pdf", "it_fattura_colombo.pdf", "corrupt.pdf",
             "uk_agency_marlow_finch.pdf", "de_saas_nordlicht.pdf", "es_factura_turia.pdf"]
    by_name = {Path(r.uri).name: r for r in open_source(str(sample_copy)).iter_refs(ListFilter())}
    refs = [by_name[n] for n in names]
    spec = cached_schema("invoice")
    ctx = RunContext(
        run_id=RunContext.new_run_id(), run_date=dt.date(2026, 1, 2), output_uri=store.root, schema_ref="invoice",
        extractor_kind="fake", extractor_options=(), model_label="fake-model", threshold=0.8,
        s3=store.options if isinstance(store, S3Store) else S3Options(),
    )
    before = time.time()
    empty = load_index(store, spec.name, spec.version, ctx.model_label)
    files = [process_shard(0, refs[:3], ctx, empty).file, process_shard(1, refs[3:], ctx, empty).file]
    return {"spec": spec, "ctx": ctx, "refs": refs, "files": files, "before": before, "after": time.time(),
            "sha": {Path(r.uri).name: hashlib.sha256(Path(r.uri).read_bytes()).hexdigest() for r in refs}}


def test_done_index_finds_documents_and_reusable_content_from_the_pipelines_parquet(store, pipeline_output):
    out = pipeline_output
    spec, refs, files = out["spec"], out["refs"], out["files"]
    index = load_index(store, spec.name, spec.version, "fake-model")
    assert len(index) == 6 and sorted(index.files) == sorted(files) and all(files)

    rows = {}
    for key in files:
        for row in from_parquet_bytes(store.read(key)).to_pylist():
            rows[row["doc_id"]] = (key, row)
    for ref in refs:
        pos = index.find_doc(ref.doc_id)
        key, row = rows[ref.doc_id]
        assert pos is not None and index.file_of(pos) == key, ref.uri
        assert index.status[pos] == STATUS_CODES[row["status"]] and index.current[pos]
        assert index.size[pos] == Path(ref.uri).stat().st_size
        assert int(out["before"]) <= index.processed[pos] <= out["after"]
    assert index.find_doc("0123456789abcdef") is None

    sha = out["sha"]
    lumen = index.find_content(sha["us_saas_lumenfield.pdf"])
    assert lumen is not None and lumen == index.find_doc(refs[0].doc_id)
    assert index.find_content(sha["uk_agency_marlow_finch.pdf"]) is None  # pending: nothing to reuse
    assert index.find_content(sha["corrupt.pdf"]) is None  # failed
    assert index.find_content(hashlib.sha256(b"never seen").hexdigest()) is None
    corrupt = index.find_doc(refs[2].doc_id)
    assert index.status[corrupt] == STATUS_CODES["failed"] and not index.retryable[corrupt]
    assert index.status[index.find_doc(refs[3].doc_id)] == STATUS_CODES["pending_frontier"]

    # rows made with another model or schema version are known but not current: not reused
    for other in (load_index(store, spec.name, spec.version, "other-model"),
                  load_index(store, spec.name, "0.0-old", "fake-model")):
        assert len(other) == 6 and not other.current.any()
        assert other.find_doc(refs[0].doc_id) is not None and other.find_content(sha["us_saas_lumenfield.pdf"]) is None


def test_done_index_reads_only_this_schemas_data_files(store, pipeline_output):
    out = pipeline_output
    spec = out["spec"]
    garbage = b"not parquet: the index must never open this"
    for key in ["schema=invoice/run_date=2026-01-02/.part-x.parquet.1234.tmp",
                "schema=invoice/run_date=2026-01-02/_part-y.parquet",
                "schema=invoice/_state/z.parquet",
                "schema=invoice_v2/run_date=2026-01-02/part-z.parquet",
                "schema=invoice/run_date=2026-01-02/notes.json",
                "_state/locks/commit-invoice.lock"]:
        store.write(key, garbage)
    index = load_index(store, spec.name, spec.version, "fake-model")
    assert len(index) == 6 and sorted(index.files) == sorted(out["files"])
    assert len(load_index(store, "receipt", spec.version, "fake-model")) == 0


def test_an_empty_index_answers_every_lookup_with_none(store):
    index = load_index(store, "invoice", "1", "fake-model")
    assert isinstance(index, DoneIndex) and len(index) == 0
    assert index.find_doc("0123456789abcdef") is None
    assert index.find_content(hashlib.sha256(b"x").hexdigest()) is None


def test_reprocessed_rows_replace_their_own_rows_and_the_index_stays_one_per_document(store, pipeline_output):
    from dataclasses import replace

    from flows.pipeline import process_shard

    out = pipeline_output
    spec, refs = out["spec"], out["refs"]
    index = load_index(store, spec.name, spec.version, "fake-model")
    pos = index.find_doc(refs[4].doc_id)
    held_in = index.file_of(pos)
    again = replace(out["ctx"], run_id="f" * 32, reprocess=True)
    assert process_shard(7, [refs[4]], again, index).file is None  # no new file: the row is replaced in place

    after = load_index(store, spec.name, spec.version, "fake-model")
    assert len(after) == 6 and sorted(after.files) == sorted(out["files"])
    assert after.file_of(after.find_doc(refs[4].doc_id)) == held_in
    rows = from_parquet_bytes(store.read(held_in)).to_pylist()
    assert [r["run_id"] for r in rows if r["doc_id"] == refs[4].doc_id] == ["f" * 32]


def test_a_lock_left_by_a_killed_process_on_this_host_is_broken_at_once(tmp_path):
    """kill -9 leaves the lock file behind; a rerun must not wait out `stale_after`."""
    import json
    import socket
    import subprocess
    import sys
    import time

    from storage.local import LocalStore
    from storage.lock import store_lock

    store = LocalStore(tmp_path)
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    lock = {"owner": f"{socket.gethostname()}:{child.pid}:deadbeef", "acquired_at": time.time()}
    assert store.create_exclusive("_state/locks/commit-invoice.lock", json.dumps(lock).encode())
    child.kill()
    child.wait()
    started = time.monotonic()
    with store_lock(store, "commit-invoice", stale_after=3600, wait=5):
        pass
    assert time.monotonic() - started < 2

"""The plain functions under the flow: sharding, skip decisions, the constant-size confidence histogram."""

from __future__ import annotations

import datetime as dt

import numpy as np

from flows.pipeline import ConfidenceHistogram, ListingStats, iter_shards, needs_work
from schemas.document import DocumentRef
from storage.index import STATUS_CODES, DoneIndex


def ref(i: int, size: int = 100, modified: dt.datetime | None = None) -> DocumentRef:
    return DocumentRef(f"/docs/d{i:05d}.pdf", size, modified or dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc))


def index_of(refs: list[DocumentRef], *, status: str = "extracted", current: bool = True, retryable: bool = False,
             processed: dt.datetime = dt.datetime(2026, 2, 1, tzinfo=dt.timezone.utc)) -> DoneIndex:
    ids = np.array(sorted(int(r.doc_id, 16) for r in refs), dtype=np.uint64)
    n = len(ids)
    return DoneIndex(doc=ids, sha=np.zeros(n, np.uint64), status=np.full(n, STATUS_CODES[status], np.uint8),
                     current=np.full(n, current), retryable=np.full(n, retryable), size=np.full(n, 100, np.int64),
                     processed=np.full(n, int(processed.timestamp()), np.int64), file_id=np.zeros(n, np.int32),
                     files=["f.parquet"])


def test_shards_are_lazy_bounded_and_skip_what_is_done():
    done = [ref(i) for i in range(0, 1000, 2)]
    stats = ListingStats()
    shards = iter_shards((ref(i) for i in range(1000)), index_of(done), 64, stats=stats)
    first = next(shards)
    assert len(first) == 64 and stats.listed == 128  # only as much of the listing as one shard needs
    rest = list(shards)
    assert sum(map(len, rest)) + 64 == 500 and stats.skipped_unchanged == 500 and stats.listed == 1000


def test_needs_work_when_new_changed_outdated_or_retryable():
    r = ref(1)
    assert needs_work(r, DoneIndex(), reprocess=False)
    assert not needs_work(r, index_of([r]), reprocess=False)
    assert needs_work(r, index_of([r]), reprocess=True)
    assert needs_work(ref(1, size=999), index_of([r]), reprocess=False)  # bytes changed
    later = dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc)
    assert needs_work(ref(1, modified=later), index_of([r]), reprocess=False)  # touched after processing
    assert needs_work(r, index_of([r], current=False), reprocess=False)  # other schema version or model
    assert needs_work(r, index_of([r], status="failed", retryable=True), reprocess=False)
    assert not needs_work(r, index_of([r], status="failed", retryable=False), reprocess=False)


def test_confidence_histogram_has_constant_size():
    hist, other = ConfidenceHistogram(), ConfidenceHistogram()
    for v in (0.0, 0.05, 0.5, 0.81, 0.999, 1.0):
        hist.add(v)
    other.add(0.85)
    hist.merge(other)
    assert len(hist) == 7 and len(hist.counts) == 100
    assert hist.at_least(0.8) == 4 and hist.at_least(0.0) == 7
    assert hist.bins(10) == [2, 0, 0, 0, 0, 1, 0, 0, 2, 2]


def test_a_long_shard_logs_how_far_it_got(sample_copy, fake_extractor, tmp_path, monkeypatch):
    import logging

    import flows.pipeline as pipeline
    from storage import ListFilter
    from storage.sources import open_source

    monkeypatch.setattr(pipeline, "PROGRESS_EVERY_S", 0.0)  # report before every document
    refs = sorted(open_source(str(sample_copy)).iter_refs(ListFilter()), key=lambda r: r.uri)[:3]
    ctx = pipeline.RunContext(
        run_id=pipeline.RunContext.new_run_id(), run_date=dt.date(2026, 1, 2), output_uri=str(tmp_path / "out"),
        schema_ref="invoice", extractor_kind="fake", extractor_options=(), model_label="fake-model", threshold=0.8)
    messages: list[str] = []
    handler = logging.Handler(logging.INFO)
    handler.emit = lambda record: messages.append(record.getMessage())
    logger = logging.getLogger("docsieve")  # the shard's logger outside a Prefect run
    monkeypatch.setattr(logger, "level", logging.INFO)
    logger.addHandler(handler)
    try:
        summary = pipeline.process_shard(7, refs, ctx, DoneIndex())
    finally:
        logger.removeHandler(handler)
    progress = [m for m in messages if m.startswith("shard 7: ")]
    assert [m.split(",")[0] for m in progress] == ["shard 7: 0 of 3 documents", "shard 7: 1 of 3 documents",
                                                   "shard 7: 2 of 3 documents"]
    assert sum(summary.by_status_tier.values()) == 3

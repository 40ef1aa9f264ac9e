"""The pipeline as plain functions: list -> shard -> read -> extract -> route -> commit. No Prefect in here,
so the core runs and tests without a server; `flows/extract_documents.py` wraps these in tasks."""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import logging
import time
import uuid
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from extractors.base import Extractor, get_extractor
from extractors.grounding import GroundingIndex
from extractors.pdf import PdfLimits, read_document_text
from extractors.routing import route_result
from schemas.document import Document, DocumentRef
from schemas.errors import DocumentError, DocumentReadError, ModelNotFound, ModelUnavailable, TransientError
from schemas.registry import SchemaSpec, load_schema
from schemas.results import ResultRow, Route, Status, Tier
from storage import S3Options, Store, open_store
from storage.index import DoneIndex, STATUS_CODES, data_files, load_index, scan_columns
from storage.lock import store_lock, utc_stamp
from storage.parquet import data_file_key, from_parquet_bytes, rows_to_table, table_to_rows, to_parquet_bytes
from storage.sources import read_document

log = logging.getLogger("docsieve")
PROGRESS_EVERY_S = 30.0  # a shard logs how far it got at most this often


@dataclass(frozen=True)
class RunContext:
    """Everything a shard needs, picklable so process and Dask workers get it too."""

    run_id: str
    run_date: dt.date
    output_uri: str
    schema_ref: str
    extractor_kind: str
    extractor_options: tuple[tuple[str, Any], ...]
    model_label: str
    threshold: float
    limits: PdfLimits = PdfLimits()
    s3: S3Options = S3Options()
    reprocess: bool = False
    local_usd_per_hour: float = 0.10
    pending_reason: str | None = None  # why escalated documents wait (e.g. no API key)
    queue_frontier: bool = False  # write escalated documents to the frontier queue
    frontier_request: tuple[tuple[str, Any], ...] = ()  # options for building Batch API requests
    known_files: frozenset[str] = frozenset()  # data files that existed when the index was loaded

    @staticmethod
    def new_run_id() -> str:
        return uuid.uuid4().hex


@dataclass
class ConfidenceHistogram:
    """SLM confidences in 100 bins: constant memory however many documents a run has."""

    counts: list[int] = field(default_factory=lambda: [0] * 100)

    def add(self, value: float) -> None:
        self.counts[min(99, max(0, int(value * 100)))] += 1

    def merge(self, other: "ConfidenceHistogram") -> None:
        self.counts = [a + b for a, b in zip(self.counts, other.counts)]

    def __len__(self) -> int:
        return sum(self.counts)

    def at_least(self, threshold: float) -> int:
        return sum(self.counts[min(100, max(0, int(round(threshold * 100, 6)))):])

    def bins(self, n: int = 10) -> list[int]:
        width = 100 // n
        return [sum(self.counts[i * width:(i + 1) * width]) for i in range(n)]


@dataclass
class ShardSummary:
    """What one shard did, small enough to send back to the flow for millions of documents."""

    shard: int
    documents: int = 0
    by_status_tier: Counter = field(default_factory=Counter)  # "extracted/slm" -> n
    reasons: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)  # error_code -> n
    skipped_unchanged: int = 0
    reused: int = 0
    slm_seconds: float = 0.0
    slm_cost_usd: float = 0.0
    prompt_tokens: int = 0
    completion_tokens: int = 0
    confidences: ConfidenceHistogram = field(default_factory=ConfidenceHistogram)  # SLM answers
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # (doc_id, uri, error), capped
    text_chars: int = 0  # of documents read, to price the all-frontier alternative
    seconds: float = 0.0
    file: str | None = None

    MAX_FAILURES = 50

    def add(self, row: ResultRow) -> None:
        self.documents += 1
        self.by_status_tier[f"{row.status}/{row.tier or '-'}"] += 1
        if row.escalation_reason:
            self.reasons[row.escalation_reason] += 1
        if row.error_code:
            self.errors[row.error_code] += 1
        if row.reused_from:
            self.reused += 1
        self.slm_seconds += row.slm_seconds
        self.slm_cost_usd += row.slm_cost_usd
        self.prompt_tokens += row.prompt_tokens
        self.completion_tokens += row.completion_tokens
        if row.slm_confidence is not None:
            self.confidences.add(row.slm_confidence)
        if row.status == Status.FAILED and len(self.failures) < self.MAX_FAILURES:
            self.failures.append((row.doc_id, row.source_uri, row.error or ""))


# ------------------------------------------------------------------------------------------ per process caches
@functools.lru_cache(maxsize=8)
def cached_schema(ref: str) -> SchemaSpec:
    return load_schema(ref)


@functools.lru_cache(maxsize=4)
def cached_extractor(kind: str, options: tuple[tuple[str, Any], ...]) -> Extractor:
    """One extractor (and so one loaded model) per worker process."""
    return get_extractor(kind, **dict(options))


@functools.lru_cache(maxsize=4)
def cached_store(uri: str, s3: S3Options) -> Store:
    return open_store(uri, s3)


# ------------------------------------------------------------------------------------------ listing and sharding
def needs_work(ref: DocumentRef, index: DoneIndex, reprocess: bool) -> bool:
    """Decide from the listing alone (no read) whether a document may need extracting.

    A document with a current row (same schema version and model) whose size is unchanged and that was
    not modified after it was processed is skipped. Failed rows whose error is transient are retried.
    """
    if reprocess:
        return True
    pos = index.find_doc(ref.doc_id)
    if pos is None or not index.current[pos]:
        return True
    if index.status[pos] == STATUS_CODES["failed"] and index.retryable[pos]:
        return True
    if ref.size is not None and index.size[pos] >= 0 and ref.size != index.size[pos]:
        return True
    if ref.modified is not None and ref.modified.timestamp() > index.processed[pos]:
        return True
    return False


@dataclass
class ListingStats:
    listed: int = 0
    skipped_unchanged: int = 0


def iter_shards(
    refs: Iterable[DocumentRef], index: DoneIndex, shard_size: int, *, reprocess: bool = False,
    limit: int | None = None, stats: ListingStats | None = None,
) -> Iterator[list[DocumentRef]]:
    """Group the documents that need work into shards, lazily: memory holds one shard of refs."""
    stats = stats if stats is not None else ListingStats()
    shard: list[DocumentRef] = []
    for ref in refs:
        if limit is not None and stats.listed >= limit:
            break
        stats.listed += 1
        if not needs_work(ref, index, reprocess):
            stats.skipped_unchanged += 1
            continue
        shard.append(ref)
        if len(shard) >= shard_size:
            yield shard
            shard = []
    if shard:
        yield shard


# ------------------------------------------------------------------------------------------ one document
def _base_row(ctx: RunContext, spec: SchemaSpec, ref: DocumentRef) -> ResultRow:
    return ResultRow(
        doc_id=ref.doc_id, source_uri=ref.uri, content_sha256=None, size_bytes=ref.size, pages=None,
        schema_name=spec.name, schema_version=spec.version, run_id=ctx.run_id,
        processed_at=dt.datetime.now(dt.timezone.utc), status=Status.FAILED.value, slm_model=ctx.model_label,
    )


def failed_row(row: ResultRow, code: str, message: str, retryable: bool) -> ResultRow:
    row.status, row.tier, row.error, row.error_code, row.retryable = Status.FAILED.value, None, message, code, retryable
    return row


def extract_document(
    doc: Document, row: ResultRow, ctx: RunContext, spec: SchemaSpec, extractor: Extractor, started: float
) -> ResultRow:
    """Run the SLM tier on a read document and route its answer into `row`."""
    if time.monotonic() - started > ctx.limits.max_seconds:
        return failed_row(row, "timeout", f"{doc.ref.name}: reading took longer than {ctx.limits.max_seconds:g}s",
                          False)
    result = extractor.extract(doc, spec)
    ground = GroundingIndex.of(doc)
    decision = route_result(result, spec, ground, ctx.threshold)
    row.slm_seconds = round(result.seconds, 4)
    row.slm_cost_usd = round(result.seconds * ctx.local_usd_per_hour / 3600, 8)
    row.cost_usd = row.slm_cost_usd
    row.slm_confidence = result.confidence
    row.slm_data_json = json.dumps(decision.data if decision.data is not None else result.data, ensure_ascii=False)
    row.slm_signals_json = json.dumps({"signals": result.signals, "alternatives": result.alternatives},
                                      ensure_ascii=False, default=str)
    row.model, row.prompt_tokens, row.completion_tokens = result.model, result.prompt_tokens, result.completion_tokens
    row.confidence = result.confidence
    if decision.route is Route.ACCEPTED:
        row.status, row.tier, row.data_json = Status.EXTRACTED.value, Tier.SLM.value, row.slm_data_json
    else:
        row.status, row.tier = Status.PENDING_FRONTIER.value, None
        row.escalation_reason = decision.reason.value if decision.reason else None
        row.escalation_detail = decision.detail
        row.pending_reason = ctx.pending_reason or "queued"
    return row


def process_document(
    ref: DocumentRef, ctx: RunContext, spec: SchemaSpec, extractor: Extractor, index: DoneIndex,
    reuse_cache: dict[str, ResultRow],
) -> tuple[ResultRow | None, Document | None]:
    """One document in, one row out (None: unchanged since its current row). Never raises for a bad document."""
    row = _base_row(ctx, spec, ref)
    started = time.monotonic()
    try:
        data = read_document(ref.uri, ctx.s3)
    except DocumentReadError as exc:
        return failed_row(row, "read_error", str(exc), True), None
    row.content_sha256 = hashlib.sha256(data).hexdigest()
    row.size_bytes = len(data)
    pos = index.find_doc(ref.doc_id)
    if not ctx.reprocess and pos is not None and index.current[pos] and index.sha[pos] == int(row.content_sha256[:16], 16):
        if not (index.status[pos] == STATUS_CODES["failed"] and index.retryable[pos]):
            return None, None  # touched but not changed
    if not ctx.reprocess:
        reused = reuse_result(row, index, ctx, reuse_cache)
        if reused is not None:
            return reused, None
    try:
        doc = read_document_text(ref, data, ctx.limits, row.content_sha256)
        row.pages = len(doc.pages)
        return extract_document(doc, row, ctx, spec, extractor, started), doc
    except DocumentError as exc:
        return failed_row(row, exc.code, str(exc), False), None
    except (ModelUnavailable, ModelNotFound):
        raise  # the model, not the document: the whole shard is retried
    except Exception as exc:  # a bug or an unforeseen input must not stop the run
        log.exception("unexpected error on %s", ref.uri)
        return failed_row(row, "internal_error", f"{ref.name}: {type(exc).__name__}: {exc}"[:500], True), None


def reuse_result(row: ResultRow, index: DoneIndex, ctx: RunContext, cache: dict[str, ResultRow]) -> ResultRow | None:
    """Another document with the same bytes was already extracted: copy its answer instead of paying again."""
    pos = index.find_content(row.content_sha256)
    if pos is None:
        return None
    key = index.file_of(pos)
    if key not in cache:
        store = cached_store(ctx.output_uri, ctx.s3)
        data = store.read_if_exists(key)
        if data is None:
            return None
        for old in table_to_rows(from_parquet_bytes(data)):
            if old.content_sha256 and old.status == Status.EXTRACTED.value:
                cache.setdefault(old.content_sha256, old)
        cache[key] = None  # type: ignore[assignment]  # marks the file as loaded
    source = cache.get(row.content_sha256)
    if source is None:
        return None
    for name in ("pages", "status", "tier", "confidence", "data_json", "slm_data_json", "slm_confidence",
                 "slm_signals_json", "model", "frontier_model"):
        setattr(row, name, getattr(source, name))
    row.reused_from = source.doc_id
    row.error = row.error_code = None
    return row


# ------------------------------------------------------------------------------------------ one shard
def process_shard(shard_no: int, refs: list[DocumentRef], ctx: RunContext, index: DoneIndex) -> ShardSummary:
    """Extract a shard of documents and commit their rows as one Parquet file."""
    started = time.perf_counter()
    spec = cached_schema(ctx.schema_ref)
    extractor = cached_extractor(ctx.extractor_kind, ctx.extractor_options)
    summary = ShardSummary(shard=shard_no)
    rows: list[ResultRow] = []
    escalated: list[tuple[ResultRow, Document]] = []
    reuse_cache: dict[str, ResultRow] = {}
    next_report = started + PROGRESS_EVERY_S
    for done, ref in enumerate(refs):
        if time.perf_counter() >= next_report:  # by time, not count: free at scale, alive on a slow model
            from flows.progress import run_logger

            run_logger().info("shard %d: %d of %d documents, %.0fs", shard_no, done, len(refs),
                              time.perf_counter() - started)
            next_report = time.perf_counter() + PROGRESS_EVERY_S
        row, doc = process_document(ref, ctx, spec, extractor, index, reuse_cache)
        if row is None:
            summary.skipped_unchanged += 1
            continue
        rows.append(row)
        if doc is not None:
            summary.text_chars += len(doc.text)
        if row.status == Status.PENDING_FRONTIER.value and doc is not None:
            escalated.append((row, doc))
    if ctx.queue_frontier and escalated:
        from extractors.openai_batch import enqueue_requests

        enqueue_requests(cached_store(ctx.output_uri, ctx.s3), ctx, spec, escalated, shard_no)
    summary.file = commit_rows(ctx, spec, shard_no, rows, index)
    for row in rows:
        summary.add(row)
    summary.seconds = time.perf_counter() - started
    return summary


def commit_rows(ctx: RunContext, spec: SchemaSpec, shard_no: int, rows: list[ResultRow], index: DoneIndex) -> str | None:
    """Write new rows as a new file and replace changed documents' rows in place, under the commit lock.

    Each file write is atomic, and a document's row is always replaced in the file that holds it, so the
    dataset never shows a document twice. Rows that another run committed meanwhile (a nightly run and a
    backfill over the same keys) win; ours are dropped.
    """
    if not rows:
        return None
    store = cached_store(ctx.output_uri, ctx.s3)
    with store_lock(store, f"commit-{spec.name}"):
        taken = _doc_ids_committed_by_others(store, spec, ctx)
        fresh, updates = [], {}
        for row in rows:
            pos = index.find_doc(row.doc_id)
            if pos is not None:
                updates.setdefault(index.file_of(pos), []).append(row)
            elif row.doc_id not in taken:
                fresh.append(row)
        key = None
        if fresh:
            key = data_file_key(spec.name, ctx.run_date, utc_stamp(), ctx.run_id, shard_no)
            store.write(key, to_parquet_bytes(rows_to_table(fresh, spec.model)))
        for file_key, new_rows in updates.items():
            replace_rows(store, file_key, new_rows, spec)
    return key


def replace_rows(store: Store, key: str, new_rows: list[ResultRow], spec: SchemaSpec) -> None:
    """Rewrite one data file with some of its rows replaced (matched by doc_id). Caller holds the lock."""
    data = store.read_if_exists(key)
    if data is None:
        raise TransientError(f"data file {key} disappeared while replacing rows; retry")
    by_id = {r.doc_id: r for r in new_rows}
    old = table_to_rows(from_parquet_bytes(data))
    merged = [by_id.pop(r.doc_id, r) for r in old]
    merged.extend(by_id.values())  # rows that were not in the file (should not happen) are kept, not lost
    store.write(key, to_parquet_bytes(rows_to_table(merged, spec.model)))


_ids_by_file: dict[str, frozenset[str]] = {}  # per process: a file's doc ids never change once written


def _doc_ids_committed_by_others(store: Store, spec: SchemaSpec, ctx: RunContext) -> set[str]:
    """Doc ids in data files that appeared after our index was loaded and are not ours (a concurrent run)."""
    taken: set[str] = set()
    for key in data_files(store, spec.name):
        if key in ctx.known_files or f"-{ctx.run_id[:8]}-" in key:
            continue
        if key not in _ids_by_file:
            data = store.read_if_exists(key)
            if data is None:
                continue
            _ids_by_file[key] = frozenset(from_parquet_bytes(data, columns=["doc_id"])["doc_id"].to_pylist())
        taken |= _ids_by_file[key]
    return taken


def load_done_index(ctx: RunContext, spec: SchemaSpec) -> DoneIndex:
    return load_index(cached_store(ctx.output_uri, ctx.s3), spec.name, spec.version, ctx.model_label)


def run_status_counts(store: Store, schema_name: str, run_id: str) -> Counter:
    """`status/tier` counts of the rows a run wrote, as they stand now (after frontier updates)."""
    counts: Counter = Counter()
    for _, t in scan_columns(store, schema_name, ["run_id", "status", "tier"]):
        for rid, status, tier in zip(*(t[c].to_pylist() for c in ("run_id", "status", "tier"))):
            if rid == run_id:
                counts[f"{status}/{tier or '-'}"] += 1
    return counts

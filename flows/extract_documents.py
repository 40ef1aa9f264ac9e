"""The Prefect flow: list documents lazily, fan shards out to a task runner, then hand escalations to the frontier."""

from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Literal

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE

from extractors.models import model_label
from extractors.pdf import PdfLimits
from flows.pipeline import (
    ConfidenceHistogram, ListingStats, RunContext, ShardSummary, cached_schema, cached_store, iter_shards,
    load_done_index, process_shard, run_status_counts,
)
from flows.settings import Settings
from schemas.errors import TransientError
from storage import ListFilter, S3Options
from storage.index import DoneIndex
from storage.sources import open_source


def _is_transient(task, task_run, state) -> bool:
    """Retry a shard only for errors that say a retry can help (model crash, storage hiccup)."""
    try:
        state.result()
    except TransientError:
        return True
    except Exception:
        return False
    return False


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=[5, 30], retry_condition_fn=_is_transient,
      task_run_name="shard-{shard_no}")
def extract_shard(shard_no: int, refs: list, ctx: RunContext, index: DoneIndex) -> ShardSummary:
    """One Prefect task per shard of documents (hundreds), never one per document."""
    logger = get_run_logger()
    summary = process_shard(shard_no, refs, ctx, index)
    counts = ", ".join(f"{k}={v}" for k, v in sorted(summary.by_status_tier.items())) or "nothing new"
    logger.info("shard %d: %d documents in %.1fs (%s; unchanged %d)", shard_no, len(refs), summary.seconds,
                counts, summary.skipped_unchanged)
    return summary


@dataclass
class RunSummary:
    """The outcome of one run, as the CLI prints it and the artifacts show it."""

    run_id: str
    output: str
    schema: str
    model: str
    threshold: float
    listed: int = 0
    skipped_unchanged: int = 0
    documents: int = 0
    shards: int = 0
    by_status_tier: Counter = field(default_factory=Counter)
    reasons: Counter = field(default_factory=Counter)
    errors: Counter = field(default_factory=Counter)
    reused: int = 0
    slm_seconds: float = 0.0
    slm_cost_usd: float = 0.0
    text_chars: int = 0
    prices: dict = field(default_factory=dict)
    frontier_model: str = ""
    frontier: dict[str, Any] = field(default_factory=dict)
    confidences: ConfidenceHistogram = field(default_factory=ConfidenceHistogram)
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def merge(self, s: ShardSummary) -> None:
        self.shards += 1
        self.documents += s.documents
        self.skipped_unchanged += s.skipped_unchanged
        self.by_status_tier.update(s.by_status_tier)
        self.reasons.update(s.reasons)
        self.errors.update(s.errors)
        self.reused += s.reused
        self.slm_seconds += s.slm_seconds
        self.slm_cost_usd += s.slm_cost_usd
        self.text_chars += s.text_chars
        self.confidences.merge(s.confidences)
        self.failures.extend(s.failures[: max(0, ShardSummary.MAX_FAILURES - len(self.failures))])


def make_task_runner(kind: str, workers: int, dask_address: str | None = None):
    """Threads for I/O-bound work, processes for the CPU-bound model, Dask to spread over a cluster."""
    if kind == "threads":
        from prefect.task_runners import ThreadPoolTaskRunner

        return ThreadPoolTaskRunner(max_workers=workers)
    if kind == "processes":
        from prefect.task_runners import ProcessPoolTaskRunner

        return ProcessPoolTaskRunner(max_workers=workers)
    if kind == "dask":
        from prefect_dask import DaskTaskRunner

        if dask_address:
            return DaskTaskRunner(address=dask_address)
        return DaskTaskRunner(cluster_kwargs={"n_workers": workers, "threads_per_worker": 1, "processes": True})
    raise ValueError(f"unknown task runner {kind!r}: threads, processes or dask")


def build_context(
    settings: Settings, *, output: str, schema: str, model: str | None, reprocess: bool, frontier: bool,
    extractor: str = "llama", preload: bool = True,
) -> RunContext:
    """Resolve everything that can fail before any document is touched (fail fast, one clear message).

    `preload` loads the model here, for shards that run in this process (threads); worker processes load
    their own copy, so for them the model file is only checked.
    """
    from extractors.base import check_extractor

    spec = cached_schema(schema)
    check_extractor(extractor)
    llama = settings.llama
    model_name = model or llama.model
    options: dict[str, Any] = {}
    if extractor == "llama":
        from extractors.models import resolve_model

        path = resolve_model(model_name, llama.cache_dir)  # raises ModelNotFound now, not in a worker
        if llama.use_model:
            from extractors.llama_local import check_llama, default_threads, load_llama

            # a corrupt GGUF fails here with one message; with threads the shards reuse this instance
            if preload:
                load_llama(path, llama.n_ctx, llama.n_threads or default_threads())
            else:
                check_llama(path)
        options = {"model": model_name, "cache_dir": str(llama.cache_dir), "n_ctx": llama.n_ctx,
                   "n_threads": llama.n_threads, "max_options": llama.max_options,
                   "excerpt_chars": llama.excerpt_chars, "use_model": llama.use_model}
    label = model_label(model_name) if extractor == "llama" else extractor
    queue = frontier and settings.openai.enabled
    pending_reason = None if settings.frontier_configured() else "no_api_key"
    if not queue:
        pending_reason = "frontier_disabled"
    return RunContext(
        run_id=RunContext.new_run_id(),
        run_date=dt.datetime.now(dt.timezone.utc).date(),
        output_uri=output,
        schema_ref=schema,
        extractor_kind=extractor,
        extractor_options=tuple(sorted(options.items())),
        model_label=label,
        threshold=settings.threshold_for(spec.name, spec.version, label),
        limits=PdfLimits(settings.limits.max_bytes, settings.limits.max_pages, settings.limits.max_seconds),
        s3=S3Options(settings.storage.s3_endpoint_url, settings.storage.s3_region,
                     settings.storage.aws_credentials_block, settings.storage.s3_max_attempts),
        reprocess=reprocess,
        local_usd_per_hour=float(settings.prices()["local"]["usd_per_hour"]),
        pending_reason=pending_reason,
        queue_frontier=queue,
        frontier_request=(("model", settings.openai.model), ("max_output_tokens", settings.openai.max_output_tokens),
                          ("max_text_chars", settings.openai.max_text_chars)),
    )


def resolve_window(
    window: str, timezone: str, modified_since: dt.datetime | None, modified_until: dt.datetime | None,
    now: dt.datetime | None = None,
) -> tuple[dt.datetime | None, dt.datetime | None]:
    """Map the `window` parameter onto (modified_since, modified_until), as UTC-aware datetimes.

    `previous_day` is cut from the flow run's scheduled start (so a late or retried nightly run still takes the
    day it was scheduled for), not from the wall clock. Naive datetimes are read as UTC.

    Raises:
        ConfigurationError: an unknown time zone, or `previous_day` together with explicit modified_* values.
    """
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from schemas.errors import ConfigurationError

    def utc(t: dt.datetime | None) -> dt.datetime | None:
        return t.replace(tzinfo=dt.timezone.utc) if t is not None and t.tzinfo is None else t

    if window == "all":
        return utc(modified_since), utc(modified_until)
    if window != "previous_day":
        raise ConfigurationError(f"unknown window {window!r}: use 'all' or 'previous_day'")
    if modified_since is not None or modified_until is not None:
        raise ConfigurationError("window='previous_day' sets modified_since/modified_until itself: "
                                 "give either the window or the dates, not both")
    try:
        tz = ZoneInfo(timezone)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigurationError(f"unknown time zone {timezone!r}: use an IANA name such as Europe/Berlin") from exc
    if now is None:
        from prefect.runtime import flow_run

        now = flow_run.scheduled_start_time
    today = now.astimezone(tz).date()
    start = dt.datetime.combine(today - dt.timedelta(days=1), dt.time(), tzinfo=tz)
    end = dt.datetime.combine(today, dt.time(), tzinfo=tz)
    return start.astimezone(dt.timezone.utc), end.astimezone(dt.timezone.utc)


@flow(name="extract-documents", log_prints=True)
def extract_documents(
    source: str,
    output: str,
    schema: str = "invoice",
    model: str | None = None,
    prefix: str = "",
    modified_since: dt.datetime | None = None,
    modified_until: dt.datetime | None = None,
    window: Literal["all", "previous_day"] = "all",
    timezone: str = "UTC",
    doc_ids: list[str] | None = None,
    limit: int | None = None,
    shard_size: int | None = None,
    task_runner: Literal["threads", "processes", "dask"] | None = None,
    workers: int | None = None,
    reprocess: bool = False,
    frontier: bool = True,
    max_frontier_usd: float | None = None,
    wait_frontier_seconds: float = 0,
    extractor: str = "llama",
) -> dict:
    """Extract structured fields from every document under `source` into Parquet under `output`.

    Args:
        source: A directory, a glob, `s3://bucket/prefix`, or a manifest file of URIs.
        output: Where the Parquet dataset and its state live (a directory or `s3://bucket/prefix`).
        schema: `invoice`, `package.module:Class` or `path/to/file.py:Class`.
        model: Bundled model name or GGUF path; default from DOCSIEVE_LLAMA_MODEL.
        prefix: Only keys under this prefix (relative to the source).
        modified_since: Only objects modified at or after this time, for date-based backfills (no offset: UTC).
        modified_until: Only objects modified before this time (no offset: UTC).
        window: `previous_day`: only objects modified on the calendar day before the run's scheduled start, in
            `timezone` (it sets modified_since/modified_until; the nightly deployment uses it). `all`: no window.
        timezone: IANA time zone the `previous_day` window is cut in, e.g. `Europe/Berlin`.
        doc_ids: Only these documents (doc ids, URIs or file names).
        limit: Stop after listing this many documents.
        shard_size: Documents per task; default from DOCSIEVE_RUN_SHARD_SIZE.
        task_runner: threads, processes or dask; default from DOCSIEVE_RUN_TASK_RUNNER.
        workers: Parallel shards; default from DOCSIEVE_RUN_WORKERS.
        reprocess: Extract again even documents whose current result exists.
        frontier: Send escalated documents to the OpenAI Batch API (when a key or base URL is configured).
        max_frontier_usd: Cap on this run's estimated frontier spend; the rest stays pending with reason `budget`.
        wait_frontier_seconds: Wait up to this long for this run's batches to finish (0: don't wait).
        extractor: `llama` (the local tier) or `null` (no model; for benchmarks).
    """
    logger = get_run_logger()
    started = time.perf_counter()
    settings = Settings()
    modified_since, modified_until = resolve_window(window, timezone, modified_since, modified_until)
    if window != "all":
        logger.info("window %s (%s): modified in [%s, %s)", window, timezone, modified_since.isoformat(),
                    modified_until.isoformat())
    runner_kind = task_runner or settings.run.task_runner
    ctx = build_context(settings, output=output, schema=schema, model=model, reprocess=reprocess,
                        frontier=frontier, extractor=extractor, preload=runner_kind == "threads")
    spec = cached_schema(schema)
    src = open_source(source, ctx.s3)
    store = cached_store(output, ctx.s3)
    index = load_done_index(ctx, spec)
    ctx = _with_known_files(ctx, index)
    logger.info("run %s: %s -> %s, schema %s v%s, model %s, threshold %.2f, %d documents already indexed",
                ctx.run_id[:8], source, output, spec.name, spec.version, ctx.model_label, ctx.threshold, len(index))

    flt = ListFilter(prefix=prefix, modified_since=modified_since, modified_until=modified_until,
                     doc_ids=frozenset(doc_ids or ()))
    stats = ListingStats()
    summary = RunSummary(ctx.run_id, output, spec.name, ctx.model_label, ctx.threshold,
                         prices=settings.prices(), frontier_model=settings.openai.model)
    n_workers = workers or settings.run.workers
    runner = make_task_runner(runner_kind, n_workers, settings.run.dask_address)
    if runner_kind != "threads" and extractor == "llama" and settings.llama.n_threads is None:
        # one model per worker process: share the cores instead of each process taking all of them
        from dataclasses import replace

        from extractors.llama_local import default_threads

        options = dict(ctx.extractor_options, n_threads=default_threads(n_workers))
        ctx = replace(ctx, extractor_options=tuple(sorted(options.items())))
    shards = iter_shards(src.iter_refs(flt), index, shard_size or settings.run.shard_size, reprocess=reprocess,
                         limit=limit, stats=stats)
    from flows.progress import RunProgress

    progress = RunProgress(summary)
    with runner:
        in_flight: list = []
        for shard_no, refs in enumerate(shards):
            in_flight.append(runner.submit(extract_shard, {"shard_no": shard_no, "refs": refs, "ctx": ctx,
                                                           "index": index}))
            # Backpressure: a few shards ahead of the workers, so listing never outruns memory.
            while len(in_flight) >= 2 * n_workers:
                _collect(in_flight.pop(0), summary, progress, stats)
        while in_flight:
            _collect(in_flight.pop(0), summary, progress, stats)
    summary.listed, summary.skipped_unchanged = stats.listed, summary.skipped_unchanged + stats.skipped_unchanged

    if ctx.queue_frontier:
        from flows.collect_frontier import run_frontier

        summary.frontier = run_frontier(settings, output, spec, ctx.s3, max_frontier_usd=max_frontier_usd,
                                        wait_seconds=wait_frontier_seconds, run_id=ctx.run_id)
        if summary.frontier.get("collected"):
            # batches finished during this run: report where its documents stand now
            summary.by_status_tier = run_status_counts(store, spec.name, ctx.run_id)
    summary.seconds = time.perf_counter() - started
    progress.finish(summary)
    return summary_dict(summary)


def _collect(future, summary: RunSummary, progress, stats: ListingStats) -> None:
    shard = future.result()
    summary.merge(shard)
    progress.update(summary, stats.listed)


def _with_known_files(ctx: RunContext, index: DoneIndex) -> RunContext:
    """Mark the data files whose rows are in `index` as known. Exactly those: a file another run commits after
    the index was read (even before this line runs) must count as that run's, or commit_rows would write our
    copies of its documents a second time."""
    from dataclasses import replace

    return replace(ctx, known_files=frozenset(index.files))


def summary_dict(summary: RunSummary) -> dict:
    from flows.reporting import cost_report, render_text

    return {
        "text": render_text(summary),
        "costs": cost_report(summary),
        "run_id": summary.run_id, "output": summary.output, "schema": summary.schema, "model": summary.model,
        "threshold": summary.threshold, "listed": summary.listed, "skipped_unchanged": summary.skipped_unchanged,
        "documents": summary.documents, "shards": summary.shards, "by_status_tier": dict(summary.by_status_tier),
        "escalation_reasons": dict(summary.reasons), "errors": dict(summary.errors), "reused": summary.reused,
        "slm_seconds": round(summary.slm_seconds, 3), "slm_cost_usd": round(summary.slm_cost_usd, 6),
        "frontier": summary.frontier, "seconds": round(summary.seconds, 2), "failures": summary.failures,
    }


if __name__ == "__main__":
    import sys

    print(extract_documents(sys.argv[1] if len(sys.argv) > 1 else "sample_docs",
                            sys.argv[2] if len(sys.argv) > 2 else "out"))

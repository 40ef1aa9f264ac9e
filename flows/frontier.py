"""Escalated documents through the OpenAI Batch API: a resumable state machine over a state store.

State lives under `<output>/_state/frontier/`:
  queue/*.jsonl            requests waiting for a batch (written by shards, and by retries)
  batches/<key>.json       one record per batch: members, file id, batch id, status
  batches/<key>.input.jsonl  the exact JSONL sent (kept, also when no API key is configured)
  batches/<key>.layout.jsonl the layout reading of each request's page, not sent: answers are grounded in it too

A record is persisted before every step that costs money or creates remote state:
  prepared --upload--> uploaded --create--> submitted --collect--> collected
A crash between upload and persist re-uploads (files are free); a crash between create and persist finds the
batch again by its metadata, so a document is never submitted twice.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable

from extractors.openai_batch import (
    ENDPOINT, QUEUE_PREFIX, FrontierAnswer, batch_cost, batch_key, custom_id, estimate_tokens, parse_output_line,
)
from flows.pipeline import cached_schema, replace_rows
from schemas.errors import FrontierError
from schemas.registry import SchemaSpec
from schemas.results import ResultRow, Status, Tier
from storage import Store
from storage.index import scan_columns
from storage.lock import store_lock, utc_stamp
from storage.parquet import from_parquet_bytes, table_to_rows

log = logging.getLogger("docsieve.frontier")

BATCH_PREFIX = "_state/frontier/batches/"
TERMINAL = {"completed", "failed", "expired", "cancelled"}
EXPECTED_OUTPUT_TOKENS = 400  # for budget estimates before the API reports usage
LOCK_STALE_SECONDS = 1800.0  # uploads of large batch files can take minutes


@dataclass
class Member:
    custom_id: str
    content_sha256: str
    attempt: int
    est_tokens: int


@dataclass
class BatchRecord:
    key: str
    schema_ref: str
    model: str
    created_at: str
    members: list[Member]
    state: str = "prepared"  # prepared | uploaded | submitted | collected
    file_id: str | None = None
    batch_id: str | None = None
    openai_status: str | None = None
    request_counts: dict = field(default_factory=dict)
    result: dict = field(default_factory=dict)  # counts after collection

    @property
    def input_key(self) -> str:
        return f"{BATCH_PREFIX}{self.key}.input.jsonl"

    @property
    def layout_key(self) -> str:
        return f"{BATCH_PREFIX}{self.key}.layout.jsonl"

    @property
    def record_key(self) -> str:
        return f"{BATCH_PREFIX}{self.key}.json"

    @classmethod
    def from_json(cls, raw: bytes) -> "BatchRecord":
        d = json.loads(raw)
        d["members"] = [Member(**m) for m in d["members"]]
        return cls(**d)

    def save(self, store: Store) -> None:
        store.write(self.record_key, json.dumps(asdict(self), indent=1).encode())


@dataclass
class FrontierConfig:
    """The frontier settings a submission or collection needs: plain values copied from `OpenAISettings`
    (`flows.collect_frontier.frontier_config`), which holds their defaults and descriptions."""

    model: str
    max_attempts: int
    batch_max_requests: int
    batch_max_bytes: int
    enqueued_token_budget: int
    prices: dict


def load_records(store: Store) -> list[BatchRecord]:
    records = []
    for obj in store.iter_objects(BATCH_PREFIX):
        if obj.key.endswith(".json") and not obj.key.endswith(".input.jsonl"):
            raw = store.read_if_exists(obj.key)
            if raw:
                records.append(BatchRecord.from_json(raw))
    return records


def _read_jsonl(raw: bytes | None) -> Iterable[dict]:
    for line in (raw or b"").splitlines():
        if line.strip():
            yield json.loads(line)


# --------------------------------------------------------------------------------------------- rows
def pending_rows_by_sha(store: Store, schema_name: str, shas: set[str]) -> dict[str, list[tuple[str, str]]]:
    """sha -> [(data file, doc_id)] of rows still waiting for the frontier."""
    found: dict[str, list[tuple[str, str]]] = {}
    if not shas:
        return found
    for key, t in scan_columns(store, schema_name, ["doc_id", "content_sha256", "status"]):
        for doc_id, sha, status in zip(*(t[c].to_pylist() for c in ("doc_id", "content_sha256", "status"))):
            if status == Status.PENDING_FRONTIER.value and sha in shas:
                found.setdefault(sha, []).append((key, doc_id))
    return found


def update_rows(store: Store, spec: SchemaSpec, changes: dict[str, Any]) -> int:
    """Apply `changes[sha](row, first) -> None` to every pending row with that content; returns rows changed.

    Rows are rewritten in the file that holds them, under the same lock as shard commits.
    """
    located = pending_rows_by_sha(store, spec.name, set(changes))
    # one request answered every document with these bytes: the first (by doc id) carries its cost
    payer = {sha: min(doc_id for _, doc_id in places) for sha, places in located.items()}
    by_file: dict[str, dict[str, str]] = {}
    for sha, places in located.items():
        for file_key, doc_id in places:
            by_file.setdefault(file_key, {})[doc_id] = sha
    changed = 0
    with store_lock(store, f"commit-{spec.name}"):
        for file_key, docs in by_file.items():
            raw = store.read_if_exists(file_key)
            if raw is None:
                continue
            updated = []
            for row in table_to_rows(from_parquet_bytes(raw)):
                # rows no longer pending were updated by an earlier, interrupted collection
                if row.doc_id in docs and row.status == Status.PENDING_FRONTIER.value:
                    sha = docs[row.doc_id]
                    changes[sha](row, payer[sha] == row.doc_id)
                    updated.append(row)
            if updated:
                replace_rows(store, file_key, updated, spec)
                changed += len(updated)
    return changed


def _add_usage(row: ResultRow, answer: FrontierAnswer, attempt: int, cfg: FrontierConfig, pays: bool) -> None:
    """Charge one attempt's real token usage to the row, once (re-collection after a crash is a no-op)."""
    if row.frontier_attempts >= attempt:
        return
    row.frontier_attempts = attempt
    row.frontier_model = answer.model or cfg.model
    if pays:
        row.frontier_prompt_tokens += answer.prompt_tokens
        row.frontier_completion_tokens += answer.completion_tokens
        row.frontier_cost_usd = round(row.frontier_cost_usd + batch_cost(
            cfg.prices, row.frontier_model, answer.prompt_tokens, answer.completion_tokens), 8)
    row.cost_usd = round(row.slm_cost_usd + row.frontier_cost_usd, 8)


def _set_pending_reason(store: Store, spec: SchemaSpec, shas: Iterable[str], reason: str) -> None:
    def change(row: ResultRow, first: bool) -> None:
        row.pending_reason = reason

    shas = set(shas)
    if shas:
        update_rows(store, spec, {sha: change for sha in shas})


# --------------------------------------------------------------------------------------------- submit
def prepare_batches(store: Store, cfg: FrontierConfig, *, budget_usd: float | None, run_id: str = "",
                    sending: bool = True) -> dict[str, int]:
    """Turn queued requests into batch records (and their input files), within the budgets.

    Returns counts: prepared requests, over_budget, deferred (token budget), batches, and the estimated
    spend of what was prepared (`estimated_usd`), so a caller can charge it against a run's budget.
    """
    with store_lock(store, "frontier", stale_after=LOCK_STALE_SECONDS):
        records = load_records(store)
        known = {m.custom_id for r in records for m in r.members}
        in_flight = sum(m.est_tokens for r in records if r.state in ("uploaded", "submitted") for m in r.members)
        queue_keys = [o.key for o in store.iter_objects(QUEUE_PREFIX) if o.key.endswith(".jsonl")]
        entries: dict[str, dict] = {}
        for key in queue_keys:
            for e in _read_jsonl(store.read_if_exists(key)):
                if e["custom_id"] not in known:
                    entries.setdefault(e["custom_id"], e)
        chosen, over_budget, deferred = [], [], []
        spend = 0.0
        for e in entries.values():
            est = batch_cost(cfg.prices, cfg.model, e["est_tokens"], EXPECTED_OUTPUT_TOKENS)
            if budget_usd is not None and spend + est > budget_usd:
                over_budget.append(e)
            elif sending and in_flight + e["est_tokens"] > cfg.enqueued_token_budget and chosen:
                deferred.append(e)
            else:
                chosen.append(e)
                spend += est
                in_flight += e["est_tokens"]
        by_schema: dict[str, list[dict]] = {}
        for e in chosen:
            by_schema.setdefault(e["schema_ref"], []).append(e)
        new_records = []
        for schema_ref, group in by_schema.items():
            for chunk in _chunks(group, cfg.batch_max_requests, cfg.batch_max_bytes):
                lines = [json.dumps(e["request"], ensure_ascii=False) + "\n" for e in chunk]
                rec = BatchRecord(
                    key=batch_key([e["custom_id"] for e in chunk]), schema_ref=schema_ref, model=cfg.model,
                    created_at=dt.datetime.now(dt.timezone.utc).isoformat(),
                    members=[Member(e["custom_id"], e["content_sha256"], e["attempt"], e["est_tokens"])
                             for e in chunk],
                )
                store.write(rec.input_key, "".join(lines).encode())
                layouts = [{"custom_id": e["custom_id"], "layout_text": e["layout_text"]}
                           for e in chunk if e.get("layout_text")]
                if layouts:
                    store.write(rec.layout_key, "".join(json.dumps(x, ensure_ascii=False) + "\n"
                                                        for x in layouts).encode())
                rec.save(store)  # the record exists before anything is sent
                new_records.append(rec)
        rest = over_budget + deferred
        if rest:
            store.write(f"{QUEUE_PREFIX}{utc_stamp()}-{run_id[:8] or 'rest'}-rest.jsonl",
                        "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in rest).encode())
        for key in queue_keys:  # consumed: their entries are in records or in the rest file
            store.delete(key)
    for reason, group in (("budget", over_budget), ("token_budget", deferred)):
        for schema_ref in {e["schema_ref"] for e in group}:
            _set_pending_reason(store, cached_schema(schema_ref),
                                (e["content_sha256"] for e in group if e["schema_ref"] == schema_ref), reason)
    return {"prepared": len(chosen), "over_budget": len(over_budget), "deferred": len(deferred),
            "batches": len(new_records), "estimated_usd": round(spend, 8)}


def _chunks(entries: list[dict], max_requests: int, max_bytes: int) -> Iterable[list[dict]]:
    chunk, size = [], 0
    for e in entries:
        n = len(json.dumps(e["request"], ensure_ascii=False).encode()) + 1
        if chunk and (len(chunk) >= max_requests or size + n > max_bytes):
            yield chunk
            chunk, size = [], 0
        chunk.append(e)
        size += n
    if chunk:
        yield chunk


def send_prepared(store: Store, client) -> int:
    """Upload and create every batch that is prepared or uploaded; resume safely after a crash.

    A batch the API refuses does not hold up the others; the first error is raised after the rest were sent.
    """
    sent, failure = [], None
    with store_lock(store, "frontier", stale_after=LOCK_STALE_SECONDS):
        for rec in load_records(store):
            if rec.state not in ("prepared", "uploaded"):
                continue
            try:
                if rec.state == "prepared":
                    data = store.read(rec.input_key)
                    uploaded = _api(lambda: client.files.create(file=(f"{rec.key}.jsonl", data), purpose="batch"))
                    rec.file_id, rec.state = uploaded.id, "uploaded"
                    rec.save(store)
                existing = _find_batch(client, rec) or _create_batch(client, rec)
            except FrontierError as exc:
                failure = failure or exc
                log.warning("batch %s not sent yet: %s", rec.key, exc)
                continue
            rec.batch_id, rec.openai_status, rec.state = existing.id, existing.status, "submitted"
            rec.save(store)
            sent.append(rec)
            log.info("batch %s submitted as %s (%d requests)", rec.key, rec.batch_id, len(rec.members))
    for rec in sent:  # rows say where they wait, for `docsieve batches` and the UI
        _set_pending_reason(store, cached_schema(rec.schema_ref), (m.content_sha256 for m in rec.members),
                            f"in_flight {rec.batch_id}")
    if failure is not None:
        raise failure
    return len(sent)


def _create_batch(client, rec: BatchRecord, sleep=time.sleep):
    """Create the batch once. Creating is not idempotent (the API takes no idempotency key), so the SDK must
    not retry it blindly: a lost response would create a second batch and pay for every document twice.
    We retry ourselves, and after every failure look the batch up by its metadata first."""
    import openai

    once = client.with_options(max_retries=0)
    attempts = client.max_retries + 1
    for attempt in range(attempts):
        try:
            return _api(lambda: once.batches.create(
                input_file_id=rec.file_id, endpoint=ENDPOINT, completion_window="24h",
                metadata={"docsieve_batch": rec.key}))
        except FrontierError as exc:
            cause = exc.__cause__
            transient = isinstance(cause, (openai.APIConnectionError, openai.RateLimitError,
                                           openai.InternalServerError, openai.ConflictError))
            if not transient or attempt + 1 == attempts:
                raise
            existing = _find_batch(client, rec)  # the call may have taken effect before its answer was lost
            if existing is not None:
                return existing
            sleep(_retry_delay(cause, attempt))
    raise AssertionError("unreachable")


def _retry_delay(exc: Exception, attempt: int) -> float:
    """The server's retry-after(-ms) when it sends one (as the SDK honours it), else exponential backoff."""
    headers = getattr(getattr(exc, "response", None), "headers", None) or {}
    for name, scale in (("retry-after-ms", 1000.0), ("retry-after", 1.0)):
        try:
            value = float(headers.get(name)) / scale
        except (TypeError, ValueError):
            continue
        if 0 <= value <= 60:
            return value
    return min(0.5 * 2 ** attempt, 8.0)


def _find_batch(client, rec: BatchRecord):
    """A batch created for this record before a crash lost its id (matched by metadata or input file)."""
    created = dt.datetime.fromisoformat(rec.created_at).timestamp()
    for batch in _api(lambda: client.batches.list(limit=100)):
        if (batch.metadata or {}).get("docsieve_batch") == rec.key or batch.input_file_id == rec.file_id:
            return batch
        if batch.created_at < created - 3600:
            break  # newest first: older batches cannot be ours
    return None


def _api(call):
    """One SDK call. The SDK already retries 429/5xx with backoff; what still fails is transient for us."""
    import openai

    try:
        return call()
    except (openai.APIConnectionError, openai.RateLimitError, openai.InternalServerError) as exc:
        raise FrontierError(f"Batch API unavailable: {type(exc).__name__}: {exc}. {_RESUME}") from exc
    except openai.APIStatusError as exc:
        raise FrontierError(f"Batch API refused the call: HTTP {exc.status_code}: {exc.message}. {_RESUME}") \
            from exc


_RESUME = "Nothing is lost: the batch state is saved, run collect-frontier later to resume."


# --------------------------------------------------------------------------------------------- collect
def collect_batches(store: Store, client, cfg: FrontierConfig) -> dict[str, int]:
    """Poll every submitted batch once; fold finished ones into the rows. Returns counts."""
    counts = {"in_progress": 0, "collected": 0, "extracted": 0, "retried": 0, "failed": 0}
    for rec in load_records(store):
        if rec.state != "submitted":
            continue
        batch = _api(lambda: client.batches.retrieve(rec.batch_id))
        rc = batch.request_counts
        rec.request_counts = {"total": rc.total, "completed": rc.completed, "failed": rc.failed} if rc else {}
        if batch.status not in TERMINAL:
            if batch.status != rec.openai_status:
                rec.openai_status = batch.status
                rec.save(store)
            counts["in_progress"] += 1
            continue
        rec.openai_status = batch.status
        result = _fold_batch(store, client, cfg, rec, batch)
        rec.state, rec.result = "collected", result
        rec.save(store)
        counts["collected"] += 1
        for k in ("extracted", "retried", "failed"):
            counts[k] += result.get(k, 0)
        log.info("batch %s %s: %s", rec.key, batch.status, result)
    return counts


def _download(client, file_id: str | None) -> list[dict]:
    if not file_id:
        return []
    content = _api(lambda: client.files.content(file_id))
    return list(_read_jsonl(content.read()))


def _fold_batch(store: Store, client, cfg: FrontierConfig, rec: BatchRecord, batch) -> dict[str, int]:
    spec = cached_schema(rec.schema_ref)
    inputs = {line["custom_id"]: line for line in _read_jsonl(store.read_if_exists(rec.input_key))}
    layout_of = {x["custom_id"]: x["layout_text"] for x in _read_jsonl(store.read_if_exists(rec.layout_key))}
    text_of = {cid: line["body"]["messages"][-1]["content"] + "\n\n" + layout_of.get(cid, "")
               for cid, line in inputs.items()}
    # Output and error files are both read and joined on custom_id; whatever neither mentions (an expired
    # or cancelled batch) is requeued.
    lines = _download(client, batch.output_file_id) + _download(client, batch.error_file_id)
    answers: dict[str, FrontierAnswer] = {}
    for line in lines:
        answer = parse_output_line(line, spec, text_of)
        if answer.custom_id not in answers or answer.data is not None:
            answers[answer.custom_id] = answer
    changes: dict[str, Any] = {}
    retries: list[dict] = []
    result = {"extracted": 0, "retried": 0, "failed": 0}
    unanswered = _batch_problem(batch)
    for m in rec.members:
        answer = answers.get(m.custom_id) or FrontierAnswer(m.custom_id, error=unanswered)
        if answer.data is not None:
            changes[m.content_sha256] = _succeed(answer, m.attempt, cfg)
            result["extracted"] += 1
        elif m.attempt < cfg.max_attempts and answer.retryable and m.custom_id in inputs:
            changes[m.content_sha256] = _retry(answer, m.attempt, cfg)
            retries.append(_retry_entry(inputs[m.custom_id], m, spec, rec.schema_ref, layout_of.get(m.custom_id)))
            result["retried"] += 1
        else:
            changes[m.content_sha256] = _fail(answer, m.attempt, cfg)
            result["failed"] += 1
    if retries:
        # deterministic name: collecting the same batch twice writes the same file, not twice the work
        store.write(f"{QUEUE_PREFIX}retry-{rec.key}.jsonl",
                    "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in retries).encode())
    update_rows(store, spec, changes)
    return result


def _batch_problem(batch) -> str:
    """Why a request got no answer: the batch's status, and the API's own reasons when it gives them (a failed
    batch carries them in `errors`, e.g. token_limit_exceeded), so a row that ends failed keeps the cause."""
    errors = getattr(getattr(batch, "errors", None), "data", None) or []
    detail = "; ".join(f"{e.code}: {e.message}" for e in errors[:3] if e is not None)
    return f"no answer: batch {batch.status}" + (f" ({detail})" if detail else "")


def _succeed(answer: FrontierAnswer, attempt: int, cfg: FrontierConfig):
    def change(row: ResultRow, first: bool) -> None:
        _add_usage(row, answer, attempt, cfg, pays=first)
        row.status, row.tier = Status.EXTRACTED.value, Tier.FRONTIER.value
        row.data_json = json.dumps(answer.data, ensure_ascii=False)
        row.model = row.frontier_model
        row.prompt_tokens, row.completion_tokens = row.frontier_prompt_tokens, row.frontier_completion_tokens
        row.confidence = None  # the frontier gives no calibrated score; its answer passed validation
        row.pending_reason = row.error = row.error_code = None
        if answer.ungrounded:
            note = "frontier values not found in the text: " + ", ".join(answer.ungrounded[:10])
            row.escalation_detail = "; ".join(x for x in (row.escalation_detail, note) if x)[:500]
    return change


def _retry(answer: FrontierAnswer, attempt: int, cfg: FrontierConfig):
    def change(row: ResultRow, first: bool) -> None:
        _add_usage(row, answer, attempt, cfg, pays=first)
        row.pending_reason = f"retry {attempt + 1}/{cfg.max_attempts}: {answer.error}"[:300]
    return change


def _fail(answer: FrontierAnswer, attempt: int, cfg: FrontierConfig):
    def change(row: ResultRow, first: bool) -> None:
        _add_usage(row, answer, attempt, cfg, pays=first)
        row.status, row.tier = Status.FAILED.value, Tier.FRONTIER.value
        row.error = f"frontier failed after {attempt} attempt(s): {answer.error}"[:500]
        row.error_code, row.retryable, row.pending_reason = "frontier_failed", False, None
    return change


def _retry_entry(request: dict, m: Member, spec: SchemaSpec, schema_ref: str, layout_text: str | None) -> dict:
    cid = custom_id(m.content_sha256, spec, m.attempt + 1)
    new_request = json.loads(json.dumps(request))
    new_request["custom_id"] = cid
    entry = {"custom_id": cid, "content_sha256": m.content_sha256, "attempt": m.attempt + 1,
             "schema_ref": schema_ref, "est_tokens": estimate_tokens(new_request), "request": new_request}
    return entry | ({"layout_text": layout_text} if layout_text else {})


# --------------------------------------------------------------------------------------------- driver
def run_frontier_cycle(store: Store, client, cfg: FrontierConfig, *, budget_usd: float | None = None,
                       run_id: str = "") -> dict[str, Any]:
    """One pass: queue -> batches (-> send -> poll once). Without a client only the batch files are written."""
    prepared = prepare_batches(store, cfg, budget_usd=budget_usd, run_id=run_id, sending=client is not None)
    if client is None:
        return {"status": "no API key: batch files written, documents stay pending_frontier", **prepared}
    try:
        sent = send_prepared(store, client)
    except FrontierError:
        collect_batches(store, client, cfg)  # finished batches are still folded in before we give up
        raise
    collected = collect_batches(store, client, cfg)
    return {"status": "sent", **prepared, "sent": sent, **collected}


def wait_for_batches(store: Store, client, cfg: FrontierConfig, *, timeout: float, first_delay: float = 30.0,
                     max_delay: float = 600.0, sleep=time.sleep, budget_usd: float | None = None) -> dict[str, int]:
    """Poll with exponential backoff until no batch is in flight (and no retry is queued) or the timeout.

    `budget_usd` is what the caller may still spend: requeued retries and deferred requests are sent only
    within it (None: no cap).
    """
    deadline = time.monotonic() + timeout
    delay = first_delay
    totals: dict[str, int] = {}
    while True:
        prepared = prepare_batches(store, cfg, budget_usd=budget_usd)
        if budget_usd is not None:
            budget_usd = max(0.0, budget_usd - prepared["estimated_usd"])
        send_prepared(store, client)
        counts = collect_batches(store, client, cfg)
        for k, v in counts.items():
            if k != "in_progress":
                totals[k] = totals.get(k, 0) + v
        # a collection that requeued work (retries, or room for deferred requests) needs one more pass
        requeued = counts["collected"] and any(o.key.endswith(".jsonl") for o in store.iter_objects(QUEUE_PREFIX))
        busy = counts["in_progress"] or requeued or any(r.state in ("prepared", "uploaded", "submitted")
                                                        for r in load_records(store))
        if not busy or time.monotonic() + delay > deadline:
            totals["in_progress"] = counts["in_progress"]
            return totals
        sleep(delay)
        delay = min(delay * 1.5, max_delay)


def frontier_usage(store: Store, schema_name: str) -> dict[str, float]:
    """Tokens and dollars the frontier cost so far, from the rows themselves."""
    totals = {"prompt_tokens": 0, "completion_tokens": 0, "cost_usd": 0.0}
    for _, t in scan_columns(store, schema_name, ["frontier_prompt_tokens", "frontier_completion_tokens",
                                                  "frontier_cost_usd"]):
        totals["prompt_tokens"] += sum(t["frontier_prompt_tokens"].to_pylist())
        totals["completion_tokens"] += sum(t["frontier_completion_tokens"].to_pylist())
        totals["cost_usd"] += sum(t["frontier_cost_usd"].to_pylist())
    return totals

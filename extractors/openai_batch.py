"""The frontier tier: OpenAI Batch API request lines in, validated answers out.

This module knows the wire formats (request JSONL, output and error file lines) and nothing about where
state lives; `flows/frontier.py` drives submission and collection and keeps the state store.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from extractors.grounding import GroundingIndex
from extractors.routing import validate_answer
from schemas.registry import SchemaSpec

if TYPE_CHECKING:
    from flows.pipeline import RunContext
    from schemas.document import Document
    from schemas.results import ResultRow
    from storage import Store

ENDPOINT = "/v1/chat/completions"
QUEUE_PREFIX = "_state/frontier/queue/"
SYSTEM_PROMPT = (
    "You extract structured data from business documents. Fill every field from the document text; use null "
    "for anything the document does not state. Copy names and numbers exactly as printed; dates as YYYY-MM-DD."
)


def custom_id(content_sha256: str, spec: SchemaSpec, attempt: int) -> str:
    """Deterministic: the same bytes, schema version and attempt always map to the same request."""
    return f"{content_sha256[:40]}-{spec.name}-v{spec.version}-a{attempt}"


def _strip_keys(node: Any, keys: set[str]) -> Any:
    """Drop hint keys (lists, e.g. `labels`) everywhere; a schema *property* of the same name is a dict, kept."""
    if isinstance(node, dict):
        return {k: _strip_keys(v, keys) for k, v in node.items() if not (k in keys and isinstance(v, list))}
    if isinstance(node, list):
        return [_strip_keys(v, keys) for v in node]
    return node


def response_format(spec: SchemaSpec) -> dict:
    """Strict structured-output format from the Pydantic schema, as the openai SDK's own `.parse()` builds it."""
    from openai.lib._parsing._completions import type_to_response_format_param

    fmt = dict(type_to_response_format_param(spec.model))
    fmt["json_schema"] = _strip_keys(dict(fmt["json_schema"]), {"labels"})  # our extraction hints, not schema
    fmt["json_schema"]["name"] = f"{spec.name}_v{spec.version}".replace(".", "_").replace("-", "_")[:64]
    return fmt


def build_request(cid: str, text: str, spec: SchemaSpec, *, model: str, max_output_tokens: int,
                  max_text_chars: int) -> dict:
    """One Batch API input line."""
    if len(text) > max_text_chars:
        text = text[:max_text_chars] + "\n[… text cut …]"
    return {
        "custom_id": cid,
        "method": "POST",
        "url": ENDPOINT,
        "body": {
            "model": model,
            "messages": [
                {"role": "system", "content": SYSTEM_PROMPT},
                {"role": "user", "content": f"Schema: {spec.name}\n\nDocument:\n{text}"},
            ],
            "response_format": response_format(spec),
            "max_completion_tokens": max_output_tokens,
        },
    }


def estimate_tokens(request: dict) -> int:
    """Prompt tokens, roughly (4 characters per token), for budgets before the API reports real usage."""
    body = request["body"]
    return len(json.dumps(body["messages"], ensure_ascii=False)) // 4 + len(json.dumps(body["response_format"])) // 8


def enqueue_requests(store: "Store", ctx: "RunContext", spec: SchemaSpec,
                     escalated: list[tuple["ResultRow", "Document"]], shard_no: int) -> str | None:
    """Write the Batch API requests of a shard's escalated documents to the frontier queue (one file)."""
    from storage.lock import utc_stamp

    options = dict(ctx.frontier_request)
    entries: dict[str, dict] = {}
    for row, doc in escalated:
        cid = custom_id(row.content_sha256 or "", spec, 1)
        if cid in entries:
            continue  # same bytes twice: one request answers both documents
        request = build_request(cid, doc.text, spec, model=options["model"],
                                max_output_tokens=options["max_output_tokens"],
                                max_text_chars=options["max_text_chars"])
        entries[cid] = {"custom_id": cid, "content_sha256": row.content_sha256, "attempt": 1,
                        "schema_ref": ctx.schema_ref, "est_tokens": estimate_tokens(request), "request": request}
        if doc.layout_pages:
            # not sent: the answer's values are grounded in both readings of the page, as the local tier's are
            entries[cid]["layout_text"] = doc.layout_text[: 2 * options["max_text_chars"]]
    if not entries:
        return None
    key = f"{QUEUE_PREFIX}{utc_stamp()}-{ctx.run_id[:8]}-{shard_no:05d}.jsonl"
    store.write(key, "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries.values()).encode())
    return key


@dataclass
class FrontierAnswer:
    """What the batch said about one request: a validated answer, or why not."""

    custom_id: str
    data: dict | None = None
    error: str | None = None
    retryable: bool = True  # per-request errors and invalid answers may succeed on another attempt
    prompt_tokens: int = 0
    completion_tokens: int = 0
    model: str | None = None
    # values not found in the document text: kept (a frontier model may rightly normalise what pypdf garbled)
    # but said in the row, so reviewers can filter on them
    ungrounded: list[str] = field(default_factory=list)


def parse_output_line(line: dict, spec: SchemaSpec, text_of: dict[str, str] | None = None) -> FrontierAnswer:
    """One line of an output or error file -> `FrontierAnswer`, validated like an SLM answer."""
    cid = line.get("custom_id", "")
    response = line.get("response") or {}
    body = response.get("body") or {}
    usage = body.get("usage") or {}
    answer = FrontierAnswer(cid, prompt_tokens=int(usage.get("prompt_tokens") or 0),
                            completion_tokens=int(usage.get("completion_tokens") or 0), model=body.get("model"))
    if line.get("error"):
        err = line["error"]
        answer.error = f"batch request error {err.get('code')}: {err.get('message')}"
        return answer
    status = response.get("status_code")
    if status != 200:
        err = (body.get("error") or {}) if isinstance(body, dict) else {}
        answer.error = f"HTTP {status}: {err.get('message') or err.get('code') or 'request failed'}"
        return answer
    choice = (body.get("choices") or [{}])[0]
    message = choice.get("message") or {}
    if message.get("refusal"):
        answer.error = f"model refused: {message['refusal']}"[:300]
        return answer
    if choice.get("finish_reason") == "length":
        answer.error = "answer cut off at max_completion_tokens"
        return answer
    try:
        data = json.loads(message.get("content") or "")
    except json.JSONDecodeError as exc:
        answer.error = f"answer is not JSON ({exc.msg})"
        return answer
    text = (text_of or {}).get(cid)
    check = validate_answer(data if isinstance(data, dict) else None, spec, GroundingIndex(text) if text else None)
    if check.invalid or check.broken_rules:
        answer.error = "invalid answer: " + (check.invalid or "; ".join(check.broken_rules))
        return answer
    answer.data = check.data
    answer.ungrounded = list(check.ungrounded)
    return answer


def batch_cost(prices: dict, model: str, prompt_tokens: int, completion_tokens: int) -> float:
    """USD at the Batch API price (the synchronous list price times the batch discount)."""
    entry = prices.get("frontier", {}).get(model) or prices.get("frontier", {}).get(_base_model(model))
    if not entry:
        return 0.0
    sync = (prompt_tokens * entry["input"] + completion_tokens * entry["output"]) / 1e6
    return round(sync * float(prices.get("batch_discount", 0.5)), 8)


def _base_model(model: str) -> str:
    """`gpt-4.1-mini-2025-04-14` -> `gpt-4.1-mini`: the API reports dated snapshots."""
    parts = model.split("-")
    while parts and parts[-1].isdigit():
        parts.pop()
    return "-".join(parts)


def batch_key(custom_ids: list[str]) -> str:
    return hashlib.sha256("\n".join(sorted(custom_ids)).encode()).hexdigest()[:16]


def make_client(api_key: str | None, base_url: str | None, max_retries: int = 5):
    """The real openai SDK client; `base_url` points it at any OpenAI-compatible Batch API."""
    from openai import OpenAI

    return OpenAI(api_key=api_key or "not-needed", base_url=base_url, max_retries=max_retries, timeout=120)

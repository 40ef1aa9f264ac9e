"""Distillation data: validated frontier answers as chat-format fine-tuning examples for the next local model."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from storage import Store
from storage.index import scan_columns

BATCH_PREFIX = "_state/frontier/batches/"


def _requests_by_sha(store: Store) -> dict[str, dict]:
    """content sha256 prefix -> the request body that was sent for it (any attempt; the text is the same)."""
    out: dict[str, dict] = {}
    for obj in store.iter_objects(BATCH_PREFIX):
        if not obj.key.endswith(".input.jsonl"):
            continue
        for line in (store.read_if_exists(obj.key) or b"").splitlines():
            if line.strip():
                req = json.loads(line)
                out.setdefault(req["custom_id"].split("-", 1)[0], req["body"])
    return out


def iter_examples(store: Store, schema_name: str) -> Iterator[dict]:
    """One `{"messages": [system, user, assistant]}` example per frontier-extracted document (per distinct bytes)."""
    bodies = _requests_by_sha(store)
    seen: set[str] = set()
    for _, t in scan_columns(store, schema_name, ["content_sha256", "status", "tier", "data_json"]):
        for sha, status, tier, data_json in zip(*(t[c].to_pylist() for c in t.column_names)):
            if status != "extracted" or tier != "frontier" or not data_json or not sha or sha in seen:
                continue
            body = bodies.get(sha[:40])
            if body is None:
                continue
            seen.add(sha)
            yield {"messages": [*body["messages"], {"role": "assistant", "content": data_json}]}


def export_finetune(store: Store, schema_name: str, path: Path) -> int:
    """Write the examples as JSONL (OpenAI chat fine-tuning format); returns how many."""
    n = 0
    with open(path, "w", encoding="utf-8") as fh:
        for example in iter_examples(store, schema_name):
            fh.write(json.dumps(example, ensure_ascii=False) + "\n")
            n += 1
    return n

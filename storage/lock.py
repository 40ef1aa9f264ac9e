"""A short-lived lease lock on a store: local O_EXCL file or S3 conditional PUT. Guards commits, not runs."""

from __future__ import annotations

import json
import os
import socket
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from schemas.errors import TransientError
from storage.base import Store


class LockTimeout(TransientError):
    """Another process held the commit lock for longer than we were willing to wait."""


@contextmanager
def store_lock(store: Store, name: str, *, stale_after: float = 120.0, wait: float = 600.0) -> Iterator[None]:
    """Hold `_state/locks/<name>.lock` for the duration of the block.

    Critical sections are seconds long (write one Parquet file); a lock older than `stale_after`
    belongs to a crashed process and is broken.
    """
    key = f"_state/locks/{name}.lock"
    token = json.dumps({"owner": f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}",
                        "acquired_at": time.time()}).encode()
    deadline = time.monotonic() + wait
    delay = 0.02
    while not store.create_exclusive(key, token):
        held = store.read_if_exists(key)
        try:
            age = time.time() - json.loads(held or b"{}").get("acquired_at", time.time())
        except ValueError:
            age = stale_after + 1  # unreadable lock file: treat as stale
        if held is not None and age > stale_after:
            store.delete(key)
            continue
        if time.monotonic() > deadline:
            raise LockTimeout(f"commit lock {key} held by another run for over {wait:.0f}s")
        time.sleep(delay)
        delay = min(delay * 2, 0.5)
    try:
        yield
    finally:
        # only remove our own lock (if it was broken as stale, another owner may hold it now)
        if store.read_if_exists(key) == token:
            store.delete(key)


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")

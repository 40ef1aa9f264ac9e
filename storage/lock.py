"""A short-lived lease lock on a store: a local exclusive create or an S3 conditional PUT. Guards commits, not runs."""

from __future__ import annotations

import json
import math
import os
import socket
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from typing import Iterator

from schemas.errors import TransientError
from storage.base import Store
from storage.local import process_alive


class LockTimeout(TransientError):
    """Another process held the commit lock for longer than we were willing to wait."""


@contextmanager
def store_lock(store: Store, name: str, *, stale_after: float = 120.0, wait: float = 600.0) -> Iterator[None]:
    """Hold `_state/locks/<name>.lock` for the duration of the block.

    Critical sections are seconds long (write one Parquet file); a lock older than `stale_after`
    belongs to a crashed process and is broken.
    """
    key = f"_state/locks/{name}.lock"
    owner = f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
    deadline = time.monotonic() + wait
    delay = 0.02
    while True:
        # stamped at each attempt: a token made before waiting would look old (even stale) the moment we got it
        token = json.dumps({"owner": owner, "acquired_at": time.time()}).encode()
        if store.create_exclusive(key, token):
            break
        held = store.read_if_exists(key)
        if held == token:  # our PUT landed but its answer was lost; the client's retry then got 412
            break
        dead = held is not None and _owner_is_dead(held)
        if held is not None and (dead or _age(held) > stale_after) and _break_stale(
                store, key, held, token, stale_after):
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


def _owner_is_dead(lock: bytes) -> bool:
    """The lock was taken on this host by a process that no longer exists (killed with -9, say).

    Then there is no need to wait `stale_after`: a rerun right after a crash proceeds at once.
    """
    try:
        host, pid, _ = json.loads(lock).get("owner", "").split(":", 2)
        pid = int(pid)
    except (ValueError, AttributeError):
        return False
    if host != socket.gethostname() or pid == os.getpid():
        return False
    return not process_alive(pid)


def _age(lock: bytes | None) -> float:
    """Seconds since the lock's owner took it (by the owner's clock)."""
    try:
        return time.time() - json.loads(lock or b"{}").get("acquired_at", time.time())
    except (ValueError, AttributeError):
        return math.inf  # unreadable lock file: treat as stale


def _break_stale(store: Store, key: str, held: bytes, token: bytes, stale_after: float) -> bool:
    """Delete the stale lock `held` while holding `<key>.breaking`; False if another waiter is breaking it.

    Waiters that saw the same stale lock must not each delete: the second delete would remove the lock the
    first one has just taken. Under the claim, a waiter deletes only if the lock still holds the bytes it
    judged stale (tokens are unique), so a late waiter finds the successor's lock and leaves it. Without a
    conditional delete one race remains: a holder that outlived `stale_after` and releases between our read
    and our delete.
    """
    claim = f"{key}.breaking"
    if not store.create_exclusive(claim, token):
        if _age(store.read_if_exists(claim)) > stale_after:  # the breaker died before removing its claim
            store.delete(claim)
        return False
    try:
        if store.read_if_exists(key) == held:
            store.delete(key)
    finally:
        store.delete(claim)
    return True


def utc_stamp() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%f")

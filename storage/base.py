"""The storage protocol every backend implements: list lazily, read, write atomically."""

from __future__ import annotations

import fnmatch
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterator, Protocol

from schemas.document import DocumentRef

# Files that sit beside documents but are not documents (truth files, readmes). Override with --exclude.
DEFAULT_EXCLUDE = ("*.md", "*.jsonl", "*.json", "*.txt", "LICENSE*", ".*", "_*")


@dataclass(frozen=True)
class ListFilter:
    """Which objects under a source are documents for this run."""

    prefix: str = ""
    modified_since: datetime | None = None
    modified_until: datetime | None = None
    include: tuple[str, ...] = ("*",)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    doc_ids: frozenset[str] = field(default_factory=frozenset)  # doc ids, URIs or file names

    def __post_init__(self) -> None:
        # naive datetimes (from a UI form or a YAML file) mean UTC; comparing them with S3's aware ones would raise
        for name in ("modified_since", "modified_until"):
            value = getattr(self, name)
            if value is not None and value.tzinfo is None:
                object.__setattr__(self, name, value.replace(tzinfo=timezone.utc))

    def wants(self, ref: DocumentRef) -> bool:
        name = ref.name
        if not any(fnmatch.fnmatch(name, pat) for pat in self.include):
            return False
        if any(fnmatch.fnmatch(name, pat) for pat in self.exclude):
            return False
        if ref.modified is not None:
            if self.modified_since and ref.modified < self.modified_since:
                return False
            if self.modified_until and ref.modified >= self.modified_until:
                return False
        if self.doc_ids and not ({ref.doc_id, ref.uri, name} & self.doc_ids):
            return False
        return True


@dataclass(frozen=True)
class ObjectInfo:
    key: str  # relative to the store's root, '/'-separated
    size: int
    modified: datetime


class Store(Protocol):
    """A local directory or an S3 prefix. Keys are relative to `root` and always use '/'."""

    root: str

    def uri(self, key: str) -> str: ...

    def iter_objects(self, prefix: str = "", start_after: str | None = None) -> Iterator[ObjectInfo]:
        """Every object under `prefix`, lazily, in key order where the backend allows it."""
        ...

    def read(self, key: str) -> bytes: ...

    def read_if_exists(self, key: str) -> bytes | None: ...

    def write(self, key: str, data: bytes) -> None:
        """Replace `key` atomically: readers see the old bytes or the new ones, never a mix."""
        ...

    def create_exclusive(self, key: str, data: bytes) -> bool:
        """Create `key` only if it does not exist; True if this call created it."""
        ...

    def delete(self, key: str) -> None: ...

"""What flows through the pipeline: a reference to a stored document, then its text."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime


def doc_id_for(uri: str) -> str:
    """Stable id of a document: derived from where it is stored, not from its bytes."""
    return hashlib.sha256(uri.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class DocumentRef:
    """A document in storage, listed but not yet read."""

    uri: str
    size: int | None = None
    modified: datetime | None = None

    @property
    def doc_id(self) -> str:
        return doc_id_for(self.uri)

    @property
    def name(self) -> str:
        return self.uri.rstrip("/").rsplit("/", 1)[-1]


@dataclass(slots=True)
class Document:
    """A document read from storage with its text layer, one string per page."""

    ref: DocumentRef
    content_sha256: str
    size_bytes: int
    pages: list[str] = field(default_factory=list)
    # the same pages with the printed columns kept apart by spaces (pypdf's layout mode): the plain text
    # runs neighbouring columns into one line ("Kunden AG Mitte Beträge in EUR") and tables out of order
    layout_pages: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n\n".join(self.pages)

    @property
    def layout_text(self) -> str:
        return "\n\n".join(self.layout_pages)

"""Document bytes -> `Document`: the text layer of each PDF page (pypdf), or plain text, with limits."""

from __future__ import annotations

import ctypes
import hashlib
import io
import logging
import re
import sys
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Iterator

from schemas.document import Document, DocumentRef
from schemas.errors import DocumentError

# pypdf logs every malformed object at WARNING; a nightly run over millions of PDFs would drown in them.
logging.getLogger("pypdf").setLevel(logging.ERROR)

MIN_TEXT_CHARS = 20  # fewer non-blank characters than this on all pages: a scan without a text layer


@dataclass(frozen=True)
class PdfLimits:
    """Caps that keep one hostile or huge document from holding up a shard."""

    max_bytes: int = 50_000_000
    max_pages: int = 300
    max_seconds: float = 60.0


def sniff_type(head: bytes) -> str | None:
    """Name the format of a non-PDF file from its first bytes, for a helpful error (None: a PDF)."""
    head = head.lstrip()[:64]
    if head.startswith(b"%PDF"):
        return None
    if head.startswith(b"\x89PNG"):
        return "a PNG image"
    if head.startswith(b"\xff\xd8\xff"):
        return "a JPEG image"
    if head.startswith(b"PK\x03\x04"):
        return "a ZIP archive (DOCX/XLSX?)"
    if head[:1] == b"<" or head.lower().startswith((b"<!doctype", b"<html")):
        return "an HTML/XML file"
    return "an unrecognised binary file"


def is_plain_text(data: bytes) -> bool:
    """UTF-8 text without markup or binary bytes (a .txt, an e-mail body, an OCR export)."""
    head = data[:8192]
    if b"\x00" in head or head.lstrip()[:1] == b"<":
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        return exc.start > len(head) - 4  # a multi-byte character cut by the 8 KB window
    return True


def read_document_text(
    ref: DocumentRef, data: bytes, limits: PdfLimits = PdfLimits(), content_sha256: str | None = None
) -> Document:
    """PDFs through pypdf; plain UTF-8 text as one page; anything else fails as `unsupported_type`."""
    if data and not data.lstrip()[:4] == b"%PDF" and is_plain_text(data):
        if len(data) > limits.max_bytes:
            raise DocumentError("oversized", f"{ref.name}: {len(data):,} bytes exceeds the limit of "
                                f"{limits.max_bytes:,}", uri=ref.uri)
        text = clean_text(data.decode("utf-8", "replace"))
        if len(text.strip()) < MIN_TEXT_CHARS:
            raise DocumentError("empty", f"{ref.name}: the text file has no content", uri=ref.uri)
        return Document(ref=ref, content_sha256=content_sha256 or hashlib.sha256(data).hexdigest(),
                        size_bytes=len(data), pages=[text])
    return read_pdf(ref, data, limits, content_sha256)


_SURROGATE = re.compile("[\ud800-\udfff]")


def clean_text(text: str) -> str:
    """Make page text safe to encode: pypdf can return lone UTF-16 surrogates and NULs for some fonts."""
    if _SURROGATE.search(text):
        text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\x00", "")


# EN 16931 business-term codes that e-invoice viewers (XRechnung, Peppol, ZUGFeRD) print beside each label:
# "Rechnungsnummer (BT-1) SWL-…", "Seller (BG-4)". They part a label from its value and read as numbers.
_TERM_CODES = re.compile(r"[ \t]*[(\[](?:B[TG]-\d+[ \t]*(?:[/,][ \t]*)?)+[)\]]")


def without_term_codes(text: str, keep_columns: bool = False) -> str:
    """The text without EN 16931 term codes; a line that held only codes goes too. `keep_columns` blanks
    them instead, so the layout view's columns stay where they were printed."""
    if "BT-" not in text and "BG-" not in text:
        return text
    if keep_columns:
        return _TERM_CODES.sub(lambda m: " " * len(m.group()), text)
    kept = []
    for line in text.split("\n"):
        stripped = _TERM_CODES.sub("", line)
        if stripped.strip() or not line.strip():
            kept.append(stripped)
    return "\n".join(kept)


def _layout_text(page) -> str:
    """The page with its columns kept apart; a second view, so a page pypdf cannot lay out just lacks it."""
    try:
        return without_term_codes(clean_text(page.extract_text(extraction_mode="layout") or ""), keep_columns=True)
    except Exception:  # layout mode fails on some fonts and matrices where plain mode copes
        return ""


def _with_word_spaces(plain: str, layout: str) -> str:
    """The plain text, or the layout text's lines when pypdf glued the plain text's words together.

    Some PDFs place each word instead of printing spaces; plain mode then reads
    "HandelsrechnungNr.KR87654321012vom06.10.2018", which no label or value pattern matches. Layout mode
    spaces words by their positions.
    """
    printed = sum(not ch.isspace() for ch in plain)
    if printed < 200 or plain.count(" ") > 0.01 * printed:
        return plain
    lines = (" ".join(line.split()) for line in layout.splitlines())
    spaced = "\n".join(line for line in lines if line)
    return spaced if spaced.count(" ") > 0.05 * printed else plain


def read_pdf(
    ref: DocumentRef, data: bytes, limits: PdfLimits = PdfLimits(), content_sha256: str | None = None
) -> Document:
    """Extract the text of every page.

    Raises:
        DocumentError: with code `empty`, `oversized`, `unsupported_type`, `corrupt`, `encrypted`,
            `no_text` or `timeout`. The caller turns it into a `failed` row.
    """
    sha = content_sha256 or hashlib.sha256(data).hexdigest()
    doc = Document(ref=ref, content_sha256=sha, size_bytes=len(data))
    if not data:
        raise DocumentError("empty", f"{ref.name}: the file is empty (0 bytes)", uri=ref.uri)
    if len(data) > limits.max_bytes:
        raise DocumentError(
            "oversized", f"{ref.name}: {len(data):,} bytes exceeds the limit of {limits.max_bytes:,}", uri=ref.uri
        )
    kind = sniff_type(data[:1024])
    if kind:
        raise DocumentError("unsupported_type", f"{ref.name}: {kind}, not a PDF", uri=ref.uri)

    import pypdf
    from pypdf.errors import FileNotDecryptedError, LimitReachedError, PdfReadError

    try:
        with time_limit(limits.max_seconds):
            reader = pypdf.PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                # Many "encrypted" PDFs only restrict printing and open with the empty user password.
                try:
                    opened = reader.decrypt("")
                except Exception:  # pypdf raises several types for unsupported crypto
                    opened = 0
                if not opened:
                    raise DocumentError(
                        "encrypted", f"{ref.name}: the PDF is password-protected and cannot be read", uri=ref.uri
                    )
            n_pages = len(reader.pages)
            if n_pages > limits.max_pages:
                raise DocumentError(
                    "oversized", f"{ref.name}: {n_pages} pages exceeds the limit of {limits.max_pages}", uri=ref.uri
                )
            for page in reader.pages:
                layout = _layout_text(page)
                doc.pages.append(without_term_codes(_with_word_spaces(clean_text(page.extract_text() or ""), layout)))
                doc.layout_pages.append(layout)
    except DocumentError:
        raise
    except DocumentTimeout:
        raise DocumentError(
            "timeout", f"{ref.name}: reading the text took longer than {limits.max_seconds:g}s (stopped at page "
            f"{len(doc.pages) + 1}); raise DOCSIEVE_LIMITS_MAX_SECONDS to allow more", uri=ref.uri,
        ) from None
    except FileNotDecryptedError:
        raise DocumentError("encrypted", f"{ref.name}: the PDF is password-protected", uri=ref.uri) from None
    except (PdfReadError, ValueError, KeyError, TypeError, AttributeError, IndexError, RecursionError,
            AssertionError, OSError, ArithmeticError) as exc:
        # pypdf signals broken files through many exception types; all mean "cannot be parsed".
        raise DocumentError(
            "corrupt", f"{ref.name}: the PDF is damaged and cannot be parsed ({type(exc).__name__}: {exc})"[:500],
            uri=ref.uri,
        ) from None
    except LimitReachedError as exc:  # pypdf's guard against decompression bombs and huge arrays
        raise DocumentError(
            "oversized", f"{ref.name}: a stream or object exceeds pypdf's decompression/size limits (a "
            f"decompression bomb?), not read ({exc})"[:500], uri=ref.uri,
        ) from None
    except Exception as exc:  # anything unforeseen in pypdf
        raise DocumentError("corrupt", f"{ref.name}: cannot read the PDF ({type(exc).__name__}: {exc})"[:500],
                            uri=ref.uri) from None

    if sum(len(p.strip()) for p in doc.pages) < MIN_TEXT_CHARS:
        raise DocumentError(
            "no_text",
            f"{ref.name}: no text layer ({len(doc.pages)} page(s) of images, e.g. a scan); OCR is not part of docsieve",
            uri=ref.uri,
        )
    return doc


class DocumentTimeout(BaseException):
    """Raised inside a reading thread when its time is up. A BaseException, so that pypdf's own
    `except Exception` handlers (it recovers from many malformed objects) cannot swallow it."""


# How often a swallowed interrupt is raised again (see `time_limit`).
_REFIRE_SECONDS = 0.25


@contextmanager
def time_limit(seconds: float, module: str = "pypdf") -> Iterator[None]:
    """Interrupt the calling thread with `DocumentTimeout` once `seconds` have passed.

    Checking the clock between pages is not enough: a single page of a hostile ~10 KB PDF can keep pypdf's
    pure-Python content-stream parser busy for minutes. A watcher thread raises the exception asynchronously in
    the reading thread (`PyThreadState_SetAsyncExc`), which Python delivers at its next bytecode boundary; this
    works in any thread (Prefect runs shards in worker threads, where signal-based alarms are unavailable).
    C code is not interrupted mid-call, but pypdf's C work (zlib) is bounded by its own decompression limits.

    An interrupt that lands in a `__del__` or weakref callback (garbage collection runs them at any point) is
    printed as "Exception ignored" and lost. So the watcher raises it again every `_REFIRE_SECONDS`, but only
    while the thread is still running `module`'s code (pypdf) called from inside this block. An interrupt raised
    anywhere else could land in code that does not expect it (threading's own locks): the first one is needed,
    and any later one only where it certainly stops the read.
    """
    if seconds == float("inf"):
        yield
        return
    target = threading.get_ident()
    caller = sys._getframe(2)  # the frame running the `with` block (1 is contextlib's __enter__)
    guard = threading.Lock()
    ended = threading.Event()
    state = {"inside": True}

    def still_reading() -> bool:
        frame, in_module = sys._current_frames().get(target), False
        while frame is not None:
            if frame is caller:
                return in_module
            in_module = in_module or frame.f_globals.get("__name__", "").partition(".")[0] == module
            frame = frame.f_back
        return False

    def watch() -> None:
        if ended.wait(seconds):
            return
        first = True
        while True:
            with guard:
                if not state["inside"] or not (first or still_reading()):
                    return
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(DocumentTimeout))
            first = False
            if ended.wait(_REFIRE_SECONDS):
                return

    watcher = threading.Thread(target=watch, name="docsieve-time-limit", daemon=True)
    watcher.start()
    try:
        yield
    finally:
        # A plain store first: Python checks for pending interrupts only at calls and backward jumps, so once
        # this line has run the watcher can fire at most once more, and only before `guard` is taken below.
        state["inside"] = False
        with guard:
            ended.set()
        # an interrupt fired just as the block ended: withdraw it if still pending, so it never lands in the
        # caller's code (if it was already delivered, it is propagating and the caller handles it)
        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)

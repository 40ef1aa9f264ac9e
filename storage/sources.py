"""Where documents come from: a directory, a glob, an S3 prefix, or a manifest file listing URIs."""

from __future__ import annotations

import glob
import os
import posixpath
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator, Protocol

from schemas.document import DocumentRef
from schemas.errors import ConfigurationError, DocumentReadError
from storage.base import ListFilter
from storage.local import LocalStore
from storage.s3 import S3Options, S3Store, parse_s3_uri

_GLOB_CHARS = set("*?[")


class Source(Protocol):
    uri: str

    def iter_refs(self, flt: ListFilter) -> Iterator[DocumentRef]:
        """Lazily, every document of the source that passes the filter."""
        ...


def read_document(uri: str, s3: S3Options = S3Options()) -> bytes:
    """The bytes of one document, from wherever its URI points.

    Raises:
        DocumentReadError: the object is gone or unreadable (after the storage client's retries).
    """
    try:
        if uri.startswith("s3://"):
            bucket, key = parse_s3_uri(uri)
            return S3Store(f"s3://{bucket}", s3).read(key)
        with open(uri, "rb") as fh:
            return fh.read()
    except FileNotFoundError:
        raise DocumentReadError(f"{uri}: the file no longer exists", uri=uri) from None
    except (IsADirectoryError, PermissionError) as exc:
        raise DocumentReadError(f"{uri}: cannot read ({exc.strerror})", uri=uri) from None


class StoreSource:
    """All objects under a local directory or an S3 prefix."""

    def __init__(self, store: LocalStore | S3Store):
        self.store = store
        self.uri = store.root

    def iter_refs(self, flt: ListFilter) -> Iterator[DocumentRef]:
        for obj in self.store.iter_objects(flt.prefix):
            if any(part.startswith((".", "_")) for part in obj.key.split("/")[:-1]):
                continue  # hidden folders and docsieve's own _state never hold input documents
            ref = DocumentRef(self.store.uri(obj.key), obj.size, obj.modified)
            if flt.wants(ref):
                yield ref


class S3ObjectSource:
    """One S3 object named by its full key (`s3://bucket/invoices/x.pdf`), as a local PDF path is one file."""

    def __init__(self, uri: str, s3: S3Options):
        self.uri, self.s3 = uri, s3
        bucket, self.key = parse_s3_uri(uri)
        self.store = S3Store(f"s3://{bucket}", s3)

    def _object(self):
        # a listing, not a HEAD: it gives size and date like a prefix listing, and the key sorts first
        first = next(iter(self.store.iter_objects(self.key)), None)
        return first if first is not None and first.key == self.key else None

    def check_access(self) -> None:
        self.store.check_access()
        if self._object() is None:
            raise ConfigurationError(f"source {self.uri} does not exist")

    def iter_refs(self, flt: ListFilter) -> Iterator[DocumentRef]:
        obj = self._object()
        if obj is not None:
            ref = DocumentRef(self.uri, obj.size, obj.modified)
            if flt.wants(ref):
                yield ref


class GlobSource:
    """Local files matching a glob such as `./invoices/**/*.pdf`."""

    def __init__(self, pattern: str):
        self.uri = pattern

    def iter_refs(self, flt: ListFilter) -> Iterator[DocumentRef]:
        for path in glob.iglob(os.path.expanduser(self.uri), recursive=True):
            if os.path.isfile(path):
                ref = _local_ref(Path(path))
                if flt.wants(ref):
                    yield ref


class ManifestSource:
    """A text file (local or S3) with one document URI per line; `#` starts a comment.
    Relative paths are resolved against the manifest's folder."""

    def __init__(self, uri: str, s3: S3Options):
        self.uri, self.s3 = uri, s3

    def check_access(self) -> None:
        """Fail fast with one clear sentence when an S3 manifest is missing or unreadable (HEAD, no download)."""
        if not self.uri.startswith("s3://"):
            return
        from botocore.exceptions import BotoCoreError, ClientError

        bucket, key = parse_s3_uri(self.uri)
        try:
            S3Store(f"s3://{bucket}", self.s3).client.head_object(Bucket=bucket, Key=key)
        except ClientError as exc:
            code = exc.response.get("Error", {}).get("Code", "")
            if code in ("404", "NoSuchKey", "NotFound"):
                raise ConfigurationError(f"manifest {self.uri} does not exist") from None
            raise ConfigurationError(f"cannot read manifest {self.uri}: {code or exc}") from None
        except BotoCoreError as exc:  # no credentials, bad endpoint
            raise ConfigurationError(f"cannot reach s3://{bucket}: {exc}") from None

    def _lines(self) -> Iterator[str]:
        # utf-8-sig: a manifest saved by a Windows editor starts with a byte-order mark
        if self.uri.startswith("s3://"):
            bucket, key = parse_s3_uri(self.uri)
            body = S3Store(f"s3://{bucket}", self.s3).client.get_object(Bucket=bucket, Key=key)["Body"]
            for i, raw in enumerate(body.iter_lines()):
                yield raw.decode("utf-8-sig" if i == 0 else "utf-8")
        else:
            with open(self.uri, encoding="utf-8-sig") as fh:
                yield from fh

    def iter_refs(self, flt: ListFilter) -> Iterator[DocumentRef]:
        base = self.uri.rsplit("/", 1)[0] if self.uri.startswith("s3://") else str(Path(self.uri).parent)
        for line in self._lines():
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if "://" not in line and not os.path.isabs(line):
                line = _join_s3(base, line) if base.startswith("s3://") else str(Path(base, line).resolve())
            ref = _manifest_ref(line)
            if flt.prefix and not ref.name.startswith(flt.prefix) and flt.prefix not in ref.uri:
                continue
            if flt.wants(ref):
                yield ref


def _join_s3(base: str, relative: str) -> str:
    """`s3://b/lists` + `./a.pdf` or `../docs/a.pdf` -> a key without `.`/`..` (S3 keys are never normalised)."""
    bucket, key = parse_s3_uri(f"{base}/{relative}")
    return f"s3://{bucket}/{posixpath.normpath(key)}"


def _local_ref(path: Path) -> DocumentRef:
    st = path.stat()
    return DocumentRef(str(path.resolve()), st.st_size, datetime.fromtimestamp(st.st_mtime, timezone.utc))


def _manifest_ref(uri: str) -> DocumentRef:
    # Size and date are looked up only for local files; S3 objects are not HEADed one by one.
    if "://" not in uri and os.path.exists(uri):
        return _local_ref(Path(uri))
    return DocumentRef(uri)


def open_source(uri: str, s3: S3Options = S3Options()) -> Source:
    """Resolve a `source` argument, failing fast with a clear message if it cannot be listed.

    Raises:
        ConfigurationError: missing directory or file, unreachable bucket, unsupported scheme.
    """
    if uri.startswith("s3://"):
        bucket, key = parse_s3_uri(uri)
        if key.endswith((".txt", ".lst", ".manifest", ".csv")):
            manifest = ManifestSource(uri, s3)
            manifest.check_access()
            return manifest
        if key.lower().endswith(".pdf"):
            single = S3ObjectSource(uri, s3)
            single.check_access()
            return single
        store = S3Store(uri, s3)
        store.check_access()
        return StoreSource(store)
    if "://" in uri:
        raise ConfigurationError(f"unsupported source {uri!r}: use a directory, a glob, s3://bucket/prefix or a manifest")
    path = Path(uri).expanduser()
    # an existing path wins over glob syntax: "Rechnungen [2024]" is a folder, not a pattern
    if path.is_dir():
        return StoreSource(LocalStore(path))
    if path.is_file():
        if path.suffix.lower() == ".pdf":
            return GlobSource(glob.escape(str(path)))
        return ManifestSource(str(path), s3)
    if _GLOB_CHARS & set(uri):
        return GlobSource(uri)
    raise ConfigurationError(f"source {uri!r} does not exist (expected a directory, a glob, a manifest file or s3://…)")

"""Bytes in and out: local directories and S3, behind one `Store` protocol, plus the Parquet sink."""

from __future__ import annotations

from storage.base import ListFilter, ObjectInfo, Store
from storage.local import LocalStore
from storage.s3 import S3Options, S3Store


def open_store(uri: str, s3: S3Options = S3Options()) -> Store:
    """A store rooted at `uri`: `s3://bucket/prefix` or a local directory (created on first write)."""
    if uri.startswith("s3://"):
        return S3Store(uri, s3)
    if "://" in uri:
        from schemas.errors import ConfigurationError

        raise ConfigurationError(f"unsupported storage URI {uri!r}: use a local path or s3://bucket/prefix")
    return LocalStore(uri)


__all__ = ["ListFilter", "LocalStore", "ObjectInfo", "S3Options", "S3Store", "Store", "open_store"]

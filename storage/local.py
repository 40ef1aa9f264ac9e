"""Local directories as stores: atomic writes by temp file + rename."""

from __future__ import annotations

import os
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from storage.base import ObjectInfo


class LocalStore:
    def __init__(self, root: str | Path):
        self.path = Path(root).expanduser().resolve()
        self.root = str(self.path)

    def uri(self, key: str) -> str:
        return str(self.path / key) if key else self.root

    def _p(self, key: str) -> Path:
        return self.path / key

    def iter_objects(self, prefix: str = "", start_after: str | None = None) -> Iterator[ObjectInfo]:
        base = self._p(prefix) if prefix and self._p(prefix).is_dir() else self.path
        if not base.exists():
            return
        for path in _walk_sorted(base):
            key = path.relative_to(self.path).as_posix()
            if prefix and not key.startswith(prefix):
                continue
            if start_after is not None and key <= start_after:
                continue
            try:
                st = path.stat()
            except FileNotFoundError:  # removed while we listed
                continue
            yield ObjectInfo(key, st.st_size, datetime.fromtimestamp(st.st_mtime, timezone.utc))

    def read(self, key: str) -> bytes:
        return self._p(key).read_bytes()

    def read_if_exists(self, key: str) -> bytes | None:
        try:
            return self._p(key).read_bytes()
        except FileNotFoundError:
            return None

    def write(self, key: str, data: bytes) -> None:
        target = self._p(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        # a dot-prefixed temp name in the same directory: never matched by *.parquet globs, and
        # os.replace within one filesystem is atomic
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def create_exclusive(self, key: str, data: bytes) -> bool:
        target = self._p(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            return False
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        return True

    def delete(self, key: str) -> None:
        self._p(key).unlink(missing_ok=True)


def _walk_sorted(base: Path) -> Iterator[Path]:
    """Depth-first, name-sorted, lazy across directories (one directory's names in memory at a time)."""
    try:
        entries = sorted(os.scandir(base), key=lambda e: e.name)
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_sorted(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)

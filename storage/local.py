"""Local directories as stores: atomic writes by temp file + rename."""

from __future__ import annotations

import glob
import os
import re
import socket
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from storage.base import ObjectInfo


def _file_mode() -> int:
    """The mode a plain open() would give: mkstemp makes 0600 files, which other readers of the dataset
    (a DuckDB service, a colleague's account) could not open."""
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


_FILE_MODE = _file_mode()  # read once at import: os.umask is process-wide and not thread-safe to query


class LocalStore:
    def __init__(self, root: str | Path):
        self.path = Path(root).expanduser().resolve()
        self.root = str(self.path)

    def uri(self, key: str) -> str:
        return str(self.path / key) if key else self.root

    def _p(self, key: str) -> Path:
        return self.path / key

    def iter_objects(self, prefix: str = "", start_after: str | None = None) -> Iterator[ObjectInfo]:
        # A prefix is a string prefix of keys, as on S3 ("2024" matches "2024/…" and "2024-old/…"): walk
        # only the deepest folder that holds every match, and in it only the names that start right.
        folder, _, name_start = prefix.rpartition("/")
        base = self._p(folder) if folder else self.path
        if not base.is_dir():
            return
        for path in _walk_sorted(base, name_start):
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
        tmp = _write_temp(target, data)  # os.replace within one filesystem is atomic
        try:
            os.replace(tmp, target)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def create_exclusive(self, key: str, data: bytes) -> bool:
        target = self._p(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        # Write a temp file, then hard-link it to the name: link() fails if the name exists, like O_EXCL,
        # but the file appears with all its bytes. With O_EXCL + write, a reader could see an empty file,
        # and a failed write (disk full, crash) left an empty lock that nobody could ever judge stale.
        tmp = _write_temp(target, data)
        try:
            os.link(tmp, target)
            return True
        except FileExistsError:
            return False
        except OSError:  # a filesystem without hard links (FAT, some network mounts)
            return _create_exclusive_open(target, data)
        finally:
            tmp.unlink(missing_ok=True)

    def delete(self, key: str) -> None:
        self._p(key).unlink(missing_ok=True)


_HOST = socket.gethostname()


def process_alive(pid: int) -> bool:
    """Whether process `pid` of this host still exists."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, owned by another user
        return True
    return True


def _write_temp(target: Path, data: bytes) -> Path:
    """`data` in a new, fsynced temp file beside `target`. A dot-prefixed name in the same directory: never
    matched by *.parquet globs or dataset readers, and os.replace/os.link within one filesystem.

    The name carries the host and pid of the writer, so that the temp file of a writer killed mid-write
    (kill -9 between the write and the rename) is removed by the next write of the same target.
    """
    _remove_orphans(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.{_HOST}-{os.getpid()}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            os.fchmod(fh.fileno(), _FILE_MODE)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return Path(tmp)


def _remove_orphans(target: Path) -> None:
    prefix = f".{target.name}.{_HOST}-"
    for tmp in target.parent.glob(glob.escape(prefix) + "*.tmp"):
        pid = re.match(r"(\d+)\.", tmp.name[len(prefix):])
        if pid and not process_alive(int(pid.group(1))):
            tmp.unlink(missing_ok=True)


def _create_exclusive_open(target: Path, data: bytes) -> bool:
    try:
        fd = os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o666)
    except FileExistsError:
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except BaseException:
        target.unlink(missing_ok=True)  # never leave a half-written lock behind
        raise
    return True


def _walk_sorted(base: Path, name_start: str = "") -> Iterator[Path]:
    """Depth-first and lazy across directories (one directory's names in memory at a time), in S3 key order:
    a folder sorts as `name/`, so `a-b/x` comes before `a/x` ('-' < '/') as it does in a bucket listing.
    `name_start` keeps only the entries of `base` itself whose name starts with it."""
    try:
        entries = sorted((e for e in os.scandir(base) if e.name.startswith(name_start)),
                         key=lambda e: e.name + "/" if e.is_dir(follow_symlinks=False) else e.name)
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            yield from _walk_sorted(Path(entry.path))
        elif entry.is_file():
            yield Path(entry.path)

"""Local directories as stores and sources: listing order, filters, globs, manifests, atomic writes."""

from __future__ import annotations

import datetime as dt
import fnmatch
import os
import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.parquet as pq
import pytest

from schemas.document import doc_id_for
from schemas.errors import ConfigurationError
from storage import ListFilter, LocalStore
from storage.parquet import is_data_file
from tests.storage.conftest import assert_one_winner_per_race
from storage.sources import GlobSource, ManifestSource, StoreSource, open_source


def make_files(root: Path, files: dict[str, bytes | str]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode() if isinstance(data, str) else data)


def names(source, root: Path, **kw) -> list[str]:
    return [Path(r.uri).relative_to(root).as_posix() for r in source.iter_refs(ListFilter(**kw))]


# ------------------------------------------------------------------------------------------ listing
def test_listing_is_lazy_in_key_order_and_a_prefix_is_a_string_prefix(tmp_path):
    keys = ["a-b/x.pdf", "a/x.pdf", "a/b/c.pdf", "a/b-c.pdf", "a.pdf", "a0.pdf", "b/deep/er/z.pdf", "é.pdf"]
    make_files(tmp_path, {k: k for k in keys})
    store = LocalStore(tmp_path)
    ordered = sorted(keys, key=lambda k: k.encode())  # S3 order: '-' < '.' < '/' < '0'
    assert [o.key for o in store.iter_objects()] == ordered
    assert [o.key for o in store.iter_objects("a")] == [k for k in ordered if k.startswith("a")]
    assert [o.key for o in store.iter_objects("a/")] == ["a/b-c.pdf", "a/b/c.pdf", "a/x.pdf"]
    assert [o.key for o in store.iter_objects("a/b")] == ["a/b-c.pdf", "a/b/c.pdf"]
    assert [o.key for o in store.iter_objects("b/deep/er/")] == ["b/deep/er/z.pdf"]
    assert list(store.iter_objects("missing/")) == [] and list(LocalStore(tmp_path / "nope").iter_objects()) == []
    assert [o.key for o in store.iter_objects(start_after="a/x.pdf")] == ["a0.pdf", "b/deep/er/z.pdf", "é.pdf"]
    first = next(store.iter_objects())
    assert (first.key, first.size) == ("a-b/x.pdf", len("a-b/x.pdf")) and first.modified.tzinfo is not None


def test_local_source_filters_by_prefix_pattern_doc_id_and_mtime(tmp_path):
    root = tmp_path / "docs"
    make_files(root, {"2024/jan.pdf": "j", "2024/feb.pdf": "f", "2025/mar.pdf": "m", "scan.tiff": "s",
                      "README.md": "r", "truth.jsonl": "t", "_state/locks/x.pdf": "x", ".trash/old.pdf": "o",
                      ".hidden.pdf": "h", "_draft.pdf": "d"})
    stamps = {"2024/jan.pdf": 1_700_000_000, "2024/feb.pdf": 1_700_000_100, "2025/mar.pdf": 1_700_000_200,
              "scan.tiff": 1_700_000_300}
    for rel, ts in stamps.items():
        os.utime(root / rel, (ts, ts))
    at = {rel: dt.datetime.fromtimestamp(ts, dt.timezone.utc) for rel, ts in stamps.items()}
    source = open_source(str(root))
    assert isinstance(source, StoreSource)

    assert names(source, root) == ["2024/feb.pdf", "2024/jan.pdf", "2025/mar.pdf", "scan.tiff"]
    assert names(source, root, prefix="2024/") == ["2024/feb.pdf", "2024/jan.pdf"]
    assert names(source, root, prefix="20") == ["2024/feb.pdf", "2024/jan.pdf", "2025/mar.pdf"]
    assert names(source, root, include=("*.pdf",)) == ["2024/feb.pdf", "2024/jan.pdf", "2025/mar.pdf"]
    assert names(source, root, exclude=("*.pdf", "*.md", "*.jsonl", ".*", "_*")) == ["scan.tiff"]
    # bounds are exact: since is inclusive, until exclusive
    assert names(source, root, modified_since=at["2024/feb.pdf"]) == ["2024/feb.pdf", "2025/mar.pdf", "scan.tiff"]
    assert names(source, root, modified_until=at["2024/feb.pdf"]) == ["2024/jan.pdf"]
    assert names(source, root, modified_since=at["2024/feb.pdf"], modified_until=at["scan.tiff"]) == \
        ["2024/feb.pdf", "2025/mar.pdf"]
    wanted = frozenset({"jan.pdf", str(root / "2025/mar.pdf"), doc_id_for(str(root / "scan.tiff"))})
    assert names(source, root, doc_ids=wanted) == ["2024/jan.pdf", "2025/mar.pdf", "scan.tiff"]


def test_an_existing_path_with_glob_characters_is_a_folder_or_a_file_not_a_pattern(tmp_path):
    folder = tmp_path / "Rechnungen [2024] *final*"
    make_files(folder, {"a.pdf": "a", "sub/b.pdf": "b"})
    make_files(tmp_path, {"Rechnungen 2.pdf": "decoy"})  # what "[2024]" would match as a pattern
    source = open_source(str(folder))
    assert isinstance(source, StoreSource)
    assert names(source, folder) == ["a.pdf", "sub/b.pdf"]

    single = folder / "Rechnung [1] ?.pdf"
    single.write_bytes(b"%PDF")
    assert [r.uri for r in open_source(str(single)).iter_refs(ListFilter())] == [str(single)]

    pattern = open_source(str(tmp_path / "**" / "*.pdf"))
    assert isinstance(pattern, GlobSource)
    assert sorted(Path(r.uri).name for r in pattern.iter_refs(ListFilter())) == \
        ["Rechnung [1] ?.pdf", "Rechnungen 2.pdf", "a.pdf", "b.pdf"]
    with pytest.raises(ConfigurationError, match="does not exist"):
        open_source(str(tmp_path / "no-such-folder"))


def test_local_manifest_lists_uris_resolves_relative_paths_and_skips_comments(tmp_path, monkeypatch):
    make_files(tmp_path, {"lists/c.pdf": "c", "lists/sub/d.pdf": "d", "docs/a.pdf": "a", "elsewhere/e.pdf": "e",
                          "lists/notes.md": "n"})
    manifest = tmp_path / "lists" / "march.lst"
    manifest.write_text("\r\n".join([
        "\ufeff# March batch (byte-order mark, Windows line ends)",
        "c.pdf",
        "./sub/d.pdf",
        "../docs/a.pdf",
        "",
        "    # indented comment",
        f"  {tmp_path / 'elsewhere' / 'e.pdf'}  ",
        "s3://bucket/remote/x.pdf",
        "gone.pdf",
        "notes.md",
    ]), encoding="utf-8")

    source = open_source(str(manifest))
    assert isinstance(source, ManifestSource)
    refs = list(source.iter_refs(ListFilter()))
    assert [r.uri for r in refs] == [
        str(tmp_path / "lists/c.pdf"), str(tmp_path / "lists/sub/d.pdf"), str(tmp_path / "docs/a.pdf"),
        str(tmp_path / "elsewhere/e.pdf"), "s3://bucket/remote/x.pdf", str(tmp_path / "lists/gone.pdf"),
    ]
    assert [r.size for r in refs] == [1, 1, 1, 1, None, None]  # remote and missing entries: no local stat
    assert [Path(r.uri).name for r in source.iter_refs(ListFilter(doc_ids=frozenset({"a.pdf", "x.pdf"})))] == \
        ["a.pdf", "x.pdf"]

    # a manifest given by a relative path: its lines resolve against its folder, not the working directory
    monkeypatch.chdir(tmp_path)
    assert [r.uri for r in open_source("lists/march.lst").iter_refs(ListFilter())][0] == str(tmp_path / "lists/c.pdf")


# ------------------------------------------------------------------------------------------ atomic output
def parquet_bytes(table: pa.Table) -> bytes:
    sink = pa.BufferOutputStream()
    pq.write_table(table, sink)
    return sink.getvalue().to_pybytes()


def test_write_goes_through_a_hidden_temp_file_that_no_reader_picks_up(tmp_path, monkeypatch):
    store = LocalStore(tmp_path / "out")
    key = "schema=invoice/run_date=2026-01-01/part-1.parquet"
    old, new = pa.table({"doc_id": ["a"]}), pa.table({"doc_id": ["a", "b"]})
    store.write(key, parquet_bytes(old))

    folder = tmp_path / "out" / "schema=invoice" / "run_date=2026-01-01"
    real_replace, seen = os.replace, {}

    def observe_replace(src, dst):
        # the moment before the rename: the new bytes are complete, the old file is still in place
        seen["temp"] = Path(src)
        seen["listing"] = sorted(p.name for p in folder.iterdir())
        seen["parquet_glob"] = sorted(p.name for p in folder.glob("*.parquet"))
        seen["dataset"] = ds.dataset(tmp_path / "out", format="parquet", partitioning="hive").files
        seen["target"] = Path(dst).read_bytes()
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", observe_replace)
    store.write(key, parquet_bytes(new))
    temp = seen["temp"]
    assert temp.parent == folder and temp.name.startswith(".") and not temp.exists()
    assert not fnmatch.fnmatch(temp.name, "*.parquet") and not is_data_file(f"schema=invoice/{temp.name}")
    assert seen["listing"] == sorted([temp.name, "part-1.parquet"])
    assert seen["parquet_glob"] == ["part-1.parquet"] and len(seen["dataset"]) == 1
    assert seen["target"] == parquet_bytes(old)
    assert sorted(p.name for p in folder.iterdir()) == ["part-1.parquet"]  # no temp file left
    assert pq.read_table(folder / "part-1.parquet").equals(new)

    # files are readable like any other file the user creates (mkstemp alone would make them 0600)
    reference = tmp_path / "reference"
    reference.write_bytes(b"")
    assert (folder / "part-1.parquet").stat().st_mode & 0o777 == reference.stat().st_mode & 0o777


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(tmp_path, monkeypatch):
    store = LocalStore(tmp_path)
    store.write("data.parquet", b"old")

    def failing_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", failing_replace)
    with pytest.raises(OSError, match="No space left"):
        store.write("data.parquet", b"new")
    assert store.read("data.parquet") == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.parquet"]


def test_readers_during_rewrites_see_one_whole_version(tmp_path):
    store = LocalStore(tmp_path)
    versions = [bytes([65 + i]) * 2_000_000 for i in range(3)]
    store.write("big", versions[0])
    seen, stop = set(), threading.Event()

    def reader():
        while not stop.is_set():
            seen.add(store.read("big"))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(30):
            store.write("big", versions[i % 3])
    finally:
        stop.set()
        t.join()
    assert seen and seen <= set(versions)


def test_create_exclusive_has_one_winner_and_a_lock_file_is_never_empty_or_half_written(tmp_path):
    store = LocalStore(tmp_path)
    assert store.create_exclusive("_state/locks/a.lock", b"first") is True
    assert store.create_exclusive("_state/locks/a.lock", b"second") is False
    assert store.read("_state/locks/a.lock") == b"first"
    store.write("plain", b"written")
    assert store.create_exclusive("plain", b"other") is False and store.read("plain") == b"written"

    assert_one_winner_per_race(store, rounds=10)

    # a write that fails half-way (here: bytes that cannot be written) leaves no lock that nobody can break
    with pytest.raises(TypeError):
        store.create_exclusive("_state/locks/b.lock", object())  # type: ignore[arg-type]
    assert store.read_if_exists("_state/locks/b.lock") is None
    assert sorted(p.name for p in (tmp_path / "_state" / "locks").iterdir()) == ["a.lock"]  # no temp files


def test_a_temp_file_left_by_a_writer_killed_mid_write_is_removed_by_the_next_write(tmp_path):
    import socket
    import subprocess
    import sys

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True, check=True).stdout.strip()  # a pid that has exited
    locks = tmp_path / "_state" / "locks"
    locks.mkdir(parents=True)
    host = socket.gethostname()
    orphan = locks / f".frontier.lock.{host}-{dead}.abc123.tmp"  # kill -9 between its write and its link
    alive = locks / f".frontier.lock.{host}-{os.getpid()}.def456.tmp"  # a writer still at work
    orphan.write_bytes(b'{"owner": "dead"}')
    alive.write_bytes(b'{"owner": "me"}')

    store = LocalStore(tmp_path)
    assert store.create_exclusive("_state/locks/frontier.lock", b"token")
    assert sorted(p.name for p in locks.iterdir()) == sorted(["frontier.lock", alive.name])

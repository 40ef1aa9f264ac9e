"""S3 storage against moto's S3 server on loopback, through the real boto3 client: listing, filters,
manifests, atomic writes, and the extract-documents flow end to end on buckets."""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import itertools
import re
import socket
import threading
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from botocore.exceptions import ClientError

from schemas.document import doc_id_for
from schemas.errors import ConfigurationError, TransientError
from storage import ListFilter, LocalStore, S3Options, S3Store, open_store
from storage.parquet import is_data_file
from storage.s3 import s3_client
from storage.sources import open_source, read_document
from tests.storage.conftest import assert_one_winner_per_race, list_keys, put_objects


def count_calls(options: S3Options, operation: str) -> list[dict]:
    """The API parameters of every `operation` call the project's own client makes from now on (one entry per
    call, retries aside). A botocore event hook observes; nothing is patched."""
    seen: list[dict] = []
    s3_client(options).meta.events.register(f"before-parameter-build.s3.{operation}",
                                            lambda params, **kw: seen.append(dict(params)))
    return seen


def last_modified(client, bucket: str, keys) -> list[dt.datetime]:
    return [client.head_object(Bucket=bucket, Key=k)["LastModified"] for k in keys]


def next_second_after(moments: list[dt.datetime]) -> None:
    """Sleep until the wall clock is past the second of every moment: S3's LastModified has 1 s resolution."""
    target = max(moments).timestamp() + 1.05
    time.sleep(max(0.0, target - time.time()))


# ------------------------------------------------------------------------------------------ listing
def test_listing_pages_through_thousands_of_keys_once_each_in_key_order_and_lazily(s3, s3_options):
    s3.create_bucket(Bucket="src")
    # 2,001 keys: two full pages of 1,000 and a last page of one (moto takes ~10 ms per PUT, so no more)
    keys = [f"docs/{hashlib.sha1(str(i).encode()).hexdigest()[:12]}.pdf" for i in range(2001)]
    put_objects(s3, "src", {k: b"%PDF-1.4" for k in keys})
    # neighbours that share the string prefix but not the folder
    put_objects(s3, "src", {"docs-old/x.pdf": b"x", "other/docs/y.pdf": b"y"})

    source = open_source("s3://src/docs", s3_options)
    calls = count_calls(s3_options, "ListObjectsV2")
    refs = source.iter_refs(ListFilter())
    first = list(itertools.islice(refs, 10))
    assert len(calls) == 1  # ten refs cost one page, not the whole bucket
    rest = list(refs)
    assert len(calls) == 3
    assert "ContinuationToken" not in calls[0]
    assert calls[1]["ContinuationToken"] and calls[2]["ContinuationToken"] != calls[1]["ContinuationToken"]

    uris = [r.uri for r in first + rest]
    assert uris == [f"s3://src/{k}" for k in sorted(keys)]  # every key once, in key order
    assert all(r.size == len(b"%PDF-1.4") and r.modified.tzinfo is not None for r in first + rest)


def test_local_and_s3_list_the_same_keys_in_the_same_order(s3, s3_options, tmp_path):
    keys = ["a-b/x.pdf", "a/x.pdf", "a/b/c.pdf", "a.pdf", "a0.pdf", "A.pdf", "é/ü.pdf", "z.pdf", "a/b-c.pdf"]
    s3.create_bucket(Bucket="out")
    remote, local = S3Store("s3://out/root", s3_options), LocalStore(tmp_path / "root")
    for k in keys:
        remote.write(k, k.encode())
        local.write(k, k.encode())
    by_bytes = sorted(keys, key=lambda k: k.encode())
    for prefix, start_after in [("", None), ("a", None), ("a/", None), ("a/b", None), ("é", None), ("", "a/b/c.pdf"),
                                ("nothing/", None)]:
        expected = [k for k in by_bytes if k.startswith(prefix) and (start_after is None or k > start_after)]
        assert [o.key for o in remote.iter_objects(prefix, start_after)] == expected, (prefix, start_after)
        assert [o.key for o in local.iter_objects(prefix, start_after)] == expected, (prefix, start_after)


# ------------------------------------------------------------------------------------------ filters and manifests
def test_filters_select_by_prefix_pattern_doc_id_and_last_modified(s3, s3_options):
    s3.create_bucket(Bucket="src")
    old = ["docs/2024/jan.pdf", "docs/2024/feb.pdf", "docs/2025/mar.pdf", "docs/scan.tiff", "docs/readme.md",
           "docs/truth.jsonl", "docs/_state/locks/x.pdf", "docs/.trash/old.pdf"]
    put_objects(s3, "src", {k: b"old" for k in old})
    next_second_after(last_modified(s3, "src", old))
    new = ["docs/2025/apr.pdf", "docs/2024/late.pdf"]
    put_objects(s3, "src", {k: b"new" for k in new})
    cut = min(last_modified(s3, "src", new))
    assert cut > max(last_modified(s3, "src", old))

    def names(**kw) -> list[str]:
        refs = open_source("s3://src/docs/", s3_options).iter_refs(ListFilter(**kw))
        return [r.uri.removeprefix("s3://src/docs/") for r in refs]

    # truth/readme files are excluded by default; hidden and _state folders never hold documents
    assert names() == ["2024/feb.pdf", "2024/jan.pdf", "2024/late.pdf", "2025/apr.pdf", "2025/mar.pdf", "scan.tiff"]
    assert names(prefix="2024/") == ["2024/feb.pdf", "2024/jan.pdf", "2024/late.pdf"]
    assert names(prefix="2025/a") == ["2025/apr.pdf"]
    assert names(include=("*.pdf",)) == ["2024/feb.pdf", "2024/jan.pdf", "2024/late.pdf", "2025/apr.pdf",
                                         "2025/mar.pdf"]
    assert names(include=("*.md", "*.tiff"), exclude=()) == ["readme.md", "scan.tiff"]
    assert names(exclude=("*.pdf", "*.md", "*.jsonl")) == ["scan.tiff"]
    assert names(modified_since=cut) == ["2024/late.pdf", "2025/apr.pdf"]  # since: inclusive
    assert names(modified_until=cut) == ["2024/feb.pdf", "2024/jan.pdf", "2025/mar.pdf", "scan.tiff"]  # exclusive
    assert names(modified_since=cut, prefix="2025/") == ["2025/apr.pdf"]
    wanted = frozenset({"mar.pdf", "s3://src/docs/2024/jan.pdf", doc_id_for("s3://src/docs/2025/apr.pdf")})
    assert names(doc_ids=wanted) == ["2024/jan.pdf", "2025/apr.pdf", "2025/mar.pdf"]  # name, URI, doc id


def test_manifest_on_s3_resolves_relative_keys_and_skips_comments(s3, s3_options, tmp_path):
    s3.create_bucket(Bucket="src")
    objects = {"lists/c.pdf": b"c", "lists/sub/d.pdf": b"d", "docs/a.pdf": b"a", "docs/sub/b.pdf": b"b",
               "docs/Rechnung März 2024.pdf": b"m"}
    put_objects(s3, "src", objects)
    local = tmp_path / "scans" / "local.pdf"
    local.parent.mkdir()
    local.write_bytes(b"local")
    manifest = "\r\n".join([
        "\ufeff# March batch, exported by the ERP (Windows line ends, byte-order mark)",
        "c.pdf",
        "./sub/d.pdf",
        "../docs/a.pdf",
        "s3://src/docs/sub/b.pdf",
        "",
        "   # an indented comment",
        f"  {local}  ",
        "../docs/Rechnung März 2024.pdf",
        "notes.md",
    ]) + "\r\n"
    s3.put_object(Bucket="src", Key="lists/march.txt", Body=manifest.encode("utf-8"))

    source = open_source("s3://src/lists/march.txt", s3_options)
    refs = list(source.iter_refs(ListFilter()))
    assert [r.uri for r in refs] == [
        "s3://src/lists/c.pdf", "s3://src/lists/sub/d.pdf", "s3://src/docs/a.pdf", "s3://src/docs/sub/b.pdf",
        str(local), "s3://src/docs/Rechnung März 2024.pdf",
    ]
    # every relative line points at a real object: the bytes come back
    assert [read_document(r.uri, s3_options) for r in refs] == [b"c", b"d", b"a", b"b", b"local", b"m"]
    assert refs[4].size == 5  # local files get size and date; S3 lines are not HEADed one by one
    assert [r.uri for r in source.iter_refs(ListFilter(doc_ids=frozenset({"a.pdf"})))] == ["s3://src/docs/a.pdf"]

    with pytest.raises(ConfigurationError, match="does not exist"):
        open_source("s3://src/lists/april.txt", s3_options)


def test_a_missing_bucket_fails_fast_with_one_clear_message(s3_options):
    with pytest.raises(ConfigurationError, match="cannot list s3://no-such-bucket/docs/: NoSuchBucket"):
        open_source("s3://no-such-bucket/docs", s3_options)


def test_a_single_pdf_on_s3_is_a_source_of_one_document(s3, s3_options):
    s3.create_bucket(Bucket="src")
    put_objects(s3, "src", {"docs/März 1.pdf": b"%PDF-one", "docs/März 1.pdf.bak": b"backup",
                            "docs/März 10.pdf": b"ten"})
    source = open_source("s3://src/docs/März 1.pdf", s3_options)
    refs = list(source.iter_refs(ListFilter()))
    assert [(r.uri, r.size) for r in refs] == [("s3://src/docs/März 1.pdf", 8)]
    assert refs[0].modified.tzinfo is not None
    assert list(source.iter_refs(ListFilter(doc_ids=frozenset({"other.pdf"})))) == []
    with pytest.raises(ConfigurationError, match="does not exist"):
        open_source("s3://src/docs/März 2.pdf", s3_options)


# ------------------------------------------------------------------------------------------ atomic output
def test_write_replaces_whole_objects_and_leaves_nothing_else(s3, s3_options):
    s3.create_bucket(Bucket="out")
    store = open_store("s3://out/extracted/", s3_options)
    key = "schema=invoice/run_date=2026-01-01/part-1.parquet"
    store.write(key, b"v1")
    store.write(key, b"v2")
    assert store.read(key) == b"v2"
    assert list_keys(s3, "out") == [f"extracted/{key}"]

    # readers during rewrites see one whole version, never a mix or a prefix
    versions = [bytes([65 + i]) * 3_000_000 for i in range(3)]
    seen, stop = set(), threading.Event()

    def reader():
        while not stop.is_set():
            seen.add(store.read(key))

    t = threading.Thread(target=reader)
    t.start()
    try:
        for i in range(12):
            store.write(key, versions[i % 3])
    finally:
        stop.set()
        t.join()
    assert seen and seen <= {b"v2", *versions}
    assert list_keys(s3, "out") == [f"extracted/{key}"]


def test_create_exclusive_is_a_conditional_put_that_exactly_one_caller_wins(s3, s3_options):
    s3.create_bucket(Bucket="out")
    store = S3Store("s3://out/extracted", s3_options)
    puts = count_calls(s3_options, "PutObject")
    assert store.create_exclusive("_state/locks/a.lock", b"first") is True
    assert store.create_exclusive("_state/locks/a.lock", b"second") is False
    assert store.read("_state/locks/a.lock") == b"first"
    assert [p.get("IfNoneMatch") for p in puts] == ["*", "*"]  # the second got 412 from moto

    store.write("plain", b"written")
    assert store.create_exclusive("plain", b"other") is False
    assert store.read("plain") == b"written"

    assert_one_winner_per_race(store, rounds=5)


def test_an_unreachable_store_is_transient_and_a_missing_bucket_is_not(s3_options):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dead = S3Store("s3://out/x", S3Options(endpoint_url=f"http://127.0.0.1:{port}", max_attempts=1))
    with pytest.raises(TransientError, match="cannot write s3://out/x/k"):
        dead.write("k", b"data")
    with pytest.raises(TransientError, match="cannot create s3://out/x/k"):
        dead.create_exclusive("k", b"data")
    with pytest.raises(TransientError, match="cannot delete"):
        dead.delete("k")

    missing = S3Store("s3://no-such-bucket/x", s3_options)
    with pytest.raises(ClientError) as info:
        missing.write("k", b"data")
    assert info.value.response["Error"]["Code"] == "NoSuchBucket"  # retrying will not create the bucket


# ------------------------------------------------------------------------------------------ the flow on S3
@pytest.fixture
def run_s3(prefect_server, fake_extractor, s3_env):
    from flows.extract_documents import extract_documents

    def _run(**kwargs):
        kwargs.setdefault("source", "s3://src/docs/")
        kwargs.setdefault("output", "s3://out/extracted/")
        kwargs.setdefault("frontier", False)
        return extract_documents(extractor="fake", **kwargs)

    return _run


DATA_FILE = re.compile(r"extracted/schema=invoice/run_date=\d{4}-\d\d-\d\d/part-\d{8}T\d{12}-[0-9a-f]{8}-\d{5}\.parquet")


def output_rows(client) -> tuple[list[str], list[dict]]:
    """Every key under the output prefix, and the rows of its Parquet files (read from bytes via boto3)."""
    keys = list_keys(client, "out", "extracted/")
    rows = []
    for key in keys:
        body = client.get_object(Bucket="out", Key=key)["Body"].read()
        rows.extend(pq.read_table(io.BytesIO(body)).to_pylist())
    return keys, rows


def test_flow_on_s3_writes_one_row_per_document_and_a_rerun_extracts_nothing(
    run_s3, s3, s3_options, sample_pdfs, sample_truth, fake_extractor,
):
    from tests.conftest import SAMPLE_DOCS

    s3.create_bucket(Bucket="src")
    s3.create_bucket(Bucket="out")
    put_objects(s3, "src", {f"docs/{name}": data for name, data in sample_pdfs.items()})
    put_objects(s3, "src", {f"docs/{p.name}": p.read_bytes() for p in (SAMPLE_DOCS / "truth.jsonl",
                                                                      SAMPLE_DOCS / "README.md")})
    n = len(sample_pdfs)
    gets = count_calls(s3_options, "GetObject")  # the client the flow builds from its settings

    first = run_s3()
    source_reads = [g["Key"] for g in gets if g["Bucket"] == "src"]
    assert sorted(source_reads) == sorted(f"docs/{name}" for name in sample_pdfs)  # each document read once
    keys, rows = output_rows(s3)
    assert len(keys) == 1 and DATA_FILE.fullmatch(keys[0]) and is_data_file(keys[0])  # no temp, lock or part left
    assert first["documents"] == len(rows) == n
    assert sorted(r["source_uri"] for r in rows) == sorted(f"s3://src/docs/{name}" for name in sample_pdfs)
    assert len({r["doc_id"] for r in rows}) == n
    by_name = {Path(r["source_uri"]).name: r for r in rows}
    assert (by_name["corrupt.pdf"]["status"], by_name["scanned.pdf"]["status"]) == ("failed", "failed")
    for name, row in by_name.items():
        if name not in ("corrupt.pdf", "scanned.pdf"):
            assert row["status"] == "extracted", name
            assert row["data"]["invoice_number"] == sample_truth[name]["invoice_number"], name
            assert row["content_sha256"] == hashlib.sha256(sample_pdfs[name]).hexdigest()
    assert sorted(fake_extractor.calls) == sorted(set(sample_pdfs) - {"corrupt.pdf", "scanned.pdf"})

    data_before = s3.get_object(Bucket="out", Key=keys[0])["Body"].read()
    fake_extractor.calls.clear()
    second = run_s3()
    assert fake_extractor.calls == []
    assert second["documents"] == 0 and second["skipped_unchanged"] == n and second["listed"] == n
    # decided from the listing and the index alone: not one source document was downloaded again
    assert [g["Key"] for g in gets if g["Bucket"] == "src"] == source_reads
    assert list_keys(s3, "out", "extracted/") == keys
    assert s3.get_object(Bucket="out", Key=keys[0])["Body"].read() == data_before


def test_flow_on_s3_modified_since_and_until_split_by_last_modified(run_s3, s3, sample_pdfs, sample_truth,
                                                                    fake_extractor):
    s3.create_bucket(Bucket="src")
    s3.create_bucket(Bucket="out")
    names = [n for n in sample_pdfs if n not in ("corrupt.pdf", "scanned.pdf")][:5]
    old, new = names[:3], names[3:]
    put_objects(s3, "src", {f"docs/{n}": sample_pdfs[n] for n in old})
    next_second_after(last_modified(s3, "src", [f"docs/{n}" for n in old]))
    put_objects(s3, "src", {f"docs/{n}": sample_pdfs[n] for n in new})
    cut = min(last_modified(s3, "src", [f"docs/{n}" for n in new]))

    result = run_s3(modified_since=cut)
    assert result["listed"] == 2 and sorted(fake_extractor.calls) == sorted(new)
    _, rows = output_rows(s3)
    assert sorted(Path(r["source_uri"]).name for r in rows) == sorted(new)

    fake_extractor.calls.clear()
    result = run_s3(modified_until=cut)
    assert result["listed"] == 3 and sorted(fake_extractor.calls) == sorted(old)
    _, rows = output_rows(s3)
    assert sorted(Path(r["source_uri"]).name for r in rows) == sorted(names)


AWKWARD_KEYS = [
    "docs/Rechnung März 2024 $(rm -rf) & co.pdf",
    "docs/Ünïcødé 請求書 #7 ?x=1.pdf",
    "docs/a+b %20 100% ; 'quoted' \"double\" `id`.pdf",
    "docs/brackets [1] {2} *star* ~tilde.pdf",
    "docs/ leading and trailing space .pdf",
    "docs/sub folder/with  two  spaces.pdf",
]


def test_flow_on_s3_handles_keys_with_spaces_unicode_and_shell_metacharacters(run_s3, s3, sample_pdfs,
                                                                              sample_truth, fake_extractor):
    s3.create_bucket(Bucket="src")
    s3.create_bucket(Bucket="out")
    originals = [n for n in sample_pdfs if n not in ("corrupt.pdf", "scanned.pdf")][: len(AWKWARD_KEYS)]
    put_objects(s3, "src", {key: sample_pdfs[orig] for key, orig in zip(AWKWARD_KEYS, originals)})
    for key, orig in zip(AWKWARD_KEYS, originals):
        fake_extractor.truth[key.rsplit("/", 1)[-1]] = sample_truth[orig]

    first = run_s3()
    assert first["documents"] == len(AWKWARD_KEYS) and first["errors"] == {}
    _, rows = output_rows(s3)
    by_uri = {r["source_uri"]: r for r in rows}
    assert sorted(by_uri) == sorted(f"s3://src/{k}" for k in AWKWARD_KEYS)
    for key, orig in zip(AWKWARD_KEYS, originals):
        row = by_uri[f"s3://src/{key}"]
        assert row["status"] == "extracted", key
        assert row["data"]["invoice_number"] == sample_truth[orig]["invoice_number"], key
        assert row["doc_id"] == doc_id_for(f"s3://src/{key}")

    fake_extractor.calls.clear()
    second = run_s3()
    assert second["documents"] == 0 and second["skipped_unchanged"] == len(AWKWARD_KEYS)
    assert fake_extractor.calls == []
    only = run_s3(reprocess=True, doc_ids=["Rechnung März 2024 $(rm -rf) & co.pdf"])
    assert only["documents"] == 1 and fake_extractor.calls == ["Rechnung März 2024 $(rm -rf) & co.pdf"]

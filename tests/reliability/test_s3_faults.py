"""S3 through moto's server on loopback and the project's own boto3 client: odd keys, throttling, 5xx, and one
object that can never be read. Faults are injected with botocore event hooks on the real client (the request is
answered by the hook instead of being sent); nothing in boto3 is patched away."""

from __future__ import annotations

import io
import urllib.parse

import pyarrow.parquet as pq
import pytest
from botocore.awsrequest import AWSResponse

from storage.s3 import S3Options, s3_client
from tests.reliability.helpers import SAMPLE_DOCS
from tests.storage.conftest import list_keys, put_objects

ODD_KEYS = {  # key name -> sample invoice whose bytes it holds
    "Rechnung März 2024 – Müller & Söhne.pdf": "de_saas_nordlicht.pdf",
    "請求書 №42 🧾.pdf": "us_saas_lumenfield.pdf",
    "inv $(touch PWNED) `id`; a|b & 'c' \"d\" *?[x]{y}!#%20+plus=.pdf": "uk_agency_marlow_finch.pdf",
    "  leading and trailing spaces  .pdf": "fr_facture_atelier_lumiere.pdf",
}
DOCS = ["us_saas_lumenfield.pdf", "uk_agency_marlow_finch.pdf", "de_saas_nordlicht.pdf", "it_fattura_colombo.pdf"]


class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def stream(self, **_):
        yield self.data


def s3_error(url: str, status: int, code: str) -> AWSResponse:
    body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>injected by the test'
            f'</Message><RequestId>0</RequestId></Error>').encode()
    return AWSResponse(url, status, {"content-type": "application/xml", "content-length": str(len(body))}, _Body(body))


class Faults:
    """Answer S3 calls of the project's client with errors: the first `n` calls of an operation, or every call
    for one key. Records every attempt that reached the hook (that is, every HTTP request botocore made)."""

    def __init__(self, options: S3Options):
        self.client = s3_client(options)  # the instance the flow uses (clients are cached per options)
        self.attempts: dict[str, int] = {}
        self.injected: dict[str, int] = {}
        self.hooks: list[tuple[str, object]] = []

    def _register(self, operation: str, hook) -> None:
        self.client.meta.events.register(f"before-send.s3.{operation}", hook)
        self.hooks.append((f"before-send.s3.{operation}", hook))

    def clear(self) -> None:
        for event, hook in self.hooks:
            self.client.meta.events.unregister(event, hook)
        self.hooks.clear()

    def first(self, operation: str, n: int, status: int, code: str) -> None:
        def hook(request, **_):
            self.attempts[operation] = self.attempts.get(operation, 0) + 1
            if self.injected.get(operation, 0) < n:
                self.injected[operation] = self.injected.get(operation, 0) + 1
                return s3_error(request.url, status, code)
            return None
        self._register(operation, hook)

    def always_for_key(self, operation: str, key: str, status: int, code: str) -> None:
        def hook(request, **_):
            if urllib.parse.unquote(urllib.parse.urlsplit(request.url).path).endswith("/" + key):
                self.injected[key] = self.injected.get(key, 0) + 1
                return s3_error(request.url, status, code)
            return None
        self._register(operation, hook)


def read_s3_rows(s3, bucket: str, prefix: str = "") -> list[dict]:
    rows = []
    for key in list_keys(s3, bucket, prefix):
        if key.endswith(".parquet"):
            rows += pq.read_table(io.BytesIO(s3.get_object(Bucket=bucket, Key=key)["Body"].read())).to_pylist()
    return rows


@pytest.fixture
def buckets(s3):
    s3.create_bucket(Bucket="src")
    s3.create_bucket(Bucket="out")
    return s3


def test_s3_keys_with_spaces_unicode_and_shell_metacharacters(run, buckets, s3_options, fake_extractor):
    put_objects(buckets, "src", {f"in/{k}": (SAMPLE_DOCS / v).read_bytes() for k, v in ODD_KEYS.items()})
    for key, sample in ODD_KEYS.items():
        fake_extractor.truth[key] = fake_extractor.truth[sample]

    run("s3://src/in/", output="s3://out/results")

    rows = {r["source_uri"]: r for r in read_s3_rows(buckets, "out", "results/")}
    assert sorted(rows) == sorted(f"s3://src/in/{k}" for k in ODD_KEYS)
    for key, sample in ODD_KEYS.items():
        row = rows[f"s3://src/in/{key}"]
        assert (row["status"], row["tier"]) == ("extracted", "slm"), (key, row["error"])
        assert row["data"]["invoice_number"] == fake_extractor.truth[sample]["invoice_number"]
    assert not [k for k in list_keys(buckets, "src") + list_keys(buckets, "out") if "PWNED" in k and "$(" not in k]
    assert run("s3://src/in/", output="s3://out/results")["skipped_unchanged"] == len(ODD_KEYS)


def test_throttling_and_server_errors_on_get_put_and_list_are_retried_and_the_run_completes(
        run, buckets, s3_options, fake_extractor):
    put_objects(buckets, "src", {f"in/{n}": (SAMPLE_DOCS / n).read_bytes() for n in DOCS})
    faults = Faults(s3_options)
    faults.first("GetObject", 2, 503, "SlowDown")
    faults.first("PutObject", 2, 500, "InternalError")
    faults.first("ListObjectsV2", 2, 503, "SlowDown")

    result = run("s3://src/in/", output="s3://out/results", shard_size=2)

    assert faults.injected == {"GetObject": 2, "PutObject": 2, "ListObjectsV2": 2}
    assert faults.attempts["GetObject"] >= len(DOCS) + 2  # every document read, after the throttled attempts
    rows = {r["source_uri"].rsplit("/", 1)[-1]: r for r in read_s3_rows(buckets, "out", "results/")}
    assert sorted(rows) == sorted(DOCS)
    assert all(r["status"] == "extracted" for r in rows.values()), {n: r["error"] for n, r in rows.items()}
    assert result["documents"] == len(DOCS) and result["errors"] == {}


def test_an_object_that_can_never_be_read_fails_only_its_document_and_is_retried_next_run(
        run, buckets, s3_env, fake_extractor, monkeypatch):
    monkeypatch.setenv("DOCSIEVE_STORAGE_S3_MAX_ATTEMPTS", "3")  # boto3's backoff between attempts, kept short
    put_objects(buckets, "src", {f"in/{n}": (SAMPLE_DOCS / n).read_bytes() for n in DOCS})
    bad = DOCS[1]
    faults = Faults(S3Options(s3_env, None, None, 3))
    faults.always_for_key("GetObject", f"in/{bad}", 500, "InternalError")

    result = run("s3://src/in/", output="s3://out/results")

    # the first request and DOCSIEVE_STORAGE_S3_MAX_ATTEMPTS retries (botocore's max_attempts counts retries)
    assert faults.injected == {f"in/{bad}": 4}
    rows = {r["source_uri"].rsplit("/", 1)[-1]: r for r in read_s3_rows(buckets, "out", "results/")}
    assert sorted(rows) == sorted(DOCS)
    row = rows[bad]
    assert (row["status"], row["error_code"], row["retryable"]) == ("failed", "read_error", True)
    assert row["error"] == f"cannot read s3://src/in/{bad}: InternalError"
    assert all(rows[n]["status"] == "extracted" for n in DOCS if n != bad)
    assert sorted(fake_extractor.calls) == sorted(n for n in DOCS if n != bad)
    assert result["errors"] == {"read_error": 1}

    # the fault clears: the next run retries exactly that document
    faults.clear()
    fake_extractor.calls.clear()
    again = run("s3://src/in/", output="s3://out/results")
    assert fake_extractor.calls == [bad] and again["documents"] == 1
    rows = {r["source_uri"].rsplit("/", 1)[-1]: r for r in read_s3_rows(buckets, "out", "results/")}
    assert sorted(rows) == sorted(DOCS) and rows[bad]["status"] == "extracted"

"""S3 through moto's server on loopback and the project's own boto3 client: odd keys, throttling, 5xx, and one
object that can never be read. Faults are injected with botocore event hooks on the real client (the request is
answered by the hook instead of being sent); nothing in boto3 is patched away."""

from __future__ import annotations

import io

import pyarrow.parquet as pq
import pytest

from storage.s3 import S3Options
from tests.reliability.helpers import SAMPLE_DOCS, S3Faults
from tests.storage.conftest import list_keys, put_objects

ODD_KEYS = {  # key name -> sample invoice whose bytes it holds
    "Rechnung März 2024 – Müller & Söhne.pdf": "de_saas_nordlicht.pdf",
    "請求書 №42 🧾.pdf": "us_saas_lumenfield.pdf",
    "inv $(touch PWNED) `id`; a|b & 'c' \"d\" *?[x]{y}!#%20+plus=.pdf": "uk_agency_marlow_finch.pdf",
    "  leading and trailing spaces  .pdf": "fr_facture_atelier_lumiere.pdf",
}
DOCS = ["us_saas_lumenfield.pdf", "uk_agency_marlow_finch.pdf", "de_saas_nordlicht.pdf", "it_fattura_colombo.pdf"]


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
    faults = S3Faults(s3_options)
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
    faults = S3Faults(S3Options(s3_env, None, None, 3))
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

"""The extract-documents flow end to end on sample_docs, with a scripted extractor (the model has its own tests)."""

from __future__ import annotations

from pathlib import Path

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.dataset as ds
import pytest

from flows.extract_documents import extract_documents
from schemas.results import ResultRow

CONTRACT = [
    "doc_id", "source_uri", "content_sha256", "size_bytes", "pages", "schema_name", "schema_version", "run_id",
    "processed_at", "status", "tier", "confidence", "escalation_reason", "error", "data", "data_json",
    "slm_data_json", "slm_confidence", "model", "prompt_tokens", "completion_tokens", "slm_seconds",
    "slm_cost_usd", "frontier_cost_usd", "cost_usd",
]


def read_rows(out: Path) -> list[dict]:
    return ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()


def input_files(folder: Path) -> list[Path]:
    return [p for p in folder.iterdir() if p.suffix == ".pdf"]


@pytest.fixture
def run(prefect_server, fake_extractor, tmp_path):
    def _run(source: Path, **kwargs):
        kwargs.setdefault("output", str(tmp_path / "out"))
        kwargs.setdefault("frontier", False)
        return extract_documents(source=str(source), extractor="fake", **kwargs)
    return _run


def test_every_document_gets_one_row_with_every_status(run, sample_copy, fake_extractor, tmp_path):
    behaviours = {
        "us_saas_lumenfield.pdf": "accept",
        "uk_agency_marlow_finch.pdf": "low",
        "de_saas_nordlicht.pdf": "invalid",
        "fr_facture_atelier_lumiere.pdf": "rules",
        "nl_webshop_van_dijk.pdf": "ungrounded",
    }
    fake_extractor.behaviour.update(behaviours)
    result = run(sample_copy, shard_size=7)

    rows = {Path(r["source_uri"]).name: r for r in read_rows(tmp_path / "out")}
    assert sorted(rows) == sorted(p.name for p in input_files(sample_copy))
    assert result["documents"] == len(rows) and result["shards"] == 4

    accepted = rows["us_saas_lumenfield.pdf"]
    assert (accepted["status"], accepted["tier"], accepted["escalation_reason"]) == ("extracted", "slm", None)
    assert accepted["data"]["invoice_number"] == fake_extractor.truth["us_saas_lumenfield.pdf"]["invoice_number"]
    expected = {
        "uk_agency_marlow_finch.pdf": "low_confidence",
        "de_saas_nordlicht.pdf": "invalid_output",
        "fr_facture_atelier_lumiere.pdf": "failed_validation",
        "nl_webshop_van_dijk.pdf": "ungrounded_value",
    }
    for name, reason in expected.items():
        row = rows[name]
        assert (row["status"], row["tier"], row["escalation_reason"]) == ("pending_frontier", None, reason), name
        assert row["data"] is None and row["escalation_detail"]
    # the SLM's attempt is kept even when it escalated, so thresholds can be re-tuned later
    assert "Imaginary Holdings" in rows["nl_webshop_van_dijk.pdf"]["slm_data_json"]
    assert rows["uk_agency_marlow_finch.pdf"]["slm_confidence"] == pytest.approx(0.2)

    corrupt, scanned = rows["corrupt.pdf"], rows["scanned.pdf"]
    assert (corrupt["status"], corrupt["error_code"]) == ("failed", "corrupt")
    assert "damaged" in corrupt["error"] and "corrupt.pdf" in corrupt["error"]
    assert (scanned["status"], scanned["error_code"]) == ("failed", "no_text")
    assert "no text layer" in scanned["error"]
    assert result["by_status_tier"]["failed/-"] == 2


def test_output_contract_is_readable_by_duckdb_polars_and_pyarrow(run, sample_copy, tmp_path):
    run(sample_copy, limit=5)
    out = tmp_path / "out"
    files = list(out.glob("schema=invoice/run_date=*/part-*.parquet"))
    assert len(files) == 1
    schema = ds.dataset(out, format="parquet", partitioning="hive").schema
    missing = [c for c in CONTRACT if c not in schema.names]
    assert not missing
    assert set(ResultRow.column_names()) <= set(schema.names)
    data_type = schema.field("data").type
    assert pa.types.is_struct(data_type)
    assert data_type.field("invoice_date").type == pa.date32()
    assert data_type.field("total").type == pa.float64()
    assert pa.types.is_list(data_type.field("line_items").type)

    con = duckdb.connect()
    n, schemas = con.execute(
        f"select count(*), count(distinct schema) from read_parquet('{out}/**/*.parquet', hive_partitioning=true)"
    ).fetchone()
    assert (n, schemas) == (5, 1)
    frame = pl.read_parquet(f"{out}/**/*.parquet")
    assert frame.height == 5 and frame["doc_id"].n_unique() == 5
    totals = con.execute(f"select data.total from read_parquet('{out}/**/*.parquet') where status='extracted'")
    assert all(isinstance(t, float) for (t,) in totals.fetchall())


def test_rerun_extracts_nothing_and_reprocess_replaces_rows_in_place(run, sample_copy, fake_extractor, tmp_path):
    first = run(sample_copy)
    n_docs = first["documents"]
    calls_first = len(fake_extractor.calls)
    assert calls_first == n_docs - 2  # corrupt and scanned never reach the extractor

    second = run(sample_copy)
    assert second["documents"] == 0 and second["skipped_unchanged"] == n_docs
    assert len(fake_extractor.calls) == calls_first
    assert len(read_rows(tmp_path / "out")) == n_docs

    third = run(sample_copy, reprocess=True, doc_ids=["us_saas_lumenfield.pdf"])
    assert third["documents"] == 1
    rows = read_rows(tmp_path / "out")
    assert len(rows) == n_docs  # replaced, not appended
    assert len(list((tmp_path / "out").rglob("*.parquet"))) == 1
    lumen = [r for r in rows if r["source_uri"].endswith("us_saas_lumenfield.pdf")]
    assert len(lumen) == 1 and lumen[0]["run_id"] == third["run_id"]


def test_changed_document_is_extracted_again_and_copies_reuse_the_answer(run, sample_copy, fake_extractor, tmp_path):
    run(sample_copy, doc_ids=["us_saas_lumenfield.pdf", "uk_agency_marlow_finch.pdf"])
    # the same bytes under a new name: reused, not extracted again
    (sample_copy / "copy of lumenfield.pdf").write_bytes((sample_copy / "us_saas_lumenfield.pdf").read_bytes())
    # new bytes under an old name: extracted again, its old row replaced
    (sample_copy / "uk_agency_marlow_finch.pdf").write_bytes((sample_copy / "it_fattura_colombo.pdf").read_bytes())
    fake_extractor.calls.clear()
    fake_extractor.truth["uk_agency_marlow_finch.pdf"] = fake_extractor.truth["it_fattura_colombo.pdf"]
    result = run(sample_copy, doc_ids=["us_saas_lumenfield.pdf", "uk_agency_marlow_finch.pdf",
                                       "copy of lumenfield.pdf"])
    assert fake_extractor.calls == ["uk_agency_marlow_finch.pdf"]
    assert result["reused"] == 1 and result["skipped_unchanged"] == 1
    rows = {Path(r["source_uri"]).name: r for r in read_rows(tmp_path / "out")}
    assert len(rows) == 3
    copy = rows["copy of lumenfield.pdf"]
    assert copy["reused_from"] == rows["us_saas_lumenfield.pdf"]["doc_id"]
    assert copy["data"] == rows["us_saas_lumenfield.pdf"]["data"] and copy["cost_usd"] == 0
    assert rows["uk_agency_marlow_finch.pdf"]["data"]["invoice_number"] == \
        fake_extractor.truth["it_fattura_colombo.pdf"]["invoice_number"]


def test_user_schema_from_a_file_gets_its_own_typed_columns(run, sample_copy, fake_extractor, tmp_path):
    schema_file = tmp_path / "my_schemas.py"
    schema_file.write_text(
        "from pydantic import BaseModel, Field\n"
        "class PaymentFields(BaseModel):\n"
        "    invoice_number: str | None = Field(None, description='Document number')\n"
        "    total: float | None = Field(None, description='Amount to pay')\n"
    )
    run(sample_copy, schema=f"{schema_file}:PaymentFields", doc_ids=["us_saas_lumenfield.pdf"])
    files = list((tmp_path / "out").glob("schema=payment/run_date=*/*.parquet"))
    assert len(files) == 1
    row = read_rows(tmp_path / "out")[0]
    assert row["schema_name"] == "payment" and row["schema_version"].startswith("auto-")
    assert set(row["data"]) == {"invoice_number", "total"}
    assert row["data"]["total"] == fake_extractor.truth["us_saas_lumenfield.pdf"]["total"]


def test_a_run_that_cannot_start_fails_fast_with_one_clear_message(run, sample_copy, tmp_path):
    from schemas.errors import ConfigurationError, SchemaNotFound

    with pytest.raises(SchemaNotFound, match="unknown schema 'recipe'"):
        run(sample_copy, schema="recipe")
    with pytest.raises(ConfigurationError, match="does not exist"):
        run(tmp_path / "no-such-folder")
    assert not (tmp_path / "out").exists()

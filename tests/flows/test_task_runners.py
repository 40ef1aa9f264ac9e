"""Scaling out is configuration: the process pool and a Dask cluster produce the same rows as threads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from flows.extract_documents import extract_documents
from tests.conftest import SAMPLE_DOCS

COMPARED = ["doc_id", "status", "tier", "escalation_reason", "error_code", "data_json", "slm_data_json",
            "prompt_tokens", "completion_tokens"]


def docs(tmp_path: Path, names: list[str]) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for name in names:
        shutil.copy(SAMPLE_DOCS / name, folder / name)
    return folder


def rows(out: Path) -> dict[str, dict]:
    table = ds.dataset(out, format="parquet", partitioning="hive").to_table()
    return {r["doc_id"]: r for r in table.to_pylist()}


def same_rows(a: dict[str, dict], b: dict[str, dict]) -> None:
    assert sorted(a) == sorted(b)
    for doc_id in a:
        for col in COMPARED:
            assert a[doc_id][col] == b[doc_id][col], (doc_id, col)
        assert a[doc_id]["confidence"] == pytest.approx(b[doc_id]["confidence"], abs=1e-6)


@pytest.mark.model
def test_process_pool_with_two_workers_and_the_real_model_gives_the_same_rows(prefect_server, tmp_path, monkeypatch):
    # one thread per model in both runs, so llama.cpp sums logits in the same order
    monkeypatch.setenv("DOCSIEVE_LLAMA_N_THREADS", "1")
    monkeypatch.setenv("DOCSIEVE_LLAMA_MODEL", "smollm2-135m")
    source = docs(tmp_path, ["uk_single_line_survey.pdf", "it_fattura_colombo.pdf", "corrupt.pdf"])
    base = extract_documents(source=str(source), output=str(tmp_path / "threads"), frontier=False, shard_size=1)
    pooled = extract_documents(source=str(source), output=str(tmp_path / "processes"), frontier=False, shard_size=1,
                               task_runner="processes", workers=2)
    assert base["documents"] == pooled["documents"] == 3 and pooled["shards"] == 3
    threads, processes = rows(tmp_path / "threads"), rows(tmp_path / "processes")
    same_rows(threads, processes)
    assert any(r["prompt_tokens"] > 0 for r in processes.values())  # the model really ran in the workers


def test_dask_local_cluster_with_two_workers_gives_the_same_rows(prefect_server, tmp_path, monkeypatch):
    from distributed import LocalCluster

    # code-only extraction: deterministic and quick, and it still runs the whole pipeline on the workers
    monkeypatch.setenv("DOCSIEVE_LLAMA_USE_MODEL", "false")
    source = docs(tmp_path, ["us_saas_lumenfield.pdf", "de_saas_nordlicht.pdf", "fr_facture_atelier_lumiere.pdf",
                             "scanned.pdf"])
    base = extract_documents(source=str(source), output=str(tmp_path / "threads"), frontier=False, shard_size=2)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        monkeypatch.setenv("DOCSIEVE_RUN_DASK_ADDRESS", cluster.scheduler_address)
        spread = extract_documents(source=str(source), output=str(tmp_path / "dask"), frontier=False, shard_size=2,
                                   task_runner="dask")
        with cluster.get_client() as client:
            assert len(client.scheduler_info()["workers"]) == 2
    assert base["documents"] == spread["documents"] == 4 and spread["shards"] == 2
    same_rows(rows(tmp_path / "threads"), rows(tmp_path / "dask"))

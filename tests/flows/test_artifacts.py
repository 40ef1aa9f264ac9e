"""What ops see in the UI: the run's artifacts, read back from the Prefect test server for that flow run."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from flows.extract_documents import extract_documents
from flows.progress import PROGRESS_KEY
from flows.reporting import REPORT_KEY, SUMMARY_KEY

BEHAVIOURS = {  # one document per escalation reason; the rest are accepted, corrupt.pdf and scanned.pdf fail
    "uk_agency_marlow_finch.pdf": "low",
    "de_saas_nordlicht.pdf": "invalid",
    "fr_facture_atelier_lumiere.pdf": "rules",
}


def read_run_artifacts(flow_run_id) -> dict[str, list]:
    """The artifacts of one flow run by key, newest first, through the Prefect client."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId
    from prefect.client.schemas.sorting import ArtifactSort

    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[flow_run_id])),
            sort=ArtifactSort.CREATED_DESC, limit=50,
        )
    out: dict[str, list] = {}
    for a in artifacts:
        out.setdefault(a.key, []).append(a)
    return out


def table_rows(artifact) -> list[dict]:
    data = artifact.data
    return json.loads(data) if isinstance(data, str) else data


def value(rows: list[dict], section: str, item: str):
    found = [r["value"] for r in rows if r["section"] == section and r["item"] == item]
    assert len(found) == 1, (section, item, [r for r in rows if r["section"] == section])
    return found[0]


@pytest.fixture
def finished_run(prefect_server, fake_extractor, sample_copy, tmp_path):
    """extract_documents over a copy of sample_docs with the scripted extractor and no frontier."""
    fake_extractor.behaviour.update(BEHAVIOURS)
    state = extract_documents(source=str(sample_copy), output=str(tmp_path / "out"), extractor="fake",
                              frontier=False, shard_size=8, return_state=True)
    assert state.is_completed(), state.message  # some documents failed; the run still completes
    return state.state_details.flow_run_id, state.result(), sample_copy


def test_progress_artifact_is_one_artifact_that_reaches_100(finished_run):
    flow_run_id, result, _ = finished_run
    progress = read_run_artifacts(flow_run_id)[PROGRESS_KEY]
    assert len(progress) == 1, "updated in place as shards finish, not one artifact per shard"
    assert progress[0].type == "progress"
    assert float(progress[0].data) == 100.0
    assert f"{result['documents']:,} processed" in progress[0].description
    assert result["shards"] == 4  # 26 documents in shards of 8: the artifact was updated 4 times, then finished


def test_summary_table_has_status_by_tier_reasons_failures_and_costs(finished_run):
    flow_run_id, result, docs = finished_run
    [table] = read_run_artifacts(flow_run_id)[SUMMARY_KEY]
    assert table.type == "table"
    rows = table_rows(table)
    n_docs = len(list(docs.glob("*.pdf")))

    assert value(rows, "documents", "processed") == n_docs == result["documents"]
    assert value(rows, "status x tier", "extracted / slm") == n_docs - 2 - len(BEHAVIOURS)
    assert value(rows, "status x tier", "pending_frontier / -") == len(BEHAVIOURS)
    assert value(rows, "status x tier", "failed / -") == 2
    assert value(rows, "escalation reason", "low_confidence") == 1
    assert value(rows, "escalation reason", "invalid_output") == 1
    assert value(rows, "escalation reason", "failed_validation") == 1
    assert value(rows, "failures", "failed documents") == 2
    assert value(rows, "failures", "corrupt") == 1 and value(rows, "failures", "no_text") == 1
    assert REPORT_KEY in value(rows, "failures", "where listed")
    assert value(rows, "run", "acceptance threshold") == pytest.approx(result["threshold"])

    costs = {r["item"]: r["value"] for r in rows if r["section"] == "cost"}
    assert set(costs) >= {"SLM seconds", "SLM $", "frontier prompt tokens", "frontier completion tokens",
                          "frontier $", "total $", "all-frontier $ (sync prices)", "all-frontier $ (batch prices)",
                          "savings $ vs all-frontier sync", "savings $ vs all-frontier batch"}
    assert costs["SLM seconds"] > 0 and costs["frontier $"] == 0  # frontier off
    assert costs["all-frontier $ (sync prices)"] > costs["all-frontier $ (batch prices)"] > 0
    assert costs["savings $ vs all-frontier batch"] == pytest.approx(
        costs["all-frontier $ (batch prices)"] - costs["total $"], abs=1e-5)
    assert costs["savings $ vs all-frontier sync"] == pytest.approx(
        costs["all-frontier $ (sync prices)"] - costs["total $"], abs=1e-5)


def test_markdown_shows_the_histogram_the_threshold_and_the_failed_documents(finished_run):
    flow_run_id, result, docs = finished_run
    artifacts = read_run_artifacts(flow_run_id)
    [report] = artifacts[REPORT_KEY]
    md = report.data
    assert report.type == "markdown"

    assert f"Acceptance threshold in use: **{result['threshold']:.2f}**" in md
    bins = [re.fullmatch(r"(\d\.\d)-(\d\.\d) \| #* *(\d+)( <- threshold)?", line)
            for line in md.split("```text\n", 1)[1].split("```", 1)[0].strip().splitlines()]
    assert len(bins) == 10 and all(bins)
    counts = [int(b[3]) for b in bins]
    n_docs = len(list(docs.glob("*.pdf")))
    # every document the model saw: 0.95, 0.2 for "low", 0.0 for "invalid" (no answer); failed ones none
    assert (counts[9], counts[2], counts[0], sum(counts)) == (n_docs - 2 - 2, 1, 1, n_docs - 2)
    assert [b[1] for b in bins if b[4]] == [f"{int(result['threshold'] * 10) / 10:.1f}"]
    assert f"{sum(counts)} answers, {counts[9]} at or above the threshold" in md

    # failures are counted and listed, and the summary table is referenced (linked when the UI URL is known)
    assert "**2 failed**" in md and "## Failed documents (2)" in md
    failed = {Path(uri).name: (doc_id, error) for doc_id, uri, error in result["failures"]}
    assert set(failed) == {"corrupt.pdf", "scanned.pdf"}
    for name, (doc_id, error) in failed.items():
        assert f"`{doc_id}`" in md and name in md
    assert "damaged" in md and "no text layer" in md
    [table] = artifacts[SUMMARY_KEY]
    assert SUMMARY_KEY in md and f"/artifacts/artifact/{table.id}" in md


def test_run_logs_shard_counts_and_timings_but_no_document_contents(finished_run, sample_truth):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.client.schemas.sorting import LogSort
    from prefect.logging.handlers import APILogHandler

    flow_run_id, result, _ = finished_run
    APILogHandler().flush()  # run logs are shipped in the background: send what is queued
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run_id])),
                                limit=200, offset=0, sort=LogSort.TIMESTAMP_ASC)
    text = "\n".join(log.message for log in logs)
    for shard in range(result["shards"]):
        assert f"shard {shard}: " in text and "documents in" in text
    assert "progress: " in text
    secrets_and_contents = {str(f.get("invoice_number")) for f in sample_truth.values() if f.get("invoice_number")}
    secrets_and_contents |= {f["vendor_name"] for f in sample_truth.values() if f.get("vendor_name")}
    assert not [s for s in secrets_and_contents if s in text]


def test_a_run_that_cannot_start_fails_with_one_clear_message(prefect_server, sample_copy, tmp_path):
    from prefect.client.orchestration import get_client

    state = extract_documents(source=str(sample_copy), output=str(tmp_path / "out"), schema="recipe",
                              extractor="fake", frontier=False, return_state=True)
    assert state.is_failed()
    with get_client(sync_client=True) as client:
        run = client.read_flow_run(state.state_details.flow_run_id)
    assert run.state.is_failed() and "unknown schema 'recipe'" in run.state.message
    assert PROGRESS_KEY not in read_run_artifacts(run.id)  # failed before any document was touched

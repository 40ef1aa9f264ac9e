"""deployments/prefect.yaml through the real `prefect deploy` CLI against the test server, then a backfill run
picked up and run by a real process worker."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import uuid
from pathlib import Path

import pyarrow.dataset as ds
import pytest

ROOT = Path(__file__).resolve().parents[2]
PREFECT_FILE = "deployments/prefect.yaml"
POOL = "docsieve-pool"
DOCS = ["us_saas_lumenfield.pdf", "de_saas_nordlicht.pdf", "corrupt.pdf"]
# What the UI's run form of `backfill` must explain: parameter -> JSON types it accepts
BACKFILL_FORM = {
    "source": {"string"}, "output": {"string"}, "prefix": {"string"},
    "modified_since": {"string", "null"}, "modified_until": {"string", "null"}, "window": {"string"},
    "timezone": {"string"}, "doc_ids": {"array", "null"}, "schema": {"string"}, "model": {"string", "null"},
    "shard_size": {"integer", "null"}, "frontier": {"boolean"}, "max_frontier_usd": {"number", "null"},
    "reprocess": {"boolean"},
}
SECRET_SENTINEL = "sk-test-" + uuid.uuid4().hex  # must never show up in a stored deployment or pool
SECRET_REF = "{{ prefect.blocks.secret.openai-api-key }}"


def prefect_cli(*args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    """The real `prefect` CLI, from the repository root, talking to the test server."""
    from prefect.settings import PREFECT_API_URL

    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_CLI_PROMPT="false")
    return subprocess.run([sys.executable, "-m", "prefect", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=timeout)


def check(result: subprocess.CompletedProcess, what: str) -> None:
    if result.returncode == 0:
        return
    out = (result.stdout + result.stderr)[-4000:]
    hint = ""
    if "Input should be a valid integer" in out or "Input should be a valid dictionary" in out:
        hint = ("\nHINT: the server rejected the `null` fields Prefect 3.8.8's client sends: fastapi >= 0.151 "
                "validates explicit nulls in body parameters. Pin fastapi<0.151 (see deployments/README.md).")
    pytest.fail(f"{what} exited {result.returncode}:\n{out}{hint}")


def json_types(prop: dict) -> set[str]:
    if "type" in prop:
        return {prop["type"]} if isinstance(prop["type"], str) else set(prop["type"])
    return set().union(*(json_types(p) for p in prop.get("anyOf", [])))


@pytest.fixture(scope="module")
def deployed(prefect_server, tmp_path_factory):
    """Variables, a sentinel secret, the work pool, then `prefect deploy --all` as the README says."""
    from prefect.blocks.system import Secret
    from prefect.client.orchestration import get_client
    from prefect.variables import Variable

    base = tmp_path_factory.mktemp("deploy")
    docs, out = base / "docs", base / "out"
    docs.mkdir()
    for name in DOCS:
        shutil.copy(ROOT / "sample_docs" / name, docs / name)
    Variable.set("docsieve_source", str(docs), overwrite=True)
    Variable.set("docsieve_output", str(out), overwrite=True)
    # the README's secret; the YAML must not pull it into a deployment (prefect deploy would store its value)
    Secret(value=SECRET_SENTINEL).save("openai-api-key", overwrite=True)

    # the pool as deployments/README.md creates it: the OpenAI key referenced from its base job template,
    # which the worker resolves at each run (a reference in prefect.yaml would be resolved and stored at deploy)
    template = base / "docsieve-pool.json"
    check(prefect_cli("work-pool", "get-default-base-job-template", "--type", "process", "--file", str(template)),
          "prefect work-pool get-default-base-job-template")
    job = json.loads(template.read_text())
    job["variables"]["properties"]["env"]["default"] = {"OPENAI_API_KEY": SECRET_REF}
    template.write_text(json.dumps(job, indent=2))
    check(prefect_cli("work-pool", "create", POOL, "--type", "process", "--base-job-template", str(template),
                      "--overwrite"), "prefect work-pool create")
    check(prefect_cli("deploy", "--all", "--prefect-file", PREFECT_FILE), "prefect deploy --all")

    with get_client(sync_client=True) as client:
        deployments = {name: client.read_deployment_by_name(f"{flow}/{name}") for flow, name in [
            ("extract-documents", "nightly"), ("extract-documents", "backfill"),
            ("collect-frontier", "collect-frontier")]}
    return {"deployments": deployments, "docs": docs, "out": out}


def test_nightly_runs_on_a_cron_in_a_time_zone_over_the_previous_day(deployed):
    d = deployed["deployments"]["nightly"]
    assert d.entrypoint == "flows/extract_documents.py:extract_documents"
    [schedule] = d.schedules
    assert schedule.active and schedule.schedule.cron == "30 1 * * *"
    assert schedule.schedule.timezone == "Europe/Berlin"
    assert d.parameters == {"source": str(deployed["docs"]), "output": str(deployed["out"]),
                            "window": "previous_day", "timezone": "Europe/Berlin", "frontier": True}
    assert d.enforce_parameter_schema
    assert (d.work_pool_name, d.work_queue_name) == (POOL, "extract")
    assert d.global_concurrency_limit.limit == 1
    assert d.concurrency_options.collision_strategy == "ENQUEUE"


def test_backfill_has_no_schedule_and_a_typed_described_run_form(deployed):
    d = deployed["deployments"]["backfill"]
    assert d.schedules == [] and d.enforce_parameter_schema
    assert d.parameters == {"source": str(deployed["docs"]), "output": str(deployed["out"])}
    props = d.parameter_openapi_schema["properties"]
    for name, types in BACKFILL_FORM.items():
        assert json_types(props[name]) == types, (name, props[name])
        assert len(props[name].get("description") or "") > 15, f"{name} has no description for the run form"
    assert props["window"]["enum"] == ["all", "previous_day"]
    assert props["modified_since"]["anyOf"][0]["format"] == "date-time"
    assert set(d.parameter_openapi_schema["required"]) == {"source", "output"}


def test_collect_frontier_runs_every_few_minutes_one_at_a_time(deployed):
    d = deployed["deployments"]["collect-frontier"]
    assert d.entrypoint == "flows/collect_frontier.py:collect_frontier"
    [schedule] = d.schedules
    assert schedule.active and schedule.schedule.interval.total_seconds() == 300
    assert d.parameters == {"output": str(deployed["out"]), "wait_seconds": 0}
    assert (d.work_pool_name, d.work_queue_name) == (POOL, "frontier")
    assert d.global_concurrency_limit.limit == 1
    assert d.concurrency_options.collision_strategy == "CANCEL_NEW"


def test_deployments_share_one_pool_and_store_no_secret(deployed):
    from prefect.client.orchestration import get_client

    for d in deployed["deployments"].values():
        assert d.work_pool_name == POOL
        # the worker changes into the directory `prefect deploy` ran in (the repository root)
        assert d.pull_steps == [{"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}]
        assert d.job_variables == {"env": {"DOCSIEVE_STORAGE_AWS_CREDENTIALS_BLOCK": ""}}  # variable unset
        assert SECRET_SENTINEL not in d.model_dump_json()
    with get_client(sync_client=True) as client:
        pool = client.read_work_pool(POOL)
    assert pool.base_job_template["variables"]["properties"]["env"]["default"] == {"OPENAI_API_KEY": SECRET_REF}
    assert SECRET_SENTINEL not in pool.model_dump_json()


def test_backfill_run_is_served_by_a_process_worker(deployed):
    """Trigger `backfill` with parameters, let `prefect worker start --run-once` run it, check the rows.

    The worker runs the flow in a new process, where the test's fake extractor is not registered: `null`
    (no model; every document escalates) with the frontier off. The pool's job template references the
    `openai-api-key` Secret block, so the run starting at all shows the worker resolved it.
    """
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import LogFilter, LogFilterFlowRunId
    from prefect.client.schemas.sorting import LogSort
    from prefect.deployments import run_deployment

    out = deployed["out"] / "backfill"
    queue = "test-" + uuid.uuid4().hex[:8]  # a queue of its own: this worker takes this run and nothing else
    flow_run = run_deployment(
        "extract-documents/backfill", timeout=0, work_queue_name=queue,
        parameters={"output": str(out), "extractor": "null", "frontier": False, "shard_size": 2,
                    "modified_since": "2000-01-01T00:00:00Z"},
    )
    # --limit: with --run-once, the worker waits for the runs it started only when it has a limit
    worker = prefect_cli("worker", "start", "--pool", POOL, "--work-queue", queue, "--run-once",
                         "--limit", "1", "--install-policy", "never", timeout=240)
    check(worker, "prefect worker start --run-once")

    with get_client(sync_client=True) as client:
        run = client.read_flow_run(flow_run.id)
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=[flow_run.id])),
                                limit=200, offset=0, sort=LogSort.TIMESTAMP_ASC)
    text = "\n".join(log.message for log in logs)
    assert run.state.is_completed(), (run.state, text[-3000:], worker.stdout[-3000:])
    assert run.parameters["source"] == str(deployed["docs"])  # the deployment's default, from the variable

    rows = ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()
    by_name = {Path(r["source_uri"]).name: r for r in rows}
    assert sorted(by_name) == sorted(DOCS) and len(rows) == len(DOCS)
    assert by_name["corrupt.pdf"]["status"] == "failed"
    assert {by_name[n]["status"] for n in DOCS if n != "corrupt.pdf"} == {"pending_frontier"}
    # per-shard log lines reach the server: counts and timings
    assert "shard 0: 2 documents in" in text and "shard 1: 1 documents in" in text


# --------------------------------------------------------------------------------------- the nightly window
def test_previous_day_window_is_the_calendar_day_before_the_scheduled_start_in_the_time_zone():
    from flows.extract_documents import resolve_window

    utc = dt.timezone.utc
    # 01:30 in Berlin on the first day of summer time: the previous day (30 March 2024) had 24 hours of CET
    since, until = resolve_window("previous_day", "Europe/Berlin", None, None,
                                  now=dt.datetime(2024, 3, 31, 0, 30, tzinfo=utc))
    assert (since, until) == (dt.datetime(2024, 3, 29, 23, tzinfo=utc), dt.datetime(2024, 3, 30, 23, tzinfo=utc))
    # a day later, the previous day (31 March) had only 23 hours
    since, until = resolve_window("previous_day", "Europe/Berlin", None, None,
                                  now=dt.datetime(2024, 3, 31, 23, 30, tzinfo=utc))
    assert (since, until) == (dt.datetime(2024, 3, 30, 23, tzinfo=utc), dt.datetime(2024, 3, 31, 22, tzinfo=utc))
    # `all` passes explicit dates through; no offset means UTC
    assert resolve_window("all", "UTC", dt.datetime(2024, 1, 1), None) == (dt.datetime(2024, 1, 1, tzinfo=utc), None)


def test_window_mistakes_fail_fast_with_a_clear_message():
    from flows.extract_documents import resolve_window
    from schemas.errors import ConfigurationError

    with pytest.raises(ConfigurationError, match="unknown time zone 'Mars/Olympus'"):
        resolve_window("previous_day", "Mars/Olympus", None, None)
    with pytest.raises(ConfigurationError, match="either the window or the dates"):
        resolve_window("previous_day", "UTC", dt.datetime(2024, 1, 1), None)


def test_nightly_parameters_take_only_the_documents_of_the_previous_day(prefect_server, fake_extractor, tmp_path):
    from zoneinfo import ZoneInfo

    from flows.extract_documents import extract_documents

    tz = ZoneInfo("Europe/Berlin")
    yesterday_noon = dt.datetime.combine(dt.datetime.now(tz).date() - dt.timedelta(days=1), dt.time(12), tz)
    docs = tmp_path / "docs"
    docs.mkdir()
    for name, modified in [("us_saas_lumenfield.pdf", yesterday_noon),
                           ("de_saas_nordlicht.pdf", yesterday_noon - dt.timedelta(days=2)),
                           ("uk_agency_marlow_finch.pdf", dt.datetime.now(tz))]:
        shutil.copy(ROOT / "sample_docs" / name, docs / name)
        os.utime(docs / name, (modified.timestamp(), modified.timestamp()))

    result = extract_documents(source=str(docs), output=str(tmp_path / "out"), window="previous_day",
                               timezone="Europe/Berlin", frontier=False, extractor="fake")
    assert (result["listed"], result["documents"]) == (1, 1)
    assert fake_extractor.calls == ["us_saas_lumenfield.pdf"]

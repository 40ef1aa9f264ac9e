"""Security: credentials never leave the process's environment, document text is not logged at INFO, and
`--schema file.py:Class` (executed code) is documented and rejected cleanly when wrong."""

from __future__ import annotations

import json
import logging
import traceback

import pytest
from click.testing import CliRunner

from flows.collect_frontier import collect_frontier
from flows.extract_documents import extract_documents
from tests.reliability.helpers import GOOD, SAMPLE_DOCS, S3Faults, rows_by_name
from tests.storage.conftest import list_keys, put_objects

OPENAI_KEY = "sk-proj-LEAKCHECK-7f3a9c2e1b8d4f6a0e5c9b7d3a1f8e2c"
AWS_KEY_ID = "AKIALEAKCHECK7Q2W9E4R"
AWS_SECRET = "wJalrXUtnFEMI/LEAKCHECK/bPxRfiCYzX9q3m7k2d8s"
SECRETS = [OPENAI_KEY, AWS_SECRET, AWS_KEY_ID, "LEAKCHECK"]


def prefect_logs_and_artifacts(flow_run_ids) -> tuple[list[str], list[str]]:
    """Everything the Prefect server holds for these flow runs: log messages and artifact contents."""
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import (
        ArtifactFilter, ArtifactFilterFlowRunId, LogFilter, LogFilterFlowRunId,
    )
    from prefect.logging.handlers import APILogHandler

    APILogHandler().flush()  # logs are shipped in the background
    with get_client(sync_client=True) as client:
        logs = client.read_logs(log_filter=LogFilter(flow_run_id=LogFilterFlowRunId(any_=list(flow_run_ids))))
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=list(flow_run_ids))))
        runs = [client.read_flow_run(i) for i in flow_run_ids]
    texts = [f"{a.key} {a.description} {json.dumps(a.data, default=str)}" for a in artifacts]
    texts += [json.dumps(r.parameters, default=str) + str(r.state) for r in runs]
    return [f"{log.level} {log.message}" for log in logs], texts


def exception_text(exc: BaseException) -> str:
    """The exception as a traceback prints it, with every chained cause, plus the repr of each."""
    parts, seen = [], exc
    while seen is not None:
        parts.append(repr(seen))
        seen = seen.__cause__ or seen.__context__
    return "".join(traceback.format_exception(exc)) + "\n".join(parts)


def test_credentials_never_appear_in_logs_files_artifacts_batch_files_or_exceptions(
        prefect_server, batch_api, batch_api_server, s3, s3_options, out, fake_extractor, monkeypatch, caplog,
        capfd):
    monkeypatch.setattr(batch_api_server, "api_key", OPENAI_KEY)  # the fake accepts only this key
    monkeypatch.setenv("OPENAI_API_KEY", OPENAI_KEY)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", AWS_KEY_ID)
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", AWS_SECRET)
    caplog.set_level(logging.DEBUG)
    s3.create_bucket(Bucket="src")
    put_objects(s3, "src", {f"in/{n}": (SAMPLE_DOCS / n).read_bytes() for n in GOOD + ["corrupt.pdf"]})
    S3Faults(s3_options).always_for_key("GetObject", f"in/{GOOD[2]}", 403, "AccessDenied")  # an error row
    fake_extractor.behaviour = {GOOD[0]: "low", GOOD[1]: "invalid"}  # two escalate to the frontier
    # the first upload fails for good: the run raises, and its exception is checked too
    batch_api.fail_next("POST", r"^/v1/files$", 500, times=100)

    failed = extract_documents(source="s3://src/in/", output=str(out), extractor="fake", frontier=True,
                               wait_frontier_seconds=30, return_state=True)
    assert failed.is_failed()
    exc = failed.result(raise_on_failure=False)
    assert "Batch API unavailable" in str(exc)
    batch_api.clear_faults()
    collected = collect_frontier(str(out), wait_seconds=30, return_state=True)
    assert collected.is_completed()

    # the credentials were used: S3 was read and the Batch API accepted the key
    rows = rows_by_name(out, GOOD + ["corrupt.pdf"])
    assert [rows[n]["tier"] for n in GOOD[:2]] == ["frontier", "frontier"]
    assert rows[GOOD[2]]["error_code"] == "read_error" and "AccessDenied" in rows[GOOD[2]]["error"]
    assert batch_api.created_batches and all(code != 401 for _, _, code in batch_api.calls)

    outputs: dict[str, str] = {}
    for path in out.rglob("*"):
        if path.is_file():
            outputs[f"file {path.relative_to(out)}"] = path.read_bytes().decode("latin-1")
    for bucket in ("src",):
        for key in list_keys(s3, bucket):
            outputs[f"s3 {key}"] = s3.get_object(Bucket=bucket, Key=key)["Body"].read().decode("latin-1")
    for f in batch_api.uploaded_files:
        outputs[f"batch file {f['id']}"] = f["content"].decode("latin-1")
    logs, artifacts = prefect_logs_and_artifacts([failed.state_details.flow_run_id,
                                                  collected.state_details.flow_run_id])
    captured = capfd.readouterr()
    debug_wire = [r for r in caplog.records if r.levelno < logging.INFO and r.name.startswith("botocore")]
    outputs.update({"caplog": "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records
                                        if r not in debug_wire),
                    "botocore wire log at DEBUG": "\n".join(r.getMessage() for r in debug_wire),
                    "stdout": captured.out, "stderr": captured.err, "prefect logs": "\n".join(logs),
                    "artifacts": "\n".join(artifacts), "exception": exception_text(exc),
                    "result": json.dumps(collected.result(), default=str)})
    # the search is not vacuous: the run's own words are there
    assert any("Batch API unavailable" in line for line in logs)
    assert len(artifacts) >= 3 and any("parquet" in k for k in outputs) and any(".input.jsonl" in k for k in outputs)
    # botocore's own wire log (DEBUG, off unless a user turns it on) shows the signed Authorization header, which
    # names the access key id; never the secret. Everything else holds no part of any credential.
    assert AWS_KEY_ID in outputs["botocore wire log at DEBUG"]
    leaks = {where: s for where, text in outputs.items() for s in SECRETS
             if s in text and not (where == "botocore wire log at DEBUG" and s in (AWS_KEY_ID, "LEAKCHECK"))}
    assert not leaks, leaks


def test_document_text_is_not_logged_at_info(run, batch_api, sample_copy, out, fake_extractor, sample_truth,
                                             caplog, capfd):
    caplog.set_level(logging.INFO)
    names = GOOD + ["fr_facture_atelier_lumiere.pdf", "corrupt.pdf"]
    fake_extractor.behaviour = {GOOD[0]: "low", GOOD[1]: "rules", GOOD[2]: "ungrounded"}

    state = run(sample_copy, doc_ids=names, frontier=True, wait_frontier_seconds=30, return_state=True)

    rows = rows_by_name(out, names)
    assert rows[GOOD[0]]["tier"] == "frontier"
    logs, _ = prefect_logs_and_artifacts([state.state_details.flow_run_id])
    info = [r.getMessage() for r in caplog.records if r.levelno >= logging.INFO]
    text = "\n".join(info + logs + [capfd.readouterr().err])
    assert "shard 0" in text  # the run did log
    secrets = {value for name in names if name in sample_truth for key, value in sample_truth[name].items()
               if key in ("invoice_number", "vendor_name", "buyer_name", "vendor_vat_id") and value}
    secrets.add("Imaginary Holdings")  # what the scripted model "read"
    assert len(secrets) >= 12
    leaked = sorted(s for s in secrets if s in text)
    assert not leaked, leaked


SCHEMA_ERRORS = {  # file content (None: no file) and class -> the one-line error
    "missing file": (None, "Invoice", "file '{path}' does not exist"),
    "missing class": ("from pydantic import BaseModel\nclass Other(BaseModel):\n    x: int = 0\n", "Nope",
                      "'{path}' has no class 'Nope'"),
    "not a model": ("class Plain:\n    pass\n", "Plain", "'Plain' is not a Pydantic BaseModel subclass"),
    "syntax error": ("class Broken(:\n", "Broken", "importing '{path}' failed: SyntaxError"),
    "raises on import": ("raise RuntimeError('no network here')\n", "X",
                         "importing '{path}' failed: RuntimeError: no network here"),
}


@pytest.mark.parametrize("case", list(SCHEMA_ERRORS))
def test_a_bad_schema_file_is_rejected_with_one_clear_error_by_the_cli(prefect_server, sample_copy, tmp_path, case):
    from flows.cli import main

    content, cls, expected = SCHEMA_ERRORS[case]
    path = tmp_path / "my_schema.py"
    if content is not None:
        path.write_text(content)
    ref = f"{path}:{cls}"
    message = f"Error: schema {ref!r}: " + expected.format(path=path)
    runner = CliRunner()

    for args in (["run", str(sample_copy), "--output", str(tmp_path / "out"), "--schema", ref],
                 ["extract", str(sample_copy / GOOD[0]), "--schema", ref]):
        result = runner.invoke(main, args)
        assert result.exit_code == 1, (args, result.output, result.exception)
        assert result.output.startswith(message), (result.output, message)
        assert "Traceback" not in result.output and result.output.count("\n") == 1
    assert not (tmp_path / "out").exists()


def test_schema_files_are_documented_as_executed_code(tmp_path):
    from flows.cli import main

    runner = CliRunner()
    for command in ("run", "extract", "eval", "calibrate", "collect", "export-finetune"):
        help_text = " ".join(runner.invoke(main, [command, "--help"]).output.split())
        assert "executed" in help_text and "trust" in help_text, command
    # and it is: importing the schema file runs it, even when the class then turns out to be missing
    marker = tmp_path / "ran"
    (tmp_path / "side_effect.py").write_text(f"open({str(marker)!r}, 'w').write('yes')\n")
    result = runner.invoke(main, ["extract", str(SAMPLE_DOCS / GOOD[0]), "--schema",
                                  f"{tmp_path / 'side_effect.py'}:Missing"])
    assert result.exit_code == 1 and marker.read_text() == "yes"

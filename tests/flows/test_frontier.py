"""The frontier tier end to end: escalated documents through the real openai SDK against the loopback Batch API.

Every scenario ends with the same invariant: each input document has exactly one row.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from flows.collect_frontier import collect_frontier
from flows.extract_documents import extract_documents
from schemas.errors import FrontierError
from tests.fakes.batch_api import ChatAnswer, LineError, RequestError

ROOT = Path(__file__).resolve().parents[2]
PRICES = tomllib.loads((ROOT / "flows" / "prices.toml").read_text())
DOCS = ["us_saas_lumenfield.pdf", "uk_agency_marlow_finch.pdf", "de_saas_nordlicht.pdf"]
ONE = DOCS[:1]
FIELDS = ("invoice_number", "invoice_date", "due_date", "vendor_name", "vendor_vat_id", "buyer_name", "currency",
          "subtotal", "tax_basis_total", "tax_total", "total", "line_items")
ENDPOINTS = {  # what the SDK calls, as (method, path regex) for the fake's fault injection
    "files.create": ("POST", r"^/v1/files$"),
    "batches.create": ("POST", r"^/v1/batches$"),
    "batches.retrieve": ("GET", r"^/v1/batches/batch_[0-9a-f]+$"),
    "files.content": ("GET", r"^/v1/files/[^/]+/content$"),
}


# --------------------------------------------------------------------------------------------- helpers
def read_rows(out: Path) -> list[dict]:
    return ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()


def rows_by_name(out: Path, names: list[str]) -> dict[str, dict]:
    """One row per input document, or the test fails: nothing vanishes, nothing is duplicated."""
    rows = read_rows(out)
    by_name: dict[str, list[dict]] = {}
    for row in rows:
        by_name.setdefault(Path(row["source_uri"]).name, []).append(row)
    assert sorted(by_name) == sorted(names)
    assert all(len(v) == 1 for v in by_name.values()), {k: len(v) for k, v in by_name.items()}
    assert len({r["doc_id"] for r in rows}) == len(rows) == len(names)
    return {name: v[0] for name, v in by_name.items()}


def sha(folder: Path, name: str) -> str:
    return hashlib.sha256((folder / name).read_bytes()).hexdigest()


def expected_cid(folder: Path, name: str, attempt: int) -> str:
    return f"{sha(folder, name)[:40]}-invoice-v2-a{attempt}"


def usd(prompt: int, completion: int, model: str = "gpt-4.1-mini") -> float:
    p = PRICES["frontier"][model]
    return (prompt * p["input"] + completion * p["output"]) / 1e6 * PRICES["batch_discount"]


def server_lines(api, kind: str = "output") -> list[dict]:
    """Every line of every output (or error) file the fake published, read through its inspection API."""
    lines = []
    for created in api.created_batches:
        file_id = api.batch(created["id"])[f"{kind}_file_id"]
        if file_id:
            lines += [json.loads(x) for x in api.file_content(file_id).decode().splitlines() if x.strip()]
    return lines


def usage_by_cid(api) -> dict[str, tuple[int, int]]:
    out = {}
    for line in server_lines(api, "output") + server_lines(api, "error"):
        usage = ((line.get("response") or {}).get("body") or {}).get("usage")
        if usage:
            out[line["custom_id"]] = (usage["prompt_tokens"], usage["completion_tokens"])
    return out


def uploaded_requests(api, index: int) -> list[dict]:
    return [json.loads(x) for x in api.uploaded_files[index]["content"].decode().splitlines() if x.strip()]


def calls_to(api, endpoint: str) -> list[tuple[str, str, int]]:
    method, pattern = ENDPOINTS[endpoint]
    return [c for c in api.calls if c[0] == method and re.search(pattern, c[1])]


def truth_data(truth: dict[str, dict], name: str) -> dict:
    return {k: truth[name].get(k) for k in FIELDS}


def state_dir(out: Path) -> Path:
    return out / "_state" / "frontier"


def records(out: Path) -> list[dict]:
    return [json.loads(p.read_text()) for p in sorted((state_dir(out) / "batches").glob("*.json"))]


@pytest.fixture
def out(tmp_path) -> Path:
    return tmp_path / "out"


@pytest.fixture
def run(prefect_server, fake_extractor, sample_copy, out):
    """extract-documents over a few sample docs; every document escalates (the SLM answers with low confidence)."""
    fake_extractor.default = "low"

    def _run(names=DOCS, **kwargs):
        kwargs.setdefault("wait_frontier_seconds", 30)
        return extract_documents(source=str(sample_copy), output=str(out), extractor="fake", frontier=True,
                                 doc_ids=list(names), **kwargs)
    return _run


def assert_strict_schema(node) -> None:
    """OpenAI strict mode: every object closed, every property required (else the whole batch is refused)."""
    if isinstance(node, dict):
        if node.get("type") == "object" or "properties" in node:
            assert node.get("additionalProperties") is False, node
            assert sorted(node.get("required", [])) == sorted(node.get("properties", {})), node
        for value in node.values():
            assert_strict_schema(value)
    elif isinstance(node, list):
        for value in node:
            assert_strict_schema(value)


def assert_extracted_by_frontier(rows: dict[str, dict], truth: dict[str, dict], names: list[str]) -> None:
    for name in names:
        row = rows[name]
        assert (row["status"], row["tier"], row["pending_reason"], row["error"]) == \
            ("extracted", "frontier", None, None), (name, row["status"], row["error"], row["pending_reason"])
        assert json.loads(row["data_json"]) == truth_data(truth, name)


# --------------------------------------------------------------------------------------------- 1. happy path
def test_escalated_documents_are_submitted_collected_and_charged_once(
        run, batch_api, sample_copy, sample_truth, out):
    # the same bytes under a second name: one request answers both, and only one row pays for it
    copy = "copy of lumenfield.pdf"
    (sample_copy / copy).write_bytes((sample_copy / DOCS[0]).read_bytes())
    sample_truth[copy] = sample_truth[DOCS[0]]
    names = DOCS + [copy, "corrupt.pdf"]
    result = run(names)

    rows = rows_by_name(out, names)
    assert rows["corrupt.pdf"]["status"] == "failed" and rows["corrupt.pdf"]["tier"] is None
    assert_extracted_by_frontier(rows, sample_truth, DOCS + [copy])
    assert result["by_status_tier"] == {"extracted/frontier": 4, "failed/-": 1}

    # the data struct is typed, and equals the truth too
    lumen = rows["us_saas_lumenfield.pdf"]
    assert str(lumen["data"]["invoice_date"]) == sample_truth["us_saas_lumenfield.pdf"]["invoice_date"]
    assert lumen["data"]["total"] == sample_truth["us_saas_lumenfield.pdf"]["total"]

    # one batch, one upload; its request lines are strict structured-output requests with deterministic ids
    assert len(batch_api.uploaded_files) == 1 and len(batch_api.created_batches) == 1
    assert batch_api.created_batches[0]["input_file_id"] == batch_api.uploaded_files[0]["id"]
    requests = uploaded_requests(batch_api, 0)
    assert sorted(r["custom_id"] for r in requests) == sorted(expected_cid(sample_copy, n, 1) for n in DOCS)
    for req in requests:
        assert (req["method"], req["url"], req["body"]["model"]) == ("POST", "/v1/chat/completions", "gpt-4.1-mini")
        fmt = req["body"]["response_format"]
        assert fmt["type"] == "json_schema" and fmt["json_schema"]["strict"] is True
        assert set(fmt["json_schema"]["schema"]["properties"]) == set(FIELDS)
        assert "labels" not in json.dumps(fmt)  # extraction hints are not sent as schema
        assert_strict_schema(fmt["json_schema"]["schema"])
    kept = (state_dir(out) / "batches").glob("*.input.jsonl")
    assert [p.read_bytes() for p in kept] == [batch_api.uploaded_files[0]["content"]]

    # tokens are what the server reported, dollars are tokens x price table x batch discount
    usage = usage_by_cid(batch_api)
    assert len(usage) == 3
    payer, other = sorted([rows[DOCS[0]], rows[copy]], key=lambda r: r["doc_id"])
    assert (other["frontier_prompt_tokens"], other["frontier_cost_usd"], other["frontier_attempts"]) == (0, 0, 1)
    assert other["cost_usd"] == pytest.approx(other["slm_cost_usd"], abs=1e-8)
    for name in DOCS:
        row = payer if name == DOCS[0] else rows[name]
        prompt, completion = usage[expected_cid(sample_copy, name, 1)]
        assert (row["frontier_prompt_tokens"], row["frontier_completion_tokens"]) == (prompt, completion)
        assert (row["prompt_tokens"], row["completion_tokens"]) == (prompt, completion)
        assert row["frontier_cost_usd"] == pytest.approx(usd(prompt, completion), abs=1e-8)
        assert row["frontier_cost_usd"] > 0 and row["slm_cost_usd"] > 0
        assert row["cost_usd"] == pytest.approx(row["slm_cost_usd"] + row["frontier_cost_usd"], abs=1e-8)
        assert (row["frontier_model"], row["model"], row["frontier_attempts"]) == ("gpt-4.1-mini", "gpt-4.1-mini", 1)
    assert result["frontier"]["prompt_tokens"] == sum(p for p, _ in usage.values())
    assert result["frontier"]["cost_usd"] == pytest.approx(sum(usd(*u) for u in usage.values()), abs=1e-7)

    # a rerun sends nothing and changes nothing
    calls_before = list(batch_api.calls)
    again = run(names)
    assert again["documents"] == 0 and again["skipped_unchanged"] == len(names)
    assert len(batch_api.uploaded_files) == 1 and len(batch_api.created_batches) == 1
    assert rows_by_name(out, names) == rows
    assert collect_frontier(str(out), wait_seconds=30)["prepared"] == 0
    assert batch_api.calls[len(calls_before):] == []  # not even a poll: every batch is collected
    assert rows_by_name(out, names) == rows


# --------------------------------------------------------------------------------------------- 2. faults
def test_rate_limits_and_server_errors_on_every_endpoint_are_retried_and_the_run_completes(
        run, batch_api, sample_truth, out):
    for method, path in ENDPOINTS.values():  # each endpoint: a 429, then a 500, then it answers
        batch_api.fail_next(method, path, 429)
        batch_api.fail_next(method, path, 500)
    result = run(ONE)

    for endpoint in ENDPOINTS:
        assert [c[2] for c in calls_to(batch_api, endpoint)][:3] == [429, 500, 200], endpoint
    assert_extracted_by_frontier(rows_by_name(out, ONE), sample_truth, ONE)
    assert len(batch_api.created_batches) == 1 and len(batch_api.uploaded_files) == 1
    assert result["frontier"]["extracted"] == 1


@pytest.mark.parametrize("endpoint", list(ENDPOINTS))
def test_a_persistent_server_error_fails_the_step_and_collect_frontier_finishes_later(
        run, batch_api, sample_truth, out, endpoint):
    method, path = ENDPOINTS[endpoint]
    batch_api.fail_next(method, path, 500, times=100)
    with pytest.raises(FrontierError, match="Batch API unavailable.*500.*collect-frontier"):
        run(ONE)
    assert len(calls_to(batch_api, endpoint)) > 1  # retried (by the SDK, or for batches.create by us) first
    row = rows_by_name(out, ONE)[ONE[0]]
    # the record says where the work stopped, so the next pass resumes from there
    stopped_at = {"files.create": "prepared", "batches.create": "uploaded"}.get(endpoint, "submitted")
    waiting = "queued" if stopped_at != "submitted" else f"in_flight {batch_api.created_batches[0]['id']}"
    assert (row["status"], row["pending_reason"]) == ("pending_frontier", waiting)
    assert [r["state"] for r in records(out)] == [stopped_at]
    assert len(batch_api.created_batches) == (0 if stopped_at != "submitted" else 1)

    batch_api.clear_faults()
    collect_frontier(str(out), wait_seconds=30)
    assert_extracted_by_frontier(rows_by_name(out, ONE), sample_truth, ONE)
    assert len(batch_api.created_batches) == 1 and len(batch_api.uploaded_files) == 1  # not resubmitted
    assert all(r["state"] == "collected" for r in records(out))


def test_a_batch_that_fails_validation_is_resubmitted_as_attempt_two(run, batch_api, sample_copy, sample_truth, out):
    batch_api.set_batch_outcome("failed")
    run(DOCS[:2])

    rows = rows_by_name(out, DOCS[:2])
    assert_extracted_by_frontier(rows, sample_truth, DOCS[:2])
    assert [batch_api.batch(b["id"])["status"] for b in batch_api.created_batches] == ["failed", "completed"]
    assert sorted(r["custom_id"] for r in uploaded_requests(batch_api, 1)) == \
        sorted(expected_cid(sample_copy, n, 2) for n in DOCS[:2])
    usage = usage_by_cid(batch_api)
    for name in DOCS[:2]:
        assert rows[name]["frontier_attempts"] == 2
        assert rows[name]["frontier_cost_usd"] == pytest.approx(usd(*usage[expected_cid(sample_copy, name, 2)]),
                                                                abs=1e-8)


def test_a_frontier_value_not_in_the_text_is_kept_and_said_in_the_row(run, batch_api, sample_copy, sample_truth, out):
    made_up = DOCS[0]
    truth_responder = batch_api.responder

    def responder(cid, body):
        answer = truth_responder(cid, body)
        if cid.startswith(sha(sample_copy, made_up)[:40]):
            return json.dumps(dict(answer, buyer_name="Nobody Anywhere Holdings"))
        return answer

    batch_api.responder = responder
    run(DOCS[:2])

    rows = rows_by_name(out, DOCS[:2])
    assert (rows[made_up]["status"], rows[made_up]["tier"]) == ("extracted", "frontier")
    assert json.loads(rows[made_up]["data_json"])["buyer_name"] == "Nobody Anywhere Holdings"
    assert "frontier values not found in the text: buyer_name" in rows[made_up]["escalation_detail"]
    assert_extracted_by_frontier(rows, sample_truth, DOCS[1:2])
    assert "frontier values" not in (rows[DOCS[1]]["escalation_detail"] or "")  # the truth is in the text


def test_a_frontier_value_is_grounded_in_the_pages_layout_reading_too(run, batch_api, sample_copy, out):
    # the plain text reads a row's cells in the order they were drawn ("Ultra 16 GBSanDisk"), the layout
    # reading in the order they stand on the page ("SanDisk    Ultra 16 GB"): the local tier grounds values
    # in both, and so must the frontier's answer
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=11)
    pdf.text(20, 20, "Rechnung 2024-17")
    pdf.text(80, 40, "Ultra 16 GB")
    pdf.text(20, 40, "SanDisk")
    pdf.text(150, 40, "12,90")
    (sample_copy / "columns.pdf").write_bytes(bytes(pdf.output()))
    truth_responder = batch_api.responder

    def responder(cid, body):
        if cid.startswith(sha(sample_copy, "columns.pdf")[:40]):
            return {"invoice_number": "2024-17", "buyer_name": "SanDisk Ultra 16 GB", "total": 12.9}
        return truth_responder(cid, body)

    batch_api.responder = responder
    run(["columns.pdf"])

    row = rows_by_name(out, ["columns.pdf"])["columns.pdf"]
    assert (row["status"], row["tier"]) == ("extracted", "frontier")
    assert json.loads(row["data_json"])["buyer_name"] == "SanDisk Ultra 16 GB"
    assert "frontier values not found" not in (row["escalation_detail"] or "")
    # the layout reading is kept beside the batch file, not sent
    assert not any(re.search(r"SanDisk\s+Ultra", json.dumps(r)) for r in uploaded_requests(batch_api, 0))
    assert len(list((state_dir(out) / "batches").glob("*.layout.jsonl"))) == 1


@pytest.mark.parametrize("outcome", ["expired", "cancelled"])
def test_an_expired_or_cancelled_batch_keeps_its_answers_and_requeues_the_rest(
        run, batch_api, sample_copy, sample_truth, out, outcome):
    batch_api.set_batch_outcome(outcome, process_first=1)
    run(DOCS)

    rows = rows_by_name(out, DOCS)
    assert_extracted_by_frontier(rows, sample_truth, DOCS)
    first, second = batch_api.created_batches
    assert batch_api.batch(first["id"])["status"] == outcome
    answered = [line["custom_id"] for line in server_lines(batch_api) if line["custom_id"].endswith("-a1")]
    assert len(answered) == 1
    resent = sorted(r["custom_id"] for r in uploaded_requests(batch_api, 1))
    # exactly the two documents the first batch never answered, as attempt 2
    assert resent == sorted(expected_cid(sample_copy, n, 2) for n in DOCS
                            if expected_cid(sample_copy, n, 1) not in answered)
    usage = usage_by_cid(batch_api)
    for name in DOCS:
        attempt = 1 if expected_cid(sample_copy, name, 1) in answered else 2
        assert rows[name]["frontier_attempts"] == attempt
        assert rows[name]["frontier_prompt_tokens"] == usage[expected_cid(sample_copy, name, attempt)][0]


def test_error_file_lines_and_invalid_answers_are_retried_then_fail_with_their_reason(
        run, batch_api, sample_copy, sample_truth, out, monkeypatch):
    monkeypatch.setenv("DOCSIEVE_OPENAI_MAX_ATTEMPTS", "2")
    good = DOCS[0]
    refused, timed_out, garbled, wrong_total, cut_off = DOCS[1:] + [
        "us_consulting_calder_pine.pdf", "ie_grid_kilbride.pdf", "se_faktura_fjallstrom.pdf"]
    names = [good, refused, timed_out, garbled, wrong_total, cut_off]
    truth_responder = batch_api.responder

    def responder(cid, body):
        answer = truth_responder(cid, body)
        script = {
            refused: RequestError(400, "context_length_exceeded", "This model's maximum context length is 10 tokens."),
            timed_out: LineError(),
            garbled: "Sure! Here is the invoice: number 42",
            wrong_total: json.dumps(dict(answer, total=(answer["total"] or 0) + 10)),  # JSON, but does not add up
            cut_off: ChatAnswer(json.dumps(answer)[:60], finish_reason="length"),
        }
        for name, scripted in script.items():
            if cid.startswith(sha(sample_copy, name)[:40]):
                return scripted
        return answer

    batch_api.responder = responder
    run(names)

    rows = rows_by_name(out, names)
    assert_extracted_by_frontier(rows, sample_truth, [good])
    assert rows[good]["frontier_attempts"] == 1
    assert len(batch_api.created_batches) == 2  # attempt 1, then attempt 2 of the five that failed; no third
    assert sorted(r["custom_id"] for r in uploaded_requests(batch_api, 1)) == \
        sorted(expected_cid(sample_copy, n, 2) for n in names[1:])
    for name in names[1:]:
        row = rows[name]
        assert (row["status"], row["tier"], row["error_code"], row["frontier_attempts"]) == \
            ("failed", "frontier", "frontier_failed", 2), name
        assert row["error"].startswith("frontier failed after 2 attempt(s): ") and row["data_json"] is None
        assert row["retryable"] is False and row["pending_reason"] is None
    assert "HTTP 400" in rows[refused]["error"] and "maximum context length" in rows[refused]["error"]
    assert "request_timeout" in rows[timed_out]["error"]
    assert "not JSON" in rows[garbled]["error"]
    assert "invalid answer" in rows[wrong_total]["error"] and "total" in rows[wrong_total]["error"]
    assert "cut off" in rows[cut_off]["error"]
    # the error files carried the two requests that never produced an answer, on both attempts
    errors = sorted(line["custom_id"] for line in server_lines(batch_api, "error"))
    assert errors == sorted(expected_cid(sample_copy, n, a) for n in (refused, timed_out) for a in (1, 2))
    # requests that errored cost nothing; answers that came back, usable or not, were paid on both attempts
    usage = usage_by_cid(batch_api)
    for name in (refused, timed_out):
        assert (rows[name]["frontier_prompt_tokens"], rows[name]["frontier_cost_usd"]) == (0, 0)
    for name in (garbled, wrong_total, cut_off):
        u1, u2 = usage[expected_cid(sample_copy, name, 1)], usage[expected_cid(sample_copy, name, 2)]
        assert rows[name]["frontier_prompt_tokens"] == u1[0] + u2[0]
        assert rows[name]["frontier_completion_tokens"] == u1[1] + u2[1]
        assert rows[name]["frontier_cost_usd"] == pytest.approx(usd(*u1) + usd(*u2), abs=1e-8)

    # failed rows are final: nothing is queued, a later collection sends nothing
    collect_frontier(str(out), wait_seconds=30)
    assert len(batch_api.created_batches) == 2 and len(batch_api.uploaded_files) == 2
    assert rows_by_name(out, names) == rows


# --------------------------------------------------------------------------------------------- 3. crash points
def kill_on_save(monkeypatch, state: str) -> list[str]:
    """Make `BatchRecord.save` raise (like a killed process) the first time it would persist `state`."""
    from flows.frontier import BatchRecord

    real_save, killed = BatchRecord.save, []

    def save(self, store):
        if self.state == state and not killed:
            killed.append(self.key)
            raise KeyboardInterrupt(f"killed before persisting state {state!r}")
        return real_save(self, store)

    monkeypatch.setattr(BatchRecord, "save", save)
    return killed


def test_kill_between_upload_and_persist_reuploads_but_creates_one_batch(
        run, batch_api, sample_truth, out, monkeypatch):
    killed = kill_on_save(monkeypatch, "uploaded")
    with pytest.raises(KeyboardInterrupt):
        run(DOCS[:2])
    assert killed and len(batch_api.uploaded_files) == 1 and batch_api.created_batches == []
    assert [r["state"] for r in records(out)] == ["prepared"]
    assert all(r["status"] == "pending_frontier" for r in rows_by_name(out, DOCS[:2]).values())

    collect_frontier(str(out), wait_seconds=30)
    assert_extracted_by_frontier(rows_by_name(out, DOCS[:2]), sample_truth, DOCS[:2])
    assert len(batch_api.uploaded_files) == 2  # files are free: one extra upload is fine
    assert len(batch_api.created_batches) == 1
    assert batch_api.created_batches[0]["input_file_id"] == batch_api.uploaded_files[1]["id"]


def test_kill_between_batch_creation_and_persist_finds_the_batch_again(
        run, batch_api, sample_truth, out, monkeypatch):
    killed = kill_on_save(monkeypatch, "submitted")
    with pytest.raises(KeyboardInterrupt):
        run(DOCS[:2])
    assert killed and len(batch_api.created_batches) == 1
    (rec,) = records(out)
    assert rec["state"] == "uploaded" and rec["batch_id"] is None
    assert all(r["status"] == "pending_frontier" for r in rows_by_name(out, DOCS[:2]).values())

    collect_frontier(str(out), wait_seconds=30)
    assert_extracted_by_frontier(rows_by_name(out, DOCS[:2]), sample_truth, DOCS[:2])
    assert len(batch_api.created_batches) == 1 and len(batch_api.uploaded_files) == 1
    assert records(out)[0]["batch_id"] == batch_api.created_batches[0]["id"]
    assert batch_api.created_batches[0]["metadata"] == {"docsieve_batch": rec["key"]}


def test_a_lost_batch_creation_response_never_creates_a_second_batch(run, batch_api, sample_truth, out):
    # the batch is created, then its answer is lost: a blind retry of the POST would create (and pay) it twice
    batch_api.fail_next("POST", r"^/v1/batches$", 500, after=True)
    run(DOCS[:2])
    assert [c[2] for c in calls_to(batch_api, "batches.create")] == [500]
    assert_extracted_by_frontier(rows_by_name(out, DOCS[:2]), sample_truth, DOCS[:2])
    assert len(batch_api.created_batches) == 1
    assert records(out)[0]["batch_id"] == batch_api.created_batches[0]["id"]


def test_kill_between_creation_and_collection_resumes_polling_the_same_batch(
        run, batch_api, sample_truth, out, monkeypatch):
    import flows.frontier

    real_collect = flows.frontier.collect_batches

    def killed(*args, **kwargs):
        raise KeyboardInterrupt("killed before the first poll")

    monkeypatch.setattr(flows.frontier, "collect_batches", killed)
    with pytest.raises(KeyboardInterrupt):
        run(DOCS[:2])
    (created,) = batch_api.created_batches
    assert records(out)[0]["state"] == "submitted"
    assert rows_by_name(out, DOCS[:2])[DOCS[0]]["status"] == "pending_frontier"

    monkeypatch.setattr(flows.frontier, "collect_batches", real_collect)
    n_calls = len(batch_api.calls)
    run(DOCS[:2])  # the rerun extracts nothing new and picks up the batch in flight
    assert_extracted_by_frontier(rows_by_name(out, DOCS[:2]), sample_truth, DOCS[:2])
    assert len(batch_api.created_batches) == 1 and len(batch_api.uploaded_files) == 1
    assert ("GET", f"/v1/batches/{created['id']}", 200) in batch_api.calls[n_calls:]


# --------------------------------------------------------------------------------------------- 4. budget
def test_budget_cap_sends_only_what_fits_and_leaves_the_rest_pending(run, batch_api, sample_copy, sample_truth, out):
    result = run(DOCS, max_frontier_usd=0.0)
    rows = rows_by_name(out, DOCS)
    for name in DOCS:
        assert (rows[name]["status"], rows[name]["pending_reason"]) == ("pending_frontier", "budget")
    assert batch_api.uploaded_files == [] and batch_api.created_batches == []
    assert result["frontier"]["over_budget"] == 3 and result["frontier"]["cost_usd"] == 0

    # a later collection with room for about one request sends one, even while it waits for batches to finish
    collect_frontier(str(out), max_frontier_usd=0.0007, wait_seconds=30)
    rows = rows_by_name(out, DOCS)
    (sent,) = [n for n in DOCS if rows[n]["status"] == "extracted"]
    assert_extracted_by_frontier(rows, sample_truth, [sent])
    assert len(batch_api.created_batches) == 1
    assert [r["custom_id"] for r in uploaded_requests(batch_api, 0)] == [expected_cid(sample_copy, sent, 1)]
    for name in set(DOCS) - {sent}:
        assert (rows[name]["status"], rows[name]["pending_reason"]) == ("pending_frontier", "budget")

    # without a cap the rest goes
    collect_frontier(str(out), wait_seconds=30)
    assert_extracted_by_frontier(rows_by_name(out, DOCS), sample_truth, DOCS)
    assert len(batch_api.created_batches) == 2


# --------------------------------------------------------------------------------------------- 5. no API key
def test_without_an_api_key_batch_files_are_written_and_sent_by_a_later_collection(
        prefect_server, fake_extractor, sample_copy, sample_truth, out, batch_api_server, monkeypatch):
    fake_extractor.default = "low"
    names = DOCS + ["scanned.pdf"]
    extract_documents(source=str(sample_copy), output=str(out), extractor="fake", frontier=True, doc_ids=names,
                      wait_frontier_seconds=30)

    rows = rows_by_name(out, names)
    assert rows["scanned.pdf"]["status"] == "failed"
    for name in DOCS:
        assert (rows[name]["status"], rows[name]["tier"], rows[name]["pending_reason"]) == \
            ("pending_frontier", None, "no_api_key")
    (input_file,) = (state_dir(out) / "batches").glob("*.input.jsonl")
    written = input_file.read_bytes()
    requests = [json.loads(x) for x in written.decode().splitlines()]
    assert sorted(r["custom_id"] for r in requests) == sorted(expected_cid(sample_copy, n, 1) for n in DOCS)

    # now configure the (fake) API, as the batch_api fixture does, and collect
    from tests.conftest import SAMPLE_DOCS, truth_by_sha

    truth = truth_by_sha(SAMPLE_DOCS)
    batch_api_server.reset(lambda cid, body: next({k: f.get(k) for k in FIELDS} for s, f in truth.items()
                                                  if cid.startswith(s[:40])))
    batch_api_server.clear_faults()
    batch_api_server.reset_batch_outcome()
    monkeypatch.setenv("OPENAI_BASE_URL", batch_api_server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", batch_api_server.api_key)
    monkeypatch.setenv("DOCSIEVE_OPENAI_POLL_SECONDS", "0.01")
    collect_frontier(str(out), wait_seconds=30)

    assert [f["content"] for f in batch_api_server.uploaded_files] == [written]  # exactly those requests
    assert len(batch_api_server.created_batches) == 1
    rows = rows_by_name(out, names)
    assert_extracted_by_frontier(rows, sample_truth, DOCS)


def test_a_user_schema_property_named_like_an_extraction_hint_is_kept_in_the_request(tmp_path):
    from extractors.openai_batch import build_request
    from schemas.registry import load_schema

    schema_file = tmp_path / "parcel.py"
    schema_file.write_text(
        "from pydantic import BaseModel, Field\n"
        "class ParcelFields(BaseModel):\n"
        "    tracking_number: str | None = Field(None, json_schema_extra={'labels': ['tracking no']})\n"
        "    labels: list[str] | None = Field(None, description='Handling labels printed on the parcel')\n"
    )
    request = build_request("c-1", "Tracking no 1Z999", load_schema(f"{schema_file}:ParcelFields"),
                            model="gpt-4.1-mini", max_output_tokens=100, max_text_chars=1000)
    schema = request["body"]["response_format"]["json_schema"]["schema"]
    assert set(schema["properties"]) == {"tracking_number", "labels"}
    assert "labels" not in schema["properties"]["tracking_number"]  # the hint is still stripped
    assert_strict_schema(schema)

"""Tests of the fake OpenAI Batch API, driven only through the real ``openai`` SDK."""

from __future__ import annotations

import json
import math
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import openai
import pytest
from openai.types.chat import ChatCompletion

from tests.fakes.batch_api import ChatAnswer, FakeBatchAPI, LineError, RequestError

MODEL = "gpt-4o-mini"
TERMINAL = {"completed", "failed", "expired", "cancelled"}


# One server and one SDK client for the module (starting uvicorn and building an SDK
# client cost ~0.1 s each); `fake` resets the server's state before every test.


@pytest.fixture(scope="module")
def server() -> Iterator[FakeBatchAPI]:
    with FakeBatchAPI() as running:
        yield running


@pytest.fixture
def fake(server: FakeBatchAPI) -> Iterator[FakeBatchAPI]:
    server.reset()
    yield server
    assert server.server_errors == [], "the fake itself raised"


@pytest.fixture(scope="module")
def client(server: FakeBatchAPI) -> Iterator[openai.OpenAI]:
    with openai.OpenAI(base_url=server.base_url, api_key=server.api_key, max_retries=0) as c:
        yield c


def request_line(custom_id: str, text: str = "hi", model: str = MODEL) -> dict[str, Any]:
    return {
        "custom_id": custom_id,
        "method": "POST",
        "url": "/v1/chat/completions",
        "body": {"model": model, "messages": [{"role": "user", "content": text}]},
    }


def upload(client: openai.OpenAI, lines: list[dict[str, Any]] | list[str], name: str = "in.jsonl") -> str:
    text = "".join((line if isinstance(line, str) else json.dumps(line)) + "\n" for line in lines)
    return client.files.create(file=(name, text.encode()), purpose="batch").id


def submit(client: openai.OpenAI, n: int, **kwargs: Any) -> str:
    file_id = upload(client, [request_line(f"req-{i}", f"text {i}") for i in range(n)])
    batch = client.batches.create(
        input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h", **kwargs
    )
    return batch.id


def poll(client: openai.OpenAI, batch_id: str, limit: int = 20) -> list[Any]:
    """Retrieve until terminal; return every Batch seen."""
    seen = []
    for _ in range(limit):
        batch = client.batches.retrieve(batch_id)
        seen.append(batch)
        if batch.status in TERMINAL:
            return seen
    raise AssertionError(f"batch never finished: {[b.status for b in seen]}")


def read_jsonl(client: openai.OpenAI, file_id: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in client.files.content(file_id).text.splitlines()]


# --------------------------------------------------------------------------- happy path


def test_happy_path_upload_create_poll_download(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.responder = lambda custom_id, body: {"id": custom_id, "echo": body["messages"][0]["content"]}
    lines = [request_line(f"req-{i}", f"text number {i}") for i in range(3)]
    uploaded = client.files.create(
        file=("in.jsonl", "".join(json.dumps(x) + "\n" for x in lines).encode()), purpose="batch"
    )
    assert uploaded.purpose == "batch" and uploaded.filename == "in.jsonl" and uploaded.object == "file"
    assert uploaded.expires_at == uploaded.created_at + 30 * 24 * 3600
    assert fake.uploaded_files[0]["id"] == uploaded.id and fake.uploaded_files[0]["bytes"] == uploaded.bytes

    created = client.batches.create(
        input_file_id=uploaded.id,
        endpoint="/v1/chat/completions",
        completion_window="24h",
        metadata={"run": "r1"},
    )
    assert created.status == "validating" and created.request_counts.total == 0
    assert created._request_id.startswith("req_")  # the SDK reads the x-request-id header
    assert created.expires_at == created.created_at + 24 * 3600
    assert created.metadata == {"run": "r1"} and created.model == MODEL
    assert fake.created_batches == [
        {
            "id": created.id,
            "input_file_id": uploaded.id,
            "endpoint": "/v1/chat/completions",
            "completion_window": "24h",
            "metadata": {"run": "r1"},
        }
    ]

    seen = poll(client, created.id)
    assert [b.status for b in seen] == ["in_progress", "finalizing", "completed"]
    in_progress, finalizing, done = seen
    assert (in_progress.request_counts.total, in_progress.request_counts.completed) == (3, 0)
    assert in_progress.output_file_id is None and in_progress.in_progress_at is not None
    assert finalizing.request_counts.completed == 3 and finalizing.output_file_id is None
    assert done.request_counts.model_dump() == {"total": 3, "completed": 3, "failed": 0}
    assert done.completed_at and done.finalizing_at and done.error_file_id is None and done.errors is None
    assert client.batches.retrieve(created.id).status == "completed"  # terminal stays terminal

    out = read_jsonl(client, done.output_file_id)
    assert [line["custom_id"] for line in out] == ["req-0", "req-1", "req-2"]
    prompt_total = completion_total = 0
    for line, request in zip(out, lines, strict=True):
        assert line["id"].startswith("batch_req_") and line["error"] is None
        assert line["response"]["status_code"] == 200 and line["response"]["request_id"].startswith("req_")
        completion = ChatCompletion.model_validate(line["response"]["body"])  # the SDK's own type
        content = completion.choices[0].message.content
        assert json.loads(content) == {
            "id": line["custom_id"],
            "echo": request["body"]["messages"][0]["content"],
        }
        assert completion.choices[0].finish_reason == "stop" and completion.model == MODEL
        prompt = math.ceil(len(json.dumps(request["body"]["messages"])) / 4)
        assert completion.usage.prompt_tokens == prompt
        assert completion.usage.completion_tokens == max(1, math.ceil(len(content) / 4))
        prompt_total += prompt
        completion_total += completion.usage.completion_tokens
    assert done.usage.input_tokens == prompt_total and done.usage.output_tokens == completion_total
    assert done.usage.total_tokens == prompt_total + completion_total
    assert done.usage.input_tokens_details.cached_tokens == 0

    output_file = client.files.retrieve(done.output_file_id)
    assert output_file.purpose == "batch_output" and output_file.filename == f"{created.id}_output.jsonl"
    assert {f.id for f in client.files.list()} == {uploaded.id, done.output_file_id}
    assert [f.id for f in client.files.list(purpose="batch_output")] == [done.output_file_id]
    assert client.files.delete(uploaded.id).deleted is True
    with pytest.raises(openai.NotFoundError):
        client.files.retrieve(uploaded.id)


def test_steps_per_status_controls_poll_count(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.reset(steps_per_status=2)
    batch_id = submit(client, 1)
    statuses = [b.status for b in poll(client, batch_id)]
    assert statuses == ["validating", "in_progress", "in_progress", "finalizing", "finalizing", "completed"]
    assert fake.batch(batch_id)["status"] == "completed"  # inspection does not count as a poll
    assert fake.advance(submit(client, 1), steps=3)["status"] == "completed"


# --------------------------------------------------------------------------- answers


def test_request_error_goes_to_error_file(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    def responder(custom_id: str, body: dict[str, Any]) -> Any:
        if custom_id == "req-1":
            return RequestError(status_code=400, code="invalid_request_error", message="bad schema")
        if custom_id == "req-2":
            return LineError()
        return {"ok": True}

    fake.responder = responder
    done = poll(client, submit(client, 4))[-1]
    assert done.status == "completed"
    assert done.request_counts.model_dump() == {"total": 4, "completed": 2, "failed": 2}
    assert [x["custom_id"] for x in read_jsonl(client, done.output_file_id)] == ["req-0", "req-3"]
    http_error, timeout = read_jsonl(client, done.error_file_id)
    assert http_error["custom_id"] == "req-1" and http_error["error"] is None
    assert http_error["response"]["status_code"] == 400
    assert http_error["response"]["body"] == {
        "error": {
            "message": "bad schema",
            "type": "invalid_request_error",
            "param": None,
            "code": "invalid_request_error",
        }
    }
    assert timeout["response"] is None and timeout["error"]["code"] == "request_timeout"


def test_raw_string_and_truncated_answers(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    answers = {"req-0": '{"half": ', "req-1": ChatAnswer('{"a": 1', finish_reason="length")}
    fake.responder = lambda custom_id, body: answers[custom_id]
    done = poll(client, submit(client, 2))[-1]
    first, second = (
        ChatCompletion.model_validate(x["response"]["body"]) for x in read_jsonl(client, done.output_file_id)
    )
    assert first.choices[0].message.content == '{"half": ' and first.choices[0].finish_reason == "stop"
    assert second.choices[0].message.content == '{"a": 1' and second.choices[0].finish_reason == "length"
    assert done.request_counts.completed == 2


def test_responder_exception_becomes_500_line(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.responder = lambda custom_id, body: 1 / 0
    done = poll(client, submit(client, 1))[-1]
    (line,) = read_jsonl(client, done.error_file_id)
    assert line["response"]["status_code"] == 500 and done.output_file_id is None
    assert isinstance(fake.responder_errors[0], ZeroDivisionError)


# --------------------------------------------------------------------------- HTTP faults


def test_429_is_retried_by_the_sdk(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    c = client.with_options(max_retries=2)
    fake.fail_next("POST", r"/v1/files$", status=429)
    fake.fail_next("get", r"/v1/batches/", status=429, times=2)
    started = time.monotonic()
    file_id = upload(c, [request_line("a")])
    batch_id = c.batches.create(
        input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h"
    ).id
    assert c.batches.retrieve(batch_id).status == "in_progress"  # the two 429s did not count as polls
    assert time.monotonic() - started < 2  # retry-after-ms honoured, no exponential backoff
    assert fake.calls[:2] == [("POST", "/v1/files", 429), ("POST", "/v1/files", 200)]
    assert [c[2] for c in fake.calls if c[1] == f"/v1/batches/{batch_id}"] == [429, 429, 200]
    assert len(fake.uploaded_files) == 1


def test_429_without_retries_raises_rate_limit_error(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.fail_next("POST", r"/v1/files$", status=429)
    with pytest.raises(openai.RateLimitError) as info:
        upload(client, [request_line("a")])
    assert info.value.code == "rate_limit_exceeded"
    assert info.value.response.headers["retry-after-ms"] == "10"


def test_500_surfaces_with_max_retries_zero(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    file_id = upload(client, [request_line("a")])
    fake.fail_next("POST", r"/v1/batches$", status=500)
    with pytest.raises(openai.InternalServerError) as info:
        client.batches.create(input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h")
    assert info.value.status_code == 500 and info.value.type == "server_error"
    assert fake.created_batches == []  # a plain fault rejects the call before it takes effect
    assert fake.calls[-1] == ("POST", "/v1/batches", 500)
    # the fault was one-shot
    client.batches.create(input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h")
    assert len(fake.created_batches) == 1


def test_lost_response_fault_takes_effect(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    file_id = upload(client, [request_line("a")])
    fake.fail_next("POST", r"/v1/batches$", status=502, after=True)
    with pytest.raises(openai.InternalServerError):
        client.batches.create(input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h")
    assert len(fake.created_batches) == 1  # the batch exists although the client saw an error
    assert [b.id for b in client.batches.list()] == [fake.created_batches[0]["id"]]


def test_401_without_the_right_key(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    with pytest.raises(openai.AuthenticationError) as info:
        client.with_options(api_key="sk-wrong").batches.list()
    assert info.value.code == "invalid_api_key"
    response = httpx.get(f"{fake.base_url}/batches")
    assert response.status_code == 401
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}
    assert fake.calls == [("GET", "/v1/batches", 401), ("GET", "/v1/batches", 401)]


def test_bad_requests_are_openai_errors(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    file_id = upload(client, [request_line("a")])
    with pytest.raises(openai.BadRequestError) as info:
        client.batches.create(input_file_id=file_id, endpoint="/v1/embeddings", completion_window="24h")
    assert info.value.param == "endpoint"
    with pytest.raises(openai.BadRequestError):
        client.batches.create(
            input_file_id="file-missing", endpoint="/v1/chat/completions", completion_window="24h"
        )
    with pytest.raises(openai.NotFoundError):
        client.batches.retrieve("batch_missing")
    with pytest.raises(openai.NotFoundError):
        client.files.content("file-missing")
    assert fake.created_batches == []


# --------------------------------------------------------------------------- outcomes


def test_duplicate_custom_id_fails_validation(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    file_id = upload(
        client, [request_line("x"), request_line("x"), "not json", request_line("y", model="other")]
    )
    batch = client.batches.create(
        input_file_id=file_id, endpoint="/v1/chat/completions", completion_window="24h"
    )
    assert batch.status == "validating"
    failed = client.batches.retrieve(batch.id)
    assert failed.status == "failed" and failed.failed_at is not None
    assert failed.errors.object == "list"
    assert [(e.code, e.line) for e in failed.errors.data] == [
        ("duplicate_custom_id", 2),
        ("invalid_json_line", 3),
        ("mismatched_model", 4),
    ]
    assert failed.output_file_id is None and failed.error_file_id is None
    assert failed.request_counts.model_dump() == {"total": 0, "completed": 0, "failed": 0}


def test_scripted_failure_is_one_shot(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.set_batch_outcome("failed")
    first = poll(client, submit(client, 2))[-1]
    assert first.status == "failed" and first.errors.data[0].code == "token_limit_exceeded"
    assert poll(client, submit(client, 2))[-1].status == "completed"

    fake.set_batch_outcome("failed", persist=True)
    assert poll(client, submit(client, 1))[-1].status == "failed"
    assert poll(client, submit(client, 1))[-1].status == "failed"
    fake.reset_batch_outcome()
    assert poll(client, submit(client, 1))[-1].status == "completed"


def test_expired_batch_has_partial_output(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.set_batch_outcome("expired", process_first=2)
    seen = poll(client, submit(client, 5))
    assert [b.status for b in seen] == ["in_progress", "expired"]
    expired = seen[-1]
    assert expired.expired_at is not None and expired.completed_at is None
    assert expired.request_counts.model_dump() == {"total": 5, "completed": 2, "failed": 0}
    assert [x["custom_id"] for x in read_jsonl(client, expired.output_file_id)] == ["req-0", "req-1"]
    errors = read_jsonl(client, expired.error_file_id)
    assert [x["custom_id"] for x in errors] == ["req-2", "req-3", "req-4"]
    assert all(x["response"] is None and x["error"]["code"] == "batch_expired" for x in errors)
    assert expired.usage.input_tokens > 0


def test_server_side_cancel(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    fake.set_batch_outcome("cancelled", process_first=1)
    seen = poll(client, submit(client, 3))
    assert [b.status for b in seen] == ["in_progress", "cancelling", "cancelled"]
    cancelled = seen[-1]
    assert cancelled.cancelling_at is not None and cancelled.cancelled_at is not None
    assert cancelled.request_counts.model_dump() == {"total": 3, "completed": 1, "failed": 0}
    assert [x["custom_id"] for x in read_jsonl(client, cancelled.output_file_id)] == ["req-0"]
    assert {x["error"]["code"] for x in read_jsonl(client, cancelled.error_file_id)} == {"batch_cancelled"}


def test_client_cancel(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    batch_id = submit(client, 2)
    assert client.batches.retrieve(batch_id).status == "in_progress"
    cancelling = client.batches.cancel(batch_id)
    assert cancelling.status == "cancelling" and cancelling.cancelling_at is not None
    assert client.batches.cancel(batch_id).status == "cancelling"  # idempotent
    cancelled = client.batches.retrieve(batch_id)
    assert cancelled.status == "cancelled" and cancelled.output_file_id is None
    assert cancelled.request_counts.model_dump() == {"total": 2, "completed": 0, "failed": 0}
    assert len(read_jsonl(client, cancelled.error_file_id)) == 2

    # cancelled while validating: nothing ran, no files
    early = submit(client, 2)
    client.batches.cancel(early)
    assert poll(client, early)[-1].model_dump(include={"status", "error_file_id", "output_file_id"}) == {
        "status": "cancelled",
        "error_file_id": None,
        "output_file_id": None,
    }

    done = poll(client, submit(client, 1))[-1]
    with pytest.raises(openai.BadRequestError):
        client.batches.cancel(done.id)


# --------------------------------------------------------------------------- listing, concurrency


def test_list_pagination_newest_first_with_metadata(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    ids = [submit(client, 1, metadata={"n": str(i)}) for i in range(5)]
    page = client.batches.list(limit=2)
    assert [b.id for b in page.data] == [ids[4], ids[3]] and page.has_more is True
    raw = httpx.get(
        f"{fake.base_url}/batches",
        params={"limit": 2, "after": ids[3]},
        headers={"Authorization": f"Bearer {fake.api_key}"},
    ).json()
    assert (raw["object"], raw["first_id"], raw["last_id"], raw["has_more"]) == ("list", ids[2], ids[1], True)
    everything = list(client.batches.list(limit=2))  # the SDK follows `after` cursors
    assert [b.id for b in everything] == ids[::-1]
    assert [b.metadata for b in everything] == [{"n": str(i)} for i in reversed(range(5))]
    assert [c for c in fake.calls if c[1] == "/v1/batches" and c[0] == "GET"][-3:] == [
        ("GET", "/v1/batches", 200)
    ] * 3


def test_concurrent_clients(fake: FakeBatchAPI, client: openai.OpenAI) -> None:
    errors: list[BaseException] = []

    def worker() -> None:
        try:  # the SDK client is thread-safe; its pool opens parallel connections
            done = poll(client, submit(client, 3))[-1]
            assert done.request_counts.completed == 3
            fake.batch(done.id)  # test-thread inspection racing the server thread
        except BaseException as exc:  # reported below, on the test thread
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=30)
    assert errors == []
    assert len(fake.created_batches) == 8 and len({b["id"] for b in fake.created_batches}) == 8


def test_stop_releases_the_port() -> None:
    fake = FakeBatchAPI().start()
    url = fake.base_url
    fake.stop()
    with pytest.raises(httpx.ConnectError):
        httpx.get(f"{url}/files", timeout=1)

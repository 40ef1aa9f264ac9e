"""A loopback fake of the OpenAI **Files** and **Batches** HTTP API, for tests.

The real ``openai`` SDK, pointed at :attr:`FakeBatchAPI.base_url`, can drive a whole
Batch API workflow against it: upload a JSONL file with ``purpose="batch"``, create a
batch, poll it, download the output and error files, cancel, list.  Nothing in the SDK
is patched; the server speaks the wire format itself, and tests script what happens:

* ``responder(custom_id, body) -> Answer`` decides what each request line "answers";
* :meth:`FakeBatchAPI.fail_next` makes the next matching HTTP calls fail (429 / 5xx ...);
* :meth:`FakeBatchAPI.set_batch_outcome` makes a batch fail validation, expire or be
  cancelled part-way;
* time does not pass: every ``GET /v1/batches/{id}`` moves the batch one status forward
  (after ``steps_per_status`` polls), so tests never sleep.

Where the formats come from
---------------------------
* Batch object (every field, incl. ``request_counts``, ``usage`` with
  ``input_tokens_details`` / ``output_tokens_details``, ``errors`` as
  ``{"object": "list", "data": [{code, message, param, line}]}``, ``model``): the SDK's
  ``openai/types/batch.py``, ``batch_request_counts.py``, ``batch_usage.py`` and
  ``batch_error.py``.
* File object and list pages (``data``, ``first_id``, ``last_id``, ``has_more``,
  cursor ``after``): ``openai/types/file_object.py``, ``pagination.py`` (SyncCursorPage).
* Output / error file lines: the OpenAPI ``BatchRequestOutput`` schema -- ``{"id",
  "custom_id", "response": {"status_code", "request_id", "body"} | null, "error":
  {"code", "message"} | null}``.  A request that ran and got an HTTP error is written to
  the *error* file with ``response.status_code`` and an ``{"error": {...}}`` body and
  ``"error": null``; requests that never ran get ``"response": null`` and
  ``error.code`` ``batch_expired`` / ``batch_cancelled`` (codes listed in that schema,
  message for ``batch_expired`` as in OpenAI's Batch guide).
* Error bodies of the HTTP API itself: ``{"error": {"message", "type", "param",
  "code"}}``, which the SDK turns into ``openai.APIStatusError`` subclasses by status.
* Retry behaviour: the SDK (``_base_client.py``) retries 408/409/429/5xx up to
  ``max_retries`` and honours ``retry-after-ms`` before ``retry-after``; scripted
  faults carry a small ``retry-after-ms`` so retried tests stay fast.

Deliberate simplifications are listed in :class:`FakeBatchAPI`'s docstring.
"""

from __future__ import annotations

import copy
import json
import math
import re
import secrets
import socket
import threading
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.base import BaseHTTPMiddleware, RequestResponseEndpoint

__all__ = [
    "Answer",
    "ChatAnswer",
    "FakeBatchAPI",
    "LineError",
    "RequestError",
    "Responder",
    "default_responder",
]

DEFAULT_API_KEY = "sk-test-fake"
CHAT_COMPLETIONS = "/v1/chat/completions"
# Only chat completions are faked; OpenAI accepts more endpoints, the fake rejects them
# with a 400 so a client bug there is loud rather than silently "working".
SUPPORTED_ENDPOINTS = frozenset({CHAT_COMPLETIONS})
UPLOAD_PURPOSES = frozenset({"assistants", "batch", "fine-tune", "vision", "user_data", "evals"})
COMPLETION_WINDOW_SECONDS = 24 * 3600
BATCH_FILE_TTL_SECONDS = 30 * 24 * 3600  # OpenAI: purpose=batch files expire after 30 days
TERMINAL_STATUSES = frozenset({"failed", "completed", "expired", "cancelled"})
OUTCOMES = ("completed", "failed", "expired", "cancelled")

Outcome = Literal["completed", "failed", "expired", "cancelled"]


# --------------------------------------------------------------------------- answers


@dataclass(frozen=True)
class ChatAnswer:
    """A 200 chat completion with full control of the message (e.g. a truncated answer)."""

    content: str | None
    finish_reason: str = "stop"  # "length" simulates a max_tokens cut-off
    refusal: str | None = None


@dataclass(frozen=True)
class RequestError:
    """The request ran and the API answered it with an HTTP error.

    Goes to the batch's **error file** as ``{"response": {"status_code", "request_id",
    "body": {"error": {...}}}, "error": null}`` and counts in ``request_counts.failed``.
    """

    status_code: int = 400
    code: str | None = "invalid_request_error"
    message: str = "Invalid request."
    type: str | None = None  # default: invalid_request_error (<500) / server_error (>=500)
    param: str | None = None

    def error_object(self) -> dict[str, Any]:
        default_type = "server_error" if self.status_code >= 500 else "invalid_request_error"
        return {
            "message": self.message,
            "type": self.type or default_type,
            "param": self.param,
            "code": self.code,
        }


@dataclass(frozen=True)
class LineError:
    """A non-HTTP failure of one request (``response: null``), e.g. ``request_timeout``."""

    code: str = "request_timeout"
    message: str = "The request timed out."


# What a responder may return: a dict/list (sent as JSON text), a raw string, or one of
# the dataclasses above.
Answer = dict[str, Any] | list[Any] | str | ChatAnswer | RequestError | LineError
Responder = Callable[[str, dict[str, Any]], Answer]


def default_responder(custom_id: str, body: dict[str, Any]) -> Answer:
    """Answer every request with the JSON object ``{}``."""
    return {}


# --------------------------------------------------------------------------- internals


class _APIError(Exception):
    """Raised by handlers; rendered as an OpenAI-style error response."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.body = {"error": {"message": message, "type": type, "param": param, "code": code}}


@dataclass
class _Fault:
    method: str
    pattern: re.Pattern[str]
    status: int
    remaining: int
    after: bool
    retry_after_ms: int | None
    message: str | None


@dataclass
class _StoredFile:
    obj: dict[str, Any]
    content: bytes


@dataclass
class _Batch:
    obj: dict[str, Any]  # the public JSON object, kept current
    requests: list[dict[str, Any]]  # parsed input lines, in file order
    validation_errors: list[dict[str, Any]]
    outcome: str
    process_first: int | None
    polls: int = 0  # retrieves since the last status step
    ran: int = 0  # requests executed so far (a prefix of `requests`)
    output_lines: list[dict[str, Any]] = field(default_factory=list)
    error_lines: list[dict[str, Any]] = field(default_factory=list)


def _new_id(prefix: str, n_hex: int = 24) -> str:
    return prefix + secrets.token_hex(n_hex // 2)


def _now() -> int:
    return int(time.time())


def _tokens(text: str) -> int:
    return math.ceil(len(text) / 4)


def _fault_error(status: int, message: str | None) -> dict[str, Any]:
    """An error body like the one OpenAI sends for that status."""
    if status == 429:
        default, type_, code = (
            "Rate limit reached for requests. Please try again in 10ms.",
            "requests",
            "rate_limit_exceeded",
        )
    elif status == 503:
        default, type_, code = (
            "The engine is currently overloaded, please try again later.",
            "server_error",
            None,
        )
    elif status >= 500:
        default, type_, code = (
            "The server had an error while processing your request. Sorry about that!",
            "server_error",
            None,
        )
    elif status == 401:
        default, type_, code = "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"
    elif status == 404:
        default, type_, code = "Not found.", "invalid_request_error", None
    else:
        default, type_, code = f"Scripted failure ({status}).", "invalid_request_error", None
    return {"error": {"message": message or default, "type": type_, "param": None, "code": code}}


def _error_response(status: int, body: dict[str, Any], headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse(body, status_code=status, headers=headers)


def _page(items: list[dict[str, Any]], after: str | None, limit: int, what: str) -> dict[str, Any]:
    """A cursor page as OpenAI lists return it; `items` are already in list order."""
    start = 0
    if after is not None:
        ids = [item["id"] for item in items]
        if after not in ids:
            raise _APIError(400, f"No such {what}: '{after}' (used as 'after').", param="after")
        start = ids.index(after) + 1
    data = items[start : start + limit]
    return {
        "object": "list",
        "data": data,
        "first_id": data[0]["id"] if data else None,
        "last_id": data[-1]["id"] if data else None,
        "has_more": start + limit < len(items),
    }


def _int_param(request: Request, name: str, default: int, low: int, high: int) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise _APIError(400, f"Invalid '{name}': expected an integer, got '{raw}'.", param=name) from None
    if not low <= value <= high:
        raise _APIError(400, f"Invalid '{name}': must be between {low} and {high}.", param=name)
    return value


def _validate_input(content: bytes, endpoint: str) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Parse a batch input file the way OpenAI's validation step judges it.

    Returns (requests, errors); any error fails the whole batch.  Error codes and
    messages imitate the ones OpenAI puts in ``batch.errors.data`` (1-based ``line``).
    """
    requests: list[dict[str, Any]] = []
    errors: list[dict[str, Any]] = []

    def err(code: str, message: str, line: int | None, param: str | None = None) -> None:
        errors.append({"code": code, "message": message, "param": param, "line": line})

    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        err("invalid_file_format", "The input file is not valid UTF-8 text.", None)
        return [], errors
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the final newline of a well-formed JSONL file
    if not lines:
        err("empty_file", "The batch input file is empty.", None)
        return [], errors

    seen: set[str] = set()
    model: str | None = None
    for n, raw in enumerate(lines, start=1):
        try:
            line = json.loads(raw)
        except json.JSONDecodeError:
            err("invalid_json_line", "This line is not parseable as valid JSON.", n)
            continue
        if not isinstance(line, dict):
            err("invalid_json_line", "Each line must be a JSON object.", n)
            continue
        custom_id = line.get("custom_id")
        if not isinstance(custom_id, str) or not custom_id:
            err("missing_required_parameter", "Missing required parameter: 'custom_id'.", n, "custom_id")
            continue
        if custom_id in seen:
            err(
                "duplicate_custom_id",
                "The custom_id for this request is a duplicate of another request. "
                "The custom_id parameter must be unique for each individual request in a batch.",
                n,
                "custom_id",
            )
            continue
        seen.add(custom_id)
        if line.get("method") != "POST":
            err("invalid_method", "The method must be 'POST'.", n, "method")
            continue
        if line.get("url") != endpoint:
            err(
                "invalid_url",
                f"The URL provided for this request does not match the batch endpoint '{endpoint}'.",
                n,
                "url",
            )
            continue
        body = line.get("body")
        if not isinstance(body, dict):
            err("missing_required_parameter", "Missing required parameter: 'body'.", n, "body")
            continue
        if not isinstance(body.get("model"), str) or not body["model"]:
            err("missing_required_parameter", "Missing required parameter: 'body.model'.", n, "body.model")
            continue
        if not isinstance(body.get("messages"), list) or not body["messages"]:
            err(
                "missing_required_parameter",
                "Missing required parameter: 'body.messages'.",
                n,
                "body.messages",
            )
            continue
        if model is None:
            model = body["model"]
        elif body["model"] != model:
            # OpenAI requires one model per batch file.
            err(
                "mismatched_model",
                f"The provided model '{body['model']}' does not match the model '{model}' of other "
                "requests in the batch. Batch input files must contain requests for a single model.",
                n,
                "body.model",
            )
            continue
        requests.append({"custom_id": custom_id, "body": body, "line": n})
    return requests, errors


# --------------------------------------------------------------------------- the fake


class FakeBatchAPI:
    """Loopback fake of OpenAI's ``/v1/files`` and ``/v1/batches``.

    Lifecycle (one step per ``steps_per_status`` retrieves of the batch)::

        completed: validating -> in_progress -> finalizing -> completed
        failed:    validating -> failed            (bad input file, or scripted)
        expired:   validating -> in_progress -> expired
        cancelled: validating -> in_progress -> cancelling -> cancelled   (server-side)
        client cancel: validating|in_progress --POST cancel--> cancelling -> cancelled

    Requests are "executed" (the responder is called) when a batch leaves
    ``in_progress`` (all of them) or reaches ``expired`` / ``cancelled`` (the first
    ``process_first``).  ``request_counts.total`` is 0 while validating and for a failed
    batch, as on OpenAI; completed/failed stay 0 until the requests run.

    Deliberate deviations from OpenAI:

    * Output lines keep input order (OpenAI does not promise any order).
    * Requests that never ran (expired / cancelled) go to the error file but are not
      counted in ``request_counts.failed``: there ``completed + failed`` is the number
      of requests that ran.
    * Scripted 5xx faults carry ``retry-after-ms`` too (OpenAI's usually do not), so
      SDK retries in tests take milliseconds.
    * Cancelling a batch in a terminal state or in ``finalizing`` is a 400.
    * An unknown ``after`` cursor in a list is a 400 rather than an empty page.
    * Only ``/v1/chat/completions`` is accepted as a batch endpoint.
    * ``expires_at`` is ``created_at + 24h`` but nothing ever expires on its own.
    """

    def __init__(self, responder: Responder | None = None, *, steps_per_status: int = 1) -> None:
        if steps_per_status < 1:
            raise ValueError("steps_per_status must be >= 1")
        self.responder: Responder = responder or default_responder
        self.steps_per_status = steps_per_status  # may be changed between polls
        self._initial_steps_per_status = steps_per_status
        self.api_key: str = DEFAULT_API_KEY
        self.base_url: str = ""  # set by start()

        # Inspection for tests: append-only logs (emptied in place by reset()).
        self.uploaded_files: list[dict[str, Any]] = []
        self.created_batches: list[dict[str, Any]] = []
        self.calls: list[tuple[str, str, int]] = []
        self.responder_errors: list[BaseException] = []  # responder exceptions (-> 500 lines)
        self.server_errors: list[str] = []  # tracebacks of bugs in the fake itself

        # One re-entrant lock guards all state: handlers run on the server thread, the
        # test thread calls the inspection/scripting methods, and a responder may call
        # back into the fake while the server thread holds the lock.
        self._lock = threading.RLock()
        self._files: dict[str, _StoredFile] = {}
        self._batches: dict[str, _Batch] = {}
        self._faults: list[_Fault] = []
        self._next_outcome: tuple[str, int | None] | None = None
        self._persistent_outcome: tuple[str, int | None] | None = None

        self._server: uvicorn.Server | None = None
        self._thread: threading.Thread | None = None
        self.app = self._build_app()

    # ------------------------------------------------------------------ running

    def start(self) -> FakeBatchAPI:
        """Serve on 127.0.0.1 on a free port in a background thread; wait until it accepts."""
        if self._thread is not None:
            raise RuntimeError("FakeBatchAPI already started")
        # Bind the socket ourselves and hand it to uvicorn: no race for the port.  The
        # explicit IPPROTO_TCP matters: asyncio only sets TCP_NODELAY on accepted
        # sockets whose proto is IPPROTO_TCP, and without it every response waits
        # ~40 ms for a delayed ACK (Nagle).
        sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(("127.0.0.1", 0))
        sock.listen(128)
        port = sock.getsockname()[1]
        config = uvicorn.Config(
            self.app,
            log_level="warning",
            access_log=False,
            lifespan="off",
            loop="asyncio",
            http="h11",
            ws="none",
            timeout_graceful_shutdown=2,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="fake-batch-api", daemon=True
        )
        self._thread.start()
        deadline = time.monotonic() + 10
        while True:
            if self._server.started and self._accepts(port):
                break
            if not self._thread.is_alive():
                sock.close()
                self._server = self._thread = None
                raise RuntimeError("fake Batch API server thread died during startup")
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("fake Batch API server did not start within 10 s")
            time.sleep(0.01)
        self.base_url = f"http://127.0.0.1:{port}/v1"
        return self

    @staticmethod
    def _accepts(port: int) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            return False

    def stop(self) -> None:
        """Ask uvicorn to exit and wait for its thread (force after a grace period)."""
        if self._server is None or self._thread is None:
            return
        self._server.should_exit = True
        self._thread.join(timeout=5)
        if self._thread.is_alive():
            self._server.force_exit = True
            self._thread.join(timeout=5)
        self._server = None
        self._thread = None

    def __enter__(self) -> FakeBatchAPI:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def reset(self, responder: Responder | None = None, *, steps_per_status: int | None = None) -> None:
        """Forget all files, batches, faults, scripted outcomes and logs, and restore the
        responder and ``steps_per_status`` (to the constructor's unless given).  The
        server keeps running, so one server can be shared by many tests."""
        with self._lock:
            steps = self._initial_steps_per_status if steps_per_status is None else steps_per_status
            if steps < 1:
                raise ValueError("steps_per_status must be >= 1")
            self.responder = responder or default_responder
            self.steps_per_status = steps
            for log in (
                self.uploaded_files,
                self.created_batches,
                self.calls,
                self.responder_errors,
                self.server_errors,
            ):
                log.clear()  # cleared in place: tests may hold references
            self._files.clear()
            self._batches.clear()
            self._faults.clear()
            self._next_outcome = self._persistent_outcome = None

    # ------------------------------------------------------------------ scripting

    def fail_next(
        self,
        method: str,
        path_regex: str,
        status: int = 500,
        times: int = 1,
        *,
        after: bool = False,
        retry_after_ms: int | None = 10,
        message: str | None = None,
    ) -> None:
        """Make the next `times` matching calls answer `status` with an OpenAI error body.

        `method` is an HTTP method (case-insensitive) or ``"*"``; `path_regex` is
        ``re.search``-ed against the URL path, e.g. ``r"/v1/batches$"`` or
        ``r"/files/.+/content"``.  Faults are checked after authentication, in the order
        they were added; a call consumes at most one.

        ``after=True`` simulates a lost response: the request takes effect (a batch is
        created, a file stored) and only then is its answer replaced by the error.
        429 and 5xx answers carry ``retry-after-ms`` / ``retry-after`` unless
        ``retry_after_ms`` is None.
        """
        if times < 1:
            raise ValueError("times must be >= 1")
        with self._lock:
            self._faults.append(
                _Fault(method.upper(), re.compile(path_regex), status, times, after, retry_after_ms, message)
            )

    def clear_faults(self) -> None:
        with self._lock:
            self._faults.clear()

    def set_batch_outcome(
        self, outcome: Outcome | str, *, process_first: int | None = None, persist: bool = False
    ) -> None:
        """Script how the NEXT created batch ends (one-shot; later batches complete).

        * ``"completed"`` (default): every request answered by the responder.
        * ``"failed"``: validation fails (``errors`` = a ``token_limit_exceeded`` entry),
          no output.
        * ``"expired"``: the first `process_first` requests (default 0) are answered;
          the rest go to the error file with code ``batch_expired``.
        * ``"cancelled"``: cancelled server-side after ``in_progress``; the first
          `process_first` are answered, the rest go to the error file with code
          ``batch_cancelled``.

        `process_first` also sets how many requests a client-initiated cancel lets run.
        ``persist=True`` applies the outcome to every later batch until
        :meth:`reset_batch_outcome`.
        """
        if outcome not in OUTCOMES:
            raise ValueError(f"outcome must be one of {OUTCOMES}, got {outcome!r}")
        if process_first is not None and process_first < 0:
            raise ValueError("process_first must be >= 0")
        if process_first is not None and outcome in ("completed", "failed"):
            raise ValueError(f"process_first has no meaning for outcome {outcome!r}")
        with self._lock:
            if persist:
                self._persistent_outcome = (outcome, process_first)
                self._next_outcome = None
            else:
                self._next_outcome = (outcome, process_first)

    def reset_batch_outcome(self) -> None:
        """Forget any scripted outcome: later batches complete normally."""
        with self._lock:
            self._next_outcome = None
            self._persistent_outcome = None

    # ------------------------------------------------------------------ inspection

    def batch(self, batch_id: str) -> dict[str, Any]:
        """A copy of the current server-side batch object (does not count as a poll)."""
        with self._lock:
            return copy.deepcopy(self._batches[batch_id].obj)

    def file_content(self, file_id: str) -> bytes:
        with self._lock:
            return self._files[file_id].content

    def advance(self, batch_id: str, steps: int = 1) -> dict[str, Any]:
        """Move a batch `steps` statuses forward without polling it over HTTP."""
        with self._lock:
            b = self._batches[batch_id]
            for _ in range(steps):
                self._step(b)
            return copy.deepcopy(b.obj)

    # ------------------------------------------------------------------ lifecycle

    def _step(self, b: _Batch) -> None:
        """One status transition; a no-op in a terminal status."""
        obj, now = b.obj, _now()
        status = obj["status"]
        if status == "validating":
            errors = b.validation_errors
            if not errors and b.outcome == "failed":
                errors = [
                    {
                        "code": "token_limit_exceeded",
                        "message": f"Enqueued token limit reached for {obj['model'] or 'the model'} in "
                        "organization org-fake. Please try again once some in_progress batches "
                        "have been completed.",
                        "param": None,
                        "line": None,
                    }
                ]
            if errors:
                obj.update(status="failed", failed_at=now, errors={"object": "list", "data": errors})
            else:
                obj.update(status="in_progress", in_progress_at=now)
                obj["request_counts"]["total"] = len(b.requests)
        elif status == "in_progress":
            if b.outcome == "expired":
                self._run(b, b.process_first or 0)
                self._abandon(
                    b,
                    "batch_expired",
                    "This request could not be executed before the completion window expired.",
                )
                self._finish(b, "expired", "expired_at")
            elif b.outcome == "cancelled":
                obj.update(status="cancelling", cancelling_at=now)
            else:
                self._run(b, len(b.requests))
                obj.update(status="finalizing", finalizing_at=now)
        elif status == "finalizing":
            self._finish(b, "completed", "completed_at")
        elif status == "cancelling":
            # Cancelled while still validating: nothing had started, so no lines at all.
            if obj["in_progress_at"] is not None:
                self._run(b, b.process_first or 0)
                self._abandon(
                    b, "batch_cancelled", "This request was not executed because the batch was cancelled."
                )
            self._finish(b, "cancelled", "cancelled_at")

    def _run(self, b: _Batch, upto: int) -> None:
        """Execute requests until `upto` of them have run."""
        counts, usage = b.obj["request_counts"], b.obj["usage"]
        while b.ran < min(upto, len(b.requests)):
            req = b.requests[b.ran]
            b.ran += 1
            line, ok, prompt, completion = self._execute(req["custom_id"], req["body"])
            if ok:
                b.output_lines.append(line)
                counts["completed"] += 1
                usage["input_tokens"] += prompt
                usage["output_tokens"] += completion
                usage["total_tokens"] += prompt + completion
            else:
                b.error_lines.append(line)
                counts["failed"] += 1

    def _abandon(self, b: _Batch, code: str, message: str) -> None:
        """Write the requests that never ran to the error file (not counted as failed)."""
        for req in b.requests[b.ran :]:
            b.error_lines.append(
                {
                    "id": _new_id("batch_req_"),
                    "custom_id": req["custom_id"],
                    "response": None,
                    "error": {"code": code, "message": message},
                }
            )
        b.ran = len(b.requests)

    def _finish(self, b: _Batch, status: str, stamp: str) -> None:
        """Enter a terminal status; publish output/error files only if they have lines."""
        batch_id = b.obj["id"]
        if b.output_lines:
            b.obj["output_file_id"] = self._store_output(f"{batch_id}_output.jsonl", b.output_lines)
        if b.error_lines:
            b.obj["error_file_id"] = self._store_output(f"{batch_id}_error.jsonl", b.error_lines)
        b.obj.update({"status": status, stamp: _now()})

    def _store_output(self, filename: str, lines: list[dict[str, Any]]) -> str:
        content = "".join(json.dumps(line) + "\n" for line in lines).encode()
        return self._add_file(content, filename, "batch_output", expires_at=None)["id"]

    def _execute(self, custom_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], bool, int, int]:
        """Ask the responder; return (output line, succeeded, prompt_tokens, completion_tokens)."""
        line_id, request_id = _new_id("batch_req_"), _new_id("req_", 32)
        try:
            answer: Any = self.responder(custom_id, copy.deepcopy(body))
            if isinstance(answer, str):
                answer = ChatAnswer(answer)
            elif isinstance(answer, (dict, list)):
                answer = ChatAnswer(json.dumps(answer))
            elif not isinstance(answer, (ChatAnswer, RequestError, LineError)):
                raise TypeError(f"responder returned unsupported {type(answer).__name__}")
        except Exception as exc:  # a responder bug must not kill the server thread
            self.responder_errors.append(exc)
            answer = RequestError(500, None, f"Responder raised {exc!r}", type="server_error")

        if isinstance(answer, LineError):
            return (
                {
                    "id": line_id,
                    "custom_id": custom_id,
                    "response": None,
                    "error": {"code": answer.code, "message": answer.message},
                },
                False,
                0,
                0,
            )
        if isinstance(answer, RequestError):
            response = {
                "status_code": answer.status_code,
                "request_id": request_id,
                "body": {"error": answer.error_object()},
            }
            return {"id": line_id, "custom_id": custom_id, "response": response, "error": None}, False, 0, 0

        # Deterministic token accounting, so tests can assert exact usage numbers.
        prompt = _tokens(json.dumps(body["messages"]))
        completion = max(1, _tokens(answer.content or answer.refusal or ""))
        completion_body = {
            "id": _new_id("chatcmpl-", 28),
            "object": "chat.completion",
            "created": _now(),
            "model": body["model"],
            "choices": [
                {
                    "index": 0,
                    "message": {
                        "role": "assistant",
                        "content": answer.content,
                        "refusal": answer.refusal,
                        "annotations": [],
                    },
                    "logprobs": None,
                    "finish_reason": answer.finish_reason,
                }
            ],
            "usage": {
                "prompt_tokens": prompt,
                "completion_tokens": completion,
                "total_tokens": prompt + completion,
                "prompt_tokens_details": {"cached_tokens": 0, "audio_tokens": 0},
                "completion_tokens_details": {
                    "reasoning_tokens": 0,
                    "audio_tokens": 0,
                    "accepted_prediction_tokens": 0,
                    "rejected_prediction_tokens": 0,
                },
            },
            "service_tier": "default",
            "system_fingerprint": "fp_fake",
        }
        response = {"status_code": 200, "request_id": request_id, "body": completion_body}
        return (
            {"id": line_id, "custom_id": custom_id, "response": response, "error": None},
            True,
            prompt,
            completion,
        )

    # ------------------------------------------------------------------ state helpers

    def _add_file(
        self, content: bytes, filename: str, purpose: str, expires_at: int | None
    ) -> dict[str, Any]:
        obj = {
            "id": "file-" + secrets.token_urlsafe(16).replace("-", "a").replace("_", "b")[:22],
            "object": "file",
            "bytes": len(content),
            "created_at": _now(),
            "expires_at": expires_at,
            "filename": filename,
            "purpose": purpose,
            "status": "processed",
            "status_details": None,
        }
        self._files[obj["id"]] = _StoredFile(obj, content)
        return obj

    def _get_file(self, file_id: str) -> _StoredFile:
        stored = self._files.get(file_id)
        if stored is None:
            raise _APIError(404, f"No such File object: {file_id}", param="id")
        return stored

    def _get_batch(self, batch_id: str) -> _Batch:
        b = self._batches.get(batch_id)
        if b is None:
            raise _APIError(404, f"No batch found with id '{batch_id}'.", param="batch_id")
        return b

    # ------------------------------------------------------------------ HTTP

    def _build_app(self) -> FastAPI:
        app = FastAPI(openapi_url=None, docs_url=None, redoc_url=None)
        fake = self

        @app.exception_handler(_APIError)
        async def _api_error(request: Request, exc: _APIError) -> JSONResponse:
            return _error_response(exc.status, exc.body)

        @app.exception_handler(StarletteHTTPException)
        async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
            # Unknown routes / methods: OpenAI answers 404 "Invalid URL (METHOD /path)".
            status = 404 if exc.status_code in (404, 405) else exc.status_code
            message = (
                f"Invalid URL ({request.method} {request.url.path})" if status == 404 else str(exc.detail)
            )
            return _error_response(
                status,
                {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": None}},
            )

        app.add_middleware(BaseHTTPMiddleware, dispatch=self._dispatch)

        # ---- files

        @app.post("/v1/files")
        async def create_file(request: Request) -> JSONResponse:
            form = await request.form()
            upload, purpose = form.get("file"), form.get("purpose")
            if not isinstance(upload, UploadFile):
                raise _APIError(400, "Missing required parameter: 'file'.", param="file")
            if not isinstance(purpose, str) or not purpose:
                raise _APIError(400, "Missing required parameter: 'purpose'.", param="purpose")
            if purpose not in UPLOAD_PURPOSES:
                raise _APIError(400, f"Invalid value for 'purpose': '{purpose}'.", param="purpose")
            content = await upload.read()
            filename = upload.filename or "upload"
            expires_seconds = form.get("expires_after[seconds]")
            with fake._lock:
                now = _now()
                if isinstance(expires_seconds, str) and expires_seconds.isdigit():
                    expires_at: int | None = now + int(expires_seconds)
                else:
                    expires_at = now + BATCH_FILE_TTL_SECONDS if purpose == "batch" else None
                obj = fake._add_file(content, filename, purpose, expires_at)
                fake.uploaded_files.append(
                    {
                        "id": obj["id"],
                        "purpose": purpose,
                        "filename": filename,
                        "bytes": len(content),
                        "content": content,
                    }
                )
                return JSONResponse(copy.deepcopy(obj))

        @app.get("/v1/files")
        async def list_files(request: Request) -> JSONResponse:
            limit = _int_param(request, "limit", 10000, 1, 10000)
            order = request.query_params.get("order", "desc")
            if order not in ("asc", "desc"):
                raise _APIError(400, f"Invalid value for 'order': '{order}'.", param="order")
            purpose = request.query_params.get("purpose")
            with fake._lock:
                items = [
                    f.obj for f in fake._files.values() if purpose is None or f.obj["purpose"] == purpose
                ]
                if order == "desc":
                    items.reverse()
                return JSONResponse(
                    copy.deepcopy(_page(items, request.query_params.get("after"), limit, "file"))
                )

        @app.get("/v1/files/{file_id}")
        async def retrieve_file(file_id: str) -> JSONResponse:
            with fake._lock:
                return JSONResponse(copy.deepcopy(fake._get_file(file_id).obj))

        @app.get("/v1/files/{file_id}/content")
        async def file_content(file_id: str) -> Response:
            with fake._lock:
                content = fake._get_file(file_id).content
            return Response(content, media_type="application/octet-stream")

        @app.delete("/v1/files/{file_id}")
        async def delete_file(file_id: str) -> JSONResponse:
            with fake._lock:
                fake._get_file(file_id)
                del fake._files[file_id]
            return JSONResponse({"id": file_id, "object": "file", "deleted": True})

        # ---- batches

        @app.post("/v1/batches")
        async def create_batch(request: Request) -> JSONResponse:
            try:
                params = await request.json()
            except ValueError:
                raise _APIError(400, "We could not parse the JSON body of your request.") from None
            if not isinstance(params, dict):
                raise _APIError(400, "The request body must be a JSON object.")
            for name in ("input_file_id", "endpoint", "completion_window"):
                if not isinstance(params.get(name), str):
                    raise _APIError(400, f"Missing required parameter: '{name}'.", param=name)
            endpoint, window = params["endpoint"], params["completion_window"]
            if endpoint not in SUPPORTED_ENDPOINTS:
                raise _APIError(
                    400,
                    f"Invalid value for 'endpoint': '{endpoint}'. The fake supports only "
                    f"'{CHAT_COMPLETIONS}'.",
                    param="endpoint",
                )
            if window != "24h":
                raise _APIError(
                    400,
                    f"Invalid value for 'completion_window': '{window}'. Supported: '24h'.",
                    param="completion_window",
                )
            metadata = params.get("metadata")
            if metadata is not None and not (
                isinstance(metadata, dict)
                and len(metadata) <= 16
                and all(
                    isinstance(k, str) and len(k) <= 64 and isinstance(v, str) and len(v) <= 512
                    for k, v in metadata.items()
                )
            ):
                raise _APIError(
                    400,
                    "Invalid 'metadata': at most 16 string keys (<= 64 chars) with string "
                    "values (<= 512 chars).",
                    param="metadata",
                )
            with fake._lock:
                input_file = fake._files.get(params["input_file_id"])
                if input_file is None:
                    raise _APIError(
                        400,
                        f"Invalid 'input_file_id': '{params['input_file_id']}'. File not found.",
                        param="input_file_id",
                    )
                if input_file.obj["purpose"] != "batch":
                    raise _APIError(
                        400, "The input file must be uploaded with purpose 'batch'.", param="input_file_id"
                    )
                requests, errors = _validate_input(input_file.content, endpoint)
                outcome, process_first = fake._next_outcome or fake._persistent_outcome or ("completed", None)
                fake._next_outcome = None
                now = _now()
                obj: dict[str, Any] = {
                    "id": _new_id("batch_", 32),
                    "object": "batch",
                    "endpoint": endpoint,
                    "model": requests[0]["body"]["model"] if requests else None,
                    "errors": None,
                    "input_file_id": params["input_file_id"],
                    "completion_window": window,
                    "status": "validating",
                    "output_file_id": None,
                    "error_file_id": None,
                    "created_at": now,
                    "in_progress_at": None,
                    "expires_at": now + COMPLETION_WINDOW_SECONDS,
                    "finalizing_at": None,
                    "completed_at": None,
                    "failed_at": None,
                    "expired_at": None,
                    "cancelling_at": None,
                    "cancelled_at": None,
                    "request_counts": {"total": 0, "completed": 0, "failed": 0},
                    "usage": {
                        "input_tokens": 0,
                        "input_tokens_details": {"cached_tokens": 0},
                        "output_tokens": 0,
                        "output_tokens_details": {"reasoning_tokens": 0},
                        "total_tokens": 0,
                    },
                    "metadata": dict(metadata) if metadata is not None else None,
                }
                fake._batches[obj["id"]] = _Batch(obj, requests, errors, outcome, process_first)
                fake.created_batches.append(
                    {
                        "id": obj["id"],
                        "input_file_id": obj["input_file_id"],
                        "endpoint": endpoint,
                        "completion_window": window,
                        "metadata": copy.deepcopy(obj["metadata"]),
                    }
                )
                return JSONResponse(copy.deepcopy(obj))

        @app.get("/v1/batches")
        async def list_batches(request: Request) -> JSONResponse:
            limit = _int_param(request, "limit", 20, 1, 100)
            with fake._lock:
                items = [b.obj for b in reversed(fake._batches.values())]  # newest first
                return JSONResponse(
                    copy.deepcopy(_page(items, request.query_params.get("after"), limit, "batch"))
                )

        @app.get("/v1/batches/{batch_id}")
        async def retrieve_batch(batch_id: str) -> JSONResponse:
            with fake._lock:
                b = fake._get_batch(batch_id)
                # Polling is the clock: every `steps_per_status` retrieves, one step.
                b.polls += 1
                if b.polls >= fake.steps_per_status:
                    b.polls = 0
                    fake._step(b)
                return JSONResponse(copy.deepcopy(b.obj))

        @app.post("/v1/batches/{batch_id}/cancel")
        async def cancel_batch(batch_id: str) -> JSONResponse:
            with fake._lock:
                b = fake._get_batch(batch_id)
                status = b.obj["status"]
                if status in ("validating", "in_progress"):
                    b.obj.update(status="cancelling", cancelling_at=_now())
                    b.polls = 0
                elif status not in ("cancelling", "cancelled"):  # cancelling twice is harmless
                    raise _APIError(400, f"Cannot cancel a batch with status '{status}'.")
                return JSONResponse(copy.deepcopy(b.obj))

        return app

    async def _dispatch(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        """Auth, scripted faults, the x-request-id header and the call log, for every request."""
        method, path = request.method, request.url.path
        response = await self._guarded(request, call_next)
        response.headers["x-request-id"] = _new_id("req_", 32)
        with self._lock:
            self.calls.append((method, path, response.status_code))
        return response

    async def _guarded(self, request: Request, call_next: RequestResponseEndpoint) -> Response:
        method, path = request.method, request.url.path
        auth = request.headers.get("authorization")
        if auth != f"Bearer {self.api_key}":
            if not auth:
                message, code = (
                    "You didn't provide an API key. You need to provide your API key in an Authorization "
                    "header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                    None,
                )
            else:
                message, code = "Incorrect API key provided.", "invalid_api_key"
            return _error_response(
                401,
                {"error": {"message": message, "type": "invalid_request_error", "param": None, "code": code}},
            )

        fault = self._take_fault(method, path)
        if fault is not None and not fault.after:
            return self._fault_response(fault)
        try:
            response = await call_next(request)
        except Exception:  # a bug in the fake: answer like OpenAI's 500, keep the traceback
            with self._lock:
                self.server_errors.append(traceback.format_exc())
            return _error_response(
                500, _fault_error(500, "Internal error in FakeBatchAPI (see server_errors).")
            )
        if fault is not None:  # after=True: the call took effect, its answer is "lost"
            return self._fault_response(fault)
        return response

    def _take_fault(self, method: str, path: str) -> _Fault | None:
        with self._lock:
            for fault in self._faults:
                if fault.method in ("*", method) and fault.pattern.search(path):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._faults.remove(fault)
                    return fault
        return None

    @staticmethod
    def _fault_response(fault: _Fault) -> JSONResponse:
        headers: dict[str, str] = {}
        if fault.retry_after_ms is not None and (fault.status == 429 or fault.status >= 500):
            headers["retry-after-ms"] = str(fault.retry_after_ms)
            headers["retry-after"] = str(max(1, math.ceil(fault.retry_after_ms / 1000)))
        return _error_response(fault.status, _fault_error(fault.status, fault.message), headers)

"""Shared fixtures: isolated settings, one Prefect test server per session, the fake Batch API, sample docs."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_DOCS = ROOT / "sample_docs"
REAL_DOCS = Path(__file__).parent / "data" / "real"

# Settings come from the environment: tests must not see the developer's own DOCSIEVE_*/OPENAI_* values.
for _var in [v for v in os.environ if v.startswith(("DOCSIEVE_", "OPENAI_"))]:
    del os.environ[_var]

from flows.runtime import configure_embedded_server  # noqa: E402

configure_embedded_server()


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, monkeypatch):
    """Point every writable setting at tmp_path (like llm's LLM_USER_PATH fixture)."""
    monkeypatch.setenv("DOCSIEVE_ROUTING_CALIBRATION_FILE", str(tmp_path / "calibration.json"))
    # bundled models assemble into a shared cache: assembling Qwen (491 MB) per test would be slow
    monkeypatch.setenv("DOCSIEVE_LLAMA_CACHE_DIR", str(Path.home() / ".cache" / "docsieve"))
    for var in ("OPENAI_API_KEY", "OPENAI_BASE_URL"):
        monkeypatch.delenv(var, raising=False)
    yield


@pytest.fixture(scope="session")
def prefect_server():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture
def sample_copy(tmp_path) -> Path:
    """A private copy of sample_docs (tests may add or change files)."""
    dst = tmp_path / "docs"
    shutil.copytree(SAMPLE_DOCS, dst)
    return dst


@pytest.fixture
def sample_truth() -> dict[str, dict]:
    from tests.fakes.extractor import load_truth

    return load_truth(SAMPLE_DOCS / "truth.jsonl")


@pytest.fixture
def fake_extractor(sample_truth):
    """The scripted extractor, answering from sample_docs/truth.jsonl; tests set behaviours per file."""
    from tests.fakes.extractor import SCRIPT

    SCRIPT.truth, SCRIPT.behaviour, SCRIPT.default, SCRIPT.calls = dict(sample_truth), {}, "accept", []
    yield SCRIPT


def truth_by_sha(folder: Path) -> dict[str, dict]:
    """content sha256 -> truth fields, so a fake frontier can answer a request by its custom_id."""
    out = {}
    for line in (folder / "truth.jsonl").read_text().splitlines():
        rec = json.loads(line)
        sha = hashlib.sha256((folder / rec["file"]).read_bytes()).hexdigest()
        out[sha] = rec["fields"]
    return out


@pytest.fixture(scope="session")
def batch_api_server():
    from tests.fakes.batch_api import FakeBatchAPI

    with FakeBatchAPI() as api:
        yield api


@pytest.fixture
def batch_api(batch_api_server, monkeypatch):
    """The loopback Batch API, answering from the sample truth; OPENAI_* point the real SDK at it."""
    truth = truth_by_sha(SAMPLE_DOCS)

    def responder(custom_id: str, body: dict):
        for sha, fields in truth.items():
            if custom_id.startswith(sha[:40]):
                return {k: fields.get(k) for k in ("invoice_number", "invoice_date", "due_date", "vendor_name",
                                                    "vendor_vat_id", "buyer_name", "currency", "subtotal",
                                                    "tax_total", "total", "line_items")}
        return {}

    batch_api_server.reset(responder)
    batch_api_server.clear_faults()
    batch_api_server.reset_batch_outcome()
    monkeypatch.setenv("OPENAI_BASE_URL", batch_api_server.base_url)
    monkeypatch.setenv("OPENAI_API_KEY", batch_api_server.api_key)
    monkeypatch.setenv("DOCSIEVE_OPENAI_POLL_SECONDS", "0.01")
    yield batch_api_server

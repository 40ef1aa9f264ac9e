"""The model fails: a missing or corrupt GGUF stops the run before any document is touched, with one clear message;
a model crash in the middle of a shard retries that shard only (a Prefect task retry)."""

from __future__ import annotations

import logging
import random
import shutil
import struct
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from schemas.errors import ModelNotFound
from tests.reliability.helpers import SAMPLE_DOCS, rows_by_name


def model_file(tmp_path: Path, kind: str) -> tuple[Path, str]:
    """A bad model file and the phrase its error must contain."""
    path = tmp_path / f"{kind}.gguf"
    rng = random.Random(11)
    if kind == "missing":
        return path, "no such file"
    if kind == "garbage":
        path.write_bytes(rng.randbytes(64 << 10))
        return path, "is not a GGUF file (bad header)"
    # the GGUF magic, version 3, plausible tensor and key counts, then garbage: llama.cpp must refuse it
    path.write_bytes(b"GGUF" + struct.pack("<IQQ", 3, 5, 3) + rng.randbytes(64 << 10))
    return path, "cannot load model"


@pytest.mark.parametrize("kind, runner", [("missing", "threads"), ("garbage", "threads"),
                                          ("gguf_header_then_garbage", "threads"),
                                          # worker processes load their own model: the flow only checks the file
                                          ("garbage", "processes"), ("gguf_header_then_garbage", "processes")])
def test_a_missing_or_corrupt_model_fails_the_run_before_any_document_is_touched(
        run, sample_copy, out, tmp_path, monkeypatch, caplog, kind, runner):
    path, phrase = model_file(tmp_path, kind)
    monkeypatch.setenv("DOCSIEVE_LLAMA_MODEL", str(path))
    caplog.set_level(logging.INFO)

    with pytest.raises(ModelNotFound) as raised:
        run(sample_copy, extractor="llama", task_runner=runner)

    message = str(raised.value)
    assert str(path) in message and phrase in message
    assert "\n" not in message
    assert not out.exists()  # nothing written
    # nothing listed or read: the run's opening line (logged after listing the output) and shards never came
    assert not [r for r in caplog.records if "documents already indexed" in r.getMessage() or "shard" in r.getMessage()]

    # the CLI prints that one message, no traceback, and exits 1
    from flows.cli import main

    result = CliRunner().invoke(main, ["run", str(sample_copy), "--output", str(out)])
    assert result.exit_code == 1, result.output
    assert result.output.strip() == f"Error: {message}"
    assert not out.exists()


class CrashOnce(dict):
    """A behaviour map for the scripted extractor: `name` raises ModelUnavailable the first time only."""

    def __init__(self, name: str):
        super().__init__()
        self.name, self.crashed = name, False

    def get(self, key, default=None):
        if key == self.name and not self.crashed:
            self.crashed = True
            return "crash"
        return default


def test_a_model_crash_mid_shard_retries_only_that_shard(run, src, out, fake_extractor):
    names = sorted(p.name for p in SAMPLE_DOCS.glob("*.pdf") if p.name not in ("corrupt.pdf", "scanned.pdf"))[:9]
    for name in names:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    shards = [names[i:i + 3] for i in range(0, 9, 3)]  # the listing is in key order
    fake_extractor.behaviour = CrashOnce(shards[1][1])  # the middle document of the middle shard

    state = run(src, shard_size=3, return_state=True)

    assert state.is_completed()
    rows = rows_by_name(out, names)
    assert all(r["status"] == "extracted" for r in rows.values())
    calls = Counter(fake_extractor.calls)
    # shards 0 and 2 ran once; shard 1 ran again from its start (its first attempt committed nothing)
    assert calls == Counter(shards[0] + shards[2] + shards[1] + shards[1][:2])
    assert len({r["run_id"] for r in rows.values()}) == 1

    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId

    with get_client(sync_client=True) as client:
        task_runs = client.read_task_runs(
            flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=[state.state_details.flow_run_id])))
    runs = {t.name: t.run_count for t in task_runs}
    assert runs == {"shard-0": 1, "shard-1": 2, "shard-2": 1}


def test_the_flow_loads_the_model_only_for_shards_in_its_own_process(monkeypatch):
    from extractors import llama_local
    from flows.extract_documents import build_context
    from flows.settings import Settings

    monkeypatch.setenv("DOCSIEVE_LLAMA_MODEL", "smollm2-135m")
    monkeypatch.setattr(llama_local, "_models", {})
    common = dict(output="out", schema="invoice", model=None, reprocess=False, frontier=False)

    build_context(Settings(), **common, preload=False)  # worker processes: the file is checked, not loaded
    assert llama_local._models == {}
    build_context(Settings(), **common, preload=True)  # threads: shards reuse the flow's instance
    assert len(llama_local._models) == 1

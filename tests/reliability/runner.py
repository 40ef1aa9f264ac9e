"""Run the extract-documents flow in a child process, for tests that kill it or run two at once.

    python -m tests.reliability.runner CONFIG.json

CONFIG holds `flow` (keyword arguments of `extract_documents`), `truth` (a truth.jsonl), `behaviour` and
`behaviours` (the scripted extractor's default, and per file name), `sleep` (seconds per document), `calls` (a
file: one line per extraction, appended and fsynced *before* the work, so an extraction cut short by SIGKILL still
counts), `label` (written on each call line), `result` (where the run's summary is written when it finishes) and
`start_gate` (optional: a file whose appearance starts the flow, so two children start together) and `peers`
(optional: labels of other children; the first extraction waits until each of them has begun extracting too, so
two runs surely overlap however slowly either one starts).
The environment (PREFECT_API_URL of the test server, DOCSIEVE_*, OPENAI_*) comes from the parent.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main(config_path: str) -> int:
    cfg = json.loads(Path(config_path).read_text())
    from extractors.base import register
    from tests.fakes.extractor import SCRIPT, FakeExtractor, load_truth
    from tests.reliability.helpers import wait_for

    SCRIPT.truth = load_truth(Path(cfg["truth"]))
    SCRIPT.default = cfg.get("behaviour", "accept")
    SCRIPT.behaviour = dict(cfg.get("behaviours", {}))
    calls = Path(cfg["calls"])
    label, sleep = cfg.get("label", "run"), float(cfg.get("sleep", 0))
    peers = set(cfg.get("peers", []))

    def peers_began() -> bool:
        return peers <= {line.split("\t", 1)[0] for line in calls.read_text().splitlines() if line}

    @register("slowfake")
    class SlowFakeExtractor(FakeExtractor):
        """The scripted extractor, slowed down, counting its calls in a file the parent reads."""

        def extract(self, doc, spec):
            fd = os.open(calls, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
            try:
                os.write(fd, f"{label}\t{doc.ref.name}\n".encode())
                os.fsync(fd)
            finally:
                os.close(fd)
            if peers:
                wait_for(peers_began, 60, f"{label}: peers {sorted(peers)} to begin extracting")
                peers.clear()
            time.sleep(sleep)
            return super().extract(doc, spec)

    from flows.extract_documents import extract_documents

    gate = cfg.get("start_gate")
    while gate and not Path(gate).exists():  # imports done: wait for the parent to start every child at once
        time.sleep(0.01)
    result = extract_documents(extractor="slowfake", **cfg["flow"])
    Path(cfg["result"]).write_text(json.dumps(result, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))

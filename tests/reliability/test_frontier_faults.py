"""Frontier faults that tests/flows/test_frontier.py does not cover: batches that never succeed. Every document is
retried up to DOCSIEVE_OPENAI_MAX_ATTEMPTS and then ends `failed` with the reason; none vanish, none stay pending.
(The kill -9 between batch creation and collection is in test_crash.py.)"""

from __future__ import annotations

import json
import shutil

import pytest

from flows.collect_frontier import collect_frontier
from tests.reliability.helpers import GOOD, SAMPLE_DOCS, rows_by_name

REASONS = {
    "failed": "no answer: batch failed (token_limit_exceeded: Enqueued token limit reached",
    "expired": "batch request error batch_expired: This request could not be executed before the completion window",
    "cancelled": "batch request error batch_cancelled: This request was not executed because the batch was cancelled",
}


@pytest.mark.parametrize("outcome", list(REASONS))
def test_batches_that_never_succeed_end_every_document_failed_with_the_reason(
        run, batch_api, src, out, fake_extractor, monkeypatch, outcome):
    monkeypatch.setenv("DOCSIEVE_OPENAI_MAX_ATTEMPTS", "2")
    for name in GOOD + ["corrupt.pdf"]:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    fake_extractor.default = "low"
    batch_api.set_batch_outcome(outcome, persist=True, **({} if outcome == "failed" else {"process_first": 0}))

    result = run(src, frontier=True, wait_frontier_seconds=30)

    rows = rows_by_name(out, GOOD + ["corrupt.pdf"])
    assert rows["corrupt.pdf"]["error_code"] == "corrupt"
    for name in GOOD:
        row = rows[name]
        assert (row["status"], row["tier"], row["error_code"], row["retryable"]) == \
            ("failed", "frontier", "frontier_failed", False), (name, row["error"], row["pending_reason"])
        assert row["error"].startswith(f"frontier failed after 2 attempt(s): {REASONS[outcome]}"), row["error"]
        assert row["frontier_attempts"] == 2 and row["pending_reason"] is None
        assert row["frontier_cost_usd"] == 0  # no answer, nothing charged
        assert json.loads(row["slm_data_json"])  # the local answer is kept for a later look
    assert [batch_api.batch(b["id"])["status"] for b in batch_api.created_batches] == [outcome, outcome]
    assert result["by_status_tier"] == {"failed/frontier": len(GOOD), "failed/-": 1}

    # final: nothing is queued, a later collection sends nothing
    collect_frontier(str(out), wait_seconds=5)
    assert len(batch_api.created_batches) == 2
    assert rows_by_name(out, GOOD + ["corrupt.pdf"]) == rows

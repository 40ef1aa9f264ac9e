"""What a run shows while it works and when it ends: log lines, and Prefect artifacts for the UI."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING
from uuid import UUID

from prefect import get_run_logger

if TYPE_CHECKING:
    from flows.extract_documents import RunSummary

PROGRESS_KEY = "docsieve-progress"


def run_logger():
    """The Prefect run logger (shown in the UI), or the `docsieve` logger outside a run."""
    try:
        return get_run_logger()
    except Exception:  # outside a flow run (plain function use)
        return logging.getLogger("docsieve")


class RunProgress:
    """The `docsieve-progress` artifact, updated as shards finish, and the summary artifacts at the end.

    The denominator (documents listed so far) grows while the lazy listing runs ahead of the shards, so the
    raw ratio can jump back; the artifact only moves forward and stays below 100 until `finish`.
    """

    def __init__(self, summary: "RunSummary"):
        self.key = PROGRESS_KEY
        self.percent = 0.0
        self._warned = False
        # created now, so the run page shows 0% from the start rather than nothing until the first shard ends
        self.artifact_id: UUID | None = self._create(0.0, "Listing documents…")

    def update(self, summary: "RunSummary", listed: int) -> None:
        done = summary.documents + summary.skipped_unchanged
        raw = 100.0 * done / listed if listed else 0.0
        self.percent = max(self.percent, min(99.0, raw))
        run_logger().info("progress: %d shards, %d documents done of %d listed so far (%.0f%%)",
                       summary.shards, done, listed, raw)
        self._set(self.percent, f"{done:,} documents done of {listed:,} listed so far ({summary.shards} shards)")

    def finish(self, summary: "RunSummary") -> None:
        from flows.reporting import publish_run_artifacts

        done = summary.documents + summary.skipped_unchanged
        failed = sum(summary.errors.values())
        self.percent = 100.0
        self._set(100.0, f"Finished: {done:,} documents ({summary.documents:,} processed, {failed:,} failed, "
                         f"{summary.skipped_unchanged:,} unchanged) in {summary.seconds:.0f}s")
        publish_run_artifacts(summary)

    # ---------------------------------------------------------------------------------------------- artifact I/O
    def _create(self, percent: float, description: str) -> UUID | None:
        try:
            from prefect.artifacts import create_progress_artifact

            return create_progress_artifact(progress=percent, key=self.key, description=description)
        except Exception as exc:  # artifacts are a convenience; never fail a run over them
            self._warn("progress artifact not created: %s", exc)
            return None

    def _set(self, percent: float, description: str) -> None:
        if self.artifact_id is None:
            self.artifact_id = self._create(percent, description)
            return
        try:
            from prefect.artifacts import update_progress_artifact

            update_progress_artifact(artifact_id=self.artifact_id, progress=percent, description=description)
        except Exception as exc:
            self._warn("progress artifact not updated: %s", exc)

    def _warn(self, message: str, exc: Exception) -> None:
        """Once per run at warning level (so ops see it), then at debug (so a dead API does not flood the log)."""
        (run_logger().debug if self._warned else run_logger().warning)(message, exc)
        self._warned = True

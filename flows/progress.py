"""What a run shows while it works and when it ends: log lines, and Prefect artifacts for the UI."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from prefect import get_run_logger

if TYPE_CHECKING:
    from flows.extract_documents import RunSummary


def _logger():
    try:
        return get_run_logger()
    except Exception:  # outside a flow run (plain function use)
        return logging.getLogger("docsieve")


class RunProgress:
    """A progress artifact updated as shards finish, and the summary artifacts at the end."""

    def __init__(self, summary: "RunSummary"):
        self.artifact_id = None
        self.key = "docsieve-progress"

    def update(self, summary: "RunSummary", listed: int) -> None:
        done = summary.documents + summary.skipped_unchanged
        pct = 100.0 * done / listed if listed else 100.0
        _logger().info("progress: %d shards, %d documents processed, %d listed so far (%.0f%%)",
                       summary.shards, done, listed, pct)
        try:
            from prefect.artifacts import create_progress_artifact, update_progress_artifact

            if self.artifact_id is None:
                self.artifact_id = create_progress_artifact(progress=pct, key=self.key,
                                                            description="Documents processed / listed")
            else:
                update_progress_artifact(artifact_id=self.artifact_id, progress=pct)
        except Exception as exc:  # artifacts are a convenience; never fail a run over them
            _logger().debug("progress artifact not updated: %s", exc)

    def finish(self, summary: "RunSummary") -> None:
        from flows.reporting import publish_run_artifacts

        if self.artifact_id is not None:
            try:
                from prefect.artifacts import update_progress_artifact

                update_progress_artifact(artifact_id=self.artifact_id, progress=100.0)
            except Exception:
                pass
        publish_run_artifacts(summary)

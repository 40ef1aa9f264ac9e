"""How docsieve runs Prefect: against a configured server (PREFECT_API_URL), else Prefect's embedded server,
tuned so a local run's log stays clean."""

from __future__ import annotations

import os
from contextlib import contextmanager
from typing import Iterator

# Prefect's embedded server keeps its state in SQLite. Under concurrent task-state writes its background
# services (telemetry heartbeat, scheduler, triggers, foreman…) contend for the single SQLite writer and log
# "database is locked" / "Error flushing events". A one-shot local run needs none of them, and a longer busy
# timeout lets the remaining writers queue instead of failing. A real server (PREFECT_API_URL) is left alone.
EMBEDDED_SERVER_ENV = {
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "120",
    "PREFECT_SERVER_DATABASE_TIMEOUT": "60",
    "PREFECT_SERVER_DATABASE_CONNECTION_TIMEOUT": "60",
    "PREFECT_SERVER_SERVICES_SCHEDULER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_LATE_RUNS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_FOREMAN_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_TRIGGERS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_REPOSSESSOR_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_PAUSE_EXPIRATIONS_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_CANCELLATION_CLEANUP_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_CLEANUP_RECONCILER_ENABLED": "false",
    "PREFECT_SERVER_SERVICES_DB_VACUUM_ENABLED": "[]",
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",
}


def configure_embedded_server() -> None:
    """Apply EMBEDDED_SERVER_ENV unless a server is configured or the user set the variable."""
    if os.environ.get("PREFECT_API_URL"):
        return
    for key, value in EMBEDDED_SERVER_ENV.items():
        os.environ.setdefault(key, value)


@contextmanager
def prefect_runtime() -> Iterator[None]:
    configure_embedded_server()
    yield

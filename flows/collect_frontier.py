"""The `collect-frontier` flow: send queued escalations, poll batches, fold answers into the Parquet rows."""

from __future__ import annotations

from typing import Any

from prefect import flow, get_run_logger

from flows.frontier import FrontierConfig, frontier_usage, run_frontier_cycle, wait_for_batches
from flows.pipeline import cached_store
from flows.settings import Settings
from schemas.registry import SchemaSpec
from storage import S3Options


def frontier_config(settings: Settings) -> FrontierConfig:
    o = settings.openai
    return FrontierConfig(model=o.model, max_attempts=o.max_attempts, batch_max_requests=o.batch_max_requests,
                          batch_max_bytes=o.batch_max_bytes, enqueued_token_budget=o.enqueued_token_budget,
                          prices=settings.prices())


def frontier_client(settings: Settings):
    """The openai client, or None when no key and no base URL are configured (then nothing is sent)."""
    if not settings.frontier_configured():
        return None
    from extractors.openai_batch import make_client

    key = settings.openai.api_key.get_secret_value() if settings.openai.api_key else None
    return make_client(key, settings.openai.base_url)


def s3_options(settings: Settings) -> S3Options:
    st = settings.storage
    return S3Options(st.s3_endpoint_url, st.s3_region, st.aws_credentials_block, st.s3_max_attempts)


def run_frontier(settings: Settings, output: str, spec: SchemaSpec, s3: S3Options, *,
                 max_frontier_usd: float | None, wait_seconds: float, run_id: str) -> dict[str, Any]:
    """The frontier step at the end of `extract_documents`."""
    store = cached_store(output, s3)
    cfg = frontier_config(settings)
    client = frontier_client(settings)
    result = run_frontier_cycle(store, client, cfg, budget_usd=max_frontier_usd, run_id=run_id)
    if client is not None and wait_seconds > 0:
        # the cap is for the whole run: what the first pass prepared is already spent
        left = None if max_frontier_usd is None else max(0.0, max_frontier_usd - result["estimated_usd"])
        result.update(wait_for_batches(store, client, cfg, timeout=wait_seconds, budget_usd=left,
                                       first_delay=min(settings.openai.poll_seconds, wait_seconds / 4)))
    result.update(frontier_usage(store, spec.name))
    return result


@flow(name="collect-frontier", log_prints=True)
def collect_frontier(output: str, schema: str = "invoice", max_frontier_usd: float | None = None,
                     wait_seconds: float = 0) -> dict[str, Any]:
    """Finish pending frontier work under `output`: send queued requests, collect finished batches.

    Args:
        output: The output location of earlier `extract-documents` runs (directory or s3://bucket/prefix).
        schema: The schema whose rows are updated (cost totals are reported for it).
        max_frontier_usd: Cap on the estimated spend of what this run sends.
        wait_seconds: Keep polling up to this long (0: one pass, for a deployment that runs every few minutes).
    """
    from flows.pipeline import cached_schema

    logger = get_run_logger()
    settings = Settings()
    spec = cached_schema(schema)
    result = run_frontier(settings, output, spec, s3_options(settings), max_frontier_usd=max_frontier_usd,
                          wait_seconds=wait_seconds, run_id="collect")
    logger.info("frontier: %s", result)
    return result


if __name__ == "__main__":
    import sys

    print(collect_frontier(sys.argv[1] if len(sys.argv) > 1 else "out"))

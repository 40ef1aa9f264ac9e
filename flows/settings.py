"""All configuration in one place. Every field reads a `DOCSIEVE_<AREA>_<FIELD>` environment variable.

Only `flows/` reads settings; everything below it takes plain arguments.
"""

from __future__ import annotations

import json
import os
import tomllib
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict

DEFAULT_PRICES = Path(__file__).with_name("prices.toml")
SHIPPED_CALIBRATION = Path(__file__).with_name("calibration.json")


def _cfg(area: str) -> SettingsConfigDict:
    return SettingsConfigDict(env_prefix=f"DOCSIEVE_{area}_", extra="ignore")


class StorageSettings(BaseSettings):
    model_config = _cfg("STORAGE")

    s3_endpoint_url: str | None = Field(None, description="S3-compatible endpoint (MinIO, R2, Ceph). Unset: the AWS "
                                        "default, or AWS_ENDPOINT_URL / AWS_ENDPOINT_URL_S3.")
    s3_region: str | None = Field(None, description="AWS region; unset: the standard AWS chain.")
    aws_credentials_block: str | None = Field(None, description="Name of a prefect-aws AwsCredentials block to use "
                                              "instead of the AWS credential chain.")
    s3_max_attempts: int = Field(8, description="boto3 'standard' retry attempts for throttling and 5xx.")


class LlamaSettings(BaseSettings):
    model_config = _cfg("LLAMA")

    model: str = Field("qwen2.5-coder-0.5b", description="Bundled model name (smollm2-135m, qwen2.5-coder-0.5b, "
                       "gemma3-270m) or a path to any GGUF file.")
    cache_dir: Path = Field(Path.home() / ".cache" / "docsieve", description="Where bundled models are assembled.")
    n_ctx: int = Field(2048, description="Context window in tokens.")
    n_threads: int | None = Field(None, description="CPU threads per model; default: all cores / workers.")
    max_options: int = Field(6, description="Candidates per field the model chooses among.")
    excerpt_chars: int = Field(1000, description="Characters of document text shown to the model.")
    use_model: bool = Field(True, description="False: code-only extraction (no model), for speed tests.")


class LimitSettings(BaseSettings):
    model_config = _cfg("LIMITS")

    max_bytes: int = Field(50_000_000, description="Larger files fail as `oversized`.")
    max_pages: int = Field(300, description="PDFs with more pages fail as `oversized`.")
    max_seconds: float = Field(120.0, description="Per-document time budget; beyond it the document fails as "
                               "`timeout` (reading is interrupted when the time is up; the model call is "
                               "bounded by its tokens).")


class RoutingSettings(BaseSettings):
    model_config = _cfg("ROUTING")

    threshold: float | None = Field(None, description="Acceptance threshold for SLM answers. Unset: the calibrated "
                                    "value for the schema and model (docsieve calibrate), else 0.8.")
    calibration_file: Path = Field(Path.home() / ".config" / "docsieve" / "calibration.json",
                                   description="Where `docsieve calibrate` saves thresholds.")


class OpenAISettings(BaseSettings):
    model_config = _cfg("OPENAI")

    api_key: SecretStr | None = Field(None, validation_alias=AliasChoices("DOCSIEVE_OPENAI_API_KEY", "OPENAI_API_KEY"),
                                      description="API key. Without it (and without base_url) nothing is sent.")
    base_url: str | None = Field(None, validation_alias=AliasChoices("DOCSIEVE_OPENAI_BASE_URL", "OPENAI_BASE_URL"),
                                 description="Any OpenAI-compatible endpoint (Azure OpenAI, proxies).")
    model: str = Field("gpt-4.1-mini", description="Frontier model for escalated documents.")
    max_attempts: int = Field(3, description="Tries per document before it ends `failed`.")
    batch_max_requests: int = Field(5000, description="Requests per batch (the API allows 50,000).")
    batch_max_bytes: int = Field(100_000_000, description="Bytes per batch input file (the API allows 200 MB).")
    enqueued_token_budget: int = Field(2_000_000, description="Estimated prompt tokens in flight at once "
                                       "(your organisation's batch queue limit).")
    max_output_tokens: int = Field(2000, description="max_completion_tokens per request.")
    max_text_chars: int = Field(40_000, description="Document text sent per request; longer text is cut.")
    poll_seconds: float = Field(30.0, description="First delay between polls; it backs off to 10 minutes.")
    enabled: bool = Field(True, description="False: escalated documents stay pending_frontier, nothing is queued.")


class RunSettings(BaseSettings):
    model_config = _cfg("RUN")

    shard_size: int = Field(200, description="Documents per Prefect task.")
    task_runner: Literal["threads", "processes", "dask"] = Field("threads", description="How shards run in parallel.")
    workers: int = Field(1, description="Parallel shards (threads or processes); the model loads once per process.")
    dask_address: str | None = Field(None, description="Scheduler address for task_runner=dask; unset: a local "
                                     "cluster with `workers` workers.")


class CostSettings(BaseSettings):
    model_config = _cfg("COST")

    prices_file: Path | None = Field(None, validation_alias=AliasChoices("DOCSIEVE_PRICES_FILE",
                                                                         "DOCSIEVE_COST_PRICES_FILE"),
                                     description="A TOML price table overriding the shipped flows/prices.toml.")
    local_usd_per_hour: float | None = Field(None, description="Overrides [local] usd_per_hour of the price table.")


class Settings(BaseSettings):
    """Everything docsieve can be told, composed per concern."""

    model_config = SettingsConfigDict(env_prefix="DOCSIEVE_", extra="ignore")

    storage: StorageSettings = Field(default_factory=StorageSettings)
    llama: LlamaSettings = Field(default_factory=LlamaSettings)
    limits: LimitSettings = Field(default_factory=LimitSettings)
    routing: RoutingSettings = Field(default_factory=RoutingSettings)
    openai: OpenAISettings = Field(default_factory=OpenAISettings)
    run: RunSettings = Field(default_factory=RunSettings)
    cost: CostSettings = Field(default_factory=CostSettings)

    def prices(self) -> dict:
        """The price table: shipped defaults, then the user's file on top, then DOCSIEVE_COST_* overrides."""
        table = tomllib.loads(DEFAULT_PRICES.read_text())
        if self.cost.prices_file:
            user = tomllib.loads(Path(self.cost.prices_file).read_text())
            for section in ("frontier", "local"):
                table.setdefault(section, {}).update(user.get(section, {}))
            if "batch_discount" in user:
                table["batch_discount"] = user["batch_discount"]
        if self.cost.local_usd_per_hour is not None:
            table["local"]["usd_per_hour"] = self.cost.local_usd_per_hour
        return table

    def threshold_for(self, schema_name: str, schema_version: str, model: str) -> float:
        """The explicit threshold, else the calibrated one for this schema and model, else 0.8."""
        if self.routing.threshold is not None:
            return self.routing.threshold
        key = calibration_key(schema_name, schema_version, model)
        for path in (self.routing.calibration_file, SHIPPED_CALIBRATION):
            try:
                saved = json.loads(Path(path).read_text())
            except (FileNotFoundError, ValueError):
                continue
            if key in saved:
                return float(saved[key]["threshold"])
        return 0.8

    def frontier_configured(self) -> bool:
        return bool(self.openai.api_key or self.openai.base_url)


def calibration_key(schema_name: str, schema_version: str, model: str) -> str:
    return f"{schema_name}@{schema_version}|{model}"


def default_workers() -> int:
    return max(1, (os.cpu_count() or 2) // 2)

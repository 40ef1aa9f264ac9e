"""What an extraction produces: the extractor's answer, the routing decision and the output row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields
from enum import Enum
from typing import Any


class Status(str, Enum):
    """Where a document stands. Every input document has exactly one."""

    EXTRACTED = "extracted"
    PENDING_FRONTIER = "pending_frontier"
    FAILED = "failed"


class Tier(str, Enum):
    SLM = "slm"
    FRONTIER = "frontier"


class Route(str, Enum):
    """The decision about an SLM answer."""

    ACCEPTED = "accepted"
    ESCALATED = "escalated"
    FAILED = "failed"


class EscalationReason(str, Enum):
    INVALID_OUTPUT = "invalid_output"
    FAILED_VALIDATION = "failed_validation"
    UNGROUNDED_VALUE = "ungrounded_value"
    LOW_CONFIDENCE = "low_confidence"


@dataclass
class ExtractionResult:
    """One extractor's answer for one document, before routing.

    `data` is the answer as plain JSON-able values (None when the output did not parse);
    `signals` are the inputs of the confidence score, kept so thresholds can be re-tuned later;
    `alternatives` holds what each method answered per field (e.g. {"total": {"code": 119.0, "model": 19.0}}).
    """

    data: dict[str, Any] | None
    model: str
    confidence: float = 0.0
    raw_output: str = ""
    error: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    signals: dict[str, float] = field(default_factory=dict)
    alternatives: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass
class RouteDecision:
    route: Route
    reason: EscalationReason | None = None
    detail: str | None = None
    data: dict[str, Any] | None = None  # validated, normalised answer


@dataclass
class ResultRow:
    """One row of the output dataset: one input document. Column order is the Parquet column order."""

    # identity
    doc_id: str
    source_uri: str
    content_sha256: str | None
    size_bytes: int | None
    pages: int | None
    schema_name: str
    schema_version: str
    run_id: str
    processed_at: dt.datetime
    # outcome
    status: str
    tier: str | None = None
    confidence: float | None = None
    escalation_reason: str | None = None
    escalation_detail: str | None = None
    error: str | None = None
    error_code: str | None = None
    retryable: bool = False
    # the answer
    data_json: str | None = None
    slm_data_json: str | None = None
    slm_confidence: float | None = None
    slm_signals_json: str | None = None
    # cost: model/prompt_tokens/completion_tokens describe the tier that answered
    model: str | None = None
    prompt_tokens: int = 0
    completion_tokens: int = 0
    slm_model: str | None = None
    slm_seconds: float = 0.0
    slm_cost_usd: float = 0.0
    frontier_model: str | None = None
    frontier_prompt_tokens: int = 0
    frontier_completion_tokens: int = 0
    frontier_cost_usd: float = 0.0
    cost_usd: float = 0.0
    # frontier bookkeeping
    frontier_attempts: int = 0
    pending_reason: str | None = None
    reused_from: str | None = None

    @classmethod
    def column_names(cls) -> list[str]:
        return [f.name for f in fields(cls)]

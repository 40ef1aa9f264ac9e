"""validate() and route(): pure functions that decide what happens to an answer."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from extractors.fields import field_kind
from extractors.grounding import GroundingIndex, ungrounded_fields
from schemas.registry import SchemaSpec
from schemas.results import EscalationReason, ExtractionResult, Route, RouteDecision


@dataclass
class Validation:
    """What the validators found. `data` is the normalised answer when it parsed."""

    data: dict[str, Any] | None = None
    invalid: str | None = None
    broken_rules: list[str] = field(default_factory=list)
    ungrounded: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.invalid is None and not self.broken_rules and not self.ungrounded


def validate_answer(data: dict[str, Any] | None, spec: SchemaSpec, ground: GroundingIndex | None) -> Validation:
    """Schema validation, then the schema's business rules, then grounding in the text."""
    if data is None:
        return Validation(invalid="no parseable answer")
    try:
        instance = spec.model.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"{'.'.join(map(str, e['loc'])) or '<root>'}: {e['msg']}" for e in exc.errors()[:5])
        return Validation(invalid=f"schema validation failed: {problems}")
    result = Validation(data=instance.model_dump(mode="json"))
    result.broken_rules = spec.business_rules(instance)
    if ground is not None:
        categories = _category_fields(spec.model)
        spans = {name: value for name, value in instance.model_dump(mode="python").items() if name not in categories}
        result.ungrounded = ungrounded_fields(spans, ground)
    return result


@functools.lru_cache(maxsize=64)
def _category_fields(model: type[BaseModel]) -> frozenset[str]:
    """A Literal's or an Enum's value is a category the schema names ("cash" for "EFECTIVO"), not a span to find
    in the text: grounding leaves these fields out. Read once per schema, not once per document."""
    return frozenset(name for name, info in model.model_fields.items()
                     if field_kind(name, info.annotation)[0] == "choice")


def route_result(
    result: ExtractionResult, spec: SchemaSpec, ground: GroundingIndex | None, threshold: float
) -> RouteDecision:
    """Accept the SLM answer, or escalate it with the first reason that applies."""
    if result.data is None:
        return RouteDecision(Route.ESCALATED, EscalationReason.INVALID_OUTPUT, result.error or "no parseable answer")
    check = validate_answer(result.data, spec, ground)
    if check.invalid:
        return RouteDecision(Route.ESCALATED, EscalationReason.INVALID_OUTPUT, check.invalid)
    if check.broken_rules:
        return RouteDecision(
            Route.ESCALATED, EscalationReason.FAILED_VALIDATION, "; ".join(check.broken_rules), check.data
        )
    if check.ungrounded:
        detail = "not found in the text: " + ", ".join(check.ungrounded[:10])
        return RouteDecision(Route.ESCALATED, EscalationReason.UNGROUNDED_VALUE, detail, check.data)
    if result.confidence < threshold:
        detail = f"confidence {result.confidence:.2f} < threshold {threshold:.2f}"
        return RouteDecision(Route.ESCALATED, EscalationReason.LOW_CONFIDENCE, detail, check.data)
    return RouteDecision(Route.ACCEPTED, None, None, check.data)

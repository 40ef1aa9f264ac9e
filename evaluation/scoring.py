"""Compare an answer with ground truth, field by field, with the normalisation a human reviewer would apply."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any

CENT = 0.01 + 1e-9


def norm_text(value: Any, *, squeeze: bool = False) -> str:
    """Case- and whitespace-insensitive form; `squeeze` also drops all spaces (pypdf splits some words)."""
    text = unicodedata.normalize("NFKC", str(value)).casefold().strip()
    text = re.sub(r"\s+", "" if squeeze else " ", text)
    return text.rstrip(".,;:")


def _as_float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def _as_date(value: Any) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def values_match(expected: Any, actual: Any, *, lenient: bool = False) -> bool:
    """True when `actual` is the same value as `expected` after normalisation."""
    if expected is None:
        return True
    if actual is None:
        return False
    if isinstance(expected, bool):
        return expected == actual
    if isinstance(expected, (int, float)):
        got = _as_float(actual)
        return got is not None and abs(got - float(expected)) <= CENT
    if isinstance(expected, list):
        return list_match(expected, actual if isinstance(actual, list) else [])
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return False
        return all(values_match(v, actual.get(k), lenient=lenient) for k, v in expected.items())
    exp_date = _as_date(expected) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(expected)) else None
    if exp_date is not None:
        return _as_date(actual) == exp_date
    if norm_text(expected, squeeze=lenient) == norm_text(actual, squeeze=lenient):
        return True
    # spaces inside an identifier are print layout: "DE12 1234 4321 9876 00" is the IBAN DE1212344321987600
    text = str(expected)
    is_identifier = sum(c.isdigit() for c in text) >= sum(c.isalpha() for c in text)
    return is_identifier and norm_text(expected, squeeze=True) == norm_text(actual, squeeze=True)


def list_match(expected: list, actual: list) -> bool:
    """Lists match when they have the same length and each expected item matches, by position or best alignment.

    An expected item whose every value is null scores nothing, not even its place: truths write a text-only
    position of an e-invoice ("Hinweis", no number) as a row of nulls, which no page reading can match or miss.
    """
    expected = [e for e in expected if not (isinstance(e, dict) and e and all(v is None for v in e.values()))]
    if len(expected) != len(actual):
        return False
    if all(values_match(e, a) for e, a in zip(expected, actual)):
        return True
    remaining = list(actual)
    for item in expected:
        hit = next((i for i, a in enumerate(remaining) if values_match(item, a)), None)
        if hit is None:
            return False
        remaining.pop(hit)
    return True


@dataclass
class DocScore:
    """Per-field outcome for one document: True/False for scored fields; unscored fields are absent."""

    file: str
    fields: dict[str, bool] = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        return all(self.fields.values())

    @property
    def field_accuracy(self) -> float:
        return sum(self.fields.values()) / len(self.fields) if self.fields else 1.0


def score_document(
    file: str,
    truth: dict[str, Any],
    answer: dict[str, Any] | None,
    *,
    schema_fields: set[str] | None = None,
    unverified: set[str] = frozenset(),
    alternates: dict[str, list] | None = None,
) -> DocScore:
    """Score every non-null truth field that the schema knows. A missing answer scores every field wrong."""
    answer = answer or {}
    score = DocScore(file)
    for name, expected in truth.items():
        if expected is None or (schema_fields is not None and name not in schema_fields):
            continue
        got = answer.get(name)
        options = [expected] + list((alternates or {}).get(name, []))
        score.fields[name] = any(values_match(opt, got, lenient=name in unverified) for opt in options)
    return score

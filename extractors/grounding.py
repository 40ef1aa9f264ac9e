"""Grounding: every value of an answer must be readable from the document's own text."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from decimal import Decimal
from typing import Any

from extractors import candidates as C
from schemas.document import Document


# numbers as a schema may type them: money is often a Decimal, and "23.54" must be found as "23,54"
_NUMBER = (int, float, Decimal)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text).casefold()).strip()


class GroundingIndex:
    """Everything a value may be grounded in; each part is computed on first use, once per document."""

    def __init__(self, text: str):
        self._raw = text

    @classmethod
    def of(cls, doc: Document) -> GroundingIndex:
        """Both readings of the document's text layer: a row's cells that the plain text prints apart ("Memory
        cards" … "SanDisk Ultra 16 GB") stand on one line in the layout reading, and are on the page as read."""
        return cls(doc.text + ("\n\n" + doc.layout_text if doc.layout_pages else ""))

    @functools.cached_property
    def text(self) -> str:
        return _norm(self._raw)

    @functools.cached_property
    def squeezed(self) -> str:
        return self.text.replace(" ", "")

    @functools.cached_property
    def _index(self) -> C.TextIndex:
        return C.TextIndex(self._raw)

    @functools.cached_property
    def numbers(self) -> set[float]:
        return {round(v, 2) for v in C.find_numbers(self._index)} | {
            round(c.value, 2) for c in C.find_amounts(self._index, with_decimals_only=False)}

    @functools.cached_property
    def dates(self) -> set[dt.date]:
        return {c.value for c in C.find_dates(self._index)}

    @functools.cached_property
    def currencies(self) -> set[str]:
        return {c.value for c in C.find_currencies(self._index)}

    def has_text(self, value: str) -> bool:
        v = _norm(value)
        # pypdf splits some words ("Industr ieser vice"), so also compare with all spaces removed
        return not v or v in self.text or v.replace(" ", "") in self.squeezed

    def has_number(self, value: float) -> bool:
        r = round(float(value), 2)
        return r in self.numbers or -r in self.numbers or any(abs(r - n) <= 0.011 for n in self.numbers)

    def has_date(self, value: dt.date) -> bool:
        return value in self.dates


def ungrounded_fields(data: dict[str, Any], ground: GroundingIndex, prefix: str = "") -> list[str]:
    """Paths of the values in `data` that the text does not contain, e.g. `['total', 'line_items[2].description']`.

    A number the text does not print may be computed from two printed numbers of the same object: a tax
    total printed only per rate is the total less the net, a unit price left unprinted is the amount over the
    count (`_computed`)."""
    missing: list[str] = []
    unprinted: dict[str, float] = {}
    for name, value in data.items():
        path = f"{prefix}{name}"
        if value is None or value == "" or isinstance(value, bool):
            continue
        if isinstance(value, dict):
            missing += ungrounded_fields(value, ground, path + ".")
        elif isinstance(value, list):
            for i, item in enumerate(value):
                if isinstance(item, dict):
                    missing += ungrounded_fields(item, ground, f"{path}[{i}].")
                elif not _grounded_scalar(item, ground, name):
                    missing.append(f"{path}[{i}]")
        elif not _grounded_scalar(value, ground, name):
            if isinstance(value, _NUMBER):
                unprinted[path] = float(value)
            missing.append(path)
    printed = [float(v) for k, v in data.items() if isinstance(v, _NUMBER) and not isinstance(v, bool)
               and f"{prefix}{k}" not in unprinted]
    return [path for path in missing if not (path in unprinted and _computed(unprinted[path], printed))]


def _computed(value: float, printed: list[float]) -> bool:
    """`value` is the sum, difference or product of two of the printed numbers to the cent, or their quotient
    to four significant digits (a unit price of 0.0205)."""
    for i, a in enumerate(printed):
        for b in printed[i + 1:]:
            if any(abs(value - r) <= 0.011 for r in (a + b, a - b, b - a, a * b)):
                return True
            if any(y and abs(value - x / y) <= 0.0005 * abs(value) for x, y in ((a, b), (b, a))):
                return True
    return False


def _grounded_scalar(value: Any, ground: GroundingIndex, name: str) -> bool:
    if isinstance(value, _NUMBER):
        return ground.has_number(value)
    if isinstance(value, dt.datetime):
        return ground.has_date(value.date())  # a datetime field holds a printed date at midnight
    if isinstance(value, dt.date):
        return ground.has_date(value)
    text = str(value)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return ground.has_date(dt.date.fromisoformat(text))
        except ValueError:
            return False
    if "currency" in name and len(text) == 3 and text.isupper():
        return text in ground.currencies or ground.has_text(text)
    return ground.has_text(text)

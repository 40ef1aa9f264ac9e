"""An extractor that answers instantly from code alone, without a model: for benchmarks of the pipeline itself."""

from __future__ import annotations

from extractors.base import register
from schemas.document import Document
from schemas.registry import SchemaSpec
from schemas.results import ExtractionResult


@register("null")
class NullExtractor:
    """Returns an empty answer with confidence 0: every document escalates. Measures orchestration overhead."""

    name = "null"

    def __init__(self, **_: object):
        pass

    def extract(self, doc: Document, spec: SchemaSpec) -> ExtractionResult:
        return ExtractionResult(data={}, model=self.name, confidence=0.0)

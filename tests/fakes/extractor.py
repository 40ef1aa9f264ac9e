"""A scripted extractor for orchestration tests, like llm's MockModel: answers come from ground truth."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from extractors.base import register
from schemas.document import Document
from schemas.registry import SchemaSpec
from schemas.results import ExtractionResult


@dataclass
class Script:
    """What FakeExtractor answers, per document file name. Behaviours:
    accept (truth, confidence 0.95), low (truth, 0.2), invalid (no parseable answer), rules (total off by 10),
    ungrounded (a vendor name not in the text), crash (raises ModelUnavailable)."""

    truth: dict[str, dict] = field(default_factory=dict)  # file name -> fields
    behaviour: dict[str, str] = field(default_factory=dict)
    default: str = "accept"
    calls: list[str] = field(default_factory=list)


SCRIPT = Script()


def load_truth(path: Path) -> dict[str, dict]:
    out = {}
    for line in path.read_text().splitlines():
        if line.strip():
            rec = json.loads(line)
            out[Path(rec["file"]).name] = rec["fields"]
    return out


@register("fake")
class FakeExtractor:
    name = "fake-model"

    def __init__(self, **_):
        pass

    def extract(self, doc: Document, spec: SchemaSpec) -> ExtractionResult:
        name = doc.ref.name
        SCRIPT.calls.append(name)
        mode = SCRIPT.behaviour.get(name, SCRIPT.default)
        fields = {k: v for k, v in SCRIPT.truth.get(name, {}).items() if k in spec.model.model_fields}
        if mode == "crash":
            from schemas.errors import ModelUnavailable

            raise ModelUnavailable("scripted model crash")
        if mode == "invalid":
            return ExtractionResult(data=None, model=self.name, error="model output was not JSON")
        if mode == "rules":
            fields = dict(fields, total=round((fields.get("total") or 0) + 10, 2))
        if mode == "ungrounded":
            fields = dict(fields, vendor_name="Imaginary Holdings Ltd")
        confidence = 0.2 if mode == "low" else 0.95
        return ExtractionResult(data=fields, model=self.name, confidence=confidence, seconds=0.01,
                                prompt_tokens=100, completion_tokens=10, signals={"scripted": 1.0})

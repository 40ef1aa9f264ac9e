"""Run the SLM tier over documents with ground truth and record, per document, its answer, score and route."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from evaluation.scoring import score_document
from extractors.base import Extractor
from extractors.grounding import GroundingIndex
from extractors.pdf import read_document_text
from extractors.routing import route_result
from schemas.document import DocumentRef
from schemas.errors import DocumentError
from schemas.registry import SchemaSpec


@dataclass
class TruthDoc:
    file: str  # relative to the docs folder
    fields: dict
    unverified: set[str] = field(default_factory=set)
    alternates: dict = field(default_factory=dict)


@dataclass
class EvalRecord:
    """One document's outcome. `valid` = passed schema, rules and grounding (so only the threshold decides)."""

    file: str
    confidence: float
    valid: bool
    route: str
    reason: str | None
    fields: dict[str, bool]
    answer: dict | None
    seconds: float
    prompt_tokens: int = 0
    completion_tokens: int = 0
    error: str | None = None
    signals: dict = field(default_factory=dict)
    alternatives: dict = field(default_factory=dict)

    @property
    def exact(self) -> bool:
        return bool(self.fields) and all(self.fields.values())

    @property
    def n_fields(self) -> int:
        return len(self.fields)

    @property
    def n_correct(self) -> int:
        return sum(self.fields.values())


def load_truth(path: Path) -> list[TruthDoc]:
    docs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            rec = json.loads(line)
            docs.append(TruthDoc(rec["file"], rec["fields"], set(rec.get("unverified_fields") or ()),
                                 rec.get("alternates") or {}))
    return docs


def evaluate(
    docs_dir: Path, truth: Iterable[TruthDoc], spec: SchemaSpec, extractor: Extractor, threshold: float,
    progress: Callable[[EvalRecord], None] | None = None,
) -> list[EvalRecord]:
    """Extract and score every document of `truth` (paths relative to `docs_dir`)."""
    schema_fields = set(spec.model.model_fields)
    records = []
    for t in truth:
        path = docs_dir / t.file
        started = time.perf_counter()
        try:
            doc = read_document_text(DocumentRef(str(path)), path.read_bytes())
        except (DocumentError, OSError) as exc:
            rec = EvalRecord(t.file, 0.0, False, "failed", None,
                             score_document(t.file, t.fields, None, schema_fields=schema_fields).fields, None,
                             time.perf_counter() - started, error=str(exc))
        else:
            result = extractor.extract(doc, spec)
            decision = route_result(result, spec, GroundingIndex.of(doc), threshold)
            valid = decision.reason is None or decision.reason.value == "low_confidence"
            answer = decision.data if decision.data is not None else result.data
            scored = score_document(t.file, t.fields, answer, schema_fields=schema_fields, unverified=t.unverified,
                                    alternates=t.alternates)
            rec = EvalRecord(t.file, result.confidence, valid, decision.route.value,
                             decision.reason.value if decision.reason else None, scored.fields, answer,
                             result.seconds, result.prompt_tokens, result.completion_tokens, signals=result.signals,
                             alternatives=result.alternatives)
        records.append(rec)
        if progress:
            progress(rec)
    return records


def save_records(records: list[EvalRecord], path: Path) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(asdict(r), ensure_ascii=False, default=str) + "\n")


def read_records(path: Path) -> list[EvalRecord]:
    return [EvalRecord(**json.loads(line)) for line in path.read_text().splitlines() if line.strip()]

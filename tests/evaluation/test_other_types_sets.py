"""The other-document benchmark sets stay usable: their truth fits their schemas, and the benchmark scores them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"
SETS = sorted(p.parent.name for p in BENCHMARKS.glob("other_types*/doc_schemas.py"))


def _schemas(folder: Path) -> dict:
    sys.path.insert(0, str(BENCHMARKS))
    from doc_sets import load_set

    return load_set(folder.name).SCHEMAS


@pytest.mark.parametrize("name", SETS)
def test_every_truth_line_validates_and_names_a_pdf_of_its_folder(name):
    folder = BENCHMARKS / name
    for group, model in _schemas(folder).items():
        lines = [json.loads(x) for x in (folder / group / "truth.jsonl").read_text().splitlines() if x.strip()]
        assert lines, group
        for t in lines:
            assert (folder / group / t["file"]).is_file(), t["file"]
            model.model_validate(t["fields"])


@pytest.mark.parametrize("name", SETS)
def test_the_benchmark_scores_every_document_of_a_set(name):
    folder = BENCHMARKS / name
    expected = sum(1 for _ in folder.glob("*/*.pdf"))
    done = subprocess.run([sys.executable, str(BENCHMARKS / "other_types.py"), "--no-model", "--set", name],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    figures = json.loads(done.stdout.strip().splitlines()[-1])
    assert figures["documents"] == expected and 0.0 < figures["field_accuracy"] <= 1.0

"""How code's answer and the model's pick combine into a value and a confidence (no model needed)."""

from __future__ import annotations

import pytest

from extractors import candidates as C
from extractors.fields import plan_fields
from extractors.llama_local import CONF, FieldChoice, LlamaExtractor
from schemas.invoice import InvoiceFields

VENDOR = next(p for p in plan_fields(InvoiceFields) if p.name == "vendor_name")


def merge(code: str, pick: str, prob: float, margin: float = 1.0) -> FieldChoice:
    ranked = [C.Candidate(code, code, 0, 0, 3.0), C.Candidate(pick, pick, 5, 0, 1.0)]
    choice = FieldChoice(code, "code", CONF["code_labelled"], {"margin": margin})
    LlamaExtractor("smollm2-135m", use_model=False)._merge(VENDOR, choice, pick, prob, ranked)
    return choice


@pytest.mark.parametrize("code, pick, expected", [
    ("Lieferant GmbH", "Hans Muster", CONF["code_over_model_text_sure"]),  # sure of another party: doubt
    # sure of a part of code's name: the same party
    ("MVM Musterhafter Versicherungsverein Musterstadt a.G.", "MVM Musterhafter", CONF["code_over_model_text"]),
    ("Herrn Max Mustermann", "Max Mustermann", CONF["code_over_model_text"]),
    ("Musterstadt GmbH", "Muster", CONF["code_over_model_text_sure"]),  # a part of a word is no part of the name
])
def test_a_name_the_model_is_sure_of(code, pick, expected):
    choice = merge(code, pick, prob=0.95)
    assert choice.value == code and choice.confidence == expected

"""The local tier with the real bundled models: few tests, because a CPU reads ~100 tokens/s."""

from __future__ import annotations

import json

import pytest

from extractors.choice_decoding import OptionChooser
from extractors.llama_local import LlamaExtractor, load_llama
from extractors.pdf import read_document_text
from flows.settings import Settings
from schemas.document import DocumentRef
from schemas.registry import load_schema
from tests.conftest import REAL_DOCS

pytestmark = pytest.mark.model


def truth(name: str) -> dict:
    for line in (REAL_DOCS / "truth.jsonl").read_text().splitlines():
        rec = json.loads(line)
        if rec["file"] == name:
            return rec["fields"]
    raise KeyError(name)


def extract(extractor: LlamaExtractor, name: str):
    path = REAL_DOCS / name
    return extractor.extract(read_document_text(DocumentRef(str(path)), path.read_bytes()), load_schema("invoice"))


def test_option_chooser_copies_the_value_that_follows_its_label():
    llm = load_llama(LlamaExtractor("smollm2-135m").path, 2048, 2)
    chooser = OptionChooser(llm)
    chooser.start("Invoice\nInvoice number: 58213\nCustomer number: 10944\nDate: 2024-03-05\n\n")
    choice = chooser.choose("Invoice number:", ["10944", "58213", "2024"])
    assert choice.index == 1 and 0.5 < choice.probability <= 1.0
    # the stable prefix is reused: a second prompt sharing it evaluates only the new tail
    before = chooser.eval_tokens
    chooser.start("Invoice\nInvoice number: 58213\nCustomer number: 10944\nDate: 2024-03-06\n\n")
    assert chooser.eval_tokens - before < 12


@pytest.mark.parametrize("name, fields", [
    ("XML-Rechnung__FX__EN16931_Elektron.pdf", ["invoice_number", "vendor_vat_id", "currency", "total"]),
    ("coolblue1.pdf", ["invoice_number", "invoice_date", "currency", "total"]),
])
def test_default_model_on_real_invoices(name, fields):
    llama = Settings().llama
    extractor = LlamaExtractor(llama.model, cache_dir=llama.cache_dir)
    result = extract(extractor, name)
    expected = truth(name)
    assert result.model == llama.model and 0.0 <= result.confidence <= 1.0
    assert result.prompt_tokens > 100 and result.completion_tokens > 0  # the model was asked
    for field in fields:
        got, want = result.data[field], expected[field]
        assert got == pytest.approx(want) if isinstance(want, float) else got == want, (name, field, got, want)
    # what code and model each answered is kept for re-tuning
    assert set(result.alternatives["invoice_date"]) >= {"code", "model", "final", "source"}

"""How code's answer and the model's pick combine into a value and a confidence (no model needed)."""

from __future__ import annotations

import pytest

from extractors import candidates as C
from extractors.fields import plan_fields
from extractors.llama_local import CONF, FieldChoice, LlamaExtractor
from schemas.invoice import InvoiceFields

VENDOR = next(p for p in plan_fields(InvoiceFields) if p.name == "vendor_name")


def merge(code: str, pick: str, prob: float, margin: float = 1.0, others: tuple[str, ...] = (),
          pick_line: int = 5) -> FieldChoice:
    ranked = [C.Candidate(code, code, 0, 0, 3.0), C.Candidate(pick, pick, pick_line, 0, 1.0)]
    choice = FieldChoice(code, "code", CONF["code_labelled"], {"margin": margin})
    LlamaExtractor("smollm2-135m", use_model=False)._merge(VENDOR, choice, pick, prob, ranked, others)
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


def test_a_model_sure_that_the_seller_is_the_buyer_mixed_up_the_roles():
    # invoices 502-504: code's seller "Bei Spiel GmbH" is right; the model picks the buyer's name for it
    choice = merge("Bei Spiel GmbH", "Theodor Est", prob=0.94, others=("Theodor  Est",))
    assert choice.value == "Bei Spiel GmbH" and choice.confidence == CONF["code_over_model_text"]
    assert merge("Bei Spiel GmbH", "Theodor Est", prob=0.94).confidence == CONF["code_over_model_text_sure"]
    # uk_agency_marlow_finch: the model took the seller's small print, its name first, for the buyer
    choice = merge("Harcourt & Vale Estate Agents Ltd", "Marlow & Finch Creative Ltd. Registered in England and Wales",
                   prob=0.99, others=("Marlow & Finch Creative Ltd",))
    assert choice.confidence == CONF["code_over_model_text"]


def test_a_person_printed_under_codes_company_is_its_contact():
    # 1p0_COMFORT_Einfach: "Kunden AG Mitte" then "Hans Muster"; the model picks the person, code the company
    assert merge("Kunden AG Mitte", "Hans Muster", prob=0.95, pick_line=1).confidence == CONF["code_over_model_text"]
    # not a person below a name that is no company, nor a company below one
    assert merge("Kunden Mitte", "Hans Muster", prob=0.95, pick_line=1).confidence == CONF["code_over_model_text_sure"]
    assert merge("Kunden AG Mitte", "Muster GmbH", prob=0.95, pick_line=1).confidence == CONF[
        "code_over_model_text_sure"]


def _date_repair(text: str):
    """The invoice schema's proposals for a page, empty choices, and a function that runs the date rules."""
    from extractors.fields import find_labels, propose
    from schemas.registry import load_schema

    spec = load_schema("invoice")
    index = C.TextIndex(text)
    plans = plan_fields(spec.model)
    labels = find_labels(index, plans)
    proposals = {p.name: propose(index, p, labels) for p in plans}
    choices = {p.name: FieldChoice() for p in plans}
    dates = [p for p in plans if p.kind == "date"]
    return proposals, choices, lambda: LlamaExtractor._repair_group(spec, dates, choices, proposals)


def test_the_rules_move_a_date_only_the_model_chose_and_keep_a_labelled_one():
    # a credit note: the model took the delivery date for the due date, before the issue date; the rules mend
    # the model's date, not the issue date printed next to its label
    proposals, choices, repair = _date_repair(
        "Beleg-Nr : RK21012345\nBeleg-Datum : 16.09.2013\nLeistungs-Datum : 05.08.2013\n")
    issued, delivered = (c.value for c in proposals["invoice_date"][:2])
    choices["invoice_date"].value, choices["due_date"].value = issued, delivered
    repair()
    assert choices["invoice_date"].value == issued and choices["due_date"].value == issued


def test_the_rules_move_the_models_date_before_a_labelled_one():
    # uk_credit_note_tidewater with smollm2: the model took a date from a sentence for the due date, before the
    # issue date; both fixes keep the rules, and the one that moves the model's date wins
    proposals, choices, repair = _date_repair(
        "Credit note no. CN-10482\nDate 22/01/2025\nOriginal invoice INV-77315\n"
        "Original date 06/01/2025\nThe chairs were collected by our driver on 20/01/2025.\n")
    issued = proposals["invoice_date"][0].value
    assert issued.isoformat() == "2025-01-22"
    collected = next(c.value for c in proposals["due_date"] if c.text == "20/01/2025")
    choices["invoice_date"].value, choices["due_date"].value = issued, collected
    repair()
    assert choices["invoice_date"].value == issued and choices["due_date"].value != collected


def test_filling_an_empty_date_moves_no_labelled_one():
    # a law firm's invoice (invoice_set_c 07) prints no due date; to fill it with "rendered through February 28",
    # the rules would move the issue date printed next to its label to a time entry's date
    proposals, choices, repair = _date_repair(
        "Invoice No. 58213\nInvoice Date March 5, 2025\nFor services rendered through February 28, 2025\n"
        "Date Atty Description Hours Rate Amount\n02/03/2025 RSA Review notice 1.20 585.00 702.00\n")
    issued = proposals["invoice_date"][0].value
    assert issued.isoformat() == "2025-03-05"
    choices["invoice_date"].value = issued
    repair()
    assert choices["invoice_date"].value == issued and choices["due_date"].value is None


def test_a_labelled_amount_the_rules_move_to_an_unlabelled_one_loses_its_confidence():
    # the printed total breaks subtotal + tax = total, and the only amount that keeps the rules is one no label
    # names: the rules take it, but the answer is no longer code's labelled value (invoice_set_d 07)
    from schemas.registry import load_schema

    spec = load_schema("invoice")
    group = [p for p in plan_fields(spec.model) if p.name in ("subtotal", "tax_total", "total")]
    proposals = {"subtotal": [C.Candidate(100.0, "100.00", 0, 9, 3.0)],
                 "tax_total": [C.Candidate(20.0, "20.00", 1, 8, 3.0)],
                 "total": [C.Candidate(150.0, "150.00", 2, 6, 3.0), C.Candidate(120.0, "120.00", 3, 9, 0.3)]}
    choices = {p.name: FieldChoice(proposals[p.name][0].value, "code", CONF["amount_labelled"]) for p in group}
    LlamaExtractor._repair_group(spec, group, choices, proposals)
    assert choices["total"].value == 120.0 and choices["total"].source == "rules"
    assert choices["total"].confidence == CONF["rules_unlabelled"] and choices["total"].signals["label"] == 0.3


def test_no_vat_id_read_though_the_page_prints_a_tax_word_and_a_number_is_a_miss_not_an_absence():
    vat = next(p for p in plan_fields(InvoiceFields) if p.name == "vendor_vat_id")
    extractor = LlamaExtractor("smollm2-135m", use_model=False)
    israeli = C.TextIndex("Carmel Precision Optics Ltd.\nVAT File (Osek Murshe) 514623974\n")
    assert extractor._code_choice(vat, [], israeli).confidence == CONF["absent_unread"] < 0.6
    # a tax rate is no tax id: the page may lack one
    senegalese = C.TextIndex("Teranga Logistique SARL\nTVA 18 % 221 040\n")
    assert extractor._code_choice(vat, [], senegalese).confidence == CONF["absent"]

"""Validation (schema, rules, grounding) and the accept/escalate decision."""

from __future__ import annotations

from extractors.grounding import GroundingIndex, ungrounded_fields
from extractors.routing import route_result, validate_answer
from schemas.registry import load_schema
from schemas.results import EscalationReason, ExtractionResult, Route

TEXT = """Nordlicht Cloud GmbH
Rechnung Nr. R-2024-0311 vom 05.03.2024
Zahlbar bis 04.04.2024
Position Menge Preis Betrag
Cloud-Speicher 2 50,00 100,00
Summe netto 100,00 EUR
USt. 19 % 19,00 EUR
Gesamtbetrag 119,00 EUR
"""
GOOD = {"invoice_number": "R-2024-0311", "invoice_date": "2024-03-05", "due_date": "2024-04-04",
        "vendor_name": "Nordlicht Cloud GmbH", "currency": "EUR", "subtotal": 100.0, "tax_total": 19.0,
        "total": 119.0, "line_items": [{"description": "Cloud-Speicher", "quantity": 2, "unit_price": 50.0,
                                        "line_total": 100.0}]}
SPEC = load_schema("invoice")


def decide(data, confidence=0.99, threshold=0.8):
    result = ExtractionResult(data=data, model="m", confidence=confidence)
    return route_result(result, SPEC, GroundingIndex(TEXT), threshold)


def test_a_correct_confident_answer_is_accepted_and_normalised():
    decision = decide(GOOD)
    assert decision.route is Route.ACCEPTED and decision.reason is None
    assert decision.data["invoice_date"] == "2024-03-05" and decision.data["buyer_name"] is None


def test_each_escalation_reason():
    assert decide(None).reason is EscalationReason.INVALID_OUTPUT
    assert decide(dict(GOOD, invoice_date="not a date")).reason is EscalationReason.INVALID_OUTPUT
    assert decide(dict(GOOD, total=120.0)).reason is EscalationReason.FAILED_VALIDATION
    ungrounded = decide(dict(GOOD, vendor_name="Nordlicht Storage AG"))
    assert ungrounded.reason is EscalationReason.UNGROUNDED_VALUE and "vendor_name" in ungrounded.detail
    low = decide(GOOD, confidence=0.5)
    assert low.reason is EscalationReason.LOW_CONFIDENCE and low.route is Route.ESCALATED


def test_grounding_reads_numbers_and_dates_in_the_documents_own_format():
    ground = GroundingIndex(TEXT)
    assert ungrounded_fields(GOOD, ground) == []
    assert ungrounded_fields({"total": 1190.0, "invoice_date": "2024-05-03"}, ground) == ["total", "invoice_date"]
    assert ungrounded_fields({"line_items": [{"description": "Cloud-Speicher XL"}]}, ground) == \
        ["line_items[0].description"]


def test_a_number_computed_from_two_printed_numbers_of_the_same_object_is_grounded():
    ground = GroundingIndex("Cloud-Speicher 2 Stk 100,00\nSumme netto 100,00\nUSt. 7 % 7,00\nUSt. 19 % 19,00\n"
                            "Gesamtbetrag 126,00\n")
    item = {"description": "Cloud-Speicher", "quantity": 2, "unit_price": 50.0, "line_total": 100.0}
    answer = {"subtotal": 100.0, "tax_total": 26.0, "total": 126.0, "line_items": [item]}
    assert ungrounded_fields(answer, ground) == []  # 126 - 100; 100 / 2
    wrong = dict(answer, tax_total=27.0, line_items=[dict(item, unit_price=51.0)])
    assert ungrounded_fields(wrong, ground) == ["tax_total", "line_items[0].unit_price"]
    # only numbers of the same object: an item's unit price is not computed from the invoice's totals
    assert ungrounded_fields({"line_items": [{"unit_price": 26.0, "line_total": 100.0}]}, ground) == [
        "line_items[0].unit_price"]


def test_a_user_schema_without_rules_still_gets_schema_validation_and_grounding(tmp_path):
    path = tmp_path / "s.py"
    path.write_text("from pydantic import BaseModel\nclass Ref(BaseModel):\n    number: str\n    amount: float\n")
    spec = load_schema(f"{path}:Ref")
    ground = GroundingIndex(TEXT)
    assert validate_answer({"number": "R-2024-0311", "amount": 119.0}, spec, ground).ok
    assert validate_answer({"number": "R-2024-0311"}, spec, ground).invalid
    assert validate_answer({"number": "X-1", "amount": 119.0}, spec, ground).ungrounded == ["number"]


def test_decimal_amounts_and_datetimes_are_grounded_as_numbers_and_dates(tmp_path):
    # money typed as Decimal ("119.00") is found where the page prints "119,00", as a float is; a datetime field
    # holds the printed date at midnight
    path = tmp_path / "s.py"
    path.write_text("import datetime as dt\nfrom decimal import Decimal\nfrom pydantic import BaseModel\n"
                    "class Due(BaseModel):\n    amount_due: Decimal\n    issued_at: dt.datetime | None = None\n")
    spec, ground = load_schema(f"{path}:Due"), GroundingIndex(TEXT)
    assert validate_answer({"amount_due": "119.00", "issued_at": "2024-03-05"}, spec, ground).ok
    assert validate_answer({"amount_due": "118.00"}, spec, ground).ungrounded == ["amount_due"]
    assert validate_answer({"amount_due": "119.00", "issued_at": "2024-03-06"}, spec, ground).ungrounded == [
        "issued_at"]


def test_a_value_is_grounded_in_either_reading_of_the_page():
    # FlipkartInvoice.pdf: the plain text prints a row's product and title cells lines apart, the layout on one line
    from schemas.document import Document, DocumentRef

    plain = "Product Title Qty Price\nMemory cards\nFSN: ACCEA5E3GPBQJ9P9\nSanDisk Ultra 16 GB MicroSDHC Class\n"
    layout = "Product          Title                                Qty  Price\n" \
             "Memory cards     SanDisk Ultra 16 GB MicroSDHC Class  1    278.61\n"
    doc = Document(DocumentRef("mem://doc.pdf"), "0" * 64, 100, [plain], [layout])
    row = {"line_items": [{"description": "Memory cards SanDisk Ultra 16 GB MicroSDHC Class", "quantity": 1,
                           "unit_price": 278.61, "line_total": 278.61}]}
    assert ungrounded_fields(row, GroundingIndex(doc.text))  # the plain reading alone does not hold it
    assert not ungrounded_fields(row, GroundingIndex.of(doc))
    # a value on neither reading stays ungrounded
    assert ungrounded_fields({"vendor_name": "Flipkart Internet"}, GroundingIndex.of(doc))


def test_a_literal_value_is_a_category_not_a_span_of_the_text():
    from typing import Literal

    from pydantic import BaseModel

    from schemas.registry import SchemaSpec

    class Receipt(BaseModel):
        merchant_name: str
        payment_method: Literal["cash", "card"]

    spec = SchemaSpec(ref="test:Receipt", name="receipt", version="test", model=Receipt)
    ground = GroundingIndex("Ferretería Hermanos Ruiz\nForma de pago: EFECTIVO\n")
    check = validate_answer({"merchant_name": "Ferretería Hermanos Ruiz", "payment_method": "cash"}, spec, ground)
    assert check.ok, check.ungrounded
    # a text field is still checked
    check = validate_answer({"merchant_name": "Ferretería Ruiz Hermanos", "payment_method": "cash"}, spec, ground)
    assert check.ungrounded == ["merchant_name"]

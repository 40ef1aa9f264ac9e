"""A user's schema without label hints still finds its fields, in the document's language (code only, no model)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pydantic import BaseModel, Field

from extractors.fields import concept_labels, plan_fields
from extractors.llama_local import LlamaExtractor
from schemas.document import Document, DocumentRef
from schemas.registry import SchemaSpec


class PaymentRequest(BaseModel):
    iban: str | None = None
    amount_due: Decimal | None = None
    tax_basis_total: Decimal | None = None
    due_date: dt.date | None = None
    order_number: str | None = Field(None, max_length=40)
    buyer_reference: str | None = Field(None, max_length=60)


GERMAN = """Muster GmbH · Hauptstr. 1 · 10115 Berlin
Rechnung Nr. R-2024-001
Datum: 03.04.2024
Bestellung: PO-77812
Ihr Zeichen: KD-4471
Zahlbar bis: 03.05.2024
Pos. Artikel Menge Preis
1 Beratung 2 50,00
Nettobetrag 100,00 EUR
USt 19% 19,00 EUR
Zahlbetrag 119,00 EUR
IBAN: DE89 3704 0044 0532 0130 00
"""

FRENCH = """Atelier Dupont SARL
Facture n° F-88
Date : 12/02/2024
Votre commande : BC-5521
Échéance : 13/03/2024
Total HT 250,00 €
TVA 20 % 50,00 €
Solde à payer 300,00 €
"""


def _extract(text: str) -> dict:
    spec = SchemaSpec(ref="test:PaymentRequest", name="payment_request", version="test", model=PaymentRequest)
    doc = Document(DocumentRef("mem://doc.txt"), "0" * 64, len(text), [text])
    return LlamaExtractor("smollm2-135m", use_model=False).extract(doc, spec).data


def test_fields_without_labels_get_their_concepts_labels_and_hints_win():
    assert "bestellung" in concept_labels("order_number", "id")
    assert "zahlbetrag" in concept_labels("amount_due", "amount")
    assert "ihr zeichen" in concept_labels("buyer_reference", "id")
    assert concept_labels("favourite_colour", "text") == []

    class Hinted(BaseModel):
        order_number: str | None = Field(None, json_schema_extra={"labels": ["Auftrag Nr"]})

    (plan,) = plan_fields(Hinted)
    assert plan.labels == ["auftrag nr", "order number"]  # the hint and the name's words, no concept labels


def test_a_user_schema_reads_a_german_invoice():
    data = _extract(GERMAN)
    assert data["order_number"] == "PO-77812"
    assert data["buyer_reference"] == "KD-4471"
    assert data["due_date"] == "2024-05-03"
    assert float(data["amount_due"]) == 119.0
    assert float(data["tax_basis_total"]) == 100.0
    assert data["iban"].replace(" ", "") == "DE89370400440532013000"


def test_a_user_schema_reads_a_french_invoice():
    data = _extract(FRENCH)
    assert data["order_number"] == "BC-5521"
    assert data["due_date"] == "2024-03-13"
    assert float(data["amount_due"]) == 300.0
    assert float(data["tax_basis_total"]) == 250.0

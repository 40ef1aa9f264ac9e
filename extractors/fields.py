"""Plan a schema's fields and let code propose ranked candidates for each, from label proximity and priors.

Works for any Pydantic schema: the kind of a field comes from its type and name, the labels from the
field's `json_schema_extra={"labels": [...]}` plus the words of its name. A field without `labels` whose name
names a common business-document concept (an amount due, an order number, a reference…) gets that concept's
labels in several languages (`CONCEPTS`), so a user's schema does not start from its field names alone.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import types
import typing
from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

from pydantic import BaseModel

from extractors import candidates as C
from extractors import layout
from schemas.lexicon import labels as more_labels


@dataclass
class FieldPlan:
    name: str
    kind: str  # date | amount | integer | currency | vat_id | iban | id | text | choice | items | free
    labels: list[str]
    description: str = ""
    max_length: int | None = None
    choices: list[Any] = field(default_factory=list)
    item_model: type[BaseModel] | None = None
    # labels of a broader concept that name this field only when nothing more specific is printed: "Total TTC"
    # is the amount due of an invoice that prints no "Solde à payer" (keys of `_label_key`)
    fallback_labels: frozenset[str] = frozenset()
    # a party's place: "sender" issues the document (its letterhead), "recipient" is addressed; None: no party
    role: str | None = None
    # the schema wants the amount without its sign: a credit note's "-551,11" is a credit of 551.11
    unsigned: bool = False


def _unwrap_optional(annotation: Any) -> Any:
    """The type under `X | None` and under `Annotated[X, ...]` (`condecimal()`, `Annotated[Decimal, Field(ge=0)]`)."""
    origin = typing.get_origin(annotation)
    if origin is typing.Annotated:
        return _unwrap_optional(typing.get_args(annotation)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return _unwrap_optional(args[0])
    return annotation


def field_kind(name: str, annotation: Any) -> tuple[str, list[Any], type[BaseModel] | None]:
    ann = _unwrap_optional(annotation)
    origin = typing.get_origin(ann)
    if origin is Literal:
        return "choice", list(typing.get_args(ann)), None
    if isinstance(ann, type) and issubclass(ann, Enum):
        return "choice", [m.value for m in ann], None
    if origin in (list, typing.List):
        (inner,) = typing.get_args(ann) or (Any,)
        inner = _unwrap_optional(inner)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            return "items", [], inner
        return "free", [], None
    if ann in (dt.date, dt.datetime):
        return "date", [], None
    if ann in (float, Decimal):
        return "amount", [], None
    if ann is int:
        return "integer", [], None
    if ann is str:
        lname = name.lower()
        if "currency" in lname:
            return "currency", [], None
        if "iban" in lname:
            return "iban", [], None
        if re.search(VAT_ID_FIELD, lname):
            return "vat_id", [], None
        if re.search(r"(number|_no|_nr|_id|reference|_ref|code)$", lname):
            return "id", [], None
        return "text", [], None
    return "free", [], None


def _invoice_labels(field_name: str) -> list[str]:
    from schemas.invoice import InvoiceFields

    return list(InvoiceFields.model_fields[field_name].json_schema_extra["labels"])


# names of a document's issue-date field
ISSUE_DATE_FIELD = (r"(?:invoice|issue|document|bill|statement|receipt|notice|letter|quote|quotation|estimate)_date"
                    r"|^date$")
# whole words of the name only: "customer_name" holds "ust" and is no VAT id
VAT_ID_FIELD = r"(?:^|_)(?:vat|ust|gstin)(?:_|$)|tax_id"
DUE_DATE_FIELD = r"due|pay_by|payment_date"  # names of a due-date field
# names of the document's own number
DOCUMENT_NUMBER_FIELD = r"(?:invoice|document|bill|credit_note|receipt|folio)_(?:number|no|id)|^number$"
ORDER_FIELD = r"order|^po_|purchase"  # names of an order's number, or with a date's type its date
TAX_BASIS_FIELD = r"bas(?:is|e)(?:_|$)|taxable"  # the amount a tax is charged on, not the subtotal before charges
SUBTOTAL_FIELD = r"subtotal|(?:^|_)net(?:_|$)"  # the rows' net sum, before the invoice's discounts and charges
AMOUNT_DUE_FIELD = r"amount_due|balance|payable|to_pay|outstanding|due_amount|amount_owed"
NET_PAY_FIELD = r"net_(?:pay|salary|wage|earnings|income)|take_home|payout"
PERSON_FIELD = r"employee|patient|passenger|student|person|driver|guest"  # names of a person, never a company
# an account's balance at a period's start or end ("opening_balance", "balance_end"): the first printed or the last
OPENING_BALANCE_FIELD = r"(?:opening|start|begin\w*|previous|old|initial)_balance|balance_(?:start|begin|opening|old)"
CLOSING_BALANCE_FIELD = r"(?:closing|end|ending|final|new|current)_balance|balance_(?:end|closing|new|final)"
# the words both balances share ("Kontostand", "Solde … au"); the first printed is the opening one
BALANCE_LABELS = ["balance", "kontostand", "saldo", "solde", "stand", *more_labels("balance")]
GROSS_TOTAL_FIELD = r"total|gross|grand"  # after the more specific concepts (CONCEPTS): tax total, net total

# (field-name pattern, labels): the first pattern that matches a field's name wins, so the specific come first.
# Measured on ../shared/data/zugferd with a schema of fields the built-in invoice schema lacks (README, Accuracy).
CONCEPTS: list[tuple[str, Any]] = [
    (r"gross_(?:pay|salary|wage|earnings|income)", lambda: [
        "gross pay", "gross earnings", "total gross", "gross salary", "gross", "gesamtbrutto", "bruttoverdienst",
        "bruttolohn", "bruttogehalt", "brutto", "salaire brut", "total brut", "brut", "brutoloon", "bruto",
        "salario bruto", "retribuzione lorda", "lordo", "bruttolön", "total devengado", "total de vencimentos",
        "salário bruto", "bruttoløn", "hrubá mzda", *more_labels("gross_pay")]),
    (NET_PAY_FIELD, lambda: [
        "net pay", "take home pay", "net amount paid", "auszahlungsbetrag", "auszahlung", "überweisungsbetrag",
        "net à payer", "net payé", "netto te betalen", "uit te betalen", "netto uitbetaling", "líquido a percibir",
        "netto in busta", "netto a pagare", "att utbetala", "líquido total a percibir", "valor líquido",
        "líquido a receber", "nettoløn", "til udbetaling", "čistá mzda", "k výplatě", *more_labels("net_pay")]),
    (OPENING_BALANCE_FIELD, lambda: BALANCE_LABELS + [
        "opening balance", "previous balance", "balance brought forward", "brought forward", "start balance",
        "alter kontostand", "alter saldo", "saldo alt", "kontostand alt", "anfangssaldo", "anfangsbestand",
        "ancien solde", "solde précédent", "solde initial", "solde de début", "solde débiteur au",
        "solde créditeur au", "beginsaldo", "vorig saldo", "oud saldo", "saldo inicial", "saldo anterior",
        "saldo iniziale", "saldo precedente", "ingående saldo", "saldo początkowe", "saldo poprzednie"]
        + more_labels("opening_balance")),
    (CLOSING_BALANCE_FIELD, lambda: BALANCE_LABELS + [
        "closing balance", "new balance", "end balance", "final balance", "balance carried forward", "neuer kontostand",
        "neuer saldo", "saldo neu", "kontostand neu", "endsaldo", "schlusssaldo", "nouveau solde", "solde final",
        "solde de fin", "solde débiteur au", "solde créditeur au", "eindsaldo", "nieuw saldo", "saldo final",
        "saldo finale", "utgående saldo", "saldo końcowe"] + more_labels("closing_balance")),
    (AMOUNT_DUE_FIELD, lambda: [
        "amount due", "balance due", "amount payable", "balance", "to pay", "zahlbetrag", "zu zahlen",
        "zu zahlender betrag", "zu zahlender beitrag", "offener betrag", "restbetrag", "fälliger betrag",
        "solde à payer", "net à payer", "montant dû", "reste à payer", "reste dû", "restant dû", "te betalen",
        "openstaand bedrag", "importe a pagar", "importo da pagare", "att betala", "residual", "remaining",
        "amount remaining", "remaining balance", "montant à payer", "à payer", "nachzahlung", "nachzahlungsbetrag",
        "do zapłaty", "kwota do zapłaty", "pozostało do zapłaty", "k úhradě", "nedoplatek", "at betale",
        "valor a pagar", "total a pagar"] + more_labels("amount_due")),
    (r"tax_basis|taxable|net_(?:total|amount)|^net$|excl", lambda: ["taxable", "basis", "grondslag"]
        + _invoice_labels("tax_basis_total")),
    (r"subtotal", lambda: _invoice_labels("subtotal")),
    (r"tax_(?:total|amount)|vat_(?:total|amount)|(?:^|_)tax$|^vat$", lambda: _invoice_labels("tax_total")),
    (r"premium", lambda: [
        "premium", "total premium", "premium due", "amount payable", "beitrag", "gesamtbeitrag", "jahresbeitrag",
        "zu zahlender beitrag", "zu zahlender gesamtbeitrag", "prime", "prime ttc", "cotisation", "cotisation ttc",
        "cotisation ttc à régler", "premie", "prima", "prima total", "premio", "premio lordo", "premie att betala"]
        + more_labels("premium")),
    (GROSS_TOTAL_FIELD, lambda: _invoice_labels("total") + [
        "order total", "total order", "po total", "bestellsumme", "auftragssumme", "gesamtbestellwert",
        "total commande", "total de la commande", "totaal bestelling", "total pedido", "total del pedido",
        "totale ordine"]),
    (r"credit_?note\w*_(?:number|no|nr|id)$", lambda: more_labels("credit_note_number")),
    # the invoice a credit note corrects, not the credit note's own number
    (r"(?:original|corrected|refer\w*|related|cancel\w*)_invoice", lambda: more_labels("original_invoice")),
    (r"(?:^|_)(?:fare|price|ticket_price)$", lambda: more_labels("fare")),
    (r"(?:travel|journey|trip|passage)\w*_(?:ticket_)?(?:number|no|nr|id)$|^ticket_(?:number|no|nr|id)$", lambda:
        more_labels("ticket_number")),
    (r"(?:receipt|ticket)\w*_(?:number|no|nr|id)$", lambda: [
        "receipt no", "receipt number", "receipt #", "receipt", "ticket no", "ticket", "nº ticket", "n° ticket",
        "número de ticket", "nº de ticket", "bon n°", "numéro de ticket", "kassenbon", "bon-nr", "bonnummer",
        "beleg-nr", "belegnummer", "beleg", "bonnummer", "scontrino", "scontrino n", "documento n", "documento n.",
        "doc. n", "kvitto", "kvittonummer",
        "transaction no", "trans no"] + more_labels("receipt_number")),
    (r"(?:waybill|consignment|tracking|awb|lading)\w*_(?:number|no|nr|id)$", lambda: [
        "waybill", "waybill no", "waybill number", "air waybill", "consignment note", "consignment no",
        "tracking number", "tracking no", "bill of lading", "frachtbrief", "frachtbriefnummer", "sendungsnummer",
        "lettre de voiture", "vrachtbrief", "carta de porte", "lettera di vettura", *more_labels("waybill_number")]),
    (r"packages|parcels|pieces|colli|cartons|package_count|parcel_count", lambda: more_labels("packages")),
    (r"weight|(?:^|_)kg$", lambda: more_labels("weight")),
    (r"(?:deliver|dispatch|despatch|packing|shipment)\w*_(?:number|no|nr|id)$", lambda: [
        "delivery note", "delivery note no", "delivery note number", "dn no", "despatch note", "dispatch note",
        "despatch note no", "packing slip", "packing list", "shipment no", "lieferschein", "lieferschein-nr",
        "lieferscheinnummer", "lieferschein nr", "bon de livraison", "bl n°", "pakbon", "afleverbon", "albarán",
        "albarán nº", "nº albarán", "nº de albarán", "número de albarán", "documento di trasporto", "ddt",
        "följesedel", "følgeseddel", "dodací list", "guia de remessa", "nota de entrega", "bulletin de livraison"]
        + more_labels("delivery_note_number")),
    (r"(?:quote|quotation|offer|estimate|proposal)\w*_(?:number|no|nr|id)$", lambda: [
        "quote no", "quote number", "quotation no", "quotation number", "quotation", "quote", "estimate no",
        "estimate", "angebot", "angebotsnummer", "angebots-nr", "angebot nr", "devis", "devis n°", "n° de devis",
        "offerte", "offertenummer", "offerte nr", "offertenr", "presupuesto", "nº presupuesto", "preventivo",
        "preventivo n", "offert", "offertnummer", "tilbud", "tilbudsnummer", "nabídka", "orçamento",
        "kostenvoranschlag"]),
    (r"(?:polic|contract)\w*_(?:number|no|nr|id)$", lambda: [
        "policy number", "policy no", "policy", "contract number", "contract no", "versicherungsschein-nr",
        "versicherungsscheinnummer", "versicherungsschein", "vertragsnummer", "vertrags-nr", "police",
        "n° de police", "numéro de police", "n° de contrat", "numéro de contrat", "contrat", "polisnummer", "polis",
        "póliza", "nº de póliza", "número de póliza", "polizza", "n. polizza", "contratto", "försäkringsnummer"]
        + more_labels("policy_number")),
    (ORDER_FIELD, lambda: [
        "order number", "order no", "order", "your order", "purchase order", "po number", "p.o. number", "p.o. no",
        "po no", "po #", "p.o.", "po", "bestellung",
        "bestellnummer", "bestell-nr", "ihre bestellung", "auftrag", "auftragsnummer", "commande",
        "n° de commande", "bon de commande", "votre commande", "votre référence", "bestelling", "bestelnummer",
        "pedido", "número de pedido", "ordine", "beställning", "your reference", "ordernummer", "uw ordernummer",
        "your order number", "your order no", "ihre bestellnummer", "ihre bestell-nr", "votre n° de commande",
        "su pedido", "vostro ordine", "ert ordernummer", "ordrenr", "ordrenummer", "indkøbsordre",
        "pedido de compra", "nº do pedido", "número do pedido", "objednávka", "číslo objednávky"]
        + more_labels("order_number")),
    (r"reference|_ref$", lambda: [
        "reference", "your reference", "buyer reference", "customer reference", "ref", "referenz",
        "referenz des käufers", "ihre referenz", "ihr zeichen", "kundenreferenz", "leitweg-id", "votre référence",
        "référence", "référence client", "uw referentie", "referentie", "referencia", "riferimento",
        "er referens"]),
    (DUE_DATE_FIELD, lambda: _invoice_labels("due_date")),
    (ISSUE_DATE_FIELD, lambda: _invoice_labels("invoice_date")),
    (r"(?:invoice|document|bill)_(?:number|no|nr|id)", lambda: _invoice_labels("invoice_number")),
    (r"customer_(?:number|no|nr|id)|account_(?:number|no)|client_(?:number|no)", lambda: [
        "numer klienta", "nr klienta", "zákaznické číslo", "číslo zákazníka", "kundenr", "kundenummer",
        "código do cliente", "nº de cliente", "número de cliente",
        "customer number", "customer no", "customer id", "account number", "account no", "kundennummer",
        "kunden-nr", "kundennr", "n° client", "numéro client", "klantnummer", "número de cliente",
        "codice cliente", "kundnummer", "compte client", "n° de compte", "numéro de compte", "référence client",
        "kundenkonto", "vertragskonto"] + more_labels("customer_number")),
    (VAT_ID_FIELD, lambda: _invoice_labels("vendor_vat_id")),
    (r"currency", lambda: _invoice_labels("currency")),
    (r"iban|bank_account", lambda: [
        "iban", "bank account", "account", "bankverbindung", "konto", "rib", "compte", "rekeningnummer",
        "rekening", "cuenta", "conto", "bankgiro"]),
]


# (concept pattern, labels of the broader concept): an amount due is the total where no balance is printed; the
# net pay is what is paid out, the net earnings where nothing is deducted after them ("Netto-Verdienst 2.480,10",
# then "Nettoabzug VWL -40,00" and "Auszahlungsbetrag 2.440,10")
FALLBACKS: list[tuple[str, Any]] = [
    (AMOUNT_DUE_FIELD, lambda: _invoice_labels("total")),
    (NET_PAY_FIELD, lambda: [
        "netto-verdienst", "nettoverdienst", "nettolohn", "nettogehalt", "net earnings", "net salary", "salaire net",
        "nettoloon", "netto salaris", "salario neto", "retribuzione netta", "nettolön"]),
]


# the first and the last day of a period ("billing_period_start", "service_to"): a range's first or second date
PERIOD_START_FIELD = r"(?:_|^)(?:start|from|begin)(?:_|$)"
PERIOD_END_FIELD = r"(?:_|^)(?:end|to|until|through)(?:_|$)"
PERIOD_FIELD = rf"period|{PERIOD_START_FIELD}|{PERIOD_END_FIELD}"

# concepts of a date field, tried before CONCEPTS: "order_date" is the date of the order, not its number
DATE_CONCEPTS: list[tuple[str, Any]] = [
    (r"valid|expir", lambda: [
        "valid until", "valid to", "valid through", "validity", "expires", "expiry date", "expiration date",
        "gültig bis", "angebot gültig bis", "bindefrist", "valable jusqu'au", "validité", "date de validité",
        "geldig tot", "geldig tot en met", "geldig t/m", "válido hasta", "validez", "valido fino al", "validità",
        "giltig till"]),
    (r"pay_?date|paid_on|pay_?day", lambda: [
        "pay date", "paid on", "payment date", "date paid", "auszahlung am", "überweisung am", "auszahlungsdatum",
        "zahltag", "date de paiement", "payé le", "versé le", "betaaldatum", "uitbetaald op", "fecha de pago",
        "data pagamento", "utbetalningsdag", "data de pagamento", "fecha de abono", "fecha de pago",
        "udbetalingsdato", "datum výplaty", *more_labels("pay_date")]),
    (r"treat|service_date|admission|visit", lambda: more_labels("treatment_date")),
    (r"travel|journey|trip", lambda: more_labels("travel_date")),
    (r"arriv|check_?in", lambda: [
        "arrival", "arrival date", "date of arrival", "check-in", "check in", "anreise", "ankunft", "anreisetag",
        "arrivée", "date d'arrivée", "aankomst", "aankomstdatum", "llegada", "fecha de llegada", "entrada", "arrivo",
        "data di arrivo"] + more_labels("arrival")),
    (r"depart|check_?out", lambda: [
        "departure", "departure date", "date of departure", "check-out", "check out", "abreise", "abreisetag",
        "départ", "date de départ", "vertrek", "vertrekdatum", "salida", "fecha de salida", "partenza",
        "data di partenza"] + more_labels("departure")),
    (ORDER_FIELD, lambda: [
        "order date", "po date", "p.o. date", "purchase order date", "date of order", "ordered on", "bestelldatum",
        "bestell-datum", "auftragsdatum", "date de commande", "date commande", "besteldatum", "orderdatum",
        "fecha de pedido", "fecha del pedido", "data ordine", "data dell'ordine", "beställningsdatum"]
        + more_labels("order_date")),
    (PERIOD_FIELD, lambda: [
        "period", "billing period", "service period", "invoice period", "statement period", "period covered",
        "zeitraum", "abrechnungszeitraum", "leistungszeitraum", "rechnungszeitraum", "periode", "factuurperiode",
        "période", "période de facturation", "période de consommation", "periodo", "periodo de facturación",
        "periodo di fatturazione", "perioden", "okres rozliczeniowy", "okres", "období", "fakturační období",
        "periode", "período", "periodo de liquidación", "período de faturamento"] + more_labels("period")),
    (r"deliver|ship|dispatch|despatch", lambda: [
        "delivery date", "date of delivery", "delivered on", "ship date", "shipping date", "shipped on",
        "dispatch date", "despatch date", "lieferdatum", "liefertermin", "liefertag", "versanddatum",
        "date de livraison", "livré le", "date d'expédition", "leverdatum", "leveringsdatum", "afleverdatum",
        "fecha de entrega", "fecha de envío", "data di consegna", "data consegna", "leveransdatum",
        # the date the buyer asks for: "Consegna richiesta: entro il 30/04/2025", "Livraison souhaitée le"
        "requested delivery", "requested delivery date", "required by", "deliver by", "delivery required",
        "gewünschter liefertermin", "wunschtermin", "livraison souhaitée", "date de livraison souhaitée",
        "gewenste leverdatum", "fecha de entrega solicitada", "consegna richiesta", "consegna", "data sprzedaży",
        "ønsket leveringsdato", "leveringsdato", "data de entrega", "datum dodání", "data dostawy",
        "önskat leveransdatum"] + more_labels("delivery_date")),
]


# concepts of a name field: their words come first, then those of its party role (`concept_labels`)
TEXT_CONCEPTS: list[tuple[str, Any]] = [
    (r"insured|policyholder", lambda: [
        "insured", "named insured", "policyholder", "policy holder", "versicherungsnehmer", "versicherter",
        "assuré", "souscripteur", "verzekeringnemer", "verzekerde", "tomador", "asegurado", "contraente",
        "assicurato", "försäkringstagare", "ubezpieczony"] + more_labels("insured")),
    (r"guest", lambda: [
        "guest", "guest name", "name of guest", "gast", "name des gastes", "hôte", "client", "gast", "naam gast",
        "huésped", "nombre del huésped", "ospite", "nome ospite"] + more_labels("guest")),
    (r"patient", lambda: more_labels("patient")),
    (r"passenger|travell?er", lambda: more_labels("passenger")),
    (r"issuer", lambda: more_labels("issuer")),
    (r"origin|from_station|departure_station", lambda: more_labels("origin")),
    (r"destination|to_station|arrival_station", lambda: more_labels("destination")),
    (r"shipper|consignor|sender", lambda: more_labels("shipper")),
    (r"consignee|receiver", lambda: more_labels("consignee")),
    (r"employee|worker|staff", lambda: [
        "employee", "employee name", "name of employee", "mitarbeiter", "arbeitnehmer", "name", "nombre",
        "trabajador", "trabajador/a", "empleado", "nome", "nome do funcionário", "funcionário", "colaborador",
        "werknemer", "naam", "salarié", "nom", "dipendente", "medarbejder", "zaměstnanec", "jméno", "anställd",
        *more_labels("employee")]),
    (r"employer", lambda: [
        "employer", "arbeitgeber", "empresa", "empregador", "werkgever", "employeur", "datore di lavoro",
        "arbejdsgiver", "zaměstnavatel", "arbetsgivare", *more_labels("employer")]),
    (r"holder|titular", lambda: [
        "account holder", "holder", "kontoinhaber", "inhaber", "titulaire", "titulaire du compte", "rekeninghouder",
        "titular", "titular de la cuenta", "intestatario", "intestato a", "kontohavare", "posiadacz rachunku"]
        + more_labels("account_holder")),
    # not "Bank" or "Banque" alone: they open many banks' names ("Banque Coopérative des Causses")
    (r"bank", lambda: [
        "bank name", "name of bank", "bankverbindung", "kreditinstitut", "geldinstitut", "nom de la banque",
        "établissement bancaire", "nombre del banco", "entidad", "naam bank", "nome banca", "istituto bancario"]),
]


def fallback_labels(field_name: str) -> list[str]:
    """Labels of the broader concept of the first concept whose pattern matches the field name, or none."""
    name = field_name.casefold()
    pattern = next((pattern for pattern, _ in CONCEPTS if re.search(pattern, name)), None)
    return next((labels() for p, labels in FALLBACKS if p == pattern), [])


def concept_labels(field_name: str, kind: str) -> list[str]:
    """Labels of the first concept whose pattern matches the field name, or none."""
    name = field_name.casefold()
    own = next((labels() for pattern, labels in TEXT_CONCEPTS if re.search(pattern, name)), [])
    own = own if kind == "text" else []
    role = party_role(name) if kind == "text" else None
    if role:  # names of parties: their own words, then the seller's or the buyer's labels of the invoice schema
        return own + [lab for lab in _invoice_labels("vendor_name" if role == "sender" else "buyer_name")
                      if lab not in own]
    if own:
        return own
    for pattern, labels in (DATE_CONCEPTS if kind == "date" else []) + CONCEPTS:
        if re.search(pattern, name):
            return labels()
    return []


# headings of the address window, whoever the addressee is ("To:", "Spett.le", "Messrs", "Gentile Signora")
ADDRESSEE_HEADINGS = ["to", "spett.le", "spettabile", "messrs", *more_labels("addressee_greeting")]
_BUYER_ISSUES = re.compile(r"(?i)purchase|^po(?:[A-Z_]|$)")  # names of a purchase-order schema


# a field's description that asks for the amount without its sign
_UNSIGNED = re.compile(r"(?i)\bas a positive (?:number|amount|value)|\bpositive even\b|\bwithout (?:its |the |a )?"
                       r"(?:minus|sign)\b|\babsolute (?:value|amount)")


def plan_fields(model: type[BaseModel]) -> list[FieldPlan]:
    """One plan per top-level field of the schema, in declaration order."""
    plans = []
    # a purchase order is the buyer's paper: its letterhead names the buyer, its address block the supplier
    buyer_issues = _BUYER_ISSUES.search(model.__name__) is not None
    # the first number of a schema that no concept knows ("folio_number", "waybill_no") is the document's own:
    # a document's number labels ("Račun br.", "Reikningur nr.") name it when nothing more specific is printed
    own_number = next((name for name, info in model.model_fields.items()
                       if field_kind(name, info.annotation)[0] == "id"), None)
    for name, info in model.model_fields.items():
        kind, choices, item_model = field_kind(name, info.annotation)
        extra = info.json_schema_extra if isinstance(info.json_schema_extra, dict) else {}
        labels = [str(x).casefold() for x in extra.get("labels", [])]
        fallback: list[str] = []
        if not labels and kind != "items":
            labels = concept_labels(name, kind)
            fallback = [lab for lab in fallback_labels(name) if lab not in labels]
            if not labels and name == own_number:
                fallback = _invoice_labels("invoice_number")
        words = name.replace("_", " ").casefold()
        if words not in labels:
            labels.append(words)
        max_length = next((m.max_length for m in info.metadata if hasattr(m, "max_length")), None)
        role = party_role(name) if kind == "text" else None
        if role and buyer_issues:
            role = "sender" if role == "recipient" else "recipient"
        if role and not extra.get("labels"):
            # the window's heading names whoever the paper is sent to: on a purchase order the supplier
            labels = [lab for lab in labels if lab not in ADDRESSEE_HEADINGS]
            labels += ADDRESSEE_HEADINGS if role == "recipient" else []
        unsigned = kind in ("amount", "integer") and (
            _UNSIGNED.search(info.description or "") is not None
            or any(getattr(m, "ge", None) == 0 or getattr(m, "gt", None) == 0 for m in info.metadata))
        plans.append(FieldPlan(name, kind, labels + fallback, info.description or "", max_length, choices,
                               item_model, frozenset(_label_key(lab) for lab in fallback), role, unsigned))
    return plans


# ------------------------------------------------------------------ label evidence
# Labels of values that look like a target field but are not one. They claim their values so that, e.g.,
# an order number or a customer number is not taken for the invoice number.
OTHER = "_other"
# the invoice a credit note corrects: "Concerne : votre facture n° F-2025-0112 du 14/01/2025"
CORRECTED_INVOICE_LABELS = [
    "votre facture", "votre facture n°", "your invoice", "your invoice no", "ihre rechnung", "ihre rechnung nr",
    "uw factuur", "su factura", "vostra fattura", "documento que modifica", "comprobante que modifica",
    "documento modificado", "avoir sur facture", "sur facture", "notre facture", "onze factuur", "unsere rechnung",
    "our invoice", "nuestra factura", "nostra fattura", "gjelder faktura", "vedrørende faktura", "avser faktura",
    "rectifica la factura", "concerne facture", "concerne la facture", "relative à la facture",
    "bezieht sich auf rechnung", "relates to invoice", "re invoice", "comprobante asociado", "factura asociada",
    "documento asociado", "comprobante de referencia", "se rapporte à la facture", "se rapportant à la facture",
    "facture d'origine", "facture initiale", "facture concernée",
    # Lithuania's "Koreguojama PVM sąskaita faktūra: serija PRK Nr. 004871"
    "koreguojama pvm sąskaita faktūra", "koreguojama sąskaita faktūra", "koreguojama pvm sąskaita",
    # "This credit note reduces invoice INV-2024-0412"
    "reduces invoice", "credits invoice", "cancels invoice", "corrects invoice", "amends invoice",
    *more_labels("original_invoice")]
# "Name:" and its like label whichever party's name follows, as its block's heading says ("Cedente/prestatore"
# over "Denominazione: Distribuzione Alimentare Valdarno S.r.l.")
NAME_LABELS = frozenset(["name", "nome", "business name", "상호", "denominazione", "razón social", "razão social",
                         "nome/razão social",
                         "company name", "company", "firmenname", "raison sociale", "επωνυμία", "unvan",
                         "ticari unvan", "legal name", "denominación", "nombre / denominación",
                         "nombre o razón social", "nombre o denominación"])


def _is_name_label(text: str) -> bool:
    return _label_key(text) in _NAME_KEYS


# registers and courts of the small print, which open no party's name: "RPR Gent, afdeling Gent"
REGISTER_LABELS = ["rpr", "rpm", "amtsgericht", "registergericht", "handelsregister", "registro mercantil", "rcs",
                   "kvk", "hrb", "hra",
                   # the Gulf's commercial registration: "C.R. No. 1287364"
                   "c.r. no", "c.r. no.", "cr no", "cr no.", "commercial registration", "commercial registration no"]
# who signed or drew up the paper, no party: "Ký bởi: Nguyễn Hoàng Long", "Получател: … Съставил: …"
SIGNER_LABELS = ["ký bởi", "signed by", "digitally signed by", "firmado por", "signé par", "unterschrieben von",
                 "съставил", "изготвил", "составил", "выписал", "vystavil", "vyhotovil", "wystawił", "sastavio",
                 "fakturirao", "kiállította", "întocmit", "întocmit de"]
DISTRACTOR_LABELS = [
    "order no", "order number", "order id", "order date", "purchase order", "po number", "bestellung",
    # the seller's own number for the order, not the buyer's: "Uw ordernummer VL-4471" / "Ons ordernummer VO-…"
    "our order number", "our order no", "ons ordernummer", "unsere auftragsnummer", "notre référence commande",
    "nuestro pedido", "nostro ordine", "vårt ordernummer",
    "bestellnummer", "bestell-nr", "auftrag", "auftragsnummer", "kundennummer", "kunden-nr", "customer no",
    "customer number", "customer id", "account number", "account no", "client no", "n° client", "numéro client",
    "klantnummer", "delivery date", "ship date", "shipping date", "date shipped", "dispatch date", "despatch date",
    # a placement's or a contract's dates, not the invoice's: "Start date: 7 May 2024", "Week Ending 03/10/2024"
    "start date", "week ending", "date of delivery",
    "lieferdatum", "liefer- und leistungsdatum", "leistungsdatum", "data sprzedaży",
    "date de livraison", "leverdatum", "steuernummer", "tax number", "siret", "siren", "iban", "bic",
    "swift", "phone", "tel", "telefon", "fax", "page", "seite", "art-nr", "artikelnummer", "gln", "ean",
    "bestell-datum", "bestelldatum", "lieferschein-datum", "lieferscheindatum", "lief-nr", "lieferanten-nr",
    "lieferantennummer", "supplier no", "supplier number", "vendor no", "kundennr",
    "steuer-nr", "kto-nr", "konto-nr", "kontonummer", "contract no", "contract number", "vertragsnummer",
    "vertrags-nr", "n° de contrat", "bestellung nr", "bestell nr", "lieferung nr", "lieferschein nr", "auftrag nr",
    "zähler-nr", "zählernummer", "meter no", "a/c no", "a/c", "ifsc",
    "company number", "company no", "company reg no", "registration number",
    "registered number", "kvk-nummer",
    "numero rea", "rea", "plot no", "survey no", "house no", "flat no", "org.nr", "org nr",
    "orgnr", "organisationsnummer", "cro no", "cro number", "organisasjonsnummer", "ocr-nummer", "ocr", "bankgiro",
    "plusgiro", "página", "pág.", "sida", "referenz",
    # the people and courts of the small print: "Komplementärin: Schäfer Verwaltungs GmbH", "Geschäftsführer: …"
    "komplementärin", "komplementär", "persönlich haftende gesellschafterin", "geschäftsführer", "geschäftsführerin",
    "geschäftsführung", "vorstand", "aufsichtsrat", "sitz", "managing director",
    "managing directors", "directors", "director", "gérant", "gérante", "bestuurder", "amministratore",
    "administrador", "prokurist", "zaakvoerder", *REGISTER_LABELS,
    # the Portuguese papers a fatura names: "Requisição ENC-2025-0117", "Guia de remessa GR A2025/290"
    "requisição", "guia de remessa", "local de descarga", "local de carga", "cond. pagamento",
    # what an Italian professional's client pays after the withholding, not the invoice's total nor its net
    "netto a pagare", "netto da pagare",
    *CORRECTED_INVOICE_LABELS,
    "reference", "your reference", "ihr zeichen", "unser zeichen",
    # what a laboratory or a repairer was sent, and by whom, no seller: "SAMPLES RECEIVED FROM" / "Dr Aoife Brennan"
    "received from",
    # a Croatian payment's reference, no document number: "s pozivom na broj HR00 412-2-1"
    "poziv na broj", "pozivom na broj", "poziv na broj primatelja",
    # the number Kenya's tax control unit gives the invoice, beside the seller's own: "CU Invoice No.: 0300012457/00418"
    "cu invoice no", "cu invoice no.", "cu invoice number", "cu serial no", "cu serial no.", "cu number",
    # Slovenia's company register number, beside the invoice's "Številka"
    "matična številka",
    # a contract's number, no invoice's: "JBKJS: –   Broj ugovora: 14/2025"
    "broj ugovora", "br. ugovora", "ugovor br", "ugovor br.", "številka pogodbe", "pogodba št", "nr umowy",
    "numer umowy", "umowa nr", "číslo smlouvy", "smlouva č", "číslo zmluvy", "zmluva č", "szerződésszám",
    "szerződés száma", "număr contract", "contract nr", "nr. contract",
    # the seller's employee who took the order, no seller: "Salesman :  Ravi Nair"
    "salesman", "salesperson", "sales person", "sales rep", "sales representative", "sales executive",
    # the customer's own reference, no customer: "Ref. cliente: Convención Sevilla"
    "ref. cliente", "referencia cliente", "referencia del cliente", "ref. client", "référence client",
    "customer ref", "customer ref.", "client ref", "client reference", "rif. cliente", "riferimento cliente",
    "kundenreferenz", "klantreferentie", "ref. klant",
    # a Greek invoice's line of the customer's trade: "Δραστηριότητα: Ναυλώσεις σκαφών αναψυχής"
    "δραστηριότητα",
    # an e-invoice's reason for no tax, no party: "Exemption reason: Reverse charge"
    "exemption reason", "exemption reason code", "vat category code", "motif d'exonération",
    # a Mexican CFDI's fields of each party, no name: "Régimen fiscal: 601 - General de Ley Personas Morales"
    "régimen fiscal", "regimen fiscal", "uso cfdi", "uso del cfdi",
    # a stamp duty, no VAT: "Imposta di bollo 2,00"
    "imposta di bollo", "marca da bollo", "bollo", "stamp duty", "imposto do selo", "imposto de selo",
    "droit de timbre", "timbre fiscal",
    # the headings of a payment slip, no party: "ZAHLUNGSANWEISUNG EUR", the Swiss QR bill's "Empfangsschein"
    "zahlungsanweisung", "zahlschein", "erlagschein", "empfangsschein", "zahlteil", "annahmestelle",
    # a student's or a member's number, no invoice's: "Nº alumno: 2019-0466", "Mitgliedsnummer: 4471"
    "nº alumno", "n.º alumno", "número de alumno", "student no", "student number", "student id", "matricola",
    "matrikelnummer", "matrikel-nr", "n° étudiant", "numéro étudiant", "studentnummer", "leerlingnummer",
    "mitgliedsnummer", "mitglieds-nr", "member no", "membership no", "member number", "membership number",
    "n° adhérent", "numéro d'adhérent", "lidnummer", "nº socio", "número de socio", "n. socio",
    "period", "zeitraum", "abrechnungszeitraum", "vom", "bis",
    # the column words of a tax summary or a table head ("Rate  Net  VAT  Gross"), so that the head reads as one
    "net", "gross", "rate", "vat rate", "tax rate", "netto", "brutto", "steuersatz", "satz", "taux", "base", "qty",
    "menge", "quantité", "cantidad", "aantal", "tarief", "tipo", "importe", "neto", "bruto", "ht", "ttc",
    # what is left to pay after a withholding, not the net: "Monto neto pendiente de pago: S/ 19,899.47"
    "monto neto pendiente de pago", "neto pendiente de pago",
    # a building contract's whole sum, of which a progress invoice bills a part: "Auftragssumme netto lt.
    # Bauvertrag: 1.248.600,00 EUR"
    "auftragssumme", "auftragssumme netto", "vertragssumme", "vertragssumme netto", "auftragswert", "contract sum",
    "contract value", "original contract sum", "aanneemsom", "montant du marché", "importo contrattuale",
    "importo dei lavori", "importe de adjudicación", "presupuesto de adjudicación",
    # Italy's e-invoice routing code, no recipient's name: "Codice destinatario: 0000000 – PEC:"
    "codice destinatario", "cod. destinatario", "codice sdi",
    # where the works are, beside where the invoice goes: "FACTURER À      LIEU D'INTERVENTION"
    "lieu d'intervention", "site d'intervention", "adresse d'intervention", "immeuble", "adresse du chantier",
    "lieu des travaux", "site address", "bauvorhaben", "baustelle", "work site", "job site", "project site",
    # the next column's remark under "CONSIGNEE": "Bloemenhandel Van der Zwaan B.V.   Same as billed to"
    "same as billed to", "same as bill to", "same as buyer", "same as above", "consignee",
    # the invoice's own details beside the buyer's heading: "FACTURAT A      DADES DE LA FACTURA"
    "dades de la factura", "datos de la factura",
    "leistungsort",
    # a utility's standing charge, not the tax's "cuota": "Abastecimiento - cuota de servicio (2 meses)"
    "cuota de servicio", "cuota fija", "cuota de abono",
    # the customer's customer, for whom an agency's contractor worked: "End client: Lowmoor Water Services plc"
    "end client", "end customer", "endkunde", "client final", "cliente final", "eindklant",
    # a help line, not the customer: "Customer Service (541) 555-0190 | cvwd.example.org"
    "customer service", "customer care", "kundenservice", "kundendienst", "klantenservice", "service client",
    "service clients", "servicio al cliente", "atención al cliente", "servizio clienti", "kundtjänst",
    # headings and field names of a letter that are never a party's name
    "name", "contact", "sales contact", "contact commercial", "address", "adresse", "anschrift", "incoterms",
    *NAME_LABELS,
    "your order", "bank", "banque", "banca", "banco", "banka",
    "bankverbindung", "bankgegevens", "coordonnées bancaires",
    "dati bancari", "datos bancarios", "payment", "zahlung", "pagamento", "paiement",
    # a customer portal, not the customer: "www.energies-ventoux.example – Espace client"
    "espace client", "customer portal", "online account", "kundenportal", "mijn omgeving", "área de cliente",
    "area clienti",
    # headings of a block, not a party: "DATOS DE LA FACTURA", "Firma y sello de la empresa"
    "datos de la factura", "datos del suministro", "dados da fatura", "firma y sello",
    "signature", "unterschrift", "assinatura", "handtekening",
    # who signed the e-invoice for its seller: "Người bán hàng / Seller" over "Ký bởi: Nguyễn Hoàng Long"
    *SIGNER_LABELS,
    # the name on a bank account ("Verkäufer-Kontoname : Global Supplies Financial Services") is not the party's
    "kontoname", "kontoinhaber", "account name", "account holder", "titulaire du compte",
    "a/n", "atas nama",  # Indonesian: "a/n PT Baliroti Fresh Supplies", in the name of
    # an Indian GST invoice's copies: "TAX INVOICE (ORIGINAL FOR RECIPIENT)" heads no recipient's block
    "original for recipient", "duplicate for transporter", "triplicate for supplier", "original for buyer",
    "duplicate for supplier",
    "bin of purchaser",  # the buyer's id on Bangladesh's Mushak-6.3
    "tourism tax registration no", "tourism tax registration no.",  # Malaysia's tourism tax, no VAT id
    # the supply's date on a Russian or Kazakh invoice, not its issue date: "Дата совершения оборота: 28.02.2025"
    "дата совершения оборота", "дата поставки", "дата отгрузки", "дата оказания услуг",
    # where the goods leave from, no seller: "DELIVER FROM: NORTHAMPTON HUB (NN4)"
    "deliver from", "delivered from", "ship from", "shipped from", "dispatch from", "despatch from",
    # the software that issues an e-invoice, no seller: Colombia's "Proveedor tecnológico: …"
    "proveedor tecnológico", "proveedor tecnologico", "technology provider", "software provider",
    # a page's carry-over, not the account's balance: "Übertrag auf Blatt 2 (Kontostand) 872,74 H"
    "übertrag", "übertrag auf blatt", "übertrag von blatt", "à reporter",
    # a shipment's weights and cartons, not its amounts nor the invoice's number: "Total net weight: 3,512.50 kg",
    # "Shipping marks: … C/No. 1-214"
    "net weight", "gross weight", "total net weight", "total gross weight", "nettogewicht", "bruttogewicht",
    "poids net", "poids brut", "peso neto", "peso bruto", "peso netto", "peso lordo", "peso líquido",
    "net ağırlık", "brüt ağırlık", "waga netto", "waga brutto", "c/no", "carton no", "ctn no", "shipping marks",
    # what is left to pay after a withholding or a retention, no net amount: "Net Amount Payable (EGP) 61,822.30"
    "net amount payable", "net payable", "net amount due", "net amount receivable", "net receivable",
    # the buyer's VAT id, printed by the seller ("Ihre USt.-IdentNr.: DE234567890")
    "ihre ust-id", "ihre ust-idnr", "ihre ust.-idnr", "ihre ust.-id.-nr", "ihre ust.-identnr", "ihre ust-identnr",
    "ihre uid", "ihre uid-nr", "ihre uid-nr.", "ihre uid-nummer", "uid des kunden", "uid-nr. des kunden",
    "your vat", "your vat id", "your vat no", "customer vat", "customer vat no", "client vat", "client vat no",
    "buyer vat", "buyer vat no", "customer trn", "client trn", "votre tva", "votre n° tva", "uw btw", "uw btw nummer",
    # table column headers
    "description", "quantity", "qty", "unit price", "amount", "menge", "einzelpreis", "nettopreis", "betrag",
    "beschreibung", "bezeichnung", "artikelbezeichnung", "artikel", "position", "omschrijving", "aantal",
    "désignation", "quantité", "prix unitaire", "montant", "descripción", "cantidad", "importe", "descrizione",
    "quantità", "importo", "beskrivning", "antal", "belopp",
    # the numbers of an e-invoice's certificate and authorisation, not the invoice's: "No. de serie del CSD:
    # 00001000000512847736", "Folio fiscal: E88B7591-…" (Mexico), "Clave de acceso", "Número de autorización" (Ecuador)
    "no. de serie del csd", "no. de serie del certificado del sat", "no. de certificado", "folio fiscal",
    "clave de acceso", "número de autorización", "clave numérica",
    # an e-invoice's sums of document-level allowances and charges (EN 16931 BT-107, BT-108), no total
    "summe der nachlässe", "summe der zuschläge", "summe nachlässe", "summe zuschläge", "sum of allowances",
    "sum of charges", "somme des remises", "somme des frais",
    # the same kinds of labels in more languages (schemas/lexicon.py)
    *more_labels("other"), *more_labels("customer_number"), *more_labels("order_number"),
    *more_labels("order_date"), *more_labels("delivery_date"),
]

@functools.lru_cache(maxsize=1)
def _amount_labels_of_invoices() -> list[str]:
    """The net amounts' labels: where a schema has no such field, they claim their values, so that "Totale
    imponibile 2.267,70" is not a purchase order's total. (Not the tax's: "incl. btw" after a total's label
    still says the total is gross.)"""
    return [lab for name in ("subtotal", "tax_basis_total") for lab in _invoice_labels(name)]


@dataclass
class LabelHit:
    fields: frozenset[str]  # a label can name several fields ("VAT" before a rate, or before an id)
    start: int
    end: int

    @property
    def field(self) -> str:
        return next(iter(self.fields)) if len(self.fields) == 1 else ""

    def key(self, line: str) -> str:
        """The label as `line` prints it, in the form the label lists are compared in (`_label_key`)."""
        return _label_key(line[self.start:self.end])


_GLUED_HEADING = re.compile(r"(?<=[a-zà-ÿ]{2})[a-zà-ÿ](?=[A-ZÀ-Þ]{4,}(?:\s[A-ZÀ-Þ]{2,})*\s*:?$)")
_GLUED_LABEL = re.compile(r"(?<=[A-ZÀ-Þ]{2})[A-ZÀ-Þ](?=[A-ZÀ-Þ][a-zà-ÿ]{2})")  # the last capital before "Fecha"


def find_labels(index: C.TextIndex, plans: list[FieldPlan]) -> list[list[LabelHit]]:
    """Label occurrences per line, leftmost-longest across all fields so that 'Subtotal' is not 'total'."""
    owners: dict[str, set[str]] = {}
    for p in plans:
        for lab in p.labels:
            if lab:
                owners.setdefault(lab, set()).add(p.name)
    for lab in DISTRACTOR_LABELS + _amount_labels_of_invoices():
        owners.setdefault(lab, {OTHER})
    patterns = _label_patterns(tuple(sorted(((lab, frozenset(f)) for lab, f in owners.items()),
                                            key=lambda x: -len(x[0]))))
    per_line: list[list[LabelHit]] = []
    for line, low in zip(index.lines, index.lower):
        # "S.I.I. - SANTIAGO ORIENTEFecha Emisión: …": pypdf glued a label to the capitals of the cell before it (or
        # a heading in capitals to a name's last letter: "Sales Rep Ifeoma NwosuBILLED TO")
        for glued in (_GLUED_LABEL, _GLUED_HEADING) if len(low) == len(line) else ():
            for m in glued.finditer(line):
                low = low[: m.start()] + " " + low[m.start() + 1:]
        taken = [False] * len(low)
        hits: list[LabelHit] = []
        # casefolding can lengthen a line ("einschließlich" folds to "einschliesslich"); hits are the line's places
        at = _folded_offsets(line) if len(low) != len(line) else range(len(low) + 1)
        for pattern, fields in patterns:
            for m in pattern.finditer(low):
                if m.end() - m.start() == 2 and not line[: at[m.start()]].strip() and _SENTENCE_TO.match(line):
                    continue  # "Ocean freight, wheat in bulk, Rostock" / "to Alexandria, as per …": a phrase's "to"
                if not any(taken[m.start():m.end()]):
                    hits.append(LabelHit(fields, at[m.start()], at[m.end()]))
                    for k in range(m.start(), m.end()):
                        taken[k] = True
        per_line.append(sorted(hits, key=lambda h: h.start))
    return per_line


# the address window's "to" written small, opening a line without its colon: a wrapped sentence's word
_SENTENCE_TO = re.compile(r"\s*to(?!\s*:)\s+\S")


def _folded_offsets(line: str) -> list[int]:
    """For each place in `fold(line)`, the place in `line` it comes from."""
    offsets = [k for k, ch in enumerate(line) for _ in C.fold(ch)]
    return [*offsets, len(line)]


@functools.lru_cache(maxsize=32)
def _label_patterns(owners: tuple[tuple[str, frozenset[str]], ...]) -> list[tuple[re.Pattern[str], frozenset[str]]]:
    """The labels compiled once per label set (one per schema), longest first, not once per document."""
    return [(re.compile(r"(?<![a-zà-ÿ])" + _label_pattern(lab) + r"(?![a-zà-ÿ])"), fields) for lab, fields in owners]


def _label_pattern(label: str) -> str:
    """The label as a regex that survives pypdf's spacing: no-break spaces between words ("Rechnungssumme\xa0ohne
    \xa0USt."), and in a long word one stray space ("Liefer schein-Datum", "Ver käufer"). A currency may stand
    between its words: "Montant EUR HT" is "montant ht"."""
    words = []
    for word in C.fold(label).split(" "):
        if len(word) >= 8:
            # at most one split: the word itself, or the word with a space after one of its letters
            splits = [re.escape(word[:k]) + " " + re.escape(word[k:]) for k in range(2, len(word) - 1)
                      if word[k - 1].isalpha() and word[k].isalpha()]
            words.append("(?:" + "|".join([re.escape(word)] + splits) + ")")
        else:
            words.append(re.escape(word))
    return _BETWEEN_WORDS.join(words)


# (not across a column's gap: "DPH                Spolu s DPH" are two heads, no "DPH spolu")
_BETWEEN_WORDS = r"\s{1,4}(?:" + C.CURRENCY_MARK + r"\s{1,4})?"


def _label_key(label: str) -> str:
    """A label as printed, without its spaces or a currency between its words: "Br uttosumme", "Montant EUR TTC"
    are the labels "bruttosumme", "montant ttc"."""
    return re.sub(r"\s+|(?<=\s)" + C.CURRENCY_MARK + r"(?=\s)", "", C.fold(label))


# a bracket opened after a heading, a word or two before the name's label: "SOLD TO (Registered Name):"
_BRACKET_OPENS_QUALIFIER = re.compile(r"\s*\(\s*(?:[^\W\d_]+\s+){0,2}")


def label_score(cand: C.Candidate, fname: str, labels: list[list[LabelHit]], index: C.TextIndex,
                section: bool = False, fallback: frozenset[str] = frozenset()) -> float:
    """How strongly the text labels this candidate as field `fname`.

    `section` (for names) also accepts a heading a few lines above, as in a "Seller" block. A label of
    `fallback` (the field's broader concept) labels it less strongly than its own labels.
    """
    lines = index.lines

    def own(hit: LabelHit, line: int) -> float:
        # below an own label by more than `_prefer_larger_among_ties` reaches: "Nachzahlung 93,06" over the
        # larger "Rechnungsbetrag brutto 2.013,06" for an amount due
        return 0.8 if fallback and hit.key(lines[line]) in fallback else 0.0

    line_hits = labels[cand.line] if cand.line < len(labels) else []
    # (not a label inside brackets closed before the value: "IVA 16% (base 1,924.40) 307.90" is the tax)
    before = [h for h in line_hits if h.end <= cand.start + 1 and not _closed_aside(lines[cand.line], h, cand.start)]
    if section and before and OTHER in before[-1].fields:
        if (not _is_name_label(lines[cand.line][before[-1].start:before[-1].end])
                and re.fullmatch(r"[\s:\-–]*(?:(?:[A-Z]{1,3}\d{0,4}|\d{1,4})\s*[-–]\s*)?",
                                 lines[cand.line][before[-1].end:cand.start])):
            # "Bank: Banque Fiducial", "Régimen fiscal: 601 - General de Ley …", "Uso CFDI: G03 - …", "VAT category
            # code: AE – Reverse charge": the label right before a name (and its code) says whose it is
            return -1.0
    named = section and bool(before) and _is_name_label(lines[cand.line][before[-1].start:before[-1].end])
    if named:
        # "TIN: 1002938475 Legal Name: Elgon Specialty Coffee Exporters (U) Ltd" under "Section C: Buyer's Details":
        # a label with its own value before the name's labels the value, not the name ("Tên đơn vị (Company):"
        # still does)
        # ("SOLD TO (Registered Name): Bayfront Hotel Manila, Inc.": the name's label in brackets qualifies the
        # heading before it)
        name = before[-1]
        before = [h for h in before[:-1] if not re.search(r"[^\W_]", lines[cand.line][h.end:name.start])
                  or _BRACKET_OPENS_QUALIFIER.fullmatch(lines[cand.line][h.end:name.start])] + [name]
    if section:
        before = [h for h in before if OTHER not in h.fields]
    end = cand.start + len(cand.text)
    # (or with its rate between, as pypdf reads a right-to-left line: "18,866.25 %15 ضريبة القيمة المضافة")
    glued_after = [h for h in line_hits if end <= h.start and (h.start <= end + 2 or re.fullmatch(
        r"\s%\d{1,2}(?:[.,]\d+)?\s", lines[cand.line][end:h.start]))]
    if not before and glued_after and fname in glued_after[0].fields:
        return 2.0  # "19 april 2014Factuurdatum:": pypdf put the label after its value
    if (section and not before and cand.line + 1 < len(lines)
            and (department := _DEPARTMENT.match(lines[cand.line + 1]))
            and any(fname in h.fields and h.start >= department.end() and not lines[cand.line + 1][h.end:].strip()
                    for h in labels[cand.line + 1])):
        # "Hotel Sakura Gardens Co., Ltd." / "Purchasing Department  Messrs.": the honorific after its department
        # addresses the company
        return 2.0
    if before:
        nearest = before[-1]
        if (len(before) >= 2 and fname in before[-2].fields and fname in nearest.fields
                and lines[cand.line][before[-2].end:nearest.start].strip() == "("
                and lines[cand.line][nearest.end:cand.start].strip().startswith(")")):
            nearest = before[-2]  # "Tuotteet yhteensä (veroton) 2 423,28": the bracket qualifies the label before
        # the closest label to the left owns the value; a farther label of ours is weak evidence
        ours = fname in nearest.fields
        # "Beitrag inklusive 19 % Versicherungsteuer 220,00": a gross amount, not the tax (cheap checks first)
        if (((ours and amount_role(fname) == "tax") or (not ours and is_gross_total(fname)))
                and any(amount_role(f) == "tax" for f in nearest.fields)
                and (_INCLUDES.search(lines[cand.line][: nearest.start])
                     or _INCLUDED_AFTER.match(lines[cand.line][nearest.end:cand.start]))):
            return 0.5 if ours else 2.0
        if (ours and amount_role(fname) == "tax" and len(before) >= 2
                and any(amount_role(f) == "basis" for f in before[-2].fields)
                and re.fullmatch(r"[\s(]*", lines[cand.line][before[-2].end:nearest.start])):
            return 0.5  # "Total gravado ITBMS 7% 3,307.50": the tax's name qualifies a basis's label, no tax
        if (any(amount_role(f) == "tax" for f in nearest.fields) and amount_role(fname) in ("tax", "basis")
                and (_EXCLUDES.search(lines[cand.line][: nearest.start])
                     or _EXCLUDES_WITH.search(lines[cand.line][: nearest.start])
                     or _TAXED_WITH.search(lines[cand.line][: nearest.start]))):
            # "Beitrag ohne Versicherungsteuer 422,50", "Total (ex GST) 2,171.48": the amount before the tax;
            # "Subtotal (ex GST) 1,111.80" names it too, by a label of this field alone
            if amount_role(fname) == "tax":
                return 0.5
            return 3.0 if len(before) >= 2 and before[-2].fields == {fname} else 2.5
        if (amount_role(fname) == "tax" and any(amount_role(f) == "tax" for f in nearest.fields)
                and (_EXEMPT.search(lines[cand.line][: nearest.start])
                     # "GST-free 77.00" (not "GST 0 % (… GST-free) 0,00", the zero tax of its rate)
                     or (re.match(r"-?\s?free\b", lines[cand.line][nearest.end:])
                         and not lines[cand.line][: nearest.start].strip()))):
            return 0.5  # "SUBTOTAL NO OBJETO DE IVA 0.00", "Exempt from VAT": an amount no tax is charged on
        if ours and amount_role(fname) == "basis" and (_EXEMPT.search(lines[cand.line][: nearest.start])
                                                        or _NOT.search(lines[cand.line][: nearest.start])):
            return 0.5  # "Disbursements not subject to VAT 2,746.60": no basis of the tax
        if ours and _second_figure_to_date(lines, cand, nearest):
            return 1.0  # "Gross Pay $2,770.94 31,973.44" under "this period  year to date": the year's, not ours
        if fname in nearest.fields and nearest.end - nearest.start <= 3 and re.search(
                r"[^\W\d_][.-]$", lines[cand.line][: nearest.start]):
            return -1.0  # "Org.nr 556789-1234", "Kd.-Nr. 4711": the number of the word glued before it
        if (section and fname in nearest.fields
                and re.search(r"[^\W\d_]{2,}", lines[cand.line][nearest.end:cand.start])):
            return 0.5  # "SUBJECT TO BENGALURU JURISDICTION · This is …": other words stand between label and name
        between = lines[cand.line][nearest.end:cand.start]
        if (not section and fname in nearest.fields and nearest.end - nearest.start <= 3
                and re.search(r"\S\s{3,}$", between) and re.search(r"[^\W\d_]|[/-]", cand.text)
                and (column := _column_header_at(cand, labels, index, least=2)) is not None
                and fname in column[1].fields and not _numbers_a_word(lines[column[0]], column[1])):
            # in the layout, a value in a cell of its own after the letterhead's "SF No. 214/3, SIDCO …" has its
            # column's header: "KAP/25-26/0007" under "Invoice No."
            return 2.6
        if fname in nearest.fields and re.search(r"\s[·|•●]\s", between):
            return 0.5  # "Solicitors · Private Client · Property": a separator ends the label's cell
        if (not section and fname in nearest.fields and not isinstance(cand.value, (int, float))
                and (len(re.findall(r"[^\W\d_]{2,}", between)) >= 4
                     # "a valid invoice, Public Contracts Regulations 2015": the label's phrase ended at the comma
                     # (after an aside: "… u Sistemu elektronskih faktura (SEF), ID 84172305")
                     or re.match(r"\s*(?:\([^()]*\))?\s*[,;]\s+[^\W\d_]{2,}", between))):
            # "Factura este valabilă fără semnătură și ștampilă conform art. 319": a sentence after the label
            return 1.0
        if (is_gross_total(fname) and fname in nearest.fields and len(before) >= 2
                and any(amount_role(f) == "tax" for f in before[-2].fields)
                and not lines[cand.line][: before[-2].start].strip()
                and not lines[cand.line][before[-2].end:nearest.start].strip()):
            return 1.0  # "DPH celkem 618,67 Kč": the total of the tax, not the invoice's
        if fname in nearest.fields:
            # "Invoice No" says more than a bare "No." ("NO. 42/1" in an address), unless the line is the title's
            title = _TITLE_LINE.match(lines[cand.line])
            # the title's "Nr." ("Rechnung Nr. 42"), not one a sentence after the title reaches ("Factura este
            # valabilă … din Legea nr. 227/2015")
            bare = nearest.end - nearest.start <= 3 and not (
                title and len(re.findall(r"[^\W\d_]{2,}", lines[cand.line][title.end():nearest.start])) < 3)
            if (bare and not isinstance(cand.value, (int, float))
                    and re.search(r"[^\W\d_]{2,}\s$", lines[cand.line][: nearest.start])
                    and not any(fname in h.fields and _SERIES_CODE.fullmatch(
                        lines[cand.line][h.end:nearest.start].strip(" .:#")) for h in before[:-1])):
                return 1.0  # "Banco de la Nación N° 00-068-123456": a bare "N°" after another word numbers that word
            if bare and _STREET_NUMBER_BEFORE.search(lines[cand.line][: nearest.start]):
                return 0.5  # "Calle 36 No. 52-41": a Colombian address's number, on its street
            if (bare and len(before) >= 2 and before[-2].fields == {OTHER}
                    and re.fullmatch(r"\s*[\w/-]{0,12},?\s*", lines[cand.line][before[-2].end:nearest.start])):
                return 1.0  # "Patente 2024-2025 n° 118-04471": the number of the licence, of its year
            generic = 0.3 if bare else 0.0
            return ((3.0 if len(nearest.fields) == 1 else 2.5) - generic - own(nearest, cand.line)
                    - _delivery(lines[cand.line], nearest))
        if (len(before) >= 2 and fname in before[-2].fields and amount_role(fname)
                and not lines[cand.line][: before[-2].start].strip()
                and not lines[cand.line][before[-2].end:nearest.start].strip()
                and any(is_gross_total(f) for f in nearest.fields)):
            return 2.5  # "DPH celkem 7 224,75", "BEZ guztira 1,23": the total of our tax, not the invoice's total
        if any(fname in h.fields for h in before):
            return 1.0
        # (a row of the table, with figures in more than one column: "TOTAL FACTURA 17.847,50 €" under "Base
        # imponible  % IVA  Cuota IVA" is the invoice's total, not the tax column's)
        row_label = nearest.start == 0 or nearest.end <= _heading_cells(lines[cand.line])[0][1]
        if not section and (row_label and (len(_CENTS.findall(lines[cand.line])) > 1
                                           or _SIBLING_ROW.search(lines[cand.line][nearest.end:])) or (
                not isinstance(cand.value, (int, float))
                and re.search(r"\S\s{2,}\S", lines[cand.line][nearest.start:cand.start]))):
            # "Total  60,63  8,77  69,40" under "Code  Taux  HT  TVA  TTC": the row's label names the row, the
            # column's head names the value; so in a row of header cells, "TD01 fattura    125/PA    18-02-2025"
            # under "Tipologia documento    Numero documento    Data documento" (not a table's amounts)
            column = _column_header(cand, labels, index)
            if column is not None and fname in column.fields:
                # (not the gross's "Vrednost z DDV" over "12.538,89", though its head names the tax)
                head = _column_header_at(cand, labels, index)
                if amount_role(fname) == "tax" and head and _includes_tax(lines[head[0]], head[1]):
                    return 0.0
                return 2.6
        return -1.0
    if not section:
        column = _column_header_at(cand, labels, index)
        if column is not None:
            if amount_role(fname) == "tax" and _includes_tax(lines[column[0]], column[1]):
                return 0.0  # a column "Amount billed (incl. tax)": the gross amount's
            if fname in column[1].fields:
                if _numbers_a_word(lines[column[0]], column[1]):
                    return 1.0  # "Bill of Lading/LR-RR No." over "KPN-77120": the bill's number, no invoice's
                return 2.8 if len(column[1].fields) == 1 else 2.4
            return -1.0
    # not for amounts: a column of figures under their headings reads the same ("Auszahlung" / "11.906,82" of
    # the year's column)
    if (not section and not isinstance(cand.value, (int, float)) and _stacked_label(cand, labels, lines)
            and fname in labels[cand.line - 1][0].fields):
        return 2.8 if len(labels[cand.line - 1][0].fields) == 1 else 2.4
    # a form's block whose party a label says where no heading stands right over the name
    if section and (party := _side_by_side_block(cand, labels, lines)
                    or (_party_in_next_label(cand.line + 1, labels, lines) if named else None)
                    or _party_up_the_stack(cand.line, labels, lines)):
        return 1.2 if fname in party.fields else 0.0
    reach = ((1, 1.5), (2, 0.75)) if not section else ((1, 1.5), (2, 1.2), (3, 1.0), (4, 0.8), (5, 0.6))
    past_a_field = False  # a line of another field of the block (its id) lies between the value and the heading
    for distance, weight in reach:
        j = cand.line - distance
        if j < 0:
            break
        if section and _other_heading(labels[j], lines[j]):
            return 0.0  # "Contact commercial": the name below belongs to that heading, not to one further up
        above = [h for h in labels[j] if OTHER not in h.fields or not section]
        if not section and above and _TERM_IN_DAYS.match(lines[j], above[-1].end):
            return 0.0  # "Zahlbar innerhalb von 14 Tagen …": the label's term is in days, no date on the next line
        if (not section and isinstance(cand.value, str) and above and _SENTENCE_BEFORE.search(lines[j][: above[-1].start])
                and not lines[j][above[-1].end:].strip(" :.#")):
            # "Consignar en la cuenta de ahorros Banco Cafetero del Centro No." / "061-483920-17": a sentence's
            # number, not the label's (a date goes on a sentence: "… überweisen Sie bitte bis zum" / "21.11.2018")
            return 0.0
        if (section and above and fname not in above[-1].fields
                and re.match(r"\s*:\s*[^\W_]|\s+\d", lines[j][above[-1].end:])):
            # "Identificativo fiscale ai fini IVA: IT05872140495", "Reg. No. 106-81-23450": another field of the
            # block, no heading
            past_a_field = True
            continue
        if section and (parties := _party_headings(above, lines[j])):
            # "Dodavatel Odběratel": two parties' headings side by side, their blocks read one after the other;
            # the name right under them is the first heading's, the name after the first block's id the second's
            # ("Sprzedawca Nabywca" / "Stomatech Dental Sp. z o.o." / … / "NIP: …" / "Centrum Stomatologii …")
            if distance == 1:
                return weight if fname in parties[0].fields else 0.0
            return weight if past_a_field and fname in parties[-1].fields else 0.0
        if section and above:
            # (a table row's last cell is no heading either: "G 0088 1734 5560 gas 8.455 9.541 1.086 m³ klant")
            # (nor the last word of a sentence: "Gasolie (MGO) 0,1 % S, levering via bunkerboot aan")
            above = [h for h in above if (_ENDS_CELL.match(lines[j], h.end) or _heading_beside(labels[j], lines[j], h))
                     and len(re.findall(r"\d[\d.,]*", lines[j][: h.start])) < 2
                     and not _SENTENCE_BEFORE.search(lines[j][: h.start])
                     # (nor the last word of a long line: "Lieferung frei Werk …, Anlieferung per LKW am 10.03.25 -
                     # Gewichte lt. Eingangsverwiegung Käufer")
                     and len(lines[j][: h.start].split()) < 10
                     # (a bare "to" heads a block alone or after a verb, not after a phrase: "Transport & haulage –
                     # Galway to")
                     and not (h.key(lines[j]) == "to" and len(lines[j][: h.start].split()) >= 2)]
            if not above:
                return 0.0  # a label inside a sentence heads nothing, but its line still ends the reach
        if above:
            if (not section and C.is_item_table_head(lines[j])
                    and not any(re.search(SUBTOTAL_FIELD, f) for h in above for f in h.fields)):
                # "Concepto Base de cálculo Uds. Tarifa Importe" heads the rows' columns: each row's basis of
                # calculation (a ship's tonnage), not the invoice's tax basis
                return 0.0
            if amount_role(fname) == "tax" and _includes_tax(lines[j], above[-1]):
                return 0.0  # "Amount billed (incl. tax)" / "429,227": the gross amount, not the tax
            if (not section and isinstance(cand.value, (int, float)) and fname in above[-1].fields
                    and _CENTS.search(lines[j][above[-1].end:])):
                return 0.0  # "GST 5% on 359.00 17.95" over "Zero-rated … 260.00 0.00": the label has its amount
            if fname in above[-1].fields or (len(above) > 1 and any(fname in h.fields for h in above)):
                return weight - _delivery(lines[j], above[-1])
            return 0.0
    return 0.0


def _party_headings(hits: list[LabelHit], line: str) -> list[LabelHit]:
    """Two parties' headings side by side and nothing else on the line: "Dodavatel Odběratel" (a title beside one
    party's heading is no second heading: "FACTURE  Adressée à"; a party's id is no heading: "RUT RECEPTOR" is the
    recipient's tax number, whose name follows)."""
    parties = [h for h in hits if any(party_role(f) and not _ID_FIELD.search(f) for f in h.fields)]
    if (len(parties) > 1 and len({party_role(f) for h in parties for f in h.fields}) > 1
            and not _without_hits(line, hits).strip(" :|")):
        return parties
    return []


def _side_by_side_block(cand: C.Candidate, labels: list[list[LabelHit]], lines: list[str]) -> LabelHit | None:
    """The heading of the block a name stands in, under two headings side by side whose blocks print each field's
    label alone on its line and its value under it ("TRANSMITENTE ADQUIRENTE" / "NIF" / "214387658" / "Nome" /
    "Rui …" / "NIF" / "514273909" / "Nome" / "Hidrolusa …"): pypdf reads the left block's fields, then the right's,
    so the label printed a second time opens the second block. None for other layouts."""
    seen: set[str] = set()
    second = False
    j = cand.line - 1  # the name's own label, then pairs of a label and its value up to the headings
    while j >= 0 and _label_alone(labels[j], lines[j]):
        key = labels[j][0].key(lines[j])
        second |= key in seen
        seen.add(key)
        if j >= 1 and (headings := _party_headings(labels[j - 1], lines[j - 1])):
            return headings[-1] if second else headings[0]
        if j < 2 or _label_alone(labels[j - 1], lines[j - 1]) or cand.line - j > 12:
            return None
        j -= 2
    return None


def _party_in_next_label(j: int, labels: list[list[LabelHit]], lines: list[str]) -> LabelHit | None:
    """The party whose field the label opening line j names: "Nombre / Razón social: Lanas del Cantábrico S.L." /
    "Dirección del comprador: …" is the buyer's block, with no heading over it."""
    if j >= len(lines):
        return None
    line = lines[j]
    return next((h for h in labels[j] if _names_a_party(h) and ":" not in line[: h.start]
                 and re.match(r"\s*:", line[h.end:])), None)


def _names_a_party(hit: LabelHit) -> bool:
    """The label names a party ("comprador", "RECEPTOR"), not an id that either party's block may print ("RFC",
    "RUT")."""
    return any(party_role(f) and not _ID_FIELD.search(f) for f in hit.fields)


def _party_up_the_stack(i: int, labels: list[list[LabelHit]], lines: list[str]) -> LabelHit | None:
    """The party of a form's stack of labels, each alone over its value, whose name's label says no party: "RUT
    RECEPTOR" / "216033180015" / "FECHA DE EMISIÓN" / "05/03/2024" / "NOMBRE O DENOMINACIÓN" / "Asociación Civil …"
    is the recipient's. None for other layouts."""
    if i < 1 or not _label_alone(labels[i - 1], lines[i - 1]) or not _is_name_label(
            lines[i - 1][labels[i - 1][0].start:labels[i - 1][0].end]):
        return None
    for j in range(i - 3, max(-1, i - 14), -2):
        hits = labels[j]
        if not hits or _without_hits(lines[j], hits).strip(" :/") or labels[j + 1]:
            return None  # the stack ends: a line that is no label alone, or a label's value that is one
        if party := [h for h in hits if _names_a_party(h)]:
            return party[-1]  # "RUT RECEPTOR": the recipient's id, its last word the party
    return None


def _label_alone(hits: list[LabelHit], line: str) -> bool:
    """The line is one label and nothing else ("NIF", "Nome:")."""
    return len(hits) == 1 and not _without_hits(line, hits).strip(" :")


# a shipment's details, whose sender and consignee are no parties of the invoice
_SHIPMENT = re.compile(r"(?i)(?:sendung|shipment|consignment|envoi|expédition|zending|spedizione|envío)\b")
# the mail service a letter goes by, printed over its address window
_POSTAL_MARK = re.compile(r"(?i)(?:lettre )?recommandée?|einschreiben|eingeschrieben|raccomandata(?: a/r)?|aangetekend"
                          r"|registered (?:mail|post)|certified mail|par avion|prioritaire|(?:a|b)-post(?: plus)?")
# which copy of the paper this is
_COPY_MARK = re.compile(r"(?i)orygina[łl]|kopia|duplikat|original|originale|copy|duplicate|copia|duplicado"
                        r"|originál|kópia|оригинал|копие|копия")
# a department of a company, not its name: "Purchasing Department", "Abteilung Einkauf"
_DEPARTMENT = re.compile(r"(?i)(?:[^\W\d_]+ ){1,3}(?:department|dept\.?|division)|dienst [^\W\d_]+"
                         r"|(?:abteilung|département|departamento|dipartimento|ufficio)(?: [^\W\d_]+){1,3}"
                         r"|(?:kreditoren)?buchhaltung|accounts payable|comptabilité fournisseurs"
                         r"|crediteurenadministratie")


def _for_someone_in(line: str) -> bool:
    """The line under a party's name says whom in it the mail is for: someone's attention ("t.a.v. …", "Attn: …")
    or a department ("Kreditorenbuchhaltung")."""
    return bool(C.ATTENTION.match(line) or _DEPARTMENT.fullmatch(line))


def _includes_tax(line: str, hit: LabelHit) -> bool:
    """The tax's label says the amount includes the tax: "Amount billed (incl. tax)", "TOTAL (IVA incl.)"."""
    return any(amount_role(f) == "tax" for f in hit.fields) and bool(
        _INCLUDES.search(line[: hit.start]) or _INCLUDED_AFTER.match(line[hit.end:]))


def _closed_aside(line: str, hit: LabelHit, end: int) -> bool:
    """The label sits in brackets that close before `end`, with an amount of its own: "(base 1,924.40)"."""
    opened = line.rfind("(", 0, hit.start)
    closed = line.find(")", hit.end, end)
    return (opened >= 0 and ")" not in line[opened:hit.start] and closed >= 0
            and _CENTS.search(line, hit.end, closed) is not None)


# a payment term counted in days after its label: "Zahlbar innerhalb von 14 Tagen nach Rechnungserhalt"
_TERM_IN_DAYS = re.compile(r"(?i)[^\d\n]{0,25}\d{1,3}\s*(?:tagen|tage|days|dagen|dage|dagar|giorni|jours|días|dias)\b")


# where the goods go, which names the buyer less surely than where the invoice goes: "Adresse de livraison" /
# "Hôtel du Vieux Moulin (chantier)" under "Adresse de facturation" / "Hôtel du Vieux Moulin S.à r.l."
DELIVERY_LABELS = ["ship to", "delivery address", "adresse de livraison", "lieferadresse", "lieferanschrift",
                   "shipping address", "afleveradres", "leveringsadres", "dirección de entrega",
                   "indirizzo di consegna", "expédier à", "livrer à", "livré à", "leveringsadresse",
                   "leveransadress", "dirección de envío"]
_DELIVERY_KEYS = frozenset(_label_key(lab) for lab in DELIVERY_LABELS)


# the words of organisations that need no legal form: cooperatives, associations, foundations, schools, towns
_ORGANISATION = re.compile(r"(?i)\b(?:\w*genossenschaft|verein|stiftung|fondation|foundation|fondazione|association"
                           r"|stichting|vereniging|gemeinde|université|university|hochschule|école|comune"
                           r"|municipality|council)\b")


_ADDRESS_LABEL = re.compile(r"adres|address|anschrift|direcci[oó]n|indirizzo|endereço")


def _after_address_label(cand: C.Candidate, hits: list[LabelHit], line: str) -> bool:
    """The candidate follows an address's label on its line: "Leveringsadres: Kromme Leijstraat 17"."""
    before = [h for h in hits if h.end <= cand.start]
    return bool(before) and not line[before[-1].end:cand.start].strip(" :") and bool(
        _ADDRESS_LABEL.search(before[-1].key(line)))


def _delivery(line: str, hit: LabelHit) -> float:
    return 0.5 if hit.key(line) in _DELIVERY_KEYS else 0.0


# "Vendedor" names the seller in a form's box, and on Spanish invoices also the sales representative
_SALES_REP_KEYS = frozenset(_label_key(lab) for lab in ("vendedor", "vendedora", "venditore", "vendeur", "vendeuse",
                                                          "muuzaji", "πωλητής"))  # (Swahili, Greek)


def _sales_rep(cand: C.Candidate, labels: list[list[LabelHit]], lines: list[str]) -> bool:
    """A person under or after "Vendedor" ("Vendedor Ing. Paola Chiriboga", "Vendedor" / "Luz Marina Ospina"):
    the sales representative, not the selling company, which has a legal form. The label heads no block either:
    "Plazo" two lines under it is no seller."""
    if C.COMPANY.search(cand.text):
        return False
    before = [h for h in labels[cand.line] if h.end <= cand.start]
    if before:
        return before[-1].key(lines[cand.line]) in _SALES_REP_KEYS
    for j in range(cand.line - 1, max(-1, cand.line - 3), -1):
        if labels[j]:
            hit = labels[j][-1]
            return hit.key(lines[j]) in _SALES_REP_KEYS and not lines[j][hit.end:].strip(" :")
    return False


def _without_hits(line: str, hits: list[LabelHit]) -> str:
    """The line with its labels blanked out."""
    for hit in hits:
        line = line[: hit.start] + " " * (hit.end - hit.start) + line[hit.end:]
    return line


_ACCOUNT_BEFORE = re.compile(r"(?i)\b(?:cuenta|account|acct\.?|konto|compte|conto|rekening|customer)\s*"
                             r"(?:n[°º.o]\.?|no\.?|nr\.?|#)?\s*:?\s*$")
_ID_FIELD = re.compile(r"vat|tax_id|_id$|iban")  # a party's id or account, not its name
# a sentence that goes on onto the next line after a preposition or an article
_SENTENCE_GOES_ON = re.compile(r"(?i)[^\W\d_]{3,}\s+(?:a la|de la|del|al|de|of the|to the|for the|of|zur|zum|der|des"
                               r"|du|de l'|della|dello|do|da)\s*$")
_SERIES_BEFORE = re.compile(r"(?i)\s*(?:serie|series|série)\s*(?:/|y|e|et|and)\s*")


def _stacked_label(cand: C.Candidate, labels: list[list[LabelHit]], lines: list[str]) -> bool:
    """A label alone on its line and the value alone on the next: "Invoice No." / "SPS/24-25/1187", a form's
    boxes read one under the other."""
    if cand.line == 0 or len(labels[cand.line - 1]) != 1:
        return False
    above, hit, line = lines[cand.line - 1], labels[cand.line - 1][0], lines[cand.line]
    # (series letters may open the value's line: "Invoice No." / "GGM 5520")
    # (a series may head its box too: "SERIE / NÚMERO" / "A 0012874")
    return ((not above[: hit.start].strip() or _SERIES_BEFORE.fullmatch(above[: hit.start]) is not None)
            and not above[hit.end:].strip(" :.#")
            and (not line[: cand.start].strip() or _LETTER_PREFIX.fullmatch(line[: cand.start]) is not None)
            and not line[cand.start + len(cand.text):].strip())


# a column of running totals beside the period's figures: "Earnings  rate  hours  this period  year to date"
_TO_DATE = re.compile(r"(?i)\b(?:year[- ]to[- ]date|ytd|cumul\w*|kumuliert\w*|jahreswert\w*|jahressumme\w*"
                      r"|(?:total|paid|earned) to date|seit jahresbeginn|acumulad\w*|progressiv\w*|hittills i år"
                      r"|cumulatief|tot op heden)\b")


def _second_figure_to_date(lines: list[str], cand: C.Candidate, label: LabelHit) -> bool:
    """The value is not the first figure after its label, and a heading of the lines above names a to-date
    column: the first figure is the period's, the later ones run for the year."""
    if not any(ch.isdigit() for ch in lines[cand.line][label.end:cand.start]):
        return False
    return any(_TO_DATE.search(lines[j]) for j in range(cand.line - 1, max(-1, cand.line - 30), -1))


# a heading ends its cell ("Seller", "Bill To:", "Buyer (Bill to)", "Verkäufer    Käufer"), perhaps after a second
# role and a slash ("Gost / platitelj": the guest, who pays); a word in a sentence does not ("Notes: Removed
# debris from case")
_CENTS = re.compile(r"\d[.,]\d\d(?!\d)")
# (a heading's qualifier in brackets ends it too: "Bill To (Party):"; so does the party's account number after
# its colon: "SOLD TO: 100284" over the name)
_ENDS_CELL = re.compile(r"(?:\s*/\s*[^\W\d_]+)?(?:\s*\([^()\d]{1,20}\))?[\s):]*(?:(?<=:\s)\d[\d-]{2,10}\d\s*$)?"
                        r"(?:$|\s\s)")
_SENTENCE_BEFORE = re.compile(r"(?:[^\W\d_]+,?\s{1,2}(?!\s)){4}$")  # four words, a space or two apart, right before


def _heading_beside(hits: list[LabelHit], line: str, hit: LabelHit) -> bool:
    """Another heading follows the label and ends the line, the two columns' headings that pypdf joined:
    "FACTURER À LIEU D'INTERVENTION", "FACTURÉ À LIVRÉ À / PROJET"."""
    nxt = next((h for h in hits if h.start > hit.start), None)
    return (nxt is not None and not line[hit.end:nxt.start].strip(" :") and (
        _ENDS_CELL.match(line, nxt.end) is not None
        or (OTHER not in nxt.fields
            and re.fullmatch(r"[\s/:&]*(?:[^\W\d_]+[\s/:&]*){0,2}", line[nxt.end:]) is not None)))


def _other_heading(hits: list[LabelHit], line: str) -> bool:
    """A line that is only a heading of something else: labels that are no field's cover it, no digits.

    "Name:" is not one: a colon introduces the value of the section it sits in, as "Razão social" alone does.
    """
    covered = sum(h.end - h.start for h in hits if OTHER in h.fields and not _is_name_label(line[h.start:h.end]))
    text = line.strip()
    # (a party's heading beside it heads its own column: "FACTURER À LIEU D'INTERVENTION")
    return (bool(hits) and not text.endswith(":") and not any(ch.isdigit() for ch in text)
            and covered >= 0.6 * len(text) and not any(party_role(f) for h in hits for f in h.fields))


def _is_header_row(labels: list[list[LabelHit]], lines: list[str], j: int, least: int = 3) -> bool:
    """A row of column headers: three labels or more (`least`) and no digits ("Art-Nr-Lieferant  Menge  VKE/Geb"),
    but a column's rate ("Rabatt 3 %") or a law's article ("Tipologia documento  Art. 73  Numero documento")."""
    return len(labels[j]) >= least and not any(ch.isdigit() for ch in _HEADING_FIGURE.sub("", lines[j]))


_PERCENT = re.compile(r"\d+(?:[.,]\d+)?\s?%")
_HEADING_FIGURE = re.compile(_PERCENT.pattern + r"|(?i:\bart\.\s?\d+\b)")


@functools.lru_cache(maxsize=256)
def _heading_cells(line: str) -> tuple[tuple[int, int], ...]:
    """A heading row's cells, split once per row rather than once per value under it."""
    return tuple((c.start, c.end) for c in layout.cells(line, widest_gap=2))


def _column_header(cand: C.Candidate, labels: list[list[LabelHit]], index: C.TextIndex) -> LabelHit | None:
    column = _column_header_at(cand, labels, index)
    return column[1] if column else None


def _numbers_a_word(line: str, hit: LabelHit) -> bool:
    """A bare "No." after other words in its cell, which it numbers: "Bill of Lading/LR-RR No." (not after one word,
    which may name this document: "RCTI No.")."""
    return hit.end - hit.start <= 3 and re.search(r"[^\W\d_]{2,}\S*\s\S*[^\W\d_]{2,}\s$",
                                                  line[: hit.start]) is not None


def _column_header_at(cand: C.Candidate, labels: list[list[LabelHit]], index: C.TextIndex, least: int = 3
                      ) -> tuple[int, LabelHit] | None:
    """The label heading this value's column: a row of at least three labels a few lines up, over the value.

    "Warenwert … Nettobetrag  MwSt-Betrag  Endbetrag" with the totals printed underneath. Where the text keeps
    the columns' spacing (pypdf's layout mode, and its plain mode on some pages), the header cell whose span
    overlaps the value's is its header. A cell is the header text between gaps of two spaces or more: amounts
    sit right-aligned under "BTW bedrag", under its second word, not under the label "BTW". A row that is one
    cell lost its spacing and has no columns to read. A header has no digits: "Rechnung des Versicherers
    Nr. 00.123.456.7 vom" is a sentence with labels, not a header.
    """
    lines = index.lines
    start = index.indents[cand.line] + cand.start
    end = start + len(cand.text)
    text_between = False  # a line of words between the head and the value: the head of other cells
    for j in range(cand.line - 1, max(-1, cand.line - 5), -1):
        hits = labels[j]
        if _is_header_row(labels, lines, j, least):
            cells = _heading_cells(lines[j])
            if len(cells) < 2:
                return None  # one cell for the whole row: text that lost its spacing has no columns
            if C.is_item_table_head(lines[j]):
                return None  # "Qty … Net price … Net amount" over an item's row: its line total, not the net
            shift = index.indents[j]

            def span(h: LabelHit) -> tuple[int, int]:
                cell = next(((a, b) for a, b in cells if a <= h.start < b), (h.start, h.end))
                return shift + min(cell[0], h.start), shift + max(cell[1], h.end)

            over = [h for h in hits if span(h)[0] < end and start < span(h)[1]]
            if not over and hits and not text_between:
                # a figure right-aligned in a wide column, just past its left-aligned head's end: "Quota IVA" over
                # "428,74", nearer it than the next head (not "2,00" before "Valor do ISS", under "Alíquota (%)")
                left = max(((a, b) for a, b in cells if shift + b <= start), key=lambda c: c[1], default=None)
                right = min((shift + a - end for a, b in cells if shift + a >= end), default=10**6)
                if left and start - shift - left[1] <= min(6, right - 1):
                    over = [h for h in hits if left[0] <= h.start < left[1]]
            if any("%" in lines[j][a:b] and not re.search(r"\d\s?%", lines[j][a:b])
                   for a, b in cells for h in over if a <= h.start < b):
                # "Base imposable   % IVA   Quota IVA": the rate's column, whose "IVA" names no amount of it (not
                # "Netto 7 %", the basis of a rate)
                return j, LabelHit(frozenset([OTHER]), over[0].start, over[0].end)
            # "MwSt-Betrag" is two hits, a field's and a generic column word's: the field's names the column
            return (j, min(over, key=lambda h: OTHER in h.fields)) if over else None
        if hits and not _SIBLING_ROW.search(lines[j][hits[-1].end:]):
            return None  # (a row of the same table above, its label and its figures, heads nothing)
        # ("Retenção na fonte IRS 25% (art. 101.º CIRS)   Importância recebida" over "536,50 €", under the head
        # "Valor base   IVA à taxa de 23%   …" and its row)
        text_between = text_between or len(re.findall(r"[^\W\d_]{3,}", lines[j])) >= 2
    return None


# a table's row under the columns' head: the row's label, then two figures or more ("Tổng tiền chịu thuế suất 8%
# 180.800.000 14.464.000 195.264.000" between the head and "Tổng cộng (Total) 218.600.000 …")
_SIBLING_ROW = re.compile(r"^[^\d]*(?:\d{1,2}\s?%)?(?:\s+-?\d[\d.,'’ ]*\d){2,}\s*$")


# ------------------------------------------------------------------ proposals
def _finder(kind: str):
    return {
        "date": C.find_dates,
        "amount": C.find_amounts,
        "integer": lambda ix: C.find_amounts(ix, with_decimals_only=False),
        "currency": C.find_currencies,
        "vat_id": C.find_vat_ids,
        "iban": C.find_ibans,
        "id": C.find_id_tokens,
        "text": lambda ix: C.find_text_spans(ix, max_lines=80, footer=25),
    }.get(kind)


# how a page prints the common options of a payment-method field, in the languages of the labels above
CHOICE_WORDS: dict[str, list[str]] = {
    "card": ["karte", "kartenzahlung", "girocard", "ec-karte", "ec karte", "debit card", "credit card", "visa",
             "mastercard", "maestro", "carte", "carte bancaire", "cb", "paiement cb", "tarjeta", "carta",
             "bancomat", "pinpas", "pin", "kaart", "kort", "contactless", "sans contact", "kontaktlos", "cartão",
             "multibanco", "karta", *more_labels("card")],
    "cash": ["bar", "bargeld", "barzahlung", "espèces", "especes", "efectivo", "contante", "contanti", "contant",
             "kontant", "kontanter", "in contanti", "numerário", "numerario", "dinheiro", "gotówka",
             *more_labels("cash")],
    "bank_transfer": ["überweisung", "virement", "transferencia", "bonifico", "overboeking", "wire transfer"],
    "transfer": ["überweisung", "virement", "transferencia", "bonifico", "overboeking", "wire transfer"],
    "direct_debit": ["lastschrift", "sepa-lastschrift", "prélèvement", "domiciliación", "incasso", "addebito"],
}


def _find_choices(index: C.TextIndex, choices: tuple[Any, ...]) -> list[C.Candidate]:
    """Where the text names one of a Literal's or an Enum's options ("Card payment" for "card", "girocard" for
    "card"); the model still chooses among all of them, code offers what is printed."""
    found = []
    for option in choices:
        if not isinstance(option, str) or len(option) < 2:
            continue
        spellings = [option.replace("_", " ")] + CHOICE_WORDS.get(option.casefold(), [])
        words = "|".join(re.escape(w).replace(r"\ ", r"[\s_-]+") for w in spellings)
        pattern = re.compile(rf"(?<![^\W\d_])(?:{words})(?![^\W\d_])", re.IGNORECASE)
        for i, line in enumerate(index.lines):
            found += [C.Candidate(option, m.group(0), i, m.start()) for m in pattern.finditer(line)]
    return found


_DEBIT_WORDS = re.compile(r"(?i)\b(?:débiteur|debiteur|debit|debet|overdrawn|soll|deudor|debitore|dr)\b")
_DEBIT_AFTER = re.compile(r"^\s?(?:S|DR|Dr|-)(?!\w)")


def _is_debit_balance(line: str, cand: C.Candidate) -> bool:
    """A balance the line marks as owed to the bank: a debit word before it, or "S" (Soll), "DR" after it."""
    return bool(_DEBIT_WORDS.search(line[: cand.start]) or _DEBIT_AFTER.match(line[cand.start + len(cand.text):]))


# a field's description that asks for a name without its salutation: "Policyholder name (without salutation)"
_NO_SALUTATION = re.compile(r"(?i)(?:without|no|excluding|not including)\s+(?:the\s+|a\s+|any\s+)?(?:salutation|title"
                            r"|form of address)|ohne anrede|sans (?:civilité|formule)|zonder aanhef|sin tratamiento")
_BARE_DOMAIN = re.compile(r"(?i)[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}/?")  # "cvwd.example.org"
# not after an initial (of any script: "Γ. Παπαδόπουλος") or a title: "J.P. van den Berg", "Dr. Markus Weber" are names
_SENTENCE_BREAK = re.compile(
    r"(?<!\b[A-ZΑ-ΩА-ЯЁ])(?<!\b(?:Dr|Ir|Me|St|ST|Mt|MT))(?<!\b(?:Mag|Ing|Avv|Drs|Rag))"
    r"(?<!\b(?:Prof|Dipl|Dott|Arch|Geom|Geol))\. ")
# "Company GmbH · Street 12 · 12345 City": a sender's return-address line above the recipient window
# (dashes only as two separators: one is a range, "Rhag 2024 – Maw 2025 52 m³")
# (or Switzerland's postage-paid mark over the address window: "P.P. 8048 Zürich")
_RETURN_ADDRESS = re.compile(r"\S\s+[·●|•]\s+.*\d{4,5}\s+\S|\S\s+–\s+.*\S\s+–\s+.*\d{4,5}\s+\S"
                             r"|^P\.\s?P\.\s+(?:CH-)?\d{4}\s+\S"
                             # (the town before its postcode: "Padma Convention & Events Ltd. · … · Narayanganj-1461")
                             r"|\S\s+[·●|•]\s+.*\s[·●|•]\s+[A-Z][^\W\d_]+[- ]\d{4,5}$")
# "Skovgaard Kaffe & Te ApS, Jægergårdsgade 64, 8000 Aarhus C": a company, its street and its town, in commas
# (a Swedish postcode in two groups: "Avs: Kvistbo Bredband AB, Box 318, 651 08 Karlstad")
_RETURN_ADDRESS_COMMAS = re.compile(
    rf"(?i)[^,]{{2,60}}(?<!\w){C.COMPANY.pattern}, [^,]+, (?:\d{{4,5}}|\d{{3}} \d\d) \S[^,]*$")


_ADDRESS = re.compile(
    r"(?i)(?:stra(?:ß|ss)e|str\.|street|\bst\.|road|\brd\.|avenue|\bave\.|weg\b|platz|allee|gasse|\brue\b|"
    r"\bvia\b|calle|laan\b|plein\b|gatan\b|ring\b|straat\b|gracht\b|kade\b|singel\b)\s*\d"
    r"|^\d+\s+\w+\s+(?:street|st|road|rd|avenue|ave|lane|close|drive|way|crescent|place|terrace)\b"
    r"|(?-i:(?:^|\s)C/ ?[A-ZÁÉÍÓÚ][^,\d]*\d)|"
    r"(?:^|\s)(?:[A-Z]{1,2}-?)?\d{4,5}\s+[A-ZÄÖÜ][a-zäöüß]+")
# the verbs of a sentence of the small print, seldom in a name
_SENTENCE_VERB = re.compile(r"\b(?:is|are|was|were|will be|has been|have been|thank you|please)\s", re.IGNORECASE)
_COUNTRIES = {"deutschland", "germany", "france", "nederland", "netherlands", "österreich", "austria", "schweiz",
              "switzerland", "españa", "spain", "italia", "italy", "sverige", "sweden", "belgique", "belgium",
              "united kingdom", "uk", "ireland", "india", "usa", "united states", "hong kong", "uae",
              "united arab emirates", "singapore", "australia", "new zealand", "canada", "south africa", "malta",
              "cyprus", "portugal", "polska", "poland", "danmark", "denmark", "norge", "norway", "suomi", "finland"}
_SPLIT_WORD = re.compile(r"(?<=[a-zäöüß]) (?=[a-zäöüß])")
# (and a head office's BIC: "GKBLBEBBXXX")
_CODE_LIKE = re.compile(r"[A-Z0-9]*\d[A-Z0-9]*(?:[-/.][A-Z0-9]+)*|[A-Z]+(?:[-/.][A-Z0-9]+)+|[A-Z]{8}XXX")
# a document's title alone, in a word or two: "KOSTENRECHNUNG", "Kopie factuur"
# titles of the papers that are not invoices: "Earnings Statement", "Entgeltabrechnung", "Bon de commande"
_OTHER_TITLES = (r"(?:bank |account )?statement|relevé de compte|extrait de compte|receipt|quot(?:e|ation)|estimate"
                 r"|delivery note|packing slip|purchase order|pay ?slip"
                 r"|pay stub|remittance advice|abrechnung|lieferschein|angebot|bestellung|kassenbon|quittung|beleg"
                 r"|kontoauszug|bon de commande|bon de livraison|devis|reçu|relevé|avis d'échéance|bulletin de paie"
                 r"|pakbon|offerte|bestelling|loonstrook|afschrift|albarán|presupuesto|pedido|recibo|extracto"
                 r"|nómina|preventivo|ordine(?: di acquisto)?|ricevuta|scontrino|busta paga|estratto conto"
                 r"|documento commerciale|kvitto|följesedel|lönespecifikation|recibo de pagamento(?: de salário)?"
                 r"|holerite|contracheque|lønseddel|výplatní páska|vyúčtování|"
                 + "|".join(map(re.escape, more_labels("title"))))
# and what lower-case words may follow it ("RAČUN gostujući folio": the guest's invoice)
# a title's second line in small letters: "daňový doklad" (a tax document), "(duplicate)"
_SUBTITLE = re.compile(r"\(?[a-zà-ÿčďěňřšťůžąęłńśźż]+(?: [a-zà-ÿčďěňřšťůžąęłńśźż]+){0,2}\)?")
_TITLE_ONLY = re.compile(rf"(?i)(?:\w+\s+)?\w*(?:{C.DOCUMENT_TITLES}|{C.MORE_DOCUMENT_TITLES}|korrektur|credit note"
                         r"|creditnota|kreditnota|nota de cr[ée]dito|note de cr[ée]dit|nota di credito"
                         rf"|{_OTHER_TITLES})"
                         r"(?-i:\s+[^\W\d_A-ZÀ-ÞĀ-Ž]\w*){0,2}")


def _title_only(line: str, hits: list[LabelHit], fname: str) -> bool:
    """A line that is the document's title, or ends in it in capitals where pypdf glued it to the letterhead's
    last line: "tel. +421 34 772 41 10, fakturacia@krmivazahorie.skFAKTÚRA"; not another document's, whose
    number it heads ("Ihre Bestellung" / "Nr. 14/2025", "Bon de commande" / "BC-PG-2024-031")."""
    text = line.strip()
    start = len(line) - len(line.lstrip())
    if not _TITLE_ONLY.fullmatch(text):
        glued = re.search(r"(?<![A-ZÀ-ÞĀ-Ž])[A-ZÀ-ÞĀ-Ž]{4,}$", text)
        if not (glued and _TITLE_ONLY.fullmatch(glued.group())):
            return False
        text, start = glued.group(), start + glued.start()
    return not _OTHER_DOCUMENT.search(text) and not any(
        fname not in h.fields for h in hits if h.end > start)


# the titles of an order's or a delivery's papers, whose numbers an invoice quotes
_OTHER_DOCUMENT = re.compile(r"(?i)commande|bestellung|order|pedido|ordine|bestelling|objednávk|zamówieni|livraison"
                             r"|lieferschein|delivery|albar[aá]n|remito|dobavnic|otpremnic|dodací")
# a Colombian street and its number before a bare "No.": "Calle 36 No. 52-41", "Cra. 7 # 69-17"
_STREET_NUMBER_BEFORE = re.compile(r"(?i)\b(?:calle|carrera|cra|cr|kr|cl|av|avenida|transversal|tv|diagonal|dg"
                                   r"|autopista)\.?\s+\d{1,3}\s?[a-z]?(?:\s?bis)?\s$")
# a Croatian craft's owner, part of its registered name: "…, vl. Tonko Marinović"
_CRAFT_OWNER = re.compile(r"vl\. [A-ZČĆŠŽĐ][^\W\d_]+(?: [A-ZČĆŠŽĐ][^\W\d_]+){1,2}$")
# a name has a word of three letters or more (any script's letters) and is not mostly digits
_NAME_SHAPE = re.compile(r"[^\W\d_]{3,}")


# "Nr. 471102 vom 13.11.2019", "№ 245 від 12 травня 2025", "nr 12/2025 z dnia"
_DATE_CONNECTOR = r"(?i:vom|du|dated|of|from|issued(?: at| on)?|del|van|den|від|от|z dnia|ze dne|din)"
# a document's title, its number and then its date: "Handelsrechnung Nr. 471102 vom", "Facture n° 562044387 du",
# "Invoice No. 17 dated" (not "Bestellung Nr. 2018-471331 vom": an order's date)
_NUMBER_THEN_DATE = re.compile(
    rf"(?i)(?:{C.DOCUMENT_TITLES}|{C.MORE_DOCUMENT_TITLES}|korrektur|beleg|bill|credit note)"
    # "\w*(?: \w+)?": the rest of the word, and of a word pypdf split ("Rechnungskor rektur Nr. RK21 vom");
    # then a type in brackets: "Rechnung (380)", "Gutschrift (Selbst ausgestellte Rechnung)"
    r"\w*(?: \w+)?(?:\s*\([\w ]+\))?\s*(?:nr\.?|no\.?|n\.|n°|nº|№|#|number|nummer|numéro)\s*:?\s*\S*\d\S*\s+"
    rf"{_DATE_CONNECTOR}\s*:?\s*$")
# "Beitragsrechnung 24. Januar 2014": a line that opens with the document's title and goes on to a date
# nothing, or a series' code, between the document's label and a bare "nr.": "Seria BVX nr. 0457"
_SERIES_CODE = re.compile(r"[A-Z0-9/-]{0,8}")
_TITLE_LINE = re.compile(rf"(?i)^\W*\w*(?:{C.DOCUMENT_TITLES}|{C.MORE_DOCUMENT_TITLES})\b")
# (Slovene "št. 2025-00318", Serbian "br. 0587/25")
_NUMBER_WORD = re.compile(r"(?i)(?:číslo|č\.|nr\.?|no\.?|n[°º]\.?|number|nummer|numéro|número|numero|broj|br\.|št\.)"
                          r"\s*:?")
_TITLE_THEN_DATE = re.compile(_TITLE_LINE.pattern + r"[^:]{0,50}$")
# words for a discount, in a date's clause and on a line that takes something off the total
_DISCOUNT_WORDS = r"discount|rabatt|descuento|sconto|korting|skonto"
# a date's own words: a cash discount for paying by then, or the net amount due by then
_CASH_DISCOUNT = re.compile(rf"(?i)\b(?:{_DISCOUNT_WORDS}|abzüglich|abzgl\.|escompte)\b")
_NET_TERM = re.compile(r"(?i)\b(?:netto|net|ohne abzug|sans escompte|zonder korting)\b")
_PERIOD_WORD = re.compile(r"(?i)\b(?:periodo|period|période|periode|zeitraum|leistungszeitraum|billing period)\b")
_DUE_WORDS = re.compile(r"(?i)\b(?:bis|until|due|fällig|zahlbar|payable|échéance|vervaldatum|before|avant)\b")
_PARENTHESISED = re.compile(r"^\(\w+\)")
# an aside opened after the label and still open at the value: "Rechnung … (XRechnung 3.0, UBL)"
_IN_ASIDE = re.compile(r"\([^()]*[^\W\d][^()]*$")
_YEAR = re.compile(r"(?:19|20)\d\d")
_FATTURAPA_TYPE = re.compile(r"TD(?:0[1-9]|1[0-9]|2[0-9])")
# a format's version, not a document's number: "FATTURA ELETTRONICA – Versione FPA12", "(XRechnung 3.0"
_VERSION_BEFORE = re.compile(r"(?i)\b(?:version|versione|versión|versão|versie|xrechnung|zugferd)\s*:?\s*$")
# a law's or a ruling's number, not a document's: "Emisor electrónico … · Res. N° 203-2015/SUNAT", "Ley 19.983"
_REGULATION_BEFORE = re.compile(r"(?i)\b(?:res\.|resoluci[oó]n|resolution|ley|decreto|decree|art\.|artículo)"
                                r"\s*(?:n[°º]|no\.)?\s*:?\s*$")
# a word saying the amount after a tax label includes that tax: "inkl. USt.", "including VAT", "incl. BTW"
# "TOTAL (inc GST)"; the Slavic "with" right before the tax's label: "Ukupno s PDV-om", "Razem z VAT"
_INCLUDES = re.compile(r"(?i)(?:" + C.INCLUDING + r"|\binc\.?|\b(?:sa?|z|с|með|com|con))\W+(?:[\d.,]+\s?%\s*)?$")
# "TOTAL (IVA incl.) 39,63 €", Afrikaans "TOTAAL (BTW ingesluit)"
_INCLUDED_AFTER = re.compile(r"(?i)\W*(?:incl|inkl|inclus|incluid|compris|ingesluit)")
_EXCLUDES = re.compile(r"(?i)\b(?:ohne|exkl\.?|exklusive|excl\.?|ex\.?|excluding|exclusive of|without|before|hors"
                       r"|sans|zonder|exclusief|sin|senza|utan|avant|vor|antes de|prima di|före"
                       r"|kabla ya|eksl\.?|eksklusief|eksklusive|ekskl\.?)\s*$")  # (Swahili: "Jumla kabla ya
                       # VAT"; Afrikaans; Norwegian and Danish: "Sum eksklusive mva")
# the amount a rate of tax is charged on: "Belast met 21% btw 124,80", "Subject to 15% VAT 980.00"
# (not after a negation: "Tasa municipal (no sujeta a IVA) 15,90", "not subject to VAT")
_TAXED_WITH = re.compile(r"(?i)(?<!\bno )(?<!\bnot )(?<!\bnon )(?<!\bniet )(?<!\bnicht )"
                         r"\b(?:belast met|onderworpen aan|subject to|taxable at|taxed at|soumis à(?: la)?"
                         r"|assoggettat[oa] a(?:d)?|sujet[oa] a"
                         r"|^taxable(?: amount| value| supplies| sales)?\s*\()\s*(?:\d{1,2}(?:[.,]\d{1,2})?\s?%\s*)?$")
# the tax last of the things an amount leaves out: "Taxable value (excl. levies and VAT) 1,391,510.00"
_EXCLUDES_WITH = re.compile(r"(?i)\((?:excl\.?|excluding|exclusive of|without|before|ohne|exkl\.?|hors|sans|zonder"
                            r"|sin|senza)\s[^()\d]{0,40}\b(?:and|und|et|y|e|en|&)\s*$")
_EXEMPT = re.compile(r"(?i)\b(?:exent[oa]s?|exempt(?:ed)?|no objeto|no sujet[oa]s?|not subject|non soggett[oa]|"
                     r"exonerad[oa]s?|isent[oa]s?|befreit|vrijgesteld|exonéré|nie podlega|nepodléhá|nepodlieha|"
                     r"osvobozen[oéa]|oslobođen[oa]|scutit[ăe]?|neimpozabil[ăe]?|exempt[ăe])\b"
                     r"(?:\s+(?:de|del|from|to|a|al|von|van))?\s*$")
_NOT = re.compile(r"(?i)\b(?:not|non|nicht|niet)\s*$")  # "… not subject to VAT"
_PERIOD_END = re.compile(r"(?i)\b(?:vom|von|from|du|van|dal|del|desde)\s+[\d./-]{6,10}\s*"
                         r"(?:-|–|bis(?:\s+zum)?|to|until|au|tot|t/m|al|hasta)\s*$")
_RANGE_CONNECTOR = re.compile(r"(?i)\s*(?:-|–|bis(?:\s+zum)?|to|until|through|thru|au|tot|t/m|al|hasta)\s*")


# the heading of a table of the documents this one refers to: "DOCUMENTOS DE REFERENCIA" over "Tipo documento Folio
# Fecha …" over "Factura Electrónica (33) 45873 28-02-2024" (a Chilean credit note's corrected invoice)
_REFERENCES_HEADING = re.compile(r"(?i)^\W*(?:documentos? (?:de )?referencia(?:dos)?|referencias|references"
                                 r"|referenced documents|documents? de référence|documenti di riferimento)\W*$")


def _under_references(lines: list[str], line: int) -> bool:
    """The line is a row of a references table: its heading is one line up, or two over the table's head."""
    return any(_REFERENCES_HEADING.match(lines[j]) for j in (line - 1, line - 2) if j >= 0)


def _range_bound(cand: C.Candidate, dates: list[C.Candidate], index: C.TextIndex
                 ) -> tuple[str | None, C.Candidate | None]:
    """("start", None) or ("end", its first date) for a date that opens or closes a printed range ("01-02-2025
    t/m 28-02-2025"); (None, None) for a date on its own."""
    line = index.lines[cand.line]
    end = cand.start + len(cand.text)
    for other in dates:
        if other.line != cand.line or other is cand:
            continue
        if other.start >= end and _RANGE_CONNECTOR.fullmatch(line[end:other.start]):
            return "start", None
        if other.start + len(other.text) <= cand.start and _RANGE_CONNECTOR.fullmatch(
                line[other.start + len(other.text):cand.start]):
            return "end", other
    return None, None


_START_WORDS = re.compile(r"(?i)\b(?:begin\w*|start\w*|from|von|vom|ab|du|début|desde|dal|van|vanaf)\W*$")
_END_WORDS = re.compile(r"(?i)\b(?:end\w*|to|until|through|thru|bis|au|fin|hasta|al|tot|t/m)\W*$")


def _bound_word(before: str) -> str | None:
    """"start" or "end" when the words right before a date say which ("Period Beginning:", "Period Ending:")."""
    return "start" if _START_WORDS.search(before) else "end" if _END_WORDS.search(before) else None


_MONEY_AFTER = re.compile(r"^\s?" + C.CURRENCY_MARK + r"(?![a-z])", re.IGNORECASE)
_MONEY_BEFORE = re.compile(r"(?:" + C.CURRENCY_SIGNS + r")\s?$")
# SUNAT's series of a factura (F), boleta (B) or their notes, then the number: "F002-00018744", "FC01-00000231";
# and of SUNAT's own portal, unpadded: "E001-2187"
_SUNAT_SERIES = re.compile(r"[FB][A-Z0-9]\d{2}-\d{6,8}|E001-\d{1,8}")
# a direct debit's announcement names its date in a sentence, with no label: "Der Betrag … wird am 20.03.2014 von
# Ihrem Konto … eingezogen", "will be debited on", "sera prélevé le", "wordt op … afgeschreven"
_DEBIT_DATE = re.compile(r"(?i)(?:\b(?:wird|werden)\s+am|\b(?:buchen|ziehen|belasten)\s+wir(?:\s+\w+)?\s+am"
                         r"|\b(?:debited|collected|charged)(?:\s+to your account)?\s+on"
                         r"|\bpréle\w*\s+le|\bwordt\s+op|\baddebitat\w*\s+il|\bse\s+cargará\s+el)\s*$")


def _with_wrapped_start(lines: list[str], cand: C.Candidate, lead: str = "") -> str:
    """The text before a value, with the line above where the value opens its line (after at most `lead`, a
    pattern, and a colon): "Den Betrag buchen wir am" / "02.06.2025 per SEPA-Lastschrift", "Fattura n.: FV/2025/00463"
    / "del: 31/05/2025"."""
    before = lines[cand.line][: cand.start]
    wrapped = cand.line > 0 and re.fullmatch(rf"(?:(?:{lead})\s*:?)?" if lead else "", before.strip())
    return lines[cand.line - 1] + " " + before if wrapped else before


def _other_kind_token(token: str) -> bool:
    """A VAT id, IBAN, e-mail, phone number or date: printed like an id, but never a document number.

    An IBAN by its check digits too: "KR87654321012" is an invoice number of IBAN shape."""
    t = token.replace(" ", "")
    if C._VAT.fullmatch(t) or C.is_iban(t) or "@" in t:
        return True
    if C.is_date_token(token):
        return True
    # "UNIFORM INVOICE (TRIPLICATE) - B2B": whom the paper is for, no number
    return bool(re.fullmatch(r"\+\d[\d -]{6,}", token) or re.fullmatch(r"B2[BCG]|C2C", token))  # +49 30 1234567


# a phone number's area code in brackets and its number ("(212) 555-0147"), or a US one in dashes
_PHONE = re.compile(r"\(\d{2,5}\)\s?\d{2,4}[-. ]?\d{3,4}\b|(?<![\w-])\d{3}-\d{3}-\d{4}(?![\w-])")
# a month's name and its year: "Rechnung Oktober 2025" is the billing month, not a document number
_MONTH_YEAR = re.compile(r"([^\W\d_]{3,12})\.?\s+((?:19|20)\d{2})(?![\d.,])")
_MONTH_THEN_YEAR = re.compile(r"([^\W\d_]{3,12})\.?\s+(?:19|20)\d\d\b")  # (a sentence may go on: "August 2026, as")
# the rest of a number printed in groups of digits after its first group: "Rechnungsnummer 1184 5520 9371";
# the groups end the line or stand before a word ("… 7742 Kunden-Nr.: 1004 2218")
_DIGIT_GROUPS = re.compile(r"(?: \d{3,5}){1,4}(?=\s*$|\s+[^\W\d])")


_IBAN_HEAD = re.compile(r"\bIBAN\b\W*[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4})*\s*$")


# "Polizzen-Nr. KF 55-2047183-7", "PO 4471/HB", "Rechnungsnummer TH-W 2025/0147"
_LETTER_PREFIX = re.compile(r"(?<![\w.-])([A-Z]{1,4}(?:-[A-Z]{1,4})?) $")


# the label of the buyer's tax id: "Customer VAT No.: ", "Kunden-USt-IdNr. "
_BUYERS_ID = (r"(?i)(?:\b(?:customer|buyer|client|kunden?|recipient|cliente|destinataire|afnemer|acquirente)\b"
              r"[^:\n]{0,20}"
              r"\b(?:vat|tax|ust|tva|btw|iva|gst)\b[^:\n\d]{0,15}"
              # the tax word first: "Btw-nr. afnemer: NL007429186B01", "USt-IdNr. Kunde"
              r"|\b(?:vat|ust|tva|btw|iva|gst|nif|uid)\b[^:\n\d]{0,15}\b(?:customer|buyer|client|kunden?|afnemer"
              r"|klant|cliente|acquirente|destinataire|leistungsempfängers?)\b)[^:\n\d]{0,5}:?\s*")


def _with_letter_prefix(cand: C.Candidate, hits: list[LabelHit], line: str) -> C.Candidate:
    """An id whose series letters stand apart between its label and its digits: "Lieferschein LS 25-10874", or
    open the line under its label ("N.º Documento" / "FT 2025A/147", a Portuguese document's type and series)."""
    m = _LETTER_PREFIX.search(line[: cand.start])
    if m is None or not (line[: m.start()].strip() == "" or any(
            not line[h.end:m.start()].strip(" :.#-") for h in hits if h.end <= m.start())):
        return cand
    return C.Candidate(f"{m.group(1)} {cand.value}", f"{m.group(1)} {cand.text}", cand.line, m.start(), cand.score)


def _with_digit_groups(cand: C.Candidate, line: str) -> C.Candidate:
    """A labelled number printed in groups of digits: all its groups, not the first ("1184 5520 9371")."""
    if not re.fullmatch(r"\d{3,5}", cand.text) or re.search(r"\d ?$", line[: cand.start]):
        return cand
    m = _DIGIT_GROUPS.match(line, cand.start + len(cand.text))
    if m is None:
        return cand
    text = line[cand.start: m.end()]
    return C.Candidate(text, text, cand.line, cand.start, cand.score)


def _wrapped_iban_tail(lines: list[str], cand: C.Candidate) -> bool:
    """"IBAN FR76 3000 4012 3400" at a line's end and "0101 2345 678" opening the next: the IBAN's digits."""
    return cand.line > 0 and re.fullmatch(r"[\d ]*", lines[cand.line][: cand.start]) is not None and bool(
        _IBAN_HEAD.search(lines[cand.line - 1]))


def _block_heading(cand: C.Candidate, labels: list[list[LabelHit]], index: C.TextIndex,
                   reach: int = 5, inline: bool = False, name: bool = False) -> frozenset[str]:
    """The party fields whose heading opens the block a value sits in ("Buyer (Bill to)" a few lines above); with
    `inline`, also a party's label that opens a line with its name ("Khách hàng : CÔNG TY TNHH …"). A `name` opens
    its block: an address above it ends the block before ("… 御中" / … / "〒251-0042 神奈川県…" / "光野写真事務所")."""
    for j in range(cand.line - 1, max(-1, cand.line - 1 - reach), -1):
        if name and (_ADDRESS.search(index.lines[j]) or _JAPANESE_POSTCODE.match(index.lines[j])):
            return frozenset()
        opening = labels[j][0] if labels[j] else None
        # (the label in two languages: "Πελάτης / Customer NORDLYS REISER AS")
        second = labels[j][1] if opening and len(labels[j]) > 1 else None
        if second and not (re.fullmatch(r"\s*/\s*", index.lines[j][opening.end:second.start])
                           and second.fields == opening.fields):
            second = None
        if (inline and opening and not index.lines[j][: opening.start].strip()
                and all(party_role(f) for f in opening.fields)
                and (re.match(r"\s*[:：]\s*\S", index.lines[j][opening.end:])
                     or (second and re.match(r"\s*:?\s*\S", index.lines[j][second.end:])))):
            return opening.fields
        if len(index.lines[j]) > 40 or re.search(r"\d", index.lines[j]):
            continue  # a heading is short and has no number ("NL810433941B01BTW" is a VAT id and its label)
        for hit in labels[j]:
            # (a party's id over its value is no heading: "NIT" / "900.512.734-1" under "Señor(es)")
            if all(party_role(f) and not _ID_FIELD.search(f) for f in hit.fields) and (
                    _ENDS_CELL.match(index.lines[j], hit.end) or _heading_beside(labels[j], index.lines[j], hit)):
                return hit.fields
    return frozenset()


_JAPANESE_POSTCODE = re.compile(r"〒\s?\d{3}-\d{4}")


def _block_role(cand: C.Candidate, labels: list[list[LabelHit]], index: C.TextIndex) -> str | None:
    # (an id closes its party's block: "Credited to", name, department, street, city, country, "VAT ID: …")
    roles = {party_role(f) for f in _block_heading(cand, labels, index, reach=6, inline=True)}
    return roles.pop() if len(roles) == 1 else None


def party_role(field_name: str) -> str | None:
    name = field_name.lower()
    if any(k in name for k in ("buyer", "customer", "recipient", "client", "bill_to", "consignee", "payer", "insured",
                               "policyholder", "subscriber", "tenant", "patient", "addressee", "employee", "holder",
                               "guest", "passenger")):
        return "recipient"
    if any(k in name for k in ("vendor", "seller", "supplier", "issuer", "sender", "merchant", "from", "insurer",
                               "provider", "shipper", "landlord", "employer", "bank", "hotel", "hospital", "clinic",
                               "store", "shop", "operator", "carrier")):
        return "sender"
    return None


def _looks_like_label(cand: C.Candidate, labels: list[list[LabelHit]]) -> bool:
    """The span is mostly made of label words, or reads like an abbreviated column header ("Art-Nr-Lief.")."""
    text = cand.text.casefold()
    if re.search(r"(?:^|[\s-])(?:nr|no|ref|art)\.?(?:$|[\s-])", text) or text.endswith(":"):
        return True
    line_hits = labels[cand.line] if cand.line < len(labels) else []
    covered = sum(h.end - h.start for h in line_hits if cand.start <= h.start and h.end <= cand.start + len(text))
    return covered >= 0.5 * len(text.replace(" ", ""))


# a Philippine invoice's printer's imprint, which the tax authority requires at its foot
# (or of the software that prints it: a Philippine "CAS developer: Lakan Systems Inc.", Colombia's "Proveedor
# tecnológico")
_IN_THE_NAME_OF = re.compile(r"(?i)(?:a/n|atas nama)\s+(?=\S)")  # Indonesian, before an account's holder
_PRINTER_IMPRINT = re.compile(r"(?i)\bauthority to print\b|\bprinter'?s accreditation\b|\bATP No\b"
                              r"|\bCAS (?:developer|provider|permit)\b|\bproveedor tecnol[óo]gico\b"
                              r"|\b(?:technology|software) provider\b")
_OPENING_QUOTES = "\"«„“"  # a name in quotes after its legal form's place: '"Qafqaz İnşaat Qrupu" ASC'


def _names_after_labels_mid_line(index: C.TextIndex, fname: str, labels: list[list[LabelHit]]) -> list[C.Candidate]:
    """The parties' columns run together on one line, each name after its label and no colon: "Satıcı "Abşeron
    Tikinti Materialları" MMC Alıcı "Qafqaz İnşaat Qrupu" ASC". The company after the field's own label, up to the
    next label."""
    out = []
    for i, hits in enumerate(labels):
        line = index.lines[i]
        for k, hit in enumerate(hits):
            if (hit.start == 0 or hit.fields != {fname} or not party_role(fname)
                    or re.search(PERSON_FIELD, fname)):  # (a passenger is a person, no company)
                continue
            end = next((h.start for h in hits[k + 1:] if h.start >= hit.end), len(line))
            value = line[hit.end:end].strip(" :-")
            # (not "Lieferant GmbH": a name that opens with a label's word)
            if (len(value.split()) >= 2 and not C.COMPANY.fullmatch(value.split()[0])
                    and (value[0].isupper() or value[0] in _OPENING_QUOTES)
                    and (legal := list(C.COMPANY.finditer(value))) and legal[-1].end() == len(value.rstrip("."))):
                out.append(C.Candidate(value, value, i, line.find(value, hit.end)))
    return out


def _after_own_label(cand: C.Candidate, fname: str, labels: list[list[LabelHit]]) -> C.Candidate:
    """A name span that opens with the field's own label, or a label of any party's name, is the name after it:
    "Titulaire Ferronnerie Bastide SARL" (the layout's two cells run together in the plain text) is "Ferronnerie
    Bastide SARL", labelled; "Company Daejin Logistics Inc." is "Daejin Logistics Inc."."""
    end = cand.start + len(cand.text)
    hit = next((h for h in (labels[cand.line] if cand.line < len(labels) else [])
                # (a short label only before a company: "Aan Groenkracht Energie B.V.")
                if h.start == cand.start and h.end < end
                and (h.end - h.start >= 6 or C.COMPANY.search(cand.text, h.end - cand.start)
                     or _is_name_label(cand.text[: h.end - h.start])  # "Name Landkreis Wendischmark"
                     or _caseless(cand.text))  # a label of two or three Hangul or Han syllables: "학부모 김민준"
                and (h.fields == {fname} or _is_name_label(cand.text[: h.end - h.start]))), None)
    if hit is None:
        return cand
    value = cand.text[hit.end - cand.start:].lstrip(" :-")
    at = end - len(value)
    if value.startswith("/") and (again := next((h for h in labels[cand.line] if fname in h.fields
                                                 and h.start == at + len(value) - len(value[1:].lstrip())), None)):
        # the label in two languages: "Πελάτης / Customer NORDLYS REISER AS"
        value = cand.text[again.end - cand.start:].lstrip(" :-")
        at = end - len(value)
    for h in labels[cand.line]:
        # the next cell's label after the name's legal form: "Customer Qurum Heights Development LLC Due Date …"
        head = cand.text[at - cand.start:h.start - cand.start].rstrip()
        if at < h.start < end and (legal := list(C.COMPANY.finditer(head))) and legal[-1].end() == len(head):
            value = head
            break
    # (a legal form opens the Baltic names in quotes: "Preču saņēmējs / maksātājs SIA "Baltijas Aptieku Tīkls"")
    if (not value or (len(value.split()) < 2 and not _caseless(value))
            or (C.COMPANY.fullmatch(value.split()[0]) and value.split(maxsplit=1)[1][:1] not in _OPENING_QUOTES)
            or any(ch.isdigit() for ch in value)
            or not (value[0].isupper() or _caseless(value)
                    or (value[0] in _OPENING_QUOTES and not re.search(PERSON_FIELD, fname)))
            or any(h.start == at for h in labels[cand.line])):
        # "Lieferant GmbH" is a name that opens with a label's word, "Fournisseur d'électricité" a slogan;
        # "Rechnungsempfänger Kundennummer GE2020211" is a heading beside another label's value
        return cand
    return C.Candidate(value, value, cand.line, at)


def _caseless(text: str) -> bool:
    """The text opens in a script without capitals (Hangul, Han, kana), where a name is no capitalised word."""
    text = text.lstrip("(（")  # (a Korean company's "(주)" before its name)
    return text[:1].isalpha() and text[0].upper() == text[0].lower()


TRADING_NAME_FIELD = r"merchant|store|shop|hotel|restaurant"  # names of a business known by its sign
_NOT_LEGAL_NAME = re.compile(r"(?i)\bnot (?:the |its |a )?(?:registered |full )?legal name")
_LEGAL_NAME = re.compile(r"(?i)legal name|legal form")
_TRADING_NAME = re.compile(r"(?i)trading name|brand name|letterhead")


def _wants_trading_name(plan: FieldPlan) -> bool:
    """The schema's description, else the field's name, says which of a business's names it wants."""
    if _NOT_LEGAL_NAME.search(plan.description):
        return True
    if _LEGAL_NAME.search(plan.description):
        return False
    return bool(_TRADING_NAME.search(plan.description)) or re.search(TRADING_NAME_FIELD, plan.name) is not None


_BOX_NUMBER = re.compile(r"\s+\(\d{1,2}[a-zа-я]?\)$")  # a printed form numbers its boxes: "Продавец (2)"
_CODE_AFTER_NAME = re.compile(r"\s+\((?=[^)]*\d)[A-Z0-9][A-Z0-9./-]{2,}\)$")  # a customer's code in brackets


# an office a letter is addressed to, on a line of its own: "The Executive Director", "Accounts Manager"
_OFFICER = re.compile(r"(?:The\s+)?(?:[A-Z][a-z]+\s+){0,2}(?:Director|Manager|Secretary|Treasurer|Chair(?:man|person)?"
                      r"|President|Principal|Administrator|Accountant|Officer)")
_FORM_BOX = re.compile(r"종사업장(?:\s?번호)?")  # a Korean tax invoice's box of the branch's number
_ADDRESSEE_AFTER = re.compile(r"\s*(?:Messrs\.?|御中|様|殿|귀하|귀중)\s*$")  # an honorific that ends the line
_STREET_AFTER = re.compile(r"\s+\d{1,5}(?:[/-]\d{1,4})?\s+[A-ZÀ-Þ][^\W\d_]+[^,]*,")  # "1818/9 Charoen Krung Road,"


def _without_address_after_legal_form(cand: C.Candidate) -> C.Candidate:
    """"Horácká energetika a.s., Vrchlického 1487/58, 586 01 Jihlava", "Podunavska energija a.d., Novi Sad", "Dŵr
    Dyffryn Tywi Cyf., Banc Gorllewin Cymru": the name ends at its legal form, whatever follows its comma."""
    legal = C.COMPANY.search(cand.text)
    if legal and legal.start() == 0:
        legal = C.COMPANY.search(cand.text, legal.end())  # a form that opens the name: "PT Sumber Rejeki Makmur Tbk"
    rest = cand.text[legal.end():] if legal else ""
    if legal and _SHARE_CAPITAL.match(rest):  # "Imprimerie Castagné SAS au capital de 80 000 €"
        name = cand.text[: legal.end()]
        return C.Candidate(name, name, cand.line, cand.start)
    if legal and (rest.startswith(",") and rest[1:].strip() or _STREET_AFTER.match(rest)):
        # (or its street right after it: "Chao Phraya Scientific Co., Ltd. 1818/9 Charoen Krung Road, …")
        name = cand.text[: legal.end()]
        return C.Candidate(name, name, cand.line, cand.start)
    second = C.COMPANY.search(rest) if legal and re.match(r"\s+[A-ZÄÖÜ]", rest) else None
    if second and rest[: second.start()].strip() and rest.rstrip(" .").endswith(second.group(0).rstrip(" .")):
        # two names side by side, each with its legal form: a payment slip's payer and its bank ("Wohnbaugenossenschaft
        # Traunblick eGen Oberösterreichische Werkbank AG"); the first is the candidate's
        name = cand.text[: legal.end()]
        return C.Candidate(name, name, cand.line, cand.start)
    return cand


# the words of a tax or register number's label, up to four ("Company No.", "USt-IdNr.", "VAT Reg. No.",
# "Kd.-Nr."); short capitals that are no legal form label one too ("ИНН", "БСН", "HRB", "UID")
_ID_LABEL_WORDS = frozenset(
    """no nr nº n° number nummer numéro numero número num reg registration register registered company tax vat
    id ident idnr ust uid steuer steuernr st hr handelsregister crn tin ein abn acn gst gstin pan cin nip regon krs
    ičo ico dič dic cvr org orgnr kvk btw siren siret rcs tva nif cif iva piva partita fiscal fiscale codice
    moms momsreg mva tunnus kd kunden kundennr identificación identificacion identification cédula cedula""".split())
_ID_NUMBER = re.compile(r"(?<![\w.])(?:([A-Z]{2,3})[\s-]?)?(?=(?:[\s./-]?\d){6})\d[\d\s./-]*")
_SHORT_CAPITALS = re.compile(r"[^\W\d_a-zа-яёß]{2,4}")
_LETTERS = re.compile(r"[A-Z]+")
_BANK_WORDS = re.compile(r"(?i)\b(?:iban|bic|swift|konto|account|compte|cuenta|conto|rekening)\b")
# the words of a bank's name
_BANK_NAME = re.compile(r"(?i)bank|sparkasse|banque|banca|banco|caixa|caja |crédit|credit union|raiffeisen")


# a company's share capital after its legal form, in the small print
# the register and capital of a company's legal small print
# another paper's date, by its "dated": a contract's, an order's, a quotation's
_OTHER_PAPER_DATED = re.compile(r"(?i)\b(?:contract|agreement|order|quotation|quote|offer|letter|lpo|po|proposal)"
                                r"\s+dated\s*:?\s*$")
# a company's share capital, in the small print, before its currency
_CAPITAL_BEFORE = re.compile(r"(?i)\b(?:share capital|capital social|capitale sociale|au capital de|stammkapital"
                             r"|grundkapital|kapitał zakładowy|capital)\b[^\d]{0,12}$")
_TAXABLE = re.compile(r"(?i)\b(?:taxable|imponible|imposable|steuerpflichtig)\b")
_LEGAL_SMALL_PRINT = re.compile(r"(?i)\b(?:rcs|siret|siren|hrb|hra|kvk|amtsgericht|registro mercantil|reg\. imprese"
                                r"|registro delle imprese|rea|capital|kapital|capitale|company no"
                                r"|c\.\s?r\. no|cr no|commercial registration)\b")  # (the Gulf's register)
_SHARE_CAPITAL = re.compile(r"(?i),?\s+(?:au capital|mit einem (?:stamm|grund)kapital|con capitale|capitale sociale|"
                            r"capital social|met een kapitaal|share capital)\b")


def _is_id_label_word(word: str) -> bool:
    bare = word.strip(".:#,;")
    return (bool(_SHORT_CAPITALS.fullmatch(bare)) and not C.COMPANY.fullmatch(bare)) or any(
        part in _ID_LABEL_WORDS for part in re.split(r"[-./]+", bare.casefold()) if part)


def _without_registration_after(cand: C.Candidate) -> C.Candidate:
    """"ООО «Сибирские измерительные системы» ИНН 5406184728", "Kestrel GmbH USt-IdNr. DE812345678": a tax or
    register number printed after a company's name on its line, with its label, is no part of the name."""
    for number in _ID_NUMBER.finditer(cand.text):
        words = list(re.finditer(r"\S+", cand.text[: number.start()]))
        if number.group(1) and _is_id_label_word(number.group(1)):
            # "HRB 123456": the letters label it; "DE812345678": a country's, labelled before them
            words.append(_LETTERS.match(cand.text, number.start()))
        label = 0
        while label < min(4, len(words) - 1) and _is_id_label_word(words[-1 - label].group()):
            label += 1
        name = cand.text[: words[-label].start()].rstrip(" ,;|·-") if label else ""
        # only a company's name ends so plainly ("ACCOUNT NUMBER 100-4478-22" is a label), and a bank's line
        # ("Banque Cantonale Lémanique, IBAN CH70 …") names no party
        if C.COMPANY.search(name) and not _BANK_WORDS.search(cand.text[words[-label].start():]):
            return C.Candidate(name, name, cand.line, cand.start)
    return cand


def _is_other_fields_label(cand: C.Candidate, fname: str, labels: list[list[LabelHit]]) -> bool:
    """The whole span is one label of other fields, no word of it left over."""
    hits = labels[cand.line] if cand.line < len(labels) else []
    return any(h.start == cand.start and h.end == cand.start + len(cand.text) and fname not in h.fields
               for h in hits)


def separate_parties(plans: list[FieldPlan], proposals: dict[str, list[C.Candidate]]) -> None:
    """The sender and the recipient are different parties: the sender's best name is not a recipient option."""
    def key(value: Any) -> Any:
        return value.casefold() if isinstance(value, str) else value

    # a name labelled as the recipient's ("Titulaire Ferronnerie Bastide SARL") is no sender, however high it
    # stands on the page: the party whose evidence is stronger keeps it
    recipients = [proposals[p.name][0] for p in plans if p.role == "recipient" and proposals.get(p.name)]
    for p in plans:
        if p.role == "sender" and proposals.get(p.name):
            best = proposals[p.name][0]
            theirs = [key(r.value) for r in recipients
                      if key(r.value) == key(best.value) and r.score >= 2.5 and r.score > best.score]
            if theirs:  # and the spans that hold it ("Titulaire Ferronnerie Bastide SARL")
                proposals[p.name] = [c for c in proposals[p.name]
                                     if not any(t in key(c.value) for t in theirs if isinstance(t, str))]
    senders = [p for p in plans if p.role == "sender" and proposals.get(p.name)]
    taken = {proposals[p.name][0].value for p in senders}
    for p in plans:
        if p.role == "recipient":
            # nor a part of it: "Versicherungsverein Musterstadt a.G." is the second line of the sender's name, and
            # "Atelier Formation Sambre-et-Meuse" its first words, without "SRL"; nor a name that ends in it:
            # "Imprimerie du Léman Bréchet & Fils SA" is the sender's letterhead in full
            proposals[p.name] = [c for c in proposals[p.name]
                                 if not any(c.value == t or (isinstance(t, str) and isinstance(c.value, str)
                                                             and (f" {c.value}" in t or c.value.endswith(f" {t}")
                                                                  # (and its logo: "SENTINELLE OUEST")
                                                                  or key(t).startswith(f"{key(c.value)} ")))
                                            for t in taken)]


def propose(index: C.TextIndex, plan: FieldPlan, labels: list[list[LabelHit]]) -> list[C.Candidate]:
    """Candidates for one field, best first, each scored by label evidence plus a weak prior."""
    finder = functools.partial(_find_choices, choices=tuple(plan.choices)) if plan.kind == "choice" else _finder(
        plan.kind)
    if finder is None:
        return []
    found = finder(index)
    first_date = min(found, key=lambda c: (c.line, c.start)) if plan.kind == "date" and found else None
    if plan.kind == "id":
        # a year is part of a date ("du 02 Juillet 2015"), not a document number
        # and the digits of a VAT id printed in groups ("TVA BE 0642.318.557") are no document number either
        other_spans = {(d.line, k) for d in [*C.find_dates(index), *C.find_vat_ids(index)]
                       for k in range(d.start, d.start + len(d.text))}
        other_spans |= {(i, k) for i, m in index.iter_matches(_PHONE) for k in range(m.start(), m.end())}
        other_spans |= {(i, m.start(2)) for i, m in index.iter_matches(_MONTH_YEAR) if C._month(m.group(1))}
        found = [c for c in found if not _other_kind_token(c.text) and (c.line, c.start) not in other_spans
                 and not _wrapped_iban_tail(index.lines, c)]
    if plan.kind == "text":
        found = [*found, *_names_after_labels_mid_line(index, plan.name, labels)]
    corrected = _corrected_invoice_numbers(found, labels, index) if plan.kind == "id" else set()
    n_lines = max(1, len(index.lines))
    domains = _web_domains(index.text) if plan.kind == "text" else set()
    no_salutation = _NO_SALUTATION.search(plan.description) is not None
    person = plan.kind == "text" and re.search(PERSON_FIELD, plan.name) is not None
    trading = plan.kind == "text" and _wants_trading_name(plan)
    opening = plan.kind in ("amount", "integer") and re.search(OPENING_BALANCE_FIELD, plan.name) is not None
    balance = opening or (plan.kind == "amount" and re.search(CLOSING_BALANCE_FIELD, plan.name) is not None)
    # a period's first or last day ("billing_period_start"): decided by the field's name, once
    start, end = re.search(PERIOD_START_FIELD, plan.name), re.search(PERIOD_END_FIELD, plan.name)
    merged: dict[Any, C.Candidate] = {}
    repeats: dict[Any, int] = {}
    scored: list[C.Candidate] = []  # every reading, repeated values too: taxes per line may be equal
    for cand in found:
        if plan.kind == "text":
            cand = _after_own_label(cand, plan.name, labels)
            cand = _without_registration_after(_without_address_after_legal_form(cand))
            if code := _CODE_AFTER_NAME.search(cand.text):  # "Groupe Resto Saône SAS (RSA-0093)": the client code
                cand = C.Candidate(cand.text[: code.start()], cand.text[: code.start()], cand.line, cand.start)
            if box := _BOX_NUMBER.search(cand.text):  # "ООО «Волгаколор» (2)": a form's box, not the name's
                cand = C.Candidate(cand.text[: box.start()], cand.text[: box.start()], cand.line, cand.start)
            if (care := cand.text.find(" c/o ")) > 0:  # "Stockwerkeigentümergemeinschaft Seeblick c/o Immoverwaltung"
                cand = C.Candidate(cand.text[:care], cand.text[:care], cand.line, cand.start)
            if on_behalf := _IN_THE_NAME_OF.match(cand.text):  # "a/n PT Baliroti Fresh Supplies": the account's name
                rest = cand.text[on_behalf.end():]
                cand = C.Candidate(rest, rest, cand.line, cand.start + on_behalf.end())
        score = label_score(cand, plan.name, labels, index, section=plan.kind == "text",
                            fallback=plan.fallback_labels)
        cand.label_evidence = score
        position = cand.line / n_lines
        if plan.kind in ("amount", "integer") and opening:
            score += 0.3 * (1 - position)  # the balance a statement opens with sits above its bookings
        elif plan.kind in ("amount", "integer"):
            score += 0.3 * position  # totals sit low on the page
            if re.search(SUBTOTAL_FIELD, plan.name) and _TAXABLE.search(index.lines[cand.line][: cand.start]):
                # "Total Taxable Amount (Excluding VAT)" after the freight: the tax's basis, not the rows' sum
                score -= 0.5
            if (amount_role(plan.name) == "basis" and isinstance(cand.value, (int, float)) and cand.value < 0
                    and (_deducts(index.lines[cand.line]) or (  # or the line above (its last cell), its rate's under it
                        cand.line > 0 and re.match(r"\s*\d{1,2}(?:[.,]\d+)?\s?%", index.lines[cand.line])
                        and _deducts(re.split(r"\s{3,}", index.lines[cand.line - 1].strip())[-1])))):
                # "Retención en garantía 5 % s/ base imponible -12.185,10 €": a retention on the basis, not it
                score -= 2.0
            if amount_role(plan.name) == "tax" and _tax_word_in_description(cand, labels, index):
                score -= 1.5  # "GST return preparation - June 2025 … 1.00 -450.00 15% -450.00": a service billed
            if amount_role(plan.name) == "tax" and _deducts(index.lines[cand.line]):
                score -= 1.5  # "Less: withholding income tax (10%), withheld by client (7,800)": no tax charged
        if plan.unsigned and isinstance(cand.value, (int, float)):
            cand.value = abs(cand.value)
        if balance and _is_debit_balance(index.lines[cand.line], cand):
            cand.value = -abs(cand.value)  # "SOLDE DÉBITEUR AU 31/01/2026 1 245,30", "2.416,83 S": overdrawn
        elif plan.kind in ("date", "id", "vat_id", "iban"):
            score += 0.3 * (1 - position)  # header values sit high
            if plan.kind == "date" and cand is first_date:
                score += 0.2  # the first date printed is most often the issue date
            if plan.kind == "date" and re.search(ISSUE_DATE_FIELD, plan.name):
                # pypdf wrapped "Rechnung Nr. X vom" before its date, or before "vom"
                before = _with_wrapped_start(index.lines, cand, lead=_DATE_CONNECTOR)
                if (any(_corrects(index.lines[cand.line], h) for h in labels[cand.line] if h.end <= cand.start)
                        or _under_corrected_label(cand, index, labels)):
                    score -= 1.5  # "Documento que modifica : FACTURA F001-00004521 de fecha 03/04/2025": its date
                elif _OTHER_PAPER_DATED.search(index.lines[cand.line][: cand.start]):
                    score -= 1.5  # "Contract dated 14 August 2023": another paper's date
                elif _NUMBER_THEN_DATE.search(before):
                    score = max(score, 3.0)  # "Rechnung Nr. 471102 vom 13.11.2019": the date of that number
                elif (_TITLE_THEN_DATE.search(before) and not _DUE_WORDS.search(before)
                      # (not a period's start: "FATTURA Servizi di vigilanza – periodo 01/05/2025")
                      and not _PERIOD_WORD.search(before) and not _under_references(index.lines, cand.line)):
                    score = max(score, 2.7)  # weaker: the line may name another paper ("Rechnung gemäß … vom")
            if plan.kind == "date" and re.search(DUE_DATE_FIELD, plan.name) and _DEBIT_DATE.search(
                    _with_wrapped_start(index.lines, cand)):
                score = max(score, 2.7)
            if plan.kind == "date" and re.search(DUE_DATE_FIELD, plan.name):
                # the date's clause: "Zahlbar innerhalb 30 Tagen netto bis 04.07.2018", "3% Skonto … bis 15.06.2018"
                line = index.lines[cand.line]
                clause = (re.split(r"[,;.]\s", line[: cand.start])[-1] + " "
                          + re.split(r"[,;.]\s", line[cand.start + len(cand.text):], maxsplit=1)[0])
                if _NET_TERM.search(clause):
                    score += 0.5  # "oder bis zum 09.04.2025 netto ohne Abzug": the net amount's date
                elif _CASH_DISCOUNT.search(clause):
                    score -= 1.0  # "Zahlbar bis zum 20.03.2025 abzüglich 2 % Skonto": the discount's date
            if plan.kind == "date" and (start or end):
                bound, first = _range_bound(cand, found, index)
                if bound == "end" and end:
                    # the label before a range labels both its dates: "Période : du 10/01/2025 au 09/03/2025"
                    score = max(score, label_score(first, plan.name, labels, index) + 0.3 * (1 - position))
                bound = bound or _bound_word(index.lines[cand.line][: cand.start])  # "Period Ending: 06/14/2025"
                if bound:
                    score += 0.5 if (bound == "start") == bool(start) else -0.5
            if plan.kind == "date" and _original_invoice_date(cand, labels, index):
                score -= 1.5  # "Original invoice" / "INV-2024-0412" / "Invoice date" / "02/09/2024": the original's
            if plan.kind == "date" and not end and _PERIOD_END.search(index.lines[cand.line][: cand.start]):
                score = min(score, 0.5)  # "Zeitraum vom 06.12.2013 bis zum 06.12.2014": a period's end, no due date
            if plan.kind == "id" and score >= 2.5:
                cand = _with_digit_groups(_with_letter_prefix(cand, labels[cand.line], index.lines[cand.line]),
                                          index.lines[cand.line])
            if (plan.kind == "id" and re.search(DOCUMENT_NUMBER_FIELD, plan.name)
                    and C.PT_DOCUMENT_ID.fullmatch(cand.text)):
                score = max(score, 2.6)  # the format names it: a fatura's "FT 2025A/147", wherever it is printed
            if (plan.kind == "id" and re.search(DOCUMENT_NUMBER_FIELD, plan.name) and cand.line > 0
                    and (_title_only(index.lines[cand.line - 1], labels[cand.line - 1], plan.name)
                         # (under a subtitle: "FAKTURA" / "daňový doklad" / "č. FV-2025-0688")
                         or (cand.line > 1 and _SUBTITLE.fullmatch(index.lines[cand.line - 1].strip())
                             and _title_only(index.lines[cand.line - 2], labels[cand.line - 2], plan.name)))
                    and (_NUMBER_WORD.fullmatch(index.lines[cand.line][: cand.start].strip())
                         # or the line is the number alone: "Számla" / "PCM/2025/0388"
                         or index.lines[cand.line].strip() == cand.text)):
                # "FAKTÚRA" / "číslo 2024-0312": the number under the title, as the title's own ("Faktúra č. …")
                score = max(score, 2.6, min(score + 0.3, 3.3))
            if plan.kind == "id" and score >= 2.5 and _TITLE_LINE.match(index.lines[cand.line]):
                score += 0.3  # "Handelsrechnung Nr. E2018092011804": the title's number, over "Belegnummer 2018…"
            if (plan.kind == "id" and re.search(DOCUMENT_NUMBER_FIELD, plan.name)
                    and _ACCOUNT_BEFORE.search(index.lines[cand.line][: cand.start])):
                score -= 1.5  # "… a la próxima factura de su cuenta 10-44817": an account's number, no invoice's
            if (plan.kind == "id" and cand.line > 0 and _SENTENCE_GOES_ON.search(index.lines[cand.line - 1])
                    and len(index.lines[cand.line][: cand.start].split()) <= 2):
                score -= 1.5  # "… correspondiente a la" / "e-Factura A 0012511 (vencida …)": a sentence's invoice
            if plan.kind == "id" and (_MONEY_AFTER.match(index.lines[cand.line][cand.start + len(cand.text):])
                                      or _MONEY_BEFORE.search(index.lines[cand.line][: cand.start])):
                # "commande > 300 € HT", "Total nota de crédito $ 5.284.552": an amount, not a document's number
                score -= 1.0
            if (plan.kind == "id" and re.search(DOCUMENT_NUMBER_FIELD, plan.name)
                    and _SUNAT_SERIES.fullmatch(cand.text)):
                score = max(score, 2.6)  # a Peruvian e-invoice's series and number, "F002-00018744", unlabelled
            if plan.kind == "id" and _PARENTHESISED.search(index.lines[cand.line][max(0, cand.start - 1):]):
                score -= 1.0  # "Rechnung (380)": a type code, not the document's number
            if plan.kind == "id" and _IN_ASIDE.search(index.lines[cand.line][
                    max((h.end for h in labels[cand.line] if h.end <= cand.start), default=0): cand.start]):
                score -= 1.0  # "Visualisierung einer Rechnung (XRechnung 3.0, UBL)": the format's version
            if plan.kind == "id" and (_VERSION_BEFORE.search(index.lines[cand.line][: cand.start])
                                      or _REGULATION_BEFORE.search(index.lines[cand.line][: cand.start])):
                score -= 1.0
            if (plan.kind == "id" and _YEAR.fullmatch(cand.text) and (word := re.search(
                    r"([^\W\d_]{3,})\s+$", index.lines[cand.line][: cand.start])) and not any(
                    h.end == word.end(1) for h in labels[cand.line])):
                score -= 1.0  # "Factuur contributie 2025": the year of what is billed, no number
            if (plan.kind == "id" and re.fullmatch(r"\d{4,5}", cand.text)
                    and _POSTCODE_AND_CITY.match(index.lines[cand.line], cand.start)
                    and re.search(r"(?:^|\s{2})$", index.lines[cand.line][: cand.start])):
                score -= 2.0  # "06053 Deruta (PG) – Italia" beside "FATTURA" in the layout: a postcode, no number
            if plan.kind == "id" and _FATTURAPA_TYPE.fullmatch(cand.text):
                score -= 1.5  # "Tipologia documento" / "TD01 fattura": the type of an Italian e-invoice, no number
            if plan.kind == "vat_id" and _block_role(cand, labels, index) not in (None, party_role(plan.name)):
                score -= 1.0  # "Buyer (Bill to) … GSTIN/UIN: 24AAQFK7312P1ZC": the other party's id, in its block
            elif (plan.kind == "vat_id" and party_role(plan.name) == "sender"
                  and re.search(_BUYERS_ID + re.escape(cand.text), index.text)):
                score -= 1.0  # "Customer VAT No.: DE284173051" further down: the buyer's id, wherever else printed
            elif plan.kind == "vat_id" and party_role(plan.name) == "sender" and any(
                    _for_someone_in(index.lines[j])
                    and not any(C.COMPANY.search(index.lines[k]) for k in range(j + 1, cand.line))
                    and not any(j < c.line < cand.line for c in found)  # (the block's first id only)
                    for j in range(max(0, cand.line - 5), cand.line)):
                # "Havenlicht Design B.V." / "t.a.v. crediteurenadministratie" / street / city / "BTW NL971304075B01":
                # the id closes the block of the party someone there is to read it for, the addressee's
                score -= 1.0
            elif plan.kind == "vat_id" and party_role(plan.name) == "sender" and any(
                    C.COMPANY.search(index.lines[j]) and _LEGAL_SMALL_PRINT.search(index.lines[j])
                    for j in range(max(0, cand.line - 1), cand.line + 1)):
                # "Hôtel du Quai Verlaine SAS au capital de 150 000 € · RCS Paris … · N° TVA" / "intracommunautaire
                # FR53831472600": the company's legal small print names the issuer's id
                score += 1.0
        elif plan.kind == "text":
            role = plan.role
            if role != "recipient":
                score += 0.5 * (1 - position) ** 2  # letterheads sit at the top; the recipient need not
            if role and not C.COMPANY.search(cand.text) and cand.line in index.row_lines:
                score -= 1.0  # "Travel to venue – Palm Beach, per artist – 4 60.00 – 240.00": an item's row
            if C.COMPANY.fullmatch(cand.text.strip()):
                score -= 2.0  # "SPA" of "KONFERENS · FJÄLL · SPA": a legal form alone names no one
            elif cand.start == 0 and C.wrapped_name_tail(index, cand.line):
                score -= 1.0  # "de Sula, S. de R.L.": the end of a name wrapped onto a second line
            elif C.COMPANY.search(cand.text):
                # an employee is no company; a shop or a hotel goes by the name over its door, not its owner's
                # legal name ("Havbris Kaffebar", "Havbris Servering AS"), unless the schema asks for that one
                score += -0.5 if person else 0.0 if trading else 0.5
            owners = C.OWNERS_ASSOCIATION.match(cand.text)
            if any(ch.isdigit() for ch in cand.text) and not owners:
                score -= 0.5  # (not a building's number: "Stockwerkeigentümergemeinschaft Seefeldstrasse 118")
                if (month := _MONTH_THEN_YEAR.match(cand.text)) and C._month(month.group(1)):
                    score -= 2.0  # "… the period September 2025 to August 2026, as per …": a date after "to"
            if owners:
                # the owners of which building: "Association des copropriétaires" / "Résidence Les Tilleuls" is
                # one name, over either line alone
                score += 0.3 if cand.text[owners.end():].strip() else -0.3
            if role == "sender" and cand.label_evidence > 0 and any(
                    _SHIPMENT.match(index.lines[j]) for j in range(max(0, cand.line - 2), cand.line + 1)):
                score -= cand.label_evidence  # "Sendung: 3 Paletten …" / "Absender: …": the goods' sender, no seller
            if role == "sender" and _ADDRESSEE_AFTER.match(index.lines[cand.line], cand.start + len(cand.text)):
                score -= 1.0  # "瀬戸内エアライン株式会社 御中": the honorific after the name addresses the recipient
            if role == "sender" and _payer_on_remittance_slip(cand, index):
                score -= cand.label_evidence  # its "From" labels no seller
            if role == "recipient" and cand.label_evidence and _BANK_CODES.search(
                    index.lines[cand.line][cand.start + len(cand.text):]):
                # "Titular: Ironbark Mining Advisory Pty Ltd   BSB: 036-001 … SWIFT: WPACAU2S": the account's holder
                # is the payee, whom a utility's "Titular" (the contract's holder) does not mean here
                score -= cand.label_evidence
            if party_role(plan.name) and any(_PRINTER_IMPRINT.search(index.lines[j]) for j in
                                             range(max(0, cand.line - 1), min(n_lines, cand.line + 2))):
                # "Mindanao Fastprint Press, Inc. · … Printer's Accreditation No.": who printed the form is no party
                score -= 1.5
            if _INITIALS_THEN_CODE.fullmatch(cand.text):
                score -= 2.0  # "C.F. MRCDVD87D23L219G": a tax code after its label's initials, no name
            if _sales_rep(cand, labels, index.lines):
                score -= 2.5
            # (a name of two lines: "Association des copropriétaires" / "Résidence Les Tilleuls" / "c/o Immo …")
            after = cand.line + 1 + (cand.start == 0 and len(cand.text) > len(index.lines[cand.line]))
            if after < n_lines and _for_someone_in(index.lines[after]):
                # "Nordvik Logistik AB" / "Att: Karin Ekström": the head of an address for someone's attention, or
                # for a department's ("Alpstein Maschinenbau AG" / "Kreditorenbuchhaltung")
                score += 0.5 if role == "recipient" else -0.5
            if (not _NAME_SHAPE.search(cand.text) or _CODE_LIKE.fullmatch(cand.text)
                    or (_ID_NUMBER.match(cand.text) and _CODE_LIKE.fullmatch(cand.text.split()[0]))):
                # "ALP-031", "(Art)", "FIDCFR21XXX": codes and fragments, not names, even labelled ("Kunde: ALP-031"),
                # nor what opens with a tax id: "NIF / VAT comprador: ESB33182049 Tipo de cambio oficial: …"
                score -= 2.0
            if ("@" in cand.text or "://" in cand.text or "www." in cand.text.casefold()
                    or _BARE_DOMAIN.fullmatch(cand.text)):
                score -= 1.0  # "cvwd.example.org": an address on the web, not a name
            # "Liefer antenstr aße 20": pypdf split the words of a street, and the joined form shows it
            if not owners and (
                    _ADDRESS.search(cand.text) or _ADDRESS.search(_SPLIT_WORD.sub("", cand.text))
                    or cand.text.casefold() in _COUNTRIES
                    or ("," in cand.text and cand.text.rsplit(",", 1)[1].strip(" .").casefold() in _COUNTRIES)):
                # a street, a postcode and city, or a country ("Al Quoz Industrial Area 3, Dubai, UAE"): the
                # party's address, not its name; surely so after an address's label ("Leveringsadres: Kromme
                # Leijstraat 17, Utrecht")
                score -= 1.5 if _after_address_label(cand, labels[cand.line], index.lines[cand.line]) else 1.0
            salutation = C.SALUTATION.match(cand.text)  # its dot ends no sentence: "Gosp. Matija Rukavina"
            # (a partnership's name runs long: "Osteria dei Colli S.n.c. di Galli Nerina & C.")
            if (len(cand.text) > 60 or len(cand.text.split()) > (12 if C.COMPANY.search(cand.text) else 8)
                    # the dots of a legal form end no sentence: "Zielony Łan Sp. z o.o."
                    or _SENTENCE_BREAK.search(C.COMPANY.sub("", cand.text[salutation.end() if salutation else 0:])
                                              .rstrip("."))
                    or (cand.text.endswith(".") and len(cand.text.split()) > 2 and not C.COMPANY.search(cand.text))):
                score -= 0.8  # a sentence of the small print or a slogan, not a name
            if C.OPEN_END.search(cand.text):
                score -= 0.5  # "Suministros Industriales del Bajío, S.A. de": the name goes on on the next line
            if (party_role(plan.name) and _BANK_NAME.search(cand.text)
                    and _BANK_WORDS.match(index.lines[cand.line][cand.start + len(cand.text):].lstrip(" ·|,–-:"))):
                score -= 1.5  # "Donau Regionalbank AG · IBAN AT26 …": the bank that keeps the account, no party
            if re.match(r"[a-zà-ÿ]{3,}\s", cand.text):
                score -= 0.8  # "shown on this page do not include…": names start with a capital or a digit
            if _SENTENCE_VERB.search(cand.text):
                score -= 0.8  # "This is a Computer Generated Invoice": a sentence of the small print
            if _BANK_WORDS.match(cand.text) or (cand.start == 0 and cand.line > 0 and re.search(
                    r"(?i)\b(?:bic|swift)(?: code)?\s*:?\s*$", index.lines[cand.line - 1])):
                # "SWIFT ALBADKKK", "IBAN DK51 …", and "… · BIC" / "SCHLBEBB · info@…": a bank's code, not a party
                score -= 2.0
            elif not C.COMPANY.search(cand.text) and re.search(
                    r"(?i)\b(?:iban|bic|swift)\b", index.lines[cand.line][cand.start + len(cand.text):]):
                score -= 1.0  # "Banque du Centre-Nord · IBAN LU92 …": the bank the account is held at
            elif _BANK_NAME.search(cand.text) and re.match(
                    r"(?i),?\s+[^,]{0,30}\bbranch\b", index.lines[cand.line][cand.start + len(cand.text):]):
                score -= 1.5  # "Meghna Union Bank PLC, Gulshan Avenue Branch": the bank that keeps the account
            elif re.search(r"(?i)\bbank\b", cand.text) and re.search(
                    r"(?i)\b(?:iban|bic|swift|sort code|account (?:no|number))\b",
                    index.lines[cand.line][cand.start + len(cand.text):]):
                score -= 1.0  # "BACS: Forth & Clyde Bank plc, sort code 83-19-52": a bank, whatever its legal form
            if (cand.text.startswith("(") and not _CJK_LEGAL_FORM.match(cand.text)) or "%" in cand.text:
                score -= 1.0  # "(Not to be used for payment)", "MwSt-% Nettowert": a remark or a column
            # "Umsatzsteuer aufschlüsselung:", "Nummer        : GE2020211", but not "WS Retail Services Pvt. Ltd :"
            heading = index.lines[cand.line][cand.start + len(cand.text):].lstrip().startswith(":") and not (
                C.COMPANY.search(cand.text))
            if _looks_like_label(cand, labels) or heading:
                score -= 1.0  # a label (ours or another field's, or a heading ending in a colon) is not a value
                if _is_other_fields_label(cand, plan.name, labels):
                    score -= 1.0  # "Montant à payer" on its own line: the amount due's label, whatever heads it
            if _is_header_row(labels, index.lines, cand.line) or _other_heading(labels[cand.line],
                                                                                index.lines[cand.line]):
                score -= 1.5  # a column header, even one that names a party ("Art-Nr-Lieferant"), or a heading
            if not C.COMPANY.search(cand.text) and any(
                    h.start == cand.start and h.key(index.lines[cand.line]) in _REGISTER_KEYS
                    for h in labels[cand.line]):
                score -= 1.0  # "RPR Gent, afdeling Gent": a register or a court, by its label's word
            if _TITLE_ONLY.fullmatch(re.sub(r"\s*\([^()]+\)$", "", cand.text)):
                # "KOSTENRECHNUNG", "Kopie factuur", "전자세금계산서 (공급받는자 보관용)": the document's title (and
                # which copy), no party
                score -= 1.5
            if _OFFICER.fullmatch(cand.text):
                score -= 1.0  # "The Executive Director" over "Shapla Nari Kalyan Foundation": an office, no party
            if _FORM_BOX.fullmatch(cand.text):
                score -= 2.0  # "종사업장" over "번호": a Korean tax invoice's box of the branch's number
            if _POSTAL_MARK.fullmatch(cand.text) or _COPY_MARK.fullmatch(cand.text):
                score -= 2.0  # "Recommandé" over the address window, "ORYGINAŁ" under the title: no party
            if _DEPARTMENT.fullmatch(cand.text) and not C.COMPANY.search(cand.text):
                score -= 1.5  # "Purchasing Department": a part of the party, named on the line above
            if any(h.key(index.lines[cand.line]) in _SIGNER_KEYS for h in labels[cand.line]):
                # "Получател: Радослав Иванов Съставил: Десислава Маринова": the signatures' line, whose party
                # label names who received the goods, a person
                score -= 2.0
            if C.GREETING.match(cand.text):
                score -= 2.0  # "Sehr geehrte Frau Dr. Hofstetter": the letter's greeting, its addressee named above
            if C.ATTENTION.match(cand.text):
                score -= 1.0  # "c/o Amministrazioni Ferri": the party is named on the line above
            if C.SALUTATION.match(cand.text):  # "Herrn Max Mustermann": letters salute their addressee
                score += 0.4 if role == "recipient" else -0.5
                # "Dhr. R.J. van der Heijden" / "Kromme Leijstraat 17": the address block's head, its street within
                # three lines, unless a company heads the block and the person is its contact ("Wohnbau Lindenau eG"
                # / … / "Frau Sabine Krüger")
                # (opening its line, or glued to the sender's e-mail: not "Représentant : M. Girard", a sales rep)
                before = index.lines[cand.line][: cand.start].strip()
                if (role == "recipient" and (not before or "@" in before)
                        and any(_ADDRESS.search(index.lines[j])
                                for j in range(cand.line + 1, min(n_lines, cand.line + 4)))
                        and not any(C.COMPANY.search(index.lines[j]) or _ORGANISATION.search(index.lines[j])
                                    for j in range(max(0, cand.line - 3), cand.line))):
                    score += 0.4
            elif (role == "recipient" and cand.start == 0 and _ORGANISATION.search(cand.text)
                  and any(C.SALUTATION.match(index.lines[j]) for j in range(cand.line + 1, min(n_lines, cand.line + 4)))
                  and any(_ADDRESS.search(index.lines[j]) for j in range(cand.line + 1, min(n_lines, cand.line + 6)))):
                # "Genossenschaft Wohnen am Plessurbogen" / "Baukommission" / "Herr Marco Caflisch" / "Sandstrasse
                # 41": an organisation without a legal form heads the block, the person under it is its contact
                score += 0.8
            # DIN 5008 letters: a one-line sender address sits right above the recipient's name (or above the
            # officer it is addressed to: "… · Narayanganj-1461" / "The Executive Director" / "Shapla Nari …")
            above = index.lines[cand.line - 1] if cand.line > 0 else ""
            if cand.line > 1 and _OFFICER.fullmatch(above.strip()):
                above = index.lines[cand.line - 2]
            if role == "recipient" and (_RETURN_ADDRESS.search(above) or _RETURN_ADDRESS_COMMAS.match(above)):
                score += 0.6
            # (a field of the same party heads it too: "VAT Number" / "IE 6388047V" / "Liffeyside Events Limited")
            if (role and (heading := _block_heading(cand, labels, index, name=True)) and plan.name not in heading
                    and role not in map(party_role, heading)):
                score -= 1.0  # "CLIENTE" / "Construcciones Almendro S.L.": the other party's block
            if (role == "recipient" and cand.start == 0 and len(cand.text) < len(index.lines[cand.line])
                    and (_RETURN_ADDRESS.search(index.lines[cand.line])
                         or _RETURN_ADDRESS_COMMAS.match(index.lines[cand.line]))):
                score -= 1.0  # "Löwen-Apotheke am Markt · Marktplatz 5 · 34117 Kassel": the sender's return address
            if (role == "sender" and cand.start == 0 and _RETURN_ADDRESS.search(index.lines[cand.line])
                    and (C.COMPANY.search(cand.text) or _capitalised(cand.text))
                    and not _short_form_of_letterhead(cand, index)):
                score += 0.4  # not a slogan that opens the line ("Frutas y hortalizas al por mayor · Mercamurcia …")
            if role == "sender" and _in_web_domain(cand.text, domains):
                score += 0.6  # "Azure Interior" and www.azure-interior.com: a letterhead's name and its site
            if role == "sender" and (C.COMPANY.search(cand.text) or _FIRM_NAME.search(cand.text)):
                # the issuer's legal name comes back in the footer, the bank details, the VAT line
                score += min(0.6, 0.3 * (index.flat.count(" ".join(cand.text.casefold().split())) - 1))
        elif plan.kind == "currency":
            score += 0.1
            line = index.lines[cand.line]
            # (not glued into a code: the "GEL" of "SWIFT HELADEF1GEL")
            if (re.search(r"(?<![^\W\d_])\d[\d.,'’ ]*\s?$", line[: cand.start])
                    or re.match(r"\)?\s?-?\d", line[cand.start + len(cand.text):])):
                # "6 200,97 zł", "Do zapłaty: 6 290,97 PLN": the currency of an amount, whatever label the amount has
                score = max(score, 0.1) + 0.3
            elif (re.fullmatch(r"[A-Z]{3}", cand.text) and not re.search(r"[\d:]\s*$", line[: cand.start])
                    and not re.match(r"\s*-?\d", line[cand.start + 3:]) and re.search(r"[a-z]", line)):
                score -= 0.3  # "Pomodori pelati San Marzano DOP": a code in words, beside no amount, may be a word
            if _CAPITAL_BEFORE.search(line[: cand.start]):
                score -= 1.0  # "share capital PLN 50,000.00": the company's capital, not what the invoice is paid in
        cand.score = score
        salutation = C.SALUTATION.match(cand.value) if plan.kind == "text" and no_salutation else None
        if salutation and cand.value[salutation.end():].strip():
            cand.value = cand.value[salutation.end():].strip()  # the schema asks for the name alone: "Herrn …"
        if (plan.kind == "text" and index.lines[cand.line].rstrip().endswith(",") and cand.line + 1 < n_lines
                and (owner := _CRAFT_OWNER.match(index.lines[cand.line + 1].strip()))):
            # "TONUS, obrt za ugađanje i popravak glasovira," / "vl. Tonko Marinović": a Croatian craft's name
            # goes on to its owner's
            cand.value = f"{cand.value.rstrip(',')}, {owner.group()}"
        if (plan.kind == "text" and (translated := _TRANSLATION_AFTER.fullmatch(cand.value))
                and not _CJK_LEGAL_FORM.fullmatch(translated.group(1))):
            # "樂思音樂教室有限公司 Lusi Music Studio Co., Ltd.": the name, then in English
            cand.value = translated.group(1)
        elif plan.kind == "text" and (latin := _CJK_AFTER.fullmatch(cand.value)):
            cand.value = latin.group(1)  # "Ms. Cherry Wong Hoi-yan 黃凱欣小姐": the name printed first, then in Chinese
        if (plan.kind == "text" and (monogram := _MONOGRAM.match(cand.value)) and _initials_of(*monogram.groups())
                and index.flat.count(monogram.group(2).casefold()) > index.flat.count(cand.value.casefold())):
            # "QC Qamar Cloud Systems L.L.C.", and elsewhere "Account name: Qamar Cloud Systems L.L.C.": the logo's
            # letters, then the name (not "MVM Musterhafter Versicherungsverein …", printed so each time)
            cand.value = monogram.group(2)
        scored.append(cand)
        key = cand.value
        # the same value printed several times: keep its best evidence, credit the repetition a little (an
        # amount or a date up to three times: twelve monthly instalments of 160,00 are no amount due, a week's end
        # on each row of a timesheet no issue date)
        if key in merged:
            best = merged[key]
            repeats[key] = repeats.get(key, 0) + 1
            bonus = 0.1 if repeats[key] <= 3 or plan.kind not in ("amount", "integer", "date") else 0.0
            if cand.score > best.score and plan.kind == "text":
                # a name printed again under a heading that names it: its evidence, at its first printing, whose
                # place the model's options and the checks of its neighbours read
                best.score = cand.score + bonus
            elif cand.score > best.score:
                cand.score += bonus
                merged[key] = cand
            else:
                best.score += bonus
        else:
            merged[key] = cand
    if plan.kind == "id":
        for cand in merged.values():
            if _deducts(index.lines[cand.line]):
                cand.score -= 1.5  # "Acompte versé (facture FA-2024-0412 …": the advance's invoice, not this one
    # (with its series' letter too: "Factura A 0002-00014562")
    for key in [k for k in merged if k in corrected or any(str(k).endswith(f" {v}") for v in corrected)]:
        # "Original invoice INV-12873" … "reverses the lines of invoice INV-12873": wherever else it is printed,
        # the number of the invoice a credit note corrects is not the credit note's
        merged[key].score -= 1.5
    if (plan.kind == "text" and plan.role == "recipient"
            and not any((c.label_evidence or 0) > 0 for c in merged.values())):
        _opens_an_address(index, merged)
    if plan.kind == "text" and not person and not trading:
        _legal_name_of_logo(merged)
        _name_of_a_two_line_logo(index, merged)
    if plan.kind == "amount":
        for cand in merged.values():
            if _CONVERTED.search(index.lines[cand.line]):
                cand.score -= 1.5  # "VAT amount in sterling: GBP 758.63 (converted at …)": another currency's figure
            if amount_role(plan.name) == "tax" and _RATE_ON.search(index.lines[cand.line][: cand.start]):
                cand.score -= 1.5  # "GST 5% on 435.40", "PST 7% on retail 95.40": what the rate is charged on
        _weigh_tax_breakdown(plan.name, index, merged)
        _weigh_rate_times_basis(plan.name, index, merged)
        _add_tax_lines(plan.name, index, scored, merged)
        _weigh_arithmetic(plan.name, index, merged)
        if amount_role(plan.name) == "basis":
            _section_subtotals(index, merged)
        if re.search(r"sub_?total", plan.name):  # (not a payslip's "net_pay": its rows add up to the gross)
            _sum_under_the_rows(index, scored, merged)
        if is_gross_total(plan.name):
            _after_rounding(index, merged)
            _after_a_deduction(index, merged)
            _after_arrears(index, scored, merged)
            for net, tax in _net_and_tax_lines(index, scored):
                net.score, tax.score = net.score - 2.0, tax.score - 2.0
        elif amount_role(plan.name):
            for net, tax in _net_and_tax_lines(index, scored):
                best = net if amount_role(plan.name) == "basis" else tax
                best.score = max(best.score, 2.6)
    ranked = sorted(merged.values(), key=lambda c: -c.score)
    if plan.kind == "amount" and not balance:
        ranked = _prefer_larger_among_ties(ranked)
    elif balance:  # no larger for being larger; of equal evidence the longer reading ("1 245,30", not "245,30")
        ranked = sorted(ranked, key=lambda c: (-c.score, -len(c.text)))
    return ranked


# the head of a slip the buyer sends back with its payment
_REMITTANCE_SLIP = re.compile(r"(?i)remittance (?:advice|slip)|detach and return|return this (?:slip|portion)"
                              r"|talon à (?:détacher|retourner)")


def _tax_word_in_description(cand: C.Candidate, labels: list[list[LabelHit]], index: C.TextIndex) -> bool:
    """The tax's name that labels an amount opens a phrase of an item row's description ("GST return
    preparation … 1.00 -450.00 15% -450.00"): the row bills a service about the tax, it charges none."""
    line = index.lines[cand.line]
    hit = next((h for h in reversed(labels[cand.line]) if h.end <= cand.start), None)
    return (hit is not None and any(amount_role(f) == "tax" for f in hit.fields)
            and re.match(r"\s[a-z]{3,}\s", line[hit.end:]) is not None and C._row(line, cand.line) is not None)


def _payer_on_remittance_slip(cand: C.Candidate, index: C.TextIndex) -> bool:
    """"REMITTANCE ADVICE" … "From Lantern & Ivy Gifts Ltd": on the slip the buyer returns, "From" is the payer."""
    return bool(re.match(r"(?i)from\b", index.lines[cand.line])) and any(
        _REMITTANCE_SLIP.search(line) for line in index.lines[max(0, cand.line - 6): cand.line])


_BANK_CODES = re.compile(r"(?i)\b(?:iban|swift|bic|bsb|sort code|routing)\b")
_INITIALS_THEN_CODE = re.compile(r"(?:[A-Z]\.){1,3}\s*[A-Z0-9]*\d[A-Z0-9]*")
# a postcode, then its town: "06053 Deruta (PG)", "75008 Paris", "1070 Wien"
_POSTCODE_AND_CITY = re.compile(r"\d{4,5} [A-ZÀ-Þ][a-zà-ÿ'-]+(?:-?[A-ZÀ-Þ][a-zà-ÿ'-]*)*(?:[ ,(]|$)")


def _opens_an_address(index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """Where no heading names the recipient, a company whose postcode and town follow within four lines heads an
    address window: "SCI Centre Commercial Les Hauts de Sèvre" / "Direction du centre" / "Allée des Commerçants" /
    "44120 Vertou" (the sender's own block is taken from the recipient's options by `separate_parties`)."""
    def opens(j: int, reach: int) -> bool:
        # (or a co-operative's, with its post box: "Coopérative Agricole Ebenezer de Duékoué" / … / "BP 214 Duékoué")
        # (or a public body's: "Communauté de communes des Coteaux de" / "l'Arrats" / … / "32120 Mauvezin-sur-Arrats")
        return j >= 0 and bool(C.COMPANY.search(index.lines[j]) or _COOPERATIVE.match(index.lines[j])
                               or _PUBLIC_BODY.match(index.lines[j])) and any(
            _POSTCODE_AND_CITY.match(line) or _POST_BOX.match(line) for line in index.lines[j + 1: j + 1 + reach])

    for cand in merged.values():
        # the window's first line, alone on it: not the contact under it ("Éditions de la Venoge SA" / "Service de
        # production" / "Mme Nadia Perrenoud" / street / town), nor a return address's name ("Nordstern Versicherung
        # AG · Postfach 10 20 30 · 20095 Hamburg")
        # (or its two lines, a name wrapped after "de")
        if (cand.text.strip().startswith(index.lines[cand.line].strip()) and cand.start == 0 and opens(cand.line, 4)
                and not any(opens(cand.line - k, 4 + k) for k in (1, 2))):
            cand.score += 0.5


_PUBLIC_BODY = re.compile(r"(?i)communauté (?:de communes|d'agglomération|urbaine)|commune d[e']|mairie d[e']"
                          r"|ville d[e']|conseil (?:départemental|régional)|ayuntamiento d[e']|comune di|gemeinde "
                          r"|municipalidad d[e']|câmara municipal d[e']|município d[e']")
_COOPERATIVE = re.compile(r"(?i)co-?op[ée]rative|cooperativa|coöperatie|coöperasie")
_POST_BOX = re.compile(r"(?:BP|B\.P\.|P\.?O\.? Box|Postfach|Apartado|Caixa Postal) \d+ [A-ZÀ-Þ]")
# a name in Han, kana or Hangul, then its English form, in brackets or not: "코어라인 필라테스 (Coreline Pilates)"
_CJK = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
_TRANSLATION_AFTER = re.compile(rf"((?:\([{_CJK}]+\))?[{_CJK}][{_CJK}\s()]*?)\s+\(?[A-Z][\w .,&'-]+\)?\.?")
_CJK_AFTER = re.compile(rf"([A-Z][\w .,&'-]*?[\w.])\s+\(?[{_CJK}][{_CJK}\s]*\)?")
_CJK_LEGAL_FORM = re.compile(r"\(?(?:株式会社|有限会社|合同会社|주식회사|주|유한회사|有限公司|股份有限公司)\)?")
_MONOGRAM = re.compile(r"([A-Z]{2,4}) ((?:[A-Z][\w&-]*\s+){2,}\S.*)")


def _initials_of(letters: str, name: str) -> bool:
    """`letters` are the first letters of the words that open `name` ("QC", "Qamar Cloud Systems")."""
    return ("".join(word[0] for word in name.split()[: len(letters)]) == letters
            and not C.COMPANY.fullmatch(letters))  # not Sweden's "AB" before "AB Alfa Bygg"


def _legal_name_of_logo(merged: dict[Any, C.Candidate]) -> None:
    """A name the page prints in full with its legal form ranks as high as its short form: "MALEREI PICHLER" atop
    the letter is "Malerei Pichler e.U." of the footer, "IMPRIMERIE" the logo of "Imprimerie Castagné SAS". So
    does a name the short form abbreviates: "TH Wendelstein" is "Technische Hochschule Wendelstein" (with a legal
    form too: "MIFM W.L.L."), and one whose words a logo prints in capitals: "DEL ESTRECHO" is "Consignataria del
    Estrecho, S.L."."""
    names = [c for c in merged.values() if isinstance(c.value, str)]
    for short in names:
        legal = C.COMPANY.search(short.text) is not None
        if not legal and (short.text.isupper() and " " in short.text
                          or " " not in short.text and len(short.text) >= 4):
            # a logo's second line, "CONSIGNATARIA" / "DEL ESTRECHO", of "Consignataria del Estrecho, S.L."; a
            # logo's word over the legal name that holds it: "Pehuén" / "Consultora Pehuén Gestión … Limitada"
            inner = re.compile(r"(?i)\s" + re.escape(short.text) + r"\b")
            for full in names:
                if (inner.search(full.text) and _ends_in_legal_form(full.text)
                        and (" " in short.text or 0 < full.line - short.line <= 3)
                        and full.score < short.score + 0.5):
                    full.score = short.score + 0.5
        key = short.text.casefold()
        for full in names:
            # where the short form stands, the full name would also earn its legal form's half point (a short form
            # with a legal form of its own, only by its initials: "MIFM W.L.L."); a comma may part the legal form
            # ("Clínica Dentária Sorriso do Minho, Lda.")
            if ((not legal and (full.text.casefold().startswith(key) and full.text[len(key): len(key) + 1] in (" ", ",")
                                and _ends_in_legal_form(full.text)
                                or _acronym_of(short.text, full.text))
                 or _abbreviates(short.text, full.text))
                    and full.score < short.score + 0.5):
                full.score = short.score + 0.5


def _ends_in_legal_form(name: str) -> bool:
    """"Consignataria del Estrecho, S.L.", not "Hartwell Lane Physiotherapy Ltd is not registered for VAT."; and a
    professional firm's name, which has no legal form: "Haneul International Patent & Law Firm"."""
    legal = list(C.COMPANY.finditer(name))
    return (bool(legal) and legal[-1].end() >= len(name.rstrip(" ,"))) or _FIRM_NAME.search(name) is not None


_FIRM_NAME = re.compile(r"(?i)\s(?:&|and)\s(?:\w+\s)?(?:partners|associates|law firm|co\.?)$"
                        r"|\s(?:law (?:firm|office|offices)|chambers)$")


def _name_of_a_two_line_logo(index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """A letterhead's logo over two lines names the party a line further down prints in full: "UNIVERSITÉ" /
    "RHÔNE-VERCORS" atop the page is "Université Rhône-Vercors – SUFC"."""
    first = C.first_line(index)
    if first < 0 or first + 1 >= len(index.lines):
        return
    logo = " ".join(f"{index.lines[first]} {index.lines[first + 1]}".split())
    logo_score = max((c.score for c in merged.values() if c.line in (first, first + 1)), default=0.0)
    for cand in merged.values():
        if cand.line > first + 1 and C.fold(cand.text) == C.fold(logo) and cand.score < logo_score + 0.5:
            cand.score = logo_score + 0.5


def _acronym_of(short: str, full: str) -> bool:
    """"ABNO" is the initials of "Association des Bibliothécaires Numériques de l'Ouest": its capitalised words."""
    words = C.COMPANY.sub("", full)  # (without its legal form: "DAEC" of "Distribuidora … del Eje Cafetero S.A.S.")
    initials = "".join(w[0] for w in re.findall(r"(?:^|(?<=[\s'’-]))[^\W\d_a-zà-ÿ][^\W\d_]*", words))
    return len(short) >= 3 and short.isupper() and short.isalpha() and initials == short


def _abbreviates(short: str, full: str) -> bool:
    """The short name is the full one with its first words as capital initials ("TH Wendelstein"), or with a
    first name as its initial ("Dr. med. K. Wendel-Obermaier")."""
    head, *rest = short.split() or [""]
    words = full.split()
    n = len(head)
    if (rest and re.fullmatch(r"[^\W\d_a-zà-ÿ]{2,5}", head) and len(words) == n + len(rest)
            and "".join(w[0] for w in words[:n]).upper() == head and words[n:] == rest):
        return True
    if len(short.split()) != len(words) or len(words) < 2:
        return False
    pairs = list(zip(short.split(), words))
    initials = [len(a) == 2 and a[1] == "." and a[0].isupper() and b[0] == a[0] and len(b) > 2 for a, b in pairs]
    return any(initials) and all(initial or a == b for initial, (a, b) in zip(initials, pairs))


_CORRECTED_INVOICE_KEYS = frozenset(_label_key(lab) for lab in CORRECTED_INVOICE_LABELS)
_REGISTER_KEYS = frozenset(_label_key(lab) for lab in REGISTER_LABELS)
_SIGNER_KEYS = frozenset(_label_key(lab) for lab in SIGNER_LABELS)
_NAME_KEYS = frozenset(_label_key(lab) for lab in NAME_LABELS)


def _corrected_invoice_numbers(found: list[C.Candidate], labels: list[list[LabelHit]], index: C.TextIndex
                               ) -> set[Any]:
    """The values printed right after a label of the invoice a credit note corrects ("Original invoice INV-1",
    "votre facture n° F-2"), or under it ("Betreft factuur" / "F25-0311")."""
    out = set()
    for cand in found:
        line = index.lines[cand.line]
        # (not under a title's copy mark: "FATURA Original" / "FT 2025/318" is the original of this invoice)
        if (_after_corrected_invoice_label(line, labels[cand.line], cand.start)
                or (_under_corrected_label(cand, index, labels) and not _TITLE_LINE.match(index.lines[cand.line - 1]))):
            out.add(cand.value)
    return out


def _original_invoice_date(cand: C.Candidate, labels: list[list[LabelHit]], index: C.TextIndex) -> bool:
    """A stack of labels over their values, the corrected invoice's number then its date: "Original invoice" /
    "INV-2024-0412" / "Invoice date" / "02/09/2024" on a credit note."""
    i, lines = cand.line, index.lines
    return (i >= 3 and cand.start == 0 and len(labels[i - 1]) == 1
            and not lines[i - 1][labels[i - 1][0].end:].strip(" /:")
            and any(_corrects(lines[i - 3], h) for h in labels[i - 3]))


def _corrects(line: str, hit: LabelHit) -> bool:
    """The label names the invoice a credit note corrects ("Documento que modifica", "Avoir sur facture")."""
    return hit.key(line) in _CORRECTED_INVOICE_KEYS


_CELL_GAP = re.compile(r"\s{2,}")


def _under_corrected_label(cand: C.Candidate, index: C.TextIndex, labels: list[list[LabelHit]]) -> bool:
    """A label of the corrected invoice heads the candidate's cell on the line above: "Original Invoice" over
    "61844 dated 02/27/2025", alone on its line or, in the layout's columns, in its own cell."""
    if not cand.line:
        return False
    above, line = index.lines[cand.line - 1], index.lines[cand.line]
    gaps = [m.end() for m in _CELL_GAP.finditer(line[: cand.start])]
    start = gaps[-1] if gaps else 0
    end = m.start() if (m := _CELL_GAP.search(line, cand.start)) else len(line)
    return any(_corrects(above, h) and h.start < end and h.end > start
               and (not above[: h.start].strip() or above[: h.start].endswith("  "))
               and _ENDS_CELL.match(above, h.end) for h in labels[cand.line - 1])


def _after_corrected_invoice_label(line: str, hits: list[LabelHit], at: int) -> bool:
    """The value at `at` follows a label of the invoice a credit note corrects, with only a number mark or the
    corrected paper's title between: "Documento que modifica : FACTURA ELECTRÓNICA F001-00004521"."""
    end = at
    for hit in reversed([h for h in hits if h.end <= at]):
        if not _NUMBER_MARK.fullmatch(line[hit.end:end]):
            return False
        if _corrects(line, hit):
            return True
        end = hit.start  # a title ("FACTURA ELECTRÓNICA") between the label and the number
    return False


# (and a series' letters: "Factura A 0002-00014562", "serija PRK Nr. 004871")
_NUMBER_MARK = re.compile(r"[\s:#.]*(?:(?:n[°ºo]|nr|no)\b\.?)?[\s:#.]*(?:[a-z]{1,4}\s)?", re.IGNORECASE)


_DOMAIN = re.compile(r"(?:https?://(?:www\.)?|www\.|@)([\w-]+)")


def _short_form_of_letterhead(cand: C.Candidate, index: C.TextIndex) -> bool:
    """The return-address line opens with a short form of the name a line above prints in full: "Marlow Brook
    Vets · 3 Riverside Parade …" under "Marlow Brook Veterinary Practice Ltd"."""
    words = cand.text.split()
    head = " ".join(words[:2])
    return len(words) >= 2 and any(line.startswith(head) and len(line.strip()) > len(cand.text)
                                   for line in index.lines[max(0, cand.line - 3):cand.line])


def _capitalised(text: str) -> bool:
    """Most words start with a capital or a digit, as names do ("Bei Spiel GmbH"), sentences and slogans not."""
    words = text.split()
    return sum(w[0].isupper() or w[0].isdigit() for w in words) * 2 >= len(words)


def _web_domains(text: str) -> set[str]:
    """The document's web and e-mail domains, lower case, letters and digits only ("azureinterior")."""
    return {re.sub(r"[^a-z0-9]", "", d.casefold()) for d in _DOMAIN.findall(text)}


def _in_web_domain(name: str, domains: set[str]) -> bool:
    """The name, without spaces, punctuation and legal form, is one of the document's `domains`, or holds it, or
    is most of it: "Rooms" is only a part of oyorooms.com."""
    key = re.sub(r"[^a-z0-9]", "", C.COMPANY.sub("", name).casefold())
    return len(key) >= 4 and any(len(d) >= 4 and (d in key or (key in d and len(key) >= 0.75 * len(d)))
                                 for d in domains)


# a line that takes something off the invoice's total: a retention, a withholding, a deposit or advance paid
_DEDUCTION = re.compile(
    r"(?i)^\W*(?:less|minus|abzgl\.?|abzüglich|déduction|moins|menos|meno|min\b|retention|retenue|ritenuta|"
    r"retención|retenção|(?:iva|isr|irpf|irs|ir) retenid[oa]|"
    r"einbehalt|sicherheitseinbehalt|deposit|advance|anzahlung|acompte|acconto|anticipo|aanbetaling|"
    r"paid|bezahlt|payé|pagado|pagato|betaald|"
    # a port agent's advance on its disbursement account: "Af: ontvangen voorschot (PDA)", "Provisión de fondos
    # recibida"
    r"af\b|voorschot|ontvangen|provisión de fondos|provision de fonds|fondos recibidos|received|prepaid|"
    r"adiantamento|forskudd|mottatt|"
    r"garan[tț]ie de bun[aă] execu[tț]ie"  # Romania's performance retention
    r"|spoluúčas[tť]|spoluúčast|selbstbehalt"  # the insured's own share of a repair the insurer pays
    # and the insurer's share of a patient's bill: "Hrazeno pojišťovnou (VZP ČR, 111) -3 784,60 Kč"
    r"|hrazeno pojiš[tť]ovnou|uhradené poisťovňou|covered by insur|paid by insur|insurance (?:share|portion)"
    r"|refundacja|suma decontată|decontat de|rambursat de|покрито от|co-?payment by insur)")


_DISCOUNT_MENTION = re.compile(rf"(?i){_DISCOUNT_WORDS}|remise|rebate|nachlass")


# a rate, then what it is charged on: "5% on ", "19 % auf ", "20 % sur ", "16% sobre "
_RATE_ON = re.compile(r"(?i)\d\s?%\s+(?:on|of|auf|sur|sobre|su|op)\s+(?:[^\W\d_]+\s+){0,2}(?:[€$£]|[A-Z]{3})?\s?$")
# a figure converted into another currency, as the UK asks of an invoice in dollars: "VAT amount in sterling"
_CONVERTED = re.compile(r"(?i)\b(?:in sterling|converted at|conversion rate|exchange rate|umgerechnet|zum kurs"
                        r"|taux de change|tipo de cambio|tasso di cambio|wisselkoers"
                        r"|forintban"  # (Hungary's VAT Act asks for the amounts in forints too)
                        # and Poland's and Czechia's in złoty and crowns: "Kwota podatku VAT przeliczona na PLN"
                        r"|przeliczon[aey]|według kursu|kurs(?:em|u)? (?:średni|ČNB)|přepočten[aoý]?)\b")


def _deducts(line: str) -> bool:
    """The line takes a retention, a deposit or an advance off the total; not a discount, which comes off before
    the tax ("Less: special discount 2,500.00")."""
    return bool(_DEDUCTION.match(line)) and not _DISCOUNT_MENTION.search(line)


_ROUNDING = re.compile(r"(?i)^\W*(?:zaokrouhlení|zaokrúhlenie|zaokrąglenie|rounding(?: adjustment)?|round(?:ing)? off"
                       r"|arrondi|rundung|redondeo|arredondamento|arrotondamento|afronding|rotunjire|заокръгляне)\b")


def _after_rounding(index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """A labelled total right under a rounding line is the total to pay, over the unrounded sum above it
    ("Celkem 8 107,00 1 644,15 9 751,15", "Zaokrouhlení -0,15 Kč", "Celkem k úhradě 9 751,00 Kč")."""
    rounded = [j for j, line in enumerate(index.lines) if _ROUNDING.match(line)]
    for cand in merged.values():
        if cand.label_evidence >= 2.5 and any(0 < cand.line - j <= 2 for j in rounded):
            cand.score = max(cand.score, max(c.score for c in merged.values()) + 0.4)


def _after_a_deduction(index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """The amount right under a deduction is what is left to pay, the labelled one right over it the invoice's
    total: "Total this claim (incl. GST) 91,624.50", "Less retention 5% … -4,164.75", "Amount Due 87,459.75"."""
    def deduction(line: int) -> bool:
        text = index.lines[line] if 0 <= line < len(index.lines) else ""
        return _deducts(text) and bool(re.search(r"\d", text))

    for cand in merged.values():
        # (nor the deduction's own line: "Less deposit received 12 Mar 2025 (47 × £100.00) -£4,700.00")
        if deduction(cand.line) or deduction(cand.line - 1):
            cand.score -= 1.0
        elif deduction(cand.line + 1) and (cand.label_evidence or 0) > 0:
            cand.score += 0.5


def _net_and_tax_lines(index: C.TextIndex, scored: list[C.Candidate]) -> list[tuple[C.Candidate, C.Candidate]]:
    """(net, tax) of a total's line of two amounts, the second the page's one rate of the first, printed without
    the rate: the sums of a table's net and tax columns, no gross ("Total 2.064,50 392,26" under "Cota TVA: 19%",
    the sum to pay "2.456,76 lei" below)."""
    if not _one_rate(index):
        return []
    rate = C.rates(index.text)[0]
    by_line: dict[int, list[C.Candidate]] = {}
    for cand in scored:
        by_line.setdefault(cand.line, []).append(cand)
    pairs = []
    for line, amounts in by_line.items():
        if len(amounts) != 2 or C.rates(index.lines[line]) or not re.match(r"[^\W\d_]", index.lines[line]):
            continue
        net, tax = sorted(amounts, key=lambda c: c.start)
        if net.value > 0 and abs(net.value * rate / 100 - tax.value) <= 0.011:
            pairs.append((net, tax))
    return pairs


# an earlier invoice's unpaid amount carried onto this one: "Balance brought forward (invoice PH-INV-103977) £96.00",
# "Importe pendiente factura anterior 0301-25-00651190 38,44", "Offener Betrag aus Rechnung vom 04.02.2025 38,12 €"
ARREARS = re.compile(
    r"(?i)\b(?:balance brought forward|previous balance|arrears|importe pendiente|deuda anterior|saldo anterior"
    r"|saldo precedente|offener betrag aus|offene zahlungen|offene posten|vorheriger saldo|solde précédent"
    r"|ancien solde|vorig saldo)\b")


def _after_arrears(index: C.TextIndex, scored: list[C.Candidate], merged: dict[Any, C.Candidate]) -> None:
    """Under an earlier invoice's unpaid amount, the sum to pay holds it; the labelled total over it is the
    invoice's own: "Invoice total £415.04" … "Balance brought forward … £96.00" … "Total amount due £463.04"."""
    arrears = next((i for i, line in enumerate(index.lines) if ARREARS.search(line) and re.search(r"\d", line)),
                   None)
    if arrears is None:
        return
    above = {c.value for c in scored if c.line < arrears and (c.label_evidence or 0) >= 1.0}
    for cand in merged.values():
        if above and cand.line > arrears and cand.value not in above:
            cand.score -= 1.0


@functools.lru_cache(maxsize=256)
def is_gross_total(field_name: str) -> bool:
    """A grand total's field ("total", "gross_amount"), not a tax, net or due amount's."""
    name = field_name.lower()
    return (amount_role(name) is None and re.search(GROSS_TOTAL_FIELD, name) is not None
            and re.search(AMOUNT_DUE_FIELD, name) is None)


@functools.lru_cache(maxsize=256)
def amount_role(field_name: str) -> str | None:
    """'tax' for a tax amount, 'basis' for the amount tax is charged on; None for others (totals, fees…)."""
    name = field_name.lower()
    if re.search(f"{TAX_BASIS_FIELD}|{SUBTOTAL_FIELD}", name):
        return "basis"
    if re.search(r"(?:^|_)(?:tax|vat|mwst|ust|tva|btw|iva|gst)(?:_|$)", name):
        return "tax"
    return None


def _weigh_rate_times_basis(field_name: str, index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """One rate on the page and its tax line: the basis is the amount that rate turns into the line's tax ("Total
    fees 8,320.00", "VAT @ 23% 1,913.60"), above a "Total exclusive of VAT 46,755.00" that holds outlays outside
    the tax. The arithmetic outweighs a label, and `_prefer_larger_among_ties`, here."""
    if not re.search(TAX_BASIS_FIELD, field_name) or index.tax_breakdown or not _one_rate(index):
        return
    taxes = []
    for i, line in enumerate(index.lines):
        rates = C.rates(line) if _TAX_LINE_START.match(line) else []
        after = [a for a in C.find_amounts(C.TextIndex(line)) if rates and a.start > line.find("%")]
        if len(set(rates)) == 1 and after:
            taxes.append((i, rates[0], after[-1].value))
    if len({(rate, tax) for _, rate, tax in taxes}) != 1 or not taxes[0][2]:
        return
    _, rate, tax = taxes[0]
    for cand in merged.values():
        if cand.line not in {i for i, _, _ in taxes} and abs(cand.value * rate / 100 - tax) <= 0.011:
            cand.score = max(cand.score, 3.6)


def _weigh_tax_breakdown(field_name: str, index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """On a tax-breakdown line the basis is never the tax, nor the tax a basis; several rates add up.

    The sum of the per-rate parts joins the options (scored below its parts): many invoices print the tax
    only per rate. Grounding still flags it, since the sum itself is not printed.
    """
    role = amount_role(field_name)
    pairs = index.tax_breakdown if role else []
    if not pairs:
        return
    mine = [tax if role == "tax" else basis for basis, tax in pairs]
    theirs = {(c.line, c.start) for basis, tax in pairs for c in ([basis] if role == "tax" else [tax])}
    # the line's gross ("VSK 11% 106.937 11.763 118.700") is neither its basis nor its tax
    # (at a zero rate the gross is the basis: "0% WDT 3 871,20 0,00 3 871,20")
    gross = {(basis.line, round(basis.value + tax.value)) for basis, tax in pairs if tax.value}
    for cand in merged.values():
        if (cand.line, cand.start) in theirs or (cand.line, round(cand.value)) in gross:
            cand.score -= 1.0
    if (re.search(TAX_BASIS_FIELD, field_name) and len(pairs) == 1 and mine[0].value in merged
            and _TAX_LINE_START.match(index.lines[mine[0].line]) and _one_rate(index)):
        # "VAT at 20% on £1,742.00 348.40", the page's one rate: the tax's own line names its basis, over
        # "Disbursements subject to VAT 52.00" and a "Sub-total before VAT" that holds amounts outside the tax
        merged[mine[0].value].score = max(merged[mine[0].value].score, 3.3)
    if len(mine) < 2:
        return
    total = round(sum(c.value for c in mine), 2) if role == "tax" else C.breakdown_basis(index, pairs)
    parts = [merged[c.value].score for c in mine if c.value in merged]
    if total in merged:
        # printed, and the parts agree with it: the total over the rates, over each rate's part ("Tổng theo thuế
        # suất 8% 24.765.000 …" / "… 10% 8.943.000 …" / "Tổng cộng 33.708.000")
        merged[total].score = max(merged[total].score + 0.2, max(parts, default=0.0) + 0.2)
    elif parts:
        merged[total] = C.Candidate(value=total, text=" + ".join(c.text for c in mine), line=mine[-1].line,
                                    start=mine[-1].start, score=min(parts) - 0.2)


_TAX_LINE_START = re.compile(r"(?i)\s*(?:vat|tva|mwst|ust|btw|iva|gst|hst|moms|mva|alv)\b")


def _one_rate(index: C.TextIndex) -> bool:
    """The page prints one percentage only: where it prints several rates, or a discount's, a part of the basis
    or another amount can fit rate × basis = tax by chance."""
    return len(set(C.rates(index.text))) == 1


# evidence of an amount from arithmetic alone: above code's cut for an unlabelled amount (1.0), below any label
ARITHMETIC = 1.2


def _weigh_arithmetic(field_name: str, index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """Where no label names an amount (the page's language has none here), arithmetic still does, in any
    language: on tax-breakdown lines the tax is rate × basis and the gross their sum ("20% 2 850,00 570,00
    3 420,00")."""
    pairs = index.tax_breakdown
    if not pairs:
        return
    role = amount_role(field_name)
    gross = role is None and (is_gross_total(field_name) or re.search(AMOUNT_DUE_FIELD, field_name) is not None)
    basis = C.breakdown_basis(index, pairs)
    tax = round(sum(t.value for _, t in pairs), 2)
    value = basis + tax if gross else {"basis": basis, "tax": tax}.get(role or "")
    if value is not None and round(value, 2) in merged:
        cand = merged[round(value, 2)]
        cand.score = max(cand.score, ARITHMETIC)


def _section_subtotals(index: C.TextIndex, merged: dict[Any, C.Candidate]) -> None:
    """Net amounts of one label that add up to a labelled one under them are its parts, a section's each:
    "Subtotaal elektriciteit € 1.089,20", "Subtotaal gas € 2.140,57", then "Totaal excl. btw € 3.229,77"; not
    the goods' subtotal and a charge ("Zwischensumme Artikel", "Versandkosten", then "Summe netto")."""
    labelled = sorted((c for c in merged.values() if c.score >= 2.5), key=lambda c: c.line)
    for k, whole in enumerate(labelled):
        for first in range(k - 1):  # a run of two or more right above it
            run = labelled[first:k]
            if (whole.value and abs(sum(c.value for c in run) - whole.value) < 0.005
                    and len({index.lower[c.line].split()[0] for c in run}) == 1):
                for part in run:
                    part.score -= 1.0
                return


def _sum_under_the_rows(index: C.TextIndex, scored: list[C.Candidate], merged: dict[Any, C.Candidate]) -> None:
    """An amount under the rows that adds them up is their subtotal, whatever its label says: "Flowers total
    9,810.00" above the airfreight and the packing (which a total's label claims); right under the rows, whatever
    else a subtotal's label names too: "Total Leistungen 3'115.80" above a discount and "Total exkl. MWST
    3'053.48"."""
    rows = index.table_rows
    total = round(sum(r.line_total for r in rows), 2)
    if len(rows) < 2 or not total or (cand := merged.get(total)) is None:
        return
    # (and a larger amount under it, the total: with nothing charged on top, the sum is the total's and stays so)
    below = [c for c in scored if c.line > rows[-1].line]
    at = min((c.line for c in below if c.value == cand.value), default=None)
    if at is not None and any(c.value > cand.value and c.line > at for c in below):
        # right under the rows, over what a subtotal's label names (clear of `_prefer_larger_among_ties`, which
        # would take the larger one again); further down, as strong as a label (a row missed, a section's sum)
        top = max(c.score for c in merged.values() if c is not cand) + 0.4 if at == rows[-1].line + 1 else 0
        cand.score = max(cand.score, 2.6, top)
        for other in merged.values():
            # a larger amount under the rows, then the difference, then the sum again: the rows before their
            # discounts ("Total ilíquido 4 597,40 €", "Total descontos 61,20 €", "Total s/ IVA 4 536,20 €"), which
            # the rows' amounts already take off
            if (other is cand or other.score < cand.score or not isinstance(other.value, (int, float))
                    or other.value <= cand.value or other.line <= rows[-1].line):
                continue
            again = min((c.line for c in below if c.value == cand.value and c.line > other.line), default=None)
            if again is not None and any(c.value == round(other.value - cand.value, 2) and other.line < c.line < again
                                         for c in scored):
                cand.score = other.score + 0.4  # (clear of `_prefer_larger_among_ties`)


def _add_tax_lines(field_name: str, index: C.TextIndex, scored: list[C.Candidate],
                   merged: dict[Any, C.Candidate]) -> None:
    """Taxes printed one per line add up to the tax total: "CGST @ 9% 17,820.00" then "SGST @ 9% 17,820.00".

    The sum of each run of consecutive lines that label a tax clearly joins the options, scored clearly below
    its parts, so it wins only where the schema's rules call for it. Lines of a rate × basis breakdown are left to
    `_weigh_tax_breakdown`.
    """
    if amount_role(field_name) != "tax":
        return
    breakdown = {tax.line for _, tax in index.tax_breakdown}
    per_line: dict[int, C.Candidate] = {}
    for cand in scored:
        best = per_line.get(cand.line)
        if cand.score >= 2.5 and cand.line not in breakdown and (best is None or cand.score > best.score):
            per_line[cand.line] = cand
    run: list[C.Candidate] = []
    for line in sorted(per_line) + [None]:
        if run and line == run[-1].line + 1:
            run.append(per_line[line])
            continue
        if len(run) >= 2:
            total = round(sum(c.value for c in run), 2)
            score = min(c.score for c in run) - 0.5  # out of `_prefer_larger_among_ties`' reach
            if total in merged and any(c.value == 0 for c in run) and 0 in merged:
                # "TOTAL VAT 20% 1,127.50" over "TOTAL VAT 0% 0.00": the zero rate's line charges nothing
                merged[total].score, merged[0].score = max(merged[total].score, merged[0].score + 0.1), score
            elif total in merged:
                merged[total].score = max(merged[total].score, score)
            else:
                merged[total] = C.Candidate(value=total, text=" + ".join(c.text for c in run), line=run[-1].line,
                                            start=run[-1].start, score=score)
        run = [per_line[line]] if line is not None else []


def _prefer_larger_among_ties(ranked: list[C.Candidate]) -> list[C.Candidate]:
    """Of amounts with about equal evidence, the larger: a total over a part of it.

    Equal evidence means equal labels too: a label of this field alone ("Total prestations 9'702.50" for a
    subtotal) beats one it shares ("Total hors TVA 9'767.50", also the tax basis's), though the shared one sits
    lower on the page, where totals earn a little.
    """
    if not ranked:
        return ranked
    top, top_label = ranked[0].score, ranked[0].label_evidence
    ties = [c for c in ranked if c.score >= top - 0.35
            and (top_label is None or c.label_evidence is None or c.label_evidence >= top_label - 0.35)]
    rest = [c for c in ranked if c not in ties]
    return sorted(ties, key=lambda c: -abs(c.value)) + rest

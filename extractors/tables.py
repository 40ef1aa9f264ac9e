"""A table read by its head: each column is named like a field of the schema's item model.

The product check of `candidates.find_table_rows` finds invoice rows (quantity × price = amount) in any order of
cells, but a delivery note or a packing list prints no prices: "Description … Ordered  Delivered". Those rows
are read here from the layout view, where a column's values stand under its heading: the head is the line
whose cells name at least one text and one number field of the item model, and each row is a line below it
with a number in every number field's column, up to the totals line.
"""

from __future__ import annotations

import itertools
import re
from typing import Any

from pydantic import BaseModel

from extractors import candidates as C
from extractors import layout
from extractors.fields import field_kind

# names of an item's quantity, unit price and amount fields
QUANTITY, PRICE, AMOUNT = r"qty|quant|count|units", r"unit_price|price|rate", r"total|amount|sum"

# labels of the columns of common item fields, by field-name pattern (first match wins)
ITEM_LABELS: list[tuple[str, list[str]]] = [
    (PRICE, [
        "unit price", "price", "preis", "einzelpreis", "stückpreis", "prix unitaire", "prix", "p.u.", "precio",
        "p. unit.", "precio unitario", "prezzo", "prezzo unitario", "prijs", "stukprijs", "á-pris", "pris"]),
    (AMOUNT, [
        "amount", "total", "line total", "betrag", "gesamt", "gesamtpreis", "summe", "montant", "prix ht",
        "importe", "total línea", "importo", "bedrag", "totaal", "belopp", "summa",
        # a row's net amount beside its tax and gross ("Bezeichnung  Netto EUR  USt %  USt EUR  Brutto EUR")
        "netto", "net", "net amount", "montant ht"]),
    (QUANTITY, [
        "qty", "quantity", "menge", "anzahl", "cantidad", "cant.", "quantité", "qté", "aantal", "quantità", "qtà",
        "antal", "units", "pcs"]),
    (r"desc|name|product|article|item|title|label", [
        "description", "beschreibung", "bezeichnung", "artikel", "artikelbezeichnung", "article", "désignation",
        "designation", "libellé", "descripción", "artículo", "concepto", "descrizione", "articolo", "omschrijving",
        "product", "produkt", "item", "leistung", "beskrivning"]),
]
# (and a tax recap's lines end the rows too: "USt-Aufstellung", "10 % USt von 1.052,30  105,23")
_TOTALS = re.compile(r"(?i)^(?:sub)?total|^totales|^summe|^gesamt|^totaal|^totale|^somme|^sum\b|^zwischensumme"
                     r"|^(?:\d{1,2}(?:[.,]\d{1,2})?\s?%\s*)?(?:ust|mwst|vat|tva|btw|iva|gst)\b")


def read_rows(layout_text: str, item_model: type[BaseModel]) -> list[dict[str, Any]] | None:
    """The rows of the first table whose head names the item model's fields, or None."""
    fields = _fields(item_model)
    if not any(numeric for _, numeric, _ in fields.values()) or all(n for _, n, _ in fields.values()):
        return None  # a head is told from a sentence by naming a text column and a number column
    lines = layout_text.splitlines()
    for i, line in enumerate(lines):
        head = _head(line, fields)
        if head is None:
            continue
        rows = _rows_under(lines[i + 1:], head, layout.cells(line, widest_gap=2), fields)
        if rows:
            return rows
    return None


def _fields(item_model: type[BaseModel]) -> dict[str, tuple[list[str], bool, set[str]]]:
    """name → (column labels, holds a number, words of the field's description)."""
    out = {}
    for name, info in item_model.model_fields.items():
        kind = field_kind(name, info.annotation)[0]
        labels = next((labs for pattern, labs in ITEM_LABELS if re.search(pattern, name)), [])
        words = set(re.findall(r"[^\W\d_]{5,}", (info.description or "").casefold()))
        out[name] = (labels + [name.replace("_", " ")], kind in ("amount", "integer"), words)
    return out


def _head(line: str, fields: dict[str, tuple[list[str], bool, set[str]]]) -> dict[str, layout.Cell] | None:
    """field → its heading cell, when the line is a table head naming a text field and a number field."""
    if any(ch.isdigit() for ch in line):
        return None
    cells = layout.cells(line, widest_gap=2)
    if len(cells) < 2:
        return None
    scored = []
    for name, (labels, _, words) in fields.items():
        for cell in cells:
            text = cell.text.casefold().strip(" .:")
            if text in labels or text + "." in labels:
                scored.append((3, name, cell))
            elif any(text.startswith(label + " ") for label in labels):
                scored.append((2, name, cell))
            elif set(re.findall(r"[^\W\d_]{5,}", text)) & words:
                scored.append((1, name, cell))  # "Delivered" for "Quantity actually delivered with this note"
    head: dict[str, layout.Cell] = {}
    for _, name, cell in sorted(scored, key=lambda s: -s[0]):
        if name not in head and cell not in head.values():
            head[name] = cell
    kinds = {fields[name][1] for name in head}
    return head if len(head) >= 2 and kinds == {True, False} else None


def _rows_under(lines: list[str], head: dict[str, layout.Cell], headings: list[layout.Cell], fields: dict
                ) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    misses = 0
    for line in lines[:200]:
        if not line.strip():
            continue
        cells = layout.cells(line, widest_gap=2)
        row = _row(cells, head, headings, fields)
        first = cells[0].text if cells else ""
        if row is None or _TOTALS.match(first.strip()):
            if rows and (_TOTALS.match(first.strip()) or misses >= 2):
                break
            misses += 1  # a note under a row ("Art.-Nr. 933-08030-Z"), or the head's second line
            if not rows and misses > 3:
                break
            continue
        misses = 0
        rows.append(row)
    return rows


def _row(cells: list[layout.Cell], head: dict[str, layout.Cell], headings: list[layout.Cell], fields: dict
         ) -> dict[str, Any] | None:
    """Each of the head's fields from the row's cells under its heading; None unless every number parses.

    A cell belongs to the heading it overlaps most, else the nearest one (headings are centred or aligned to
    either side), within 12 characters; a cell under a heading that is no field of ours ("Lote") is left out."""
    owner = {(cell.start, cell.end): name for name, cell in head.items()}
    row: dict[str, Any] = {name: None for name in fields}
    for cell in cells:
        heading = min(headings, key=lambda h: _distance(h, cell))
        name = owner.get((heading.start, heading.end))
        if name is None or _distance(heading, cell) > 12:
            continue
        if fields[name][1]:
            readings = C.number_values(cell.text)
            if not readings or row[name] is not None:
                return None
            row[name] = readings  # every reading of "2.000" (2000 or 2.0); the product check picks one below
        elif row[name] is None:
            row[name] = " ".join(cell.text.split())
    text_ok = all(isinstance(row[n], str) and sum(ch.isalpha() for ch in row[n]) >= 3
                  for n in head if not fields[n][1])
    if not text_ok or any(row[n] is None for n in head if fields[n][1]):
        return None
    return _pick_readings(row, [n for n in head if fields[n][1]])


def _pick_readings(row: dict[str, Any], numeric: list[str]) -> dict[str, Any] | None:
    """One reading per number cell: where the row has a quantity, a unit price and an amount, the readings whose
    product is the amount ("2.000 × 0,12 = 240,00" is 2000 pieces), else each cell's first reading."""
    first = {**row, **{name: row[name][0] for name in numeric}}
    q, p, t = (next((n for n in numeric if re.search(pattern, n)), None) for pattern in (QUANTITY, PRICE, AMOUNT))
    if q is None or p is None or t is None:
        return first
    for qv, pv in itertools.product(row[q], row[p]):
        tv = next((x for x in row[t] if abs(qv * pv - x) <= 0.011 + 0.002 * abs(x)), None)
        if tv is not None:
            return {**first, q: qv, p: pv, t: tv}
    return None


def _distance(heading: layout.Cell, cell: layout.Cell) -> float:
    """Less than 0 when the cell overlaps its heading (by how much), else the gap between them."""
    overlap = min(heading.end, cell.end) - max(heading.start, cell.start)
    if overlap > 0:
        return -overlap
    return max(heading.start - cell.end, cell.start - heading.end)

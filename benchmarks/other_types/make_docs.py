#!/usr/bin/env python
"""Generate the non-invoice evaluation set (10 PDFs, 5 schema groups) with ground truth.

    .venv/bin/python benchmarks/other_types/make_docs.py            # build + verify
    .venv/bin/python benchmarks/other_types/make_docs.py --check    # verify only

Output (next to this script):

    purchase_order/    po_us_harborview.pdf, po_de_mueller.pdf, truth.jsonl
    receipt/           receipt_uk_copperkettle.pdf, receipt_es_ferreteria.pdf, truth.jsonl
    utility_bill/      ub_nl_voltaplan.pdf, ub_us_cascade.pdf, truth.jsonl
    insurance_notice/  ins_fr_armorique.pdf, ins_de_nordstern.pdf (2 pages), truth.jsonl
    delivery_note/     dn_uk_northgate.pdf, dn_es_levante.pdf, truth.jsonl

Every truth line is {"file": ..., "fields": {...}} and validates against doc_schemas.py.
Verification (run after every build) checks, per document, with pypdf's extract_text():
  * every truth string (and item description) occurs verbatim after collapsing whitespace;
  * every date occurs in the document's own printed date format;
  * every amount / quantity occurs in the document's own printed number format;
  * arithmetic: line totals = qty x unit price, and the document's sums add up.
All amounts are computed with Decimal (ROUND_HALF_UP) from the line data, never typed twice.
All companies, people, numbers and addresses are fictitious.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

from fpdf import FPDF
from fpdf.enums import XPos, YPos

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import doc_schemas as schemas  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONTS = {
    "sans": {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"},
    "serif": {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"},
    "mono": {"": "DejaVuSansMono.ttf", "B": "DejaVuSansMono-Bold.ttf"},
    "cond": {"": "DejaVuSansCondensed.ttf", "B": "DejaVuSansCondensed-Bold.ttf"},
}


# ----------------------------------------------------------------------------- numbers


def D(x) -> Decimal:
    return Decimal(str(x))


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), ROUND_HALF_UP)


def num(x, style: str, dec: int = 2) -> str:
    """Format a number: style us=1,234.56  eu=1.234,56  fr=1 234,56  uk=1,234.56."""
    x = D(x)
    neg = x < 0
    s = f"{abs(x):,.{dec}f}"  # 1,234.56
    if style in ("eu",):
        s = s.replace(",", "#").replace(".", ",").replace("#", ".")
    elif style == "fr":
        s = s.replace(",", " ").replace(".", ",")
    return ("-" if neg else "") + s


def qty(x, style: str) -> str:
    """Quantities: integers without decimals, otherwise two decimals."""
    x = D(x)
    if x == x.to_integral_value():
        return num(x, style, 0)
    return num(x, style, 2)


# ----------------------------------------------------------------------------- dates

MONTHS_EN = "January February March April May June July August September October November December".split()
MONTHS_DE = "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split()
MONTHS_FR = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()


def d_us(d: date) -> str:
    return f"{d.month:02d}/{d.day:02d}/{d.year}"


def d_us_long(d: date) -> str:
    return f"{MONTHS_EN[d.month - 1]} {d.day}, {d.year}"


def d_uk_long(d: date) -> str:
    return f"{d.day} {MONTHS_EN[d.month - 1]} {d.year}"


def d_slash(d: date) -> str:  # UK / ES / FR
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def d_dot(d: date) -> str:
    return f"{d.day:02d}.{d.month:02d}.{d.year}"


def d_dash(d: date) -> str:
    return f"{d.day:02d}-{d.month:02d}-{d.year}"


def d_de_long(d: date) -> str:
    return f"{d.day}. {MONTHS_DE[d.month - 1]} {d.year}"


def d_fr_long(d: date) -> str:
    day = "1er" if d.day == 1 else str(d.day)
    return f"{day} {MONTHS_FR[d.month - 1]} {d.year}"


# ----------------------------------------------------------------------------- PDF base


class Doc(FPDF):
    def __init__(self, fmt="A4"):
        super().__init__(orientation="P", unit="mm", format=fmt)
        for fam, styles in FONTS.items():
            for style, fname in styles.items():
                self.add_font(fam, style, str(FONT_DIR / fname))
        self.set_auto_page_break(False)
        self.set_margins(0, 0, 0)
        self.footer_cb: Callable[[Doc], None] | None = None
        self.set_creator("make_docs.py (evaluation set)")

    def footer(self):
        if self.footer_cb:
            self.footer_cb(self)

    def fnt(self, fam="sans", style="", size=9.0):
        self.set_font(fam, style, size)
        return self

    def t(self, x, y, s, w=None, h=4.6, align="L", fam=None, style=None, size=None, fill=False, border=0):
        """Write one line at (x, y). Asserts the text fits when a width is given."""
        if fam or style is not None or size:
            self.set_font(fam or self.font_family, style if style is not None else self.font_style, size or self.font_size_pt)
        if w is None:
            w = self.get_string_width(s) + 0.5
        else:
            assert self.get_string_width(s) <= w + 0.01, f"text overflows {w}mm: {s!r}"
        self.set_xy(x, y)
        self.cell(w, h, s, border=border, align=align, fill=fill, new_x=XPos.RIGHT, new_y=YPos.TOP)
        return y + h

    def block(self, x, y, lines, h=4.6, **kw):
        for s in lines:
            y = self.t(x, y, s, h=h, **kw)
        return y

    def para(self, x, y, w, s, h=4.2, align="L"):
        self.set_xy(x, y)
        self.multi_cell(w, h, s, align=align, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        return self.get_y()

    def hl(self, x1, x2, y, lw=0.2, color=(0, 0, 0)):
        self.set_draw_color(*color)
        self.set_line_width(lw)
        self.line(x1, y, x2, y)
        self.set_draw_color(0, 0, 0)

    def box(self, x, y, w, h, lw=0.2, fill=None, color=(0, 0, 0)):
        self.set_line_width(lw)
        self.set_draw_color(*color)
        if fill:
            self.set_fill_color(*fill)
            self.rect(x, y, w, h, style="DF")
        else:
            self.rect(x, y, w, h)
        self.set_draw_color(0, 0, 0)

    def fillrect(self, x, y, w, h, rgb):
        self.set_fill_color(*rgb)
        self.rect(x, y, w, h, style="F")


@dataclass
class Built:
    group: str
    file: str
    fields: dict
    nf: Callable  # amount formatter  (value -> printed text)
    qf: Callable  # quantity formatter
    dfs: list  # date formatters (the printed date must match one of them)
    arith: list = field(default_factory=list)  # (label, lhs, rhs) that must be equal
    numeric_str: dict = field(default_factory=dict)  # extra printed forms that must be on the page


def iso(d: date | None):
    return d.isoformat() if d else None


def item_lines(items):
    """items: (desc, qty, unit_price) -> list of dicts with Decimal line totals."""
    out = []
    for desc, q, p in items:
        q, p = D(q), D(p)
        out.append({"description": desc, "quantity": q, "unit_price": p, "line_total": q2(q * p)})
    return out


# =============================================================================== PO 1
# US English, buyer's letterhead, boxed grid, MM/DD/YYYY, $1,234.56, delivery "ASAP" (-> null)


def po_us(out: Path) -> Built:
    nf = lambda v: num(v, "us")  # noqa: E731
    buyer = "Harborview Dental Group LLC"
    supplier = "Pinecrest Office & Medical Supply Co."
    po_no = "HDG-PO-24817"
    order_date = date(2025, 3, 11)
    items = item_lines(
        [
            ("Nitrile exam gloves, medium, box of 200", 24, "18.75"),
            ("Disposable prophy angles, 144/pk", 6, "42.50"),
            ("Saliva ejectors, white/blue tip, 100/bag", 10, "6.40"),
            ("Sterilization pouches 3.5 x 10 in, 200/box", 8, "21.95"),
            ("Copy paper, letter size, 20 lb, case of 10 reams", 5, "54.99"),
        ]
    )
    subtotal = sum(i["line_total"] for i in items)
    tax_rate = D("10.25")
    tax = q2(subtotal * tax_rate / 100)
    shipping = D("35.00")
    total = subtotal + tax + shipping

    pdf = Doc("Letter")
    pdf.add_page()
    W = 215.9
    # letterhead (buyer)
    pdf.fillrect(0, 0, W, 4, (22, 78, 99))
    pdf.set_text_color(22, 78, 99)
    pdf.t(15, 12, buyer, fam="sans", style="B", size=15)
    pdf.set_text_color(60, 60, 60)
    pdf.block(15, 19.5, ["1450 Marina Blvd, Suite 300", "San Leandro, CA 94577",
                         "Tel (510) 555-0148  |  Fax (510) 555-0149", "purchasing@harborviewdental.example"],
              h=4.2, fam="sans", style="", size=8.5)
    pdf.set_text_color(0, 0, 0)
    pdf.t(120, 11, "PURCHASE ORDER", w=81, align="R", fam="sans", style="B", size=20)
    # header box right
    rows = [("P.O. Number", po_no), ("P.O. Date", d_us(order_date)), ("Requested Delivery", "ASAP"),
            ("Vendor ID", "V-00392"), ("Page", "1 of 1")]
    y = 22
    for lab, val in rows:
        pdf.box(131, y, 35, 6, lw=0.2, fill=(232, 241, 244))
        pdf.box(166, y, 35, 6, lw=0.2)
        pdf.t(132.5, y + 0.7, lab, w=33, fam="sans", style="B", size=8)
        pdf.t(167.5, y + 0.7, val, w=32, fam="sans", style="", size=8.5)
        y += 6
    # vendor / ship-to blocks
    y0 = 60
    for x, title, lines in [
        (15, "VENDOR", [supplier, "Attn: Order Desk", "2201 Industrial Pkwy W", "Hayward, CA 94545",
                        "Phone (510) 555-0172"]),
        (112, "SHIP TO", [buyer, "Clinic 2 - Receiving", "88 Estudillo Ave", "San Leandro, CA 94577",
                          "Contact: Dana Okafor"]),
    ]:
        pdf.fillrect(x, y0, 89, 6, (22, 78, 99))
        pdf.set_text_color(255, 255, 255)
        pdf.t(x + 2, y0 + 0.8, title, fam="sans", style="B", size=9)
        pdf.set_text_color(0, 0, 0)
        pdf.box(x, y0, 89, 33, lw=0.3, color=(22, 78, 99))
        pdf.block(x + 3, y0 + 8, lines, h=4.5, fam="sans", style="", size=9)
    # terms strip
    y = 99
    heads = ["Requisitioner", "Ship Via", "F.O.B.", "Payment Terms", "Vendor Quote"]
    vals = ["D. Okafor", "UPS Ground", "Destination", "Net 30", "Q-55102 of 02/26/2025"]
    ws = [30, 30, 30, 30, 66]
    x = 15
    for h_, v, w in zip(heads, vals, ws):
        pdf.box(x, y, w, 5.5, fill=(232, 241, 244))
        pdf.box(x, y + 5.5, w, 6)
        pdf.t(x + 1.5, y + 0.5, h_, w=w - 3, fam="sans", style="B", size=7.5)
        pdf.t(x + 1.5, y + 6.2, v, w=w - 3, fam="sans", style="", size=8.5)
        x += w
    # item grid
    y = 117
    cols = [("Item #", 16, "C"), ("Description", 84, "L"), ("Qty", 14, "R"), ("UOM", 14, "C"),
            ("Unit Price", 26, "R"), ("Amount", 32, "R")]
    x = 15
    for name, w, al in cols:
        pdf.box(x, y, w, 7, fill=(22, 78, 99), color=(22, 78, 99))
        pdf.set_text_color(255, 255, 255)
        pdf.t(x + 1.5, y + 1.2, name, w=w - 3, align=al, fam="sans", style="B", size=8.5)
        x += w
    pdf.set_text_color(0, 0, 0)
    y += 7
    uoms = ["BX", "PK", "BG", "BX", "CS"]
    for n, (it, uom) in enumerate(zip(items, uoms), 1):
        vals = [str(n), it["description"], qty(it["quantity"], "us"), uom, nf(it["unit_price"]), nf(it["line_total"])]
        x = 15
        for (name, w, al), v in zip(cols, vals):
            pdf.box(x, y, w, 7)
            pdf.t(x + 1.5, y + 1.2, v, w=w - 3, align=al, fam="sans", style="", size=8.5)
            x += w
        y += 7
    for _ in range(3):  # empty grid rows, typical for PO forms
        x = 15
        for name, w, al in cols:
            pdf.box(x, y, w, 7)
            x += w
        y += 7
    # totals
    y += 3
    pdf.fnt("sans", "", 8)
    pdf.para(15, y, 100, "All prices in USD. Please reference our P.O. number on all invoices, packing slips "
             "and correspondence. This order supersedes P.O. HDG-PO-24790 dated 02/18/2025, which is cancelled.",
             h=3.8)
    tl = [("Subtotal", nf(subtotal)), (f"Sales Tax ({num(tax_rate, 'us')}%)", nf(tax)),
          ("Shipping & Handling", nf(shipping))]
    for lab, v in tl:
        pdf.t(131, y, lab, w=38, fam="sans", style="", size=9)
        pdf.t(169, y, v, w=32, align="R")
        y += 5.5
    pdf.box(131, y, 70, 8, lw=0.4, fill=(232, 241, 244), color=(22, 78, 99))
    pdf.t(133, y + 1.6, "TOTAL (USD)", w=30, fam="sans", style="B", size=10)
    pdf.t(163, y + 1.6, "$" + nf(total), w=36.5, align="R")
    # signature
    y = 222
    pdf.hl(15, 85, y + 10, 0.3)
    pdf.t(15, y + 11, "Authorized Signature", fam="sans", style="", size=8)
    pdf.t(15, y + 15, "Dana Okafor, Office Manager", size=8)
    pdf.hl(110, 150, y + 10, 0.3)
    pdf.t(110, y + 11, "Date", size=8)
    pdf.t(110, y + 5, d_us(order_date), fam="sans", style="I", size=9)
    # footer
    pdf.hl(15, 201, 262, 0.3, (22, 78, 99))
    pdf.fnt("sans", "", 7)
    pdf.set_text_color(90, 90, 90)
    pdf.para(15, 264, 186, f"{buyer}  |  Federal Tax ID 94-3318842  |  Accounts Payable: ap@harborviewdental.example, "
             "(510) 555-0150  |  Invoices not referencing a valid P.O. number will be returned unpaid. "
             "Standard terms and conditions of purchase apply (rev. 01/2024).", h=3.4, align="C")
    pdf.set_text_color(0, 0, 0)
    fname = "po_us_harborview.pdf"
    pdf.output(str(out / fname))
    fields = {
        "po_number": po_no, "order_date": iso(order_date), "delivery_date": None,
        "supplier_name": supplier, "buyer_name": buyer, "currency": "USD", "total": float(total),
        "items": [{k: (float(v) if isinstance(v, Decimal) else v) for k, v in i.items()} for i in items],
    }
    arith = [("subtotal = sum(lines)", subtotal, sum(i["line_total"] for i in items)),
             ("tax = 10.25% of subtotal", tax, q2(subtotal * D("0.1025"))),
             ("total = subtotal + tax + shipping", total, subtotal + tax + shipping)]
    return Built("purchase_order", fname, fields, nf, lambda v: qty(v, "us"), [d_us], arith,
                 numeric_str={"subtotal": nf(subtotal), "tax": nf(tax), "shipping": nf(shipping)})


# =============================================================================== PO 2
# German DIN-5008 letter, buyer writes to supplier, rules-only table, dd.mm.yyyy, 1.234,56 €


def po_de(out: Path) -> Built:
    nf = lambda v: num(v, "eu")  # noqa: E731
    buyer = "Müller Maschinenbau GmbH"
    supplier = "Schraubenwerk Kessler KG"
    po_no = "4500018362"
    order_date = date(2025, 4, 3)
    delivery = date(2025, 4, 22)
    items = item_lines(
        [
            ("Sechskantschraube DIN 933 M8x30, 8.8, verzinkt", 2000, "0.12"),
            ("Sechskantmutter DIN 934 M8, verzinkt", 2000, "0.05"),
            ("Scheibe DIN 125 A 8,4, verzinkt", 500, "0.03"),
            ("Gewindestange DIN 976 M12x1000, 8.8", 40, "4.85"),
            ("Zylinderschraube ISO 4762 M6x20, 12.9, VE 100", 12, "18.90"),
        ]
    )
    net = sum(i["line_total"] for i in items)
    vat = q2(net * D("0.19"))
    total = net + vat

    pdf = Doc("A4")
    pdf.add_page()
    # letterhead right
    pdf.set_text_color(140, 20, 20)
    pdf.t(110, 12, "MÜLLER", w=85, align="R", fam="serif", style="B", size=22)
    pdf.set_text_color(60, 60, 60)
    pdf.t(110, 21, "Maschinenbau GmbH  ·  Sondermaschinen seit 1962", w=85, align="R", fam="serif", style="", size=8.5)
    pdf.set_text_color(0, 0, 0)
    # return line + address window
    pdf.t(25, 47, f"{buyer} · Industriestraße 14 · 73037 Göppingen", fam="sans", style="", size=6.5)
    pdf.hl(25, 110, 50.5, 0.15)
    pdf.block(25, 53, [supplier, "Vertrieb Innendienst", "Am Hammerwerk 7", "58762 Altena"],
              h=4.8, fam="sans", style="", size=10)
    # info block
    info = [("Bestell-Nr.", po_no), ("Bestelldatum", d_dot(order_date)), ("Lieferanten-Nr.", "70114"),
            ("Ihr Angebot", "AN-2025-0412 vom 27.03.2025"), ("Währung", "EUR"),
            ("Ansprechpartner", "Frau S. Weber"), ("Telefon", "07161 9384-212"),
            ("E-Mail", "einkauf@mueller-mb.example")]
    y = 47
    for lab, val in info:
        pdf.t(120, y, lab, w=27, fam="sans", style="", size=8)
        pdf.t(147, y, val, w=46, fam="sans", style="", size=8)
        y += 4.3
    pdf.t(25, 95, f"Bestellung {po_no}", fam="sans", style="B", size=12)
    pdf.fnt("sans", "", 9.5)
    y = pdf.para(25, 104, 170, "Sehr geehrte Damen und Herren,\n\nauf Grundlage Ihres Angebots bestellen wir zu "
                 "unseren Allgemeinen Einkaufsbedingungen folgende Positionen:", h=4.6)
    # table: horizontal rules only
    y += 4
    cols = [("Pos.", 10, "L"), ("Menge", 16, "R"), ("ME", 9, "L"), ("Bezeichnung", 79, "L"),
            ("Einzelpreis €", 27, "R"), ("Gesamt €", 29, "R")]
    pdf.hl(25, 195, y, 0.5)
    x = 25
    for name, w, al in cols:
        pdf.t(x + 0.5, y + 1, name, w=w - 1.5, align=al, fam="sans", style="B", size=8.5)
        x += w
    y += 6.5
    pdf.hl(25, 195, y, 0.25)
    y += 1.5
    mes = ["Stk", "Stk", "Stk", "Stk", "Pck"]
    arts = ["Art.-Nr. 933-08030-Z", "Art.-Nr. 934-08-Z", "Art.-Nr. 125-084-Z", "Art.-Nr. 976-12-1000",
            "Art.-Nr. 4762-0620-129"]
    for n, (it, me, art) in enumerate(zip(items, mes, arts), 1):
        vals = [f"{n * 10}", qty(it["quantity"], "eu"), me, it["description"], nf(it["unit_price"]),
                nf(it["line_total"])]
        x = 25
        for (name, w, al), v in zip(cols, vals):
            pdf.t(x + 0.5, y, v, w=w - 1.5, align=al, fam="sans", style="", size=8.5)
            x += w
        pdf.set_text_color(100, 100, 100)
        pdf.t(25 + 35 + 0.5, y + 4.2, art, fam="sans", style="", size=7)
        pdf.set_text_color(0, 0, 0)
        y += 10
        pdf.hl(25, 195, y - 1.2, 0.1, (160, 160, 160))
    # totals (right aligned, no box)
    y += 2
    for lab, v, st in [("Nettowert", nf(net), ""), ("zzgl. 19 % USt.", nf(vat), ""),
                       ("Gesamtbetrag EUR", nf(total), "B")]:
        if st:
            pdf.hl(130, 195, y - 0.8, 0.4)
        pdf.t(130, y, lab, w=36, fam="sans", style=st, size=9.5)
        pdf.t(166, y, v, w=28.5, align="R")
        y += 5.5
    pdf.hl(130, 195, y - 0.6, 0.4)
    pdf.hl(130, 195, y + 0.0, 0.4)
    y += 6
    pdf.fnt("sans", "", 9.5)
    lines = (f"Liefertermin: {d_dot(delivery)} (KW 17), frei Haus, Warenannahme Tor 3, Mo–Fr 7:00–14:30 Uhr.\n"
             "Zahlungsbedingungen: 14 Tage 3 % Skonto, 30 Tage netto.\n"
             "Bitte bestätigen Sie diese Bestellung innerhalb von 3 Werktagen unter Angabe unserer Bestell-Nr. "
             "Lieferscheine und Rechnungen ohne Bestell-Nr. können wir nicht bearbeiten.\n\n"
             "Mit freundlichen Grüßen\n\n" + buyer + "\ni. A. Sabine Weber, Einkauf")
    pdf.para(25, y, 170, lines, h=4.6)

    def footer(p: Doc):
        p.hl(25, 195, 270, 0.2, (140, 20, 20))
        p.set_text_color(80, 80, 80)
        cols3 = [
            [buyer, "Industriestraße 14", "73037 Göppingen", "Tel. 07161 9384-0"],
            ["Sitz: Göppingen", "Amtsgericht Ulm HRB 530118", "Geschäftsführer: Dr. Klaus Müller,", "Petra Lenz"],
            ["Kreissparkasse Göppingen", "IBAN DE12 6105 0000 0049 1837 22", "BIC GOPSDE6GXXX",
             "USt-IdNr. DE811204377"],
        ]
        for i, c in enumerate(cols3):
            p.block(25 + i * 58, 272, c, h=3.3, fam="sans", style="", size=6.8)
        p.set_text_color(0, 0, 0)

    pdf.footer_cb = footer
    fname = "po_de_mueller.pdf"
    pdf.output(str(out / fname))
    fields = {
        "po_number": po_no, "order_date": iso(order_date), "delivery_date": iso(delivery),
        "supplier_name": supplier, "buyer_name": buyer, "currency": "EUR", "total": float(total),
        "items": [{k: (float(v) if isinstance(v, Decimal) else v) for k, v in i.items()} for i in items],
    }
    arith = [("net = sum(lines)", net, sum(i["line_total"] for i in items)),
             ("USt = 19% of net", vat, q2(net * D("0.19"))), ("total = net + USt", total, net + vat)]
    return Built("purchase_order", fname, fields, nf, lambda v: qty(v, "eu"), [d_dot], arith,
                 numeric_str={"net": nf(net), "vat": nf(vat)})


# =============================================================================== receipt 1
# UK café till receipt, 80 mm thermal roll, monospace, card payment, no receipt number


def receipt_uk(out: Path) -> Built:
    nf = lambda v: num(v, "us")  # noqa: E731
    merchant = "The Copper Kettle"
    rdate = date(2025, 3, 14)
    lines = [("Flat White", 2, "3.40"), ("Earl Grey (pot)", 1, "3.10"), ("Welsh Rarebit", 1, "8.95"),
             ("Soup of the Day", 1, "6.50"), ("Lemon Drizzle Slice", 2, "3.25"), ("Tap Water", 2, "0.00")]
    its = item_lines(lines)
    total = sum(i["line_total"] for i in its)
    net = q2(total / D("1.2"))
    vat = total - net

    pdf = Doc((80, 200))
    pdf.add_page()
    W = 80
    y = 6
    y = pdf.t(0, y, merchant.upper(), w=W, align="C", fam="mono", style="B", size=12, h=6)
    y = pdf.t(0, y, "Café  ·  Bakery  ·  Tea Room", w=W, align="C", fam="mono", style="", size=8, h=4)
    for s in ["14 Broad Street", "Ludlow SY8 1NG", "Tel: 01584 872 310", "VAT Reg No: GB 318 4471 26"]:
        y = pdf.t(0, y, s, w=W, align="C", size=7.5, h=3.6)
    y += 2
    pdf.fnt("mono", "", 7.5)
    sep = "-" * 40
    y = pdf.t(4, y, sep, w=72, h=3.6)
    y = pdf.t(4, y, f"{d_slash(rdate)}  12:47         Till 2", w=72, h=3.6)
    y = pdf.t(4, y, "Table 7   Covers 2      Server: Emma", w=72, h=3.6)
    y = pdf.t(4, y, sep, w=72, h=3.6)
    for it in its:
        q = int(it["quantity"])
        name = f"{q} x {it['description']}"
        pdf.t(4, y, name, w=52, h=3.8)
        y = pdf.t(56, y, nf(it["line_total"]), w=20, align="R", h=3.8)
        if q > 1 and it["unit_price"] > 0:
            y = pdf.t(8, y, f"@ {nf(it['unit_price'])} each", w=50, h=3.6)
    y = pdf.t(4, y, sep, w=72, h=3.6)
    n_items = sum(int(i["quantity"]) for i in its)
    y = pdf.t(4, y, f"ITEMS: {n_items}", w=72, h=3.8)
    pdf.fnt("mono", "B", 10)
    pdf.t(4, y, "TOTAL", w=30, h=5.5)
    y = pdf.t(36, y, "£" + nf(total), w=40, align="R", h=5.5)
    pdf.fnt("mono", "", 7.5)
    pdf.t(4, y, "Card payment", w=40, h=3.8)
    y = pdf.t(46, y, "£" + nf(total), w=30, align="R", h=3.8)
    pdf.t(4, y, "Change", w=40, h=3.8)
    y = pdf.t(46, y, "£" + nf(0), w=30, align="R", h=3.8)
    y = pdf.t(4, y, sep, w=72, h=3.6)
    y = pdf.t(4, y, "VAT SUMMARY", w=72, h=3.8, style="B")
    pdf.fnt("mono", "", 7.5)
    y = pdf.t(4, y, "Rate       Net       VAT     Gross", w=72, h=3.6)
    y = pdf.t(4, y, f"20%   {nf(net):>8}  {nf(vat):>8}  {nf(total):>8}", w=72, h=3.6)
    y = pdf.t(4, y, sep, w=72, h=3.6)
    y += 1
    y = pdf.t(4, y, "VISA CONTACTLESS", w=72, h=3.6, style="B")
    pdf.fnt("mono", "", 7.5)
    for s in ["CARD: ************4821", "AID: A0000000031010", "AUTH CODE: 083415", "MERCHANT ID: ****1147",
              "SALE            PIN NOT REQUIRED", "PLEASE KEEP FOR YOUR RECORDS"]:
        y = pdf.t(4, y, s, w=72, h=3.6)
    y = pdf.t(4, y, sep, w=72, h=3.6)
    y += 1
    for s in ["Loyalty card: 7 of 9 stamps", "Spring menu from 01/04/2025!", "Thank you for visiting",
              "www.copperkettle-ludlow.example"]:
        y = pdf.t(0, y, s, w=W, align="C", h=3.6)
    y += 2
    pdf.fnt("mono", "", 6)
    y = pdf.t(0, y, "The Copper Kettle (Ludlow) Ltd. Reg. in", w=W, align="C", h=3)
    y = pdf.t(0, y, "England & Wales No. 09314472", w=W, align="C", h=3)
    assert y < 198, y
    fname = "receipt_uk_copperkettle.pdf"
    pdf.output(str(out / fname))
    fields = {"merchant_name": merchant, "receipt_date": iso(rdate), "receipt_number": None,
              "total": float(total), "tax_amount": float(vat), "payment_method": "card"}
    arith = [("lines qty x price", [i["line_total"] for i in its], [q2(i["quantity"] * i["unit_price"]) for i in its]),
             ("total = sum(lines)", total, sum(i["line_total"] for i in its)),
             ("net + VAT = gross", net + vat, total), ("VAT = gross/6 (20% incl.)", vat, q2(total / 6))]
    return Built("receipt", fname, fields, nf, lambda v: qty(v, "us"), [d_slash], arith,
                 numeric_str={"merchant_name": merchant.upper(), "net": nf(net),
                              **{f"line{n}": nf(i["line_total"]) for n, i in enumerate(its)}})


# =============================================================================== receipt 2
# Spanish "factura simplificada" from a hardware store, A5, boxed, cash with change


def receipt_es(out: Path) -> Built:
    nf = lambda v: num(v, "eu")  # noqa: E731
    merchant = "Ferretería Hermanos Ruiz"
    rdate = date(2025, 2, 5)
    ticket = "T25-004318"
    its = item_lines([
        ("Tornillo rosca madera 4x40 (caja 200)", 2, "6.95"),
        ("Cinta americana gris 50 m", 1, "7.45"),
        ("Brocha plana 50 mm", 3, "2.60"),
        ("Silicona neutra transparente 280 ml", 1, "5.99"),
        ("Pilas alcalinas AA (pack 4)", 1, "4.49"),
    ])
    total = sum(i["line_total"] for i in its)
    base = q2(total / D("1.21"))
    iva = total - base
    given = D("50.00")
    change = given - total

    pdf = Doc((148, 210))
    pdf.add_page()
    W = 148
    pdf.fillrect(0, 0, W, 22, (200, 60, 30))
    pdf.set_text_color(255, 255, 255)
    pdf.t(10, 5, merchant, fam="sans", style="B", size=15)
    pdf.t(10, 12.5, "Bricolaje · Menaje · Jardín · Cerrajería", fam="sans", style="", size=8)
    pdf.t(88, 5, "C/ Cuba, 28", w=50, align="R", size=7.5, h=3.8)
    pdf.t(88, 8.8, "46006 Valencia", w=50, align="R", h=3.8)
    pdf.t(88, 12.6, "Tel. 963 41 27 88", w=50, align="R", h=3.8)
    pdf.t(88, 16.4, "CIF B46123456", w=50, align="R", h=3.8)
    pdf.set_text_color(0, 0, 0)
    pdf.t(10, 27, "FACTURA SIMPLIFICADA", fam="sans", style="B", size=11)
    # meta in two columns
    meta = [("Nº ticket:", ticket), ("Fecha:", d_slash(rdate)), ("Hora:", "10:32"), ("Caja:", "01"),
            ("Atendido por:", "Marisa")]
    y = 34
    for i, (lab, val) in enumerate(meta):
        x = 10 if i < 3 else 80
        yy = y + (i if i < 3 else i - 3) * 4.5
        pdf.t(x, yy, lab, w=25, fam="sans", style="B", size=8.5)
        pdf.t(x + 25, yy, val, w=33, fam="sans", style="", size=8.5)
    # table with light zebra
    y = 50
    cols = [("Cant.", 12, "C"), ("Descripción", 72, "L"), ("P. unit.", 22, "R"), ("Importe", 22, "R")]
    x = 10
    pdf.fillrect(10, y, 128, 6, (60, 60, 60))
    pdf.set_text_color(255, 255, 255)
    for name, w, al in cols:
        pdf.t(x + 1, y + 0.8, name, w=w - 2, align=al, fam="sans", style="B", size=8)
        x += w
    pdf.set_text_color(0, 0, 0)
    y += 6
    for n, it in enumerate(its):
        if n % 2:
            pdf.fillrect(10, y, 128, 5.5, (242, 238, 236))
        vals = [qty(it["quantity"], "eu"), it["description"], nf(it["unit_price"]), nf(it["line_total"])]
        x = 10
        for (name, w, al), v in zip(cols, vals):
            pdf.t(x + 1, y + 0.6, v, w=w - 2, align=al, fam="sans", style="", size=8)
            x += w
        y += 5.5
    pdf.hl(10, 138, y, 0.3)
    y += 2
    # IVA breakdown left, totals right
    pdf.box(10, y, 62, 17)
    pdf.t(12, y + 1, "Desglose IVA", fam="sans", style="B", size=7.5)
    pdf.t(12, y + 5.5, "Tipo", w=12, style="", size=7.5)
    pdf.t(24, y + 5.5, "Base imp.", w=20, align="R")
    pdf.t(46, y + 5.5, "Cuota", w=22, align="R")
    pdf.t(12, y + 10, "21 %", w=12)
    pdf.t(24, y + 10, nf(base), w=20, align="R")
    pdf.t(46, y + 10, nf(iva), w=22, align="R")
    yy = y
    pdf.t(80, yy + 1, "TOTAL (IVA incl.)", w=32, fam="sans", style="B", size=9.5)
    pdf.t(112, yy + 1, nf(total) + " €", w=26, align="R")
    pdf.fnt("sans", "", 8.5)
    for lab, v in [("Forma de pago:", "EFECTIVO"), ("Entregado:", nf(given) + " €"), ("Cambio:", nf(change) + " €")]:
        yy += 4.6
        pdf.t(80, yy + 1.5, lab, w=30)
        pdf.t(110, yy + 1.5, v, w=28, align="R")
    y += 24
    pdf.fnt("sans", "", 7.5)
    pdf.para(10, y, 128, "Plazo de devolución: 15 días naturales con ticket y embalaje original "
             "(hasta el 20/02/2025). No se admiten devoluciones de material eléctrico ni cortado a medida. "
             "Artículos en oferta válidos hasta fin de existencias.", h=3.6, align="C")
    pdf.hl(10, 138, 193, 0.2, (200, 60, 30))
    pdf.fnt("sans", "", 6.5)
    pdf.set_text_color(90, 90, 90)
    pdf.para(10, 195, 128, "Ferretería Hermanos Ruiz, S.L. · CIF B46123456 · Inscrita en el Registro Mercantil de "
             "Valencia, Tomo 8.912, Folio 45, Hoja V-131.207 · ¡Gracias por su visita!", h=3.2, align="C")
    pdf.set_text_color(0, 0, 0)
    fname = "receipt_es_ferreteria.pdf"
    pdf.output(str(out / fname))
    fields = {"merchant_name": merchant, "receipt_date": iso(rdate), "receipt_number": ticket,
              "total": float(total), "tax_amount": float(iva), "payment_method": "cash"}
    arith = [("lines qty x price", [i["line_total"] for i in its], [q2(i["quantity"] * i["unit_price"]) for i in its]),
             ("total = sum(lines)", total, sum(i["line_total"] for i in its)),
             ("base + IVA = total", base + iva, total), ("IVA ~ 21% of base", iva, q2(base * D("0.21"))),
             ("entregado - total = cambio", given - total, change)]
    return Built("receipt", fname, fields, nf, lambda v: qty(v, "eu"), [d_slash], arith,
                 numeric_str={"base": nf(base), "change": nf(change),
                              **{f"line{n}": nf(i["line_total"]) for n, i in enumerate(its)}})


# =============================================================================== utility 1
# Dutch monthly energy bill, colour band, zebra cost table, dd-mm-yyyy, € 1.234,56


def ub_nl(out: Path) -> Built:
    nf = lambda v: num(v, "eu")  # noqa: E731
    provider = "Voltaplan Energie B.V."
    customer = "J.P. van den Berg"
    acct = "20481736"
    stmt = date(2025, 3, 12)
    due = date(2025, 3, 26)
    p0, p1 = date(2025, 2, 1), date(2025, 2, 28)
    cost = [
        ("Elektriciteit", None),
        ("Levering normaal  184 kWh × € 0,2790", q2(D(184) * D("0.2790"))),
        ("Levering dal  221 kWh × € 0,2650", q2(D(221) * D("0.2650"))),
        ("Vaste leveringskosten stroom", D("5.99")),
        ("Netbeheerkosten stroom (Stedin)", D("33.12")),
        ("Gas", None),
        ("Levering gas  148 m³ × € 1,3420", q2(D(148) * D("1.3420"))),
        ("Vaste leveringskosten gas", D("5.99")),
        ("Netbeheerkosten gas (Stedin)", D("19.87")),
        ("Overig", None),
        ("Vermindering energiebelasting", D("-52.16")),
    ]
    excl = sum(v for _, v in cost if v is not None)
    btw = q2(excl * D("0.21"))
    total = excl + btw

    pdf = Doc("A4")
    pdf.add_page()
    G = (0, 122, 94)
    pdf.fillrect(0, 0, 210, 28, G)
    pdf.set_text_color(255, 255, 255)
    pdf.t(18, 8, "voltaplan", fam="sans", style="B", size=24)
    pdf.t(18, 19, "energie voor thuis", fam="sans", style="I", size=9)
    pdf.t(120, 9, "Klantenservice 088 - 765 43 21", w=72, align="R", fam="sans", style="", size=8.5)
    pdf.t(120, 13.5, "ma-vr 8:00 - 20:00", w=72, align="R")
    pdf.t(120, 18, "www.voltaplan.example", w=72, align="R")
    pdf.set_text_color(0, 0, 0)
    pdf.set_text_color(110, 110, 110)
    pdf.t(18, 40, "Voltaplan Energie B.V. | Postbus 2210 | 3500 GE Utrecht", fam="sans", style="", size=7)
    pdf.set_text_color(0, 0, 0)
    pdf.block(18, 45, [f"De heer {customer}", "Lindenlaan 23", "3581 KD  UTRECHT"], h=5, fam="sans", style="", size=10)
    # meta block right with light background
    pdf.fillrect(118, 38, 74, 34, (230, 243, 239))
    meta = [("Factuurdatum", d_dash(stmt)), ("Factuurnummer", "7300-118452"), ("Klantnummer", acct),
            ("Leveringsadres", "Lindenlaan 23, Utrecht"), ("Periode", f"{d_dash(p0)} t/m {d_dash(p1)}"),
            ("Betaalwijze", "Automatische incasso")]
    y = 40
    for lab, val in meta:
        pdf.t(120, y, lab, w=27, fam="sans", style="B", size=7.8)
        pdf.t(147, y, val, w=44, fam="sans", style="", size=7.8)
        y += 5.2
    pdf.t(18, 84, "Uw maandfactuur februari 2025", fam="sans", style="B", size=14)
    pdf.fnt("sans", "", 9)
    pdf.para(18, 92, 174, "Beste heer Van den Berg,\nHieronder vindt u de kosten voor de levering van stroom en gas "
             "in de genoemde periode. De kosten zijn berekend op basis van uw werkelijke meterstanden.", h=4.5)
    # cost table
    y = 106
    pdf.fillrect(18, y, 174, 7, G)
    pdf.set_text_color(255, 255, 255)
    pdf.t(20, y + 1.2, "Omschrijving", w=110, fam="sans", style="B", size=9)
    pdf.t(150, y + 1.2, "Bedrag", w=40, align="R")
    pdf.set_text_color(0, 0, 0)
    y += 7
    zebra = 0
    for lab, v in cost:
        if v is None:
            pdf.t(20, y + 1.5, lab, w=100, fam="sans", style="B", size=9, h=5)
            y += 6.5
            zebra = 0
            continue
        if zebra % 2 == 0:
            pdf.fillrect(18, y, 174, 5.8, (244, 244, 244))
        pdf.t(24, y + 0.6, lab, w=120, fam="sans", style="", size=8.8)
        pdf.t(150, y + 0.6, "€ " + nf(v), w=40, align="R")
        y += 5.8
        zebra += 1
    y += 1
    pdf.hl(110, 192, y, 0.3)
    for lab, v, st in [("Totaal excl. btw", excl, ""), ("Btw 21%", btw, ""), ("Totaal incl. btw", total, "B")]:
        y += 1
        pdf.t(112, y, lab, w=40, fam="sans", style=st, size=9)
        pdf.t(150, y, "€ " + nf(v), w=40, align="R")
        y += 5
    # payment box
    y += 5
    pdf.box(18, y, 174, 22, lw=0.5, color=G)
    pdf.t(22, y + 2.5, "Te betalen", fam="sans", style="B", size=12)
    pdf.t(120, y + 2.5, "€ " + nf(total), w=68, align="R", size=12)
    pdf.fnt("sans", "", 8.5)
    pdf.t(22, y + 9.5, f"Uiterste betaaldatum: {d_dash(due)}", style="B")
    pdf.fnt("sans", "", 8.5)
    pdf.para(22, y + 14, 166, "U betaalt via automatische incasso. Wij schrijven het bedrag af van uw rekening "
             "NL91 ABNA 0417 1643 00 onder vermelding van het factuurnummer.", h=3.8)
    # distractors: meter readings + previous invoice
    y += 28
    pdf.t(18, y, "Uw meterstanden", fam="sans", style="B", size=9.5)
    y += 6
    heads = ["Meter", "Telwerk", f"Stand {d_dash(p0)}", f"Stand {d_dash(p1)}", "Verbruik"]
    rows = [["E 8712 4405", "normaal", "031.442", "031.626", "184 kWh"],
            ["E 8712 4405", "dal", "017.105", "017.326", "221 kWh"],
            ["G 5520 1183", "gas", "04.918", "05.066", "148 m³"]]
    ws = [32, 24, 38, 38, 42]
    x = 18
    for h_, w in zip(heads, ws):
        pdf.t(x, y, h_, w=w - 2, fam="sans", style="B", size=8)
        x += w
    y += 4.8
    pdf.hl(18, 192, y, 0.15)
    y += 0.8
    for r in rows:
        x = 18
        for v, w in zip(r, ws):
            pdf.t(x, y, v, w=w - 2, fam="sans", style="", size=8)
            x += w
        y += 4.6
    y += 4
    pdf.fnt("sans", "", 8.5)
    pdf.para(18, y, 174, "Vorige factuur (januari 2025): € 231,18 - op 27-02-2025 van uw rekening afgeschreven. "
             "Uw termijnbedrag blijft € 195,00 per maand. Uw jaarafrekening ontvangt u in oktober 2025.", h=4.2)

    def footer(p: Doc):
        p.fillrect(0, 280, 210, 17, (230, 243, 239))
        p.set_text_color(60, 60, 60)
        p.fnt("sans", "", 7)
        p.para(18, 283, 174, f"{provider} · Catharijnesingel 58, 3511 GE Utrecht · KvK 61234587 · "
               "btw NL854123776B01 · IBAN NL24 RABO 0312 4477 90 · Op al onze leveringen zijn de Algemene "
               "Voorwaarden Voltaplan 2025 van toepassing.", h=3.4, align="C")
        p.set_text_color(0, 0, 0)

    pdf.footer_cb = footer
    fname = "ub_nl_voltaplan.pdf"
    pdf.output(str(out / fname))
    fields = {"account_number": acct, "statement_date": iso(stmt), "due_date": iso(due), "customer_name": customer,
              "provider_name": provider, "amount_due": float(total), "billing_period_start": iso(p0),
              "billing_period_end": iso(p1)}
    arith = [("excl = sum(lines)", excl, sum(v for _, v in cost if v is not None)),
             ("btw = 21% of excl", btw, q2(excl * D("0.21"))), ("total = excl + btw", total, excl + btw),
             ("meter normaal 031.442 -> 031.626 = 184", 31626 - 31442, 184),
             ("meter dal 017.105 -> 017.326 = 221", 17326 - 17105, 221), ("gas 04.918 -> 05.066 = 148", 5066 - 4918, 148)]
    return Built("utility_bill", fname, fields, nf, lambda v: qty(v, "eu"), [d_dash], arith,
                 numeric_str={"excl": nf(excl), "btw": nf(btw),
                              **{f"cost{n}": nf(v) for n, (_, v) in enumerate(cost) if v is not None}})


# =============================================================================== utility 2
# US water district statement, summary boxes, remittance stub, "April 3, 2025" + 02/27/2025


def ub_us(out: Path) -> Built:
    nf = lambda v: num(v, "us")  # noqa: E731
    provider = "Cascade Valley Water District"
    customer = "MARIA L GONZALEZ"
    acct = "100-4478-22"
    stmt = date(2025, 4, 3)
    due = date(2025, 4, 24)
    p0, p1 = date(2025, 2, 27), date(2025, 3, 28)
    prev_read, cur_read = 48210, 57610
    usage = cur_read - prev_read  # gallons
    t1 = min(usage, 6000)
    t2 = usage - t1
    charges = [
        ("Water Base Charge (3/4\" meter)", D("28.50")),
        (f"Water Usage Tier 1: {t1:,} gal @ $2.15/1,000 gal", q2(D(t1) / 1000 * D("2.15"))),
        (f"Water Usage Tier 2: {t2:,} gal @ $3.05/1,000 gal", q2(D(t2) / 1000 * D("3.05"))),
        ("Sewer Base Charge", D("31.75")),
        ("Stormwater Utility Fee", D("8.40")),
        ("State Drinking Water Surcharge", D("1.25")),
    ]
    current = sum(v for _, v in charges)
    prev_bal = D("82.17")
    paid = D("82.17")
    amount_due = prev_bal - paid + current
    late_fee = D("5.00")

    pdf = Doc("Letter")
    pdf.add_page()
    B = (20, 70, 140)
    # logo-ish drop
    pdf.set_fill_color(*B)
    pdf.ellipse(14, 11, 12, 12, style="F")
    pdf.set_text_color(*B)
    pdf.t(29, 10.5, provider, fam="sans", style="B", size=13)
    pdf.set_text_color(70, 70, 70)
    pdf.block(29, 17, ["400 Reservoir Rd, Bend, OR 97701", "Customer Service (541) 555-0190  |  cvwd.example.org"],
              h=3.8, fam="sans", style="", size=7.8)
    pdf.set_text_color(0, 0, 0)
    # key-facts panel right
    pdf.box(128, 9, 74, 36, lw=0.4, color=B)
    facts = [("ACCOUNT NUMBER", acct), ("STATEMENT DATE", d_us_long(stmt)), ("DUE DATE", d_us_long(due)),
             ("AMOUNT DUE", "$" + nf(amount_due))]
    y = 11
    for lab, val in facts:
        pdf.t(131, y, lab, w=34, fam="sans", style="", size=7.5)
        pdf.t(165, y - 0.3, val, w=35, align="R", fam="sans", style="B", size=9.5)
        y += 8.3
    # customer / service info
    pdf.block(20, 52, [customer, "1872 NW JUNIPER RIDGE DR", "BEND OR 97703-4410"], h=4.6, fam="mono", style="", size=9.5)
    pdf.fillrect(128, 50, 74, 6, (228, 236, 247))
    pdf.t(130, 50.8, "SERVICE INFORMATION", fam="sans", style="B", size=8)
    info = [("Service Address", "1872 NW Juniper Ridge Dr"), ("Service Period", f"{d_us(p0)} - {d_us(p1)}"),
            ("Days of Service", str((p1 - p0).days)), ("Rate Class", "Residential R-1")]
    y = 58
    for lab, val in info:
        pdf.t(130, y, lab, w=28, fam="sans", style="", size=7.8)
        pdf.t(158, y, val, w=43, fam="sans", style="", size=7.8)
        y += 4.4
    # account summary
    y = 82
    pdf.fillrect(14, y, 188, 6.5, B)
    pdf.set_text_color(255, 255, 255)
    pdf.t(16, y + 1, "ACCOUNT SUMMARY", fam="sans", style="B", size=9)
    pdf.set_text_color(0, 0, 0)
    y += 8.5
    summ = [("Previous Balance", nf(prev_bal)), (f"Payment Received {d_us(date(2025, 3, 14))} - Thank You", "-" + nf(paid)),
            ("Balance Forward", nf(prev_bal - paid)), ("Current Charges", nf(current))]
    for lab, v in summ:
        pdf.t(18, y, lab, w=120, fam="sans", style="", size=9)
        pdf.t(160, y, v, w=38, align="R")
        y += 5.2
    pdf.hl(140, 200, y + 0.3, 0.3)
    y += 1.5
    pdf.t(18, y, "Total Amount Due", w=100, fam="sans", style="B", size=10)
    pdf.t(160, y, "$" + nf(amount_due), w=38, align="R")
    y += 10
    # current charges detail
    pdf.fillrect(14, y, 188, 6.5, B)
    pdf.set_text_color(255, 255, 255)
    pdf.t(16, y + 1, "CURRENT CHARGES DETAIL", fam="sans", style="B", size=9)
    pdf.set_text_color(0, 0, 0)
    y += 8.5
    for lab, v in charges:
        pdf.t(18, y, lab, w=130, fam="sans", style="", size=8.8)
        pdf.t(160, y, nf(v), w=38, align="R")
        y += 5
    pdf.hl(140, 200, y + 0.3, 0.3)
    y += 1.5
    pdf.t(18, y, "Total Current Charges", w=100, fam="sans", style="B", size=9)
    pdf.t(160, y, nf(current), w=38, align="R")
    y += 10
    # meter table
    pdf.t(14, y, "METER READINGS (gallons)", fam="sans", style="B", size=8.5)
    y += 5.5
    heads = ["Meter No.", "Prev. Read Date", "Prev. Reading", "Curr. Read Date", "Curr. Reading", "Usage"]
    rows = [["61833904", d_us(p0), f"{prev_read:,}", d_us(p1), f"{cur_read:,}", f"{usage:,}"]]
    ws = [26, 30, 28, 30, 28, 26]
    x = 14
    for h_, w in zip(heads, ws):
        pdf.box(x, y, w, 5.5, fill=(228, 236, 247))
        pdf.t(x + 1, y + 0.5, h_, w=w - 2, fam="sans", style="B", size=7.8)
        x += w
    y += 5.5
    for r in rows:
        x = 14
        for v, w in zip(r, ws):
            pdf.box(x, y, w, 5.5)
            pdf.t(x + 1, y + 0.5, v, w=w - 2, fam="sans", style="", size=8)
            x += w
    pdf.fnt("sans", "", 7.8)
    pdf.para(14, y + 8, 188, f"Average daily use: {usage // (p1 - p0).days} gal. Next scheduled meter read: "
             f"{d_us(date(2025, 4, 28))}. A late fee of ${nf(late_fee)} will be added to balances not received by the due "
             "date. Report leaks 24/7 at (541) 555-0199.", h=3.6)
    # remittance stub
    ys = 200
    pdf.set_draw_color(120, 120, 120)
    pdf.set_line_width(0.3)
    pdf.set_dash_pattern(dash=1.5, gap=1.2)
    pdf.line(8, ys, 208, ys)
    pdf.set_dash_pattern()
    pdf.t(14, ys + 1.5, "Please detach and return this portion with your payment. Make checks payable to CVWD.",
          fam="sans", style="I", size=7)
    pdf.t(14, ys + 8, provider, fam="sans", style="B", size=10)
    pdf.block(14, ys + 13, ["PO Box 3390", "Bend, OR 97707-3390"], h=4.2, fam="sans", style="", size=8.5)
    stub = [("Account Number", acct), ("Due Date", d_us(due)), ("Amount Due", "$" + nf(amount_due)),
            (f"After {d_us(due)} Pay", "$" + nf(amount_due + late_fee)), ("Amount Enclosed", "$ ____________")]
    y = ys + 8
    for lab, v in stub:
        pdf.box(120, y, 40, 7, fill=(228, 236, 247))
        pdf.box(160, y, 42, 7)
        pdf.t(121.5, y + 1.3, lab, w=37, fam="sans", style="B", size=7.8)
        pdf.t(161.5, y + 1.3, v, w=39, align="R", fam="sans", style="", size=8.8)
        y += 7
    pdf.block(14, ys + 30, [customer, "1872 NW JUNIPER RIDGE DR", "BEND OR 97703-4410"], h=4.4, fam="mono", style="", size=9)
    pdf.t(14, ys + 52, f"1004478220  {int(amount_due * 100):09d}  5", fam="mono", style="", size=9)
    pdf.set_text_color(110, 110, 110)
    pdf.t(14, 268, f"{provider} is an equal opportunity provider. Bills are issued monthly. "
          "Autopay and paperless billing: cvwd.example.org/pay", fam="sans", style="", size=6.8)
    pdf.set_text_color(0, 0, 0)
    fname = "ub_us_cascade.pdf"
    pdf.output(str(out / fname))
    fields = {"account_number": acct, "statement_date": iso(stmt), "due_date": iso(due), "customer_name": customer,
              "provider_name": provider, "amount_due": float(amount_due), "billing_period_start": iso(p0),
              "billing_period_end": iso(p1)}
    arith = [("usage = current - previous read", usage, t1 + t2),
             ("current = sum(charges)", current, sum(v for _, v in charges)),
             ("amount due = prev - payment + current", amount_due, prev_bal - paid + current)]
    return Built("utility_bill", fname, fields, nf, lambda v: qty(v, "us"), [d_us_long, d_us], arith,
                 numeric_str={"current": nf(current), "usage": f"{usage:,}",
                              **{f"charge{n}": nf(v) for n, (_, v) in enumerate(charges)}})


# =============================================================================== insurance 1
# French "avis d'échéance", home insurance, letter format, tear-off slip


def ins_fr(out: Path) -> Built:
    nf = lambda v: num(v, "fr")  # noqa: E731
    insurer = "Mutuelle Armorique Assurances"
    insured = "Claire Dubois-Lefèvre"
    policy = "HAB-0457-8821"
    due = date(2025, 4, 1)
    letter = date(2025, 3, 3)
    garanties = [("Dommages aux biens et responsabilité civile", D("318.20")), ("Protection juridique", D("24.50")),
                 ("Assistance habitation 24h/24", D("18.75"))]
    ht = sum(v for _, v in garanties)
    tca = q2(ht * D("0.09"))
    gareat = D("5.90")
    taxes = tca + gareat
    ttc = ht + taxes

    pdf = Doc("A4")
    pdf.add_page()
    N = (18, 45, 90)
    pdf.fillrect(18, 14, 3, 20, (200, 160, 40))
    pdf.set_text_color(*N)
    pdf.t(24, 14, "Mutuelle Armorique", fam="serif", style="B", size=17)
    pdf.t(24, 22, "ASSURANCES", fam="sans", style="", size=9)
    pdf.set_text_color(70, 70, 70)
    pdf.block(24, 28, ["12 quai Duguay-Trouin · 35000 Rennes", "Tél. 02 99 45 60 00 · www.armorique-assurances.example"],
              h=3.6, fam="sans", style="", size=7.5)
    pdf.set_text_color(0, 0, 0)
    # address window right (French letters put it right)
    pdf.block(118, 50, [f"Madame {insured}", "7 rue des Tanneurs", "29000 QUIMPER"], h=5, fam="sans", style="", size=10)
    pdf.t(118, 72, f"Rennes, le {d_fr_long(letter)}", fam="sans", style="", size=9)
    # reference box left
    pdf.box(18, 48, 84, 31, lw=0.3, color=N)
    refs = [("Sociétaire n°", "0088214"), ("Contrat n°", policy), ("Produit", "Multirisque Habitation"),
            ("Formule", "Confort"), ("Votre conseiller", "M. Le Goff")]
    y = 50
    for lab, val in refs:
        pdf.t(21, y, lab, w=30, fam="sans", style="", size=8.5)
        pdf.t(51, y, val, w=50, fam="sans", style="B", size=8.5)
        y += 5.5
    pdf.set_text_color(*N)
    pdf.t(18, 88, "AVIS D'ÉCHÉANCE", fam="sans", style="B", size=15)
    pdf.set_text_color(0, 0, 0)
    pdf.t(18, 96, f"Période de garantie : du {d_slash(due)} au {d_slash(date(2026, 3, 31))}", fam="sans", style="", size=9.5)
    pdf.fnt("sans", "", 9.5)
    pdf.para(18, 105, 174, "Madame,\n\nVotre contrat arrive à échéance. Nous vous remercions de votre fidélité et vous "
             "prions de trouver ci-dessous le détail de votre cotisation annuelle pour la nouvelle période. "
             "Le logement assuré est situé 7 rue des Tanneurs, 29000 Quimper (maison, 5 pièces, 112 m²).", h=4.7)
    # detail table: two-column with dotted separators
    y = 133
    pdf.fillrect(18, y, 174, 7, (235, 239, 246))
    pdf.t(21, y + 1.3, "Détail de votre cotisation annuelle", w=120, fam="sans", style="B", size=9.5)
    pdf.t(150, y + 1.3, "Montant", w=39, align="R")
    y += 9
    rows = [(lab, v, "") for lab, v in garanties]
    rows += [("Cotisation hors taxes", ht, "B"),
             ("Taxe sur les conventions d'assurance (9 %)", tca, ""),
             ("Contribution attentats et actes de terrorisme", gareat, ""),
             ("Total taxes et contributions", taxes, "B")]
    for lab, v, st in rows:
        pdf.t(21, y, lab, w=125, fam="sans", style=st, size=9)
        pdf.t(150, y, nf(v) + " €", w=39, align="R")
        y += 5.4
        pdf.set_draw_color(170, 170, 170)
        pdf.set_dash_pattern(dash=0.5, gap=0.8)
        pdf.line(21, y - 0.6, 189, y - 0.6)
        pdf.set_dash_pattern()
        pdf.set_draw_color(0, 0, 0)
    y += 1
    pdf.fillrect(18, y, 174, 9, N)
    pdf.set_text_color(255, 255, 255)
    pdf.t(21, y + 2, "Cotisation TTC à régler", w=120, fam="sans", style="B", size=10.5)
    pdf.t(140, y + 2, nf(ttc) + " €", w=49, align="R")
    pdf.set_text_color(0, 0, 0)
    y += 13
    pdf.fnt("sans", "", 9.5)
    pdf.t(18, y, "Date limite de paiement : ", fam="sans", style="", size=9.5)
    pdf.t(18 + pdf.get_string_width("Date limite de paiement : ") + 0.5, y, d_slash(due), style="B")
    y += 7
    pdf.fnt("sans", "", 9)
    y = pdf.para(18, y, 174, "Pour mémoire, votre cotisation 2024-2025 s'élevait à 384,10 €. Vous avez opté pour le "
             "paiement annuel par chèque ou par virement. Pour passer au prélèvement mensuel sans frais, "
             "contactez votre conseiller au 02 99 45 60 12.\n\nVeuillez agréer, Madame, nos salutations distinguées.",
             h=4.4)
    # tear-off slip
    ys = max(226, y + 6)
    assert ys <= 232, ys
    pdf.set_draw_color(120, 120, 120)
    pdf.set_dash_pattern(dash=2, gap=1.5)
    pdf.line(10, ys, 200, ys)
    pdf.set_dash_pattern()
    pdf.set_draw_color(0, 0, 0)
    pdf.t(18, ys + 2, "✂  Talon à joindre à votre règlement", fam="sans", style="I", size=7.5)
    pdf.box(18, ys + 8, 174, 26, lw=0.3, color=N)
    slip = [("Contrat n°", policy), ("Souscripteur", f"Mme {insured}"), ("Montant à régler", nf(ttc) + " €")]
    y = ys + 11
    for lab, val in slip:
        pdf.t(22, y, lab, w=32, fam="sans", style="", size=8.5)
        pdf.t(54, y, val, w=60, fam="sans", style="B", size=8.5)
        y += 6
    pdf.block(112, ys + 11, ["Virement : IBAN FR76 1558 9297 0600 0123 4567 890", "BIC CMBRFR2BARK",
                             "Chèque à l'ordre de", insurer], h=4.4, fam="sans", style="", size=7.5)

    def footer(p: Doc):
        p.set_text_color(100, 100, 100)
        p.fnt("sans", "", 6.5)
        p.para(18, 272, 174, f"{insurer} – Société d'assurance mutuelle à cotisations variables – Entreprise régie par "
               "le Code des assurances – SIREN 775 123 456 – Siège social : 12 quai Duguay-Trouin, 35000 Rennes – "
               "Autorité de contrôle : ACPR, 4 place de Budapest, 75436 Paris Cedex 09.", h=3.2, align="C")
        p.set_text_color(0, 0, 0)

    pdf.footer_cb = footer
    fname = "ins_fr_armorique.pdf"
    pdf.output(str(out / fname))
    fields = {"policy_number": policy, "insured_name": insured, "insurer_name": insurer, "due_date": iso(due),
              "premium": float(ttc), "insurance_tax": float(taxes)}
    arith = [("HT = sum(garanties)", ht, sum(v for _, v in garanties)), ("TCA = 9% HT", tca, q2(ht * D("0.09"))),
             ("taxes = TCA + attentats", taxes, tca + gareat), ("TTC = HT + taxes", ttc, ht + taxes)]
    return Built("insurance_notice", fname, fields, nf, lambda v: qty(v, "fr"), [d_slash], arith,
                 numeric_str={"ht": nf(ht), "tca": nf(tca), "gareat": nf(gareat)})


# =============================================================================== insurance 2
# German motor insurance premium invoice, 2 pages, window letter, dd.mm.yyyy + long date


def ins_de(out: Path) -> Built:
    nf = lambda v: num(v, "eu")  # noqa: E731
    insurer = "Nordstern Versicherung AG"
    insured = "Thomas Brandt"
    policy = "KV-418-227903"
    due = date(2026, 1, 1)
    letter = date(2025, 11, 14)
    parts = [("Kfz-Haftpflichtversicherung, SF 12 (35 %)", D("312.40")),
             ("Teilkasko, Selbstbeteiligung 150 €", D("98.20")),
             ("Schutzbrief", D("11.90"))]
    net = sum(v for _, v in parts)
    tax = q2(net * D("0.19"))
    gross = net + tax
    prev = D("479.36")

    pdf = Doc("A4")
    R = (170, 25, 35)

    def footer(p: Doc):
        p.hl(20, 190, 277, 0.2, (150, 150, 150))
        p.set_text_color(100, 100, 100)
        p.fnt("cond", "", 6.5)
        p.para(20, 278.5, 150, f"{insurer} · Sitz Hamburg · Amtsgericht Hamburg HRB 98114 · Vorstand: Jens Albers "
               "(Vors.), Dr. Mira Okonkwo · Aufsichtsratsvorsitzender: Henning Stolz · Versicherungsteuer-Nr. "
               "807/V90807001234 · Commerzbank Hamburg, IBAN DE45 2004 0000 0627 1100 00", h=3)
        p.t(170, 279, f"Seite {p.page_no()} von {{nb}}", w=20, align="R", fam="cond", style="", size=7)
        p.set_text_color(0, 0, 0)

    pdf.footer_cb = footer
    pdf.add_page()
    # logo: star + name left
    pdf.set_text_color(*R)
    pdf.t(20, 13, "✦", fam="sans", style="", size=22, h=9)
    pdf.t(31, 13, "NORDSTERN", fam="sans", style="B", size=18, h=9)
    pdf.set_text_color(80, 80, 80)
    pdf.t(31, 21, "Versicherung", fam="sans", style="", size=9)
    pdf.set_text_color(0, 0, 0)
    pdf.t(20, 45, f"{insurer} · 20095 Hamburg", fam="sans", style="", size=6.5)
    pdf.block(20, 51, ["Herrn", insured, "Eppendorfer Weg 112", "20259 Hamburg"], h=4.8, fam="sans", style="", size=10)
    # right: contact column
    pdf.fnt("cond", "", 8)
    col = [("Ihr Ansprechpartner", "Kundenservice Kfz"), ("Telefon", "040 3281-0"), ("Telefax", "040 3281-4499"),
           ("Versicherungsschein-Nr.", policy), ("Kundennummer", "55 019 338"), ("Datum", d_de_long(letter))]
    y = 45
    for lab, val in col:
        pdf.t(132, y, lab, w=58, fam="cond", style="", size=7)
        pdf.t(132, y + 3.2, val, w=58, fam="cond", style="B", size=8.5)
        y += 8
    pdf.t(20, 100, "Beitragsrechnung zur Kraftfahrtversicherung", fam="sans", style="B", size=12)
    pdf.t(20, 106, "Versicherungsjahr 01.01.2026 bis 31.12.2026", fam="sans", style="", size=9.5)
    pdf.fnt("sans", "", 9.5)
    pdf.para(20, 114, 170, f"Sehr geehrter Herr {insured.split()[-1]},\n\nfür das neue Versicherungsjahr berechnen "
             "wir Ihren Beitrag wie folgt. Versichertes Fahrzeug: VW Golf 1.5 TSI, amtliches Kennzeichen HH-TB 482, "
             "Erstzulassung 03/2021, jährliche Fahrleistung bis 12.000 km.", h=4.7)
    y = 140
    pdf.set_fill_color(245, 235, 236)
    pdf.fillrect(20, y, 170, 7, (245, 235, 236))
    pdf.t(22, y + 1.2, "Sparte", w=110, fam="sans", style="B", size=9)
    pdf.t(150, y + 1.2, "Jahresbeitrag", w=38, align="R")
    y += 8.5
    for lab, v in parts:
        pdf.t(22, y, lab, w=120, fam="sans", style="", size=9)
        pdf.t(150, y, nf(v) + " €", w=38, align="R")
        y += 5.5
    pdf.hl(20, 190, y + 0.4, 0.2)
    y += 1.8
    for lab, v, st in [("Beitrag ohne Versicherungsteuer", net, ""), ("Versicherungsteuer 19 %", tax, ""),
                       ("Zu zahlender Gesamtbeitrag", gross, "B")]:
        pdf.t(22, y, lab, w=120, fam="sans", style=st, size=9.5)
        pdf.t(150, y, nf(v) + " €", w=38, align="R")
        y += 5.8
    pdf.hl(120, 190, y + 0.2, 0.5, R)
    y += 7
    pdf.fnt("sans", "", 9.5)
    y = pdf.para(20, y, 170, f"Der Gesamtbeitrag ist am {d_dot(due)} fällig. Wir buchen ihn zum Fälligkeitstag "
                 "per SEPA-Lastschrift von Ihrem Konto DE89 2005 0550 1234 5678 90 ab (Gläubiger-ID "
                 "DE98ZZZ09999999999, Mandatsreferenz NV-418227903-01). Bitte sorgen Sie für ausreichende Deckung.",
                 h=4.7)
    y += 4
    pdf.box(20, y, 170, 17, lw=0.3, color=R)
    pdf.t(23, y + 2, "Fälligkeit", w=40, fam="sans", style="", size=8.5)
    pdf.t(23, y + 7.5, d_dot(due), w=40, style="B", size=11)
    pdf.t(75, y + 2, "Zahlweise", w=40, style="", size=8.5)
    pdf.t(75, y + 7.5, "jährlich", w=40, style="B", size=11)
    pdf.t(130, y + 2, "Abbuchungsbetrag", w=57, align="R", style="", size=8.5)
    pdf.t(130, y + 7.5, nf(gross) + " €", w=57, align="R", style="B", size=11)
    y += 24
    pdf.fnt("sans", "", 9.5)
    pdf.para(20, y, 170, "Erläuterungen zur Beitragsberechnung finden Sie auf der Rückseite.\n\n"
             f"Mit freundlichen Grüßen\n{insurer}", h=4.7)

    # page 2
    pdf.add_page()
    pdf.t(20, 18, "Erläuterungen zu Ihrer Beitragsrechnung", fam="sans", style="B", size=12)
    pdf.t(20, 25, f"Versicherungsschein-Nr. {policy} · {insured}", fam="sans", style="", size=8.5)
    y = 34
    pdf.t(20, y, "Ihre Tarifmerkmale", fam="sans", style="B", size=10)
    y += 6
    feats = [("Schadenfreiheitsklasse Haftpflicht", "SF 12 (35 %)"), ("Schadenfreiheitsklasse Teilkasko", "entfällt"),
             ("Regionalklasse Haftpflicht / Teilkasko", "9 / 11"), ("Typklasse Haftpflicht / Teilkasko", "16 / 21"),
             ("Fahrerkreis", "Versicherungsnehmer und Partner, ab 25 Jahre"), ("Abstellort nachts", "Carport"),
             ("Jährliche Fahrleistung", "bis 12.000 km")]
    for lab, val in feats:
        pdf.t(20, y, lab, w=75, fam="sans", style="", size=9)
        pdf.t(95, y, val, w=95, fam="sans", style="", size=9)
        y += 5
    y += 6
    pdf.t(20, y, "Beitragsentwicklung", fam="sans", style="B", size=10)
    y += 6
    hist = [("2024", D("455.12")), ("2025", prev), ("2026", gross)]
    pdf.fillrect(20, y, 90, 6, (245, 235, 236))
    pdf.t(22, y + 0.8, "Versicherungsjahr", w=40, fam="sans", style="B", size=8.5)
    pdf.t(70, y + 0.8, "Gesamtbeitrag", w=38, align="R")
    y += 7
    for yr, v in hist:
        pdf.t(22, y, yr, w=40, fam="sans", style="", size=8.5)
        pdf.t(70, y, nf(v) + " €", w=38, align="R")
        y += 4.8
    y += 6
    pdf.fnt("sans", "", 9)
    pdf.para(20, y, 170, "Warum ändert sich Ihr Beitrag? Die Typ- und Regionalklassen werden jährlich vom "
             "Gesamtverband der Deutschen Versicherungswirtschaft auf Basis der Schadenstatistik neu festgelegt. "
             "Ihr Beitrag steigt gegenüber dem Vorjahr um "
             f"{nf(gross - prev)} €, obwohl sich Ihre Schadenfreiheitsklasse verbessert hat.\n\n"
             "Sonderkündigungsrecht: Bei einer Beitragserhöhung ohne Änderung des Versicherungsumfangs können Sie den "
             "Vertrag innerhalb eines Monats nach Zugang dieser Mitteilung kündigen, frühestens jedoch zum Zeitpunkt "
             "des Wirksamwerdens der Änderung. Die reguläre Kündigungsfrist endet am 30.11.2025.\n\n"
             "Die Versicherungsteuer wird von uns einbehalten und an das Bundeszentralamt für Steuern abgeführt. "
             "Der Steuersatz beträgt derzeit 19 % des Nettobeitrags.", h=4.6)
    fname = "ins_de_nordstern.pdf"
    pdf.output(str(out / fname))
    fields = {"policy_number": policy, "insured_name": insured, "insurer_name": insurer, "due_date": iso(due),
              "premium": float(gross), "insurance_tax": float(tax)}
    arith = [("net = sum(parts)", net, sum(v for _, v in parts)), ("tax = 19% of net", tax, q2(net * D("0.19"))),
             ("gross = net + tax", gross, net + tax)]
    return Built("insurance_notice", fname, fields, nf, lambda v: qty(v, "eu"), [d_dot], arith,
                 numeric_str={"net": nf(net), **{f"part{n}": nf(v) for n, (_, v) in enumerate(parts)}})


# =============================================================================== delivery 1
# UK delivery note, ordered / delivered / to follow, long UK dates


def dn_uk(out: Path) -> Built:
    nf = lambda v: num(v, "us")  # noqa: E731
    shipper = "Northgate Fasteners Ltd"
    recipient = "Blackwood Joinery Ltd"
    dn_no = "DN-58213"
    ddate = date(2025, 5, 7)
    odate = date(2025, 4, 28)
    order = "PO 4471/HB"
    lines = [  # code, description, ordered, delivered
        ("WS-5070-ZP", "Wood screws 5.0 x 70 mm, zinc plated (box 100)", 20, 20),
        ("BH-75-SSS", "Butt hinge 75 mm, satin stainless steel (pair)", 30, 18),
        ("AD-PVA-5L", "D3 PVA wood adhesive, 5 litre", 6, 6),
        ("DW-0840-B", "Fluted beech dowels 8 x 40 mm (bag 500)", 4, 4),
        ("AB-M12-120", "Anchor bolt M12 x 120 mm", 50, 50),
    ]

    pdf = Doc("A4")
    pdf.add_page()
    K = (40, 40, 40)
    pdf.set_text_color(*K)
    pdf.t(15, 14, "NORTHGATE", fam="cond", style="B", size=22, h=9)
    pdf.t(15, 23, "FASTENERS  ·  FIXINGS  ·  IRONMONGERY", fam="cond", style="", size=7.5)
    pdf.set_text_color(0, 0, 0)
    pdf.block(15, 30, [shipper, "Unit 12, Canal Side Industrial Estate", "Wakefield WF2 7AA",
                       "Tel 01924 381 550 · sales@northgate-fasteners.example"], h=3.8, fam="sans", style="", size=7.8)
    pdf.t(110, 14, "DELIVERY NOTE", w=85, align="R", fam="sans", style="B", size=18, h=9)
    # details grid right
    det = [("Delivery Note No.", dn_no), ("Delivery Date", d_uk_long(ddate)), ("Your Order No.", order),
           ("Order Date", d_uk_long(odate)), ("Account No.", "BLA012"), ("Carrier", "DPD Local")]
    y = 28
    for lab, val in det:
        pdf.t(125, y, lab, w=32, fam="sans", style="", size=8)
        pdf.t(157, y, val, w=38, align="R", fam="sans", style="B", size=8.5)
        y += 4.6
        pdf.hl(125, 195, y - 0.3, 0.1, (180, 180, 180))
    # addresses side by side
    y = 64
    for x, title, ls in [
        (15, "Invoice Address", [recipient, "Accounts Department", "17 Market Street", "Hebden Bridge", "HX7 6AA"]),
        (80, "Delivery Address", [recipient, "Workshop 3, Mill Lane", "Hebden Bridge", "HX7 8EZ",
                                  "Contact: G. Hughes, 07700 900 418"]),
    ]:
        pdf.t(x, y, title.upper(), fam="sans", style="B", size=7.5)
        pdf.hl(x, x + 60, y + 4.5, 0.4)
        pdf.block(x, y + 6, ls, h=4.4, fam="sans", style="", size=9)
    pdf.box(151, 64, 44, 30, lw=0.3)
    pdf.t(153, 66, "DESPATCH DETAILS", fam="sans", style="B", size=7)
    pdf.block(153, 71, ["Packages: 3", "Gross weight: 41.6 kg", "Consignment:", "1553 8820 9017", "Picked by: RT"],
              h=4.2, fam="sans", style="", size=7.8)
    # table
    y = 104
    cols = [("Product Code", 27, "L"), ("Description", 89, "L"), ("Ordered", 22, "R"), ("Delivered", 22, "R"),
            ("To Follow", 20, "R")]
    pdf.fillrect(15, y, 180, 7, (40, 40, 40))
    pdf.set_text_color(255, 255, 255)
    x = 15
    for name, w, al in cols:
        pdf.t(x + 1.5, y + 1.3, name, w=w - 3, align=al, fam="sans", style="B", size=8.5)
        x += w
    pdf.set_text_color(0, 0, 0)
    y += 7
    for code, desc, o, d in lines:
        vals = [code, desc, str(o), str(d), str(o - d)]
        x = 15
        for (name, w, al), v in zip(cols, vals):
            pdf.t(x + 1.5, y + 1.5, v, w=w - 3, align=al, fam="sans", style="B" if name == "Delivered" else "",
                  size=8.8)
            x += w
        y += 8
        pdf.hl(15, 195, y, 0.15, (150, 150, 150))
    pdf.hl(15, 195, y + 0.6, 0.4)
    y += 3
    pdf.t(117, y, "Total units delivered", w=38, fam="sans", style="B", size=8.8)
    pdf.t(155, y + 0, str(sum(d for *_, d in lines)), w=20, align="R")
    y += 10
    pdf.fnt("sans", "", 8.5)
    pdf.para(15, y, 180, "Items marked 'To Follow' are on back order and will be delivered separately, expected "
             "w/c 19 May 2025. Please check goods on receipt: shortages or damage must be reported within "
             "48 hours, quoting the delivery note number. Goods remain the property of Northgate Fasteners Ltd "
             "until paid for in full.", h=4.2)
    # signature area
    y = 205
    pdf.box(15, y, 180, 36, lw=0.3)
    pdf.t(18, y + 2, "RECEIVED IN GOOD CONDITION", fam="sans", style="B", size=8)
    for i, lab in enumerate(["Signature", "Print Name", "Date / Time"]):
        xx = 18 + i * 60
        pdf.hl(xx, xx + 52, y + 24, 0.3)
        pdf.t(xx, y + 25, lab, fam="sans", style="", size=7.5)

    def footer(p: Doc):
        p.set_text_color(90, 90, 90)
        p.fnt("sans", "", 6.8)
        p.para(15, 280, 180, f"{shipper} · Registered in England & Wales No. 04821736 · VAT No. GB 734 2210 58 · "
               "Registered office: Unit 12, Canal Side Industrial Estate, Wakefield WF2 7AA", h=3.2, align="C")
        p.set_text_color(0, 0, 0)

    pdf.footer_cb = footer
    fname = "dn_uk_northgate.pdf"
    pdf.output(str(out / fname))
    fields = {"delivery_note_number": dn_no, "delivery_date": iso(ddate), "order_number": order,
              "shipper_name": shipper, "recipient_name": recipient,
              "items": [{"description": desc, "quantity": float(d)} for _, desc, _, d in lines]}
    arith = [("ordered = delivered + to follow", [o for *_, o, _ in lines], [d + (o - d) for *_, o, d in lines]),
             ("total units = sum(delivered)", sum(d for *_, d in lines), 98)]
    return Built("delivery_note", fname, fields, nf, lambda v: qty(v, "us"), [d_uk_long], arith)


# =============================================================================== delivery 2
# Spanish "albarán de entrega", produce wholesaler, kg with decimals, no order number


def dn_es(out: Path) -> Built:
    nf = lambda v: num(v, "eu")  # noqa: E731
    shipper = "Distribuciones Hortícolas Levante, S.L."
    recipient = "Supermercados Vega Baja, S.A."
    no = "ALB-25/01937"
    ddate = date(2025, 6, 12)
    lines = [  # description, lote, cajas, cantidad, unidad
        ("Tomate pera categoría I", "L2516301", 12, D("120.50"), "kg"),
        ("Pimiento rojo California", "L2516288", 8, D("64.00"), "kg"),
        ("Limón Verna calibre 3", "L2515940", 10, D("150.00"), "kg"),
        ("Lechuga iceberg", "L2516310", 6, D("72"), "ud"),
        ("Sandía sin pepitas", "L2516122", 4, D("380.40"), "kg"),
    ]
    cajas = sum(c for _, _, c, _, _ in lines)
    kg = sum(q for *_, q, u in lines if u == "kg")

    pdf = Doc("A4")
    pdf.add_page()
    V = (46, 125, 50)
    pdf.set_text_color(*V)
    pdf.t(0, 12, "Distribuciones Hortícolas Levante", w=210, align="C", fam="serif", style="B", size=16)
    pdf.set_text_color(70, 70, 70)
    pdf.t(0, 20, "Frutas y hortalizas al por mayor · Mercamurcia, nave 14 · 30120 El Palmar (Murcia)",
          w=210, align="C", fam="sans", style="", size=8)
    pdf.t(0, 24, "Tel. 968 12 34 56 · pedidos@hortilevante.example", w=210, align="C")
    pdf.set_text_color(0, 0, 0)
    pdf.hl(15, 195, 30, 0.8, V)
    # title + doc box
    pdf.t(15, 36, "ALBARÁN DE ENTREGA", fam="sans", style="B", size=14)
    pdf.box(125, 35, 70, 18, lw=0.3, color=V)
    pdf.t(128, 37, "Nº albarán", w=25, fam="sans", style="", size=8)
    pdf.t(153, 37, no, w=40, align="R", fam="sans", style="B", size=9)
    pdf.t(128, 42, "Fecha", w=25, fam="sans", style="", size=8)
    pdf.t(153, 42, d_slash(ddate), w=40, align="R", fam="sans", style="B", size=9)
    pdf.t(128, 47, "Ruta / Hora salida", w=30, fam="sans", style="", size=8)
    pdf.t(158, 47, "14 / 05:40", w=35, align="R", fam="sans", style="B", size=9)
    # client block
    pdf.fillrect(15, 58, 180, 6, (232, 243, 233))
    pdf.t(17, 58.8, "DATOS DEL CLIENTE", fam="sans", style="B", size=8.5)
    cl = [("Cliente:", recipient), ("Código cliente:", "4410"), ("CIF:", "A03123456"),
          ("Dirección de entrega:", "Plataforma logística, Avda. de la Libertad 45, 03300 Orihuela (Alicante)")]
    y = 66
    for lab, val in cl:
        pdf.t(17, y, lab, w=38, fam="sans", style="B", size=8.5)
        pdf.t(55, y, val, w=138, fam="sans", style="", size=8.5)
        y += 5
    tr = [("Transportista:", "Transportes Segura Hnos."), ("Matrícula:", "4821 KLM"), ("Temp. carga:", "6 °C")]
    for x, (lab, val) in zip((17, 95, 150), tr):
        pdf.t(x, y + 1, lab, fam="sans", style="B", size=8)
        pdf.t(x + pdf.get_string_width(lab) + 1.5, y + 1, val, fam="sans", style="", size=8)
    # table with full grid, green header
    y = 96
    cols = [("Artículo", 70, "L"), ("Lote", 28, "C"), ("Cajas", 20, "R"), ("Cantidad", 30, "R"), ("Ud.", 14, "C"),
            ("Origen", 18, "C")]
    x = 15
    for name, w, al in cols:
        pdf.box(x, y, w, 7, fill=V, color=V)
        pdf.set_text_color(255, 255, 255)
        pdf.t(x + 1.5, y + 1.3, name, w=w - 3, align=al, fam="sans", style="B", size=8.5)
        x += w
    pdf.set_text_color(0, 0, 0)
    y += 7
    origins = ["Murcia", "Almería", "Murcia", "Murcia", "Almería"]
    for (desc, lote, cj, q, u), orig in zip(lines, origins):
        vals = [desc, lote, str(cj), qty(q, "eu") if u == "ud" else num(q, "eu"), u, orig]
        x = 15
        for (name, w, al), v in zip(cols, vals):
            pdf.box(x, y, w, 7, color=(150, 150, 150))
            pdf.t(x + 1.5, y + 1.3, v, w=w - 3, align=al, fam="sans", style="", size=8.8)
            x += w
        y += 7
    pdf.box(15, y, 98, 7, fill=(232, 243, 233), color=(150, 150, 150))
    pdf.t(16.5, y + 1.3, "Totales", w=60, fam="sans", style="B", size=8.8)
    pdf.box(113, y, 20, 7, fill=(232, 243, 233), color=(150, 150, 150))
    pdf.t(114.5, y + 1.3, str(cajas), w=17, align="R")
    pdf.box(133, y, 30, 7, fill=(232, 243, 233), color=(150, 150, 150))
    pdf.t(134.5, y + 1.3, num(kg, "eu"), w=27, align="R")
    pdf.box(163, y, 14, 7, fill=(232, 243, 233), color=(150, 150, 150))
    pdf.t(164.5, y + 1.3, "kg", w=11, align="C")
    y += 14
    pdf.fnt("sans", "", 8.5)
    pdf.para(15, y, 180, "Envases retornables: 40 cajas plásticas IFCO (depósito 1,50 € por caja). "
             "Mercancía en régimen de frío; el cliente debe comprobar la temperatura y el estado de la mercancía "
             "en el momento de la descarga. Las reclamaciones por calidad se admitirán en un plazo de 24 horas.",
             h=4.2)
    # signature boxes
    y = 200
    for i, lab in enumerate(["Firma y sello del transportista", "Conforme cliente (firma, sello y fecha)"]):
        pdf.box(15 + i * 92, y, 88, 34, lw=0.3, color=V)
        pdf.t(18 + i * 92, y + 2, lab, fam="sans", style="B", size=8)
    pdf.t(15, y + 38, "Hora de llegada: ______     Hora de salida: ______", fam="sans", style="", size=8.5)

    def footer(p: Doc):
        p.hl(15, 195, 276, 0.3, V)
        p.set_text_color(90, 90, 90)
        p.fnt("sans", "", 6.8)
        p.para(15, 277.5, 180, f"{shipper} – CIF B30567891 – Inscrita en el Registro Mercantil de Murcia, Tomo 2.345, "
               "Folio 112, Hoja MU-56789 – Registro Sanitario 21.012345/MU", h=3.2, align="C")
        p.set_text_color(0, 0, 0)

    pdf.footer_cb = footer
    fname = "dn_es_levante.pdf"
    pdf.output(str(out / fname))
    fields = {"delivery_note_number": no, "delivery_date": iso(ddate), "order_number": None,
              "shipper_name": shipper, "recipient_name": recipient,
              "items": [{"description": desc, "quantity": float(q)} for desc, _, _, q, _ in lines]}
    arith = [("total cajas = sum", cajas, 40), ("total kg = sum(kg lines)", kg, D("714.90"))]

    printed_q = {float(q): (qty(q, "eu") if u == "ud" else num(q, "eu")) for *_, q, u in lines}
    qf = lambda v: printed_q.get(float(v), num(v, "eu"))  # noqa: E731  kg with 2 decimals, units without

    return Built("delivery_note", fname, fields, nf, qf, [d_slash], arith,
                 numeric_str={"total kg": num(kg, "eu")})


BUILDERS = [po_us, po_de, receipt_uk, receipt_es, ub_nl, ub_us, ins_fr, ins_de, dn_uk, dn_es]


# ----------------------------------------------------------------------------- verification


def collapse(s: str) -> str:
    return " ".join(s.split())


def pdf_text(path: Path) -> tuple[str, int]:
    from pypdf import PdfReader

    r = PdfReader(str(path))
    return collapse("\n".join(p.extract_text() or "" for p in r.pages)), len(r.pages)


def _eq(a, b) -> bool:
    if isinstance(a, (list, tuple)):
        return len(a) == len(b) and all(_eq(x, y) for x, y in zip(a, b))
    return D(a) == D(b)


def verify(b: Built) -> list[str]:
    errs: list[str] = []
    path = HERE / b.group / b.file
    text, npages = pdf_text(path)
    model = schemas.SCHEMAS[b.group]
    model.model_validate(b.fields)  # raises if wrong
    missing = set(model.model_fields) - set(b.fields)
    if missing:
        errs.append(f"missing fields {missing}")

    def has(label, s):
        if collapse(s) not in text:
            errs.append(f"{label}: {s!r} not in extracted text")

    for k, v in b.fields.items():
        if v is None:
            continue
        if k == "items":
            for n, it in enumerate(v):
                has(f"items[{n}].description", it["description"])
                has(f"items[{n}].quantity", b.qf(it["quantity"]))
                for kk in ("unit_price", "line_total"):
                    if kk in it:
                        has(f"items[{n}].{kk}", b.nf(it[kk]))
                if "line_total" in it and q2(D(it["quantity"]) * D(it["unit_price"])) != D(str(it["line_total"])):
                    errs.append(f"items[{n}]: qty x price != line_total")
            continue
        if isinstance(v, str) and ("date" in k or "period" in k) and len(v) == 10 and v[4] == "-":
            d = date.fromisoformat(v)
            if not any(collapse(f(d)) in text for f in b.dfs):
                errs.append(f"{k}: date {v} not printed as {[f(d) for f in b.dfs]}")
            continue
        if isinstance(v, (int, float)) and not isinstance(v, bool):
            has(k, b.nf(v))
            continue
        if k == "payment_method":
            continue  # a category, not a verbatim value
        has(k, v)
    for k, s in b.numeric_str.items():
        has(f"{k} (printed form)", s)
    for label, lhs, rhs in b.arith:
        if not _eq(lhs, rhs):
            errs.append(f"arith {label}: {lhs} != {rhs}")
    if npages > (2 if b.file == "ins_de_nordstern.pdf" else 1):
        errs.append(f"{npages} pages")
    return errs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-v", "--verbose", action="store_true", help="list the arithmetic checks per document")
    ap.add_argument("--check", action="store_true", help="verify existing output only (PDFs are rebuilt in memory "
                    "for the truth, but not rewritten)")
    args = ap.parse_args()
    built: list[Built] = []
    import tempfile

    for fn in BUILDERS:
        # in --check mode build into a temp dir and verify the PDFs already on disk
        if args.check:
            with tempfile.TemporaryDirectory() as td:
                built.append(fn(Path(td)))
        else:
            tmp = HERE / "_tmp_build"
            tmp.mkdir(exist_ok=True)
            b = fn(tmp)
            dest = HERE / b.group
            dest.mkdir(exist_ok=True)
            (tmp / b.file).replace(dest / b.file)
            built.append(b)
    if not args.check:
        (HERE / "_tmp_build").rmdir()
        by_group: dict[str, list[Built]] = {}
        for b in built:
            by_group.setdefault(b.group, []).append(b)
        for g, bs in by_group.items():
            with open(HERE / g / "truth.jsonl", "w", encoding="utf-8") as f:
                for b in bs:
                    f.write(json.dumps({"file": b.file, "fields": b.fields}, ensure_ascii=False) + "\n")
    else:  # the truth files on disk must equal the generated truth
        for b in built:
            lines = [json.loads(x) for x in (HERE / b.group / "truth.jsonl").read_text(encoding="utf-8").splitlines() if x]
            rec = next((x for x in lines if x["file"] == b.file), None)
            if rec is None or rec["fields"] != b.fields:
                print(f"FAIL {b.group}/{b.file}: truth.jsonl differs from generator")
    bad = 0
    for b in built:
        errs = verify(b)
        status = "ok  " if not errs else "FAIL"
        print(f"{status} {b.group}/{b.file}")
        for e in errs:
            print("     -", e)
        if args.verbose:
            for label, lhs, rhs in b.arith:
                print(f"       arith {label}: {lhs} == {rhs}")
        bad += bool(errs)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()

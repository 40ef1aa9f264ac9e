#!/usr/bin/env python3
"""Generate the golden sample invoices in ``sample_docs/``.

Usage::

    python scripts/make_sample_docs.py                  # write sample_docs/, then check it
    python scripts/make_sample_docs.py --out /tmp/docs  # write somewhere else
    python scripts/make_sample_docs.py --check          # only check an existing folder
    python scripts/make_sample_docs.py --font-dir DIR   # use the DejaVu TTFs in DIR

What it writes (all deterministic: fixed data, seeded randomness, fixed PDF dates):

* 24 text-layer invoice PDFs in different languages (en-US, en-GB, en-IE, en-IN, de-DE,
  de-AT, de-CH, fr, nl, es, it, sv), date formats, number formats, currencies and
  layouts (letterhead + key/value header, DIN 5008 letter, French/Spanish boxed
  header, borderless "SaaS" layout, monospaced ERP printout, short letter, Italian
  grid form, Indian GST tax invoice, a 2-page invoice with carried-forward totals);
* ``corrupt.pdf``: a truncated file with a ``%PDF-1.4`` header that pypdf cannot parse;
* ``scanned.pdf``: one page that is only a raster image of an invoice (no text layer);
* ``truth.jsonl``: one line per text-layer invoice, in the format of
  ``/work/shared/data/*/truth.jsonl``: ``{"file", "fields", "language", "locale",
  "layout", "pages"}``. ``fields`` holds invoice_number, invoice_date, due_date,
  vendor_name, vendor_vat_id, buyer_name, currency, subtotal, tax_total, total and
  line_items; ``null`` means the value is not on the document. Dates are ISO, amounts
  are numbers;
* ``README.md``: what the files are and which ones are bad on purpose.

Amounts are computed with ``Decimal``: line_total = round(quantity x unit_price, 2),
subtotal = sum of line totals (a discount is a negative line), tax = round(base x rate, 2)
per rate, total = subtotal + tax.

Fonts: the invoices use fpdf2's core fonts (Helvetica, Times, Courier) where the text is
Latin-1, and DejaVu Sans/Serif/Sans Mono elsewhere (for €, ₹, č ...). The DejaVu TTFs are
looked up in ``--font-dir``, ``$DOCSIEVE_FONT_DIR``, the usual system folders and finally
in matplotlib's ``mpl-data/fonts/ttf``.

The check (always run after generating, or alone with ``--check``) extracts the text of
every PDF with pypdf and asserts that each string field occurs verbatim (whitespace
collapsed), that every amount, quantity and date occurs in some printed form, that each
line item's description and amount are on the same extracted line, that the page count
matches, that the arithmetic is consistent, that ``corrupt.pdf`` does not parse and that
``scanned.pdf`` has no text. If the project's ``schemas.invoice`` imports, each truth line
must also pass ``InvoiceFields.business_rules()``. It prints a table of file, pages,
characters and words, and exits non-zero on any problem.

Requires: fpdf2 (the project's ``test`` extra), pypdf and Pillow (project dependencies;
Pillow comes with matplotlib).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import sys
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Callable

D = Decimal
CENT = D("0.01")
FIXED_TIME = dt.datetime(2025, 1, 1, 12, 0, 0, tzinfo=dt.timezone.utc)
ROOT = Path(__file__).resolve().parent.parent


def money(value) -> Decimal:
    return D(value).quantize(CENT, ROUND_HALF_UP)


# --------------------------------------------------------------------------- fonts

FONT_FILES = {
    "DejaVuSans": {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf", "I": "DejaVuSans-Oblique.ttf"},
    "DejaVuSerif": {"": "DejaVuSerif.ttf", "B": "DejaVuSerif-Bold.ttf", "I": "DejaVuSerif-Italic.ttf"},
    "DejaVuMono": {"": "DejaVuSansMono.ttf", "B": "DejaVuSansMono-Bold.ttf", "I": "DejaVuSansMono-Oblique.ttf"},
}
FAMILIES = {
    "sans": "DejaVuSans",
    "serif": "DejaVuSerif",
    "mono": "DejaVuMono",
    "helvetica": "Helvetica",
    "times": "Times",
    "courier": "Courier",
}
FONT_PATHS: dict[str, dict[str, Path]] = {}


def find_fonts(explicit: str | None = None) -> dict[str, dict[str, Path]]:
    dirs: list[Path] = []
    for candidate in (explicit, os.environ.get("DOCSIEVE_FONT_DIR")):
        if candidate:
            dirs.append(Path(candidate))
    dirs += [
        Path(p)
        for p in (
            "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/TTF",
            "/usr/share/fonts/dejavu",
            "/usr/share/fonts/dejavu-sans-fonts",
            "/usr/share/fonts/dejavu-serif-fonts",
            "/usr/share/fonts/dejavu-sans-mono-fonts",
            "/usr/local/share/fonts",
            "/Library/Fonts",
            str(Path.home() / "Library/Fonts"),
        )
    ]
    try:
        import matplotlib

        dirs.append(Path(matplotlib.get_data_path()) / "fonts" / "ttf")
    except ImportError:
        pass
    found: dict[str, dict[str, Path]] = {}
    for family, styles in FONT_FILES.items():
        found[family] = {}
        for style, name in styles.items():
            for d in dirs:
                if (d / name).is_file():
                    found[family][style] = d / name
                    break
            else:
                sys.exit(f"font {name} not found; install DejaVu fonts, matplotlib, or pass --font-dir")
    return found


# --------------------------------------------------------------------------- formatting

NUM_STYLES = {  # thousands separator, decimal separator
    "us": (",", "."),
    "eu": (".", ","),
    "fr": (" ", ","),
    "fr_nbsp": ("\u00a0", ","),
    "ch": ("'", "."),
    "se": (" ", ","),
    "in": (",", "."),
    "sp_dot": (" ", "."),
    "plain_dot": ("", "."),
    "plain_comma": ("", ","),
}


def fmt_num(value, style: str, decimals: int = 2, group: bool = True) -> str:
    value = D(value)
    neg = value < 0
    q = abs(value).quantize(D(1).scaleb(-decimals), ROUND_HALF_UP)
    text = f"{q:.{decimals}f}"
    int_part, _, frac = text.partition(".")
    thousands, dec = NUM_STYLES[style]
    if group and thousands:
        if style == "in" and len(int_part) > 3:
            head, tail = int_part[:-3], int_part[-3:]
            pairs = []
            while len(head) > 2:
                pairs.insert(0, head[-2:])
                head = head[:-2]
            int_part = ",".join([head] + pairs + [tail])
        else:
            groups = []
            while len(int_part) > 3:
                groups.insert(0, int_part[-3:])
                int_part = int_part[:-3]
            int_part = thousands.join([int_part] + groups)
    out = int_part + (dec + frac if decimals else "")
    return ("-" if neg else "") + out


def price_decimals(value) -> int:
    return 3 if D(value) != money(value) else 2


def fmt_qty(qty, style: str) -> str:
    qty = D(qty)
    if qty == qty.to_integral_value():
        return fmt_num(qty, style, 0, group=qty >= 1000)
    decimals = max(1, -qty.normalize().as_tuple().exponent)
    return fmt_num(qty, style, decimals)


def fmt_rate(rate, style: str) -> str:
    pct = (D(rate) * 100).normalize()
    if pct == pct.to_integral_value():
        return str(int(pct))
    return str(pct).replace(".", NUM_STYLES[style][1])


MONTHS = {
    "en": "January February March April May June July August September October November December".split(),
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "at": "Jänner Februar März April Mai Juni Juli August September Oktober November Dezember".split(),
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(),
    "nl": "januari februari maart april mei juni juli augustus september oktober november december".split(),
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre".split(),
    "it": "gennaio febbraio marzo aprile maggio giugno luglio agosto settembre ottobre novembre dicembre".split(),
    "sv": "januari februari mars april maj juni juli augusti september oktober november december".split(),
}


def fmt_date(d: dt.date, kind: str) -> str:
    if kind == "iso":
        return d.isoformat()
    if kind == "dmy.":
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if kind == "dmy/":
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if kind == "mdy/":
        return f"{d.month:02d}/{d.day:02d}/{d.year}"
    if kind == "dmy-":
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    if kind == "d-Mon-y":
        return f"{d.day:02d}-{MONTHS['en'][d.month - 1][:3]}-{d.year}"
    if kind == "long_us":
        return f"{MONTHS['en'][d.month - 1]} {d.day}, {d.year}"
    if kind == "long_gb":
        return f"{d.day} {MONTHS['en'][d.month - 1]} {d.year}"
    if kind in ("long_de", "long_at"):
        return f"{d.day}. {MONTHS[kind[-2:]][d.month - 1]} {d.year}"
    if kind == "long_es":
        return f"{d.day} de {MONTHS['es'][d.month - 1]} de {d.year}"
    if kind.startswith("long_"):
        return f"{d.day} {MONTHS[kind[5:]][d.month - 1]} {d.year}"
    raise ValueError(kind)


def date_renderings(d: dt.date, locale: str = "") -> set[str]:
    """Every printed form of d; numeric a/b/yyyy is month-first only for en-US, day-first elsewhere."""
    kinds = [
        "iso",
        "dmy.",
        "dmy-",
        "d-Mon-y",
        "long_us",
        "long_gb",
        "long_de",
        "long_at",
        "long_es",
        "long_fr",
        "long_nl",
        "long_it",
        "long_sv",
    ]
    out = {fmt_date(d, k) for k in kinds} | {f"{d.day}.{d.month}.{d.year}"}
    if locale == "en-US":
        out |= {fmt_date(d, "mdy/"), f"{d.month}/{d.day}/{d.year}"}
    else:
        out |= {fmt_date(d, "dmy/"), f"{d.day}/{d.month}/{d.year}"}
    return out


# --------------------------------------------------------------------------- data model


@dataclass
class Party:
    name: str
    address: list[str]
    vat: str | None = None
    extra: list[str] = field(default_factory=list)


@dataclass
class Item:
    desc: str
    qty: Decimal
    price: Decimal
    unit: str = ""
    code: str = ""
    rate: Decimal | None = None

    @property
    def total(self) -> Decimal:
        return money(self.qty * self.price)


@dataclass
class Loc:
    num: str  # key of NUM_STYLES
    cur: str  # pattern with {n}, e.g. "{n} €"
    date: str  # fmt_date kind


@dataclass
class Invoice:
    file: str
    language: str
    locale: str
    layout: str
    render: Callable
    number: str
    date: dt.date
    due: dt.date | None
    vendor: Party
    buyer: Party
    currency: str
    items: list[Item]
    rate: Decimal
    loc: Loc
    lab: dict
    opts: dict = field(default_factory=dict)
    tax_split: list[tuple[str, Decimal]] | None = None  # e.g. CGST 9% + SGST 9% on the whole base
    pages: int = 1

    # ---- amounts
    @property
    def subtotal(self) -> Decimal:
        return money(sum(i.total for i in self.items))

    def tax_groups(self) -> list[tuple[str | None, Decimal, Decimal, Decimal]]:
        """(label or None, base, rate, tax) per rate."""
        if self.tax_split:
            return [(label, self.subtotal, r, money(self.subtotal * r)) for label, r in self.tax_split]
        bases: dict[Decimal, Decimal] = {}
        for item in self.items:
            r = item.rate if item.rate is not None else self.rate
            bases[r] = bases.get(r, D(0)) + item.total
        return [(None, money(b), r, money(b * r)) for r, b in sorted(bases.items(), reverse=True)]

    @property
    def tax_total(self) -> Decimal:
        return money(sum(t[3] for t in self.tax_groups()))

    @property
    def total(self) -> Decimal:
        return self.subtotal + self.tax_total

    # ---- formatting helpers
    def m(self, value, symbol: bool = True, decimals: int | None = None) -> str:
        value = D(value)
        n = fmt_num(abs(value), self.loc.num, decimals or price_decimals(value))
        if not symbol:
            return ("-" if value < 0 else "") + n
        pattern = self.loc.cur
        if value >= 0:
            return pattern.format(n=n)
        if pattern.startswith("{n}"):
            return "-" + pattern.format(n=n)
        if " {n}" in pattern:
            return pattern.format(n="-" + n)
        return "-" + pattern.format(n=n)

    def d(self, value: dt.date | None) -> str:
        return fmt_date(value, self.loc.date) if value else ""

    def q(self, value) -> str:
        return fmt_qty(value, self.loc.num)

    def rate_txt(self, rate) -> str:
        return fmt_rate(rate, self.loc.num)

    def tax_label(self, group) -> str:
        label, _, rate, _ = group
        return label or self.lab["tax"].format(rate=self.rate_txt(rate))

    def truth(self) -> dict:
        return {
            "file": self.file,
            "fields": {
                "invoice_number": self.number,
                "invoice_date": self.date.isoformat(),
                "due_date": self.due.isoformat() if self.due else None,
                "vendor_name": self.vendor.name,
                "vendor_vat_id": self.vendor.vat,
                "buyer_name": self.buyer.name,
                "currency": self.currency,
                "subtotal": float(self.subtotal),
                "tax_total": float(self.tax_total),
                "total": float(self.total),
                "line_items": [
                    {
                        "description": i.desc,
                        "quantity": float(i.qty),
                        "unit_price": float(i.price),
                        "line_total": float(i.total),
                    }
                    for i in self.items
                ],
            },
            "language": self.language,
            "locale": self.locale,
            "layout": self.layout,
            "pages": self.pages,
        }


class LayoutError(Exception):
    pass


GRAY = (100, 100, 100)


# --------------------------------------------------------------------------- PDF helpers

from fpdf import FPDF  # noqa: E402  (import after the pure-data part so --help works without fpdf2)


class Doc(FPDF):
    def __init__(self, inv: Invoice, fmt: str = "A4", family: str = "sans"):
        super().__init__(orientation="P", unit="mm", format=fmt)
        self.inv = inv
        self.family = family
        self.set_creation_date(FIXED_TIME)
        self.set_creator("docsieve scripts/make_sample_docs.py")
        self.set_author(inv.vendor.name)
        self.set_title(f"{inv.lab.get('invoice', 'Invoice').title()} {inv.number}")
        for fam, styles in FONT_PATHS.items():
            for style, path in styles.items():
                self.add_font(fam, style, str(path))
        self.set_auto_page_break(False)
        self.set_margins(15, 15, 15)
        self.c_margin = 1.2
        self.footer_fn: Callable | None = None
        self.add_page()

    def footer(self):
        if self.footer_fn:
            self.footer_fn(self)

    def use(self, size=9.0, style="", family=None):
        self.set_font(FAMILIES[family or self.family], style, size)

    def color(self, rgb=(0, 0, 0)):
        self.set_text_color(*rgb)

    def txt(self, x, y, text, size=9.0, style="", color=(0, 0, 0), family=None, w=None, align="L", h=None):
        self.use(size, style, family)
        self.color(color)
        width = w if w is not None else self.get_string_width(text) + 2 * self.c_margin + 0.1
        if w is not None and self.get_string_width(text) > w - 2 * self.c_margin + 0.01:
            raise LayoutError(f"{self.inv.file}: text too wide for {w:.1f}mm: {text!r}")
        self.set_xy(x, y)
        self.cell(width, h or size * 0.42, text, align=align)
        self.color()
        self._guard(y)
        return y + (h or size * 0.42)

    def rtxt(self, xr, y, text, size=9.0, style="", color=(0, 0, 0), family=None, h=None):
        self.use(size, style, family)
        w = self.get_string_width(text) + 2 * self.c_margin + 0.1
        return self.txt(xr - w, y, text, size, style, color, family, w=w, align="R", h=h)

    def lines(self, x, y, rows, size=9.0, style="", lh=None, color=(0, 0, 0), family=None, align="L", xr=None):
        lh = lh or size * 0.45
        for i, row in enumerate(rows):
            st = style[i] if isinstance(style, (list, tuple)) else style
            if align == "R":
                self.rtxt(xr, y, row, size, st, color, family, h=lh)
            else:
                self.txt(x, y, row, size, st, color, family, h=lh)
            y += lh
        return y

    def para(self, x, y, w, text, size=8.5, lh=None, style="", color=(0, 0, 0), family=None, align="L"):
        self.use(size, style, family)
        self.color(color)
        self.set_xy(x, y)
        self.multi_cell(w, lh or size * 0.45, text, align=align, new_x="LMARGIN", new_y="NEXT")
        self.color()
        self._guard(self.get_y())
        return self.get_y()

    def fit_size(self, text, max_w, size, style="", family=None, min_size=6.0):
        """Largest font size <= size (in 0.5 pt steps) at which text fits into max_w."""
        while size > min_size:
            self.use(size, style, family)
            if self.get_string_width(text) <= max_w - 2 * self.c_margin:
                break
            size -= 0.5
        return size

    def columns(self, x, y, width, cols, size=6.8, lh=3.3, color=GRAY):
        """Footer columns, each as wide as its longest line, spread over width."""
        self.use(size)
        widths = [max(self.get_string_width(line) for line in col) + 2 * self.c_margin for col in cols]
        gap = (width - sum(widths)) / max(1, len(cols) - 1)
        if gap < 2:
            raise LayoutError(f"{self.inv.file}: footer columns do not fit: {cols}")
        for col, w in zip(cols, widths):
            self.lines(x, y, col, size, color=color, lh=lh)
            x += w + gap

    def _guard(self, y):
        if y > self.h - 5:
            raise LayoutError(f"{self.inv.file}: content at y={y:.1f}mm runs off page {self.page_no()}")

    def table(
        self,
        x,
        y,
        cols,
        rows,
        size=8.5,
        rh=6.0,
        rules="grid",
        header_fill=None,
        header_color=(0, 0, 0),
        header_style="B",
        zebra=None,
        family=None,
        draw=(0, 0, 0),
        header=True,
        line_width=0.2,
        bold_rows=(),
    ):
        """cols: [(header, width, align)]; rules: grid | lines | header | none."""
        self.set_draw_color(*draw)
        self.set_line_width(line_width)
        total_w = sum(c[1] for c in cols)
        if header:
            self.use(size, header_style, family)
            if header_fill:
                self.set_fill_color(*header_fill)
            self.set_xy(x, y)
            for head, w, align in cols:
                self._fit(head, w)
                self.color(header_color)
                self.cell(w, rh, head, border=1 if rules == "grid" else 0, align=align, fill=bool(header_fill))
            self.color()
            y += rh
            if rules in ("lines", "header"):
                self.line(x, y, x + total_w, y)
        for r, row in enumerate(rows):
            self.use(size, "B" if r in bold_rows else "", family)
            fill = bool(zebra) and r % 2 == 1
            if fill:
                self.set_fill_color(*zebra)
            self.set_xy(x, y)
            for (head, w, align), text in zip(cols, row):
                self._fit(text, w)
                self.cell(w, rh, text, border=1 if rules == "grid" else 0, align=align, fill=fill)
            y += rh
            if rules == "lines":
                self.line(x, y, x + total_w, y)
            self._guard(y)
        if rules == "header" and rows:
            self.line(x, y, x + total_w, y)
        self.set_line_width(0.2)
        self.set_draw_color(0, 0, 0)
        return y

    def _fit(self, text, w):
        if self.get_string_width(text) > w - 2 * self.c_margin + 0.01:
            raise LayoutError(f"{self.inv.file}: cell text too wide for {w:.1f}mm: {text!r}")

    def totals(
        self,
        xr,
        y,
        rows,
        wl=48.0,
        wv=30.0,
        size=9.0,
        rh=5.5,
        bold_last=True,
        fill_last=None,
        rule_last=True,
        family=None,
        box=False,
        label_align="R",
    ):
        x = xr - wl - wv
        for i, (label, value) in enumerate(rows):
            last = i == len(rows) - 1
            style = "B" if (last and bold_last) else ""
            self.use(size + (1 if last and bold_last else 0), style, family)
            if last and rule_last:
                self.line(x, y, xr, y)
            if last and fill_last:
                self.set_fill_color(*fill_last)
            self.set_xy(x, y)
            self._fit(label, wl)
            self._fit(value, wv)
            self.cell(wl, rh, label, border=1 if box else 0, align=label_align, fill=bool(last and fill_last))
            self.cell(wv, rh, value, border=1 if box else 0, align="R", fill=bool(last and fill_last))
            y += rh
        self._guard(y)
        return y


def light(rgb, f=0.85):
    return tuple(int(c + (255 - c) * f) for c in rgb)


def tax_rows(inv: Invoice, symbol=True):
    return [(inv.tax_label(g), inv.m(g[3], symbol)) for g in inv.tax_groups()]


# --------------------------------------------------------------------------- layouts


def render_classic(doc: Doc, inv: Invoice):
    """Letterhead left, big title right, key/value meta, bill-to/ship-to, bordered table, totals right."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (30, 70, 120))
    lm, rm = 18, doc.w - 18
    x_name = lm
    if o.get("logo", True):
        doc.set_fill_color(*acc)
        doc.rect(lm, 15, 16, 16, style="F", round_corners=True, corner_radius=2)
        doc.txt(lm, 15, o["initials"], 13, "B", (255, 255, 255), w=16, align="C", h=16)
        x_name = lm + 19
    doc.txt(x_name, 15, inv.vendor.name, 12.5, "B", acc if not o.get("logo", True) else (0, 0, 0))
    y_v = doc.lines(x_name, 21.5, inv.vendor.address + inv.vendor.extra, 8.2, color=(60, 60, 60))
    doc.rtxt(rm, 14, L["invoice"], 22, "B", acc)
    meta = [(L["number"], inv.number), (L["date"], inv.d(inv.date))]
    if inv.due:
        meta.append((L["due"], inv.d(inv.due)))
    meta += o.get("meta", [])
    y = 27
    for label, value in meta:
        doc.rtxt(rm - 40, y, label + ":", 8.5, "B", GRAY)
        doc.rtxt(rm, y, value, 8.5)
        y += 4.6
    y = max(y, y_v) + 8
    doc.txt(lm, y, L["bill_to"].upper(), 8, "B", acc)
    yb = doc.lines(lm, y + 4.5, [inv.buyer.name] + inv.buyer.address + inv.buyer.extra, 9, style=["B"] + [""] * 10)
    if o.get("ship_to"):
        doc.txt(lm + 88, y, L["ship_to"].upper(), 8, "B", acc)
        yb = max(yb, doc.lines(lm + 88, y + 4.5, o["ship_to"], 9))
    y = yb + 7
    width = rm - lm
    size = o.get("table_size", 8.8)
    cols = [(L["qty"], 16, "R"), (L["unit_price"], 28, "R"), (L["amount"], 30, "R")]
    lead = []
    if o.get("codes"):
        lead = [(L["code"], o.get("code_w", 24), "L")]
    fixed = sum(c[1] for c in cols + lead)
    cols = lead + [(L["desc"], width - fixed, "L")] + cols
    rows = []
    for it in inv.items:
        row = [
            inv.q(it.qty),
            inv.m(it.price, o.get("sym_in_table", False)),
            inv.m(it.total, o.get("sym_in_table", False)),
        ]
        rows.append(([it.code] if lead else []) + [it.desc] + row)
    y = doc.table(
        lm,
        y,
        cols,
        rows,
        size=size,
        rh=o.get("row_h", 6.2),
        rules=o.get("rules", "grid"),
        header_fill=light(acc, 0.82),
        draw=(150, 150, 150),
        zebra=o.get("zebra"),
    )
    y += 4
    trows = [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv) + [(L["total"], inv.m(inv.total))]
    if o.get("amount_due_row"):
        trows.append((L["amount_due"], inv.m(inv.total)))
    y = doc.totals(rm, y, trows, fill_last=light(acc, 0.82), size=9)
    y += 6
    for heading, text in o.get("notes", []):
        doc.txt(lm, y, heading, 8.5, "B", acc)
        y = doc.para(lm, y + 4.5, width * 0.75, text, 8.2) + 3
    if o.get("footer"):

        def footer(d: Doc):
            yy = d.h - 10 - 3.6 * len(o["footer"])
            d.set_draw_color(*acc)
            d.line(lm, yy - 2, rm, yy - 2)
            d.lines(lm, yy, o["footer"], 7.5, color=GRAY, lh=3.6)

        doc.footer_fn = footer


def render_din(doc: Doc, inv: Invoice):
    """German business letter (DIN 5008): sender line, address window, info block, subject, table."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (0, 90, 60))
    lm, rm = 25, doc.w - 20
    doc.rtxt(rm, 12, o.get("brand", inv.vendor.name), 16, "B", acc)
    doc.lines(0, 19.5, o.get("letterhead", []), 8, color=GRAY, align="R", xr=rm)
    sender = " · ".join([inv.vendor.name] + inv.vendor.address)
    doc.txt(lm, 44, sender, 6, "U", GRAY, w=92)
    doc.lines(lm, 50, [inv.buyer.name] + inv.buyer.address, 10, lh=4.6)
    info = [(L["number"], inv.number), (L["date"], inv.d(inv.date))] + o.get("info", [])
    if o.get("due_in_info") and inv.due:
        info.append((L["due"], inv.d(inv.due)))
    y = 50
    for label, value in info:
        doc.txt(122, y, label + ":", 8, color=GRAY, w=33)
        doc.txt(155, y, value, 8.5, w=rm - 155)
        y += 4.4
    y = max(y, 78) + 10
    doc.txt(lm, y, o.get("subject", f"{L['invoice']} Nr. {inv.number}"), 11.5, "B")
    y = doc.para(lm, y + 8, rm - lm, o["intro"], 9) + 3
    width = rm - lm
    cols = [
        (L["pos"], 10, "R"),
        (L["qty"], 15, "R"),
        (L["unit"], 16, "L"),
        (L["desc"], 0, "L"),
        (L["unit_price"], 25, "R"),
        (L["amount"], 27, "R"),
    ]
    cols[3] = (L["desc"], width - sum(c[1] for c in cols), "L")
    rows = [
        [
            str(n),
            inv.q(it.qty),
            it.unit,
            it.desc,
            inv.m(it.price, o.get("sym_in_table", True)),
            inv.m(it.total, o.get("sym_in_table", True)),
        ]
        for n, it in enumerate(inv.items, 1)
    ]
    y = doc.table(
        lm,
        y,
        cols,
        rows,
        size=8.5,
        rh=6,
        rules=o.get("rules", "lines"),
        draw=(120, 120, 120),
        header_fill=o.get("header_fill"),
    )
    y = doc.totals(
        rm,
        y + 3,
        [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv) + [(L["total"], inv.m(inv.total))],
        wl=55,
        wv=30,
        size=9,
    )
    doc.line(rm - 85, y + 0.6, rm, y + 0.6)
    y += 7
    payment = o["payment"].format(due=inv.d(inv.due), total=inv.m(inv.total))
    y = doc.para(lm, y, width, payment, 9) + 4
    doc.lines(lm, y, o.get("closing", []), 9, lh=4.5)
    if o.get("qr_slip"):
        _swiss_slip(doc, inv)
    elif o.get("footer_cols"):

        def footer(d: Doc):
            yy = d.h - 24
            d.set_draw_color(*acc)
            d.line(lm, yy - 2.5, rm, yy - 2.5)
            d.columns(lm, yy, rm - lm, o["footer_cols"], 6.3, 3.1)

        doc.footer_fn = footer


def _swiss_slip(doc: Doc, inv: Invoice):
    """A Swiss QR-bill style receipt and payment part (QR code replaced by a seeded pattern)."""
    o = inv.opts
    top = doc.h - 100
    doc.set_draw_color(0, 0, 0)
    doc.set_dash_pattern(dash=1, gap=1)
    doc.line(0, top, doc.w, top)
    doc.line(62, top, 62, doc.h)
    doc.set_dash_pattern()
    amount = fmt_num(inv.total, "sp_dot")
    y = top + 5
    doc.txt(5, y, "Empfangsschein", 11, "B")
    y = doc.lines(5, y + 7, ["Konto / Zahlbar an"], 6, "B")
    y = doc.lines(5, y, [o["iban"], inv.vendor.name] + inv.vendor.address, 8, lh=3.5) + 2
    y = doc.lines(5, y, ["Referenz"], 6, "B")
    y = doc.lines(5, y, [o["qr_ref"]], 8, lh=3.5) + 2
    y = doc.lines(5, y, ["Zahlbar durch"], 6, "B")
    doc.lines(5, y, [inv.buyer.name] + inv.buyer.address, 8, lh=3.5)
    doc.txt(5, top + 68, "Währung", 6, "B")
    doc.txt(20, top + 68, "Betrag", 6, "B")
    doc.txt(5, top + 71.5, inv.currency, 8)
    doc.txt(20, top + 71.5, amount, 8)
    doc.txt(67, top + 5, "Zahlteil", 11, "B")
    rng = random.Random(inv.number)
    x0, y0, cell = 67, top + 17, 1.6
    doc.set_fill_color(0, 0, 0)
    for r in range(29):
        for c in range(29):
            finder = any(r0 <= r < r0 + 7 and c0 <= c < c0 + 7 for r0, c0 in ((0, 0), (0, 22), (22, 0)))
            if finder:
                rr, cc = r % 22 if r >= 22 else r, c % 22 if c >= 22 else c
                on = rr in (0, 6) or cc in (0, 6) or (2 <= rr <= 4 and 2 <= cc <= 4)
            else:
                on = rng.random() < 0.5
            if on:
                doc.rect(x0 + c * cell, y0 + r * cell, cell, cell, style="F")
    doc.txt(67, top + 68, "Währung", 7, "B")
    doc.txt(85, top + 68, "Betrag", 7, "B")
    doc.txt(67, top + 72, inv.currency, 9)
    doc.txt(85, top + 72, amount, 9)
    y = doc.lines(118, top + 5, ["Konto / Zahlbar an"], 7, "B")
    y = doc.lines(118, y, [o["iban"], inv.vendor.name] + inv.vendor.address, 9, lh=4) + 2
    y = doc.lines(118, y, ["Referenz"], 7, "B")
    y = doc.lines(118, y, [o["qr_ref"]], 9, lh=4) + 2
    y = doc.lines(118, y, ["Zusätzliche Informationen"], 7, "B")
    y = doc.lines(118, y, [f"Rechnung {inv.number}"], 9, lh=4) + 2
    y = doc.lines(118, y, ["Zahlbar durch"], 7, "B")
    doc.lines(118, y, [inv.buyer.name] + inv.buyer.address, 9, lh=4)


def render_boxes(doc: Doc, inv: Invoice):
    """French / Spanish style: vendor block left, boxed client right, boxed meta row, tax recap."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (40, 60, 140))
    lm, rm = 15, doc.w - 15
    doc.txt(lm, 15, inv.vendor.name, 14, "B", acc)
    y = doc.lines(lm, 22, inv.vendor.address + inv.vendor.extra, 8.3, lh=3.9)
    bx, by, bw = 112, 40, rm - 112
    doc.set_draw_color(*acc)
    doc.rect(bx, by, bw, 32)
    doc.txt(bx + 2, by + 2.5, L["client"], 7.5, "B", acc)
    doc.lines(
        bx + 2, by + 7.5, [inv.buyer.name] + inv.buyer.address + inv.buyer.extra, 9, style=["B"] + [""] * 10, lh=4.3
    )
    y = max(y, by + 32) + 7
    doc.txt(lm, y, L["invoice"], 20, "B", acc)
    y += 12
    meta = [(L["number"], inv.number), (L["date"], inv.d(inv.date))]
    if inv.due:
        meta.append((L["due"], inv.d(inv.due)))
    meta += o.get("meta", [])
    w = (rm - lm) / len(meta)
    for i, (label, value) in enumerate(meta):
        doc.set_draw_color(*acc)
        doc.rect(lm + i * w, y, w, 11)
        doc.txt(lm + i * w + 1, y + 1.2, label, 7, color=GRAY, w=w - 2)
        size = doc.fit_size(value, w - 2, 9.5, "B")
        doc.txt(lm + i * w + 1, y + 5.3, value, size, "B", w=w - 2)
    y += 17
    width = rm - lm
    cols = [(L["qty"], 16, "R"), (L["unit_price"], 26, "R"), (L["vat_col"], 14, "R"), (L["amount"], 28, "R")]
    cols = [(L["desc"], width - sum(c[1] for c in cols), "L")] + cols
    rows = [
        [
            it.desc,
            inv.q(it.qty),
            inv.m(it.price, False, price_decimals(it.price)),
            inv.rate_txt(it.rate if it.rate is not None else inv.rate) + " %",
            inv.m(it.total, False),
        ]
        for it in inv.items
    ]
    y = doc.table(
        lm,
        y,
        cols,
        rows,
        size=8.8,
        rh=6.5,
        rules="grid",
        header_fill=acc,
        header_color=(255, 255, 255),
        draw=light(acc, 0.3),
    )
    y += 6
    # tax recap left
    rcols = [(L["base"], 30, "R"), (L["rate"], 18, "R"), (L["tax_amount"], 30, "R")]
    rrows = [[inv.m(b, False), inv.rate_txt(r) + " %", inv.m(t, False)] for _, b, r, t in inv.tax_groups()]
    yr = doc.table(
        lm, y, rcols, rrows, size=8, rh=5.5, rules="grid", header_fill=light(acc, 0.85), draw=light(acc, 0.3)
    )
    trows = [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv) + [(L["total"], inv.m(inv.total))]
    if o.get("net_row"):
        trows.append((L["net"], inv.m(inv.total)))
    doc.set_draw_color(*light(acc, 0.3))
    yt = doc.totals(
        rm,
        y,
        trows,
        wl=40,
        wv=32,
        size=9,
        rh=6.5,
        box=True,
        fill_last=light(acc, 0.8),
        rule_last=False,
        label_align="L",
    )
    y = max(yr, yt) + 7
    for text in o.get("after", []):
        y = doc.para(lm, y, width, text.format(due=inv.d(inv.due), total=inv.m(inv.total)), 8.5) + 2
    legal = o.get("legal")
    if legal:

        def footer(d: Doc):
            d.set_draw_color(*acc)
            d.line(lm, d.h - 26, rm, d.h - 26)
            d.para(lm, d.h - 24, width, legal, 6.8, color=GRAY, align="C")

        doc.footer_fn = footer


def render_modern(doc: Doc, inv: Invoice):
    """'SaaS' invoice: optional colour band, key/value meta, three party columns, headline amount,
    borderless table, totals right."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (90, 60, 200))
    lm, rm = 20, doc.w - 20
    if o.get("band"):
        doc.set_fill_color(*acc)
        doc.rect(0, 0, doc.w, 30, style="F")
        doc.txt(lm, 10, L["invoice"], 22, "B", (255, 255, 255))
        doc.rtxt(rm, 11, inv.vendor.name, 12, "B", (255, 255, 255))
        doc.rtxt(rm, 17, o.get("tagline", ""), 8.5, "", (235, 235, 255))
        y = 40
    else:
        doc.txt(lm, 18, L["invoice"], 21, "B")
        doc.set_fill_color(*acc)
        doc.ellipse(rm - 12, 15, 12, 12, style="F")
        doc.txt(rm - 12, 15, o["initials"], 9, "B", (255, 255, 255), w=12, align="C", h=12)
        y = 34
    meta = (
        [(L["number"], inv.number), (L["date"], inv.d(inv.date))]
        + ([(L["due"], inv.d(inv.due))] if inv.due else [])
        + o.get("meta", [])
    )
    meta_style = ("B", (0, 0, 0)) if o.get("bold_labels") else ("", GRAY)
    y_top = y
    if o.get("meta_right"):  # meta as a right-hand block beside vendor and buyer
        for label, value in meta:
            doc.txt(rm - 68, y, label, 8.8, *meta_style)
            doc.rtxt(rm, y, value, 8.8)
            y += 4.8
        y_meta_end, y = y, y_top
    else:
        for label, value in meta:
            doc.txt(lm, y, label, 8.8, *meta_style)
            doc.txt(lm + 42, y, value, 8.8)
            y += 4.8
        y_meta_end = y = y + 6
    colx = [lm, lm + (55 if o.get("meta_right") else 62), lm + 118]
    blocks = [
        ([inv.vendor.name] + inv.vendor.address + inv.vendor.extra, None),
        ([inv.buyer.name] + inv.buyer.address + inv.buyer.extra, L["bill_to"]),
    ]
    if o.get("third"):
        blocks.append((o["third"][1], o["third"][0]))
    yy = y
    for (rows, head), x in zip(blocks, colx):
        yb = y
        if head:
            yb = doc.txt(x, yb, head, 8.5, "B")
        yy = max(
            yy, doc.lines(x, yb, rows, 8.5, style=[("B" if not head else "")] + [""] * 12, lh=4.1, color=(40, 40, 40))
        )
    y = max(yy, y_meta_end) + 8
    if o.get("headline"):
        doc.txt(lm, y, o["headline"].format(total=inv.m(inv.total), due=inv.d(inv.due), code=inv.currency), 14, "B")
        y += 8
    for line in o.get("sublines", []):
        doc.txt(lm, y, line, 8.5, color=acc)
        y += 4.5
    y += 4
    width = rm - lm
    cols = [(L["qty"], 16, "R"), (L["unit_price"], 30, "R"), (L["amount"], 30, "R")]
    cols = [(L["desc"], width - 76, "L")] + cols
    rows = [[it.desc, inv.q(it.qty), inv.m(it.price), inv.m(it.total)] for it in inv.items]
    y = doc.table(
        lm,
        y,
        cols,
        rows,
        size=9,
        rh=7,
        rules="header",
        header_color=GRAY,
        header_style="",
        zebra=o.get("zebra"),
        draw=(170, 170, 170),
        line_width=0.25,
    )
    y += 2
    trows = [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv) + [(L["total"], inv.m(inv.total))]
    if o.get("amount_due_row", True):
        trows.append((L["amount_due"], inv.m(inv.total)))
    y = doc.totals(rm, y, trows, wl=50, wv=32, size=9, rh=6.2, label_align="L")
    y += 8
    for text in o.get("notes", []):
        y = doc.para(lm, y, width, text, 8.5, color=(60, 60, 60)) + 2
    if o.get("footer"):

        def footer(d: Doc):
            d.set_draw_color(200, 200, 200)
            d.line(lm, d.h - 15, rm, d.h - 15)
            d.txt(
                lm,
                d.h - 13,
                o["footer"].format(number=inv.number, total=inv.m(inv.total), due=inv.d(inv.due), page=d.page_no()),
                7.5,
                color=GRAY,
            )

        doc.footer_fn = footer


def render_mono(doc: Doc, inv: Invoice):
    """ERP printout in a monospaced font, columns made of spaces, dashed rules."""
    o, L = inv.opts, inv.lab
    W = 84
    out: list[str] = []
    left = [inv.vendor.name.upper()] + inv.vendor.address + inv.vendor.extra
    right = [
        f"{label:<15}: {value}"
        for label, value in [(L["number"], inv.number), (L["date"], inv.d(inv.date)), (L["due"], inv.d(inv.due))]
        + o.get("meta", [])
    ]
    for i in range(max(len(left), len(right))):
        a = left[i] if i < len(left) else ""
        b = right[i] if i < len(right) else ""
        out.append(f"{a:<44}{b}")
    out += ["", "=" * W, f"{L['invoice'].upper():^{W}}", "=" * W, ""]
    out.append(f"{L['bill_to']}:")
    out += ["  " + s for s in [inv.buyer.name] + inv.buyer.address + inv.buyer.extra]
    out += [""] + o.get("pre", []) + ["-" * W]
    out.append(f"{L['code']:<8}{L['desc']:<40}{L['qty']:>8}{L['unit_price']:>14}{L['amount']:>14}")
    out.append("-" * W)
    for it in inv.items:
        if len(it.desc) > 39:
            raise LayoutError(f"{inv.file}: description too long for mono layout: {it.desc!r}")
        out.append(
            f"{it.code:<8}{it.desc:<40}{inv.q(it.qty):>8}{inv.m(it.price, False):>14}{inv.m(it.total, False):>14}"
        )
    out.append("-" * W)
    for label, value in [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv):
        out.append(f"{label:>62}{value:>22}")
    out.append(" " * 48 + "=" * 36)
    out.append(f"{L['total']:>62}{inv.m(inv.total):>22}")
    out.append(" " * 48 + "=" * 36)
    out += [""] + o.get("post", [])
    y = 18
    for line in out:
        if len(line) > W:
            raise LayoutError(f"{inv.file}: mono line longer than {W}: {line!r}")
        doc.txt(18, y, line, 8.8, "B" if line.startswith(inv.vendor.name.upper()) else "", family="courier", h=4.1)
        y += 4.1


def render_simple(doc: Doc, inv: Invoice):
    """Short letter: centred letterhead, To/meta, one sentence, small table, payment text."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (60, 60, 60))
    lm, rm = 22, doc.w - 22
    doc.txt(0, 18, inv.vendor.name, 18, "B", acc, w=doc.w, align="C", h=8)
    if o.get("tagline"):
        doc.txt(0, 27, o["tagline"], 9, "I", GRAY, w=doc.w, align="C")
    doc.txt(0, 32, " | ".join(inv.vendor.address + inv.vendor.extra), 7.8, color=GRAY, w=doc.w, align="C")
    doc.set_draw_color(*acc)
    doc.set_line_width(0.5)
    doc.line(lm, 38, rm, 38)
    doc.set_line_width(0.2)
    y = 46
    doc.txt(lm, y, L["to"], 8.5, "B", GRAY)
    yb = doc.lines(lm, y + 4.5, [inv.buyer.name] + inv.buyer.address, 9.5, lh=4.6)
    meta = [(L["number"], inv.number), (L["date"], inv.d(inv.date))]
    if inv.due:
        meta.append((L["due"], inv.d(inv.due)))
    meta += o.get("meta", [])
    ym = y
    for label, value in meta:
        doc.txt(118, ym, label, 8.8, "B")
        doc.rtxt(rm, ym, value, 8.8)
        ym += 5
    y = max(yb, ym) + 8
    doc.txt(lm, y, o.get("title", L["invoice"]), 15, "B", acc)
    y = doc.para(lm, y + 9, rm - lm, o["intro"], 9.5) + 4
    width = rm - lm
    cols = [(L["qty"], 16, "R"), (L["unit_price"], 28, "R"), (L["amount"], 28, "R")]
    cols = [(L["desc"], width - 72, "L")] + cols
    rows = [[it.desc, inv.q(it.qty), inv.m(it.price), inv.m(it.total)] for it in inv.items]
    y = doc.table(lm, y, cols, rows, size=9, rh=7, rules=o.get("rules", "lines"), draw=(160, 160, 160))
    y = doc.totals(
        rm,
        y + 3,
        [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv) + [(L["total"], inv.m(inv.total))],
        wl=55,
        wv=28,
        size=9.5,
        rh=6,
    )
    y += 8
    for text in o.get("after", []):
        y = doc.para(lm, y, width, text.format(due=inv.d(inv.due), total=inv.m(inv.total)), 9) + 3
    if o.get("signoff"):
        doc.lines(lm, y + 2, o["signoff"], 9.5, lh=4.8)
    if o.get("footer"):

        def footer(d: Doc):
            d.txt(0, d.h - 14, o["footer"], 7.5, color=GRAY, w=d.w, align="C")

        doc.footer_fn = footer


def render_grid(doc: Doc, inv: Invoice):
    """Italian style form: vendor left, 'Spett.le' box right, row of document boxes, grid table,
    VAT summary, totals boxes, payment schedule."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (20, 90, 140))
    lm, rm = 12, doc.w - 12
    width = rm - lm
    bx = 112
    doc.txt(lm, 14, inv.vendor.name, doc.fit_size(inv.vendor.name, bx - lm - 3, 15, "B"), "B", acc)
    yv = doc.lines(lm, 21, inv.vendor.address + inv.vendor.extra, 8, lh=3.8)
    doc.set_draw_color(120, 120, 120)
    doc.rect(bx, 14, rm - bx, 34)
    doc.txt(bx + 2, 16, L["client"], 7.5, "I", GRAY)
    doc.lines(bx + 4, 21, [inv.buyer.name] + inv.buyer.address + inv.buyer.extra, 9, style=["B"] + [""] * 10, lh=4.3)
    y = max(yv, 48) + 6
    boxes = o["boxes"](inv)
    total_w = sum(b[2] for b in boxes)
    x = lm
    for label, value, w in boxes:
        w = w * width / total_w
        doc.set_fill_color(*light(acc, 0.88))
        doc.rect(x, y, w, 4.5, style="DF")
        doc.txt(x + 0.5, y + 0.5, label, 6.8, "B", w=w - 1)
        doc.rect(x, y + 4.5, w, 6.5)
        doc.txt(x + 0.5, y + 5.6, value, 9, w=w - 1)
        x += w
    y += 16
    cols = [
        (L["code"], 22, "L"),
        (L["desc"], 0, "L"),
        (L["qty"], 13, "R"),
        (L["uom"], 11, "C"),
        (L["unit_price"], 25, "R"),
        (L["amount"], 26, "R"),
        (L["vat_col"], 13, "R"),
    ]
    cols[1] = (L["desc"], width - sum(c[1] for c in cols), "L")
    rows = [
        [
            it.code,
            it.desc,
            inv.q(it.qty),
            it.unit,
            inv.m(it.price, False, price_decimals(it.price)),
            inv.m(it.total, False),
            inv.rate_txt(it.rate if it.rate is not None else inv.rate),
        ]
        for it in inv.items
    ]
    y = doc.table(lm, y, cols, rows, size=8.3, rh=6, rules="grid", header_fill=light(acc, 0.88), draw=(120, 120, 120))
    # empty body of the form down to a fixed line
    bottom = max(y + 8, o.get("form_bottom", 175))
    xx = lm
    for _, w, _ in cols:
        doc.line(xx, y, xx, bottom)
        xx += w
    doc.line(xx, y, xx, bottom)
    doc.line(lm, bottom, rm, bottom)
    y = bottom + 5
    doc.txt(lm, y, L["vat_summary"], 8, "B", acc)
    rcols = [(L["rate"], 18, "R"), (L["base"], 30, "R"), (L["tax_amount"], 28, "R")]
    rrows = [[inv.rate_txt(r) + "%", inv.m(b, False), inv.m(t, False)] for _, b, r, t in inv.tax_groups()]
    doc.table(
        lm, y + 4.5, rcols, rrows, size=8, rh=5.5, rules="grid", header_fill=light(acc, 0.88), draw=(120, 120, 120)
    )
    tx = rm - 78
    yt = y
    for label, value, big in [
        (L["subtotal"], inv.m(inv.subtotal), False),
        (L["tax_total"], inv.m(inv.tax_total), False),
        (L["total"], inv.m(inv.total), True),
    ]:
        doc.set_fill_color(*light(acc, 0.88))
        doc.rect(tx, yt, 78, 8 if big else 6.5, style="DF" if big else "D")
        doc.txt(tx + 1, yt + 1.2, label, 8.5 if not big else 9.5, "B" if big else "")
        doc.rtxt(rm - 1, yt + 1.2, value, 8.5 if not big else 11, "B" if big else "")
        yt += 8 if big else 6.5
    y = max(yt, y + 4.5 + 5.5 * (len(rrows) + 1)) + 6
    if inv.due:
        doc.txt(lm, y, L["schedule"], 8, "B", acc)
        scols = [(L["due"], 30, "L"), (L.get("sched_amount", L["amount"]), 30, "R"), (L["method"], width - 60, "L")]
        y = (
            doc.table(
                lm,
                y + 4.5,
                scols,
                [[inv.d(inv.due), inv.m(inv.total), o["method"]]],
                size=8.3,
                rh=5.8,
                rules="grid",
                header_fill=light(acc, 0.88),
                draw=(120, 120, 120),
            )
            + 5
        )
    for text in o.get("after", []):
        y = doc.para(lm, y, width, text, 8) + 1.5
    if o.get("footer"):

        def footer(d: Doc):
            d.para(lm, d.h - 16, width, o["footer"], 6.8, color=GRAY, align="C")

        doc.footer_fn = footer


def render_gst(doc: Doc, inv: Invoice):
    """Indian GST tax invoice: boxed header, HSN/SAC column, CGST + SGST, amount in words."""
    o = inv.opts
    lm, rm = 12, doc.w - 12
    width = rm - lm
    mid = lm + width * 0.55
    doc.set_draw_color(0, 0, 0)
    doc.txt(0, 10, "TAX INVOICE", 13, "B", w=doc.w, align="C")
    doc.txt(0, 16, "(Original for Recipient)", 7.5, "I", GRAY, w=doc.w, align="C")
    top = 22
    box_h, split = 68, 36
    doc.rect(lm, top, width, box_h)
    doc.line(mid, top, mid, top + box_h)
    doc.line(lm, top + split, mid, top + split)
    y = doc.lines(lm + 2, top + 2, [inv.vendor.name], 10, "B", lh=5)
    doc.lines(lm + 2, y, inv.vendor.address + inv.vendor.extra, 8, lh=3.7)
    doc.txt(lm + 2, top + split + 2, "Buyer (Bill to)", 7.5, "I", GRAY)
    doc.lines(
        lm + 2,
        top + split + 6,
        [inv.buyer.name] + inv.buyer.address + inv.buyer.extra,
        8.5,
        style=["B"] + [""] * 8,
        lh=3.9,
    )
    meta = [("Invoice No.", inv.number), ("Dated", inv.d(inv.date)), ("Due Date", inv.d(inv.due))] + o["meta"]
    rh = box_h / ((len(meta) + 1) // 2)
    half = (rm - mid) / 2
    for i, (label, value) in enumerate(meta):
        cx = mid + (i % 2) * half
        cy = top + (i // 2) * rh
        doc.rect(cx, cy, half, rh)
        doc.txt(cx + 1, cy + 1, label, 7, color=GRAY, w=half - 2)
        doc.txt(cx + 1, cy + 4.6, value, 8.5, "B", w=half - 2)
    y = top + box_h
    cols = [
        ("Sl", 9, "R"),
        ("Description of Services", 0, "L"),
        ("HSN/SAC", 18, "C"),
        ("Qty", 12, "R"),
        ("Rate", 26, "R"),
        ("Amount", 30, "R"),
    ]
    cols[1] = (cols[1][0], width - sum(c[1] for c in cols), "L")
    rows = [
        [str(n), it.desc, it.code, inv.q(it.qty), inv.m(it.price, False), inv.m(it.total, False)]
        for n, it in enumerate(inv.items, 1)
    ]
    rows.append(["", "Taxable Value", "", "", "", inv.m(inv.subtotal, False)])
    for label, _, _, t in inv.tax_groups():
        rows.append(["", label, "", "", "", inv.m(t, False)])
    rows.append(["", "Total", "", "", "", inv.m(inv.total)])
    y = doc.table(
        lm, y, cols, rows, size=8.5, rh=6.2, rules="grid", header_fill=(235, 235, 235), bold_rows=(len(rows) - 1,)
    )
    y = doc.lines(lm + 2, y + 2, ["Amount Chargeable (in words)"], 7.5, color=GRAY)
    y = doc.txt(lm + 2, y + 0.5, "INR " + indian_words(inv.total), 8.5, "B") + 4
    tcols = [
        ("HSN/SAC", 24, "C"),
        ("Taxable Value", 34, "R"),
        ("CGST Rate", 20, "R"),
        ("CGST Amount", 30, "R"),
        ("SGST Rate", 20, "R"),
        ("SGST Amount", 30, "R"),
        ("Total Tax", 0, "R"),
    ]
    tcols[-1] = ("Total Tax", width - sum(c[1] for c in tcols), "R")
    trows = []
    for code in sorted({it.code for it in inv.items}):
        base = money(sum(it.total for it in inv.items if it.code == code))
        half_tax = money(base * D("0.09"))
        trows.append(
            [
                code,
                inv.m(base, False),
                "9%",
                inv.m(half_tax, False),
                "9%",
                inv.m(half_tax, False),
                inv.m(half_tax * 2, False),
            ]
        )
    groups = inv.tax_groups()
    trows.append(
        [
            "Total",
            inv.m(inv.subtotal, False),
            "",
            inv.m(groups[0][3], False),
            "",
            inv.m(groups[1][3], False),
            inv.m(inv.tax_total, False),
        ]
    )
    y = (
        doc.table(
            lm,
            y,
            tcols,
            trows,
            size=7.8,
            rh=5.5,
            rules="grid",
            header_fill=(235, 235, 235),
            bold_rows=(len(trows) - 1,),
        )
        + 5
    )
    for text in o["after"]:
        y = doc.para(lm, y, width, text, 7.8) + 1.5
    doc.rtxt(rm, y + 4, f"for {inv.vendor.name}", 8.5, "B")
    doc.rtxt(rm, y + 18, "Authorised Signatory", 8)
    doc.txt(0, doc.h - 12, "This is a computer generated invoice.", 7, "I", GRAY, w=doc.w, align="C")


_ONES = (
    "Zero One Two Three Four Five Six Seven Eight Nine Ten Eleven Twelve Thirteen Fourteen Fifteen Sixteen "
    "Seventeen Eighteen Nineteen"
).split()
_TENS = "_ _ Twenty Thirty Forty Fifty Sixty Seventy Eighty Ninety".split()


def _words_99(n: int) -> str:
    if n < 20:
        return _ONES[n]
    return _TENS[n // 10] + ("-" + _ONES[n % 10] if n % 10 else "")


def _words_999(n: int) -> str:
    parts = []
    if n >= 100:
        parts.append(_ONES[n // 100] + " Hundred")
    if n % 100:
        parts.append(_words_99(n % 100))
    return " ".join(parts)


def indian_words(amount: Decimal) -> str:
    rupees = int(amount)
    paise = int((amount - rupees) * 100)
    parts = []
    for unit, div in (("Crore", 10**7), ("Lakh", 10**5), ("Thousand", 10**3)):
        if rupees >= div:
            parts.append(f"{_words_999(rupees // div)} {unit}")
            rupees %= div
    if rupees:
        parts.append(_words_999(rupees))
    text = " ".join(parts)
    if paise:
        text += f" and {_words_99(paise)} Paise"
    return text + " Only"


def render_multipage(doc: Doc, inv: Invoice):
    """German wholesale invoice; the item table runs onto page 2 with 'Übertrag' (carried forward) rows."""
    o, L = inv.opts, inv.lab
    acc = o.get("accent", (180, 30, 30))
    lm, rm = 20, doc.w - 15
    width = rm - lm

    def footer(d: Doc):
        d.set_draw_color(*acc)
        d.line(lm, d.h - 22, rm, d.h - 22)
        d.columns(lm, d.h - 20, width, o["footer_cols"], 6.6, 3.1)
        d.txt(0, d.h - 8, L["page"].format(p=d.page_no(), n="{nb}"), 7.5, color=GRAY, w=d.w, align="C")

    doc.footer_fn = footer
    doc.set_fill_color(*acc)
    doc.rect(lm, 12, 5, 14, style="F")
    doc.txt(lm + 7, 12, inv.vendor.name, 15, "B", acc)
    doc.txt(lm + 7, 19.5, o["tagline"], 8.5, color=GRAY)
    doc.txt(lm, 42, " · ".join([inv.vendor.name] + inv.vendor.address), 6.5, "U", GRAY, w=90)
    doc.lines(lm, 47, [inv.buyer.name] + inv.buyer.address, 10, lh=4.6)
    y = 42
    for label, value in (
        [(L["number"], inv.number), (L["date"], inv.d(inv.date))] + o["info"] + [(L["due"], inv.d(inv.due))]
    ):
        doc.txt(120, y, label + ":", 8, color=GRAY)
        doc.rtxt(rm, y, value, 8.5)
        y += 4.4
    y = 82
    doc.txt(lm, y, f"{L['invoice']} {inv.number}", 12, "B")
    y = doc.para(lm, y + 7, width, o["intro"], 8.8) + 3
    cols = [
        (L["pos"], 10, "R"),
        (L["code"], 21, "L"),
        (L["desc"], 0, "L"),
        (L["qty"], 14, "R"),
        (L["unit"], 15, "L"),
        (L["unit_price"], 22, "R"),
        (L["amount"], 25, "R"),
    ]
    cols[2] = (L["desc"], width - sum(c[1] for c in cols), "L")
    rh, limit = 5.6, doc.h - 40

    def header(y):
        return doc.table(
            lm, y, cols, [], size=8, rh=rh, rules="header", header_fill=light(acc, 0.88), draw=(120, 120, 120)
        )

    def carry(y, label, amount):
        doc.use(8, "B")
        doc.set_xy(lm, y)
        doc.cell(width - cols[-1][1], rh, label, align="R")
        doc.cell(cols[-1][1], rh, inv.m(amount, False), align="R")
        return y + rh

    y = header(y)
    running = D(0)
    for n, it in enumerate(inv.items, 1):
        if y + rh > limit:
            y = carry(y + 1, L["carry_out"], running)
            doc.add_page()
            doc.txt(lm, 15, f"{inv.vendor.name} – {L['invoice']} {inv.number} – {inv.d(inv.date)}", 8.5, color=GRAY)
            y = header(24)
            y = carry(y, L["carry_in"], running)
        y = doc.table(
            lm,
            y,
            cols,
            [[str(n), it.code, it.desc, inv.q(it.qty), it.unit, inv.m(it.price, False), inv.m(it.total, False)]],
            size=8,
            rh=rh,
            rules="none",
            header=False,
        )
        running += it.total
    doc.line(lm, y, rm, y)
    y = doc.totals(
        rm,
        y + 3,
        [(L["subtotal"], inv.m(inv.subtotal))] + tax_rows(inv) + [(L["total"], inv.m(inv.total))],
        wl=55,
        wv=30,
        size=9,
    )
    y += 6
    y = doc.para(lm, y, width, o["payment"].format(due=inv.d(inv.due), total=inv.m(inv.total)), 8.8) + 3
    doc.lines(lm, y, o["closing"], 8.8)
    doc.inv.pages = doc.page_no()


# --------------------------------------------------------------------------- labels

LABELS = {
    "en_us": dict(
        invoice="INVOICE",
        number="Invoice #",
        date="Invoice Date",
        due="Due Date",
        bill_to="Bill To",
        ship_to="Ship To",
        desc="Description",
        qty="Qty",
        unit_price="Unit Price",
        amount="Amount",
        subtotal="Subtotal",
        tax="Sales Tax ({rate}%)",
        total="Total",
        amount_due="Amount Due",
        code="SKU",
        to="Bill to",
    ),
    "en_gb": dict(
        invoice="INVOICE",
        number="Invoice No.",
        date="Invoice date",
        due="Due date",
        bill_to="Invoice to",
        ship_to="Deliver to",
        desc="Description",
        qty="Qty",
        unit_price="Unit price",
        amount="Amount",
        subtotal="Subtotal",
        tax="VAT @ {rate}%",
        total="Total",
        amount_due="Amount due",
        code="Code",
        to="To",
    ),
    "de": dict(
        invoice="Rechnung",
        number="Rechnungsnummer",
        date="Rechnungsdatum",
        due="Fällig am",
        bill_to="Rechnungsempfänger",
        desc="Bezeichnung",
        qty="Menge",
        unit="Einheit",
        unit_price="Einzelpreis",
        amount="Gesamtpreis",
        pos="Pos.",
        subtotal="Nettobetrag",
        tax="zzgl. {rate} % USt.",
        total="Rechnungsbetrag",
        amount_due="Zu zahlen",
        code="Art.-Nr.",
        to="An",
        page="Seite {p} von {n}",
        carry_out="Übertrag",
        carry_in="Übertrag von Seite 1",
        ship_to="Lieferanschrift",
    ),
    "fr": dict(
        invoice="FACTURE",
        number="Facture n°",
        date="Date de facture",
        due="Échéance",
        client="CLIENT",
        desc="Désignation",
        qty="Qté",
        unit_price="PU HT",
        vat_col="TVA",
        amount="Total HT",
        subtotal="Total HT",
        tax="TVA {rate} %",
        total="Total TTC",
        net="Net à payer",
        base="Base HT",
        rate="Taux",
        tax_amount="Montant TVA",
        code="Réf.",
        uom="U.",
        tax_total="Total TVA",
        vat_summary="Récapitulatif TVA",
        schedule="Échéancier",
        method="Mode de règlement",
        sched_amount="Montant TTC",
    ),
    "nl": dict(
        invoice="Factuur",
        number="Factuurnummer",
        date="Factuurdatum",
        due="Vervaldatum",
        bill_to="Factuur aan",
        desc="Omschrijving",
        qty="Aantal",
        unit_price="Stukprijs",
        amount="Bedrag",
        subtotal="Subtotaal",
        tax="BTW {rate}%",
        total="Totaal",
        amount_due="Te betalen",
        code="Art.nr.",
    ),
    "es": dict(
        invoice="FACTURA",
        number="Número de factura",
        date="Fecha",
        due="Vencimiento",
        client="CLIENTE",
        desc="Concepto",
        qty="Cant.",
        unit_price="Precio unit.",
        vat_col="IVA",
        amount="Importe",
        subtotal="Base imponible",
        tax="IVA {rate} %",
        total="TOTAL FACTURA",
        base="Base imponible",
        rate="Tipo",
        tax_amount="Cuota IVA",
        code="Código",
        uom="Ud.",
        tax_total="Total IVA",
        vat_summary="Desglose de IVA",
        schedule="Vencimientos",
        method="Forma de pago",
    ),
    "it": dict(
        invoice="FATTURA",
        number="Fattura n.",
        date="Data",
        due="Scadenza",
        client="Spett.le",
        desc="Descrizione",
        qty="Q.tà",
        unit_price="Prezzo unit.",
        vat_col="IVA",
        amount="Importo",
        subtotal="Totale imponibile",
        tax="IVA {rate}%",
        total="TOTALE DOCUMENTO",
        base="Imponibile",
        rate="Aliquota",
        tax_amount="Imposta",
        code="Codice",
        uom="U.M.",
        tax_total="Totale IVA",
        vat_summary="Riepilogo IVA",
        schedule="Scadenze",
        method="Modalità di pagamento",
        to="Spett.le",
    ),
    "sv": dict(
        invoice="FAKTURA",
        number="Fakturanummer",
        date="Fakturadatum",
        due="Förfallodatum",
        bill_to="Fakturaadress",
        desc="Beskrivning",
        qty="Antal",
        unit_price="À-pris",
        amount="Belopp",
        subtotal="Summa exkl. moms",
        tax="Moms {rate} %",
        total="Att betala",
        ship_to="Leveransadress",
    ),
}


def lab(_language: str, /, **overrides) -> dict:
    return {**LABELS[_language], **overrides}


def I(desc, qty, price, unit="", code="", rate=None) -> Item:  # noqa: E743
    return Item(desc, D(str(qty)), D(str(price)), unit, code, D(str(rate)) if rate is not None else None)


# --------------------------------------------------------------------------- the invoices


def invoices() -> list[Invoice]:
    out: list[Invoice] = []
    add = out.append

    # 1 ---- US SaaS, borderless "Stripe-like", Letter, March 5, 2024
    add(
        Invoice(
            file="us_saas_lumenfield.pdf",
            language="en",
            locale="en-US",
            layout="modern-borderless",
            render=render_modern,
            number="LF-2024-01187",
            date=dt.date(2024, 3, 5),
            due=dt.date(2024, 4, 4),
            vendor=Party(
                "Lumenfield Software, Inc.",
                ["2200 Alder Creek Blvd, Suite 400", "Austin, TX 78701", "United States"],
                extra=["billing@lumenfield.example"],
            ),
            buyer=Party(
                "Harborview Dental Group LLC",
                ["Attn: Accounts Payable", "815 Pier Street, Suite 210", "San Diego, CA 92101"],
                extra=["ap@harborviewdental.example"],
            ),
            currency="USD",
            rate=D("0.0825"),
            loc=Loc("us", "${n}", "long_us"),
            lab=lab("en_us", invoice="Invoice", number="Invoice number", date="Date of issue", due="Date due"),
            items=[
                I("Lumenfield Pro seats (Mar 5 - Apr 4, 2024)", 12, "49.00"),
                I("Analytics add-on", 1, "199.00"),
                I("Priority support", 1, "150.00"),
            ],
            opts=dict(
                initials="LF",
                headline="{total} USD due {due}",
                accent=(99, 91, 255),
                sublines=["Pay online: https://pay.lumenfield.example/i/LF-2024-01187"],
                meta=[("Customer ID", "cus_7Q2M4RZ")],
                notes=[
                    "Questions about this invoice? Contact billing@lumenfield.example or call +1 512-555-0148.",
                    "Seats are billed monthly in advance. Usage-based add-ons are billed for the period shown. "
                    "Sales tax is calculated for the ship-to state of Texas because your account's tax address "
                    "is registered there. To update your billing details, visit Settings > Billing in the app.",
                ],
                footer="{number} · {total} due {due} · Page {page} of 1",
            ),
        )
    )

    # 2 ---- US consulting, classic, Letter, 11/08/2024 (US m/d/y)
    add(
        Invoice(
            file="us_consulting_calder_pine.pdf",
            language="en",
            locale="en-US",
            layout="classic-grid",
            render=render_classic,
            number="2024-117",
            date=dt.date(2024, 11, 8),
            due=dt.date(2024, 12, 8),
            vendor=Party(
                "Calder & Pine Consulting LLC",
                ["48 Monroe Center NW, Floor 3", "Grand Rapids, MI 49503"],
                extra=["(616) 555-0142 | accounts@calderpine.example"],
            ),
            buyer=Party(
                "Great Lakes Fixture Co.",
                ["Attn: Maria Lindqvist, COO", "1290 Industrial Park Dr", "Holland, MI 49423"],
            ),
            currency="USD",
            rate=D("0.06"),
            loc=Loc("us", "${n}", "mdy/"),
            lab=lab("en_us", number="Invoice No."),
            items=[
                I("Strategy workshop (on-site, full day)", 2, "1850.00"),
                I("Process mapping, consultant hours", "14.5", "165.00"),
                I("Final report and executive presentation", 1, "2400.00"),
                I("Travel expenses (flat rate)", 1, "420.00"),
            ],
            opts=dict(
                initials="CP",
                accent=(34, 85, 51),
                family="helvetica",
                fmt="Letter",
                sym_in_table=True,
                meta=[("P.O. Number", "GLF-PO-88213"), ("Terms", "Net 30")],
                amount_due_row=True,
                ship_to=["Great Lakes Fixture Co.", "Plant 2 - Operations", "455 Waverly Rd", "Holland, MI 49423"],
                notes=[
                    (
                        "Payment",
                        "Please pay by ACH (routing 072000999, account 4410023871), or mail a "
                        "check payable to Calder & Pine Consulting LLC to the address above. Include the "
                        "invoice number with your payment. A late fee of 1.5% per month may be charged "
                        "on balances outstanding after the due date.",
                    ),
                    (
                        "Thank you",
                        "It was a pleasure working with your team on the operations review. "
                        "Follow-up coaching sessions can be scheduled at the rate agreed in the statement "
                        "of work dated 09/16/2024.",
                    ),
                ],
                footer=[
                    "Calder & Pine Consulting LLC - 48 Monroe Center NW, Floor 3, Grand Rapids, MI 49503",
                    "www.calderpine.example",
                ],
            ),
        )
    )

    # 3 ---- US wholesale, many items (18), ISO dates, currency only as code
    supplies = [
        ("NG-100L", "Nitrile gloves, box of 100 (L)", 24, "11.95"),
        ("NG-100M", "Nitrile gloves, box of 100 (M)", 24, "11.95"),
        ("SG-AF2", "Safety glasses, anti-fog", 36, "4.80"),
        ("EP-200", "Foam ear plugs, dispenser refill", 6, "38.50"),
        ("HV-VST", "Hi-vis vest, class 2, size XL", 15, "9.75"),
        ("DT-48", "Duct tape, 48 mm x 55 m, silver", 30, "6.20"),
        ("ZT-300", "Zip ties, 300 mm, pack of 100", 20, "5.45"),
        ("SH-TP2", "Shop towels, roll of 55", 40, "3.90"),
        ("TB-45G", "Trash bags 45 gal, case of 100", 12, "29.99"),
        ("DG-CL5", "Degreaser concentrate, 5 gal", 4, "64.00"),
        ("AB-KIT", "First aid kit refill, ANSI A", 3, "47.25"),
        ("WD-12", "Penetrating lubricant, 12 oz", 24, "5.85"),
        ("AA-24", "AA alkaline batteries, 24-pack", 10, "14.40"),
        ("LED-4F", "LED tube 4 ft, 18 W, 5000 K", 48, "7.15"),
        ("EXT-25", "Extension cord 25 ft, 12/3", 6, "32.90"),
        ("MK-BLK", "Permanent markers, black, 12-pack", 8, "9.60"),
        ("SP-BRM", "Push broom 24 in, stiff bristle", 5, "27.80"),
        ("FS-ABC", "Fire extinguisher 5 lb ABC", 4, "58.75"),
    ]
    add(
        Invoice(
            file="us_wholesale_many_items.pdf",
            language="en",
            locale="en-US",
            layout="classic-grid/many-items",
            render=render_classic,
            number="RIS-558213",
            date=dt.date(2024, 6, 17),
            due=dt.date(2024, 7, 17),
            vendor=Party(
                "Redrock Industrial Supply Co.",
                ["4410 E Van Buren St", "Phoenix, AZ 85008"],
                extra=["Tel (602) 555-0187", "orders@redrocksupply.example"],
            ),
            buyer=Party("Mesa Verde Facilities Management", ["77 W Rio Salado Pkwy", "Tempe, AZ 85281"]),
            currency="USD",
            rate=D("0.086"),
            loc=Loc("us", "{n}", "iso"),
            lab=lab("en_us", total="Total (USD)", subtotal="Merchandise subtotal"),
            items=[I(desc, qty, price, code=code) for code, desc, qty, price in supplies],
            opts=dict(
                initials="RR",
                accent=(170, 60, 30),
                family="helvetica",
                fmt="Letter",
                codes=True,
                code_w=20,
                table_size=8,
                row_h=5.3,
                meta=[("Customer No.", "C-20417"), ("Sales Order", "SO-771904")],
                notes=[("Terms", "Net 30. All amounts in USD. Returns accepted within 30 days with RMA number.")],
            ),
        )
    )

    # 4 ---- UK agency, classic with Times, dd/mm/yyyy, GBP
    add(
        Invoice(
            file="uk_agency_marlow_finch.pdf",
            language="en",
            locale="en-GB",
            layout="classic-grid",
            render=render_classic,
            number="MF-0423",
            date=dt.date(2024, 3, 5),
            due=dt.date(2024, 4, 4),
            vendor=Party(
                "Marlow & Finch Creative Ltd",
                ["27 Tenter Row", "London E1 6QF", "United Kingdom"],
                vat="GB284661307",
                extra=["VAT Reg. No. GB284661307"],
            ),
            buyer=Party(
                "Harcourt & Vale Estate Agents Ltd",
                ["FAO Priya Shah, Marketing Manager", "14 Market Place", "Reading RG1 2EP"],
            ),
            currency="GBP",
            rate=D("0.20"),
            loc=Loc("us", "£{n}", "dmy/"),
            lab=lab("en_gb"),
            items=[
                I("Brand identity refresh (logo, palette, type)", 1, "4500.00"),
                I("Website copywriting, days", 3, "650.00"),
                I("Stock photography licences", 6, "45.00"),
            ],
            opts=dict(
                initials="M&F",
                accent=(120, 30, 70),
                family="times",
                fmt="A4",
                meta=[("Your ref.", "PO 5521"), ("Account", "HARC01")],
                notes=[
                    (
                        "Payment details",
                        "Please pay by bank transfer within 30 days to Marlow & Finch Creative "
                        "Ltd, sort code 20-45-77, account number 41839902, quoting the invoice "
                        "number as reference.",
                    ),
                    (
                        "Notes",
                        "Usage rights for the stock images are licensed for web and print use by "
                        "Harcourt & Vale Estate Agents Ltd only. Final artwork files will be released on "
                        "receipt of payment.",
                    ),
                ],
                footer=[
                    "Marlow & Finch Creative Ltd. Registered in England and Wales, company no. 09876543.",
                    "Registered office: 27 Tenter Row, London E1 6QF. hello@marlowfinch.example",
                ],
            ),
        )
    )

    # 5 ---- UK single line, simple letter, "14 August 2024"
    add(
        Invoice(
            file="uk_single_line_survey.pdf",
            language="en",
            locale="en-GB",
            layout="simple-letter/single-line",
            render=render_simple,
            number="HQ/24/061",
            date=dt.date(2024, 8, 14),
            due=dt.date(2024, 9, 13),
            vendor=Party(
                "Harriet Quinn Surveying Ltd",
                ["5 Wharf Court", "Leeds LS1 4BR"],
                vat="GB917345128",
                extra=["VAT No. GB917345128"],
            ),
            buyer=Party("Mr Daniel Okafor", ["22 Pannal Ash Road", "Harrogate", "HG2 9AB"]),
            currency="GBP",
            rate=D("0.20"),
            loc=Loc("us", "£{n}", "long_gb"),
            lab=lab("en_gb", number="Invoice number"),
            items=[I("Level 2 building survey, 14 Rosemary Lane, Harrogate", 1, "595.00")],
            opts=dict(
                accent=(20, 60, 110),
                family="helvetica",
                tagline="Chartered Surveyors - RICS Regulated",
                intro="Thank you for instructing us. Our fee for the building survey carried out on 9 August 2024 "
                "is set out below. The written report has been sent to you by email and a printed copy "
                "will follow by post.",
                after=[
                    "Payment is due by {due}. Please pay by bank transfer to Harriet Quinn Surveying Ltd, "
                    "sort code 40-11-62, account 73019485, using the invoice number as the reference.",
                    "If you have any questions about the report, please call the office on 0113 496 0577.",
                ],
                signoff=["Kind regards,", "", "Harriet Quinn MRICS", "Director"],
                footer="Harriet Quinn Surveying Ltd is registered in England and Wales no. 11223344. "
                "Regulated by RICS.",
            ),
        )
    )

    # 6 ---- UK credit note, modern, serif
    add(
        Invoice(
            file="uk_credit_note_tidewater.pdf",
            language="en",
            locale="en-GB",
            layout="modern-borderless/credit-note",
            render=render_modern,
            number="CN-10482",
            date=dt.date(2025, 1, 22),
            due=None,
            vendor=Party(
                "Tidewater Office Supplies Ltd",
                ["Unit 7, Avonside Trade Park", "Bristol BS2 0QT"],
                vat="GB563902817",
                extra=["VAT GB563902817"],
            ),
            buyer=Party("Castlebrook Lettings Ltd", ["3 Queen Square", "Bath BA1 2HN"]),
            currency="GBP",
            rate=D("0.20"),
            loc=Loc("us", "£{n}", "dmy/"),
            lab=lab(
                "en_gb",
                invoice="Credit note",
                number="Credit note no.",
                date="Date",
                bill_to="Credit to",
                amount_due="Total credit",
                total="Total",
                subtotal="Net",
            ),
            items=[I("Ergonomic office chair, returned", 2, "189.00"), I("Delivery charge refund", 1, "25.00")],
            opts=dict(
                initials="TW",
                accent=(0, 110, 120),
                family="times",
                bold_labels=True,
                meta=[("Original invoice", "INV-77315"), ("Original date", "06/01/2025"), ("Account", "CAS-0092")],
                third=("Reason", ["Goods returned in original", "packaging, RMA 5531"]),
                headline="Credit note for {total}",
                sublines=["This credit note is not a request for payment."],
                notes=[
                    "The amount credited will be offset against your next invoice. If you would prefer a "
                    "refund to your bank account, please reply to accounts@tidewater.example within 14 days "
                    "quoting the credit note number.",
                    "The chairs were collected by our driver on 20/01/2025 and inspected at our warehouse. "
                    "The delivery charge of the original order is refunded in full because the goods were "
                    "returned within the 14-day period.",
                    "Tidewater Office Supplies Ltd, registered in England no. 04455667.",
                ],
                footer="Credit note {number} · Page {page} of 1",
            ),
        )
    )

    # 7 ---- Ireland, EUR with €1,234.56, Italian-like grid form in English
    add(
        Invoice(
            file="ie_grid_kilbride.pdf",
            language="en",
            locale="en-IE",
            layout="grid-form",
            render=render_grid,
            number="KSS-2025-014",
            date=dt.date(2025, 2, 3),
            due=dt.date(2025, 3, 5),
            vendor=Party(
                "Kilbride Software Services Ltd",
                ["Unit 4, Grand Canal Quay", "Dublin 2, D02 X576", "Ireland"],
                vat="IE4815162WA",
                extra=["VAT No. IE4815162WA", "Tel +353 1 555 0193"],
            ),
            buyer=Party("Ballymore Veterinary Clinic Ltd", ["Main Street", "Naas, Co. Kildare", "W91 K2P3"]),
            currency="EUR",
            rate=D("0.23"),
            loc=Loc("us", "€{n}", "dmy/"),
            lab=lab(
                "it",
                invoice="INVOICE",
                number="Invoice Number",
                date="Date",
                due="Due date",
                client="Bill to",
                desc="Description",
                qty="Qty",
                unit_price="Unit price",
                vat_col="VAT%",
                amount="Amount",
                subtotal="Net total",
                tax="VAT {rate}%",
                total="TOTAL DUE",
                base="Net",
                rate="Rate",
                tax_amount="VAT",
                code="Code",
                uom="Unit",
                tax_total="Total VAT",
                vat_summary="VAT analysis",
                schedule="Payment schedule",
                method="Method",
            ),
            items=[
                I("Practice management licence, annual", 3, "420.00", "yr", "PM-ANN"),
                I("Data migration from legacy system", 1, "1150.00", "job", "SV-MIG"),
                I("Staff training session (2 hours)", 2, "180.00", "ea", "SV-TRN"),
                I("SMS reminder bundle, 5,000 messages", 1, "95.00", "ea", "SMS-5K"),
            ],
            opts=dict(
                accent=(0, 120, 80),
                boxes=lambda inv: [
                    ("Document", "Invoice", 20),
                    ("Invoice Number", inv.number, 28),
                    ("Date", inv.d(inv.date), 20),
                    ("Customer", "BALLY-07", 18),
                    ("Terms", "30 days", 16),
                ],
                method="EFT to IBAN IE64 IRCE 9205 0112 3456 78",
                after=[
                    "Please quote the invoice number on your remittance. Kilbride Software Services Ltd, "
                    "registered in Ireland, company number 612345."
                ],
                footer="Kilbride Software Services Ltd · Unit 4, Grand Canal Quay, Dublin 2 · "
                "accounts@kilbride.example",
                form_bottom=150,
            ),
        )
    )

    # 8 ---- Germany, DIN letter, craftsman, dd.mm.yyyy, "1.234,56 €", due date only in a sentence
    add(
        Invoice(
            file="de_din_kessler_voigt.pdf",
            language="de",
            locale="de-DE",
            layout="din5008-letter",
            render=render_din,
            number="RE-2024-0412",
            date=dt.date(2024, 4, 12),
            due=dt.date(2024, 4, 26),
            vendor=Party(
                "Kessler & Voigt Haustechnik GmbH", ["Karl-Heine-Straße 112", "04229 Leipzig"], vat="DE287654319"
            ),
            buyer=Party(
                "Wohnbau Lindenau eG", ["Hausverwaltung", "Frau Sabine Krüger", "Lützner Straße 45", "04177 Leipzig"]
            ),
            currency="EUR",
            rate=D("0.19"),
            loc=Loc("eu", "{n} €", "dmy."),
            lab=lab("de"),
            items=[
                I("Heizungswartung, Gesellenstunden", "7.5", "58.00", "Std."),
                I("Meisterstunde", "1.5", "72.00", "Std."),
                I("Umwälzpumpe Typ HE-25/6", 1, "389.90", "Stk."),
                I("Dichtungsset und Kleinmaterial", 1, "24.35", "psch."),
                I("Anfahrtspauschale", 1, "35.00", "psch."),
            ],
            opts=dict(
                accent=(0, 95, 70),
                brand="KESSLER & VOIGT",
                letterhead=[
                    "Heizung · Sanitär · Lüftung",
                    "Karl-Heine-Straße 112 · 04229 Leipzig",
                    "Tel. 0341 4929 310 · info@kessler-voigt.example",
                ],
                info=[
                    ("Kundennummer", "10877"),
                    ("Objekt", "Lützner Str. 45"),
                    ("Leistungsdatum", "09.04.2024"),
                    ("Ansprechpartner", "Thomas Kessler"),
                ],
                intro="Sehr geehrte Frau Krüger,\nfür die Wartung der Heizungsanlage im Objekt Lützner Straße 45 "
                "einschließlich Austausch der Umwälzpumpe berechnen wir Ihnen wie folgt:",
                payment="Bitte überweisen Sie den Rechnungsbetrag von {total} bis zum {due} ohne Abzug auf unser "
                "unten genanntes Konto. Bei Zahlung bitte Rechnungsnummer angeben.",
                closing=["Mit freundlichen Grüßen", "", "Thomas Kessler"],
                footer_cols=[
                    ["Kessler & Voigt Haustechnik GmbH", "Karl-Heine-Straße 112", "04229 Leipzig"],
                    ["Geschäftsführer:", "Thomas Kessler, Jana Voigt", "AG Leipzig HRB 34567"],
                    ["Bankverbindung", "IBAN DE12 8605 5592 1090 2345 67", "BIC KVHTDE81XXX"],
                    ["USt-IdNr.: DE287654319", "Steuernummer 231/118/04512", "www.kessler-voigt.example"],
                ],
            ),
        )
    )

    # 9 ---- Germany, software subscription, modern with band, "5. März 2024", "EUR 1.234,56"
    add(
        Invoice(
            file="de_saas_nordlicht.pdf",
            language="de",
            locale="de-DE",
            layout="modern-band",
            render=render_modern,
            number="NC-2024-03-0071",
            date=dt.date(2024, 3, 5),
            due=dt.date(2024, 3, 19),
            vendor=Party(
                "Nordlicht Cloud GmbH",
                ["Stresemannstraße 301", "22761 Hamburg"],
                vat="DE314159265",
                extra=["USt-IdNr. DE314159265"],
            ),
            buyer=Party("Bäckerei Hansen GmbH & Co. KG", ["Holstenstraße 18", "24103 Kiel"]),
            currency="EUR",
            rate=D("0.19"),
            loc=Loc("eu", "EUR {n}", "long_de"),
            lab=lab(
                "de",
                invoice="Rechnung",
                number="Rechnung Nr.",
                date="Datum",
                due="Zahlbar bis",
                bill_to="Kunde",
                desc="Leistung",
                unit_price="Preis",
                amount="Betrag",
                subtotal="Summe netto",
                total="Summe brutto",
                amount_due="Offener Betrag",
                tax="USt. {rate} %",
            ),
            items=[
                I("Kassensystem Lizenz Standard (März 2024)", 3, "39.00"),
                I("Zusatzmodul Warenwirtschaft", 1, "29.00"),
                I("Einrichtungspauschale neue Filiale", 1, "149.00"),
            ],
            opts=dict(
                band=True,
                accent=(20, 40, 90),
                tagline="Kassen- und Warenwirtschaft aus der Cloud",
                meta=[("Kundennummer", "K-004512"), ("Leistungszeitraum", "01.03.2024 – 31.03.2024")],
                headline="{total} fällig am {due}",
                sublines=["Der Betrag wird per SEPA-Lastschrift von Ihrem Konto DE…4471 eingezogen."],
                notes=[
                    "Mandatsreferenz NC-M-004512, Gläubiger-ID DE98ZZZ09999999999. Die Abbuchung erfolgt "
                    "frühestens zum Fälligkeitsdatum. Bitte sorgen Sie für ausreichende Deckung.",
                    "Die Lizenzen werden monatlich im Voraus berechnet. Änderungen der Anzahl der Kassenplätze "
                    "können Sie jederzeit im Kundenportal vornehmen; sie werden ab dem Folgemonat wirksam.",
                    "Nordlicht Cloud GmbH · Geschäftsführerin Dr. Maren Ohlsen · Amtsgericht Hamburg HRB 170123 · "
                    "support@nordlicht-cloud.example",
                ],
                footer="Rechnung {number} · Seite {page} von 1",
            ),
        )
    )

    # 10 ---- Germany, DIN letter with discount line, serif, grid table
    moebel = [
        I("Schreibtisch höhenverstellbar 160x80", 4, "649.00", "Stk."),
        I("Bürodrehstuhl Ergo Plus", 4, "329.00", "Stk."),
        I("Rollcontainer 3 Schubladen", 4, "149.00", "Stk."),
    ]
    furniture_sum = sum(i.total for i in moebel)
    add(
        Invoice(
            file="de_din_discount_gruenwald.pdf",
            language="de",
            locale="de-DE",
            layout="din5008-letter/discount",
            render=render_din,
            number="GB-24-3307",
            date=dt.date(2024, 10, 28),
            due=dt.date(2024, 11, 27),
            vendor=Party("Grünwald Büromöbel GmbH", ["Landsberger Straße 220", "80687 München"], vat="DE198765432"),
            buyer=Party(
                "Steuerkanzlei Adler & Partner mbB",
                ["z. Hd. Herrn Markus Adler", "Maximilianstraße 9", "86150 Augsburg"],
            ),
            currency="EUR",
            rate=D("0.19"),
            loc=Loc("eu", "{n} €", "dmy."),
            lab=lab("de", desc="Artikel", subtotal="Summe netto", tax="Umsatzsteuer {rate} %", total="Gesamtbetrag"),
            items=moebel
            + [
                I("Lieferung und Montage", 1, "180.00", "psch."),
                I("Rabatt 10 % auf Möbel (Pos. 1-3)", 1, str(-money(furniture_sum * D("0.1"))), ""),
            ],
            opts=dict(
                accent=(90, 110, 40),
                family="serif",
                rules="grid",
                header_fill=(235, 240, 225),
                due_in_info=True,
                letterhead=[
                    "Landsberger Straße 220 · 80687 München",
                    "Telefon 089 5410 7720",
                    "vertrieb@gruenwald-bueromoebel.example",
                ],
                info=[("Kunden-Nr.", "D-3318"), ("Auftrag", "AB-24-1190"), ("Lieferdatum", "24.10.2024")],
                subject="Rechnung GB-24-3307",
                intro="Sehr geehrter Herr Adler,\nvielen Dank für Ihren Auftrag. Wie vereinbart gewähren wir auf "
                "die Möbelpositionen einen Projektrabatt von 10 %.",
                payment="Zahlungsbedingungen: zahlbar bis {due} ohne Abzug. Die Ware bleibt bis zur vollständigen "
                "Bezahlung unser Eigentum.",
                closing=["Mit freundlichen Grüßen", "Grünwald Büromöbel GmbH"],
                footer_cols=[
                    ["Grünwald Büromöbel GmbH", "Sitz: München", "Amtsgericht München HRB 245118"],
                    ["Geschäftsführung:", "Claudia Grünwald"],
                    ["Bankverbindung", "IBAN DE89 7015 0000 1002 3344 55"],
                    ["USt-IdNr. DE198765432", "www.gruenwald-bueromoebel.example"],
                ],
            ),
        )
    )

    # 11 ---- Germany, Kleinunternehmer: no VAT id, no VAT, no due date, simple letter, serif
    add(
        Invoice(
            file="de_kleinunternehmer_brandt.pdf",
            language="de",
            locale="de-DE",
            layout="simple-letter/no-vat-id/no-due-date",
            render=render_simple,
            number="2024-017",
            date=dt.date(2024, 7, 9),
            due=None,
            vendor=Party(
                "Lena Brandt Fotografie", ["Körnerstraße 7", "50823 Köln"], extra=["Steuernummer 217/5081/4432"]
            ),
            buyer=Party("Café Morgenrot UG (haftungsbeschränkt)", ["Brüsseler Platz 3", "50672 Köln"]),
            currency="EUR",
            rate=D("0"),
            loc=Loc("eu", "{n} €", "dmy."),
            lab=lab(
                "de",
                number="Rechnungsnr.",
                date="Datum",
                desc="Leistung",
                qty="Anzahl",
                amount="Betrag",
                unit_price="Preis",
                subtotal="Zwischensumme",
                tax="USt. {rate} % (§ 19 UStG)",
                total="Gesamtbetrag",
            ),
            items=[
                I("Fotoshooting Speisekarte (halber Tag)", 1, "480.00"),
                I("Bildbearbeitung je Motiv", 24, "12.50"),
                I("Nutzungsrechte Web und Print, unbefristet", 1, "250.00"),
            ],
            opts=dict(
                family="serif",
                accent=(150, 90, 40),
                tagline="Food · Interior · Portrait",
                meta=[("Leistungsdatum", "02.07.2024")],
                intro="Liebe Frau Yilmaz,\nvielen Dank für den schönen Shooting-Tag im Café! Für meine Leistungen "
                "stelle ich Ihnen folgenden Betrag in Rechnung:",
                after=[
                    "Gemäß § 19 UStG wird keine Umsatzsteuer berechnet (Kleinunternehmerregelung).",
                    "Die bearbeiteten Bilder stehen Ihnen bereits in der Online-Galerie zum Download bereit. "
                    "Die eingeräumten Nutzungsrechte gelten ab Zahlungseingang.",
                    "Bitte überweisen Sie den Gesamtbetrag unter Angabe der Rechnungsnummer auf mein Konto "
                    "IBAN DE44 4306 0967 1234 5678 00.",
                ],
                signoff=["Herzliche Grüße", "Lena Brandt"],
                footer="Lena Brandt Fotografie · Körnerstraße 7 · 50823 Köln · hallo@lenabrandt.example",
            ),
        )
    )

    # 12 ---- Germany, wholesale, 2 pages with "Übertrag"
    parts = [
        ("NYM-J3x1,5", "Mantelleitung NYM-J 3x1,5 mm², Ring 50 m", 10, "Ring", "41.90"),
        ("NYM-J5x2,5", "Mantelleitung NYM-J 5x2,5 mm², Ring 50 m", 4, "Ring", "118.40"),
        ("H07V-K16", "Aderleitung H07V-K 16 mm² grün-gelb", 25, "m", "3.12"),
        ("SCH-UP-WS", "Schalterprogramm Wechselschalter reinweiß", 40, "Stk.", "4.85"),
        ("SD-UP-WS", "Schutzkontakt-Steckdose UP reinweiß", 60, "Stk.", "3.95"),
        ("RAH-1F", "Abdeckrahmen 1-fach reinweiß", 80, "Stk.", "1.35"),
        ("RAH-2F", "Abdeckrahmen 2-fach reinweiß", 30, "Stk.", "2.45"),
        ("UPD-60", "Geräte-Verbindungsdose 60 mm", 120, "Stk.", "0.62"),
        ("LS-B16", "Leitungsschutzschalter B16 1-polig", 24, "Stk.", "3.28"),
        ("LS-C32-3", "Leitungsschutzschalter C32 3-polig", 3, "Stk.", "19.75"),
        ("FI-40-30", "FI-Schutzschalter 40 A / 30 mA 4-polig", 4, "Stk.", "38.90"),
        ("VT-3R", "Kleinverteiler Aufputz 3-reihig", 2, "Stk.", "86.50"),
        ("KLS-2,5", "Verbindungsklemmen 2,5 mm² 5-fach, VE 50", 6, "VE", "12.40"),
        ("ROH-M20", "Installationsrohr M20 grau, 3 m", 50, "Stk.", "1.18"),
        ("KK-40x60", "Kabelkanal 40x60 mm reinweiß, 2 m", 12, "Stk.", "9.95"),
        ("SCH-6x35", "Spanplattenschrauben 6x35, VE 200", 3, "VE", "7.30"),
        ("DUE-6", "Nylondübel 6x30, VE 100", 5, "VE", "2.95"),
        ("LED-PAN", "LED-Panel 62x62 cm 36 W 4000 K", 16, "Stk.", "27.60"),
        ("LED-DL", "LED-Einbaustrahler 7 W dimmbar", 30, "Stk.", "11.85"),
        ("BWM-180", "Bewegungsmelder Aufputz 180°", 6, "Stk.", "17.40"),
        ("RM-10J", "Rauchwarnmelder 10-Jahres-Batterie", 12, "Stk.", "16.90"),
        ("PA-SCH", "Potentialausgleichsschiene", 2, "Stk.", "14.20"),
        ("ERD-BAND", "Erdungsband verzinkt 30x3,5 mm, 25 m", 1, "Rolle", "64.00"),
        ("NSH-63", "NH-Sicherungseinsatz Gr. 00 63 A", 6, "Stk.", "5.90"),
        ("ZAE-3P", "Drehstromzähler 3-phasig MID", 1, "Stk.", "189.00"),
        ("KAB-BIND", "Kabelbinder 4,8x300 schwarz, VE 100", 10, "VE", "4.15"),
        ("ISO-BAND", "Isolierband 19 mm x 20 m, sortiert", 20, "Stk.", "0.95"),
        ("WAGO-221", "Hebelklemmen 3-Leiter, VE 50", 4, "VE", "16.80"),
        ("CAT7-500", "Datenkabel Cat.7 S/FTP, Trommel 500 m", 1, "Stk.", "245.00"),
        ("RJ45-UP", "Netzwerkdose Cat.6A 2-fach UP", 14, "Stk.", "12.70"),
        ("PP-24", "Patchpanel 24 Port Cat.6A", 1, "Stk.", "79.00"),
        ("VERS", "Versandkostenpauschale", 1, "psch.", "18.50"),
    ]
    add(
        Invoice(
            file="de_multipage_elbtal.pdf",
            language="de",
            locale="de-DE",
            layout="multipage-carryover",
            render=render_multipage,
            number="ER-2025-004711",
            date=dt.date(2025, 3, 17),
            due=dt.date(2025, 4, 16),
            vendor=Party("Elbtal Elektrogroßhandel GmbH", ["Washingtonstraße 40", "01139 Dresden"], vat="DE276543198"),
            buyer=Party("Elektro Schubert e.K.", ["Inh. Frank Schubert", "Bautzner Straße 88", "01099 Dresden"]),
            currency="EUR",
            rate=D("0.19"),
            loc=Loc("eu", "{n} EUR", "dmy."),
            lab=lab(
                "de",
                unit="ME",
                unit_price="Preis EUR",
                amount="Betrag EUR",
                subtotal="Warenwert netto",
                tax="MwSt. {rate} %",
                total="Endbetrag",
                due="Zahlungsziel",
            ),
            items=[I(desc, qty, price, unit, code) for code, desc, qty, unit, price in parts],
            opts=dict(
                accent=(200, 40, 40),
                tagline="Elektrogroßhandel · Licht · Datentechnik · Photovoltaik",
                info=[("Kundennummer", "204518"), ("Lieferschein", "LS-25-019934"), ("Kommission", "BV Neustadt")],
                intro="Wir lieferten Ihnen gemäß Lieferschein LS-25-019934 vom 14.03.2025 folgende Waren und "
                "berechnen:",
                payment="Zahlbar bis {due} netto. Bei Zahlung innerhalb von 10 Tagen gewähren wir 2 % Skonto auf "
                "den Warenwert. Es gelten unsere Allgemeinen Geschäftsbedingungen.",
                closing=["Vielen Dank für Ihren Auftrag!"],
                footer_cols=[
                    ["Elbtal Elektrogroßhandel GmbH", "Washingtonstraße 40, 01139 Dresden"],
                    ["Geschäftsführer: Uwe Rehn", "Amtsgericht Dresden HRB 41123"],
                    ["Bankverbindung", "IBAN DE31 8505 0300 3120 0456 78"],
                    ["USt-IdNr. DE276543198", "www.elbtal-elektro.example"],
                ],
            ),
        )
    )

    # 13 ---- Switzerland, DIN-like letter + QR-bill slip, CHF 1'234.56, MWST 8.1 %
    add(
        Invoice(
            file="ch_treuhand_bergmann.pdf",
            language="de",
            locale="de-CH",
            layout="din5008-letter/swiss-qr-slip",
            render=render_din,
            number="24-1187",
            date=dt.date(2024, 9, 30),
            due=dt.date(2024, 10, 30),
            vendor=Party("Bergmann Treuhand AG", ["Seefeldstrasse 88", "8008 Zürich"], vat="CHE-109.876.543"),
            buyer=Party("Alpenrose Gastro GmbH", ["Bahnhofstrasse 5", "6300 Zug"]),
            currency="CHF",
            rate=D("0.081"),
            loc=Loc("ch", "CHF {n}", "dmy."),
            lab=lab(
                "de",
                unit_price="Ansatz",
                amount="Betrag",
                subtotal="Total exkl. MWST",
                tax="MWST {rate} %",
                total="Total inkl. MWST",
                number="Rechnung Nr.",
                date="Datum",
                due="Zahlbar bis",
            ),
            items=[
                I("Jahresabschluss 2023", 1, "2400.00", "psch."),
                I("Lohnbuchhaltung Q3 2024", 3, "180.00", "Mt."),
                I("MWST-Abrechnung Q2 2024", 1, "350.00", "psch."),
                I("Beratung Steuern", "2.25", "165.00", "Std."),
            ],
            opts=dict(
                accent=(200, 0, 0),
                brand="Bergmann Treuhand",
                due_in_info=True,
                letterhead=["Seefeldstrasse 88 · 8008 Zürich", "MWST-Nr.: CHE-109.876.543"],
                info=[("Kunde", "ALP-031")],
                subject="Rechnung 24-1187",
                intro="Sehr geehrte Damen und Herren\nFür unsere Leistungen im 3. Quartal 2024 erlauben wir uns, "
                "Ihnen Folgendes in Rechnung zu stellen:",
                payment="Zahlbar innert 30 Tagen mit beiliegendem Einzahlungsschein. Besten Dank.",
                closing=["Freundliche Grüsse", "Bergmann Treuhand AG"],
                qr_slip=True,
                iban="CH44 3199 9123 0008 8901 2",
                qr_ref="21 00000 00003 13947 14300 09017",
            ),
        )
    )

    # 14 ---- Austria, classic, "15. Jänner 2025", "€ 1.234,56", UID ATU...
    add(
        Invoice(
            file="at_tischlerei_pichler.pdf",
            language="de",
            locale="de-AT",
            layout="classic-grid",
            render=render_classic,
            number="2025/0007",
            date=dt.date(2025, 1, 15),
            due=dt.date(2025, 2, 14),
            vendor=Party(
                "Pichler & Stadlmann Tischlerei OG",
                ["Kärntner Straße 301", "8054 Graz", "Österreich"],
                vat="ATU68123457",
                extra=["UID-Nr.: ATU68123457"],
            ),
            buyer=Party("Gasthof Zur Linde", ["Familie Moser", "Hauptplatz 4", "8580 Köflach"]),
            currency="EUR",
            rate=D("0.20"),
            loc=Loc("eu", "€ {n}", "long_at"),
            lab=lab(
                "de",
                invoice="RECHNUNG",
                number="Rechnungsnummer",
                date="Rechnungsdatum",
                due="Zahlungsziel",
                bill_to="Kunde",
                amount="Betrag",
                tax="USt. {rate} %",
                total="Gesamtbetrag",
                subtotal="Summe netto",
            ),
            items=[
                I("Eckbank Eiche massiv nach Maß", 1, "2380.00"),
                I("Tisch Eiche 180x90 cm", 2, "1150.00"),
                I("Stühle Eiche gepolstert", 8, "265.00"),
                I("Montage vor Ort (Stunden)", 6, "62.00"),
            ],
            opts=dict(
                initials="PS",
                accent=(120, 80, 40),
                sym_in_table=True,
                meta=[("Kundennr.", "1043"), ("Angebot", "A-2024-188")],
                ship_to=["Gasthof Zur Linde – Gaststube", "Hauptplatz 4", "8580 Köflach"],
                notes=[
                    (
                        "Zahlungsbedingungen",
                        "Zahlbar innerhalb von 30 Tagen ohne Abzug. Bankverbindung: "
                        "IBAN AT61 2081 5000 1234 5678, BIC PSTGATG1XXX.",
                    ),
                    (
                        "Hinweis",
                        "Die Möbel wurden am 10. Jänner 2025 geliefert und montiert. Für Massivholz "
                        "empfehlen wir eine Pflege mit Naturöl zweimal pro Jahr.",
                    ),
                ],
                footer=[
                    "Pichler & Stadlmann Tischlerei OG · Kärntner Straße 301 · 8054 Graz · FN 412345m, "
                    "Landesgericht für ZRS Graz",
                    "Tel. +43 316 555 281 · office@pichler-stadlmann.example",
                ],
            ),
        )
    )

    # 15 ---- France, boxes layout, "5 mars 2024", "1 234,56 €"
    add(
        Invoice(
            file="fr_facture_atelier_lumiere.pdf",
            language="fr",
            locale="fr-FR",
            layout="boxed-header",
            render=render_boxes,
            number="F2024-0098",
            date=dt.date(2024, 3, 5),
            due=dt.date(2024, 4, 4),
            vendor=Party(
                "Atelier Lumière SARL",
                ["14 rue des Capucins", "69001 Lyon"],
                vat="FR47512345678",
                extra=[
                    "Tél. 04 78 55 01 23 · contact@atelier-lumiere.example",
                    "SIRET 512 345 678 00021",
                    "N° TVA intracommunautaire : FR47512345678",
                ],
            ),
            buyer=Party("Boulangerie Martin & Fils SAS", ["27 avenue Jean Jaurès", "69007 Lyon"]),
            currency="EUR",
            rate=D("0.20"),
            loc=Loc("fr", "{n} €", "long_fr"),
            lab=lab("fr"),
            items=[
                I("Conception graphique catalogue printemps", 1, "1850.00"),
                I("Retouche photo (par visuel)", 36, "15.00"),
                I("Impression épreuves couleur A3", 4, "22.50"),
                I("Livraison coursier Lyon", 1, "18.00"),
            ],
            opts=dict(
                accent=(40, 60, 140),
                meta=[("Réf. client", "BMF-2201")],
                net_row=True,
                after=[
                    "Règlement par virement bancaire à réception de facture, au plus tard le {due}. "
                    "IBAN FR76 3000 4012 3400 0101 2345 678 – BIC BNPAFRPPXXX.",
                    "Merci de rappeler le numéro de facture dans le libellé de votre virement.",
                ],
                legal="Atelier Lumière SARL au capital de 10 000 € – RCS Lyon 512 345 678 – Code APE 7410Z. "
                "En cas de retard de paiement, une pénalité égale à trois fois le taux d'intérêt légal sera "
                "exigible (article L441-10 du Code de commerce), ainsi qu'une indemnité forfaitaire pour frais "
                "de recouvrement de 40 €. Pas d'escompte pour paiement anticipé.",
            ),
        )
    )

    # 16 ---- France, grid form, two VAT rates (5,5 % books, 20 % others), narrow no-break spaces
    add(
        Invoice(
            file="fr_librairie_two_vat_rates.pdf",
            language="fr",
            locale="fr-FR",
            layout="grid-form/mixed-vat-rates",
            render=render_grid,
            number="LVP-24-1203",
            date=dt.date(2024, 11, 18),
            due=dt.date(2024, 12, 18),
            vendor=Party(
                "Librairie du Vieux Port SAS",
                ["22 quai de Rive-Neuve", "13007 Marseille"],
                vat="FR83498765432",
                extra=["SIRET 498 765 432 00017 – TVA FR83498765432", "Tél. 04 91 55 02 40"],
            ),
            buyer=Party(
                "Médiathèque municipale de Saint-Rémy",
                ["Service des acquisitions", "5 boulevard Mirabeau", "13210 Saint-Rémy-de-Provence"],
            ),
            currency="EUR",
            rate=D("0.055"),
            loc=Loc("fr_nbsp", "{n} €", "dmy/"),
            lab=lab("fr", client="Destinataire", unit_price="PU HT", amount="Montant HT", total="NET À PAYER"),
            items=[
                I("Romans rentrée littéraire, lot de 12", 3, "214.80", "lot", "978-LOT12", "0.055"),
                I("Albums jeunesse cartonnés", 25, "13.90", "ex.", "978-JEUN", "0.055"),
                I("Bandes dessinées, série complète", 2, "159.00", "lot", "978-BD", "0.055"),
                I("Housses de protection plastifiées", 60, "1.20", "pce", "FOUR-HP", "0.20"),
                I("Frais de port et emballage", 1, "24.00", "forf.", "PORT", "0.20"),
            ],
            opts=dict(
                accent=(120, 40, 110),
                boxes=lambda inv: [
                    ("Type", "Facture", 18),
                    ("Numéro", inv.number, 26),
                    ("Date", inv.d(inv.date), 20),
                    ("Code client", "MED-0412", 20),
                    ("Bon de commande", "BC 2024-311", 24),
                ],
                method="Mandat administratif – virement Trésor public",
                after=[
                    "TVA : 5,5 % sur les livres, 20 % sur les fournitures et le port.",
                    "Escompte pour paiement anticipé : néant. Pénalités de retard : taux BCE + 10 points. "
                    "Indemnité forfaitaire pour frais de recouvrement : 40 €.",
                ],
                footer="Librairie du Vieux Port SAS au capital de 20 000 € – RCS Marseille 498 765 432",
            ),
        )
    )

    # 17 ---- Netherlands, modern with band + zebra, dd-mm-yyyy, "€ 1.234,56"
    add(
        Invoice(
            file="nl_webshop_van_dijk.pdf",
            language="nl",
            locale="nl-NL",
            layout="modern-band",
            render=render_modern,
            number="2024-30117",
            date=dt.date(2024, 6, 21),
            due=dt.date(2024, 7, 5),
            vendor=Party(
                "Van Dijk Fietsonderdelen B.V.",
                ["Atoomweg 50", "3542 AB Utrecht"],
                vat="NL859123456B01",
                extra=["KvK 30123456", "BTW NL859123456B01"],
            ),
            buyer=Party("Fietsenmakerij De Spaak", ["t.a.v. Joost Verhoeven", "Oudegracht 201", "3511 NH Utrecht"]),
            currency="EUR",
            rate=D("0.21"),
            loc=Loc("eu", "€ {n}", "dmy-"),
            lab=lab("nl", invoice="FACTUUR"),
            items=[
                I("Binnenband 28 inch, hollands ventiel", 20, "3.95"),
                I("Kettingset 8-speed", 6, "18.50"),
                I("Remblokken V-brake (paar)", 15, "4.25"),
                I("Fietsbel aluminium, zwart", 10, "2.80"),
                I("Verzendkosten", 1, "6.95"),
            ],
            opts=dict(
                band=True,
                accent=(230, 110, 20),
                zebra=(246, 246, 246),
                tagline="Groothandel in fietsonderdelen",
                meta=[("Klantnummer", "DS-1187"), ("Bestelnummer", "WEB-559012"), ("Ordertype", "Webshop")],
                meta_right=True,
                headline="Te betalen: {total} vóór {due}",
                notes=[
                    "Wij verzoeken u het totaalbedrag vóór de vervaldatum over te maken op IBAN "
                    "NL91 ABNA 0417 1643 00 t.n.v. Van Dijk Fietsonderdelen B.V. onder vermelding van het "
                    "factuurnummer.",
                    "Op al onze leveringen zijn de algemene voorwaarden van toepassing, gedeponeerd bij de Kamer "
                    "van Koophandel. Retouren binnen 14 dagen na aanmelding via de webshop.",
                ],
                footer="Factuur {number} · pagina {page} van 1 · www.vandijk-fietsonderdelen.example",
            ),
        )
    )

    # 18 ---- Netherlands, monospaced ERP printout, ISO dates, amounts "EUR"
    add(
        Invoice(
            file="nl_erp_koeltransport.pdf",
            language="nl",
            locale="nl-NL",
            layout="mono-erp",
            render=render_mono,
            number="ZK-24-09118",
            date=dt.date(2024, 9, 12),
            due=dt.date(2024, 10, 12),
            vendor=Party(
                "Zeeland Koeltransport B.V.",
                ["Havenweg 14", "4382 NE Vlissingen", "Nederland"],
                vat="NL812345678B01",
                extra=["BTW-nr: NL812345678B01", "KvK-nr: 22065432"],
            ),
            buyer=Party(
                "Verse Oogst Groothandel B.V.",
                ["Marconistraat 19", "3029 AK Rotterdam"],
                extra=["BTW-nr: NL004455667B01"],
            ),
            currency="EUR",
            rate=D("0.21"),
            loc=Loc("eu", "EUR {n}", "iso"),
            lab=lab(
                "nl",
                number="Factuurnr.",
                date="Datum",
                due="Vervaldatum",
                bill_to="Debiteur",
                code="Code",
                unit_price="Prijs",
                total="TOTAAL TE BETALEN",
                subtotal="Totaal excl. BTW",
            ),
            items=[
                I("Rit Vlissingen - Rotterdam (koel)", 4, "385.00", code="RIT-K"),
                I("Wachttijd laden/lossen per uur", "3.5", "55.00", code="WT"),
                I("Tolkosten Westerscheldetunnel", 8, "6.10", code="TOL"),
                I("Brandstoftoeslag 6%", 1, "92.40", code="BST"),
            ],
            opts=dict(
                meta=[("Debiteurnr", "40117"), ("Valuta", "EUR")],
                pre=["Ritten week 36, opdrachtnummer VO-2024-3361.", ""],
                post=[
                    "Betaling binnen 30 dagen na factuurdatum op IBAN NL20 RABO 0123 4567 89",
                    "t.n.v. Zeeland Koeltransport B.V. o.v.v. factuurnummer.",
                    "",
                    "Op al onze werkzaamheden zijn de AVC 2002 van toepassing.",
                    "Temperatuurregistratie van alle ritten is op aanvraag beschikbaar.",
                    "Wachttijd boven 1 uur per laad- of losadres wordt per uur berekend.",
                    "Reclames binnen 8 dagen na factuurdatum schriftelijk melden.",
                    "",
                    "Afdrukdatum 2024-09-12 08:14  gebruiker: FACT02  pagina 1/1",
                ],
            ),
        )
    )

    # 19 ---- Spain, grid form, dd/mm/yyyy, "1.234,56 €"
    add(
        Invoice(
            file="es_factura_turia.pdf",
            language="es",
            locale="es-ES",
            layout="grid-form",
            render=render_grid,
            number="2024/0345",
            date=dt.date(2024, 5, 15),
            due=dt.date(2024, 6, 14),
            vendor=Party(
                "Soluciones Informáticas Turia S.L.",
                ["Calle de Colón 42, 3º", "46004 Valencia"],
                vat="ESB98765432",
                extra=["NIF-IVA: ESB98765432", "Tel. 963 55 01 88"],
            ),
            buyer=Party(
                "Clínica Veterinaria Albufera S.L.",
                ["Avenida del Puerto 150", "46023 Valencia"],
                extra=["NIF: B46112233"],
            ),
            currency="EUR",
            rate=D("0.21"),
            loc=Loc("eu", "{n} €", "dmy/"),
            lab=lab("es", client="Cliente", qty="Cant."),
            items=[
                I("Mantenimiento informático mensual (mayo)", 1, "320.00", "mes", "MANT-M"),
                I("Licencia antivirus, 1 año", 8, "29.90", "ud.", "LIC-AV"),
                I("Instalación de impresora en red", 1, "75.00", "ud.", "INST"),
                I("Horas de soporte in situ", 3, "45.00", "h", "SOP-H"),
            ],
            opts=dict(
                accent=(200, 90, 0),
                boxes=lambda inv: [
                    ("Documento", "Factura", 18),
                    ("Número de factura", inv.number, 26),
                    ("Fecha", inv.d(inv.date), 18),
                    ("Cód. cliente", "CLI-0219", 18),
                    ("Forma de pago", "Transferencia", 22),
                ],
                method="Transferencia a ES91 2100 0418 4502 0005 1332",
                after=[
                    "Los datos personales se tratan conforme al RGPD para la gestión de la relación comercial. "
                    "Puede ejercer sus derechos escribiendo a privacidad@turia-informatica.example."
                ],
                footer="Soluciones Informáticas Turia S.L. – Inscrita en el Registro Mercantil de Valencia, "
                "Tomo 9876, Folio 54, Hoja V-123456",
            ),
        )
    )

    # 20 ---- Spain, boxes layout, "12 de septiembre de 2024", unit price with 3 decimals
    add(
        Invoice(
            file="es_factura_graficas_triana.pdf",
            language="es",
            locale="es-ES",
            layout="boxed-header",
            render=render_boxes,
            number="FT-2024-0871",
            date=dt.date(2024, 9, 12),
            due=dt.date(2024, 10, 12),
            vendor=Party(
                "Gráficas Triana Impresores S.L.",
                ["Calle Pagés del Corro 90", "41010 Sevilla"],
                vat="ESB41234567",
                extra=["NIF: ESB41234567", "Tel. 954 55 03 21 · pedidos@graficastriana.example"],
            ),
            buyer=Party(
                "Asociación Cultural La Giralda", ["Calle Mateos Gago 12", "41004 Sevilla"], extra=["NIF: G41998877"]
            ),
            currency="EUR",
            rate=D("0.21"),
            loc=Loc("eu", "{n} €", "long_es"),
            lab=lab("es", number="Nº de factura"),
            items=[
                I("Impresión folletos A5 a color", 2000, "0.085"),
                I("Carteles A3 papel estucado", 150, "0.90"),
                I("Diseño y maquetación", 1, "180.00"),
                I("Entrega a domicilio en Sevilla", 1, "12.00"),
            ],
            opts=dict(
                accent=(150, 30, 30),
                meta=[("Pedido", "PED-2024-144")],
                after=[
                    "Forma de pago: transferencia bancaria antes del {due} a la cuenta ES12 0049 1500 0512 3456 7892.",
                    "Trabajo entregado el 10 de septiembre de 2024. Gracias por su confianza.",
                ],
                legal="Gráficas Triana Impresores S.L. · Inscrita en el Registro Mercantil de Sevilla, Tomo 4321, "
                "Folio 87, Hoja SE-65432 · De conformidad con el RGPD, sus datos se utilizarán únicamente "
                "para la gestión de este pedido.",
            ),
        )
    )

    # 21 ---- Italy, grid form, dd/mm/yyyy, "€ 1.234,56", "Fattura n. 143/2024"
    add(
        Invoice(
            file="it_fattura_colombo.pdf",
            language="it",
            locale="it-IT",
            layout="grid-form",
            render=render_grid,
            number="143/2024",
            date=dt.date(2024, 3, 5),
            due=dt.date(2024, 4, 4),
            vendor=Party(
                "Ferramenta Colombo S.r.l.",
                ["Via Giuseppe Meda 31", "20141 Milano (MI)"],
                vat="IT07654321098",
                extra=["P.IVA e C.F. IT07654321098", "Tel. 02 5550 1470 · PEC colombo@pec.example"],
            ),
            buyer=Party(
                "Impresa Edile Bianchi & C. S.n.c.", ["Via Roma 77", "20090 Assago (MI)"], extra=["P.IVA 03344556677"]
            ),
            currency="EUR",
            rate=D("0.22"),
            loc=Loc("eu", "€ {n}", "dmy/"),
            lab=lab("it"),
            items=[
                I("Trapano avvitatore 18V con 2 batterie", 2, "189.00", "pz", "TR-18V2"),
                I("Set punte HSS 19 pezzi", 3, "24.50", "pz", "PU-HSS19"),
                I("Guanti da lavoro antitaglio (paio)", 20, "6.80", "pa", "GU-AT"),
                I("Silicone sigillante trasparente", 12, "5.40", "pz", "SIL-TR"),
                I("Tasselli nylon 8 mm, conf. 100", 5, "7.90", "cf", "TAS-8"),
            ],
            opts=dict(
                accent=(0, 110, 60),
                boxes=lambda inv: [
                    ("Tipo documento", "Fattura", 20),
                    ("Numero", inv.number, 18),
                    ("Data", inv.d(inv.date), 18),
                    ("Cod. cliente", "000318", 16),
                    ("Pagamento", "Bonifico 30 gg d.f.", 28),
                ],
                method="Bonifico bancario IBAN IT60 X054 2811 1010 0000 0123 456",
                after=[
                    "Copia di cortesia: il documento in formato elettronico è stato trasmesso tramite il "
                    "Sistema di Interscambio (SdI). Codice destinatario M5UXCR1."
                ],
                footer="Ferramenta Colombo S.r.l. – Capitale sociale € 50.000 i.v. – REA MI-1923456",
            ),
        )
    )

    # 22 ---- Italy, simple letter (professional), "20 gennaio 2025"
    add(
        Invoice(
            file="it_parcella_studio_rossi.pdf",
            language="it",
            locale="it-IT",
            layout="simple-letter",
            render=render_simple,
            number="FT-2025/027",
            date=dt.date(2025, 1, 20),
            due=dt.date(2025, 2, 19),
            vendor=Party(
                "Studio Tecnico Rossi & Associati",
                ["Via dell'Indipendenza 24", "40121 Bologna"],
                vat="IT02345678901",
                extra=["P.IVA IT02345678901"],
            ),
            buyer=Party(
                "Condominio Via Saragozza 112", ["c/o Amministrazioni Ferri", "Via Saragozza 112", "40123 Bologna"]
            ),
            currency="EUR",
            rate=D("0.22"),
            loc=Loc("eu", "€ {n}", "long_it"),
            lab=lab(
                "it",
                invoice="Fattura",
                to="Spett.le",
                number="Fattura n.",
                date="Data",
                due="Scadenza",
                desc="Prestazione",
                subtotal="Imponibile",
                total="Totale fattura",
            ),
            items=[
                I("Redazione APE per singola unità", 6, "120.00"),
                I("Sopralluogo tecnico", 2, "90.00"),
                I("Pratica catastale variazione", 1, "380.00"),
            ],
            opts=dict(
                accent=(30, 70, 120),
                family="serif",
                tagline="Ingegneria civile ed energetica",
                intro="Con la presente Vi trasmettiamo la fattura relativa alle prestazioni professionali svolte "
                "nel mese di gennaio 2025 per le unità immobiliari del Condominio, come da incarico del "
                "12 dicembre 2024.",
                after=[
                    "Pagamento mediante bonifico entro il {due} su IBAN IT40 S030 6902 4871 0000 0012 345 "
                    "intestato a Studio Tecnico Rossi & Associati.",
                    "Documento emesso anche in formato elettronico e trasmesso tramite SdI.",
                ],
                signoff=["Distinti saluti", "Ing. Paolo Rossi"],
                footer="Studio Tecnico Rossi & Associati · studio@rossi-ingegneri.example · Tel. 051 555 0199",
            ),
        )
    )

    # 23 ---- Sweden, classic, ISO dates, "1 234,56 kr", Moms 25 %
    add(
        Invoice(
            file="se_faktura_fjallstrom.pdf",
            language="sv",
            locale="sv-SE",
            layout="classic-grid",
            render=render_classic,
            number="40231",
            date=dt.date(2024, 11, 4),
            due=dt.date(2024, 12, 4),
            vendor=Party(
                "Fjällström Byggkonsult AB",
                ["Första Långgatan 18", "413 27 Göteborg"],
                vat="SE556712345601",
                extra=["Org.nr 556712-3456", "Momsreg.nr SE556712345601"],
            ),
            buyer=Party("Bostadsrättsföreningen Solrosen", ["Att: Styrelsen", "Vasagatan 9", "411 24 Göteborg"]),
            currency="SEK",
            rate=D("0.25"),
            loc=Loc("se", "{n} kr", "iso"),
            lab=lab("sv"),
            items=[
                I("Konsultarvode projektering stambyte", 24, "950.00"),
                I("Besiktning på plats", 1, "4500.00"),
                I("Resekostnader", 1, "680.00"),
            ],
            opts=dict(
                initials="FB",
                accent=(0, 80, 140),
                family="sans",
                logo=True,
                meta=[("Kundnummer", "1107"), ("Er referens", "Anna Berg"), ("Betalningsvillkor", "30 dagar")],
                notes=[
                    (
                        "Betalning",
                        "Betala till bankgiro 5555-0142 och ange OCR-nummer 4023118 vid betalning. "
                        "Vid försenad betalning debiteras dröjsmålsränta enligt räntelagen.",
                    ),
                    (
                        "Övrigt",
                        "Arvodet avser projektering av stambyte i etapp 1 enligt avtal daterat "
                        "2024-08-20. Tidrapport för oktober bifogas separat som PDF-fil. Besiktningen genomfördes "
                        "den 15 oktober tillsammans med styrelsen. Innehar F-skattsedel.",
                    ),
                ],
                footer=[
                    "Fjällström Byggkonsult AB · Första Långgatan 18 · 413 27 Göteborg · Styrelsens säte: Göteborg",
                    "Tel. 031-555 01 77 · info@fjallstrom-bygg.example · Bankgiro 5555-0142",
                ],
            ),
        )
    )

    # 24 ---- India, GST tax invoice, "05-Mar-2024", lakh grouping, CGST + SGST
    add(
        Invoice(
            file="in_gst_sahyadri.pdf",
            language="en",
            locale="en-IN",
            layout="gst-tax-invoice",
            render=render_gst,
            number="STS/24-25/0187",
            date=dt.date(2024, 4, 5),
            due=dt.date(2024, 5, 5),
            vendor=Party(
                "Sahyadri Tech Solutions Pvt. Ltd.",
                ["Office 402, Baner Business Bay", "Baner Road, Pune 411045", "Maharashtra, India"],
                vat="27AAKCS4821M1Z3",
                extra=["GSTIN/UIN: 27AAKCS4821M1Z3", "State Name: Maharashtra, Code: 27", "PAN: AAKCS4821M"],
            ),
            buyer=Party(
                "Konkan Textiles Pvt. Ltd.",
                ["Unit 12, Kamala Mills Compound", "Lower Parel, Mumbai 400013"],
                extra=["GSTIN/UIN: 27AADCK7310Q1ZP", "State Name: Maharashtra, Code: 27"],
            ),
            currency="INR",
            rate=D("0.18"),
            loc=Loc("in", "₹{n}", "d-Mon-y"),
            lab=lab("en_us"),
            tax_split=[("CGST @ 9%", D("0.09")), ("SGST @ 9%", D("0.09"))],
            items=[
                I("Annual maintenance contract, ERP", 1, "120000.00", code="998313"),
                I("Cloud hosting (12 months)", 12, "4500.00", code="998315"),
                I("On-site training (days)", 3, "8000.00", code="999293"),
            ],
            opts=dict(
                meta=[
                    ("Place of Supply", "Maharashtra (27)"),
                    ("Buyer's Order No.", "KT/PO/2024/052"),
                    ("Terms of Payment", "30 days"),
                ],
                after=[
                    "Declaration: We declare that this invoice shows the actual price of the services described "
                    "and that all particulars are true and correct.",
                    "Bank: Deccan Mercantile Bank, Baner Branch, A/c No. 50200012345678, IFSC DMBK0001234. "
                    "Subject to Pune jurisdiction.",
                ],
            ),
        )
    )
    return out


# --------------------------------------------------------------------------- special files


def scanned_image():
    """A raster image of an invoice (A4 at 150 dpi), slightly rotated, with speckle noise."""
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    W, H = 1240, 1754
    img = Image.new("L", (W, H), 255)
    draw = ImageDraw.Draw(img)
    regular, bold = FONT_PATHS["DejaVuSans"][""], FONT_PATHS["DejaVuSans"]["B"]

    def font(size, b=False):
        return ImageFont.truetype(str(bold if b else regular), size)

    draw.text((110, 110), "Pemberton & Shaw Plumbing Ltd", font=font(36, True), fill=20)
    for i, line in enumerate(["18 Coldharbour Lane, Sheffield S1 2GH", "VAT Reg. GB 402 7781 56", "Tel 0114 496 0321"]):
        draw.text((110, 170 + i * 34), line, font=font(24), fill=50)
    draw.text((1130, 100), "INVOICE", font=font(52, True), fill=20, anchor="ra")
    for i, (k, v) in enumerate([("Invoice no.", "PS-2291"), ("Date", "02/05/2024"), ("Due", "01/06/2024")]):
        draw.text((820, 190 + i * 36), k, font=font(24, True), fill=40)
        draw.text((990, 190 + i * 36), v, font=font(24), fill=40)
    draw.text((110, 340), "Invoice to:", font=font(24, True), fill=40)
    for i, line in enumerate(["Mrs Eleanor Whitfield", "7 Beech Grove", "Sheffield S10 3QT"]):
        draw.text((110, 378 + i * 34), line, font=font(26), fill=30)
    y = 540
    draw.rectangle((110, y, 1130, y + 50), fill=225, outline=60, width=2)
    for x, text in ((125, "Description"), (700, "Qty"), (820, "Unit price"), (1010, "Amount")):
        draw.text((x, y + 12), text, font=font(24, True), fill=20)
    rows = [
        ("Replace combi boiler pump", "1", "145.00", "145.00"),
        ("Labour (hours)", "3", "48.00", "144.00"),
        ("Copper fittings and sundries", "1", "36.50", "36.50"),
    ]
    for r, row in enumerate(rows):
        yy = y + 50 + r * 50
        draw.rectangle((110, yy, 1130, yy + 50), outline=90, width=1)
        draw.text((125, yy + 12), row[0], font=font(24), fill=30)
        for x, text in ((720, row[1]), (840, row[2]), (1020, row[3])):
            draw.text((x, yy + 12), text, font=font(24), fill=30)
    yy = y + 50 + len(rows) * 50 + 30
    for i, (k, v) in enumerate([("Subtotal", "£325.50"), ("VAT 20%", "£65.10"), ("Total", "£390.60")]):
        draw.text((800, yy + i * 40), k, font=font(26, i == 2), fill=20)
        draw.text((1010, yy + i * 40), v, font=font(26, i == 2), fill=20)
    draw.text(
        (110, yy + 200), "Payment by bank transfer to sort code 30-94-12, account 21190054.", font=font(22), fill=60
    )
    draw.text((110, yy + 236), "Thank you for your custom.", font=font(22), fill=60)
    rng = random.Random(20240502)
    img = img.rotate(0.8, resample=Image.Resampling.BICUBIC, fillcolor=255)
    px = img.load()
    for _ in range(6000):
        x, y = rng.randrange(W), rng.randrange(H)
        px[x, y] = rng.randrange(90, 200)
    img = img.filter(ImageFilter.GaussianBlur(0.7))
    img = img.point(lambda v: min(255, int(v * 0.97) + 4))
    return img


def write_scanned(path: Path):
    pdf = FPDF(unit="mm", format="A4")
    pdf.set_creation_date(FIXED_TIME)
    pdf.set_creator("docsieve scripts/make_sample_docs.py (image only)")
    pdf.add_page()
    pdf.image(scanned_image(), x=0, y=0, w=210, h=297)
    pdf.output(str(path))


def write_corrupt(path: Path):
    """A 'truncated download': a valid-looking PDF start, then random bytes, no xref, no trailer, no %%EOF."""
    rng = random.Random(4711)
    head = (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
        b"2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n"
        b"3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Contents 4 0 R >>\nendobj\n"
        b"4 0 obj\n<< /Length 4817 /Filter /FlateDecode >>\nstream\n"
    )
    path.write_bytes(head + bytes(rng.randrange(256) for _ in range(900)))


README = """\
# sample_docs — golden sample invoices

Generated test and demo inputs for docsieve: {n} invoice PDFs with a text layer, two
intentionally bad files, and the ground truth.

## Files

- `*.pdf` (except the two below) — invoices with a text layer, one per line in `truth.jsonl`.
  Languages en (US, UK, IE, IN), de (DE, AT, CH), fr, nl, es, it, sv; currencies USD, GBP,
  EUR, CHF, SEK, INR; many date and number formats and layouts (see the table below).
- `truth.jsonl` — ground truth, same format as `/work/shared/data/*/truth.jsonl`:
  `{{"file", "fields", "language", "locale", "layout", "pages"}}`. `fields` has
  invoice_number, invoice_date, due_date, vendor_name, vendor_vat_id, buyer_name, currency,
  subtotal, tax_total, total, line_items (description, quantity, unit_price, line_total).
  Dates are ISO `YYYY-MM-DD`, amounts are numbers, `null` means the value is not on the
  document (no due date, no VAT id). All truth strings occur verbatim in pypdf's text.
- **Intentionally bad** (no truth line):
  - `corrupt.pdf` — starts with a `%PDF-1.4` header, then random bytes (a truncated
    download): no xref, no trailer, no `%%EOF`. pypdf cannot parse it.
  - `scanned.pdf` — one page that is only a raster image of an invoice (Pemberton & Shaw
    Plumbing Ltd, PS-2291, total £390.60); no text layer, `extract_text()` returns "".

## Invoices

| file | language | layout | pages |
|---|---|---|---|
{table}

## Things that are tricky on purpose

- Ambiguous numeric dates: `us_consulting_calder_pine.pdf` prints `11/08/2024` (US,
  8 November); the UK/IE/ES/IT/FR files print day first (`05/03/2024` = 5 March).
- Number formats: `1,234.56`, `1.234,56`, `1 234,56` (with U+00A0 no-break spaces in
  `fr_librairie_two_vat_rates.pdf`), Swiss `1'234.56`, Indian lakh grouping `1,98,000.00`,
  a unit price with three decimals (`0,085` in `es_factura_graficas_triana.pdf`).
- Long dates in six languages, including Austrian `15. Jänner 2025`.
- `de_din_discount_gruenwald.pdf`: the discount is a negative line item in the table, so
  the line items (including the discount) sum to the subtotal.
- `de_kleinunternehmer_brandt.pdf`: no VAT id (only a German tax number, which is not a VAT
  id), 0 % VAT (`tax_total` 0.0), no due date.
- `uk_credit_note_tidewater.pdf`: a credit note with positive amounts; it also names the
  original invoice number (`INV-77315`), which is not the document's number. No due date.
- `de_multipage_elbtal.pdf`: 2 pages; the items continue on page 2, with "Übertrag"
  (carried forward) amounts that are not the subtotal.
- `fr_librairie_two_vat_rates.pdf`: two VAT rates (5,5 % and 20 %); `tax_total` is their sum.
- `in_gst_sahyadri.pdf`: tax is CGST 9 % + SGST 9 %; `tax_total` is their sum.
- `ch_treuhand_bergmann.pdf`: a Swiss QR-bill style payment slip at the bottom repeats the
  total with a space as thousands separator (`3 957.81`) and names vendor and buyer again; the
  "QR code" is a decorative pattern, not a readable code.
- DIN 5008 letters print the vendor name in the small sender line above the buyer's address;
  the buyer's address is the most prominent block on the page.
- Vendor names, addresses, VAT ids, IBANs and phone numbers are made up; VAT ids follow each
  country's format but are not registered numbers.

## How they were made

`python scripts/make_sample_docs.py` (fpdf2, Pillow, pypdf; DejaVu fonts from the system or
from matplotlib). The script is deterministic; it rewrites this folder and then checks every
invoice with pypdf (`python scripts/make_sample_docs.py --check` only checks).

## License

Generated by this project; Apache-2.0, like the rest of docsieve. All companies, people,
addresses and numbers are fictitious.
"""


def generate(out: Path) -> list[Invoice]:
    out.mkdir(parents=True, exist_ok=True)
    invs = invoices()
    names = [i.file for i in invs]
    if len(set(names)) != len(names):
        raise SystemExit("duplicate file names")
    for inv in invs:
        doc = Doc(inv, fmt=inv.opts.get("fmt", "A4"), family=inv.opts.get("family", "sans"))
        inv.render(doc, inv)
        inv.pages = doc.page_no()
        doc.output(str(out / inv.file))
    write_corrupt(out / "corrupt.pdf")
    write_scanned(out / "scanned.pdf")
    with open(out / "truth.jsonl", "w", encoding="utf-8") as fh:
        for inv in invs:
            fh.write(json.dumps(inv.truth(), ensure_ascii=False) + "\n")
    table = "\n".join(f"| `{i.file}` | {i.locale} | {i.layout} | {i.pages} |" for i in invs)
    (out / "README.md").write_text(README.format(n=len(invs), table=table), encoding="utf-8")
    return invs


# --------------------------------------------------------------------------- check


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def amount_renderings(value, decimals=(2, 3)) -> set[str]:
    value = abs(D(str(value)))
    out = set()
    for style in NUM_STYLES:
        for dec in decimals:
            if dec == 3 and value == money(value):
                continue
            out.add(fmt_num(value, style, dec))
    if value == value.to_integral_value():
        out |= {fmt_num(value, s, 0) for s in NUM_STYLES}
    out |= {fmt_qty(value, s) for s in ("us", "eu")}
    return {_norm(s) for s in out}


def _found(candidates: set[str], text: str) -> bool:
    for cand in candidates:
        if re.search(r"(?<!\d)(?<!\d[.,'])" + re.escape(cand) + r"(?!\d)(?![.,']\d)", text):
            return True
    return False


CURRENCY_SIGNS = {
    "EUR": ["€", "EUR"],
    "USD": ["$", "USD"],
    "GBP": ["£", "GBP"],
    "CHF": ["CHF"],
    "SEK": ["kr", "SEK"],
    "INR": ["₹", "INR", "Rs."],
}


def check(out: Path) -> int:
    import logging

    from pypdf import PdfReader

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # corrupt.pdf is supposed to make it complain
    problems: list[str] = []
    rows = [json.loads(line) for line in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines() if line]
    try:
        sys.path.insert(0, str(ROOT))
        from schemas.invoice import InvoiceFields  # type: ignore
    except Exception:  # noqa: BLE001 - the project schema is optional here
        InvoiceFields = None
    print(f"{'file':<38} {'lang':<5} {'pages':>5} {'chars':>6} {'words':>6}")
    for row in rows:
        name, f = row["file"], row["fields"]
        reader = PdfReader(str(out / name))
        raw = "\n".join(page.extract_text() or "" for page in reader.pages)
        text = _norm(raw)
        lines = [_norm(line) for line in raw.splitlines()]

        def bad(msg, name=name):
            problems.append(f"{name}: {msg}")

        if len(reader.pages) != row["pages"]:
            bad(f"{len(reader.pages)} pages, truth says {row['pages']}")
        if "multipage" in row["layout"] and len(reader.pages) != 2:
            bad("the multi-page invoice must have 2 pages")
        for key in ("invoice_number", "vendor_name", "buyer_name", "vendor_vat_id"):
            if f[key] is not None and _norm(f[key]) not in text:
                bad(f"{key} {f[key]!r} not in text")
        for key in ("invoice_date", "due_date"):
            if f[key] is not None and not any(
                r in text for r in date_renderings(dt.date.fromisoformat(f[key]), row["locale"])
            ):
                bad(f"{key} {f[key]} not printed in any known format")
        for key in ("subtotal", "tax_total", "total"):
            if not _found(amount_renderings(f[key]), text):
                bad(f"{key} {f[key]} not printed")
        if not any(s in text for s in CURRENCY_SIGNS[f["currency"]]):
            bad(f"currency {f['currency']} not visible")
        lines_sum = D(0)
        for li in f["line_items"]:
            desc = _norm(li["description"])
            if desc not in text:
                bad(f"description {desc!r} not in text")
            elif not any(desc in line and _found(amount_renderings(li["line_total"]), line) for line in lines):
                bad(f"description {desc!r} and its amount {li['line_total']} are not on one extracted line")
            for key in ("quantity", "unit_price", "line_total"):
                if not _found(amount_renderings(li[key]), text):
                    bad(f"line {desc!r}: {key} {li[key]} not printed")
            q, p, t = (D(str(li[k])) for k in ("quantity", "unit_price", "line_total"))
            if money(q * p) != t:
                bad(f"line {desc!r}: {q} x {p} != {t}")
            lines_sum += t
        sub, tax, tot = (D(str(f[k])) for k in ("subtotal", "tax_total", "total"))
        if money(lines_sum) != sub:
            bad(f"line totals {lines_sum} != subtotal {sub}")
        if sub + tax != tot:
            bad(f"subtotal + tax {sub + tax} != total {tot}")
        if InvoiceFields is not None:
            for rule in InvoiceFields(**f).business_rules():
                bad(f"business rule: {rule}")
        words = len(text.split())
        long_ok = "many-items" in row["layout"] or "multipage" in row["layout"]
        if not 150 <= words <= (900 if long_ok else 450):
            bad(f"{words} words, outside the 150-450 target")
        print(f"{name:<38} {row['language']:<5} {len(reader.pages):>5} {len(text):>6} {words:>6}")
    # the intentionally bad files
    try:
        reader = PdfReader(str(out / "corrupt.pdf"))
        _ = [p.extract_text() for p in reader.pages]
        problems.append("corrupt.pdf: pypdf parsed it")
    except Exception as exc:  # noqa: BLE001
        print(f"{'corrupt.pdf':<38} {'-':<5} {'-':>5} {'-':>6} {'-':>6}  ({type(exc).__name__}: {exc})")
    if not (out / "corrupt.pdf").read_bytes().startswith(b"%PDF-1.4"):
        problems.append("corrupt.pdf: no %PDF-1.4 header")
    reader = PdfReader(str(out / "scanned.pdf"))
    scanned_text = "".join(p.extract_text() or "" for p in reader.pages)
    if len(reader.pages) != 1 or scanned_text.strip() or not reader.pages[0].images:
        problems.append(
            f"scanned.pdf: expected 1 image-only page, got {len(reader.pages)} pages, text {scanned_text[:40]!r}"
        )
    print(f"{'scanned.pdf':<38} {'-':<5} {len(reader.pages):>5} {len(scanned_text.strip()):>6} {0:>6}  (image only)")
    listed = {r["file"] for r in rows} | {"corrupt.pdf", "scanned.pdf"}
    for pdf in sorted(out.glob("*.pdf")):
        if pdf.name not in listed:
            problems.append(f"{pdf.name}: PDF without a truth line")
    if problems:
        print(f"\n{len(problems)} problem(s):")
        for p in problems:
            print("  -", p)
        return 1
    print(f"\nOK: {len(rows)} invoices checked{' (incl. project business rules)' if InvoiceFields else ''}.")
    return 0


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=str(ROOT / "sample_docs"), help="output folder (default: sample_docs/)")
    parser.add_argument("--check", action="store_true", help="only check an existing folder")
    parser.add_argument("--font-dir", help="folder with DejaVuSans.ttf and friends")
    args = parser.parse_args(argv)
    out = Path(args.out)
    if not args.check:
        FONT_PATHS.update(find_fonts(args.font_dir))
        invs = generate(out)
        print(f"wrote {len(invs)} invoices, corrupt.pdf, scanned.pdf, truth.jsonl and README.md to {out}\n")
    return check(out)


if __name__ == "__main__":
    sys.exit(main())

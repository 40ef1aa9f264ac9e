"""Deterministic finders: every date, amount, code and name-like span in a text, normalised, with its position.

The small model is weak at copying numbers and dates but decent at choosing among options; code is the
reverse. These finders give the model options to choose from and give routing an independent second opinion.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
import re
from dataclasses import dataclass, replace
from typing import Any

from schemas import lexicon
from schemas.invoice import ISO_CURRENCIES


@dataclass
class Candidate:
    """One value found in the text: `text` as printed, `value` normalised, `line` its line number."""

    value: Any
    text: str
    line: int
    start: int  # offset within its line
    score: float = 0.0
    label_evidence: float | None = None  # the part of `score` its labels gave, before the priors of position


# Greek capitals drop their accents: "ΣΥΝΟΛΟ ΠΛΗΡΩΤΕΟ" is "Σύνολο πληρωτέο"
_GREEK_ACCENTS = str.maketrans("άέήίόύώϊϋ", "αεηιουωιυ")


def fold(text: str) -> str:
    """Text in the form labels are matched in: casefolded, with Turkish dotted and dotless i as plain i, so that a
    capital "ALICI" reads as "alıcı" and "İ" keeps its one character (its casefold adds a combining dot), and Greek
    without its accents."""
    return text.replace("İ", "i").casefold().replace("ı", "i").translate(_GREEK_ACCENTS)


# Arabic and Hebrew words (and their presentation forms, as pypdf gives a shaped caption back)
_RTL = r"[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]+"
_RTL_WORDS = re.compile(rf"\s*{_RTL}(?:\s+{_RTL})*")


def _without_rtl_caption(line: str) -> str:
    """A bilingual caption's Arabic or Hebrew half beside its Latin half ("Buyer ﺍﻟﻤﺸﺘﺮﻱ", "Al-Nakheel Industrial
    Supplies Co. ﺷﺮﻛﺔ ﺍﻟﻨﺨﻴﻞ …") is dropped, so the label stands alone as a heading and the name ends; a line
    in those scripts alone is kept."""
    if not re.search(r"[A-Za-z]", line) or not _RTL_WORDS.search(line):
        return line
    return _RTL_WORDS.sub("", line).strip()


def _with_vertical_words(lines: list[str]) -> list[str]:
    """A word printed downwards, a letter a line ("S" / "U" / … / "R" of a Korean tax invoice's "SUPPLIER" box, or
    "공" / "급" / "자"), is read as that word on its last line, as a heading over the block beside it; the lines
    before it go blank, so the lines keep their numbers. Capitals, four or more; or three letters of a script
    without case, each a syllable."""
    out = list(lines)
    k = 0
    while k < len(out):
        end = k
        while end < len(out) and re.fullmatch(r"[^\W\d_]", out[end]) and (
                out[end].isupper() or out[end].upper() == out[end].lower()):
            end += 1
        if end - k >= (4 if out[k].isupper() else 3) and len(set(out[k:end])) > 1:
            word = "".join(out[k:end])
            out[k:end] = [""] * (end - k - 1) + [word]
        k = max(end, k + 1)
    return out


class TextIndex:
    """A document's text split into lines once, shared by all finders."""

    def __init__(self, text: str):
        self.text = text
        raw = text.splitlines()
        self.lines = _with_vertical_words([_without_rtl_caption(ln.strip()) for ln in raw])
        # where each stripped line began: a column's values line up with its header only counting the indent
        self.indents = [len(ln) - len(ln.lstrip()) for ln in raw]
        self.lower = [fold(ln) for ln in self.lines]

    @functools.cached_property
    def flat(self) -> str:
        """The text casefolded on one line, for counting a name that may be printed over two."""
        return " ".join(self.text.casefold().split())

    @functools.cached_property
    def tax_breakdown(self) -> list[tuple[Candidate, Candidate]]:
        """`find_tax_breakdown`, once per document: every tax and basis field reads it."""
        return find_tax_breakdown(self)

    @functools.cached_property
    def table_rows(self) -> list["RowCandidate"]:
        """`find_table_rows` (priced rows), once per document: the items field and the subtotal's check read it."""
        return find_table_rows(self)

    @functools.cached_property
    def row_lines(self) -> frozenset[int]:
        """The lines that print a priced row's figures."""
        return frozenset(row.line for row in self.table_rows)

    @functools.cached_property
    def currency_codes(self) -> frozenset[str]:
        """The currencies the page prints (`find_currencies`), read once for the number-style checks below."""
        return frozenset(c.value for c in find_currencies(self))

    @functools.cached_property
    def three_decimal_sep(self) -> str | None:
        """The decimal separator of a page in a currency of three decimals that writes its amounts so ("1,575.000",
        "9 281,892"): "." or ","; None on other pages. There "9.850" is 9.85, never 9850."""
        if not self.currency_codes & THREE_DECIMAL_CURRENCIES:
            return None
        counts = {sep: len(pattern.findall(self.text)) for sep, pattern in _THREE_DECIMALS.items()}
        sep = max(counts, key=counts.get)
        cents = len(_DOT_CENTS.findall(self.text)) + len(_COMMA_CENTS.findall(self.text))
        return sep if counts[sep] >= 2 and counts[sep] > 2 * counts[{".": ",", ",": "."}[sep]] + cents else None

    @functools.cached_property
    def dot_groups_thousands(self) -> bool:
        """Whether "139.850" on this page is 139 850, not 139.85: the page writes its cents after a comma only
        ("1.234,56", never "1,234.56"), or prints a currency that has no cents (ISO 4217: ISK, JPY, VND …)."""
        if _DOT_CENTS.search(self.text) or self.three_decimal_sep:
            return False
        return bool(_COMMA_CENTS.search(self.text)) or self.whole_amounts

    @functools.cached_property
    def row_decimal_sep(self) -> str | None:
        """The decimal separator a table row's numbers are read by, where the page settles it: a three-decimal
        currency's (`three_decimal_sep`); "." where the page groups thousands with commas and writes no fraction
        after one ("9,069.83", never "12,50": a row's "1,245" gallons are 1245, "7.285" a price); "," where it writes
        cents after commas only and its amounts are not whole ("4.704,00": "1.200 u. 3,920" is 1200 at 3.92)."""
        if self.three_decimal_sep:
            return self.three_decimal_sep
        if self.comma_groups_thousands and not _COMMA_CENTS.search(self.text):
            return "."
        if self.dot_groups_thousands and not (self.whole_amounts or self.only_whole_currencies):
            return ","
        return None

    @functools.cached_property
    def comma_groups_thousands(self) -> bool:
        """Whether the page groups thousands with commas ("3,074.16"): then a space parts two numbers ("1 136.16" is
        a count of 1 and 136.16), and groups no thousands."""
        return _COMMA_GROUPED_CENTS.search(self.text) is not None

    @functools.cached_property
    def whole_amounts(self) -> bool:
        """Whether this page prints its amounts whole, grouped in thousands by a dot or a comma ("¥274,800",
        "Rp 44.525.000", "$ 227.000"): no number on it has cents, and it prints a currency without minor units
        (ISO 4217: JPY, KRW, CLP …) or several grouped whole numbers."""
        if _DOT_CENTS.search(self.text) or _COMMA_CENTS.search(self.text) or self.three_decimal_sep:
            return False
        return len(_GROUPED_WHOLE.findall(self.text)) >= 2 or bool(
            self.currency_codes & (ZERO_DECIMAL_CURRENCIES | WHOLE_IN_PRACTICE))

    @functools.cached_property
    def only_whole_currencies(self) -> bool:
        """Whether every currency the page prints has no minor units (JPY, KRW …): there a row's "40,000" is forty
        thousand yen, even where its hours print decimals ("6.50 40,000 260,000" is no 6.5 × 40.000)."""
        return bool(self.currency_codes) and self.currency_codes <= ZERO_DECIMAL_CURRENCIES

    def iter_matches(self, pattern: re.Pattern[str]):
        for i, line in enumerate(self.lines):
            for m in pattern.finditer(line):
                yield i, m


# ---------------------------------------------------------------- amounts
# Thousands groups: 1.234,56 / 1,234.56 / 1'234.56 (or the typographic 1’234.56) / 1 234,56 (no-break space) /
# Indian 1,20,000.00.
_GROUPED = r"\d{1,3}(?:[.,'’\u00a0\u202f]\d{3})+|\d{1,2}(?:,\d{2})+,\d{3}"
# an amount ends at a word boundary, or where pypdf glued the next cell's capitalised word to its cents
# ("€ 2.825,53Betaaldatum: 25-03-2026")
# (or glued to the rand's sign: "TOTAL CREDIT R4,349.31")
_AMOUNT = re.compile(r"(?:(?<![\w.,/-])|(?<=\bR)(?=\d{1,3}(?:,\d{3})*\.\d\d\b))"
                     r"(-\s?)?(" + _GROUPED + r"|\d+)([.,]\d{2,4})?"
                     # (the won, the yen and the yuan glued after: "644,500원"; a label: "3 198,09Y-tunnus")
                     r"(?:(?!(?![원円元])\w|[.,/-]\d)|(?<=[.,]\d\d)(?=[A-ZÄÖÜ](?:[a-zäöüß]|-[a-zäöü])))")
# A plain space may group thousands ("22 800,00") or separate two numbers ("3 650.00"): both readings are kept.
_AMOUNT_SPACED = re.compile(r"(?<![\w.,/-])(-\s?)?(\d{1,3}(?: \d{3})+)([.,]\d{2,4})?"
                            r"(?:(?!(?![원円元])\w|[.,/-]\d)|(?<=[.,]\d\d)(?=[A-ZÄÖÜ](?:[a-zäöüß]|-[a-zäöü])))")


# ISO 4217 currencies without minor units
ZERO_DECIMAL_CURRENCIES = frozenset("BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split())
# and those with minor units no longer minted, whose invoices print whole amounts: the forint ("3 636 100 Ft")
WHOLE_IN_PRACTICE = frozenset(["HUF"])
# and with three (the dinars, the rial of Oman)
THREE_DECIMAL_CURRENCIES = frozenset("BHD IQD JOD KWD LYD OMR TND".split())
# cents after a dot or after a comma, not a date's "12.04." or a number's "1.234.567"
# (nor a rate's "19.25 %", nor a measure's "0.55mm")
_NO_CENTS_AFTER = r"(?![\d.,]|\s?%|\s?(?:mm|cm|m|km|m²|m³|kg|g|t|l|ml|kW|W|V)\b)"
_DOT_CENTS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*\.\d{2}" + _NO_CENTS_AFTER)
_COMMA_CENTS = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*,\d{2}" + _NO_CENTS_AFTER)
_COMMA_GROUPED_CENTS = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})+\.\d{2}(?![\d.,])")
# three decimals after a dot ("1,575.000", "1 608.900") or after a comma ("1 580,000", "9.281,892")
_THREE_DECIMALS = {".": re.compile(r"(?<![\d.,])\d{1,3}(?:[, \u00a0]\d{3})*\.\d{3}(?![\d.,])"),
                   ",": re.compile(r"(?<![\d.,])\d{1,3}(?:[. \u00a0]\d{3})*,\d{3}(?![\d.,])")}
_GROUPED_WHOLE = re.compile(r"(?<![\d.,])\d{1,3}(?:[.,]\d{3})+(?!\d|[.,]\d)")


def parse_amount(raw: str, *, dot_groups_thousands: bool = False, decimal: str | None = None) -> float | None:
    """'1.234,56' -> 1234.56, '1,234.56' -> 1234.56, '34,73' -> 34.73, '5,5000' -> 5.5; '139.850' -> 139.85,
    or 139850.0 on a page whose dots group thousands (`TextIndex.dot_groups_thousands`). A page's own `decimal`
    separator (`TextIndex.three_decimal_sep`) decides alone: '1,850' -> 1.85 where it is ","."""
    s = raw.replace("\u00a0", " ").replace("\u202f", " ").replace("'", "").replace("’", "").replace(" ", "")
    negative = s.startswith("-")
    s = s.lstrip("-")
    if not s:
        return None
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    if decimal is None and last_dot >= 0 and last_comma >= 0:
        decimal = "." if last_dot > last_comma else ","
    elif decimal is None and (last_dot >= 0 or last_comma >= 0):
        sep = "." if last_dot >= 0 else ","
        tail = s.rsplit(sep, 1)[1]
        # one separator followed by exactly three digits, used once or repeated: a thousands separator
        head = s.split(sep)[0]
        # "1,234" is a thousand and "34,73" cents; "0,085" can only be a fraction
        thousands = "," if not dot_groups_thousands else sep
        decimal = None if (len(tail) == 3 and sep == thousands and head not in ("0", "") and len(head) <= 3) else sep
        if s.count(sep) > 1:
            decimal = None
    if decimal and decimal in s:
        whole, frac = s.rsplit(decimal, 1)
        whole = whole.replace(".", "").replace(",", "")
        s = f"{whole}.{frac}"
    else:
        s = s.replace(".", "").replace(",", "")
    try:
        value = float(s)
    except ValueError:
        return None
    return -value if negative else value


def _spaced_alone(whole: str, line: str, m: re.Match[str]) -> bool:
    """A whole amount grouped by spaces, alone on its line but for a rate ("NET À PAYER 4 949 910 F CFA", "TVA 10 %
    353 020") and of four groups at most: spaces part the cells of "Total 4 606 000 230 300 4 375 700 505 210" and
    of a wrapped row's "2 175 000 350 000" too, unless the layout's gaps part them."""
    return " " in whole and whole.count(" ") <= 3 and (
        not re.search(r"\d", _RATE.sub("", f"{line[: m.start()]} {line[m.end():]}"))
        # or a cell of its own in the layout's columns: "Összesen      3 636 100      981 747      4 617 847"
        or (re.search(r"(?:^|\S {3,})$", line[: m.start()]) is not None
            and re.match(r"\s*$| {3,}\S", line[m.end():]) is not None))


def _after_its_rate(line: str, m: re.Match[str]) -> bool:
    """A whole amount under a thousand that ends its line after a rate, the line's only other number: "營業稅
    Business tax 5% 838"."""
    return (not line[m.end():].strip() and bool(_RATE.search(line[: m.start()]))
            and not re.search(r"\d", _RATE.sub("", line[: m.start()])))


def find_amounts(index: TextIndex, *, with_decimals_only: bool = True) -> list[Candidate]:
    found = []
    for pattern in (_AMOUNT, _AMOUNT_SPACED) if not index.comma_groups_thousands else (_AMOUNT,):
        for i, m in index.iter_matches(pattern):
            sign, whole, frac = m.group(1), m.group(2), m.group(3)
            line = index.lines[i]
            money = _MONEY_SIGN.search(line[: m.start()]) or _MONEY_SIGN_AFTER_ALONE.match(line[m.end():])
            # a whole number is an amount only next to its currency ("Rs 1939", "€ 500"), or grouped in thousands
            # on a page of whole amounts ("Til greiðslu ISK 139.850")
            # (a no-break space groups thousands as surely as a comma: "383\u202f519 XPF")
            grouped = not frac and ("." in whole and index.dot_groups_thousands
                                    or index.whole_amounts and (bool(re.search("[,\u00a0\u202f]", whole))
                                                                or _spaced_alone(whole, line, m)
                                                                or _after_its_rate(line, m)))
            decimal = index.three_decimal_sep
            if decimal and not frac and re.search(rf"\{decimal}\d{{3}}$", whole):
                whole, frac = whole[:-4], whole[-4:]  # "9.850" on a page of dinars: 9 and 850 thousandths
            if with_decimals_only and not frac and not money and not grouped:
                continue
            if re.match(r" ?%(?!\d)", line[m.end():]):
                # "NHI supplementary premium (2.11%)": a rate, no amount (but a right-to-left line's rate may
                # follow its amount: "18,866.25 %15 ضريبة القيمة المضافة")
                continue
            raw = (sign or "").replace(" ", "") + whole + (frac or "")
            value = parse_amount(raw, dot_groups_thousands=index.dot_groups_thousands, decimal=decimal)
            if value is not None:
                found.append(Candidate(value=round(value, 4), text=m.group(0).strip(), line=i, start=m.start()))
    return found


_RATE = re.compile(r"(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s?%")


def rates(text: str) -> list[float]:
    """The percentages printed in `text` ("19 %", "5,5%", "14.50%", and in Turkish "%10,00"), in order."""
    return [float((m.group(1) or m.group(2)).replace(",", ".")) for m in _RATE_EITHER_SIDE.finditer(text)]


_RATE_EITHER_SIDE = re.compile(_RATE.pattern + r"|(?<![\w%])%\s?(\d{1,2}(?:[.,]\d{1,2})?)(?![\d.,]*\d)")


def find_tax_breakdown(index: TextIndex) -> list[tuple[Candidate, Candidate]]:
    """(basis, tax) pairs that a line prints with their rate, "USt. 7% 275,00 19,25": the tax is rate × basis.

    The arithmetic tells the two apart where labels cannot: both sit behind the same tax label.
    """
    by_line: dict[int, list[Candidate]] = {}
    for cand in find_amounts(index):
        by_line.setdefault(cand.line, []).append(cand)
    # an item row's factor is no tax: "Cá hồi … kg 12,5 520.000 8% 6.500.000" (8 % of the amount is the price)
    factors = {(row.line, value) for row in index.table_rows for value in (row.quantity, row.unit_price)}
    pairs = []
    for line, amounts in by_line.items():
        if _CHARGE_NOT_TAX.search(index.lines[line]):
            # "Customs duty 6.1% on VFD CAD 25,372.40 (paid to CBSA) 1,547.72": a duty paid for the client;
            # "Recargo gasóleo 3,5% s/ transportes (880,00 €) 30,80 €": a charge the tax is charged on
            continue
        # (the longest readings: "BTW 0% op R 2 380,00 0,00" is 2 380 at 0%, not 380)
        found = max(((a, b) for rate in set(rates(index.lines[line])) for a in amounts for b in amounts
                     if a is not b and a.value and abs(a.value * rate / 100 - b.value) <= _rounding(b)
                     and (line, b.value) not in factors), key=lambda p: len(p[0].text) + len(p[1].text), default=None)
        # (a summary that repeats a line of the totals, "S 15% 28 825,00 4 323,75" under "BTW 15% op R 28 825,00
        # 4 323,75", counts once; two rows alike are two rows)
        repeated = found and line not in index.row_lines and any(
            a.line not in index.row_lines and (a.value, b.value) == (found[0].value, found[1].value) for a, b in pairs)
        if found and not repeated:
            pairs.append(found)
    return _without_rows_of_a_recap_line(pairs, index)


def _without_rows_of_a_recap_line(pairs: list[tuple[Candidate, Candidate]], index: TextIndex
                                  ) -> list[tuple[Candidate, Candidate]]:
    """The rows that print their rate and tax ("khách 24 6.850.000 164.400.000 8% 13.152.000") are no lines of the
    breakdown where a recap line of their rate sums them ("Tổng tiền chịu thuế suất 8% 180.800.000 14.464.000")."""
    rows = index.row_lines
    summed: set[int] = set()
    for basis, tax in pairs:
        if basis.line in rows:
            continue
        # (rates alike within a tenth of a point: t / b ≈ tax / basis, each rounded to its cent)
        same_rate = [(b, t) for b, t in pairs if b.line in rows and b.line < basis.line
                     and abs(t.value * basis.value - tax.value * b.value) <= 0.001 * b.value * basis.value]
        if (len(same_rate) > 1 and abs(sum(b.value for b, _ in same_rate) - basis.value) <= 0.011
                and abs(sum(t.value for _, t in same_rate) - tax.value) <= 0.011 * len(same_rate)):
            summed |= {b.line for b, _ in same_rate}
    return [(b, t) for b, t in pairs if b.line not in summed]


# a rate × amount that is no tax: a duty paid for the client, a surcharge the tax is charged on
_CHARGE_NOT_TAX = re.compile(r"(?i)\b(?:customs dut(?:y|ies)|import dut(?:y|ies)|excise|zoll|droits? de douane"
                             r"|invoerrechten|aranceles?|dazi)\b"
                             r"|\b(?:recargo(?! de equivalencia)|surcharge|[^\W\d_]*zuschlag|supplément|toeslag)\b")
# a tax charged beside another on the same goods: Canada's PST and QST beside GST, India's SGST beside CGST
_STACKED_TAX = re.compile(r"(?i)\b(?:pst|qst|tvq|rst|sgst|utgst)\b")


def breakdown_basis(index: TextIndex, pairs: list[tuple[Candidate, Candidate]]) -> float:
    """The net amount a tax breakdown's lines cover: the sum of their bases, or the largest where a second tax is
    charged on the same goods ("GST 5% $6,462.00 $323.10" / "PST 7% $5,763.00 $403.41"), which count once."""
    bases = [basis.value for basis, _ in pairs]
    if any(_STACKED_TAX.search(index.lines[basis.line]) for basis, _ in pairs):
        return max(bases)
    return round(sum(bases), 2)


_CENTS_AT_END = re.compile(r"[.,]\d{2}(?:\d{2})?\D*$")


def _rounding(amount: Candidate) -> float:
    """How far a computed tax may be from the printed one: a cent, or half a unit where it prints no cents
    ("VSK 11% 106.937 11.763": 11 763,07 krónur printed whole)."""
    return 0.011 if _CENTS_AT_END.search(amount.text) else 0.51


# ---------------------------------------------------------------- dates
_MONTHS = {
    # en, de, fr, nl, es, it (prefixes are enough to identify a month)
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
    "nov": 11, "dec": 12, "januar": 1, "februar": 2, "märz": 3, "maerz": 3, "mai": 5, "juni": 6, "juli": 7,
    "okt": 10, "dez": 12, "janv": 1, "févr": 2, "fevr": 2, "mars": 3, "avr": 4, "juin": 6, "juil": 7,
    "août": 8, "aout": 8, "déc": 12, "janvier": 1, "février": 2, "avril": 4, "juillet": 7, "septembre": 9,
    "octobre": 10, "novembre": 11, "décembre": 12, "jan.": 1, "mrt": 3, "maart": 3, "mei": 5, "okt.": 10,
    "ene": 1, "enero": 1, "febrero": 2, "marzo": 3, "abr": 4, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
    "ago": 8, "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
    "jän": 1, "jänner": 1, "jaenner": 1, "feber": 2, "gen": 1, "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7, "set": 9,
    "settembre": 9, "ottobre": 10, "dic": 12, "dicembre": 12, "janeiro": 1, "fevereiro": 2, "março": 3,
}
# whole month names (a genitive where dates use one) of more languages, matched only whole: their prefixes
# collide ("lipnja" is June in Croatian, "lipca" July in Polish). Croatian "listopada" (October) is left out:
# in Polish and Czech it is November.
_MONTH_NAMES = {
    name: number for number, names in enumerate([
        # fi, hu, pl, cs, sk, hr, sl, ro, tr, et, lv, lt, is, ca, sv/no/da, pt
        "tammikuuta tammikuu január stycznia ledna januára siječnja januar ianuarie ocak jaanuar janvāris sausio "
        "janúar gener januari janeiro",
        "helmikuuta helmikuu február lutego února februára veljače februar februarie şubat veebruar "
        "februāris vasario febrúar febrer februari fevereiro",
        "maaliskuuta maaliskuu március marca března ožujka marec martie mart märts marts kovo mars març marts",
        "huhtikuuta huhtikuu április kwietnia dubna apríla travnja aprilie nisan aprill aprīlis balandžio "
        "apríl abril april",
        "toukokuuta toukokuu május maja května mája svibnja maj mai mayıs maijs gegužės maí maig maio",
        "kesäkuuta kesäkuu június czerwca června júna lipnja junij iunie haziran juuni jūnijs birželio júní "
        "juny juni junho",
        "heinäkuuta heinäkuu július lipca července júla srpnja julij iulie temmuz juuli jūlijs liepos júlí "
        "juliol juli julho",
        "elokuuta elokuu augusztus sierpnia srpna augusta kolovoza avgust august ağustos augusts rugpjūčio "
        "ágúst agost augusti",
        "syyskuuta syyskuu szeptember września září septembra rujna septembrie eylül septembris rugsėjo "
        "setembre setembro",
        "lokakuuta lokakuu október października října októbra oktober octombrie ekim oktoober oktobris spalio "
        "octubre outubro",
        "marraskuuta marraskuu listopada listopadu novembra studenoga noiembrie kasım novembris lapkričio "
        "nóvember novembre",
        "joulukuuta joulukuu prosince decembra prosinca decembrie aralık detsember decembris gruodžio "
        "desember desembre dezembro",
    ], start=1) for name in names.split()
} | {  # Cyrillic months: Ukrainian and Russian in the genitive of "12 травня 2025 р.", Bulgarian
    name: number for number, names in enumerate([
        "січня января януари", "лютого февраля февруари", "березня марта март", "квітня апреля април",
        "травня мая май", "червня июня юни", "липня июля юли", "серпня августа август", "вересня сентября септември",
        "жовтня октября октомври", "листопада ноября ноември", "грудня декабря декември",
    ], start=1) for name in names.split()
} | {  # the Caucasus', Central Asia's and the western Balkans' months: Georgian (and its genitive "7 მარტის"),
    # Armenian (and "12 մարտի"), Kazakh, Azerbaijani and Uzbek, Albanian, Serbian and Macedonian in Cyrillic, Russian
    # (the names these share with the Bulgarian ones above, "март", "mart", are not written again)
    name: number for number, names in enumerate([
        "იანვარი იანვრის հունվար հունվարի қаңтар yanvar janar јануар јануари январь",
        "თებერვალი თებერვლის փետրվար փետրվարի ақпан fevral shkurt фебруар февраль",
        "მარტი მარტის մարտ մարտի наурыз",
        "აპრილი აპრილის ապրիլ ապրիլի сәуір aprel prill апрель",
        "მაისი მაისის մայիս մայիսի мамыр may мај",
        "ივნისი ივნისის հունիս հունիսի маусым iyun qershor јун јуни июнь",
        "ივლისი ივლისის հուլիս հուլիսի шілде iyul korrik јул јули июль",
        "აგვისტო აგვისტოს օգոստոս օգոստոսի тамыз avqust gusht",
        "სექტემბერი სექტემბრის սեպտեմբեր սեպտեմբերի қыркүйек sentyabr shtator септембар сентябрь",
        "ოქტომბერი ოქტომბრის հոկտեմբեր հոկտեմբերի қазан oktyabr tetor октобар октябрь",
        "ნოემბერი ნოემბრის նոյեմբեր նոյեմբերի қараша noyabr nëntor новембар ноябрь",
        "დეკემბერი დეკემბრის դեկտեմբեր դեկտեմբերի желтоқсан dekabr dhjetor децембар декабрь",
    ], start=1) for name in names.split()
} | {  # Greek, in the genitive of "02 Οκτωβρίου 2024" and the nominative (casefolded: "ς" is "σ")
    name.casefold(): number for number, names in enumerate([
        "Ιανουαρίου Ιανουάριος", "Φεβρουαρίου Φεβρουάριος", "Μαρτίου Μάρτιος", "Απριλίου Απρίλιος", "Μαΐου Μάιος",
        "Ιουνίου Ιούνιος", "Ιουλίου Ιούλιος", "Αυγούστου Αύγουστος", "Σεπτεμβρίου Σεπτέμβριος", "Οκτωβρίου Οκτώβριος",
        "Νοεμβρίου Νοέμβριος", "Δεκεμβρίου Δεκέμβριος",
    ], start=1) for name in names.split()
} | {  # Malay's and Indonesian's months that no prefix above reads: "12 Ogos 2025", "3 Agustus 2025"
    "mac": 3, "maret": 3, "ogos": 8, "agustus": 8, "disember": 12,
} | {  # Latvian months in the locative of "2025. gada 14. aprīlī"
    name: number for number, name in enumerate("janvārī februārī martā aprīlī maijā jūnijā jūlijā augustā septembrī "
                                               "oktobrī novembrī decembrī".split(), start=1)
}
_MONTH_WORD = r"([^\W\d_]{3,12}\.?)"
# year first: ISO "2026-03-12", and dotted or slashed "2026.03.12." (Hungarian, Lithuanian, Chinese, Japanese)
_DATE_ISO = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?!\d)")
_DATE_NUM = re.compile(r"(?<![\d.])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d])")
# (Catalan elides "de" before a vowel: "2 d'agost de 2024")
_DATE_DMY_WORD = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th|er)?\.?\s*(?:de\s+|d['’])?" + _MONTH_WORD
                            + r",?\s*(?:del?\s+)?(\d{4})")  # (Chile's "14 de Marzo del 2025")
_DATE_MDY_WORD = re.compile(_MONTH_WORD + r"\s+(\d{1,2})(?:st|nd|rd|th)?\s*,?\s+(\d{4})")
_DATE_D_MON_Y = re.compile(r"(?<!\d)(\d{1,2})-([A-Za-z]{3})-(\d{2,4})(?!\d)")
_DATE_D_MON_Y_SLASHED = re.compile(r"(?<!\d)(\d{1,2})/([A-Za-z]{3})/(\d{4})(?!\d)")  # Mexico's "05/nov/2024"
_DATE_YMD_WORD = re.compile(r"(?<!\d)(\d{4})\.\s*" + _MONTH_WORD + r"\s+(\d{1,2})\.?(?!\d)")  # "2025. március 14."
_DATE_Y_M_D = re.compile(r"(?<!\d)(\d{4})\s?m\.\s+" + _MONTH_WORD + r"\s+(\d{1,2})\s?d\.")  # "2025 m. balandžio 9 d."
_DATE_Y_GADA = re.compile(r"(?<!\d)(\d{4})\.\s*gada\s+(\d{1,2})\.\s*" + _MONTH_WORD)  # "2025. gada 14. aprīlī"
# day and month each with a dot and a space, as Czech, Slovak and Slovenian write them: "7. 5. 2025"
_DATE_DOTS_SPACED = re.compile(r"(?<![\d.])(\d{1,2})\.\s(\d{1,2})\.\s((?:19|20)\d{2})(?!\d)")
# and year first, as Hungarian writes them: "2024. 04. 02."
_DATE_YMD_SPACED = re.compile(r"(?<![\d.])((?:19|20)\d{2})\.\s(\d{1,2})\.\s(\d{1,2})\.?(?!\d)")
# Chinese, Japanese and Korean: "2024年6月30日", "2024년 6월 30일"
_DATE_CJK = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?[年년]\s?(\d{1,2})\s?[月월]\s?(\d{1,2})\s?[日일]")
# and a year of an era: Japan's Reiwa and Heisei ("令和6年8月20日", the first year "元年"), Taiwan's Minguo
# ("民國113年")
_DATE_ERA = re.compile(r"(令和|平成|民國|民国)\s?(\d{1,3}|元)\s?年\s?(\d{1,2})\s?月\s?(\d{1,2})\s?日")
_ERA_START = {"令和": 2018, "平成": 1988, "民國": 1911, "民国": 1911}  # the year before the era's first
# dates of one reading each: (pattern, year group, month group, day group); the month a name or a number
_ONE_WAY_DATES = ((_DATE_DMY_WORD, 3, 2, 1), (_DATE_MDY_WORD, 3, 1, 2), (_DATE_D_MON_Y, 3, 2, 1),
                  (_DATE_D_MON_Y_SLASHED, 3, 2, 1), (_DATE_YMD_WORD, 1, 2, 3), (_DATE_Y_M_D, 1, 2, 3),
                  (_DATE_Y_GADA, 1, 3, 2), (_DATE_DOTS_SPACED, 3, 2, 1),
                  (_DATE_YMD_SPACED, 1, 2, 3), (_DATE_CJK, 1, 2, 3))


def _month(word: str) -> int | None:
    w = word.casefold().rstrip(".")
    return _MONTH_NAMES.get(w) or _MONTHS.get(w) or _MONTHS.get(w[:4]) or _MONTHS.get(w[:3])


def _date(y: int, m: int, d: int) -> dt.date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    if 2443 <= y <= 2742:
        y -= 543  # the Thai Buddhist era: "05/09/2567" is 5 September 2024
    if not 1900 <= y <= 2199:
        return None  # "Invoice No.: 25-03-4471" is no date of the year 4471
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def is_date_token(token: str) -> bool:
    """A token printed as a date ("03-03-2025", "2025-03-03"), of a year a date can have: "25-03-4471" is no date."""
    if _DATE_ISO.fullmatch(token):
        return True
    m = _DATE_NUM.fullmatch(token)
    return m is not None and (len(m.group(4)) == 2 or 1900 <= int(m.group(4)) <= 2199)


def find_dates(index: TextIndex) -> list[Candidate]:
    """Every parseable date. Numeric d/m/y vs m/d/y is settled per document by the unambiguous dates in it."""
    found: list[Candidate] = []
    numeric: list[tuple[int, re.Match[str]]] = []
    for i, m in index.iter_matches(_DATE_ISO):
        d = _date(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if d:
            found.append(Candidate(d, m.group(0), i, m.start()))
    for i, m in index.iter_matches(_DATE_NUM):
        numeric.append((i, m))
    month_first = _prefers_month_first(numeric, index.text)
    for i, m in numeric:
        a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        day, month = (b, a) if (month_first and a <= 12) or b > 12 else (a, b)
        d = _date(y, month, day)
        if d:
            found.append(Candidate(d, m.group(0), i, m.start()))
    for pattern, year_group, month_group, day_group in _ONE_WAY_DATES:
        for i, m in index.iter_matches(pattern):
            word = m.group(month_group)
            month = int(word) if word.isdigit() else _month(word)
            d = _date(int(m.group(year_group)), month, int(m.group(day_group))) if month else None
            if d:
                found.append(Candidate(d, m.group(0), i, m.start()))
    for i, m in index.iter_matches(_DATE_ERA):
        year = _ERA_START[m.group(1)] + (1 if m.group(2) == "元" else int(m.group(2)))
        if d := _date(year, int(m.group(3)), int(m.group(4))):
            found.append(Candidate(d, m.group(0), i, m.start()))
    return _dedupe_spans(found)


# a US address's state and ZIP code ("Round Rock, TX 78681"): the page writes its dates month first
US_STATES = (r"(?:A[KLRZ]|C[AOT]|D[CE]|FL|GA|HI|I[ADLN]|K[SY]|LA|M[ADEINOST]|N[CDEHJMVY]|O[HKR]|PA|RI|S[CD]|T[NX]|UT"
             r"|V[AT]|W[AIVY])")
# ("Harrisburg PA 17110": some print no comma before the state)
_US_STATE_ZIP = re.compile(rf"(?:,\s*|(?<=[a-z])\s+){US_STATES}\s+\d{{5}}(?:-\d{{4}})?\b")


def _prefers_month_first(numeric: list[tuple[int, re.Match[str]]], text: str) -> bool:
    """By the dates that can be read one way only; where every date reads both ways ("02/04/2025"), by a US
    address on the page."""
    votes = 0
    for _, m in numeric:
        a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
        if sep == ".":
            votes -= 1  # dotted dates are day-first everywhere that uses them
        elif a > 12 >= b:
            votes -= 2
        elif b > 12 >= a:
            votes += 2
    if votes == 0 and any(m.group(2) == "/" for _, m in numeric):
        return bool(_US_STATE_ZIP.search(text))
    return votes > 0


def _dedupe_spans(cands: list[Candidate]) -> list[Candidate]:
    seen, out = set(), []
    for c in sorted(cands, key=lambda c: (c.line, c.start, -len(c.text))):
        key = (c.line, c.start)
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# ---------------------------------------------------------------- currencies
_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP", "₹": "INR", "¥": "JPY", "₽": "RUB", "₺": "TRY", "zł": "PLN",
            "Rs.": "INR", "Rs": "INR", "Fr.": "CHF", "kr": "SEK", "R$": "BRL", "CHF": "CHF", "A$": "AUD", "C$": "CAD",
            "NZ$": "NZD", "HK$": "HKD", "S$": "SGD", "US$": "USD", "NT$": "TWD", "Kč": "CZK", "₴": "UAH", "₸": "KZT",
            "₼": "AZN", "₾": "GEL", "֏": "AMD", "₫": "VND", "₱": "PHP", "₪": "ILS", "₩": "KRW", "฿": "THB", "₦": "NGN",
            "R": "ZAR", "S/": "PEN", "GH₵": "GHS", "₵": "GHS", "BDS$": "BBD", "Bds$": "BBD", "B$": "BSD", "RD$": "DOP",
            "J$": "JMD", "TT$": "TTD", "EC$": "XCD", "BZ$": "BZD", "CI$": "KYD", "B/.": "PAB", "₡": "CRC",
            "FJ$": "FJD", "WS$": "WST", "SI$": "SBD"}
# not the "ANG" of "FO-ANG", nor the "EUR" of the certificate of origin "EUR.1", nor letters of a series or a
# number: "Ký hiệu: 1C25TTD", "Invoice No. BMD-INV-2403-0032"
_CODE = re.compile(r"(?<![A-Za-z])(?<![A-Za-z]-)(?<![A-Za-z]\d)(?<![A-Za-z]\d\d)([A-Z]{3})(?![A-Za-z])(?!\.1\b)"
                   r"(?!-[A-Z]{2,}-?\d)(?!-\d)")  # (nor an article's code: "IRR-0516")
# a dollar sign with its country's letters first ("R$ 26.170,23" is the real, not the US dollar; "BDS$" Barbados',
# "RD$" the Dominican peso, "TT$" Trinidad's); Panama's balboa "B/." and Costa Rica's colón "₡"
_DOLLAR_PREFIXES = "|".join(sign[:-1] for sign in _SYMBOLS if sign.endswith("$") and len(sign) > 1)
# (a krona's "kr", not Korea's domain: "tax@hanbitstrategy.co.kr")
_SYMBOL = re.compile(r"(?<![A-Za-z])(?:" + _DOLLAR_PREFIXES + r")\$|(?<![\w/])B/\.|₡"
                     r"|€|\$|£|₹|¥|₽|₺|zł|Kč|₴|₸|₼|₾|֏|₫|₱|₪|₩|฿|₦|GH₵|₵"
                     r"|\bRs\.?(?=\s?-?\d)|(?<!\.)\bkr\b"
                     r"|\bR(?=\s?\d{1,3}(?:[ ,]\d{3})*\.\d\d\b|\s?\d{1,3}(?: \d{3})*,\d\d\b)"
                     # "R 43 719.10", "R 53 302,45": rand
                     r"|(?<![\w/])S/(?=\s?\d)")  # Peru's sol: "Importe Total S/ 188,280.80"


# signs that several currencies print: on a page that also prints one of the family's codes ("TOTAL (CAD)"
# under "$" everywhere, "Til greiðslu ISK" beside "kr."), the sign is that currency
_RUPEES = frozenset("INR PKR LKR NPR MUR SCR".split())
_SIGN_FAMILIES = {
    "$": frozenset("USD CAD AUD NZD MXN SGD HKD TWD CLP COP ARS UYU BRL".split()),
    "kr": frozenset("SEK NOK DKK ISK".split()),
    "¥": frozenset("JPY CNY".split()),
    "Rs": _RUPEES,
    "Rs.": _RUPEES,
}


# a page that prints no dollar code says its country otherwise: Canada's sales taxes and postal codes
# ("TPS (5 %)", "Montréal (Québec)  H2H 1B1"), Australia's business number and GST ("ABN 51 824 753 556")
_DOLLAR_COUNTRIES = (
    ("CAD", re.compile(r"\b(?:TPS|TVQ|TVH|HST|QST|PST)\b|\b[A-Z]\d[A-Z] \d[A-Z]\d\b")),
    # and Latin America's pesos, by their tax ids and authorities: "CUIT", "AFIP", "SII", "DGI", "NIT", "DIAN", "RFC"
    # (as words, not in an article's code: "GLV-NIT-M Nitrile exam gloves")
    ("ARS", re.compile(r"(?<![\w-])(?:CUIT|AFIP|ARCA|C\.U\.I\.T\.)(?![\w-])|\bArgentina\b")),
    ("CLP", re.compile(r"(?<![\w-])SII(?![\w-])|\bChile\b")),
    ("UYU", re.compile(r"(?<![\w-])DGI(?![\w-])|\bUruguay\b")),
    ("COP", re.compile(r"(?<![\w-])(?:NIT|DIAN)(?![\w-])|\bColombia\b")),
    ("MXN", re.compile(r"(?<![\w-])(?:RFC|CFDI)(?![\w-])|\bM[ée]xico\b")),
    ("AUD", re.compile(r"\bABN\b|\bA\.B\.N\.")),
    ("NZD", re.compile(r"\bNew Zealand\b|\bNZBN\b|@[\w.-]+\.nz\b|\bwww\.[\w.-]+\.nz\b")),
)
# a page that prints no currency at all names it by its country (the dollars above, the rand), or by the
# currency's name in a column's head or the amount in words: "Amount (Baht)", "Unit Price (RM)", "… nghìn đồng"
_COUNTRY_CURRENCIES = (*_DOLLAR_COUNTRIES, ("ZAR", re.compile(r"\bSouth Africa\b|@[\w.-]+\.co\.za\b")),
                       ("THB", re.compile(r"(?i)\bbaht\b|บาท")),
                       # the Philippines' Bureau of Internal Revenue, on every invoice's permit to print
                       ("PHP", re.compile(r"(?<![\w-])BIR(?![\w-])|\bPhilippines\b")),
                       ("MYR", re.compile(r"\(RM\)|(?i:\bringgit\b)")),
                       ("VND", re.compile(r"(?i)\bđồng\b|\bVNĐ\b")), ("IDR", re.compile(r"(?i)\brupiah\b|\(Rp\)")),
                       ("CNY", re.compile(r"\bRMB\b|(?i:\brenminbi\b|\byuan\b)")),
                       # the won and the yen after their amounts: "644,500원", "12,000円"
                       ("KRW", re.compile(r"\d\s?원|\(원\)|세금계산서|국세청|\bKorea\b")),
                       ("JPY", re.compile(r"\d\s?円|\(円\)")),
                       ("BDT", re.compile(r"(?i)\btaka\b|\bBangladesh\b")),
                       ("TWD", re.compile(r"(?i)\bnew taiwan dollars?\b|\bTaiwan\b")),
                       ("ETB", re.compile(r"(?i)\bbirr\b")), ("GHS", re.compile(r"(?i)\bcedis?\b")),
                       # Central America's and the Caribbean's currencies by name, in the amount in words
                       ("HNL", re.compile(r"(?i)\blempiras?\b")), ("GTQ", re.compile(r"(?i)\bquetzal(?:es)?\b")),
                       ("HTG", re.compile(r"(?i)\bgourdes?\b")), ("DOP", re.compile(r"(?i)\bpesos dominicanos\b")),
                       ("CRC", re.compile(r"(?i)\bcolones\b")), ("BAM", re.compile(r"\(KM\)")),
                       ("NIO", re.compile(r"(?i)\bc[óo]rdobas?\b")),
                       # the lira after its amounts ("185,00 TL"), the Qatari riyal's "(QR)", rupees in words
                       ("TRY", re.compile(r"\d\s?TL\b|\(TL\)|(?i:\btürk lirası\b)")),
                       ("QAR", re.compile(r"\(QR\)|(?i:\bqatari riyals?\b)")),
                       ("SAR", re.compile(r"ريال سعودي|(?i:\bsaudi riyals?\b)")),
                       ("LKR", re.compile(r"(?i)\bsri lanka(?:n)? rupees?\b")),
                       ("PKR", re.compile(r"(?i)\bpak(?:istani)? rupees?\b")),
                       # the dollarised countries, by name or Ecuador's tax authority: "RIDE conforme … del SRI"
                       ("USD", re.compile(r"\bEcuador\b|\bEl Salvador\b|(?<![\w-])SRI(?![\w-]| Lanka| LANKA)")),
                       # a column's "(DH)" in Morocco, "(DT)" and the dinar's millimes in Tunisia
                       ("MAD", re.compile(r"\(DH\)")), ("TND", re.compile(r"\(DT\)|(?i:\bmillimes\b)")),
                       # the Pacific franc of New Caledonia, French Polynesia and Wallis: "68.868 F CFP"
                       ("XPF", re.compile(r"\bF\.? ?CFP\b|\bFCFP\b|(?i:\bfrancs? CFP\b)")))
# the CFA franc of West Africa (XOF) or, by the country the page names or Cameroon's tax id (NIU), of Central Africa
_CFA = re.compile(r"\bF\.? ?CFA\b|\bFCFA\b|(?i:\bfrancs? CFA\b)")
_CENTRAL_AFRICA = re.compile(r"(?i)\bCamero[ou]n\b|\bDouala\b|\bYaound[ée]\b|\bGabon\b|\bLibreville\b|"
                             r"\bBrazzaville\b|\bTchad\b|\bChad\b|\bN'Djam[ée]na\b|\bCentrafri|\bBangui\b|\bMalabo\b|"
                             r"\bCEMAC\b|\bNIU\b")
# and crowns: Norway's VAT word and payment reference ("Org.nr. 991742050 MVA", "KID"), Denmark's company register and
# payment card, Iceland's VAT word and personal id; Sweden's crown is the sign's default
_KRONE_COUNTRIES = (
    ("NOK", re.compile(r"\b(?:MVA|KID)\b|(?i:\bmerverdiavgift\b|\bforetaksregisteret\b)")),
    ("DKK", re.compile(r"\bCVR\b|\bFI-kort\b|(?i:\bDanmark\b)")),
    ("ISK", re.compile(r"\bVSK\b|(?i:\bkennitala\b|\bÍsland\b)")),
)
# and rupees: Pakistan's tax numbers, Sri Lanka's and Nepal's names
_RUPEE_COUNTRIES = (
    ("PKR", re.compile(r"\b(?:NTN|STRN)\b|\bPakistan\b")),
    ("LKR", re.compile(r"\bSri Lanka\b")),
    ("NPR", re.compile(r"\bNepal\b")),
)
# abbreviations that name a currency only beside an amount ("1 234,00 руб.", "Rp 1.250.000", "12 500 Ft")
_CURRENCY_WORDS = {"руб": "RUB", "грн": "UAH", "лв": "BGN", "ден": "MKD", "дин": "RSD", "Rp": "IDR", "RM": "MYR",
                   "KSh": "KES", "Ksh": "KES", "Ft": "HUF", "lei": "RON", "kn": "HRK", "Lekë": "ALL", "Lek": "ALL",
                   "DH": "MAD", "DT": "TND",  # (Morocco's dirham, Tunisia's dinar)
                   "Eur": "EUR"}  # (the euro written as a word, in the Baltics: "… devyni Eur 49 ct")
# not a code that starts alike: "21 RM-10J Rauchwarnmelder"
_CURRENCY_WORD = re.compile(r"(?:(?<=\d)|(?<=\d )|(?<=\d\u00a0))(" + "|".join(_CURRENCY_WORDS) + r")\.?(?![\w/-])"
                            # glued to its amount, an amount's shape: "RM1,250.00", not the postcode "RM18 7TQ"
                            r"|(?<![\w-])(" + "|".join(_CURRENCY_WORDS) + r")\.?"
                            r"(?:\s(?=-?\d)|(?=\d{1,3}(?:[.,]\d{3})+(?!\d)|\d[\d,]*[.,]\d\d(?!\d)))")


_MALAYSIAN_BHD = re.compile(r"(?i)\bsdn\.?\s*bhd$")  # "TERATAI CLOUD SERVICES SDN. BHD.": Berhad, no dinar


def find_currencies(index: TextIndex) -> list[Candidate]:
    found = []
    for i, m in index.iter_matches(_CODE):
        if m.group(1) in ISO_CURRENCIES and not _MALAYSIAN_BHD.search(index.lines[i][: m.end()]):
            found.append(Candidate(m.group(1), m.group(1), i, m.start()))
    for i, m in index.iter_matches(_CURRENCY_WORD):
        found.append(Candidate(_CURRENCY_WORDS[m.group(1) or m.group(2)], m.group(0), i, m.start()))
    printed = {c.value for c in found}
    if not printed & _SIGN_FAMILIES["$"]:
        printed |= {code for code, country in _DOLLAR_COUNTRIES if country.search(index.text)}
    if not printed & _RUPEES:
        printed |= {code for code, country in _RUPEE_COUNTRIES if country.search(index.text)}
    if not printed & _SIGN_FAMILIES["kr"]:
        printed |= {code for code, country in _KRONE_COUNTRIES if country.search(index.text)}
    for i, m in index.iter_matches(_SYMBOL):
        sign = m.group(0).strip()
        code = _SYMBOLS.get(sign)
        family = printed & _SIGN_FAMILIES.get(sign, frozenset())
        if len(family) == 1:
            code = next(iter(family))
        if code:
            found.append(Candidate(code, m.group(0), i, m.start()))
    if not found and (cfa := next(index.iter_matches(_CFA), None)):
        i, m = cfa
        found.append(Candidate("XAF" if _CENTRAL_AFRICA.search(index.text) else "XOF", m.group(0), i, m.start()))
    if not found:
        for code, country in _COUNTRY_CURRENCIES:
            if hit := next(index.iter_matches(country), None):
                i, m = hit
                found.append(Candidate(code, m.group(0), i, m.start()))
                break
    return found


# ---------------------------------------------------------------- identifiers
_VAT = re.compile(
    r"(?<![A-Z0-9])("
    r"(?:AT ?U\d{8})|(?:BE ?0?\d{9,10})|(?:BE ?[01]\d{3}[. ]\d{3}[. ]\d{3})|(?:NO ?\d{3} ?\d{3} ?\d{3}(?: ?MVA)?)|"
    r"(?:BG\d{9,10})|(?:CHE[- ]?\d{3}\.?\d{3}\.?\d{3})|(?:CY\d{8}[A-Z])|"
    r"(?:CZ\d{8,10})|(?:DE ?\d{3} ?\d{3} ?\d{3})|(?:DK ?\d{8})|(?:EE\d{9})|(?:EL\d{9})|(?:ES ?[A-Z0-9]\d{7}[A-Z0-9])|"
    r"(?:FI\d{8})|(?:FR ?[0-9A-Z]{2} ?\d{3} ?\d{3} ?\d{3})|(?:GB ?\d{3} ?\d{4} ?\d{2}(?:\d{3})?)|(?:HR\d{11})|"
    r"(?:HU\d{8})|(?:IE\d{7}[A-Z]{1,2})|(?:IT ?\d{11})|(?:LU\d{8})|(?:NL ?\d{9} ?B ?\d{2})|(?:PL ?\d{10})|"
    r"(?:PT ?\d{9})|(?:RO\d{2,10})|(?:SE ?\d{12})|(?:SI\d{8})|(?:SK\d{10})|(?:MT\d{8})|(?:LT\d{9}(?:\d{3})?)|"
    r"(?:LV\d{11})|(?:\d{3} ?\d{3} ?\d{3} MVA)|"  # (Norway's without its country code: "Org.nr. 991742050 MVA")
    r"(?:\d{2}[A-Z]{5}\d{4}[A-Z][1-9A-Z]Z[0-9A-Z])"  # India GSTIN
    # the id ends the token, or a label word that pypdf glued to it follows ("NL810433941B01BTW")
    r")(?:(?![A-Z0-9])|(?=[A-Z][A-Za-z]{2,}(?![A-Za-z0-9])))"
)
_IBAN = re.compile(r"(?<![A-Z0-9])([A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?)(?![A-Z0-9])")
# (of any script's letters: the Greek series of "Β-2094")
# (and one whose digits open it before a slash: "7/PA"; not the whole part of an amount: "450" of "450,00")
# (nor the last group of an amount: "000" of "45,350,000")
# (an Arabic label glued before it counts as none: ":رقم الفاتورةFDE-2025-0093")
_ID_TOKEN = re.compile(r"(?<!(?![\u0600-\u06ff])[\w/#-])(?<!\d[.,])#?"
                       r"([^\W_][\w./-]*\d[\w./-]*|\d+/[^\W\d_]+)(?![\w]|,\d)")


# an id printed in groups of any size ("FR 604 219 388 61") is one when its squeezed form is
_VAT_SPACED = re.compile(r"(?<![A-Z0-9])([A-Z]{2,3}(?: ?[0-9A-Z]){8,14})(?![A-Za-z0-9])")


# national tax ids printed without a country code, after the label that names them: "ABN 51 824 753 556",
# "CVR-nr.: 39412785", "NIF: 48291736K", "No TPS/TVH : 784512369 RT0001", "VAT registration no.: 391 7205 48",
# "TRN: 100384729100003" (a Swedish "Org.nr" is no VAT id); in Latin America and Asia "RFC: SIB180315K74",
# "NIT 901.245.678-3", "R.U.C. N° 20512345671", "NPWP: 01.234.567.8-415.000", "SST No.: W10-1808-32000123",
# "Registration No.: T5701234567891" (Japan's qualified invoice issuer), "Reg. No. 214-86-01238" (Korea),
# "STRN: 3277876154321" (Pakistan), "BIN: 000456789-0101" (Bangladesh), "TIN: C0012345678" (Ghana), "PIN: P051678234"
# (Kenya); Canada's business number and program account "HST No. 793158429 RT0001", "N° TPS : 864021753 RT0001",
# "GST Registration # 705842169 RT0001"; the US "Fed. ID 31-1847206", "CA Seller's Permit No. 102-457813",
# "WA UBI 604 812 377"; China's unified social credit code "USCC: 91320594MA1Y8RT4XR", Taiwan's "UBN: 53084128",
# Malaysia's "No. SST: W10-2108-32001122"; Panama's RUC and its check digits "155704218-2-2021 DV 37"; Turkey's
# "Tax office: Pamukkale V.D.  Tax No: 0482157365"; Morocco's "ICE : 002148576000039", Tunisia's "Matricule fiscal :
# 1283746K/A/M/000", Israel's "Osek Murshe No. 034578914", Oman's "VATIN: OM1100274519"; Senegal's "NINEA 005812347
# 2V2", Côte d'Ivoire's "NCC : 0912478 R", Cameroon's "NIU: M071612345678P"; Chile's RUT, whose check digit may
# be K ("RUT 96.781.007-K"); Quebec's "No de TPS : 714503281 RT0001"; the Balkans' "PIB: 104528733", "ПИБ",
# "ID broj (JIB): 4200894510009", "PDV broj: 200894510009", "ЕДБ 4030012345675", "NIPT: L81718035B"; the
# Caucasus' and Central Asia's "VÖEN 1402587391", "ՀՎՀՀ 02712458", "საიდ. კოდი: 404512378", "ИНН", "БИН / ИИН", "БСН",
# "STIR", and a label's own name in brackets after it: "TIN (INN) 02108201810123"; the Dominican Republic's "RNC
# 1-31-05482-1", Honduras' "RTN: 05019019123456"; Cambodia's "VATTIN: K009-902318745"
_TAX_ID = re.compile(
    r"(?i)(?<![\w/])(?:abn|a\.b\.n\.|steuer-?nr\.?|steuernummer|ridet|n[°º] tahiti|"
    r"cvr(?:-nr\.?|-nummer| nr\.?)?|nif/nipc|nipc/nif|nif|cif|nipc|n\.i\.f\.|nip|"
    r"tps/tvh|gst/hst|(?:gst/tps|tps/gst)(?: no\.?)?|(?:sales (?:& use )?tax|sales and use tax) permit no\.?|"
    r"y-tunnus|uid(?:-nr\.?)?|dič|c\.i\.f\.|r\.?f\.?c\.?|c\.?u\.?i\.?t\.?|r\.?u\.?t\.?(?: emisor)?|partita iva|"
    r"federal tax id|"
    # Italy's VAT number, often with the fiscal code that is the same number: "P.IVA e C.F.", "C.F./P.IVA"
    r"(?:c\.\s?f\.\s?(?:e|/)\s?)?p\.\s?iva(?:\s?(?:e|/)\s?c\.\s?f\.)?|"
    r"(?-i:F?EIN)|trn|nit|r\.?u\.?c\.?(?:\s?n[°º])?|(?:cpf/)?cnpj|c[ée]dula jur[íi]dica|(?:vat reg\. )?tin|npwp|"
    r"(?-i:MST)|tax (?:id|code|no\.?)|nrt|c\.?o\.?e\.?|"
    r"sst(?: reg(?:istration)?\.?)? no\.?|(?:business )?reg(?:istration)?\.? no\.?"
    r"|(?-i:NTN|STRN|BIN|PIN)(?: of (?:registered person|purchaser))?|"
    r"(?:vat|[gh]st(?:/[gh]st)?)(?: reg(?:istration)?\.?| account| payer)? (?:no|number)\.?|[gh]st registration(?= ?#)|"
    # a VAT registration before its number without "No.": Israel's "Company No. / VAT Reg. 515839272"
    r"vat reg\.(?= ?\d)|"
    r"n[°º](?: de)? ?(?:tps|tvh)|no\.?(?: de)? (?:tps|tvh)|"
    r"fed(?:eral)?\.? id|seller'?s permit no\.?|(?-i:UBI)|unified social credit code|"
    r"(?-i:USCC|UBN)|no\.? sst|mã số thuế|α\.?φ\.?μ\.?|vkn|vergi (?:kimlik )?no\.?|v\.\s?d\.|"
    r"(?-i:ICE|M\.F\.|MF)|matricule fiscal|osek murshe(?: no\.?)?|vatt?in|(?-i:NINEA|NCC|NIU)|"
    r"(?-i:PIB|ПИБ|OIB|(?:ID broj \()?JIB|EDB|ЕДБ|NIPT|VÖEN|ՀՎՀՀ|ИНН|ІПН|БСН|ИИН|БИН(?: ?/ ?ИИН)?|STIR|RNC|RTN)"
    r"|pdv broj|"
    # Hong Kong's business registration, a Japanese registration number in German, Singapore's UEN, its GST
    # number and Malaysia's SST number in Malay, South Africa's VAT number in Afrikaans
    r"(?-i:BR) no\.?|registrierungsnr\.?|(?-i:UEN)|no\.? pendaftaran (?:gst|sst)|btw-nr\.?|"
    r"(?:사업자\s?)?등록\s?번호|"  # Korea's business registration number
    r"(?:適格請求書発行事業者)?登録番号|"  # Japan's registration number of a qualified invoice's issuer
    # Hong Kong's business registration, Taiwan's unified business number, China's taxpayer number
    r"商業登記號碼|商业登记号码|統一編號|纳税人识别号|納稅人識別號|"
    r"საიდ(?:\.|ენტიფიკაციო) კოდი)\)?(?: ?\((?-i:INN|ИНН|TIN|IPN|ІПН)\))?\s*[:#：]?\s*"
    r"(?-i:(\d{7}/?[A-Z]/[A-Z]/[A-Z]/\d{3}|\d{9} \d[A-Z]\d|[A-Z]\d{12}[A-Z]|\d{7} [A-Z](?![\w.])|"
    # (a suffix, "RT0001", not the next id's label: "000384917-0203 BIN of purchaser")
    r"(?:[A-Z]{2}[ -]?)?\d[\d. /-]{5,18}\d(?: ?DV ?\d{1,2}| ?(?!(?:BIN|TIN|NTN|VAT)\b)[A-Z]{1,3}\d{0,4}|-K)?|"
    r"[A-Z]\d{7}[A-Z0-9]|[A-Z]\d{8}[A-Z]|T\d{13}|[A-Z]\d{3}-\d{9}|"
    r"[A-Z]-\d{6}-[A-Z]|SM ?\d{5}|[A-Z]\d{5}(?!\d)|[ST]\d{2}[A-Z]{2}\d{4}[A-Z]"
    # (a comma and a space end the id: "NIP 622-281-47-00, weterynaryjny nr …")
    r"|[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}|[A-Z]\d{2}-\d{4}-\d{8}|[A-Z]\d{9,10}[A-Z]?|\d{8}[0-9A-Z]{10}))(?![\w.]|,\S)")


# a tax word, then a long number (seven digits and separators or more): a tax id, whether or not code knows its label
_TAX_WORD_THEN_ID = re.compile(
    r"(?i)\b(?:tax|vat|tin|gst|trn|ntn|strn|bin|pin|nif|nit|ruc|rut|uid|mwst|tva|btw|iva|mva|alv|dph|pdv|ddv|áfa"
    r"|kdv|nip|dič|gstin|abn|cvr|pib|jib|oib|nipt|inn|инн|пиб|бин|бсн|едб|rnc|rtn)\b"
    r"[^\n%\d]{0,25}?[A-Z]{0,3}[\s-]?\d[\d .\-/]{6,}")


# tax ids of fewer digits: Andorra's NRT "L-709312-K", San Marino's C.O.E. "SM 24613", a Mexican company's RFC
# "AEB120418QJ8", Côte d'Ivoire's NCC "0912478 R", French Polynesia's N° TAHITI "B47219", a Singapore partnership's
# UEN "T11LL0427E"
_SHORT_TAX_ID = re.compile(r"[A-Z]-\d{6}-[A-Z]|SM ?\d{5}|[A-ZÑ&]{3,4}\d{6}[A-Z0-9]{3}|\d{7} [A-Z]|[A-Z]\d{5}"
                           r"|[ST]\d{2}[A-Z]{2}\d{4}[A-Z]")


# VAT numbers of five to seven digits, after their own labels: Iceland's "VSK-nr. 118452" and "VSK nr. 98412", the
# Faroe Islands' "V-tal 512034", Trinidad and Tobago's "VAT Reg. No. 183457", Samoa's "TIN 1043827", Vanuatu's
# "N° TVA : 108472"
_SHORT_VAT_NUMBER = re.compile(r"(?<![\w-])(?:(?:VSK[- ](?:nr\.|númer)):?\s*(?=\d{5,6}(?![\d.,]))"
                            r"|(?:V-tal|VAT Reg\. No\.|VAT Registration No\.?):?\s*(?=\d{6}(?![\d.,]))"
                            r"|(?:TIN|N[°º] TVA) ?:?\s*(?=\d{6,7}(?![\d.,])))(\d{5,7})(?![\d.,])")
# a US state's tax account, of seven digits or more: "MN Tax ID: 4417902", "IL Account ID 3184-2706"
_STATE_TAX_ID = re.compile(
    rf"(?<![\w/]){US_STATES} (?:Tax ID|Account ID|Tax Account No\.?)\s*[:#]?\s*(\d[\d-]{{5,10}}\d)(?![\w.,])")


# Canada's business number and its GST/HST account, after any label or none ("TPS 742183098 RT0001", "(n° …)")
_CANADIAN_BN = re.compile(r"(?<![\w-])(\d{9} ?RT ?\d{4})(?!\w)")


_CENTS_IN_ID = re.compile(r"\d[.,]\d\d(?:\s|$)")  # an amount's cents inside what reads as an id


def prints_a_tax_id(index: TextIndex) -> bool:
    """The page prints what looks like a tax id: "PIN: P051678234", "VAT File (Osek Murshe) 514623974", though
    `find_vat_ids` may not read it ("TVA 18 % 221 040" is a rate, not an id)."""
    return _TAX_WORD_THEN_ID.search(index.text) is not None


def find_vat_ids(index: TextIndex) -> list[Candidate]:
    found = [Candidate(m.group(1), m.group(1), i, m.start()) for i, m in index.iter_matches(_VAT)]
    taken = {(c.line, c.start) for c in found}
    ibans = find_ibans(index)
    iban_shaped = {(c.line, c.start) for c in ibans}
    for i, m in index.iter_matches(_VAT_SPACED):
        if ((i, m.start()) not in taken and (i, m.start()) not in iban_shaped and " " in m.group(1)
                and _VAT.fullmatch(m.group(1).replace(" ", ""))):
            found.append(Candidate(m.group(1), m.group(1), i, m.start()))
            taken.add((i, m.start()))
    # after its tax label, an IBAN's shape without its check digits is an id ("VATIN: OM1100274519")
    taken |= {(c.line, c.start) for c in ibans if is_iban(c.value)}
    for i, m in index.iter_matches(_TAX_ID):
        if _CENTS_IN_ID.search(m.group(1)):
            continue  # "17 kg tin TIN 6 38.50 231.00": a row's unit and its amounts, no tax id
        if (i, m.start(1)) not in taken and (sum(ch.isdigit() for ch in m.group(1)) >= 8
                                             or _SHORT_TAX_ID.fullmatch(m.group(1))):
            found.append(Candidate(m.group(1), m.group(1), i, m.start(1)))
    for i, m in (*index.iter_matches(_STATE_TAX_ID), *index.iter_matches(_SHORT_VAT_NUMBER),
                 *index.iter_matches(_CANADIAN_BN)):
        if (i, m.start(1)) not in taken:
            found.append(Candidate(m.group(1), m.group(1), i, m.start(1)))
    for i, (label, value) in enumerate(zip(index.lines, index.lines[1:])):
        # "GST Number" / "113-245-077", "RUT EMISOR" / "215839200014": a label alone over its id; or the last of a
        # row of box headings ("INSC. ESTADUAL DO SUBST. TRIB. CNPJ" / "47.183.926/0001-23")
        words = label.split()
        m = next((m for k in (len(words), 1) if words and value.strip()
                  and (m := _TAX_ID.fullmatch(f"{' '.join(words[-k:])} {value.strip()}"))), None)
        if m and sum(ch.isdigit() for ch in m.group(1)) >= 8 and not _TAX_ID.search(label):
            found.append(Candidate(m.group(1), m.group(1), i + 1, index.lines[i + 1].find(m.group(1))))
    if any(_VAT.fullmatch(c.value) for c in found):
        # a German Steuernummer is the seller's id only where no USt-IdNr is printed: beside one it is no option
        found = [c for c in found if not _STEUERNUMMER_BEFORE.search(index.lines[c.line][: c.start])]
    return found


_STEUERNUMMER_BEFORE = re.compile(r"(?i)\bsteuer-?(?:nr|nummer)\.?\s*:?\s*$")


def is_iban(text: str) -> bool:
    """IBAN shape and its ISO 13616 check digits (mod 97 = 1): "KR87654321012" has the shape, not the digits."""
    iban = text.replace(" ", "").upper()
    if not _IBAN.fullmatch(iban):
        return False
    digits = "".join(str(int(ch, 36)) for ch in iban[4:] + iban[:4])
    return int(digits) % 97 == 1


def find_ibans(index: TextIndex) -> list[Candidate]:
    # the shape alone: sample and test invoices print IBANs whose check digits are wrong
    return [Candidate(m.group(1).replace(" ", ""), m.group(1), i, m.start()) for i, m in index.iter_matches(_IBAN)]


# a Portuguese document's id, its type and its series before the number: "FT 2025A/147" (SAF-T PT)
PT_DOCUMENT_ID = re.compile(r"(?<![\w/])((?:FT|FR|FS|NC|ND|RG|GT|GR) [A-Z0-9]{1,10}/\d{1,8})(?![\w/])")


_GLUED_NUMBER_LABEL = re.compile(r"(?i)(?:no|nr)\.(?=\d{3})")


def find_id_tokens(index: TextIndex) -> list[Candidate]:
    """Tokens that could be a document number: at least 3 characters with a digit, not a date or an amount."""
    out = [Candidate(m.group(1), m.group(1), i, m.start(1)) for i, m in index.iter_matches(PT_DOCUMENT_ID)]
    for i, m in index.iter_matches(_ID_TOKEN):
        token = m.group(1).rstrip("./-")
        if len(token) < 3 or len(token) > 40:
            continue
        glued = re.fullmatch(r"(\d{4,})([A-Za-zÀ-ÿ]{3,}.*)", token)
        if glued:  # "993548900Factuurnummer": pypdf glued the value to the next label
            out.append(Candidate(glued.group(1), glued.group(1), i, m.start(1)))
            continue
        if label := _GLUED_NUMBER_LABEL.match(token):  # "Approval No.20250610-41000087-5c2e9a14"
            token = token[label.end():]
            out.append(Candidate(token, token, i, m.start(1) + label.end()))
            continue
        if is_date_token(token):
            continue
        if re.fullmatch(r"-?\d{1,3}(?:[.,]\d{3})*[.,]\d{2}", token):
            continue
        out.append(Candidate(token, token, i, m.start(1)))
    for i, m in index.iter_matches(_TITLE_SHORT_NUMBER):
        out.append(Candidate(m.group(1), m.group(1), i, m.start(1)))
    return out


# ---------------------------------------------------------------- free text
_CELLS = re.compile(r"\s{3,}|\t|\s[|·•●]\s")  # (not a dash: a brand's before its legal name)
_SPLIT = re.compile(_CELLS.pattern + r"|\s[-–]\s")
# The words a document's title is made of, in the languages of the labels (a regex alternation).
DOCUMENT_TITLES = r"rechnung|invoice|facture|factuur|gutschrift|avoir|factura|fattura|faktura|honorarnote"
# the same in more languages, for the title line's number and date ("Рахунок на оплату № 245 від 12 травня 2025 р.")
MORE_DOCUMENT_TITLES = (r"рахунок|счет|счёт|фактура|račun|számla|τιμολόγιο|fatura|lasku|arve|rēķins|sąskaita"
                        r"|faktúra|請求書|请求书|청구서|세금계산서|發票|发票")
# a number of one or two digits is a document's only in its title, before its date: "СЧЁТ-ФАКТУРА № 47 от 11.03.2025"
_TITLE_SHORT_NUMBER = re.compile(rf"(?i)(?:{DOCUMENT_TITLES}|{MORE_DOCUMENT_TITLES})[\w-]*\s*(?:nr\.?|no\.?|n°|nº|№)"
                                 r"\s*(\d{1,2})\s+(?:от|від|du|vom|dated|of|z dnia|ze dne|del|van)\s")
# Document-type words that pypdf often glues in front of a letterhead name ("FACTUUR Van Dijk B.V.").
_TITLE_WORDS = re.compile(
    rf"^(?:{DOCUMENT_TITLES}|rechnungskorrektur|tax invoice|credit note)\s+(?=\S)", re.IGNORECASE)


# words before a company's name that are no part of it: the signature block's "For <company>" (the company signs),
# and the payee of cheques
_BEFORE_NAME = re.compile(r"(?:for and on behalf of|on behalf of|for|für|pour|per|por|namens)\s+"
                         # the payee is the seller: "Cheques payable to Salish Sea Office Systems Ltd."
                         # (or its line's end wrapped before "payable to")
                         r"|(?:(?:please )?(?:make )?(?:all )?(?:cheques|checks) (?:are |should be )?(?:made )?)?"
                         r"payable to\s+"
                         # "Chèque à l'ordre de …", "Favor emitir cheque a nombre de …"
                         r"|(?:favor )?(?:emitir )?(?:chèques?|cheques?) (?:libellés? )?"
                         r"(?:à l['’]ordre de|a nombre de)\s+",
                         re.IGNORECASE)

# a brand's line that names the company behind it
_TRADING_AS = re.compile(r"(?i)\s+\(?(?:trading as|t/a|d/b/a|dba)\s+")  # ("Pikselpuu OÜ (trading as Pixelgrove)")
_RUN_BY = re.compile(r"\b(?:is|are) (?:operated|owned|managed|run) by|\bis a trading (?:name|division) of"
                     r"|(?:\bis |^)a (?:brand|division) of", re.IGNORECASE)  # (under a logo: "a brand of …")
# a seller's name, then where it sells: "Sold by Harrowgate Craft Supplies Ltd on Bazaario Marketplace"
_SELLS_ON = re.compile(r"\s+(?:on|via|through)\s+[A-Z]")
# the addressee's honorific after the name, as Japanese invoices print it (御中, 様; "Messrs." in English), Chinese
# ones (先生, 女士) and Korean ones (귀하, or 님 after a role: "김민준 학부모님", Kim Min-jun, parent)
_HONORIFIC_AFTER = re.compile(r"\s+(?:Messrs\.?|御中|様|殿|先生|女士|小姐|귀하|귀중|[가-힣]*님)$")

SALUTATION = re.compile(
    r"(?i)(?:herrn?|frau|mr\.?|mrs\.?|ms\.?|monsieur|madame|mme\.?|m\.|dhr\.?|mevr\.?|de heer|mevrouw|sr\.?|sra\.?"
    r"|señora?|dña\.|doña|sig\.(?:ra)?|signora?|sr\.ª|sra\.?|pan|paní|pani|hr\.|fru|"
    # Spain's "D." (don) before a first name and a surname, not an initial: "D. Álvaro Méndez Ruiz"
    r"(?-i:D\.)(?=\s[A-ZÀ-Þ][a-zà-ÿ]+\s[A-ZÀ-Þ])|"
    + "|".join(map(re.escape, lexicon.labels("salutation"))) + r")(?=\s|$)")
# a letter's greeting, no party's name: "Sehr geehrte Frau Dr. Hofstetter", "Gentile Signora", "Dear Ms Lee"
GREETING = re.compile(
    r"(?i)(?:sehr geehrte[rs]?|gentil(?:e|issim[oa])|egregi[oa]|dear|geachte|cher|chère"
    r"|estimad[oa]s?|prezad[oa]s?|stimate|stimat[ăa]|szanown[iya]|vážen[ýáí]|spoštovan[aio]?|poštovan[aio]?"
    r"|tisztelt|kedves|hyvä|kære|kjære|уважаем\w*|уважаван\w*|шановн\w*)(?=\s|,|$)")
# a line for whom the mail is to go to, under the party's own name: "c/o Amministrazioni Ferri", "T.a.v. bosd"
ATTENTION = re.compile(
    r"(?i)(?:c/o|c/-|z\.\s?hd?\.?|zu händen|attn\.?|att\.?|attention|t\.a\.v\.|à l'attention|all'attenzione"
    r"|a/a|a l'atenció|a la atención)(?=\s|:|$)")
# words saying that an amount includes a tax: "inkl. USt.", "inclusive of … Tax", "Prijzen zijn inclusief BTW"
INCLUDING = (r"\b(?:inc\.?(?=\s+(?:gst|vat|tax|hst))|incl(?:\.|usive|uding|uded)?|"
             r"inkl\.?|inklusive|einschl(?:\.|ießlich)|inclusief|incluid[ao]"
             r"|compres[ao]|y compris|vč\.|včetně|vrátane|вкл\.|включ(?:ително|но)"
             # "with" before the tax's name in Slavic languages: "Ukupno s PDV-om", "Razem z VAT", "Celkem s DPH"
             r"|\bsa? (?=pdv)|\b[sz] (?=vat\b|dph|ddv)|\bс (?=ндс)"
             # and in Portuguese and Spanish: "Total (com IVA)", "Total con IVA"
             r"|\bco[mn] (?=iva\b))")
# The currencies printed next to amounts ("€ 500", "1939 INR") and inside labels ("Montant EUR HT"): one
# vocabulary for the amount readers below, the row cleaner and the labels in fields.py.
CURRENCY_SIGNS = r"€|\$|£|₹|¥|₩|₫|₱|฿|₪|₦|₺|₽|zł|Kč"
CURRENCY_CODES = r"CHF|EUR|USD|GBP|SEK|INR"
CURRENCY_MARK = rf"(?:{CURRENCY_SIGNS}|(?i:{CURRENCY_CODES}))"  # labels are matched in lower case
# Beside an amount, more codes and local abbreviations say money ("Rp 44.525.000", "867 200 Ft"); in a label,
# lower-cased, some of them are words ("pen", "lei").
MONEY_CODES = (CURRENCY_CODES + r"|NOK|DKK|ISK|PLN|CZK|HUF|RON|BGN|JPY|CNY|KRW|IDR|MYR|THB|VND|PHP|SGD|HKD|AUD"
               r"|NZD|CAD|MXN|BRL|ARS|CLP|COP|PEN|UYU|ZAR|AED|Rp|RM|Ft|lei")


_GLUED_AFTER_DOMAIN = re.compile(r"(\.(?:co\.uk|uk|com|org|net|de|fr|nl|it|es|ie|ca|au|nz|ch|at|be|example))"
                                 r"(?=[A-Z][a-z])")
# a year glued to the next cell's name: "Oppgjørsperiode april 2025Sagbruket Interiør AS"
_GLUED_AFTER_YEAR = re.compile(r"(?<=\b(?:19|20)\d\d)(?=[A-ZÀ-Þ][a-zà-ÿ]{2,})")


def find_text_spans(index: TextIndex, *, max_lines: int | None = None, footer: int = 0) -> list[Candidate]:
    """Name-like spans: each line, or the part after a `label:`, and columns separated by wide gaps.

    Only the first `max_lines` lines and the last `footer` ones, where letterheads and footers name parties.
    """
    out: list[Candidate] = []
    seen: set[str] = set()
    n = len(index.lines)
    keep = range(n) if max_lines is None else [*range(min(n, max_lines)), *range(max(max_lines, n - footer), n)]
    for i in keep:
        line = index.lines[i]
        # an address on the web glued to the next cell's name: "accounts@ashcombepenrose.co.ukMrs Eleanor Whitcombe"
        parts = _SPLIT.split(_GLUED_AFTER_YEAR.sub("   ", _GLUED_AFTER_DOMAIN.sub(r"\1   ", line)))
        if len(parts) == 1 or _brand_and_legal_name(line):
            parts = [line]  # "Cortiçarte – Indústria de Cortiça, Lda.": a brand and its legal name are one name
        elif _brand_and_legal_name(first := _CELLS.split(line)[0].strip()):
            # and in the letterhead's first cell: "Sol do Alentejo - Energias Renováveis, Lda.  ·  Rua do …"
            parts = [first, *_SPLIT.split(line[line.find(first) + len(first):])]
        expanded = []
        for part in parts:
            # "Name: Lieferant GmbH" -> the value after the label, not the whole line
            # (not a gender's colon: "Empfänger:in Name/Firma", "Auftraggeber:innen")
            head, colon, tail = re.sub(r"(?<=[^\W\d_]):(?=in(?:nen)?\b)", "\x00", part).partition(":")
            head, tail = head.replace("\x00", ":"), tail.replace("\x00", ":")
            # not after "Attn:": the person to whose attention a party's mail goes is not the party (a company
            # is: "ATTN: iViveLabs Limited")
            attention = ATTENTION.fullmatch(head.strip()) and not COMPANY.search(tail)
            if colon and (then := _NEXT_CAPITAL_LABEL.search(tail)):
                # "SEÑOR(ES) :  COMERCIALIZADORA … LIMITADA CIUDAD :  RANCAGUA", and a label of more words after
                # a legal form: "… Atacama Limitada FECHA EMISIÓN : 15 de Marzo"
                legal = list(COMPANY.finditer(tail, 0, then.start()))
                tail = tail[: legal[-1].end() if legal else then.start()]
            expanded.append(tail if colon and tail.strip() and len(head) <= 40 and not attention else part)
            if colon and (second := _SECOND_LABEL.search(tail)) and COMPANY.search(tail, second.end()):
                # "Поставщик: ООО «…» Покупатель: ООО «Самарканд Тикув»": two columns' labels and names on one line
                expanded.append(tail[second.end():])
        for part in expanded:
            part = _name_in(part)
            if SALUTATION.fullmatch(part) and i + 1 < len(index.lines) and index.lines[i + 1]:
                part = f"{part} {index.lines[i + 1]}"  # "Herrn" / "Max Mustermann": the addressee is both lines
            letters = sum(ch.isalpha() for ch in part)
            # (a company's name again in another block: "Consignee (Ship to)" and "Buyer (Bill to)" print the same
            # company, and the heading over its second printing may be the one that names the field; a word that
            # recurs as a label, "Nummer", once)
            again = part.casefold() in seen and bool(COMPANY.search(part))
            if 3 <= len(part) <= 120 and letters >= max(3, len(part) // 2) and (part.casefold() not in seen or again):
                seen.add(part.casefold())
                out.append(Candidate(part, part, i, max(0, line.find(part))))
        if (len(parts) == 1 and i + 1 < n and _FIRST_LINE_OF_NAME.fullmatch(line) and not COMPANY.search(line)
                and not _TITLE_ALONE.fullmatch(line.strip())  # "Tax Invoice" over "Kōwhai Cloud Consulting Limited"
                and not fold(index.lines[i + 1]).startswith(fold(line))):  # "Tejo Frescos" over "Tejo Frescos – …",
            # "ALGARVE AVIATION FUELS" over "Algarve Aviation Fuels, Unipessoal Lda.": a logo
            nxt = index.lines[i + 1]
            joined = f"{line} {nxt}"
            # (not a brand over the legal name in another script: "Thalassini Avra Boutique Hotel" / "ΘΑΛΑΣΣΙΝΗ …")
            if ((legal := COMPANY.search(nxt)) and legal.end() >= len(nxt.rstrip(".")) and not re.search(r"[:·|•]", nxt)
                    and bool(_GREEK_OR_CYRILLIC.search(line)) == bool(_GREEK_OR_CYRILLIC.search(nxt))
                    # (not a brand over the legal name that holds its word: "Capucine Box" / "Les Boîtes de
                    # Capucine SAS", "PD PANON DISTRIBUCIJA" / "Panon Distribucija d.o.o.")
                    and not any(len(w) >= 4 and re.search(rf"(?i)\b{re.escape(w)}\b", nxt) for w in line.split())
                    and (index.flat.count(joined.casefold()) >= 2 or (i == first_line(index) and " " in line)
                         or _domain_runs_on(index.text, line, nxt))):
                # "MVM Musterhafter" / "Versicherungsverein Musterstadt a.G.", in the letterhead and again in
                # the footer, or opening the page: a legal name printed over two lines (a single word once could
                # be a logo's letters, and a line further down a heading)
                out.append(Candidate(joined, joined, i, 0))
        if (len(parts) == 1 and i + 1 < n and COMPANY.fullmatch(index.lines[i + 1].strip())
                and re.fullmatch(r"[^\W\d_][\w&'.-]*(?: [\w&'.-]+){1,7}", line) and not COMPANY.search(line)):
            # "EGE ROTA OTOMOTİV KİRALAMA TİCARET" / "A.Ş.": the legal form wrapped alone onto the next line
            joined = f"{line} {index.lines[i + 1].strip()}"
            out.append(Candidate(joined, joined, i, 0))
        if i + 1 < n and OPEN_END.search(line) and len(index.lines[i + 1].split()) <= 6:
            # "Suministros Industriales del Bajío, S.A. de" / "C.V.", "Nearshore Dev Labs de" / "México, S. de R.L.
            # de C.V.": a name cut after a joining word
            joined = " ".join(f"{line} {index.lines[i + 1]}".split())
            if ((legal := list(COMPANY.finditer(joined))) and legal[-1].end() == len(joined.rstrip())
                    or _PLACE_NAME.fullmatch(index.lines[i + 1].strip())):
                # (or a public body's place: "Communauté de communes des Coteaux de" / "l'Arrats")
                out.append(Candidate(joined, joined, i, 0))
        elif i + 1 < n and wrapped_name_tail(index, i + 1):
            joined = " ".join(f"{line} {index.lines[i + 1]}".split())
            out.append(Candidate(joined, joined, i, 0))
        if len(parts) == 1 and (second := _second_legal_name(line)):
            # "Nile Walnut Furniture Company S.A.E. Sahel Hospitality Development S.A.E.": two columns' names, the
            # plain text ran together
            out.append(Candidate(second, second, i, line.rfind(second)))
        if (OWNERS_ASSOCIATION.fullmatch(line) and i + 1 < n and 1 <= len(index.lines[i + 1].split()) <= 4
                and not ATTENTION.match(index.lines[i + 1])):
            # "Stockwerkeigentümergemeinschaft" / "Seefeldstrasse 118": owners go by their building's name
            joined = " ".join(f"{line} {index.lines[i + 1]}".split())
            out.append(Candidate(joined, joined, i, 0))
    return out


def _second_legal_name(line: str) -> str | None:
    """The name after another's legal form that ends the line with its own: "… Company S.A.E. Sahel Hospitality
    Development S.A.E." (not the legal form's own words: "Company S.A.E.")."""
    legal = list(COMPANY.finditer(line))
    if len(legal) < 2 or legal[-1].end() < len(line.rstrip(" .")) - 1:
        return None
    for m in legal[:-1]:
        rest = line[m.end():].lstrip(" .,")
        if re.match(r"[A-ZÀ-Þ][^\W\d_]+ ", rest) and not COMPANY.match(rest) and len(rest.split()) >= 2:
            return rest.rstrip()
    return None


# one place's name, after its article: "l'Arrats", "la Ría", "Gascogne"
_PLACE_NAME = re.compile(r"(?:[ldLD]'|la |las |los |le |les )?[A-ZÀ-Þ][^\W\d_]+(?:-[A-ZÀ-Þ][^\W\d_]+)*")
# the owners of a building's flats, whom its manager or its contractors bill
OWNERS_ASSOCIATION = re.compile(
    r"(?i)(?:stockwerk|wohnungs)?eigentümergemeinschaft|stweg|(?:association|syndicat) des copropriétaires"
    r"|společenství vlastníků(?: jednotek)?|svj|vereniging van eigenaars|vve|wspólnota mieszkaniowa"
    r"|comunidad de propietarios")


def _domain_runs_on(text: str, line: str, nxt: str) -> bool:
    """The page's web or mail domain spells the line's words and goes on into the next line's: "Savanna Gold" /
    "Shea Processors Ltd" and export@savannagoldshea.com.gh name one company."""
    squeeze = lambda s: re.sub(r"[\W_]", "", s).casefold()  # noqa: E731
    head, joined = squeeze(line), squeeze(f"{line} {nxt}")
    return any(len(d) > len(head) and joined.startswith(d.casefold())
               for d in re.findall(r"(?:@|www\.)([\w-]+)\.", text))


def wrapped_name_tail(index: TextIndex, i: int) -> bool:
    """Line i ends a name the line above began, wrapped before a joining word: "Distribuidora Médico Quirúrgica del
    Valle" / "de Sula, S. de R.L."."""
    line, above = index.lines[i], index.lines[i - 1] if i > 0 else ""
    return bool(OPEN_START.match(line) and _NAME_BEFORE_WRAP.fullmatch(above) and not COMPANY.search(above)
                and (legal := list(COMPANY.finditer(line))) and legal[-1].end() >= len(line.rstrip(" .")) - 1)


def _name_in(part: str) -> str:
    """The name a span holds, without the words printed around it: a title, a signature's "For" or a cheque's
    "payable to", an honorific, a sender's address run into it, the small print's "… Registered in …", a brand's
    "… is operated by"."""
    part = _TITLE_WORDS.sub("", part.strip(" :,;"))
    part = re.sub(r"^E\.\s?&\s?O\.\s?E\.\s+", "", part)  # "E. & O. E. WHITFIELD KWAN & PARTNERS": errors excepted
    payee = False
    if (before := _BEFORE_NAME.match(part)) and COMPANY.search(part, before.end()):
        part, payee = part[before.end():], True  # "For Halasuru Process Instruments LLP" over "Authorised Signatory"
        if quoted := re.fullmatch(r"[\"“](.+?)[\"”]\.?", part):
            part = quoted.group(1)  # Cheques payable to "Wayfarer Educational Journeys Ltd".
    part = _HONORIFIC_AFTER.sub("", part)  # "Seaside Minato Hotel Co., Ltd.  Messrs.": the addressee
    part = _BRANCH_AFTER.sub("", part)  # "Siam Avionics Service Co., Ltd. (Head Office)": which of its offices
    # a Korean tax invoice's "상호 (법인명) 한빛항공정비 주식회사 성명 정민호": the corporate name, then its head's
    part = _KOREAN_NAME_BOX.sub("", part)
    # "info@huber-wyss.ch Wohnbaugenossenschaft Sonnhalde": pypdf ran the sender's address into the name
    part = re.sub(r"^(?:\S+@\S+\.\w+|www\.\S+)\s+(?=[A-ZÀ-Þ])", "", part)
    if (phone := _PHONE_BEFORE.match(part)) and COMPANY.search(part, phone.end()):
        part = part[phone.end():]  # "Tel. +32 3 541 22 90 Rederij Van Damme BV": the next cell's name
    if (tax_id := _TAX_ID.match(part)) and COMPANY.search(part, tax_id.end()) and part.startswith(",", tax_id.end()):
        part = part[tax_id.end() + 1:].strip()  # "БИН / ИИН 050440012343, ТОО «Жетысу Транзит Логистик», …"
    if (quoted := _QUOTED_NAME_THEN_MORE.match(part)) and COMPANY.search(quoted.group(1)):
        part = quoted.group(1)  # "ТОО «Жетысу Транзит Логистик», Республика Казахстан", "… » Покупатель: …"
    for legal in COMPANY.finditer(part):
        if _LABEL_AFTER.match(part, end := legal.end() + part.startswith(".", legal.end())):
            part = part[:end]  # the next column's label: "… Foundation, Inc. Date: April 8, 2025"
            break
    for legal in COMPANY.finditer(part):
        if (_REGISTRATION_AFTER.match(part, legal.end()) or _SENTENCE_GOES_ON.match(part, legal.end())
                or _SELLS_ON.match(part, legal.end()) or _FLOOR_AFTER.match(part, legal.end())
                or _SAME_AS_AFTER.match(part, legal.end())
                or (payee and _NEW_SENTENCE_AFTER.match(part, legal.end()))):
            # "Caledon Heating & Gas Services Ltd. Registered in Scotland No. SC604218. …", "Ó Dálaigh Kinsella
            # LLP is a limited liability partnership registered …": the small print's sentence about the company
            part = part[: legal.end()]
            break
    if (trading := _TRADING_AS.search(part)) and COMPANY.search(part[: trading.start()]):
        part = part[: trading.start()]  # "Liffey Aviation Services Limited trading as LiffeyAir Handling"
    if (run_by := _RUN_BY.search(part)) and COMPANY.search(part, run_by.end()):
        # "The Marlowe Quay is operated by Marlowe Quay Hotel Pte. Ltd.": the company
        part = part[run_by.end():].strip(" .") + ("." if part.endswith(".") else "")
    return part


# the next column's label of one word after a value: "… Савдо» Покупатель: ООО …"
# a form's next label in capitals, before its own colon: "… LIMITADA CIUDAD :  RANCAGUA"
_NEXT_CAPITAL_LABEL = re.compile(r"(?<=\S)\s+[A-ZÀ-Þ]{3,}\s:\s")
_SECOND_LABEL = re.compile(r"(?<=\S)\s+[^\W\d_][\w.]{3,}:\s+(?=\S)")
# a legal form and a name in guillemets, then an address after a comma or the next column's label
_QUOTED_NAME_THEN_MORE = re.compile(r"([^«»,:]{0,20}«[^«»]+»)(?:\s*,\s|\s+[^\W\d_]+:\s)")
# the address run into the name: "… Shipping Agencies Limited 3rd Floor, 41 Harbour Street"
_FLOOR_AFTER = re.compile(r"\.?,?\s+(?:\d+(?:st|nd|rd|th)\s+Floor|P\.?\s?O\.?\s+Box)\b", re.IGNORECASE)
_KOREAN_NAME_BOX = re.compile(r"^\(법인명\)\s*|(?<=\S)\s+성\s?명\s+\S+(?:\s\S+)?$")
# a Thai company's office after its name, as its tax invoices print it
_BRANCH_AFTER = re.compile(r"(?i)(?<=\S)\s*\((?:head office|สำนักงานใหญ่|branch(?: no\.?)?\s*\d+|สาขา(?:ที่)?\s*\d+)\)$")
# the next column's label run into the name: "Lanas del Cantábrico S.L. Puerto / aeropuerto destino: Madrid",
# "Confecciones Warmi E.I.R.L. Fecha de emisión : 18/03/2024"
_LABEL_AFTER = re.compile(r"\s+[^\W\d_][^:\d]{0,40}?\s?:(?:\s|$)")
# the next column's "Same as billed to" under "CONSIGNEE", run into the name
_SAME_AS_AFTER = re.compile(r"(?i)\s+(?:same as|idem|wie oben|comme ci-dessus)\b")
# the payee's sentence ends and the next begins: "Cheques payable to Osu Frame & Gallery Limited. Payment due …"
_NEW_SENTENCE_AFTER = re.compile(r"\.\s+[A-ZÀ-Þ][a-zà-ÿ]+\s+[a-zà-ÿ]{2,}")
_SENTENCE_GOES_ON = re.compile(r"\.?\s+(?:or|oder|ou|o)\s+[a-zà-ÿ]")  # "… Sign LLC or pay by ACH:", "Ltd. or pay"
_PHONE_BEFORE = re.compile(r"(?i)(?:tel|tlf|phone|telefon|tél|fon)\.?:?\s*\+?\d[\d ()/.-]{5,}\d\s+(?=[A-ZÀ-Þ])")
_REGISTRATION_AFTER = re.compile(
    r"\.?\s+(?:(?:is|are)\s+an?\s+(?:private |public )?(?:limited|unlimited|registered)\b"
    r"|registered\s+(?:in|office|no|number|with)\b|company\s+(?:no|number|reg)\b)", re.IGNORECASE)


# a line that ends in a word that joins it to the next: "de", "&", "und"
OPEN_END = re.compile(r"(?:\w\w|\.)\s+(?:de|del|&|y|e|und|and|et|en)$", re.IGNORECASE)  # (not "I N V O I C E")
# and a line that opens with one, in lower case: "de Sula, S. de R.L.", Polish "i Wspólnicy Sp.k."
OPEN_START = re.compile(r"(?:de|del|de la|y|e|i|a|und|and|et|en|&)\s+[A-ZÀ-ÞŁŚŻŹĆŃŠČŘŽ]")
# the capitalised words of a name before such a wrap, with the small words between them
_NAME_BEFORE_WRAP = re.compile(
    r"[A-ZÀ-Þ][\w&'.-]*(?: (?:[A-ZÀ-Þ][\w&'.-]*|de|del|la|los|las|y|e|et|und|and|of|the)){1,7}")


_GREEK_OR_CYRILLIC = re.compile(r"[\u0370-\u03ff\u0400-\u04ff]")


def first_line(index: TextIndex) -> int:
    return next((i for i, line in enumerate(index.lines) if line.strip()), -1)


# a brand of a few words, a dash and a name: "Cortiçarte – Indústria de Cortiça, Lda.", "Taberna do Largo –
# Restauração, Lda."
_BRAND_DASH = re.compile(r"[A-ZÀ-Þ][\w&'-]+(?: [\w&'-]+){0,3} [-–] [A-ZÀ-Þ][^|·•●]+")


def _brand_and_legal_name(line: str) -> bool:
    """A brand, a dash and the company's legal name, which ends the line."""
    return bool(_BRAND_DASH.fullmatch(line)) and any(m.end() >= len(line.rstrip(".")) for m in COMPANY.finditer(line))


# "Kells, Co. Meath": Ireland's counties are written "Co." too
_IRISH_COUNTY = (r"(?:Antrim|Armagh|Carlow|Cavan|Clare|Cork|Derry|Donegal|Down|Dublin|Fermanagh|Galway|Kerry|Kildare"
                 r"|Kilkenny|Laois|Leitrim|Limerick|Longford|Louth|Mayo|Meath|Monaghan|Offaly|Roscommon|Sligo"
                 r"|Tipperary|Tyrone|Waterford|Westmeath|Wexford|Wicklow)\b")


# a document's title alone on its line: "Tax Invoice"
_TITLE_ALONE = re.compile(
    rf"(?i)(?:tax |commercial |pro forma )?(?:{DOCUMENT_TITLES}|{MORE_DOCUMENT_TITLES}|credit note)")
# a line that can open a company's name: capitalised words, no digits, no label or punctuation of a sentence
_FIRST_LINE_OF_NAME = re.compile(r"[A-ZÄÖÜ][\w&'-]*(?: [A-ZÄÖÜ][\w&'-]*){0,3}")
COMPANY = re.compile(
    # legal forms of several parts first, whole: "Co., Ltd.", "S.A. de C.V.", "S. de R.L. de C.V."
    r"(?<!\w)(co\.,? ?ltd\.?|co\., inc\.|ltd\.? ?şti\.?|"  # Turkey's limited company, "Ltd. Şti.", before "Ltd"
    r"s\.a\. de c\.v\.|s\.à ?r\.l\.|s\. de r\.l\.(?: de c\.v\.)?|s\.a\.[ca]\.|e\.i\.r\.l\.|k\.k\.|"
    # ("AG" and "KG" in capitals only: "Tarawera Ag Contracting Limited" farms, "Sodium chloride 1 kg")
    r"gmbh|(?-i:AG)|(?-i:KG)|ug|ltd|limited|inc|llc|plc|corporation|corp|co\.(?! ?" + _IRISH_COUNTY + r")|"
    r"b\.v\.|bv|n\.v\.|nv|sarl|sàrl|sas|sa|s\.a\.|s\.l\.p\.|slp|s\.l\.|sl|"
    # (Italy's "SpA", not a hotel's "Resort & Spa")
    r"s\.r\.l\.|srl|(?-i:SpA|SPA)|s\.p\.a\.|oy|ab|as|a/s|aps|pvt|e\.k\.|e\.u\.|a\.g\.|a\.s\.|s\.r\.o\.|ltda\.?|kft\.?|zrt\.?"
    # cooperatives of Portugal and Denmark ("C.R.L.", "A.m.b.a."), Poland's partnerships ("Sp.j.", "Sp.k.")
    r"|c\.r\.l\.|crl|a\.m\.b\.a\.|amba|sp\. ?j\.|sp\. ?k\."
    # "CC": South Africa's close corporation, in capitals only
    r"|sp\. z o\.o\.|s\.c\.|s\.a\.m\.|s\.n\.c\.|s\.a\.s\.|snc|(?-i:CC)|"
    r"(?-i:DAC|CLG)|"  # Ireland's designated activity company, a company limited by guarantee
    r"(?-i:EARL|GAEC|SCEA)|"  # France's farming companies: "EARL du Bois Chaillou"
    r"(?-i:SCI|SCM|SCP)(?= )|"  # and its civil companies: "SCI Centre Commercial Les Hauts de Sèvre"
    r"(?-i:PT\.?)(?= [A-Z])|(?-i:Tbk)|"  # Indonesia's limited company: "PT Ubud Hills Hospitality", "PT … Tbk"
    r"e\.s\.p\.|"  # a Colombian public-service company: "Conexión Andina de Telecomunicaciones S.A.S. E.S.P."
    r"(?-i:ACP|VME)(?= )|"  # Belgium's owners' associations: "ACP Résidence Les Tilleuls"
    r"(?-i:eGen|eG)|"  # a German or Austrian cooperative ("Wohnbau Lindenau eG"), not "EG", a ground floor
    r"tnhh|cổ phần|"  # Vietnam's limited and joint-stock companies: "CÔNG TY TNHH …", "CÔNG TY CỔ PHẦN …"
    r"sp/f|p/f|"  # the Faroe Islands' private and public limited companies: "Sp/f Fiskavirkið í Vági"
    r"\w*partnerselskab|anpartsselskab|aktieselskab|p/s|i/s|k/s|"  # Denmark's: "… Revisionspartnerselskab"
    # a US professional corporation, a Quebec partnership: "Susquehanna Family Health Associates, P.C.", "S.E.N.C."
    r"p\.c\.|s\.e\.n\.c\.(?:r\.l\.)?|"
    + "|".join(map(re.escape, sorted(lexicon.labels("legal_form"), key=len, reverse=True)))
    + r")(?!\w)",  # "S.L." ends in a dot: no \b after it
    re.IGNORECASE,
)


# ---------------------------------------------------------------- table rows
# (a rate is no amount: "19 %", and in Turkish "%10"; "120,00 %10" is an amount before its rate)
# (a currency's letters may be glued before it: the rand's "R6,500.00", "Rs.1,250.00", "RM180.00")
_GLUED_MONEY = r"(?:(?<=\bR)|(?<=\bRs)|(?<=\bRs\.)|(?<=\bRM)|(?<=\bRp))(?=\d[\d,.]*[.,]\d\d\b)"
_NUMBER = re.compile(r"(?:(?<![\w.,/%-])|" + _GLUED_MONEY + r")-?(" + _GROUPED
                     + r"|\d+)([.,]\d{1,6})?(?![\w]|[.,/-]\d)(?!\s?%(?!\d))")
_NUMBER_SPACED = re.compile(r"(?<![\w.,/%-])-?(\d{1,3}(?: \d{3})+)([.,]\d{1,6})?(?![\w]|[.,/-]\d)(?!\s?%(?!\d))")
_POSITION = re.compile(r"\d{1,3}[.)]?\s")
_LEADING_CODE = re.compile(
    r"^(?:" + _POSITION.pattern + r"+|\[[^\]\s]{1,30}\]\s*|\*[^*\s]{1,30}\*\s*"  # a position; a code "[FURN_7777]"
    # (a code has a digit or a hyphen, or a capitalised word follows it: "FRAKT Frakt, DHL"; "HDPE jerry can",
    # "CHAPA GROSSA" are words in capitals)
    # (in Greek and Cyrillic capitals too: "ΚΑΡ-ΥΔΡ Καρέκλα κομμωτηρίου …")
    r"|(?=[A-ZΑ-ΩА-ЯЁ]*[\d-])[A-Z0-9Α-ΩА-ЯЁ-]{4,}\s+(?=[^\W\d_])|[A-Z]{4,}\s+(?=[A-ZÀ-ÞΑ-ΩΆ-Ώ][a-zß-ÿα-ωά-ώ])"
    r"|[A-Z0-9-]{2,}\s{2,}(?=[^\W\d_])"
    # an article code: "NYM-J3x1,5", "ΥΠ-01", "В-101"
    r"|(?=\S*\d)(?=\S*[A-ZΑ-ΩА-ЯЁЈЉЊЋЏЂЃЌЅ])(?!\S*[a-z]{3})\S+\s+(?=[A-ZÄÖÜΑ-ΩΆΈΉΊΌΎΏА-ЯЁЈЉЊЋЏЂЃЌЅ])"
    r"|(?:P/N|PN|Part No\.?)\s*[\w./-]*\d[\w./-]*\s+(?=[^\W\d_]))"  # a part's number: "P/N 3862230 Φτερωτή …"
)


@dataclass(frozen=True, order=True)
class _Num:
    start: int
    end: int
    value: float
    decimals: int  # digits after the decimal separator in this reading
    money: bool  # a currency sign or code right next to it
    unit: bool = False  # a unit word right after it ("-5,0000 Stk."): a quantity


_MONEY_SIGN = re.compile(rf"(?:{CURRENCY_SIGNS}|(?<![A-Za-z])(?:{MONEY_CODES})\.?|kr|\bRs\.?)\s*$")
_MONEY_SIGN_AFTER = re.compile(rf"^\s*(?:{CURRENCY_SIGNS}|(?:{MONEY_CODES}|kr)\b)")
_MONEY_SIGN_AFTER_ALONE = re.compile(_MONEY_SIGN_AFTER.pattern + r"(?!\s?\d)")  # in "2014 $4.11" "$" is 4.11's


def _decimals(raw: str, value: float) -> int:
    """Digits after the decimal separator in the reading `value` of `raw` (0 if it read as an integer)."""
    tail = re.split(r"[.,]", raw)[-1] if re.search(r"[.,]", raw) else ""
    digits = re.sub(r"\D", "", raw)
    if tail and digits and abs(abs(value) - int(digits) / 10 ** len(tail)) < 1e-9:
        return len(tail)
    return 0


def _numbers(text: str, whole: bool = False, decimal: str | None = None) -> list[_Num]:
    """Every reading of every number in `text`, by position.

    "2.000" is both 2000 (Spanish thousands) and 2.0, and "3 650.00" both 3650.00 and 3 | 650.00:
    ambiguous readings are all kept, and the consumer's own check (a product, a sum) picks one. On a page of
    `whole` amounts (`TextIndex.whole_amounts`) "6,850" is only 6850: 20 × 6.85 = 137.0 checks as well as
    20 × 6850 = 137,000. A page's own `decimal` separator (`TextIndex.three_decimal_sep`) leaves one reading.
    """
    spans = set()
    for pattern in (_NUMBER, _NUMBER_SPACED):
        for m in pattern.finditer(text):
            raw = m.group(0)
            value = parse_amount(raw, dot_groups_thousands=whole, decimal=decimal)
            if value is None or (raw.startswith("0") and re.match(r"\d{3}\b", raw)
                                 and re.search(r"(?<![\d.,])\d{1,3} $", text[: m.start()])):
                continue  # the "030" of "132 030": a thousands group, no number of its own
            reading = _reading(text, m.start(), m.end(), value)
            spans.add(reading)
            # "2.000", "1,250": a thousand or three decimals
            if not whole and not decimal and re.fullmatch(r"-?[1-9]\d{0,2}[.,]\d{3}", raw):
                thousands = float(raw.replace(".", "").replace(",", ""))
                spans.add(replace(reading, value=thousands, decimals=0))
                spans.add(replace(reading, value=float(raw.replace(",", ".")), decimals=3))
            if pattern is _NUMBER_SPACED:
                spans |= _split_readings(text, m, whole, decimal)
    return sorted(spans)


def _split_readings(text: str, m: re.Match[str], whole: bool = False, decimal: str | None = None) -> set[_Num]:
    """A run of space-grouped digits read as two numbers: "489 000 489 000" is also 489 000 | 489 000, and
    "9 500 133 000" 9 500 | 133 000 (a price and an amount in forints, printed whole)."""
    out = set()
    for gap in re.finditer(r" (?=[1-9]\d\d(?: |[.,]\d|$))", m.group(0)):
        for start, end in ((m.start(), m.start() + gap.start()), (m.start() + gap.end(), m.end())):
            raw = text[start:end]
            if (re.fullmatch(r"-?\d{1,3}(?: \d{3})*(?:[.,]\d{1,4})?", raw)
                    and (value := parse_amount(raw, dot_groups_thousands=whole, decimal=decimal)) is not None):
                out.add(_reading(text, start, end, value))
    return out


# (glued to its sign: "1 - $89.00" is an empty tax column's dash, then the amount)
_MINUS_SIGN_BEFORE = re.compile(rf"(?<![\w.,])[-−](?:{CURRENCY_SIGNS})\s?$")


def _reading(text: str, start: int, end: int, value: float) -> _Num:
    """`value` as the reading of text[start:end], with the currency sign or unit word beside it."""
    raw = text[start:end]
    money = bool(_MONEY_SIGN.search(text[:start]) or _MONEY_SIGN_AFTER.match(text[end:]))
    if value > 0 and _MINUS_SIGN_BEFORE.search(text[:start]):
        value = -value  # "1 -$9.03 -$9.03": a credit's minus before its currency sign
    return _Num(start, end, value, _decimals(raw, value), money, _UNIT_AFTER.match(text, end) is not None)


def number_values(text: str) -> list[float]:
    """Every value a number in `text` can be read as, in reading order."""
    return [n.value for n in _numbers(text)]


def find_numbers(index: TextIndex) -> set[float]:
    """Every value any number in the text can be read as (for grounding)."""
    return {round(n.value, 4) for line in index.lines for n in _numbers(line)}


_UNIT_WORDS = (r"(?:x|pcs?\.?|pc\.?|stk\.?|stück|st\.?|std\.?|h|hrs?\.?|hours?|days?|tage?|psch\.?|pausch\.?|"
               r"pauschale?|"
               r"pers\.?|leist\.?|mt\.?|"
               r"ks|szt\.?|"
               r"monate?|kg|g|l|m|m2|m²|lfm|ea|each|units?|unités?|u\.?|uds?\.?|pz\.?|stuks?|st|lots?)\b")
# (not a word that opens the description's phrase: "Day delegate package – morning coffee …")
_UNITS = re.compile(r"^(?!(?:days?|hours?|units?|lots?|each)\s+(?-i:[a-z]))" + _UNIT_WORDS + r"\.?\s*", re.IGNORECASE)
_MEASURE_AFTER_POSITION = re.compile(r"\d{1,3}\s+(?!" + _UNIT_WORDS + r")(?-i:[A-Z][a-z])", re.IGNORECASE)
# matched where a number ends: "-5,0000 Stk.", "1,25 t" (tonnes), "40 ram." (reams); here only, not stripped
# from the start of a description ("Rouleau adhésif")
# the unit columns of Central and Eastern European, Baltic, Balkan, Greek and Turkish forms: piece, set, service
_LOCAL_UNITS = (r"(?i:vnt|pasl|gab|tk|kos|kom|kpl|szt|op|ks|hod|buc|бр|шт|компл|посл|τεμ|κιβ|ζεύγ|ώρες|ημέρες|λίτρα"
                r"|adet|kişi|gün|dan|osoba"
                r"|paket|parole|mots|wörter|woorden|palabras|words"  # a translator's count of words
                r"|bao|viên|chuyến|chai|túi|cái|bộ|hộp|thùng|khách|vé"  # and Vietnam's: bag, piece, trip, guest …
                r"|mfuko|pakiti|kopo|kipande"  # and Swahili's: bag, packet, tin, piece
                r"|cutie|cutii"  # and Romanian's: box
                r"|óra|db|klt"  # and Hungarian's: hour, piece, set
                # and, with their dots, the Balkans' service ("usl. 1 36.000,00"), the Baltics' set, hour, day and
                # container-day ("kompl.", "val.", "par.", "kont. d."; not the word "par", a pair)
                r"|usl\.|usł\.|kompl\.|val\.|par\.|kont\. d\.|tug-hrs?)\.?")
# units that are a row's whole text, though a description may end in the word ("Ventil TPMS - servisná sada"):
# Central Europe's bags and sets ("24 vrece 27,40", "-1 sada 2 460,00"), Spanish hours and days of work
_UNITS_ALONE = r"vrece|vreća|vreca|vreće|pytel|pytle|worek|zsák|torba|торба|sada|horas|jornadas"
# (not the "x" of a measure: "Torre de iluminação LED 4 x 320 W")
_UNIT_AFTER = re.compile(r"\s?(?!x\s?\d)(?:" + _UNIT_WORDS
                         + r"|(?:t|tons?|tonnes?|m3|m³|km|kwh|ltr|liters?|litres?|sets?|pairs?|packs?|rolls?"
                         r"|boxe?s?|cartons?|ctns?|ram|paq|rouleaux?|boîtes?|rol|pak|doos|caja|rollo|scatol[ae]|"
                         + _LOCAL_UNITS + r")(?!\w))", re.IGNORECASE)
# a currency column on either side of a description ("Onderhoudsset EUR", "SEK kr", "Fr.")
_CURRENCY_TOKEN = re.compile(rf"(?:\s*(?:{CURRENCY_SIGNS}|{CURRENCY_CODES}|kr|Fr\.))+\s*$"
                             rf"|^\s*(?:{CURRENCY_SIGNS}|{CURRENCY_CODES})\s*")


# unit words that end a description only as its own column (not "m" of "Kabel 5 m")
_TRAILING_UNIT = re.compile(  # (not after a count of its own: "Gr. M, 100 Stk." is the pack's size)
    r"(?<!\b\d)(?<!\b\d\d)(?<!\b\d\d\d)\s+(?:PZ|pz|STK|Stk\.?|Stck\.?|PCS|pcs|Pcs\.?|UDS?|[Uu]ds\.?|sac|serv|coperti|pax|"
    + _LOCAL_UNITS + r")$"
    r"|(?<!,)\s+forfait$")  # a unit column, not the description's "…, forfait"
# a measure's unit column after a word, not after its number ("Cát vàng xây dựng m3", not "Kabel 5 m") nor in a
# price's unit ("Salmon darnes, 170g per kg")
# (and a tonne's "t": "Uree granulată 46% N t 8 2.710,00")
_TRAILING_MEASURE = re.compile(r"(?<=[^\W\d_])(?<!\bper)(?<!\bpro)(?<!\bje)\s+(?:[Kk]g|m[23²³]|[Ll]ít|[Tt]ấn|t)$")
_DOUBLED_UNIT = re.compile(r"(\s(?:kg|l|m|g|t))\1$")  # a unit column after a measure: "blok ok. 3 kg kg"


# a time entry's date and the initials of who worked: "03/03/2025 RW Conference with client …"
# a time entry's date and earner glued after its text by pypdf: "…and conflict check06/01/25 TDA"
_GLUED_ENTRY_DATE = re.compile(r"(?<![\s/])\d{2}/\d{2}/\d{2}\s+[A-Z]{2,4}$")
_DATED_ENTRY = re.compile(r"^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\.?\s+(?:[A-Z]{2,3}\s+)?")  # "18.08.2025. Parking"


_STANDARD_AT_END = re.compile(r"\b(?:DIN|EN|ISO|IEC|NF|BS|UNI|ÖNORM|ASTM)(?:\s+(?:EN|ISO|IEC))*\s+\d{3,}\s*$")


# an asterisk after a row's text that points to a footnote, most often a reduced tax rate's ("* reduced rate (8%)");
# Japan's "※" is kept, as printed in its own column
RATE_MARK = re.compile(r"\s+(?:\*{1,2}|\(\*\))$")


def _clean_description(segment: str) -> str:
    # a trailing tax-rate column (not a measure's decimals: "accuracy 0.075%")
    text = re.sub(r"(?:\s*(?<![\d.,])\b\d{1,3}(?:[.,]\d{1,2})?\s?%)+\s*$", " ", segment)
    text = _CURRENCY_TOKEN.sub("", text.strip(" -:|·"))
    text = _DATED_ENTRY.sub("", text)
    text = _GLUED_ENTRY_DATE.sub("", text)
    for k in range(2):  # a position number, then an article code; one code only ("CG-572-19 CHAPA GROSSA …")
        text = text.strip()
        if k and _MEASURE_AFTER_POSITION.match(text):
            break  # "1 5 Ply Corrugated Box …": after the position, a number of the description's
        position = _POSITION.match(text)
        text = _LEADING_CODE.sub("", text)
        if not position:
            break
    text = _UNITS.sub("", text.strip())
    if not _STANDARD_AT_END.search(text):  # (a standard's number is the description's: "Prüfbericht nach DIN EN 14511")
        text = re.sub(r"(?:\s+\d{5,})+$", "", text.strip())  # trailing article / HSN codes
    # the unit column before the quantity: "Fresa … Z4 PZ 20 41,31 826,20"
    text = _TRAILING_MEASURE.sub("", _TRAILING_UNIT.sub("", text))
    text = _DOUBLED_UNIT.sub(r"\1", text)
    # (and an empty code column's dash: "1 — 作業工数（機体整備士） 186.5 時間 …")
    return re.sub(r"^[—–]\s+", "", _CURRENCY_TOKEN.sub("", text).strip(" -:|·,"))


@dataclass
class RowCandidate:
    description: str
    quantity: float | None
    unit_price: float | None
    line_total: float
    line: int


def find_table_rows(index: TextIndex, priceless: bool = False) -> list[RowCandidate]:
    """Lines that read as `description … quantity × unit price = amount` (in any order of the two factors).

    A product check (q × p ≈ amount) separates item rows from every other line with numbers; pypdf often
    puts a row's amount on the next line, so a line followed by a lone amount is read as one row, and a
    description that wraps puts the quantity two or three lines above the prices, so a line that starts with
    a number and is followed by the rest of its row within two lines is read as one row too.

    `priceless` also reads rows that print no unit price (`description … 10 Stk 0 % 1.000,00`). Without the
    product check any line with a count and an amount reads so: the caller keeps such rows only when they
    add up to the invoice's subtotal or total.
    """
    rows: list[RowCandidate] = []
    lines = index.lines
    used = -1  # last line consumed by a row
    whole, decimal = index.whole_amounts or index.only_whole_currencies, index.row_decimal_sep
    below = False  # the table prints each description under its row
    quantity_left = None  # the last head's order of its quantity and price columns
    hsn = False  # the last head has a column of India's HSN/SAC codes, which end a description in the plain text
    for i, line in enumerate(lines):
        if (order := _head_order(line)) is not None:
            quantity_left = order
        if _is_table_head(line):
            hsn = _HSN_HEAD.search(line) is not None
        if i <= used:
            continue
        if _column_numbers(line):
            used = i  # nothing above the columns' numbers describes a row under them
            continue
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        # an amount alone on the next line (cents or a currency sign): not a wrapped "1" of a description
        joined = bool(nxt) and _NUMBER.fullmatch(nxt.strip("€$£₹ ")) is not None and bool(_AMOUNT_SHAPE.search(nxt))
        row, span = _row(f"{line} {nxt}" if joined else line, i, whole=whole, decimal=decimal,
                         quantity_left=quantity_left), 1 + joined
        if row is None and _COUNT_TIMES_PRICE.fullmatch(nxt):
            # "Cold brew coffee box, 96 oz  $154.00" over "4 × $38.50": the factors under the description
            row, span = _row(f"{nxt} {line}", i, whole=whole, decimal=decimal), 2
        if row is None and priceless:
            row = _row_without_price(f"{line} {nxt}" if joined else line, i, whole, decimal)
        if row is None and _LEADING_NUMBER.match(line) and not _ENDS_WITH_AMOUNT.search(line):
            # the wrapped row of a quantity-first table: its first number is on line i
            # (a position and a quantity open it: "1 1.500 Stk Ausstellungskatalog …", whose text may wrap longer)
            longest = 6 if re.match(r"\s*\d{1,3}\s+\d", line) else 4
            for span in range(2, min(longest, len(lines) - i) + 1):
                if span > 2 and _LEADING_NUMBER.match(lines[i + span - 2]):
                    break  # a wrapped description line does not open with a number: that is the next row
                if _row(lines[i + span - 1], i + span - 1, whole=whole, decimal=decimal):
                    break  # the next line is a row of its own
                block = " ".join(lines[i:i + span])
                if row := (_row(block, i, first_within=len(line), whole=whole, decimal=decimal,
                                quantity_left=quantity_left)
                           or (_row_without_price(block, i, whole, decimal) if priceless else None)):
                    break
        if row is not None and (_too_short(row.description) or _WEAK_DESCRIPTION.search(row.description)):
            # the description is printed above the row's numbers, or (decided at the table's first such row,
            # when nothing is above it) on the line below: "4123456000014  ZS997  -5,0000 Stk. …" then
            # "Zitronensäure 100ml"; past that row, the lines above a row are the previous row's
            above = "" if below else _description_above(lines, i, used)
            under = _description_below(lines, i + span)
            if (not below and under and i - 1 > used and _FACTORS.search(line)
                    and _FACTORS.search(lines[i + span + 1] if i + span + 1 < len(lines) else "")):
                # "Prise en charge" / "1 × 3,64 €" / "3,64 €", then "Distance parcourue" / "18,4 km × 1,30 €":
                # the text under the row opens the next one, each description is over its factors
                above = _description_below(lines, i - 1)
            below = below or (not above and bool(under))
            row.description = (under if below else above) or row.description
        if (row is not None and not below and i - 1 > used and re.match(r"[a-zà-ÿ]", row.description)
                and re.search(r"\w.* [-–]$", lines[i - 1].strip()) and not _ENDS_WITH_AMOUNT.search(lines[i - 1])):
            # "Coordinamento della sicurezza … (CSE) –" over "quota bimestre agosto/settembre 1 2.150,00 2.150,00":
            # the row's text goes on from the line above
            row.description = f"{lines[i - 1].strip()} {row.description}"
        if row is not None and hsn:
            row.description = _HSN_AFTER.sub("", row.description)  # "Gate Valve 3 inch, PN16, DI Body 8481"
        if row is not None and not _too_short(row.description):
            rows.append(row)
            used = i + span - 1
    rows = _without_unit_column(_without_glued_positions(_without_summary(rows, lines)), lines)
    rows = _without_factor_column(_without_charges_after_subtotal(_without_taxes_of_rows(rows), lines), lines)
    head = next((i for i, line in enumerate(lines) if _is_table_head(line)), None)
    above = [r for r in rows if head is not None and r.line < head]
    if above and len(above) < len(rows) - len(above):
        # "8 impasse des Glycines" / "Quai n° 2 – réception 7 h 30 à 16 h 00" (2 × 8 = 16) above the table's
        # head is an address, not a row; where most rows are above the head, the text is out of order
        rows = [r for r in rows if r.line > head]
    return rows


# a unit column's heading: "J.mj.", "JM", "Ед.", "Ölçü vahidi", "ერთ."; "Unit", not "Unit price"
_UNIT_HEAD = re.compile(r"(?i)(?<![\w.])(?:jmj?|j\.\s?mj\.?|ј\.\s?м\.?|jed\.(?:\s?mj\.)?|ед\.(?:\s?изм\.?)?|өлш\.?"
                        r"|ölçü(?: vahidi)?|ერთ\.|միավ(?:որ|\.)|չ/մ|uom|u/m|unit(?!\s*(?:price|rate|cost|value))"
                        r"|einheit|enhet|njësia|unidad|unité|eenheid|eenh\.|unità)(?!\w)")
# the short word of a unit column that ends a description: "… vreća 25 kg vreća", "… 0,75 л шише", "… pal/dan"
# (not after a comma: "Practice management licence, annual" is the description's word)
_UNIT_AT_END = re.compile(r"(?<=[^\s,])\s+(?![A-ZÀ-ÞА-ЯЁ])[^\W\d_]{1,6}(?:\.|/[^\W\d_]{1,4})?$")
# a measure after its number is the description's: "šipka 12 m", "Kafa espresso u zrnu 1 kg", "0,75 л"
_MEASURE_WORD = re.compile(r"(?i)(?:[mck]?g|kq|[mcd]?l|ltr|[mck]?m[²³23]?|t|л|мл|[смк]?м|кг|г|т|գ|կգ|լ|մ|ლ|კგ|გ)\.?")
# units of the languages whose tables print them after the description: a bag, a pallet a day, a person, a bottle,
# a pack, a piece, an hour, a day, a month, a lump sum, a service, a trip
_KNOWN_UNIT = re.compile(r"(?i)(?:" + _LOCAL_UNITS + r"|vreća|pal/dan|person|persons|ბოთლი|шише|пак\.?|шт\.?|ком\.?"
                         r"|ժամ|ամիս|հատ|сат|час|сағат|дан|ай|мес\.?|пауш\.?|усл\.?|рейс|дана"
                         r"|sak|pak|baal|houer|rol|stuk)")  # (Afrikaans: bag, pack, bale, container, roll, piece)


def _without_unit_column(rows: list[RowCandidate], lines: list[str]) -> list[RowCandidate]:
    """A unit column that pypdf printed after each description, under a head that names it, leaves them: many rows
    must end in a unit's short word, so that a description's own last word stays ("… ploče" among "… vreća")."""
    if len(rows) < 2 or not any(_UNIT_HEAD.search(lines[j]) for j in range(max(0, rows[0].line - 6), rows[0].line)):
        return rows
    ends = [_UNIT_AT_END.search(row.description) for row in rows]
    if sum(m is not None for m in ends) < max(2, 0.4 * len(rows)):
        return rows
    words = [m.group().strip().casefold() if m else None for m in ends]
    for row, m, word in zip(rows, ends, words):
        if not m or not re.search(re.escape(m.group().strip()) + r"\s+-?\d", lines[row.line]):
            continue  # (the last word of a description printed above the row's numbers stays)
        before = row.description[: m.start()]
        if len(before.split()) < 2:
            continue  # "Day units", "Night units": a word alone is no description
        if (re.search(r"\d$", before) and not re.search(r"(?<![\d.,/-])(?:19|20)\d\d$", before)
                and (_MEASURE_WORD.fullmatch(word) or not word.endswith("."))):
            # a measure after its number is the description's ("šipka 12 m", "validité 1 an"), not after a year
            # ("…, March 2025 month")
            continue
        # a unit's word: one other rows end in too, one the description already holds ("vreća 25 kg vreća"),
        # or a known unit's; not a description's own last word ("… 20 L drum", "Standing charge")
        if (words.count(word) >= 2 or re.search(rf"(?i)(?<=[\s(]){re.escape(word.rstrip('.'))}", before)
                or _KNOWN_UNIT.fullmatch(word)):
            row.description = before.rstrip(" ,")
    return rows


# a column of multipliers: a German doctor's GOÄ "Faktor" (2,3), the "Steigerungssatz"
_FACTOR_HEAD = re.compile(r"(?i)(?<!\w)(?:faktor|steigerungssatz|multiplicateur)(?!\w)")
_FACTOR_AT_END = re.compile(r"\s+\d[.,]\d{1,2}$")


def _without_factor_column(rows: list[RowCandidate], lines: list[str]) -> list[RowCandidate]:
    """A multiplier column that pypdf printed after each description, under a head that names it, leaves them:
    "Cholesterin 1,15" is "Cholesterin" at 1,15 times the fee."""
    if len(rows) < 2 or not any(_FACTOR_HEAD.search(lines[j]) for j in range(max(0, rows[0].line - 8), rows[0].line)):
        return rows
    for row in rows:
        if (m := _FACTOR_AT_END.search(row.description)) and row.description[: m.start()].strip():
            row.description = row.description[: m.start()]
    return rows


def _without_taxes_of_rows(rows: list[RowCandidate]) -> list[RowCandidate]:
    """A tax on the rows above reads as a row, its rate times their sum: a CFDI's "Traslado 002 IVA 0.160000
    53,025.00 8,484.00" and "Retención 001 ISR 0.100000 53,025.00 5,302.50" under the rows. No row."""
    out: list[RowCandidate] = []
    total = 0.0
    for row in rows:
        if (out and row.quantity is not None and 0 < row.quantity < 1 and row.unit_price is not None
                and abs(row.unit_price - total) <= 0.01):
            continue
        out.append(row)
        total = round(total + row.line_total, 2)
    return out


def _without_glued_positions(rows: list[RowCandidate]) -> list[RowCandidate]:
    """A column of positions that pypdf glued to the end of each description ("… - Normalstunden1", "… 25 %3",
    "… (Zuschlag 25 %)8"), the numbers rising from row to row, leaves the descriptions."""
    glued = [(row, m) for row in rows if (m := _GLUED_POSITION.search(row.description))]
    # the longest run of rising numbers among them: a wrapped "(Karfreitag 29.03.2024)" or a "100 %" rises out of it
    chains: list[list[int]] = []
    for k, (_, m) in enumerate(glued):
        before = [c for c in chains if int(glued[c[-1]][1].group(1)) < int(m.group(1))]
        chains.append([*max(before, key=len, default=[]), k])
    chain = max(chains, key=len, default=[])
    if len(chain) >= 3 and len(chain) >= 0.6 * len(rows):
        for k in chain:
            row, m = glued[k]
            row.description = row.description[: m.start()]
    return rows


_GLUED_POSITION = re.compile(r"(?<=[^\W\d_A-ZÀ-Þ]|[)%])(\d{1,3})$")  # (not a code's "A1", "B2")


def _without_charges_after_subtotal(rows: list[RowCandidate], lines: list[str]) -> list[RowCandidate]:
    """The rows without the charges under the goods' subtotal: "Montant HT marchandises 34 565,00 €", then "Fret
    aérien DSS-CDG (14 620 kg x 0,80 €/kg) 11 696,00 €" right under it. The subtotal line adds up the rows above
    it and stands alone between them and the charge (a section's heading under a section's total opens more rows:
    "Total profit costs 72,100.00" / "B. DISBURSEMENTS")."""
    run = 0.0
    for k in range(1, len(rows)):
        run += rows[k - 1].line_total
        between = lines[rows[k - 1].line + 1: rows[k].line]
        if (len(between) == 1 and re.search(r"[^\W\d_]{3,}", between[0])
                and any(abs(n.value - run) <= 0.011 for n in _numbers(between[0]))):
            return rows[:k]
    return rows


def _without_summary(rows: list[RowCandidate], lines: list[str]) -> list[RowCandidate]:
    """The rows without a summary table that restates them: a law firm's "Timekeeper Hours Rate Amount" rows under
    its time entries. The summary has a head of its own and fewer rows than the run of rows it adds up to."""
    for k in range(2, len(rows) // 2 + 1):
        tail, rest = rows[-k:], rows[:-k]
        if not any(_is_table_head(lines[j]) or _head_order(lines[j]) is not None
                   for j in range(rest[-1].line + 1, tail[0].line)):
            continue
        total = sum(r.line_total for r in tail)
        for a in range(len(rest)):
            run = 0.0  # the sum of rest[a:b], kept as b grows rather than summed again for every b
            for b, row in enumerate(rest[a:], start=a + 1):
                run += row.line_total
                if b >= a + k + 1 and abs(run - total) <= 0.011:
                    return rest
    return rows


# the column words of a table's head: a line of them, without digits, opens the table
_HEAD_WORDS = re.compile(
    r"(?i)(?<!\w)(?:description|désignation|designation|beschreibung|bezeichnung|artikel|omschrijving|descripción"
    r"|descrizione|beskrivning|qty|quantity|quantité|qté|menge|anzahl|aantal|cantidad|cant\.|quantità|q\.tà|antal"
    r"|unit price|price|prix unitaire|p\.u\.|pu|einzelpreis|preis|prijs|precio|prezzo|pris|amount|montant|betrag"
    r"|bedrag|importe|importo|belopp|total|hours|rate|nettopreis|nettobetrag|einheit|einheitspreis|gesamtpreis"
    r"|descrição|qtd\.?|quantidade|preço|artigo|antall|enhet|beløp|beløb|mængde|gross|disc\.|discount|rabatt|remise"
    r"|opis|kol\.|količina|cijena|iznos|açıklama|miktar|fiyat|tutar|περιγραφή|ποσότητα|τιμή|αξία"
    r"|valor|unitario|unitário|código|megnevezés|menny\.|mennyiség|egységár"
    r"|descripció|quant\.|quantitat|preu|import|codi"  # (Catalan)
    # (Czech, Slovak, Polish, the Balkans, Romanian, Bulgarian)
    r"|popis|označení|název|názov|položka|množ\.|množství|množstvo|cena|celkem|spolu|nazwa|ilość|wartość|naziv"
    r"|denumire|cantitate|preț|valoare|наименование|количество|цена|стойност"
    r"|subtotal|alícuota|bonif\.?|bonificación"
    r"|品名|数量|數量|单价|単価|單價|金額|金额|품명|수량|단가|금액)(?!\w)")  # (Japanese, Chinese, Korean)


# a head's quantity and price columns, to tell apart two factors that look alike ("Hours Rate", "Qty Unit Price")
_QUANTITY_HEAD = re.compile(
    r"(?i)(?<!\w)(?:qty|quantity|quantité|qté|menge|anzahl|aantal|cantidad|cant\.|quantità|q\.tà|antal|hours|hrs"
    r"|stunden|std\.|heures|horas|ore|uren|timer|số lượng|sl|antall|mængde|määrä|ilość|mennyiség|množství"
    r"|hoeveelheid|quantidade|qtd\.?|uds\.?|unidades|magn|quant\.|quantitat|数量|數量|수량)(?!\w)")
_PRICE_HEAD = re.compile(
    r"(?i)(?<!\w)(?:unit price|price|rate|prix unitaire|p\.u\.|einzelpreis|preis|prijs|precio|prezzo|pris|taux|ansatz"
    r"|tarif|tarief|tariff|tarifa|tariffa|stundensatz|satz|unit cost|đơn giá|sats|enhetspris|enhedspris|[àá]-?pris"
    r"|stykpris|yksikköhinta"
    r"|[àá]-hinta|hinta|einingarverð"
    r"|cena(?: jedn\.?| jednostkowa| netto| brutto)?|egységár|jednotková cena|eenheidsprijs|preço unitário"
    r"|preço|preu|preu unitari|unitario|unitário|単価|单价|單價|단가)(?!\w)")


def _head_order(line: str) -> bool | None:
    """A table head's order of columns: True where the quantity's is left of the price's, False where it is
    right of it, None for a line that is no such head."""
    if any(ch.isdigit() for ch in line):
        return None
    quantity, price = _QUANTITY_HEAD.search(line), _PRICE_HEAD.search(line)
    if quantity is None or price is None:
        return None
    return quantity.start() < price.start()


def is_item_table_head(line: str) -> bool:
    """The head of a table of items: a quantity's column and a price's ("Ilość Qty … Cena netto … Wartość netto")."""
    return _head_order(line) is not None


# (and Brazil's NCM goods code, dotted, with the CFOP after it and the unit: "… – poesia 4901.99.00 6102 UN")
_HSN_HEAD = re.compile(r"\b(?:HSN|SAC|NCM)\b")
_HSN_AFTER = re.compile(r"\s+(?!(?:19|20)\d\d$)\d{4}(?:\d{2}){0,2}$"  # (not a year: "… - March 2025")
                        r"|\s+\d{4}\.\d\d(?:\.\d\d)?(?:\s+\d{4})?(?=(?:\s+[^\W\d_]{1,3})?$)")


def _is_table_head(line: str, words: int = 3) -> bool:
    """A line of column words and no digits; two of them ("Descripción Total") do over a row's description."""
    return not any(ch.isdigit() for ch in line) and len(set(m.group(0).casefold()
                                                             for m in _HEAD_WORDS.finditer(line))) >= words


def _too_short(description: str) -> bool:
    return sum(ch.isalpha() for ch in description) < 3


# what is left of a row's own text once its numbers are gone can be a tax column ("7 % VAT (S)") or an
# article code ("ARNR2"); the stylesheet of many e-invoices prints the description on the lines above
_WEAK_DESCRIPTION = re.compile(
    r"%(?:\s*(?:VAT|USt|MwSt|TVA|BTW|IVA)\b.*)?$|^(?:VAT|USt|MwSt|TVA|BTW|IVA)\b|^[A-Z0-9][A-Z0-9./-]*(?: [A-Z0-9./-]+)?$"
    # a unit column alone ("40 Set 42,90 10 % 1.544,40")
    r"|^(?:sac|serv|[Ss]et|kan|krt|pkg|sack|rolle|kiste|pce|pces|forfait|tekercs|óra|db|klt|alk\.?|[Nn]os|"
    r"unidad(?:es)?|unid\.?|" + _UNITS_ALONE + "|"
    + _LOCAL_UNITS + r")$"
    r"|^[^\W\d]{1,4}\.? ?[×x]$"  # the unit of "31 min × 0,35 €"
    r"|^[a-zà-ÿ]{1,4}\.?$"  # a lone short lowercase word: a unit column ("hgr", hectolitre degrees)
    r"|^[^\W\d_A-Z]{1,8}/[a-z]{1,8}$"  # and in two languages: "giờ/hour", "chuyến/flight"
    r"|^(?:[а-яёіїєґғқңөұүһәўјљњћџѓќѕ]{1,6}|[ա-և]{1,6}|[ა-ჰ]{1,6})\.?$"  # in Cyrillic, Armenian, Georgian: "сат", "ժամ"
    # a utility's metered units and periods
    r"|^(?i:kwh|mwh|smc|m3|m³|mesi|mese|meses|mois|maanden|monate|mnd|giorni|días|jours|dagen)$"
    r"|^(?i:a corpo|termijn|lump sum|pauschal|ens|coperti|pax)$"  # a lump sum's unit: "a corpo 1 3.200,00 3.200,00"
    # a haul's unit: "1 voyage 1 150,00 1 150,00", "62 flight 4.750.000,00 …"
    r"|^(?i:voyages?|trips?|viajes?|viagens?|fahrten|flights?|sectors?|legs?|kali)$"
    # currencies, rates and amounts only: "TL %10,00 1.015,00"
    r"|^(?:(?:TL|EUR|USD|GBP|CHF|[€$£])\s*|%?\s?\d[\d.,]*\s?%?\s*)+$"
)
# the columns' numbers under a table's head, "0 1 2 3 4 5 6" (Romanian, Polish, Russian forms): no row
_COLUMN_NUMBERS = re.compile(r"(?:\d{1,2}\s+){3,}\d{1,2}")


def _column_numbers(line: str) -> bool:
    line = re.sub(r"\s\(\d+\s?[x×*+=-]\s?\d+\)", "", line)  # a column's formula: "… 5 (3x4) 6" (Romania's form)
    line = re.sub(r"(?<=\d)\s?=\s?\d+\s?[x×*+-]\s?\d+", "", line)  # and Vietnam's: "… 6 = 4 x 5 7 8 = 6 x 7"
    if not _COLUMN_NUMBERS.fullmatch(line.strip()):
        return False
    numbers = [int(n) for n in line.split()]
    return all(b == a + 1 for a, b in zip(numbers, numbers[1:]))


_RULE_LINE = re.compile(r"[=_*~-]{3,}")  # a receipt's rule under its head: "========"


def _description_above(lines: list[str], i: int, used: int) -> str:
    """The block of text lines right above line i (after a blank line or two), back to a blank, a position or the
    table's head, where pypdf left no blank line under it. Under a head of two column words only ("Descripción
    Total"), a weaker sign of one, the block is one line."""
    for head_words in (2, 3):
        j = i - 1
        while j > used and j >= i - 3 and not lines[j].strip():
            j -= 1
        block: list[str] = []
        while (j > used and len(block) < 12 and lines[j].strip() and not _position_alone(lines, j, used, block)
               and not _is_table_head(lines[j], head_words) and not _RULE_LINE.fullmatch(lines[j].strip())
               and not _SECTION_TITLE.fullmatch(lines[j].strip())
               # (nor a page's carried sum over the next page's rows: "Suma anterior: 12.336,50")
               and not _CARRIED_SUM.fullmatch(lines[j].strip())):
            block.insert(0, lines[j].strip())
            j -= 1
            if re.match(r"\d{1,3}\.?\s+[^\W\d_]", block[0]) and len(block) > 1:
                break  # "1 LED šviestuvas …" / "IP65 (…)" over "-12 vnt. 42,60 -511,20": a row opens at its position
        # a position with its article code, a bare number, a caption: "3 GTRWA5", "4000001234561", "(GTIN)"
        while len(block) > 1 and re.fullmatch(r"\d{1,3}\s+[A-Z0-9./-]+|[\d\s]+|\(.*\)", block[0]):
            block.pop(0)
        text = _joined(block)
        # longer than a description block: the header, an address, a remark
        # (a time entry's text runs longer: "03/03/2025 RW Conference with client regarding …"; so does a block
        # between the table's head or the previous row and this one)
        # (or under the rule drawn below the head: "Concepto Ud Cant. Precio …" / "--------")
        between_rows = (j > used and (_is_table_head(lines[j], head_words) or _RULE_LINE.fullmatch(lines[j].strip()))
                        or (j == used >= 0))
        limit = 250 if between_rows else 150 if _DATED_ENTRY.match(text) else 120
        # (or right under the head: "Precio Unit. %" / "Bonif" / "Subtotal Alícuota" / … over the first row's text)
        under_head = j > used and _is_table_head(lines[j], head_words)
        if (len(text) > limit or under_head) and (cut := _wrapped_head_end(block)) and cut < len(block):
            # the head's words wrapped one or two a line ("price" / "Tapeke / Amount"): the lines under them
            block, text, limit = block[cut:], _joined(block[cut:]), 250
        text = _clean_description(text)
        if not _too_short(text) and len(text) <= limit and (head_words == 3 or len(block) == 1):
            return text
    return _named_over_head(lines, i, used)


_CARRIED_SUM = re.compile(r"(?i)(?:suma anterior|riporto|report|übertrag|transporte|carried forward|brought forward"
                          r"|a transportar|a riportare|à reporter|vortrag)"
                          r"\s*:?\s*(?:[€$£]\s?)?\d[\d.,' ]*\d(?:\s?[€$£])?")


def _position_alone(lines: list[str], j: int, used: int, block: list[str]) -> bool:
    """Line j is a row's position on a line of its own, the end of the text above the row: not the last word of a
    description wrapped under the line that opens with its position ("2 Hochdruckreinigung … DN" / "150")."""
    return bool(re.fullmatch(r"\d{1,3}", lines[j].strip())) and not (
        not block and j - 1 > used and re.match(r"\d{1,3}\.?\s+[^\W\d_]", lines[j - 1].strip()))


# a lettered section of the table in capitals: "A.  PROFIT COSTS", "II. DISBURSEMENTS"
_SECTION_TITLE = re.compile(r"(?:[A-H]|[IVX]{1,4})\.\s+[A-ZÀ-Þ][A-ZÀ-Þ &/,()-]+")


def _joined(block: list[str]) -> str:
    text = ""
    for part in block:  # "Art-Nr-" + "Lieferant": a word hyphenated across lines is one word
        text += part if not text or re.search(r"\w-$", text) else " " + part
    return text


def _wrapped_head_end(block: list[str]) -> int:
    """Where a head wrapped over short lines of column words ends in `block` (0 where it has none): the row's
    description is the lines under its last such line."""
    return max((k + 1 for k, line in enumerate(block)
                if len(line.split()) <= 4 and not re.search(r"\d", line) and _HEAD_WORDS.search(line)), default=0)


_ITEM_NAME_LABEL = re.compile(r"(?i)(?:artikelname|artikelbezeichnung|bezeichnung|item name|article name|"
                              r"désignation|libellé|descrizione|omschrijving|description)\s*:?")


def _named_over_head(lines: list[str], i: int, used: int) -> str:
    """An e-invoice viewer prints each position as a block: "Artikelname" / "Wirkstrom Arbeitspreis Hochtarif",
    then a head of its own ("Pos. Menge Einheit Nettopreis …", the same for every position) over the numbers.
    The description is the name over the head; only where the head repeats, so a table's one head never lends
    a row the text above the table."""
    j = i - 1
    while j > used and not lines[j].strip():
        j -= 1
    if j <= used or not _is_table_head(lines[j]) or sum(line.strip() == lines[j].strip() for line in lines) < 2:
        return ""
    j -= 1
    while j > used and not lines[j].strip():
        j -= 1
    block: list[str] = []
    while j > used and lines[j].strip() and len(block) < 3 and not _ITEM_NAME_LABEL.fullmatch(lines[j].strip()):
        block.insert(0, lines[j].strip())
        j -= 1
    text = _clean_description(" ".join(block))
    return text if block and not _too_short(text) and len(text) <= 120 else ""


def _description_below(lines: list[str], j: int) -> str:
    """Line j when it is a description: text with no amount, not a row of its own."""
    text = lines[j].strip() if j < len(lines) else ""
    if _too_short(text) or len(text) > 120 or _ENDS_WITH_AMOUNT.search(text) or _row(text, j):
        return ""
    return " ".join(text.split())


_AMOUNT_SHAPE = re.compile(r"[.,]\d\d\s*$|[€$£₹]")
_COUNT_TIMES_PRICE = re.compile(r"\d+(?:[.,]\d+)?\s?[×x]\s?\S{0,3}\s?\d[\d.,]*(?:\s?\S{1,3})?")
_FACTORS = re.compile(r"\d\s?[^\W\d]{0,4}\s?[×x]\s?\S{0,3}\s?\d")  # "18,4 km × 1,30 €", "31 min × 0,35 €"
# (after a position: "1 1.500 Stk Ausstellungskatalog …")
_LEADING_NUMBER = re.compile(r"^\s*(?:\d{1,3}\s+)?-?\d+(?:[.,]\d+)?\s+[^\W\d_]")
_ENDS_WITH_AMOUNT = re.compile(r"\d[.,]\d\d\s*(?:€|\$|£|EUR)?\s*$")  # a line that ends with its amount is whole


def _row(text: str, line: int, first_within: int | None = None, whole: bool = False, decimal: str | None = None,
         quantity_left: bool | None = None) -> RowCandidate | None:
    nums = _numbers(text, whole, decimal)
    if len(nums) < 3:
        return None
    found = _product_triple(nums, text)
    if found is None:
        return None
    qty, price, total, spans = _net_of_gross(nums, text, found)
    dates = [(d.start, d.start + len(d.text)) for d in find_dates(TextIndex(text))]
    if any(a < end and start < b for start, end in spans for a, b in dates):
        return None  # "· $1,023.03 due May 1, 2025": the day of a date is no factor
    # "Passages : 03, 05, 07, 10, 12, 14, 17, 19, 21, …": a list of days (3 × 7 = 21); "RIDET 1 284 736.001": a tax
    # id's groups (a row's unit "tin" before its amounts is no TIN): no factors
    inside = [m.span() for m in _NUMBER_LIST.finditer(text)] + [
        m.span(1) for m in _TAX_ID.finditer(text) if not _CENTS_IN_ID.search(m.group(1))]
    if any(a <= start and end <= b for start, end in spans for a, b in inside):
        return None
    # (of two readings of one span, "2.000" as 2000 and 2.0, the one the product took)
    x, y = (next((n for n in nums if (n.start, n.end) == span and n.value in (qty, price)), None)
            for span in spans[:2])
    if quantity_left is not None and x and y and (_money_score(x) == _money_score(y) or whole and x.money == y.money):
        # "1.20 725.00 870.00" under "Hours Rate Amount": the head's order, not the whole number, says which;
        # nor the unit after a number ("6,80 95,00 T" under "Quantità  Prezzo unitario  UM"); nor, where money has
        # no cents, the hours' decimals ("6.50 40,000 260,000" under "Hours Rate (¥) Amount (¥)")
        qty, price = (x.value, y.value) if quantity_left else (y.value, x.value)
    if (quantity_left is None and x and y and _money_score(x) == _money_score(y) and x.start < y.start
            and _UNIT_COLUMN_BEFORE.search(text[: x.start])):
        qty, price = x.value, y.value  # "ore 3,50 180,00 630,00 119,70": the unit's column, then the count's
    if first_within is not None and spans[0][0] >= first_within:
        return None
    # the description is the longest stretch of text between the three numbers
    cuts = [0] + [p for a, b in spans for p in (a, b)] + [len(text)]
    segments = [_clean_description(text[cuts[k]:cuts[k + 1]]) for k in range(0, len(cuts), 2)]
    description = max(segments, key=lambda seg: sum(ch.isalpha() for ch in seg))
    return RowCandidate(" ".join(description.split()), qty, price, total, line)


# a unit's word that opens the row or follows its text, before the count (not a measure's: "Kabel 5 m 2,00 …")
# (or in two languages: "giờ/hour 11,25 96,00 1.080,00")
_UNIT_COLUMN_BEFORE = re.compile(r"(?i)(?:^|(?<!\d)\s)(?:ore|buc|h|hrs?|pcs?|stk|st|kg|l|set|ea|szt|ks|kom|db"
                                 r"|[^\W\d_]{1,8}/[a-z]{1,8})\.?\s+$")
# a list of four or more small whole numbers, each after a comma and a space
_NUMBER_LIST = re.compile(r"(?<![\d.,])\d{1,3}(?:,\s\d{1,3}){3,}(?![\d.,])")
_BETWEEN_COUNT_AND_AMOUNT = re.compile(r"(?:[^\d%]|\d{1,2}(?:[.,]\d{1,2})?\s?%){0,30}")  # unit, tax rate, currency


def _row_without_price(text: str, line: int, whole: bool = False, decimal: str | None = None
                       ) -> RowCandidate | None:
    """`description … [unit price] count [unit] … amount` where count × price is not the amount.

    Some rows print no unit price (it is the amount over the count); some print a net price next to a gross
    amount ("67,2244  1  0 %  80,00"): the printed price is kept. A count of seven digits or more is a code
    ("GTIN: 4012345001235" above "abzgl. 16,7% Rabatt -2,00"), not a quantity.
    """
    nums = sorted(_numbers(text, whole, decimal), key=lambda n: (n.end, n.end - n.start))
    if len(nums) < 2:
        return None
    total = nums[-1]
    count = next((n for n in reversed(nums) if n.end <= total.start), None)
    if (count is None or not (total.decimals == 2 or total.money) or count.decimals or not 0 < count.value < 1e6
            or not _BETWEEN_COUNT_AND_AMOUNT.fullmatch(text[count.end:total.start])):
        return None
    if any(d.start <= count.start < d.start + len(d.text) for d in find_dates(TextIndex(text))):
        return None  # "TOTAL AMOUNT DUE ON August 3 , 2014 $4.11": the year of a date, not a count
    price = next((n for n in reversed(nums) if n.end <= count.start), None)
    if price is not None and price.decimals >= 2 and not text[price.end:count.start].strip(" €$£"):
        start, unit_price = price.start, price.value
    else:
        start, unit_price = count.start, round(total.value / count.value, 4)
    description = " ".join(_clean_description(text[:start]).split())
    return RowCandidate(description, count.value, unit_price, total.value, line)


def _net_of_gross(nums: list[_Num], text: str, found: tuple) -> tuple:
    """A row that prints its net amount and its gross one, the net times one plus the rate it prints, is read
    net: "Thé vert Sencha bio 2 8,00 8,44 5,5 % 16,00 16,88" is 2 × 8,00 = 16,00, not 2 × 8,44 = 16,88."""
    qty, _, total, spans = found
    row_rates = rates(text)
    if not row_rates:  # (most rows print no rate: no second product search for them)
        return found
    net = _product_triple([n for n in nums if n.end <= spans[2][0]], text)
    if net is None or net[0] != qty or not 0 < net[2] < total:
        return found
    return net if any(abs(net[2] * (1 + rate / 100) - total) <= 0.011 + 0.001 * total for rate in row_rates) else found


def _product_triple(nums: list[_Num], text: str = ""):
    """(quantity, unit price, amount, spans) for the rightmost amount that is a product of two numbers before it."""
    # the amount is the rightmost number; of several readings ending there, the longest ("4 500,00" not "500,00")
    totals = sorted(nums, key=lambda n: (n.end, n.end - n.start), reverse=True)
    # an amount with cents before a whole number after it: "2 u 1 390,00 8 % 2 557,60 2" ends in the tax's code
    # column, and 2 × 1 is no row
    for total in [n for n in totals if n.decimals == 2] + [n for n in totals if n.decimals != 2]:
        before = [n for n in nums if n.end <= total.start]
        if total.value == 0 and not (total.decimals == 2 and _free_item(before)):
            continue  # a zero that is no free item ("1 × 0,00 = 0,00") is any other column
        # an exact product, then a discount or tax that makes one exact, and only then a product off by rounding:
        # "19 Paper core tube … 1000 mm … 900 Nos 21.69 Nos 2.5 % 19,032.98" is not 19 × 1000
        loose = 0.011 + 0.002 * abs(total.value)
        if found := (_factors(before, total, 0.011, text) or _discounted_triple(before, total, text)
                     or _allowance_triple(before, total) or _per_price_unit_triple(before, total)
                     or _taxed_triple(before, total, text)
                     or _factors(before, total, loose, text)):
            return found
    return _rounded_count_triple(nums)


def _factors(before: list[_Num], total: _Num, tolerance: float, text: str = ""):
    """Two numbers before the amount whose product it is, within `tolerance`: a count with its unit first
    ("1 ks 18 900,00 21 18 900,00" is 1 × 18 900, not 21 × 900 of the tax rate and a split amount); numbers in
    the description's brackets last ("workshop (remote, 1 day) 1 1,200.00")."""
    def bracketed(n: _Num) -> bool:
        return text[: n.start].count("(") > text[: n.start].count(")")

    found = inside = None
    first: tuple[_Num, _Num] | None = None  # the factors of `found`
    for b in range(len(before) - 1, 0, -1):  # factors closest to the amount first: leading numbers are positions
        for a in range(b - 1, -1, -1):
            x, y = before[a], before[b]
            if x.end > y.start:
                continue  # overlapping readings of the same digits
            if abs(x.value * y.value - total.value) <= tolerance:
                if bracketed(x) or bracketed(y):
                    # 'serie "Thuisbatterij" (3 × ca. 1.200 woorden)' over "3 × 265,00": the row's factors are
                    # outside the description's brackets
                    inside = inside or _triple(x, y, total)
                elif (x.unit or y.unit) and not (first and first[0].value == (x if x.unit else y).value
                                                 and {first[0].value, first[1].value} == {x.value, y.value}):
                    # (not the same count in a column of its own before the price: "…, sac 2 kg 2 34.90 69.80"
                    # buys two sacks, the description's "2 kg" is its size)
                    return _triple(x, y, total)
                elif found is None:
                    found, first = _triple(x, y, total), (x, y)
    return found or inside


def _discounted_triple(before: list[_Num], total: _Num, text: str = ""):
    """`1.00 L  1.00  10.00  15.00%  $ 0.90` or `20 Unit(s)  4,55 €  10%  81,90 €`: quantity × price less a
    discount percentage printed between them and the amount, as a number of its own column or with its "%"
    (which `_numbers` leaves out: elsewhere it is a tax rate). Only the two factors right before the rate are
    tried, so a stray number that happens to fit is not taken for a discount."""
    if not total.value:
        return None
    tries = [(before[k - 2], before[k - 1], before[k].value, before[k].start) for k in range(len(before) - 1, 1, -1)]
    # the quantity first, the description between: "9 Heater, indirect fired … DAY 265.00 10 GP 2,146.50"
    tries += [(before[0], before[k - 1], before[k].value, before[k].start) for k in range(len(before) - 1, 2, -1)]
    # and by position, where a space-grouped reading stands between ("1 640,00 10 576,00": 1640 and 10576 too);
    # the tax's rate column may follow the discount's: "25 roll 1 385.00 5.00 15.00 32 893.75"
    ends = [total.start] + [n.start for n in _last_readings(before, total.start) if 0 < n.value < 100]
    for end in ends:
        for rate_num in _last_readings(before, end):
            for y in _last_readings(before, rate_num.start):
                tries += [(x, y, rate_num.value, rate_num.start) for x in _last_readings(before, y.start)]
    for y in _last_readings(before, total.start):  # (each reading of "18 500,00": 500,00 after 18, and 18500,00)
        if x := _factor_before(before, y):
            tries += [(x, y, rate, y.end) for rate in rates(text[y.end:total.start])]
    if len(before) >= 3:
        # the discount's amount printed after its rate: "7 Gün 1.450,00 TL %10,00 1.015,00 TL %20,00 9.135,00 TL"
        tries += [(before[-3], before[-2], rate, before[-2].end)
                  for rate in rates(text[before[-2].end:before[-1].start])]
    # (a whole amount is rounded to the unit: "1 14.508 20% 24% 11.606" of krónur is 11 606,40)
    tolerance = 0.5 if total.decimals == 0 and abs(total.value) >= 100 else 0.011
    for x, y, rate, at in tries:
        if not 0 < rate < 100 or x.end > y.start or y.end > at:
            continue
        if abs(x.value * y.value * (1 - rate / 100) - total.value) <= tolerance:
            return _triple(x, y, total)
    for y in before:
        # discounts one after the other: "mt 62,40 18,75 10+5 1.000,35" is 62,40 × 18,75 less 10 %, then less 5 %
        if (chain := _CHAINED_DISCOUNTS.fullmatch(text, y.end, total.start)) and (x := _factor_before(before, y)):
            left = math.prod(1 - float(r.replace(",", ".")) / 100 for r in re.findall(r"\d+(?:[.,]\d+)?", chain[0]))
            if x.end <= y.start and abs(x.value * y.value * left - total.value) <= tolerance:
                return _triple(x, y, total)
    return None


_CHAINED_DISCOUNTS = re.compile(r"\s+\d{1,2}(?:[.,]\d+)?\s?%?(?:\s?\+\s?\d{1,2}(?:[.,]\d+)?\s?%?)+\s+")


def _allowance_triple(before: list[_Num], total: _Num):
    """`12 CS 48.40 46.46 AE 0 534.34`: quantity × price less the allowance's amount printed right after the
    price (a Peppol line allowance), in cents (or, where the amount has three decimals, in fils: "3 38.500 5.775
    109.725"), smaller than the product."""
    for k in range(len(before) - 1, 1, -1):
        x, y, allowance = _factor_before(before, before[k - 1]), before[k - 1], before[k]
        if (x is None or y.end > allowance.start or allowance.decimals not in (2, 3)
                or allowance.decimals != total.decimals and allowance.decimals == 3
                or not 0 < allowance.value < x.value * y.value):
            continue
        if abs(x.value * y.value - allowance.value - total.value) <= 0.011:
            return _triple(x, y, total)
    return None


def _per_price_unit_triple(before: list[_Num], total: _Num):
    """`12.480 kg 34,20 100 kg 4.268,16`: quantity × price for a price unit (German ERP's "PE", 100 kg) printed
    right after the price, a round 10, 100 or 1000."""
    for k in range(len(before) - 1, 1, -1):
        unit = before[k]
        y = _factor_before(before, unit)
        x = _factor_before(before, y) if y else None
        if x is None or unit.value not in (10, 100, 1000) or unit.decimals or x.end > y.start:
            continue
        if abs(x.value * y.value / unit.value - total.value) <= 0.011:
            return _triple(x, y, total)
    return None


def _last_readings(nums: list[_Num], end: int) -> list[_Num]:
    """The readings of the last number printed before `end`."""
    last = max((n.end for n in nums if n.end <= end), default=None)
    return [n for n in nums if n.end == last]


def _triple(x: _Num, y: _Num, total: _Num):
    """A row's (quantity, unit price, amount, spans of the three numbers)."""
    qty, price = _quantity_first(x, y)
    return qty, price, total.value, [(x.start, x.end), (y.start, y.end), (total.start, total.end)]


def _factor_before(nums: list[_Num], y: _Num) -> _Num | None:
    """The number right before `y`: "1 278.61" also reads as 1278.61, which overlaps 278.61 and is not it."""
    return next((n for n in reversed(nums) if n.end <= y.start), None)


def _taxed_triple(before: list[_Num], total: _Num, text: str):
    """`1  278.61  14.50%  40.39  319.00`: quantity × net price, the tax rate and the tax, then the gross amount.
    Both checks must hold, rate × net = tax and net + tax = amount, so a totals line that repeats the sums
    without a rate ("Total 1 278.61 40.39 319.00") is no row."""
    if len(before) < 3:
        return None
    y, tax = before[-2], before[-1]
    x = _factor_before(before, y)
    if x is None or y.end > tax.start or abs(x.value * y.value + tax.value - total.value) > 0.011:
        return None
    net = x.value * y.value
    if any(abs(net * rate / 100 - tax.value) <= 0.011 for rate in rates(text[y.end:tax.start])):
        return _triple(x, y, total)
    return None


def _rounded_count_triple(nums: list[_Num]):
    """`2,00  6 Stk  13,00`: a stylesheet printed the count 6.5 as a whole number; amount / price restores it.

    Only a whole count next to a price with cents, and only when amount / price is a measure with at most
    two decimals that rounds to the printed count.
    """
    if len(nums) != 3 or len({(n.start, n.end) for n in nums}) != 3:
        return None
    price, count, total = nums
    if count.decimals or not price.decimals == total.decimals == 2 or price.value <= 0:
        return None
    exact = total.value / price.value
    if exact != count.value and abs(exact - round(exact, 2)) < 1e-9 and math.floor(exact) <= count.value <= math.ceil(exact):
        return round(exact, 2), price.value, total.value, [(n.start, n.end) for n in nums]
    return None


def _free_item(before: list[_Num]) -> bool:
    """A zero-price row: a zero price with cents and a whole, non-zero count, "0,00 21 % 1 PCS 0,00"."""
    return any(n.value == 0 and n.decimals in (2, 4) for n in before) and any(
        n.value and float(n.value).is_integer() and n.decimals == 0 for n in before)


def _money_score(n: _Num) -> int:
    return 2 * n.money + (n.decimals in (2, 4))


def _quantity_first(x: _Num, y: _Num) -> tuple[float, float]:
    """Order two factors as (quantity, unit price).

    A measure with its unit beside a tariff of five decimals or more is the quantity. A price looks like money:
    next to a currency sign, or with 2 or 4 decimals; a quantity is a count or a measure (no, one or three
    decimals). When both look alike, the one followed by a unit is the quantity, then a whole number, then the
    smaller number.
    """
    sx, sy = _money_score(x), _money_score(y)
    if x.unit != y.unit and (y.decimals if x.unit else x.decimals) >= 5:
        # "2 196,99 kWh 0,078214": a measure with its unit, at a tariff of six decimals
        return (x.value, y.value) if x.unit else (y.value, x.value)
    if sx != sy:
        return (x.value, y.value) if sx < sy else (y.value, x.value)
    if x.unit != y.unit:
        return (x.value, y.value) if x.unit else (y.value, x.value)
    x_whole, y_whole = float(x.value).is_integer(), float(y.value).is_integer()
    if x_whole != y_whole:  # counts are whole more often than prices
        return (x.value, y.value) if x_whole else (y.value, x.value)
    return (x.value, y.value) if abs(x.value) <= abs(y.value) else (y.value, x.value)

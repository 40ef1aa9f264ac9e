"""The layout view of a page (pypdf's layout mode): printed columns stay apart, so cells have positions.

The plain text is what the field rules read; this view mends what it loses: a name run into the cell next to
it, a table's descriptions mixed with its article codes or printed after the totals.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors import candidates as C

_SPACE_RUN = re.compile(r"\s+")
_HEADING = re.compile(r"\S+(?: \S+)*")
# a column heading of the description in a table head (German, English, French, Dutch, Spanish, Italian)
_DESCRIPTION_HEAD = re.compile(
    # "ARTICLES / DESCRIPTION", "Item & Description": the description after another word of the heading
    r"^(?:artikel)?(?:beschreibung|bezeichnung)|^(?:[^\W\d_]+\s?[/&]\s?)?(?:description|désignation|designation|"
    r"libellé|omschrijving|"
    r"descripci[oó]n|descrizione|descrição|denominazione|beskrivelse|beskrivning|kuvaus|popis|opis|varetekst|"
    r"concepto|concetto|leistungsbeschreibung|artikel|article|produkt|product|item|leistung|benämning|nimike|"
    r"tuote|nazwa|název|označení|megnevezés|leírás|denumire|descriere|designação|nimetus|kirjeldus|"
    r"varebeskrivelse|ydelse|articles|items|products|prestazione|prestazioni|prestation|prestations|acte|analyse)\b",
    re.IGNORECASE,
)
# headings that name the article, which may be its code: weaker than one that names the description
# (Finnish "Tuote" before "Nimike")
_ITEM_HEAD = re.compile(r"(?i)^(?:[^\W\d_]+\s?[/&]\s?)?(?:artikel|article|item|produkt|product|tuote)s?\b")
# "Item Code", "Art.-Nr.", "SKU": the column of article codes, not of descriptions
_CODE_HEAD = re.compile(r"(?i)\b(?:code|codice|código|nr|no|number|nummer|sku|ref|id)\b|#")


@dataclass(frozen=True)
class Cell:
    start: int  # character column on the page's layout line
    end: int
    text: str


def cells(line: str, widest_gap: int | None = None) -> list[Cell]:
    """A layout line split at its column gaps: space runs wider than twice its narrowest one and than two
    (a letter-spaced line sets its words three spaces apart, "Kunden   AG   Mitte", and is one cell).
    A caller that knows the line is a table's may say that a run of `widest_gap` spaces parts cells in any case."""
    stripped = line.strip()
    runs = [len(r) for r in _SPACE_RUN.findall(stripped)]
    width = max(3, 2 * min(runs) + 1) if runs else 0
    split = re.compile(rf"\s{{{min(width, widest_gap or width)},}}" if runs else r"(?!)")
    out, pos = [], len(line) - len(line.lstrip())
    for part in split.split(stripped):
        start = line.index(part, pos)
        out.append(Cell(start, start + len(part), part))
        pos = start + len(part)
    return out


def cut_at_column_gap(value: str, layout_text: str) -> str | None:
    """The start of `value` up to the column gap the page leaves inside it, if a layout line shows one.

    The plain text runs a name into the cell next to it ("Kunden AG Mitte Beträge in EUR"). A legal form
    past the gap is still the name's ("Grundbesitz   GmbH   & Co." is spaced wide, not two cells). A logo's
    letter before the gap is not: "S        Sørvika kommune" is "Sørvika kommune".
    """
    value = " ".join(value.split())
    for line in layout_text.splitlines():
        row = [c.text for c in cells(line)]
        for i, cell in enumerate(row if len(row) > 1 else []):
            if not (value.startswith(cell + " ") and " ".join(row[i:]).startswith(value)):
                continue
            if re.fullmatch(r"[^\W\d_]{1,2}", cell) and i + 1 < len(row) and not C.COMPANY.fullmatch(cell):
                return value[len(cell) + 1:]  # (before a legal name too: "CP   Chao Phraya Scientific Co., Ltd.")
            if not C.COMPANY.search(value[len(cell):]):
                return cell
    return None


def respaced(value: str, layout_text: str) -> str | None:
    """`value` with the word spaces the layout view prints, if they differ from the plain text's.

    pypdf's plain mode splits some words of a letter-spaced line ("ConsultingSer vice GmbH"); layout mode
    spaces the words by their positions ("ConsultingService     GmbH").
    """
    squeezed = value.replace(" ", "")
    if len(squeezed) < 4:
        return None
    for line in layout_text.splitlines():
        words = line.split()
        if squeezed not in "".join(words):
            continue
        # the run of whole words that spells the value
        for i in range(len(words)):
            text = ""
            for j in range(i, len(words)):
                text += words[j]
                if text == squeezed:
                    found = " ".join(words[i:j + 1])
                    return found if found != value else None
                if not squeezed.startswith(text):
                    break
    return None


def column_descriptions(layout_text: str, rows: list[dict]) -> list[str | None]:
    """For each table row (in document order), its description as the description column shows it.

    The plain text reads a row's cells left to right, so the article-code columns before the description
    come first ("Toolbox 0815 Stahlcoil"), and a narrow column's wrapped words come apart. The row's line on
    the layout page is the next one holding its amount and quantity; the cell under the heading
    "Beschreibung"/"Description"/… is where its description starts. A narrow column wraps its text, so
    the description is the cell with the lines wrapped under it; under a wide one the further lines are
    notes ("aus Deutschland", "GTIN: …"), so the description keeps the plain text's reading from that cell
    on. None: no column found, or nothing to change.
    """
    lines = layout_text.splitlines()
    found: list[str | None] = []
    head: tuple[int, int] | None = None  # the description column's span, from the last table head seen
    head_line = ""
    i = 0
    for row in rows:
        description = None
        plain = " ".join(str(row.get("description") or "").split())
        while i < len(lines):
            line_cells = cells(lines[i])
            if found_head := _description_column(lines[i]):
                head, head_line = found_head, lines[i]
            i += 1
            if head and _holds_row(lines[i - 1], row):
                cell = _cell_under(line_cells, head)
                # the cells start under their heading or left of it ("1     HDPE jerry can …" under a centred
                # "Description of Goods"); the lines wrapped under the row start where the row's cell does
                column = (min(head[0], lines[i - 1].find(cell)), head[1]) if cell else head
                if cell and head[1] - head[0] <= NARROW:
                    description = _join_wrapped([cell, *_wrapped_below(lines, i, column)])
                elif cell:
                    whole = " ".join(cell.split())
                    # "Materials" of a "CIS" column beside the description's cell: the row took another cell
                    other = any(" ".join(c.text.split()) == plain != whole for c in line_cells)
                    description = _without_other_cells(whole if other else _start_at(plain, cell) or plain, cell,
                                                       line_cells, head, row)
                    # a word the row took for a code: "BOPP Tape 48 mm"; or a number, where the cell starts under
                    # the heading ("8 yd skip hire"), not left of it in a narrow position column ("1  Annual …")
                    at = lines[i - 1].find(cell)
                    lead = r"[^\W_]+ " if at >= head[0] - 1 else r"[^\W\d_]+ "
                    # (not a word under another column's heading: "AFRT  International air freight …" under "CODE
                    # DESCRIPTION")
                    under_other = at < head[0] - 1 and head_line[at:at + 1].strip() != ""
                    if (len(whole) > len(description) and whole.endswith(description) and not under_other
                            and re.fullmatch(lead, whole[: -len(description)])):
                        description = whole
                    elif (whole.startswith(description + " ")
                          and re.fullmatch(r"[^\W\d_]+\.?", whole[len(description) + 1:])):
                        description = whole  # "…, caja 1.200 uds.": the row took the cell's last word for a unit
                    elif len(plain.split()) == 1 and plain in whole and lines[i - 1].find(plain, head[1]) >= 0:
                        description = whole  # "Blech": the row took the unit column's word for the description
                    elif (plain.startswith(whole) and re.fullmatch(r"\d{1,3}", glued := plain[len(whole):])
                          and re.match(r"\s*" + glued + r"\s", lines[i - 1])):
                        # "Endreinigung nach Veranstaltung4": pypdf ran the row's number, printed left of the cell,
                        # into its end
                        description = whole
                    for tail in (",", " -"):
                        if whole.endswith(tail) and whole[: -len(tail)].endswith(description):
                            # the row dropped the comma or the dash the cell's line ends in ("(14/10/2025 -")
                            description += tail
                    width, last = column[1] - column[0], len(" ".join(cell.split()))
                    for below in (" ".join(line.split()) for line in _wrapped_below(lines, i, column)):
                        # (a field's name of words alone: not "Castlebrook', c.1760:", a sentence's)
                        note = re.match(r"[^\W\d][^\d:,']{0,30}:", below)
                        if note and f" {note.group(0)}" in description:
                            # "Basismenge: 1 Stk" under "Stahlcoil": a note the plain text ran into the description
                            description = description[: description.index(f" {note.group(0)}")]
                            break
                        # (a unit's short word is in most descriptions: "150 ml / Cleansing oil 150" / "ml")
                        if below.rstrip(":;.") in description and (len(below) > 3 or description.endswith(below)):
                            continue  # the plain text read this line already; the next may go on
                        # "Damen-Slipper Veloursleder, flexible" / "Gummisohle": a word that would not fit on
                        # the line above within the column was wrapped, a note's would have
                        # (not a note's field: "getLineTradeAgreementBruttopreis : 140,0000")
                        wrapped = (last + 1 + len(below.split()[0]) > width and ":" not in below
                                   and not re.search(r"\d[.,]\d", below))
                        if not wrapped and not any(p.search(description + "\n" + below)
                                                   for p in (_CONTINUED, _GOES_ON_LOWER)):
                            break
                        description, last = _joined_without_overlap(description, below), len(below)
                    description = description.rstrip(", -")
                    description = None if description == plain else description
                break
        if description and plain.endswith(" " + description) and re.search(r"\S [-–] $", plain[: -len(description)]):
            description = None  # "… (CSE) –" over the row's cell: the plain text joined the line above, as it goes on
        found.append(description if description and sum(ch.isalpha() for ch in description) >= 3 else None)
    return found


def _joined_without_overlap(description: str, below: str) -> str:
    """The description and the line under it, without the words the description already ends in: the plain text
    read "… indexering CPI 3,2 % in plaats van" (its trailing rate cut as a column), the line under the cell is
    "indexering CPI 3,2 % in plaats van 4,1 %"."""
    words, more = description.split(), below.split()
    overlap = next((k for k in range(min(len(words), len(more)), 1, -1) if words[-k:] == more[:k]), 0)
    return " ".join([*words, *more[overlap:]])


# a sentence that goes on in the next line of its cell: "(La Marzocco Linea), inkl." / "pakninger", "Demontage …
# (WC, Waschtisch" / "Badewanne)", "vervangen cv-ketels en" / "demontage/afvoer …", "HR-combiketel CW5" / "incl.
# ophangbeugel", "60/100 mm" / "met dakdoorvoer", "…en cours de période" / "(prorata …)", a bilingual name's "Erkek
# slim fit denim pantolon /" / "Men's slim fit jeans";
# not a note under it ("Stahlcoil" / "aus Deutschland", "Abonnement" / "Période du …")
_CONTINUED = re.compile(
    r"(?:,|/|\binkl\.|\bincl\.|-|\b(?:und|and|et|y|e|og|och|en|or|oder|of|with|for|the|to|mit|für|von|der|met|voor|van|"
    r"de|du|des|pour|avec|con|para|del|di|per|della|al|au|am|zum|zur|bis|dal|nel|aan|naar|bij|x))\n"
    r"|^[^)\n]*\([^)\n]*\n"
    r"|(?:^|[\s(])['‘“\"][^'’”\"\n]*\n"  # a quote opened and not closed: "Licence downgrade: 'Northern Lights" / …
    r"|\n(?:\(|(?:incl|inkl|excl|exkl|zzgl|inclusief|including|met|mit|with|avec|con|y compris|und|and|en|et|e|y|og|"
    r"och|or|oder|ou|o|i|a|of|for|to|av|på|för|till|med|du|des|del|di|da|na|w|z|do|voor|per|dla)\b)"
    r"|\n[A-Z]{1,3},\s"  # "Blood pressure cuff, reusable, adult" / "M, two-tube": a size, and the list goes on
    r"|\d\n[^\W\d_]{2,10}\.?$"  # "Apfelkuchen vom Blech mit Streuseln, 24" / "Stück"
    r"|\d\n(?:mm|cm|m|km|in|ft|g|kg|t|ml|l|V|W|kW|A|bar)\b"  # "…with SS316 thermowell, 300" / "mm insertion length"
    # "Social media content calendar, April to June" / "2025 (per month)": a month, then its year
    r"|(?i:\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?"
    r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?)\n(?:19|20)\d\d\b")
# a phrase of a few words goes on in a lowercase word ("…en jaarlijkse" / "klantenlisting"); under one word, a
# lowercase line is a note ("Pfand" / "nicht rabattierfähig")
_GOES_ON_LOWER = re.compile(
    r"\S+ \S+ \S+.*\n(?!(?:from|aus|von|vom|nicht|not|non|dalla|desde|depuis|je)\b)"
    r"(?:[a-zà-ÿ][a-zà-ÿ/-]{3,}|[a-zà-ÿ]{2,3} [\w(])")  # "…Caring for your wound" / "at home, printed"
NARROW = 30  # characters: a description column this narrow wraps most descriptions
SLACK = 6  # characters: a column's cells may start this far left of its heading (headings are centred)


# the mark under a form's last row, its empty rows' filler: "(blank below)", "*** nothing follows ***", "以下空白"
_FILLER = re.compile(r"(?i)[\s(*=~–-]*(?:blank below|nothing follows|end of (?:list|items)|以下(?:空白|余白))"
                     r"[\s)*=~–.-]*")


def _wrapped_below(lines: list[str], i: int, head: tuple[int, int]) -> list[str]:
    """The lines under a row with a cell in its description column, within the column's width (a note runs
    past it) and nothing to its right (the next row has numbers there); article codes may stand left of it."""
    out = []
    for line in lines[i:i + 12]:
        if not line.strip():
            continue
        if _FILLER.fullmatch(line.strip()):
            break  # "(blank below)": the form's rows end
        # five spaces part an article code from the description ("WA997     HT"); the column's own words may
        # stand apart too ("Medium    12 x") and are one text
        line_cells = [c for c in cells(line, widest_gap=5) if c.end > head[0]]
        if not line_cells or line_cells[-1].end > head[1] + 2 or line_cells[0].start < head[0] - SLACK:
            break
        out.append(" ".join(c.text for c in line_cells))
    return out


def _without_other_cells(description: str, cell: str, line_cells: list[Cell], head: tuple[int, int],
                         row: dict) -> str:
    """The plain text runs another column's code into the description ("Rosmarin Haarshampoo fest, 75 g
    LG-SH-075" under "Artikel  SKU", "60x90 mmROT-060" under "Código  Descrição"): what the row prints in
    a column before the description's or between it and the row's figures does not end its description,
    unless the description's own cell ends so ("…, 1 kg" beside the unit column's "kg")."""
    cell = " ".join(cell.split())
    figures = [v for v in (row.get("quantity"), row.get("unit_price"), row.get("line_total"))
               if isinstance(v, (int, float))]
    # left of the column: a code the plain text glued to the end ("mmROT-060"); right of it, before the row's
    # figures: a code or a unit, a word or two ("LG-SH-075", "3923.30.00", "pza"), not a second text column
    left = [" ".join(c.text.split()) for c in line_cells if c.end < head[0] - SLACK]
    right = []
    # a marker apart from the description inside its column ("(case of 12)    ※", Japan's reduced tax rate) is a
    # column of its own
    own = next((c for c in line_cells if " ".join(c.text.split()) == cell), None)
    for c in (c for c in line_cells if c.start >= head[1] - 1
              or (own and c.start > own.end and not any(ch.isalnum() for ch in c.text))):
        if any(abs(v - w) < 0.005 for v in C.number_values(c.text) for w in figures):
            # the row's figures start; the plain text may have run the first into the description ("… 6/#10 4"
            # of "Pack  Ord  Ship": the count ordered, beside the one shipped)
            right.append(" ".join(c.text.split()))
            break
        if len(c.text.split()) <= 2:
            right.append(" ".join(c.text.split()))
    trimmed = True
    while trimmed:
        trimmed = False
        for text in left + right:
            glued = len(text) >= 4 and re.fullmatch(r"[A-Z0-9]+(?:[-/.][A-Z0-9]+)+|[A-Z]*\d[A-Z0-9]*", text)
            spaced = text in right and description[-len(text) - 1: -len(text)] == " "
            # (the cell's last word, not its end: "… 100/BX 10BX/CS" beside the unit column's "CS")
            if len(description) > len(text) and description.endswith(text) and not (
                    cell == text or cell.endswith(" " + text)) and (
                    spaced or glued):
                description, trimmed = description[: -len(text)].rstrip(), True
    return description


def _join_wrapped(parts: list[str]) -> str:
    text = ""
    for part in parts:  # "4-" + "Fahrten-" + "Karte": a word broken at a hyphen or slash is one word
        part = " ".join(part.split())
        text += part if not text or re.search(r"\w[-/]$", text) or part.startswith("-") else " " + part
    return text


def _start_at(description: str, cell: str) -> str | None:
    """The description from where the cell starts; the cell itself if the two share no word."""
    cell = " ".join(cell.split())
    at = description.find(cell)
    if at > 0:
        return description[at:]
    if at < 0 and not set(re.findall(r"\w{3,}", description.lower())) & set(re.findall(r"\w{3,}", cell.lower())):
        return cell
    return None


def _description_column(line: str) -> tuple[int, int] | None:
    """The span of a table head's description column, up to the next heading (headings stand two spaces
    apart or more, whatever the spacing of the rest of the line)."""
    if re.search(r"\d[.,]\d\d(?!\d)", line):
        return None  # a row's amounts: "… stage payment    1  item    3,200.00" heads no column with its "item"
    heads = [(m.start(), m.end(), m.group(0)) for m in _HEADING.finditer(line)]
    if len(heads) < 3:
        return None
    found = [k for k, (_, _, text) in enumerate(heads) if _DESCRIPTION_HEAD.match(text) and not _CODE_HEAD.search(text)]
    # "Artikel  Omschrijving": the article column holds codes where a description column follows it
    k = next((k for k in found if not _ITEM_HEAD.match(heads[k][2])), found[0]) if found else None
    if k is None:
        return None
    start, end, _ = heads[k]
    return start, heads[k + 1][0] if k + 1 < len(heads) else end + 40


def _holds_row(line: str, row: dict) -> bool:
    values = C.number_values(line)
    wanted = [v for v in (row.get("line_total"), row.get("quantity")) if isinstance(v, (int, float))]
    return bool(wanted) and all(any(abs(v - w) < 0.005 for v in values) for w in wanted)


def _cell_under(line_cells: list[Cell], head: tuple[int, int]) -> str | None:
    def overlap(c: Cell) -> int:
        return min(c.end, head[1]) - max(c.start, head[0] - SLACK)

    best = max(line_cells, key=overlap)
    if overlap(best) <= 0 or re.search(r"\d[.,]\d\d$", best.text):
        return None
    return best.text

"""The layout view of a page: cells by position, the table's description column, names cut at column gaps."""

from __future__ import annotations

from extractors.layout import cells, column_descriptions, cut_at_column_gap, respaced

# the e-invoice stylesheet's table: article codes left of a narrow description column that wraps its words
NARROW_TABLE = """\
     Art-Nr-Kunde
Pos  Art-Nr-Lief.    Beschreibung       Nettopreis              Menge          Steuer          Entgelt
     (Art)
 0                    4-                    8,41              1  Stk    7 %  VAT (S)              8,41
                      Fahrten
                      -Karte
                      Berlin
                      AB
                      Gültig   ab  20.09.2018   15:39  Uhr  bis  20.09.2018    17:39
  1   KR3M            Kunstrasen            3,33               3 m²    19 %  VAT (S)             10,00
      4012345001235   grün 3m breit
      (GLN)
  2                   Wirkarbeit          0,0520           10000 KWH   19 %  VAT (S)             52,00
      WA997           HT
  3                   Mineralwasser         5,49              20 Stk    7 %  VAT (S)            109,80
      GTRWA5          Medium    12 x
      4000001234561   1,0l PET
"""

# a wide description column: the lines under a row are notes, and the article codes stand left of it
WIDE_TABLE = """\
 Pos   Art.Nr.              Artikelbeschreibung                      Menge        Preis          Betrag
   1   Toolbox 0815CO-123   Stahlcoil                                10 Stk      100,00        1.000,00
                            aus Deutschland
"""


def test_cells_keep_their_columns_and_a_letter_spaced_line_is_one_cell():
    assert [(c.start, c.text) for c in cells("   Kunden AG Mitte            Beträge in        EUR")] == [
        (3, "Kunden AG Mitte"), (30, "Beträge in"), (48, "EUR")]
    assert [c.text for c in cells("Kunden   AG   Mitte")] == ["Kunden   AG   Mitte"]


def test_a_name_run_into_the_next_column_ends_at_the_gap():
    page = "Rechnungsempfänger          Kundennummer    GE2020211\n   Kunden AG Mitte          Beträge in    EUR\n"
    assert cut_at_column_gap("Kunden AG Mitte Beträge in EUR", page) == "Kunden AG Mitte"
    assert cut_at_column_gap("Kunden AG Mitte", page) is None  # nothing to cut
    assert cut_at_column_gap("Kunden AG Mitte", "Kunden   AG   Mitte\n") is None
    # words spaced wide, one of them with a single space: the legal form past the gap is still the name's
    assert cut_at_column_gap("Grundbesitz GmbH & Co.", "Verkäufer:\nGrundbesitz   GmbH   & Co.\n") is None


def test_a_narrow_column_joins_its_wrapped_words_up_to_a_note_or_the_next_row():
    rows = [{"description": "7 % VAT (S)", "quantity": 1.0, "unit_price": 8.41, "line_total": 8.41},
            {"description": "KR3M 4012345001235 (GLN) Kunstrasen grün 3m breit", "quantity": 3.0,
             "unit_price": 3.33, "line_total": 10.0},
            {"description": "WA997 Wirkarbeit HT", "quantity": 10000.0, "unit_price": 0.052, "line_total": 52.0},
            {"description": "GTRWA5 Mineralwasser Medium 12 x", "quantity": 20.0, "line_total": 109.8}]
    # an article code five spaces left of a wrapped word is another column; four spaces inside the column are not
    assert column_descriptions(NARROW_TABLE, rows) == [
        "4-Fahrten-Karte Berlin AB", "Kunstrasen grün 3m breit", "Wirkarbeit HT", "Mineralwasser Medium 12 x 1,0l PET"]


def test_a_wide_column_says_where_the_description_starts_and_leaves_its_notes_out():
    rows = [{"description": "Toolbox 0815 Stahlcoil", "quantity": 10.0, "unit_price": 100.0, "line_total": 1000.0}]
    assert column_descriptions(WIDE_TABLE, rows) == ["Stahlcoil"]
    # a row the layout does not show, or a table without a description heading, is left alone
    assert column_descriptions(WIDE_TABLE, [{"description": "X", "quantity": 7.0, "line_total": 77.0}]) == [None]
    assert column_descriptions("1   Toolbox   Stahlcoil   10   1.000,00\n", rows) == [None]


def test_a_word_the_plain_text_split_is_spelled_as_the_layout_prints_it():
    page = "Käufer:\nConsultingService     GmbH\nMusterstraße   7\n"
    assert respaced("ConsultingSer vice GmbH", page) == "ConsultingService GmbH"
    assert respaced("ConsultingService GmbH", page) is None  # nothing to change
    assert respaced("Consulting GmbH", page) is None  # not on the page
    assert respaced("Service GmbH", page) is None  # only whole words: "…Service" is the end of one


SKU_TABLE = """\
Artikel                                                  SKU            Menge      Einzelpreis        Gesamt
Rosmarin Haarshampoo fest, 75 g                          LG-SH-075         2          12,90 €       25,80 €
Service af espressomaskine (La Marzocco Linea), inkl.    LG-SE-100         1       1.250,00 €    1.250,00 €
                     pakninger
Espressobønner Skovgaard Blend, 1 kg                          12   kg     189,00 €    2.041,20 €
"""
CODE_FIRST_TABLE = """\
Item Code               Description                                          Qty       Unit Price        Amount
HU-PGPU-04              Hunter PGP Ultra rotor sprinkler, 4" pop-up           24            21.80        523.20
SRV-DES                 Design e paginação do catálogo                          1           380.00        380.00
"""


def test_a_wide_column_ends_where_the_next_columns_cells_start():
    rows = [{"description": "Rosmarin Haarshampoo fest, 75 g LG-SH-075", "quantity": 2.0, "line_total": 25.8},
            {"description": "Service af espressomaskine (La Marzocco Linea), inkl. LG-SE-100", "quantity": 1.0,
             "line_total": 1250.0},
            {"description": "Espressobønner Skovgaard Blend, 1 kg", "quantity": 12.0, "line_total": 2041.2}]
    # another column's code is no part of the description; a sentence that goes on in the next line of its cell
    # is; a unit column's "kg" leaves the description's own "1 kg" alone
    assert column_descriptions(SKU_TABLE, rows) == [
        "Rosmarin Haarshampoo fest, 75 g", "Service af espressomaskine (La Marzocco Linea), inkl. pakninger", None]
    # "Item Code" heads the codes, "Description" the descriptions; a code glued to the description drops out
    rows = [{"description": "HU-PGPU-04", "quantity": 24.0, "line_total": 523.2},
            {"description": "Design e paginação do catálogoSRV-DES", "quantity": 1.0, "line_total": 380.0}]
    assert column_descriptions(CODE_FIRST_TABLE, rows) == [
        "Hunter PGP Ultra rotor sprinkler, 4\" pop-up", "Design e paginação do catálogo"]


# a wide description column whose long descriptions wrap (invoice_set_c 02, 03, 14), with a note under a one-word row
WRAP_TABLE = """\
 Omschrijving                                               Aantal     Eenh.              Prijs                Bedrag
 Arbeid monteur, vervangen cv-ketels en                           64   uur             € 58,50            € 3.744,00
 demontage/afvoer oude toestellen
 Intergas Xtreme 36 HR-combiketel CW5                              8   st          € 1.389,00           € 11.112,00
 incl. ophangbeugel en aansluitset
 Rookgasafvoer concentrisch 60/100 mm                              9   st            € 164,50            € 1.480,50
 met dakdoorvoer
 Btw-aangifte 4e kwartaal 2024 en jaarlijkse                       2   st            € 145,00              € 290,00
 klantenlisting
 Utilisateurs ajoutés en cours de période                          3   st             € 14,50               € 43,50
 (prorata 14/28 jours, février 2025)
 Pfand                                                            20   st              € 2,77               € 55,40
 nicht rabattierfähig
 8 yd skip hire                                                    2   st            € 285,00              € 570,00
"""


def test_a_wide_columns_description_goes_on_in_the_next_line_where_its_words_say_so():
    rows = [{"description": "Arbeid monteur, vervangen cv-ketels en", "quantity": 64.0, "line_total": 3744.0},
            {"description": "Intergas Xtreme 36 HR-combiketel CW5", "quantity": 8.0, "line_total": 11112.0},
            {"description": "Rookgasafvoer concentrisch 60/100 mm", "quantity": 9.0, "line_total": 1480.5},
            # the plain text read the wrapped word already: it is not added twice
            {"description": "Btw-aangifte 4e kwartaal 2024 en jaarlijkse klantenlisting", "quantity": 2.0,
             "line_total": 290.0},
            {"description": "Utilisateurs ajoutés en cours de période", "quantity": 3.0, "line_total": 43.5},
            {"description": "Pfand", "quantity": 20.0, "line_total": 55.4},
            {"description": "yd skip hire", "quantity": 2.0, "line_total": 570.0}]
    assert column_descriptions(WRAP_TABLE, rows) == [
        "Arbeid monteur, vervangen cv-ketels en demontage/afvoer oude toestellen",
        "Intergas Xtreme 36 HR-combiketel CW5 incl. ophangbeugel en aansluitset",
        "Rookgasafvoer concentrisch 60/100 mm met dakdoorvoer",
        None,
        "Utilisateurs ajoutés en cours de période (prorata 14/28 jours, février 2025)",
        None,  # a one-word row's lowercase line is a note
        "8 yd skip hire",  # the cell starts under the heading: its number is the description's
    ]
    # a position number left of the heading, in the same cell, is not the description's
    page = ("  Sl  Description of Services                       Qty         Rate        Amount\n"
            "   1  Annual maintenance contract, ERP                 1    1,20,000.00   1,20,000.00\n")
    rows = [{"description": "Annual maintenance contract, ERP", "quantity": 1.0, "line_total": 120000.0}]
    assert column_descriptions(page, rows) == [None]


# invoice_sets F and G: a comma the row's reading dropped at the wrap, a unit taken for the description, a count's
# unit on the next line, a Swedish preposition, and an article-code column named "Artikel" before "Omschrijving"
WRAP_TABLE_2 = """\
Pos    Artikelnr.   Beschreibung                                     Menge   Einh.        Preis        Total CHF
1      GL-KOMBI-10  Kombidämpfer 10 x GN 1/1, elektrisch,                1   Stk      14'850.00        14'850.00
                    inkl. Untergestell und Wasserenthärter
4      14-0208      Apfelkuchen vom Blech mit Streuseln, 24              3   Blech        28,50            85,50
                    Stück
"""
SWEDISH_TABLE = """\
Benämning                                                               Antal     Enh           À-pris           Belopp
Justering av växlar och bromsar efter provtur samt byte                     1,5   tim           560,00           840,00
av vajrar på två cyklar
"""
DUTCH_TABLE = """\
   Artikel         Omschrijving                                                      Aantal      Prijs      Bedrag
   AK-1000         Retour: Espressobonen Ankermix 1 kg (beschadigde                         -6   21,40     -128,40
                   verpakking)
"""


def test_wrapped_descriptions_of_more_layouts():
    rows = [{"description": "Kombidämpfer 10 x GN 1/1, elektrisch", "quantity": 1.0, "line_total": 14850.0},
            {"description": "Blech", "quantity": 3.0, "line_total": 85.5}]
    assert column_descriptions(WRAP_TABLE_2, rows) == [
        "Kombidämpfer 10 x GN 1/1, elektrisch, inkl. Untergestell und Wasserenthärter",
        "Apfelkuchen vom Blech mit Streuseln, 24 Stück"]
    rows = [{"description": "tim", "quantity": 1.5, "line_total": 840.0}]
    assert column_descriptions(SWEDISH_TABLE, rows) == [
        "Justering av växlar och bromsar efter provtur samt byte av vajrar på två cyklar"]
    rows = [{"description": "Retour: Espressobonen Ankermix 1 kg (beschadigde", "quantity": -6.0, "line_total": -128.4}]
    assert column_descriptions(DUTCH_TABLE, rows) == ["Retour: Espressobonen Ankermix 1 kg (beschadigde verpakking)"]


# invoice_set_j: a centred heading over cells that start left of it, a heading "ARTICLES / DESCRIPTION", a tax flag
# column ("V") and a unit column ("reams") beside the description, descriptions wrapped after a number, an "x" or
# before a short lowercase word
CENTRED_HEAD_TABLE = """\
Sl No.               Description of Goods                      HSN/SAC    Quantity      Rate   Amount (INR)

  1     HDPE jerry can 5 L with tamper-evident cap, natural    39233090    950 Nos     65.09      61,835.50
        colour

  2     Paper edge protector angle board 35 x 35 x 3 mm x      48239090  1,000 Nos     11.25      11,250.00
        1 m

  3     RTD PT100 temperature sensor with SS316 thermowell, 300    90251990   10 Nos  4,380.00      43,800.00
        mm insertion length

  4     Corrugated carton box 5-ply, 60 x 40 x 40 cm, double   48191010  2,000 Nos      8.75      17,500.00
        wall, brown
"""
FLAG_COLUMN_TABLE = """\
   QTY      UNIT                  ARTICLES / DESCRIPTION                      VAT   UNIT PRICE         AMOUNT
     2       pcs    Laser printer, monochrome, 40 ppm, automatic duplex,      V      18,450.00      36,900.00
                    network ready
    50     reams    Bond paper A4 70 gsm                                      V         215.00      10,750.00
"""


def test_descriptions_of_tables_from_india_and_the_philippines():
    rows = [{"description": "Nos", "quantity": 950.0, "line_total": 61835.5},
            {"description": "Paper edge protector angle board 35 x 35 x 3 mm x", "quantity": 1000.0,
             "line_total": 11250.0},
            {"description": "Nos", "quantity": 10.0, "line_total": 43800.0},
            {"description": "Corrugated carton box 5-ply, 60 x 40 x 40 cm, double", "quantity": 2000.0,
             "line_total": 17500.0}]
    assert column_descriptions(CENTRED_HEAD_TABLE, rows) == [
        "HDPE jerry can 5 L with tamper-evident cap, natural colour",
        "Paper edge protector angle board 35 x 35 x 3 mm x 1 m",
        "RTD PT100 temperature sensor with SS316 thermowell, 300 mm insertion length",
        "Corrugated carton box 5-ply, 60 x 40 x 40 cm, double wall, brown"]
    rows = [{"description": "Laser printer, monochrome, 40 ppm, automatic duplex, V", "quantity": 2.0,
             "line_total": 36900.0},
            {"description": "reams Bond paper A4 70 gsm V", "quantity": 50.0, "line_total": 10750.0}]
    assert column_descriptions(FLAG_COLUMN_TABLE, rows) == [
        "Laser printer, monochrome, 40 ppm, automatic duplex, network ready", "Bond paper A4 70 gsm"]


# "※" marks an item of Japan's reduced tax rate: standing apart in the description's column it is a column of its
# own (invoice_set_j); printed right after the description, in its cell, the description keeps it (invoice_set_h)
MARKER_TABLE = """\
 No.   Date          Description                                     Qty      Unit    Unit price       Amount
   1   04/03   Hokkaido whole milk 1 L (case of 12)          ※        20      case         2,880       57,600
   2   04/10   Bottled green tea 500 ml (case of 24) ※                 5      case         2,880       14,400
"""


def test_a_marker_apart_from_the_description_is_a_column_of_its_own():
    rows = [{"description": "04/03 Hokkaido whole milk 1 L (case of 12) ※", "quantity": 20.0, "line_total": 57600.0},
            {"description": "04/10 Bottled green tea 500 ml (case of 24) ※", "quantity": 5.0, "line_total": 14400.0}]
    assert column_descriptions(MARKER_TABLE, rows) == [
        "Hokkaido whole milk 1 L (case of 12)", "Bottled green tea 500 ml (case of 24) ※"]


# invoice_set_k: a description wrapped over three lines, whose second line the plain text read already
THREE_LINE_TABLE = """\
Pos.  Leistung                                                  Menge      Einh.           EP in €          GP in €
1.    Abdecken und Abkleben von Böden, Fenstern                         1  pausch.          185,00           185,00
      und Einrichtungsgegenständen, inkl.
      Abdeckmaterial
2.    Direzione lavori strutturali – stato avanzamento al               1  a corpo        1.200,00         1.200,00
      28/02/2025
"""


def test_a_wide_columns_description_goes_on_past_a_line_the_plain_text_read():
    rows = [{"description": "Abdecken und Abkleben von Böden, Fenstern und Einrichtungsgegenständen, inkl.",
             "quantity": 1.0, "line_total": 185.0},
            {"description": "Direzione lavori strutturali – stato avanzamento al", "quantity": 1.0,
             "line_total": 1200.0}]
    assert column_descriptions(THREE_LINE_TABLE, rows) == [
        "Abdecken und Abkleben von Böden, Fenstern und Einrichtungsgegenständen, inkl. Abdeckmaterial",
        "Direzione lavori strutturali – stato avanzamento al 28/02/2025"]


def test_a_note_under_the_description_is_cut_from_the_plain_texts_reading():
    page = ("  Pos  Art-Nr-Lief.         Beschreibung                        Nettopreis     Menge     Nettobetrag\n"
            "  1    Toolbox 0815CO-123   Stahlcoil                                           10 Stk       1.000,00\n"
            "       /V2A                 Basismenge: 1 Stk\n")
    rows = [{"description": "Toolbox 0815CO-123 /V2A Stahlcoil Basismenge: 1", "quantity": 10.0, "line_total": 1000.0}]
    assert column_descriptions(page, rows) == ["Stahlcoil"]


# a wide description column whose text wraps where the next word would not fit, beside a colour column
SHOE_TABLE = """\
 Art.-Nr.      Bezeichnung                                 Farbe      Menge   ME      Preis     Betrag

 RK-2140       Damen-Slipper Veloursleder, flexible        taupe         18   Paar    47,50     855,00
               Gummisohle

 EG-501        Erkek slim fit denim pantolon /             Indigo       150   Stk     14,80   2.220,00
               Men's slim fit jeans

 KR-150        Olejek do demakijażu 150 ml / Cleansing oil 150            96   szt.     4,70     451,20
               ml

 RK-2101       Stahlcoil                                   schwarz       24   Paar    54,90   1.317,60
               Gummisohle
"""


def test_a_wide_column_joins_a_line_whose_first_word_did_not_fit_above_or_that_goes_on():
    rows = [{"description": "Damen-Slipper Veloursleder, flexible", "quantity": 18.0, "line_total": 855.0},
            {"description": "Erkek slim fit denim pantolon /", "quantity": 150.0, "line_total": 2220.0},
            {"description": "Olejek do demakijażu 150 ml / Cleansing oil 150", "quantity": 96.0, "line_total": 451.2},
            {"description": "RK-2101 Stahlcoil", "quantity": 24.0, "line_total": 1317.6}]
    assert column_descriptions(SHOE_TABLE, rows) == [
        "Damen-Slipper Veloursleder, flexible Gummisohle",  # "Gummisohle" would not fit after "flexible"
        "Erkek slim fit denim pantolon / Men's slim fit jeans",  # a bilingual name goes on after its "/"
        "Olejek do demakijażu 150 ml / Cleansing oil 150 ml",  # "ml" is in the text above, not at its end
        "Stahlcoil",  # a short cell: the word under it would have fit, so it is a note
    ]


def test_a_dutch_line_that_ends_in_aan_goes_on_in_the_next():
    table = ("Omschrijving                                          Eenh.   Hoeveelh.   Prijs/eenh.      Totaal\n"
             "Gasolie (MGO) 0,1 % S, levering via bunkerboot aan    ton        24,865        742,50   18.462,26\n"
             "MS «Maria-Elena», Kanaaldok B2\n")
    rows = [{"description": "Gasolie (MGO) 0,1 % S, levering via bunkerboot aan", "quantity": 24.865,
             "line_total": 18462.26}]
    assert column_descriptions(table, rows) == [
        "Gasolie (MGO) 0,1 % S, levering via bunkerboot aan MS «Maria-Elena», Kanaaldok B2"]


def test_a_unit_column_beside_a_cell_that_ends_in_the_same_letters_and_a_size_that_goes_on():
    # the UOM column's "CS" leaves the description though its cell ends in "10BX/CS"
    table = ("LN ITEM NO.  DESCRIPTION                                    UOM   ORD  SHIP  UNIT PRICE  EXTENSION\n"
             "2  GLS-NG-L  NITRILE EXAM GLOVE PF LARGE 100/BX 10BX/CS     CS     8     8      118.40     947.20\n")
    rows = [{"description": "NITRILE EXAM GLOVE PF LARGE 100/BX 10BX/CS CS", "quantity": 8.0, "unit_price": 118.4,
             "line_total": 947.2}]
    assert column_descriptions(table, rows) == ["NITRILE EXAM GLOVE PF LARGE 100/BX 10BX/CS"]
    # "adult" / "M, two-tube": a size, and the list of the item's features goes on
    table = ("Pos  Item no.        Description                                     Qty   Unit   Price        Amount\n"
             "6    NV-NIBP-M       Blood pressure cuff, reusable, adult               25    pcs"
             "         € 19,80  € 495,00\n"
             "                     M, two-tube\n")
    rows = [{"description": "Blood pressure cuff, reusable, adult", "quantity": 25.0, "unit_price": 19.8,
             "line_total": 495.0}]
    assert column_descriptions(table, rows) == ["Blood pressure cuff, reusable, adult M, two-tube"]


def test_a_rows_item_unit_heads_no_column():
    table = ("Description                                                       Qty   Unit          Rate       Amount\n"
             "Services rough-in\n"
             "Plumbing rough-in, second fix – stage payment                       1  item      3,200.00     3,200.00\n")
    rows = [{"description": "Plumbing rough-in, second fix – stage payment", "quantity": 1.0, "unit_price": 3200.0,
             "line_total": 3200.0}]
    assert column_descriptions(table, rows) in ([None], ["Plumbing rough-in, second fix – stage payment"])


def test_a_code_under_its_own_heading_left_of_the_description_is_no_part_of_it():
    table = ("CODE  DESCRIPTION                                                    QTY      RATE  GST         AMOUNT\n"
             "AFRT  International air freight AKL-SYD, chargeable weight 412 kg    412      3.85  FRE       1,586.20\n")
    rows = [{"description": "International air freight AKL-SYD, chargeable weight 412 kg", "quantity": 412.0,
             "unit_price": 3.85, "line_total": 1586.2}]
    assert column_descriptions(table, rows) in ([None], ["International air freight AKL-SYD, chargeable weight 412 kg"])

"""Deterministic finders: amounts, dates, identifiers and table rows, in many locales."""

from __future__ import annotations

import datetime as dt

import pytest

from extractors import candidates as C


@pytest.mark.parametrize("raw, value", [
    ("1,234.56", 1234.56), ("1.234,56", 1234.56), ("34,73", 34.73), ("1,234", 1234.0), ("0,085", 0.085),
    ("5,5000", 5.5), ("1,20,000.00", 120000.0), ("-17808,00", -17808.0), ("22 800,00", 22800.0),
    ("3'957.81", 3957.81),
])
def test_parse_amount(raw, value):
    assert C.parse_amount(raw) == pytest.approx(value)


def dates(text: str) -> list[dt.date]:
    return [c.value for c in C.find_dates(C.TextIndex(text))]


def test_dates_in_many_formats():
    text = ("Invoice date: 05.03.2024\nDue 2024-04-04\nDate: March 5, 2024\nLe 5 mars 2024\n"
            "15. Jänner 2025\n12 de septiembre de 2024\nAugust 3 , 2014\n05-Apr-2024")
    assert dates(text) == [dt.date(2024, 3, 5), dt.date(2024, 4, 4), dt.date(2024, 3, 5), dt.date(2024, 3, 5),
                           dt.date(2025, 1, 15), dt.date(2024, 9, 12), dt.date(2014, 8, 3), dt.date(2024, 4, 5)]


def test_numeric_dates_follow_the_documents_own_order():
    assert dates("Date 11/08/2024\nDue 12/23/2024") == [dt.date(2024, 11, 8), dt.date(2024, 12, 23)]
    assert dates("Date 11/08/2024\nDue 23/12/2024") == [dt.date(2024, 8, 11), dt.date(2024, 12, 23)]


def test_dates_that_read_both_ways_are_month_first_on_a_page_with_a_us_address():
    text = "Invoice date 02/04/2025\nShip to\n88 Maple Hollow Dr\nRound Rock, TX 78681"
    assert dates(text) == [dt.date(2025, 2, 4)]
    assert dates("Invoice date 02/04/2025\n10 Downing St, London SW1A 2AA") == [dt.date(2025, 4, 2)]
    # some print no comma before the state
    assert dates("Keystone Clinical Supply, Inc.\nHarrisburg PA 17110\n03/12/2025") == [dt.date(2025, 3, 12)]


@pytest.mark.parametrize("line, value", [
    ("VAT registration no.: 391 7205 48", "391 7205 48"),
    ("GST/HST Registration No. 817426539 RT0001", "817426539 RT0001"),
    ("UEN / GST Reg No.: 201834567W", "201834567W"), ("VAT No. 4129385763", "4129385763"),
    ("TRN: 100384729100003", "100384729100003"), ("Our VAT No. MT21457333", "MT21457333"),
    # Canada's business number with its program account, the US's federal and state tax ids (invoice_set_r)
    ("Toronto, ON M6J 3A1  ·  HST No. 793158429 RT0001", "793158429 RT0001"),
    ("N° TPS : 864021753 RT0001", "864021753 RT0001"), ("GST Registration # 705842169 RT0001", "705842169 RT0001"),
    ("Fed. ID 31-1847206", "31-1847206"), ("CA Seller's Permit No. 102-457813", "102-457813"),
    ("hello@rainierhearth.com  ·  WA UBI 604 812 377", "604 812 377"), ("MN Tax ID: 4417902", "4417902"),
    ("IL Account ID 3184-2706", "3184-2706"),
])
def test_tax_ids_of_english_speaking_countries_after_their_labels(line, value):
    # UK, Canada, Singapore, South Africa, the UAE and Malta (invoice_set_d): no EU country code, or Malta's
    assert value in [c.value for c in C.find_vat_ids(C.TextIndex(line))]


def test_identifiers():
    ix = C.TextIndex("USt-IdNr. DE123456789 / FR 12 345678901\nIBAN DE91 1000 0000 0123 4567 89\n"
                     "GSTIN 27AAKCS4821M1Z3\n993548900Factuurnummer:")
    assert [c.value for c in C.find_vat_ids(ix)][:3] == ["DE123456789", "FR 12 345678901", "27AAKCS4821M1Z3"]
    assert "DE91100000000123456789" in [c.value for c in C.find_ibans(ix)]
    assert "993548900" in [c.value for c in C.find_id_tokens(ix)]
    # pypdf glues a label printed after the value onto it
    assert [c.value for c in C.find_vat_ids(C.TextIndex("NL810433941B01BTW\nDE123456789012"))] == ["NL810433941B01"]


def rows(text: str) -> list[tuple]:
    return [(r.description, r.quantity, r.unit_price, r.line_total) for r in C.find_table_rows(C.TextIndex(text))]


def test_table_rows_by_product_check():
    text = ("Description Qty Unit price Amount\n"
            "Process mapping, consultant hours 14.5 $165.00 $2,392.50\n"
            "1 7,5 Std. Heizungswartung, Gesellenstunden 58,00 € 435,00 €\n"
            "Impresión folletos A5 a color 2.000 0,085 21 % 170,00\n"
            "Besiktning på plats 1 4 500,00 4 500,00\n"
            "Subtotal $8,912.50")
    assert rows(text) == [
        ("Process mapping, consultant hours", 14.5, 165.0, 2392.5),
        ("Heizungswartung, Gesellenstunden", 7.5, 58.0, 435.0),
        ("Impresión folletos A5 a color", 2000.0, 0.085, 170.0),
        ("Besiktning på plats", 1.0, 4500.0, 4500.0),
    ]


def test_a_row_with_a_discount_percentage_and_an_article_code_in_brackets():
    # AzureInterior.pdf (Odoo): Quantity, Unit Price, Disc.%, Taxes, Amount; the product's code in brackets
    assert rows("*987123* Olive Oil    1.00 L    1.00    10.00  15.00%    $ 0.90\n"
                "[FURN_7777] Office Chair    1.00 Units    70.00    0.00  15.00%    $ 70.00") == [
        ("Olive Oil", 1.0, 1.0, 0.9), ("Office Chair", 1.0, 70.0, 70.0)]
    # the tax rate is no discount: 1.00 × 1.00 less 15 % is not 0.90
    assert rows("Olive Oil    1.00 L    1.00    15.00%    $ 0.90") == []


def test_rows_of_mining_suppliers_tables():
    # the quantity first and a discount column before the amount: 9 × 265.00 less 10 %
    assert rows("Qty Description Rate basis Rate Disc % Tax Amount\n"
                "9 Heater, indirect fired 500,000 BTU, Unit HT-0912 DAY 265.00 10 GP 2,146.50\n")[0][1:] == (
        9.0, 265.0, 2146.5)
    # "4 x 320 W" is a measure of the description, not a count with its unit
    assert rows("Item Descrição Qtd. Unid. Vl. unit. (R$) Valor total (R$)\n"
                "04 Torre de iluminação LED 4 x 320 W, frotas TI-044 a TI-047 4 mês 3.150,00 12.600,00\n") == [
        ("Torre de iluminação LED 4 x 320 W, frotas TI-044 a TI-047", 4.0, 3150.0, 12600.0)]
    # one article code leaves the description, not the capitalised word after it
    assert rows("CG-572-19 CHAPA GROSSA ASTM A572 GR50 19,00 X 2440 X 6000 MM 8,745 7.120,00 62.264,40\n")[0][0] == (
        "CHAPA GROSSA ASTM A572 GR50 19,00 X 2440 X 6000 MM")
    # a haul's unit is no description: the text above is
    assert rows("Code Description Qté Unité Prix unitaire Montant\n"
                "LOG-EXP Transport des échantillons, site Lac-Fortune à\nVal-d'Or (camion dédié)\n"
                "1 voyage 1 150,00 1 150,00\n")[0][0] == (
        "Transport des échantillons, site Lac-Fortune à Val-d'Or (camion dédié)")
    # "Código … P. Unitario … Valor" heads the table: the wrapped text under its first row is the row's
    chile = rows("Código Descripción Cant. Unid. P. Unitario % Desc. Valor\n"
                 "GRU-50 Arriendo grúa hidráulica Liebherr 50 t con operador, faena\nPampa Verde\n"
                 "36 HR 85.000 3.060.000\nRIG-01 Rigger certificado 5 DIA 165.000 825.000\n")
    assert chile[0][0] == "Arriendo grúa hidráulica Liebherr 50 t con operador, faena Pampa Verde"


def test_rows_of_an_indian_table_with_hsn_codes():
    # "Nos" is the unit column, the text above the row's numbers its description; the HSN code before the
    # quantity is no part of it, a year is
    tally = rows("Sl\nNo.\nDescription of Goods HSN/SAC Quantity Rate per Amount\n"
                 "1 Openwell Submersible Pump 1 HP, Single\nPhase (Model KAF-OW1)\n"
                 "8413 12 Nos 7,850.00 Nos 94,200.00\n"
                 "4 Non-Return Valve 2 inch, CI Flanged 8481 20 Nos 1,236.50 Nos 24,730.00\n"
                 "5 Cloud hosting - March 2025 998315 1 Month 48,500.00 48,500.00\n")
    assert [r[0] for r in tally] == ["Openwell Submersible Pump 1 HP, Single Phase (Model KAF-OW1)",
                                     "Non-Return Valve 2 inch, CI Flanged", "Cloud hosting - March 2025"]
    # after the position, "5 Ply" is the description's
    assert C._clean_description("1 5 Ply Corrugated Box 450x300x280 mm") == "5 Ply Corrugated Box 450x300x280 mm"
    # a word in capitals is no article code, nor a measure's percentage a tax rate's column
    assert C._clean_description("1 HDPE jerry can 5 L") == "HDPE jerry can 5 L"
    assert C._clean_description("FRAKT Frakt, DHL") == "Frakt, DHL"  # a code in letters before its name
    assert C._clean_description("Pressure transmitter, accuracy 0.075%") == "Pressure transmitter, accuracy 0.075%"


def test_a_row_with_a_discount_printed_with_its_percent_sign():
    # Facture_FR_BASICWL.pdf: Quantité, Prix unitaire, Rem., Prix HT; only the discounted row prints a "Rem."
    assert rows("Nougat de l'Abbaye 250g 20 Unit(s) 4,55 € 10% 81,90 €\n"
                "Biscuits aux raisins 300g 15 Unit(s) 3,20 € 48,00 €") == [
        ("Nougat de l'Abbaye 250g", 20.0, 4.55, 81.9), ("Biscuits aux raisins 300g", 15.0, 3.2, 48.0)]
    # a rate that does not take quantity × price to the amount is no discount
    assert rows("Nougat de l'Abbaye 250g 20 Unit(s) 4,55 € 20% 81,90 €") == []


def test_a_row_that_prints_its_tax_before_a_gross_amount():
    # FlipkartInvoice.pdf: Qty, Price, Tax(%), Tax, Total; "1 278.61" also reads as 1278.61
    assert rows("Memory cards SanDisk Ultra 16 GB MicroSDHC Class 1 278.61 14.50% 40.39 319.00\n"
                "Total 1 278.61 40.39 319.00") == [("Memory cards SanDisk Ultra 16 GB MicroSDHC Class", 1.0, 278.61, 319.0)]
    # the tax must be the rate of the net amount
    assert rows("SanDisk Ultra 16 GB 1 278.61 5.00% 40.39 319.00") == []


def test_a_count_printed_rounded_is_restored_from_amount_over_price():
    # the stylesheet prints 6.5 km as "6 Stk"; 13,00 / 2,00 = 6.5 rounds to the printed count
    assert rows("Stadtfahrt 2,00 6 Stk 7 % 13,00") == [("Stadtfahrt", 6.5, 2.0, 13.0)]
    # amount over price far from the count, or with more decimals than a measure: no row
    assert rows("Stadtfahrt 2,00 4 Stk 7 % 13,00") == []
    assert rows("Tarif 3,00 6 Stk 7 % 20,00") == []


def test_wrapped_rows_of_a_quantity_first_table():
    # pypdf splits a row whose description wraps: the quantity leads, the prices follow two lines down
    text = ("Amount Product VAT Price Total\n"
            "1.00 Design (hours): Of a sample \n"
            "invoice\n"
            "7% 160.00 € 160.00 €\n"
            "800.00 Hot air (litres): 19% 0.025 € 20.00 €\n"
            "8570 Köflach\n"
            "Bezeichnung Menge Einzelpreis Betrag\n"
            "Eckbank Eiche 1 2380.00 2380.00\n"
            "Net total: 2560.00 €")
    assert rows(text) == [
        ("Design (hours): Of a sample invoice", 1.0, 160.0, 160.0),
        ("Hot air (litres)", 800.0, 0.025, 20.0),  # "0.025 €" is the price: the sign follows it
        ("Eckbank Eiche", 1.0, 2380.0, 2380.0),  # a postcode above a header does not start a row
    ]


def test_descriptions_printed_above_their_numbers_and_free_items():
    # e-invoice stylesheets print the description block above the row; the row's own text is only its tax
    text = ("Beschreibung Nettopreis Menge Steuer Entgelt\n"
            "1\n\nGTIN\n4123456000014\nArt-Nr-\nLieferant\nZitronensäure 100ml\n\n"
            "1,00 -5 Stk 19 % VAT (S) -5,00\n\n"
            "3 GTRWA5\n4000001234561\n (GTIN)\nMineralwasser Medium 12 x 1,0l PET\n\n"
            "5,4900 20 Stk 7 %\n109,80\n\n"
            "1,00 Künstlerische Gestaltung\n(Stunde): Einer\nBeispielrechnung\n7% 160,00 € 160,00 €\n"
            "E103560 SX Flyer SAECO Korting KVDNL 0,00 21 % 1 PCS 0,00\n"
            "Lebensgefährte/in zur Privathaftpflicht 0,0000 1 Stk 0 % 0,00\n"  # a price with four decimals
            "Rabatt 0 % 0 0,00\n")
    assert rows(text) == [
        ("GTIN 4123456000014 Art-Nr-Lieferant Zitronensäure 100ml", -5.0, 1.0, -5.0),
        ("Mineralwasser Medium 12 x 1,0l PET", 20.0, 5.49, 109.8),
        ("Künstlerische Gestaltung (Stunde): Einer Beispielrechnung", 1.0, 160.0, 160.0),
        ("SX Flyer SAECO Korting KVDNL", 1.0, 0.0, 0.0),
        ("Lebensgefährte/in zur Privathaftpflicht", 1.0, 0.0, 0.0),
    ]


def test_a_lone_amount_on_the_next_line_completes_a_row_but_a_wrapped_number_does_not():
    text = ("Mineralwasser 5,4900 20 Stk\n109,80\n"
            "1 Abrechnungskreis 15.387,0800 1 Stk 19 % 15387,08\n1\n")  # "Abrechnungskreis 1", wrapped
    assert rows(text) == [("Mineralwasser", 20.0, 5.49, 109.8), ("Abrechnungskreis", 1.0, 15387.08, 15387.08)]


def test_a_priceless_row_whose_count_is_a_year_of_a_date_or_a_code_is_no_row():
    def priceless(text):
        return [(r.quantity, r.line_total) for r in C.find_table_rows(C.TextIndex(text), priceless=True)]

    assert priceless("TOTAL AMOUNT DUE ON August 3 , 2014 $4.11\n") == []
    # a row's GTIN, then the line allowance printed under it
    assert priceless("300 cm x 100 cm GTIN: 4012345001235 abzgl. 16,7% Rabatt -2,00\n") == []
    assert priceless("Schrauben 12 1000 Stk 19 % 50,00\n") == [(1000.0, 50.0)]  # "Schrauben" names no month


def test_vat_ids_printed_in_groups_of_any_size():
    ids = [c.value for c in C.find_vat_ids(C.TextIndex(
        "N° de TVA intra communautaire: FR 604 219 388 61\nIBAN DE89 3704 0044 0532 0130 00\nUSt-IdNr: DE 123 456 789"))]
    assert ids == ["DE 123 456 789", "FR 604 219 388 61"]  # an IBAN's leading groups are not a VAT id


def test_a_row_is_not_wrapped_into_the_next_row_or_the_totals():
    text = ("Pos Art.Nr. Artikelbeschreibung Menge Einheit Preis Betrag USt. %\n"
            "1 TB100A4 20 Stk. 198,00 19\n"  # its unit price is printed elsewhere: no product check here
            "2 ARNR2 50 Stk. 5,50 275,00 7\n"
            "Rechnungssumme Netto (excl. USt.) 473,00\n"
            "Steuerbasisbetrag USt. 7% 275,00 19,25\n")
    assert [r[1:] for r in rows(text)] == [(50.0, 5.5, 275.0)]


def test_whole_amounts_count_only_next_to_their_currency():
    text = "Grand Total\nRs 1939\nTOTAL AMOUNT DUE ON August 3 , 2014 $4.11\nRoom 204 for 2 nights\n€ 500 deposit"
    assert [c.value for c in C.find_amounts(C.TextIndex(text))] == [1939.0, 4.11, 500.0]


def test_currency_from_codes_and_signs():
    def found(text: str) -> list[str]:
        return [c.value for c in C.find_currencies(C.TextIndex(text))]

    assert found("Total EUR 12,00") == ["EUR"] and found("Grand total $ 4.11") == ["USD"]
    # "Rs" only before an amount, a discount's minus included; never inside a word
    assert found("Price is inclusive of Promotional Discount of Rs -40.00,") == ["INR"]
    assert found("Rs 1939 x 1 Night") == ["INR"] and found("Orders and Rsvp") == []


def test_a_sign_several_currencies_print_is_the_code_of_its_family_the_page_prints():
    def found(text: str) -> list[str]:
        return [c.value for c in C.find_currencies(C.TextIndex(text))]

    assert set(found("Sous-total 32 735,40 $\nTOTAL (CAD) 38 080,18 $")) == {"CAD"}
    assert set(found("Samtals 139.850 kr.\nTil greiðslu ISK 139.850")) == {"ISK"}
    assert set(found("Subtotal $56,450.00\nMoneda MXN")) == {"MXN"}
    # a code of another family leaves the sign as it was; two of the family leave it undecided
    assert set(found("Total $ 4.11\nEUR 3,80")) == {"USD", "EUR"}
    assert set(found("Total 100 kr\nSEK 100 = NOK 98")) == {"SEK", "NOK"}


def test_signs_of_one_currency_and_abbreviations_beside_an_amount():
    def found(text: str) -> list[str]:
        return [c.value for c in C.find_currencies(C.TextIndex(text))]

    assert found("Итого 1 234,00 руб.") == ["RUB"] and found("Сума 742,00 грн") == ["UAH"]
    assert found("Rp 1.250.000") == ["IDR"] and found("Jumlah RM 5,789.76") == ["MYR"] and found("516.000 ₫") == ["VND"]
    # an abbreviation away from any amount, or the start of a code, is no currency
    assert found("ROOM 12") == [] and found("21 RM-10J Rauchwarnmelder 12 Stk.") == [] and found("Lek Street") == []


def test_a_page_of_whole_amounts_groups_thousands_with_its_dots():
    icelandic = "Gisting 1 28.900 11% 28.900\nSamtals 139.850 kr.\nTil greiðslu ISK 139.850\nBjór 0,4 l"
    index = C.TextIndex(icelandic)
    assert index.dot_groups_thousands
    assert [c.value for c in C.find_amounts(index)] == [28900.0, 28900.0, 139850.0, 139850.0]
    # a page that writes its cents after a comma
    assert C.TextIndex("Summe 1.234,56\nRabatt 2.500 €").dot_groups_thousands
    assert [c.value for c in C.find_amounts(C.TextIndex("Summe 1.234,56\nRabatt 2.500 €"))] == [1234.56, 2500.0]
    # cents after a dot anywhere, or no cents and no currency without them: "2.500" stays 2.5
    for text in ("Total 1,234.56\nWeight 2.500 kg €", "Rabatt 2.500 €", "Summe 1.234,56\nKurs 1.085 USD 9.99"):
        assert not C.TextIndex(text).dot_groups_thousands, text
    assert C.parse_amount("139.850") == 139.85 and C.parse_amount("139.850", dot_groups_thousands=True) == 139850.0


def test_a_page_in_dinars_reads_three_decimals_in_rows_and_totals():
    # Jordan prints "1,575.000", Tunisia "1 580,000" or "1 608.900": three decimals, not a thousands group
    jordanian = ("Item Description Unit Qty Rate Amount\nMEP-02 PPR pipes 32 mm m 180 4.900 882.000\n"
                 "Pump set set 1 1,240.000 1,240.000\nSubtotal 2,122.000\nSales tax 16% 339.520\n"
                 "Total Invoice Amount (JOD) 2,461.520\n")
    index = C.TextIndex(jordanian)
    assert index.three_decimal_sep == "." and not index.dot_groups_thousands and not index.whole_amounts
    assert [(r.quantity, r.unit_price, r.line_total) for r in C.find_table_rows(index)] == [
        (180.0, 4.9, 882.0), (1.0, 1240.0, 1240.0)]
    assert [c.value for c in C.find_amounts(index)][-3:] == [2122.0, 339.52, 2461.52]
    tunisian = ("MED-0112 Paracétamol 500 mg 400 1,850 7 % 740,000\nCON-3105 Gel 500 ml 180 7,985 19 % 1 437,300\n"
                "Total HT 2 177,300\nTimbre fiscal 1,000\nNet à payer (TND) 2 547,187\n")
    index = C.TextIndex(tunisian)
    assert index.three_decimal_sep == ","
    assert [(r.quantity, r.unit_price, r.line_total) for r in C.find_table_rows(index)] == [
        (400.0, 1.85, 740.0), (180.0, 7.985, 1437.3)]
    assert {2177.3, 1.0, 2547.187} <= {c.value for c in C.find_amounts(index)}
    assert C.parse_amount("1,850", decimal=",") == 1.85 and C.parse_amount("1,240.000", decimal=".") == 1240.0
    # no dinar, or a page of dinars in cents, reads as before
    assert C.TextIndex(jordanian.replace("(JOD)", "(EUR)")).three_decimal_sep is None
    assert C.TextIndex("Total JOD 1,250.00\nQty 1,250\n").three_decimal_sep is None


def test_a_tax_printed_in_whole_units_is_rate_times_basis_rounded():
    index = C.TextIndex("VSK 11% 106.937 11.763 118.700 kr.\nVSK 24% 15.121 3.629 18.750 kr.\nISK")
    assert [(b.value, t.value) for b, t in index.tax_breakdown] == [(106937.0, 11763.0), (15121.0, 3629.0)]
    # with cents, a cent off is all it may be
    assert C.TextIndex("USt. 19% 100,00 19,07").tax_breakdown == []


def test_an_iban_has_its_check_digits():
    assert C.is_iban("DE89 3704 0044 0532 0130 00") and C.is_iban("NL50INGB0683251309")
    assert not C.is_iban("KR87654321012") and not C.is_iban("DE12 1234 4321 9876 00")


def test_a_table_that_prints_each_description_under_its_row():
    # a credit note's rows: codes and numbers first, the description below; a returned quantity is negative
    text = ("GTIN Art-Nr-Lieferant Menge VKE/Geb Nettopreis MwSt-% Nettowert\n"
            "Art-Nr-Kunde Artikelbezeichnung\n\n"
            "Gemäß Ihres Reklamationsschreibens vom 10.09.2013 und unseres Telefonats vom 12.09.2013 erhalten Sie "
            "die nachfolgenden Leistungen gutgeschrieben.\n\n"
            "4123456000014 ZS997 -5,0000 Stk. 1 1,0000 19,0 -5,00\n"
            "Zitronensäure 100ml\nVerpackung : Flasche\n\n"
            "4123456000021 GZ250 -2,0000 Stk. 1 1,4500 7,0 -2,90\n"
            "Gelierzucker Extra 250g\nVerpackung : Karton\n")
    assert rows(text) == [("Zitronensäure 100ml", -5.0, 1.0, -5.0), ("Gelierzucker Extra 250g", -2.0, 1.45, -2.9)]


def test_descriptions_above_their_rows_stay_with_their_rows():
    # the line under the first row is the second row's description, not the first's
    text = "Trennblätter A4\nTB100A4 20 Stk. 9,90 198,00 19 %\nSchweinesteak\nSFK5 5 Stk. 5,50 27,50 7 %\n"
    assert rows(text) == [("Trennblätter A4", 20.0, 9.9, 198.0), ("Schweinesteak", 5.0, 5.5, 27.5)]


def test_an_address_above_the_tables_head_is_no_row_and_a_tonne_is_a_quantity():
    text = ("Adresse de livraison\nImprimerie Rocheval SAS – Atelier façonnage\n8 impasse des Glycines, 01700 Miribel\n"
            "Quai n° 2 – réception 7 h 30 à 16 h 00\n"
            "Réf. Désignation Qté Unité PU HT (€) Montant HT (€)\n"
            "PCD115-6490 Papier couché demi-mat 115 g/m², ramette 500 f. 40 ram. 38,90 1 556,00\n"
            "OFF090-70100 Papier offset blanc 90 g/m², à la tonne 1,25 t 1 648,00 2 060,00\n")
    assert rows(text) == [("Papier couché demi-mat 115 g/m², ramette 500 f.", 40.0, 38.9, 1556.0),
                          ("Papier offset blanc 90 g/m², à la tonne", 1.25, 1648.0, 2060.0)]
    # where most rows stand above the head, the text is out of order (pypdf printed the head late): all stay
    late_head = ("6 1 Small Business QualityExchange 2010 5,39 5,39\n"
                 "5 1 Small Business QualityExchange 2010 5,39 5,39\n"
                 "Pos. Menge Beschreibung Rabatt % VK-Preis\n7 1 Small Business StandardExchange 2010 3,89 3,89\n")
    assert len(rows(late_head)) == 3


def test_a_unit_column_before_the_quantity_is_not_part_of_the_description():
    assert rows("10 FR-1220 Fresa a candela in metallo duro Ø 12 mm Z4 PZ 20 41,31 826,20\n") == [
        ("Fresa a candela in metallo duro Ø 12 mm Z4", 20.0, 41.31, 826.2)]
    # a measure that ends a description stays: "5 m" is the cable's length
    assert rows("Verlängerungskabel 5 m 2 4,50 9,00\n")[0][0] == "Verlängerungskabel 5 m"


@pytest.mark.parametrize("text", [
    "Kelt 2026.03.12.", "2026/03/12", "12. maaliskuuta 2026", "12 Mart 2026", "12. ožujka 2026.", "12 martie 2026",
    "12. března 2026", "12 kovo 2026", "12. marca 2026"])
def test_year_first_dates_and_month_names_of_more_languages(text):
    assert [c.value for c in C.find_dates(C.TextIndex(text))] == [dt.date(2026, 3, 12)]


def test_a_number_with_a_years_digits_is_no_year_first_date():
    assert C.find_dates(C.TextIndex("Total 2026.50 EUR 1.2026.03.12")) == []


def test_a_page_of_whole_amounts_reads_its_grouped_numbers_whole_in_rows_and_totals():
    # yen with commas, rupiah with dots: no number on the page has cents, so "6,850" is 6850 (20 × 6.85 = 137.0
    # checks as well as 20 × 6850 = 137,000) and "¥274,800" an amount
    japanese = ("Description Qty Unit price Amount Tax\nCarbide end mill 4-flute, 10 mm 20 6,850 137,000 10%\n"
                "Precision vise 150 mm 2 48,200 96,400 10%\nSubtotal ¥233,400\nCurrency JPY\n")
    index = C.TextIndex(japanese)
    assert index.whole_amounts
    assert [(r.quantity, r.unit_price, r.line_total) for r in C.find_table_rows(index)] == [
        (20.0, 6850.0, 137000.0), (2.0, 48200.0, 96400.0)]
    assert 233400.0 in [c.value for c in C.find_amounts(index)]
    indonesian = "1 Corrugated box type A1 50 2.500 125.000\nSubtotal Rp 44.525.000\nPPN 11% Rp 4.897.750\n"
    index = C.TextIndex(indonesian)
    assert index.whole_amounts and index.dot_groups_thousands
    assert [c.value for c in C.find_amounts(index)] == [2500.0, 125000.0, 44525000.0, 4897750.0]
    # a page with cents anywhere keeps "1,250" ambiguous, and a lone grouped number proves nothing
    assert not C.TextIndex("Qty 1,250\nTotal 45.00\n").whole_amounts
    assert not C.TextIndex("Order 1,250 units\n").whole_amounts


def test_tax_ids_of_latin_america_and_asia_after_their_labels():
    for line, tax_id in [("RFC: SIB180315K74", "SIB180315K74"), ("NIT 901.245.678-3", "901.245.678-3"),
                         ("R.U.T.: 76.543.210-3", "76.543.210-3"), ("R.U.C. N° 20512345671", "20512345671"),
                         ("CPF/CNPJ: 12.345.678/0001-95", "12.345.678/0001-95"),
                         ("VAT Reg. TIN: 009-876-543-00000", "009-876-543-00000"),
                         ("SST No.: W10-1808-32000123", "W10-1808-32000123"), ("Tax code: 0312345673", "0312345673"),
                         ("Registration No.: T5701234567891", "T5701234567891"),
                         ("Reg. No. 214-86-01238", "214-86-01238"),
                         ("NPWP: 01.234.567.8-415.000", "01.234.567.8-415.000")]:
        assert [c.value for c in C.find_vat_ids(C.TextIndex(line))] == [tax_id], line


def test_legal_forms_of_several_parts_are_one():
    for name in ("Kawasemi Precision Tools Co., Ltd.", "Suministros Industriales del Bajío, S.A. de C.V.",
                 "Constructora Valle Alto, S. de R.L. de C.V.", "Servicios Logísticos del Pacífico S.A.C."):
        legal = C.COMPANY.search(name)
        assert legal and legal.end() == len(name), name


def test_a_description_above_its_numbers_stops_at_the_tables_head():
    # pypdf leaves no blank line between the head and the first row's wrapped description
    text = ("Conditions 30 jours net\nRéf. Désignation Quantité Unité Prix unit. Montant CHF TVA\n"
            "LIV-0311 Impression du livre « Les Sentiers du Jura »,\n192 pages, 15 x 21 cm, broché\n"
            "800 ex. 9.85 7'880.00 2.6%\nFIN-0020 Pelliculage mat de la couverture 800 ex. 0.65 520.00 2.6%\n")
    assert [r.description for r in C.find_table_rows(C.TextIndex(text))] == [
        "Impression du livre « Les Sentiers du Jura », 192 pages, 15 x 21 cm, broché",
        "Pelliculage mat de la couverture"]
    # a unit of "lot" after the quantity is no part of the description
    row = C.find_table_rows(C.TextIndex("1 lot Delivery and assembly, Makati CBD 3,500.00 3,500.00\n"))[0]
    assert row.description == "Delivery and assembly, Makati CBD"


def test_a_receipts_descriptions_above_their_numbers_under_a_two_word_head():
    text = ("Moneda: CLP\nDescripción Total\nAceite de oliva extra virgen 500 ml\n12 x $ 5.400 $ 64.800\n"
            "Merkén ahumado frasco 100 g\n24 x $ 2.100 $ 50.400\nMonto Neto $ 115.200\n")
    assert [(r.description, r.line_total) for r in C.find_table_rows(C.TextIndex(text))] == [
        ("Aceite de oliva extra virgen 500 ml", 64800.0), ("Merkén ahumado frasco 100 g", 50400.0)]


def test_a_legal_name_cut_after_a_joining_word_goes_on_on_the_next_line():
    text = "NOTA DE CRÉDITO\nSuministros  Industriales  del  Bajío,  S.A.  de\nC.V.\nRFC: SIB180315K74\n"
    assert "Suministros Industriales del Bajío, S.A. de C.V." in [c.value for c in C.find_text_spans(C.TextIndex(text))]


def test_the_columns_numbers_under_a_head_are_no_row_and_a_unit_column_alone_is_no_description():
    text = ("Nr. crt. Denumirea produselor U.M. Cant. Preț unitar Valoarea Cota TVA\n0 1 2 3 4 5 6\n"
            "1 Îngrășământ complex NPK 15-15-15,\nsac 50 kg\nsac 40 165.00 6600.00 9% 594.00\n"
            "3 Erbicid postemergent porumb, bidon 5 l buc 12 289.00 3468.00 9% 312.12\n")
    assert [(r.description, r.quantity, r.line_total) for r in C.find_table_rows(C.TextIndex(text))] == [
        ("Îngrășământ complex NPK 15-15-15, sac 50 kg", 40.0, 6600.0),
        ("Erbicid postemergent porumb, bidon 5 l", 12.0, 3468.0)]


def test_a_run_of_space_grouped_digits_is_also_two_numbers():
    # forints printed whole with spaces: the price and the amount run together, "030" of "132 030" is no number
    rows = C.find_table_rows(C.TextIndex(
        "Megnevezés Menny. Nettó egységár Nettó érték ÁFA\n"
        "Kondenzációs gázkazán 24 kW, fali 1 db 489 000 489 000 27% 132 030 621 030\n"
        "Szerelési munkadíj, fűtésrendszer bekötése\nés nyomáspróba\n14 óra 9 500 133 000 27% 35 910 168 910\n"))
    assert [(r.description, r.quantity, r.unit_price, r.line_total) for r in rows] == [
        ("Kondenzációs gázkazán 24 kW, fali", 1.0, 489000.0, 489000.0),
        ("Szerelési munkadíj, fűtésrendszer bekötése és nyomáspróba", 14.0, 9500.0, 133000.0)]


def test_hungarian_dates_write_the_year_first_then_the_month_by_name():
    assert dates("Számla kelte\n2025. március 14.\nFizetési határidő 2025. április 3.") == [
        dt.date(2025, 3, 14), dt.date(2025, 4, 3)]


def test_tax_ids_of_africa_and_south_asia_and_rupees_by_country():
    for line, tax_id in [("TIN: C0012345678", "C0012345678"), ("PIN: P051678234R", "P051678234R"),
                         ("STRN: 3277876154321", "3277876154321"), ("BIN: 000456789-0101", "000456789-0101")]:
        assert [c.value for c in C.find_vat_ids(C.TextIndex(line))] == [tax_id], line
    assert {c.value for c in C.find_currencies(C.TextIndex("STRN: 3277876154321\nTotal Rs. 5,643,409.00"))} == {"PKR"}
    assert {c.value for c in C.find_currencies(C.TextIndex("Colombo 03, Sri Lanka\nTotal Rs. 5,643.00"))} == {"LKR"}
    assert {c.value for c in C.find_currencies(C.TextIndex("Pune 411045\nTotal Rs. 5,643.00"))} == {"INR"}


def test_rows_of_invoice_set_j_a_discount_over_a_loose_product_and_whole_pesos():
    # "19 × 1000" is within rounding of 19,032.98, but 900 × 21.69 less 2.5 % is it exactly
    rows = C.find_table_rows(C.TextIndex(
        "19 Paper core tube 3 inch x 1000 mm 48229090 12 % 900 Nos 21.69 Nos 2.5 % 19,032.98\n"))
    assert [(r.quantity, r.unit_price, r.line_total) for r in rows] == [(900.0, 21.69, 19032.98)]
    # Chilean pesos printed whole: "4 129.990" split into a count and a price keeps the page's thousands
    index = C.TextIndex("Silla ergonómica\n4 129.990 0 519.960\nSUBTOTAL $ 1.888.000\nTOTAL $ 2.134.384\n")
    assert [(r.quantity, r.unit_price, r.line_total) for r in C.find_table_rows(index)] == [(4.0, 129990.0, 519960.0)]


def test_tax_ids_under_their_labels_and_of_costa_rica_and_uruguay():
    for text, tax_id in [("GST Number\n113-245-077", "113-245-077"), ("RUT EMISOR\n215839200014", "215839200014"),
                         ("Cédula jurídica 3-101-684215", "3-101-684215")]:
        assert [c.value for c in C.find_vat_ids(C.TextIndex(text))] == [tax_id], text
    # a label over a line of other words labels nothing
    assert C.find_vat_ids(C.TextIndex("GST Number\nPrices include GST 2025")) == []


def test_a_signatory_company_and_an_addressee_with_a_japanese_honorific_are_names():
    spans = [c.text for c in C.find_text_spans(C.TextIndex(
        "For Halasuru Process Instruments LLP\nSeaside Minato Hotel Co., Ltd.  Messrs.\nFor example see below\n"))]
    assert spans[:2] == ["Halasuru Process Instruments LLP", "Seaside Minato Hotel Co., Ltd."]
    assert "For example see below" in spans  # no company after "For": a sentence stays as it is


def test_rows_of_invoice_set_k_a_count_with_its_unit_and_unit_columns_after_the_description():
    # the tax rate "21" times the "900,00" of "18 900,00" is the amount too; the count is the number with a unit
    rows = C.find_table_rows(C.TextIndex(
        "Mlýnek na kávu profesionální 1 ks 18 900,00 21 18 900,00\n"
        "Káva Brazil Santos, zrnková, 1 kg 12 kg 489,00 12 5 868,00\n"
        "6 Ser żółty Gouda, blok ok. 3 kg kg 6,2 27,90 172,98 5%\n"
        "7 Jaja kurze rozmiar L, wytłaczanka 30 szt. op. 8 21,60 172,80 5%\n"))
    assert [(r.description, r.quantity, r.unit_price) for r in rows] == [
        ("Mlýnek na kávu profesionální", 1.0, 18900.0), ("Káva Brazil Santos, zrnková, 1 kg", 12.0, 489.0),
        ("Ser żółty Gouda, blok ok. 3 kg", 6.2, 27.9), ("Jaja kurze rozmiar L, wytłaczanka 30 szt.", 8.0, 21.6)]


def test_a_slogan_under_the_letterhead_is_no_part_of_the_name_and_austrias_e_u_is_a_legal_form():
    spans = [c.text for c in C.find_text_spans(C.TextIndex("Hotell Fjällsjön\nKONFERENS · FJÄLL · SPA\nFAKTURA\n"))]
    assert "Hotell Fjällsjön KONFERENS · FJÄLL · SPA" not in spans
    assert C.COMPANY.search("Malerei Pichler e.U.")


def test_rows_of_invoice_set_n_local_unit_columns_a_position_opens_a_row_and_greek_article_codes():
    rows = C.find_table_rows(C.TextIndex(
        "Eil. Prekės / paslaugos pavadinimas Kiekis\nMato\nvnt. Kaina, EUR Suma be PVM, EUR\n"
        "1 LED šviestuvas paviršinis 36 W, 4000 K,\nIP65 (grąžinta, defektas)\n-12 vnt. 42,60 -511,20\n"
        "2 Маркуч хидравличен 1/2\", 2SN, 1,5 м бр. 12 38,40 460,80\n"
        "3 EL-5L Εξαιρετικό παρθένο ελαιόλαδο, δοχείο 5 lt τεμ. 60 38,50 2.310,00\n"))
    assert [r.description for r in rows] == [
        "LED šviestuvas paviršinis 36 W, 4000 K, IP65 (grąžinta, defektas)",
        "Маркуч хидравличен 1/2\", 2SN, 1,5 м", "Εξαιρετικό παρθένο ελαιόλαδο, δοχείο 5 lt"]


def test_dates_of_central_and_eastern_europe():
    assert dates("Datum izdaje: 7. 5. 2025\nDatums / Date: 2025. gada 14. aprīlī\n"
                 "Рахунок на оплату № 245 від 12 травня 2025 р.\nДата: 3 март 2025 г.") == [
        dt.date(2025, 5, 7), dt.date(2025, 4, 14), dt.date(2025, 5, 12), dt.date(2025, 3, 3)]


def test_currencies_of_invoice_set_o_rand_and_no_mark_at_all_and_codes_that_are_not_currencies():
    def codes(text: str) -> set[str]:
        return {c.value for c in C.find_currencies(C.TextIndex(text))}
    assert codes("Total Payable R 50 276.97") == {"ZAR"}
    assert codes("Unit 9, Marsh Way, Tilbury, Essex RM18 7TQ\nBalance Due GBP 8,713.56") == {"GBP"}
    assert codes("Cashier : FO-ANG\nTotal Amount (SGD) 1,413.50") == {"SGD"}
    assert codes("Jumlah RM1,250.00") == {"MYR"} and codes("Rp1.250.000") == {"IDR"}
    # a page that prints no currency is in its country's: the ABN's dollars, a .nz address's
    assert codes("ABN 51 824 753 556\nAmount Due 87,459.75") == {"AUD"}
    assert codes("reception@pukekoflatsvets.nz\nTotal incl. GST 812.90") == {"NZD"}
    assert codes("ABN 51 824 753 556\nTotal EUR 10.00") == {"EUR"}


def test_a_close_corporation_a_brand_run_by_a_company_and_a_page_that_groups_thousands_with_commas():
    assert C.COMPANY.search("Vaalbank Precision Engineering CC") and not C.COMPANY.search("cc: accounts")
    spans = [c.text for c in C.find_text_spans(C.TextIndex(
        "The Marlowe Quay is operated by Marlowe Quay Hotel Pte. Ltd.  ·  Company Reg. No. 201912345K\n"))]
    assert "Marlowe Quay Hotel Pte. Ltd." in spans
    # "1 136.16" is a count and an amount where "3,074.16" shows that commas group the thousands
    page = C.TextIndex("S Disbursement fee 2.5% of duty 1 136.16 136.16 20%\nTotal subject to VAT 3,074.16 192.83\n")
    assert 1136.16 not in [c.value for c in C.find_amounts(page)]
    assert 22800.0 in [c.value for c in C.find_amounts(C.TextIndex("Summe netto 22 800,00 EUR\n"))]


def test_ids_and_names_of_invoice_set_q():
    for text, tax_id in [("NRT L-709312-K", "L-709312-K"), ("C.O.E. SM 24613 – Tel. +378 0549 904 217", "SM 24613")]:
        assert [c.value for c in C.find_vat_ids(C.TextIndex(text))] == [tax_id], text
    assert [c.value for c in C.find_id_tokens(C.TextIndex("N.º Documento\nFT 2025A/147\n"))][:1] == ["FT 2025A/147"]
    for name in ("Monte-Carlo Événements Privés S.A.M.", "Osteria dei Colli S.n.c. di Galli Nerina & C."):
        assert C.COMPANY.search(name), name
    spans = [c.text for c in C.find_text_spans(C.TextIndex(
        "Tejo Frescos\nTejo Frescos – Distribuição Alimentar, Lda.\nExmo.(s) Sr.(s)\n"
        "Taberna do Largo – Restauração, Lda.\n"))]
    assert "Tejo Frescos Tejo Frescos – Distribuição Alimentar, Lda." not in spans
    assert "Taberna do Largo – Restauração, Lda." in spans


def test_a_senders_email_run_into_the_addressees_name_is_no_part_of_it():
    spans = [c.text for c in C.find_text_spans(C.TextIndex("info@huber-wyss.ch Wohnbaugenossenschaft Sonnhalde\n"))]
    assert "Wohnbaugenossenschaft Sonnhalde" in spans


def test_rows_of_time_entries_under_hours_and_rate_and_a_summary_that_restates_them():
    # invoice_set_r: "1.20 725.00" reads hours × rate by the head's order, not whole number first; the entry's
    # date and initials open no description; the timekeeper summary adds up to entries already read
    text = ("Date Atty Description Hours Rate Amount\n"
            "03/03/2025 RW Conference with client regarding Series A term sheet;\n"
            "review investor comments on liquidation preference\nand board composition\n1.20 725.00 870.00\n"
            "03/03/2025 LM Draft summary of open term sheet issues for client 0.90 450.00 405.00\n"
            "03/04/2025 LM Revise the voting agreement 1.00 450.00 450.00\n"
            "Total Fees $1,725.00\nTIMEKEEPER SUMMARY\nTimekeeper Hours Rate Amount\n"
            "Robert Whitby, Partner 1.20 725.00 870.00\nLucia Moreno, Associate 1.90 450.00 855.00\n")
    assert rows(text) == [
        ("Conference with client regarding Series A term sheet; review investor comments on liquidation "
         "preference and board composition", 1.2, 725.0, 870.0),
        ("Draft summary of open term sheet issues for client", 0.9, 450.0, 405.0),
        ("Revise the voting agreement", 1.0, 450.0, 450.0)]
    assert rows("Item Description Qty Unit Price Tax Amount\n"
                "SVC-INST Delivery, assembly and installation labour (hours) 5.50 78.00 GST 429.00\n") == [
        ("Delivery, assembly and installation labour (hours)", 5.5, 78.0, 429.0)]


def test_rows_with_their_factors_underneath_a_credits_minus_and_no_date_as_a_factor():
    # invoice_set_r: a Square-style row, the count and price under the description; "-$9.03" is negative, but
    # an empty tax column's "-" before "$89.00" is not; "May 1" is no factor of a row
    assert rows("Cold brew coffee box, 96 oz $154.00\n4 × $38.50\nSubtotal $154.00\n") == [
        ("Cold brew coffee box, 96 oz", 4.0, 38.5, 154.0)]
    assert rows("Unused time on Archive Storage 100 GB\n1 -$9.03 -$9.03\n") == [
        ("Unused time on Archive Storage 100 GB", 1.0, -9.03, -9.03)]
    assert rows("Service call and diagnostic $89.00 1 - $89.00\n") == [("Service call and diagnostic", 1.0, 89.0, 89.0)]
    assert rows("RP-7F3A91C2-0007 · $1,023.03 due May 1, 2025\n") == []


def test_a_unit_word_that_opens_a_phrase_and_a_count_in_brackets_belong_to_the_description():
    # invoice_set_v: "Day delegate package" keeps its "Day"; "(remote, 1 day)" is no factor of the row
    assert rows("Day delegate package – morning coffee, lunch and afternoon tea 76 42.50 3,230.00\n") == [
        ("Day delegate package – morning coffee, lunch and afternoon tea", 76.0, 42.5, 3230.0)]
    assert rows("Cloud cost optimisation workshop (remote, 1 day) 1 1,200.00 1,200.00\n") == [
        ("Cloud cost optimisation workshop (remote, 1 day)", 1.0, 1200.0, 1200.0)]


def test_a_rows_factors_outside_the_descriptions_brackets():
    # invoice_set_u: "(3 × ca. 1.200 woorden)" is the description's; the row's count and price are under it
    assert rows('Blogartikelen serie "Thuisbatterij" (3 × ca. 1.200 woorden) 795,00\n3 × 265,00\n') == [
        ('Blogartikelen serie "Thuisbatterij" (3 × ca. 1.200 woorden)', 3.0, 265.0, 795.0)]


def test_vietnamese_rows_by_their_head_and_unit_columns():
    # "Số lượng Đơn giá" orders the factors; "Bao", "m3", "Viên" are unit columns, not the description's
    text = ("STT Tên hàng hóa, dịch vụ Đơn vị tính Số lượng Đơn giá Thành tiền\n"
            "1 Xi măng PCB40, bao 50 kg Bao 200 92.000 18.400.000\n3 Cát vàng xây dựng m3 12 450.000 5.400.000\n"
            "4 Gạch đặc tuynel 220 x 105 x 60 mm Viên 8.000 1.450 11.600.000\n")
    assert rows(text) == [("Xi măng PCB40, bao 50 kg", 200.0, 92000.0, 18400000.0),
                          ("Cát vàng xây dựng", 12.0, 450000.0, 5400000.0),
                          ("Gạch đặc tuynel 220 x 105 x 60 mm", 8000.0, 1450.0, 11600000.0)]
    # but a price's unit stays: "per kg"
    assert rows("Salmon darnes, skin on, pin-boned, 170g per kg 12.5 21.80 272.50\n")[0][0] == (
        "Salmon darnes, skin on, pin-boned, 170g per kg")


def test_invoice_set_w_rows_of_metered_units_and_fare_components():
    # six-decimal tariffs; a unit alone is no description, the wrapped lines above are
    found = C.find_table_rows(C.TextIndex("Energía consumida P1 punta - regularización lectura\nestimada\n"
                                          "-64 kWh 0,178200 -11,40\n"))
    assert [(r.description, r.quantity, r.unit_price, r.line_total) for r in found] == [
        ("Energía consumida P1 punta - regularización lectura estimada", -64.0, 0.1782, -11.4)]
    # a ride's fare: each component's name over its factors, its amount under them
    fare = ("Détail de la course (montants HT)\nPrise en charge\n1 × 3,64 €\n3,64 €\nDistance parcourue\n"
            "18,4 km × 1,30 €\n23,92 €\nDurée du trajet\n31 min × 0,35 €\n10,85 €\nTotal HT 38,41 €\n")
    assert [(r.description, r.quantity) for r in C.find_table_rows(C.TextIndex(fare))] == [
        ("Prise en charge", 1.0), ("Distance parcourue", 18.4), ("Durée du trajet", 31.0)]


def test_invoice_set_aa_rows_with_rates_discounts_and_local_units():
    # a Turkish rate before its number ("%10"), the discount's amount after its rate; "Kişi" and "Gün" are units
    def read(text):
        return [(r.description, r.quantity, r.unit_price, r.line_total) for r in C.find_table_rows(C.TextIndex(text))]

    assert read("1 Sınırsız meşrubat ve çay-kahve servisi 250 Kişi 120,00 %10 30.000,00\n") == [
        ("Sınırsız meşrubat ve çay-kahve servisi", 250.0, 120.0, 30000.0)]
    assert read("1 Araç kiralama – Renault Clio otomatik (günlük) 7 Gün 1.450,00 TL %10,00 1.015,00 TL %20,00 "
                "9.135,00 TL\n") == [("Araç kiralama – Renault Clio otomatik (günlük)", 7.0, 1450.0, 9135.0)]
    assert C.rates("TL %10,00 1.015,00 TL %20,00") == [10.0, 20.0]
    # a discount column between a space-grouped price and amount, the VAT rate after them
    assert read("Noleggio tovagliato, stoviglie e cristalleria forfait 1 640,00 10 576,00 22\n") == [
        ("Noleggio tovagliato, stoviglie e cristalleria", 1.0, 640.0, 576.0)]
    # a Croatian table's head and its dated rows ("13.08.2025." ends with a dot)
    hotel = ("Datum Opis Kol. Cijena PDV Iznos\n13.08.2025. Smještaj u dvokrevetnoj sobi s pogledom na more,\n"
             "polupansion\n10 112,00 13% 1.120,00\n18.08.2025. Parking 5 15,00 25% 75,00\n")
    assert [r[0] for r in read(hotel)] == ["Smještaj u dvokrevetnoj sobi s pogledom na more, polupansion", "Parking"]


def test_invoice_set_y_a_time_entrys_date_and_earner_glued_after_its_text():
    rows = C.find_table_rows(C.TextIndex(
        "Date Earner Description Hours Rate £ Amount £\n"
        "Opening file, client due diligence and conflict check06/01/25 TDA 0.6 140.00 84.00\n"
        "Drafting IHT400 and schedules IHT405, IHT406, IHT411 and IHT41703/02/25 KML 3.4 215.00 731.00\n"))
    assert [r.description for r in rows] == ["Opening file, client due diligence and conflict check",
                                             "Drafting IHT400 and schedules IHT405, IHT406, IHT411 and IHT417"]


def test_invoice_set_ac_the_heads_order_of_quantity_and_price_over_a_unit_after_them():
    # FatturaPA's stylesheet prints the unit after the price ("6,80 95,00 T"): the head orders the factors
    fattura = ("Descrizione Quantità Prezzo\nunitario\nUM Sconto o\nmagg.\n%IVA Prezzo\ntotale\n"
               "Smaltimento sfalci e ramaglie presso\nimpianto autorizzato\nSM-0031 6,80 95,00 T 22,00 646,00\n")
    assert rows(fattura)[0][1:] == (6.8, 95.0, 646.0)
    # Norwegian heads: "Antall" and "Sats"
    norwegian = "Gebyr Antall Enhet Sats Beløp\nVann – abonnementsgebyr, bolig 0,25 år 4 114,00 1 028,50\n"
    assert rows(norwegian)[0][1:] == (0.25, 4114.0, 1028.5)


def test_an_ids_only_digit_may_open_it_and_an_amounts_whole_part_is_no_id():
    tokens = [c.text for c in C.find_id_tokens(C.TextIndex("Numero documento 7/PA\nimballi 1,00 450,00 NR 22,00\n"))]
    assert "7/PA" in tokens and "450" not in tokens


def test_invoice_set_ac_a_long_first_description_under_the_head_and_a_standards_number():
    # the first row's description wraps over three lines right under the head: longer than a block elsewhere
    parcella = ("Descrizione della prestazione Q.tà Importo unit. € Importo €\n"
                "Verifica di vulnerabilità sismica del plesso scolastico di via\n"
                "Garibaldi (NTC 2018), incluse indagini in sito e\nmodellazione strutturale\n1 4.800,00 4.800,00\n"
                "Redazione del certificato di idoneità statica 1 650,00 650,00\n")
    assert rows(parcella)[0] == ("Verifica di vulnerabilità sismica del plesso scolastico di via Garibaldi (NTC 2018), "
                                 "incluse indagini in sito e modellazione strutturale", 1.0, 4800.0, 4800.0)
    # "pausch." and "Pers." are units; "DIN EN 14511" ends the description, no article code
    hochschule = ("Pos. Bezeichnung Menge Einheit Einzelpreis St. Gesamt EUR\n"
                  "Auswertung der Messdaten und Prüfbericht nach\nDIN EN 14511\n2 1 pausch. 2.400,00 S 2.400,00\n"
                  "Weiterbildung Sicherer Umgang mit brennbaren\nKältemitteln, Teilnahmegebühr\n"
                  "4 4 Pers. 390,00 E 1.560,00\n")
    assert [r[0] for r in rows(hochschule)] == [
        "Auswertung der Messdaten und Prüfbericht nach DIN EN 14511",
        "Weiterbildung Sicherer Umgang mit brennbaren Kältemitteln, Teilnahmegebühr"]


def test_invoice_set_ac_a_line_allowance_printed_after_the_price():
    # Peppol's line allowance: 12 × 48.40 less 46.46 is 534.34
    row = C._row("2 12 CS 48.40 46.46 AE 0 534.34", 0)
    assert (row.quantity, row.unit_price, row.line_total) == (12.0, 48.4, 534.34)
    # a number that is no allowance of the product is no row
    assert C._row("Total 3 12.00 7.00 1,234.56", 0) is None


def test_invoice_set_ac_an_e_invoice_viewers_positions_each_under_a_head_of_its_own():
    head = "Pos. Menge Einheit Nettopreis Nettobetrag Kat. Satz\n"
    viewer = (f"Position 1\nArtikelname\nWirkstrom Arbeitspreis Hochtarif\n\n{head}"
              "1 48.250 KWH 0,2874 13.867,05 S 19 %\n"
              f"\nPosition 3\nArtikelname\nGrundpreis Strom Kundenanlage\n\n{head}3 12 MON 14,90 178,80 S 19 %\n")
    assert rows(viewer) == [("Wirkstrom Arbeitspreis Hochtarif", 48250.0, 0.2874, 13867.05),
                            ("Grundpreis Strom Kundenanlage", 12.0, 14.9, 178.8)]
    # a table's one head lends its first row nothing from above the table
    single = f"Rechnung Nr. 2025-0147 vom 10.04.2025\n\n{head}1 12 MON 14,90 178,80 S 19 %\n"
    assert not rows(single) or rows(single)[0][0] != "Rechnung Nr. 2025-0147 vom 10.04.2025"


def test_invoice_set_ae_price_units_unit_columns_and_farming_companies():
    # a German ERP's price unit ("PE"): 12.480 kg at 34,20 per 100 kg
    row = C._row("12.480 kg 34,20 100 kg 4.268,16 19 %", 0)
    assert (row.quantity, row.unit_price, row.line_total) == (12480.0, 34.2, 4268.16)
    # the Dutch head's "Tarief" orders the factors
    dutch = "Datum Omschrijving Aantal Eenheid Tarief BTW Bedrag\n12-03 Ploegen bouwland 14,62 ha 92,00 21% 1.345,04\n"
    assert rows(dutch)[0][1:] == (14.62, 92.0, 1345.04)
    # a lone short word between the numbers is a unit column ("hgr"); the description is above
    bodega = ("Descripción Cantidad Unidad Precio € Importe €\nVino tinto a granel D.O.Ca. Rioja, cosecha\n"
              "2024, 18.400 l a 13,0 % vol.\n2.392,00 hgr 3,35 8.013,20\n")
    assert rows(bodega)[0][0] == "Vino tinto a granel D.O.Ca. Rioja, cosecha 2024, 18.400 l a 13,0 % vol."
    # a Portuguese head ends the block above the first row
    fatura = ("Artigo Descrição Qtd. Un. Preço unit. Desc. % IVA % Total líquido\n"
              "VT-EC22 Vinho tinto DOC Douro \"Encosta do\nCorgo\" 2022, 75 cl\n96 gf 6,40 0 13 614,40\n")
    assert rows(fatura)[0] == ('Vinho tinto DOC Douro "Encosta do Corgo" 2022, 75 cl', 96.0, 6.4, 614.4)
    # legal forms: Portugal's and Denmark's cooperatives, Poland's partnership, France's farming companies; "AG"
    # only in capitals ("Ag" is farming)
    for name in ("Adega Cooperativa de Vale do Corgo, C.R.L.", "Hedeland Foder A.m.b.a.",
                 "Zakłady Mięsne Bartoszek i Synowie Sp.j.", "EARL du Bois Chaillou"):
        assert C.COMPANY.search(name), name
    assert C.COMPANY.search("Tarawera Ag Contracting") is None
    # a Polish NIP in dashes before a comma
    nip = [c.value for c in C.find_vat_ids(C.TextIndex("NIP 622-281-47-00, weterynaryjny nr zakładu 30170301\n"))]
    assert "622-281-47-00" in nip


def test_invoice_set_ad_a_packs_size_and_a_service_unit():
    # "100 Stk." after a comma is the pack's size, not a unit column; "Leist." is a unit column
    gloves = ("Pos. Art.-Nr. Bezeichnung Menge E-Preis € Rabatt USt Gesamt €\n"
              "1 100245 Einmal-Untersuchungshandschuhe Nitril, puderfrei,\nGr. M, 100 Stk.\n20 5,95 8 % 19 % 109,48\n")
    assert rows(gloves)[0][0] == "Einmal-Untersuchungshandschuhe Nitril, puderfrei, Gr. M, 100 Stk."
    vet = ("Pos Leistung / Artikel Menge Einh. Einzelpreis USt Gesamt\n"
           "2 Tollwut-Impfung inkl. Impfstoff und Eintrag\nin den Heimtierausweis\n1 Leist. 32,50 20% € 32,50\n")
    assert rows(vet)[0][0] == "Tollwut-Impfung inkl. Impfstoff und Eintrag in den Heimtierausweis"


def test_invoice_set_ag_long_wrapped_descriptions_and_counted_words():
    # a description of three lines between two rows, longer than a block elsewhere
    photo = ("Description Quantité Prix unitaire HT TVA Total HT\nPrise de vue en studio\n2 650,00 20 % 1 300,00\n"
             "Cession de droits d'auteur : reproduction de 48\n"
             "photographies, édition papier, tirage max. 8 000 ex., durée\n5 ans, France\n48 45,00 10 % 2 160,00\n")
    assert rows(photo)[1][0] == ("Cession de droits d'auteur : reproduction de 48 photographies, édition papier, "
                                 "tirage max. 8 000 ex., durée 5 ans, France")
    # a translator's words are the unit; the description is above
    words = ("Descrizione Quantità U.M. Prezzo Importo\nTraduzione dall'inglese del romanzo «The Quiet\n"
             "Harbour» di M. Aldridge, parte 2 di 3 (capitoli 9–16)\n41.250 parole 0,045 1.856,25\n")
    assert rows(words)[0][0] == ("Traduzione dall'inglese del romanzo «The Quiet Harbour» di M. Aldridge, parte 2 "
                                 "di 3 (capitoli 9–16)")
    # a position before the quantity, then a description over four lines
    catalogue = ("Pos. Menge Einh. Bezeichnung Einzelpreis Rabatt USt Gesamt\n"
                 "1 1.500 Stk Ausstellungskatalog „Licht über der\nRhön“, 96 Seiten, 21 × 28 cm, 4/4-farbig,\n"
                 "Hardcover mit Fadenheftung, ISBN\n978-3-9824177-2-1\n7,85 – 7 % 11.775,00\n")
    assert rows(catalogue)[0][1:] == (1500.0, 7.85, 11775.0)
    # a postcode over the header's numbers is no such row: only a position and a quantity open one that long
    header = ("8413 Sørvika\nFakturanr. 2025100347\nFakturadato 14.02.2025\nForfallsdato 20.03.2025\n"
              "Kundenr. 114 520\nOrg.nr. 964 958 416\n")
    assert rows(header) == []


def test_invoice_set_ag_a_line_discount_after_a_space_grouped_price():
    # "18 500,00" reads as 500,00 after 18 and as 18 500,00: the discount applies to the whole price
    row = C._row("1 st 18 500,00 10 % 25 % 16 650,00", 0)
    assert (row.quantity, row.unit_price, row.line_total) == (1.0, 18500.0, 16650.0)


def test_invoice_set_ag_a_media_agencys_head_ends_the_first_rows_block():
    media = ("Invoice No: HPM/25/0466\nMedia / description Qty Gross unit £ Disc. Net £\n"
             "The Fellwalker Magazine, April issue, double-page\nspread, full colour\n1 7,800.00 12% 6,864.00\n")
    assert rows(media)[0][0] == "The Fellwalker Magazine, April issue, double-page spread, full colour"


def test_greek_article_codes_part_numbers_and_units_leave_the_description():
    page = ("ΥΠ-01 Ανέλκυση και καθέλκυση σκάφους με travel lift τεμ. 1 650,00 650,00\n"
            "P/N 3862230 Φτερωτή αντλίας θαλασσινού νερού τεμ. 2 89,50 179,00\n"
            "ΥΠ-14 Εργατοώρες βαφής και προετοιμασίας υφάλων ώρες 22 38,00 836,00\n")
    assert [r.description for r in C.find_table_rows(C.TextIndex(page))] == [
        "Ανέλκυση και καθέλκυση σκάφους με travel lift", "Φτερωτή αντλίας θαλασσινού νερού",
        "Εργατοώρες βαφής και προετοιμασίας υφάλων"]


def test_a_row_that_prints_its_net_and_its_gross_amount_is_read_net():
    # the gross amount is the net times one plus the rate the row prints, whichever price comes first
    for line, row in [("Thé vert Sencha bio, sachet 100 g 2 8,00 8,44 5,5 % 16,00 16,88", (2.0, 8.0, 16.0)),
                      ("Crema viso idratante 2 15,25 12,50 22% 25,00 30,50", (2.0, 12.5, 25.0)),
                      ("Jamón ibérico loncheado 100 g 10 5,00 5,50 10% 50,00 55,00", (10.0, 5.0, 50.0))]:
        found = C._row(line, 0)
        assert (found.quantity, found.unit_price, found.line_total) == row, line
    # a tax column after the net amount is no gross: "2 22,50 45,00 20 9,00 54,00" stays 2 × 22,50
    found = C._row("Boulier compteur en hêtre 2 22,50 45,00 20 9,00 54,00", 0)
    assert (found.quantity, found.unit_price, found.line_total) == (2.0, 22.5, 45.0)


def test_positions_glued_to_the_descriptions_end_leave_them():
    rows = [C.RowCandidate(d, 1.0, 1.0, 1.0, k) for k, d in enumerate([
        "Jovanović, Dragan - Normalstunden1", "Jovanović, Dragan - Mehrarbeit (Zuschlag 25 %)2",
        "Jovanović, Dragan - Nachtzuschlag 25 %3", "Brandt, Lukas - Feiertagszuschlag (Karfreitag 29",
        "Brandt, Lukas - Normalstunden5"])]
    assert [r.description for r in C._without_glued_positions(rows)] == [
        "Jovanović, Dragan - Normalstunden", "Jovanović, Dragan - Mehrarbeit (Zuschlag 25 %)",
        "Jovanović, Dragan - Nachtzuschlag 25 %", "Brandt, Lukas - Feiertagszuschlag (Karfreitag 29",
        "Brandt, Lukas - Normalstunden"]
    # codes ("Fuse holder A1") and too few rows keep their digits
    codes = [C.RowCandidate(f"Fuse holder {c}", 1.0, 1.0, 1.0, k) for k, c in enumerate(["A1", "B2", "C3"])]
    assert [r.description for r in C._without_glued_positions(codes)] == ["Fuse holder A1", "Fuse holder B2",
                                                                          "Fuse holder C3"]


def test_currencies_and_whole_amounts_of_sub_saharan_africa():
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    assert found("NET À PAYER 4 949 910 F CFA\nDakar, Sénégal") == ["XOF"]
    assert found("NET À PAYER TTC 6.521.334 FCFA\nAbidjan") == ["XOF"]
    assert found("capital de 1 200 000 000 FCFA - NIU M089912345671Q") == ["XAF"]  # Cameroon's tax id
    assert found("NET À PAYER TTC (FCFA) 10 072 265,00\nDouala, Cameroun") == ["XAF"]
    assert found("Total 1 000 000 FCFA\nLimbe, Cameroon") == ["XAF"]
    assert found("Sub Total (excl. VAT) 2,014,388.00\nTotal Price (Birr)") == ["ETB"]
    assert found("TOTAL PAYABLE GH₵ 86,027.27") == ["GHS"]
    # amounts grouped by spaces, alone on their line, on a page of whole francs; a table's row of them is ambiguous
    index = C.TextIndex("Total HT brut 4 606 000\nTotal 4 606 000 230 300 4 375 700 505 210\n"
                        "NET À PAYER 4 949 910 F CFA\n")
    assert [c.value for c in C.find_amounts(index)] == [4606000.0, 4949910.0]
    index = C.TextIndex("TVA 10 % 353 020\nNET À PAYER 4 949 910 F CFA\n2 175 000 350 000\n")  # (a rate beside it is no
    assert [c.value for c in C.find_amounts(index)] == [353020.0, 4949910.0]  # other cell; a row's cells are no amount)
    # a rate's or a measure's two decimals are no cents: the page still prints whole amounts
    index = C.TextIndex("Aluminium roofing sheets 0.55mm, incl.\nVAT 19.25% (17.5% + 10% council surtax) 15,282,190\n"
                        "TOTAL INCLUSIVE OF VAT 94,670,190\nRate (FCFA)\n")
    assert index.whole_amounts and 94670190.0 in [c.value for c in C.find_amounts(index)]
    # the rand's sign glued to its amount
    index = C.TextIndex("Total Excl. VAT R4,047.90\nTOTAL CREDIT R4,349.31\n")
    assert [c.value for c in C.find_amounts(index)] == [4047.9, 4349.31] and found(index.text) == ["ZAR", "ZAR"]


def test_tax_ids_of_west_and_central_africa():
    for line, tax_id in [("SA au capital de 250 000 000 F CFA - RCCM SN.MBR.2011.B.1249 - NINEA 005812347 2V2",
                          "005812347 2V2"), ("NCC : 0912478 R - RCCM : CI-ABJ-2009-B-8841", "0912478 R"),
                         ("NIU: M071612345678P  •  RC/LIM/2016/B/0412", "M071612345678P")]:
        assert [c.value for c in C.find_vat_ids(C.TextIndex(line))] == [tax_id], line


def test_tax_ids_of_the_balkans_the_caucasus_and_central_asia():
    for line, tax_id in [("PIB: 104528733   MB: 08123454", "104528733"), ("ПИБ 112450989 · МБ 21450838", "112450989"),
                         ("ID broj (JIB): 4200894510009", "4200894510009"), ("PDV broj: 200894510009", "200894510009"),
                         ("Кавадарци · ЕДБ 4030012345675 · ЕМБС 6123457", "4030012345675"),
                         ("NIPT: L81718035B", "L81718035B"), ("VÖEN 1402587391", "1402587391"),
                         ("ՀՎՀՀ 02712458", "02712458"), ("საიდ. კოდი: 404512378", "404512378"),
                         ("ИНН: 305418273", "305418273"), ("БСН\n170340015676", "170340015676"),
                         ("Поставщик: БИН / ИИН 050440012343, ТОО «Жетысу»", "050440012343"),
                         ("TIN (INN) 02108201810123 · VAT payer", "02108201810123")]:
        assert [c.value for c in C.find_vat_ids(C.TextIndex(line))] == [tax_id], line
    assert C.prints_a_tax_id(C.TextIndex("NIPT L81718035B"))


def test_currencies_of_the_caribbean_and_central_america():
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    assert found("TOTAL CHARGES BDS$ 9,805.28") == ["BBD"]
    assert found("Amount Due B$ 1,445.84") == ["BSD"]
    assert found("TOTAL RD$ 294,376.53") == ["DOP"]
    assert found("Total J$ 12,000.00 and TT$ 40.00") == ["JMD", "TTD"]
    assert found("Total B/. 2,541.53") == ["PAB"]
    assert found("Total ₡ 1 670 405,55") == ["CRC"]
    # by the currency's name in the amount in words, where no sign or code is printed
    assert found("TOTAL A PAGAR L 128,549.05\nCIENTO VEINTIOCHO MIL … LEMPIRAS") == ["HNL"]
    assert found("Total 12,345.00\nSON: DOCE MIL … QUETZALES") == ["GTQ"]
    assert found("Montant en lettres : trente mille gourdes") == ["HTG"]
    # Bosnia's convertible mark in a column's head; "EUR.1" is a certificate of origin, no currency
    assert found("Cijena (KM) PDV Iznos bez PDV (KM)\nIzdavanje certifikata o porijeklu EUR.1 kom 3,00") == ["BAM"]


def test_a_unit_column_after_each_description_under_a_head_that_names_it():
    croatian = ("Rb Šifra  Naziv artikla                              JM     Količina   Cijena PDV      Iznos\n"
                "1  30114  Maslinovo ulje ekstra djevičansko 5 l PET  kom       24,00    42,80  7%   1.027,20\n"
                "2  10021  Brašno pšenično T-500, vreća 25 kg         vreća     10,00    17,90  7%     179,00\n"
                "3  20310  Mlijeko trajno 2,8% m.m. 1 l (pak. 12)     pak       40,00    11,40  7%     456,00\n"
                "4  10301  Kafa espresso u zrnu 1 kg                  kg        30,00    18,50 21%     555,00\n"
                "5  50301  Mineralna voda 0,25 l staklo (gajba 24)    gajba     50,00     9,60 21%     480,00\n")
    assert [r[0] for r in rows(croatian)] == [
        "Maslinovo ulje ekstra djevičansko 5 l PET", "Brašno pšenično T-500, vreća 25 kg",
        "Mlijeko trajno 2,8% m.m. 1 l (pak. 12)", "Kafa espresso u zrnu 1 kg",
        "Mineralna voda 0,25 l staklo (gajba 24)"]
    # no head naming a unit column: a description's own last word stays; nor a word after a comma
    assert rows(croatian.split("\n", 1)[1])[1][0] == "Brašno pšenično T-500, vreća 25 kg vreća"
    assert rows(croatian.replace("25 kg         vreća", "25 kg, vreća"))[1][0] == (
        "Brašno pšenično T-500, vreća 25 kg, vreća")
    # a description's own last word, each row's another
    english = ("Unit Description Qty Price Amount\n1 Knockdown herbicide 450 g/L, 20 L drum 6 118.00 708.00\n"
               "2 Plain fencing wire 2.5 mm, 1500 m coil 4 146.50 586.00\n"
               "3 Certificat SSL DV, validité 1 an 1 39,00 39,00\nDay units 6214 0.2892 1,797.09\n"
               "Night units 2087 0.1546 322.65\n")
    assert [r[0] for r in rows(english)] == [
        "Knockdown herbicide 450 g/L, 20 L drum", "Plain fencing wire 2.5 mm, 1500 m coil",
        "Certificat SSL DV, validité 1 an", "Day units", "Night units"]
    # a unit word alone before the numbers, in Cyrillic or Armenian, is no description: the lines above are; a
    # description printed above keeps its last word ("… փուլ"); Macedonian article codes in Cyrillic letters
    serbian = ("Р.б. Опис услуге / добра Ј.м. Кол. Цена Рабат Износ без ПДВ\n"
               "1. Лиценца ДунавЦРМ Enterprise, годишња претплата по\nкориснику, период фебруар 2025 – јануар 2026\n"
               "корис. 25,00 14.400,00 10% 324.000,00\n"
               "2. Техничка подршка SLA Gold – јануар 2025 мес. 1,00 62.000,00 – 62.000,00\n"
               "3. Хостинг тест окружења (2 vCPU, 8 GB RAM) мес. 3,00 7.450,00 – 22.350,00\n")
    assert [r[0] for r in rows(serbian)] == [
        "Лиценца ДунавЦРМ Enterprise, годишња претплата по кориснику, период фебруар 2025 – јануар 2026",
        "Техничка подршка SLA Gold – јануар 2025", "Хостинг тест окружења (2 vCPU, 8 GB RAM)"]
    armenian = ("N Ծառայության անվանում Չ/մ Քանակ Գին Գումար\n1 Բջջային հավելվածի մշակում, նախագծի\n2-րդ փուլ\n"
                "ժամ 160 18 500,00 2 960 000,00\n3 UI/UX դիզայն և էկրանների նախագծում ժամ 40 15 000,00 600 000,00\n")
    assert [r[0] for r in rows(armenian)] == ["Բջջային հավելվածի մշակում, նախագծի 2-րդ փուլ",
                                              "UI/UX դիզայն և էկրանների նախագծում"]
    assert rows("В-101 Вранец Класик 2022, 0,75 л 240 310,00 74.400,00")[0][0] == "Вранец Класик 2022, 0,75 л"


def test_month_names_of_the_caucasus_central_asia_and_the_western_balkans():
    assert dates("თარიღი: 7 მარტი 2025 წ.\nვადა: 21 მარტის 2025") == [dt.date(2025, 3, 7), dt.date(2025, 3, 21)]
    assert dates("12 մարտի 2025 թ.\n5 наурыз 2025 ж.\n3 shkurt 2025\n14 yanvar 2025\n2 јун 2025") == [
        dt.date(2025, 3, 12), dt.date(2025, 3, 5), dt.date(2025, 2, 3), dt.date(2025, 1, 14), dt.date(2025, 6, 2)]


def test_southeast_asian_ids_currencies_and_buddhist_era_dates():
    assert dates("Credit Note No. CN6709-0042\nDate 05/09/2567\n") == [dt.date(2024, 9, 5)]
    # an invoice series' letters and a number's prefix are no currency codes
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    assert found("Ký hiệu: 1C25TTD\nSố: 00002519\nTổng cộng 378.738.000 VND") == ["VND"]
    assert found("Invoice No. BMD-INV-2403-0032\nTotal IDR 12.500.000") == ["IDR"]
    # Cambodia's VATTIN; a row's unit "tin" before its amounts is no TIN
    assert [c.value for c in C.find_vat_ids(C.TextIndex("VATTIN: K009-902318745"))] == ["K009-902318745"]
    assert [c.value for c in C.find_vat_ids(C.TextIndex("VATTIN\nK007-901553824"))] == ["K007-901553824"]
    assert C.find_vat_ids(C.TextIndex("18 OL-3001 Refined palm olein, 17 kg tin TIN 6 38.50 231.00")) == []


def test_healthcare_rows_a_list_of_days_a_tax_code_column_a_packs_size_and_a_fee_factor():
    # a list of visit days is no row (3 × 7 = 21)
    text = ("Code Désignation Nombre P.U. € Montant €\nAMI 1 Injection sous-cutanée 20 3,15 63,00\n"
            "Passages : 03, 05, 07, 10, 12, 14, 17, 19, 21, 24, 26 et 28/03/2025 (pansements).\n")
    assert [r[1:] for r in rows(text)] == [(20.0, 3.15, 63.0)]
    # an amount with cents before the tax code's column: 2 × 1 390,00 less 8 %, not 2 × 1 = 2
    assert rows("LM-E3 Lit médicalisé électrique 2 u 1 390,00 8 % 2 557,60 2\n") == [
        ("Lit médicalisé électrique", 2.0, 1390.0, 2557.6)]
    # the count column nearer the amount, not the pack's size in the description
    assert rows("09.03.2025 Aliment diététique rénal chat, sac 2 kg 2 34.90 2.6% 69.80\n") == [
        ("Aliment diététique rénal chat, sac 2 kg", 2.0, 34.9, 69.8)]
    # a German doctor's GOÄ factor column after each description
    goae = ("Datum GOÄ-Nr. Leistungsbeschreibung Faktor Anz. Einzel € Betrag €\n"
            "3562.H1 Cholesterin 1,15 1 2,68 2,68\n3561 Glykiertes Hämoglobin (HbA1c) 1,15 1 13,41 13,41\n")
    assert [r[0] for r in rows(goae)] == ["Cholesterin", "Glykiertes Hämoglobin (HbA1c)"]


def test_a_german_steuernummer_is_a_tax_id():
    ids = lambda text: [c.value for c in C.find_vat_ids(C.TextIndex(text))]  # noqa: E731
    assert ids("Steuernummer 144/218/60317 (Finanzamt München)") == ["144/218/60317"]
    # beside a USt-IdNr it is no option (the model, asked between the two, chose the Steuernummer)
    assert ids("Steuer-Nr.: 026 841 62047\nUSt-IdNr.: DE283614925") == ["DE283614925"]
    assert ids("Steuernummer : 201/113/40209\nUSt-IdNr: DE123456789") == ["DE123456789"]


def test_icelands_five_digit_vsk_number():
    assert [c.value for c in C.find_vat_ids(C.TextIndex("Kt. 540306-2140  ·  VSK nr. 98412"))] == ["98412"]


def test_the_maghrebs_dirham_and_dinar():
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    assert found("Base TVA 20 % : 253 201,30 DH\n") == ["MAD"]
    assert found("Total HT 36 414,750 DT\n") == ["TND"]
    assert found("Net à payer TTC (DT) 40.780,605\n") == ["TND"]


def test_a_measure_at_a_six_decimal_tariff_and_icelandic_and_finnish_heads():
    finnish = ("Tuote / jakso Määrä Yks. Hinta €/yks. ALV % Veroton €\n"
               "Pörssisähkö, kulutuspainotettu keskihinta 2 196,99 kWh 0,078214 25,5 171,84\n")
    assert [r[1:] for r in rows(finnish)] == [(2196.99, 0.078214, 171.84)]
    icelandic = ("Lýsing Magn Ein. Einingarverð Upphæð\nAukagagnamagn 5 GB 2 stk. 1.205 2.410\n"
                 "Gagnanotkun í reiki utan EES (Bandaríkin) 850 MB 2 1.700\n")
    assert [r[1:] for r in rows(icelandic)] == [(2.0, 1205.0, 2410.0), (850.0, 2.0, 1700.0)]
    # a discounted whole amount, rounded to the króna
    discounted = ("Vörunr. Vara Magn Einingaverð Afsl. VSK Upphæð\n"
                  "HT-2207 Ullarteppi, grátt, 130×170 cm 1 14.508 20% 24% 11.606\nSamtals án VSK 51.025 kr.\n")
    assert [r[1:] for r in rows(discounted)] == [(1.0, 14508.0, 11606.0)]


def test_the_pacifics_francs_dollars_tax_ids_and_grouped_whole_amounts():
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    assert found("Total TTC 68.868 F CFP\n") == ["XPF"]
    assert found("Code Description of charges Qty Unit Rate FJ$ VAT Amount FJ$\n")[:1] == ["FJD"]
    ids = lambda text: [c.value for c in C.find_vat_ids(C.TextIndex(text))]  # noqa: E731
    assert ids("RIDET : 1 284 736.001 · RCS Nouméa 2011 B 1 284 736") == ["1 284 736.001"]
    assert ids("N° TAHITI : B47219 – RCS Papeete TPI 15 2207 B") == ["B47219"]
    assert ids("TIN 1043827  ·  VAGST registered") == ["1043827"]
    assert ids("Société enregistrée au Vanuatu · N° TVA : 108472 · Montants en vatu (VUV)") == ["108472"]
    # a narrow no-break space groups a whole amount's thousands
    index = C.TextIndex("Total HT marchandises 339\u202f461\nNET À PAYER TTC 383\u202f519 XPF\n")
    assert [c.value for c in C.find_amounts(index)] == [339461.0, 383519.0]
    # a tax id's groups are no row
    assert rows("SARL au capital de 5 000 000 XPF · RIDET 1 284 736.001 · Assujetti à la TGC\n") == []


def test_a_unit_column_after_a_year():
    text = ("# Description Unit Qty Rate (SAR) Amount (SAR)\n"
            "3 Operator overtime beyond 10 hours per day, unit MC-104 hr 46 145.00 6,670.00\n"
            "4 Telehandler 17 m (unit TH-221), monthly hire, March 2025 month 1 14,500.00 14,500.00\n"
            "5 Rigging set and certified slings for lift plan LP-031 lot 1 2,350.00 2,350.00\n")
    assert [r[0] for r in rows(text)][1] == "Telehandler 17 m (unit TH-221), monthly hire, March 2025"


def test_east_asian_professional_fees_ids_currencies_and_dates():
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    assert found("E-mail tax@hanbitstrategy.co.kr\nSupply value (KRW)\n45,350,000\n") == ["KRW"]
    tokens = [c.value for c in C.find_id_tokens(C.TextIndex("Approval No.20250610-41000087-5c2e9a14\n45,350,000\n"))]
    assert "20250610-41000087-5c2e9a14" in tokens and "000" not in tokens
    ids = lambda text: [c.value for c in C.find_vat_ids(C.TextIndex(text))]  # noqa: E731
    assert ids("BR No. 68203417\nT +852 3892 4410") == ["68203417"]
    assert ids("No. Pendaftaran GST : T11LL0427E\n") == ["T11LL0427E"]
    assert ids("Registrierungsnr. T6010401087654\n") == ["T6010401087654"]
    dates = [d.value for d in C.find_dates(C.TextIndex("Tarikh : 12 Ogos 2025\n"))]
    assert dates == [dt.date(2025, 8, 12)]
    # a rate is no amount
    assert [c.value for c in C.find_amounts(C.TextIndex("NHI supplementary premium (2.11%) (1,646.00)\n"))] == [
        1646.0]


def test_rows_of_yen_hours_a_swiss_rate_a_wrapped_head_a_lettered_section_and_a_lump_sum():
    # where money has no cents, "40,000" is forty thousand yen beside hours with decimals
    yen = ("No. Date Description of services Hours Rate (¥) Amount (¥)\n"
           "3 2025/04/17 Video conference with counterparty counsel (Frankfurt) 2.00 40,000 80,000\n"
           "4 2025/04/25 Final review of execution version and closing checklist 2.25 40,000 90,000\n"
           "Subtotal (professional fees) ¥170,000\n")
    assert [r[1:] for r in rows(yen)] == [(2.0, 40000.0, 80000.0), (2.25, 40000.0, 90000.0)]
    swiss = ("Pos. Leistung Std. Ansatz Betrag CHF\n"
             "1 Strukturierung Familienvermögen: Trust-Optionen Hongkong/Singapur 12.50 420.00 5'250.00\n")
    assert [r[1:] for r in rows(swiss)] == [(12.5, 420.0, 5250.0)]
    # a bilingual head wrapped one or two words a line, over the first row's wrapped description
    wrapped = ("Whakaahuatanga / Description Rahinga /\nQuantity\nUtu mō te\nwae /\nUnit\nprice\nTapeke / Amount\n"
               "Community engagement programme design for the Long-Term\nPlan 2026-2036\n1 8,400.00 8,400.00\n"
               "Facilitation of hui with iwi and hapū representatives (3 sessions) 3 1,950.00 5,850.00\n")
    assert rows(wrapped)[0] == ("Community engagement programme design for the Long-Term Plan 2026-2036", 1.0,
                                8400.0, 8400.0)
    section = ("Hrs/Qty Rate (HK$) HK$\nA.  PROFIT COSTS\nPerusing client's documents and preparing chronology of\n"
               "events\n4.5 4,800.00 21,600.00\n")
    assert rows(section)[0][0] == "Perusing client's documents and preparing chronology of events"
    lump = ("Pos Art.-Nr. Bezeichnung Menge Einheit Preis EUR Rabatt Gesamt\nEUR\n1 MKT-JP-01 Marktanalyse Japan:\n"
            "Erstattungssystem und\nPreisbildung für Medizinprodukte\nder Klasse II\n1 Pauschale 9.800,00 9.800,00\n")
    assert rows(lump)[0][0] == ("Marktanalyse Japan: Erstattungssystem und Preisbildung für Medizinprodukte der "
                                "Klasse II")


def test_african_agricultural_currencies_ids_names_and_rows():
    found = lambda text: [c.value for c in C.find_currencies(C.TextIndex(text))]  # noqa: E731
    # an article's code is no currency ("IRR-0516"); the rand with a decimal comma
    assert found("IRR-0516 Gaine goutte-à-goutte 16 mm\nMontant total de l'avoir TTC 729 830 FCFA\n") == ["XOF"]
    assert found("TOTAAL TE BETAAL R 53 302,45\n") == ["ZAR"]
    assert [c.value for c in C.find_vat_ids(C.TextIndex("BTW-nr: 4870213560\n"))] == ["4870213560"]
    # a logo's two lines, one name: the mail domain spells both
    spans = [c.text for c in C.find_text_spans(C.TextIndex(
        "SG\nSavanna Gold\nShea Processors Ltd\nPlot 22, Tamale Industrial Area\nexport@savannagoldshea.com.gh\n"))]
    assert "Savanna Gold Shea Processors Ltd" in spans
    # Swahili's unit before the count, the description above; a discount's column before the tax rate's
    swahili = ("Na. Maelezo ya bidhaa Kipimo Idadi Bei ya kipimo Kodi Jumla (TZS)\n"
               "1 Mbegu za mahindi chotara MB-614, mfuko wa\nkilo 2\nMfuko 350 14,500.00 SM 5,075,000.00\n")
    assert rows(swahili) == [("Mbegu za mahindi chotara MB-614, mfuko wa kilo 2", 350.0, 14500.0, 5075000.0)]
    discount = "DRP-1623 Drip line 16 mm, 400 m roll 25 roll 1 385.00 5.00 15.00 32 893.75\n"
    assert [r[1:] for r in rows(discount)] == [(25.0, 1385.0, 32893.75)]
    # Afrikaans unit words after each description, under "Eenh."
    afrikaans = ("Kode Beskrywing Eenh. Hoev. Eenh.prys Afsl% Bedrag BTW\n"
                 "100417 Mieliemeel Super 10 kg sak 6 129,99 - 779,94 Z\n"
                 "100522 Gedroogde suikerbone 2 kg pak 4 74,50 - 298,00 Z\n")
    assert [r[0] for r in rows(afrikaans)] == ["Mieliemeel Super 10 kg", "Gedroogde suikerbone 2 kg"]
    # a charge right under the line that adds up the goods is no row
    charges = ("Description Quantité Unité Prix unitaire TVA Montant\n"
               "Mangues Kent calibre 7, colis carton 4 kg net 960 colis 10,20 0 % 9 792,00\n"
               "Palettes bois traitées NIMP 15 (aériennes PMC) 26 pièce 14,50 0 % 377,00\n"
               "Montant HT marchandises 10 169,00 €\nFret aérien DSS-CDG (14 620 kg x 0,80 €/kg) 11 696,00 €\n")
    assert [r[3] for r in rows(charges)] == [9792.0, 377.0]


def test_automotive_rows_a_unit_column_before_the_count_and_hungarian_heads():
    # a Romanian form: the column numbers' row with its formula, the unit's column before the count's
    romanian = ("Nr.\ncrt.\nDenumirea produselor\nsau a serviciilor U.M. Cant.\nPreț unitar\n(fără TVA)\n-lei-\n"
                "0 1 2 3 4 5 (3x4) 6\n1 Manoperă revizie tehnică completă Ford Transit 2.0\n"
                "EcoBlue, nr. înmatriculare CJ 45 TLF\nore 3,50 180,00 630,00 119,70\n")
    assert rows(romanian) == [("Manoperă revizie tehnică completă Ford Transit 2.0 EcoBlue, nr. înmatriculare CJ 45 "
                               "TLF", 3.5, 180.0, 630.0)]
    # a Hungarian head over a description wrapped above its numbers; "óra" and "liter" after the counts
    hungarian = ("Megnevezés Cikkszám Menny. Me. Nettó egységár Nettó érték ÁFA %\n"
                 "Kötelező szerviz 60 000 km - munkadíj\n(Škoda Octavia Combi 2.0 TDI, rendszám\nAAKM-417)\n"
                 "SZ-MD-60 2,4 óra 24 500 58 800 27%\nMotorolaj Castrol EDGE Professional\nLongLife III 5W-30\n"
                 "CAS-LL3-530 4,7 liter 6 290 29 563 27%\n")
    assert rows(hungarian) == [
        ("Kötelező szerviz 60 000 km - munkadíj (Škoda Octavia Combi 2.0 TDI, rendszám AAKM-417)", 2.4, 24500.0,
         58800.0),
        ("Motorolaj Castrol EDGE Professional LongLife III 5W-30", 4.7, 6290.0, 29563.0)]
    dates = [d.value for d in C.find_dates(C.TextIndex("Venciment: 2 d'agost de 2024\n"))]
    assert dates == [dt.date(2024, 8, 2)]
    assert [c.value for c in C.find_vat_ids(C.TextIndex("C.I.F.: B50842178\n"))] == ["B50842178"]

"""The built-in `invoice` schema and its business rules."""

from __future__ import annotations

import datetime as dt
from typing import ClassVar

from pydantic import BaseModel, Field, field_validator

from schemas.lexicon import labels as more_labels

# ISO 4217 codes in active use; a currency outside this list is almost always a misread.
ISO_CURRENCIES = frozenset(
    """AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP
    BYN BZD CAD CDF CHF CLP CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL
    GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW
    KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN
    NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK
    SGD SHP SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES
    VND VUV WST XAF XCD XOF XPF YER ZAR ZMW ZWL""".split()
)

MONEY_TOLERANCE = 0.02


def _close(a: float, b: float, tolerance: float = MONEY_TOLERANCE) -> bool:
    return abs(a - b) <= max(tolerance, abs(b) * 0.001)


# Labels the subtotal and the tax basis share: without discounts or charges on the whole invoice they are one
# number, printed once.
NET_LABELS = [
    "net amount", "total net", "net total", "net", "total excl", "excl. vat", "netto", "nettobetrag", "summe netto",
    "nettosumme", "total ht", "montant ht", "total des charges ht", "totaal excl", "base imponible", "imponibile",
    "imponibile iva",
    "totale imponibile", "summa exkl. moms", "taxable value", "taxable amount", "rechnungssumme netto", "excl. ust",
    "exkl. ust", "excl. mwst", "exkl. mwst", "ohne ust", "ohne mwst", "excl. btw", "excl. tax", "hors taxes",
    "razem netto",
    "wartość netto", "monto neto", "op. gravada", "importe neto gravado", "supply value", "total amount before vat",
    "dpp", "suma bases imponibles", "bases imponibles", "total bases imponibles", "total base imponible",
    *more_labels("net")]


class LineItem(BaseModel):
    """One billed position."""

    description: str | None = Field(None, description="What was sold, as written on the line.", max_length=200)
    quantity: float | None = Field(None, description="Number of units.")
    unit_price: float | None = Field(None, description="Price of one unit.")
    line_total: float | None = Field(None, description="Amount of the line.")


class InvoiceFields(BaseModel):
    """Header, totals and lines of an invoice."""

    schema_name: ClassVar[str] = "invoice"
    schema_version: ClassVar[str] = "2"  # 2: tax_basis_total

    invoice_number: str | None = Field(
        None,
        description="The invoice's own number or id.",
        max_length=40,
        json_schema_extra={"labels": ["invoice number", "invoice no", "invoice #", "invoice", "invoice id", "rechnungsnummer",
                                      "fiscal document number",  # (the number a tax authority's system gives: EFRIS)
                                      "rechnung nr", "rechnungs-nr", "rechnungsnr", "rechnung #", "rechnung",
                                      "premienota",  # an insurer's premium note, over its number
                                      "beleg-nr", "honorarnote nr", "sorszám", "számla sorszáma",
                                      "belegnummer", "nr.", "nr", "no.", "facture n°", "facture n", "facture", "avoir",
                                      "n°", "nº", "n.º", "n.°",
                                      "numéro de facture", "n° de facture", "numéro", "factuurnummer", "factuurnr",
                                      "factuur", "número de factura", "nº de factura", "número", "factura", "fattura n",
                                      "numero documento", "kreditfakturanr", "kreditfakturanummer", "kreditnotanr",
                                      "fattura", "numero", "fakturanummer", "fakturanr", "faktura", "credit note no",
                                      "credit note", "bill no", "document no", "booking id", "faktura vat nr",
                                      "numer faktury",
                                      "daňový doklad č", "číslo faktury", "fakturanummer", "nota fiscal",
                                      "número da fatura", "serie / folio", "serie y folio", "serie-folio",
                                      "número da nota", "№", "br.", "broj", "αριθμός", "αρ.", "seria",
                                      "serija", "sērija",
                                      "рахунок на оплату", "рахунок",
                                      "nota de crédito", "nota de credito", "nota de crédito electrónica",
                                      "factura electrónica", "fee note no", "fee note no.", "fee note number",
                                      "fee note", "số", "kreditnotanr", "kreditnotanr.", "kreditnota nr",
                                      "kreditnotanummer",
                                      "rokningarnummar", "rokningarnr",
                                      *more_labels("invoice_number"),
                                      *more_labels("credit_note_number")]},
    )
    invoice_date: dt.date | None = Field(
        None,
        description="Date the invoice was issued.",
        json_schema_extra={"labels": ["invoice date", "date of issue", "issue date", "issued at", "issued", "dated",
                                      "rechnungsdatum", "beleg-datum", "belegdatum", "datum", "date de facture",
                                      "date d'émission", "date", "factuurdatum", "fecha de factura", "fecha",
                                      "fecha de emisión", "fecha emisión", "fecha de expedición",
                                      "data fattura", "data documento",
                                      "data", "fakturadatum", "invoice dt", "data wystawienia",
                                      "datum vystavení",
                                      "fakturadato", "data de emissão", "emissão", "tax point", "date / tax point",
                                      "date/tax point", "tax point date", "invoice date / tax point",
                                      "kreditnotadato",
                                      "dagfesting",
                                      *more_labels("invoice_date")]},
    )
    due_date: dt.date | None = Field(
        None,
        description="Date by which payment is due.",
        json_schema_extra={"labels": ["due date", "balance due date", "payment due", "due", "fällig", "fälligkeit",
                                      "fällig am", "zahlbar bis",
                                      "fälligkeitstag", "fälligkeitsdatum", "fälligkeitstermin", "zahlungstermin",
                                      "zahlungsziel", "échéance", "date d'échéance", "à régler avant le",
                                      "gjalddagur",
                                      "sidste rettidige betalingsdag", "sidste betalingsdag", "seneste betalingsdag",
                                      "à régler avant", "à payer avant le", "payable avant le", "vervaldatum",
                                      "vencimiento",
                                      "fecha de vencimiento", "fecha de vto. para el pago", "vto. para el pago",
                                      "scadenza", "förfallodatum", "pay by", "remit until",
                                      "bis zum", "netto bis", "überweisen sie bis", "bis spätestens", "spätestens bis",
                                      "spätestens am", "zahlbar innerhalb",
                                      "payable within",
                                      "remit by", "payable by", "payable until", "payment by",
                                      "date limite de paiement",
                                      "date limite", "payment terms", "zahlungsbedingungen", "conditions de paiement",
                                      "betalingsvoorwaarden", "condiciones de pago", "uiterste betaaldatum",
                                      "te betalen vóór", "te betalen voor", "fecha límite de pago", "fecha límite",
                                      "data di scadenza", "sista betalningsdag", "termin płatności", "termin zapłaty",
                                      "datum splatnosti", "splatnost", "forfaldsdato", "betalingsfrist",
                                      "data de vencimento", "vencimento", "entro il", *more_labels("due_date")]},
    )
    vendor_name: str | None = Field(
        None,
        description="Company that issued the invoice (seller).",
        max_length=120,
        json_schema_extra={"labels": ["seller", "from", "vendor", "supplier", "sold by", "service provider", "verkäufer",
                                      "seller's details", "seller details",
                                      "rechnungsersteller", "absender", "pay to", "payee", "payable to",
                                      "cheques payable to", "checks payable to",
                                      "lieferant", "rechnungssteller", "vendeur", "fournisseur", "émetteur",
                                      "leverancier", "proveedor", "emisor", "fornitore", "cedente", "säljare",
                                      "leverantör", "sprzedawca", "leverandør", "dodavatel", "fornecedor",
                                      "prestador de serviços", "prestador", "cedente/prestatore", "prestatore",
                                      # a lease's: the landlord bills, whoever manages the building for it
                                      "vermieter", "vermieterin", "landlord", "bailleur", "verhuurder",
                                      # Bangladesh's Mushak-6.3
                                      "name of registered person",
                                      # Egypt's e-invoice: "Issuer / المصدر   Receiver / المستلم"
                                      "issuer",
                                      "im auftrag der eigentümerin", "im auftrag des eigentümers",
                                      *more_labels("vendor_name")]},
    )
    vendor_vat_id: str | None = Field(
        None,
        description="Seller's VAT / tax identification number.",
        max_length=30,
        json_schema_extra={"labels": ["vat", "vat id", "vat no", "ust-id", "ust.-id.-nr", "ust-idnr",
                                      "ust.-idnr", "ust.-identnr", "ust-identnr", "tva",
                                      "n° tva", "btw", "gstin", "tax id", "vat reg. no", "vat reg no", "vat reg",
                                      "vat registration no", "vat registration number", "vat number", "vat id no",
                                      "mwst-nr", "mwst.-nr", "uid", "uid-nr", "tva intracommunautaire",
                                      "n° tva intracommunautaire", "numéro de tva", "btw-nummer", "btw-nr", "btw nr",
                                      "p.iva", "p. iva", "partita iva", "nif", "cif", "c.i.f.", "nip", "dič",
                                      "momsreg.nr",
                                      "momsregistreringsnummer", "cvr-nr", "alv-numero", "abn", "gst no",
                                      "gst reg no", "cvr", "tps/tvh", "no tps/tvh", "y-tunnus", "nif-iva",
                                      "등록번호", "사업자등록번호",
                                      "gstin/uin", "trn", "gst number", "gst reg no", "gst registration no",
                                      "gst/hst registration no", "vat registration no.", "uen / gst reg no",
                                      "uen / gst reg. no.", "gst reg. no.", "gst reg. no",
                                      "rfc", "r.f.c.", "nit", "rut", "r.u.t.", "ruc", "r.u.c.", "r.u.c. n°", "cuit",
                                      "c.u.i.t.",
                                      "cnpj",
                                      "cpf/cnpj", "tin", "vat reg. tin", "sst no", "sst reg no", "tax code",
                                      "npwp", "mst", "ein:", "strn", "ntn", "bin", "cédula jurídica", "rut emisor",
                                      "nrt", "c.o.e.", "coe", "hst no", "hst number", "n° tps", "no tps", "no de tps",
                                      "n° de tps", "gst registration",
                                      "fed. id", "seller's permit no.", "ubi", "unified social credit code", "uscc",
                                      "ubn", "no. sst", "sst reg. no.", "mã số thuế", "v-tal", "vsk-nr.",
                                      # Greece's and Turkey's tax numbers
                                      "αφμ", "α.φ.μ.", "vkn", "vergi no", "vergi kimlik no", "v.d.",
                                      # the Gulf's, Morocco's, Tunisia's and Israel's: "Supplier TRN", "ICE",
                                      # "Matricule fiscal" / "M.F.", "VAT Reg. (Osek Murshe)", Oman's "VATIN"
                                      "supplier trn", "seller trn", "ice", "matricule fiscal", "m.f.", "mf",
                                      "osek murshe", "osek murshe no.", "vatin", "vattin",
                                      # Senegal's, Côte d'Ivoire's, Cameroon's and Kenya's
                                      "ninea", "ncc", "niu", "kra pin",
                                      # the Balkans', the Caucasus' and Central Asia's; the Caribbean's
                                      "pib", "пиб", "jib", "id broj (jib)", "oib", "edb", "едб", "nipt",
                                      "vöen", "հվհհ", "инн", "іпн",
                                      "бин", "бин / иин", "иин", "бсн", "stir", "tin (inn)",
                                      "საიდ. კოდი", "საიდენტიფიკაციო კოდი", "rnc", "rtn", "gct reg. no.",
                                      "trn / gct reg. no.",
                                      # Hong Kong's business registration, Singapore's GST number in Malay, a Japanese
                                      # registration number in German
                                      "br no", "br no.", "no. pendaftaran gst", "no. pendaftaran sst",
                                      # Belgium's enterprise number, its VAT number: "Ondernemingsnummer BE 0793…"
                                      "ondernemingsnummer", "numéro d'entreprise", "n° d'entreprise",
                                      "bin of registered person", "vat payer no.", "vat payer no", "vat payer number",
                                      "tax registration no", "tax registration no.", "tax registration number",
                                      "tax reg. no.", "sst registration no", "sst registration no.",
                                      "gst/tps no.", "gst/tps no", "sales & use tax permit no.",
                                      "sales tax permit no.",
                                      "registrierungsnr."]},
    )
    buyer_name: str | None = Field(
        None,
        description="Customer the invoice is addressed to (buyer).",
        max_length=120,
        json_schema_extra={"labels": ["bill to", "billed to", "invoice to", "invoiced to", "buyer", "customer", "sold to",
                                      # (a fiscal e-invoice's section: Uganda's EFRIS)
                                      "buyer's details", "buyer details",
                                      "ship to", "credit to", "credited to", "to", "käufer", "kunde",
                                      "dirección de envío", "purchaser's name",
                                      "purchaser's name & address", "purchaser's name and address",
                                      # (a Korean tax invoice's box, its letters downwards: "R" / "E" / … / "T")
                                      "recipient", "receiver",
                                      "rechnungsempfänger",
                                      "rechnungsadresse", "rechnungsanschrift", "empfänger", "leistungsempfänger",
                                      "client", "destinataire", "destinataire de la facture", "au profit de",
                                      "facturat a", "facturado a", "facturada a", "name of purchaser",
                                      "établi au profit de", "fakturamottaker",
                                      "fakturamottagare",
                                      "facturé à", "facturer à", "adresse de facturation", "expédier à", "livrer à",
                                      "adressée à", "adressé à",
                                      "livré à",
                                      "acheteur", "klant", "factuur aan",
                                      "debiteur", "aan", "tên đơn vị", "cliente", "facturar a", "spett.le",
                                      *more_labels("addressee_greeting"),  # "Gentile Signora" / "Elena …"
                                      # a port agent's principal, the ship's owner: "ARMADOR / PRINCIPAL"
                                      "armador", "armateur",
                                      "destinatario", "kund",
                                      "messrs.", "御中",
                                      "fakturaadress", "köpare", "delivery address", "adresse de livraison",
                                      "lieferadresse",
                                      "lieferanschrift", "billing address", "invoice address", "shipping address",
                                      "factuuradres", "afleveradres", "leveringsadres", "leveringsadresse",
                                      "leveransadress", "indirizzo di fatturazione",
                                      "dirección de facturación", "prepared for", "quotation for", "quote for",
                                      "offerte voor", "angebot für", "devis pour", "presupuesto para",
                                      "preventivo per", "nabywca", "odbiorca", "odběratel", "kunde", "cliente",
                                      "destinatário", "datos del cliente", "dados do cliente", "datos del paciente",
                                      "dati del paziente", "exmo.(s) sr.(s)",
                                      "datos del titular", "titular del contrato", "titular", "intestatario fattura",
                                      "intestatario",
                                      # (capitals drop Greek accents and Turkish dotless i: "ΣΤΟΙΧΕΙΑ ΠΕΛΑΤΗ", "SAYIN")
                                      "στοιχεία πελάτη", "στοιχεια πελατη", "sayın", "sayin",
                                      "exmo. sr.", "exmos. srs.", "exma. sra.", "exmo(s). sr(s).",
                                      "faktureringsadresse", "fakturaadresse", "laskutusosoite",
                                      "tomador de serviços", "tomador", "adquiriente", "adquirente", "receptor",
                                      "señor(es)", "señores", "cessionario/committente", "cessionario",
                                      "committente",
                                      # a US medical statement's: the person responsible for the bill
                                      "statement for", "guarantor", "responsible party",
                                      *more_labels("buyer_name")]},
    )
    currency: str | None = Field(
        None,
        description="ISO 4217 currency code, e.g. EUR.",
        min_length=3,
        max_length=3,
        json_schema_extra={"labels": ["currency", "währung", "rechnungswährung", "devise", "valuta", "moneda",
                                      "moeda"]},
    )
    subtotal: float | None = Field(
        None,
        description="Sum of the line amounts before tax, before discounts or charges on the whole invoice.",
        json_schema_extra={"labels": ["subtotal", "sub total", "sub-total", "positionssumme", "zwischensumme",
                                      "zwischentotal", "total lines", "lines total", "total exclusive",
                                      "totaal premie",
                                      "total des primes", "summe nettobeiträge", "total htva des prestations",
                                      "warenwert", "total mercadoria", "total mercadorias", "total ilíquido",
                                      # a DANFE's box (Brazil's NF-e), with the IPI and the note's total beside it
                                      "valor total dos produtos", "total dos produtos", "total dos serviços",
                                      "totale onorari", "totale competenze", "totale prestazioni", "total prestations",
                                      "sous-total", "subtotaal", "summe positionen", "summe positionen netto",
                                      "total marchandises", "total marchandises htva", "total marchandises ht",
                                      "total ht marchandises",
                                      "sous-total ht", "total positionen", "sum varer", "totale merce",
                                      "sum varer eks. mva",
                                      "summa varor", "varusumma", "vörur samtals", "vörur samtals án vsk",
                                      "merchandise", "merchandise total", "goods total",
                                      "samanlagt uttan mvg",
                                      "tuotteet yhteensä",
                                      "suma artículos",
                                      "suma de artículos", "total artículos", "suma importes", "suma de importes",
                                      "suma imports", "suma d'imports",
                                      "total goods", "varer i alt", "σύνολο αξίας ειδών", "αξία ειδών",
                                      # French "brut" is before the discount, not with the tax: "Total brut 7 096,00 €"
                                      "total brut", "total brut ht",
                                      # an e-invoice viewer's name of EN 16931's BT-106
                                      "sum of line net amounts", "sum of invoice line net amount",
                                      "summe aller positionen", "summe aller positionen netto",
                                      "somme des montants nets des lignes",
                                      # a Spanish building certification's works, before overheads and profit
                                      "total ejecución material", "presupuesto de ejecución material",
                                      *NET_LABELS]},
    )
    tax_basis_total: float | None = Field(
        None,
        description="Amount the tax is charged on: the subtotal after discounts and charges on the whole invoice.",
        json_schema_extra={"labels": ["tax basis", "tax base", "basisbetrag", "steuerbasisbetrag", "steuerbasis",
                                      # a premium note's, after its discount and fees
                                      "totaal premie en kosten", "prime nette", "total base",
                                      "bemessungsgrundlage", "rechnungssumme ohne ust", "base ht", "assiette",
                                      "grondslag", "montant taxable", "maatstaf van heffing",
                                      "taxable amount", "taxable total", "total taxable", "momspligtigt beløb",
                                      "momsgrundlag", "mva-grunnlag",
                                      "total subject to vat", "subject to vat", "amount subject to vat",
                                      "total ilíquido", "incidência", "base de incidência",
                                      "grunnlag mva", "underlag för moms", "momspliktigt belopp", "veron peruste",
                                      "base de cálculo", "total neto", "total gravado", "net ht",
                                      *NET_LABELS]},
    )
    tax_total: float | None = Field(
        None,
        description="Total tax (VAT) amount.",
        json_schema_extra={"labels": ["tax", "taxes", "vat", "total tax", "total taxes", "tax total", "vat total",
                                      "total vat", "vat amount", "tax amount", "sales tax", "plus vat", "zzgl. ust",
                                      "zuzügl. ust", "zzgl. mwst", "zuzügl. mwst", "ust.-betrag", "mwst.-betrag",
                                      "ust gesamt", "mwst gesamt", "mwst total", "total mwst", "mwst", "mwst.", "ust",
                                      "ust.",
                                      "steuerbetrag", "steuer", "umsatzsteuer", "mehrwertsteuer", "tva", "total tva",
                                      "montant tva",
                                      # Samoa's VAGST, New Caledonia's TGC, Hawaii's general excise tax
                                      "vagst", "tgc", "total tgc", "hawaii get", "general excise tax",
                                      # Puerto Rico's sales and use tax, state and municipal: "Total IVU 11.5%"
                                      "ivu", "total ivu", "ivu estatal", "ivu municipal",
                                      "btw", "iva", "cuota iva", "cuota", "imposta", "moms", "gst", "igst", "cgst",
                                      "sgst",
                                      "versicherungsteuer", "versicherungssteuer",
                                      # the Dutch and the Swiss taxes on insurance premiums
                                      "assurantiebelasting", "droit de timbre", "droit de timbre fédéral",
                                      "hst", "pst", "qst", "tps", "tvq",
                                      "tvh", "igv", "i.g.v.", "i.v.a.", "ppn", "consumption tax",
                                      "consumption tax total",
                                      "valor do iss", "valor total do ipi", "valor do ipi",
                                      "iva total discriminado",
                                      "iva trasladado", "totale iva",
                                      "mvg",
                                      *more_labels("tax_total")]},
    )
    total: float | None = Field(
        None,
        description="Grand total including tax.",
        json_schema_extra={"labels": ["total", "grand total", "amount due", "total due", "balance due", "total amount",
                                      "amount owed", "amount owing",
                                      "gesamtbeitrag", "zu zahlender gesamtbeitrag",  # an insurer's yearly premium
                                      "tilsamans at gjalda",
                                      "invoice total", "total invoice amount", "total invoice value", "bruttosumme",
                                      "gesamtbetrag", "gesamtsumme", "rechnungsbetrag",
                                      "rechnungstotal", "gesamttotal", "totalbetrag",
                                      "rechnungssumme", "endbetrag", "summe", "zu zahlen", "zahlbetrag", "brutto",
                                      "total ttc", "montant ttc", "total des charges ttc",
                                      "montant ttc en votre faveur", "net à payer", "net à payer ttc",
                                      "montant à payer",
                                      "total facture",
                                      "total fee note",
                                      "totaal",
                                      "factuur totaal",
                                      "montant de l'avoir ttc", "montant de l'avoir", "total de l'avoir",
                                      "te betalen", "importe total", "total factura", "totale", "totale fattura",
                                      "totale documento", "att betala", "summa att betala", "total inkl",
                                      "summe inkl. ust",
                                      "summe inkl. mwst", "inkl. ust", "inkl. mwst", "incl. vat", "total incl. vat",
                                      "total incl", "due payable", "total payable", "rechnungssumme brutto",
                                      "rechnungsbeitrag", "do zapłaty", "bruttobetrag", "fakturabeløb", "fakturabeløp",
                                      "fakturabelopp",
                                      "kwota do zapłaty", "razem brutto", "celkem s dph", "k úhradě",
                                      "total inkl. moms",
                                      "i alt", "valor total", "total geral", "total do pedido", "total payment",
                                      "total a pagar", "valor total do serviço", "valor total da nota",
                                      "valor da fatura", "valor líquido da fatura", "invoice value",
                                      "total invoice value",
                                      *more_labels("total")]},
    )
    line_items: list[LineItem] | None = Field(None, description="Billed positions in document order.", max_length=200)

    @field_validator("currency")
    @classmethod
    def _upper_currency(cls, value: str | None) -> str | None:
        return value.upper() if value else value

    def business_rules(self) -> list[str]:
        """Return the broken rules, each as a sentence. An empty list means the invoice is consistent."""
        problems: list[str] = []
        if self.currency and self.currency not in ISO_CURRENCIES:
            problems.append(f"currency {self.currency!r} is not an ISO 4217 code")
        # tax is charged on the basis; without one the subtotal is the basis (no discounts on the whole invoice)
        net = self.tax_basis_total if self.tax_basis_total is not None else self.subtotal
        net_name = "tax basis" if self.tax_basis_total is not None else "subtotal"
        if net is not None and self.tax_total is not None and self.total is not None:
            if not _close(net + self.tax_total, self.total):
                problems.append(f"{net_name} {net} + tax {self.tax_total} != total {self.total}")
        if net and self.tax_total is not None:  # (a credit note's tax and basis are both negative)
            rate = self.tax_total / net
            if not -0.001 <= rate <= 0.30:
                problems.append(f"tax rate {rate:.1%} is implausible")
        if (self.tax_total and self.subtotal is not None and self.total is not None
                and abs(self.tax_total) >= 0.01 * abs(self.total) and _close(self.subtotal, self.total)):
            # "Subtotaal € 717,97" on a page of gross prices: the lines' sum is net, the tax comes on top
            problems.append(f"subtotal {self.subtotal} equals the total although tax {self.tax_total} is charged")
        if self.total is not None and self.total < 0 and (self.subtotal or 0) > 0:
            problems.append("total is negative while the subtotal is positive")
        line_totals = [li.line_total for li in self.line_items or [] if li.line_total is not None]
        if line_totals and len(line_totals) == len(self.line_items or []):
            lines_sum = round(sum(line_totals), 2)
            targets = [t for t in (self.subtotal, self.total) if t is not None]
            if targets and not any(_close(lines_sum, t, 0.05) for t in targets):
                problems.append(f"line totals sum to {lines_sum}, matching neither subtotal nor total")
        problems += _date_problems(self.invoice_date, self.due_date)
        return problems


def _date_problems(issued: dt.date | None, due: dt.date | None) -> list[str]:
    problems = []
    latest = dt.date.today() + dt.timedelta(days=366)
    for label, value in (("invoice_date", issued), ("due_date", due)):
        if value is not None and not dt.date(1990, 1, 1) <= value <= latest:
            problems.append(f"{label} {value} is outside 1990..{latest.year}")
    if issued and due:
        if due < issued:
            problems.append(f"due_date {due} is before invoice_date {issued}")
        elif (due - issued).days > 366:
            problems.append(f"due_date {due} is more than a year after invoice_date {issued}")
    return problems

"""Label words of more European languages, by concept, for documents in languages no dev document was in.

The labels beside each field (schemas/invoice.py, extractors/fields.py) grew from the documents measured:
English, German, French, Dutch, Spanish, Italian and a few more. A layout in a language with no labels loses
most of its fields (README, "Other document types"), so these lists give every concept its usual printed words
in Croatian, Slovak, Estonian, Latvian, Lithuanian, Turkish, Icelandic, Finnish, Hungarian, Norwegian, Swedish,
Danish, Romanian, Slovenian, Catalan, Greek, Polish, Czech and Portuguese, written from the languages, not from
any document. Words shorter than four letters are only the tax's abbreviations, which nothing else spells.
Labels are matched in lower case, as whole words, longest first.
"""

from __future__ import annotations

LABELS: dict[str, list[str]] = {
    "invoice_number": [
        "broj računa", "račun br", "račun broj", "broj fakture", "číslo faktúry", "faktúra č", "faktúra číslo",
        "arve nr", "arve number", "arve nr.", "rēķina nr", "rēķina numurs", "rēķins nr", "sąskaitos nr",
        "sąskaitos numeris", "sąskaitos faktūros nr", "fatura no", "fatura numarası", "fatura seri no",
        "reikningsnúmer", "reikningur nr", "laskun numero", "laskunumero", "laskun nro", "számlaszám",
        "számla sorszáma", "számla száma", "fakturanummer", "fakturanr", "număr factură", "nr. factură",
        "numărul facturii", "serie / număr factură", "številka računa", "račun št", "št. računa",
        "número de factura", "núm. factura", "número factura", "αριθμός τιμολογίου", "αρ. τιμολογίου",
        "numer faktury", "nr faktury", "číslo dokladu", "número da fatura", "nº da fatura"],
    "invoice_date": [
        "datum računa", "datum izdavanja", "datum izdavanja računa", "dátum vystavenia", "dátum vyhotovenia",
        "arve kuupäev", "kuupäev", "izrakstīšanas datums", "rēķina datums", "datums", "išrašymo data",
        "sąskaitos data", "fatura tarihi", "düzenleme tarihi", "tarih", "dagsetning", "útgáfudagur",
        "reikningsdagur", "laskun päivämäärä", "päivämäärä", "laskupäivä", "kelt", "keltezés", "számla kelte",
        "kiállítás dátuma", "kiállítás kelte", "fakturadato", "fakturadatum", "data emiterii", "data facturii",
        "datum izdaje", "dátum", "data de la factura", "data factura", "ημερομηνία", "ημερομηνία έκδοσης",
        "data wystawienia", "datum vystavení", "data de emissão", "data da fatura"],
    "due_date": [
        "rok plaćanja", "datum dospijeća", "dospijeće", "dátum splatnosti", "splatnosť", "maksetähtaeg", "tähtaeg",
        "maksetähtpäev", "apmaksas termiņš", "samaksas termiņš", "apmaksāt līdz", "samaksāt līdz", "apmokėti iki",
        "mokėjimo terminas", "mokėti iki", "son ödeme tarihi", "vade tarihi", "vade", "eindagi", "gjalddagi",
        "greiðist fyrir", "eräpäivä", "maksettava viimeistään", "fizetési határidő", "esedékesség", "forfallsdato",
        "forfall", "betalingsfrist", "förfallodag", "förfallodatum", "sista betalningsdag", "forfaldsdato",
        "betales senest", "termen de plată", "data scadentă", "scadența", "scadență", "scadent", "rok plačila",
        "datum zapadlosti", "zapadlost", "data de venciment", "venciment", "προθεσμία πληρωμής", "ημερομηνία λήξης",
        "termin płatności", "datum splatnosti", "data de vencimento"],
    "vendor_name": [
        "prodavatelj", "prodavač", "izdavatelj", "dobavljač", "dodávateľ", "predávajúci", "müüja", "tarnija",
        "pārdevējs", "piegādātājs", "pardavėjas", "tiekėjas", "satıcı", "tedarikçi", "seljandi", "söluaðili",
        "myyjä", "toimittaja", "laskuttaja", "eladó", "szállító", "kibocsátó", "selger", "leverandør", "säljare",
        "leverantör", "sælger", "furnizor", "vânzător", "prodajalec", "dobavitelj", "izdajatelj", "venedor",
        "proveïdor", "πωλητής", "προμηθευτής", "sprzedawca", "dostawca", "dodavatel", "prodávající", "fornecedor",
        "vendedor"],
    "buyer_name": [
        "kupac", "naručitelj", "odberateľ", "kupujúci", "ostja", "tellija", "klient", "pircējs", "pirkėjas", "alıcı",
        "müşteri", "kaupandi", "viðtakandi", "viðskiptavinur", "ostaja", "asiakas", "vastaanottaja", "vevő",
        "megrendelő", "címzett", "kjøper", "kunde", "köpare", "kund", "køber", "cumpărător", "destinatar", "kupec",
        "naročnik", "comprador", "destinatari", "αγοραστής", "πελάτης", "nabywca", "odbiorca", "odběratel",
        "kupující", "adquirente"],
    "net": [
        "osnovica", "porezna osnovica", "iznos bez pdv-a", "bez pdv-a", "základ dane", "bez dph", "suma bez dph",
        "maksustatav summa", "summa km-ta", "ilma käibemaksuta", "kopā bez pvn", "summa bez pvn", "bez pvn",
        "suma be pvm", "be pvm", "apmokestinamoji vertė", "ara toplam", "kdv hariç", "kdv matrahı", "matrah",
        "án vsk", "upphæð án vsk", "veroton", "veroton hinta", "arvonlisäverotön", "nettó", "nettó összeg",
        "adóalap", "áfa nélkül", "grunnlag", "eks. mva", "ekskl. mva", "sum eks. mva", "exkl. moms", "exkl moms",
        "ekskl. moms", "netto", "valoare fără tva", "fără tva", "total fără tva", "baza de impozitare", "brez ddv",
        "osnova za ddv", "znesek brez ddv", "base imposable", "sense iva", "base imponible", "καθαρή αξία",
        "αξία προ φπα", "wartość netto", "základ daně", "valor sem iva"],
    "tax_total": [
        "pdv", "iznos pdv-a", "porez na dodanu vrijednost", "dph", "dph spolu", "daň", "käibemaks", "pvn",
        "pievienotās vērtības nodoklis", "pvm suma", "pridėtinės vertės mokestis", "kdv", "kdv tutarı", "vsk",
        "virðisaukaskattur", "alv", "arvonlisävero", "alv yhteensä", "áfa", "áfa összesen", "áfa összege", "mva",
        "merverdiavgift", "moms", "momsbelopp", "tva", "valoare tva", "ddv", "znesek ddv", "iva", "φπα", "ποσό φπα",
        "kwota vat", "vat", "daň z přidané hodnoty"],
    "total": [
        "ukupno", "ukupno za platiti", "za platiti", "sveukupno", "iznos za plaćanje", "spolu", "celkom",
        "celkom k úhrade", "spolu k úhrade", "na úhradu", "k úhrade", "kokku", "kokku tasuda", "tasuda",
        "tasumisele kuuluv summa", "kopā", "kopā apmaksai", "summa apmaksai", "apmaksai", "iš viso", "suma mokėti",
        "mokėti", "iš viso mokėti", "genel toplam", "toplam", "ödenecek tutar", "toplam tutar", "samtals",
        "til greiðslu", "alls til greiðslu", "yhteensä", "maksettava", "maksettavaa", "loppusumma", "összesen",
        "fizetendő összeg", "végösszeg", "bruttó", "å betale", "totalt", "sum å betale", "att betala",
        "summa att betala", "totalt att betala", "i alt", "at betale", "total at betale", "total de plată",
        "de plată", "total factură", "skupaj", "za plačilo", "znesek za plačilo", "skupaj za plačilo",
        "total a pagar", "import total", "total factura", "σύνολο", "πληρωτέο", "γενικό σύνολο", "razem",
        "do zapłaty", "celkem", "celkem k úhradě"],
    "amount_due": [
        "za platiti", "iznos za plaćanje", "k úhrade", "na úhradu", "tasuda", "tasumisele kuuluv summa", "apmaksai",
        "summa apmaksai", "mokėti", "suma mokėti", "ödenecek tutar", "til greiðslu", "maksettava", "maksettavaa",
        "fizetendő", "fizetendő összeg", "å betale", "at betale", "att betala", "de plată", "total de plată",
        "za plačilo", "znesek za plačilo", "a pagar", "per pagar", "πληρωτέο", "do zapłaty", "k úhradě"],
    "customer_number": [
        "broj kupca", "šifra kupca", "číslo zákazníka", "zákaznícke číslo", "kliendi nr", "kliendinumber",
        "klienta nr", "klienta numurs", "kliento kodas", "kliento nr", "müşteri no", "müşteri numarası",
        "viðskiptamannanúmer", "kennitala", "asiakasnumero", "asiakasnro", "asiakasnro.", "ügyfélszám",
        "ügyfél azonosító", "vevőkód", "vevőszám", "partnerkód", "kundenummer", "kundenr", "kundnummer", "kundnr",
        "cod client", "număr client", "codul clientului", "številka kupca", "núm. client", "codi client",
        "αριθμός πελάτη", "κωδικός πελάτη", "numer klienta", "número de cliente", "código do cliente"],
    "order_number": [
        "narudžba", "broj narudžbe", "narudžbenica", "broj narudžbenice", "objednávka", "číslo objednávky",
        "tellimus", "tellimuse nr", "tellimuse number", "ostutellimus", "pasūtījums", "pasūtījuma nr", "užsakymas",
        "užsakymo nr", "sipariş", "sipariş no", "sipariş numarası", "satın alma siparişi", "pöntun", "pöntunarnúmer",
        "innkaupapöntun", "tilaus", "tilausnumero", "tilausnro", "ostotilaus", "rendelés", "rendelésszám",
        "megrendelés", "megrendelés száma", "bestilling", "bestillingsnummer", "innkjøpsordre", "ordrenummer",
        "ordrenr", "beställning", "beställningsnummer", "inköpsorder", "indkøbsordre", "comandă", "nr. comandă",
        "număr comandă", "comanda de achiziție", "naročilo", "št. naročila", "številka naročila", "naročilnica",
        "comanda", "núm. comanda", "ordre de compra", "orden de compra", "παραγγελία", "αριθμός παραγγελίας",
        "zamówienie", "nr zamówienia", "objednávka č", "ordem de compra"],
    "order_date": [
        "datum narudžbe", "dátum objednávky", "tellimuse kuupäev", "pasūtījuma datums", "užsakymo data",
        "sipariş tarihi", "pöntunardagur", "tilauspäivä", "tilauspäivämäärä", "rendelés dátuma",
        "megrendelés dátuma", "bestillingsdato", "ordredato", "beställningsdatum", "orderdatum", "data comenzii",
        "datum naročila", "data de la comanda", "ημερομηνία παραγγελίας", "data zamówienia", "datum objednávky",
        "data do pedido"],
    "delivery_date": [
        "datum isporuke", "rok isporuke", "dátum dodania", "termín dodania", "tarnekuupäev", "tarneaeg",
        "piegādes datums", "piegādes termiņš", "pristatymo data", "pristatymo terminas", "teslim tarihi",
        "sevk tarihi", "afhendingardagur", "afhendingardags", "toimituspäivä", "toimituspäivämäärä", "toimitusaika",
        "szállítás dátuma", "szállítási határidő", "szállítás", "teljesítés dátuma", "teljesítés", "leveringsdato",
        "leveransdato", "leveringsdag", "leveransdatum", "data livrării", "termen de livrare", "data livrare",
        "datum dobave", "rok dobave", "data de lliurament", "ημερομηνία παράδοσης", "data dostawy", "datum dodání",
        "data de entrega"],
    "delivery_note_number": [
        "otpremnica", "broj otpremnice", "otpremnica br", "dodací list", "dodací list č", "číslo dodacieho listu",
        "saateleht", "saatelehe nr", "pavadzīme", "pavadzīmes nr", "važtaraštis", "važtaraščio nr", "irsaliye",
        "irsaliye no", "sevk irsaliyesi", "fylgiseðill", "fylgiseðils nr", "lähete", "lähetenumero",
        "lähetysluettelo", "rahtikirja", "szállítólevél", "szállítólevél száma", "szállítólevél sorszáma",
        "bizonylatszám", "pakkseddel", "følgeseddel", "följesedel", "följesedelsnummer", "aviz de însoțire",
        "aviz de însoțire a mărfii", "aviz de expediție", "dobavnica", "številka dobavnice", "albarà", "núm. albarà",
        "δελτίο αποστολής", "wz", "dowód dostawy", "guia de remessa"],
    "receipt_number": [
        "račun br", "broj računa", "pokladničný doklad", "číslo dokladu", "tšekk", "tšeki nr", "kviitung", "čeks",
        "čeka nr", "kvitas", "kvito nr", "kasos kvitas", "fiş no", "fiş", "fiş numarası", "kvittun",
        "kvittunarnúmer", "kuitti", "kuittinumero", "kuittinro", "kuitin numero", "nyugta", "nyugtaszám",
        "nyugta sorszáma", "kvittering", "kvitteringsnr", "kvitteringsnummer", "kvitt.nr", "kvitt. nr", "kvitto",
        "kvittonummer", "kvitto nr", "kvitteringsnr.", "bon fiscal", "nr. bon", "număr bon", "bon nr", "račun št",
        "številka računa", "tiquet", "núm. tiquet", "απόδειξη", "αρ. απόδειξης", "paragon", "nr paragonu", "účtenka",
        "číslo účtenky", "talão", "nº talão"],
    "policy_number": [
        "broj police", "polica br", "polica", "číslo poistnej zmluvy", "poistná zmluva", "číslo zmluvy",
        "poliisi nr", "poliisi number", "kindlustuspoliis", "polises nr", "polise", "polisas nr", "poliso nr",
        "poliçe no", "poliçe numarası", "poliçe", "vátryggingarskírteini", "skírteinisnúmer", "vakuutusnumero",
        "vakuutuskirjan numero", "kötvényszám", "kötvény", "polisenummer", "forsikringsnummer", "försäkringsnummer",
        "försäkringsbrev", "policenummer", "număr poliță", "poliță", "nr. poliță", "številka police",
        "zavarovalna polica", "núm. pòlissa", "pòlissa", "αριθμός συμβολαίου", "συμβόλαιο", "numer polisy", "polisa",
        "číslo pojistné smlouvy", "apólice", "nº da apólice"],
    "premium": [
        "premija", "ukupna premija", "poistné", "kindlustusmakse", "prēmija", "apdrošināšanas prēmija", "įmoka",
        "draudimo įmoka", "prim", "prim tutarı", "iðgjald", "vakuutusmaksu", "díj", "biztosítási díj", "éves díj",
        "premie", "forsikringspremie", "premie att betala", "præmie", "primă", "prima de asigurare",
        "zavarovalna premija", "prima", "ασφάλιστρο", "składka", "pojistné", "prémio"],
    "period": [
        "razdoblje", "obračunsko razdoblje", "obdobie", "zúčtovacie obdobie", "periood", "arveldusperiood",
        "periods", "norēķinu periods", "laikotarpis", "atsiskaitymo laikotarpis", "dönem", "fatura dönemi",
        "tímabil", "laskutuskausi", "laskutusjakso", "jakso", "időszak", "elszámolási időszak", "számlázási időszak",
        "periode", "perioden", "faktureringsperiode", "perioada de facturare", "perioada", "obdobje",
        "obračunsko obdobje", "període", "període de facturació", "περίοδος", "okres rozliczeniowy",
        "zúčtovací období", "período de faturação"],
    "balance": [
        "stanje", "zostatok", "saldo", "atlikums", "likutis", "bakiye", "staða", "egyenleg"],
    "opening_balance": [
        "početno stanje", "prethodno stanje", "počiatočný zostatok", "predchádzajúci zostatok", "algsaldo",
        "sākuma atlikums", "pradinis likutis", "önceki bakiye", "açılış bakiyesi", "devreden bakiye", "upphafsstaða",
        "alkusaldo", "nyitó egyenleg", "inngående saldo", "ingående saldo", "indgående saldo", "sold inițial",
        "sold anterior", "začetno stanje", "prejšnje stanje", "saldo inicial", "saldo anterior", "αρχικό υπόλοιπο",
        "saldo początkowe", "počáteční zůstatek"],
    "closing_balance": [
        "završno stanje", "novo stanje", "konečný zostatok", "nový zostatok", "lõppsaldo", "beigu atlikums",
        "galutinis likutis", "kapanış bakiyesi", "yeni bakiye", "lokastaða", "loppusaldo", "záró egyenleg",
        "utgående saldo", "udgående saldo", "sold final", "končno stanje", "saldo final", "τελικό υπόλοιπο",
        "saldo końcowe", "konečný zůstatek"],
    "account_holder": [
        "vlasnik računa", "majiteľ účtu", "konto omanik", "konta īpašnieks", "sąskaitos savininkas", "hesap sahibi",
        "reikningseigandi", "tilinomistaja", "tilin omistaja", "számlatulajdonos", "kontoinnehaver", "kontohavare",
        "kontoindehaver", "titularul contului", "titular cont", "imetnik računa", "titular del compte", "δικαιούχος",
        "posiadacz rachunku", "majitel účtu"],
    "insured": [
        "osiguranik", "ugovaratelj", "poistený", "poistník", "kindlustatu", "kindlustusvõtja", "apdrošinātais",
        "apdrošinājuma ņēmējs", "apdraustasis", "draudėjas", "sigortalı", "sigorta ettiren", "vátryggður",
        "vátryggingartaki", "vakuutettu", "vakuutuksenottaja", "biztosított", "szerződő", "forsikringstaker",
        "forsikringstager", "försäkringstagare", "asigurat", "contractant", "zavarovanec", "zavarovalec",
        "assegurat", "prenedor", "ασφαλισμένος", "ubezpieczający", "pojištěný", "pojistník", "tomador do seguro"],
    "cash": [
        "gotovina", "hotovosť", "v hotovosti", "sularaha", "skaidra nauda", "skaidrā naudā", "grynieji",
        "grynaisiais", "nakit", "reiðufé", "käteinen", "käteisellä", "készpénz", "készpénzzel", "kontant",
        "kontanter", "numerar", "efectiu", "μετρητά", "gotówka", "hotově", "hotovost", "dinheiro"],
    "card": [
        "kartica", "kartično", "karta", "platobná karta", "kaart", "kaardimakse", "pangakaart", "karte", "kortelė",
        "mokėjimo kortelė", "kredi kartı", "banka kartı", "kart", "greiðslukort", "kort", "kortti", "pankkikortti",
        "korttimaksu", "bankkártya", "kártya", "bankkort", "bankaxept", "kortbetalning", "dankort", "card",
        "kartică", "card bancar", "plačilna kartica", "targeta", "κάρτα", "karta płatnicza", "platební karta",
        "cartão"],
    # a hotel's guest, the day of arrival and the day of departure
    "guest": [
        "gost", "hosť", "külaline", "viesis", "svečias", "misafir", "gestur", "vieras", "vendég", "gjest", "gäst",
        "gæst", "oaspete", "hoste", "επισκέπτης", "gość", "host", "hóspede", "ime gosta", "meno hosťa",
        "vendég neve", "misafir adı", "nafn gests"],
    "arrival": [
        "dolazak", "datum dolaska", "príchod", "dátum príchodu", "saabumine", "saabumise kuupäev", "ierašanās",
        "ierašanās datums", "atvykimas", "atvykimo data", "giriş", "giriş tarihi", "koma", "komudagur", "tulo",
        "tulopäivä", "saapuminen", "érkezés", "ankomst", "ankomstdato", "ankomstdatum", "sosire", "data sosirii",
        "prihod", "datum prihoda", "arribada", "data d'arribada", "άφιξη", "przyjazd", "data przyjazdu", "příjezd",
        "datum příjezdu", "chegada", "data de chegada"],
    "departure": [
        "odlazak", "datum odlaska", "odchod", "dátum odchodu", "lahkumine", "lahkumise kuupäev", "izbraukšana",
        "izbraukšanas datums", "išvykimas", "išvykimo data", "çıkış", "çıkış tarihi", "brottför", "brottfarardagur",
        "lähtö", "lähtöpäivä", "távozás", "elutazás", "avreise", "avreisedato", "avresa", "afrejse", "afrejsedato",
        "plecare", "data plecării", "odhod", "datum odhoda", "sortida", "data de sortida", "αναχώρηση", "wyjazd",
        "data wyjazdu", "datum odjezdu", "odjezd", "partida", "data de partida", "saída"],
    # what a name may open with: "Gosp. Matija Rukavina", "Sayın Ayşe Yılmaz", "Dl. Ion Popescu"
    "salutation": [
        "gosp.", "gospodin", "gđa", "gđa.", "gospođa", "pán", "pani", "herra", "frú", "rouva", "sayın", "bay", "bayan",
        "hr.", "fru", "herr", "dl.", "dna.", "domnul", "doamna", "ga.", "κ.", "κος", "κα", "pan", "paní", "exmo.",
        "exma.", "sr.", "sra.", "k-gs", "k-dze", "ponas", "ponia"],
    # a paper's title, printed alone above its number ("RAČUN gostujući folio"): never a party's name
    "title": [
        "račun", "faktúra", "arve", "rēķins", "sąskaita", "sąskaita faktūra", "fatura", "reikningur", "lasku",
        "számla", "faktura", "factură", "factura fiscală", "τιμολόγιο", "kvittering", "kuitti", "nyugta",
        "paragon", "účtenka", "pokladničný doklad", "tšekk", "čeks", "kvitas", "fiş", "rebut", "izvod", "výpis",
        "väljavõte", "izraksts", "išrašas", "ekstre", "yfirlit", "tiliote", "kivonat", "kontoutskrift",
        "kontoudtog", "extras de cont", "izpisek", "extracte", "wyciąg", "extrato", "narudžbenica", "objednávka",
        "tellimus", "pasūtījums", "užsakymas", "sipariş", "pöntun", "tilaus", "megrendelés", "bestilling",
        "comandă", "naročilo", "comanda", "παραγγελία", "zamówienie", "encomenda"],
    # labels of numbers and lines that look like a field's value but are other things
    "other": [
        "telefon", "telefón", "tel.", "puh.", "puhelin", "sími", "telefonas", "tālrunis", "τηλ.", "strana", "stran",
        "sivu", "oldal", "lapa", "puslapis", "sayfa", "leht", "σελίδα", "pagina", "registrikood", "reģ. nr",
        "įmonės kodas", "mersis no", "cégjegyzékszám", "nr. reg. com.", "matična številka", "regon", "ičo", "iban",
        "swift"],
}


def labels(concept: str) -> list[str]:
    """The concept's words in the languages above."""
    return list(LABELS[concept])

"""Tables read by their head: columns named like the item model's fields (extractors/tables.py)."""

from __future__ import annotations

from pydantic import BaseModel, Field

from extractors.tables import read_rows


class Delivered(BaseModel):
    description: str
    quantity: float = Field(description="Quantity actually delivered with this note")


class OrderLine(BaseModel):
    description: str
    quantity: float
    unit_price: float
    line_total: float


UK_NOTE = """\
 Product Code        Description                                            Ordered        Delivered      To Follow
 WS-5070-ZP          Wood screws 5.0 x 70 mm, zinc plated (box 100)              20               20              0
 BH-75-SSS           Butt hinge 75 mm, satin stainless steel (pair)              30               18             12
                                                              Total units delivered               38
Items marked 'To Follow' are on back order and will be delivered separately.
"""

SPANISH_NOTE = """\
 Artículo                                  Lote                Cajas              Cantidad        Ud.
 Tomate pera categoría I                   L2516301               12                120,50        kg
 Lechuga iceberg                           L2516310                6                    72        ud
 Totales                                                          18                192,50        kg
"""

GERMAN_ORDER = """\
Pos.    Menge      ME     Bezeichnung                                     Einzelpreis €             Gesamt €
10        2.000    Stk    Sechskantschraube DIN 933 M8x30, 8.8, verzinkt             0,12               240,00
                          Art.-Nr. 933-08030-Z
40            40   Stk    Gewindestange DIN 976 M12x1000, 8.8                        4,85               194,00
                                                                 Nettowert                              434,00
"""


def test_a_delivery_notes_rows_by_the_column_its_field_describes():
    # no "Qty" column: the field's description names "Delivered", not "Ordered" or "To Follow"
    assert read_rows(UK_NOTE, Delivered) == [
        {"description": "Wood screws 5.0 x 70 mm, zinc plated (box 100)", "quantity": 20.0},
        {"description": "Butt hinge 75 mm, satin stainless steel (pair)", "quantity": 18.0}]


def test_columns_of_no_field_are_left_out_and_the_totals_line_ends_the_table():
    assert read_rows(SPANISH_NOTE, Delivered) == [
        {"description": "Tomate pera categoría I", "quantity": 120.5},
        {"description": "Lechuga iceberg", "quantity": 72.0}]


def test_a_priced_row_takes_the_reading_of_its_numbers_that_multiplies_out():
    # "2.000" is two thousand pieces here: 2000 × 0,12 = 240,00; a note under a row is not a row
    assert read_rows(GERMAN_ORDER, OrderLine) == [
        {"description": "Sechskantschraube DIN 933 M8x30, 8.8, verzinkt", "quantity": 2000.0, "unit_price": 0.12,
         "line_total": 240.0},
        {"description": "Gewindestange DIN 976 M12x1000, 8.8", "quantity": 40.0, "unit_price": 4.85,
         "line_total": 194.0}]


def test_no_head_no_rows():
    # a sentence with the columns' words, or a head of text columns only, is no table
    assert read_rows("Please state the description and quantity delivered on every invoice.\n20 boxes\n",
                     Delivered) is None
    assert read_rows(UK_NOTE.replace("Delivered", "Remarks"), Delivered) is None


def test_the_extractor_reads_a_price_less_table_from_the_layout():
    from extractors.llama_local import LlamaExtractor
    from schemas.document import Document, DocumentRef
    from schemas.registry import SchemaSpec

    class DeliveryNote(BaseModel):
        items: list[Delivered] = []

    plain = "Product Code Description Ordered Delivered To Follow\nWS-5070-ZP Wood screws 5.0 x 70 mm 20 20 0\n"
    doc = Document(DocumentRef("mem://dn.pdf"), "0" * 64, 100, [plain], [UK_NOTE])
    spec = SchemaSpec(ref="test:DeliveryNote", name="delivery_note", version="test", model=DeliveryNote)
    result = LlamaExtractor("smollm2-135m", use_model=False).extract(doc, spec)
    assert [row["quantity"] for row in result.data["items"]] == [20.0, 18.0]
    assert result.confidence <= 0.1  # rows nothing checks (no amounts to add up) are not trusted

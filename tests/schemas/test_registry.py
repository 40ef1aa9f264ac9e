"""Finding schemas: built-ins, modules and files, with clear errors."""

from __future__ import annotations

import pytest
from pydantic import BaseModel

from schemas.errors import SchemaNotFound
from schemas.invoice import InvoiceFields
from schemas.registry import load_schema


def test_builtin_invoice_has_name_and_declared_version():
    spec = load_schema("invoice")
    assert (spec.name, spec.version, spec.model) == ("invoice", "2", InvoiceFields)


def test_module_class_reference():
    spec = load_schema("schemas.invoice:InvoiceFields")
    assert spec.model is InvoiceFields and spec.name == "invoice"


def test_file_class_reference_gets_a_name_and_a_version_that_follows_the_fields(tmp_path):
    path = tmp_path / "orders.py"
    path.write_text("from pydantic import BaseModel\nclass PurchaseOrderFields(BaseModel):\n    po_number: str\n")
    first = load_schema(f"{path}:PurchaseOrderFields")
    assert first.name == "purchase_order" and first.version.startswith("auto-")
    assert issubclass(first.model, BaseModel) and "po_number" in first.model.model_fields

    other = tmp_path / "orders2.py"
    other.write_text("from pydantic import BaseModel\nclass PurchaseOrderFields(BaseModel):\n    po_number: str\n"
                     "    supplier: str | None = None\n")
    assert load_schema(f"{other}:PurchaseOrderFields").version != first.version


@pytest.mark.parametrize("ref, message", [
    ("recipe", "unknown schema 'recipe'"),
    ("no/such/file.py:Thing", "does not exist"),
    ("schemas.invoice:Nope", "has no class 'Nope'"),
    ("schemas.invoice:ISO_CURRENCIES", "is not a Pydantic BaseModel"),
    ("no_such_module_xyz:Thing", "cannot import module"),
])
def test_bad_references_fail_with_one_clear_sentence(ref, message):
    with pytest.raises(SchemaNotFound, match=message):
        load_schema(ref)


def test_a_schema_file_that_raises_on_import_is_reported_not_a_traceback(tmp_path):
    path = tmp_path / "broken.py"
    path.write_text("raise RuntimeError('boom')\n")
    with pytest.raises(SchemaNotFound, match="importing .* failed: RuntimeError: boom"):
        load_schema(f"{path}:Anything")


def test_schema_without_rules_has_none():
    class Plain(BaseModel):
        title: str | None = None

    spec = load_schema("invoice")
    assert spec.business_rules(Plain(title="x")) == []

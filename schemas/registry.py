"""Find a schema by name: a built-in (`invoice`), `package.module:Class` or `path/to/file.py:Class`.

Loading `file.py:Class` executes that file, exactly like `python file.py` would: only point
docsieve at schema files you trust.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel

from schemas.errors import SchemaNotFound
from schemas.invoice import InvoiceFields

BUILTIN_SCHEMAS: dict[str, type[BaseModel]] = {"invoice": InvoiceFields}


@dataclass(frozen=True)
class SchemaSpec:
    """A document schema with the identity that keys its results."""

    ref: str
    name: str
    version: str
    model: type[BaseModel]

    def business_rules(self, fields: BaseModel) -> list[str]:
        """Broken business rules of one answer; schemas without a `business_rules()` method have none."""
        check = getattr(fields, "business_rules", None)
        return list(check()) if callable(check) else []

    def json_schema(self) -> dict:
        return self.model.model_json_schema()


def load_schema(ref: str) -> SchemaSpec:
    """Resolve `ref` to a schema.

    Raises:
        SchemaNotFound: the name, module, file or class does not exist, or is not a Pydantic model.
    """
    ref = ref.strip()
    if ref in BUILTIN_SCHEMAS:
        model = BUILTIN_SCHEMAS[ref]
    elif ":" in ref:
        model = _load_class(ref)
    else:
        known = ", ".join(sorted(BUILTIN_SCHEMAS))
        raise SchemaNotFound(
            f"unknown schema {ref!r}: use a built-in ({known}), 'package.module:Class' or 'file.py:Class'"
        )
    return SchemaSpec(ref=ref, name=_schema_name(model), version=_schema_version(model), model=model)


def _load_class(ref: str) -> type[BaseModel]:
    location, _, class_name = ref.rpartition(":")
    if location.endswith(".py"):
        module = _import_file(Path(location), ref)
    else:
        try:
            module = importlib.import_module(location)
        except ImportError as exc:
            raise SchemaNotFound(f"schema {ref!r}: cannot import module {location!r} ({exc})") from None
    model = getattr(module, class_name, None)
    if model is None:
        raise SchemaNotFound(f"schema {ref!r}: {location!r} has no class {class_name!r}")
    if not (isinstance(model, type) and issubclass(model, BaseModel)):
        raise SchemaNotFound(f"schema {ref!r}: {class_name!r} is not a Pydantic BaseModel subclass")
    return model


def _import_file(path: Path, ref: str):
    if not path.is_file():
        raise SchemaNotFound(f"schema {ref!r}: file {str(path)!r} does not exist")
    # A stable module name per file lets pickled results and process workers find the class again.
    module_name = "docsieve_user_schema_" + hashlib.sha256(str(path.resolve()).encode()).hexdigest()[:12]
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, path)
    if spec is None or spec.loader is None:
        raise SchemaNotFound(f"schema {ref!r}: {str(path)!r} is not an importable Python file")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # the user's file failed at import: say so in one line
        del sys.modules[module_name]
        raise SchemaNotFound(f"schema {ref!r}: importing {str(path)!r} failed: {type(exc).__name__}: {exc}") from None
    return module


def _schema_name(model: type[BaseModel]) -> str:
    name = getattr(model, "schema_name", None)
    if isinstance(name, str) and name:
        return name
    base = model.__name__.removesuffix("Fields")
    return "".join("_" + c.lower() if c.isupper() else c for c in base).lstrip("_")


def _schema_version(model: type[BaseModel]) -> str:
    version = getattr(model, "schema_version", None)
    if isinstance(version, str) and version:
        return version
    # No declared version: any change to the fields changes the version, so results never go stale silently.
    digest = hashlib.sha256(json.dumps(model.model_json_schema(), sort_keys=True).encode()).hexdigest()
    return "auto-" + digest[:10]

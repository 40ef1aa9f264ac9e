"""The schemas of the other-document sets (`benchmarks/other_types*/doc_schemas.py`), loaded by path.

Every set's file has the same name, so a later set that reuses an earlier set's schemas loads that file by
path under a name of its own (pydantic resolves postponed annotations such as `date` through sys.modules).
Set 2 imports set 1's schemas as `doc_schemas` from sys.path, so that name points at set 1 while a set loads.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCHMARKS = Path(__file__).resolve().parent


def load_set(folder: str) -> ModuleType:
    """The module of `benchmarks/<folder>/doc_schemas.py`, loaded once."""
    name = f"{folder}_doc_schemas"
    if name in sys.modules:
        return sys.modules[name]
    first = None if folder == "other_types" else load_set("other_types")
    saved = sys.modules.get("doc_schemas")
    if first is not None:
        sys.modules["doc_schemas"] = first
    try:
        spec = importlib.util.spec_from_file_location(name, BENCHMARKS / folder / "doc_schemas.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(name, None)
        raise
    finally:
        if saved is None:
            sys.modules.pop("doc_schemas", None)
        else:
            sys.modules["doc_schemas"] = saved
    return module

"""The sink: result rows -> Parquet files under `schema=<name>/run_date=<date>/`, one row per document."""

from __future__ import annotations

import datetime as dt
import io
import json
import types
import typing
from decimal import Decimal
from enum import Enum
from typing import Any, Literal

import pyarrow as pa
import pyarrow.parquet as pq
from pydantic import BaseModel

from schemas.results import ResultRow

_BASE_TYPES: dict[str, pa.DataType] = {
    "doc_id": pa.string(), "source_uri": pa.string(), "content_sha256": pa.string(), "size_bytes": pa.int64(),
    "pages": pa.int32(), "schema_name": pa.string(), "schema_version": pa.string(), "run_id": pa.string(),
    "processed_at": pa.timestamp("us", tz="UTC"), "status": pa.string(), "tier": pa.string(),
    "confidence": pa.float64(), "escalation_reason": pa.string(), "escalation_detail": pa.string(),
    "error": pa.string(), "error_code": pa.string(), "retryable": pa.bool_(), "data_json": pa.string(),
    "slm_data_json": pa.string(), "slm_confidence": pa.float64(), "slm_signals_json": pa.string(),
    "model": pa.string(), "prompt_tokens": pa.int64(), "completion_tokens": pa.int64(), "slm_model": pa.string(),
    "slm_seconds": pa.float64(), "slm_cost_usd": pa.float64(), "frontier_model": pa.string(),
    "frontier_prompt_tokens": pa.int64(), "frontier_completion_tokens": pa.int64(),
    "frontier_cost_usd": pa.float64(), "cost_usd": pa.float64(), "frontier_attempts": pa.int32(),
    "pending_reason": pa.string(), "reused_from": pa.string(),
}
assert list(_BASE_TYPES) == ResultRow.column_names(), "keep _BASE_TYPES in the order of ResultRow"


def arrow_type(annotation: Any) -> pa.DataType:
    """The Arrow type of a Pydantic field annotation; anything exotic is stored as a JSON string."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return arrow_type(args[0]) if len(args) == 1 else pa.string()
    if origin is Literal:
        return pa.string()
    if origin in (list, typing.List, tuple, set, frozenset):
        (inner, *_) = typing.get_args(annotation) or (str,)
        return pa.list_(arrow_type(inner))
    if isinstance(annotation, type):
        if issubclass(annotation, BaseModel):
            return data_struct(annotation)
        if issubclass(annotation, bool):
            return pa.bool_()
        if issubclass(annotation, Enum):
            return pa.string()
        if issubclass(annotation, int):
            return pa.int64()
        if issubclass(annotation, (float, Decimal)):
            return pa.float64()
        if issubclass(annotation, dt.datetime):
            return pa.timestamp("us", tz="UTC")
        if issubclass(annotation, dt.date):
            return pa.date32()
    return pa.string()


def data_struct(model: type[BaseModel]) -> pa.StructType:
    return pa.struct([pa.field(name, arrow_type(f.annotation)) for name, f in model.model_fields.items()])


def arrow_schema(model: type[BaseModel]) -> pa.Schema:
    """The output schema: every `ResultRow` column plus `data`, a struct typed from the document schema."""
    fields = [pa.field(name, typ) for name, typ in _BASE_TYPES.items()]
    at = ResultRow.column_names().index("data_json")
    fields.insert(at, pa.field("data", data_struct(model)))
    return pa.schema(fields)


def _typed_data(data_json: str | None, model: type[BaseModel]) -> dict | None:
    if not data_json:
        return None
    try:
        instance = model.model_validate(json.loads(data_json))
    except Exception:  # an answer that does not validate stays in data_json only
        return None
    return instance.model_dump(mode="python")


def rows_to_table(rows: list[ResultRow], model: type[BaseModel]) -> pa.Table:
    schema = arrow_schema(model)
    columns: dict[str, list] = {name: [] for name in schema.names}
    for row in rows:
        for name in schema.names:
            # getattr, not dataclasses.asdict: asdict deep-copies every value and dominated commit time
            columns[name].append(_typed_data(row.data_json, model) if name == "data" else getattr(row, name))
    try:
        return pa.table(columns, schema=schema)
    except UnicodeEncodeError:
        # A local file name that is not valid UTF-8 (Latin-1 bytes from an old file server) reaches us as a str
        # with lone surrogates (Python's surrogateescape), in source_uri and in error messages. Arrow strings
        # must be UTF-8: store those bytes escaped (`M\xfcller.pdf`) rather than fail the whole shard.
        for name, field in zip(schema.names, schema):
            if pa.types.is_string(field.type):
                columns[name] = [_utf8_safe(v) for v in columns[name]]
        return pa.table(columns, schema=schema)


def _utf8_safe(value: str | None) -> str | None:
    if value is None:
        return None
    try:
        value.encode("utf-8")
        return value
    except UnicodeEncodeError:
        pass
    try:  # undecodable bytes of a file name: show the original bytes
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # other lone surrogates (text from a broken font): show the code points
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def table_to_rows(table: pa.Table) -> list[ResultRow]:
    names = set(ResultRow.column_names())
    return [ResultRow(**{k: v for k, v in rec.items() if k in names}) for rec in table.to_pylist()]


def to_parquet_bytes(table: pa.Table) -> bytes:
    sink = io.BytesIO()
    pq.write_table(table, sink, compression="zstd")
    return sink.getvalue()


def from_parquet_bytes(data: bytes, columns: list[str] | None = None) -> pa.Table:
    return pq.read_table(io.BytesIO(data), columns=columns)


def data_file_key(schema_name: str, run_date: dt.date, stamp: str, run_id: str, shard: int) -> str:
    """`schema=invoice/run_date=2026-11-22/part-20261122T010203-1a2b3c4d-00007.parquet`."""
    return f"schema={schema_name}/run_date={run_date.isoformat()}/part-{stamp}-{run_id[:8]}-{shard:05d}.parquet"


def is_data_file(key: str) -> bool:
    name = key.rsplit("/", 1)[-1]
    return key.endswith(".parquet") and not name.startswith((".", "_")) and not key.startswith("_")

"""What is already done: a compact, sorted, numpy index over the key columns of the output dataset.

The output Parquet files are the only record of what is done; the index is rebuilt from their key
columns at the start of a run (one column scan, no per-document JSON). In memory it costs ~30 bytes per
document (1M documents ≈ 30 MB), pickles cheaply to process and Dask workers, and answers lookups by
binary search.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Iterator

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from storage.base import Store
from storage.parquet import from_parquet_bytes, is_data_file

KEY_COLUMNS = ["doc_id", "content_sha256", "schema_version", "slm_model", "status", "retryable", "size_bytes",
               "processed_at"]
STATUS_CODES = {"extracted": 1, "pending_frontier": 2, "failed": 3}


def _u64(hex_ids: pa.Array) -> np.ndarray:
    """First 16 hex characters of each id as an unsigned 64-bit integer (nulls -> 0)."""
    values = hex_ids.to_numpy(zero_copy_only=False)
    return np.array([int(v[:16], 16) if v else 0 for v in values], dtype=np.uint64)


@dataclass
class DoneIndex:
    """Sorted by doc id. `current` marks rows made with this run's schema version and model."""

    doc: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    sha: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    status: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint8))
    current: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    retryable: np.ndarray = field(default_factory=lambda: np.zeros(0, bool))
    size: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))
    processed: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))  # epoch seconds
    file_id: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int32))
    files: list[str] = field(default_factory=list)
    # content hash -> row position, for reusing an answer across documents with the same bytes
    sha_sorted: np.ndarray = field(default_factory=lambda: np.zeros(0, np.uint64))
    sha_pos: np.ndarray = field(default_factory=lambda: np.zeros(0, np.int64))

    def __len__(self) -> int:
        return len(self.doc)

    def find_doc(self, doc_id: str) -> int | None:
        key = np.uint64(int(doc_id[:16], 16))
        i = int(np.searchsorted(self.doc, key))
        return i if i < len(self.doc) and self.doc[i] == key else None

    def find_content(self, content_sha256: str) -> int | None:
        """A current, extracted row with these bytes, if any."""
        key = np.uint64(int(content_sha256[:16], 16))
        i = int(np.searchsorted(self.sha_sorted, key))
        while i < len(self.sha_sorted) and self.sha_sorted[i] == key:
            pos = int(self.sha_pos[i])
            if self.current[pos] and self.status[pos] == STATUS_CODES["extracted"]:
                return pos
            i += 1
        return None

    def file_of(self, pos: int) -> str:
        return self.files[int(self.file_id[pos])]


def data_files(store: Store, schema_name: str) -> Iterable[str]:
    for obj in store.iter_objects(f"schema={schema_name}/"):
        # hidden folders (`_temporary/`, `.tmp/`) are not part of the dataset for pyarrow's discovery either
        if is_data_file(obj.key) and not any(part.startswith((".", "_")) for part in obj.key.split("/")[:-1]):
            yield obj.key


def scan_columns(store: Store, schema_name: str, columns: list[str]) -> Iterator[tuple[str, pa.Table]]:
    """(data file, its `columns`) for every data file of the schema: one column read, not whole files."""
    for key in data_files(store, schema_name):
        data = store.read_if_exists(key)
        if data is not None:  # None: replaced or removed between listing and reading
            yield key, from_parquet_bytes(data, columns=columns)


def load_index(store: Store, schema_name: str, schema_version: str, model: str) -> DoneIndex:
    """Read the key columns of every data file of this schema into a `DoneIndex`."""
    tables, files = [], []
    for key, table in scan_columns(store, schema_name, KEY_COLUMNS):
        tables.append(table.append_column("file_id", pa.array(np.full(len(table), len(files), np.int32))))
        files.append(key)
    if not tables:
        return DoneIndex()
    t = pa.concat_tables(tables)
    doc = _u64(t["doc_id"])
    order = np.argsort(doc, kind="stable")
    status = np.array([STATUS_CODES.get(s, 0) for s in t["status"].to_pylist()], np.uint8)
    current = (pc.equal(t["schema_version"], schema_version).to_numpy(zero_copy_only=False)
               & pc.equal(pc.fill_null(t["slm_model"], model), model).to_numpy(zero_copy_only=False))
    processed = pc.cast(pc.divide(pc.cast(t["processed_at"], pa.int64()), 1_000_000), pa.int64())
    index = DoneIndex(
        doc=doc[order],
        sha=_u64(t["content_sha256"])[order],
        status=status[order],
        current=np.asarray(current, bool)[order],
        retryable=pc.fill_null(t["retryable"], False).to_numpy(zero_copy_only=False)[order],
        size=pc.fill_null(t["size_bytes"], -1).to_numpy(zero_copy_only=False)[order],
        processed=pc.fill_null(processed, 0).to_numpy(zero_copy_only=False)[order],
        file_id=t["file_id"].to_numpy()[order],
        files=files,
    )
    sha_order = np.argsort(index.sha, kind="stable")
    index.sha_sorted, index.sha_pos = index.sha[sha_order], sha_order
    return index

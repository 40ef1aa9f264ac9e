"""Builders of hostile inputs, readers of the output, and a child-process flow runner for the reliability suite."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import urllib.parse
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow.dataset as ds
import pyarrow.parquet as pq
from botocore.awsrequest import AWSResponse

from storage.s3 import S3Options, s3_client

ROOT = Path(__file__).resolve().parents[2]
SAMPLE_DOCS = ROOT / "sample_docs"
REAL_DOCS = ROOT / "tests" / "data" / "real"
SURROGATE_PDF = REAL_DOCS / "ZUGFeRDv2__correct__FNFE-factur-x-examples__Facture_UE_MINIMUM.pdf"
GOOD = ["us_saas_lumenfield.pdf", "uk_agency_marlow_finch.pdf", "de_saas_nordlicht.pdf"]


# ------------------------------------------------------------------------------------------ reading the output
def read_rows(out: Path) -> list[dict]:
    if not out.exists():
        return []
    return ds.dataset(out, format="parquet", partitioning="hive").to_table().to_pylist()


def rows_by_name(out: Path, names) -> dict[str, dict]:
    """One row per input document, or the test fails: nothing vanishes, nothing is duplicated."""
    rows = read_rows(out)
    by_name: dict[str, list[dict]] = {}
    for row in rows:
        by_name.setdefault(row["source_uri"].rsplit("/", 1)[-1], []).append(row)
    assert sorted(by_name) == sorted(names), sorted(set(by_name) ^ set(names))
    dupes = {k: len(v) for k, v in by_name.items() if len(v) != 1}
    assert not dupes, f"documents with more than one row: {dupes}"
    assert len({r["doc_id"] for r in rows}) == len(rows)
    return {name: v[0] for name, v in by_name.items()}


def assert_dataset_is_clean(out: Path) -> None:
    """Every visible `*.parquet` reads; anything half-written is a dot-prefixed temp file that readers skip."""
    for path in out.rglob("*"):
        if not path.is_file():
            continue
        if path.name.endswith(".parquet"):
            assert not path.name.startswith("."), f"a hidden Parquet file: {path}"
            pq.read_table(path)  # raises if half-written
        elif "tmp" in path.name:
            assert path.name.startswith("."), f"a temp file readers could pick up: {path}"


# ------------------------------------------------------------------------------------------ hostile PDFs
def raw_pdf(content: bytes, *, flate: bool = True) -> bytes:
    """A minimal one-page PDF with `content` as its (already compressed, if `flate`) content stream."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(content), b" /Filter /FlateDecode" if flate else b"")
        + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def text_pdf(lines: list[str], pages: int = 1) -> bytes:
    """A real text-layer PDF (fpdf2)."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.set_font("Helvetica", size=11)
    for _ in range(pages):
        pdf.add_page()
        for line in lines:
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def decompression_bomb(megabytes: int = 300) -> bytes:
    """~300 KB of PDF whose content stream inflates to `megabytes` MB."""
    comp = zlib.compressobj(9)
    parts = [comp.compress(b"BT /F1 12 Tf 72 720 Td (Invoice 1) Tj ET\n")]
    chunk = b" " * (1 << 20)
    parts += [comp.compress(chunk) for _ in range(megabytes)]
    parts.append(comp.flush())
    return raw_pdf(b"".join(parts))


def slow_pdf(operators: int = 100_000) -> bytes:
    """~10 KB, one page, whose text extraction takes pypdf tens of seconds (a hostile content stream)."""
    body = b"BT /F1 12 Tf 72 720 Td " + b"(Invoice total 123.45) Tj 0 -1 Td " * operators + b"ET"
    return raw_pdf(zlib.compress(body, 9))


def many_pages_pdf(n: int) -> bytes:
    import pypdf

    writer = pypdf.PdfWriter()
    for _ in range(n):
        writer.add_blank_page(612, 792)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def encrypted_pdf(source: bytes, user_password: str, algorithm: str = "AES-256") -> bytes:
    import pypdf

    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(source)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret", algorithm=algorithm)
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def png_bytes() -> bytes:
    from PIL import Image

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), "white").save(buf, "PNG")
    return buf.getvalue()


def docx_bytes() -> bytes:
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("word/document.xml", "<w:document><w:body>Invoice 42</w:body></w:document>")
    return buf.getvalue()


# ------------------------------------------------------------------------------------------ S3 faults
class _Body:
    def __init__(self, data: bytes):
        self.data = data

    def stream(self, **_):
        yield self.data


def s3_error(url: str, status: int, code: str) -> AWSResponse:
    body = (f'<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>{code}</Code><Message>injected by the test'
            f'</Message><RequestId>0</RequestId></Error>').encode()
    return AWSResponse(url, status, {"content-type": "application/xml", "content-length": str(len(body))}, _Body(body))


class S3Faults:
    """Answer S3 calls of the project's client with errors: the first `n` calls of an operation, or every call
    for one key. Records every attempt that reached the hook (that is, every HTTP request botocore made)."""

    def __init__(self, options: S3Options):
        self.client = s3_client(options)  # the instance the flow uses (clients are cached per options)
        self.attempts: dict[str, int] = {}
        self.injected: dict[str, int] = {}
        self.hooks: list[tuple[str, object]] = []

    def _register(self, operation: str, hook) -> None:
        self.client.meta.events.register(f"before-send.s3.{operation}", hook)
        self.hooks.append((f"before-send.s3.{operation}", hook))

    def clear(self) -> None:
        for event, hook in self.hooks:
            self.client.meta.events.unregister(event, hook)
        self.hooks.clear()

    def first(self, operation: str, n: int, status: int, code: str) -> None:
        def hook(request, **_):
            self.attempts[operation] = self.attempts.get(operation, 0) + 1
            if self.injected.get(operation, 0) < n:
                self.injected[operation] = self.injected.get(operation, 0) + 1
                return s3_error(request.url, status, code)
            return None
        self._register(operation, hook)

    def always_for_key(self, operation: str, key: str, status: int, code: str) -> None:
        def hook(request, **_):
            if urllib.parse.unquote(urllib.parse.urlsplit(request.url).path).endswith("/" + key):
                self.injected[key] = self.injected.get(key, 0) + 1
                return s3_error(request.url, status, code)
            return None
        self._register(operation, hook)



# ------------------------------------------------------------------------------------------ a flow in a child
def prefect_api_url() -> str:
    """The test session's Prefect server, for child processes (they must not start servers of their own)."""
    from prefect.settings import PREFECT_API_URL

    url = PREFECT_API_URL.value()
    assert url, "the prefect_server fixture must be active"
    return url


@dataclass
class ChildRun:
    """The extract-documents flow in a child process (tests/reliability/runner.py)."""

    workdir: Path
    flow: dict
    label: str = "run"
    sleep: float = 0.0
    behaviour: str = "accept"
    behaviours: dict = field(default_factory=dict)
    env: dict = field(default_factory=dict)
    start_gate: Path | None = None
    peers: tuple[str, ...] = ()
    proc: subprocess.Popen | None = None

    @property
    def calls_file(self) -> Path:
        return self.workdir / "calls.tsv"

    @property
    def result_file(self) -> Path:
        return self.workdir / f"result-{self.label}.json"

    @property
    def log_file(self) -> Path:
        return self.workdir / f"child-{self.label}.log"

    def start(self) -> "ChildRun":
        self.workdir.mkdir(parents=True, exist_ok=True)
        config = self.workdir / f"config-{self.label}.json"
        config.write_text(json.dumps({
            "flow": self.flow, "truth": str(SAMPLE_DOCS / "truth.jsonl"), "behaviour": self.behaviour,
            "behaviours": self.behaviours, "sleep": self.sleep, "calls": str(self.calls_file), "label": self.label,
            "result": str(self.result_file), "start_gate": str(self.start_gate) if self.start_gate else None,
            "peers": list(self.peers),
        }))
        env = dict(os.environ, PREFECT_API_URL=prefect_api_url(), PYTHONPATH=str(ROOT), **self.env)
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.runner", str(config)], cwd=ROOT,
                                     env=env, stdout=self.log_file.open("wb"), stderr=subprocess.STDOUT)
        return self

    def wait(self, timeout: float = 120) -> dict:
        assert self.proc is not None
        code = self.proc.wait(timeout=timeout)
        assert code == 0, f"child {self.label} exited {code}:\n{self.log_file.read_text()[-4000:]}"
        return json.loads(self.result_file.read_text())

    def kill(self) -> None:
        import signal

        assert self.proc is not None
        os.kill(self.proc.pid, signal.SIGKILL)
        assert self.proc.wait(timeout=30) == -signal.SIGKILL

    def calls(self, label: str | None = None) -> list[str]:
        if not self.calls_file.exists():
            return []
        lines = [line.split("\t", 1) for line in self.calls_file.read_text().splitlines() if line]
        return [name for lab, name in lines if label is None or lab == label]


def wait_for(predicate, timeout: float, what: str, proc: subprocess.Popen | None = None, poll: float = 0.02):
    """Poll until `predicate()` is truthy; fail with `what` (and the child's exit, if it died) after `timeout`."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        if proc is not None and proc.poll() is not None:
            raise AssertionError(f"child exited ({proc.returncode}) before: {what}")
        time.sleep(poll)
    raise AssertionError(f"timed out after {timeout}s waiting for: {what}")

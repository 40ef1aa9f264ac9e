"""Bad input: every hostile or unsupported file yields exactly one `failed` row that names it, and the run goes on.

Real files on disk, real pypdf, the real flow; only the model is scripted (tests/fakes/extractor.py).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import (
    GOOD, SAMPLE_DOCS, SURROGATE_PDF, assert_dataset_is_clean, decompression_bomb, docx_bytes, encrypted_pdf,
    many_pages_pdf, png_bytes, read_rows, rows_by_name, slow_pdf, text_pdf,
)

LUMEN = SAMPLE_DOCS / "us_saas_lumenfield.pdf"


def bad_inputs() -> dict[str, tuple[bytes, str, str]]:
    """file name -> (bytes, expected error_code, a phrase the error must contain)."""
    lumen = LUMEN.read_bytes()
    return {
        "empty.pdf": (b"", "empty", "empty (0 bytes)"),
        "truncated.pdf": (lumen[: len(lumen) // 2], "corrupt", "damaged"),
        "random bytes.pdf": (random.Random(7).randbytes(4096), "unsupported_type", "not a PDF"),
        "photo.png": (png_bytes(), "unsupported_type", "PNG image"),
        "letter.docx": (docx_bytes(), "unsupported_type", "DOCX"),
        "page.html": (b"<!DOCTYPE html><html><body>Invoice 42, total 100.00</body></html>", "unsupported_type",
                      "HTML"),
        "locked.pdf": (encrypted_pdf(lumen, "user-secret"), "encrypted", "password-protected"),
        "scan.pdf": ((SAMPLE_DOCS / "scanned.pdf").read_bytes(), "no_text", "no text layer"),
        "pages2000.pdf": (many_pages_pdf(2000), "oversized", "2000 pages exceeds the limit of 300"),
        "bomb.pdf": (decompression_bomb(300), "oversized", "decompress"),
    }


def test_every_bad_input_gets_one_failed_row_naming_it_and_the_run_goes_on(run, src, out, fake_extractor):
    bad = bad_inputs()
    for name, (data, _, _) in bad.items():
        (src / name).write_bytes(data)
    for name in GOOD:
        shutil.copy(SAMPLE_DOCS / name, src / name)
    # only a permissions password (empty user password): readable, so it must be extracted
    (src / "restricted.pdf").write_bytes(encrypted_pdf(LUMEN.read_bytes(), "", algorithm="RC4-128"))
    fake_extractor.truth["restricted.pdf"] = fake_extractor.truth[LUMEN.name]

    result = run(src, shard_size=4)

    rows = rows_by_name(out, list(bad) + GOOD + ["restricted.pdf"])
    for name, (_, code, phrase) in bad.items():
        row = rows[name]
        assert (row["status"], row["error_code"], row["retryable"]) == ("failed", code, False), (name, row["error"])
        assert row["error"].startswith(f"{name}: ") and phrase in row["error"], (name, row["error"])
        assert row["data"] is None and row["tier"] is None
    assert "not a PDF, not a PDF" not in rows["random bytes.pdf"]["error"]
    for name in GOOD + ["restricted.pdf"]:
        assert (rows[name]["status"], rows[name]["tier"]) == ("extracted", "slm"), (name, rows[name]["error"])
    assert rows["restricted.pdf"]["data"]["invoice_number"] == fake_extractor.truth[LUMEN.name]["invoice_number"]
    assert rows["restricted.pdf"]["pages"] == 1
    # bad files never reach the model
    assert sorted(fake_extractor.calls) == sorted(GOOD + ["restricted.pdf"])
    assert result["documents"] == len(rows) and result["errors"] == {
        code: sum(1 for _, c, _ in bad.values() if c == code) for _, code, _ in bad.values()}
    assert_dataset_is_clean(out)

    # terminal failures are final: a rerun reads nothing again
    again = run(src)
    assert again["documents"] == 0 and again["skipped_unchanged"] == len(rows)


def test_limits_on_bytes_and_pages_come_from_settings(run, src, out, fake_extractor, monkeypatch):
    monkeypatch.setenv("DOCSIEVE_LIMITS_MAX_PAGES", "3")
    monkeypatch.setenv("DOCSIEVE_LIMITS_MAX_BYTES", "100000")
    lines = ["Invoice INV-77", "Vendor: Pagecount Ltd", "Total 10.00 EUR"]
    (src / "three pages.pdf").write_bytes(text_pdf(lines, pages=3))
    (src / "four pages.pdf").write_bytes(text_pdf(lines, pages=4))
    shutil.copy(SAMPLE_DOCS / "scanned.pdf", src / "big scan.pdf")  # 207 KB: over the byte cap before parsing
    fake_extractor.default = "low"

    run(src)

    rows = rows_by_name(out, ["three pages.pdf", "four pages.pdf", "big scan.pdf"])
    assert rows["three pages.pdf"]["status"] == "pending_frontier" and rows["three pages.pdf"]["pages"] == 3
    four, big = rows["four pages.pdf"], rows["big scan.pdf"]
    assert (four["status"], four["error_code"]) == ("failed", "oversized")
    assert four["error"] == "four pages.pdf: 4 pages exceeds the limit of 3"
    assert (big["status"], big["error_code"]) == ("failed", "oversized")
    assert re.fullmatch(r"big scan\.pdf: 207,\d{3} bytes exceeds the limit of 100,000", big["error"])


def test_the_time_limit_stops_a_document_whose_single_page_takes_too_long(run, src, out, fake_extractor,
                                                                           monkeypatch):
    # one ~10 KB page that takes pypdf ~25 s to read: a check between pages alone would never fire
    monkeypatch.setenv("DOCSIEVE_LIMITS_MAX_SECONDS", "1.5")
    (src / "slow page.pdf").write_bytes(slow_pdf(100_000))
    shutil.copy(LUMEN, src / LUMEN.name)

    started = time.monotonic()
    run(src)
    elapsed = time.monotonic() - started

    rows = rows_by_name(out, ["slow page.pdf", LUMEN.name])
    slow = rows["slow page.pdf"]
    assert (slow["status"], slow["error_code"], slow["retryable"]) == ("failed", "timeout", False)
    assert slow["error"].startswith("slow page.pdf: ") and "1.5s" in slow["error"]
    assert rows[LUMEN.name]["status"] == "extracted"
    assert elapsed < 12, f"the run took {elapsed:.1f}s: the per-document time limit did not stop the read"


SHELL_NAME = "inv $(touch PWNED) `touch PWNED2`; rm -rf ~ | cat > x & 'a' \"b\" *?[x]{y}!#%.pdf"
ODD_NAMES = {  # name -> the sample invoice whose bytes it gets
    "Rechnung März 2024 – Müller & Söhne.pdf": "de_saas_nordlicht.pdf",
    "請求書 №42 🧾.pdf": "us_saas_lumenfield.pdf",
    SHELL_NAME: "uk_agency_marlow_finch.pdf",
    "--help.pdf": "fr_facture_atelier_lumiere.pdf",
    "cafe\u0301  two  spaces .pdf": "it_fattura_colombo.pdf",
}


def test_file_names_with_spaces_unicode_and_shell_metacharacters(run, src, out, fake_extractor, tmp_path,
                                                                 monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name, sample in ODD_NAMES.items():
        (src / name).write_bytes((SAMPLE_DOCS / sample).read_bytes())
        fake_extractor.truth[name] = fake_extractor.truth[sample]
    # a name that is not valid UTF-8 (Latin-1 bytes from an old file server): Python sees lone surrogates
    latin1 = b"Rechnung_M\xfcller.pdf"
    with open(os.fsencode(src) + b"/" + latin1, "wb") as fh:
        fh.write((SAMPLE_DOCS / "es_factura_turia.pdf").read_bytes())

    result = run(src)

    rows = read_rows(out)
    assert len(rows) == len(ODD_NAMES) + 1 == result["documents"]
    by_uri = {r["source_uri"]: r for r in rows}
    for name, sample in ODD_NAMES.items():
        row = by_uri[str(src / name)]  # the exact path, usable to open the file again
        assert (row["status"], row["tier"]) == ("extracted", "slm"), (name, row["error"])
        assert row["data"]["invoice_number"] == fake_extractor.truth[sample]["invoice_number"]
        assert Path(row["source_uri"]).read_bytes() == (SAMPLE_DOCS / sample).read_bytes()
    # the undecodable name is stored readably (its raw byte escaped) and the document was read
    (odd,) = [r for r in rows if "Rechnung_M" in r["source_uri"]]
    assert odd["source_uri"] == str(src) + "/Rechnung_M\\xfcller.pdf"
    assert odd["content_sha256"] == hashlib.sha256((SAMPLE_DOCS / "es_factura_turia.pdf").read_bytes()).hexdigest()
    assert odd["status"] in ("extracted", "pending_frontier")
    # nothing in a name was ever run by a shell
    for folder in (tmp_path, src, Path.cwd()):
        assert not list(folder.glob("PWNED*")) and not (folder / "x").exists()
    assert_dataset_is_clean(out)
    assert run(src)["skipped_unchanged"] == len(rows)  # and the rerun recognises every one of them


def test_text_with_lone_surrogates_is_extracted_written_and_sent(run, src, out, batch_api, monkeypatch):
    """pypdf returns lone UTF-16 surrogates for this real invoice; Parquet and JSONL cannot encode them."""
    import pypdf

    raw = pypdf.PdfReader(SURROGATE_PDF).pages[0].extract_text()
    assert re.search("[\ud800-\udfff]", raw), "the fixture no longer produces lone surrogates"
    shutil.copy(SURROGATE_PDF, src / SURROGATE_PDF.name)
    truth = json.loads(next(line for line in (SURROGATE_PDF.parent / "truth.jsonl").read_text().splitlines()
                            if SURROGATE_PDF.name in line))["fields"]
    answer = {k: truth.get(k) for k in ("invoice_number", "invoice_date", "due_date", "vendor_name", "vendor_vat_id",
                                        "buyer_name", "currency", "subtotal", "tax_total", "total")}
    batch_api.responder = lambda cid, body: dict(answer, line_items=None)

    @__import__("extractors.base", fromlist=["register"]).register("echo")
    class EchoExtractor:
        """Copies document text into a field, as a small model does, with low confidence: it escalates."""

        name = "echo"

        def __init__(self, **_):
            pass

        def extract(self, doc, spec):
            from schemas.results import ExtractionResult

            return ExtractionResult(data={"vendor_name": doc.text[:200]}, model=self.name, confidence=0.2)

    run(src, extractor="echo", frontier=True, wait_frontier_seconds=30)

    row = rows_by_name(out, [SURROGATE_PDF.name])[SURROGATE_PDF.name]
    assert (row["status"], row["tier"], row["error"]) == ("extracted", "frontier", None)
    assert row["data"]["invoice_number"] == "FA-2017-0008"
    echoed = json.loads(row["slm_data_json"])["vendor_name"]
    assert "Malaucène" in echoed and "\ufffd" in echoed and not re.search("[\ud800-\udfff]", echoed)
    (uploaded,) = batch_api.uploaded_files
    request = json.loads(uploaded["content"].decode("utf-8"))  # strict UTF-8
    assert "Au bon moulin" in request["body"]["messages"][-1]["content"]
    assert_dataset_is_clean(out)


def test_the_time_limit_interrupts_only_inside_its_block():
    """The timer fires from another thread; at the edge of the block it must neither be lost nor land later."""
    from extractors.pdf import DocumentTimeout, time_limit

    fired = finished = 0
    for i in range(300):
        budget = 0.0005 * (i % 9 + 1)  # 0.5 to 4.5 ms
        # busy work of 0 to 1.5 x the budget: well before the deadline, at its edge, or well past it (the
        # timer thread needs the GIL, so on a loaded machine it can be late by a switch interval)
        work = budget * 0.375 * (i % 5)
        try:
            with time_limit(budget):
                end = time.perf_counter() + work
                while time.perf_counter() < end:
                    pass
                if i % 5 == 4:  # a block that certainly outlives its deadline and the GIL's switch interval
                    end = time.perf_counter() + 0.02
                    while time.perf_counter() < end:
                        pass
            finished += 1
        except DocumentTimeout:
            fired += 1
        total = 0
        for j in range(500):  # the caller's own code after the block is never interrupted
            total += j
    time.sleep(0.05)  # any timer still pending would fire here, outside every block
    for j in range(100_000):
        pass
    assert fired + finished == 300 and fired >= 60 and finished >= 60


def _spin(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        pass


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_the_time_limit_is_not_lost_when_it_lands_in_a_finaliser():
    """An interrupt delivered inside `__del__` (or a weakref callback, as seen in CI) is printed as
    "Exception ignored" and dropped; the limit must still stop the reading code (here: this module's)."""
    from extractors.pdf import DocumentTimeout, time_limit

    class SlowToCollect:
        def __del__(self):
            _spin(0.6)

    started = time.monotonic()
    with pytest.raises(DocumentTimeout):
        with time_limit(0.1, module=__name__.partition(".")[0]):
            SlowToCollect()  # collected at once: the deadline passes inside its __del__
            _spin(5)
    assert time.monotonic() - started < 4

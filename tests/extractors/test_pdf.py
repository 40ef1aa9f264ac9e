"""Reading PDFs: text per page, and one clear error per kind of bad file."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
import pytest

from extractors.pdf import PdfLimits, _with_word_spaces, clean_text, read_pdf
from schemas.document import DocumentRef
from schemas.errors import DocumentError
from tests.conftest import REAL_DOCS, SAMPLE_DOCS


def read(path: Path, limits: PdfLimits = PdfLimits()):
    return read_pdf(DocumentRef(str(path)), path.read_bytes(), limits)


def code_of(path_or_bytes, name="x.pdf", limits=PdfLimits()) -> tuple[str, str]:
    data = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    with pytest.raises(DocumentError) as info:
        read_pdf(DocumentRef(f"/in/{name}"), data, limits)
    return info.value.code, str(info.value)


def test_text_of_every_page():
    doc = read(SAMPLE_DOCS / "de_multipage_elbtal.pdf")
    assert len(doc.pages) == 2 and "Elbtal Elektrogroßhandel GmbH" in doc.text
    assert len(doc.content_sha256) == 64 and doc.size_bytes > 0


def test_corrupt_and_scanned_files_fail_with_a_reason():
    assert code_of(SAMPLE_DOCS / "corrupt.pdf", "corrupt.pdf")[0] == "corrupt"
    code, message = code_of(SAMPLE_DOCS / "scanned.pdf", "scanned.pdf")
    assert code == "no_text" and "scanned.pdf" in message and "no text layer" in message


@pytest.mark.parametrize("data, code, phrase", [
    (b"", "empty", "empty"),
    (b"\x89PNG\r\n\x1a\n" + b"0" * 100, "unsupported_type", "PNG"),
    (b"PK\x03\x04" + b"0" * 100, "unsupported_type", "ZIP"),
    (b"<!doctype html><html></html>", "unsupported_type", "HTML"),
    (b"%PDF-1.7\n" + bytes(range(256)) * 4, "corrupt", "damaged"),
])
def test_bad_bytes(data, code, phrase):
    got, message = code_of(data)
    assert got == code and phrase in message


def _encrypted(user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=str(SAMPLE_DOCS / "us_saas_lumenfield.pdf"))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_encrypted_with_a_password_fails_but_with_empty_user_password_reads():
    assert code_of(_encrypted("s3cret"))[0] == "encrypted"
    doc = read_pdf(DocumentRef("/in/x.pdf"), _encrypted(""))
    assert "Lumenfield" in doc.text


def test_limits_on_bytes_and_pages():
    path = SAMPLE_DOCS / "de_multipage_elbtal.pdf"
    assert code_of(path, limits=PdfLimits(max_pages=1))[0] == "oversized"
    assert code_of(path, limits=PdfLimits(max_bytes=100))[0] == "oversized"


def test_lone_surrogates_from_pypdf_are_cleaned_so_text_encodes():
    doc = read(REAL_DOCS / "ZUGFeRDv2__correct__FNFE-factur-x-examples__Facture_UE_MINIMUM.pdf")
    doc.text.encode("utf-8")  # raised UnicodeEncodeError before cleaning
    assert "FA-2017-0008" in doc.text
    assert clean_text("a\ud83db\x00") == "a\ufffdb"


def test_a_page_whose_plain_text_lost_its_word_spaces_is_read_from_the_layout_view():
    # symtrax's stylesheet places every word: pypdf's plain mode glues them, layout mode spaces them
    plain = "HandelsrechnungNr.KR87654321012vom06.10.2018\nKäufer:\nMUSTER-KUNDEGMBH\nKUNDENWEG88\n" * 8
    layout = ("Handelsrechnung             Nr.   KR87654321012              vom     06.10.2018\n\n"
              "Käufer:\nMUSTER-KUNDE        GMBH\nKUNDENWEG       88\n") * 8
    assert _with_word_spaces(plain, layout).startswith(
        "Handelsrechnung Nr. KR87654321012 vom 06.10.2018\nKäufer:\nMUSTER-KUNDE GMBH\nKUNDENWEG 88\n")
    spaced = plain.replace("Nr.", " Nr. ").replace("vom", " vom ").replace("DE", "DE ")
    assert _with_word_spaces(spaced, layout) == spaced  # a page with its spaces keeps its plain text
    assert _with_word_spaces(plain, "") == plain  # no layout view to fall back on


def test_e_invoice_term_codes_leave_the_text_and_keep_the_layouts_columns():
    from extractors.pdf import without_term_codes

    viewer = "Rechnungsnummer (BT-1) SWL-JA-2025-000318\nKäufer (BG-7)   Verkäufer (BG-4)\nID\n(BT-126)\nPos. 1\n"
    assert without_term_codes(viewer) == ("Rechnungsnummer SWL-JA-2025-000318\nKäufer   Verkäufer\nID\nPos. 1\n")
    laid_out = "Abrechnungszeitraum (BT-73 / BT-74)  01.01.2024\n"
    assert without_term_codes(laid_out, keep_columns=True) == laid_out.replace(" (BT-73 / BT-74)", " " * 16)
    assert without_term_codes("Total (incl. VAT) 12.00") == "Total (incl. VAT) 12.00"

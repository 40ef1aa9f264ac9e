"""Text that is not an invoice at all, through the REAL bundled model: it escalates or fails with a reason,
never comes out as a confident invoice."""

from __future__ import annotations

import pytest

from tests.reliability.helpers import rows_by_name, text_pdf

NOVEL = [
    "Chapter 1",
    "It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in want "
    "of a wife.",
    '"My dear Mr. Bennet," said his lady to him one day, "have you heard that Netherfield Park is let at last?"',
    "Mr. Bennet replied that he had not.",
]
MENU = [
    "TRATTORIA BELLA VISTA - Via Roma 12, Firenze",
    "ANTIPASTI: Bruschetta al pomodoro 6.50 - Carpaccio di manzo 12.00",
    "PRIMI: Spaghetti alla carbonara 13.50 - Risotto ai funghi 16.00",
    "DOLCI: Tiramisu 7.00 - Panna cotta 6.50",
    "Coperto 2.50 - Servizio non incluso",
]


@pytest.mark.model
def test_a_novel_and_a_menu_are_never_accepted_as_invoices_by_the_real_model(run, src, out):
    (src / "novel.pdf").write_bytes(text_pdf(NOVEL))
    (src / "menu.pdf").write_bytes(text_pdf(MENU))

    result = run(src, extractor="llama")  # the default bundled model from settings, no scripting

    rows = rows_by_name(out, ["novel.pdf", "menu.pdf"])
    for name, row in rows.items():
        assert row["status"] in ("pending_frontier", "failed"), (name, row["status"], row["slm_data_json"])
        assert row["tier"] is None and row["data"] is None and row["data_json"] is None, name
        if row["status"] == "pending_frontier":
            assert row["escalation_reason"] and row["escalation_detail"], name
        else:
            assert row["error"], name
        assert row["slm_model"] == result["model"]
    assert "extracted/slm" not in result["by_status_tier"]

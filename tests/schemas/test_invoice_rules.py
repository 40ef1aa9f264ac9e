"""Business rules of the built-in invoice schema."""

from __future__ import annotations

import datetime as dt

from schemas.invoice import InvoiceFields, LineItem


def consistent(**over) -> InvoiceFields:
    base = dict(invoice_number="A-1", invoice_date=dt.date(2024, 3, 5), due_date=dt.date(2024, 4, 4),
                currency="EUR", subtotal=100.0, tax_total=19.0, total=119.0,
                line_items=[LineItem(description="x", quantity=2, unit_price=50, line_total=100.0)])
    base.update(over)
    return InvoiceFields(**base)


def test_a_consistent_invoice_breaks_no_rule():
    assert consistent().business_rules() == []


def test_totals_must_add_up():
    assert any("!= total" in p for p in consistent(total=120.0).business_rules())


def test_tax_rate_must_be_plausible():
    assert any("tax rate" in p for p in consistent(tax_total=60.0, total=160.0).business_rules())
    # a discount taken for the basis and the subtotal for the tax: "- 31,50" + 424,50 = 393,00 adds up, but no
    # tax is charged on a negative basis; a credit note's negative basis and tax are fine
    discount = consistent(subtotal=424.5, tax_basis_total=-31.5, tax_total=424.5, total=393.0, line_items=None)
    assert any("tax rate" in p for p in discount.business_rules())
    credit = consistent(subtotal=-100.0, tax_total=-19.0, total=-119.0, line_items=None)
    assert credit.business_rules() == []


def test_line_totals_must_match_subtotal_or_total():
    items = [LineItem(description="x", line_total=70.0)]
    assert any("line totals" in p for p in consistent(line_items=items).business_rules())


def test_dates_must_be_sane():
    assert any("before invoice_date" in p for p in consistent(due_date=dt.date(2024, 1, 1)).business_rules())
    assert any("outside" in p for p in consistent(invoice_date=dt.date(1970, 1, 1), due_date=None).business_rules())


def test_currency_must_be_iso_4217():
    assert any("ISO 4217" in p for p in consistent(currency="EUX").business_rules())
    assert consistent(currency="chf").currency == "CHF"


def test_tax_is_charged_on_the_basis_when_discounts_on_the_whole_invoice_part_it_from_the_subtotal():
    # lines 202.70, discounts −14.73, charges +5.80: basis 193.77, tax 21.30, total 215.07
    assert consistent(subtotal=202.7, tax_basis_total=193.77, tax_total=21.3, total=215.07,
                      line_items=None).business_rules() == []
    assert any("tax basis" in p for p in consistent(subtotal=202.7, tax_basis_total=200.0, tax_total=21.3,
                                                    total=215.07, line_items=None).business_rules())


def test_a_subtotal_equal_to_the_total_is_gross_when_tax_is_charged():
    # coolblue prints "Subtotaal € 717,97" over gross prices: the lines' net sum is 593,36, the tax comes on top
    gross = consistent(subtotal=717.97, tax_basis_total=593.36, tax_total=124.61, total=717.97, line_items=None)
    assert any("equals the total" in p for p in gross.business_rules())
    assert consistent(subtotal=100.0, tax_total=0.0, total=100.0).business_rules() == []  # no tax: they are one

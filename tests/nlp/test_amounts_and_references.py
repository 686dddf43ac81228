"""Amounts of money and § references."""

from __future__ import annotations

from pipeline.nlp.amounts import find_amounts
from pipeline.nlp.references import find_references


def test_amounts_as_minutes_write_them() -> None:
    text = (
        'Workshop "Ett friskare Sörmland" 60 000. Medel (500.000 kronor) under 2016. '
        "Budget 25 tkr och 1,2 mnkr, samt 5000 kr."
    )
    assert [(a.text, a.sek) for a in find_amounts(text)] == [
        ("60 000", 60_000),
        ("500.000 kronor", 500_000),
        ("25 tkr", 25_000),
        ("1,2 mnkr", 1_200_000),
        ("5000 kr", 5_000),
    ]


def test_numbers_that_are_not_money() -> None:
    text = "Finsam 9,0 presenterades 2016-11-30 kl. 13.00 den 30-31 maj, § 13, år 2017."
    assert find_amounts(text) == []


def test_a_bare_number_is_money_after_a_word_of_money() -> None:
    text = "Godkänna äskningen på 2128. Ett bidrag om 5000 till föreningen."
    assert [(a.text, a.sek) for a in find_amounts(text)] == [("2128", 2128), ("5000", 5000)]
    counted = "Mötet på 2128, ett bidrag på 45 personer och en budget på 10 %."
    assert find_amounts(counted) == []


def test_references_single_range_and_list_without_self() -> None:
    assert find_references("efter § 12 och enligt §§ 4–6 samt § 14", own_number="14") == [
        "12",
        "4",
        "5",
        "6",
    ]
    assert find_references("§§ 2 och 5") == ["2", "5"]

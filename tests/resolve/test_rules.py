"""Likeness across the archive: rules of letters, then what the contexts add or take away."""

from __future__ import annotations

import pytest

from pipeline.names import parse_name
from pipeline.resolve.rules import Context, compare_names, keys_of, weigh_context


def _rule(a: str, b: str) -> str | None:
    found = compare_names(keys_of(parse_name(a)), keys_of(parse_name(b)))
    return found.rule if found else None


@pytest.mark.parametrize(
    ("a", "b", "rule"),
    [
        ("Charlotta Skålen", "Skälén, Charlotta", "same_spelling"),
        ("Bertil Pettersson", "Bertil Petersson", "spelling_variant"),
        ("Kristoffer Gustafsson", "Kristoffer Gustaffson", "spelling_variant"),
        ("Mats Karlsson", "Mats Carlsson", "spelling_variant"),
        ("Ida Malmborg", "lda Malmborg", "ocr_confusion"),
        ("B\ufffdrje T\ufffdnsg\ufffdrd", "Börje Tönsgård", "damaged_letters"),
        ("Josefin Kokkenakis", "Josefin Kokkinakis", "one_edit"),
        ("Emelie Eriksson", "Eelie Eriksson", "one_edit"),
        ("Ingrid Jerneborg Glimne", "Ingrid Glimne", "extra_name"),
        ("Anna Maria Lindgren", "Anna Lindgren", "extra_name"),
        ("C. Skålén", "Charlotta Skålén", "initial"),
        ("Anna Lindbrg", "Anna Lindborg", "one_edit"),
        ("Anna Berg", "Anna Borg", None),  # two surnames, not a slip
        ("Per Persson", "Per Pettersson", None),
        ("Anna Jansson", "Anna Hansson", None),  # first letters differ
        ("Jacob Sandström", "Jacob Sandgren", None),  # only a meeting's context ties these
        ("Mari Lundgren", "Marie Lundgren-Carlgren", None),
        ("Karin", "Karin Barck Holst", None),
    ],
)
def test_compare_names(a: str, b: str, rule: str | None) -> None:
    assert _rule(a, b) == rule
    assert _rule(b, a) == rule


def test_context_adds_for_the_same_body_and_years_and_takes_for_other_affiliations() -> None:
    near = Context("rar i sormland", frozenset({"au"}), frozenset({2019}), frozenset())
    same = Context(
        "samordningsforbundet rar i sormland", frozenset({"au"}), frozenset({2020}), frozenset()
    )
    points, reasons = weigh_context(near, same)
    assert points == 4 and "same organisation" in reasons
    far = Context("finsam goteborg", frozenset(), frozenset({2004}), frozenset({"s"}))
    other = Context("rar i sormland", frozenset(), frozenset({2020}), frozenset({"m"}))
    points, reasons = weigh_context(far, other)
    assert points == -8 - 6 - 8
    assert any("other affiliations" in r for r in reasons)

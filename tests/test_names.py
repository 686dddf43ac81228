"""Names: how minutes write them, the keys that make variants equal, matching within a meeting."""

from __future__ import annotations

import pytest

from pipeline.names import (
    consonants,
    fold,
    looks_like_name,
    match_in_meeting,
    meeting_match,
    ocr_key,
    parse_name,
    skeleton,
)


@pytest.mark.parametrize(
    ("written", "given", "surnames"),
    [
        ("Charlotta Skålén", "charlotta", ("skalen",)),
        ("Skålén, Charlotta", "charlotta", ("skalen",)),
        ("SKÅLÉN Charlotta", "charlotta", ("skalen",)),
        ("ordf. Ola Wiktorson (S)", "ola", ("wiktorson",)),
        ("Ola Wiktorson, ordförande", "ola", ("wiktorson",)),
        ("1:a vice ordförande Ingrid Jerneborg Glimne", "ingrid", ("jerneborg", "glimne")),
        ("Gunilla Bergman-Larsson", "gunilla", ("bergman", "larsson")),
        ("Anna Karlsson - S", "anna", ("karlsson",)),
        ("Anna Karlsson, S", "anna", ("karlsson",)),
        ("Anna-Karin Lindgren", "anna karin", ("lindgren",)),
        ("C. Skålén", "c", ("skalen",)),
        ("C.Skålén", "c", ("skalen",)),
        ("V. Johansson", "v", ("johansson",)),  # V. is an initial here, not "vice"
        ("v. ordf. Anna Berg", "anna", ("berg",)),
        ("Ola W", "ola", ("w",)),
        ("Tekla", "tekla", ()),
    ],
)
def test_parse_name(written: str, given: str, surnames: tuple[str, ...]) -> None:
    name = parse_name(written)
    assert (name.given, name.surnames) == (given, surnames)


def test_parsed_forms_say_what_can_be_compared() -> None:
    assert parse_name("Skålén, Charlotta").reversed_order
    assert parse_name("Charlotta Skålén").full
    assert parse_name("C. Skålén").anchored and not parse_name("C. Skålén").full
    assert not parse_name("Ola W").anchored
    assert not parse_name("Tekla").anchored
    assert parse_name("Skålén, Charlotta").key == parse_name("Charlotta Skålen").key


def test_fold_keeps_its_meaning() -> None:
    assert fold("Charlotta Skålén") == fold("Charlotta Skälen") == "charlotta skalen"
    assert fold("Gunilla Bergman-Larsson (S)") == "gunilla bergman larsson"


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("pettersson", "petersson"),
        ("carlsson", "karlsson"),
        ("lundqvist", "lundkvist"),
        ("lundquist", "lundkvist"),
        ("kristoffer", "christoffer"),
        ("mikael", "michael"),
        ("katarina", "catharina"),
        ("nyrnan", "nyman"),  # OCR rn for m
        ("wa1lin", "wallin"),  # OCR 1 for l
        ("miiller", "muller"),  # OCR ii for ü
        ("daniell", "daniel"),
    ],
)
def test_skeleton_makes_spelling_variants_equal(a: str, b: str) -> None:
    assert skeleton(a) == skeleton(b)


def test_keys_keep_other_names_apart() -> None:
    assert skeleton("berg") != skeleton("borg")
    assert skeleton("lindberg") != skeleton("lundberg")
    assert ocr_key("lda") == ocr_key("ida")  # I/l read for one another
    assert ocr_key("nils") == ocr_key("niis")
    assert consonants("kokkenakis") == consonants("kokkinakis")
    assert consonants("t\ufffdnsg\ufffdrd") == consonants("tonsgard")


def test_looks_like_name() -> None:
    assert looks_like_name("Ann Lundqvist")
    assert not looks_like_name("Förbundschef")
    assert not looks_like_name("Kl 13.00 Teams")


ATTENDEES = ["Jacob Sandström", "Charlotta Skålen", "Ola Wiktorson", "Ingrid Jerneborg Glimne"]


@pytest.mark.parametrize(
    ("name", "expected", "rule"),
    [
        ("Charlotta Skälén", 1, "same_spelling"),
        ("Skålén, Charlotta", 1, "same_spelling"),
        ("Charlotta Skålén (S)", 1, "same_spelling"),
        ("Ola Wiktorsson", 2, "spelling_variant"),
        ("Ola Wiktorsom", 2, "similar_spelling"),
        ("Jacob Sandgren", 0, "first_name_and_surname_stem"),
        ("C. Skålén", 1, "initial_and_surname"),
        ("I. Glimne", 3, "initial_and_surname"),
        ("Ola W", 2, "first_name_and_initial"),
        ("Jacob", 0, "first_name_only"),
    ],
)
def test_match_in_meeting(name: str, expected: int, rule: str) -> None:
    assert match_in_meeting(name, ATTENDEES) == expected
    found = meeting_match(name, ATTENDEES)
    assert found is not None and found.rule == rule


@pytest.mark.parametrize(
    ("name", "candidates"),
    [
        ("Anna", ["Anna Berg", "Anna Lind"]),  # two Annas: which one?
        ("A. Berg", ["Anna Berg", "Anders Berg"]),
        ("Anna B", ["Anna Berg", "Anna Borg"]),
        ("Jacob Nilsson", ["Jacob Sandström"]),
        ("Mats Karlsson", []),
    ],
)
def test_match_in_meeting_refuses_to_guess(name: str, candidates: list[str]) -> None:
    assert match_in_meeting(name, candidates) is None


def test_a_listed_first_name_is_matched_by_the_whole_name() -> None:
    assert match_in_meeting("Tekla Siesjö", ["Tekla", "Lukas"]) == 0

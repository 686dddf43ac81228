"""Parties, partial presence and substitutes' links as minutes write them beside a name. The
names are invented; each example shows one convention."""

from __future__ import annotations

from pipeline.parse.presence import with_bare_items
from pipeline.parse.zones import read_attendance, zone_of
from pipeline.records import Attendee, Line, Role, Status
from pipeline.vocabulary.parties import normalise_party


def attendance(text: str) -> dict[str, Attendee]:
    lines = [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]
    return {a.name: a for a in read_attendance([zone_of(lines)])}


def test_party_marks_are_stored_under_one_key() -> None:
    assert [normalise_party(w) for w in ("(s)", "S", "fp", "(FP)", "Moderaterna", "(Fi)")] == [
        "S",
        "S",
        "L",
        "L",
        "M",
        "Fi",
    ]
    assert normalise_party(None) is None


def test_party_in_brackets_after_commas_and_lower_case() -> None:
    found = attendance(
        "Beslutande: Anna Berglind (s), Bo Ekwall, M, ordförande, Cilla Fransson (fp), "
        "Dennis Grahn (Sjvp)"
    )
    assert {n: a.party for n, a in found.items()} == {
        "Anna Berglind": "S",
        "Bo Ekwall": "M",
        "Cilla Fransson": "L",
        "Dennis Grahn": "Sjvp",
    }


def test_partial_presence_by_item_and_by_clock() -> None:
    found = attendance(
        "Beslutande:\nAnna Berglind (S) §§ 3–9\nBo Ekwall (M) ej § 5\n"
        "Cilla Fransson (C) från punkt 4.1\nDennis Grahn (V) till kl. 16.15"
    )
    assert found["Anna Berglind"].sections_present == "3-9"
    assert found["Bo Ekwall"].sections_present == "ej 5"
    assert found["Cilla Fransson"].sections_present == "4.1-"
    assert found["Dennis Grahn"].time_present == "-16:15"


def test_the_time_after_a_replaced_member_is_when_the_substitute_served() -> None:
    found = attendance(
        "Beslutande:\nAgnes Sandvik (C) till kl. 16.15\n"
        "Emil Östman (S), ersättare för Agnes Sandvik (C) från kl. 16.15\n"
        "Jon Tallberg (S), ersättare för Anton Gustavsson (S) till kl. 13.40\n"
        "Anton Gustavsson (S) från kl. 13.40"
    )
    assert found["Agnes Sandvik"].time_present == "-16:15"
    assert found["Emil Östman"].time_present == "16:15-"
    assert found["Emil Östman"].substitute_for == "Agnes Sandvik"
    assert found["Jon Tallberg"].time_present == "-13:40"
    assert found["Anton Gustavsson"].time_present == "13:40-"


def test_substitute_links_in_three_wordings() -> None:
    found = attendance(
        "Beslutande:\nKarin Holm (M) tjänstgör för Lars Vik (M)\n"
        "Mona Strand (S) (ers Nils Öberg (S))\nOlle Pihl (KD), ersätter Pia Rask (L)"
    )
    assert found["Karin Holm"].substitute_for == "Lars Vik"
    assert found["Mona Strand"].substitute_for == "Nils Öberg"
    assert found["Olle Pihl"].substitute_for == "Pia Rask"
    assert Role.SUBSTITUTE in found["Olle Pihl"].roles
    assert (found["Pia Rask"].status, found["Pia Rask"].inferred) == (Status.ABSENT, True)


def test_names_of_one_group_share_the_items_written_after_them() -> None:
    found = attendance("Övriga närvarande: Ida Melin, Jan Forsberg och Kim Frid, inspektörer, § 86")
    assert [found[n].sections_present for n in ("Ida Melin", "Jan Forsberg", "Kim Frid")] == [
        "86",
        "86",
        "86",
    ]


def test_bare_numbers_after_a_title_are_items_only_when_the_document_has_them() -> None:
    people = [
        Attendee("Ulf Berg", Status.PRESENT, (Role.STAFF,), affiliation="ekonom 8-9"),
        Attendee("Vera Lind", Status.PRESENT, (Role.STAFF,), affiliation="Storgatan 16"),
        Attendee("Åsa Nord", Status.PRESENT, (Role.STAFF,), affiliation="kanslichef 2019"),
        Attendee("Örjan Ek", Status.PRESENT, (Role.CHAIR,), affiliation="191"),
        Attendee("Yngve Ros", Status.PRESENT, (Role.SUBSTITUTE,), notes=("12", "13")),
    ]
    read = {a.name: a for a in with_bare_items(people, ["7", "8", "9", "12", "13"])}
    assert (read["Ulf Berg"].sections_present, read["Ulf Berg"].affiliation) == ("8-9", "ekonom")
    assert read["Vera Lind"].sections_present is None  # an address
    assert read["Åsa Nord"].sections_present is None  # a year
    assert read["Örjan Ek"].sections_present is None  # the range a chair chaired
    assert (read["Yngve Ros"].sections_present, read["Yngve Ros"].notes) == ("12, 13", ())


def test_a_time_stamped_on_a_date_is_no_partial_presence() -> None:
    found = attendance(
        "Övriga närvarande: Ida Melin, inspektör, § 97\nKansliet 2015-09-22, kl. 13.30"
    )
    assert found["Ida Melin"].time_present is None

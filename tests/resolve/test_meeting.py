"""Within one meeting: the attendance list is the backbone, signatures and mentions join it."""

from __future__ import annotations

from pipeline.process import process
from pipeline.resolve.meeting import Meeting, link_in_meeting
from pipeline.resolve.mentions import with_short_mentions
from tests.conftest import FIXTURES
from tests.resolve.helpers import meeting


def _people(m: Meeting) -> list[list[str]]:
    return [[m.sightings[i].name for i in p.sightings] for p in link_in_meeting(m)]


def test_two_names_in_one_list_are_two_people() -> None:
    m = meeting("m1", ["Anna Lindberg", "Anna Lindbergh", "Anna Lindberg"])
    assert _people(m) == [["Anna Lindberg", "Anna Lindberg"], ["Anna Lindbergh"]]


def test_a_signature_joins_the_attendee_it_names() -> None:
    m = meeting(
        "m1",
        ["Jacob Sandström", "Charlotta Skålen"],
        [("Charlotta Skälén", "secretary"), ("Jacob Sandgren", "adjuster")],
        roles={"Jacob Sandström": ("chair",)},
    )
    people = link_in_meeting(m)
    assert _people(m) == [
        ["Jacob Sandström", "Jacob Sandgren"],
        ["Charlotta Skålen", "Charlotta Skälén"],
    ]
    assert people[0].links[1].rule == "first_name_and_surname_stem"
    assert people[0].links[1].linked_to == "Jacob Sandström"


def test_a_signature_joins_the_only_attendee_with_its_first_name_and_role() -> None:
    m = meeting(
        "m1",
        ["Jacob Lind", "Ann Berg"],
        [("Jacob Holmqvist", "secretary")],
        roles={"Jacob Lind": ("secretary",)},
    )
    people = link_in_meeting(m)
    assert _people(m)[0] == ["Jacob Lind", "Jacob Holmqvist"]
    assert people[0].links[1].rule == "signature_role"


def test_a_signature_nobody_fits_is_a_person_of_its_own() -> None:
    m = meeting(
        "m1",
        ["Jacob Lind", "Jacob Berg"],
        [("Jacob Holmqvist", "secretary")],
        roles={"Jacob Lind": ("secretary",), "Jacob Berg": ("secretary",)},
    )
    assert _people(m)[-1] == ["Jacob Holmqvist"]


def test_a_signature_that_reads_as_no_name_is_still_someone() -> None:
    # OCR remnants: a title and one letter, listed and signed; and a letter signed alone
    m = meeting(
        "m1",
        ["Jacob Lind", "Ordförande Ö"],
        [("Ordförande Ö", "adjuster"), ("Ä", "secretary")],
    )
    people = link_in_meeting(m)
    assert _people(m) == [["Jacob Lind"], ["Ordförande Ö", "Ordförande Ö"], ["Ä"]]
    signatures = [
        i for p in people for i in p.sightings if m.sightings[i].kind.value == "signature"
    ]
    assert len(signatures) == 2  # each signature belongs to a person: its row gets an id


def test_mentions_join_by_short_forms_or_stay_unresolved() -> None:
    m = meeting(
        "m1",
        ["Ola Wiktorson", "Ann Lundqvist", "Anna Berg", "Anna Lind"],
        mentioned=["Ola W", "A. Lundqvist", "Ola", "Anna", "Kalle Sandborg"],
    )
    assert _people(m) == [
        ["Ola Wiktorson", "Ola W", "Ola"],
        ["Ann Lundqvist", "A. Lundqvist"],
        ["Anna Berg"],
        ["Anna Lind"],
        ["Kalle Sandborg"],  # a whole name nobody fits: a person of its own
    ]  # "Anna" alone: two Annas, nobody


def test_short_forms_in_the_text_become_person_mentions() -> None:
    minutes = with_short_mentions(process(FIXTURES / "seeds" / "seed_001.txt"))
    mentions = [(e.section, e.text) for e in minutes.entities if e.label == "PER"]
    assert mentions.count(("4", "Ola W")) == 1
    assert ("4", "Ola") in mentions  # "Vidare redogjorde Ola för ..."
    assert ("7", "Ola W") in mentions
    au = with_short_mentions(process(FIXTURES / "seeds" / "seed_000.txt"))
    assert ("13", "Jacob") in [(e.section, e.text) for e in au.entities if e.label == "PER"]

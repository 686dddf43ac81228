"""Across the archive: spellings grouped into people, ids that are minted once and kept."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.resolve.ids import person_id
from pipeline.resolve.index import PersonIndex
from pipeline.resolve.meeting import Meeting
from pipeline.resolve.overrides import parse_overrides
from tests.resolve.helpers import meeting


def _ids(index: PersonIndex, meetings: Sequence[Meeting]) -> list[tuple[str | None, ...]]:
    return [index.add_meeting(m)[0] for m in meetings]


def _id_of(index: PersonIndex, name: str) -> str | None:
    from pipeline.names import parse_name

    found = {s.person_id for k, s in index.spellings.items() if k[1] == parse_name(name).key}
    assert len(found) == 1, found
    return found.pop()


def test_variants_across_meetings_are_one_person_and_people_listed_together_two() -> None:
    index = PersonIndex()
    _ids(
        index,
        [
            meeting("m1", ["Kristoffer Gustafsson", "Anna Lindberg"]),
            meeting("m2", ["Kristoffer Gustaffson", "Anna Lindbergh"]),
            meeting("m3", ["Krist0ffer Gustafsson", "Anna Lindberg", "Anna Lindbergh"]),
        ],
    )
    assert len({_id_of(index, n) for n in ("Kristoffer Gustafsson", "Kristoffer Gustaffson")}) == 1
    assert _id_of(index, "Krist0ffer Gustafsson") == _id_of(index, "Kristoffer Gustafsson")
    assert _id_of(index, "Anna Lindberg") != _id_of(index, "Anna Lindbergh")


def test_the_first_id_of_a_person_is_kept_as_the_archive_grows() -> None:
    index = PersonIndex()
    first = _ids(index, [meeting("m1", ["Charlotta Skålen", "Mats Karlsson"])])[0]
    assert first == (person_id("Charlotta Skålen"), person_id("Mats Karlsson"))
    later = _ids(
        index,
        [
            meeting("m2", ["Charlotta Skålén", "Mats Carlsson"], year=2017),
            meeting("m3", ["Skälén, Charlotta", "MATS KARLSSON"], body="styrelsen"),
        ],
    )
    assert later == [first, first]


def test_when_two_people_prove_one_the_older_id_stays_and_the_merge_is_recorded() -> None:
    index = PersonIndex()
    (older,) = index.add_meeting(meeting("m1", ["Jacob Sandgren"]))[0]
    (younger,) = index.add_meeting(meeting("m2", ["Jacob Sandström"]))[0]
    assert older != younger  # strings alone: two names
    ids, changes = index.add_meeting(
        meeting(
            "m3",
            ["Jacob Sandström", "Ann Lundqvist"],
            [("Jacob Sandgren", "adjuster")],
            roles={"Jacob Sandström": ("chair",)},
        )
    )
    assert ids[0] == ids[2] == older
    assert [(e.change, e.from_id, e.to_id) for e in changes.events] == [("merge", younger, older)]
    assert "same meeting" in changes.events[0].evidence
    assert changes.moved  # rows of m2 must change id in the database


def test_an_attendance_list_naming_both_splits_an_id_that_covered_two_people() -> None:
    index = PersonIndex()
    (anna,) = index.add_meeting(meeting("m1", ["Anna Lindberg"]))[0]
    (same,) = index.add_meeting(meeting("m2", ["Anna Lindbergh"]))[0]
    assert same == anna  # one letter apart, same body and years: a slip
    ids, changes = index.add_meeting(meeting("m3", ["Anna Lindberg", "Anna Lindbergh"]))
    assert ids[0] == anna and ids[1] != anna
    assert [e.change for e in changes.events] == ["split"]


def test_a_short_form_that_fits_two_people_is_nobody() -> None:
    index = PersonIndex()
    _ids(index, [meeting("m1", ["Anna Berg", "Anders Berg"]), meeting("m2", ["A. Berg"])])
    assert _id_of(index, "A. Berg") not in {
        _id_of(index, "Anna Berg"),
        _id_of(index, "Anders Berg"),
    }


def test_two_spellings_in_use_are_two_people_though_one_letter_apart() -> None:
    index = PersonIndex()
    meetings = [meeting(f"a{i}", ["Anna Lindberg"], body="styrelsen") for i in range(3)]
    meetings += [meeting(f"b{i}", ["Anna Lindborg"], body="beredningsgruppen") for i in range(3)]
    _ids(index, meetings)
    assert _id_of(index, "Anna Lindberg") != _id_of(index, "Anna Lindborg")


def test_the_same_name_in_another_organisation_is_linked_but_not_with_certainty() -> None:
    index = PersonIndex()
    _ids(
        index,
        [
            meeting("m1", ["Ulrika Truedsson"]),
            meeting("m2", ["Ulrika Truedsson"], organization="Region Sörmland"),
            meeting("m3", ["Ulrika Truedson"], organization="Region Sörmland", year=2021),
        ],
    )
    assert _id_of(index, "Ulrika Truedsson") == _id_of(index, "Ulrika Truedson")
    edges = [e for es in index.edges.values() for e in es.values() if e.rule == "same_spelling"]
    assert edges and all(e.score < 95 for e in edges)


def test_overrides_merge_and_keep_apart() -> None:
    overrides = parse_overrides(
        '[[merge]]\nnames = ["Jacob Sandström", "Jacob Sandgren"]\n'
        '[[never_merge]]\nnames = ["Anna Lindberg", "Anna Lindbergh"]\n'
    )
    index = PersonIndex(overrides)
    _ids(
        index,
        [
            meeting("m1", ["Jacob Sandgren", "Anna Lindberg"]),
            meeting("m2", ["Jacob Sandström", "Anna Lindbergh"]),
        ],
    )
    assert _id_of(index, "Jacob Sandgren") == _id_of(index, "Jacob Sandström")
    assert _id_of(index, "Anna Lindberg") != _id_of(index, "Anna Lindbergh")


def test_a_name_without_surname_is_a_person_of_its_meeting_only() -> None:
    index = PersonIndex()
    ids = _ids(index, [meeting("m1", ["Steven", "Helio"]), meeting("m2", ["Steven"])])
    assert ids[0][0] != ids[1][0]

"""The synthetic archive: deterministic, any size, realistic in the ways the brief asks."""

from __future__ import annotations

from collections import defaultdict

import pytest

from devtools.synth.archive import documents, plan
from devtools.synth.world import BodyKind, organization_names


def test_same_seed_same_archive_other_seed_other_archive() -> None:
    first = [(text, gold) for _, text, gold in documents(40, seed=3)]
    again = [(text, gold) for _, text, gold in documents(40, seed=3)]
    other = [text for _, text, _ in documents(40, seed=4)]
    assert first == again
    assert [t for t, _ in first] != other


@pytest.mark.parametrize("size", [1, 19, 190, 191, 500])
def test_any_size(size: int) -> None:
    meetings = plan(size, seed=0)
    assert len(meetings) == size
    assert len({m.stem for m in meetings}) == size
    organizations = {m.organization.name for m in meetings}
    assert len(organizations) == -(-size // 190)
    assert all("Fiktiva" in name for name in organizations)


def test_numbering_continues_through_a_year_and_restarts() -> None:
    numbers: dict[tuple[BodyKind, int], list[int]] = defaultdict(list)
    for meeting in plan(190, seed=0):
        numbers[(meeting.body, meeting.day.year)] += [n for n, _ in meeting.sections]
    for sequence in numbers.values():
        assert sequence == list(range(1, len(sequence) + 1))


def test_people_come_and_go_and_are_spelled_differently() -> None:
    meetings = plan(190, seed=0)
    board = [m for m in meetings if m.body is BodyKind.BOARD]
    first_year = {p.person.key for m in board if m.day.year == 2015 for p in m.listed}
    last_year = {p.person.key for m in board if m.day.year == 2024 for p in m.listed}
    assert first_year - last_year and last_year - first_year
    spellings: dict[str, set[str]] = defaultdict(set)
    for meeting in meetings:
        for person in meeting.listed:
            spellings[person.person.key].add(person.written)
    assert sum(len(names) > 1 for names in spellings.values()) >= 5
    statuses = {p.status.value for m in meetings for p in m.listed}
    assert statuses == {"present", "absent"}


def test_applications_get_every_outcome_with_amounts() -> None:
    outcomes: set[str] = set()
    amounts = 0
    for _, text, gold in documents(190, seed=0):
        for section in gold["sections"]:
            outcomes |= {d["outcome"] for d in section["decisions"]}
            for amount in section["amounts"]:
                assert amount["text"] in section["text"] and amount["text"] in text
                amounts += 1
    assert {"approved", "rejected", "postponed", "referred", "noted", "elected"} <= outcomes
    assert amounts > 100


def test_gold_has_the_contract_shape() -> None:
    _, text, gold = next(documents(1, seed=0))
    assert gold["synthetic"] is True
    assert set(gold) >= {"source", "meeting", "attendance", "sections", "signatories"}
    assert gold["source"]["format"] == "txt"
    for person in gold["attendance"]:
        assert person["name"] in text
        assert set(person) >= {"name", "person_id", "status", "roles", "title", "affiliation"}
    assert {s["role"] for s in gold["signatories"]} == {"secretary", "adjuster"}


def test_organization_names_are_fictional_and_distinct() -> None:
    names = [organization_names(i)[0] for i in range(400)]
    assert len(set(names)) == 400
    assert all(n.startswith("Samordningsförbundet Fiktiva ") for n in names)

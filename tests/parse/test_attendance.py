"""Attendance blocks, role lines, role mentions and signatories joining the attendance."""

from __future__ import annotations

from pipeline.parse.attendance import (
    add_role_mentions,
    merge_signatories,
    parse_attendance,
    split_names,
)
from pipeline.records import Line, Role, Signatory, Status


def _lines(text: str) -> list[Line]:
    return [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]


def test_comma_lists_with_samt_och_and_parties() -> None:
    assert split_names("Anna Andersson (S), Bo Berg samt Cecilia Ek och Dan Fors (M)") == [
        "Anna Andersson",
        "Bo Berg",
        "Cecilia Ek",
        "Dan Fors",
    ]


def test_present_absent_and_a_person_named_only_in_a_role_line() -> None:
    people = parse_attendance(
        _lines(
            "Närvarande: Anna Andersson, Bo Berg\nsamt Cecilia Ek\n\n"
            "Ej närvarande: Dan Fors\n\nSekreterare: Eva Gran\n\nJusterare: Bo Berg"
        )
    )
    summary = {p.name: (p.status, p.roles) for p in people}
    assert summary == {
        "Anna Andersson": (Status.PRESENT, ()),
        "Bo Berg": (Status.PRESENT, (Role.ADJUSTER,)),
        "Cecilia Ek": (Status.PRESENT, ()),
        "Dan Fors": (Status.ABSENT, ()),
        "Eva Gran": (Status.PRESENT, (Role.SECRETARY,)),
    }


def test_member_and_substitute_blocks_give_roles() -> None:
    people = parse_attendance(_lines("Beslutande: Anna Andersson\n\nErsättare: Bo Berg"))
    assert [(p.name, p.roles) for p in people] == [
        ("Anna Andersson", (Role.MEMBER,)),
        ("Bo Berg", (Role.SUBSTITUTE,)),
    ]


def test_chair_named_in_running_text_with_another_surname() -> None:
    people = parse_attendance(_lines("Närvarande: Jacob Sandström, Ingrid Glimne"))
    people = add_role_mentions(people, [("Ordförande Jacob Sandgren hälsade alla välkomna.", 1)])
    assert people[0].roles == (Role.CHAIR,)
    assert people[1].roles == ()


def test_signatories_bring_titles_affiliations_and_roles() -> None:
    people = parse_attendance(_lines("Närvarande: Ola Wiktorson, Charlotta Skålén, Ingrid Glimne"))
    people = add_role_mentions(people, [("Ordföranden Ola Wiktorson öppnade mötet.", 1)])
    signatories = [
        Signatory("Ola Wiktorson", Role.ADJUSTER, "Förbundschef"),
        Signatory("Charlotta Skälén", Role.ADJUSTER, None, "Landstinget Sörmland"),
        Signatory("Ingrid Glimne", Role.ADJUSTER, "1:a vice ordförande"),
        Signatory("Ann Lundqvist", Role.SECRETARY, "Förbundssekreterare"),
    ]
    merged = {p.name: p for p in merge_signatories(people, signatories)}
    # The chair signs under "Justeras" as chair, not as an elected adjuster.
    assert merged["Ola Wiktorson"].roles == (Role.CHAIR,)
    assert merged["Ola Wiktorson"].title == "Förbundschef"
    assert merged["Charlotta Skålén"].roles == (Role.ADJUSTER,)
    assert merged["Charlotta Skålén"].affiliation == "Landstinget Sörmland"
    assert merged["Ingrid Glimne"].roles == (Role.ADJUSTER, Role.VICE_CHAIR)
    assert merged["Ann Lundqvist"].status is Status.PRESENT
    assert merged["Ann Lundqvist"].roles == (Role.SECRETARY,)

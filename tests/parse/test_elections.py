"""Meeting roles given by election: READING.md conventions 3, 8, 9 and 11 (elections)."""

from __future__ import annotations

import pytest

from pipeline.parse.decisions import find_decisions
from pipeline.parse.elections import elected_roles
from pipeline.records import Line, Outcome, Role, Section


def _section(title: str, *lines: str) -> Section:
    """A section as the parser builds it: its decisions read from its lines."""
    paragraph = tuple(Line(t, 1, n) for n, t in enumerate(lines, 1))
    decisions = tuple(find_decisions([paragraph], 2024, title))
    return Section("1", title, 1, "\n".join(lines), decisions)


def _roles(*sections: Section) -> list[tuple[str, Role]]:
    return [(name, role) for name, role, _ in elected_roles(sections)]


def test_reading_8_the_meeting_chooses_its_chair_in_the_active_past() -> None:
    section = _section("Mötets öppnande", "Mötet valde Tilda Ros till mötesordförande.")
    assert [d.outcome for d in section.decisions] == [Outcome.ELECTED]
    assert _roles(section) == [("Tilda Ros", Role.CHAIR)]


def test_reading_11_every_name_before_the_role() -> None:
    section = _section("Justering", "Mötet väljer Aron Lundh och Vera Sjö till justerare.")
    assert _roles(section) == [("Aron Lundh", Role.ADJUSTER), ("Vera Sjö", Role.ADJUSTER)]


def test_reading_9_posts_filled_by_first_name() -> None:
    section = _section(
        "Val av mötesfunktionärer", "Mötesordförande: Lisa", "Mötessekreterare: Jonte"
    )
    assert [(d.text, d.outcome) for d in section.decisions] == [
        ("Mötesordförande: Lisa | Mötessekreterare: Jonte", Outcome.ELECTED)
    ]
    assert _roles(section) == [("Lisa", Role.CHAIR), ("Jonte", Role.SECRETARY)]


def test_reading_3_sub_items_named_by_the_role() -> None:
    chair = _section("Ordförande för mötet", "Mötet väljer Klara Nyström till mötesordförande.")
    secretary = _section(
        "Sekreterare för mötet", "Mötet väljer Arvid Sohlberg till mötessekreterare."
    )
    assert [d.outcome for d in (*chair.decisions, *secretary.decisions)] == [Outcome.ELECTED] * 2
    assert _roles(chair, secretary) == [
        ("Klara Nyström", Role.CHAIR),
        ("Arvid Sohlberg", Role.SECRETARY),
    ]


def test_reading_7_the_role_first_and_the_name_after() -> None:
    section = _section("Val av protokolljusterare:", "Till justerare valdes Olof Bäck.")
    assert _roles(section) == [("Olof Bäck", Role.ADJUSTER)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Att justera protokollet utses Anna Berg och Bo Ek.",
        "Nämnden utser Anna Berg och Bo Ek att jämte ordföranden justera protokollet.",
        "Anna Berg och Bo Ek valdes att justera protokollet.",
        "Till protokolljusterare utsågs enhälligt Anna Berg och Bo Ek.",
        "Mötet beslutar att Anna Berg och Bo Ek utses till justeringspersoner.",
    ],
)
def test_chosen_to_adjust(sentence: str) -> None:
    assert _roles(_section("Övriga frågor", sentence)) == [
        ("Anna Berg", Role.ADJUSTER),
        ("Bo Ek", Role.ADJUSTER),
    ]


def test_reading_1_a_name_chosen_to_adjust() -> None:
    section = _section("Val av justerare", "Jonas Eklöv utses att justera protokollet.")
    assert _roles(section) == [("Jonas Eklöv", Role.ADJUSTER)]


def test_handles_and_names_with_a_handle_in_parentheses() -> None:
    by_handle = _section(
        "Val av justeringsmän",
        "Mötet valde kalle_b och zeta till justeringsmän tillika rösträknare.",
    )
    with_handle = _section(
        "Val av justeringsmän", "Per Berg (pb) och Bo Lind (bl) valdes till justeringsmän."
    )
    assert _roles(by_handle, with_handle) == [
        ("kalle_b", Role.ADJUSTER),
        ("kalle_b", Role.VOTE_COUNTER),
        ("zeta", Role.ADJUSTER),
        ("zeta", Role.VOTE_COUNTER),
        ("Per Berg", Role.ADJUSTER),
        ("Bo Lind", Role.ADJUSTER),
    ]


def test_roles_with_a_slip_first_names_beside_handles_and_the_meeting_called_stamman() -> None:
    slip = _section(
        "Val av mötesfunktionärer",
        "Mötet väljer David Ek till justeringsperson tillika röstraknare,",
    )
    mixed = _section(
        "Val av justeringsmän tillika rösträknare", "Maja och zeta föreslås och väljs."
    )
    stamma = _section("Val av ordförande för stämman.", "Lars Berg valdes till ordförande.")
    assert _roles(slip, mixed, stamma) == [
        ("David Ek", Role.ADJUSTER),
        ("David Ek", Role.VOTE_COUNTER),
        ("Maja", Role.ADJUSTER),
        ("Maja", Role.VOTE_COUNTER),
        ("zeta", Role.ADJUSTER),
        ("zeta", Role.VOTE_COUNTER),
        ("Lars Berg", Role.CHAIR),
    ]


def test_two_roles_for_one_and_one_role_each() -> None:
    both = _section("Val av mötesfunktionärer", "Sigge väljs som mötesordförande samt sekreterare.")
    each = _section(
        "Val av ordförande och sekreterare för mötet",
        "Årsmötet beslutade att välja Karin Ek till ordförande och Inger Berg till sekreterare.",
    )
    assert _roles(both, each) == [
        ("Sigge", Role.CHAIR),
        ("Sigge", Role.SECRETARY),
        ("Karin Ek", Role.CHAIR),
        ("Inger Berg", Role.SECRETARY),
    ]


def test_a_name_alone_or_nominated_and_elected_takes_the_items_role() -> None:
    alone = _section("Val av mötesordförande", "Vilma Strand")
    nominated = _section("Val av mötessekreterare", "mox föreslås och väljs.")
    assert _roles(alone, nominated) == [("Vilma Strand", Role.CHAIR), ("mox", Role.SECRETARY)]


@pytest.mark.parametrize(
    ("title", "sentence"),
    [
        # the board's chair, elected at an annual meeting, need not be at this meeting
        ("Val av ordförande i styrelsen", "Årsmötet beslutade att välja Eva Ek till ordförande."),
        # a role at a later meeting
        ("Val av vice mötesordförande", "att utse Eva Ek till vice mötesordförande för nästa möte"),
        # a post, not a person
        ("Val av mötesordförande", "Avgående ordförande väljs till mötesordförande."),
        # no election: a report that names a role
        ("Rapporter", "Kassören Bo Ek redogjorde för ekonomin."),
    ],
)
def test_what_gives_no_role_at_this_meeting(title: str, sentence: str) -> None:
    assert _roles(_section(title, sentence)) == []

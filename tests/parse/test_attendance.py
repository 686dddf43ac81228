"""Attendance blocks, role lines, role mentions and signatories joining the attendance."""

from __future__ import annotations

from pipeline.parse.attendance import (
    add_role_mentions,
    merge_signatories,
    parse_attendance,
)
from pipeline.parse.people import read_people
from pipeline.records import Attendee, Line, Role, Signatory, Status


def _lines(text: str) -> list[Line]:
    return [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]


def test_comma_lists_with_samt_och_and_parties() -> None:
    people = read_people(["Anna Andersson (S), Bo Berg samt Cecilia Ek och Dan Fors (M)"])
    assert [p.name for p in people] == [
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


def test_one_person_a_line_with_roles_and_a_trailing_remark() -> None:
    people = read_people(
        [
            "Carl Tönsgård, ordförande",
            "Ylva Rudling, kassör",
            "Hans Andersson, vice ordförande",
            "samt ytterligare 31 medlemmar i föreningen",
        ]
    )
    assert [(p.name, p.roles) for p in people] == [
        ("Carl Tönsgård", [Role.CHAIR]),
        ("Ylva Rudling", [Role.TREASURER]),
        ("Hans Andersson", [Role.VICE_CHAIR]),
    ]


def test_a_comma_list_wrapped_over_lines_is_one_list() -> None:
    people = read_people(
        ["Mats Karlsson, Kristina Bengtsson, Gunilla", "Bergman Larsson, Dag Wallströmer"]
    )
    assert [p.name for p in people] == [
        "Mats Karlsson",
        "Kristina Bengtsson",
        "Gunilla Bergman Larsson",
        "Dag Wallströmer",
    ]


def test_parties_roles_affiliations_substitutes_and_partial_presence() -> None:
    people = read_people(
        [
            "Anna Andersson (S), ordförande, Bo Berg (M), Eskilstuna kommun, "
            "Cecilia Ek (KD) ersätter Dan Fors, Eva Gran (V) §§ 1–7"
        ]
    )
    summary = {p.name: (p.roles, p.affiliation, p.notes) for p in people}
    assert summary == {
        "Anna Andersson": ([Role.CHAIR], None, []),
        "Bo Berg": ([], "Eskilstuna kommun", []),
        "Cecilia Ek": ([Role.SUBSTITUTE], None, ["ersätter Dan Fors"]),
        "Eva Gran": ([], None, ["§§ 1–7"]),
    }


def test_attendance_table_rows_with_presence_column() -> None:
    people = read_people(
        [
            "Befattning\tNamn\tNärvarande",
            "Ordförande\tSamuel Hammersberg\tJa",
            "Kassör\tMorgan Thowsen\tNej",
            "Vice ordförande\tVakant\t",
        ]
    )
    assert [(p.name, p.roles, p.status) for p in people] == [
        ("Samuel Hammersberg", [Role.CHAIR], Status.PRESENT),
        ("Morgan Thowsen", [Role.TREASURER], Status.ABSENT),
    ]


def test_first_names_one_a_line() -> None:
    assert [p.name for p in read_people(["Steven", "Helio", "Nuo"])] == ["Steven", "Helio", "Nuo"]


def test_a_roll_call_item_lists_the_members_present_when_no_list_exists() -> None:
    from pipeline.parse.attendance import roll_call

    lines = _lines("Anna Andersson\nBo Berg\nCecilia Ek")
    people = roll_call([("Övriga frågor", [lines]), ("Fastställande av röstlängd", [lines])])
    assert [(p.name, p.status, p.roles) for p in people] == [
        ("Anna Andersson", Status.PRESENT, (Role.MEMBER,)),
        ("Bo Berg", Status.PRESENT, (Role.MEMBER,)),
        ("Cecilia Ek", Status.PRESENT, (Role.MEMBER,)),
    ]
    assert roll_call([("Övriga frågor", [lines])]) == []


def test_elections_give_meeting_roles() -> None:
    from pipeline.parse.elections import elected_roles
    from pipeline.records import Decision, Outcome, Section

    sections = [
        Section(
            "5",
            "Val av ordförande och sekreterare för mötet",
            1,
            "",
            (
                Decision(
                    "Årsmötet beslutade att välja Karin Starrin till ordförande och "
                    "Inger Gustafsson "
                    "till sekreterare.",
                    Outcome.ELECTED,
                    1,
                ),
            ),
        ),
        Section(
            "",
            "Protokolljusterare",
            1,
            "",
            (Decision("Lukas är protokolljusterare", Outcome.APPROVED, 2),),
        ),
        Section(
            "6", "Val av mötesordförande", 1, "", (Decision("Fredrik Håård", Outcome.ELECTED, 2),)
        ),
        Section(
            "7",
            "Val av ordförande i styrelsen",
            1,
            "",
            (Decision("Årsmötet beslutade att välja Eva Ek till ordförande.", Outcome.ELECTED, 3),),
        ),
    ]
    assert elected_roles(sections) == [
        ("Karin Starrin", Role.CHAIR, 1),
        ("Inger Gustafsson", Role.SECRETARY, 1),
        ("Lukas", Role.ADJUSTER, 2),
        ("Fredrik Håård", Role.CHAIR, 2),
    ]


def test_an_election_in_english_minutes_gives_the_meeting_role() -> None:
    from pipeline.parse.elections import elected_roles
    from pipeline.records import Decision, Outcome, Section

    decision = Decision("Eva Lind appointed as chairperson of the meeting.", Outcome.ELECTED, 1)
    sections = [Section("", "Election of meeting chair", 1, "", (decision,))]
    assert elected_roles(sections) == [("Eva Lind", Role.CHAIR, 1)]


def test_a_role_word_with_a_slip_still_gives_the_role() -> None:
    from pipeline.parse.elections import elected_roles
    from pipeline.records import Decision, Outcome, Section

    sections = [
        Section(
            "", "Mötessekeretare", 1, "", (Decision("Tekla är sekretare", Outcome.ELECTED, 1),)
        ),
        Section("", "Mötesordförade", 1, "", (Decision("Ola Berg", Outcome.ELECTED, 1),)),
        Section("", "Kassören", 1, "", (Decision("Bo Ek är kassör", Outcome.APPROVED, 1),)),
    ]
    assert elected_roles(sections) == [
        ("Tekla", Role.SECRETARY, 1),
        ("Ola Berg", Role.CHAIR, 1),
    ]


def test_adjusters_who_also_count_the_votes() -> None:
    from pipeline.parse.elections import elected_roles
    from pipeline.records import Decision, Outcome, Section

    decision = Decision("Stämman beslutade att välja Eva Lind och Bo Ek.", Outcome.ELECTED, 1)
    sections = [Section("4", "Val av protokolljusterare, tillika rösträknare", 1, "", (decision,))]
    assert elected_roles(sections) == [
        ("Eva Lind", Role.ADJUSTER, 1),
        ("Eva Lind", Role.VOTE_COUNTER, 1),
        ("Bo Ek", Role.ADJUSTER, 1),
        ("Bo Ek", Role.VOTE_COUNTER, 1),
    ]


def test_those_who_speak_at_the_meeting_attended() -> None:
    from pipeline.parse.attendance import add_speakers

    listed = [Attendee("Anna Berg", Status.PRESENT, (Role.CHAIR,))]
    texts = [
        ("Revisor Bo Ek tillstyrkte ansvarsfrihet.", 1),
        ("Inledning\nDärefter berättade vd Cecilia Holm om bygget.", 1),
        ("Kvällen började med att Dan Fors visade bilder. Anna Berg informerade.", 2),
        ("Valberedningen föreslog Erik Lund. Eva Ströms vandringar nämndes.", 2),
    ]
    people = add_speakers(listed, texts)
    assert [(p.name, p.roles, p.page) for p in people] == [
        ("Anna Berg", (Role.CHAIR,), None),
        ("Bo Ek", (Role.AUDITOR,), 1),
        ("Cecilia Holm", (), 1),
        ("Dan Fors", (), 2),
    ]


def test_a_speech_verb_with_an_unreadable_letter() -> None:
    from pipeline.parse.attendance import add_speakers

    people = add_speakers([], [("Sedan ber\ufffdttade Per Ek om glass.", 1)])
    assert [p.name for p in people] == ["Per Ek"]


def test_a_count_of_unnamed_members_leaves_the_last_person_her_role() -> None:
    people = read_people(
        ["Eva Lind, ordförande", "Bo Ek, ledamot samt ytterligare ca 40 medlemmar i föreningen"]
    )
    assert [(p.name, p.roles, p.affiliation) for p in people] == [
        ("Eva Lind", [Role.CHAIR], None),
        ("Bo Ek", [Role.MEMBER], None),
    ]


def test_an_unlisted_speaker_takes_the_role_the_setting_gives() -> None:
    from pipeline.parse.attendance import add_speakers

    texts = [("Revisor Bo Ek tillstyrkte.", 1), ("Eva Lind frågade om bryggan.", 1)]
    people = add_speakers([], texts, Role.MEMBER)
    assert [(p.name, p.roles) for p in people] == [
        ("Bo Ek", (Role.AUDITOR,)),
        ("Eva Lind", (Role.MEMBER,)),
    ]

"""Presence the text shows beyond the lists: role mentions, elections, speakers, signatories.
The lists themselves are tested in test_roster.py."""

from __future__ import annotations

from pipeline.parse.attendance import add_role_mentions, merge_signatories
from pipeline.records import Attendee, Role, Signatory, Status


def present(*names: str) -> list[Attendee]:
    return [Attendee(name, Status.PRESENT) for name in names]


def test_chair_named_in_running_text_with_another_surname() -> None:
    people = present("Jacob Sandström", "Ingrid Glimne")
    people = add_role_mentions(people, [("Ordförande Jacob Sandgren hälsade alla välkomna.", 1)])
    assert people[0].roles == (Role.CHAIR,)
    assert people[1].roles == ()


def test_signatories_bring_titles_affiliations_and_roles() -> None:
    people = present("Ola Wiktorson", "Charlotta Skålén", "Ingrid Glimne")
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


def test_an_unlisted_speaker_takes_the_role_the_setting_gives() -> None:
    from pipeline.parse.attendance import add_speakers

    texts = [("Revisor Bo Ek tillstyrkte.", 1), ("Eva Lind frågade om bryggan.", 1)]
    people = add_speakers([], texts, Role.MEMBER)
    assert [(p.name, p.roles) for p in people] == [
        ("Bo Ek", (Role.AUDITOR,)),
        ("Eva Lind", (Role.MEMBER,)),
    ]

"""Attendance read names first: people found by what they are, then given the label they stand
under, whatever the layout. The examples are invented; each shows one convention of minutes."""

from __future__ import annotations

from pipeline.parse.labels import LabelKind, find_labels
from pipeline.parse.zones import ROLL_CALL_LABEL, heading_label, read_attendance, zone_of
from pipeline.records import Attendee, Line, Role, Status


def _lines(text: str) -> list[Line]:
    return [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]


def attendance(text: str) -> list[Attendee]:
    return read_attendance([zone_of(_lines(text))])


def summary(people: list[Attendee]) -> dict[str, tuple[str, set[str]]]:
    return {p.name: (p.status.value, {r.value for r in p.roles}) for p in people}


def test_comma_lists_with_samt_och_and_parties() -> None:
    people = attendance("Närvarande: Anna Andersson (S), Bo Berg samt Cecilia Ek och Dan Fors (M)")
    assert [(p.name, p.party) for p in people] == [
        ("Anna Andersson", "S"),
        ("Bo Berg", None),
        ("Cecilia Ek", None),
        ("Dan Fors", "M"),
    ]


def test_present_absent_and_a_person_named_only_in_a_role_line() -> None:
    people = attendance(
        "Närvarande: Anna Andersson, Bo Berg\nsamt Cecilia Ek\n\n"
        "Ej närvarande: Dan Fors\n\nSekreterare: Eva Gran\n\nJusterare: Bo Berg"
    )
    assert summary(people) == {
        "Anna Andersson": ("present", set()),
        "Bo Berg": ("present", {"adjuster"}),
        "Cecilia Ek": ("present", set()),
        "Dan Fors": ("absent", set()),
        "Eva Gran": ("present", {"secretary"}),
    }


def test_member_and_substitute_blocks_give_roles() -> None:
    people = attendance("Beslutande: Anna Andersson\n\nErsättare: Bo Berg")
    assert [(p.name, p.roles) for p in people] == [
        ("Anna Andersson", (Role.MEMBER,)),
        ("Bo Berg", (Role.SUBSTITUTE,)),
    ]


def test_one_person_a_line_with_roles_and_a_count_of_others() -> None:
    people = attendance(
        "Närvarande:\nCarl Berglöf, ordförande\nYlva Rudling, kassör\n"
        "Hugo Axelsson, vice ordförande\nBo Ek, ledamot samt ytterligare 31 medlemmar i föreningen"
    )
    assert [(p.name, p.roles) for p in people] == [
        ("Carl Berglöf", (Role.CHAIR,)),
        ("Ylva Rudling", (Role.TREASURER,)),
        ("Hugo Axelsson", (Role.VICE_CHAIR,)),
        ("Bo Ek", ()),
    ]


def test_a_name_broken_over_two_lines_is_one_name() -> None:
    people = attendance(
        "Ej närvarande: Mats Karlsson, Kristina Bengtsson, Gunilla\n"
        "Bergman Larsson, Dag Ståhlberg, Ulla Berg\nLarsson"
    )
    assert [p.name for p in people] == [
        "Mats Karlsson",
        "Kristina Bengtsson",
        "Gunilla Bergman Larsson",
        "Dag Ståhlberg",
        "Ulla Berg Larsson",
    ]


def test_parties_affiliations_substitutes_and_partial_presence() -> None:
    people = attendance(
        "Beslutande: Anna Andersson (S), ordförande, Bo Berg (M), Eskilstuna kommun, "
        "Cecilia Ek (KD) ersätter Dan Fors (KD), Eva Gran (V) §§ 1–7, Frida Lund (C) till kl. 16.15"
    )
    found = {p.name: p for p in people}
    assert found["Anna Andersson"].roles == (Role.MEMBER, Role.CHAIR)
    assert found["Bo Berg"].affiliation == "Eskilstuna kommun"
    assert found["Cecilia Ek"].substitute_for == "Dan Fors"
    assert Role.SUBSTITUTE in found["Cecilia Ek"].roles
    assert (found["Dan Fors"].status, found["Dan Fors"].inferred) == (Status.ABSENT, True)
    assert found["Eva Gran"].sections_present == "1-7"
    assert found["Frida Lund"].time_present == "-16:15"


def test_attendance_table_rows_with_presence_column() -> None:
    people = attendance(
        "Befattning\tNamn\tNärvarande\nOrdförande\tSamuel Hedenström\tJa\n"
        "Kassör\tMorgan Thowsen\tNej\nVice ordförande\tVakant\t"
    )
    assert [(p.name, p.roles, p.status) for p in people] == [
        ("Samuel Hedenström", (Role.CHAIR,), Status.PRESENT),
        ("Morgan Thowsen", (Role.TREASURER,), Status.ABSENT),
    ]


def test_first_names_and_handles_one_a_line() -> None:
    people = attendance("Närvarande:\nSteven\nHelio\nNuo\n\nSekreterare:\nHelio")
    assert summary(people) == {
        "Steven": ("present", set()),
        "Helio": ("present", {"secretary"}),
        "Nuo": ("present", set()),
    }


def test_a_roll_call_item_lists_the_members_present() -> None:
    people = read_attendance(
        [zone_of(_lines("Anna Andersson\nBo Berg\nCecilia Ek"), ROLL_CALL_LABEL)]
    )
    assert [(p.name, p.status, p.roles) for p in people] == [
        ("Anna Andersson", Status.PRESENT, (Role.MEMBER,)),
        ("Bo Berg", Status.PRESENT, (Role.MEMBER,)),
        ("Cecilia Ek", Status.PRESENT, (Role.MEMBER,)),
    ]
    assert attendance("Anna Andersson\nBo Berg\nCecilia Ek") == []  # no label: a title, a place


def test_a_header_table_printed_on_one_line() -> None:
    people = attendance(
        "1 PROTOKOLL Tekniska nämnden Plats och tid Kommunhuset, sal Ljungen, kl 13.00-15.30 "
        "Beslutande Stina Holmgren (S) ordförande Jonas Eklöv (M) vice ordförande Rut Almqvist "
        "(C) Övriga närvarande Oskar Lind, nämndsekreterare Utses att justera Jonas Eklöv"
    )
    assert summary(people) == {
        "Stina Holmgren": ("present", {"member", "chair"}),
        "Jonas Eklöv": ("present", {"member", "vice_chair", "adjuster"}),
        "Rut Almqvist": ("present", {"member"}),
        "Oskar Lind": ("present", {"staff", "secretary"}),
    }
    assert [p.party for p in people] == ["S", "M", "C", None]


def test_labels_printed_before_all_their_values() -> None:
    people = attendance(
        "Plats och tid Närvarande ledamöter Tjänstgörande ersättare Sekreterare Folkets hus, "
        "kl 9.00 Ebba Sundin (s), ordf Karl Ytterberg (m) Pia Hedlund (s) Maja Forsgren"
    )
    assert all(p.status is Status.PRESENT for p in people)
    found = {p.name: p for p in people}
    assert Role.CHAIR in found["Ebba Sundin"].roles
    assert found["Maja Forsgren"].roles == (Role.SECRETARY,)
    # which of the two middle names served as member and which as substitute is lost
    assert found["Karl Ytterberg"].role_ambiguous


def test_labels_first_with_one_group_of_names_each() -> None:
    people = attendance(
        "Mötesordförande: Sekreterare: Justerare: Rune Hallin och Agnes Ivarsson, båda Forsby. "
        "Sten Fagerlund. Berta Ohlin och Ebba Wernersson."
    )
    assert summary(people) == {
        "Rune Hallin": ("present", {"chair"}),
        "Agnes Ivarsson": ("present", {"chair"}),
        "Sten Fagerlund": ("present", {"secretary"}),
        "Berta Ohlin": ("present", {"adjuster"}),
        "Ebba Wernersson": ("present", {"adjuster"}),
    }


def test_marks_status_rows_and_unknown_group_labels() -> None:
    people = attendance(
        "Styrelse Närvaro\nAgnes Wallin X\nHugo Berglöf X, § 12-15\nTilde Ek anmält förhinder\n"
        "Suppleanter\nViggo Strand X\nKansliet\nMaria Lund X, sekreterare"
    )
    assert summary(people) == {
        "Agnes Wallin": ("present", {"member"}),
        "Hugo Berglöf": ("present", {"member"}),
        "Tilde Ek": ("absent", {"member"}),
        "Viggo Strand": ("present", {"substitute"}),
        "Maria Lund": ("present", {"staff", "secretary"}),
    }
    assert next(p for p in people if p.name == "Hugo Berglöf").sections_present == "12-15"


def test_a_status_row_in_capitals_is_the_row_of_the_name_before_it() -> None:
    people = attendance("Ledamöter\nIda Bergman X\nAnna Pamp Anmält förhinder\nJan Qwist X")
    assert summary(people) == {
        "Ida Bergman": ("present", {"member"}),
        "Anna Pamp": ("absent", {"member"}),
        "Jan Qwist": ("present", {"member"}),
    }


def test_places_and_districts_beside_names() -> None:
    people = attendance("Närvarande: Olle Nyberg Hudiksvall, Sofia Ekdahl d08, Peter Ulfsson (S)")
    assert [(p.name, p.affiliation, p.party) for p in people] == [
        ("Olle Nyberg", "Hudiksvall", None),
        ("Sofia Ekdahl", "d08", None),
        ("Peter Ulfsson", None, "S"),
    ]


def test_full_and_partial_presence_blocks() -> None:
    people = attendance(
        "Deltog hela mötet:\nElsa Marklund\nIvar Holm\nDeltog delvis:\n"
        "Petra Grahn från punkt 3.1\nEj närvarande:\nTove Lindahl"
    )
    assert [(p.name, p.status, p.sections_present) for p in people] == [
        ("Elsa Marklund", Status.PRESENT, None),
        ("Ivar Holm", Status.PRESENT, None),
        ("Petra Grahn", Status.PRESENT, "3.1-"),
        ("Tove Lindahl", Status.ABSENT, None),
    ]


def test_handles_found_present_by_a_sentence() -> None:
    people = attendance("abe, kristo, mia_l och tobbe befanns närvarande och röstberättigade.")
    assert [(p.name, p.status) for p in people] == [
        ("abe", Status.PRESENT),
        ("kristo", Status.PRESENT),
        ("mia_l", Status.PRESENT),
        ("tobbe", Status.PRESENT),
    ]


def test_called_but_not_present_is_absent() -> None:
    lines = [
        Line("Kallade", 1, 1, heading=True),
        *_lines("Nils Åberg\nFrida Holm\nOskar Sten"),
        Line("Närvarande", 1, 5, heading=True),
        *_lines("Nils Åberg\nFrida Holm"),
    ]
    assert summary(read_attendance([zone_of(lines)])) == {
        "Nils Åberg": ("present", set()),
        "Frida Holm": ("present", set()),
        "Oskar Sten": ("absent", set()),
    }


def test_a_member_replaced_for_part_of_the_meeting_stays_present() -> None:
    people = attendance(
        "Beslutande\nJohan Ek (S), ersättare för Anders Lund (S) till kl. 13.40\n"
        "Anders Lund (S) från kl. 13.40\nMaria Holm (M) för Leif Ström (M)"
    )
    found = {p.name: p for p in people}
    assert found["Anders Lund"].status is Status.PRESENT
    assert found["Johan Ek"].substitute_for == "Anders Lund"
    # a bare "för" right between two names: the one after it was replaced
    assert found["Maria Holm"].substitute_for == "Leif Ström"
    assert found["Leif Ström"].status is Status.ABSENT


def test_labels_in_capitals_and_without_colons() -> None:
    labels = find_labels("NÄRVARANDE LEDAMÖTER Anna Berg ÖVRIGA Bo Ek Plats och tid Rådhuset")
    assert [(label.text, label.kind) for label in labels] == [
        ("NÄRVARANDE LEDAMÖTER", LabelKind.GROUP),
        ("ÖVRIGA", LabelKind.GROUP),
        ("Plats och tid", LabelKind.STOP),
    ]
    assert heading_label("Kallade") is not None and heading_label("Mötets öppnande") is None


def test_everyone_but_those_named() -> None:
    people = attendance(
        "Beslutande Fullmäktiges samtliga ledamöter med undantag för Lars Berg (KP), "
        "Karin Ek (M) och Brita Svahn (S). Övriga närvarande Jonas Falk, sekreterare"
    )
    assert summary(people) == {
        "Lars Berg": ("absent", {"member"}),
        "Karin Ek": ("absent", {"member"}),
        "Brita Svahn": ("absent", {"member"}),
        "Jonas Falk": ("present", {"staff", "secretary"}),
    }


def test_a_sentence_of_an_item_that_says_who_was_there() -> None:
    from pipeline.parse.lines import RawSection
    from pipeline.parse.zones import attendance_zones

    paragraph = (
        Line(
            "Närvarande var ordinarie ledamöter Anna Berg, Per Holm och Sven Åström, "
            "suppleanten Vidar Lind, ordförande Camilla Ek och sekreterare Mikael Grön.",
            1,
            3,
        ),
    )
    section = RawSection("2", "Konstituering", 1, (paragraph,))
    people = read_attendance(attendance_zones([], 0, [section]))
    assert summary(people) == {
        "Anna Berg": ("present", set()),
        "Per Holm": ("present", set()),
        "Sven Åström": ("present", set()),
        "Vidar Lind": ("present", {"substitute"}),
        "Camilla Ek": ("present", {"chair"}),
        "Mikael Grön": ("present", {"secretary"}),
    }


def test_an_officer_named_by_first_name_after_the_full_name() -> None:
    from pipeline.parse.persons import full_name

    text = "Edvard Holm nominerar sig själv. Mötet beslutar att Edvard utses till mötesordförande."
    assert full_name("Edvard", text) == "Edvard"[:6] + " Holm"
    # named alone first, and in full only later in another matter: the name as written
    later = "Tekla är sekreterare. Tekla Siesjö har äskat 1200 kr."
    assert full_name("Tekla", later) == "Tekla"


def test_a_table_of_names_and_presence_marks_that_no_label_opens() -> None:
    people = attendance("Styrelsemöte 2024-10-14\nAnna Berg\tJa\nBo Ek\tJa\nEva Lind\tNej")
    assert [(p.name, p.status) for p in people] == [
        ("Anna Berg", Status.PRESENT),
        ("Bo Ek", Status.PRESENT),
        ("Eva Lind", Status.ABSENT),
    ]


def test_presence_shown_by_opening_the_meeting_and_by_speaking() -> None:
    from pipeline.parse import parse_minutes
    from pipeline.records import CleanText, SourceFile, SourceFormat

    text = (
        "Protokoll styrelsemöte 2023-03-01\n§ 1 Mötets öppnande\nIda Hall förklarar sammanträdet "
        "öppnat.\n§ 2 Val av justerare\nMötet väljer Aron Lundh och Vera Sjö till justerare.\n"
        "§ 3 Taxa\nUnder överläggningen yttrar sig\nEmma Falk (S), Nils Rydén (M)\n"
        "Fullmäktiges beslut\n- Taxan fastställs enligt förslaget."
    )
    lines = tuple(Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1))
    minutes = parse_minutes(SourceFile("x.txt", "0", SourceFormat.TXT, 1), CleanText((), lines))
    assert summary(list(minutes.attendance)) == {
        "Ida Hall": ("present", set()),
        "Aron Lundh": ("present", {"adjuster"}),
        "Vera Sjö": ("present", {"adjuster"}),
        "Emma Falk": ("present", set()),
        "Nils Rydén": ("present", set()),
    }
    assert [d.outcome.value for d in minutes.sections[-1].decisions] == ["approved"]

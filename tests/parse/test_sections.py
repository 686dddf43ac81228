"""Section headings, page furniture inside sections, signatures."""

from __future__ import annotations

from pipeline.parse.outline import find_headings, outline
from pipeline.parse.sections import drop_stray_names, segment_sections
from pipeline.parse.signatures import parse_signatures
from pipeline.records import Line, Role


def _lines(text: str, page: int = 1) -> list[Line]:
    return [Line(t, page, n) for n, t in enumerate(text.split("\n"), 1)]


def test_headings_with_and_without_space_and_title_on_next_line() -> None:
    lines = _lines("§1 Öppnande\n\nText.\n\n§ 2.\nEkonomi\n\nMer text.\n\n§ 3: Avslutning")
    sections = segment_sections(*outline(lines))
    assert [(s.number, s.title) for s in sections] == [
        ("1", "Öppnande"),
        ("2", "Ekonomi"),
        ("3", "Avslutning"),
    ]
    assert sections[1].text == "Mer text."


def test_a_wrapped_reference_is_not_a_heading() -> None:
    lines = _lines("§ 14 Ansökan\n\nBeslut: Skjuts på framtiden med anledning av\n§ 13.")
    assert [h.index for h in find_headings(lines)] == [0]


def test_a_name_alone_in_a_section_is_page_furniture() -> None:
    lines = _lines("§ 5 Samverkan\n\nFörsta stycket.\n\nAnn Lundqvist\n\nAndra stycket.")
    section = segment_sections(*outline(lines))[0]
    assert drop_stray_names(section, ["Ann Lundqvist"]).text == "Första stycket.\n\nAndra stycket."


def test_signature_block_with_titles_and_affiliations() -> None:
    signatories = parse_signatures(
        _lines(
            "Vid protokollet:\n\nAnn Lundqvist\nFörbundssekreterare\n\nJusteras:\n\n"
            "Ola Wiktorson\nFörbundschef\n\n______________\nCharlotta Skälén\nLandstinget Sörmland"
        )
    )
    assert [(s.name, s.role, s.title, s.affiliation) for s in signatories] == [
        ("Ann Lundqvist", Role.SECRETARY, "Förbundssekreterare", None),
        ("Ola Wiktorson", Role.ADJUSTER, "Förbundschef", None),
        ("Charlotta Skälén", Role.ADJUSTER, None, "Landstinget Sörmland"),
    ]


def test_other_section_sign_forms() -> None:
    lines = _lines("3 § Val av justerare\n\nText.\n\nParagraf 4 Ekonomi\n\nMer.")
    assert [(h.number, h.title) for h in find_headings(lines)] == [
        ("3", "Val av justerare"),
        ("4", "Ekonomi"),
    ]


def test_numbered_agenda_items_with_sub_items_and_decision_parts() -> None:
    lines = _lines(
        "1. Mötets öppnande\n\nOrdföranden öppnade.\n\n2 Formalia\n\n2.1 Val av sekreterare\n\n"
        "2.1.1 Förslag\n\nAnna väljs.\n\n2.1.2 Beslut\n\nbifalles\n\n"
        "1. en punkt i en lista\n\n3) Ekonomi\n\nPunkt 4 Avslutning"
    )
    assert [(h.number, h.title) for h in find_headings(lines)] == [
        ("1", "Mötets öppnande"),
        ("2", "Formalia"),
        ("2.1", "Val av sekreterare"),
        ("3", "Ekonomi"),
        ("4", "Avslutning"),
    ]


def test_a_numbered_list_in_section_sign_minutes_is_not_a_heading() -> None:
    lines = _lines("§ 1 Budget\n\n1. Styrelsen föreslår\n\n2. Årsmötet beslutar\n\n§ 2 Avslutning")
    assert [h.number for h in find_headings(lines)] == ["1", "2"]


def test_lettered_sub_items_and_diary_numbers() -> None:
    lines = _lines(
        "§ 18 Övriga frågor\n\nA. Strandparkeringen\n\nText.\n\nB. Samarbete\n\nMer.\n\n"
        "§ 19 Detaljplan för Kv Eken, Dnr KS 2019/123\n\nText.\n\n"
        "§ 20 Budget\nDnr 2020.0045\n\nText."
    )
    sections = segment_sections(*outline(lines))
    assert [(s.number, s.title, s.diary_number) for s in sections] == [
        ("18", "Övriga frågor", None),
        ("18.A", "Strandparkeringen", None),
        ("18.B", "Samarbete", None),
        ("19", "Detaljplan för Kv Eken", "KS 2019/123"),
        ("20", "Budget", "2020.0045"),
    ]
    assert sections[4].text == "Text."


def test_warnings_name_the_guesses() -> None:
    from pipeline.parse.checks import guesses
    from pipeline.records import Attendee, MeetingHeader, Section, Signatory, Status

    warnings = guesses(
        MeetingHeader(organization="RAR", body=None, date="2020-01-01"),
        [Attendee("Jacob Sandström", Status.PRESENT)],
        [Signatory("Jacob Sandgren", Role.ADJUSTER), Signatory("Eva Okänd", Role.SECRETARY)],
        [Section("3", "A", 1, ""), Section("5", "B", 1, "")],
    )
    assert warnings == [
        "meeting body not found in the header",
        "signatory 'Jacob Sandgren' read as the listed 'Jacob Sandström' (spelling differs)",
        "signatory 'Eva Okänd' is in no attendance list; counted as present",
        "§ 5 follows § 3: numbering skips",
    ]


def test_names_signed_side_by_side_split_by_their_caption() -> None:
    signatories = parse_signatures(
        _lines(
            "Vid protokollet\nIngrid Tönsgård\nSekreterare\nJusteras\n"
            "Carl Tönsgård Karin Barck Holst Anders Nylander\nOrdförande Justerare Justerare"
        ),
        "Årsmötet beslutade att välja Karin Barck Holst och Anders Nylander.",
    )
    assert [(s.name, s.role, s.title) for s in signatories] == [
        ("Ingrid Tönsgård", Role.SECRETARY, "Sekreterare"),
        ("Carl Tönsgård", Role.ADJUSTER, "Ordförande"),
        ("Karin Barck Holst", Role.ADJUSTER, "Justerare"),
        ("Anders Nylander", Role.ADJUSTER, "Justerare"),
    ]


def test_unnumbered_headings_when_nothing_is_numbered() -> None:
    lines = _lines(
        "Styrelsemöte - Python Sverige\nSekreterare: Frej Connolly\n\nMötets öppnande\n\n"
        "Mötet förklarades öppnat 16:00.\n\nVal av mötesordförande\n\nFredrik Håård\n\n"
        "Godkännande av dagordning\n\nGodkändes."
    )
    assert [h.title for h in find_headings(lines)] == [
        "Mötets öppnande",
        "Val av mötesordförande",
        "Godkännande av dagordning",
    ]


def test_headings_the_source_marks_win_over_guessing() -> None:
    texts = [
        ("Möte 2023-02-07", True),
        ("", False),
        ("Öppnar mötet 11:45", True),
        ("", False),
        ("Runda bordet", True),
        ("", False),
        ("Alla mår bra", False),
        ("", False),
        ("Protokolljusterare", True),
        ("", False),
        ("Beslut", True),
        ("", False),
        ("Attsats bifalles", False),
    ]
    lines = [Line(t, 1, n, heading) for n, (t, heading) in enumerate(texts, 1)]
    assert [(h.number, h.title) for h in find_headings(lines)] == [
        ("", "Öppnar mötet 11:45"),
        ("", "Runda bordet"),
        ("", "Protokolljusterare"),
    ]


def test_marked_numbered_headings_keep_their_numbers() -> None:
    texts = [
        ("Styrelsemöte 5", True),
        ("", False),
        ("1 Öppnande av möte", True),
        ("", False),
        ("3.1 Styrelsens beslutbarhet", True),
        ("", False),
        ("3.1.1 Beslut", True),
    ]
    lines = [Line(t, 1, n, heading) for n, (t, heading) in enumerate(texts, 1)]
    assert [(h.number, h.title) for h in find_headings(lines)] == [
        ("1", "Öppnande av möte"),
        ("3.1", "Styrelsens beslutbarhet"),
    ]


def test_role_captions_above_the_signature_lines() -> None:
    signatories = parse_signatures(
        _lines(
            "Sekreterare\n........................\nAnna Berg\n\nOrdförande\n"
            "........................\nBo Ek\n\nJusterare\n........................\nCecilia Lind"
        )
    )
    assert [(s.name, s.role, s.title) for s in signatories] == [
        ("Anna Berg", Role.SECRETARY, None),
        ("Bo Ek", Role.CHAIR, None),
        ("Cecilia Lind", Role.ADJUSTER, None),
    ]


def _marked(text: str) -> list[Line]:
    """Lines of a markup source: "# " marks a heading."""
    return [
        Line(t.removeprefix("# "), 1, n, heading=t.startswith("# "))
        for n, t in enumerate(text.split("\n"), 1)
    ]


def test_items_of_an_outline_under_a_minutes_heading_are_the_sections() -> None:
    lines = _marked(
        "# Styrelsemöte 2021-03-04\n\n# Protokoll\n\nLokalfrågan\nBoka salen - Eva\n"
        "Skicka avtal - Per - klart\n\nHemsidan\nUppdatera kalendern - Eva\n\n"
        "Övrigt\nInget att ta upp\nNästa möte i maj"
    )
    assert [h.title for h in find_headings(lines)] == ["Lokalfrågan", "Hemsidan", "Övrigt"]


def test_prose_under_a_minutes_heading_stays_one_section() -> None:
    lines = _marked("# Möte\n\n# Ekonomi\n\nKassören redogjorde.\n\n# Protokoll\n\nInget nytt.")
    assert [h.title for h in find_headings(lines)] == ["Ekonomi", "Protokoll"]


def test_an_agenda_list_announces_the_sections_but_is_none() -> None:
    lines = _marked(
        "# Annual meeting 2021\n\n# Agenda\n\nElection of meeting chair\nBudget\n\n"
        "# Election of meeting chair\n\nEva Lind was elected.\n\n# Budget\n\nThe budget was set."
    )
    assert [h.title for h in find_headings(lines)] == ["Election of meeting chair", "Budget"]


def test_a_dagordning_heading_with_a_decision_is_a_section() -> None:
    lines = _marked("# Möte\n\n# Dagordning\n\nDagordningen godkändes.\n\n# Ekonomi\n\nText.")
    assert [h.title for h in find_headings(lines)] == ["Dagordning", "Ekonomi"]


def test_a_lettered_item_right_under_its_heading() -> None:
    lines = _lines("§ 9 Övriga frågor\nA.\tBryggan\n\nText.\n\nB. Vägen\n\nMer.\n\n§ 10 Avslut")
    assert [(h.number, h.title) for h in find_headings(lines)] == [
        ("9", "Övriga frågor"),
        ("9.A", "Bryggan"),
        ("9.B", "Vägen"),
        ("10", "Avslut"),
    ]


def test_a_name_signed_with_its_role_on_the_same_line() -> None:
    signatories = parse_signatures(_lines("Vid protokollet\n\nEva Lind sekr.\n\nJusteras\n\nBo Ek"))
    assert [(s.name, s.role, s.title) for s in signatories] == [
        ("Eva Lind", Role.SECRETARY, "sekr."),
        ("Bo Ek", Role.ADJUSTER, None),
    ]


def test_a_signatures_heading_opens_no_section() -> None:
    lines = _marked(
        "# Möte\n\n# Ekonomi\n\nText.\n\n# Avslut\n\nSlut.\n\n# Signaturer\n\nOrdförande:"
    )
    assert [h.title for h in find_headings(lines)] == ["Ekonomi", "Avslut"]

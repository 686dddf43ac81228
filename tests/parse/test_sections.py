"""Section headings, page furniture inside sections, signatures."""

from __future__ import annotations

from pipeline.parse.sections import drop_stray_names, heading_indexes, segment_sections
from pipeline.parse.signatures import parse_signatures
from pipeline.records import Line, Role


def _lines(text: str, page: int = 1) -> list[Line]:
    return [Line(t, page, n) for n, t in enumerate(text.split("\n"), 1)]


def test_headings_with_and_without_space_and_title_on_next_line() -> None:
    lines = _lines("§1 Öppnande\n\nText.\n\n§ 2.\nEkonomi\n\nMer text.\n\n§ 3: Avslutning")
    sections = segment_sections(lines, heading_indexes(lines))
    assert [(s.number, s.title) for s in sections] == [
        ("1", "Öppnande"),
        ("2", "Ekonomi"),
        ("3", "Avslutning"),
    ]
    assert sections[1].text == "Mer text."


def test_a_wrapped_reference_is_not_a_heading() -> None:
    lines = _lines("§ 14 Ansökan\n\nBeslut: Skjuts på framtiden med anledning av\n§ 13.")
    assert heading_indexes(lines) == [0]


def test_a_name_alone_in_a_section_is_page_furniture() -> None:
    lines = _lines("§ 5 Samverkan\n\nFörsta stycket.\n\nAnn Lundqvist\n\nAndra stycket.")
    section = segment_sections(lines, heading_indexes(lines))[0]
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

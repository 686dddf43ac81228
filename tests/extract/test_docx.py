"""Word documents: body order, attendance tables as tab-joined rows, what Word hides left out.

Every document is written by python-docx in the test, the way a secretary's minutes look:
heading, header fields, an attendance table, numbered §§, a list, a decision, a signature.
"""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from pipeline.discover import identify
from pipeline.extract import extract
from pipeline.extract.docx import extract_docx
from pipeline.process import process
from pipeline.records import PageMethod, SourceFormat, Status

ATTENDANCE = [
    ("Anna Åberg", "ordförande", "närvarande"),
    ("Örjan Ek", "ledamot", "närvarande"),
    ("Cecilia Lind", "ledamot", "frånvarande"),
]


def write_minutes(path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = "Föreningen Sjöviken – sidhuvud"
    section.footer.paragraphs[0].text = "Sida 1 av 1"
    document.add_heading("Protokoll fört vid styrelsemöte i Föreningen Sjöviken", level=1)
    document.add_paragraph("Datum: 2024-05-02 kl. 18.00 - 20.00")
    document.add_paragraph("Plats: Bygdegården, Sjöviken")
    document.add_paragraph("Närvarande:")
    table = document.add_table(rows=0, cols=3)
    for row in ATTENDANCE:
        for cell, value in zip(table.add_row().cells, row, strict=True):
            cell.text = value
    document.add_paragraph("Sekreterare: Eva Gran")
    document.add_heading("§ 1 Mötets öppnande", level=2)
    document.add_paragraph("Ordförande Anna Åberg öppnade mötet.")
    document.add_heading("§ 2 Ansökan om bidrag till bryggan", level=2)
    document.add_paragraph("Föreningen har ansökt om 25 000 kronor för")
    document.add_paragraph("material", style="List Bullet")
    document.add_paragraph("arbetskostnad", style="List Bullet")
    document.add_paragraph("Beslut: Ansökan beviljas.")
    document.add_heading("§ 3 Mötets avslutande", level=2)
    document.add_paragraph("Ordförande tackade för visat intresse.")
    document.add_paragraph("Vid protokollet")
    document.add_paragraph("Eva Gran")
    document.save(str(path))
    return path


@pytest.fixture(scope="module")
def minutes_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_minutes(tmp_path_factory.mktemp("docx") / "styrelsemote.docx")


def test_paragraphs_and_the_attendance_table_in_body_order(minutes_docx: Path) -> None:
    source = identify(minutes_docx)
    assert source.format is SourceFormat.DOCX
    (page,) = extract(source).pages
    assert page.method is PageMethod.TEXT
    assert page.text == "\n".join(
        [
            "Protokoll fört vid styrelsemöte i Föreningen Sjöviken",
            "",
            "Datum: 2024-05-02 kl. 18.00 - 20.00",
            "",
            "Plats: Bygdegården, Sjöviken",
            "",
            "Närvarande:",
            "",
            "Anna Åberg\tordförande\tnärvarande",
            "Örjan Ek\tledamot\tnärvarande",
            "Cecilia Lind\tledamot\tfrånvarande",
            "",
            "Sekreterare: Eva Gran",
            "",
            "§ 1 Mötets öppnande",
            "",
            "Ordförande Anna Åberg öppnade mötet.",
            "",
            "§ 2 Ansökan om bidrag till bryggan",
            "",
            "Föreningen har ansökt om 25 000 kronor för",
            "",
            "material",
            "arbetskostnad",
            "",
            "Beslut: Ansökan beviljas.",
            "",
            "§ 3 Mötets avslutande",
            "",
            "Ordförande tackade för visat intresse.",
            "",
            "Vid protokollet",
            "",
            "Eva Gran",
        ]
    )
    assert "sidhuvud" not in page.text and "Sida 1" not in page.text


def test_the_minutes_parse_with_attendance_sections_and_decisions(minutes_docx: Path) -> None:
    minutes = process(minutes_docx)
    assert minutes.source.format is SourceFormat.DOCX
    assert minutes.meeting.date == "2024-05-02"
    people = {a.name: a.status for a in minutes.attendance}
    assert {name: people.get(name) for name, _, _ in ATTENDANCE} == {
        "Anna Åberg": Status.PRESENT,
        "Örjan Ek": Status.PRESENT,
        "Cecilia Lind": Status.ABSENT,
    }
    assert people.get("Eva Gran") is Status.PRESENT
    assert [s.number for s in minutes.sections] == ["1", "2", "3"]
    assert [d.outcome.value for d in minutes.sections[1].decisions] == ["approved"]
    assert [(s.name, s.role.value) for s in minutes.signatories] == [("Eva Gran", "secretary")]


def test_cells_merged_cells_and_several_paragraphs_in_a_cell(tmp_path: Path) -> None:
    document = docx.Document()
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "Närvarande ledamöter"
    table.cell(1, 0).text = "Beslutande"
    table.cell(1, 1).text = "Anna Åberg (S)"
    table.cell(1, 1).add_paragraph("Bo Berg (M)")
    table.cell(1, 2).text = "Ja"
    table.cell(2, 1).text = "Beslut:"
    table.cell(2, 1).add_paragraph("bifalls")
    path = tmp_path / "tabell.docx"
    document.save(str(path))
    assert extract_docx(path)[0].text == "\n".join(
        [
            "Närvarande ledamöter",
            "Beslutande\tAnna Åberg (S); Bo Berg (M)\tJa",
            "\tBeslut: bifalls\t",
        ]
    )


def test_what_word_does_not_show_is_left_out(tmp_path: Path) -> None:
    document = docx.Document()
    paragraph = document.add_paragraph("Beslut: Ansökan ")
    for xml in (
        '<w:del w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
        "<w:delText>avslås</w:delText></w:r></w:del>",
        '<w:ins w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r>'
        "<w:t>beviljas</w:t></w:r></w:ins>",
        '<w:r><w:t xml:space="preserve"> enligt sida </w:t></w:r>',
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText>'
        '</w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
        '<w:hyperlink r:id="rId99"><w:r><w:t> i bilagan</w:t></w:r></w:hyperlink>',
        "<w:r><w:br/><w:t>Justerare:</w:t><w:tab/><w:t>Bo Berg</w:t></w:r>",
    ):
        for element in parse_xml(f"<w:wrap {nsdecls('w', 'r')}>{xml}</w:wrap>"):
            paragraph._p.append(element)
    path = tmp_path / "spar.docx"
    document.save(str(path))
    assert extract_docx(path)[0].text == (
        "Beslut: Ansökan beviljas enligt sida 3 i bilagan\nJusterare:\tBo Berg"
    )


def test_an_empty_document_reads_as_an_empty_page(tmp_path: Path) -> None:
    path = tmp_path / "tom.docx"
    docx.Document().save(str(path))
    assert [(p.number, p.text) for p in extract_docx(path)] == [(1, "")]

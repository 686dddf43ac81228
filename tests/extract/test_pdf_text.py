"""The PDF text layer through PDFium: implied spaces, lines, paragraphs, columns, char boxes,
text set sideways or letter-spaced, and the check against PDFium's own reading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import numpy.typing as npt
import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract import pdf_text
from pipeline.extract.layer_check import MIN_AGREEMENT
from pipeline.extract.layout import PositionedLine
from pipeline.extract.pdf import plan_pages
from pipeline.extract.pdf_text import Layer, page_text, read_layer
from tests.conftest import FIXTURES


def _words_placed_apart(path: Path) -> Path:
    """Words drawn one by one with no space characters between them, as e-signing tools do."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    y = 780.0
    for words in (["Carl", "Tönsgård,", "ordförande"], ["Ylva", "Rudling,", "kassör"]):
        x = 60.0
        for word in words:
            canvas.drawString(x, y, word)
            x += canvas.stringWidth(word, "Helvetica", 11) + 3.2
        y -= 14
    canvas.drawString(60, 740, "Datum")
    canvas.drawString(300, 740, "Plats")
    canvas.save()
    return path


def test_implied_spaces_and_columns(tmp_path: Path) -> None:
    document = pypdfium2.PdfDocument(_words_placed_apart(tmp_path / "placed.pdf"))
    lines = page_text(document[0]).split("\n")
    assert lines[:2] == ["Carl Tönsgård, ordförande", "Ylva Rudling, kassör"]
    assert "Datum\tPlats" in lines


def test_paragraphs_of_a_rendered_seed() -> None:
    document = pypdfium2.PdfDocument(FIXTURES / "seeds" / "seed_000.pdf")
    text = page_text(document[0])
    assert "Närvarande: Jacob Sandström, Ingrid Jerneborg Glimne, Gunilla Bergman\nLarsson," in text
    assert "\n\n§ 10 Mötets öppnande\n\n" in text


def turned_text_page(
    path: Path,
    rotate: int,
    *,
    crop: tuple[float, float, float, float] | None = None,
    media: tuple[float, float, float, float] | None = None,
) -> Path:
    """Thirty lines of a seed on a page shown turned by /Rotate, optionally cropped, optionally
    on a media box whose corner is not at the origin."""
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setPageRotation(rotate)  # turned a quarter, reportlab lays the page out landscape
    if crop is not None:
        canvas.setCropBox(crop)
    seed = (FIXTURES / "seeds" / "seed_000.txt").read_text(encoding="utf-8")
    lines = [line for line in seed.splitlines() if line.strip()][:30]
    for number, line in enumerate(lines):
        canvas.drawString(60, 560 - 14 * number, line[:80])
    canvas.save()
    if media is not None:  # reportlab puts the media box at the origin; PDFium moves it
        document = pypdfium2.PdfDocument(path)
        pdfium_c.FPDFPage_SetMediaBox(document[0].raw, *media)
        document.save(path.with_suffix(".moved.pdf"))
        document.close()
        path.with_suffix(".moved.pdf").replace(path)
    return path


@pytest.mark.parametrize("rotate", [0, 90, 180, 270])
def test_character_boxes_are_pdfminers_on_the_page_as_shown(tmp_path: Path, rotate: int) -> None:
    """The ink check and the gutter were measured on pdfminer's boxes: PDFium's loose boxes,
    turned to the page as shown, are the same characters within half a point."""
    path = turned_text_page(tmp_path / f"turned{rotate}.pdf", rotate)
    with pdfplumber.open(path) as pdf:
        expected = [c for c in pdf.pages[0].chars if c["text"].strip()]
    document = pypdfium2.PdfDocument(path)
    try:
        chars = read_layer(document[0]).chars
    finally:
        document.close()
    inked = ~np.isnan(chars.boxes[:, 0])
    texts = [char for char, drawn in zip(chars.text, inked, strict=True) if drawn]
    boxes = chars.inked()
    assert len(boxes) == len(expected) > 500
    for char in expected:
        box = np.array([char["x0"], char["top"], char["x1"], char["bottom"]], dtype=float)
        nearest = int(np.abs(boxes - box).max(axis=1).argmin())
        assert np.abs(boxes[nearest] - box).max() < 0.5
        assert texts[nearest] == char["text"]


def test_words_split_at_spaces_and_keep_a_hyphen_that_ends_a_line(tmp_path: Path) -> None:
    """PDFium codes a "-" ending a line as STX; as a word it is the hyphen it shows."""
    canvas = Canvas(str(tmp_path / "hyphen.pdf"), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(60, 780, "en gemensam kompetens-")
    canvas.drawString(60, 766, "och lärplattform.")
    canvas.save()
    document = pypdfium2.PdfDocument(tmp_path / "hyphen.pdf")
    try:
        chars = read_layer(document[0]).chars
    finally:
        document.close()
    words = chars.words()
    assert [w.text for w in words] == ["en", "gemensam", "kompetens-", "och", "lärplattform."]
    assert words[0].left == pytest.approx(60, abs=0.1)
    assert words[3].top - words[2].top == pytest.approx(14, abs=0.1)  # y grows down the page


def test_a_word_hyphenated_over_a_line_end_reads_whole_after_cleaning(tmp_path: Path) -> None:
    from pipeline.discover import identify
    from pipeline.extract import extract
    from pipeline.extract.clean import clean

    canvas = Canvas(str(tmp_path / "avstavning.pdf"), pagesize=A4, invariant=1)
    canvas.drawString(60, 780, "Förbundet satsar på en gemensam kompetens-")
    canvas.drawString(60, 766, "utveckling för alla handläggare.")
    canvas.save()
    source = identify(tmp_path / "avstavning.pdf")
    assert "\x02" not in extract(source).pages[0].text
    assert "kompetensutveckling" in "\n".join(line.text for line in clean(extract(source)).lines)


BODY = [
    "Sammanträde med styrelsen för Föreningen Sjöviken",
    "Datum: 2024-05-02 kl. 18.00",
    "Plats: Bygdegården, Sjöviken",
]


def _layer(path: Path) -> Layer:
    document = pypdfium2.PdfDocument(path)
    try:
        return read_layer(document[0])
    finally:
        document.close()


def test_a_letter_spaced_title_reads_as_one_word(tmp_path: Path) -> None:
    """Character spacing (Tc) sets letters apart by more than a word space's share of a line;
    PDFium's own spaces, which allow for it, say where the words end."""
    canvas = Canvas(str(tmp_path / "spärrad.pdf"), pagesize=A4, invariant=1)
    title = canvas.beginText(60, 780)
    title.setFont("Helvetica-Bold", 14)
    title.setCharSpace(4)
    title.textOut("PROTOKOLL")
    title.setCharSpace(0)
    canvas.drawText(title)
    canvas.setFont("Helvetica", 11)
    for number, line in enumerate(BODY):
        canvas.drawString(60, 750 - 14 * number, line)
    canvas.save()
    layer = _layer(tmp_path / "spärrad.pdf")
    assert layer.text.split("\n") == ["PROTOKOLL", "", *BODY]
    assert not layer.repaired


@pytest.mark.parametrize("angle", [90, 270])
def test_text_drawn_sideways_reads_in_lines(tmp_path: Path, angle: int) -> None:
    """A table laid out landscape and printed sideways on an upright page: read as the reader
    turns the page, line by line, not a letter a line."""
    canvas = Canvas(str(tmp_path / f"liggande{angle}.pdf"), pagesize=A4, invariant=1)
    width, height = A4
    canvas.translate(width / 2, height / 2)
    canvas.rotate(angle)
    canvas.setFont("Helvetica", 11)
    for number, line in enumerate(BODY):
        canvas.drawString(-300, 200 - 14 * number, line)
    canvas.save()
    assert _layer(tmp_path / f"liggande{angle}.pdf").text.split("\n") == BODY


def test_a_line_printed_up_the_margin_stays_one_line_after_the_text(tmp_path: Path) -> None:
    """E-signing services print a transaction line up the margin of every page: it is one line
    of its own, not letters spread over the lines of text it passes."""
    canvas = Canvas(str(tmp_path / "signerad.pdf"), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    for number, line in enumerate(BODY):
        canvas.drawString(60, 780 - 14 * number, line)
    canvas.saveState()
    canvas.translate(30, 560)
    canvas.rotate(90)
    canvas.setFont("Helvetica", 7)
    canvas.drawString(0, 0, "Transaktion 09222115557 Signerat AB, CD")
    canvas.restoreState()
    canvas.save()
    lines = _layer(tmp_path / "signerad.pdf").text.split("\n")
    assert lines[:3] == BODY
    assert lines[-1] == "Transaktion 09222115557 Signerat AB, CD"


def test_lines_that_disagree_with_pdfiums_reading_are_replaced_by_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where boxes mislead the rebuild (here, one that spaces every letter), the page's text is
    PDFium's own reading of the same characters, and the plan says it was repaired."""
    canvas = Canvas(str(tmp_path / "vilseledande.pdf"), pagesize=A4, invariant=1)
    canvas.setFont("Helvetica", 11)
    for number, line in enumerate(BODY):
        canvas.drawString(60, 780 - 14 * number, line)
    canvas.save()

    def spaced_letters(text: str, boxes: npt.NDArray[np.float64]) -> list[PositionedLine]:
        return [PositionedLine(" ".join(line.replace(" ", "")), 0, 1) for line in BODY]

    monkeypatch.setattr(pdf_text, "read_lines", spaced_letters)
    layer = _layer(tmp_path / "vilseledande.pdf")
    assert layer.repaired and layer.agreement < MIN_AGREEMENT
    assert layer.text.split("\n") == BODY
    [plan] = plan_pages(tmp_path / "vilseledande.pdf")
    assert plan.repaired and plan.page.text.split("\n") == BODY


@pytest.mark.parametrize(
    ("code", "expected"),
    [(0x41, "A"), (0xE5, "å"), (0x110000, "\ufffd"), (0xFFFFFFFF, "\ufffd"), (0xD800, "\ufffd")],
)
def test_a_code_no_string_can_hold_reads_as_the_replacement_character(
    code: int, expected: str
) -> None:
    # a damaged font's map gives PDFium codes past U+10FFFF, or lone surrogates
    assert pdf_text._character(code) == expected
    assert expected.encode("utf-8")

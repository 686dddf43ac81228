"""The PDF text layer through PDFium: implied spaces, lines, paragraphs, columns, char boxes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pdfplumber
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.pdf_text import page_text, read_layer
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

"""The PDF text layer through PDFium: implied spaces, lines, paragraphs and columns."""

from __future__ import annotations

from pathlib import Path

import pypdfium2
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.pdf_text import page_text
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

"""Which text pages need the ink check: only those that could show text their layer lacks."""

from __future__ import annotations

import io

import pypdfium2
from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from pipeline.extract.page_image import MAX_PLAIN_PATHS, draws_only_text


def one_page(draw: str) -> bool:
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 760, "§ 1 Mötets öppnande")
    pdf.line(72, 750, 500, 750)
    if draw == "image":
        pdf.drawImage(ImageReader(Image.new("L", (40, 20), 0)), 72, 600, 40, 20)
    if draw == "outlines":  # glyphs drawn as paths, as some exports write headings
        for n in range(MAX_PLAIN_PATHS + 1):
            pdf.rect(72 + (n % 40) * 10, 500 - (n // 40) * 12, 6, 8, fill=1)
    pdf.showPage()
    pdf.save()
    document = pypdfium2.PdfDocument(buffer.getvalue())
    try:
        return draws_only_text(document[0])
    finally:
        document.close()


def test_text_and_a_rule_need_no_ink_check() -> None:
    assert one_page("text") is True


def test_an_image_or_many_paths_get_the_ink_check() -> None:
    assert one_page("image") is False
    assert one_page("outlines") is False

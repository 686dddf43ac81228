"""Text layers as producers lay them out, read as a reader sees the page.

Each test draws a page with reportlab the way one kind of producer writes it: every glyph in a
text object of its own at its own position (Skia, in Google Docs' export), kerned pairs whose
advance boxes overlap, a two-column header written as one run of text with a wide gap, and an
invisible OCR layer (render mode 3) over a scanned image, word by word in a glyphless font, with
the table's rules as wide blank characters (Tesseract's layer as Ghostscript writes it). The text
read must be the text drawn.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2
import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase._fontdata import encodings
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from pipeline.extract.layer_check import MIN_AGREEMENT, agreement
from pipeline.extract.pdf import plan_pages
from pipeline.extract.pdf_text import read_layer

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
requires_dejavu = pytest.mark.skipif(
    not DEJAVU.exists(), reason="the DejaVu font is not installed (fonts-dejavu-core)"
)
# Pairs a font's kerning table draws closer: the second glyph starts inside the first's advance.
KERNING_PT = {"fö": -0.9, "Va": -1.2, "Te": -0.8, "rö": -0.4, "ty": -0.5, "Ty": -1.0, "vå": -0.5}
MINUTES = [
    "Årsmötet öppnades av ordföranden Tekla Nyström.",
    "§ 2 Val av mötesordförande och sekreterare",
    "Till mötesordförande valdes Åsa Öberg, till sekreterare Ture Vång.",
    "Styrelsen föreslår att årsmötet beslutar om ny föreningsavgift.",
]


def _glyph_by_glyph(path: Path, lines: list[str], *, size: float = 11.0) -> Path:
    """Each glyph its own text object at its own position, kerned, in an embedded TrueType font:
    no space characters, no run of text longer than one letter."""
    pdfmetrics.registerFont(TTFont("GlyphSans", str(DEJAVU)))
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    y = 780.0
    for line in lines:
        x, previous = 72.0, ""
        for char in line:
            x += KERNING_PT.get(previous + char, 0.0) * size / 11
            if char != " ":
                text = canvas.beginText(x, y)
                text.setFont("GlyphSans", size)
                text.textOut(char)
                canvas.drawText(text)
            x += pdfmetrics.stringWidth(char, "GlyphSans", size)
            previous = char
        y -= size * 1.25
    canvas.save()
    return path


def _page_text(path: Path) -> str:
    document = pypdfium2.PdfDocument(path)
    try:
        return read_layer(document[0]).text
    finally:
        document.close()


@requires_dejavu
def test_a_page_drawn_glyph_by_glyph_reads_as_its_lines(tmp_path: Path) -> None:
    """Spaces come from the words' spacing, not from the gaps between letters' outlines."""
    text = _page_text(_glyph_by_glyph(tmp_path / "glyphs.pdf", MINUTES))
    assert text.split("\n") == MINUTES


@requires_dejavu
def test_kerned_pairs_whose_boxes_overlap_come_out_once(tmp_path: Path) -> None:
    lines = ["Föreningen förvaltar Vattentornet och Tyresö båtvarv."]
    text = _page_text(_glyph_by_glyph(tmp_path / "kerned.pdf", lines, size=16.0))
    assert text == lines[0]
    assert "föfö" not in text and "VaVa" not in text


def test_a_two_column_header_keeps_its_column_break_on_every_row(tmp_path: Path) -> None:
    """The second row of a header table written as one run of text, its cells apart by a gap
    the producer made by positioning: the gap is still a column break."""
    canvas = Canvas(str(tmp_path / "header.pdf"), pagesize=A4, invariant=1)
    text = canvas.beginText(60, 780)
    text.setFont("Helvetica", 10)
    text.textOut("Datum")
    text.moveCursor(142, 0)
    text.textOut("Plats")
    canvas.drawText(text)
    row = canvas.beginText(60, 766)
    row.setFont("Helvetica", 10)
    cells = [
        row._formatText(cell).removesuffix(" Tj") for cell in ("2023-07-25 kl 09.00", "Sjöviks")
    ]
    row._code.append(f"[{cells[0]} -8200 {cells[1]}] TJ")  # one string, its cells apart by a gap
    canvas.drawText(row)
    canvas.save()
    text_read = _page_text(tmp_path / "header.pdf")
    assert text_read.split("\n")[:2] == ["Datum\tPlats", "2023-07-25 kl 09.00\tSjöviks"]


class _GlyphlessFont(pdfmetrics.Font):
    """An OCR layer's font: every glyph an empty box half an em wide and an em high, as in the
    GlyphLessFont Tesseract's PDF renderer embeds (which Ghostscript's OCR uses)."""

    def __init__(self) -> None:
        super().__init__("Glyphless", "Helvetica", "WinAnsiEncoding")
        self.widths = [500] * 256

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:  # reportlab calls it so
        internal = f"F{len(doc.fontMapping) + 1}"
        empty_glyph = doc.Reference(pdfdoc.PDFStream(content=b"500 0 0 0 500 1000 d1"))
        names = [name or "space" for name in encodings["WinAnsiEncoding"][32:256]]
        font = pdfdoc.PDFDictionary(
            {
                "Type": pdfdoc.PDFName("Font"),
                "Subtype": pdfdoc.PDFName("Type3"),
                "FontBBox": pdfdoc.PDFArray([0, 0, 500, 1000]),
                "FontMatrix": pdfdoc.PDFArray([0.001, 0, 0, 0.001, 0, 0]),
                "CharProcs": pdfdoc.PDFDictionary(dict.fromkeys(names, empty_glyph)),
                "Encoding": pdfdoc.PDFDictionary(
                    {
                        "Type": pdfdoc.PDFName("Encoding"),
                        "Differences": pdfdoc.PDFArray([32, *map(pdfdoc.PDFName, names)]),
                    }
                ),
                "FirstChar": 32,
                "LastChar": 255,
                "Widths": pdfdoc.PDFArray([500] * 224),
                "Resources": pdfdoc.PDFDictionary({}),
            }
        )
        doc.idToObject["BasicFonts"].dict[internal] = doc.Reference(font, internal)
        doc.fontMapping[self.fontName] = "/" + internal


# A scanned agenda table: item number, item, who is responsible; lines of notes under an item.
TABLE = [
    ("1.", "Mötets öppnande", "", []),
    ("2.", "Val av justerare", "BG", ["Fredrik Ek väljs till justerare."]),
    ("3.", "Ekonomi", "JS/LJ", ["Kassören redogjorde för ekonomin.", "Rapporten lades till."]),
    ("4.", "Mötets avslutande", "", []),
]
ROW_PITCH_PT = 12.5
TABLE_LEFT_PT, TABLE_WIDTH_PT = 73.0, 453.0


def _ocr_word(canvas: Canvas, x: float, y: float, word: str, size: float, width: float) -> None:
    """One recognised word as Tesseract's renderer writes it: invisible, followed by a space,
    stretched by the text matrix to the width the word has on the scan."""
    text = canvas.beginText()
    text.setTextRenderMode(3)
    text.setFont("Glyphless", size)
    natural = pdfmetrics.stringWidth(word + " ", "Glyphless", size)
    text.setTextTransform(width / natural, 0, 0, 1, x, y)
    text.textOut(word + " ")
    canvas.drawText(text)


def _ocr_layer(path: Path) -> Path:
    """A scanned page with an OCR layer as Ghostscript writes it: the rules of the table, which
    the OCR read as blank "words" as wide as the table, come first; then the rows, word by word.
    """
    if "Glyphless" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_GlyphlessFont())
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(Image.new("L", (620, 877), 250)), 0, 0, *A4)
    top = 700.0
    rows_with_rules = [0, *[i for i, (*_, notes) in enumerate(TABLE) if notes]]
    for index in rows_with_rules:  # each rule at the top edge of the row under it
        _ocr_word(canvas, TABLE_LEFT_PT, top + 7 - ROW_PITCH_PT * index, " ", 1, TABLE_WIDTH_PT)
    y = top
    for number, item, who, notes in TABLE:
        _ocr_word(canvas, 98, y, number, 10, 6)
        _ocr_words(canvas, 121, y, item)
        if who:
            _ocr_word(canvas, 458, y, who, 10, 5.5 * len(who))
        for note in notes:
            y -= ROW_PITCH_PT
            _ocr_words(canvas, 121, y, note)
        y -= ROW_PITCH_PT
    canvas.save()
    return path


def _ocr_words(canvas: Canvas, x: float, y: float, line: str, *, size: float = 10) -> None:
    for word in line.split():
        width = size / 2 * len(word)
        _ocr_word(canvas, x, y, word, size, width)
        x += width + size * 0.3


def test_an_ocr_layer_gives_each_row_once_in_reading_order(tmp_path: Path) -> None:
    (plan,) = plan_pages(_ocr_layer(tmp_path / "skannad.pdf"))
    assert plan.ocr_reason is None  # the layer is read, not OCR'd again
    assert plan.page.text.split("\n") == [
        "1.\tMötets öppnande",
        "2.\tVal av justerare\tBG",
        "Fredrik Ek väljs till justerare.",
        "3.\tEkonomi\tJS/LJ",
        "Kassören redogjorde för ekonomin.",
        "Rapporten lades till.",
        "4.\tMötets avslutande",
    ]


@requires_dejavu
def test_the_reading_agrees_with_pdfiums_own(tmp_path: Path) -> None:
    """The lines rebuilt from boxes and PDFium's text order hold the same characters."""
    document = pypdfium2.PdfDocument(_glyph_by_glyph(tmp_path / "glyphs.pdf", MINUTES))
    try:
        layer = read_layer(document[0])
    finally:
        document.close()
    assert layer.agreement > 0.97
    assert not layer.repaired


def test_letters_spaced_apart_or_rows_read_twice_disagree_with_pdfiums_reading() -> None:
    reference = "Årsmötet öppnades av ordföranden.\nVal av mötesordförande"
    spaced = "Å r s m ö t e t ö p p n a d e s a v o r d f ö r a n d e n .\nVal av m ö t e s"
    twice = reference + "\nÅrsmötet\nöppnades\nav\nordföranden.\nVal av mötesordförande"
    moved = "Val av mötesordförande\nÅrsmötet öppnades av ordföranden."
    assert agreement(spaced, reference) < MIN_AGREEMENT
    assert agreement(twice, reference) < MIN_AGREEMENT
    assert agreement(moved, reference) > 0.95  # the order of lines is what the rebuild may change


def test_a_title_set_large_over_three_lines_stays_one_block(tmp_path: Path) -> None:
    """Lines both set larger than the text stand further apart by their size alone: a title
    over three lines (here in a scan's OCR layer) is not three paragraphs, and the header under
    it still starts a new one."""
    if "Glyphless" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(_GlyphlessFont())
    canvas = Canvas(str(tmp_path / "rubrik.pdf"), pagesize=A4, invariant=1)
    canvas.drawImage(ImageReader(Image.new("L", (620, 877), 250)), 0, 0, *A4)
    y = 760.0
    title = [("Sjövikens samfällighet", 16), ("PROTOKOLL", 13), ("Styrelsemöte nr 8", 12)]
    for line, size in title:
        _ocr_words(canvas, 74, y, line, size=size)
        y -= size * 1.2  # set solid: the leading of its own size
    y -= 15
    header = ["Datum: 2022-12-14", "Plats: Klubbstugan", "Närvarande: Åsa Öberg, Ture Vång"]
    minutes = [*header, *(f"{n}. Punkt nummer {n} på dagordningen" for n in range(1, 8))]
    for line in minutes:
        _ocr_words(canvas, 79, y, line)
        y -= ROW_PITCH_PT
    canvas.save()
    assert _page_text(tmp_path / "rubrik.pdf").split("\n") == [
        "Sjövikens samfällighet",
        "PROTOKOLL",
        "Styrelsemöte nr 8",
        "",
        *minutes,
    ]

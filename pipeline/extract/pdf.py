"""PDF pages: the text layer through pdfplumber, and OCR for pages that have none worth reading."""

from __future__ import annotations

import time
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import CorruptFile, EncryptedFile
from pipeline.extract import ocr
from pipeline.extract.layout import PositionedLine, join_lines
from pipeline.records import Page, PageMethod

MIN_TEXT_LAYER_CHARS = 20  # fewer letters than this on a page means a scan, or a blank page


def extract_pdf(path: Path) -> tuple[Page, ...]:
    """Read every page; pages without a usable text layer go to Tesseract."""
    try:
        with pdfplumber.open(path) as pdf:
            pages = [_text_layer_page(number, page) for number, page in enumerate(pdf.pages, 1)]
    except PdfminerException as exc:
        raise _translate(exc.args[0] if exc.args else exc, path) from exc
    except (PDFPasswordIncorrect, PDFSyntaxError) as exc:
        raise _translate(exc, path) from exc
    needs_ocr = [page.number for page in pages if not has_usable_text(page.text)]
    if needs_ocr:
        ocr_pages = _ocr_pages(path, needs_ocr)
        pages = [ocr_pages.get(page.number, page) for page in pages]
    return tuple(pages)


def has_usable_text(text: str) -> bool:
    return sum(ch.isalpha() for ch in text) >= MIN_TEXT_LAYER_CHARS


def _text_layer_page(number: int, page: pdfplumber.page.Page) -> Page:
    started = time.perf_counter()
    lines = [
        PositionedLine(line["text"], float(line["top"]), float(line["bottom"]))
        for line in page.extract_text_lines(strip=True, return_chars=False)
    ]
    text = join_lines(lines)
    return Page(number, text, PageMethod.TEXT, None, time.perf_counter() - started)


def _ocr_pages(path: Path, numbers: list[int]) -> dict[int, Page]:
    pages: dict[int, Page] = {}
    document = pypdfium2.PdfDocument(path)
    try:
        for number in numbers:
            started = time.perf_counter()
            bitmap = document[number - 1].render(scale=ocr.OCR_DPI / 72, grayscale=True)
            result = ocr.recognise(bitmap.to_pil(), dpi=ocr.OCR_DPI, source=str(path))
            pages[number] = Page(
                number,
                result.text,
                PageMethod.OCR,
                result.mean_confidence,
                time.perf_counter() - started,
            )
    finally:
        document.close()
    return pages


def _translate(exc: object, path: Path) -> Exception:
    if isinstance(exc, PDFPasswordIncorrect):
        return EncryptedFile(
            "the PDF is encrypted and needs a password",
            path=str(path),
            hint="save an unencrypted copy and ingest that",
        )
    return CorruptFile(
        f"the PDF cannot be parsed ({exc})",
        path=str(path),
        hint="the file may be truncated or damaged",
    )

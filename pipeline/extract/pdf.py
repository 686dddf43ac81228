"""PDF pages: the text layer through pdfplumber, and OCR for pages whose layer cannot be trusted."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

import pdfplumber
import pypdfium2
from pdfminer.pdfdocument import PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.errors import CorruptFile, EncryptedFile
from pipeline.extract import layout, ocr, quality
from pipeline.extract.layout import join_lines
from pipeline.extract.page_image import page_image, page_ink
from pipeline.extract.pdf_text import page_text
from pipeline.extract.quality import OcrReason
from pipeline.extract.scan import read_scan
from pipeline.records import Page, PageMethod


@dataclass(frozen=True)
class PagePlan:
    """A page's text layer and, when it cannot be trusted, why the page goes to OCR."""

    page: Page
    ocr_reason: OcrReason | None


def extract_pdf(path: Path) -> tuple[Page, ...]:
    """Read every page; pages without a trustworthy text layer go to Tesseract."""
    plans = plan_pages(path)
    to_ocr = [plan for plan in plans if plan.ocr_reason is not None]
    if not to_ocr:
        return tuple(plan.page for plan in plans)
    ocr_pages = _ocr_pages(path, to_ocr)
    return tuple(ocr_pages.get(plan.page.number, plan.page) for plan in plans)


def plan_pages(path: Path) -> list[PagePlan]:
    """Each page's text layer and the decision whether to OCR it (no OCR is run here)."""
    try:
        with pdfplumber.open(path) as pdf:
            document = _open_pdfium(path)
            try:
                return [_plan(index, page, document) for index, page in enumerate(pdf.pages)]
            finally:
                document.close()
    except PdfminerException as exc:
        raise _translate(exc.args[0] if exc.args else exc, path) from exc
    except (PDFPasswordIncorrect, PDFSyntaxError) as exc:
        raise _translate(exc, path) from exc


def _plan(index: int, page: pdfplumber.page.Page, document: pypdfium2.PdfDocument) -> PagePlan:
    started = time.perf_counter()
    text = _text_layer(page, document[index])
    reason = quality.ocr_reason(text, None)
    if reason is None:  # the layer reads well: does it hold all the text the page shows?
        reason = quality.ocr_reason(text, page_ink(document, index, page.chars))
    seconds = time.perf_counter() - started
    page.close()  # pdfplumber keeps every page's objects otherwise: memory grows with the file
    return PagePlan(Page(index + 1, text, PageMethod.TEXT, None, seconds), reason)


def _open_pdfium(path: Path) -> pypdfium2.PdfDocument:
    try:
        return pypdfium2.PdfDocument(path)
    except pypdfium2.PdfiumError as exc:
        raise _translate(exc, path) from exc


def _text_layer(page: pdfplumber.page.Page, pdfium_page: pypdfium2.PdfPage) -> str:
    """The page's text, line by line; a page set in two columns is read column by column.

    Lines come from PDFium, which places the spaces a PDF only implies by position
    ("Carl Tönsgård" where pdfminer's fixed tolerance writes "CarlTönsgård").
    """
    chars = [
        layout.Word(c["text"], float(c["x0"]), float(c["x1"]), float(c["top"]), float(c["bottom"]))
        for c in page.chars
        if c["text"].strip()
    ]
    if layout.find_gutter(chars) is not None:
        words = [
            layout.Word(
                w["text"], float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"])
            )
            for w in page.extract_words()
        ]
        columns = layout.read_columns(layout.group_lines(words))
        if columns is not None:
            return join_lines(columns)
    return page_text(pdfium_page)


def _ocr_pages(path: Path, plans: list[PagePlan]) -> dict[int, Page]:
    pages: dict[int, Page] = {}
    document = _open_pdfium(path)
    try:
        for plan in plans:
            number = plan.page.number
            started = time.perf_counter()
            image = page_image(document, number - 1, ocr.OCR_DPI, source=str(path))
            result = read_scan(image.image, dpi=image.dpi, source=str(path))
            pages[number] = Page(
                number,
                result.text,
                PageMethod.OCR,
                result.mean_confidence,
                time.perf_counter() - started,
                ocr_reason=plan.ocr_reason,
                rotation_deg=result.turn,
                skew_deg=result.skew_deg,
            )
    finally:
        document.close()
    return pages


def _translate(exc: object, path: Path) -> Exception:
    if isinstance(exc, PDFPasswordIncorrect) or "password" in str(exc).lower():
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

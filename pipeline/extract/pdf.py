"""PDF pages: the text layer through PDFium, and OCR for pages whose layer cannot be trusted."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pypdfium2
import pypdfium2.raw as pdfium_c

from pipeline.errors import CorruptFile, EncryptedFile, InputError
from pipeline.extract import ocr, quality
from pipeline.extract.page_image import draws_only_text, page_image, page_ink
from pipeline.extract.pdf_text import read_layer
from pipeline.extract.quality import OcrReason
from pipeline.extract.scan import read_scan_page
from pipeline.limits import check_page_count
from pipeline.records import Page, PageMethod

DAMAGED_HINT = "the file may be truncated or damaged"
LOAD_ERRORS = {  # FPDF_GetLastError after a failed load, but for the encryption errors
    pdfium_c.FPDF_ERR_FORMAT: "not a PDF, or its structure is damaged",
    pdfium_c.FPDF_ERR_FILE: "the file cannot be opened",
    pdfium_c.FPDF_ERR_UNKNOWN: "unknown PDFium error",
}


@dataclass(frozen=True)
class PagePlan:
    """A page's text layer and, when it cannot be trusted, why the page goes to OCR.

    `agreement` is how alike the lines rebuilt from the characters' boxes and PDFium's own
    reading of them are (pdf_text.read_layer); `repaired` says the page's text is PDFium's
    reading because they disagreed.
    """

    page: Page
    ocr_reason: OcrReason | None
    agreement: float = 1.0
    repaired: bool = False


def extract_pdf(path: Path) -> tuple[Page, ...]:
    """Read every page; pages without a trustworthy text layer go to Tesseract."""
    with _opened(path) as document:
        plans = _plans(document, path)
        read = {
            plan.page.number: _ocr_page(document, plan.page.number, plan.ocr_reason, path)
            for plan in plans
            if plan.ocr_reason is not None
        }
    return tuple(read.get(plan.page.number, plan.page) for plan in plans)


def plan_pages(path: Path) -> list[PagePlan]:
    """Each page's text layer and the decision whether to OCR it (no OCR is run here)."""
    with _opened(path) as document:
        return _plans(document, path)


@contextmanager
def _opened(path: Path) -> Iterator[pypdfium2.PdfDocument]:
    """The document, refused before any page is read when it has more pages than the limit."""
    document = _load(path)
    try:
        check_page_count(len(document), kind="PDF", path=str(path))
        yield document
    finally:
        document.close()


def _load(path: Path) -> pypdfium2.PdfDocument:
    """Open with PDFium's own call: its error code is fresh only right after a failed load
    (pypdfium2's message may carry the code of an earlier file, as for a PDF without pages)."""
    raw = pdfium_c.FPDF_LoadDocument((str(path) + "\x00").encode("utf-8"), None)
    if not raw:
        raise _unreadable(pdfium_c.FPDF_GetLastError(), path)
    document = pypdfium2.PdfDocument(raw)
    if len(document) == 0:
        document.close()
        raise CorruptFile("the PDF has no pages", path=str(path), hint=DAMAGED_HINT)
    return document


def _plans(document: pypdfium2.PdfDocument, path: Path) -> list[PagePlan]:
    return [_plan(document, index, path) for index in range(len(document))]


def _plan(document: pypdfium2.PdfDocument, index: int, path: Path) -> PagePlan:
    started = time.perf_counter()
    try:
        page = document[index]
    except pypdfium2.PdfiumError as exc:
        raise _unreadable_page(index, exc, path) from exc
    try:
        layer = read_layer(page)
        reason = quality.text_reason(layer.text)
        if reason is None and not draws_only_text(page):
            # the layer reads well: does it hold all the text the page shows?
            reason = quality.ink_reason(page_ink(page, layer.chars.inked()))
    except pypdfium2.PdfiumError as exc:
        raise _unreadable_page(index, exc, path) from exc
    finally:
        page.close()
    seconds = time.perf_counter() - started
    text_page = Page(index + 1, layer.text, PageMethod.TEXT, None, seconds)
    return PagePlan(text_page, reason, layer.agreement, layer.repaired)


def _ocr_page(document: pypdfium2.PdfDocument, number: int, reason: OcrReason, path: Path) -> Page:
    started = time.perf_counter()
    try:
        image = page_image(document, number - 1, ocr.OCR_DPI, source=str(path))
    except pypdfium2.PdfiumError as exc:
        raise _unreadable_page(number - 1, exc, path) from exc
    return read_scan_page(
        number, image.image, dpi=image.dpi, reason=reason, source=str(path), started=started
    )


def _unreadable(error: int, path: Path) -> InputError:
    """PDFium's refusal to open a document, as the error the batch records."""
    if error == pdfium_c.FPDF_ERR_PASSWORD:
        return EncryptedFile(
            "the PDF is encrypted and needs a password",
            path=str(path),
            hint="save an unencrypted copy and ingest that",
        )
    if error == pdfium_c.FPDF_ERR_SECURITY:
        return EncryptedFile(
            "the PDF is encrypted by a scheme PDFium cannot open",
            path=str(path),
            hint="save an unencrypted copy and ingest that",
        )
    reason = LOAD_ERRORS.get(error, f"PDFium error {error}")
    return CorruptFile(f"the PDF cannot be parsed ({reason})", path=str(path), hint=DAMAGED_HINT)


def _unreadable_page(index: int, exc: pypdfium2.PdfiumError, path: Path) -> CorruptFile:
    return CorruptFile(
        f"page {index + 1} of the PDF cannot be read ({exc})", path=str(path), hint=DAMAGED_HINT
    )

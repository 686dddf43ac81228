"""Pixels of a PDF page: the scan a page holds, or a render of it, and its ink at low resolution."""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pypdfium2
import pypdfium2.raw as pdfium_c
from PIL import Image, UnidentifiedImageError

from pipeline.errors import InputError
from pipeline.extract.quality import Ink

POINTS_PER_INCH = 72
# A page larger than this is a poster or a bomb: 100 Mpx is A3 at 600 dpi. Pages are rendered
# at a lower resolution to fit; image files and embedded scans beyond it are refused.
MAX_PAGE_PIXELS = 100_000_000
# The most a page is rendered to for OCR (A3 at 300 dpi fits): a larger page is rendered
# coarser. Tesseract and the OCR steps around it took a worker to 1.0 GiB more on an 80 Mpx
# poster, and two workers on such pages past 1.5 GiB; at 24 Mpx it is 0.4 GiB more.
MAX_RENDER_PIXELS = 24_000_000
MIN_RENDER_DPI = 100  # below this OCR reads nothing; a page that needs less is refused
INK_DPI = 50  # the ink check reads a thumbnail: ~1.5 ms for a text page
INK_LEVEL = 160  # gray levels darker than this are ink
INK_PER_CHAR_PX = 9.0  # dark pixels of one 11 pt character at INK_DPI (measured on the fixtures)
CHAR_PAD_PX = 1  # anti-aliasing spills a pixel beyond a glyph's box
# A page of text with up to this many paths (rules, boxes, a table's borders) needs no ink check.
MAX_PLAIN_PATHS = 200
PAGE_COVER_SHARE = 0.9  # an embedded image this much of the page wide and high is the page
DOWNSCALE_FROM_RATIO = 1.1  # scans this much finer than the OCR resolution are reduced to it


@dataclass(frozen=True)
class PageImage:
    image: Image.Image  # grayscale ("L")
    dpi: int
    embedded: bool  # taken out of the PDF as stored, not rendered


def too_large(width: int, height: int, *, source: str | None) -> InputError:
    return InputError(
        f"a page of {width} × {height} pixels is more than the limit of "
        f"{MAX_PAGE_PIXELS // 1_000_000} megapixels",
        path=source,
        hint="it is not a scanned page; split or downscale it before ingesting",
    )


def page_image(
    document: pypdfium2.PdfDocument,
    index: int,
    dpi: int,
    *,
    prefer_embedded: bool = True,
    source: str | None = None,
) -> PageImage:
    """The page as OCR should see it: its own scan when the page is nothing else, else a render.

    A scanned page is one JPEG; decoding it takes 20 ms where rendering the page at 300 dpi
    takes 200 ms, and it keeps the scanner's own pixels (bench/ocr_tuning.py).
    """
    page = document[index]
    try:
        embedded = _embedded_scan(page, dpi, source=source) if prefer_embedded else None
        if embedded is not None:
            return embedded
        width_pt, height_pt = page.get_size()
        fitting = math.sqrt(MAX_RENDER_PIXELS / max(1.0, width_pt * height_pt)) * POINTS_PER_INCH
        render_dpi = min(dpi, int(fitting))
        if render_dpi < MIN_RENDER_DPI:
            width, height = (round(side * dpi / POINTS_PER_INCH) for side in (width_pt, height_pt))
            raise too_large(width, height, source=source)
        bitmap = page.render(scale=render_dpi / POINTS_PER_INCH, grayscale=True)
        return PageImage(bitmap.to_pil().convert("L"), render_dpi, embedded=False)
    finally:
        page.close()


def _embedded_scan(page: pypdfium2.PdfPage, dpi: int, *, source: str | None) -> PageImage | None:
    """The JPEG of an image-only page, upright and covering it, or None for any other page."""
    # 0 for upright; 1-3 quarter turns; -1 for a page PDFium could not make sense of (a fuzzed
    # file): only an upright page's JPEG is taken as it is
    if pdfium_c.FPDFPage_GetRotation(page.raw) != 0:
        return None
    objects = list(page.get_objects())
    images = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE]
    if len(images) != 1 or any(
        o.type not in (pdfium_c.FPDF_PAGEOBJ_IMAGE, pdfium_c.FPDF_PAGEOBJ_FORM) for o in objects
    ):
        return None
    scan = images[0]
    a, b, c, d, _, _ = scan.get_matrix().get()
    width_pt, height_pt = page.get_size()
    if b or c or a < PAGE_COVER_SHARE * width_pt or d < PAGE_COVER_SHARE * height_pt:
        return None
    if scan.get_filters() != ["DCTDecode"]:
        return None
    pixels_wide, pixels_high = scan.get_size()
    if pixels_wide * pixels_high > MAX_PAGE_PIXELS:
        raise too_large(pixels_wide, pixels_high, source=source)
    try:
        image = Image.open(io.BytesIO(bytes(scan.get_data(decode_simple=False))))
        if image.mode not in ("L", "RGB"):
            return None  # CMYK and the like: pdfium knows their quirks, let it render
        native_dpi = pixels_wide / (a / POINTS_PER_INCH)
        scale = dpi / native_dpi if native_dpi >= DOWNSCALE_FROM_RATIO * dpi else 1.0
        target = (max(1, round(pixels_wide * scale)), max(1, round(pixels_high * scale)))
        # JPEG decodes straight to gray, and at a half or a quarter size, almost for free.
        image.draft("L", target)
        gray = image.convert("L")
    except (OSError, UnidentifiedImageError, ValueError):
        return None
    if gray.size != target:
        gray = gray.resize(target, Image.Resampling.BOX if scale < 1 else Image.Resampling.BILINEAR)
    effective = round(native_dpi * scale)
    return PageImage(gray, effective, embedded=True)


def draws_only_text(page: pypdfium2.PdfPage) -> bool:
    """Whether the page holds nothing but text and a few lines: no image, form or shading.

    Such a page shows no text its layer lacks, so the ink check (a render, ~7 ms) is skipped.
    Text drawn as outlines comes as hundreds of paths, so many paths still get the check.
    """
    raw = page.raw
    paths = 0
    for i in range(pdfium_c.FPDFPage_CountObjects(raw)):
        kind = pdfium_c.FPDFPageObj_GetType(pdfium_c.FPDFPage_GetObject(raw, i))
        if kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            paths += 1
            if paths > MAX_PLAIN_PATHS:
                return False
        elif kind != pdfium_c.FPDF_PAGEOBJ_TEXT:
            return False
    return True


def page_ink(page: pypdfium2.PdfPage, boxes: npt.NDArray[np.float64]) -> Ink:
    """Dark pixels of the page at INK_DPI, and those that no character of its text layer covers.

    `boxes` are the characters' boxes as left, top, right, bottom in points from the top left of
    the page as shown (pdf_text.Chars: crop box, /Rotate applied), which is how PDFium draws it.
    """
    pixels = page.render(scale=INK_DPI / POINTS_PER_INCH, grayscale=True).to_numpy()
    if pixels.ndim == 3:
        pixels = pixels[..., 0]
    dark = pixels < INK_LEVEL
    boxes = boxes.reshape(-1, 4) * (INK_DPI / POINTS_PER_INCH)
    height, width = dark.shape
    # Every character's box, padded, marked at once: +1/−1 at its corners, then running sums.
    x0 = np.clip(np.floor(boxes[:, 0]) - CHAR_PAD_PX, 0, width).astype(np.intp)
    y0 = np.clip(np.floor(boxes[:, 1]) - CHAR_PAD_PX, 0, height).astype(np.intp)
    x1 = np.clip(np.ceil(boxes[:, 2]) + CHAR_PAD_PX, 0, width).astype(np.intp)
    y1 = np.clip(np.ceil(boxes[:, 3]) + CHAR_PAD_PX, 0, height).astype(np.intp)
    corners = np.zeros((height + 1, width + 1), dtype=np.int32)
    np.add.at(corners, (y0, x0), 1)
    np.add.at(corners, (y0, x1), -1)
    np.add.at(corners, (y1, x0), -1)
    np.add.at(corners, (y1, x1), 1)
    running = corners.cumsum(axis=0, dtype=np.int32).cumsum(axis=1, dtype=np.int32)
    covered = running[:height, :width] > 0
    total = int(dark.sum())
    return Ink(total, int((dark & ~covered).sum()), INK_PER_CHAR_PX)

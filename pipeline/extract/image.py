"""Images of pages (PNG, JPEG, multi-page TIFF) read with OCR, the way scanned PDF pages are."""

from __future__ import annotations

import time
import warnings
from pathlib import Path

import numpy as np
from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.errors import CorruptFile, InputError
from pipeline.extract import orientation
from pipeline.extract.page_image import MAX_PAGE_PIXELS, too_large
from pipeline.extract.quality import OcrReason
from pipeline.extract.scan import read_scan_page
from pipeline.limits import check_page_count
from pipeline.records import Page

FALLBACK_DPI = 300  # scanners that write no resolution tag almost always scan at 300 dpi
DPI_RANGE = (100, 1200)  # a resolution tag outside this is a screen default or a typo
PAPER_SHORT_SIDE_IN = (8.27, 8.5)  # A4, US Letter
PAPER_ASPECT = (1.25, 1.5)  # long side over short side of a page: A4 1.41, Letter 1.29
# Ink height of a line of 11 pt body text, top of "Å" to bottom of "g" (9.4 ± 0.6 pt measured on
# the fixtures at 150–400 dpi): an untagged crop's lines give its resolution within 10 %.
BODY_LINE_HEIGHT_PT = 9.4
PROBE_DPI = 300  # resolution assumed while measuring the lines of an untagged image


def extract_image(path: Path) -> tuple[Page, ...]:
    source = str(path)
    try:
        with warnings.catch_warnings():
            # Pillow warns above 89 Mpx and raises above twice that; MAX_PAGE_PIXELS decides.
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                # A TIFF's frame count comes from its directory: no frame is decoded yet.
                check_page_count(getattr(image, "n_frames", 1), kind="image", path=source)
                pages = [
                    _read_frame(number, frame, source)
                    for number, frame in enumerate(ImageSequence.Iterator(image), 1)
                ]
    except Image.DecompressionBombError as exc:
        raise InputError(
            f"the image is too large to be a page ({exc})",
            path=source,
            hint="it is not a scanned page; split or downscale it before ingesting",
        ) from exc
    except (UnidentifiedImageError, OSError) as exc:
        raise CorruptFile(f"the image cannot be decoded ({exc})", path=source) from exc
    return tuple(pages)


def _read_frame(number: int, frame: Image.Image, source: str) -> Page:
    """One page of an image file; its size is checked before a pixel is decoded."""
    started = time.perf_counter()
    if frame.width * frame.height > MAX_PAGE_PIXELS:
        raise too_large(frame.width, frame.height, source=source)
    gray = _grayscale(frame)
    dpi = image_dpi(gray, frame.info.get("dpi"))
    return read_scan_page(
        number, gray, dpi=dpi, reason=OcrReason.IMAGE_FILE, source=source, started=started
    )


def _grayscale(frame: Image.Image) -> Image.Image:
    """Gray on white: transparent pixels (PNG exports of documents) are paper, not ink."""
    if frame.mode in ("RGBA", "LA", "PA") or "transparency" in frame.info:
        rgba = frame.convert("RGBA")
        paper = Image.new("RGBA", rgba.size, (255, 255, 255, 255))
        return Image.alpha_composite(paper, rgba).convert("L")
    if frame.mode in ("I;16", "I;16B", "I;16L", "I", "F"):
        pixels = np.asarray(frame, dtype=np.float64)
        top = float(pixels.max()) or 1.0
        return Image.fromarray((pixels * (255.0 / top)).astype(np.uint8))
    return frame.convert("L")


def image_dpi(image: Image.Image, tagged: object) -> int:
    """The image's resolution: its tag when plausible, else from the paper, else from the text.

    A full page is A4 or Letter: its short side tells the dpi. A crop or a photo has no paper
    size; the height of its lines of body text does.
    """
    if isinstance(tagged, tuple) and tagged:
        try:
            dpi = float(tagged[0])
        except (TypeError, ValueError):
            dpi = 0.0
        short_side_in = min(image.size) / dpi if dpi else 0.0
        if DPI_RANGE[0] <= dpi <= DPI_RANGE[1] and short_side_in <= 2 * PAPER_SHORT_SIDE_IN[1]:
            return round(dpi)
    short, long = sorted(image.size)
    if PAPER_ASPECT[0] <= long / short <= PAPER_ASPECT[1]:
        for paper_in in PAPER_SHORT_SIDE_IN:
            dpi = short / paper_in
            if DPI_RANGE[0] <= dpi <= DPI_RANGE[1]:
                return round(dpi)
    height = orientation.line_height(image, PROBE_DPI)
    if height is not None:
        dpi = height * 72 / BODY_LINE_HEIGHT_PT
        return round(min(max(dpi, DPI_RANGE[0]), DPI_RANGE[1]))
    return FALLBACK_DPI

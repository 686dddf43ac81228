"""Images of pages (PNG, JPEG, multi-page TIFF) read with OCR."""

from __future__ import annotations

import time
from pathlib import Path

from PIL import Image, ImageSequence, UnidentifiedImageError

from pipeline.errors import CorruptFile
from pipeline.extract import ocr
from pipeline.records import Page, PageMethod

FALLBACK_DPI = 300  # scanners that write no resolution tag almost always scan at 300 dpi


def extract_image(path: Path) -> tuple[Page, ...]:
    try:
        with Image.open(path) as image:
            pages = []
            for number, frame in enumerate(ImageSequence.Iterator(image), 1):
                started = time.perf_counter()
                dpi = _dpi_of(frame)
                result = ocr.recognise(frame.convert("L"), dpi=dpi, source=str(path))
                pages.append(
                    Page(
                        number,
                        result.text,
                        PageMethod.OCR,
                        result.mean_confidence,
                        time.perf_counter() - started,
                    )
                )
    except (UnidentifiedImageError, OSError) as exc:
        raise CorruptFile(f"the image cannot be decoded ({exc})", path=str(path)) from exc
    return tuple(pages)


def _dpi_of(frame: Image.Image) -> int:
    dpi = frame.info.get("dpi")
    if isinstance(dpi, tuple) and dpi and float(dpi[0]) >= 70:
        return round(float(dpi[0]))
    return FALLBACK_DPI

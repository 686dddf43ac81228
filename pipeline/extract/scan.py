"""One scanned page to text: levelled if worn, turned upright, deskewed, OCR'd.

Orientation comes from the pixels first (`orientation.measure`, 20–60 ms): text lines and the
ink above and below them tell 0°, 90°, 180° and 270° apart (right on 32 of 32 turned and skewed
fixture pages). Tesseract's OSD costs 0.9–1.8 s even on a half-size copy, 40–60 % of an OCR
pass, so it runs only where the pixels do not say "upright" — a turned page (to confirm), one
they cannot read — and after OCR when the confidence is too low for an upright page (upright
pages score 92–95; the same pages read turned 90° or 180° score 31–37).
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from PIL import Image

from pipeline.extract import denoise, ocr, orientation
from pipeline.extract.quality import OcrReason
from pipeline.records import Page, PageMethod

# Mean word confidence of an upright page is 85–95 even on degraded scans; a page read upside
# down or sideways scores far lower (bench/ocr_tuning.py). Below this, ask OSD and read again.
LOW_CONFIDENCE = 60.0
OSD_MIN_CONFIDENCE = 1.5  # below this Tesseract's OSD is guessing
# Level only worn pages. Levelling every page lowers CER on noisy scans (0.61 → 0.45 %) but
# thins small gray print: the 8 pt running header "RAR i Sörmland" came out "RAR I Sormland",
# which then survives the clean stage and lands in the text (bench/ocr_cer.py --forms).
ALWAYS_LEVEL = False


@dataclass(frozen=True)
class ScanResult:
    text: str
    mean_confidence: float | None
    turn: int  # clockwise quarter turn applied before OCR
    skew_deg: float  # counter-clockwise skew undone before OCR
    osd_runs: int
    levelled: bool  # worn page: paper levelled and thresholded before OCR (denoise.level)


def read_scan(
    image: Image.Image,
    *,
    dpi: int,
    psm: int = ocr.OCR_PAGE_SEGMENTATION_MODE,
    timeout_s: float = ocr.OCR_TIMEOUT_S,
    source: str | None = None,
    always_level: bool = ALWAYS_LEVEL,
) -> ScanResult:
    """OCR a page image whichever way up it lies."""
    gray = image if image.mode == "L" else image.convert("L")
    levelled = always_level or denoise.measure_wear(gray, dpi).worn
    if levelled:
        gray = denoise.level(gray, dpi)
    geometry = orientation.measure(gray, dpi)
    turn, osd_runs = geometry.turn, 0
    blank = geometry.ink_pixels < orientation.MIN_INK_PIXELS  # nothing to turn, nothing to ask
    if turn != 0 and not blank:
        osd = ocr.detect_orientation(gray, dpi=dpi, source=source)
        osd_runs += 1
        if osd is not None and (turn is None or osd.confidence >= OSD_MIN_CONFIDENCE):
            turn = osd.turn
    turn = turn or 0
    skew = _skew_for(gray, dpi, turn, geometry)
    result = _recognise(gray, turn, skew, dpi, psm, timeout_s, source)
    confidence = result.mean_confidence or 0.0
    if confidence < LOW_CONFIDENCE and osd_runs == 0 and not blank:
        osd = ocr.detect_orientation(gray, dpi=dpi, source=source)
        osd_runs += 1
        if osd is not None and osd.turn != turn and osd.confidence >= OSD_MIN_CONFIDENCE:
            skew_again = _skew_for(gray, dpi, osd.turn, geometry)
            again = _recognise(gray, osd.turn, skew_again, dpi, psm, timeout_s, source)
            if (again.mean_confidence or 0.0) > confidence:
                return ScanResult(
                    again.text, again.mean_confidence, osd.turn, skew_again, osd_runs, levelled
                )
    return ScanResult(result.text, result.mean_confidence, turn, skew, osd_runs, levelled)


def read_scan_page(
    number: int,
    image: Image.Image,
    *,
    dpi: int,
    reason: OcrReason,
    source: str | None,
    started: float,
) -> Page:
    """A page read by OCR, as a record: `started` is when work on it began (perf_counter), so
    its time includes getting the image (a render, a decode) as well as reading it."""
    result = read_scan(image, dpi=dpi, source=source)
    return Page(
        number,
        result.text,
        PageMethod.OCR,
        result.mean_confidence,
        time.perf_counter() - started,
        ocr_reason=reason,
        rotation_deg=result.turn,
        skew_deg=result.skew_deg,
    )


def _skew_for(gray: Image.Image, dpi: int, turn: int, geometry: orientation.Geometry) -> float:
    """The skew after `turn`: measured with the orientation, unless the turn differs by 90°."""
    if geometry.turn is not None and (turn - geometry.turn) % 180 == 0:
        return geometry.skew_deg
    return orientation.measure(orientation.upright(gray, turn, 0.0), dpi).skew_deg


def _recognise(
    gray: Image.Image,
    turn: int,
    skew_deg: float,
    dpi: int,
    psm: int,
    timeout_s: float,
    source: str | None,
) -> ocr.OcrResult:
    upright = orientation.upright(gray, turn, skew_deg)
    return ocr.recognise(upright, dpi=dpi, psm=psm, timeout_s=timeout_s, source=source)

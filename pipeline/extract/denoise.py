"""Worn scans made readable: faded toner, shaded paper and speckle levelled before OCR.

Tesseract binarises a page with one global threshold. Paper darker at one edge, toner faded
towards the paper or a sprinkling of black specks defeat it (CER 34–50 % on such pages, against
under 1 % on clean ones: bench/ocr_tuning.py --part geometry). Dividing the page by its paper,
blurring away single-pixel specks and thresholding it here brings them under 1 % again, in
0.1–0.2 s. Clean pages skip it (see scan.ALWAYS_LEVEL).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PIL import Image, ImageFilter

from pipeline.extract import orientation

BACKGROUND_DPI = 20  # paper shading varies over centimetres, letters over a millimetre
BACKGROUND_WINDOW_PX = 5  # at BACKGROUND_DPI: wider than any letter, so the max is the paper
MIN_CONTRAST = 120  # paper minus ink gray levels at ANALYSIS_DPI: clean scans show 170–200
MAX_PAPER_RANGE = 20  # gray levels between the lightest and darkest paper of the page
MAX_SPECKS = 50  # isolated dark pixels in the probed part of the page: clean scans show 0–1
SPECK_PROBE = (0.3, 0.5, 0.15, 0.85)  # top, bottom, left, right of the probed part, as shares
# The blur is the 5-tap binomial (1 4 6 4 1)/16 each way, a Gaussian of σ = 1 px: it melts a
# one-pixel speck into the paper and keeps 3-px strokes. In numpy it takes 40 % of the time of
# Pillow's GaussianBlur(1), for the same pixels within half a gray level.


@dataclass(frozen=True)
class Wear:
    contrast: float
    paper_range: float
    specks: int

    @property
    def worn(self) -> bool:
        return (
            self.contrast < MIN_CONTRAST
            or self.paper_range > MAX_PAPER_RANGE
            or self.specks > MAX_SPECKS
        )


def measure_wear(gray: Image.Image, dpi: float) -> Wear:
    """How faded, shaded and speckled a grayscale page is (about 25 ms for an A4 at 300 dpi)."""
    small = np.asarray(orientation.downscale(gray, dpi))
    ink, paper = np.percentile(small, [1, 50])
    background = np.asarray(_background(gray, dpi))
    low, high = np.percentile(background, [5, 95])
    return Wear(float(paper - ink), float(high - low), _specks(gray))


def _background(gray: Image.Image, dpi: float) -> Image.Image:
    """The paper alone, at BACKGROUND_DPI: the lightest pixel around each point."""
    factor = max(1, round(dpi / BACKGROUND_DPI))
    return gray.reduce(factor).filter(ImageFilter.MaxFilter(BACKGROUND_WINDOW_PX))


def _specks(gray: Image.Image) -> int:
    """Dark pixels with no dark neighbour, in a band of the page where text usually runs."""
    top, bottom, left, right = SPECK_PROBE
    pixels = np.asarray(gray)
    height, width = pixels.shape
    probe = pixels[int(top * height) : int(bottom * height), int(left * width) : int(right * width)]
    if probe.size == 0:
        return 0
    dark = probe <= orientation.otsu_threshold(probe)
    padded = np.pad(dark, 1).astype(np.uint8)
    rows, cols = dark.shape
    neighbours = sum(
        padded[dy : dy + rows, dx : dx + cols]
        for dy in range(3)
        for dx in range(3)
        if (dy, dx) != (1, 1)
    )
    return int((dark & (neighbours == 0)).sum())


def level(gray: Image.Image, dpi: float) -> Image.Image:
    """A black-on-white copy: blurred a little, then thresholded against its own paper.

    The threshold is Otsu's on the page divided by its paper (computed on every other pixel),
    applied as a map that follows the paper: no division at full resolution.
    """
    blurred = blur(gray)
    paper = _background(blurred, dpi)
    half = np.asarray(blurred)[::2, ::2]
    paper_half = np.asarray(paper.resize(half.shape[::-1], Image.Resampling.BILINEAR), np.float32)
    levelled = np.minimum(half * (255.0 / np.maximum(paper_half, 1.0)), 255.0).astype(np.uint8)
    share = (orientation.otsu_threshold(levelled) + 0.5) / 255.0
    threshold = paper.point(lambda value: round(value * share)).resize(
        gray.size, Image.Resampling.BILINEAR
    )
    paper_white = np.asarray(blurred) > np.asarray(threshold)
    return Image.fromarray(paper_white.astype(np.uint8) * np.uint8(255))


def blur(gray: Image.Image) -> Image.Image:
    """The binomial blur of σ = 1 px, separable, in 16-bit integers (no overflow: 16 · 16 · 255)."""
    pixels = np.asarray(gray, dtype=np.uint16)
    p = np.pad(pixels, ((0, 0), (2, 2)), mode="edge")
    across = p[:, :-4] + p[:, 4:] + 4 * (p[:, 1:-3] + p[:, 3:-1]) + 6 * p[:, 2:-2]
    p = np.pad(across, ((2, 2), (0, 0)), mode="edge")
    down = p[:-4] + p[4:] + 4 * (p[1:-3] + p[3:-1]) + 6 * p[2:-2]
    return Image.fromarray((down >> 8).astype(np.uint8))

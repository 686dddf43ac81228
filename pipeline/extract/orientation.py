"""Where a scanned page's text lines run, measured from its pixels: quarter turns and small skew."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from PIL import Image

ANALYSIS_DPI = 100  # enough for text-line geometry; a 300 dpi page is read at a ninth of its pixels
SKEW_RANGE_DEG = 5.0  # scanners and hand-fed pages skew less; more is a turned or a photo page
SKEW_COARSE_STEP_DEG = 0.5
SKEW_FINE_STEP_DEG = 0.05
# Below 1° Tesseract's own baseline fitting copes (same CER at 0.6–0.8° with or without); at
# 3.5° deskewing takes CER from 0.7–1.3 % to 0.2–0.9 % (bench/ocr_tuning.py --part geometry).
MIN_SKEW_DEG = 1.0
MIN_INK_PIXELS = 400  # at ANALYSIS_DPI: less ink than a few words says nothing about direction
# Lines across the page make the row profile much sharper than the column profile; text turned a
# quarter does the reverse. Between these ratios the page is a table, a form or a picture.
HORIZONTAL_RATIO = 1.25
VERTICAL_RATIO = 0.8
# Latin text has more ink above its x-height (capitals, b d f h k l t, å ä ö) than below the
# baseline (g j p q y): upright lines put more ink above, upside-down ones below.
UPRIGHT_RATIO = 1.15
UPSIDE_DOWN_RATIO = 0.87
CORE_SHARE = 0.5  # rows of a text line holding this share of its peak ink are its x-height core

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Geometry:
    """What the pixels say about a page: its skew and which way up its text is.

    `turn` is the clockwise quarter turn (0, 90, 180, 270) that makes the text upright, or None
    when the page does not say clearly (little ink, tables, pictures): then ask Tesseract's OSD.
    """

    skew_deg: float  # counter-clockwise skew of the text lines, to undo before OCR
    turn: int | None
    line_ratio: float  # sharpness of the row profile over the column profile
    ascender_ratio: float  # ink above the x-height core over ink below the baseline
    ink_pixels: int


def measure(image: Image.Image, dpi: float) -> Geometry:
    """Skew and orientation of a grayscale page image, from a binarised copy at ANALYSIS_DPI."""
    small = downscale(image, dpi)
    geometry = _measure_small(small)
    if geometry.line_ratio > VERTICAL_RATIO:
        return geometry
    # Text running down the page: turn it a quarter clockwise and read it again; upright then
    # means the page was turned 90°, upside down means 270°.
    turned = _measure_small(small.transpose(Image.Transpose.ROTATE_270))
    if turned.turn is None:
        return Geometry(
            turned.skew_deg, None, geometry.line_ratio, turned.ascender_ratio, turned.ink_pixels
        )
    return Geometry(
        turned.skew_deg,
        (turned.turn + 90) % 360,
        geometry.line_ratio,
        turned.ascender_ratio,
        turned.ink_pixels,
    )


def _measure_small(small: Image.Image) -> Geometry:
    ys, xs = np.nonzero(binarise(small))
    if len(ys) < MIN_INK_PIXELS:
        return Geometry(0.0, None, 1.0, 1.0, len(ys))
    row_angle, row_sharpness = best_angle(ys, xs)
    _, column_sharpness = best_angle(xs, ys)
    line_ratio = row_sharpness / column_sharpness if column_sharpness else 1.0
    if line_ratio < HORIZONTAL_RATIO:
        return Geometry(row_angle, None, line_ratio, 1.0, len(ys))
    ascender = ascender_ratio(ys, xs, row_angle)
    turn = 0 if ascender >= UPRIGHT_RATIO else 180 if ascender <= UPSIDE_DOWN_RATIO else None
    return Geometry(row_angle, turn, line_ratio, ascender, len(ys))


def downscale(image: Image.Image, dpi: float) -> Image.Image:
    """A grayscale copy at about ANALYSIS_DPI (box filter: fast, and it keeps thin strokes)."""
    gray = image if image.mode == "L" else image.convert("L")
    factor = max(1, round(dpi / ANALYSIS_DPI))
    return gray.reduce(factor) if factor > 1 else gray


def otsu_threshold(pixels: npt.NDArray[np.uint8]) -> int:
    """The gray level that best separates ink from paper (Otsu's method on the histogram)."""
    histogram = np.bincount(pixels.ravel(), minlength=256).astype(np.float64)
    levels = np.arange(256, dtype=np.float64)
    weight_dark = np.cumsum(histogram)
    weight_light = weight_dark[-1] - weight_dark
    sum_dark = np.cumsum(histogram * levels)
    mean_dark = sum_dark / np.maximum(weight_dark, 1)
    mean_light = (sum_dark[-1] - sum_dark) / np.maximum(weight_light, 1)
    between = weight_dark * weight_light * (mean_dark - mean_light) ** 2
    return int(np.argmax(between))


def binarise(image: Image.Image) -> BoolArray:
    pixels = np.asarray(image, dtype=np.uint8)
    return pixels <= otsu_threshold(pixels)


def best_angle(rows: npt.NDArray[np.intp], cols: npt.NDArray[np.intp]) -> tuple[float, float]:
    """The skew (degrees, counter-clockwise) whose projection makes the sharpest row profile.

    Shearing each ink pixel onto row `row + col·tan(angle)` and summing squares of the row
    counts is the projection-profile criterion: it peaks when every line lands on one row.
    Coarse steps first, then fine ones around the best; returns the angle and its sharpness.
    """
    rows_f, cols_f = rows.astype(np.float64), cols.astype(np.float64)

    def sharpness(angle: float) -> float:
        projected = rows_f + cols_f * np.tan(np.radians(angle))
        profile = np.bincount(np.round(projected - projected.min()).astype(np.intp))
        return float(np.dot(profile, profile))

    coarse = np.arange(-SKEW_RANGE_DEG, SKEW_RANGE_DEG + 1e-9, SKEW_COARSE_STEP_DEG)
    best = max(coarse, key=sharpness)
    fine = np.arange(
        best - SKEW_COARSE_STEP_DEG, best + SKEW_COARSE_STEP_DEG + 1e-9, SKEW_FINE_STEP_DEG
    )
    angle = float(max(fine, key=sharpness))
    return round(angle, 2), sharpness(angle) / float(len(rows)) ** 2


def ascender_ratio(rows: npt.NDArray[np.intp], cols: npt.NDArray[np.intp], angle: float) -> float:
    """Ink above the x-height core of each text line over ink below it, summed over the page."""
    projected = rows + cols * np.tan(np.radians(angle))
    profile = np.bincount(np.round(projected - projected.min()).astype(np.intp)).astype(float)
    above = below = 0.0
    for start, stop in _line_bands(profile):
        band = profile[start:stop]
        core = np.nonzero(band >= CORE_SHARE * band.max())[0]
        above += float(band[: core[0]].sum())
        below += float(band[core[-1] + 1 :].sum())
    return (above + 1.0) / (below + 1.0)


def _line_bands(profile: FloatArray) -> list[tuple[int, int]]:
    """Runs of rows with ink, split at the emptiest rows between lines."""
    inked = profile > 0.05 * float(np.percentile(profile[profile > 0], 90))
    edges = np.diff(np.concatenate(([0], inked.astype(np.int8), [0])))
    starts, stops = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
    return [(int(a), int(b)) for a, b in zip(starts, stops, strict=True) if b - a >= 3]


def upright(image: Image.Image, turn: int, skew_deg: float) -> Image.Image:
    """Undo a clockwise quarter turn and a counter-clockwise skew, white where the page was not."""
    transposes = {  # PIL's ROTATE_* turn counter-clockwise
        90: Image.Transpose.ROTATE_270,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_90,
    }
    if turn:
        image = image.transpose(transposes[turn])
    if abs(skew_deg) >= MIN_SKEW_DEG:
        # Nearest neighbour: 16 ms instead of 120–140 ms (bilinear) for an A4 at 300 dpi, and
        # the same CER on the levelled black-and-white pages it gets.
        image = image.rotate(-skew_deg, resample=Image.Resampling.NEAREST, fillcolor=255)
    return image


def line_height(image: Image.Image, dpi: float) -> float | None:
    """The median height of text lines (ascender to descender), in pixels of `image`.

    Unlike the distance between lines it does not depend on paragraph spacing.
    """
    factor = max(1, round(dpi / ANALYSIS_DPI))
    ys, xs = np.nonzero(binarise(downscale(image, dpi)))
    if len(ys) < MIN_INK_PIXELS:
        return None
    angle, _ = best_angle(ys, xs)
    projected = ys + xs * np.tan(np.radians(angle))
    profile = np.bincount(np.round(projected - projected.min()).astype(np.intp)).astype(float)
    heights = [stop - start for start, stop in _line_bands(profile)]
    if len(heights) < 3:
        return None
    return float(np.median(heights)) * factor

"""Tesseract, the one external OCR program: checked once, called without a shell, per page."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import NamedTuple

from PIL import Image

from pipeline.errors import ExtractionError, MissingDependency
from pipeline.extract import layout
from pipeline.extract.layout import PositionedLine, join_lines

OCR_LANGUAGE = "swe"
# One uniform block of text: minutes are single-column prose (two columns are split by
# layout.read_columns). 9–13 % faster than psm 3 or 4 at the same CER ±0.04 pp.
OCR_PAGE_SEGMENTATION_MODE = 6
# 200 dpi is 12–18 % faster but reads 0.02–0.11 pp more characters wrong (0.41 → 0.47 %
# on the committed scans, 0.61 → 0.72 % on worn ones); names and § headings are what that
# costs. bench/ocr_tuning.py --part grid.
OCR_DPI = 300
OCR_TIMEOUT_S = 120
OSD_TIMEOUT_S = 60
OSD_DPI = 150  # a half-size copy: 0.9–1.8 s instead of 1.4–2.7 s, same turn on 20 of 20 pages
SPECK_HEIGHT_RATIO = 0.3  # a "word" this much shorter than the page's median word is dust
DESCENDERS = set("gjpqyQJ,;")
DESCENDER_SHARE = 0.2  # of a box that reaches below the baseline
SLOPE_MIN_WORDS = 4  # lines with fewer words say little about the skew
SPECK_CHARS = set(".,:;'`´|!¡°~^*_")
INSTALL_HINT = "install it with: apt-get install tesseract-ocr tesseract-ocr-swe tesseract-ocr-osd"


@dataclass(frozen=True)
class OcrResult:
    text: str
    mean_confidence: float | None  # 0–100, over recognised words


@cache
def tesseract_binary() -> str:
    """Find Tesseract and its Swedish data once per process, or say how to install them."""
    binary = shutil.which("tesseract")
    if binary is None:
        raise MissingDependency("Tesseract is not installed", hint=INSTALL_HINT)
    listed = subprocess.run(
        [binary, "--list-langs"], capture_output=True, text=True, check=False, timeout=30
    )
    languages = set(listed.stdout.split())
    if OCR_LANGUAGE not in languages:
        raise MissingDependency(
            f"Tesseract has no '{OCR_LANGUAGE}' language data", hint=INSTALL_HINT
        )
    return binary


@cache
def has_osd() -> bool:
    """Whether Tesseract has the orientation-and-script data (`tesseract-ocr-osd`)."""
    listed = subprocess.run(
        [tesseract_binary(), "--list-langs"],
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    return "osd" in listed.stdout.split()


@dataclass(frozen=True)
class Osd:
    """Tesseract's orientation: the clockwise turn that makes the page upright, and its trust."""

    turn: int
    confidence: float


def recognise(
    image: Image.Image,
    *,
    dpi: int = OCR_DPI,
    psm: int = OCR_PAGE_SEGMENTATION_MODE,
    timeout_s: float = OCR_TIMEOUT_S,
    source: str | None = None,
) -> OcrResult:
    """OCR one page image; paragraphs come out separated by blank lines."""
    options = ["-l", OCR_LANGUAGE, "--psm", str(psm), "--dpi", str(dpi), "tsv"]
    return parse_tsv(_run(image, options, timeout_s, source))


def detect_orientation(
    image: Image.Image, *, dpi: int, timeout_s: float = OSD_TIMEOUT_S, source: str | None = None
) -> Osd | None:
    """Tesseract's OSD (`--psm 0`) on a half-size copy; None without OSD data or a verdict."""
    if not has_osd():
        return None
    factor = max(1, round(dpi / OSD_DPI))
    small = image.reduce(factor) if factor > 1 else image
    try:
        out = _run(small, ["--psm", "0", "--dpi", str(dpi // factor)], timeout_s, source)
    except ExtractionError:
        return None  # too little text to tell: Tesseract exits with an error
    fields = dict(line.split(":", 1) for line in out.splitlines() if ":" in line)
    try:
        return Osd(int(fields["Rotate"]) % 360, float(fields["Orientation confidence"]))
    except (KeyError, ValueError):
        return None


def _run(image: Image.Image, options: list[str], timeout_s: float, source: str | None) -> str:
    """Run Tesseract on the image, without a shell, and return its stdout.

    The image goes through a temporary BMP file: Tesseract reads stdin byte by byte, which
    costs 0.45 s of CPU for an A4 page at 300 dpi, more than the whole rest of protokoll's
    per-page work; a BMP is written in 11 ms and read at once (bench/ocr_overhead.py).
    """
    # One thread per Tesseract: its own threading makes parallel pages many times slower.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    with tempfile.NamedTemporaryFile(prefix="protokoll-", suffix=".bmp") as page:
        image.save(page, format="BMP")
        page.flush()
        command = [tesseract_binary(), page.name, "stdout", *options]
        try:
            done = subprocess.run(
                command, capture_output=True, timeout=timeout_s, env=env, check=False
            )
        except subprocess.TimeoutExpired as exc:
            raise ExtractionError(f"OCR took longer than {timeout_s:.0f} s", path=source) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise ExtractionError(f"Tesseract failed: {detail[0]}", path=source)
    return done.stdout.decode("utf-8", "replace")


class Word(NamedTuple):
    left: int
    width: int
    top: int
    bottom: int
    text: str

    @property
    def centre(self) -> float:
        return self.left + self.width / 2


def parse_tsv(tsv: str) -> OcrResult:
    """Rebuild lines, in Tesseract's reading order, keeping the geometry that tells paragraphs."""
    lines_of_words: dict[tuple[int, ...], list[Word]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = tuple(int(row[k]) for k in ("page_num", "block_num", "par_num", "line_num"))
        top, left = int(row["top"]), int(row["left"])
        word = Word(left, int(row["width"]), top, top + int(row["height"]), text)
        lines_of_words.setdefault(key, []).append(word)
        if float(row["conf"]) >= 0:
            confidences.append(float(row["conf"]))
    heights = [w.bottom - w.top for words in lines_of_words.values() for w in words]
    speck_height = SPECK_HEIGHT_RATIO * _median(heights) if heights else 0.0
    # Dust on a scan reads as a tiny "." or ","; it is not text and it spoils line geometry.
    lines = [
        [w for w in words if w.bottom - w.top >= speck_height or not _is_speck(w.text)]
        for words in lines_of_words.values()
    ]
    lines = [sorted(words) for words in lines if words]
    mean = sum(confidences) / len(confidences) if confidences else None
    columns = layout.read_columns(
        [
            [layout.Word(w.text, w.left, w.left + w.width, w.top, w.bottom) for w in ws]
            for ws in lines
        ]
    )
    if columns is not None:
        return OcrResult(join_lines(columns), mean)
    slope = _page_slope(lines)
    positioned = [
        PositionedLine(
            " ".join(w.text for w in words),
            _median([w.top - slope * w.centre for w in words]),
            _baseline(words, slope),
        )
        for words in lines
    ]
    return OcrResult(join_lines(positioned), mean)


def _page_slope(lines: list[list[Word]]) -> float:
    """The skew of the page (rise per pixel), from the baselines of its longer lines.

    Measuring line positions at x = 0 makes a short last line of a paragraph comparable with
    the full lines above it on a skewed scan.
    """
    slopes = []
    for words in lines:
        flat = [w for w in words if not DESCENDERS & set(w.text)]
        if len(flat) >= SLOPE_MIN_WORDS and flat[-1].centre > flat[0].centre:
            slopes.append((flat[-1].bottom - flat[0].bottom) / (flat[-1].centre - flat[0].centre))
    return _median(slopes) if slopes else 0.0


def _baseline(words: list[Word], slope: float) -> float:
    """Where the line's letters sit at x = 0; boxes reach lower only for descenders (g, j, p)."""
    flat = [w.bottom - slope * w.centre for w in words if not DESCENDERS & set(w.text)]
    if flat:
        return _median(flat)
    return _median(
        [w.bottom - DESCENDER_SHARE * (w.bottom - w.top) - slope * w.centre for w in words]
    )


def _is_speck(text: str) -> bool:
    return all(ch in SPECK_CHARS for ch in text)


def _median(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return float(ordered[len(ordered) // 2])

"""Tesseract, the one external OCR program: checked once, called without a shell, per page."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
from dataclasses import dataclass
from functools import cache

from PIL import Image

from pipeline.errors import ExtractionError, MissingDependency
from pipeline.extract.layout import PositionedLine, join_lines

OCR_LANGUAGE = "swe"
OCR_PAGE_SEGMENTATION_MODE = 6  # one uniform block of text: minutes are single-column prose
OCR_DPI = 300
OCR_TIMEOUT_S = 120
SPECK_HEIGHT_RATIO = 0.3  # a "word" this much shorter than the page's median word is dust
DESCENDERS = set("gjpqyQJ,;")
DESCENDER_SHARE = 0.2  # of a box that reaches below the baseline
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


def recognise(
    image: Image.Image,
    *,
    dpi: int = OCR_DPI,
    psm: int = OCR_PAGE_SEGMENTATION_MODE,
    timeout_s: float = OCR_TIMEOUT_S,
    source: str | None = None,
) -> OcrResult:
    """OCR one page image; paragraphs come out separated by blank lines."""
    png = io.BytesIO()
    image.save(png, format="PNG", compress_level=1)
    command = [
        tesseract_binary(),
        "stdin",
        "stdout",
        "-l",
        OCR_LANGUAGE,
        "--psm",
        str(psm),
        "--dpi",
        str(dpi),
        "tsv",
    ]
    # One thread per Tesseract: its own threading makes parallel pages many times slower.
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    try:
        done = subprocess.run(
            command,
            input=png.getvalue(),
            capture_output=True,
            timeout=timeout_s,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(f"OCR took longer than {timeout_s:.0f} s", path=source) from exc
    if done.returncode != 0:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or ["no output"]
        raise ExtractionError(f"Tesseract failed: {detail[0]}", path=source)
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> OcrResult:
    """Rebuild lines, in Tesseract's reading order, keeping the boxes that tell paragraph gaps."""
    words: dict[tuple[int, int, int, int], list[tuple[int, str, int, int]]] = {}
    confidences: list[float] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        key = (
            int(row["page_num"]),
            int(row["block_num"]),
            int(row["par_num"]),
            int(row["line_num"]),
        )
        word_top, height = int(row["top"]), int(row["height"])
        words.setdefault(key, []).append((int(row["left"]), text, word_top, word_top + height))
        confidence = float(row["conf"])
        if confidence >= 0:
            confidences.append(confidence)
    heights = sorted(w[3] - w[2] for line_words in words.values() for w in line_words)
    speck_height: float = SPECK_HEIGHT_RATIO * heights[len(heights) // 2] if heights else 0
    lines = []
    for line_words in words.values():
        # Dust on a scan reads as a tiny "." or ","; it is not text and it spoils line boxes.
        real = [w for w in line_words if w[3] - w[2] >= speck_height or not _is_speck(w[1])]
        if not real:
            continue
        real.sort()
        top = _median([w[2] for w in real])
        lines.append(PositionedLine(" ".join(w[1] for w in real), top, _baseline(real, top)))
    mean = sum(confidences) / len(confidences) if confidences else None
    return OcrResult(join_lines(lines), mean)


def _baseline(words: list[tuple[int, str, int, int]], top: float) -> float:
    """Where the line's letters sit: word boxes reach lower only for descenders (g, j, p, y)."""
    flat = [w[3] for w in words if not DESCENDERS & set(w[1])]
    if flat:
        return _median(flat)
    bottom = _median([w[3] for w in words])
    return bottom - DESCENDER_SHARE * (bottom - top)


def _is_speck(text: str) -> bool:
    return all(ch in SPECK_CHARS for ch in text)


def _median(values: list[int] | list[float]) -> float:
    ordered = sorted(values)
    return float(ordered[len(ordered) // 2])

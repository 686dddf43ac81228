"""Where a document's file is now, and the page a fact was read from, drawn with the fact marked.

A page is rendered on demand with PDFium; the fact is found among the words of the page's text
layer (pdfplumber, the reader the extraction used) and marked with a translucent box. A page
without a text layer (a scan) is shown unmarked: OCR positions are not kept.
"""

from __future__ import annotations

import io
import re
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium
from PIL import Image, ImageDraw

from pipeline.analysis.terms import fold

PAGE_WIDTH_PX = 1000  # wide enough to read a page of minutes, small enough to send quickly
MAX_PAGE_WIDTH_PX = 2000
NEEDLE_WORDS_MAX = 40  # a long decision is marked by its first lines
MIN_MATCHED_WORDS = 2  # a needle of more words must match at least this many in a row
MARK_FILL = (255, 214, 0, 90)  # translucent yellow
MARK_EDGE = (230, 120, 0, 255)
MARK_PAD_PT = 2.0
LINE_TOLERANCE_PT = 3.0
CACHED_PAGES = 64
CROP_MARGIN_PT = 40.0  # a cropped page keeps this much above and below the marked lines
PUNCTUATION = re.compile(r"[^\w]+")
_PDFIUM_LOCK = threading.Lock()  # PDFium is not thread-safe


@dataclass(frozen=True)
class Box:
    """A rectangle on the page in PDF points, from the top left corner."""

    x0: float
    top: float
    x1: float
    bottom: float


@dataclass(frozen=True)
class Marked:
    png: bytes
    boxes: tuple[Box, ...]
    has_text_layer: bool


def locate(stored: str, db_path: Path) -> Path | None:
    """The file a stored document path names now: as stored, from here, or beside the database."""
    path = Path(stored)
    candidates = [path] if path.is_absolute() else [Path.cwd() / path, db_path.parent / path]
    return next((c for c in candidates if c.is_file()), None)


def _tokens(text: str) -> list[str]:
    return [t for t in (PUNCTUATION.sub("", fold(w)) for w in text.split()) if t]


def _best_run(tokens: list[str], wanted: list[str]) -> tuple[int, int]:
    """(start, length) of the longest run of `wanted`'s first words in `tokens`; the first
    such run when several are as long."""
    best_start, best_len = -1, 0
    for start in range(len(tokens)):
        length = 0
        while (
            start + length < len(tokens)
            and length < len(wanted)
            and tokens[start + length] == wanted[length]
        ):
            length += 1
        if length > best_len:
            best_start, best_len = start, length
            if length == len(wanted):
                break
    return best_start, best_len


@lru_cache(maxsize=CACHED_PAGES)
def find_boxes(pdf_path: Path, page: int, needle: str) -> tuple[tuple[Box, ...], bool]:
    """Boxes around the lines where `needle` is written on the page, and whether the page has a
    text layer at all. The longest run of the needle's first words found in order wins."""
    wanted = _tokens(needle)[:NEEDLE_WORDS_MAX]
    with pdfplumber.open(pdf_path, pages=[page]) as pdf:
        words = pdf.pages[0].extract_words(keep_blank_chars=False, use_text_flow=True)
    tokens = [_tokens(w["text"]) for w in words]
    flat = [(i, t) for i, ts in enumerate(tokens) for t in ts]
    if not words:
        return (), False
    if not wanted:
        return (), True
    best_start, best_len = _best_run([t for _, t in flat], wanted)
    if best_len < min(len(wanted), MIN_MATCHED_WORDS):
        return (), True
    chosen = sorted({flat[k][0] for k in range(best_start, best_start + best_len)})
    return _line_boxes([words[i] for i in chosen]), True


def _line_boxes(words: list[dict[str, float]]) -> tuple[Box, ...]:
    """One box per line of the words: a line is words whose tops are within a few points."""
    lines: list[list[dict[str, float]]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= LINE_TOLERANCE_PT:
            lines[-1].append(word)
        else:
            lines.append([word])
    return tuple(
        Box(
            min(w["x0"] for w in line) - MARK_PAD_PT,
            min(w["top"] for w in line) - MARK_PAD_PT,
            max(w["x1"] for w in line) + MARK_PAD_PT,
            max(w["bottom"] for w in line) + MARK_PAD_PT,
        )
        for line in lines
    )


def page_count(pdf_path: Path) -> int:
    with _PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            return len(pdf)
        finally:
            pdf.close()


@lru_cache(maxsize=CACHED_PAGES)
def render_page(
    pdf_path: Path, page: int, needle: str, width_px: int = PAGE_WIDTH_PX, crop: bool = False
) -> Marked:
    """The page as a PNG `width_px` wide, with the lines of `needle` marked when found;
    `crop` keeps only the band around the marked lines (the whole page when none is)."""
    boxes, has_text = find_boxes(pdf_path, page, needle) if needle else ((), True)
    with _PDFIUM_LOCK:
        pdf = pdfium.PdfDocument(str(pdf_path))
        try:
            pdf_page = pdf[page - 1]
            width_pt = pdf_page.get_width()
            scale = min(width_px, MAX_PAGE_WIDTH_PX) / width_pt
            image = pdf_page.render(scale=scale, grayscale=True).to_pil()
            pdf_page.close()
        finally:
            pdf.close()
    if boxes:
        image = _mark(image, boxes, scale)
        if crop:
            top = max(0.0, min(b.top for b in boxes) - CROP_MARGIN_PT) * scale
            bottom = min(image.height, (max(b.bottom for b in boxes) + CROP_MARGIN_PT) * scale)
            image = image.crop((0, int(top), image.width, int(bottom)))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", compress_level=1)  # a page of text: fast beats small
    return Marked(buffer.getvalue(), boxes, has_text)


def _mark(image: Image.Image, boxes: tuple[Box, ...], scale: float) -> Image.Image:
    overlay = Image.new("RGBA", image.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(overlay)
    for box in boxes:
        draw.rectangle(
            (box.x0 * scale, box.top * scale, box.x1 * scale, box.bottom * scale),
            fill=MARK_FILL,
            outline=MARK_EDGE,
            width=2,
        )
    return Image.alpha_composite(image.convert("RGBA"), overlay).convert("RGB")  # colour: marked


TEXT_FORMATS = frozenset({"txt", "markup"})
TEXT_LINES_MAX = 2000


def text_lines(path: Path, needle: str) -> list[tuple[int, str, bool]]:
    """A text document's lines (number, text, marked): the lines that hold `needle`'s words."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
    lines = text.splitlines()[:TEXT_LINES_MAX]
    wanted = _tokens(needle)[:NEEDLE_WORDS_MAX]
    marked: set[int] = set()
    if wanted:
        flat = [(n, t) for n, line in enumerate(lines) for t in _tokens(line)]
        start, length = _best_run([t for _, t in flat], wanted)
        if length >= min(len(wanted), MIN_MATCHED_WORDS):
            marked = {flat[k][0] for k in range(start, start + length)}
    return [(n + 1, line, n in marked) for n, line in enumerate(lines)]

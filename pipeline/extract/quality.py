"""Whether a page's text layer can be trusted or the page must be OCR'd, and for what reason."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

MIN_TEXT_LAYER_LETTERS = 20  # fewer letters than this on a page means a scan, or a blank page
# A text layer whose characters are this share garbage (replacement characters, private-use
# glyphs, control codes, UTF-8 read as Latin-1, unmapped glyph ids) reads worse than OCR would.
MAX_GARBAGE_SHARE = 0.02
# Ink on the rendered page that no character of the text layer covers, counted in characters'
# worth of ink: a scan with a stamped header ("Inkom 2020-03-30") or a page of text drawn as
# curves has far more of it than a logo or the rules of a table on a digital page.
MIN_UNEXPLAINED_CHARS = 150
MAX_UNEXPLAINED_SHARE = 0.5  # of all ink: more than this is a picture of text, not decoration

DOUBLE_ENCODED = re.compile(r"[ÃÂ][\u0080-\u00bf]|â€[\u0080-\u00bf\u2018-\u203a]?")
GLYPH_ID = re.compile(r"\(cid:\d+\)")
ALLOWED_CONTROLS = set("\t\n\r\f")
# Characters that cannot be garbage, skipped before the per-character test: allowed controls,
# printable ASCII, Latin-1 and Latin Extended-A and -B (every code point assigned, none a control).
NEVER_GARBAGE = re.compile(r"[\t\n\r\f\x20-\x7e\xa0-\u024f]+")


class OcrReason(StrEnum):
    """Why a page went to OCR (kept on `Page.ocr_reason`)."""

    NO_TEXT_LAYER = "no_text_layer"  # no text, or too little to be the page's content
    INK_WITHOUT_TEXT = "ink_without_text"  # the page shows much more text than its layer holds
    GARBAGE_TEXT_LAYER = "garbage_text_layer"  # the layer's characters are mojibake
    IMAGE_FILE = "image_file"  # a PNG, JPEG or TIFF: there is no text layer to read


@dataclass(frozen=True)
class Ink:
    """Dark pixels of a page rendered small, and how many no character of the layer covers."""

    total: int
    unexplained: int
    per_char: float  # dark pixels one character of body text makes at the same resolution


def garbage_share(text: str) -> float:
    """The share of a text's visible characters that no real text layer would hold."""
    visible = len("".join(text.split()))  # str.split() splits where str.isspace() is true
    if not visible:
        return 0.0
    bad = sum(len(m.group(0)) for m in GLYPH_ID.finditer(text))
    bad += sum(len(m.group(0)) for m in DOUBLE_ENCODED.finditer(text))
    for ch in NEVER_GARBAGE.sub("", GLYPH_ID.sub("", text)):
        if ch == "\ufffd" or (
            unicodedata.category(ch) in {"Co", "Cn", "Cs", "Cc"} and ch not in ALLOWED_CONTROLS
        ):
            bad += 1
    return bad / visible


def letters(text: str) -> int:
    return sum(ch.isalpha() for ch in GLYPH_ID.sub("", text))


def ocr_reason(text: str, ink: Ink | None) -> OcrReason | None:
    """Why this page must be OCR'd, or None when its text layer is the page's text.

    The order is the cost of being wrong: no text at all, then text that is garbage, then text
    that covers only a corner of what the page shows.
    """
    reason = text_reason(text)
    if reason is None and ink is not None:
        reason = ink_reason(ink)
    return reason


def text_reason(text: str) -> OcrReason | None:
    """Why the text layer alone says the page must be OCR'd: too little text, or garbage."""
    if letters(text) < MIN_TEXT_LAYER_LETTERS:
        return OcrReason.NO_TEXT_LAYER
    if garbage_share(text) > MAX_GARBAGE_SHARE:
        return OcrReason.GARBAGE_TEXT_LAYER
    return None


def ink_reason(ink: Ink) -> OcrReason | None:
    """INK_WITHOUT_TEXT when the page shows much ink that no character of its layer explains."""
    if ink.total:
        unexplained_chars = ink.unexplained / ink.per_char
        if (
            unexplained_chars >= MIN_UNEXPLAINED_CHARS
            and ink.unexplained > MAX_UNEXPLAINED_SHARE * ink.total
        ):
            return OcrReason.INK_WITHOUT_TEXT
    return None

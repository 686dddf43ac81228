"""A page's characters, in PDFium's text order with their boxes, into lines as a reader sees them.

Each character is taken once, with its own box. A run of characters that follow each other in
the text order and on the page is a piece whose text is PDFium's own, spaces included: spaces
it only implies by position ("Olle Sandgård") are there, and a producer that places every glyph
by itself (Skia in Google Docs' export: a box for each letter) gives one piece a line, not a
piece a letter. Pieces sharing a baseline make a line, left to right: table cells drawn column
by column come out row by row, and a wide gap between two pieces is a column break (a tab).

Boxes are in the reading frame (pdf_text.Chars.upright): text runs left to right, lines go
down. A piece that runs across that direction (a line printed up the margin) is a line of its
own after the page's text, not letters spread over the lines it passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

import numpy as np
import numpy.typing as npt

from pipeline.extract.layout import PositionedLine, Word

COLUMN_GAP_HEIGHTS = 2.0  # a gap this many line heights wide separates columns (a tab)
# Between two runs on one line, a gap this wide separates words. Inside a word the characters'
# advance boxes touch (−0.13 to +0.002 line heights on the dev PDFs, kerning the negative end);
# a space is 0.2–0.3, and PDFium places one from about 0.13.
WORD_GAP_HEIGHTS = 0.12
WORD_BACKSTEP_HEIGHTS = 0.3  # kerning steps back less than this; a jump back starts a new piece
SAME_LINE_OVERLAP = 0.3  # boxes that overlap this much of the lower one vertically share a line
# A character this close below or above the last continues a piece that runs across the lines
# (of the smaller character's width, which is its height as the text reads); across a space, a
# column gap, as along a line.
STACKED_STEP_WIDTHS = 0.3
CELL_SEPARATOR = "\t"
LINE_BREAKS = (0x0A, 0x0D)  # PDFium ends each line of its text order with "\r\n"


@dataclass(frozen=True)
class Piece(Word):
    """Characters that follow each other in the text order and on the page.

    `first` and `last` index the text (its first and last inked character); `across` marks a
    piece that runs down or up the reading frame (rotated text in a margin).
    """

    first: int = 0
    last: int = 0
    across: bool = False

    @property
    def height(self) -> float:
        return self.bottom - self.top


def pieces(text: str, boxes: npt.NDArray[np.float64], *, words: bool = False) -> list[Piece]:
    """The runs of drawn characters in text order; with `words`, every space also ends one.

    A run ends at a line break of the text order, where the next character leaves the line,
    steps back, or lies a column gap further on. Inside a run the spaces are PDFium's: it places
    them where the gap exceeds what the font's advance and the character spacing explain, which
    boxes alone cannot tell from letter-spaced type ("P R O T O K O L L" read "PROTOKOLL").
    """
    drawn = np.flatnonzero(~np.isnan(boxes[:, 0]))
    if not len(drawn):
        return []
    box = boxes[drawn]
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    breaks = np.cumsum(np.isin(codes, LINE_BREAKS))
    before, after = box[:-1], box[1:]
    heights = box[:, 3] - box[:, 1]
    widths = box[:, 2] - box[:, 0]
    lower_height = np.minimum(heights[:-1], heights[1:])
    lower_width = np.minimum(widths[:-1], widths[1:])
    spaced = np.diff(drawn) > 1  # something undrawn between: a space, or a line break
    broken = breaks[drawn[1:] - 1] > breaks[drawn[:-1]]
    gap = after[:, 0] - before[:, 2]
    shared = np.minimum(before[:, 3], after[:, 3]) - np.maximum(before[:, 1], after[:, 1])
    on_line = shared >= SAME_LINE_OVERLAP * lower_height
    # A column gap is wide for the larger of the two: PDFium shrinks the box of text squeezed
    # by its text matrix (an OCR layer's bullet "e " before a hanging indent) in height too.
    widest = COLUMN_GAP_HEIGHTS * np.maximum(heights[:-1], heights[1:])
    along = on_line & (gap >= -WORD_BACKSTEP_HEIGHTS * lower_height) & (gap <= widest)
    # Rotated text: each character below (or above) the last, overlapping it sideways.
    beside = np.minimum(before[:, 2], after[:, 2]) - np.maximum(before[:, 0], after[:, 0])
    step = np.minimum(np.abs(after[:, 1] - before[:, 3]), np.abs(before[:, 1] - after[:, 3]))
    reach = np.where(spaced, COLUMN_GAP_HEIGHTS, STACKED_STEP_WIDTHS) * lower_width
    stacked = ~on_line & (beside >= 0.5 * lower_width) & (step <= reach)
    joined = ~broken & (along | stacked)
    if words:
        joined &= ~spaced
    starts = np.concatenate(([0], np.flatnonzero(~joined) + 1))
    stops = np.concatenate((starts[1:], [len(drawn)]))
    left = np.minimum.reduceat(box[:, 0], starts)
    top = np.minimum.reduceat(box[:, 1], starts)
    right = np.maximum.reduceat(box[:, 2], starts)
    bottom = np.maximum.reduceat(box[:, 3], starts)
    # Steps inside a piece run from its start to its stop − 2; count the stacked ones.
    stacked_before = np.concatenate(([0], np.cumsum(stacked & joined)))
    found = []
    for index, (start, stop) in enumerate(zip(starts.tolist(), stops.tolist(), strict=True)):
        first, last = int(drawn[start]), int(drawn[stop - 1])
        steps = stop - start - 1
        across = 0 < steps < 2 * int(stacked_before[stop - 1] - stacked_before[start])
        found.append(
            Piece(
                " ".join(text[first : last + 1].split()),
                float(left[index]),
                float(right[index]),
                float(top[index]),
                float(bottom[index]),
                first,
                last,
                across,
            )
        )
    return found


def read_lines(text: str, boxes: npt.NDArray[np.float64]) -> list[PositionedLine]:
    """The page's lines in reading order: pieces on one baseline, left to right, then the pieces
    that run across the lines, each a line of its own."""
    found = pieces(text, boxes)
    along = [piece for piece in found if not piece.across]
    lines = [_line(group, text) for group in _group_lines(along)]
    lines += [
        PositionedLine(piece.text, piece.top, piece.bottom, new_paragraph=True)
        for piece in found
        if piece.across
    ]
    return lines


def stream_lines(text: str, boxes: npt.NDArray[np.float64]) -> list[PositionedLine]:
    """The page's lines as PDFium's text order breaks them, placed by their characters' boxes."""
    lines = []
    start = 0
    for line in text.splitlines(keepends=True):
        stop = start + len(line)
        drawn = boxes[start:stop][~np.isnan(boxes[start:stop, 0])]
        if len(drawn) and line.strip():
            top, bottom = float(np.median(drawn[:, 1])), float(np.median(drawn[:, 3]))
            lines.append(PositionedLine(" ".join(line.split()), top, bottom))
        start = stop
    return lines


def _group_lines(found: list[Piece]) -> list[list[Piece]]:
    """Pieces sharing a baseline, top to bottom; each line's pieces left to right."""
    lines: list[list[Piece]] = []
    spans: list[tuple[float, float]] = []  # each line's median top and bottom so far
    for piece in sorted(found, key=lambda p: (p.top, p.left)):
        for index in range(len(lines) - 1, max(-1, len(lines) - 4), -1):
            if _overlap(spans[index], piece) >= SAME_LINE_OVERLAP:
                lines[index].append(piece)
                spans[index] = _span(lines[index])
                break
        else:
            lines.append([piece])
            spans.append((piece.top, piece.bottom))
    ordered = [sorted(line, key=lambda p: p.left) for line in lines]
    return sorted(ordered, key=lambda line: median(p.top for p in line))


def _span(line: list[Piece]) -> tuple[float, float]:
    return median(p.top for p in line), median(p.bottom for p in line)


def _overlap(span: tuple[float, float], piece: Piece) -> float:
    """How much of the lower of a line and a piece they share vertically."""
    top, bottom = span
    shared = min(bottom, piece.bottom) - max(top, piece.top)
    smallest = min(bottom - top, piece.height) or 1.0
    return shared / smallest


def _line(line: list[Piece], text: str) -> PositionedLine:
    """One line's pieces joined: a tab across a column gap, a space where the text order has one
    between them or the gap is a word space, nothing where a piece ended on a kerning step."""
    height = median(p.height for p in line) or 1.0
    parts = [line[0].text]
    for before, after in pairwise(line):
        gap = after.left - before.right
        if gap > COLUMN_GAP_HEIGHTS * height:
            parts.append(CELL_SEPARATOR)
        elif gap > WORD_GAP_HEIGHTS * height or _spaced(text, before, after):
            parts.append(" ")
        parts.append(after.text)
    top = median(p.top for p in line)
    bottom = median(p.bottom for p in line)
    return PositionedLine("".join(parts), top, bottom)


def _spaced(text: str, before: Piece, after: Piece) -> bool:
    """Whether the text order has a space (or a line break) right between two pieces."""
    between = text[before.last + 1 : after.first]
    return bool(between) and between.isspace()

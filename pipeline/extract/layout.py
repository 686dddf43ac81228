"""Turn positioned words and lines of a page into reading-order text with paragraph breaks.

Neither a PDF text layer nor OCR says where a paragraph ends; the line pitch (baseline to
baseline: tops vary with ascenders, baselines do not) does. Lines of one
paragraph follow each other at the leading (about 1.2 line heights); a paragraph break adds
space. The leading is learnt from the page itself, so the rule holds for any font size or dpi.

Neither says either that a page is set in two columns: a line of the left column and the line
of the right column beside it come out as one line. A gutter (a white band between two blocks
of prose, crossed only by headings that span the page) says so; the page is then read column by
column within each band between spanning lines.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from statistics import median, quantiles

import numpy as np
import numpy.typing as npt

LEADING_RANGE = (1.0, 1.4)  # plausible leading, in line heights
PARAGRAPH_PITCH_RATIO = 1.3  # a pitch this much above the leading starts a new paragraph
LARGER_TYPE = 1.2  # lines this many line heights high are set larger than the text
GUTTER_BINS = 200  # the text width is scanned for a gutter in this many slices
GUTTER_MIN_WIDTH_SHARE = 0.02  # of the text width: narrower white bands are word spaces
GUTTER_ZONE = (0.3, 0.7)  # a gutter lies in the middle of the text width
GUTTER_COVERAGE_SHARE = 0.1  # a slice crossed by fewer words than this share of the typical
# Two columns of prose, not a table: each side has lines, and its lines are sentences.
COLUMN_MIN_LINES = 5
COLUMN_MIN_MEDIAN_CHARS = 20  # table cells (a name, a role) are shorter than a line of prose
SHORT_LINE_SHARE = 0.8  # of a full line of the column: a shorter last line ends its paragraph


@dataclass(frozen=True)
class PositionedLine:
    text: str
    top: float
    bottom: float
    new_paragraph: bool = False  # known to start a paragraph, whatever the pitch says


@dataclass(frozen=True)
class Word:
    """A word (or any piece of a line) with its box; y grows down the page."""

    text: str
    left: float
    right: float
    top: float
    bottom: float


def join_lines(lines: Sequence[PositionedLine]) -> str:
    """Join lines in reading order, with an empty line wherever the pitch says a paragraph ended.

    A line that starts above the previous one begins the next column: it continues the text
    unless marked `new_paragraph`.
    """
    kept = [line for line in lines if line.text.strip()]
    if not kept:
        return ""
    heights = [line.bottom - line.top for line in kept if line.bottom > line.top]
    line_height = median(heights) if heights else 1.0
    pitches = [b.bottom - a.bottom for a, b in pairwise(kept)]
    forward = [pitch for pitch in pitches if pitch > 0]
    low, high = (bound * line_height for bound in LEADING_RANGE)
    typical = quantiles(forward, n=4)[0] if len(forward) >= 2 else high
    leading = min(max(typical, low), high)
    out = [kept[0].text.strip()]
    for pitch, (before, line) in zip(pitches, pairwise(kept), strict=True):
        expected = leading * _size(before, line, line_height)
        if line.new_paragraph or pitch > PARAGRAPH_PITCH_RATIO * expected:
            out.append("")
        out.append(line.text.strip())
    return "\n".join(out)


def _size(before: PositionedLine, line: PositionedLine, line_height: float) -> float:
    """How much larger than the text two lines are set, when both are (a title over two or
    three lines): they stand further apart by their size alone, not as paragraphs."""
    heights = (before.bottom - before.top, line.bottom - line.top)
    if min(heights) < LARGER_TYPE * line_height:
        return 1.0
    return sum(heights) / 2 / line_height


def find_gutter(words: Sequence[Word]) -> tuple[float, float] | None:
    """The white band between two columns, as (left, right), or None on a one-column page.

    Counts for each slice of the text width how many words cross it; a gutter is the widest run
    of slices in the middle that almost no word crosses (headings spanning both columns may).
    """
    lefts = np.array([w.left for w in words], dtype=np.float64)
    rights = np.array([w.right for w in words], dtype=np.float64)
    return find_gutter_between(lefts, rights)


def find_gutter_between(
    lefts: npt.NDArray[np.float64], rights: npt.NDArray[np.float64]
) -> tuple[float, float] | None:
    """`find_gutter` for boxes given as their left and right edges (a page's characters)."""
    if len(lefts) < 2 * COLUMN_MIN_LINES:
        return None
    start, stop = float(lefts.min()), float(rights.max())
    width = (stop - start) / GUTTER_BINS
    if width <= 0:
        return None
    first = np.clip(((lefts - start) / width).astype(int), 0, GUTTER_BINS - 1)
    last = np.clip(np.ceil((rights - start) / width).astype(int), 1, GUTTER_BINS)
    changes = np.zeros(GUTTER_BINS + 1, dtype=np.int64)
    np.add.at(changes, first, 1)
    np.add.at(changes, last, -1)
    coverage = np.cumsum(changes)[:GUTTER_BINS]
    typical = float(np.median(coverage[coverage > 0]))
    low = coverage <= GUTTER_COVERAGE_SHARE * typical
    zone_start, zone_stop = (round(share * GUTTER_BINS) for share in GUTTER_ZONE)
    best: tuple[int, int] | None = None
    run_start: int | None = None
    for index in range(zone_start, zone_stop + 1):
        if index < zone_stop and low[index]:
            run_start = index if run_start is None else run_start
            continue
        if run_start is not None and (best is None or index - run_start > best[1] - best[0]):
            best = (run_start, index)
        run_start = None
    if best is None or best[1] - best[0] < GUTTER_MIN_WIDTH_SHARE * GUTTER_BINS:
        return None
    return start + best[0] * width, start + best[1] * width


def read_columns(lines: Sequence[Sequence[Word]]) -> list[PositionedLine] | None:
    """Lines of a two-column page in reading order, or None when the page has one column.

    `lines` are lines as the extractor grouped them (a line may hold words of both columns).
    """
    words = [word for line in lines for word in line]
    gutter = find_gutter(words)
    if gutter is None:
        return None
    middle = (gutter[0] + gutter[1]) / 2
    spanning: list[Piece] = []
    left: list[Piece] = []
    right: list[Piece] = []
    for line in lines:
        if any(w.left < middle < w.right for w in line):
            spanning.append(_piece(line))
            continue
        left += [_piece(side) for side in [[w for w in line if w.right <= middle]] if side]
        right += [_piece(side) for side in [[w for w in line if w.left >= middle]] if side]
    for side in (left, right):
        if (
            len(side) < COLUMN_MIN_LINES
            or median(len(p.text) for p in side) < COLUMN_MIN_MEDIAN_CHARS
        ):
            return None
    full_width = quantiles([p.right - p.left for p in left], n=10)[-1]  # a full line
    ordered: list[PositionedLine] = []
    bounds = [-float("inf"), *sorted(p.top for p in spanning), float("inf")]
    spans = sorted(spanning, key=lambda p: p.top)
    for band, (upper, lower) in enumerate(pairwise(bounds)):
        left_part = sorted((p for p in left if upper < p.top < lower), key=lambda p: p.top)
        right_part = sorted((p for p in right if upper < p.top < lower), key=lambda p: p.top)
        ordered += [p.line() for p in left_part]
        # The last line of the left column ends its paragraph when it stops short.
        ends = bool(left_part) and left_part[-1].right - left_part[-1].left < (
            SHORT_LINE_SHARE * full_width
        )
        ordered += [p.line(new_paragraph=ends and i == 0) for i, p in enumerate(right_part)]
        if band < len(spans):
            ordered.append(spans[band].line())
    return ordered


@dataclass(frozen=True)
class Piece:
    """The words of one line on one side of the gutter (or across it)."""

    text: str
    left: float
    right: float
    top: float
    bottom: float

    def line(self, *, new_paragraph: bool = False) -> PositionedLine:
        return PositionedLine(self.text, self.top, self.bottom, new_paragraph)


def _piece(words: Sequence[Word]) -> Piece:
    ordered = sorted(words, key=lambda w: w.left)
    return Piece(
        " ".join(w.text for w in ordered),
        ordered[0].left,
        max(w.right for w in ordered),
        median(w.top for w in words),
        median(w.bottom for w in words),
    )


def group_lines(words: Sequence[Word]) -> list[list[Word]]:
    """Words into lines: a word belongs to the line whose vertical middle it shares."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.top, w.left)):
        middle = (word.top + word.bottom) / 2
        for line in reversed(lines[-4:]):
            if line[0].top <= middle <= line[0].bottom:
                line.append(word)
                break
        else:
            lines.append([word])
    return lines

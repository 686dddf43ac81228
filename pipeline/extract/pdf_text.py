"""A PDF page's text layer read with PDFium: lines in reading order, columns kept apart.

PDFium places the spaces a PDF only implies by positioning ("Carl Tönsgård", where a reader
that inserts spaces by a fixed tolerance writes "CarlTönsgård"), and it is a hundred times
faster than pdfminer. It gives text as segments with boxes; segments on one baseline make a
line, a wide gap between them separates table columns or signatures signed side by side.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

import pypdfium2

from pipeline.extract.layout import PositionedLine, join_lines

COLUMN_GAP_HEIGHTS = 2.0  # a gap this many line heights wide separates columns (a tab)
WORD_GAP_HEIGHTS = 0.12  # a smaller gap is inside a word ("Kila" + "g" + "årds")
SAME_LINE_OVERLAP = 0.3  # segments whose boxes overlap this much vertically share a line
CELL_SEPARATOR = "\t"


@dataclass(frozen=True)
class Segment:
    left: float
    top: float  # distance from the top of the page
    right: float
    bottom: float
    text: str

    @property
    def height(self) -> float:
        return self.bottom - self.top


def page_text(page: pypdfium2.PdfPage) -> str:
    """The page's text with paragraph breaks (blank lines) and column breaks (tabs)."""
    return join_lines(page_lines(page))


def page_lines(page: pypdfium2.PdfPage) -> list[PositionedLine]:
    text_page = page.get_textpage()
    try:
        page_top = page.get_height()
        segments = []
        for index in range(text_page.count_rects()):
            left, bottom, right, top = text_page.get_rect(index)
            text = text_page.get_text_bounded(left, bottom, right, top)
            if text.strip():
                segments.append(Segment(left, page_top - top, right, page_top - bottom, text))
    finally:
        text_page.close()
    return [_line(group) for group in _group_lines(segments)]


def _group_lines(segments: list[Segment]) -> list[list[Segment]]:
    """Segments sharing a baseline, top to bottom; each line's segments left to right."""
    lines: list[list[Segment]] = []
    for segment in sorted(segments, key=lambda s: (s.top, s.left)):
        for line in reversed(lines[-3:]):
            if _overlap(line, segment) >= SAME_LINE_OVERLAP:
                line.append(segment)
                break
        else:
            lines.append([segment])
    ordered = [sorted(line, key=lambda s: s.left) for line in lines]
    return sorted(ordered, key=lambda line: median(s.top for s in line))


def _overlap(line: list[Segment], segment: Segment) -> float:
    top = median(s.top for s in line)
    bottom = median(s.bottom for s in line)
    shared = min(bottom, segment.bottom) - max(top, segment.top)
    smallest = min(bottom - top, segment.height) or 1.0
    return shared / smallest


def _line(segments: list[Segment]) -> PositionedLine:
    height = median(s.height for s in segments) or 1.0
    text = segments[0].text
    for previous, segment in pairwise(segments):
        gap = segment.left - previous.right
        if gap > COLUMN_GAP_HEIGHTS * height:
            text = text.rstrip() + CELL_SEPARATOR + segment.text.lstrip()
        elif gap > WORD_GAP_HEIGHTS * height and not text.endswith(" "):
            text += " " + segment.text
        else:
            text += segment.text
    top = median(s.top for s in segments)
    bottom = median(s.bottom for s in segments)
    return PositionedLine(" ".join(text.split(" ")).strip(), top, bottom)

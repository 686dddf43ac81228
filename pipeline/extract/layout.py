"""Turn positioned lines of a page into text whose blank lines mark paragraph breaks.

Neither a PDF text layer nor OCR says where a paragraph ends; the line pitch (baseline to
baseline: tops vary with ascenders, baselines do not) does. Lines of one
paragraph follow each other at the leading (about 1.2 line heights); a paragraph break adds
space. The leading is learnt from the page itself, so the rule holds for any font size or dpi.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median, quantiles

LEADING_RANGE = (1.0, 1.4)  # plausible leading, in line heights
PARAGRAPH_PITCH_RATIO = 1.3  # a pitch this much above the leading starts a new paragraph


@dataclass(frozen=True)
class PositionedLine:
    text: str
    top: float
    bottom: float


def join_lines(lines: list[PositionedLine]) -> str:
    """Join lines top to bottom, with an empty line wherever the pitch says a paragraph ended."""
    kept = [line for line in lines if line.text.strip()]
    if not kept:
        return ""
    heights = [line.bottom - line.top for line in kept if line.bottom > line.top]
    line_height = median(heights) if heights else 1.0
    pitches = [b.bottom - a.bottom for a, b in pairwise(kept)]
    low, high = (bound * line_height for bound in LEADING_RANGE)
    typical = quantiles(pitches, n=4)[0] if len(pitches) >= 2 else high
    leading = min(max(typical, low), high)
    out = [kept[0].text.strip()]
    for pitch, line in zip(pitches, kept[1:], strict=True):
        if pitch > PARAGRAPH_PITCH_RATIO * leading:
            out.append("")
        out.append(line.text.strip())
    return "\n".join(out)

"""Long texts in pieces of bounded length, cut where a reader would pause.

The NER model's memory grows with the text it is given (spaCy refuses a text of a million
characters outright), so a section is read piece by piece. A piece ends at the last paragraph
break in its second half, else at a sentence end, a line break or a space, and only when there
is none of these at a fixed length: an entity is never cut where the text pauses.
"""

from __future__ import annotations

import re

MAX_PIECE_CHARS = 50_000
SENTENCE_END = re.compile(r"[.!?:;]\s+")
# Where a piece may end, most preferred first: a blank line, a sentence end, a line break, a space
_BREAKS = ("\n\n", None, "\n", " ")


def split(text: str, limit: int = MAX_PIECE_CHARS) -> list[tuple[int, str]]:
    """(offset, piece) pairs that join back into `text`, each at most `limit` characters."""
    pieces: list[tuple[int, str]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start + limit // 2, start + limit)
        pieces.append((start, text[start:end]))
        start = end
    if start < len(text) or not pieces:
        pieces.append((start, text[start:]))
    return pieces


def _cut(text: str, low: int, high: int) -> int:
    """Where to end a piece that must end between `low` and `high`."""
    for mark in _BREAKS:
        if mark is None:
            ends = [m.end() for m in SENTENCE_END.finditer(text, low, high)]
            if ends:
                return ends[-1]
            continue
        found = text.rfind(mark, low, high)
        if found >= 0:
            return found + len(mark)
    return high

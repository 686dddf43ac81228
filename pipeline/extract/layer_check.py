"""Whether the text read from a page's characters says what PDFium's own reading says.

The lines are rebuilt from characters' boxes; PDFium's text order (FPDFText_GetText) is a second
reading of the same layer, with its own spaces and line breaks. Where they disagree, the boxes
misled the rebuild (glyphs without sensible advances, a producer nobody has seen): letters with
spaces between them, letters twice, text missing. Comparing the two as multisets of character
bigrams ignores what only the order changes (columns, cells, a line moved), which is what the
rebuild is for, and counts what the characters themselves change.
"""

from __future__ import annotations

import numpy as np

# Two readings of the same characters in another order of lines are 1.0 alike: every line
# break is the same one space. Correct readings score 0.999–1.0 (96 pages: the dev PDFs, 40
# synthetic minutes), where a space placed by a gap differs from PDFium's; a space inside every
# word brings a page under 0.7, a doubled letter at each kerned pair to 0.95.
MIN_AGREEMENT = 0.97


def agreement(ours: str, theirs: str) -> float:
    """The Dice coefficient of the two texts' character bigrams, each whitespace run one space:
    1.0 for the same characters in any order of lines, 0.0 for nothing in common."""
    a, b = _bigrams(ours), _bigrams(theirs)
    if len(a) + len(b) <= 2:  # both empty: one bigram each, " " + " "
        return 1.0
    a_values, a_counts = np.unique(a, return_counts=True)
    b_values, b_counts = np.unique(b, return_counts=True)
    _, in_a, in_b = np.intersect1d(a_values, b_values, assume_unique=True, return_indices=True)
    shared = int(np.minimum(a_counts[in_a], b_counts[in_b]).sum())
    return 2 * shared / (len(a) + len(b))


def _bigrams(text: str) -> np.ndarray[tuple[int], np.dtype[np.uint64]]:
    """Each pair of neighbouring characters as one number (two 21-bit code points), the text
    between spaces: its first and last lines meet the text around them as any other line does."""
    flat = " " + " ".join(text.split()) + " "
    codes = np.frombuffer(flat.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    codes = codes.astype(np.uint64)
    return (codes[:-1] << np.uint64(21)) | codes[1:]

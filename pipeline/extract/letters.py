"""Restore the Swedish letters that an encoding accident replaced by U+FFFD.

A text saved through the wrong encoding loses å, ä, ö, é and § for good ("M�tet �ppnas",
"�1"); re-decoding cannot bring them back. The words of minutes can: each damaged word is
tried with every letter that could have stood there, and kept when it becomes a word of the
lexicon (whole, or as the last part of a compound such as "Fastighets�garef�rening"). A word
that matches nothing keeps its U+FFFD: no guess is better than a wrong one.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from itertools import product

UNREADABLE = "\ufffd"
CANDIDATE_LETTERS = ("ä", "ö", "å", "é")
MAX_DAMAGED_LETTERS = 4  # 4⁴ candidates: beyond that a word is too damaged to restore
MIN_COMPOUND_TAIL = 4
WORD = re.compile(rf"(?<![\w{UNREADABLE}])[\w{UNREADABLE}]*{UNREADABLE}[\w{UNREADABLE}]*")
SECTION_SIGN = re.compile(rf"^{UNREADABLE}\s?(?=\d)|(?<=\s){UNREADABLE}\s?(?=\d+\b)")
# What may stand before a sentence's first word: nothing, end punctuation, "§ 2", "3."
OPENS_SENTENCE = re.compile(r"(?:^|[.:!?]|^§\s*\d+[.:]?|^\d+[.)]?)$")
# A lost no-break space: after "Datum:", after a number ("§ 6� Val"), or alone between words.
LOST_SPACE = re.compile(rf"(?<=:){UNREADABLE}|(?<=\d){UNREADABLE}|(?<=\s){UNREADABLE}(?=\s)")


@cache
def lexicon() -> frozenset[str]:
    text = files("pipeline.extract").joinpath("swedish_words.txt").read_text(encoding="utf-8")
    return frozenset(
        word.strip() for word in text.splitlines() if word.strip() and not word.startswith("#")
    )


def restore_letters(line: str) -> str:
    """The line with every restorable U+FFFD replaced; a line without one is returned as is."""
    if UNREADABLE not in line:
        return line
    line = LOST_SPACE.sub(" ", line)
    line = SECTION_SIGN.sub("§", line)

    def restore(match: re.Match[str]) -> str:
        word = restore_word(match.group(0))
        before = line[: match.start()].rstrip()
        if match.group(0)[0] == UNREADABLE and OPENS_SENTENCE.search(before):
            return word[:1].upper() + word[1:]  # "�rsm�tet beslutade" opens a sentence
        return word

    return WORD.sub(restore, line)


@cache
def restore_word(word: str) -> str:
    positions = [i for i, ch in enumerate(word) if ch == UNREADABLE]
    if len(positions) > MAX_DAMAGED_LETTERS:
        return word
    words = lexicon()
    lower = word.lower()
    fallback: str | None = None
    for letters in product(CANDIDATE_LETTERS, repeat=len(positions)):
        candidate = list(lower)
        for position, letter in zip(positions, letters, strict=True):
            candidate[position] = letter
        restored = "".join(candidate)
        if restored in words:
            return _with_case_of(word, restored)
        if fallback is None and _ends_with_word(restored, positions[0], words):
            fallback = restored
    return _with_case_of(word, fallback) if fallback else word


def _ends_with_word(candidate: str, first_damage: int, words: frozenset[str]) -> bool:
    """A compound whose last part is a known word covering every restored letter."""
    for start in range(1, first_damage + 1):
        tail = candidate[start:]
        if len(tail) >= MIN_COMPOUND_TAIL and tail in words:
            return True
    return False


def _with_case_of(original: str, restored: str) -> str:
    """Upper case where the original is (letters it kept tell: "L�NGASANDS" is all capitals)."""
    letters = [ch for ch in original if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return restored.upper()
    if original[0].isupper():
        return restored[0].upper() + restored[1:]
    return restored

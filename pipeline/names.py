"""Personal names: folding spelling variants and matching a name to the people of one meeting."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz, process

SAME_NAME_MIN_RATIO = 90  # rapidfuzz ratio of folded full names: Skålen/Skälén, Lundqvist/Lundkvist
SURNAME_PREFIX_CHARS = 3  # "Sandström"/"Sandgren": same unique first name, same surname stem
NAME_PARTICLES = {"af", "von", "de", "van", "der", "la"}
PARTY_OR_NOTE = re.compile(r"\s*\([^)]*\)")


def fold(name: str) -> str:
    """A key equal for spellings that differ only in case, diacritics, dots or spacing."""
    name = PARTY_OR_NOTE.sub(" ", name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    letters = re.sub(r"[.\-‐–]", " ", letters)
    return " ".join(letters.split())


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, as a person's name is written in minutes."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


def match_in_meeting(name: str, candidates: Sequence[str]) -> int | None:
    """Index of the candidate that `name` denotes, or None when no link is safe.

    Used within one meeting, where the candidates are its attendees: an exact folded match, a
    near-identical spelling, or the only attendee with that first name whose surname shares its
    stem (a chair written Sandström in the list and Sandgren at the signature).
    """
    if not candidates:
        return None
    key = fold(name)
    keys = [fold(c) for c in candidates]
    if key in keys:
        return keys.index(key)
    best = process.extract(key, keys, scorer=fuzz.ratio, limit=2)
    unique_best = bool(best) and (len(best) == 1 or best[1][1] < best[0][1])
    if unique_best and best[0][1] >= SAME_NAME_MIN_RATIO:
        return int(best[0][2])
    first, _, surname = key.partition(" ")
    same_first = [i for i, k in enumerate(keys) if k.partition(" ")[0] == first]
    if surname and len(same_first) == 1:
        other_surname = keys[same_first[0]].partition(" ")[2]
        if other_surname[:SURNAME_PREFIX_CHARS] == surname[:SURNAME_PREFIX_CHARS]:
            return same_first[0]
    return None

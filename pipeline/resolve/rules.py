"""Across the archive: how alike two written names are, and what their contexts add or take away.

Each rule gives a base score (0–100); the contexts of the two spellings (organisation, body,
years, affiliation) move it. A link needs `LINK_MIN`; a link under `CONFIDENT_MIN`, and a
candidate between `REVIEW_MIN` and `LINK_MIN`, is shown by `protokoll persons review`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from pipeline.names import DAMAGED, PersonName, consonants, ocr_key, skeleton

LINK_MIN = 90.0
CONFIDENT_MIN = 95.0
REVIEW_MIN = 75.0
AMBIGUITY_MARGIN = 3.0  # a second candidate this close makes a link a guess: refuse it
ESTABLISHED_MEETINGS = 3  # a spelling written in this many meetings is a name in use, not a slip

SAME_SPELLING = 100.0  # equal after folding case, diacritics, dots and order
DAMAGED_LETTERS = 96.0  # equal where one lost letters to an encoding accident (B�rje/Börje)
SPELLING_VARIANT = 95.0  # Pettersson/Petersson, Carlsson/Karlsson, Lundqvist/Lundkvist, rn/m
OCR_CONFUSION = 94.0  # I/l/1: "lda Wikström"
ONE_EDIT = 91.0  # one letter wrong, missing, extra or swapped in a given name or a surname
EXTRA_NAME = 90.0  # a second surname or given name more: Holm Sjöberg / Sjöberg
INITIAL = 86.0  # "C. Skålén" for Charlotta Skålén: needs context to be linked
TWO_EDITS = 84.0  # one slip in each part: only for review

SURNAME_EDIT_MIN_CHARS = 5  # Berg/Borg are two names; Gustafsson/Gustafson one
GIVEN_EDIT_MIN_CHARS = 4  # Per/Pär are two names

SAME_ORGANIZATION_MIN_RATIO = 90  # "RAR i Sörmland" / "RAR i Sörrnland"
OTHER_ORGANIZATION = -8.0
SAME_BODY = 2.0
NEAR_YEARS = 2.0
NEAR_YEARS_GAP = 1
FAR_YEARS = -6.0
FAR_YEARS_GAP = 10
SAME_AFFILIATION = 2.0
OTHER_AFFILIATION = -8.0

# Rules that say two spellings are one name; edits and initials only say they may be.
NAME_EQUAL_RULES = frozenset(
    {"same_spelling", "damaged_letters", "spelling_variant", "ocr_confusion"}
)


@dataclass(frozen=True)
class NameKeys:
    """The keys of one parsed name, computed once."""

    key: str
    skeleton: str
    ocr: str
    given: str  # skeleton
    surnames: tuple[str, ...]  # skeletons
    surname: str  # skeleton of the whole surname
    folded_given: str
    folded_surname: str
    consonants: str  # of the surname
    anchored: bool
    given_initial: bool

    def blocks(self) -> tuple[str, ...]:
        """Blocking keys: names compared only with names that share one (not all with all)."""
        if not self.anchored:
            return ()
        found = [f"s:{s}" for s in self.surnames if len(s) > 1]
        found.append(f"c:{self.consonants}")
        found.append(f"o:{self.ocr.rsplit(' ', 1)[-1]}")
        if not self.given_initial:
            found.append(f"g:{self.given}:{self.surname[:1]}")
        return tuple(dict.fromkeys(found))


@lru_cache(maxsize=65536)
def keys_of(name: PersonName) -> NameKeys:
    surnames = tuple(skeleton(s) for s in name.surnames)
    return NameKeys(
        key=name.key,
        skeleton=skeleton(name.key),
        ocr=ocr_key(name.key),
        given=skeleton(name.given),
        surnames=surnames,
        surname=" ".join(surnames),
        folded_given=name.given,
        folded_surname=name.surname,
        consonants=consonants(name.surname),
        anchored=name.anchored,
        given_initial=name.given_initial,
    )


@dataclass(frozen=True)
class Likeness:
    rule: str
    score: float
    detail: str


def compare_names(a: NameKeys, b: NameKeys) -> Likeness | None:
    """How alike two names are by their letters alone, or None when they are not alike."""
    if a.key == b.key:
        return Likeness("same_spelling", SAME_SPELLING, "same letters")
    if DAMAGED in a.key + b.key and _damaged_match(a.key, b.key):
        return Likeness("damaged_letters", DAMAGED_LETTERS, "equal where letters were lost")
    if a.skeleton == b.skeleton:
        return Likeness("spelling_variant", SPELLING_VARIANT, "equal as spoken/OCR-normalised")
    if a.ocr == b.ocr:
        return Likeness("ocr_confusion", OCR_CONFUSION, "equal but for I/l/1")
    if not (a.anchored and b.anchored):
        return None
    if a.given_initial or b.given_initial:
        if a.given[:1] == b.given[:1] and (
            a.surname == b.surname or _extra_part(a.surnames, b.surnames)
        ):
            return Likeness("initial", INITIAL, "initial and surname")
        return None
    given_same = a.given == b.given
    surname_same = set(a.surnames) == set(b.surnames)
    if surname_same and given_same:
        return Likeness("spelling_variant", SPELLING_VARIANT, "same names in another order")
    given_near = _one_edit(a.given, b.given, GIVEN_EDIT_MIN_CHARS) or _one_edit(
        a.folded_given, b.folded_given, GIVEN_EDIT_MIN_CHARS
    )
    surname_near = _one_edit(a.surname, b.surname, SURNAME_EDIT_MIN_CHARS) or _one_edit(
        a.folded_surname, b.folded_surname, SURNAME_EDIT_MIN_CHARS
    )
    if given_same and _extra_part(a.surnames, b.surnames):
        return Likeness("extra_name", EXTRA_NAME, "one has a surname more")
    if surname_same and _extra_part(tuple(a.given.split()), tuple(b.given.split())):
        return Likeness("extra_name", EXTRA_NAME, "one has a given name more")
    if given_same and surname_near:
        return Likeness("one_edit", ONE_EDIT, "one letter apart in the surname")
    if surname_same and given_near:
        return Likeness("one_edit", ONE_EDIT, "one letter apart in the given name")
    if given_near and surname_near:
        return Likeness("two_edits", TWO_EDITS, "one letter apart in each name")
    return None


@dataclass(frozen=True)
class Context:
    """What the archive knows around a spelling: where and when it was written."""

    organization: str | None
    bodies: frozenset[str]
    years: frozenset[int]
    affiliations: frozenset[str]


def same_organization(a: Context, b: Context) -> bool:
    """Not known to be two organisations."""
    return not (a.organization and b.organization) or _same_organization(
        a.organization, b.organization
    )


def weigh_context(a: Context, b: Context) -> tuple[float, list[str]]:
    """Points added or taken by the contexts, with the reasons in words."""
    points = 0.0
    reasons: list[str] = []
    if a.organization and b.organization:
        if _same_organization(a.organization, b.organization):
            reasons.append("same organisation")
        else:
            points += OTHER_ORGANIZATION
            reasons.append(f"other organisations ({OTHER_ORGANIZATION:+.0f})")
    shared = sorted(a.bodies & b.bodies)
    if shared:
        points += SAME_BODY
        reasons.append(f"same body {shared[0]} ({SAME_BODY:+.0f})")
    if a.years and b.years:
        gap = min(abs(x - y) for x in a.years for y in b.years)
        if gap <= NEAR_YEARS_GAP:
            points += NEAR_YEARS
            reasons.append(f"same years ({NEAR_YEARS:+.0f})")
        elif gap > FAR_YEARS_GAP:
            points += FAR_YEARS
            reasons.append(f"{gap} years apart ({FAR_YEARS:+.0f})")
    if a.affiliations and b.affiliations:
        if a.affiliations & b.affiliations:
            points += SAME_AFFILIATION
            reasons.append(f"same affiliation ({SAME_AFFILIATION:+.0f})")
        else:
            points += OTHER_AFFILIATION
            reasons.append(f"other affiliations ({OTHER_AFFILIATION:+.0f})")
    return points, reasons


@lru_cache(maxsize=4096)
def _same_organization(a: str, b: str) -> bool:
    """One name within the other ("RAR i Sörmland" in "Samordningsförbundet RAR i Sörmland"),
    or the same but for a slip of OCR or typing."""
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True
    return fuzz.ratio(a, b) >= SAME_ORGANIZATION_MIN_RATIO


def _one_edit(a: str, b: str, min_chars: int) -> bool:
    """One letter wrong, missing, extra or swapped, not the first, in names long enough."""
    if a[:1] != b[:1] or min(len(a), len(b)) < min_chars:
        return False
    return OSA.distance(a, b, score_cutoff=1) <= 1


def _extra_part(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return bool(shorter) and len(shorter) < len(longer) and set(shorter) <= set(longer)


@lru_cache(maxsize=4096)
def _damaged_pattern(key: str) -> re.Pattern[str]:
    return re.compile(".".join(re.escape(part) for part in key.split(DAMAGED)))


def _damaged_match(a: str, b: str) -> bool:
    if DAMAGED in a and _damaged_pattern(a).fullmatch(b):
        return True
    return DAMAGED in b and bool(_damaged_pattern(b).fullmatch(a))

"""Personal names: parse how minutes write them, fold their variants, match them within a meeting.

A name in minutes comes as "Charlotta Skålén", "Skålén, Charlotta", "ordf. Per Wahlgren (S)",
"C. Skålén" or "Ola W". `parse_name` reduces each to given name and surnames; the keys below make
spellings that differ only by case, diacritics, Swedish spelling habits or OCR confusions equal.
`match_in_meeting` ties a name to one of a meeting's attendees, or refuses when no link is safe.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from rapidfuzz import fuzz, process

SAME_NAME_MIN_RATIO = 90  # rapidfuzz ratio of folded full names: Skålen/Skälén, Lundqvist/Lundkvist
SURNAME_PREFIX_CHARS = 3  # "Sandström"/"Sandgren": same unique first name, same surname stem
NAME_PARTICLES = {"af", "von", "de", "van", "der", "la"}
PARTY_OR_NOTE = re.compile(r"\s*[(\[][^)\]]*[)\]]")
INITIAL_DOT = re.compile(r"(?<=\b\w)\.(?=\w)")  # "C.Skålén" → "C. Skålén"
DAMAGED = "\ufffd"  # a letter lost to an encoding accident (Latin-1 read as UTF-8)

# Words written before or after a name that are not part of it (folded, without dots).
TITLE_WORDS = frozenset({
    "ordf", "ordforande", "ordforanden", "motesordforande", "v", "vice", "1:e", "1:a", "2:e",
    "2:a", "forste", "andre", "sekr", "sekreterare", "protokollforare", "justerare", "justeras",
    "ledamot", "ledamoter", "ersattare", "tjg", "tjanstgorande", "adj", "adjungerad",
    "forbundschef", "forbundsordforande", "forbundssekreterare", "kassor", "revisor",
    "handlaggare", "gast", "dr", "fil", "med", "kand", "tf",
})  # fmt: skip
TRAILING_TITLE_MIN_CHARS = 3  # after a name only whole words are titles: "Ola V" keeps its V
# Party marks written after a name: after a comma or a dash ("Anna Karlsson, S").
PARTY_MARKS = frozenset(["s", "m", "c", "l", "v", "kd", "mp", "sd", "fp"])

# Spelling and OCR habits that do not make another name, applied in order to folded text.
SPELLING_RULES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"rn", "m"),  # OCR: "rn" read for "m" and back
        (r"ii", "u"),  # OCR: "ü" read as "ii"
        (r"vv", "w"),
        (r"[1|!]", "l"),  # OCR: l, I and 1
        (r"0", "o"),
        (r"sch", "sj"),
        (r"ch", "k"),  # Christoffer/Kristoffer, Michael/Mikael
        (r"ck", "k"),
        (r"ph", "f"),
        (r"th", "t"),  # Katharina/Katarina
        (r"q[uv]?", "kv"),  # Lundqvist/Lundkvist/Lundquist
        (r"w", "v"),
        (r"z", "s"),
        (r"x", "ks"),
        (r"dt", "t"),
        (r"c(?=[eiy])", "s"),
        (r"c", "k"),  # Carlsson/Karlsson, Eric/Erik
        (r"(\w)\1+", r"\1"),  # doubled letters: Pettersson/Petersson, Daniell/Daniel
    )
)
OCR_LOOKALIKES = str.maketrans({"i": "l", "j": "l"})  # I/l/1 after folding: "lda" for "Ida"
VOWELS = re.compile(rf"[aeiouy{DAMAGED}]")


@lru_cache(maxsize=65536)
def fold(name: str) -> str:
    """A key equal for spellings that differ only in case, diacritics, dots or spacing."""
    name = PARTY_OR_NOTE.sub(" ", name)
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    letters = re.sub(r"[.\-‐–]", " ", letters)
    return " ".join(letters.split())


@lru_cache(maxsize=65536)
def skeleton(folded: str) -> str:
    """Folded text with Swedish spelling habits and OCR confusions made equal."""
    for pattern, replacement in SPELLING_RULES:
        folded = pattern.sub(replacement, folded)
    return folded


def ocr_key(folded: str) -> str:
    """The skeleton with look-alike letters (i, l, j) made equal: "NiIs" is Nils."""
    return skeleton(folded.translate(OCR_LOOKALIKES))


def consonants(folded: str) -> str:
    """The skeleton without vowels or damaged letters: Petterson/Pettersson, Sj�str�m/Sjöström."""
    return VOWELS.sub("", skeleton(folded))


@dataclass(frozen=True)
class PersonName:
    """A name as minutes write it, taken apart: folded given name(s) and surname parts."""

    written: str
    given: str  # folded; "anna karin" for "Anna-Karin"; "" when only a surname is known
    surnames: tuple[str, ...]  # folded parts: ("bergman", "larsson") for "Bergman-Larsson"
    given_initial: bool = False  # "C. Skålén"
    surname_initial: bool = False  # "Ola W"
    reversed_order: bool = False  # written "Skålén, Charlotta"
    key: str = field(init=False)  # folded given name and surnames: equal for equal names

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", " ".join(p for p in (self.given, *self.surnames) if p))

    @property
    def anchored(self) -> bool:
        """Has a whole surname, so that it can be compared across the archive."""
        return bool(self.surnames) and not self.surname_initial and bool(self.given)

    @property
    def full(self) -> bool:
        return self.anchored and not self.given_initial

    @property
    def surname(self) -> str:
        return " ".join(self.surnames)


@lru_cache(maxsize=65536)
def parse_name(text: str) -> PersonName:
    """Given name and surnames of a name as written, titles and party marks left out."""
    text = INITIAL_DOT.sub(". ", PARTY_OR_NOTE.sub(" ", text.replace("\u00a0", " ")))
    reversed_order = False
    head, comma, tail = text.partition(",")
    if comma:
        head_words, tail_words = head.split(), tail.split()
        if tail_words and _is_note(tail_words):
            text = head
        elif 1 <= len(head_words) <= 2 and 1 <= len(tail_words) <= 2 and _capitalised(tail_words):
            text, reversed_order = f"{tail} {head}", True
        else:
            text = head
    words = _strip_titles(_without_party(text.split()))
    shouted = [w for w in words if len(w) > 1 and w.isupper() and w.replace("-", "").isalpha()]
    if shouted and len(shouted) < len(words):  # "SKÅLÉN Charlotta": the capitals are the surname
        words = [w for w in words if w not in shouted] + shouted
    if not words:
        return PersonName(text.strip(), "", ())
    given_word, *surname_words = words
    surnames = tuple(part for w in surname_words for part in fold(w).split())
    if len(words) == 1 and _is_initial(given_word):
        return PersonName(text.strip(), "", surnames, given_initial=True)
    return PersonName(
        written=" ".join(words),
        given=fold(given_word),
        surnames=surnames,
        given_initial=_is_initial(given_word),
        surname_initial=len(surname_words) == 1 and _is_initial(surname_words[0]),
        reversed_order=reversed_order,
    )


def looks_like_name(text: str) -> bool:
    """Two to five capitalised words, as a person's name is written in minutes."""
    words = text.split()
    if not 2 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words)


@dataclass(frozen=True)
class MeetingMatch:
    """Which candidate a name denotes within one meeting, and the rule that says so."""

    index: int
    rule: str
    score: float


def match_in_meeting(name: str, candidates: Sequence[str]) -> int | None:
    """Index of the candidate that `name` denotes, or None when no link is safe.

    Used within one meeting, where the candidates are its attendees: an exact folded match, a
    near-identical spelling, the only attendee with that first name whose surname shares its
    stem (a chair written Sandström in the list and Sandgren at the signature), or a short form
    that only one attendee fits ("Ola W", "C. Skålén", a first name alone).
    """
    found = meeting_match(name, candidates)
    return found.index if found else None


def meeting_match(name: str, candidates: Sequence[str]) -> MeetingMatch | None:
    """`match_in_meeting` with the rule that linked the name, for the record."""
    if not candidates:
        return None
    parsed = parse_name(name)
    others = [parse_name(c) for c in candidates]
    keys = [o.key for o in others]
    if parsed.key and parsed.key in keys:
        return MeetingMatch(keys.index(parsed.key), "same_spelling", 100.0)
    wanted = skeleton(parsed.key)
    same_skeleton = _only(i for i, k in enumerate(keys) if skeleton(k) == wanted)
    if parsed.key and same_skeleton is not None:
        return MeetingMatch(same_skeleton, "spelling_variant", 95.0)
    if parsed.full:
        best = process.extract(parsed.key, keys, scorer=fuzz.ratio, limit=2)
        unique_best = bool(best) and (len(best) == 1 or best[1][1] < best[0][1])
        if unique_best and best[0][1] >= SAME_NAME_MIN_RATIO:
            return MeetingMatch(int(best[0][2]), "similar_spelling", round(float(best[0][1]), 1))
        same_first = [i for i, o in enumerate(others) if o.given == parsed.given]
        if len(same_first) == 1:
            stem = others[same_first[0]].surname[:SURNAME_PREFIX_CHARS]
            if stem and stem == parsed.surname[:SURNAME_PREFIX_CHARS]:
                return MeetingMatch(same_first[0], "first_name_and_surname_stem", 80.0)
    return _short_form(parsed, others)


def _short_form(name: PersonName, others: Sequence[PersonName]) -> MeetingMatch | None:
    """A short form that fits exactly one candidate, or a candidate that is a short form."""
    if name.given_initial and name.surnames:
        fits = _only(
            i
            for i, o in enumerate(others)
            if o.full and _surnames_within(name, o) and o.given[:1] == name.given
        )
        return MeetingMatch(fits, "initial_and_surname", 85.0) if fits is not None else None
    if name.surname_initial:
        fits = _only(
            i
            for i, o in enumerate(others)
            if o.full
            and skeleton(o.given) == skeleton(name.given)
            and any(s.startswith(name.surnames[0]) for s in o.surnames)
        )
        return MeetingMatch(fits, "first_name_and_initial", 85.0) if fits is not None else None
    if name.given and not name.surnames:
        fits = _only(i for i, o in enumerate(others) if skeleton(o.given) == skeleton(name.given))
        if fits is not None:
            return MeetingMatch(fits, "first_name_only", 75.0)
        fits = _only(i for i, o in enumerate(others) if o.given and name.given in o.surnames)
        return MeetingMatch(fits, "surname_only", 75.0) if fits is not None else None
    if name.full:  # the candidate is the short form: "Vera" listed, "Vera Sjö" signs
        same_given = [i for i, o in enumerate(others) if o.given == name.given]
        fits = _only(i for i in same_given if not others[i].surnames)
        if fits is not None and len(same_given) == 1:
            return MeetingMatch(fits, "first_name_only", 75.0)
    return None


def _surnames_within(short: PersonName, full: PersonName) -> bool:
    """The short form's surnames are the full name's, or some of them: "C. Glimne"."""
    have = {skeleton(s) for s in full.surnames}
    return bool(short.surnames) and all(skeleton(s) in have for s in short.surnames)


def _only(indexes: Iterable[int]) -> int | None:
    found = list(indexes)
    return found[0] if len(found) == 1 else None


def _is_initial(word: str) -> bool:
    letters = word.rstrip(".")
    return len(letters) == 1 and letters.isalpha()


def _capitalised(words: Sequence[str]) -> bool:
    return all(w[:1].isupper() for w in words)


def _title_word(word: str) -> bool:
    return fold(word).replace(" ", "") in TITLE_WORDS or word in {"-", "–"}


def _is_note(words: Sequence[str]) -> bool:
    """Words after a comma that say who someone is, not who: titles and party marks."""
    return all(_title_word(w) or fold(w) in PARTY_MARKS for w in words)


def _strip_titles(words: Sequence[str]) -> list[str]:
    """Words without the titles before and after them ("ordf. Per Wahlgren")."""
    kept = list(words)
    while (
        len(kept) > 1 and _title_word(kept[0]) and (len(fold(kept[0])) > 1 or _title_word(kept[1]))
    ):
        kept.pop(0)  # "v." is vice only before another title: "v. ordf.", not "V. Andersson"
    while (
        len(kept) > 1
        and _title_word(kept[-1])
        and len(fold(kept[-1]).replace(" ", "")) >= TRAILING_TITLE_MIN_CHARS
    ):
        kept.pop()
    return kept


def _without_party(words: Sequence[str]) -> list[str]:
    """Words without a party mark after a dash: "Anna Karlsson - S"."""
    for i, word in enumerate(words):
        rest = [fold(w) for w in words[i + 1 :]]
        if word in {"-", "–"} and rest and all(r in PARTY_MARKS for r in rest):
            return list(words[:i])
    return list(words)

"""People in running text, found by what they are: capitalised names with a known Swedish given
name or surname, or a span the NER model calls a person, wherever they stand on a line.

Runs of capitalised words are cut where a new name begins ("Eva Strand Johan Nyberg":
a given name after a full name), at labels, role and title words, and at a party mark. Names
written otherwise (handles, first names alone) are people only as items of a list under an
attendance label: the attendance reader asks for those.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.sv.stop_words import STOP_WORDS

from pipeline.nlp.lexicon import Lexicon, lexicon
from pipeline.vocabulary.header import MONTHS, WEEKDAYS
from pipeline.vocabulary.parties import MAX_LOCAL_MARK_CHARS, SHORT_FORMS, normalise_party
from pipeline.vocabulary.people import (
    GROUP_HEADS,
    GROUP_MODIFIERS,
    ROLE_PHRASES,
    SIGNATURE_LABELS,
    STAFF_TITLE_ENDINGS,
    STOP_LABELS,
    SUBSTITUTING_PHRASES,
)

WORD = re.compile(r"[^\W\d_][\w'’´\-\ufffd]*")  # U+FFFD: a letter lost to an encoding slip
NAME_PARTICLES = frozenset({"af", "von", "van", "de", "der", "den", "la", "du", "di", "da"})
INITIAL = re.compile(r"[A-ZÅÄÖ]\.?")
MAX_NAME_WORDS = 4
PHRASE_PREPOSITIONS = frozenset({"av", "för", "till", "om", "från", "inför", "över", "med"})
NEXT_WORD = re.compile(r"[ \t]+(?P<word>[^\W\d_]+)")
# Capitalised words that open sentences and fields of minutes, never a person's name.
HEADER_WORDS = frozenset(
    {
        "protokoll", "sammanträdesprotokoll", "mötesprotokoll", "sida", "kl", "klockan",
        "via", "enligt", "bilaga", "bilagd", "bilagor", "förteckning", "ärende", "ärenden",
        "dnr", "paragraf", "paragrafer", "mötet", "möte", "styrelsen", "nämnden", "kommun",
        "kommunen", "region", "regionen", "landsting", "landstinget", "samtliga", "övrigt",
        "beslut", "beslutet", "förslag", "information", "punkt", "nästa", "val", "vid",
        "justerat", "justeringen", "anslag", "organ", "underskrift", "datum", "tid", "plats",
        "telefon", "adress", "e-post", "hemsida", "fax", "jämte", "tillika", "båda", "alla",
        "närvarorätt", "yttranderätt", "fullmäktige", "kommunfullmäktige", "kommunstyrelsen",
        "ordinarie", "mötets", "föreningens", "sektionens", "styrelsens", "page", "download",
        "transkript", "storlek",
    }
)  # fmt: skip


@dataclass(frozen=True)
class PersonSpan:
    start: int
    end: int
    name: str


@dataclass(frozen=True)
class _Word:
    start: int
    end: int
    text: str


@functools.cache
def not_name_words() -> frozenset[str]:
    """Casefolded words that are labels, roles, months or sentence words, never a name."""
    days = {form for day in WEEKDAYS for form in (day, f"{day}en")}  # "tisdag", "tisdagen"
    words: set[str] = set(HEADER_WORDS) | set(MONTHS) | days | {w.casefold() for w in STOP_WORDS}
    phrases = [*GROUP_HEADS, *GROUP_MODIFIERS, *ROLE_PHRASES, *STOP_LABELS, *SIGNATURE_LABELS]
    for phrase in [*phrases, *SUBSTITUTING_PHRASES]:
        words.update(phrase.casefold().replace(":", " ").split())
    return frozenset(w for w in words if w.isalpha())


def is_title_word(word: str) -> bool:
    """A job title ("Kommunchef", "inspektör"), written beside a name and never part of it."""
    key = word.casefold().strip(".,")
    return key.endswith(STAFF_TITLE_ENDINGS) and key not in lexicon().surnames


def is_name_word(word: str) -> bool:
    """Capitalised, not a label, role, title, month or sentence word, and no party mark."""
    if not word[:1].isupper() or (word.upper() == word and len(word) <= 3):
        return False  # "S", "KD", "MP": a party; "X": a presence mark
    key = word.casefold()
    if key in not_name_words() and not lexicon().is_given_name(word):
        return False  # "Hans" is a name, "hans" a pronoun; capitalised it is the name
    if is_title_word(word):
        return False
    return not any(key.endswith(end) for end in ("ordförande", "ordföranden", "justerare"))


def find_persons(
    text: str, model_spans: Sequence[tuple[int, int]] = (), barriers: Sequence[int] = ()
) -> list[PersonSpan]:
    """The persons of `text` in order, not overlapping: runs of name words split into names.

    `barriers` are offsets a name never crosses (where labels stand); `model_spans` are the
    NER model's person spans, which vouch for names the word lists do not know and show
    where one name ends and the next begins.
    """
    words = [_Word(m.start(), m.end(), m.group(0)) for m in WORD.finditer(text)]
    cuts = sorted(set(barriers))
    found: list[PersonSpan] = []
    for run in _name_runs(text, words, cuts):
        for name in _split_run(run, lexicon()):
            name = _without_phrase_start(text, name, lexicon())
            if _vouched(name, model_spans, lexicon()):
                found.append(PersonSpan(name[0].start, name[-1].end, _written(text, name)))
    return found


def _name_runs(text: str, words: Sequence[_Word], cuts: Sequence[int]) -> list[list[_Word]]:
    """Maximal runs of name words separated by spaces only, particles and initials inside."""
    runs: list[list[_Word]] = []
    current: list[_Word] = []
    for index, word in enumerate(words):
        gap = text[current[-1].end : word.start] if current else ""
        wrapped = gap.strip(" ") == "\n" and _wrapped_name(text, current, words[index:])
        joined = bool(current) and (gap.strip(" ") == "" or wrapped)
        crosses = bool(current) and any(current[-1].end <= c <= word.start for c in cuts)
        inside = bool(current) and joined and not crosses
        if is_name_word(word.text) or (inside and _inner_word(text, word)):
            if not inside and current:
                runs.append(current)
                current = []
            current.append(word)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return [_trim(run) for run in runs if _trim(run)]


def _wrapped_name(text: str, current: Sequence[_Word], rest: Sequence[_Word]) -> bool:
    """A name broken over two lines: a given name alone at a line's end ("Gunilla\nBergman
    Larsson"), or a surname alone at the next line's start ("Gunilla Bergman\nLarsson,")."""
    if len(current) == 1:
        line_start = text.rfind("\n", 0, current[0].start) + 1
        return text[line_start : current[0].start].strip(" -*•") != ""  # not a one-name line
    following = rest[1] if len(rest) > 1 else None
    ends_name = following is None or text[rest[0].end : following.start].strip(" ") != ""
    return rest[0].text in lexicon().surnames and ends_name


def _inner_word(text: str, word: _Word) -> bool:
    """A particle ("von") or an initial ("G", "G.") inside a name."""
    if word.text in NAME_PARTICLES:
        return True
    return bool(INITIAL.fullmatch(text[word.start : word.end + 1].strip(" ,")))


def _trim(run: list[_Word]) -> list[_Word]:
    """A name neither starts nor ends with a particle or an initial."""
    while run and (run[0].text in NAME_PARTICLES or len(run[0].text.rstrip(".")) == 1):
        run = run[1:]
    while run and (run[-1].text in NAME_PARTICLES or len(run[-1].text.rstrip(".")) == 1):
        run = run[:-1]
    return run


def _split_run(run: list[_Word], words: Lexicon) -> list[list[_Word]]:
    """One run as names: a new name begins at a given name that follows a full name; a word
    before the first given name is a place or an affiliation of the name before it ("(m),
    Borås Åke Lund")."""
    if len(run) >= 3 and not words.is_given_name(run[0].text) and words.is_given_name(run[1].text):
        run = run[1:]
    if len(run) >= 3 and run[-1].text in words.places and run[-1].text not in words.surnames:
        run = run[:-1]  # "Olle Nyberg Vingåker": the place the person comes from
    names: list[list[_Word]] = []
    current: list[_Word] = []
    for index, word in enumerate(run):
        following = run[index + 1] if index + 1 < len(run) else None
        starts_name = (
            len(current) >= 2
            and words.is_given_name(word.text)
            and word.text not in words.surnames
            and following is not None
        )
        if starts_name or len(current) >= MAX_NAME_WORDS:
            names.append(current)
            current = []
        current.append(word)
    if current:
        names.append(current)
    return names


def _without_phrase_start(text: str, name: list[_Word], words: Lexicon) -> list[_Word]:
    """ "Klara Nyström Godkännande av dagordning": a third word no list knows, followed by a
    preposition that ties it to what follows ("av", "om"), begins the next phrase (a heading
    run into the text), not the name; "och" after it still ends one ("Ewa Lind Gerdsdotter och")."""
    last = name[-1]
    if len(name) < 3 or words.is_given_name(last.text) or last.text in words.surnames:
        return name
    following = NEXT_WORD.match(text, last.end)
    if following and following["word"] in PHRASE_PREPOSITIONS:
        return name[:-1]
    return name


def _vouched(name: list[_Word], model_spans: Sequence[tuple[int, int]], words: Lexicon) -> bool:
    """Two words or more, one of them a known given name or surname, or the model's person."""
    if len(name) < 2 or len({w.text for w in name}) == 1:
        return False  # "Valärende Valärende": a word printed twice is no name
    if any(words.is_given_name(w.text) or w.text in words.surnames for w in name):
        return True
    start, end = name[0].start, name[-1].end
    return any(s <= start and end <= e for s, e in model_spans)


def _written(text: str, name: Sequence[_Word]) -> str:
    return " ".join(text[name[0].start : name[-1].end].split())


def party_of(token: str) -> str | None:
    """ "S", "(KD)", "(s)", "(fp)", "(Fi)": a party mark, the known ones in capitals, stored
    under the party's key ("(fp)" → "L"); a local party is one to four letters in parentheses."""
    bracketed = token.strip(",. ").startswith("(") and token.strip(",. ").endswith(")")
    inner = token.strip("(),. ")
    if inner.upper() in SHORT_FORMS and (bracketed or inner.isupper()):
        return normalise_party(inner.upper())
    if bracketed and 1 <= len(inner) <= MAX_LOCAL_MARK_CHARS and inner.isalpha():
        return normalise_party(inner) if inner[:1].isupper() else None
    return None


def full_name(name: str, text: str) -> str:
    """A first name as the full name the minutes introduced it with ("Edvin Tallgren nominerar
    sig själv … Edvin utses"), when they named it in full exactly one way before using the
    first name alone."""
    if " " in name.strip() or not name[:1].isupper():
        return name
    alone = re.search(rf"(?<!\w){re.escape(name)}(?![ \t]+[A-ZÅÄÖ])", text)
    before = text[: alone.start()] if alone else text
    following = {
        match.group(1)
        for match in re.finditer(rf"(?<!\w){re.escape(name)}[ \t]+([^\W\d_][\w'’-]+)", before)
    }
    surnames = {word for word in following if is_name_word(word)}
    return f"{name} {surnames.pop()}" if len(surnames) == 1 else name

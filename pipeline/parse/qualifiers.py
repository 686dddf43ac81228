"""What minutes write beside a name: party, title, status, partial presence, whom a substitute
replaced, and where the person comes from.

    Anna Berg (S), ordförande          party S (the role word is a label of its own)
    Bo Ek, M, via länk                 party M, a remark
    Tor Lind anmält förhinder          absent
    Agnes Wallin X                     present (a mark in a presence column)
    Eva Öz (S), ersättare för Leif Ek  replaces Leif Ek
    Per Lund, inspektör, §§ 94-97      title inspektör, present for 94-97
    Olle Nyberg Vingåker, Sofia Ek d08 an affiliation: a place, a district, a cohort
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.parse.labels import role_of
from pipeline.parse.persons import is_title_word, party_of
from pipeline.records import Status
from pipeline.vocabulary.people import (
    ABSENT_MARKS,
    ABSENT_PHRASES,
    PRESENT_MARKS,
    SERVING_PHRASES,
    SUBSTITUTING_PHRASES,
)

_NUMBER = r"\d{1,4}(?:\.\d{1,2})*[a-z]?"
_NUMBERS = rf"{_NUMBER}(?:\s*(?:[-–]\s*{_NUMBER}|,\s*{_NUMBER}|\s+och\s+{_NUMBER}))*"
# "§ 56", "§§ 57, 60", "§ § 91-94", "paragraferna 3-9", "punkt 4.1", "p. 2"
SECTIONS = re.compile(
    rf"(?P<neg>\bej\s+|\binte\s+)?(?P<from>\bfr(?:ån|\.)?\s*(?:o\.?\s*m\.?\s*)?)?"
    rf"(?P<upto>\bt\.?\s*o\.?\s*m\.?\s*|\btom\s+|\btill\s+och\s+med\s+)?"
    rf"(?:§\s*§|§§|§|\bparagraf(?:erna|er)?|\bpunkt(?:erna)?|\bp\.)\s*(?P<numbers>{_NUMBERS})"
    rf"|\bdel\s+av\s+(?P<part>{_NUMBERS})",
    re.IGNORECASE,
)
TIME = re.compile(
    r"(?P<dir>\bfrån|\btill|\bfr\.?\s*o\.?\s*m\.?|\bt\.?\s*o\.?\s*m\.?)?\s*"
    r"(?:\bkl(?:ockan|\.)?|\bId\.)\s*(?P<h>\d{1,2})[.:](?P<m>\d{2})\b",
    re.IGNORECASE,
)
# "2015-09-22, kl. 13.30": a time stamped on a date (the justering) is no partial presence.
DATE_BEFORE = re.compile(r"\d{4}-\d{2}-\d{2}[\s,]*$")
_SUBSTITUTING = "|".join(
    re.escape(p).replace(r"\ ", r"\s+") for p in sorted(SUBSTITUTING_PHRASES, key=len, reverse=True)
)
# The words between a substitute and the member replaced: "…, ersättare för ", "(ers ".
SUBSTITUTING_BEFORE_NAME = re.compile(rf"(?:^|[\s,(])(?:{_SUBSTITUTING})\s*$", re.IGNORECASE)
BETWEEN_NAMES = re.compile(r"\s*(?:\([^()]{1,4}\)\s*)?,?\s*för\s*", re.IGNORECASE)
MAX_MARK_TOKENS = 2  # a presence mark, and a party beside it
PIECE_SEPARATOR = re.compile(r"[,;\n\t]|\s{3,}")
# Everything from "ersätter" on names the member replaced, who is read as a person of their own.
SUBSTITUTING_REST = re.compile(rf"(?:^|[\s,(])(?:{_SUBSTITUTING})\b.*$", re.IGNORECASE | re.DOTALL)
_STATUS = "|".join(
    re.escape(p) for p in sorted([*ABSENT_PHRASES, *SERVING_PHRASES], key=len, reverse=True)
)
STATUS_WORDS = re.compile(rf"\b(?:{_STATUS})\b", re.IGNORECASE)
TOKEN = re.compile(r"\([^()]*\)?|[^\s,;()]+")


@dataclass
class Qualifiers:
    """What the text after a name says about that person."""

    party: str | None = None
    title: str | None = None
    status: Status | None = None
    serving: bool = False  # "tjänstgörande": a substitute who served
    sections_present: str | None = None
    time_present: str | None = None
    affiliation: str | None = None
    notes: list[str] = field(default_factory=list)


def read_qualifiers(text: str) -> Qualifiers:
    """The qualifiers of the text between a name and whatever follows it."""
    found = Qualifiers()
    rest = text
    sections = [_sections(m) for m in SECTIONS.finditer(rest)]
    if sections:
        found.sections_present = ", ".join(s for s in sections if s)
        rest = SECTIONS.sub(" ", rest)
    times = [_time(m) for m in TIME.finditer(rest) if not DATE_BEFORE.search(rest, 0, m.start())]
    if times:
        found.time_present = ", ".join(times)
        rest = TIME.sub(" ", rest)
    folded = " ".join(rest.casefold().replace("(", " ").replace(")", " ").split())
    if any(re.search(rf"\b{re.escape(p)}\b", folded) for p in ABSENT_PHRASES):
        found.status = Status.ABSENT
    found.serving = any(re.search(rf"\b{re.escape(p)}\b", folded) for p in SERVING_PHRASES)
    rest = STATUS_WORDS.sub(" ", SUBSTITUTING_REST.sub(" ", rest))
    for piece in PIECE_SEPARATOR.split(rest):
        _read_piece(found, piece)
    return found


def _read_piece(found: Qualifiers, piece: str) -> None:
    """One comma-separated piece: party and presence marks, then a title or an affiliation."""
    words: list[str] = []
    tokens = TOKEN.findall(piece)
    for token in tokens:
        word = token.strip(" .,:;")
        party = party_of(token if token.startswith("(") else word)
        folded = word.casefold().strip("()")
        # a mark is a cell of its own ("Anna Berg X", "Bo Ek – "), not a word of a sentence
        mark = len(tokens) <= MAX_MARK_TOKENS and found.status is None
        if party and found.party is None:
            found.party = party
        elif mark and folded in PRESENT_MARKS:
            found.status = Status.PRESENT
        elif mark and folded in ABSENT_MARKS:
            found.status = Status.ABSENT
        elif token.startswith("("):
            found.notes.append(token.strip("() "))
        elif word and role_of(word) is None:
            words.append(word)
    text = " ".join(words).strip(" .")
    if not text:
        return
    if is_title_word(words[-1]) and found.title is None:
        found.title = text  # "barn- och utbildningschef", "tf. miljöchef"
    elif (text[:1].isupper() or any(c.isdigit() for c in text)) and found.affiliation is None:
        found.affiliation = text  # "Eskilstuna kommun", "Forsa", "d08", "GR"
    else:
        found.notes.append(text)  # "via länk", "båda"


def replaced_member_follows(text_before_name: str, substitute_context: bool) -> bool:
    """Whether the name after `text_before_name` is the member a substitute replaced. A bare
    "för" says so among substitutes, or right between two names ("Bo Ek (S) för Eva Lund")."""
    match = SUBSTITUTING_BEFORE_NAME.search(text_before_name)
    if match is None:
        return False
    bare = match.group(0).strip(" ,(").casefold() == "för"
    return not bare or substitute_context or BETWEEN_NAMES.fullmatch(text_before_name) is not None


def _sections(match: re.Match[str]) -> str:
    numbers = match["numbers"] or match["part"] or ""
    numbers = re.sub(r"\s*(?:,|\boch\b)\s*", ", ", numbers)
    numbers = re.sub(r"\s*[-–]\s*", "-", numbers).strip()
    if match["from"]:
        return f"{numbers}-"
    if match["upto"]:
        return f"-{numbers}"
    if match["neg"]:
        return f"ej {numbers}"
    return numbers


def _time(match: re.Match[str]) -> str:
    clock = f"{int(match['h']):02d}:{match['m']}"
    direction = (match["dir"] or "").casefold()
    if direction.startswith(("till", "t")):
        return f"-{clock}"
    return f"{clock}-" if direction else clock

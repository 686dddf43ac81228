"""Meeting roles given by election: who was chosen to chair, keep the minutes, adjust, count votes.

    Val av mötesordförande             → "Fredrik Håård"            (a name alone: the role)
    Val av ordförande och sekreterare → "… välja Carl Tönsgård till ordförande och Ingrid
                                          Tönsgård till sekreterare"  (each name with its role)

Only roles of the meeting itself count: "Val av ordförande i styrelsen för 2024" elects the
board's chair, who need not be at this meeting.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.parse.people import is_person_name
from pipeline.records import Role, Section
from pipeline.vocabulary.elections import MEETING_ROLE_WORDS
from pipeline.vocabulary.meeting import closest_word

_ROLE = "|".join(sorted((re.escape(w) for w in MEETING_ROLE_WORDS), key=len, reverse=True))
# A single word that may be a role word with a slip ("sekretare"): role_of() decides.
_ROLE_OR_SLIP = rf"{_ROLE}|[a-zåäöéA-ZÅÄÖÉ]{{6,}}"
NAME = r"[A-ZÅÄÖÉÜ][\wåäöéü'-]+(?:\s+[A-ZÅÄÖÉÜ][\wåäöéü'-]+){1,3}"
# "Val av ordförande och sekreterare för årsmötet", "Val av protokolljusterare, tillika rösträknare"
_JOIN = r"(?:\s*,\s*(?:tillika\s+|och\s+)?|\s+och\s+|\s+tillika\s+|\s+and\s+|\s+)"
_OF_MEETING = r"(?:för\s+(?:års)?mötet|för\s+sammanträdet|för\s+årsmöte\w*|of\s+the\s+meeting)"
ELECTION_OF_MEETING_ROLES = re.compile(
    rf"^(?:val|election)\s+(?:av|of)\s+(?P<roles>(?:(?:{_ROLE}){_JOIN}?)+){_OF_MEETING}?\s*$",
    re.IGNORECASE,
)
# "Lukas är protokolljusterare": a name (a first name will do) said to hold the role
NAME_IS_ROLE = re.compile(
    rf"^(?P<name>[A-ZÅÄÖÉ][\wåäöé'-]+(?:\s+[A-ZÅÄÖÉ][\wåäöé'-]+){{0,3}})\s+(?:är|blir)\s+"
    rf"(?:(?:mötets|årsmötets)\s+)?(?P<role>{_ROLE_OR_SLIP})\b"
)
# "Karin Starrin till ordförande", "Samuel Hammersberg väljs till mötesordförande",
# "Eva Lind appointed as chair"
NAME_TO_ROLE = re.compile(
    rf"(?P<name>{NAME})\s+(?:(?:väljs|valdes|utses|utsågs|(?:was\s+)?(?:appointed|elected))"
    r"\s+(?:in\s+)?)?(?:till|som|as)\s+"
    rf"(?:(?:mötets|årsmötets)\s+)?(?P<role>{_ROLE})\b"
)
ELECTION_VERB = re.compile(r"\b(?:välja|väljs|valdes|utse|utses|utsågs|elect|appoint)\w*\b", re.I)
# An item titled by the role alone ("Protokolljusterare"): the meeting chooses one.
ROLE_AS_TITLE = re.compile(rf"^(?P<roles>(?:{_ROLE_OR_SLIP}))\s*:?$", re.IGNORECASE)
NAMES = re.compile(r"\s*(?:,|\boch\b|\bsamt\b|&|\band\b)\s*")


def role_of(word: str) -> Role | None:
    """The meeting role a word names, typing and OCR slips allowed ("sekretare", "ordförade")."""
    found = closest_word(word, MEETING_ROLE_WORDS)
    return MEETING_ROLE_WORDS[found] if found else None


def _chosen(text: str) -> list[str]:
    """The names a decision chooses: the whole text ("Fredrik Håård"), or after "välja"."""
    names = [n.strip() for n in NAMES.split(text.strip(" ."))]
    if names and all(is_person_name(n) for n in names):
        return names
    verb = ELECTION_VERB.search(text)
    if verb is None:
        return []
    return [n for n in re.findall(NAME, text[verb.end() :]) if is_person_name(n)]


def elected_roles(sections: Sequence[Section]) -> list[tuple[str, Role, int]]:
    """(name, role, page) for each person a section elects to a role of the meeting."""
    found: list[tuple[str, Role, int]] = []
    for section in sections:
        title = ELECTION_OF_MEETING_ROLES.match(section.title.strip()) or ROLE_AS_TITLE.match(
            section.title.strip()
        )
        if title is None:
            continue
        words = re.findall(_ROLE, title["roles"], re.IGNORECASE) or [title["roles"]]
        title_roles = [r for r in map(role_of, words) if r is not None]
        if not title_roles:
            continue
        for decision in section.decisions:
            named = [
                (m["name"], role)
                for piece in decision.text.split(" | ")
                for m in [*NAME_TO_ROLE.finditer(piece), *NAME_IS_ROLE.finditer(piece)]
                if (role := role_of(m["role"])) is not None
            ]
            if not named:
                named = [(n, role) for n in _chosen(decision.text) for role in title_roles]
            page = decision.page or section.page
            found += [(name, role, page) for name, role in named]
    return found

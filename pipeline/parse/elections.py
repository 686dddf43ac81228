"""Meeting roles given by election: who was chosen to chair, keep the minutes, adjust, count votes.

    Mötet valde Tilda Ros till mötesordförande.               Tilda Ros: chair
    Mötet väljer Aron Lundh och Vera Sjö till justerare.      both adjusters
    Nämnden utser A och B att jämte ordföranden justera …     both adjusters
    Till justerare valdes A och B.                            the role first, the names after
    Mötesordförande: Lisa | Mötessekreterare: Jonte           a post and its holder
    Val av mötesordförande → "Vilma Strand"                   a name alone: the item's role

A role word that names the meeting's own officer ("mötesordförande", "justerare") counts in any
election; "ordförande" and "sekreterare" may be the board's, and count only in an item that
elects the meeting's officers ("Val av ordförande och sekreterare för mötet", "Val av
mötesfunktionärer"), as does a name with no role beside it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.parse.decision_verbs import ELECTION_FORMS
from pipeline.parse.people import is_person_name, is_title
from pipeline.records import Outcome, Role, Section
from pipeline.vocabulary.elections import (
    LATER_MEETING,
    MEETING_ONLY_ROLE_WORDS,
    MEETING_ROLE_WORDS,
    NOT_A_HANDLE,
    OFFICERS_ITEM,
    TO_ADJUST,
)
from pipeline.vocabulary.meeting import closest_word

_ROLE = "|".join(sorted((re.escape(w) for w in MEETING_ROLE_WORDS), key=len, reverse=True))
# A single word that may be a role word with a slip ("sekretare"): role_of() decides.
_ROLE_OR_SLIP = rf"{_ROLE}|[a-zåäöéA-ZÅÄÖÉ]{{6,}}"
_LOWER_SLIP = r"(?-i:[a-zåäöé]{6,})"  # "justeringsperson tillika röstraknare"
NAME = r"[A-ZÅÄÖÉÜ][\wåäöéü'-]+(?:\s+[A-ZÅÄÖÉÜ][\wåäöéü'-]+){0,3}"
HANDLE = re.compile(r"^[a-zåäö][\wåäö]{1,15}$")
# "Val av ordförande och sekreterare för årsmötet", "Val av protokolljusterare, tillika rösträknare"
_JOIN = r"(?:\s*,\s*(?:tillika\s+|och\s+)?|\s+och\s+|\s+samt\s+|\s+tillika\s+|\s+and\s+|\s+)"
_AND = r"(?:\s*,\s*(?:tillika\s+|och\s+)?|\s+och\s+|\s+samt\s+|\s+tillika\s+|\s+and\s+)"
_OF_MEETING = (
    r"(?:för\s+(?:(?:års|medlems|förenings)?mötet|(?:års|förenings)?stämman|sammanträdet"
    r"|årsmöte\w*)|of\s+the\s+meeting)"
)
ELECTION_OF_MEETING_ROLES = re.compile(
    rf"^(?:val|election)\s+(?:av|of)\s+(?P<roles>(?:(?:{_ROLE}){_JOIN}?)+){_OF_MEETING}?\s*$",
    re.IGNORECASE,
)
# An item titled by the role alone ("Protokolljusterare", "Ordförande för mötet").
ROLE_AS_TITLE = re.compile(rf"^(?P<roles>(?:{_ROLE_OR_SLIP}))(?:\s+{_OF_MEETING})?\s*:?$", re.I)
# "Lukas är protokolljusterare": a name (a first name will do) said to hold the role
NAME_IS_ROLE = re.compile(
    rf"^(?P<name>{NAME})\s+(?:är|blir)\s+(?:(?:mötets|årsmötets)\s+)?(?P<role>{_ROLE_OR_SLIP})\b"
)
# "till justerare och rösträknare", "som mötesordförande samt sekreterare", "as chair",
# "att jämte ordföranden justera": the roles a choice gives
ROLE_PHRASE = re.compile(
    rf"\b(?:(?:till|som|as|to\s+be)\s+(?:(?:mötets|årsmötets)\s+)?"
    rf"(?P<roles>(?:{_ROLE})(?:{_AND}(?:{_ROLE}|{_LOWER_SLIP}))*)\b|(?P<adjust>{TO_ADJUST}))",
    re.IGNORECASE,
)
# "Mötesordförande: Lisa", "Justeringsperson: David"
OFFICE_HELD = re.compile(
    rf"^\s*(?P<role>{_ROLE})\s*:\s*(?P<holder>\S.*?)\s*\.?$", re.IGNORECASE | re.DOTALL
)
ELECTION_VERB = re.compile(
    r"\b(?:" + "|".join(sorted(map(re.escape, ELECTION_FORMS), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
NAMES = re.compile(r"\s*(?:,|\boch\b|\bsamt\b|&|\band\b)\s*")
PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
# Where the names before a role end: "Mötet beslutar att [Lena och Ove] utses …".
CLAUSE_OPENER = re.compile(r".*(?:\batt\b|[,:;.])", re.IGNORECASE | re.DOTALL)
# "mox föreslås och väljs": a verb coordinated with the election's, left off the names
COORDINATED_VERB = re.compile(r"\s+\S+\s+och\s*$", re.IGNORECASE)
NON_ROLE_TO = re.compile(r"\s(?:till|som)\s.*$", re.IGNORECASE | re.DOTALL)


def role_of(word: str) -> Role | None:
    """The meeting role a word names, typing and OCR slips allowed ("sekretare", "ordförade")."""
    found = closest_word(word, MEETING_ROLE_WORDS)
    return MEETING_ROLE_WORDS[found] if found else None


def elected_roles(sections: Sequence[Section]) -> list[tuple[str, Role, int]]:
    """(name, role, page) for each person a section elects to a role of the meeting."""
    found: list[tuple[str, Role, int]] = []
    for section in sections:
        title_roles = officer_roles(section.title.strip(" .:"))
        for decision in section.decisions:
            if title_roles is None and decision.outcome is not Outcome.ELECTED:
                continue
            officers_item = title_roles is not None
            named = [
                pair
                for piece in decision.text.split(" | ")
                if not LATER_MEETING.search(piece)
                for pair in role_assignments(piece, officers_item=officers_item)
            ]
            if not named and title_roles:
                named = [(n, role) for n in chosen(decision.text) for role in title_roles]
            page = decision.page or section.page
            found += [(name, role, page) for name, role in named]
    return found


def officer_roles(title: str) -> list[Role] | None:
    """The roles an item elects the meeting's officers to, by its title; [] for an item that
    elects them without naming the roles ("Val av mötesfunktionärer"); None for any other."""
    if OFFICERS_ITEM.match(title):
        return []
    match = ELECTION_OF_MEETING_ROLES.match(title) or ROLE_AS_TITLE.match(title)
    if match is None:
        return None
    words = re.findall(_ROLE, match["roles"], re.IGNORECASE) or [match["roles"]]
    roles = [r for r in map(role_of, words) if r is not None]
    return roles or None


def role_assignments(piece: str, *, officers_item: bool) -> list[tuple[str, Role]]:
    """(name, role) for each role a piece of a decision gives by name."""
    text = PARENTHETICAL.sub("", piece).strip()
    held = OFFICE_HELD.match(text)
    if held:
        roles = _roles(held["role"], officers_item)
        return [(n, r) for n in _names_in(held["holder"], handles=True) for r in roles]
    said = NAME_IS_ROLE.match(text)
    if said:
        role = role_of(said["role"])
        return [(said["name"], role)] if role and _counts(said["role"], officers_item) else []
    pairs: list[tuple[str, Role]] = []
    previous_end = 0
    for phrase in ROLE_PHRASE.finditer(text):
        roles = [Role.ADJUSTER] if phrase["adjust"] else _roles(phrase["roles"], officers_item)
        if roles:
            pairs += [(n, r) for n in _names_for(text, phrase, previous_end) for r in roles]
        previous_end = phrase.end()
    return pairs


def chosen(text: str) -> list[str]:
    """The names a decision chooses when it names no role: the whole text ("Vilma Strand"),
    or the names around its election verb ("Mötet valde Eva Ek", "mox föreslås och väljs")."""
    text = PARENTHETICAL.sub("", text).strip(" .")
    parts = [p.strip() for p in NAMES.split(text) if p.strip()]
    if parts and (all(map(_is_name, parts)) or all(map(_is_handle, parts))):
        return parts
    verb = ELECTION_VERB.search(text)
    if verb is None:
        return []
    return _names_in(text[verb.end() :], handles=False) or _names_before(text[: verb.start()])


def _names_for(text: str, phrase: re.Match[str], previous_end: int) -> list[str]:
    """The names a role phrase gives its roles: between the election verb and the phrase
    ("väljer A och B till …"), else before the verb ("A valdes till …"), else after it when
    the phrase comes first ("Till justerare valdes A och B", "Att justera protokollet utses
    A och B")."""
    verbs = [v for v in ELECTION_VERB.finditer(text) if v.end() <= phrase.start()]
    start = max(verbs[-1].end() if verbs else previous_end, previous_end)
    between = NON_ROLE_TO.sub("", text[start : phrase.start()])
    names = _names_in(between, handles=True)
    if names:
        return names
    if verbs and verbs[-1].start() >= previous_end:
        names = _names_before(text[previous_end : verbs[-1].start()])
        if names:
            return names
    after = ELECTION_VERB.search(text, phrase.end())
    if after is not None and not re.search(NAME, text[phrase.end() : after.start()]):
        following = ROLE_PHRASE.search(text, after.end())
        return _names_in(text[after.end() : following.start() if following else None], False)
    if after is None and not verbs and previous_end == 0:
        return _names_before(text[: phrase.start()])  # "Anna Berg och Bo Ek till justerare"
    return []


def _names_before(span: str) -> list[str]:
    """The names right before a verb, after the clause that holds them opens."""
    opener = CLAUSE_OPENER.match(span)
    span = span[opener.end() :] if opener else span
    return _names_in(COORDINATED_VERB.sub("", span), handles=True)


def _names_in(span: str, handles: bool) -> list[str]:
    """The people a span lists: a capitalised name in each part ("föreningens ordförande Eva
    Ek"), or, when every part is one word, first names and handles ("Maja och zeta")."""
    parts = [p.strip(" .") for p in NAMES.split(span) if p.strip(" .")]
    if not parts:
        return []
    if handles and all(_is_handle(p) or (" " not in p and _is_name(p)) for p in parts):
        return parts  # "kalle_b och zeta", "Maja och zeta"
    names = []
    for part in parts:
        found = re.search(rf"{NAME}$", part)  # "enhälligt Eva Ek", not "Avgående ordförande"
        if found is None:
            return []
        if not _is_name(found.group(0)):
            return []
        names.append(found.group(0))
    return names


def _is_name(text: str) -> bool:
    return is_person_name(text) and not is_title(text) and text.casefold() not in MEETING_ROLE_WORDS


def _is_handle(part: str) -> bool:
    return bool(HANDLE.match(part)) and part not in NOT_A_HANDLE and role_of(part) is None


def _roles(words: str, officers_item: bool) -> list[Role]:
    """The roles of "justerare och rösträknare", each word allowed a slip ("röstraknare")."""
    found = [w for w in re.split(_AND, words, flags=re.IGNORECASE) if w.strip()]
    return [r for w in found if _counts(w, officers_item) and (r := role_of(w)) is not None]


def _counts(word: str, officers_item: bool) -> bool:
    """Whether a role word names this meeting's officer in this item."""
    return officers_item or word.casefold() in MEETING_ONLY_ROLE_WORDS

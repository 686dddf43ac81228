"""Lists of people as minutes write them: names with roles, parties, affiliations and notes.

Närvarande: Anna Andersson (S), ordförande, Bo Berg samt Cecilia Ek
Närvarande                         (one per line)
Carl Tönsgård, ordförande
Ylva Rudling, kassör
Ordförande<TAB>Samuel Hammersberg<TAB>Ja     (a table row)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.records import Role, Status
from pipeline.vocabulary.meeting import (
    ABSENT_WORDS,
    AFFILIATION_MARKERS,
    PRESENT_WORDS,
    ROLE_WORDS,
    TITLE_ENDINGS,
)

LIST_SEPARATOR = re.compile(r"\s*(?:,|;|\bsamt\b|\boch\b|\s{3,})\s*")
ENDS_WITH_SEPARATOR = re.compile(r"(?:,|;|\bsamt|\boch)\s*$")
PARENTHETICAL = re.compile(r"\s*\((?P<inner>[^)]*)\)")
PARTY = re.compile(r"^[A-ZÅÄÖ]{1,3}[a-zåäö]?$")  # (S), (M), (KD), (MP), (Fi)
SUBSTITUTING = re.compile(r"\b(?:ersätter|ers\.?\s+för|i\s+stället\s+för)\s+(?P<name>.+)", re.I)
PRESENCE_NOTE = re.compile(
    r"§|\bkl\.?\s*\d|\blämnade\b|\banlände\b|\bfr\.?\s*o\.?\s*m\b|\bt\.?\s*o\.?\s*m\b"
    r"|\bfrån\s+och\s+med\b|\bdeltog\b|\bpunkt\b",
    re.IGNORECASE,
)
NOT_A_PERSON = {
    "vakant",
    "vakanta",
    "n.n.",
    "nn",
    "ingen",
    "inga",
    "saknas",
    "namn",
    "befattning",
    "roll",
    "funktion",
    "närvaro",
    "parti",
    "närvarande",
}
# "… samt ytterligare ca 60 medlemmar": a count of people left unnamed, not a person's remark
UNNAMED_COUNT = re.compile(
    r"\s*(?:,|\bsamt|\boch|\bplus)\s+(?:ytterligare\s+)?(?:ca\.?\s+|cirka\s+|omkring\s+)?"
    r"\d+\s+\w+.*$",
    re.IGNORECASE,
)
DATE_ONLY = re.compile(r"[\d\s./-]+")  # a date line that ran on into the block
NAME_PARTICLES = {"af", "von", "de", "van", "der", "la", "du", "di"}


@dataclass
class ListedPerson:
    """One person read from a list, with what was written around the name."""

    name: str
    roles: list[Role] = field(default_factory=list)
    status: Status | None = None  # from a presence column; None: the block's status
    title: str | None = None
    affiliation: str | None = None
    notes: list[str] = field(default_factory=list)


def read_people(lines: Sequence[str]) -> list[ListedPerson]:
    """The people of an attendance block, in the order written."""
    lines = [
        line.strip() for line in lines if line.strip() and not DATE_ONLY.fullmatch(line.strip())
    ]
    if any("\t" in line for line in lines):
        return [p for line in lines if (p := _table_row(line.split("\t"))) is not None]
    items = lines if _one_per_line(lines) else LIST_SEPARATOR.split(" ".join(lines))
    people: list[ListedPerson] = []
    for item in items:
        _add_item(people, item)
    return people


def is_person_name(text: str) -> bool:
    """Capitalised words, no digits, not a role, an organisation or a placeholder."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if text.casefold().strip(" .") in NOT_A_PERSON or text.casefold() in ROLE_WORDS:
        return False
    if len(words) == 1 and text.isupper():
        return False  # an acronym: "SAMO", "KS"
    if AFFILIATION_MARKERS.search(text):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words) and words[0][:1].isupper()


def is_title(text: str) -> bool:
    """A job title such as "Förbundschef" or "1:a vice ordförande", not an organisation."""
    words = text.casefold().split()
    return (
        bool(words)
        and len(words) <= 4
        and words[-1].endswith(TITLE_ENDINGS)
        and not (AFFILIATION_MARKERS.search(text))
    )


def role_of(text: str) -> Role | None:
    return ROLE_WORDS.get(" ".join(text.casefold().split()).strip(" .:"))


def _one_per_line(lines: Sequence[str]) -> bool:
    """A list with one person a line, rather than a comma list wrapped over lines."""
    if len(lines) < 2 or any(ENDS_WITH_SEPARATOR.search(line) for line in lines[:-1]):
        return False
    for line in lines:
        names = [part for part in LIST_SEPARATOR.split(PARENTHETICAL.sub("", line)) if part]
        if sum(is_person_name(part) for part in names) > 1:
            return False
    return True


def _add_item(people: list[ListedPerson], item: str) -> None:
    """Read "Anna Andersson (S), ordförande", or a lone "ordförande" of the last name."""
    item = UNNAMED_COUNT.sub("", item).strip(" .:-–")
    if not item:
        return
    notes: list[str] = []
    for match in PARENTHETICAL.finditer(item):
        inner = match["inner"].strip()
        if inner and not PARTY.match(inner):
            notes.append(inner)
    plain = PARENTHETICAL.sub("", item).strip(" ,")
    head, *rest = [part.strip() for part in re.split(r",|\s[-–]\s", plain) if part.strip()]
    leading_role = _leading_role(head)
    if leading_role is not None:
        role, head = leading_role
        rest.insert(0, role)
    trailing = _trailing_description(head)
    if trailing is not None:
        head, description = trailing
        rest.insert(0, description)
    if is_person_name(head):
        people.append(ListedPerson(head))
    elif people and (
        role_of(head)
        or AFFILIATION_MARKERS.search(head)
        or PRESENCE_NOTE.search(head)
        or SUBSTITUTING.search(head)
    ):
        rest.insert(0, head)  # a role, affiliation or note of the previous person
    else:
        return  # not a person: "samt ytterligare 35 medlemmar"
    person = people[-1]
    for part in [*rest, *notes]:
        _describe(person, part)


def _leading_role(text: str) -> tuple[str, str] | None:
    """("ordförande", "Anna Andersson") from "Ordförande Anna Andersson"."""
    for role_word in sorted(ROLE_WORDS, key=len, reverse=True):
        if text.casefold().startswith(role_word + " "):
            rest = text[len(role_word) :].strip()
            if is_person_name(rest):
                return role_word, rest
    return None


def _trailing_description(text: str) -> tuple[str, str] | None:
    """("Cecilia Ek", "ersätter Dan Fors") from "Cecilia Ek ersätter Dan Fors"."""
    words = text.split()
    for size in range(min(len(words) - 1, 4), 0, -1):
        name, rest = " ".join(words[:size]), " ".join(words[size:])
        described = SUBSTITUTING.search(rest) or PRESENCE_NOTE.search(rest) or role_of(rest)
        if described and is_person_name(name):
            return name, rest
    return None


def _describe(person: ListedPerson, part: str) -> None:
    role = role_of(part)
    substitute = SUBSTITUTING.search(part)
    if role is not None:
        if role not in person.roles:
            person.roles.append(role)
    elif substitute:
        person.notes.append(part)
        if Role.SUBSTITUTE not in person.roles:
            person.roles.append(Role.SUBSTITUTE)
    elif PRESENCE_NOTE.search(part):
        person.notes.append(part)
    elif person.title is None and is_title(part):
        person.title = part
    elif person.affiliation is None:
        person.affiliation = part
    else:
        person.notes.append(part)


def _table_row(cells: Sequence[str]) -> ListedPerson | None:
    """A row of an attendance table: a name cell, and cells for role, presence, party."""
    cells = [c.strip() for c in cells if c.strip()]
    name_index = next(
        (i for i, c in enumerate(cells) if is_person_name(PARENTHETICAL.sub("", c))), None
    )
    if name_index is None:
        return None
    person = ListedPerson(PARENTHETICAL.sub("", cells[name_index]).strip())
    for i, cell in enumerate(cells):
        if i == name_index:
            continue
        word = cell.casefold().strip(" .:")
        if word in PRESENT_WORDS:
            person.status = Status.PRESENT
        elif word in ABSENT_WORDS:
            person.status = Status.ABSENT
        elif not PARTY.match(cell):
            _describe(person, cell)
    return person

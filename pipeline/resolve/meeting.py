"""Within one meeting: which attendance rows, signatures and mentions in the text are one person.

The attendance list is the backbone: two names in it are two people, and the same name written
twice is one. A signature or a mention joins the attendee it denotes (`names.meeting_match`),
or, for a signature, the only attendee with the same first name who holds the role it signs
for (the chair listed as Sandström signs "Justeras" as Sandgren). What joins nobody stays a
person of its own when it is a whole name, and unresolved when it is only a short form.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from pipeline.names import fold, meeting_match, parse_name, skeleton
from pipeline.records import Minutes

PERSON_LABEL = "PER"
LISTED_SCORE = 100.0
SIGNATURE_ROLE_SCORE = 80.0  # same first name and the role signed for: strong in one meeting
CHAIR_ROLE = "chair"
ADJUSTER_ROLE = "adjuster"


# What each rule of `names.meeting_match` and of this module means, for the evidence.
RULE_WORDS = {
    "same_spelling": "the same letters but for case, accents or order",
    "spelling_variant": "the same name but for spelling habits or OCR confusions",
    "similar_spelling": "a near-identical spelling (rapidfuzz ratio of 90 or more)",
    "first_name_and_surname_stem": "the only attendee with this first name; surname of one stem",
    "initial_and_surname": "the only attendee with this surname and initial",
    "first_name_and_initial": "the only attendee with this first name and surname initial",
    "first_name_only": "the only attendee with this first name",
    "surname_only": "the only attendee with this surname",
}


class Kind(StrEnum):
    """Where a name was written."""

    ATTENDANCE = "attendance"
    SIGNATURE = "signature"
    MENTION = "mention"


@dataclass(frozen=True)
class Sighting:
    """One place a name is written: a row of the attendance, signatories or entities table."""

    kind: Kind
    name: str
    row: int  # index among the document's rows of that kind (attendance, signatories, entities)
    roles: tuple[str, ...] = ()
    title: str | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Meeting:
    """The names of one meeting with what the archive knows around them."""

    meeting_id: str
    organization: str | None
    body: str | None
    year: int | None
    sightings: tuple[Sighting, ...]


@dataclass(frozen=True)
class Link:
    """Why a name was tied to a person: the rule, its score (0–100) and the spelling it met."""

    rule: str
    score: float
    linked_to: str | None = None
    evidence: str = ""


@dataclass(frozen=True)
class LocalPerson:
    """One person of one meeting: the sightings that name them and how each was tied."""

    sightings: tuple[int, ...]  # indexes into Meeting.sightings; the first names the person
    links: tuple[Link, ...]  # one per sighting
    listed: bool  # in the attendance list


def meeting_of(minutes: Minutes) -> Meeting:
    """The names of a document: attendance rows, signatories, and PER entities of the text."""
    sightings = [
        Sighting(
            Kind.ATTENDANCE, a.name, i, tuple(r.value for r in a.roles), a.title, a.affiliation
        )
        for i, a in enumerate(minutes.attendance)
    ]
    sightings += [
        Sighting(Kind.SIGNATURE, s.name, i, (s.role.value,), s.title, s.affiliation)
        for i, s in enumerate(minutes.signatories)
    ]
    sightings += [
        Sighting(Kind.MENTION, e.text, i)
        for i, e in enumerate(minutes.entities)
        if e.label == PERSON_LABEL
    ]
    date = minutes.meeting.date
    return Meeting(
        meeting_id=minutes.source.sha256,
        organization=minutes.meeting.organization,
        body=minutes.meeting.body,
        year=int(date[:4]) if date and date[:4].isdigit() else None,
        sightings=tuple(sightings),
    )


def link_in_meeting(meeting: Meeting) -> tuple[LocalPerson, ...]:
    """The meeting's people. Every listed name and every signature is someone (a row that
    stores them needs a person); a mention that denotes nobody safely is in none of them."""
    people: list[list[tuple[int, Link]]] = []
    listed_keys: dict[str, int] = {}
    sightings = meeting.sightings
    for i, sighting in enumerate(sightings):
        if sighting.kind is not Kind.ATTENDANCE:
            continue
        key = _spelling_key(sighting.name)
        if key in listed_keys:  # listed twice (member and secretary): one person
            first = sightings[people[listed_keys[key]][0][0]].name
            people[listed_keys[key]].append((i, Link("same_spelling", LISTED_SCORE, first)))
        else:
            listed_keys[key] = len(people)
            people.append([(i, Link("listed", LISTED_SCORE))])
    listed_count = len(people)
    for kind in (Kind.SIGNATURE, Kind.MENTION):
        for i, sighting in enumerate(sightings):
            if sighting.kind is not kind:
                continue
            found = _join(sighting, people, sightings, listed_count)
            if found is not None:
                person, link = found
                people[person].append((i, link))
            elif kind is Kind.SIGNATURE or parse_name(sighting.name).anchored:
                people.append([(i, Link(f"new_{kind.value}", LISTED_SCORE))])
    return tuple(
        LocalPerson(
            sightings=tuple(i for i, _ in person),
            links=tuple(link for _, link in person),
            listed=n < listed_count,
        )
        for n, person in enumerate(people)
    )


def _spelling_key(name: str) -> str:
    """The name's key, or for what reads as no name (an OCR remnant such as "Ordf. É") the
    folded text, so that the same remnant in the list and under a signature is one."""
    return parse_name(name).key or fold(name)


def _join(
    sighting: Sighting,
    people: Sequence[Sequence[tuple[int, Link]]],
    sightings: Sequence[Sighting],
    listed_count: int,
) -> tuple[int, Link] | None:
    """The person of this meeting a signature or mention denotes, with the rule."""
    if not people:
        return None
    key = _spelling_key(sighting.name)
    for n, person in enumerate(people):  # any spelling already tied to someone
        for i, _ in person:
            if key and _spelling_key(sightings[i].name) == key:
                words = RULE_WORDS["same_spelling"]
                return n, Link("same_spelling", 100.0, sightings[i].name, words)
    names = [sightings[person[0][0]].name for person in people]
    match = meeting_match(sighting.name, names)
    if match is not None:
        linked_to = names[match.index]
        return match.index, Link(match.rule, match.score, linked_to, RULE_WORDS[match.rule])
    if sighting.kind is Kind.SIGNATURE:
        return _by_role(sighting, people[:listed_count], sightings)
    return None


def _by_role(
    signature: Sighting,
    people: Sequence[Sequence[tuple[int, Link]]],
    sightings: Sequence[Sighting],
) -> tuple[int, Link] | None:
    """The only attendee with the signature's first name who holds the role signed for."""
    name = parse_name(signature.name)
    if not name.given:
        return None
    signed = set(signature.roles)
    if ADJUSTER_ROLE in signed:
        signed.add(CHAIR_ROLE)  # the chair signs under "Justeras" too
    fits = []
    for n, person in enumerate(people):
        first = sightings[person[0][0]]
        roles = {r for i, _ in person for r in sightings[i].roles}
        same_title = bool(
            signature.title and first.title and fold(signature.title) == fold(first.title)
        )
        same_given = skeleton(parse_name(first.name).given) == skeleton(name.given)
        if same_given and (roles & signed or same_title):
            fits.append((n, first.name, same_title))
    if len(fits) != 1:
        return None
    n, linked_to, same_title = fits[0]
    why = "the only attendee with this first name and " + (
        "title" if same_title else "role signed for"
    )
    return n, Link("signature_role", SIGNATURE_ROLE_SCORE, linked_to, why)

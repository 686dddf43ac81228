"""Short forms of the meeting's people in its text: "Ola W", "C. Skålén", "Jacob" alone.

The entity stage finds the names as the attendance list writes them; minutes also refer to
people by first name and surname initial, by initial and surname, or by first name alone when
only one person of the meeting has it. These become PER entities too, so that every mention
of a person can point to them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.names import PersonName, parse_name, skeleton
from pipeline.records import Entity, Minutes, Status
from pipeline.resolve.meeting import Kind, link_in_meeting, meeting_of

PERSON_LABEL = "PER"
LETTER = "A-Za-zÅÄÖÉÜåäöéü"
NEXT_IS_NAME = rf"(?!\s+[A-ZÅÄÖÉÜ][{LETTER}])"  # "Ola" not followed by a surname


def with_short_mentions(minutes: Minutes) -> Minutes:
    """The minutes with PER entities added for short forms of their people."""
    patterns = _patterns(minutes)
    if not patterns:
        return minutes
    found = list(minutes.entities)
    order = {s.number: i for i, s in enumerate(minutes.sections)}
    for section in minutes.sections:
        taken = [(e.start, e.end) for e in found if e.section == section.number]
        for pattern in patterns:
            for match in pattern.finditer(section.text):
                start, end = match.span()
                if all(end <= s or start >= e for s, e in taken):
                    found.append(Entity(PERSON_LABEL, match.group(0), section.number, start, end))
                    taken.append((start, end))
    if len(found) == len(minutes.entities):
        return minutes
    found.sort(key=lambda e: (order.get(e.section or "", -1), e.start))
    return replace(minutes, entities=tuple(found))


def _patterns(minutes: Minutes) -> list[re.Pattern[str]]:
    """Patterns for the short forms that only one of the meeting's people fits."""
    meeting = meeting_of(minutes)
    people = []  # per person: the whole names that denote them, and whether they attended
    for person in link_in_meeting(meeting):
        sightings = [meeting.sightings[i] for i in person.sightings]
        names = [parse_name(s.name) for s in sightings]
        present = any(
            s.kind is Kind.SIGNATURE
            or (s.kind is Kind.ATTENDANCE and minutes.attendance[s.row].status is Status.PRESENT)
            for s in sightings
        )
        people.append(([n for n in names if n.full], present))
    patterns: list[re.Pattern[str]] = []
    for names, present in people:
        for name in names:
            words = name.written.split()
            given, surname = words[0], " ".join(words[1:])
            same_given = [p for p, _ in people if any(_same_given(n, name) for n in p)]
            same_initial = [
                p for p in same_given if any(n.surnames[0][:1] == name.surnames[0][:1] for n in p)
            ]
            if len(same_initial) == 1:  # "Ola W"
                initial = re.escape(surname[0])
                patterns.append(re.compile(rf"\b{re.escape(given)} {initial}\.?(?![{LETTER}])"))
            patterns.append(re.compile(rf"\b{re.escape(given[0])}\. ?{re.escape(surname)}\b"))
            if len(same_given) == 1 and present:  # "Jacob" when he is the only Jacob
                patterns.append(re.compile(rf"\b{re.escape(given)}\b{NEXT_IS_NAME}"))
    return _unique(patterns)


def _same_given(a: PersonName, b: PersonName) -> bool:
    return skeleton(a.given) == skeleton(b.given)


def _unique(patterns: Sequence[re.Pattern[str]]) -> list[re.Pattern[str]]:
    return list({p.pattern: p for p in patterns}.values())

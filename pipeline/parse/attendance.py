"""Presence shown beyond the lists: roles named in the text, speakers, signatories.

The lists themselves are read by parse.zones; the functions here add what the text tells of
people the lists name or leave out: "Ordföranden Per Wahlgren öppnade", "Revisor Bo Ek
tillstyrkte", the names under "Justeras".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.names import DAMAGED, match_in_meeting
from pipeline.parse.people import is_person_name, is_title, role_of
from pipeline.parse.persons import find_persons
from pipeline.records import Attendee, Role, Signatory, Status
from pipeline.vocabulary.meeting import INVERTING_ADVERBS, SPEECH_VERBS, TITLE_ROLES

NAME_WORD = r"[A-ZÅÄÖÉÜ][\wåäöéü'-]*"
# "Ordföranden Per Wahlgren öppnade mötet": the role word right before a name.
CHAIR_MENTION = re.compile(
    rf"\b(?:[Oo]rdförande(?:n)?|[Mm]ötesordförande(?:n)?)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
)
# "Ingrid Holm Sjöberg valdes att justera", "X utsågs att jämte ordförande justera".
ADJUSTER_ELECTION = re.compile(
    rf"(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})\s+(?:valdes|utsågs|väljs|utses)\s+"
    r"(?:att\s+(?:jämte\s+ordförande(?:n)?\s+)?justera|till\s+(?:protokoll)?juster)"
)
# å, ä and ö lost to U+FFFD in a damaged file still spell the verb ("ber�ttade")
_SPEECH = "|".join(re.sub("[åäö]", lambda m: f"[{m[0]}\ufffd]", v) for v in SPEECH_VERBS)
_SPEAKER = r"[A-ZÅÄÖÉÜ][\w\ufffd'-]*(?:[ \t]+[A-ZÅÄÖÉÜ][\w\ufffd'-]*){1,3}"
# "Anna Berg informerade", "Revisor Bo Ek tillstyrkte", "… med att Cecilia Ek visade"; a
# name never runs over a line break ("Inledning" on the line above is a heading)
SPEAKER_FIRST = re.compile(
    rf"(?:^|[.!?:;,]\s+|\b(?:och|att|där|då|när)\s+)(?:(?P<title>[\wåäö]+)[ \t]+)??"
    rf"(?P<name>{_SPEAKER})\s+(?:{_SPEECH})\b",
    re.MULTILINE,
)
# "Därefter berättade koncernchef Per Ek om …"
SPEAKER_AFTER = re.compile(
    rf"(?:^|[.!?]\s+)(?i:{'|'.join(INVERTING_ADVERBS)})\s+(?:{_SPEECH})\s+"
    rf"(?:(?P<title>[a-zåäö]+)\s+)?(?P<name>{_SPEAKER})\b",
    re.MULTILINE,
)
ROLE_MENTIONS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (CHAIR_MENTION, Role.CHAIR),
    (ADJUSTER_ELECTION, Role.ADJUSTER),
)


def add_role(
    attendees: list[Attendee],
    name: str,
    role: Role,
    page: int | None,
    status: Status = Status.PRESENT,
) -> list[Attendee]:
    """Give `name` the role; someone named only in a role line attended, unless a presence
    column says otherwise ("Sekreterare<TAB>Cecilia Lind<TAB>Nej")."""
    index = match_in_meeting(name, [a.name for a in attendees])
    if index is None:
        return [*attendees, Attendee(name, status, (role,), page=page)]
    found = attendees[index]
    if role in found.roles:
        return attendees
    updated = replace(found, roles=(*found.roles, role), status=status)
    return [*attendees[:index], updated, *attendees[index + 1 :]]


def add_role_mentions(
    attendees: list[Attendee], texts: Sequence[tuple[str, int]]
) -> list[Attendee]:
    """Roles stated in running text ("Ordföranden Per Wahlgren öppnade"), for listed people.

    "X utsågs att jämte ordförande justera" makes the chair an adjuster too.
    """
    chair_adjusts = False
    for text, page in texts:
        for pattern, role in ROLE_MENTIONS:
            for match in pattern.finditer(text):
                if match_in_meeting(match["name"], [a.name for a in attendees]) is not None:
                    attendees = add_role(attendees, match["name"], role, page)
                chair_adjusts |= role is Role.ADJUSTER and "jämte ordförande" in match.group(0)
    if chair_adjusts:
        attendees = [
            replace(a, roles=(*a.roles, Role.ADJUSTER))
            if Role.CHAIR in a.roles and Role.ADJUSTER not in a.roles
            else a
            for a in attendees
        ]
    return attendees


def add_speakers(
    attendees: list[Attendee], texts: Sequence[tuple[str, int]], role: Role | None = None
) -> list[Attendee]:
    """Those the minutes have speak at the meeting ("Revisor Bo Ek tillstyrkte …") attended.

    Only a full name counts, as the subject of a verb of speaking; a role word before it
    ("Revisor", "Kassör") is their role, a job title ("koncernchef") their title. A speaker
    no list names and no role word describes takes `role`: the caller knows whether the
    speakers are invited guests (before the meeting opens) or members (at a general meeting).
    """
    for text, page in texts:
        for pattern in (SPEAKER_FIRST, SPEAKER_AFTER):
            for match in pattern.finditer(text):
                attendees = _add_speaker(attendees, match["title"], match["name"], page, role)
    return attendees


def _add_speaker(
    attendees: list[Attendee],
    before: str | None,
    name: str,
    page: int,
    default_role: Role | None,
) -> list[Attendee]:
    first, _, rest = name.partition(" ")
    if before is None and (role_of(first) or is_title(first)) and len(rest.split()) >= 2:
        before, name = first, rest  # "Revisor Bo Ek": the role was taken into the name
    if len(name.split()) < 2 or not is_person_name(name) or any(w.isupper() for w in name.split()):
        return attendees
    persons = find_persons(name)  # "Stockholm Sektionsordförande Lars Wester": the person
    if persons:
        name = persons[-1].name
    elif DAMAGED not in name:  # a letter lost to an encoding accident hides a name from the lists
        return attendees  # "Herr Ordförande": a form of address, no name
    role = role_of(before) if before else None
    title = before if before and role is None and is_title(before) else None
    if match_in_meeting(name, [a.name for a in attendees]) is not None:
        return add_role(attendees, name, role, page) if role else attendees
    given = role or default_role
    roles = (given,) if given else ()
    return [*attendees, Attendee(name, Status.PRESENT, roles, title=title, page=page)]


def merge_signatories(
    attendees: list[Attendee], signatories: Sequence[Signatory]
) -> list[Attendee]:
    """Signatories sign as attendees: their role, title and affiliation join the attendee."""
    for signatory in signatories:
        title_role = role_of_title(signatory.title)
        index = match_in_meeting(signatory.name, [a.name for a in attendees])
        if index is None:
            given = tuple(r for r in (signatory.role, title_role) if r is not None)
            attendees.append(
                Attendee(
                    signatory.name,
                    Status.PRESENT,
                    given,
                    signatory.title,
                    signatory.affiliation,
                    signatory.page,
                )
            )
            continue
        found = attendees[index]
        roles = list(found.roles)
        # The chair signs under "Justeras" as chair; adjusting is a role the minutes assign.
        is_chair = Role.CHAIR in roles or title_role is Role.CHAIR
        if signatory.role not in roles and not (signatory.role is Role.ADJUSTER and is_chair):
            roles.append(signatory.role)
        if title_role is not None and title_role not in roles:
            roles.append(title_role)
        attendees[index] = replace(
            found,
            roles=tuple(roles),
            title=found.title or signatory.title,
            affiliation=found.affiliation or signatory.affiliation,
        )
    return attendees


def role_of_title(title: str | None) -> Role | None:
    """The role a title states ("1:a vice ordförande" → vice chair), if any."""
    for pattern, role in TITLE_ROLES:
        if title and pattern.search(title):
            return role
    return None

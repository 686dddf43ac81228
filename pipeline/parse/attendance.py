"""Attendance: who was listed present or absent, and who held which role at the meeting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.names import match_in_meeting
from pipeline.parse.lines import Field, labelled_fields
from pipeline.parse.people import is_person_name, is_title, read_people, role_of
from pipeline.records import Attendee, Line, Role, Signatory, Status
from pipeline.vocabulary.meeting import (
    ATTENDANCE_LABEL_WORDS,
    ATTENDANCE_LABELS,
    INVERTING_ADVERBS,
    ROLE_LABELS,
    SPEECH_VERBS,
    TITLE_ROLES,
)

MIN_TABLE_ROWS = 2
MAX_LABEL_WORDS = 5
ROLL_CALL_TITLE = re.compile(
    r"röstlängd|närvaroförteckning|närvarolista|upprop|voting\s+list|roll\s+call", re.IGNORECASE
)
NAME_WORD = r"[A-ZÅÄÖÉÜ][\wåäöéü'-]*"
# "Ordföranden Ola Wiktorson öppnade mötet": the role word right before a name.
CHAIR_MENTION = re.compile(
    rf"\b(?:[Oo]rdförande(?:n)?|[Mm]ötesordförande(?:n)?)\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})"
)
# "Ingrid Jerneborg Glimne valdes att justera", "X utsågs att jämte ordförande justera".
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


def parse_attendance(preamble: Sequence[Line]) -> list[Attendee]:
    """Attendees in the order the blocks list them; role lines add roles or people."""
    attendees: list[Attendee] = []
    fields = labelled_fields(preamble, AttendanceLabels())
    if not any(attendance_label(f.label) for f in fields):
        fields = [*_unlabelled_tables(preamble), *fields]
    for field in fields:
        listed = read_people(field.lines)
        if field.label in ROLE_LABELS:
            for person in listed:
                attendees = add_role(
                    attendees,
                    person.name,
                    ROLE_LABELS[field.label],
                    field.page,
                    person.status or Status.PRESENT,
                )
            continue
        label = attendance_label(field.label)
        if label is None:
            continue
        status, block_role = label
        for person in listed:
            # A block's role ("Ledamöter") is the role of those listed with no role of their own.
            implied = [block_role] if block_role and not person.roles else []
            roles = tuple(dict.fromkeys([*implied, *person.roles]))
            attendees.append(
                Attendee(
                    person.name,
                    person.status or status,
                    roles,
                    title=person.title,
                    affiliation=person.affiliation,
                    page=field.page,
                    notes=tuple(person.notes),
                )
            )
    return attendees


def attendance_label(label: str) -> tuple[Status, Role | None] | None:
    """The status and role a block label gives: exact ("Ej närvarande"), else by its words
    ("Närvarande övriga medlemmar" lists people present)."""
    if label in ATTENDANCE_LABELS:
        return ATTENDANCE_LABELS[label]
    if len(label.split()) > MAX_LABEL_WORDS:
        return None
    for word, meaning in ATTENDANCE_LABEL_WORDS:
        if re.search(rf"\b{word}\b", label):
            return meaning
    return None


class AttendanceLabels:
    """The labels that open an attendance block or a role line, as a container."""

    def __contains__(self, label: object) -> bool:
        return isinstance(label, str) and (
            label in ROLE_LABELS or attendance_label(label) is not None
        )


def roll_call(titled_paragraphs: Sequence[tuple[str, Sequence[Sequence[Line]]]]) -> list[Attendee]:
    """Those named in a "Fastställande av röstlängd" item when no attendance list exists."""
    for title, paragraph_lines in titled_paragraphs:
        if not ROLL_CALL_TITLE.search(title):
            continue
        for lines in paragraph_lines:
            people = read_people([line.text for line in lines])
            if len(people) >= MIN_TABLE_ROWS and len(people) == len(lines):
                return [
                    Attendee(p.name, Status.PRESENT, (Role.MEMBER,), page=lines[0].page)
                    for p in people
                ]
    return []


def _unlabelled_tables(preamble: Sequence[Line]) -> list[Field]:
    """A table of names with a presence column ("Anna Andersson<TAB>Ja") that no label opens."""
    tables: list[Field] = []
    rows: list[Line] = []
    for line in [*preamble, Line("", 0, 0)]:
        if "\t" in line.text:
            rows.append(line)
            continue
        people = read_people([row.text for row in rows]) if len(rows) >= MIN_TABLE_ROWS else []
        if people and sum(p.status is not None for p in people) >= len(people) / 2:
            tables.append(Field("närvarande", tuple(row.text for row in rows), rows[0].page))
        rows = []
    return tables


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
    """Roles stated in running text ("Ordföranden Ola Wiktorson öppnade"), for listed people.

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

"""Where minutes list who was there, and the attendance read from all those places at once.

The zones: the header before the first item; items and appendices that take the roll
(röstlängd, närvaro, upprop); "Närvarande" and "Kallade" headings with their lists. Each is read
by parse.roster; a person named in several zones is one attendee. Someone called ("Kallade") and
listed nowhere as present was absent; a member named only as replaced by a substitute was absent
unless a list has them present too (replaced for part of the meeting).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from pipeline.names import match_in_meeting
from pipeline.parse.labels import Label, LabelKind, find_labels
from pipeline.parse.lines import RawSection, paragraph_text
from pipeline.parse.roster import Reading, read_zone
from pipeline.records import Attendee, Line, Role, Status
from pipeline.vocabulary.meeting import SPEAKER_LIST

ROLL_CALL_TITLE = re.compile(
    r"röstlängd|närvaro|upprop|deltagare|voting\s+list|roll\s+call|attendance", re.IGNORECASE
)
ROLL_CALL_LABEL = Label(0, 0, "", LabelKind.GROUP, Status.PRESENT, Role.MEMBER)
SPOKE = Label(0, 0, "", LabelKind.GROUP, Status.PRESENT)  # over a list of those who spoke
# "Närvarande var …", "Frånvarande voro …": a sentence of an item that lists who was there.
PRESENCE_SENTENCE = re.compile(
    r"\b(?:Närvarande|Frånvarande|Närvarade)\s+(?:var|voro|är|vid\s+\w+\s+var)\b.*?(?:\.(?=\s|$)|$)",
    re.DOTALL,
)
MAX_HEADING_LABEL_CHARS = 60


@dataclass(frozen=True)
class Zone:
    """A stretch of the minutes' lines that lists people, as one text."""

    text: str
    line_offsets: tuple[int, ...]  # where each line starts in `text`
    pages: tuple[int, ...]  # the page of each line
    default: Label | None = None  # the label over names that come before any label
    breaks: tuple[int, ...] = ()  # where a heading that lists nobody ends the list above it
    prose: bool = False  # a sentence: a role word stands before its name ("ordförande Bo Ek")
    inferred: bool = False  # no list: the text shows them there (they spoke)

    def page_at(self, offset: int) -> int:
        return self.pages[max(0, bisect.bisect_right(self.line_offsets, offset) - 1)]


def zone_of(lines: Sequence[Line], default: Label | None = None) -> Zone:
    offsets, pages, breaks, position = [], [], [], 0
    for line in lines:
        offsets.append(position)
        pages.append(line.page)
        if line.heading and heading_label(line.text) is None:
            breaks.append(position)  # "# Agenda" under "## Approvers": the list has ended
        position += len(line.text) + 1
    text = "\n".join(line.text for line in lines)
    return Zone(text, tuple(offsets), tuple(pages), default, tuple(breaks))


def attendance_zones(
    lines: Sequence[Line], body_start: int, sections: Sequence[RawSection]
) -> list[Zone]:
    """The header before the first item; items that take the roll; attendance headings
    ("Närvarande", "Kallade") among the items with the lines under them; and sentences of the
    items that say who was there ("Närvarande var ordinarie ledamöter A, B och C")."""
    zones = [zone_of(lines[:body_start])]
    for section in sections:
        if is_roll_call(section.title):
            zones.append(zone_of([line for p in section.paragraphs for line in p], ROLL_CALL_LABEL))
            continue
        for paragraph in section.paragraphs:
            text = paragraph_text(paragraph)
            page = (paragraph[0].page,)
            for sentence in PRESENCE_SENTENCE.finditer(text):
                zones.append(Zone(sentence.group(0), (0,), page, prose=True))
            for speakers in SPEAKER_LIST.finditer(text):  # "yttrar sig A (S), B (M)"
                end = text.find(". ", speakers.end())
                names = text[speakers.end() : len(text) if end < 0 else end]
                zones.append(Zone(names, (0,), page, SPOKE, prose=True, inferred=True))
    for index in range(body_start, len(lines)):
        label = heading_label(lines[index].text) if lines[index].heading else None
        if label is None:
            continue
        end = next((i for i in range(index + 1, len(lines)) if lines[i].heading), len(lines))
        zones.append(zone_of(lines[index + 1 : end], label))
    return zones


def heading_label(text: str) -> Label | None:
    """The attendance label a heading consists of ("Närvarande", "## Kallade"), if it does."""
    stripped = text.strip().strip("#*").strip()
    if not stripped or len(stripped) > MAX_HEADING_LABEL_CHARS:
        return None
    labels = find_labels(stripped)
    if len(labels) != 1 or labels[0].kind is not LabelKind.GROUP:
        return None
    label = labels[0]
    return label if stripped[label.end :].strip(" :") == "" and label.start == 0 else None


def is_roll_call(title: str) -> bool:
    return bool(ROLL_CALL_TITLE.search(title))


def read_attendance(zones: Sequence[Zone]) -> list[Attendee]:
    """Everyone the zones list, once each, in the order first listed."""
    readings: list[tuple[Reading, int, int]] = []
    for number, zone in enumerate(zones):
        found = read_zone(zone.text, zone.default, zone.breaks, prose=zone.prose)
        for reading in found:
            reading.inferred = reading.inferred or zone.inferred
        readings += [(r, zone.page_at(r.start), number) for r in found]
    merged: list[Attendee] = []
    zone_of_attendee: list[int] = []
    invited_only: set[int] = set()
    for reading, page, zone_number in readings:
        index = match_in_meeting(reading.name, [a.name for a in merged])
        if index is not None and zone_of_attendee[index] == zone_number:
            # one list names two people with names this close ("Kristina (C)" and "Kristin
            # Berg (S)"): of two parties, they are two people
            parties = {merged[index].party, reading.party} - {None}
            index = index if len(parties) <= 1 else None
        if index is None:
            zone_of_attendee.append(zone_number)
            merged.append(_attendee(reading, page))
            if reading.invited:
                invited_only.add(len(merged) - 1)
            continue
        if not reading.invited:
            invited_only.discard(index)
        merged[index] = _merge(merged[index], reading)
    return [
        replace(attendee, status=Status.ABSENT) if index in invited_only else attendee
        for index, attendee in enumerate(merged)
    ]


def _attendee(reading: Reading, page: int) -> Attendee:
    return Attendee(
        reading.name,
        reading.status or Status.PRESENT,
        tuple(dict.fromkeys(reading.roles)),
        title=reading.title,
        affiliation=reading.affiliation,
        page=page,
        notes=tuple(reading.notes),
        party=reading.party,
        sections_present=reading.sections_present,
        time_present=reading.time_present,
        substitute_for=reading.substitute_for,
        inferred=reading.inferred,
        role_ambiguous=reading.role_ambiguous,
    )


def _merge(found: Attendee, reading: Reading) -> Attendee:
    """One attendee from two listings: a listing beats an inference, presence beats the
    absence of someone replaced for part of the meeting, and roles add up."""
    status = found.status
    if found.inferred and not reading.inferred:
        status = reading.status or Status.PRESENT
    elif reading.status is Status.PRESENT and not reading.inferred:
        status = Status.PRESENT
    roles = tuple(dict.fromkeys([*found.roles, *reading.roles]))
    if (
        Role.SUBSTITUTE in roles
        and Role.MEMBER in roles
        and not (found.inferred or reading.inferred)
    ):
        roles = tuple(r for r in roles if r is not Role.MEMBER)
    return replace(
        found,
        status=status,
        roles=roles,
        title=found.title or reading.title,
        affiliation=found.affiliation or reading.affiliation,
        notes=tuple(dict.fromkeys([*found.notes, *reading.notes])),
        party=found.party or reading.party,
        sections_present=_both(found.sections_present, reading.sections_present),
        time_present=_both(found.time_present, reading.time_present),
        substitute_for=found.substitute_for or reading.substitute_for,
        inferred=found.inferred and reading.inferred,
        role_ambiguous=found.role_ambiguous and reading.role_ambiguous,
    )


def _both(first: str | None, second: str | None) -> str | None:
    """Partial presence of two listings of one person ("till kl. 13.40" as a substitute for
    one member, "från kl. 16.55" for another): both spans."""
    if first and second and second not in first:
        return f"{first}, {second}"
    return first or second

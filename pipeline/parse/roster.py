"""Read the people of one attendance zone: names first, then the label each stands under.

A zone is text where minutes list who was there: the header before the first item, a röstlängd
or närvaro item, a "Närvarande" heading, the signature block. Its people are found by what they
are (parse.persons); each then takes its status and role from the nearest label before it and
its party, title and partial presence from the words beside it (parse.qualifiers). Line breaks,
colons and tabs only separate items; a header table printed with all its labels before all its
values is read by aligning the labels with the groups of names, and where that alignment is not
certain the role is marked ambiguous rather than guessed.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from pipeline.nlp.model import find_people
from pipeline.parse.labels import Label, LabelKind, find_labels
from pipeline.parse.list_items import list_items
from pipeline.parse.persons import PersonSpan, find_persons
from pipeline.parse.qualifiers import read_qualifiers, replaced_member_follows
from pipeline.records import Role, Status

# "abe, kristo och tobbe befanns närvarande": the list comes before the words that label it.
PRESENT_AFTER_LIST = re.compile(
    r"\b(?:befanns|befinns|var|är|antecknades\s+som|noterades\s+som)\s+närvarande\b[^.\n]*",
    re.IGNORECASE,
)
# "Samtliga ledamöter med undantag för A, B och C": everyone but those named was there.
ALL_BUT = re.compile(r"\b(?:med\s+undantag\s+(?:för|av)|förutom|utom)\b", re.IGNORECASE)
# Between a name and a status on its row: marks, a party, parts of the row.
ROW_MARKS = re.compile(r"^[\s,;:\t]*(?:\([^()]{1,4}\)|[A-ZÅÄÖ]{1,3}|[Xx]|[-–])?[\s,;:\t]*$")
# Between a name and a role word that qualifies it: only its party, commas and spaces.
NAME_TO_ROLE = re.compile(r"^[\s,]*(?:\([^()]{1,4}\)|[A-ZÅÄÖ]{1,3})?[\s,]*$")
GROUP_BREAK = re.compile(r"[.;]\s|\n")  # between the name groups of labels printed first
MIN_TABLE_ROWS = 2
BARE_NUMBERS = re.compile(r"\d{1,4}(?:\s*[-–,]\s*\d{1,4})*")
# Between two names of one group: a comma or "och", nothing else (no party, no title).
GROUP_JOINER = re.compile(r"\s*(?:,|\boch\b)\s*")
SINGULAR_ROLES = frozenset({Role.CHAIR, Role.VICE_CHAIR, Role.SECRETARY, Role.TREASURER})


@dataclass
class Reading:
    """One person as a zone lists them, filled in as the zone is read."""

    name: str
    start: int
    end: int
    status: Status | None = None
    roles: list[Role] = field(default_factory=list)
    title: str | None = None
    party: str | None = None
    affiliation: str | None = None
    sections_present: str | None = None
    time_present: str | None = None
    substitute_for: str | None = None
    notes: list[str] = field(default_factory=list)
    invited: bool = False  # listed as called ("Kallade"), which alone is not presence
    inferred: bool = False
    role_ambiguous: bool = False


@dataclass(frozen=True)
class _Block:
    """Labels that follow each other, and the people after them up to the next label."""

    labels: tuple[Label, ...]
    people: tuple[PersonSpan, ...]
    end: int  # where the next block's labels begin


def read_zone(
    text: str, default: Label | None = None, breaks: Sequence[int] = (), *, prose: bool = False
) -> list[Reading]:
    """The people of a zone's text, in order; `default` is the label of people before any label
    (the zone's own heading, a röstlängd item); at `breaks` (headings) any list ends. In `prose`
    (a sentence) a role word before a name is that name's ("… och sekreterare Bo Ek")."""
    labels = [la for m in PRESENT_AFTER_LIST.finditer(text) for la in _as_present_labels(m, text)]
    labels += [la for m in ALL_BUT.finditer(text) for la in _as_absent_labels(m, text)]
    labels += [Label(offset, offset, "", LabelKind.STOP) for offset in breaks]
    labels = sorted([*find_labels(text), *labels], key=lambda label: label.start)
    barriers = [offset for label in labels for offset in (label.start, label.end)]
    people = find_persons(text, _model_people(text, labels, default), barriers)
    labels = _qualifiers_dropped(text, labels, people, prose=prose)
    people = sorted([*people, *list_items(text, labels, people, default)], key=lambda p: p.start)
    readings: list[Reading] = []
    for block in _blocks(text, labels, people, default):
        readings += _read_block(text, block)
    return readings


def _model_people(
    text: str, labels: Sequence[Label], default: Label | None
) -> list[tuple[int, int]]:
    """The NER model's persons from where the zone's first list of people begins: a zone with
    no list has none to vouch for, and the title and place above the first label are no list."""
    listing = [label.start for label in labels if label.kind in (LabelKind.GROUP, LabelKind.ROLE)]
    if default is None and not listing:
        return []
    start = 0 if default is not None else listing[0]
    return [(start + s, start + e) for s, e in find_people([text[start:]])[0]]


def _as_present_labels(match: re.Match[str], text: str) -> tuple[Label, Label]:
    """ "… befanns närvarande" as a label over the list of the sentence it ends, and the end
    of that list."""
    sentence = max(text.rfind(".", 0, match.start()), text.rfind("\n", 0, match.start())) + 1
    written = match.group(0)
    return (
        Label(sentence, sentence, written, LabelKind.GROUP, Status.PRESENT, Role.MEMBER),
        Label(match.start(), match.end(), written, LabelKind.STOP),
    )


def _as_absent_labels(match: re.Match[str], text: str) -> tuple[Label, Label]:
    """ "samtliga ledamöter med undantag för A, B och C": those named were absent, to the end
    of the sentence."""
    end = text.find(".", match.end())
    end = len(text) if end < 0 else end
    return (
        Label(
            match.start(), match.end(), match.group(0), LabelKind.GROUP, Status.ABSENT, Role.MEMBER
        ),
        Label(end, end + 1, ".", LabelKind.STOP),
    )


def _qualifiers_dropped(
    text: str, labels: Sequence[Label], people: Sequence[PersonSpan], *, prose: bool = False
) -> list[Label]:
    """Labels, without the words that qualify the name before them: a role ("Anna Berg (S),
    ordförande") or a status on the name's own row ("Tor Lind Anmält förhinder"). Those are
    read with the name's other qualifiers; a status row is never the label of the rows below."""
    kept: list[Label] = []
    opened_by_group = False
    for label in labels:
        status_word = label.kind is LabelKind.GROUP and label.status is Status.ABSENT
        if label.kind is not LabelKind.ROLE and not status_word:
            opened_by_group = label.kind is LabelKind.GROUP
            kept.append(label)
            continue
        before = [p for p in people if p.end <= label.start]
        previous = before[-1] if before else None
        if prose and any(
            p.start >= label.end and not text[label.end : p.start].strip() for p in people
        ):
            kept.append(label)  # "… och sekreterare Bo Ek": the role of the name after it
            continue
        since_label = not kept or previous is None or previous.start > kept[-1].end
        between = _without_roles(text, previous.end, label.start, labels) if previous else ""
        # lower case, or right after the name and its party ("Anna Berg (S) Ordförande")
        beside = (
            not label.capitalised
            or (opened_by_group and NAME_TO_ROLE.match(between))
            or (status_word and ROW_MARKS.match(between) and _ends_row(text, label.end))
        )
        qualifies = (
            previous is not None and since_label and not label.colon and "\n" not in between
        ) and bool(beside)
        if not qualifies:
            kept.append(label)
            opened_by_group = opened_by_group and status_word
    return kept


def _ends_row(text: str, offset: int) -> bool:
    """Nothing but space between `offset` and the end of its line: the last cell of a row."""
    end = text.find("\n", offset)
    return not text[offset : len(text) if end < 0 else end].strip()


def _without_roles(text: str, start: int, end: int, labels: Sequence[Label]) -> str:
    """text[start:end] with its role words taken out: "(m) Ordförande Ordförande ,"."""
    kept, position = [], start
    for label in labels:
        if label.kind is LabelKind.ROLE and start <= label.start and label.end <= end:
            kept.append(text[position : label.start])
            position = label.end
    return "".join([*kept, text[position:end]])


def _blocks(
    text: str, labels: Sequence[Label], people: Sequence[PersonSpan], default: Label | None
) -> list[_Block]:
    blocks: list[_Block] = []
    pending: list[Label] = [default] if default is not None else []
    members: list[PersonSpan] = []
    events: list[Label | PersonSpan] = sorted([*labels, *people], key=lambda e: e.start)
    for event in events:
        if isinstance(event, Label):
            if members:
                blocks.append(_Block(tuple(pending), tuple(members), event.start))
                pending, members = [], []
            pending.append(event)
        else:
            members.append(event)
    blocks.append(_Block(tuple(pending), tuple(members), len(text)))
    return blocks


def _read_block(text: str, block: _Block) -> list[Reading]:
    people_labels = [
        label for label in block.labels if label.kind in (LabelKind.GROUP, LabelKind.ROLE)
    ]
    excepted = [i for i, label in enumerate(people_labels) if ALL_BUT.fullmatch(label.text)]
    if excepted:  # "Beslutande samtliga ledamöter med undantag för …": the exception is the label
        people_labels = people_labels[excepted[-1] :]
    if not block.people:
        return []
    readings = _readings(text, block)
    signed = any(label.kind is LabelKind.SIGNATURE for label in block.labels)
    if not people_labels and not signed:
        # a title line, a place, the notice block: no list of people; unless the names come
        # in a table with a presence column ("Anna Berg<TAB>Ja") that no label opens
        marked = [r for r in readings if r.status is not None]
        return marked if len(marked) >= MIN_TABLE_ROWS and not block.labels else []
    for reading, labels in zip(readings, _align(text, people_labels, readings), strict=True):
        _apply_labels(reading, labels, ambiguous=len(labels) > 1)
    return [r for r in readings if r.name]


def _readings(text: str, block: _Block) -> list[Reading]:
    """The block's people with the qualifiers beside each; a member named as replaced by the
    substitute before them is marked absent, not listed under the block's label."""
    readings: list[Reading] = []
    substitute_context = any(label.role is Role.SUBSTITUTE for label in block.labels)
    serving: Reading | None = None  # the last person listed in their own right
    for index, person in enumerate(block.people):
        following = block.people[index + 1].start if index + 1 < len(block.people) else block.end
        reading = Reading(person.name, person.start, person.end)
        previous = readings[-1] if readings else None
        before = text[previous.end : person.start] if previous else ""
        if serving is not None and replaced_member_follows(
            before, substitute_context or Role.SUBSTITUTE in serving.roles
        ):
            # "Per Lind (m) Ersätter Eva Ek kl Ersätter Bo Holm (m)":
            # both replaced by the substitute listed before them
            serving.substitute_for = serving.substitute_for or person.name
            if Role.SUBSTITUTE not in serving.roles:
                serving.roles.append(Role.SUBSTITUTE)
            reading.status, reading.inferred = Status.ABSENT, True
            reading.roles.append(Role.MEMBER)
        else:
            serving = reading
        _qualify(reading, text[person.end : following])
        if reading.inferred and serving is not None and serving is not reading:
            _hand_over(reading, serving)
        readings.append(reading)
    _share_group_qualifiers(text, readings)
    return readings


def _hand_over(replaced: Reading, serving: Reading) -> None:
    """ "Ella Ros (S), ersättare för Kim Vall (C) från kl. 16.15": the time or items
    after the replaced member's name are when the substitute served; so are bare numbers
    ("Ersätter Per Lind (s) 361")."""
    for name in ("sections_present", "time_present"):
        value = getattr(replaced, name)
        if value:
            mine = getattr(serving, name)
            setattr(serving, name, f"{mine}, {value}" if mine else value)
            setattr(replaced, name, None)
    if replaced.affiliation and BARE_NUMBERS.fullmatch(replaced.affiliation):
        serving.notes.append(replaced.affiliation)
        replaced.affiliation = None
    numbers = [n for n in replaced.notes if BARE_NUMBERS.fullmatch(n)]
    serving.notes += numbers
    replaced.notes = [n for n in replaced.notes if n not in numbers]


def _share_group_qualifiers(text: str, readings: Sequence[Reading]) -> None:
    """ "A, B och C, inspektörer, § 86": names joined by nothing but commas and "och" share
    the partial presence written after the last of them."""
    for index in range(len(readings) - 1, 0, -1):
        current, previous = readings[index], readings[index - 1]
        joined = GROUP_JOINER.fullmatch(text[previous.end : current.start])
        if joined is None or previous.inferred or current.inferred:
            continue
        if previous.sections_present is None and previous.time_present is None:
            previous.sections_present = current.sections_present
            previous.time_present = current.time_present


def _qualify(reading: Reading, after: str) -> None:
    found = read_qualifiers(after)
    reading.party = reading.party or found.party
    reading.title = reading.title or found.title
    reading.affiliation = reading.affiliation or found.affiliation
    reading.sections_present = reading.sections_present or found.sections_present
    reading.time_present = reading.time_present or found.time_present
    reading.notes += found.notes
    if found.status is not None and not reading.inferred:
        reading.status = found.status
    roles = [
        label.role
        for label in find_labels(after)
        if label.kind is LabelKind.ROLE and label.role and not label.compound
    ]
    if found.serving and reading.roles:
        roles.append(Role.SUBSTITUTE)
    if found.title and found.title.casefold().endswith("sekreterare"):
        roles.append(Role.SECRETARY)  # "nämndsekreterare": the official who keeps the minutes
    reading.roles += [role for role in dict.fromkeys(roles) if role not in reading.roles]


def _align(text: str, labels: Sequence[Label], readings: Sequence[Reading]) -> list[list[Label]]:
    """The labels each person stands under. One label: all of them. Labels printed before all
    their values: one group of names each when the names come in as many groups; otherwise a
    label of one person (the chair, the secretary) takes one, the first and last labels take the
    first and last people, and those between stay under every label they may belong to."""
    count = len(readings)
    if len(labels) <= 1:
        return [list(labels)] * count
    groups = _name_groups(text, readings)
    if len(groups) == len(labels):
        return [[labels[g]] for g, size in enumerate(groups) for _ in range(size)]
    if count == len(labels):
        return [[label] for label in labels]
    if count < len(labels):
        return [[label] for label in labels[len(labels) - count :]]
    assigned: list[list[Label]] = [[] for _ in range(count)]
    first, last = 0, count - 1
    head, tail = list(labels), []
    while head and head[-1].role in SINGULAR_ROLES and last > first:
        assigned[last] = [head.pop()]
        last -= 1
    while head and head[0].role in SINGULAR_ROLES and first < last:
        assigned[first] = [head.pop(0)]
        first += 1
    if head:
        assigned[first] = assigned[first] or [head[0]]
        assigned[last] = assigned[last] or [head[-1]]
        tail = head
    for index in range(first, last + 1):
        if not assigned[index]:
            assigned[index] = list(tail)
    return assigned


def _name_groups(text: str, readings: Sequence[Reading]) -> list[int]:
    """Sizes of the groups the names come in, where a full stop or a line ends a group."""
    sizes = [1]
    for previous, current in itertools.pairwise(readings):
        if GROUP_BREAK.search(text[previous.end : current.start]):
            sizes.append(0)
        sizes[-1] += 1
    return sizes


def _apply_labels(reading: Reading, labels: Sequence[Label], *, ambiguous: bool) -> None:
    statuses = {label.status for label in labels if label.status is not None}
    if reading.status is None:
        reading.status = statuses.pop() if len(statuses) == 1 else Status.PRESENT
    reading.invited = any(label.invited for label in labels)
    roles = [label.role for label in labels if label.role is not None]
    if ambiguous:
        reading.role_ambiguous = True
        return
    for role in roles:
        if role is Role.STAFF and reading.title is None and reading.party:
            role = Role.GUEST  # "Övriga": a politician without a vote, not an official
        if role not in reading.roles:
            reading.roles.insert(0, role)
    if Role.SUBSTITUTE in reading.roles and Role.MEMBER in reading.roles and not reading.inferred:
        reading.roles.remove(Role.MEMBER)

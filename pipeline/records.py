"""The records that flow between stages: the one vocabulary every stage shares.

Records are frozen, picklable dataclasses so that a whole archive can be mapped over worker
processes. Stages import records, never each other.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import ClassVar


class SourceFormat(StrEnum):
    PDF = "pdf"
    TXT = "txt"
    DOCX = "docx"
    IMAGE = "image"
    OFFICE = "office"  # .doc, .rtf, .odt: read through LibreOffice's conversion to .docx


class PageMethod(StrEnum):
    """How a page's text was obtained."""

    TEXT = "text"
    OCR = "ocr"


class Status(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"


class Role(StrEnum):
    CHAIR = "chair"
    VICE_CHAIR = "vice_chair"
    SECRETARY = "secretary"
    ADJUSTER = "adjuster"
    MEMBER = "member"
    SUBSTITUTE = "substitute"
    STAFF = "staff"
    GUEST = "guest"
    TREASURER = "treasurer"
    VOTE_COUNTER = "vote_counter"
    AUDITOR = "auditor"


class Outcome(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"
    POSTPONED = "postponed"
    NOTED = "noted"
    ELECTED = "elected"
    REFERRED = "referred"
    WITHDRAWN = "withdrawn"  # "ärendet utgår", "dras tillbaka": taken off, nothing decided
    OTHER = "other"


@dataclass(frozen=True)
class SourceFile:
    """A file found in the archive, identified by the hash of its content.

    `path` is printable text (pipeline/filenames.py); `path_bytes` is the name as the file
    system holds it, which may not be UTF-8, and is what opens the file.
    """

    path: str
    sha256: str
    format: SourceFormat
    size_bytes: int
    root: str | None = None  # the folder the run was given (absolute), when found under one
    relative_path: str | None = None  # `path` relative to `root`
    path_bytes: bytes | None = None  # None for a source made in code: `path` opens it
    # JSON (a shard's records, read by pydantic) carries the bytes as base64: they may not be UTF-8
    __pydantic_config__: ClassVar[dict[str, str]] = {
        "ser_json_bytes": "base64",
        "val_json_bytes": "base64",
    }

    @property
    def location(self) -> Path:
        """The path that opens the file."""
        return Path(self.path) if self.path_bytes is None else Path(os.fsdecode(self.path_bytes))


@dataclass(frozen=True)
class Page:
    """One page of extracted text; `number` counts from 1."""

    number: int
    text: str
    method: PageMethod
    ocr_confidence: float | None = None
    seconds: float = 0.0
    ocr_reason: str | None = None  # why the page was OCR'd (pipeline.extract.quality.OcrReason)
    rotation_deg: int = 0  # quarter turn applied before OCR, clockwise: 0, 90, 180 or 270
    skew_deg: float = 0.0  # small skew measured on the scan and corrected before OCR
    # Lines (0-based, in `text`) that the source marks as headings: Markdown "#", LaTeX
    # \section, Word heading styles. Plain text and scans mark none.
    headings: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()  # how reading went wrong without failing: bad bytes replaced


@dataclass(frozen=True)
class ExtractedDoc:
    source: SourceFile
    pages: tuple[Page, ...]

    @property
    def ocr_pages(self) -> tuple[int, ...]:
        return tuple(p.number for p in self.pages if p.method is PageMethod.OCR)


@dataclass(frozen=True)
class PageInfo:
    """What the database keeps of a page: how it was read, not its text."""

    number: int
    method: PageMethod
    ocr_confidence: float | None
    seconds: float
    chars: int
    ocr_reason: str | None = None
    rotation_deg: int = 0


@dataclass(frozen=True)
class Line:
    """A line of cleaned text with its place in the source: the unit the parser reads."""

    text: str
    page: int
    number: int  # line number within its page, from 1
    heading: bool = False  # the source marks this line as a heading


@dataclass(frozen=True)
class CleanText:
    """A document after cleaning: its lines, and the running lines taken off every page."""

    pages: tuple[PageInfo, ...]
    lines: tuple[Line, ...]
    running_lines: tuple[str, ...] = ()  # headers and footers, once each: they often name the body
    warnings: tuple[str, ...] = ()  # the pages' warnings, for the document's


@dataclass(frozen=True)
class MeetingHeader:
    organization: str | None = None
    body: str | None = None
    date: str | None = None  # ISO 8601
    start_time: str | None = None  # HH:MM
    end_time: str | None = None
    location: str | None = None
    remote: bool = False


@dataclass(frozen=True)
class Attendee:
    name: str  # as written in the attendance block
    status: Status
    roles: tuple[Role, ...] = ()
    title: str | None = None
    affiliation: str | None = None  # a place, member organisation, department or cohort
    page: int | None = None
    person_id: str | None = None
    notes: tuple[str, ...] = ()  # remarks beside the name that no other field holds
    party: str | None = None  # "S", "KD", or a local party as written
    sections_present: str | None = None  # partial presence in the §§ numbering: "3-9", "4.1-"
    time_present: str | None = None  # partial presence by the clock: "-16:15", "13:40-"
    substitute_for: str | None = None  # the member a serving substitute replaced, as written
    inferred: bool = False  # no list names them; the text shows them there (or replaced)
    role_ambiguous: bool = False  # the layout lost which of several labels the name is under


@dataclass(frozen=True)
class Vote:
    """Counts of an open vote (omröstning) on a decision."""

    yes: int
    no: int
    abstain: int = 0


@dataclass(frozen=True)
class Decision:
    text: str
    outcome: Outcome
    page: int | None = None
    vote: Vote | None = None
    reservations: tuple[str, ...] = ()  # names of those who "reserverar sig" against it
    detail: str | None = None  # an approval: as_proposed | after_vote | with_changes


@dataclass(frozen=True)
class Amount:
    text: str  # as written, unit included when written ("500.000 kronor")
    sek: int


@dataclass(frozen=True)
class Section:
    number: str
    title: str
    page: int
    text: str
    decisions: tuple[Decision, ...] = ()
    references: tuple[str, ...] = ()  # numbers of other §§ the text refers to
    amounts: tuple[Amount, ...] = ()
    diary_number: str | None = None  # "KS 2019/123", the case's number in the registry
    from_toc: bool = False  # known only from a table of contents or agenda: no text of its own
    started_at: str | None = None  # "16:20": the clock time the minutes write for its start
    starts_not_before: str | None = None  # the latest time written for it or before it


@dataclass(frozen=True)
class Signatory:
    name: str  # as written at the signature
    role: Role
    title: str | None = None
    affiliation: str | None = None
    page: int | None = None
    person_id: str | None = None


@dataclass(frozen=True)
class Entity:
    label: str
    text: str
    section: str | None  # § number, None outside any §
    start: int  # character offsets in the section's text (or the preamble)
    end: int


@dataclass(frozen=True)
class VoteChoice:
    """One member's choice on a voting list, the name as the list writes it."""

    name: str
    choice: str  # yes | no | abstain | absent


@dataclass(frozen=True)
class VoteEvent:
    """A vote taken in a § (or found where no § can be told: `section` None)."""

    section: str | None
    method: str  # acclamation | vote | roll_call | secret | lot
    page: int | None = None
    yes: int | None = None
    no: int | None = None
    abstain: int | None = None
    result: str | None = None  # yes | no | tie: the side the counts give
    choices: tuple[VoteChoice, ...] = ()
    text: str = ""  # the words that tell of the vote


@dataclass(frozen=True)
class Dissent:
    """A member's reservation, separate opinion (särskilt yttrande) or note to the minutes."""

    section: str | None
    name: str  # as written
    kind: str  # reservation | separate_opinion | note
    text: str
    page: int | None = None


@dataclass(frozen=True)
class Notice:
    """The justering and the notice board (anslag): dates as ISO 8601."""

    adjusted_on: str | None = None
    posted_on: str | None = None
    taken_down_on: str | None = None


@dataclass(frozen=True)
class Minutes:
    """Everything protokoll reads from one document."""

    source: SourceFile
    pages: tuple[PageInfo, ...]
    meeting: MeetingHeader
    attendance: tuple[Attendee, ...]
    sections: tuple[Section, ...]
    signatories: tuple[Signatory, ...]
    entities: tuple[Entity, ...] = ()
    warnings: tuple[str, ...] = field(default=())
    # How sure the reading is that the document is minutes, 0–1, from the signs of minutes it
    # shows (pipeline/parse/evidence.py); None for minutes built in code rather than read.
    confidence: float | None = None
    votes: tuple[VoteEvent, ...] = ()
    dissents: tuple[Dissent, ...] = ()
    notice: Notice | None = None

    @property
    def ocr_pages(self) -> tuple[int, ...]:
        return tuple(p.number for p in self.pages if p.method is PageMethod.OCR)

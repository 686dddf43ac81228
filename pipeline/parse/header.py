"""The meeting header: organization, body, date, times, place, and whether it met remotely."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.nlp.dates import (
    SINGLE_TIME,
    TIME_RANGE,
    parse_date,
    parse_times,
    without_dates,
)
from pipeline.parse.lines import labelled_fields
from pipeline.records import Line, MeetingHeader
from pipeline.vocabulary.meeting import (
    BODY_LABELS,
    BODY_NOUN,
    CLOSED,
    DATE_LABELS,
    MEETING_BODIES,
    OPENED,
    ORGANIZATION_NOUN,
    PLACE_LABELS,
    PLANNED_OPENING,
    QUORUM_OF_BODY,
    REMOTE_MARKERS,
    TIME_AND_PLACE_LABELS,
)

HEADER_LABELS = DATE_LABELS | PLACE_LABELS | TIME_AND_PLACE_LABELS | BODY_LABELS

# "Protokoll fört vid sammanträde med arbetsutskottet, RAR i Sörmland"
MEETING_OF = re.compile(
    r"(?:sammanträde|möte|sammankomst)\s+(?:med|i|för)\s+(?P<body>.+?)"
    r"(?:\s*,\s*|\s+(?:för|i|inom|vid)\s+)(?P<org>[A-ZÅÄÖ].+?)\s*$",
    re.IGNORECASE,
)
# "Styrelsemöte i Python Sverige", "Årsmöte för Långasands Byalag"
MEETING_WORD_OF = re.compile(
    r"(?P<word>" + "|".join(sorted(MEETING_BODIES, key=len, reverse=True)) + r")\w*"
    r"(?:\s+\d+)?(?:(?:\s+(?:i|för|med|inom)\s+|\s+[-–—|]\s+)(?P<org>[A-ZÅÄÖ][^,.;:]+))?",
    re.IGNORECASE,
)
# "Styrelsen för Y"
BODY_FOR = re.compile(
    r"\b(?P<body>[\wåäö]*(?:styrelsen|nämnden|utskottet|fullmäktige|stämman))\s+(?:för|i)\s+"
    r"(?P<org>[A-ZÅÄÖ][^,.;:]+)",
    re.IGNORECASE,
)
RUNNING_NOISE = re.compile(
    r"\b(?:protokoll|sammanträdesprotokoll|minutes|sida|page)\b|\d+\s*\(\d+\)|[\d\-./:]{4,}|\b\d+\b",
    re.IGNORECASE,
)
TITLE_LINES = 4
TITLE_ORGANIZATION_MAX_WORDS = 6
DOCUMENT_KIND = re.compile(
    r"(?:sammanträdes|mötes|års|styrelse)?protokoll", re.IGNORECASE
)  # a title runs over a few lines at most, before the first field


def parse_header(
    preamble: Sequence[Line], running_lines: Sequence[str] = (), body_text: str = ""
) -> MeetingHeader:
    """The header from the preamble; running page headers and the minutes' own account of
    opening and closing the meeting fill what the preamble leaves open."""
    fields = labelled_fields(unfold_label_rows(preamble), HEADER_LABELS)
    organization, body = parse_title(preamble)
    stated_body = next((f.value for f in fields if f.label in BODY_LABELS and f.value), None)
    if stated_body:
        body = _body_of(stated_body) or stated_body.casefold()
    if body is None:
        body = body_of_quorum(body_text)
    if organization is None:
        organization = organization_of(running_lines)
    when = " ".join(f.value for f in fields if f.label in DATE_LABELS | TIME_AND_PLACE_LABELS)
    place = next((f.value for f in fields if f.label in PLACE_LABELS and f.value), None)
    if place is None:
        place = next(
            (_place_after_time(f.value) for f in fields if f.label in TIME_AND_PLACE_LABELS), None
        )
    preamble_text = " ".join(line.text for line in preamble)
    meeting_date = parse_date(when) or parse_date(preamble_text)
    start, end = parse_times(without_dates(when))
    header = MeetingHeader(
        organization,
        body,
        meeting_date,
        start,
        end,
        place or None,
        bool(REMOTE_MARKERS.search(preamble_text)),
    )
    return with_actual_times(header, body_text, had_range=end is not None)


def unfold_label_rows(preamble: Sequence[Line]) -> list[Line]:
    """A row of labels over a row of values, as a header table is often laid out ("Datum<TAB>
    Plats" over "2023-05-02 kl 18 Bygdegården"), read as "Label: value" lines."""
    out: list[Line] = []
    index = 0
    while index < len(preamble):
        line = preamble[index]
        labels = [c.strip().rstrip(":").casefold() for c in line.text.split("\t") if c.strip()]
        below = preamble[index + 1] if index + 1 < len(preamble) else None
        if len(labels) < 2 or not set(labels) <= HEADER_LABELS or below is None:
            out.append(line)
            index += 1
            continue
        values = [c.strip() for c in below.text.split("\t") if c.strip()]
        if len(values) == len(labels):
            out += [replace(below, text=f"{k}: {v}") for k, v in zip(labels, values, strict=True)]
        elif labels[-1] in PLACE_LABELS and set(labels[:-1]) <= DATE_LABELS:
            out.append(replace(below, text=f"tid och plats: {below.text.strip()}"))
        else:
            out.append(line)
            index += 1
            continue
        out.append(replace(below, text=""))  # the row of values ends the fields
        index += 2
    return out


def with_actual_times(header: MeetingHeader, text: str, *, had_range: bool) -> MeetingHeader:
    """Times the minutes record ("Mötet öppnades 17.32") over a header's announced start."""
    if had_range or not text:
        return header
    opened, closed = OPENED.search(text), CLOSED.search(text)
    if opened is None and header.start_time is None:
        opened = PLANNED_OPENING.search(text)
    start = f"{int(opened['h']):02d}:{opened['m']}" if opened else header.start_time
    end = f"{int(closed['h']):02d}:{closed['m']}" if closed else header.end_time
    return replace(header, start_time=start, end_time=end)


def parse_title(preamble: Sequence[Line]) -> tuple[str | None, str | None]:
    """Organization and body from the title lines above the first field."""
    title_lines: list[str] = []
    for line in preamble:
        text = line.text.strip()
        if ((":" in text or "\t" in text) and title_lines) or len(title_lines) >= TITLE_LINES:
            break
        if text:
            title_lines.append(text)
    stacked = _stacked_title(title_lines)
    if stacked is not None:
        return stacked
    title = " ".join(title_lines)
    match = MEETING_OF.search(title)
    if match:
        return match["org"].strip(" ,."), match["body"].strip(" ,.")
    body_for = BODY_FOR.search(title)
    if body_for:
        return body_for["org"].strip(" ,."), body_for["body"].casefold()
    meeting = MEETING_WORD_OF.search(title)
    if meeting:
        org = meeting["org"].strip(" ,.") if meeting["org"] else None
        return org or _named_organization(title_lines), _body_of(meeting["word"])
    noun = BODY_NOUN.search(title)
    return _named_organization(title_lines), (noun.group(0) if noun else None)


def _named_organization(title_lines: Sequence[str]) -> str | None:
    """A title line that is nothing but the association's name ("EKBACKENS BYALAG")."""
    for line in title_lines:
        words = line.split()
        if (
            1 <= len(words) <= TITLE_ORGANIZATION_MAX_WORDS
            and ORGANIZATION_NOUN.search(line)
            and not DOCUMENT_KIND.search(line)
            and not _body_of(line)
            and not any(ch.isdigit() for ch in line)
        ):
            return line.strip(" ,.")
    return None


def _stacked_title(title_lines: Sequence[str]) -> tuple[str | None, str | None] | None:
    """Organization, "SAMMANTRÄDESPROTOKOLL", body: a municipal title block, line by line."""
    for index, line in enumerate(title_lines):
        if DOCUMENT_KIND.fullmatch(line.strip()) and 0 < index < len(title_lines) - 1:
            body = title_lines[index + 1].strip()
            if BODY_NOUN.search(body) or _body_of(body):
                return title_lines[index - 1].strip(), _body_of(body) or body
    return None


def body_of_quorum(text: str) -> str | None:
    """The body whose quorum the minutes establish ("Styrelsen är beslutsmässig")."""
    match = QUORUM_OF_BODY.search(text)
    if match is None:
        return None
    return (match["possessive"] or match["subject"]).casefold()


def organization_of(running_lines: Sequence[str]) -> str | None:
    """The organization named in a running page header ("Långasands Byalag PROTOKOLL 1 (3)")."""
    for line in running_lines:
        name = " ".join(RUNNING_NOISE.sub(" ", line).split()).strip(" ,.-–|")
        words = name.split()
        if 1 <= len(words) <= 6 and words[0][:1].isupper() and not BODY_NOUN.fullmatch(name):
            return name
    return None


def _body_of(word: str) -> str | None:
    key = " ".join(word.casefold().split())
    for meeting_word, body in MEETING_BODIES.items():
        if key.startswith(meeting_word):
            return body
    return None


def _place_after_time(value: str) -> str:
    """ "2017-02-09 kl 9-11.30, Hotell Malmköping" → "Hotell Malmköping"."""
    rest = SINGLE_TIME.sub(" ", TIME_RANGE.sub(" ", without_dates(value)))
    return rest.strip(" ,;.-–")

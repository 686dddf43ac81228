"""The meeting header: organization, body, date, times, place, and whether it met remotely."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.dates import TIME_RANGE, parse_date, parse_times, without_dates
from pipeline.parse.lines import labelled_fields
from pipeline.parse.vocabulary import (
    DATE_LABELS,
    PLACE_LABELS,
    REMOTE_MARKERS,
    TIME_AND_PLACE_LABELS,
)
from pipeline.records import Line, MeetingHeader

HEADER_LABELS = DATE_LABELS | PLACE_LABELS | TIME_AND_PLACE_LABELS

TITLE = re.compile(
    r"(?:sammanträde|möte|sammankomst)\s+(?:med|i|för)\s+(?P<body>.+?)"
    r"(?:\s*,\s*|\s+(?:för|i|inom|vid)\s+)(?P<org>[A-ZÅÄÖ].+?)\s*$",
    re.IGNORECASE,
)


def parse_header(preamble: Sequence[Line]) -> MeetingHeader:
    fields = labelled_fields(preamble, HEADER_LABELS)
    organization, body = parse_title(preamble)
    when = " ".join(f.value for f in fields if f.label in DATE_LABELS | TIME_AND_PLACE_LABELS)
    place = next((f.value for f in fields if f.label in PLACE_LABELS), None)
    if place is None:
        place = next(
            (_place_after_time(f.value) for f in fields if f.label in TIME_AND_PLACE_LABELS), None
        )
    meeting_date = parse_date(when) or parse_date(" ".join(line.text for line in preamble))
    start, end = parse_times(without_dates(when))
    remote = bool(REMOTE_MARKERS.search(" ".join(line.text for line in preamble)))
    return MeetingHeader(organization, body, meeting_date, start, end, place or None, remote)


def parse_title(preamble: Sequence[Line]) -> tuple[str | None, str | None]:
    """Organization and body from "Protokoll fört vid sammanträde med <body>, <organization>"."""
    title_lines: list[str] = []
    for line in preamble:
        text = line.text.strip()
        if ":" in text and title_lines:
            break
        if text:
            title_lines.append(text)
    match = TITLE.search(" ".join(title_lines))
    if not match:
        return None, None
    return match["org"].strip(" ,."), match["body"].strip(" ,.")


def _place_after_time(value: str) -> str:
    """ "2017-02-09 kl 9-11.30, Hotell Malmköping" → "Hotell Malmköping"."""
    rest = TIME_RANGE.sub(" ", without_dates(value))
    return rest.strip(" ,;.-–")

"""The meeting header: organization, body, date, times, place, and whether it met remotely."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from pipeline.parse.lines import labelled_fields
from pipeline.parse.vocabulary import (
    DATE_LABELS,
    MONTHS,
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
_MONTH = "|".join(MONTHS)
DATE_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"\b(?P<y>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\b"), "ymd"),
    (
        re.compile(
            rf"\b(?P<d>\d{{1,2}})(?::e|:a)?\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
            re.IGNORECASE,
        ),
        "d month y",
    ),
    (re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[ ./-]+(?P<y>(?:19|20)\d\d)\b"), "dmy"),
)
TIME_RANGE = re.compile(
    r"(?:\bkl(?:ockan)?\.?\s*)?(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s*[-–—]\s*"
    r"(?:kl\.?\s*)?(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?\b"
)
SINGLE_TIME = re.compile(r"\bkl(?:ockan)?\.?\s*(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\b")


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
    start, end = parse_times(_without_dates(when))
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


def parse_date(text: str) -> str | None:
    for pattern, _ in DATE_PATTERNS:
        for match in pattern.finditer(text):
            month_text = match["m"]
            month = MONTHS.get(month_text.casefold()) or int(month_text)
            try:
                return date(int(match["y"]), month, int(match["d"])).isoformat()
            except ValueError:
                continue
    return None


def parse_times(text: str) -> tuple[str | None, str | None]:
    match = TIME_RANGE.search(text)
    if match and _valid_time(match["h1"], match["m1"]) and _valid_time(match["h2"], match["m2"]):
        return _hhmm(match["h1"], match["m1"]), _hhmm(match["h2"], match["m2"])
    single = SINGLE_TIME.search(text)
    if single and _valid_time(single["h1"], single["m1"]):
        return _hhmm(single["h1"], single["m1"]), None
    return None, None


def _without_dates(text: str) -> str:
    for pattern, _ in DATE_PATTERNS:
        text = pattern.sub(" ", text)
    return text


def _place_after_time(value: str) -> str:
    """ "2017-02-09 kl 9-11.30, Hotell Malmköping" → "Hotell Malmköping"."""
    rest = TIME_RANGE.sub(" ", _without_dates(value))
    return rest.strip(" ,;.-–")


def _valid_time(hours: str, minutes: str | None) -> bool:
    return int(hours) < 24 and (minutes is None or int(minutes) < 60)


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"

"""Dates and times as Swedish minutes write them: 2017-02-09, 9 februari 2017, 4 april,
kl 9-11.30."""

from __future__ import annotations

import re
from datetime import date

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
_MONTH = "|".join(MONTHS)
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\b(?P<y>(?:19|20)\d\d)[-./](?P<m>\d{1,2})[-./](?P<d>\d{1,2})\b"),
    re.compile(
        rf"\b(?P<d>\d{{1,2}})(?::e|:a)?\s+(?P<m>{_MONTH})\s+(?P<y>(?:19|20)\d\d)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\b(?P<d>\d{1,2})[./](?P<m>\d{1,2})[ ./-]+(?P<y>(?:19|20)\d\d)\b"),
)
# A day (or days) and a month with or without the year, as running text writes them:
# "4 april", "30-31 maj", "20:e maj", "21 januari 2013". Not for parse_date: no year.
DAY_MONTH = re.compile(
    rf"\b\d{{1,2}}(?::e|:a)?(?:\s*[-–]\s*\d{{1,2}}(?::e|:a)?)?\s+(?:{_MONTH})\b"
    r"(?:\s+(?:19|20)\d\d\b)?",
    re.IGNORECASE,
)
DATE_MENTIONS = (*DATE_PATTERNS, DAY_MONTH)  # a date in running text, for entities
TIME_RANGE = re.compile(
    r"(?:\bkl(?:ockan)?\.?\s*)?(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\s*[-–—]\s*"
    r"(?:kl\.?\s*)?(?P<h2>\d{1,2})(?:[.:](?P<m2>\d{2}))?\b"
)
# "kl 18.30", "kl. 9", or a bare "11:00" (a colon makes a time; a dot alone may be a decimal)
SINGLE_TIME = re.compile(
    r"\bkl(?:ockan)?\.?\s*(?P<h1>\d{1,2})(?:[.:](?P<m1>\d{2}))?\b"
    r"|(?<![\d.:])(?P<h2>\d{1,2}):(?P<m2>\d{2})\b"
)


def parse_date(text: str) -> str | None:
    for pattern in DATE_PATTERNS:
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
    if single:
        hours, minutes = single["h1"] or single["h2"], single["m1"] or single["m2"]
        if _valid_time(hours, minutes):
            return _hhmm(hours, minutes), None
    return None, None


def without_dates(text: str) -> str:
    for pattern in DATE_PATTERNS:
        text = pattern.sub(" ", text)
    return text


def _valid_time(hours: str, minutes: str | None) -> bool:
    return int(hours) < 24 and (minutes is None or int(minutes) < 60)


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"

"""Dates and times as Swedish minutes write them: 2017-02-09, 9 februari 2017, 25/11 2013,
30.10.2019, 20141114, "27- 28 januari 2007", "tisdagen den 20:e december", kl 9-11.30,
"klockan 08.30 12.30"."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from pipeline.vocabulary.header import MONTH_ABBREVIATIONS, MONTHS, WEEKDAYS

_MONTH = "|".join(MONTHS)
# Older patterns that the entity rules match dates and times with (pipeline.nlp.ruler).
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

# The meeting's weekday before its date: "tisdagen den 9 juni", "Fredag 10 september".
_WEEKDAY = rf"(?:(?P<weekday>{'|'.join(WEEKDAYS)})(?:en)?\s+(?:den\s+)?)?"
_YEAR = r"(?:19|20)\d\d"
_NAMED_MONTH = "|".join([*MONTHS, *sorted(MONTH_ABBREVIATIONS, key=len, reverse=True)])
# The second day of a two-day meeting, which the first day stands for: "27- 28 januari",
# "8 9 maj" (the dash lost), "1 och 2 mars", "2005-11-22--23".
_SECOND_DAY = r"(?:\s*(?:[-–]|och|&)?\s*\d{1,2}(?::[ae])?)?"
_DATE_FORMS = (
    re.compile(
        rf"{_WEEKDAY}(?<![\d/])(?P<y>{_YEAR})\s?(?P<sep>[-./])\s?(?P<m>\d{{1,2}})\s?(?P=sep)\s?"
        r"(?P<d>\d{1,2})(?:--?\d{1,2})?(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_WEEKDAY}(?<![\w.:/])(?P<d>\d{{1,2}})(?::[ae])?{_SECOND_DAY}\s+"
        rf"(?P<m>{_NAMED_MONTH})\b\.?(?:\s*,?\s+(?P<y>{_YEAR})\b)?",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_WEEKDAY}(?<![\d.:/,])(?P<d>\d{{1,2}})(?P<sep>[./])(?P<m>\d{{1,2}})"
        rf"(?:(?P=sep)|\s+|-)(?P<y>{_YEAR})(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(
        rf"{_WEEKDAY}(?<!\d)(?P<y>{_YEAR})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?!\d)",
        re.IGNORECASE,
    ),
)


@dataclass(frozen=True)
class DateMention:
    """A date as written, and where: `year` is None where the text leaves it out ("tisdagen den
    20 december"); `weekday` (Monday 0) is the one written beside it."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    weekday: int | None = None

    @property
    def iso(self) -> str | None:
        return self.in_year(self.year) if self.year else None

    def in_year(self, year: int) -> str | None:
        """The date in `year`, if it exists and falls on the weekday written beside it."""
        try:
            day = date(year, self.month, self.day)
        except ValueError:
            return None
        if self.weekday is not None and day.weekday() != self.weekday:
            return None
        return day.isoformat()


def find_dates(text: str) -> list[DateMention]:
    """Every date the text writes, in text order; a day and month without a year only when the
    month is written out in full."""
    found: list[DateMention] = []
    for form in _DATE_FORMS:
        for match in form.finditer(text):
            mention = _mention(match)
            if mention is not None:
                found.append(mention)
    found.sort(key=lambda m: (m.start, -m.end))
    kept: list[DateMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def _mention(match: re.Match[str]) -> DateMention | None:
    month_text = match["m"].casefold()
    month = MONTHS.get(month_text) or MONTH_ABBREVIATIONS.get(month_text) or int(month_text)
    year = int(match["y"]) if match["y"] else None
    if month_text in MONTH_ABBREVIATIONS and year is None:
        return None
    try:  # a leap year lets "29 februari" stand without its year
        date(year or 2000, month, int(match["d"]))
    except ValueError:
        return None
    # a weekday beside a full date says nothing more; one beside a day and month finds the year
    weekday = WEEKDAYS[match["weekday"].casefold()] if match["weekday"] and not year else None
    return DateMention(match.start(), match.end(), int(match["d"]), month, year, weekday)


def parse_date(text: str) -> str | None:
    """The first complete date the text writes, as ISO 8601."""
    return next((m.iso for m in find_dates(text) if m.iso), None)


def despaced_digits(text: str) -> str:
    """Digits that a per-glyph text layer set apart joined again: "2 0 1 9- 1 1 - 1 2"."""
    return re.sub(r"(?<=\d) (?=\d)", "", text)


_HOUR = r"(?:[01]?\d|2[0-3])"
_MINUTE = r"[0-5]\d"
_CLOCK = r"\bkl(?:ockan|\.)?\s*"
# A clock time ends where no digit follows: "17:29:39" is a stopwatch, "12.000" an amount.
_END = r"(?!\d|[.:,]\d)"
_TIME_SPAN = re.compile(
    rf"(?P<kl>{_CLOCK})?(?<![\d.:/,-])(?P<h1>{_HOUR})(?:[.:](?P<m1>{_MINUTE}))?"
    rf"(?P<sep>\s*(?:[-–—]|till)\s*|\s+)(?:{_CLOCK})?(?P<h2>{_HOUR})(?:[.:](?P<m2>{_MINUTE}))?{_END}",
    re.IGNORECASE,
)
_TIME_POINT = re.compile(
    rf"(?P<kl>{_CLOCK})(?P<h>{_HOUR})(?:[.:](?P<m>{_MINUTE}))?{_END}"
    rf"|(?<![\d.:/,-])(?P<bh>{_HOUR})(?P<sep>[.:])(?P<bm>{_MINUTE}){_END}",
    re.IGNORECASE,
)
# OCR reads a zero as the letter: "13.3 O- 17.20". Replaced by as many characters.
_LETTER_ZERO = re.compile(r"(?<=[.:]\d) ?[Oo](?![\wåäöÅÄÖ])")


@dataclass(frozen=True)
class TimeMention:
    """A clock time or a span of two, and where. `marked` is a time written as one: after "kl"
    or "klockan", with a colon, or as a span; a bare "19.00" may be a decimal."""

    start: int
    end: int
    begin: str  # HH:MM
    finish: str | None
    marked: bool


def find_times(text: str) -> list[TimeMention]:
    """Every clock time and span the text writes, in text order."""
    text = _LETTER_ZERO.sub(lambda m: "0".ljust(len(m[0])), text)
    found: list[TimeMention] = []
    for match in _TIME_SPAN.finditer(text):
        marked = bool(match["kl"])
        if match["sep"].strip() == "" and not (marked and match["m1"] and match["m2"]):
            continue  # "08.30 12.30" is a span only after "klockan"
        if not marked and not (match["m1"] and match["m2"]):
            continue  # "8-9" after a title is a § range, not an hour
        begin, finish = _hhmm(match["h1"], match["m1"]), _hhmm(match["h2"], match["m2"])
        found.append(TimeMention(match.start(), match.end(), begin, finish, True))
    for match in _TIME_POINT.finditer(text):
        if match["kl"]:
            found.append(
                TimeMention(match.start(), match.end(), _hhmm(match["h"], match["m"]), None, True)
            )
        else:
            begin = _hhmm(match["bh"], match["bm"])
            found.append(TimeMention(match.start(), match.end(), begin, None, match["sep"] == ":"))
    found.sort(key=lambda t: (t.start, -t.end))
    kept: list[TimeMention] = []
    for mention in found:
        if not kept or mention.start >= kept[-1].end:
            kept.append(mention)
    return kept


def parse_times(text: str) -> tuple[str | None, str | None]:
    """The first span, else the first time written as one."""
    times = find_times(text)
    span = next((t for t in times if t.finish), None)
    if span:
        return span.begin, span.finish
    point = next((t for t in times if t.marked), None)
    return (point.begin, None) if point else (None, None)


def _hhmm(hours: str, minutes: str | None) -> str:
    return f"{int(hours):02d}:{minutes or '00'}"

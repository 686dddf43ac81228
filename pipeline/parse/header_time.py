"""When the meeting was held: its date among the dates of the header, and the times it opened and
closed, from the header's fields, its title and the minutes' own account of the meeting."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum

from pipeline.nlp.dates import DateMention, TimeMention, despaced_digits, find_dates, find_times
from pipeline.parse.header_fields import TIME_LABELS, HeaderField
from pipeline.vocabulary.header import (
    CLOSING,
    CLOSING_HEADING,
    MEETING_DATE_LABEL,
    MEETING_DATE_TITLE,
    MEETING_DATE_WORD,
    MINUTES_FORMULA,
    OPENING,
    OPENING_HEADING,
    OTHER_DATE_CUE,
    OTHER_MEETING_WORDS,
    PLANNED_OPENING,
)

DATE_CUE_CHARS = 80  # the label or title words that tell whose date it is come just before it
ADJACENT_TIME_CHARS = 40  # "den 29 augusti kl. 14.00-16.50": the time follows its date
STATEMENT_TIME_CHARS = 60  # "Mötet öppnades av ordföranden klockan 18.02"
# The title, and a web page's copy of it, stand at the top: there the meeting's name before the
# first date makes it the meeting's; after it, or further down, it is running text ("Styrelsen
# annonserar stämman 2025-10-16").
TITLE_CHARS = 250
YEAR = re.compile(r"(?<![\d/.-])(?:19|20)\d\d(?![\d/])")
# "Nästa möte öppnas 18.00" is about another meeting.
ANOTHER_MEETING = re.compile(rf"\b(?:{'|'.join(OTHER_MEETING_WORDS)})\s+$", re.IGNORECASE)
TIME_GAP = re.compile(r"[\s,:–-]*")  # what may stand between a date or heading and its time


class Cue(IntEnum):
    """What the words before a date say about it, best first."""

    MEETING = 0  # a date label or the title; the meeting or its body before the title's date
    NONE = 1
    MENTIONED = 2  # the minutes' running text about a meeting or minutes
    OTHER = 3  # the adjustment, the notice board, another meeting, a deadline


@dataclass(frozen=True)
class MeetingDate:
    iso: str
    ends: tuple[int, ...] = ()  # where its mentions end in the header text: the time follows


def meeting_date(zone: str, running: str = "", document: str = "") -> MeetingDate | None:
    """The meeting's date, best first: one the header cues as the meeting's; one a running page
    header cues so; a date in the title; one in a running header; the first date the minutes
    write, when nothing marks it as another. The first day stands for a meeting of two; a day
    and month without a year take the year only when the document leaves no doubt about it."""
    years = {int(y) for y in YEAR.findall(f"{document}\n{zone}\n{running}")}
    mentions = find_dates(zone)
    if not mentions and (spaced := find_dates(despaced := despaced_digits(zone))):
        zone, mentions = despaced, spaced  # digits set apart: "K o d 2 0 1 3 1 02 3"
    dated = _dated(zone, years, mentions)
    in_running = _dated(running, years)
    ranked: list[list[tuple[str, DateMention | None]]] = [
        [(iso, m) for cue, iso, m in dated if cue is Cue.MEETING],
        [(iso, None) for cue, iso, _ in in_running if cue is Cue.MEETING],
        [(iso, m) for cue, iso, m in dated if cue is Cue.NONE and m.start < TITLE_CHARS],
        [(iso, None) for cue, iso, _ in in_running if cue is Cue.NONE],
        [(iso, m) for cue, iso, m in dated[:1] if cue is Cue.NONE],
    ]
    for tier in ranked:
        if tier:
            chosen, mention = tier[0]
            ends = tuple(m.end for cue, iso, m in dated if iso == chosen)
            return MeetingDate(chosen, ends if mention else ())
    return None


def _dated(
    text: str, years: set[int], mentions: list[DateMention] | None = None
) -> list[tuple[Cue, str, DateMention]]:
    """The dates of `text` (its `mentions`, when already found) that can be completed, each
    with its cue."""
    out: list[tuple[Cue, str, DateMention]] = []
    previous_end = 0
    for mention in find_dates(text) if mentions is None else mentions:
        before = text[max(previous_end, mention.start - DATE_CUE_CHARS) : mention.start]
        cue = _cue(before, in_title=mention.start < TITLE_CHARS, first=not out)
        previous_end = mention.end
        iso = _complete(mention, cue, years)
        if iso and cue is not Cue.OTHER:
            out.append((cue, iso, mention))
    return out


def _cue(before: str, *, in_title: bool, first: bool) -> Cue:
    """What the words before a date say it is. The nearest cue that makes it another date
    wins over any farther one, and a tie, as "nästa" does in "nästa möte" and "justeringens" in
    "Justeringens plats och tid". Else a label makes it the meeting's anywhere in the header,
    and so does the title's formula ("Protokoll fört vid"); the kind of document does in the
    title, the meeting or its body before the title's first date. Further down they are the
    minutes' running text ("Protokoll från 2019-09-04 lades till handlingarna", "annonserar
    stämman 2025-10-16"): a date they mention is none the header gives."""
    labels = [m for m in MEETING_DATE_LABEL.finditer(before) if _written_as_label(before, m)]
    kinds = [m for m in MEETING_DATE_TITLE.finditer(before) if _written_as_label(before, m)]
    words = [*MEETING_DATE_WORD.finditer(before)]
    meeting = max((m.end() for m in labels + kinds + words), default=-1)
    other = max((m.end() for m in OTHER_DATE_CUE.finditer(before)), default=-1)
    if other >= 0 and other >= meeting:
        return Cue.OTHER
    valid = [*labels, *MINUTES_FORMULA.finditer(before)]
    valid += (kinds if in_title else []) + (words if in_title and first else [])
    if valid:
        return Cue.MEETING
    return Cue.MENTIONED if meeting >= 0 else Cue.NONE


def _written_as_label(text: str, match: re.Match[str]) -> bool:
    """ "Datum: 2023-05-02", "Sammanträdesdatum 2023-05-02", "PROTOKOLL 2023-05-02"; not "…
    bestämmer datum för dessa" in running text."""
    return match[0][:1].isupper() or text[match.end() : match.end() + 1] == ":"


def _complete(mention: DateMention, cue: Cue, years: set[int]) -> str | None:
    if mention.iso:
        return mention.iso
    fitting = {iso for year in years if (iso := mention.in_year(year))}
    if len(fitting) == 1 and (
        mention.weekday is not None or (cue is Cue.MEETING and len(years) == 1)
    ):
        return fitting.pop()
    return None


def meeting_times(
    zone: str,
    fields: Sequence[HeaderField],
    date: MeetingDate | None,
    document: str,
) -> tuple[str | None, str | None]:
    """Start and end: a span the header gives; else the minutes' own account of opening and
    closing the meeting over the header's announced start, over an opening it planned."""
    announced = _header_time(zone, fields, date)
    if announced and announced.finish:
        return announced.begin, announced.finish
    opened_at, opened = _statement_time(document, OPENING, OPENING_HEADING)
    planned = _statement_time(document, PLANNED_OPENING, None)[1]
    start = opened or (announced.begin if announced else None) or planned
    closed = _statement_time(document[opened_at:], CLOSING, CLOSING_HEADING)[1]
    if start and closed and closed <= start:
        closed = None  # an opening time is never the end, nor is anything before it
    return start, closed


def _header_time(
    zone: str, fields: Sequence[HeaderField], date: MeetingDate | None
) -> TimeMention | None:
    """The time a time field gives, else the time written right after the meeting's date."""
    for field in fields:
        if field.label in TIME_LABELS:
            time = _field_time(field.value)
            if time:
                return time
    for end in date.ends if date else ():
        window = zone[end : end + ADJACENT_TIME_CHARS]
        times = find_times(window)
        if times and TIME_GAP.fullmatch(window[: times[0].start]):
            return times[0]
    return None


def _field_time(value: str) -> TimeMention | None:
    times = find_times(value)
    span = next((t for t in times if t.finish), None)
    if span:
        return span
    marked = next((t for t in times if t.marked), None)
    if marked:
        return marked
    # a bare "19.00" is a time where a time field opens with it, or right after the date
    dates = find_dates(value)
    after = [0, *(d.end for d in dates)]
    return next((t for t in times if TIME_GAP.fullmatch(_between(value, after, t.start))), None)


def _between(value: str, starts: Sequence[int], end: int) -> str:
    start = max((s for s in starts if s <= end), default=0)
    return value[start:end]


def _statement_time(
    text: str, phrase: re.Pattern[str], heading: re.Pattern[str] | None
) -> tuple[int, str | None]:
    """Where the first sentence that records the moment ends, and its time: "Mötet öppnades
    kl. 18.52", "förklarade mötet avslutat klockan 20:37", a heading "Mötets öppnande 12:16"."""
    found: list[tuple[int, int, str]] = []
    for match in phrase.finditer(text):
        if ANOTHER_MEETING.search(text[max(0, match.start() - 20) : match.start()]):
            continue
        window = text[match.end() : match.end() + STATEMENT_TIME_CHARS]
        for time in find_times(window):
            if "." in window[: time.start] or "\n" in window[: time.start]:
                break  # the sentence ended before a time
            found.append((match.start(), match.end() + time.end, time.begin))
            break
    for match in heading.finditer(text) if heading else ():
        window = text[match.end() : match.end() + ADJACENT_TIME_CHARS]
        times = find_times(window)
        if times and TIME_GAP.fullmatch(window[: times[0].start]):
            found.append((match.start(), match.end() + times[0].end, times[0].begin))
    if not found:
        return 0, None
    _, end, moment = min(found)
    return end, moment

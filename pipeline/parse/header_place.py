"""Where the meeting was held: a place field without its date and time ("Plats och tid
Sessionssalen, Gamla kommunhuset, onsdag den 29 augusti kl. 14.00" → "Sessionssalen, Gamla
kommunhuset"), or the place the title names after the date ("… 2019-10-15 på biblioteket")."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.dates import find_dates, find_times
from pipeline.parse.header_fields import TIME_LABELS, WHERE_LABELS, HeaderField, label_matches
from pipeline.vocabulary.header import (
    CLOCK_WORDS,
    DAY_ARTICLE,
    KEPT_PREPOSITIONS,
    OPENING,
    OPENING_HEADING,
    PLACE_ENDS,
    PLACE_PREPOSITIONS,
    WEB_CHROME,
    WEEKDAYS,
)

PLACE_MAX_CHARS = 80
PLACE_MAX_WORDS = 10
AFTER_DATE_CHARS = 140
# "Storlek: px", "Öppnar mötet", "Mötets öppnande", "§ 1": no longer the place.
PLACE_FOLLOWERS = re.compile(
    rf"\s(?:[A-ZÅÄÖ][\wåäö]+:|§|{OPENING.pattern}|{OPENING_HEADING.pattern}|{WEB_CHROME.pattern})",
    re.IGNORECASE,
)
# What is left of a time once its digits are gone, and the weekday and "den" of a date.
_TIME_WORD = re.compile(
    rf"\b(?:(?:{'|'.join(CLOCK_WORDS)})\.?|{DAY_ARTICLE}|(?:{'|'.join(WEEKDAYS)})(?:en)?)(?![\wåäö])",
    re.IGNORECASE,
)
_CLOCK = rf"(?:{'|'.join(CLOCK_WORDS)})\.?(?![\wåäö])"
# After the date of a title: its time, then a preposition and the place, or a comma and it.
AFTER_DATE = re.compile(
    rf"^(?P<sep>[\s,]*)(?:{_CLOCK}[\s,]*)?(?P<prep>(?:{'|'.join(PLACE_PREPOSITIONS)})\s+)?"
    r"(?P<place>[^\n\"”.]+)",
    re.IGNORECASE,
)
# "Storlek: px", "Öppnar mötet", "Mötets öppnande", "§ 1": no longer the place.
PLACE_FOLLOWERS = re.compile(
    rf"\s(?:[A-ZÅÄÖ][\wåäö]+:|§|{OPENING.pattern}|{OPENING_HEADING.pattern}|{WEB_CHROME.pattern})",
    re.IGNORECASE,
)
ITEM_NUMBER_AFTER = re.compile(r"\s\d{1,2}\.$")  # "Bygdegården 1." runs into "1. Mötets öppnande"
_PREPOSITION = re.compile(rf"^(?:{'|'.join(PLACE_PREPOSITIONS)})\s+", re.IGNORECASE)


def meeting_place(zone: str, fields: Sequence[HeaderField], date_ends: Sequence[int]) -> str | None:
    """The place a place field gives, else the one the title writes after the date."""
    for field in fields:
        if field.label in WHERE_LABELS:
            place = _field_place(field)
            if place:
                return place
    for end in date_ends:
        place = _place_after_date(zone[end : end + AFTER_DATE_CHARS])
        if place:
            return place
    return None


def _field_place(field: HeaderField) -> str | None:
    """The value without its date and time: before them when the place comes first, after them
    when the date does, as when a flattened row prints "Datum Plats" over "2023-07-25 kl 09.00
    Kilagårds Gröna"."""
    value = field.value
    marks = sorted(
        [(m.start, m.end) for m in find_dates(value)]
        + [(t.start, t.end) for t in find_times(value)]
        + [(m.start(), m.end()) for m in _TIME_WORD.finditer(value)]
    )
    if not marks:
        return _clean(value)
    time_labels_before = field.run[: field.run.index(field.label)]
    place_first = not any(label in TIME_LABELS - WHERE_LABELS for label in time_labels_before)
    before = value[: marks[0][0]]
    if place_first and _clean(before):
        return _clean(before)
    return _clean(value[max(end for _, end in marks) :])


def _place_after_date(text: str) -> str | None:
    """ "… den 26 februari 2015 kl. 19.00 i Uppgården", "… 28 februari 2019, Q24."."""
    times = find_times(text)
    if times and not text[: times[0].start].strip(" ,"):
        text = text[times[0].end :]
    match = AFTER_DATE.match(text)
    if match is None or not (match["prep"] or "," in match["sep"]):
        return None
    place = match["place"]
    labels = label_matches(place)
    if labels:
        place = place[: labels[0].start()]
    place = _clean(place)
    if place is None or not place[0].isalpha():
        return None
    preposition = (match["prep"] or "").strip().casefold()
    return f"{preposition} {place}" if preposition in KEPT_PREPOSITIONS else place


def _clean(text: str) -> str | None:
    text = " ".join(text.split())
    # what follows a place on a page printed as one line: a label, the opening, an item
    end = PLACE_FOLLOWERS.search(text)
    text = PLACE_ENDS.sub("", text[: end.start()] if end else text)
    text = ITEM_NUMBER_AFTER.sub("", text).strip(" ,;:-–")
    if not text.casefold().startswith(KEPT_PREPOSITIONS):
        text = _PREPOSITION.sub("", text).strip(" ,;:-–")
    if not text or not any(ch.isalpha() for ch in text):
        return None
    if len(text) > PLACE_MAX_CHARS or len(text.split()) > PLACE_MAX_WORDS:
        return None
    return text

"""Partial presence written as bare numbers after a name: "ekonom 8-9", "VD Bolaget AB 132",
"Per Lund, 189", "Kl , 355, 356".

Lists of officials and guests often drop the "§" before the items someone attended. A number
at the end of a person's row is read as items only when every number in it is an item of the
document's own numbering; a page number or a year is not. A chair's number is the range they
chaired, not their presence, and is left where it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from pipeline.records import Attendee, Role

_ITEM = r"\d{1,4}"
# One or more item numbers or ranges at the end of a text: "8-9", "355, 356", "94-97 och 99".
TRAILING_ITEMS = re.compile(
    rf"(?:^|[\s,])(?P<items>{_ITEM}(?:\s*[-–]\s*{_ITEM})?"
    rf"(?:\s*(?:,|\boch\b)\s*{_ITEM}(?:\s*[-–]\s*{_ITEM})?)*)\s*[.,]?\s*$"
)
NUMBER = re.compile(_ITEM)
CHAIRING = frozenset({Role.CHAIR, Role.VICE_CHAIR})
ITEM_MARGIN = 20
YEARS = (1900, 2099)
# A number after these is part of an address or a room, not an item.
ADDRESS_WORD = re.compile(
    r"(?:gatan|gata|vägen|väg|gränd|torget|plan|rum|box|våning|sal|hus)\W*$", re.IGNORECASE
)


def with_bare_items(attendance: Sequence[Attendee], numbers: Iterable[str]) -> list[Attendee]:
    """Attendees whose row ends in item numbers of this document, with those numbers read as
    the items they attended (`sections_present`) and taken out of the affiliation or notes."""
    known = {int(n) for n in numbers if n.isdigit()}
    return [_read(a, known) for a in attendance]


def _read(attendee: Attendee, known: set[int]) -> Attendee:
    if attendee.sections_present or CHAIRING & set(attendee.roles):
        return attendee
    numeric = [n for n in attendee.notes if TRAILING_ITEMS.fullmatch(n.strip())]
    if numeric and len(numeric) == len(attendee.notes) and _all_items(" ".join(numeric), known):
        return replace(attendee, notes=(), sections_present=_written(", ".join(numeric)))
    if attendee.affiliation:
        match = TRAILING_ITEMS.search(attendee.affiliation)
        before = attendee.affiliation[: match.start()] if match else ""
        if match and _all_items(match["items"], known) and not ADDRESS_WORD.search(before):
            rest = attendee.affiliation[: match.start()].strip(" ,") or None
            return replace(attendee, affiliation=rest, sections_present=_written(match["items"]))
    return attendee


def _all_items(text: str, known: set[int]) -> bool:
    """Every number an item of the document's numbering, or inside its span (an excerpt's
    items stop early: up to ITEM_MARGIN past the last); with no numbering read, any number
    that is not a year."""
    numbers = [int(n) for n in NUMBER.findall(text)]
    if not known:
        return all(not YEARS[0] <= n <= YEARS[1] for n in numbers)
    low, high = min(known), max(known) + ITEM_MARGIN
    return all(n in known or low <= n <= high for n in numbers)


def _written(items: str) -> str:
    """The numbers as the `sections_present` column writes them: "94-97, 99"."""
    items = re.sub(r"\s*(?:,|\boch\b)\s*", ", ", items)
    return re.sub(r"\s*[-–]\s*", "-", items).strip(" ,")

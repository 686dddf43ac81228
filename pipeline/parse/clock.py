"""The clock times minutes give for their §§, so that presence by the clock ("till kl. 16.15")
can be read per §. Only a time the minutes write counts: a time at the start of a § ("§ 12
Detaljplan kl. 16.20"), or the resumption that closes the § before it ("Ajournering kl.
12.00–13.00", "Mötet återupptas kl. 13.00"). A break noted within a § ("Sammanträdet ajourneras
kl 15.10") only says that the §§ after it started later; so does every time written before."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

_CLOCK = r"(?P<{0}h>\d{{1,2}})[.:](?P<{0}m>\d{{2}})\b"
# "kl. 12.00", "kl 12.00–13.00", "kl. 12.00 - kl. 13.00", "klockan 9.30"
TIMES = re.compile(
    r"\bkl(?:ockan|\.)?\s*" + _CLOCK.format("a") + r"(?:\s*[-–]\s*(?:kl(?:ockan|\.)?\s*)?"
    r"" + _CLOCK.format("b") + ")?",
    re.IGNORECASE,
)
BREAK = re.compile(r"\b(?:ajourn\w*|paus\w*|avbryt\w*|avbröts)", re.IGNORECASE)
RESUMED = re.compile(r"\b(?:återupp(?:tas|togs|tar)|återsamla\w*)", re.IGNORECASE)
# Where a § opens with its time: a line "Kl. 16.20" or the meeting (re)opened at that time.
OPENS = re.compile(r"^\s*(?:kl(?:ockan|\.)?\s*\d|.*\böppna\w*\b)", re.IGNORECASE)
DATE_BEFORE = re.compile(r"\d{4}-\d{2}-\d{2}[\s,]*$")


@dataclass(frozen=True)
class SectionClock:
    """When a § started: the time the minutes write for it, and the latest time it cannot have
    started before (written for it or for a § or break before it)."""

    started_at: str | None = None  # "16:20"
    starts_not_before: str | None = None


def section_clocks(sections: Sequence[tuple[str, str]]) -> list[SectionClock]:
    """The clock of each (title, text) §, in the order of the minutes."""
    clocks: list[SectionClock] = []
    carried: str | None = None  # a resumption closing the § before: the next one's start
    bound: str | None = None
    for title, text in sections:
        lines = [line for line in text.splitlines() if line.strip()]
        started = _latest(_times(title)) or carried or _opening(lines[:1])
        bound = _max(bound, started)
        clocks.append(SectionClock(started, bound))
        carried = None
        for index, line in enumerate(lines):
            if not (BREAK.search(line) or RESUMED.search(line)):
                continue
            times = _times(line)
            if not times:
                continue
            bound = _max(bound, _latest(times))
            last = index == len(lines) - 1
            resumed = _resumption(line)
            if last and resumed:
                carried = resumed
    return clocks


def _times(text: str) -> list[tuple[str, str | None]]:
    """The times in a line, each with the end of its range: ("12:00", "13:00")."""
    return [
        (_hhmm(m["ah"], m["am"]), _hhmm(m["bh"], m["bm"]) if m["bh"] else None)
        for m in TIMES.finditer(text)
        if not DATE_BEFORE.search(text, 0, m.start()) and _hhmm(m["ah"], m["am"])
    ]


def _opening(lines: list[str]) -> str | None:
    """The time a § opens with: "Kl. 16.20 Ordföranden öppnar sammanträdet"."""
    if not lines or not OPENS.search(lines[0]) or BREAK.search(lines[0]):
        return _resumption(lines[0]) if lines and RESUMED.search(lines[0]) else None
    return _latest(_times(lines[0]))


def _resumption(line: str) -> str | None:
    """When a break written in the line ended: "12.00–13.00" or "återupptas kl. 13.00"."""
    times = _times(line)
    ranged = [end for _, end in times if end]
    if BREAK.search(line) and ranged:
        return ranged[-1]
    match = RESUMED.search(line)
    if match:
        after = _times(line[match.start() :]) or _times(line)
        return after[-1][1] or after[-1][0] if after else None
    return None


def _latest(times: list[tuple[str, str | None]]) -> str | None:
    found = [end or start for start, end in times]
    return max(found) if found else None


def _max(a: str | None, b: str | None) -> str | None:
    return max(x for x in (a, b) if x) if a or b else None


def _hhmm(hours: str, minutes: str) -> str:
    """ "16:15"; "" for what no clock shows (25.70 is a number, not a time)."""
    h, m = int(hours), int(minutes)
    return f"{h:02d}:{m:02d}" if h < 24 and m < 60 else ""

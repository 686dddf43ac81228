"""The anslag block of synthetic minutes: when they were adjusted, posted on the notice board
and taken down, from which the appeal window of their decisions runs.

A week to adjust, posted on the next weekday, taken down after the three weeks of appeal.
The preparatory group's notes are no decisions of the organisation and are not posted.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from devtools.synth.world import BodyKind
from pipeline.vocabulary.notices import APPEAL_DAYS

if TYPE_CHECKING:
    from devtools.synth.meetings import Meeting

ADJUST_DAYS = 7  # as "Justeringens plats och tid" of the kommun style writes it
POSTED_DAYS = APPEAL_DAYS + 1  # the notice stays up a day past the appeal window


def posting(meeting: Meeting) -> dict[str, str] | None:
    """Adjusted, posted and taken down, and the appeal deadline, as ISO dates; None for the
    preparatory group."""
    if meeting.body is BodyKind.PREPARATORY_GROUP:
        return None
    adjusted = meeting.day + timedelta(days=ADJUST_DAYS)
    posted = _weekday(adjusted + timedelta(days=1))
    return {
        "adjusted_on": adjusted.isoformat(),
        "posted_on": posted.isoformat(),
        "taken_down_on": (posted + timedelta(days=POSTED_DAYS)).isoformat(),
        "appeal_deadline": (posted + timedelta(days=APPEAL_DAYS)).isoformat(),
    }


def notice_block(meeting: Meeting, notice: dict[str, str]) -> list[str]:
    """The ANSLAG/BEVIS block after the signatures."""
    return [
        "ANSLAG/BEVIS\nProtokollet är justerat. Justeringen har tillkännagivits genom anslag.",
        f"Justerat den {notice['adjusted_on']}\n"
        f"Datum för anslags uppsättande: {notice['posted_on']}\n"
        f"Datum för anslags nedtagande: {notice['taken_down_on']}\n"
        f"Förvaringsplats för protokollet: Förbundskansliet, {meeting.organization.place}",
    ]


def _weekday(day: date) -> date:
    while day.weekday() > 4:
        day += timedelta(days=1)
    return day

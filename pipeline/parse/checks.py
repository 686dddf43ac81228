"""Warnings where the parser had to guess, so a reader knows which facts to check."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.names import fold, match_in_meeting
from pipeline.records import Attendee, MeetingHeader, Section, Signatory

HEADER_FIELDS = ("organization", "body", "date")


def guesses(
    header: MeetingHeader,
    listed: Sequence[Attendee],
    signatories: Sequence[Signatory],
    sections: Sequence[Section],
) -> list[str]:
    """Every place where the reading rests on a guess or a gap, as one line each."""
    warnings = [
        f"meeting {field} not found in the header"
        for field in HEADER_FIELDS
        if getattr(header, field) is None
    ]
    if not listed:
        warnings.append("no attendance list found")
    warnings += _signature_links(listed, signatories)
    warnings += _numbering_gaps(sections)
    if not sections:
        warnings.append("no numbered sections (§) found")
    return warnings


def _signature_links(listed: Sequence[Attendee], signatories: Sequence[Signatory]) -> list[str]:
    names = [a.name for a in listed]
    keys = {fold(n) for n in names}
    warnings = []
    for signatory in signatories:
        if fold(signatory.name) in keys:
            continue
        index = match_in_meeting(signatory.name, names)
        if index is None:
            warnings.append(
                f"signatory {signatory.name!r} is in no attendance list; counted as present"
            )
        else:
            warnings.append(
                f"signatory {signatory.name!r} read as the listed {names[index]!r} "
                "(spelling differs)"
            )
    return warnings


def _numbering_gaps(sections: Sequence[Section]) -> list[str]:
    """ "§ 5 follows § 3": a section may have been missed (or the minutes skip numbers)."""
    warnings = []
    previous: int | None = None
    for section in sections:
        if not re.fullmatch(r"\d+", section.number):
            continue
        number = int(section.number)
        if previous is not None and number > previous + 1:
            warnings.append(f"§ {number} follows § {previous}: numbering skips")
        previous = number
    return warnings

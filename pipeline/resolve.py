"""Person resolution: give every name a person id that is the same for its spelling variants.

Within a meeting, variants are already tied to one attendee by the parser (a signatory written
Sandgren signs as the listed Sandström). Across the archive, this first resolver ties names
whose folded form (case, diacritics, punctuation) is equal: Skålen, Skålén and Skälén are one.
The id is derived from that key, so re-ingesting or adding documents never renumbers people.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from pipeline.names import fold, match_in_meeting
from pipeline.records import Minutes

PERSON_ID_CHARS = 12


def person_id(name: str) -> str:
    return "p_" + hashlib.sha1(fold(name).encode("utf-8")).hexdigest()[:PERSON_ID_CHARS]


def resolve(minutes: Minutes) -> Minutes:
    attendance = tuple(replace(a, person_id=person_id(a.name)) for a in minutes.attendance)
    names = [a.name for a in attendance]
    signatories = []
    for signatory in minutes.signatories:
        index = match_in_meeting(signatory.name, names)
        pid = attendance[index].person_id if index is not None else person_id(signatory.name)
        signatories.append(replace(signatory, person_id=pid))
    return replace(minutes, attendance=attendance, signatories=tuple(signatories))

"""Person resolution: every name in a document gets the id of the person it denotes.

`resolve` is the pipeline stage for one document: it ties the names of one meeting together
(attendance, signatures, mentions in the text, see `meeting.py`) and gives each person an id
derived from their name. Across the archive, the database writer links them through the
`archive.ArchivePeople` it holds for its run, which ties those people to the ones already known
(`index.py`, `rules.py`, `cluster.py`) and keeps their ids stable.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.records import Minutes
from pipeline.resolve.ids import person_id
from pipeline.resolve.meeting import Kind, link_in_meeting, meeting_of
from pipeline.resolve.mentions import with_short_mentions

__all__ = ["person_id", "resolve"]


def resolve(minutes: Minutes) -> Minutes:
    """The minutes with short-form mentions found and a person id on every attendee and signer."""
    minutes = with_short_mentions(minutes)
    meeting = meeting_of(minutes)
    ids: dict[tuple[Kind, int], str] = {}
    for person in link_in_meeting(meeting):
        pid = person_id(meeting.sightings[person.sightings[0]].name)
        for i in person.sightings:
            ids[(meeting.sightings[i].kind, meeting.sightings[i].row)] = pid
    attendance = tuple(
        replace(a, person_id=ids.get((Kind.ATTENDANCE, i), person_id(a.name)))
        for i, a in enumerate(minutes.attendance)
    )
    signatories = tuple(
        replace(s, person_id=ids.get((Kind.SIGNATURE, i), person_id(s.name)))
        for i, s in enumerate(minutes.signatories)
    )
    return replace(minutes, attendance=attendance, signatories=signatories)

"""The meeting header: organization, body, date, times, place, and whether it met remotely.

The header is read from the top of the minutes' text, whatever its lines: a web transcript
prints a page as one line, a flattened table its labels before its values, a text export no
blank lines. So it does not rest on where the preamble ends: the preamble and the text of the
sections after it are read as one text, and the header from its first HEADER_ZONE_CHARS.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.parse.header_fields import TIME_LABELS, WHERE_LABELS, header_fields
from pipeline.parse.header_names import TITLE_CHARS, organization_and_body
from pipeline.parse.header_place import meeting_place
from pipeline.parse.header_time import meeting_date, meeting_times
from pipeline.records import Line, MeetingHeader
from pipeline.vocabulary.header import REMOTE_MARKERS

# The first page of a municipal protocol: title, place and time, attendance, adjustment and the
# notice-board certificate (ANSLAG/BEVIS), whose "Organ" and "Sammanträdesdatum" name the meeting.
HEADER_ZONE_CHARS = 3000


def parse_header(
    preamble: Sequence[Line],
    running_lines: Sequence[str] = (),
    body_text: str = "",
    *,
    document: Sequence[Line] = (),
) -> MeetingHeader:
    """The header of the minutes whose text is `preamble` followed by `body_text` (the
    sections' titles and text), or all of `document` when the caller passes its lines (which
    keeps the signature block, where the minutes may be signed "för" the organisation);
    running page headers fill in what the text leaves open."""
    preamble_text = "\n".join(line.text for line in preamble)
    if document:
        text = "\n".join(line.text for line in document)
    else:
        text = f"{preamble_text}\n\n{body_text}" if body_text else preamble_text
    zone = text[:HEADER_ZONE_CHARS]
    fields = header_fields(zone)
    running = "\n".join(running_lines)
    date = meeting_date(zone, running, text)
    start, end = meeting_times(zone, fields, date, text)
    place = meeting_place(zone, fields, date.ends if date else ())
    organization, body = organization_and_body(zone, fields, running_lines, text, place)
    # met on Teams: the title, the place or the time field says so ("Plats: Kansliet + Teams")
    where_and_when = [f.value for f in fields if f.label in TIME_LABELS | WHERE_LABELS]
    remote = bool(
        REMOTE_MARKERS.search("\n".join([zone[:TITLE_CHARS], place or "", *where_and_when]))
    )
    return MeetingHeader(organization, body, date.iso if date else None, start, end, place, remote)

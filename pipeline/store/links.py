"""Names written inside a meeting's text tied to the attendee rows of that meeting at load.

A substitute's "ersätter Eva Ek (S)", a voter on a voting list, a member who reserves herself:
each names someone the attendance list of the same meeting names too, perhaps spelled another
way. The link is kept as the name of that attendee row, not as a person id: person ids move
when spellings regroup across the archive, and a view joins the row to its current id.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.names import match_in_meeting

PARTY_MARK = re.compile(r"\([^()]*\)?")  # "Eva Ek (S)", "(ers Eva Ek (S)": the mark set aside


def listed_name(
    written: str | None, listed: Sequence[str], *, exclude: str | None = None
) -> str | None:
    """The name of the attendee row that `written` denotes, None when no link is safe."""
    if not written:
        return None
    candidates = [name for name in listed if name != exclude]
    index = match_in_meeting(" ".join(PARTY_MARK.sub(" ", written).split()), candidates)
    return None if index is None else candidates[index]

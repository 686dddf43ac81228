"""Meetings written in a line each, for tests of resolution."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.resolve.meeting import Kind, Meeting, Sighting

ORGANIZATION = "RAR i Sörmland"


def meeting(
    meeting_id: str,
    listed: Sequence[str] = (),
    signed: Sequence[tuple[str, str]] = (),
    mentioned: Sequence[str] = (),
    *,
    body: str | None = "arbetsutskottet",
    year: int | None = 2020,
    organization: str | None = ORGANIZATION,
    roles: dict[str, tuple[str, ...]] | None = None,
) -> Meeting:
    """A meeting: names listed, (name, role) signatures, names mentioned in the text."""
    roles = roles or {}
    sightings = [Sighting(Kind.ATTENDANCE, n, i, roles.get(n, ())) for i, n in enumerate(listed)]
    sightings += [Sighting(Kind.SIGNATURE, n, i, (r,)) for i, (n, r) in enumerate(signed)]
    sightings += [Sighting(Kind.MENTION, n, i) for i, n in enumerate(mentioned)]
    return Meeting(meeting_id, organization, body, year, tuple(sightings))

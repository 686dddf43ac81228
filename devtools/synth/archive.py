"""Plan a synthetic archive of any size: how many organizations and years, which meetings.

Up to MAX_YEARS of one organization's meetings (19 a year over three bodies) make a small
archive; a larger one adds organizations, each with its own people, until it holds as many
meetings as asked. The same size and seed always give the same archive.
"""

from __future__ import annotations

import hashlib
import math
import random
from collections.abc import Iterator
from typing import Any

from devtools.synth.compose import compose
from devtools.synth.meetings import Meeting, simulate
from devtools.synth.world import MEETINGS_PER_YEAR, build_organization

MAX_YEARS = 10
NAME_STRIDE = 7  # another seed, other organization names: archives can be merged
SEED_STRIDE = 100_003  # organizations of one archive draw from unrelated random streams


def plan(meetings: int, seed: int = 0) -> list[Meeting]:
    """`meetings` meetings, oldest first within each organization."""
    if meetings < 1:
        raise ValueError("an archive holds at least one meeting")
    per_org = MEETINGS_PER_YEAR * MAX_YEARS
    organizations = math.ceil(meetings / per_org)
    years = MAX_YEARS if organizations > 1 else math.ceil(meetings / MEETINGS_PER_YEAR)
    planned: list[Meeting] = []
    for index in range(organizations):
        quota = meetings // organizations + (index < meetings % organizations)
        rng = random.Random(seed * SEED_STRIDE + index)
        organization = build_organization(rng, seed * NAME_STRIDE + index, years)
        planned += simulate(organization, rng)[:quota]
    return planned


def documents(meetings: int, seed: int = 0) -> Iterator[tuple[Meeting, str, dict[str, Any]]]:
    """Each planned meeting with its text and gold; the gold's source is the text as a .txt."""
    for meeting in plan(meetings, seed):
        text, gold = compose(meeting)
        data = text.encode("utf-8")
        gold["source"] = {
            "path": f"text/{meeting.stem}.txt",
            "sha256": hashlib.sha256(data).hexdigest(),
            "format": "txt",
            "pages": 1,
            "ocr_pages": [],
            "size_bytes": len(data),
        }
        yield meeting, text, gold

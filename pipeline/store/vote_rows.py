"""The rows of votes, voting lists and dissents a document gives, each with its page; voters
and dissenters tied to the attendee row of the same meeting they name (store.links)."""

from __future__ import annotations

from typing import Any

from pipeline.records import Minutes
from pipeline.store.links import listed_name


def vote_rows(minutes: Minutes) -> dict[str, list[dict[str, Any]]]:
    sha = minutes.source.sha256
    listed = [a.name for a in minutes.attendance]
    return {
        "vote_events": [
            {
                "meeting_id": sha,
                "vote_ordinal": i,
                "section_number": v.section,
                "method": v.method,
                "yes": v.yes,
                "no": v.no,
                "abstain": v.abstain,
                "result": v.result,
                "page": v.page,
                "text": v.text,
            }
            for i, v in enumerate(minutes.votes, 1)
        ],
        "vote_choices": [
            {
                "meeting_id": sha,
                "vote_ordinal": i,
                "name": c.name,
                "listed_as": listed_name(c.name, listed),
                "choice": c.choice,
                "page": v.page,
            }
            for i, v in enumerate(minutes.votes, 1)
            for c in v.choices
        ],
        "dissents": [
            {
                "meeting_id": sha,
                "section_number": d.section,
                "name": d.name,
                "listed_as": listed_name(d.name, listed),
                "kind": d.kind,
                "text": d.text,
                "page": d.page,
            }
            for d in minutes.dissents
        ],
    }

"""The review page: uncertain and refused links between people, each spelling beside the pages
that wrote it, and documents read with low confidence; most impactful first.

A decision (merge or separate) is appended to the overrides file that `protokoll persons
merge/separate` write. That file is the only thing the view ever writes: the database is
untouched, and the decision takes effect at the next ingest or `protokoll persons apply`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette.database import Database

from pipeline.names import parse_name
from pipeline.resolve.overrides import KINDS, PERSON_ID, Overrides, append_override, read_overrides
from pipeline.serve.data import Row, meeting_url, page_url, person_url, rows

ITEMS_SHOWN = 100
SIGHTINGS_SHOWN = 2  # page images per spelling
DOCUMENTS_SHOWN = 100
DECISIONS = {"merge": "merge", "separate": "never_merge"}  # form value → overrides section


class ReviewError(ValueError):
    """A decision the queue does not hold: nothing is written."""


async def review_page(database: Database, overrides_path: Path) -> dict[str, Any]:
    overrides = read_overrides(overrides_path)
    items = await rows(
        database, f"SELECT * FROM review_items ORDER BY position LIMIT {ITEMS_SHOWN}"
    )
    for item in items:
        item["decided"] = decided(overrides, item)
        item["first_url"] = person_url(item["first_id"])
        item["second_url"] = person_url(item["second_id"])
        item["first_sightings"] = await sightings(database, item["first"], item["first_id"])
        item["second_sightings"] = await sightings(database, item["second"], item["second_id"])
    documents = await rows(
        database, f"SELECT * FROM review_documents ORDER BY rowid LIMIT {DOCUMENTS_SHOWN}"
    )
    for document in documents:
        document["url"] = meeting_url(document["sha256"]) if document["is_meeting"] else None
        weak = document.get("weak_pages") or []
        document["page_url"] = page_url(document["sha256"], weak[0] if weak else 1)
    return {
        "overrides_path": str(overrides_path),
        "items": items,
        "open_items": sum(1 for i in items if not i["decided"]),
        "documents": documents,
    }


async def sightings(database: Database, name: str, person_id: str) -> list[Row]:
    """Where a spelling of a person is written: meeting, page, as what; newest first."""
    found = await rows(
        database,
        "SELECT 'attendance' AS seen_as, a.meeting_id, a.page, m.date, m.body "
        "FROM attendance a JOIN meetings m USING (meeting_id) "
        "WHERE a.name = ? AND a.person_id = ? "
        "UNION ALL SELECT 'signature', s.meeting_id, s.page, m.date, m.body "
        "FROM signatories s JOIN meetings m USING (meeting_id) "
        "WHERE s.name = ? AND s.person_id = ? "
        f"ORDER BY date DESC LIMIT {SIGHTINGS_SHOWN}",
        [name, person_id, name, person_id],
    )
    for row in found:
        row["url"] = meeting_url(row["meeting_id"])
        row["page_url"] = page_url(row["meeting_id"], row["page"], name)
        row["image_url"] = (row["page_url"] or "").replace("/source/", "/page-image/", 1)
    return found


def _key(entry: str) -> str:
    return entry if PERSON_ID.fullmatch(entry) else parse_name(entry).key


def decided(overrides: Overrides, item: Row) -> str | None:
    """ "merge" or "never_merge" when the file already settles this pair, else None."""
    first = {_key(item["first"]), item["first_id"]}
    second = {_key(item["second"]), item["second_id"]}
    for kind in reversed(KINDS):  # never_merge wins, as when the file is applied
        for group in overrides.groups(kind):
            keys = {_key(e) for e in group}
            if first & keys and second & keys:
                return kind
    return None


async def decide(
    database: Database, overrides_path: Path, position: int, choice: str, reason: str | None
) -> Row:
    """Write the decision on review item `position` to the overrides file; the item."""
    kind = DECISIONS.get(choice)
    if kind is None:
        raise ReviewError(f"unknown decision {choice!r}: merge or separate")
    found = await rows(database, "SELECT * FROM review_items WHERE position = ?", [position])
    if not found:
        raise ReviewError(f"no review item {position}")
    item = found[0]
    note = reason or f"protokoll serve: {choice} ({item['kind']}, {item['rule']})"
    append_override(overrides_path, kind, [item["first"], item["second"]], note)
    return item

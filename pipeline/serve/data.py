"""Reading the mirror from a page: rows as dicts, JSON columns decoded, links to a fact's page."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Sequence
from typing import Any
from urllib.parse import urlencode

from datasette.database import Database

MIRROR_NAME = "archive"  # the mirror's name in Datasette's URLs: /archive/meetings
JSON_COLUMNS = frozenset(
    {
        "roles",
        "notes",
        "warnings",
        "reservations",
        "ocr_pages",
        "seen_as",
        "documents",
        "paths",
        "weak_pages",
    }
)

Row = dict[str, Any]


async def rows(
    database: Database, sql: str, params: Sequence[Any] | dict[str, Any] = ()
) -> list[Row]:
    """The rows of a query as dicts, JSON list columns decoded."""
    results = await database.execute(sql, params)
    columns = results.columns
    return [_decode(dict(zip(columns, row, strict=True))) for row in results.rows]


async def one(
    database: Database, sql: str, params: Sequence[Any] | dict[str, Any] = ()
) -> Row | None:
    found = await rows(database, sql, params)
    return found[0] if found else None


def _decode(row: Row) -> Row:
    for key in JSON_COLUMNS.intersection(row):
        value = row[key]
        if isinstance(value, str) and value.startswith("["):
            with contextlib.suppress(ValueError):  # text that only looks like a list
                row[key] = json.loads(value)
    return row


def page_url(sha256: str, page: int | None, find: str | None = None) -> str | None:
    """The link from a fact to the page it was read from, marked where `find` is written."""
    if page is None:
        return None
    query = f"?{urlencode({'find': find[:300]})}" if find else ""
    return f"/source/{sha256}/{page}{query}"


def meeting_url(meeting_id: str) -> str:
    return f"/meeting/{meeting_id}"


def person_url(person_id: str | None) -> str | None:
    return f"/person/{person_id}" if person_id else None


def body_url(organization: str | None, body: str | None) -> str:
    return "/body?" + urlencode({"organization": organization or "", "body": body or ""})

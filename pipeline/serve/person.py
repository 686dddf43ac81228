"""The person page: every spelling and why it is this person, attendance meeting by meeting and
as a rate per body and year, roles held, and the decisions they reserved themselves against."""

from __future__ import annotations

from typing import Any

from datasette.database import Database

from pipeline.analysis.terms import fold
from pipeline.serve.data import body_url, meeting_url, one, page_url, rows
from pipeline.serve.votes import person_dissents

MERGE_HOPS_MAX = 20


async def current_id(database: Database, person_id: str) -> str | None:
    """The id a person has now: an id merged away leads to the one it joined."""
    current = person_id
    for _ in range(MERGE_HOPS_MAX):
        if await one(database, "SELECT 1 FROM persons WHERE person_id = ?", [current]):
            return current
        merged = await one(
            database,
            "SELECT to_id FROM person_merges WHERE from_id = ? AND change = 'merge' "
            "ORDER BY changed_at DESC LIMIT 1",
            [current],
        )
        if merged is None:
            return None
        current = str(merged["to_id"])
    return None


async def person_page(database: Database, person_id: str) -> dict[str, Any] | None:
    person = await one(database, "SELECT * FROM persons WHERE person_id = ?", [person_id])
    if person is None:
        return None
    aliases = await rows(
        database,
        "SELECT * FROM person_aliases WHERE person_id = ? ORDER BY sightings DESC, alias",
        [person_id],
    )
    history = await rows(
        database,
        "SELECT a.meeting_id, a.name, a.status, a.roles, a.party, a.page, a.title, "
        "a.substitute_for, m.date, m.organization, m.body "
        "FROM attendance a JOIN meetings m USING (meeting_id) "
        "WHERE a.person_id = ? ORDER BY m.date DESC, m.body",
        [person_id],
    )
    for row in history:
        row["url"] = meeting_url(row["meeting_id"])
        row["page_url"] = page_url(row["meeting_id"], row["page"], row["name"])
    rates = await rows(
        database,
        "SELECT organization, body, year, meetings_attended, meetings_held, attendance_rate "
        "FROM attendance_rate_per_person_body_year WHERE person_id = ? "
        "ORDER BY organization, body, year",
        [person_id],
    )
    for row in rates:
        row["body_url"] = body_url(row["organization"], row["body"])
    roles = await rows(
        database,
        "SELECT organization, body, year, role, meetings, first_date, last_date "
        "FROM roles_over_time WHERE person_id = ? ORDER BY year DESC, organization, body, role",
        [person_id],
    )
    signed = await rows(
        database,
        "SELECT s.meeting_id, s.name, s.role, s.page, m.date, m.body FROM signatories s "
        "JOIN meetings m USING (meeting_id) WHERE s.person_id = ? ORDER BY m.date DESC",
        [person_id],
    )
    for row in signed:
        row["url"] = meeting_url(row["meeting_id"])
        row["page_url"] = page_url(row["meeting_id"], row["page"], row["name"])
    return {
        "person": person,
        "aliases": aliases,
        "attendance": history,
        "rates": rates,
        "rate_table": rate_table(rates),
        "roles": roles,
        "signatures": signed,
        "reservations": await _reservations(database, person_id, [a["alias"] for a in aliases]),
        "dissents": await person_dissents(database, person_id),
        "changes": await rows(
            database,
            "SELECT * FROM person_merges WHERE from_id = ? OR to_id = ? ORDER BY changed_at",
            [person_id, person_id],
        ),
    }


def rate_table(rates: list[dict[str, Any]]) -> dict[str, Any]:
    """Bodies down, years across: {"years": [...], "bodies": [{..., "cells": [row or None]}]}."""
    years = sorted({r["year"] for r in rates})
    bodies: dict[tuple[Any, Any], dict[str, Any]] = {}
    for rate in rates:
        key = (rate["organization"], rate["body"])
        body = bodies.setdefault(
            key,
            {
                "organization": key[0],
                "body": key[1],
                "url": rate["body_url"],
                "cells": dict.fromkeys(years),
            },
        )
        body["cells"][rate["year"]] = rate
    return {
        "years": years,
        "bodies": [{**b, "cells": list(b["cells"].values())} for b in bodies.values()],
    }


async def _reservations(database: Database, person_id: str, spellings: list[str]) -> list[Any]:
    """Decisions of this person's meetings whose reservations name one of their spellings."""
    keys = {fold(s) for s in spellings}
    candidates = await rows(
        database,
        "SELECT d.meeting_id, d.section_number, d.text, d.outcome, d.page, d.reservations, "
        "m.date, m.body FROM decisions d JOIN meetings m USING (meeting_id) "
        "WHERE d.reservations <> '[]' AND d.meeting_id IN "
        "(SELECT meeting_id FROM attendance WHERE person_id = ?) ORDER BY m.date DESC",
        [person_id],
    )
    found = []
    for row in candidates:
        if any(fold(str(name)) in keys for name in row["reservations"] or []):
            row["url"] = meeting_url(row["meeting_id"])
            row["page_url"] = page_url(row["meeting_id"], row["page"], row["text"])
            found.append(row)
    return found

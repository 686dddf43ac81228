"""The body page: meetings per year, each meeting, attendance per person, decisions by outcome."""

from __future__ import annotations

from typing import Any

from datasette.database import Database

from pipeline.serve.data import body_url, meeting_url, person_url, rows

BODY = "organization IS ? AND body IS ?"  # IS: a body without an organization matches NULL


async def bodies(database: Database) -> list[dict[str, Any]]:
    """Every body with its meetings and years, most meetings first."""
    found = await rows(
        database,
        "SELECT organization, body, count(*) AS meetings, min(date) AS first_date, "
        "max(date) AS last_date FROM meetings GROUP BY organization, body "
        "ORDER BY meetings DESC, organization, body",
    )
    for row in found:
        row["url"] = body_url(row["organization"], row["body"])
    return found


async def body_page(
    database: Database, organization: str | None, body: str | None
) -> dict[str, Any] | None:
    key = [organization, body]
    meetings = await rows(
        database,
        "SELECT m.meeting_id, m.date, m.start_time, m.location, "
        "(SELECT count(*) FROM attendance a WHERE a.meeting_id = m.meeting_id "
        " AND a.status = 'present') AS present, "
        "(SELECT count(*) FROM sections s WHERE s.meeting_id = m.meeting_id) AS sections, "
        "(SELECT count(*) FROM decisions d WHERE d.meeting_id = m.meeting_id) AS decisions "
        f"FROM meetings m WHERE {BODY} ORDER BY m.date DESC",
        key,
    )
    if not meetings:
        return None
    for row in meetings:
        row["url"] = meeting_url(row["meeting_id"])
    per_year = await rows(
        database,
        f"SELECT year, meetings FROM meetings_per_body_year WHERE {BODY} ORDER BY year",
        key,
    )
    outcomes = await rows(
        database,
        f"SELECT year, outcome, decisions FROM decision_outcomes_per_body_year WHERE {BODY} "
        "ORDER BY year, outcome",
        key,
    )
    people = await rows(
        database,
        "SELECT person_id, name, sum(meetings_attended) AS attended, "
        "sum(meetings_held) AS held, 1.0 * sum(meetings_attended) / sum(meetings_held) AS rate, "
        "min(listed_from) AS listed_from, max(listed_until) AS listed_until "
        f"FROM attendance_rate_per_person_body_year WHERE {BODY} "
        "GROUP BY person_id, name ORDER BY held DESC, name",
        key,
    )
    for row in people:
        row["url"] = person_url(row["person_id"])
    return {
        "organization": organization,
        "body": body,
        "meetings": meetings,
        "per_year": per_year,
        "outcomes": _outcome_table(outcomes),
        "people": people,
    }


def _outcome_table(outcomes: list[dict[str, Any]]) -> dict[str, Any]:
    """Years down, outcomes across: {"outcomes": [...], "years": [{"year", "counts"}]}."""
    kinds = sorted({str(o["outcome"]) for o in outcomes})
    years: dict[Any, dict[str, int]] = {}
    for row in outcomes:
        years.setdefault(row["year"], {})[str(row["outcome"])] = int(row["decisions"])
    return {
        "outcomes": kinds,
        "years": [
            {"year": year, "counts": [counts.get(k, 0) for k in kinds]}
            for year, counts in years.items()
        ],
    }

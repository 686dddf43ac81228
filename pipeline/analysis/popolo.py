"""The archive as Popolo JSON (https://www.popoloproject.com): persons, organizations (bodies
and parties), memberships, vote_events and votes, for tools that speak that standard."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb

OPTIONS = {"yes": "yes", "no": "no", "abstain": "abstain", "absent": "absent"}
RESULTS = {"yes": "pass", "no": "fail", "tie": "tie"}


def popolo(con: duckdb.DuckDBPyConnection) -> dict[str, list[dict[str, Any]]]:
    bodies = con.execute(
        "SELECT DISTINCT organization, body FROM meetings WHERE body IS NOT NULL ORDER BY ALL"
    ).fetchall()
    body_ids = {(o, b): f"body:{o or ''}/{b}" for o, b in bodies}
    parties = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT party FROM memberships WHERE party IS NOT NULL ORDER BY 1"
        ).fetchall()
    ]
    organizations: list[dict[str, Any]] = [
        {
            "id": body_ids[(o, b)],
            "name": b,
            "classification": "body",
            **({"parent_id": f"organization:{o}"} if o else {}),
        }
        for o, b in bodies
    ]
    organizations += [
        {"id": f"organization:{o}", "name": o, "classification": "organization"}
        for o in sorted({o for o, _ in bodies if o})
    ]
    organizations += [{"id": f"party:{p}", "name": p, "classification": "party"} for p in parties]
    persons = [
        {"id": pid, "name": name}
        for pid, name in con.execute("SELECT person_id, name FROM persons ORDER BY 1").fetchall()
    ]
    memberships = [
        {
            "id": f"membership:{pid}/{o or ''}/{b}/{role}",
            "person_id": pid,
            "organization_id": body_ids[(o, b)],
            "role": role,
            "start_date": first.isoformat(),
            "end_date": last.isoformat(),
            **({"on_behalf_of_id": f"party:{party}"} if party else {}),
        }
        for pid, o, b, role, party, first, last in con.execute(
            "SELECT person_id, organization, body, role, party, first_meeting, last_meeting "
            "FROM memberships WHERE body IS NOT NULL ORDER BY ALL"
        ).fetchall()
    ]
    vote_events = []
    for meeting, ordinal, section, o, b, day, result, yes, no, abstain, text in con.execute(
        "SELECT e.meeting_id, e.vote_ordinal, e.section_number, m.organization, m.body, m.date, "
        "e.result, e.yes, e.no, e.abstain, e.text FROM vote_events e JOIN meetings m "
        "USING (meeting_id) ORDER BY ALL"
    ).fetchall():
        event: dict[str, Any] = {
            "id": f"vote:{meeting}/{ordinal}",
            "identifier": f"§ {section}" if section else None,
            "motion": {"text": text},
            "counts": [
                {"option": option, "value": value}
                for option, value in (("yes", yes), ("no", no), ("abstain", abstain))
                if value is not None
            ],
        }
        if (o, b) in body_ids:
            event["organization_id"] = body_ids[(o, b)]
        if day is not None:
            event["start_date"] = day.isoformat()
        if result in RESULTS:
            event["result"] = RESULTS[result]
        vote_events.append({k: v for k, v in event.items() if v is not None})
    votes = [
        {
            "vote_event_id": f"vote:{meeting}/{ordinal}",
            "option": OPTIONS[choice],
            **({"voter_id": pid} if pid else {}),
            **({"party_id": f"party:{party}"} if party else {}),
        }
        for meeting, ordinal, pid, party, choice in con.execute(
            "SELECT meeting_id, vote_ordinal, person_id, party, choice FROM votes_cast ORDER BY ALL"
        ).fetchall()
    ]
    return {
        "persons": persons,
        "organizations": organizations,
        "memberships": memberships,
        "vote_events": vote_events,
        "votes": votes,
    }


def write_popolo(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    path.write_text(json.dumps(popolo(con), ensure_ascii=False, indent=1), encoding="utf-8")
    return path

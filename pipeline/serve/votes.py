"""Votes, reservations and cases on the view's pages, where the database holds them (schema v7;
an older database's mirror has no such tables and the pages leave them out)."""

from __future__ import annotations

from datasette.database import Database

from pipeline.serve.data import Row, meeting_url, page_url, rows

METHODS = {
    "acclamation": "acklamation",
    "vote": "omröstning",
    "roll_call": "votering med namnupprop",
    "secret": "sluten omröstning",
    "lot": "lottning",
}
CHOICES = {"yes": "ja", "no": "nej", "abstain": "avstår", "absent": "frånvarande"}
DISSENTS = {
    "reservation": "reservation",
    "separate_opinion": "särskilt yttrande",
    "note": "protokollsanteckning",
}


async def meeting_votes(database: Database, meeting_id: str) -> dict[str, list[Row]]:
    """The meeting's vote events (with their lists of names), dissents and cases."""
    found: dict[str, list[Row]] = {"votes": [], "dissents": [], "cases": []}
    if await database.table_exists("vote_events"):
        found["votes"] = await rows(
            database,
            "SELECT * FROM vote_events WHERE meeting_id = ? ORDER BY vote_ordinal",
            [meeting_id],
        )
        choices = await rows(
            database,
            "SELECT * FROM vote_choices WHERE meeting_id = ? ORDER BY vote_ordinal, rowid",
            [meeting_id],
        )
        for vote in found["votes"]:
            vote["page_url"] = page_url(meeting_id, vote["page"], vote["text"])
            vote["choices"] = [c for c in choices if c["vote_ordinal"] == vote["vote_ordinal"]]
    if await database.table_exists("dissents"):
        found["dissents"] = await rows(
            database, "SELECT * FROM dissents WHERE meeting_id = ? ORDER BY rowid", [meeting_id]
        )
        for dissent in found["dissents"]:
            dissent["page_url"] = page_url(meeting_id, dissent["page"], dissent["text"])
    if await database.table_exists("cases"):
        found["cases"] = await rows(
            database, "SELECT * FROM cases WHERE meeting_id = ? ORDER BY rowid", [meeting_id]
        )
    return found


def attach(sections: list[Row], found: dict[str, list[Row]]) -> list[Row]:
    """Each vote, dissent and case onto the first § of its number; those of no § returned."""
    by_number: dict[str, Row] = {}
    for section in sections:
        section.setdefault("votes", [])
        section.setdefault("dissents", [])
        section.setdefault("cases", [])
        by_number.setdefault(section["number"], section)
    loose: list[Row] = []
    for kind in ("votes", "dissents", "cases"):
        for row in found[kind]:
            owner = by_number.get(str(row.get("section_number")))
            if owner is None:
                loose.append({**row, "kind_of": kind})
            else:
                owner[kind].append(row)
    return loose


async def person_dissents(database: Database, person_id: str) -> list[Row]:
    """Reservations and separate opinions the person's attendee rows are named in."""
    if not await database.table_exists("dissents"):
        return []
    found = await rows(
        database,
        "SELECT d.*, m.date, m.body FROM dissents d "
        "JOIN attendance a ON a.meeting_id = d.meeting_id AND a.name = d.listed_as "
        "JOIN meetings m ON m.meeting_id = d.meeting_id "
        "WHERE a.person_id = ? ORDER BY m.date DESC",
        [person_id],
    )
    for row in found:
        row["url"] = meeting_url(row["meeting_id"])
        row["page_url"] = page_url(row["meeting_id"], row["page"], row["text"])
    return found


FILTERS = {
    "vote_method": lambda k: METHODS.get(k, k),
    "vote_choice": lambda k: CHOICES.get(k, k),
    "dissent_kind": lambda k: DISSENTS.get(k, k),
}

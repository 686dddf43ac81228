"""The person tables in DuckDB, written from the index: only what changed, a few statements.

`persons` has one row per id. `person_links` has one row per spelling of a person with the
rule, score and evidence that tied it; the view `person_aliases` adds where each spelling is
written (documents, sightings) from the rows that carry the ids, so that it is never stale.
Ids of rows already loaded change only when a regrouping moved their spelling to another id.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import duckdb

from pipeline.names import fold
from pipeline.resolve.cluster import Spelling
from pipeline.resolve.ids import Changes
from pipeline.resolve.index import PersonIndex
from pipeline.resolve.meeting import Link

# Column types, in table order: rows go in as one typed list parameter per column, the
# cheapest way to insert a few rows in DuckDB (a registered Arrow table costs ~6× more).
PERSON_COLUMNS = {
    "person_id": "VARCHAR",
    "name": "VARCHAR",
    "name_key": "VARCHAR",
    "minted": "BIGINT",
}
LINK_COLUMNS = {
    "person_id": "VARCHAR",
    "alias": "VARCHAR",
    "alias_key": "VARCHAR",
    "rule": "VARCHAR",
    "score": "DOUBLE",
    "linked_to": "VARCHAR",
    "evidence": "VARCHAR",
}
MERGE_COLUMNS = {
    "change": "VARCHAR",
    "from_id": "VARCHAR",
    "to_id": "VARCHAR",
    "evidence": "VARCHAR",
    "changed_at": "TIMESTAMP",
}
MOVE_COLUMNS = {
    "kind": "VARCHAR",
    "meeting_id": "VARCHAR",
    "name": "VARCHAR",
    "person_id": "VARCHAR",
}
ROWS_OF_KIND = {  # kind → (table, column with the name as written, extra condition)
    "attendance": ("attendance", "name", ""),
    "signature": ("signatories", "name", ""),
    "mention": ("entities", "text", " AND t.label = 'PER'"),
}
NAME_RULE = "name"


def write_changes(
    con: duckdb.DuckDBPyConnection,
    index: PersonIndex,
    changes: Changes,
    loading: str | None = None,
    before_moving: Callable[[], None] | None = None,
) -> None:
    """Bring the person tables, and the ids of rows already loaded, in line with the index.

    `loading` is the meeting being loaded, whose rows are not in the tables yet;
    `before_moving` runs before rows of other meetings get new ids (it may insert them).
    """
    alive = sorted(p for p in changes.persons if index.members.get(p))
    gone = sorted(changes.removed | {p for p in changes.persons if not index.members.get(p)})
    new, renamed = [], []
    for pid in alive:
        name = index.display_name(pid)
        row = {"person_id": pid, "name": name, "name_key": fold(name), "minted": index.minted[pid]}
        if pid not in index.stored_names:
            new.append(row)
        elif index.stored_names[pid] != name:
            renamed.append(row)
        index.stored_names[pid] = name
    if gone:
        con.execute("DELETE FROM persons WHERE person_id IN (SELECT unnest($1::VARCHAR[]))", [gone])
    _insert(con, "persons", PERSON_COLUMNS, new)
    if renamed:
        select, params = _unnest(PERSON_COLUMNS, renamed)
        con.execute(
            f"UPDATE persons AS p SET name = r.name, name_key = r.name_key FROM ({select}) AS r "
            "WHERE p.person_id = r.person_id",
            params,
        )
    _write_links(con, index, alive, gone)
    now = datetime.now(UTC).replace(tzinfo=None)
    events = [
        {"change": e.change, "from_id": e.from_id, "to_id": e.to_id, "evidence": e.evidence}
        for e in changes.events
    ]
    _insert(con, "person_merges", MERGE_COLUMNS, [{**e, "changed_at": now} for e in events])
    moved = [
        {"kind": kind, "meeting_id": meeting, "name": written, "person_id": spelling.person_id}
        for spelling in (index.spellings[key] for key in changes.moved)
        for (kind, written), meetings in spelling.rows.items()
        for meeting in meetings
        if meeting != loading
    ]
    if moved:
        if before_moving is not None:
            before_moving()
        _move_rows(con, moved)


def link_rows(index: PersonIndex, pid: str) -> dict[str, dict[str, Any]]:
    """One row per spelling of a person, with how it was tied to the person."""
    main = index.display_name(pid)
    found: dict[str, dict[str, Any]] = {}
    for spelling in index.person_spellings(pid):
        for kind, written in sorted(spelling.rows):
            if written in found:
                continue
            link = _why(index, pid, spelling, kind, written, main)
            found[written] = {
                "person_id": pid,
                "alias": written,
                "alias_key": fold(written),
                "rule": link.rule,
                "score": link.score,
                "linked_to": link.linked_to,
                "evidence": link.evidence,
            }
    return found


def _write_links(
    con: duckdb.DuckDBPyConnection, index: PersonIndex, alive: list[str], gone: list[str]
) -> None:
    """Write the links that are new or changed, delete those that are no longer true."""
    rows: list[dict[str, Any]] = []
    dropped: list[dict[str, Any]] = []  # stored rows that changed or are no longer true
    for pid in alive:
        current = link_rows(index, pid)
        stored = index.stored_links.get(pid, {})
        if stored == current:
            continue
        rows += [row for alias, row in current.items() if stored.get(alias) != row]
        dropped += [row for alias, row in stored.items() if current.get(alias) != row]
        index.stored_links[pid] = current
    for pid in gone:
        index.stored_links.pop(pid, None)
        index.stored_names.pop(pid, None)
    if gone:
        con.execute(
            "DELETE FROM person_links WHERE person_id IN (SELECT unnest($1::VARCHAR[]))", [gone]
        )
    if dropped:
        select, params = _unnest(LINK_COLUMNS, dropped)
        con.execute(
            f"DELETE FROM person_links AS l USING ({select}) AS d "
            "WHERE l.person_id = d.person_id AND l.alias = d.alias",
            params,
        )
    _insert(con, "person_links", LINK_COLUMNS, rows)


def _why(
    index: PersonIndex, pid: str, spelling: Spelling, kind: str, written: str, main: str
) -> Link:
    if (kind, written) in spelling.satellites:
        return spelling.satellites[(kind, written)]
    if written == main:
        return Link(NAME_RULE, 100.0, None, "the spelling shown for this person")
    if written != spelling.written:
        words = "the same name but for case, accents, order, titles or party"
        return Link("same_spelling", 100.0, spelling.written, words)
    if spelling.via is not None:
        return spelling.via
    return index.evidence.get((pid, written), Link("kept", 100.0, main, "tied in an earlier load"))


def _move_rows(con: duckdb.DuckDBPyConnection, moved: list[dict[str, Any]]) -> None:
    """New ids for rows of documents already loaded whose spelling changed person."""
    for kind, (table, column, condition) in ROWS_OF_KIND.items():
        of_kind = [row for row in moved if row["kind"] == kind]
        if not of_kind:
            continue
        select, params = _unnest(MOVE_COLUMNS, of_kind)
        con.execute(
            f"UPDATE {table} AS t SET person_id = m.person_id FROM ({select}) AS m "
            f"WHERE m.kind = '{kind}' AND t.meeting_id = m.meeting_id "
            f"AND t.{column} = m.name{condition}",
            params,
        )


def _insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: dict[str, str],
    rows: list[dict[str, Any]],
    conflict: str = "",
) -> None:
    if rows:
        select, params = _unnest(columns, rows)
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) {select} {conflict}", params)


def _unnest(columns: dict[str, str], rows: list[dict[str, Any]]) -> tuple[str, list[Any]]:
    """A SELECT of `rows` from one typed list parameter per column."""
    select = ", ".join(
        f"unnest(${i}::{kind}[]) AS {name}" for i, (name, kind) in enumerate(columns.items(), 1)
    )
    return f"SELECT {select}", [[row[name] for row in rows] for name in columns]

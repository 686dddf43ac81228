"""The archive's people in the database: who each loaded name is, kept up to date per document.

The database writer owns an `ArchivePeople` for its run and calls its `link_document` inside
the transaction that loads a document: the document's names are tied to the people already
known, new people get ids, and the person tables (persons, person_links with the evidence of
every link, person_merges) change with it. The index of spellings is read from the database
once and then kept in memory by that object (the writer may close and reopen its connection
between writes), checked against the tables when a write begins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from pipeline.records import Minutes
from pipeline.resolve.ids import Changes
from pipeline.resolve.index import PersonIndex
from pipeline.resolve.meeting import Kind, Link, Meeting, Sighting, meeting_of
from pipeline.resolve.overrides import (
    Overrides,
    beside,
    configured,
    parse_overrides,
    read_overrides,
)
from pipeline.resolve.tables import write_changes

SIGHTINGS_SQL = """
SELECT s.meeting_id, s.kind, s.name, s.person_id, s.affiliation, s.roles, s.title,
       m.organization, m.body, year(m.date) AS year
FROM (
    SELECT meeting_id, 'attendance' AS kind, name, person_id, affiliation, roles, title,
           0 AS k, rowid AS r
    FROM attendance
    UNION ALL
    SELECT meeting_id, 'signature', name, person_id, NULL, [role], title, 1, rowid
    FROM signatories
    UNION ALL
    SELECT meeting_id, 'mention', text, person_id, NULL, [], NULL, 2, rowid
    FROM entities WHERE label = 'PER'
) s
JOIN meetings m USING (meeting_id)
JOIN documents d ON d.sha256 = s.meeting_id
ORDER BY d.ingested_at, s.meeting_id, s.k, s.r
"""
TOKEN_SQL = """
SELECT (SELECT count(*) FROM attendance), (SELECT count(*) FROM person_links),
       (SELECT coalesce(max(minted), -1) FROM persons), (SELECT count(*) FROM person_merges),
       (SELECT count(*) FROM person_overrides)
"""


@dataclass(frozen=True)
class DocumentPeople:
    """Person ids for a document's rows; None for a short form that denotes nobody."""

    attendance: tuple[str | None, ...]
    signatories: tuple[str | None, ...]
    entities: dict[int, str | None]

    def fill(self, rows: dict[str, list[dict[str, Any]]]) -> None:
        """Put the ids into the rows `rows_of` (pipeline.store.rows) made for the document."""
        for row, pid in zip(rows["attendance"], self.attendance, strict=True):
            row["person_id"] = pid
        for row, pid in zip(rows["signatories"], self.signatories, strict=True):
            row["person_id"] = pid
        for i, row in enumerate(rows["entities"]):
            row["person_id"] = self.entities.get(i)


UNSIGHTED_SQL = """
DELETE FROM person_links l WHERE NOT EXISTS (
    SELECT 1 FROM (
        SELECT person_id, name AS alias FROM attendance
        UNION ALL SELECT person_id, name FROM signatories
        UNION ALL SELECT person_id, text FROM entities WHERE label = 'PER'
    ) w WHERE w.person_id = l.person_id AND w.alias = l.alias
);
DELETE FROM persons p WHERE NOT EXISTS (
    SELECT 1 FROM person_links l WHERE l.person_id = p.person_id
);
"""


class ArchivePeople:
    """The archive's people as one writer keeps them in memory for its run.

    The index is read from the tables at first use, and read again when the tables changed
    behind the writer's back (`protokoll persons` between two of its writes: `check`) or a
    write of its own was rolled back (`forget`).
    """

    def __init__(self) -> None:
        self._index: PersonIndex | None = None
        self._token: tuple[Any, ...] | None = None  # counts of the tables the index matches

    def check(self, con: duckdb.DuckDBPyConnection) -> None:
        """A write begins: forget the index if someone else changed the person tables."""
        if self._index is not None and _token(con) != self._token:
            self._index = None

    def index(self, con: duckdb.DuckDBPyConnection) -> PersonIndex:
        if self._index is None:
            self._index = load_index(con)
            self._token = _token(con)
        return self._index

    def link_document(
        self,
        con: duckdb.DuckDBPyConnection,
        minutes: Minutes,
        before_moving: Callable[[], None] | None = None,
    ) -> DocumentPeople:
        """Tie the document's names to the archive's people and update the person tables.

        `before_moving` runs before rows already loaded get new ids: the writer's chance to put
        in the rows it holds back."""
        index = self.index(con)
        meeting = meeting_of(minutes)
        ids, changes = index.add_meeting(meeting)
        write_changes(con, index, changes, loading=meeting.meeting_id, before_moving=before_moving)
        by_kind: dict[Kind, dict[int, str | None]] = {kind: {} for kind in Kind}
        for sighting, pid in zip(meeting.sightings, ids, strict=True):
            by_kind[sighting.kind][sighting.row] = pid
        return DocumentPeople(
            attendance=tuple(
                by_kind[Kind.ATTENDANCE].get(i) for i in range(len(minutes.attendance))
            ),
            signatories=tuple(
                by_kind[Kind.SIGNATURE].get(i) for i in range(len(minutes.signatories))
            ),
            entities=by_kind[Kind.MENTION],
        )

    def committed(self, con: duckdb.DuckDBPyConnection) -> None:
        """The write is committed: the index in memory matches the tables."""
        if self._index is not None:
            self._token = _token(con)

    def forget(self) -> None:
        """The write was rolled back: read the index again next time."""
        self._index = None

    def drop_unsighted(self, con: duckdb.DuckDBPyConnection) -> None:
        """After rows were deleted: drop the spellings and people no row names now."""
        con.execute(UNSIGHTED_SQL)
        self.forget()


def applied_overrides(con: duckdb.DuckDBPyConnection) -> Overrides | None:
    """The overrides last applied to this database, None when none ever were."""
    row = con.execute(
        "SELECT text FROM person_overrides ORDER BY applied_at DESC LIMIT 1"
    ).fetchone()
    return None if row is None else parse_overrides(row[0])


def overrides_path(con: duckdb.DuckDBPyConnection, db_path: Path) -> Path:
    """The overrides file of a database: $PROTOKOLL_PERSONS, else the last applied, else beside."""
    row = con.execute(
        "SELECT path FROM person_overrides ORDER BY applied_at DESC LIMIT 1"
    ).fetchone()
    return configured() or (Path(row[0]) if row else beside(db_path))


def follow_overrides(con: duckdb.DuckDBPyConnection, db_path: Path) -> Changes | None:
    """Apply the database's overrides file when it changed since it was last applied."""
    return apply_overrides(con, overrides_path(con, db_path))


def apply_overrides(
    con: duckdb.DuckDBPyConnection, path: Path, *, force: bool = False
) -> Changes | None:
    """Regroup every person by the overrides file when it changed since last applied."""
    current = read_overrides(path)
    last = applied_overrides(con)
    if not force and current.sha256 == (last.sha256 if last else ""):
        return None
    con.begin()
    try:
        index = load_index(con, current)
        changes = index.regroup_all()
        changes.persons |= set(index.members)
        write_changes(con, index, changes)
        last_path = con.execute(
            "SELECT path FROM person_overrides ORDER BY applied_at DESC LIMIT 1"
        ).fetchone()
        if last is None or last.sha256 != current.sha256 or last_path != (str(path),):
            con.execute(
                "INSERT INTO person_overrides VALUES (?, ?, ?, ?)",
                [str(path), current.sha256, current.text, _now()],
            )
        con.commit()
    except Exception:
        con.rollback()
        raise
    return changes


def load_index(con: duckdb.DuckDBPyConnection, overrides: Overrides | None = None) -> PersonIndex:
    """The index of the archive's spellings, read from the tables with the ids they hold."""
    if overrides is None:
        overrides = applied_overrides(con) or Overrides()
    index = PersonIndex(overrides)
    for pid, name, minted in con.execute(
        "SELECT person_id, name, minted FROM persons ORDER BY minted"
    ).fetchall():
        index.minted[pid] = minted
        index.stored_names[pid] = name
    for pid, alias, alias_key, rule, score, linked_to, evidence in con.execute(
        "SELECT person_id, alias, alias_key, rule, score, linked_to, evidence FROM person_links"
    ).fetchall():
        index.evidence[(pid, alias)] = Link(rule, score, linked_to, evidence)
        index.stored_links.setdefault(pid, {})[alias] = {
            "person_id": pid,
            "alias": alias,
            "alias_key": alias_key,
            "rule": rule,
            "score": score,
            "linked_to": linked_to,
            "evidence": evidence,
        }
    rows = con.execute(SIGHTINGS_SQL).fetchall()
    start = 0
    for end in range(1, len(rows) + 1):
        if end == len(rows) or rows[end][0] != rows[start][0]:
            _restore_meeting(index, rows[start:end])
            start = end
    return index


def _restore_meeting(index: PersonIndex, rows: Sequence[tuple[Any, ...]]) -> None:
    meeting_id, *_ = rows[0]
    organization, body, year = rows[0][7:10]
    counters: dict[str, int] = {}
    sightings = []
    for _, kind, name, _pid, affiliation, roles, title, *_ in rows:
        row = counters[kind] = counters.get(kind, -1) + 1
        sightings.append(Sighting(Kind(kind), name, row, tuple(roles or ()), title, affiliation))
    meeting = Meeting(meeting_id, organization, body, year, tuple(sightings))
    index.restore(meeting, [r[3] for r in rows])


def _token(con: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    row = con.execute(TOKEN_SQL).fetchone()
    return tuple(row or ())


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

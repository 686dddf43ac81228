"""The DuckDB database: open it, bring its schema up to date, and the rows a document gives."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.errors import DatabaseError
from pipeline.records import Minutes
from pipeline.store.absolute_paths import make_paths_absolute
from pipeline.store.case_rows import CASE_TABLE_COLUMNS, NOTICE_COLUMNS, case_rows, notice_columns
from pipeline.store.failures import is_locked, open_failed
from pipeline.store.links import listed_name
from pipeline.store.vote_rows import VOTE_TABLE_COLUMNS, vote_rows

SCHEMA_VERSION = 9


def _rebuilt(table: str, not_null: tuple[str, ...]) -> tuple[str, ...]:
    """Statements that copy `table` as it is, columns added by migrations too, without keys."""
    return (
        f"CREATE TABLE {table}_v8 AS SELECT * FROM {table}",
        *(f"ALTER TABLE {table}_v8 ALTER COLUMN {c} SET NOT NULL" for c in not_null),
        f"DROP TABLE {table}",
        f"ALTER TABLE {table}_v8 RENAME TO {table}",
    )


# What each version adds to a database made by the one before (new tables come from schema.sql).
MIGRATIONS: dict[int, tuple[str, ...]] = {
    2: ("ALTER TABLE ingest_errors ADD COLUMN IF NOT EXISTS run_id INTEGER",),
    # documents loaded before version 3 keep NULL: nothing weighed them
    3: ("ALTER TABLE documents ADD COLUMN IF NOT EXISTS confidence DOUBLE",),
    # attendance rows and sections loaded before version 4 keep NULL: nothing read these
    4: (
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS party VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS sections_present VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS time_present VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS substitute_for VARCHAR",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS inferred BOOLEAN",
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS role_ambiguous BOOLEAN",
        "ALTER TABLE sections ADD COLUMN IF NOT EXISTS from_toc BOOLEAN",
    ),
    # files and documents loaded before version 5 keep NULL root and relative_path (which root
    # a run was given is not known); their paths are made absolute by MIGRATION_STEPS[5]
    5: (
        "ALTER TABLE ingest_runs ADD COLUMN IF NOT EXISTS pruned_paths VARCHAR[]",
        "ALTER TABLE files ADD COLUMN IF NOT EXISTS root VARCHAR",
        "ALTER TABLE files ADD COLUMN IF NOT EXISTS relative_path VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS root VARCHAR",
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS relative_path VARCHAR",
    ),
    # a file's name as the file system holds it (may not be UTF-8); NULL for rows loaded before
    6: (
        "ALTER TABLE documents ADD COLUMN IF NOT EXISTS path_bytes BLOB",
        "ALTER TABLE files ADD COLUMN IF NOT EXISTS path_bytes BLOB",
    ),
    # rows loaded before version 7 keep NULL: the link to the replaced member's row is new
    7: (
        "ALTER TABLE attendance ADD COLUMN IF NOT EXISTS substitute_for_listed VARCHAR",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS adjusted_on DATE",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS posted_on DATE",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS taken_down_on DATE",
        "ALTER TABLE meetings ADD COLUMN IF NOT EXISTS appeal_deadline DATE",
        "ALTER TABLE decisions ADD COLUMN IF NOT EXISTS detail VARCHAR",
    ),
    # pages and sections lose their primary keys: DuckDB writes a table's whole key index at
    # every checkpoint, and the writer checkpoints at every flush, so each flush cost more as
    # the archive grew. DuckDB cannot drop a key: the tables are copied without one.
    8: (
        *_rebuilt("pages", ("sha256", "page", "method", "seconds", "chars", "rotation_deg")),
        *_rebuilt("sections", ("meeting_id", "ordinal", "number", "title", "page", "text")),
    ),
    # sections loaded before version 9 keep NULL: their clock times were not read
    9: (
        "ALTER TABLE sections ADD COLUMN IF NOT EXISTS started_at VARCHAR",
        "ALTER TABLE sections ADD COLUMN IF NOT EXISTS starts_not_before VARCHAR",
    ),
}
# What a version needs beyond SQL statements, run after them.
MIGRATION_STEPS: dict[int, Callable[[duckdb.DuckDBPyConnection], None]] = {
    5: make_paths_absolute,
}
DEFAULT_DB = Path("protokoll.duckdb")
# The tables whose rows name people: written as each document is linked to the archive's people.
PERSON_TABLES = ("attendance", "signatories", "entities")
# A reader waits this long for the writer's lock: an ingest holds it for a second at a time.
READ_LOCK_WAIT_S = 30.0
LOCK_RETRY_S = 0.1
# The tables holding what was read from a document, by their key column; `documents` and `pages`
# describe the file itself and stay for a document set aside as a duplicate.
FACT_TABLES: dict[str, str] = {
    "meetings": "meeting_id",
    "attendance": "meeting_id",
    "signatories": "meeting_id",
    "sections": "meeting_id",
    "decisions": "meeting_id",
    "amounts": "meeting_id",
    "section_references": "meeting_id",
    "entities": "meeting_id",
    "vote_events": "meeting_id",
    "vote_choices": "meeting_id",
    "dissents": "meeting_id",
    "cases": "meeting_id",
}

# Column types of each bulk-loaded table, in the order of schema.sql.
TABLE_COLUMNS: dict[str, dict[str, pa.DataType]] = {
    "documents": {
        "sha256": pa.string(),
        "path": pa.string(),
        "format": pa.string(),
        "size_bytes": pa.int64(),
        "page_count": pa.int32(),
        "ocr_pages": pa.list_(pa.int32()),
        "warnings": pa.list_(pa.string()),
        "ingested_at": pa.timestamp("us"),
        "confidence": pa.float64(),
        "root": pa.string(),
        "relative_path": pa.string(),
        "path_bytes": pa.binary(),
    },
    "pages": {
        "sha256": pa.string(),
        "page": pa.int32(),
        "method": pa.string(),
        "ocr_confidence": pa.float64(),
        "seconds": pa.float64(),
        "chars": pa.int32(),
        "ocr_reason": pa.string(),
        "rotation_deg": pa.int32(),
    },
    "meetings": {
        "meeting_id": pa.string(),
        "organization": pa.string(),
        "body": pa.string(),
        "date": pa.string(),
        "start_time": pa.string(),
        "end_time": pa.string(),
        "location": pa.string(),
        "remote": pa.bool_(),
        **NOTICE_COLUMNS,
    },
    "attendance": {
        "meeting_id": pa.string(),
        "person_id": pa.string(),
        "name": pa.string(),
        "status": pa.string(),
        "roles": pa.list_(pa.string()),
        "title": pa.string(),
        "affiliation": pa.string(),
        "page": pa.int32(),
        "notes": pa.list_(pa.string()),
        "party": pa.string(),
        "sections_present": pa.string(),
        "time_present": pa.string(),
        "substitute_for": pa.string(),
        "inferred": pa.bool_(),
        "role_ambiguous": pa.bool_(),
        "substitute_for_listed": pa.string(),
    },
    "signatories": {
        "meeting_id": pa.string(),
        "person_id": pa.string(),
        "name": pa.string(),
        "role": pa.string(),
        "title": pa.string(),
        "page": pa.int32(),
    },
    "sections": {
        "meeting_id": pa.string(),
        "ordinal": pa.int32(),
        "number": pa.string(),
        "title": pa.string(),
        "page": pa.int32(),
        "text": pa.string(),
        "diary_number": pa.string(),
        "from_toc": pa.bool_(),
        "started_at": pa.string(),
        "starts_not_before": pa.string(),
    },
    "decisions": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "ordinal": pa.int32(),
        "text": pa.string(),
        "outcome": pa.string(),
        "page": pa.int32(),
        "vote_yes": pa.int32(),
        "vote_no": pa.int32(),
        "vote_abstain": pa.int32(),
        "reservations": pa.list_(pa.string()),
        "detail": pa.string(),
    },
    "amounts": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "text": pa.string(),
        "sek": pa.int64(),
    },
    "section_references": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "refers_to": pa.string(),
    },
    "entities": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "label": pa.string(),
        "text": pa.string(),
        "start_char": pa.int32(),
        "end_char": pa.int32(),
        "person_id": pa.string(),
    },
}


def connect(
    path: Path, *, read_only: bool = False, wait_s: float | None = None
) -> duckdb.DuckDBPyConnection:
    """Open the database; a writer also creates it and applies pending migrations.

    The people are not regrouped here when the overrides file changed: the writer's
    `open_writer` (pipeline.ingest.store) does that.

    DuckDB lets one process write or many read; a batch ingest holds the file only while it
    writes a few documents, so a reader waits for it (up to READ_LOCK_WAIT_S by default).
    """
    if read_only and not path.exists():
        raise DatabaseError(f"no database at {path}", hint="run `protokoll ingest` first")
    con = open_waiting(
        path, read_only=read_only, wait_s=READ_LOCK_WAIT_S if wait_s is None else wait_s
    )
    if not read_only:
        migrate(con)
    return con


def open_waiting(
    path: Path, *, read_only: bool, wait_s: float, config: dict[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """duckdb.connect, retried while another process holds the file's lock."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            return duckdb.connect(str(path), read_only=read_only, config=config or {})
        except duckdb.Error as exc:
            if not is_locked(exc) or time.monotonic() >= deadline:
                raise open_failed(exc, path) from exc
            time.sleep(LOCK_RETRY_S)


def migrate(con: duckdb.DuckDBPyConnection) -> None:
    """Create the tables, bring an older database up to date, and (re)create the views."""
    store = files("pipeline.store")
    row = _applied_version(con)
    con.execute(store.joinpath("schema.sql").read_text(encoding="utf-8"))
    if row is not None:
        for version in range(row + 1, SCHEMA_VERSION + 1):
            for statement in MIGRATIONS.get(version, ()):
                con.execute(statement)
            if version in MIGRATION_STEPS:
                MIGRATION_STEPS[version](con)
    con.execute(store.joinpath("views.sql").read_text(encoding="utf-8"))
    if row is None or row < SCHEMA_VERSION:
        con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [SCHEMA_VERSION, _now()])


def _applied_version(con: duckdb.DuckDBPyConnection) -> int | None:
    """The schema version of an existing database, None for a new one."""
    exists = con.execute(
        "SELECT 1 FROM duckdb_tables() WHERE table_name = 'schema_migrations'"
    ).fetchone()
    if exists is None:
        return None
    row = con.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def has_document(con: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    return con.execute("SELECT 1 FROM documents WHERE sha256 = ?", [sha256]).fetchone() is not None


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One write, all or nothing."""
    con.begin()
    try:
        yield
        con.commit()
    except BaseException:
        with suppress(duckdb.TransactionException):  # a commit that failed has ended it already
            con.rollback()
        raise


def record_failure(
    con: duckdb.DuckDBPyConnection,
    path: str,
    sha256: str | None,
    stage: str,
    error_type: str,
    message: str,
    *,
    run_id: int | None = None,
) -> None:
    """The file's open problem: it replaces what was recorded for that path before."""
    con.execute("DELETE FROM ingest_errors WHERE path = ?", [path])
    con.execute(
        "INSERT INTO ingest_errors (path, sha256, stage, error_type, message, occurred_at, run_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [path, sha256, stage, error_type, message, _now(), run_id],
    )


def drop_document(con: duckdb.DuckDBPyConnection, sha256: str) -> None:
    """Remove a document and everything read from it (inside the caller's transaction)."""
    drop_facts(con, sha256)
    for table, key in (("documents", "sha256"), ("pages", "sha256")):
        con.execute(f"DELETE FROM {table} WHERE {key} = ?", [sha256])
    con.execute("DELETE FROM duplicate_documents WHERE sha256 = ?", [sha256])


def drop_facts(con: duckdb.DuckDBPyConnection, sha256: str) -> None:
    """Remove what was read from a document (the people only it named stay: the writer's)."""
    for table, key in FACT_TABLES.items():
        con.execute(f"DELETE FROM {table} WHERE {key} = ?", [sha256])


def rows_of(minutes: Minutes) -> dict[str, list[dict[str, Any]]]:
    """The rows each table receives from one document."""
    sha = minutes.source.sha256
    meeting = minutes.meeting
    listed = [a.name for a in minutes.attendance]
    return {
        "documents": [
            {
                "sha256": sha,
                "path": minutes.source.path,
                "format": minutes.source.format.value,
                "size_bytes": minutes.source.size_bytes,
                "page_count": len(minutes.pages),
                "ocr_pages": list(minutes.ocr_pages),
                "warnings": list(minutes.warnings),
                "ingested_at": _now(),
                "confidence": minutes.confidence,
                "root": minutes.source.root,
                "relative_path": minutes.source.relative_path,
                "path_bytes": minutes.source.path_bytes,
            }
        ],
        "pages": [
            {
                "sha256": sha,
                "page": p.number,
                "method": p.method.value,
                "ocr_confidence": p.ocr_confidence,
                "seconds": p.seconds,
                "chars": p.chars,
                "ocr_reason": p.ocr_reason,
                "rotation_deg": p.rotation_deg,
            }
            for p in minutes.pages
        ],
        "meetings": [
            {
                "meeting_id": sha,
                "organization": meeting.organization,
                "body": meeting.body,
                "date": meeting.date,
                "start_time": meeting.start_time,
                "end_time": meeting.end_time,
                "location": meeting.location,
                "remote": meeting.remote,
                **notice_columns(minutes),
            }
        ],
        "attendance": [
            {
                "meeting_id": sha,
                "person_id": a.person_id,
                "name": a.name,
                "status": a.status.value,
                "roles": [r.value for r in a.roles],
                "title": a.title,
                "affiliation": a.affiliation,
                "page": a.page,
                "notes": list(a.notes),
                "party": a.party,
                "sections_present": a.sections_present,
                "time_present": a.time_present,
                "substitute_for": a.substitute_for,
                "inferred": a.inferred,
                "role_ambiguous": a.role_ambiguous,
                "substitute_for_listed": listed_name(a.substitute_for, listed, exclude=a.name),
            }
            for a in minutes.attendance
        ],
        "signatories": [
            {
                "meeting_id": sha,
                "person_id": s.person_id,
                "name": s.name,
                "role": s.role.value,
                "title": s.title,
                "page": s.page,
            }
            for s in minutes.signatories
        ],
        "sections": [
            {
                "meeting_id": sha,
                "ordinal": i,
                "number": s.number,
                "title": s.title,
                "page": s.page,
                "text": s.text,
                "diary_number": s.diary_number,
                "from_toc": s.from_toc,
                "started_at": s.started_at,
                "starts_not_before": s.starts_not_before,
            }
            for i, s in enumerate(minutes.sections, 1)
        ],
        "decisions": [
            {
                "meeting_id": sha,
                "section_number": s.number,
                "ordinal": i,
                "text": d.text,
                "outcome": d.outcome.value,
                "page": d.page,
                "vote_yes": d.vote.yes if d.vote else None,
                "vote_no": d.vote.no if d.vote else None,
                "vote_abstain": d.vote.abstain if d.vote else None,
                "reservations": list(d.reservations),
                "detail": d.detail,
            }
            for s in minutes.sections
            for i, d in enumerate(s.decisions, 1)
        ],
        "amounts": [
            {"meeting_id": sha, "section_number": s.number, "text": a.text, "sek": a.sek}
            for s in minutes.sections
            for a in s.amounts
        ],
        "section_references": [
            {"meeting_id": sha, "section_number": s.number, "refers_to": r}
            for s in minutes.sections
            for r in s.references
        ],
        "entities": [
            {
                "meeting_id": sha,
                "section_number": e.section,
                "label": e.label,
                "text": e.text,
                "start_char": e.start,
                "end_char": e.end,
                "person_id": None,  # set by the archive's person resolution
            }
            for e in minutes.entities
        ],
        **vote_rows(minutes),
        "cases": case_rows(minutes),
    }


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Append `rows` (as `rows_of` gives them) to `table`, in one statement."""
    if not rows:
        return
    columns = TABLE_COLUMNS[table]
    incoming = pa.Table.from_pylist(rows, schema=_SCHEMAS[table])
    # DuckDB reads the local Arrow table by its name (a replacement scan): 2 ms where
    # register + insert + unregister take 5 ms, for each table of each document
    names = ", ".join(columns)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
    del incoming


TABLE_COLUMNS.update(VOTE_TABLE_COLUMNS)
TABLE_COLUMNS.update(CASE_TABLE_COLUMNS)
_SCHEMAS = {table: pa.schema(list(columns.items())) for table, columns in TABLE_COLUMNS.items()}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

"""The DuckDB database: open it (waiting for the writer's lock), one write at a time, and the
removal of a document's rows. Its schema: migrations.py; the rows a document gives: rows.py."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from pipeline.errors import DatabaseError
from pipeline.store.failures import is_locked, open_failed
from pipeline.store.migrations import migrate

DEFAULT_DB = Path("protokoll.duckdb")
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


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

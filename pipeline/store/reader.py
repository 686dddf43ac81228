"""A connection that sees the database and nothing else, for SQL a user types.

`protokoll query` runs whatever SQL it is given. On a plain read-only connection that SQL can
still read any file the user can (`read_text('/etc/passwd')`, `glob`), write files
(`COPY … TO`, `EXPORT DATABASE`) and open other databases (`ATTACH`): too much for a command
a script or a web form may call with SQL it did not write. The reader turns DuckDB's external
access off and locks the configuration so the SQL cannot turn it on again; `allow_files`
gives the access back to a user who wants it, and `write_to` opens one folder only.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.errors import DatabaseError
from pipeline.store import db

ARROW_BATCH_ROWS = 100_000
REFUSED_FILES = (
    "the query reads or writes files outside the database (COPY … TO, EXPORT DATABASE, "
    "read_csv, read_text, glob, ATTACH…), which `protokoll query` does not allow"
)
REFUSED_SETTINGS = "the query changes DuckDB's settings, which `protokoll query` does not allow"
ALLOW_HINT = "--allow-files lets it, with your own access to files"


@dataclass(frozen=True)
class Answer:
    """The rows of a query, or the first of them with the count of all."""

    columns: list[str]
    rows: list[tuple[Any, ...]]
    total: int  # rows the query gave; more than len(rows) when only the first were kept

    @property
    def left_out(self) -> int:
        return self.total - len(self.rows)


def open_reader(
    path: Path, *, allow_files: bool = False, write_to: Sequence[Path] = ()
) -> duckdb.DuckDBPyConnection:
    """The database read-only, with no access to other files unless `allow_files`; the
    folders in `write_to` (an export's) stay open."""
    con = db.connect(path, read_only=True)
    try:
        # The bar would print into csv and json. In Jupyter without ipywidgets DuckDB refuses to
        # touch the setting at all, and draws no bar there either.
        with contextlib.suppress(duckdb.InvalidInputException):
            con.execute("SET enable_progress_bar = false")
        if not allow_files:
            if write_to:
                folders = [str(folder.resolve()) + os.sep for folder in write_to]
                con.execute("SET allowed_directories = ?", [folders])
            con.execute("SET enable_external_access = false")
            con.execute("SET lock_configuration = true")
    except duckdb.Error as exc:
        con.close()
        raise DatabaseError(f"cannot open {path} for reading: {exc}") from exc
    return con


def run_query(con: duckdb.DuckDBPyConnection, sql: str, *, keep: int | None = None) -> Answer:
    """Run `sql`; with `keep`, only the first `keep` rows are held, the rest only counted (a
    query of millions of rows shown in a terminal must not hold them all)."""
    try:
        cursor = con.execute(sql)
        if cursor is None or cursor.description is None:  # a statement that gives no rows
            return Answer([], [], 0)
        columns = [d[0] for d in cursor.description]
        if keep is None:
            rows = cursor.fetchall()
            return Answer(columns, rows, len(rows))
        return _first_rows(cursor, columns, keep)
    except duckdb.PermissionException as exc:
        raise DatabaseError(REFUSED_FILES, hint=ALLOW_HINT) from exc
    except duckdb.InvalidInputException as exc:
        if "configuration has been locked" in str(exc):
            raise DatabaseError(REFUSED_SETTINGS, hint=ALLOW_HINT) from exc
        raise DatabaseError(f"the query failed: {exc}") from exc
    except duckdb.Error as exc:
        raise DatabaseError(f"the query failed: {exc}") from exc


def _first_rows(cursor: duckdb.DuckDBPyConnection, columns: list[str], keep: int) -> Answer:
    """The first `keep` rows as Python values; the others counted batch by batch in Arrow."""
    rows: list[tuple[Any, ...]] = []
    total = 0
    reader: pa.RecordBatchReader = cursor.to_arrow_reader(ARROW_BATCH_ROWS)
    for batch in reader:
        wanted = keep - len(rows)
        if wanted > 0:
            head = batch.slice(0, wanted)
            rows.extend(zip(*(column.to_pylist() for column in head.columns), strict=True))
        total += batch.num_rows
    return Answer(columns, rows, total)

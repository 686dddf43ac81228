"""The read-only SQLite mirror of a DuckDB database that the web view serves.

Datasette reads SQLite, not DuckDB, and a mirror keeps the view away from the writer's lock:
an ingest may run while the view is open. Every table and view of the database is copied as it
is (lists and structs as JSON text, dates as ISO text), plus the tables only the view needs
(`review.py`). The mirror is rebuilt when the DuckDB file is newer than it, or when it was
written by another version of this module; it is written beside the database, then renamed, so
a reader never sees half of one.
"""

from __future__ import annotations

import json
import os
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock
from decimal import Decimal
from pathlib import Path
from typing import Any

import duckdb

from pipeline.analysis.queries import require_views
from pipeline.errors import DatabaseError
from pipeline.serve.review import review_tables
from pipeline.serve.search import search_tables
from pipeline.store import db

MIRROR_SUFFIX = ".view.sqlite"
MIRROR_FORMAT = 2  # bump when the mirror's shape changes: older mirrors are rebuilt
META_TABLE = "protokoll_view"
BATCH_ROWS = 20_000
INDEXED_COLUMNS = ("meeting_id", "person_id", "sha256", "date")
SQLITE_TYPES = {
    "BOOLEAN": "INTEGER",
    "TINYINT": "INTEGER",
    "SMALLINT": "INTEGER",
    "INTEGER": "INTEGER",
    "BIGINT": "INTEGER",
    "HUGEINT": "INTEGER",
    "UTINYINT": "INTEGER",
    "USMALLINT": "INTEGER",
    "UINTEGER": "INTEGER",
    "UBIGINT": "INTEGER",
    "FLOAT": "REAL",
    "DOUBLE": "REAL",
    "BLOB": "BLOB",
}


@dataclass(frozen=True)
class Mirror:
    path: Path
    rebuilt: bool
    seconds: float
    tables: int


def mirror_path(db_path: Path) -> Path:
    """protokoll.view.sqlite for protokoll.duckdb."""
    return db_path.with_name(db_path.stem + MIRROR_SUFFIX)


def source_mtime(db_path: Path) -> float:
    """When the database (or its write-ahead log) was last written."""
    sources = [db_path, db_path.with_name(db_path.name + ".wal")]
    return max(p.stat().st_mtime for p in sources if p.exists())


def is_current(db_path: Path, mirror: Path) -> bool:
    """The mirror exists, is of this format, and was copied from the database as it is now."""
    if not mirror.is_file():
        return False
    try:
        con = sqlite3.connect(f"file:{mirror}?mode=ro", uri=True)
        try:
            meta = dict(con.execute(f"SELECT key, value FROM {META_TABLE}").fetchall())
        finally:
            con.close()
    except sqlite3.Error:
        return False
    return meta.get("format") == str(MIRROR_FORMAT) and float(
        meta.get("source_mtime", 0)
    ) >= source_mtime(db_path)


def ensure_mirror(db_path: Path, *, force: bool = False) -> Mirror:
    """The current mirror of `db_path`, rebuilt first when the database is newer."""
    target = mirror_path(db_path)
    if not force and is_current(db_path, target):
        return Mirror(target, False, 0.0, 0)
    return build_mirror(db_path, target)


def build_mirror(db_path: Path, target: Path) -> Mirror:
    """Copy every table and view of the database into a new SQLite file at `target`."""
    started = time.perf_counter()
    copied_mtime = source_mtime(db_path)  # before reading: a write during the copy is newer
    partial = target.with_name(f".{target.name}.{os.getpid()}.partial")
    source = db.connect(db_path, read_only=True)
    try:
        require_views(source)  # a database of an older protokoll: say how to bring it up to date
        partial.unlink(missing_ok=True)
        relations = _fill(source, sqlite3.connect(partial), db_path, copied_mtime)
    except duckdb.Error as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"cannot copy {db_path} for the web view: {exc}",
            hint="a database of an older protokoll: run `protokoll ingest` on it once",
        ) from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise DatabaseError(
            f"cannot write the web view's copy {target}: {exc}",
            hint="the folder of the database must be writable",
        ) from exc
    finally:
        source.close()
    os.replace(partial, target)
    return Mirror(target, True, time.perf_counter() - started, len(relations))


def _fill(
    source: duckdb.DuckDBPyConnection, out: sqlite3.Connection, db_path: Path, copied_mtime: float
) -> list[str]:
    """Every table and view of `source`, and the view's own tables, into `out`; the names."""
    try:
        out.execute("PRAGMA journal_mode = OFF")
        out.execute("PRAGMA synchronous = OFF")
        relations = _relations(source)
        for name in relations:
            _copy(source, out, name)
        derived = {**review_tables(source, db_path), **search_tables(source)}
        for name, (columns, rows) in derived.items():
            _write(out, name, columns, rows)
        _write_meta(out, db_path, relations, copied_mtime)
        out.commit()
        out.execute("VACUUM")  # compact, and the file is complete before it is renamed
    finally:
        out.close()
    return relations


def copy_into(source: Path, target: Path) -> None:
    """Replace the content of the mirror being served with a new one, in one transaction:
    open connections see the new content at their next query (a renamed file they would not)."""
    with sqlite3.connect(source) as new, sqlite3.connect(target, timeout=30) as served:
        new.backup(served)
    new.close()
    served.close()


def _relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Base tables, then views, of the main schema (views become tables in the mirror)."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' "
        "ORDER BY table_type, table_name"
    ).fetchall()
    return [str(r[0]) for r in rows]


def _copy(source: duckdb.DuckDBPyConnection, out: sqlite3.Connection, name: str) -> None:
    cursor = source.execute(f'SELECT * FROM "{name}"')
    described = cursor.description or []
    columns = [(str(d[0]), _sqlite_type(str(d[1]))) for d in described]
    _create(out, name, columns)
    marks = ", ".join("?" for _ in columns)
    insert = f'INSERT INTO "{name}" VALUES ({marks})'
    for rows in _batches(cursor):
        out.executemany(insert, ([_plain(v) for v in row] for row in rows))
    _index(out, name, [c for c, _ in columns])


def _batches(cursor: duckdb.DuckDBPyConnection) -> Iterator[list[tuple[Any, ...]]]:
    while rows := cursor.fetchmany(BATCH_ROWS):
        yield rows


def _write(
    out: sqlite3.Connection, name: str, columns: list[tuple[str, str]], rows: list[tuple[Any, ...]]
) -> None:
    _create(out, name, columns)
    marks = ", ".join("?" for _ in columns)
    out.executemany(
        f'INSERT INTO "{name}" VALUES ({marks})', ([_plain(v) for v in r] for r in rows)
    )
    _index(out, name, [c for c, _ in columns])


def _create(out: sqlite3.Connection, name: str, columns: list[tuple[str, str]]) -> None:
    defined = ", ".join(f'"{c}" {t}' for c, t in columns)
    out.execute(f'CREATE TABLE "{name}" ({defined})')


def _index(out: sqlite3.Connection, name: str, columns: list[str]) -> None:
    for column in INDEXED_COLUMNS:
        if column in columns:
            out.execute(f'CREATE INDEX "{name}_{column}" ON "{name}" ("{column}")')


def _write_meta(
    out: sqlite3.Connection, db_path: Path, relations: list[str], copied_mtime: float
) -> None:
    out.execute(f"CREATE TABLE {META_TABLE} (key TEXT PRIMARY KEY, value TEXT)")
    meta = {
        "format": str(MIRROR_FORMAT),
        "database": str(db_path.resolve()),
        "built_at": datetime.now().isoformat(timespec="seconds"),
        "relations": json.dumps(relations),
        "source_mtime": repr(copied_mtime),
    }
    out.executemany(f"INSERT INTO {META_TABLE} VALUES (?, ?)", meta.items())


def _sqlite_type(duck_type: str) -> str:
    return SQLITE_TYPES.get(duck_type.upper(), "TEXT")


def _plain(value: Any) -> Any:
    """A value SQLite stores: lists and structs as JSON, dates and times as ISO text."""
    if value is None or isinstance(value, str | int | float | bytes):
        return value
    if isinstance(value, datetime | date | clock):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, list | tuple | dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)

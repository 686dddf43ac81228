"""What the writer keeps about the archive's files: which document each path holds (`files`),
the documents set aside as another's duplicate (`duplicate_documents`), and each file's open
problem (`ingest_errors`)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime

import duckdb
import pyarrow as pa

from pipeline.records import SourceFile


def remember_files(
    con: duckdb.DuckDBPyConnection, sources: Sequence[SourceFile], run_id: int | None
) -> None:
    """Which document each path holds now."""
    if not sources:
        return
    incoming = pa.table(
        {
            "path": [s.path for s in sources],
            "sha256": [s.sha256 for s in sources],
            "size_bytes": pa.array([s.size_bytes for s in sources], pa.int64()),
            "run_id": pa.array([run_id] * len(sources), pa.int32()),
            "root": pa.array([s.root for s in sources], pa.string()),
            "relative_path": pa.array([s.relative_path for s in sources], pa.string()),
            "path_bytes": pa.array([s.path_bytes for s in sources], pa.binary()),
        }
    )
    names = ", ".join(incoming.column_names)
    con.execute(f"INSERT OR REPLACE INTO files ({names}) SELECT {names} FROM incoming")
    del incoming


def forget_paths(con: duckdb.DuckDBPyConnection, paths: Iterable[str]) -> None:
    for path in paths:
        con.execute("DELETE FROM files WHERE path = ?", [path])


def forget_files_of(con: duckdb.DuckDBPyConnection, sha256: str) -> None:
    """Forget every path that held the document."""
    con.execute("DELETE FROM files WHERE sha256 = ?", [sha256])


def known_files(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, bytes | None]]:
    """Each path, the document it held when last seen, and its name's bytes when stored."""
    rows = con.execute("SELECT path, sha256, path_bytes FROM files").fetchall()
    return [(path, sha, None if raw is None else bytes(raw)) for path, sha, raw in rows]


def loaded_documents(con: duckdb.DuckDBPyConnection) -> frozenset[str]:
    """The sha256 of every document loaded, duplicates included."""
    return frozenset(r[0] for r in con.execute("SELECT sha256 FROM documents").fetchall())


def loaded_among(con: duckdb.DuckDBPyConnection, shas: Sequence[str]) -> set[str]:
    """Which of `shas` the database holds already: one query for them all."""
    found = con.execute(
        "SELECT sha256 FROM documents WHERE sha256 IN (SELECT unnest($1::VARCHAR[]))", [shas]
    ).fetchall()
    return {r[0] for r in found}


def link_duplicate(
    con: duckdb.DuckDBPyConnection, sha256: str, meeting_id: str, reason: str
) -> None:
    """The document `sha256` is set aside: `meeting_id`'s document keeps the facts."""
    con.execute(
        "INSERT OR REPLACE INTO duplicate_documents VALUES (?, ?, ?, ?)",
        [sha256, meeting_id, reason, _now()],
    )


def move_duplicates(con: duckdb.DuckDBPyConnection, from_meeting: str, to_meeting: str) -> None:
    """The documents set aside for `from_meeting` are now `to_meeting`'s."""
    con.execute(
        "UPDATE duplicate_documents SET meeting_id = ? WHERE meeting_id = ?",
        [to_meeting, from_meeting],
    )


def duplicates_of(con: duckdb.DuckDBPyConnection, meeting_id: str) -> list[str]:
    rows = con.execute(
        "SELECT sha256 FROM duplicate_documents WHERE meeting_id = ?", [meeting_id]
    ).fetchall()
    return [r[0] for r in rows]


def duplicate_links(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str]]:
    """(document set aside, the meeting it holds again) for every duplicate."""
    rows = con.execute("SELECT sha256, meeting_id FROM duplicate_documents").fetchall()
    return [(str(s), str(m)) for s, m in rows]


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


def clear_failures(con: duckdb.DuckDBPyConnection, paths: Sequence[str]) -> None:
    """The files at `paths` were loaded: their problems are over."""
    con.execute("DELETE FROM ingest_errors WHERE list_contains(?, path)", [list(paths)])


def recorded_failures(con: duckdb.DuckDBPyConnection) -> frozenset[tuple[str, str | None]]:
    """(path, sha256) of every file whose last attempt failed."""
    rows = con.execute("SELECT path, sha256 FROM ingest_errors").fetchall()
    return frozenset((r[0], r[1]) for r in rows)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

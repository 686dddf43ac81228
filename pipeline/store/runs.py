"""The record of each ingest run (`ingest_runs`): begun by the writer, kept up to date as it
writes, and closed with the run's outcome."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

import duckdb

from pipeline.store.db import transaction

COUNTS = ("loaded", "unchanged", "replaced", "duplicates", "pruned", "failed", "pages", "ocr_pages")


def begin_run(con: duckdb.DuckDBPyConnection, paths: Sequence[str], jobs: int) -> int:
    """Record a new run; a run still 'running' was killed (the caller holds the lock now)."""
    with transaction(con):
        con.execute("UPDATE ingest_runs SET status = 'killed' WHERE status = 'running'")
        row = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM ingest_runs").fetchone()
        run_id = int(row[0]) if row else 1
        con.execute(
            "INSERT INTO ingest_runs (run_id, started_at, status, paths, jobs, pruned_paths) "
            "VALUES (?, ?, 'running', ?, ?, [])",
            [run_id, _now(), list(paths), jobs],
        )
    return run_id


def update_run(
    con: duckdb.DuckDBPyConnection,
    run_id: int,
    status: str,
    counts: Mapping[str, int],
    seconds: float,
) -> None:
    """Write the run's counts and status: finished when it is no longer 'running'.

    Only scalar columns: DuckDB 1.5 writes an update of a list column in a keyed table as a
    delete and an insert, and when the commit of that fails on a full disk, undoing it ends
    the process (SIGABRT) instead of raising. A change made in place raises, and the run
    reports the full disk as its error.
    """
    finished = _now() if status != "running" else None
    assignments = ", ".join(f"{c} = ?" for c in COUNTS)
    con.execute(
        f"UPDATE ingest_runs SET status = ?, finished_at = ?, {assignments}, seconds = ? "
        "WHERE run_id = ?",
        [status, finished, *(counts[c] for c in COUNTS), round(seconds, 3), run_id],
    )


def record_pruned(con: duckdb.DuckDBPyConnection, run_id: int, pruned: Sequence[str]) -> None:
    """The files --prune forgot, written once, before any document (see `update_run`)."""
    if pruned:
        con.execute(
            "UPDATE ingest_runs SET pruned_paths = ? WHERE run_id = ?", [list(pruned), run_id]
        )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

"""The single writer's work: each read document goes in, in its own transaction.

A document that holds a meeting already loaded from another file is linked to it instead of
being counted again, and whichever of the two is the better extraction keeps the facts.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from datetime import UTC, datetime

import duckdb

from pipeline.ingest.duplicates import find_loaded, quality_of
from pipeline.ingest.plan import ToRead
from pipeline.ingest.report import Duplicate, Failure, IngestReport
from pipeline.records import Minutes, SourceFile
from pipeline.store import db


class Stored(enum.Enum):
    LOADED = "loaded"
    DUPLICATE = "duplicate"  # its meeting was loaded from another file, which stays
    PROMOTED = "promoted"  # its meeting was loaded from another file, which it replaces
    ALREADY = "already"  # the same content came in under another path in this run


def store_failure(
    con: duckdb.DuckDBPyConnection,
    failure: Failure,
    report: IngestReport,
    run_id: int | None = None,
) -> None:
    """Record why a file could not be loaded, in `ingest_errors` and in `report`."""
    db.record_failure(
        con,
        failure.path,
        failure.sha256,
        failure.stage,
        failure.error_type,
        failure.message,
        run_id=run_id,
    )
    report.failed.append(failure)


def store(
    con: duckdb.DuckDBPyConnection,
    item: ToRead,
    result: Minutes,
    report: IngestReport,
    run_id: int | None = None,
) -> None:
    """Load one read document and count it in `report`."""
    source = item.source
    try:
        stored, duplicate = _load(con, result, run_id)
    except duckdb.Error as exc:  # a row the database refuses: that document only
        message = f"{source.path}: the database refused the document: {exc}"
        store_failure(
            con,
            Failure(source.path, source.sha256, "load", "DatabaseError", message),
            report,
            run_id,
        )
        return
    if stored is Stored.ALREADY:
        report.unchanged.append(source.path)
        return
    if duplicate is not None:
        report.duplicates.append(duplicate)
    if stored is not Stored.DUPLICATE:
        (report.replaced if item.replaces else report.loaded).append(source.path)
    report.pages += len(result.pages)
    report.ocr_pages += len(result.ocr_pages)


def _load(
    con: duckdb.DuckDBPyConnection, minutes: Minutes, run_id: int | None
) -> tuple[Stored, Duplicate | None]:
    source = minutes.source
    with db.transaction(con):
        if db.has_document(con, source.sha256):
            remember_files(con, [source], run_id)
            return Stored.ALREADY, None
        match = find_loaded(con, minutes)
        mine = quality_of(minutes)
        if match is None:
            db.insert_document(con, minutes)
            outcome, duplicate = Stored.LOADED, None
        elif mine > match.quality:  # the loaded copy is the worse one: set it aside
            reason = f"{match.reason}; {mine.describe()} kept over {match.quality.describe()}"
            db.drop_facts(con, match.meeting_id)
            con.execute(
                "UPDATE duplicate_documents SET meeting_id = ? WHERE meeting_id = ?",
                [source.sha256, match.meeting_id],
            )
            _link(con, match.meeting_id, source.sha256, reason)
            db.insert_document(con, minutes)
            outcome, duplicate = Stored.PROMOTED, Duplicate(match.path, source.path, reason)
        else:
            reason = f"{match.reason}; {match.quality.describe()} kept over {mine.describe()}"
            db.insert_document(con, minutes, facts=False)
            _link(con, source.sha256, match.meeting_id, reason)
            outcome, duplicate = Stored.DUPLICATE, Duplicate(source.path, match.path, reason)
        remember_files(con, [source], run_id)
        con.execute("DELETE FROM ingest_errors WHERE path = ?", [source.path])
    return outcome, duplicate


def _link(con: duckdb.DuckDBPyConnection, sha256: str, meeting_id: str, reason: str) -> None:
    con.execute(
        "INSERT OR REPLACE INTO duplicate_documents VALUES (?, ?, ?, ?)",
        [sha256, meeting_id, reason, _now()],
    )


def remember_files(
    con: duckdb.DuckDBPyConnection, sources: Iterable[SourceFile], run_id: int | None
) -> None:
    """Which document each path holds now."""
    rows = [(s.path, s.sha256, s.size_bytes, run_id) for s in sources]
    if rows:
        con.executemany("INSERT OR REPLACE INTO files VALUES (?, ?, ?, ?)", rows)


def retire(con: duckdb.DuckDBPyConnection, shas: Iterable[str], gone: Iterable[str]) -> list[str]:
    """Remove documents no file holds any more, and forget the paths that are gone.

    A removed document's duplicates lose the meeting they were linked to: they are removed
    too, so that the run reads them again. Returns the paths of the documents removed.
    """
    removed: list[str] = []
    with db.transaction(con):
        for path in gone:
            con.execute("DELETE FROM files WHERE path = ?", [path])
        for sha in sorted(shas):
            linked = [
                r[0]
                for r in con.execute(
                    "SELECT sha256 FROM duplicate_documents WHERE meeting_id = ?", [sha]
                ).fetchall()
            ]
            for doomed in [sha, *linked]:
                row = con.execute(
                    "SELECT path FROM documents WHERE sha256 = ?", [doomed]
                ).fetchone()
                if row is not None and doomed == sha:
                    removed.append(row[0])
                db.drop_document(con, doomed)
            con.execute("DELETE FROM files WHERE sha256 = ?", [sha])
    return removed


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

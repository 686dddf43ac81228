"""The single writer's work: each read document goes in, in its own transaction.

A document that holds a meeting already loaded from another file is linked to it instead of
being counted again, and whichever of the two is the better extraction keeps the facts.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb

from pipeline.ingest.duplicates import Held, Loaded, Match, find_same, held_in
from pipeline.ingest.plan import (
    DEFAULT_GUARD,
    Known,
    Plan,
    PruneGuard,
    Survey,
    ToRead,
    classify,
    retired,
)
from pipeline.ingest.report import Duplicate, Failure, IngestReport
from pipeline.records import Minutes
from pipeline.resolve.archive import ArchivePeople, follow_overrides
from pipeline.store import db, files
from pipeline.store.failures import is_run_error
from pipeline.store.rows import insert_rows, rows_of


class Stored(enum.Enum):
    LOADED = "loaded"
    DUPLICATE = "duplicate"  # its meeting is held by another file, which keeps the facts
    ALREADY = "already"  # the same content came in under another path in this run


@dataclass
class _Written:
    """One document of a batch, and what became of it."""

    item: ToRead
    minutes: Minutes
    held: Held
    stored: Stored = Stored.LOADED
    duplicate: Duplicate | None = None  # the file set aside, when this one met its twin


REMEMBERED_MEETINGS = 20_000  # a few kB each: what the writer keeps of the meetings it loaded


@dataclass
class WriterMemory:
    """What the single writer keeps in memory between its writes, for the length of a run."""

    people: ArchivePeople = field(default_factory=ArchivePeople)
    meetings: dict[str, Held] = field(default_factory=dict)  # loaded in this run, newest last

    def loaded(self, held: Iterable[Held], dropped: Iterable[str]) -> None:
        """A write committed: remember the meetings it loaded, forget those it set aside."""
        for meeting_id in dropped:
            self.meetings.pop(meeting_id, None)
        for h in held:
            self.meetings[h.meeting_id] = h
        while len(self.meetings) > REMEMBERED_MEETINGS:
            del self.meetings[next(iter(self.meetings))]


def open_writer(path: Path, *, wait_s: float | None = None) -> duckdb.DuckDBPyConnection:
    """The database for a writer: created or migrated, and its people regrouped first when the
    overrides file changed since it was last applied."""
    con = db.connect(path, wait_s=wait_s)
    try:
        follow_overrides(con, path)
    except BaseException:
        con.close()
        raise
    return con


@contextmanager
def writing(con: duckdb.DuckDBPyConnection, people: ArchivePeople) -> Iterator[None]:
    """One write, all or nothing; the people in memory follow its outcome."""
    people.check(con)
    try:
        with db.transaction(con):
            yield
    except BaseException:
        people.forget()
        raise
    people.committed(con)


class RowBatch:
    """The rows of several documents, inserted with one statement a table (inside a write).

    An insert costs ~2 ms whatever its size, so rows wait here until `insert`. The one thing
    that needs earlier documents' rows in the tables is a regrouping that gives some of them
    another person id: the person index asks for them (`before_moving`) just before it does.
    """

    def __init__(self, people: ArchivePeople) -> None:
        self.people = people
        self.waiting: dict[str, list[dict[str, Any]]] = {}

    def add(self, con: duckdb.DuckDBPyConnection, minutes: Minutes, *, facts: bool = True) -> None:
        rows = rows_of(minutes)
        if facts:
            linked = self.people.link_document(con, minutes, before_moving=lambda: self.insert(con))
            linked.fill(rows)  # archive-wide person ids
        for table, table_rows in rows.items():
            if facts or table not in db.FACT_TABLES:
                self.waiting.setdefault(table, []).extend(table_rows)

    def insert(self, con: duckdb.DuckDBPyConnection) -> None:
        for table, rows in self.waiting.items():
            insert_rows(con, table, rows)
        self.waiting.clear()


def load_minutes(
    con: duckdb.DuckDBPyConnection, minutes: Minutes, people: ArchivePeople | None = None
) -> bool:
    """Load one document in one write; False when that content is already loaded."""
    people = people or ArchivePeople()
    with writing(con, people):
        if db.has_document(con, minutes.source.sha256):
            return False
        rows = RowBatch(people)
        rows.add(con, minutes)
        rows.insert(con)
    return True


def store_failure(
    con: duckdb.DuckDBPyConnection,
    failure: Failure,
    report: IngestReport,
    run_id: int | None = None,
) -> None:
    """Record why a file could not be loaded, in `ingest_errors` and in `report`."""
    files.record_failure(
        con,
        failure.path,
        failure.sha256,
        failure.stage,
        failure.error_type,
        failure.message,
        run_id=run_id,
    )
    report.failed.append(failure)


def store_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Sequence[tuple[ToRead, Minutes]],
    report: IngestReport,
    memory: WriterMemory,
    run_id: int | None = None,
) -> None:
    """Load read documents in one transaction: whole documents only, each table in one insert.

    Inserting a batch costs what inserting one document costs (a few ms a table), so the single
    writer keeps up with the workers. If the database refuses the batch, each document is tried
    alone, and the one it refuses is recorded as failed. An error of the storage itself (a
    full disk) is no document's fault: it is raised, to stop the run.
    """
    if not batch:
        return
    try:
        with writing(con, memory.people):
            written, loaded = _write(con, batch, memory, run_id)
    except duckdb.InterruptException:  # DuckDB turns Ctrl-C during a statement into its own error
        raise KeyboardInterrupt from None
    except duckdb.Error as exc:
        if is_run_error(exc):
            raise
        if len(batch) == 1:
            item = batch[0][0]
            message = f"{item.source.path}: the database refused the document: {exc}"
            failure = Failure(
                item.source.path, item.source.sha256, "load", "DatabaseError", message
            )
            store_failure(con, failure, report, run_id)
            return
        for one in batch:
            store_batch(con, [one], report, memory, run_id)
        return
    memory.loaded((w.held for w in written if w.stored is Stored.LOADED), loaded.dropped)
    for w in written:
        _count(report, w)


def _write(
    con: duckdb.DuckDBPyConnection,
    batch: Sequence[tuple[ToRead, Minutes]],
    memory: WriterMemory,
    run_id: int | None,
) -> tuple[list[_Written], Loaded]:
    written: list[_Written] = []
    in_batch: dict[str, _Written] = {}  # sha256 → the document with that content
    loaded_before = files.loaded_among(con, [item.source.sha256 for item, _ in batch])
    helds = [held_in(minutes) for _, minutes in batch]
    loaded = Loaded(con, helds, memory.meetings)
    for (item, minutes), held in zip(batch, helds, strict=True):
        w = _Written(item, minutes, held)
        written.append(w)
        sha = item.source.sha256
        if sha in in_batch or sha in loaded_before:
            w.stored = Stored.ALREADY
            continue
        in_batch[sha] = w
        holding = [o.held for o in written if o.stored is Stored.LOADED and o is not w]
        match = loaded.find(w.held) or find_same(w.held, holding)
        if match is not None:
            _settle(con, w, match, in_batch, loaded, memory.people)
    rows = RowBatch(memory.people)
    for w in written:  # people are linked only now, when it is known whose facts count
        if w.stored is not Stored.ALREADY:
            rows.add(con, w.minutes, facts=w.stored is Stored.LOADED)
    rows.insert(con)
    files.remember_files(con, [w.item.source for w in written], run_id)
    files.clear_failures(con, [w.item.source.path for w in written])
    return written, loaded


def _settle(
    con: duckdb.DuckDBPyConnection,
    mine: _Written,
    match: Match,
    in_batch: dict[str, _Written],
    loaded: Loaded,
    people: ArchivePeople,
) -> None:
    """Two files, one meeting: the better extraction keeps the facts, the other is linked."""
    other = match.held
    if mine.held.quality > other.quality:  # the one held so far is set aside
        reason = (
            f"{match.reason}; {mine.held.quality.describe()} kept over {other.quality.describe()}"
        )
        loser = in_batch.get(other.meeting_id)
        if loser is not None:  # read in this batch: its facts are simply not written
            loser.stored = Stored.DUPLICATE
        else:
            db.drop_facts(con, other.meeting_id)
            people.drop_unsighted(con)
            loaded.dropped.add(other.meeting_id)
        files.move_duplicates(con, other.meeting_id, mine.held.meeting_id)
        files.link_duplicate(con, other.meeting_id, mine.held.meeting_id, reason)
        mine.duplicate = Duplicate(other.path, mine.held.path, reason)
    else:
        reason = (
            f"{match.reason}; {other.quality.describe()} kept over {mine.held.quality.describe()}"
        )
        files.link_duplicate(con, mine.held.meeting_id, other.meeting_id, reason)
        mine.stored = Stored.DUPLICATE
        mine.duplicate = Duplicate(mine.held.path, other.path, reason)


def _count(report: IngestReport, w: _Written) -> None:
    source = w.item.source
    if w.stored is Stored.ALREADY:
        report.unchanged.append(source.path)
        return
    if w.duplicate is not None:
        report.duplicates.append(w.duplicate)
    if w.stored is Stored.LOADED:
        (report.replaced if w.item.replaces else report.loaded).append(source.path)
    report.pages += len(w.minutes.pages)
    report.ocr_pages += len(w.minutes.ocr_pages)


def retire(
    con: duckdb.DuckDBPyConnection,
    shas: Collection[str],
    gone: Iterable[str],
    people: ArchivePeople,
) -> None:
    """Remove documents no file holds any more, and forget the paths that are gone.

    A removed document's duplicates lose the meeting they were linked to: they are removed
    too, so that the run reads them again.
    """
    with writing(con, people):
        files.forget_paths(con, gone)
        for sha in sorted(shas):
            for doomed in [sha, *files.duplicates_of(con, sha)]:
                db.drop_document(con, doomed)
            files.forget_files_of(con, sha)
        if shas:
            people.drop_unsighted(con)  # the people only those documents named


def prepare(
    con: duckdb.DuckDBPyConnection,
    survey: Survey,
    known: Known,
    report: IngestReport,
    people: ArchivePeople,
    *,
    prune: bool,
    retry_failed: bool,
    guard: PruneGuard = DEFAULT_GUARD,
) -> Plan:
    """Remove what is gone or replaced, sort the surveyed files, and note moved ones.

    With `prune`, `guard` may refuse (`Refused`) before anything is written.
    """
    old, gone = retired(survey, known, prune=prune)
    if prune:
        guard.check(survey, known, gone)
    if old or gone:
        retire(con, old, gone, people)
        report.pruned.extend(gone)
        after = Known.read(con)
        known = Known(known.files, after.documents, after.failures, known.names)
    plan = classify(survey, known, retry_failed=retry_failed)
    report.unchanged.extend(s.path for s in plan.unchanged)
    report.failed_before.extend(plan.failed_before)
    if plan.moved:
        with db.transaction(con):
            files.remember_files(con, plan.moved, report.run_id)
    return plan


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

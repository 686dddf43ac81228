"""A batch ingest: one writer (this process), workers reading, crash-safe at any moment.

Where the documents come from is a `DocumentSource`: workers reading the archive (`protokoll
ingest`: processes on this machine, or a Dask cluster with `--engine dask`, engines.py), or
folders of shards read elsewhere (`protokoll load`); the writer is the same.

The run takes the database's writer lock (pipeline/ingest/lock.py) for its whole length, so a
second ingest is refused at once. It opens the database itself only to write: every
FLUSH_SECONDS the documents read so far go in, each in its own transaction, and the file is
closed again, so that readers (`protokoll query`, a notebook) get in between. A run killed at
any moment leaves whole documents only; the next run reads the rest. A database that cannot be
written (a full disk) stops the run with its own error, blaming no document, and the next run
reads what was lost.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Callable, Collection, Generator, Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Protocol

import duckdb

from pipeline.errors import DatabaseError, Refused
from pipeline.filenames import printable
from pipeline.ingest.engines import Engine, make_readers
from pipeline.ingest.lock import writer_lock
from pipeline.ingest.plan import (
    DEFAULT_GUARD,
    Known,
    Plan,
    PruneGuard,
    Survey,
    ToRead,
    database_files,
)
from pipeline.ingest.report import Failure, IngestReport
from pipeline.ingest.store import (
    WriterMemory,
    open_writer,
    prepare,
    store_batch,
    store_failure,
)
from pipeline.ingest.workers import read_in_order
from pipeline.records import Minutes
from pipeline.settings import DEFAULT_READING, ReadSettings
from pipeline.store import db
from pipeline.store.failures import storage_failed
from pipeline.store.runs import begin_run, record_pruned, update_run

FLUSH_SECONDS = 1.0  # how long read documents wait for the writer; readers wait at most this
WRITE_WAIT_S = 60.0  # the writer waits this long for a reader (or `persons merge`) to let go


@dataclass(frozen=True)
class BatchOptions:
    jobs: int = max(1, os.cpu_count() or 1)
    prune: bool = False
    retry_failed: bool = False
    prune_guard: PruneGuard = DEFAULT_GUARD  # when --prune refuses
    engine: Engine = Engine.LOCAL
    scheduler: str | None = None  # a running Dask cluster's address or scheduler file
    reading: ReadSettings = DEFAULT_READING  # --max-pages, --document-timeout


OnDocument = Callable[[str, int], None]  # after each document: its path and pages
OnPlanned = Callable[[int, int], None]  # documents to read, files unchanged
# Each document with what it gave; closed when the writer stops early (readers are cancelled).
Results = Generator[tuple[ToRead, Minutes | Failure], None, None]


class DocumentSource(Protocol):
    """What gives a batch its documents: the archive as surveyed, and each document read."""

    def survey(self) -> Survey:
        """Every file found, hashed, or the reason it cannot be."""
        ...

    def read(self, to_read: Sequence[ToRead]) -> Results:
        """Each item with its result, in the order given; one not yielded is left for later."""
        ...


class WorkerPool:
    """The archive under `roots`, read here by worker processes (`protokoll ingest`)."""

    def __init__(
        self, roots: Sequence[Path], options: BatchOptions, skip: Collection[Path] = ()
    ) -> None:
        self.roots = roots
        self.options = options
        self.skip = skip  # the database's own files, when it sits inside the archive

    def survey(self) -> Survey:
        return Survey.of(self.roots, self.skip)

    def read(self, to_read: Sequence[ToRead]) -> Results:
        if not to_read:
            return
        options = self.options
        jobs = min(options.jobs, len(to_read))
        readers = make_readers(options.engine, jobs, options.reading, options.scheduler)
        try:
            yield from read_in_order(readers, ((t, t.source) for t in to_read))
        except BaseException:  # also GeneratorExit: the writer stopped taking documents
            readers.close(cancel=True)
            raise
        readers.close()


def run_batch(
    roots: Sequence[Path],
    db_path: Path,
    options: BatchOptions = BatchOptions(),
    *,
    on_planned: OnPlanned | None = None,
    on_document: OnDocument | None = None,
    source: DocumentSource | None = None,
) -> IngestReport:
    """Ingest every file under `roots` (or what `source` gives) into `db_path`.

    `roots` are what the run's record names; see the module docstring.
    """
    source = source or WorkerPool(roots, options, database_files(db_path))
    started = time.perf_counter()
    report = IngestReport(jobs=options.jobs)
    with writer_lock(db_path), _stop_on_sigterm():
        try:
            con = open_writer(db_path)  # creates the database and brings its schema up to date
            try:
                paths = [printable(r.resolve()) for r in roots]
                run_id = report.run_id = begin_run(con, paths, options.jobs)
                known = Known.read(con)
            finally:
                con.close()
        except (duckdb.Error, OSError) as exc:
            raise storage_failed(exc, db_path) from exc
        writer = _Writer(db_path, run_id, report, started)
        try:
            survey = source.survey()  # hashing every file: the database stays free meanwhile
            with writer.open() as con:
                plan = prepare(
                    con,
                    survey,
                    known,
                    report,
                    writer.memory.people,
                    prune=options.prune,
                    retry_failed=options.retry_failed,
                    guard=options.prune_guard,
                )
                record_pruned(con, run_id, report.pruned)
            if on_planned:
                on_planned(len(plan.to_read), len(plan.unchanged))
            writer.record_unreadable(plan)
            if plan.to_read:
                _read_all(source, plan.to_read, writer, on_document)
        except KeyboardInterrupt:
            report.interrupted = True
        except Refused:
            writer.refused = True
            report.seconds = time.perf_counter() - started
            writer.end()
            raise
        except BaseException as exc:
            report.seconds = time.perf_counter() - started
            writer.abandon(store_read=not isinstance(exc, DatabaseError))
            raise
        report.seconds = time.perf_counter() - started
        writer.end()
    return report


def _read_all(
    source: DocumentSource,
    to_read: list[ToRead],
    writer: _Writer,
    on_document: OnDocument | None,
) -> None:
    # Largest files first: a long scan started last would keep one worker busy while the others
    # wait. The order is still a function of the files alone, so runs are reproducible, and
    # the same whichever source reads them (person ids are given in this order).
    with closing(source.read(in_reading_order(to_read))) as results:
        for item, result in results:
            writer.add(item, result)
            if on_document:
                pages = 0 if isinstance(result, Failure) else len(result.pages)
                on_document(item.source.path, pages)


def in_reading_order(to_read: Sequence[ToRead]) -> list[ToRead]:
    return sorted(to_read, key=lambda t: (-t.source.size_bytes, t.source.path))


class _Writer:
    """Stores read documents in order, opening the database for a moment every FLUSH_SECONDS."""

    def __init__(self, db_path: Path, run_id: int, report: IngestReport, started: float) -> None:
        self.db_path = db_path
        self.run_id = run_id
        self.report = report
        self.started = started
        self.read: list[tuple[ToRead, Minutes]] = []
        self.failed: list[Failure] = []
        self.last_flush = time.monotonic()
        self.refused = False  # the run stopped before changing anything (`Refused`)
        self.memory = WriterMemory()  # the person index and more, kept between writes

    def record_unreadable(self, plan: Plan) -> None:
        self.failed.extend(plan.failed)
        self.flush()

    def add(self, item: ToRead, result: Minutes | Failure) -> None:
        if isinstance(result, Failure):
            self.failed.append(result)
        else:
            self.read.append((item, result))
        if time.monotonic() - self.last_flush >= FLUSH_SECONDS:
            self.flush()

    def flush(self) -> None:
        if not (self.read or self.failed):
            return
        with self.open() as con:
            for failure in self.failed:
                store_failure(con, failure, self.report, self.run_id)
            store_batch(con, self.read, self.report, self.memory, self.run_id)
            self.report.seconds = time.perf_counter() - self.started
            _update_run(con, self.run_id, self.report, "running")
        self.read.clear()
        self.failed.clear()
        self.last_flush = time.monotonic()

    def finish(self) -> None:
        """Store what was read (also after Ctrl-C) and close the run's record."""
        self.flush()
        status = "interrupted" if self.report.interrupted else "finished"
        if self.refused:
            status = "refused"
        with self.open() as con:
            _update_run(con, self.run_id, self.report, status)

    def end(self) -> None:
        """finish(), or abandon() when the database fails at the last write."""
        try:
            self.finish()
        except DatabaseError:
            self.abandon(store_read=False)
            raise

    def abandon(self, *, store_read: bool) -> None:
        """After the run's own error: record the run as failed if the database still lets us.

        What was read and not stored is stored first unless the database is what failed;
        then it is dropped, blaming no file, and the next run reads it again.
        """
        try:
            if store_read:
                self.flush()
        except DatabaseError:
            pass
        self.read.clear()
        self.failed.clear()
        try:
            with self.open() as con:
                _update_run(con, self.run_id, self.report, "failed")
        except DatabaseError:
            pass  # the next run finds it 'running' and marks it killed

    @contextmanager
    def open(self) -> Iterator[duckdb.DuckDBPyConnection]:
        """The database for one write; any error of DuckDB's or the disk's is the run's."""
        con = db.open_waiting(self.db_path, read_only=False, wait_s=WRITE_WAIT_S)
        try:
            try:
                yield con
            finally:
                con.close()  # a checkpoint on close may be what meets the full disk
        except duckdb.InterruptException:
            raise KeyboardInterrupt from None
        except (duckdb.Error, OSError) as exc:
            raise storage_failed(exc, self.db_path) from exc


@contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """`kill` (SIGTERM) stops the run like Ctrl-C: what was read is stored, the run recorded."""

    def stop(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    try:
        previous = signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread: leave signals alone
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _update_run(
    con: duckdb.DuckDBPyConnection, run_id: int, report: IngestReport, status: str
) -> None:
    update_run(con, run_id, status, report.counts(), report.seconds)

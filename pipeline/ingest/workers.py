"""Reading documents in worker processes, results handed back in archive order.

What reads is a `ReaderPool`: this module's `Readers` (worker processes on this machine) or
`dask_engine.DaskReaders` (a Dask cluster); `engines.make_readers` picks one. `read_in_order`
keeps as many documents in flight as the pool asks for (`in_flight`), so memory does not grow
with the archive, and hands results to the writer in archive order whatever order they
complete in.

Each worker loads the NER model once and reads one document at a time. A worker that dies (a
crash in a PDF or image library, the kernel's out-of-memory killer) costs only the document it
was reading: the pool is started again and the other documents in flight are read again. A
document that keeps its worker longer than the time limit (a library looping or blocked for
good) is recorded as failed, and the workers are killed and replaced the same way.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.queues import SimpleQueue
from typing import Protocol, TypeVar

from pipeline.errors import DocumentTimeout, ProtokollError, WorkerCrashed
from pipeline.ingest.report import Failure
from pipeline.limits import pages_limited
from pipeline.records import Minutes, SourceFile
from pipeline.settings import DEFAULT_READING, ReadSettings

# A worker is one core's worth of work: numeric libraries that start a thread per core would
# make N workers fight over N cores (OpenBLAS threads spin while they wait).
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
# Documents submitted a worker: enough to keep it busy while the writer stores a flush (~0.3 s,
# ten text documents); 1 000 text PDFs, 2 workers: 21.7 s with 3, 20.8 s with 10.
IN_FLIGHT_PER_WORKER = 10
# A worker is replaced after this many documents: whatever a library leaks is given back. A
# new worker costs ~2 s of CPU (imports, the model), 11 % of what 500 two-page text documents
# cost to read and under 3 % of 2000; a worker's RSS grows ~1 MiB per 100 documents (spaCy's
# string store: 254 MiB with the model loaded, 280 MiB after 500 synthetic minutes).
TASKS_PER_WORKER = 2000
POLL_S = 1.0  # how often the writer looks for a document over its time limit

Item = TypeVar("Item")
Result = Minutes | Failure
Started = SimpleQueue[tuple[str, float]]  # (path, time.monotonic()) as a worker begins one
_started: Started | None = None  # in a worker: where it says so


class ReaderPool(Protocol):
    """What reads documents: submit one under a number, take results as they complete, close."""

    @property
    def jobs(self) -> int:
        """Documents read at once."""
        ...

    @property
    def in_flight(self) -> int:
        """Documents to keep submitted, so that no worker waits while the writer writes."""
        ...

    def submit(self, number: int, source: SourceFile) -> None: ...

    def completed(self) -> Iterator[tuple[int, Result]]:
        """Each submitted document's number and result as it completes (documents submitted
        meanwhile included); ends when none is left in flight."""
        ...

    def close(self, *, cancel: bool = False) -> None:
        """Stop the workers; with `cancel`, documents being read are abandoned."""
        ...


def read_document(source: SourceFile, settings: ReadSettings = DEFAULT_READING) -> Result:
    """Extract, clean, parse and resolve one document; any failure comes back as a record.

    Settings come as an argument, so that a worker on another machine reads as this one would."""
    from pipeline.process import read_minutes

    try:
        with pages_limited(settings.max_pages):
            return read_minutes(source)
    except ProtokollError as error:
        return Failure.of(source.path, error, source.sha256)
    except Exception as exc:  # a bug met on one file: recorded like bad input, the batch goes on
        bug = ProtokollError(
            f"internal error: {type(exc).__name__}: {exc}",
            path=source.path,
            hint="please report this file",
        )
        return Failure(source.path, source.sha256, "pipeline", "InternalError", bug.describe())


def _read_timed(source: SourceFile, settings: ReadSettings) -> Result:
    """`read_document`, saying first when it began: the time limit counts from then."""
    if _started is not None:  # written at once, before the reading can hold the interpreter
        _started.put((source.path, time.monotonic()))
    return read_document(source, settings)


def _start_worker(parent_pid: int, started: Started | None = None) -> None:
    """Runs once in each worker: Ctrl-C is the parent's to handle, and the model is loaded."""
    global _started
    _started = started
    _die_with(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_model_once()


def load_model_once() -> None:
    """Load the NER model into this worker process before its first document."""
    from pipeline.nlp.model import load_model

    with contextlib.suppress(ProtokollError):  # each document will report a missing model
        load_model()


def _die_with(parent_pid: int) -> None:
    """Linux: the worker is killed when the writer dies, even by SIGKILL, instead of lingering."""
    if sys.platform == "linux":  # prctl is Linux's (and SIGKILL is not Windows')
        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the writer died before the line above
        os._exit(1)


class Readers:
    """A pool of worker processes on this machine, restarted when a worker dies (a ReaderPool)."""

    def __init__(
        self,
        jobs: int,
        settings: ReadSettings = DEFAULT_READING,
    ) -> None:
        self._jobs = jobs
        self.settings = settings
        self.document_timeout_s = settings.document_timeout_s
        self._pending: dict[Future[Result], tuple[int, SourceFile]] = {}
        self._begun: dict[str, float] = {}  # path → when a worker of this pool began it
        self._pool = self._start()

    @property
    def jobs(self) -> int:
        return self._jobs

    @property
    def in_flight(self) -> int:
        return self._jobs * IN_FLIGHT_PER_WORKER

    def _start(self) -> ProcessPoolExecutor:
        for name in ONE_THREAD:  # read by the workers' numeric libraries when they load
            os.environ.setdefault(name, "1")
        # spawn: each worker is a fresh child of the writer (never a copy of its threads), so
        # it can be tied to the writer's life
        context = multiprocessing.get_context("spawn")
        self._started = context.SimpleQueue() if self.document_timeout_s is not None else None
        self._begun = {}
        return ProcessPoolExecutor(
            max_workers=self._jobs,
            mp_context=context,
            initializer=_start_worker,
            initargs=(os.getpid(), self._started),
            max_tasks_per_child=TASKS_PER_WORKER,
        )

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()  # documents being read are abandoned: they are not stored
        self._pool.shutdown(wait=not cancel, cancel_futures=True)

    def submit(self, number: int, source: SourceFile) -> None:
        self._pending[self._read(source)] = (number, source)

    def _read(self, source: SourceFile) -> Future[Result]:
        return self._pool.submit(_read_timed, source, self.settings)

    def completed(self) -> Iterator[tuple[int, Result]]:
        poll = None if self.document_timeout_s is None else POLL_S
        while self._pending:
            done, _ = wait(list(self._pending), timeout=poll, return_when=FIRST_COMPLETED)
            self._note_begun()
            overdue = self._overdue() if not done else None
            if overdue is not None:
                number, source = self._pending.pop(overdue)
                yield number, self._after_timeout(source)
            for future in self._begun_first(done):
                if future not in self._pending:  # read again after a crash: a new future
                    continue
                number, source = self._pending.pop(future)
                self._begun.pop(source.path, None)
                try:
                    result = future.result()
                except BrokenProcessPool:
                    result = self._after_crash(source)
                yield number, result

    def _begun_first(self, done: set[Future[Result]]) -> list[Future[Result]]:
        """A dead worker fails every document in flight; only one a worker had begun can be
        the cause, so those are the ones read again alone (the others are simply read again)."""

        def waiting(future: Future[Result]) -> bool:
            pending = self._pending.get(future)
            return pending is None or pending[1].path not in self._begun

        return sorted(done, key=waiting)

    def _after_crash(self, source: SourceFile) -> Result:
        """A worker died: read `source` again by itself, to tell whether it is the cause, then
        the other documents in flight again."""
        self._restart()
        try:
            result = self._alone(source)
        except TimeoutError:
            result = self._timed_out(source)
            self._kill()
        except BrokenProcessPool:
            error = WorkerCrashed(
                "the process reading this file died (a crash in a PDF or image library, or out "
                "of memory)",
                path=source.path,
                hint="check the file in another reader; it is skipped",
            )
            result = Failure.of(source.path, error, source.sha256)
        self._restart()
        self._read_again()
        return result

    def _read_again(self) -> None:
        """After the pool was replaced: the documents in flight that had no result yet."""
        self._pending = {
            (future if _succeeded(future) else self._read(s)): (n, s)
            for future, (n, s) in self._pending.items()
        }

    def _note_begun(self) -> None:
        """Take what the workers said they began. Read after every result: a worker whose
        pipe is full waits to write, and a pipe holds only a few hundred paths."""
        while self._started is not None and not self._started.empty():
            began_path, at = self._started.get()
            self._begun[began_path] = at

    def _begun_at(self, path: str) -> float | None:
        """When a worker began reading `path` (time.monotonic()), None if none has yet."""
        self._note_begun()
        return self._begun.get(path)

    def _overdue(self) -> Future[Result] | None:
        """A document a worker has spent the time limit on, if one has.

        The limit counts from when a worker began the document, not from when it was queued,
        so a document waiting behind a slow one (or for the workers to start) is not charged.
        """
        limit = self.document_timeout_s
        if limit is None:
            return None
        now = time.monotonic()
        for future, (_, source) in self._pending.items():
            begun = self._begun_at(source.path)
            if begun is not None and now - begun > limit and not future.done():
                return future
        return None

    def _alone(self, source: SourceFile) -> Result:
        """Read `source` by itself, within the time limit (TimeoutError past it)."""
        future = self._read(source)
        while True:
            done, _ = wait([future], timeout=POLL_S if self.document_timeout_s else None)
            if done:
                return future.result()
            begun = self._begun_at(source.path)
            if begun is not None and time.monotonic() - begun > (self.document_timeout_s or 0):
                raise TimeoutError

    def _after_timeout(self, source: SourceFile) -> Result:
        """A worker is stuck on `source`: every worker is killed (a pool cannot kill one), and
        the other documents in flight are read again by new ones."""
        self._kill()
        self._read_again()
        return self._timed_out(source)

    def _timed_out(self, source: SourceFile) -> Failure:
        assert self.document_timeout_s is not None
        return timed_out(source, self.document_timeout_s)

    def _kill(self) -> None:
        for process in list(getattr(self._pool, "_processes", {}).values()):
            process.kill()
        self._restart()

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()


def timed_out(source: SourceFile, limit_s: float) -> Failure:
    """The failure of a document a worker spent the time limit on (and was ended for)."""
    error = DocumentTimeout(
        f"reading the file took longer than the time limit of {limit_s:g} s "
        "(--document-timeout); the worker process reading it was killed and replaced",
        path=source.path,
        hint="check the file in another reader, or allow more time with --document-timeout; "
        "it is skipped",
    )
    return Failure.of(source.path, error, source.sha256)


def _succeeded(future: Future[Result]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


def read_in_order(
    readers: ReaderPool, items: Iterable[tuple[Item, SourceFile]]
) -> Iterator[tuple[Item, Result]]:
    """Each item with its document read, in the order given, a bounded number in flight."""
    queue = enumerate(items)
    waiting: dict[int, Item] = {}  # submitted, not yet handed back
    done: dict[int, Result] = {}
    next_out = 0

    def fill() -> None:
        while len(waiting) < max(1, readers.in_flight):
            try:
                number, (item, source) = next(queue)
            except StopIteration:
                return
            waiting[number] = item
            readers.submit(number, source)

    fill()
    for number, result in readers.completed():
        done[number] = result
        while next_out in done:
            yield waiting.pop(next_out), done.pop(next_out)
            next_out += 1
        fill()

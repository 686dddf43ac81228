"""Reading documents in worker processes, results handed back in archive order.

Each worker loads the NER model once and reads one document at a time; at most a few documents
per worker are in flight, so memory does not grow with the archive. A worker that dies (a crash
in a PDF or image library, the kernel's out-of-memory killer) costs only the document it was
reading: the pool is started again and the other documents in flight are read again.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from pipeline.errors import ProtokollError, WorkerCrashed
from pipeline.ingest.report import Failure
from pipeline.limits import MAX_PAGES_ENV
from pipeline.records import Minutes, SourceFile

# A worker is one core's worth of work: numeric libraries that start a thread per core would
# make N workers fight over N cores (OpenBLAS threads spin while they wait).
ONE_THREAD = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies
IN_FLIGHT_PER_WORKER = 3  # enough to keep a worker busy while the writer stores the others
# A worker is replaced after this many documents: whatever a library leaks is given back.
TASKS_PER_WORKER = 500

Item = TypeVar("Item")


def read_document(source: SourceFile) -> Minutes | Failure:
    """Extract, clean, parse and resolve one document; any failure comes back as a record."""
    from pipeline.process import read_minutes

    try:
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


def _start_worker(parent_pid: int, max_pages: int | None) -> None:
    """Runs once in each worker: Ctrl-C is the parent's to handle, and the model is loaded."""
    _die_with(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if max_pages is not None:
        os.environ[MAX_PAGES_ENV] = str(max_pages)
    from pipeline.nlp.model import load_model

    with contextlib.suppress(ProtokollError):  # each document will report a missing model
        load_model()


def _die_with(parent_pid: int) -> None:
    """Linux: the worker is killed when the writer dies, even by SIGKILL, instead of lingering."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:  # the writer died before the line above
        os._exit(1)


class Readers:
    """A pool of worker processes reading documents, restarted when a worker dies."""

    def __init__(self, jobs: int, *, max_pages: int | None = None) -> None:
        self.jobs = jobs
        self.max_pages = max_pages
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        for name in ONE_THREAD:  # read by the workers' numeric libraries when they load
            os.environ.setdefault(name, "1")
        # spawn: each worker is a fresh child of the writer (never a copy of its threads), so
        # it can be tied to the writer's life
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(os.getpid(), self.max_pages),
            max_tasks_per_child=TASKS_PER_WORKER,
        )

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            for process in list(getattr(self._pool, "_processes", {}).values()):
                process.terminate()  # documents being read are abandoned: they are not stored
        self._pool.shutdown(wait=not cancel, cancel_futures=True)

    def submit(self, source: SourceFile) -> Future[Minutes | Failure]:
        return self._pool.submit(read_document, source)

    def restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()


def read_in_order(
    readers: Readers, items: Iterable[tuple[Item, SourceFile]]
) -> Iterator[tuple[Item, Minutes | Failure]]:
    """Each item with its document read, in the order given, a bounded number in flight."""
    pending: deque[tuple[Item, SourceFile, Future[Minutes | Failure]]] = deque()
    queue = iter(items)
    window = readers.jobs * IN_FLIGHT_PER_WORKER

    def fill() -> None:
        while len(pending) < window:
            try:
                item, source = next(queue)
            except StopIteration:
                return
            pending.append((item, source, readers.submit(source)))

    fill()
    while pending:
        item, source, future = pending.popleft()
        try:
            result = future.result()
        except BrokenProcessPool:
            result = _read_alone(readers, source)
            readers.restart()
            pending = deque((i, s, readers.submit(s)) for i, s, _ in pending)
        yield item, result
        fill()


def _read_alone(readers: Readers, source: SourceFile) -> Minutes | Failure:
    """After a worker died: read the document again by itself, to tell whether it is the cause."""
    readers.restart()
    try:
        return readers.submit(source).result()
    except BrokenProcessPool:
        error = WorkerCrashed(
            "the process reading this file died (a crash in a PDF or image library, or out of "
            "memory)",
            path=source.path,
            hint="check the file in another reader; it is skipped",
        )
        return Failure.of(source.path, error, source.sha256)

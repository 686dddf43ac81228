"""Reading documents on a Dask cluster: a LocalCluster on this machine, or a running one.

The writer stays in this process (`batch.py`); each task is `workers.read_document` on one
file, the same function the local workers call, with the settings (`--max-pages`) as arguments,
so a worker on another machine reads as a local one would. The cluster's workers need what a
local worker needs: protokoll installed, Tesseract with Swedish, the NER model, and the archive
at the same path.

A worker that dies (killed, out of memory, its node taken back) costs no document: the
scheduler hands its tasks to the other workers. A document whose reading was under way in more
dying workers than the scheduler's `distributed.scheduler.allowed-failures` (3 unless the
cluster is set otherwise) is taken to be the cause, and comes back as a WorkerCrashed failure.

The time limit per document (`--document-timeout`) is kept by the worker: a watchdog beside the
task tells the client when the limit has passed and then ends its worker process (a thread
stuck in a library cannot be stopped otherwise; the worker's nanny starts a new one). The
client cancels the task first, so the scheduler does not hand the document to another worker,
and records a DocumentTimeout as the local engine does.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from uuid import uuid4

from distributed import Client, Future, LocalCluster, WorkerPlugin, as_completed, get_worker
from distributed.scheduler import KilledWorker

from pipeline.errors import MissingDependency, WorkerCrashed
from pipeline.ingest.report import Failure
from pipeline.ingest.workers import (
    Result,
    load_model_once,
    read_document,
    timed_out,
)
from pipeline.records import SourceFile
from pipeline.settings import DEFAULT_READING, ReadSettings

CONNECT_TIMEOUT_S = 30  # to reach a running scheduler
THREADS_REFRESH_S = 2.0  # how often the size of a running cluster is asked for again
TASK_PREFIX = "read_document"  # how the tasks are named on the dashboard
TIMEOUT_TOPIC = "protokoll-document-timeout"  # the event a worker's watchdog sends
TIMEOUT_GRACE_S = 3.0  # between telling the client and ending the worker: time to cancel
TIMEOUT_EXIT_CODE = 75
POLL_S = 0.1  # how often the client looks for overdue documents between results


class LoadModel(WorkerPlugin):
    """Loads the NER model in each worker as it joins, in a thread so it stays responsive."""

    name = "protokoll-ner-model"

    async def setup(self, worker: object) -> None:
        await asyncio.to_thread(load_model_once)


class DaskReaders:
    """Documents read by Dask workers (a ReaderPool): a LocalCluster of `jobs` processes of one
    thread each, or the cluster whose scheduler is at `scheduler` (an address such as
    tcp://head:8786, or the path of a scheduler file)."""

    reader = staticmethod(read_document)  # what each task runs, within the time limit

    def __init__(
        self, jobs: int, settings: ReadSettings = DEFAULT_READING, *, scheduler: str | None = None
    ):
        self.settings = settings
        self.document_timeout_s = settings.document_timeout_s
        self._cluster: LocalCluster | None = None
        if scheduler is None:
            self._cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # the scheduler serves HTTP anyway: any free port
                silence_logs=logging.ERROR,
            )
            self._client = Client(self._cluster, set_as_default=False)
        else:
            self._client = _connect(scheduler)
        self._local_jobs = jobs if scheduler is None else None
        self._threads = (0, -THREADS_REFRESH_S)  # threads of a running cluster, when asked
        self._pending: dict[str, tuple[int, SourceFile]] = {}
        self._submitted: dict[str, Future[Result]] = {}  # by key, to cancel one past its time limit
        self._overdue: set[str] = set()  # keys a watchdog reported, from the client's loop
        self._futures = as_completed(loop=self._client.loop, with_results=True, raise_errors=False)
        try:
            self._client.register_plugin(LoadModel())
            self._client.subscribe_topic(TIMEOUT_TOPIC, self._on_timeout)
        except BaseException:
            self.close()
            raise

    @property
    def jobs(self) -> int:
        """Worker threads of the cluster (a running cluster can grow and shrink as it goes)."""
        if self._local_jobs is not None:
            return self._local_jobs
        threads, asked = self._threads
        if time.monotonic() - asked >= THREADS_REFRESH_S:
            threads = sum(self._client.nthreads().values())
            self._threads = (threads, time.monotonic())
        return threads

    def submit(self, number: int, source: SourceFile) -> None:
        key = f"{TASK_PREFIX}-{uuid4().hex}"
        future = self._client.submit(
            read_within, self.reader, source, self.settings, key=key, pure=False
        )
        self._pending[key] = (number, source)
        self._submitted[key] = future
        self._futures.add(future)

    def _on_timeout(self, event: tuple[float, dict[str, str]]) -> None:
        self._overdue.add(event[1]["key"])  # on the client's event loop: only note it

    def completed(self) -> Iterator[tuple[int, Result]]:
        while self._pending:
            yield from self._timed_out()
            # with_results: results are fetched by the client as tasks finish
            batch = self._futures.next_batch(block=False)
            if not batch:
                with self._futures.thread_condition:
                    self._futures.thread_condition.wait(timeout=POLL_S)
            for future, result in batch:
                if future.key in self._pending:  # not one cancelled past its time limit
                    yield self._outcome(future, result)

    def _timed_out(self) -> Iterator[tuple[int, Result]]:
        """The documents whose worker reported them past the time limit: cancelled, so no
        other worker is given them, and recorded as timed out."""
        for key in list(self._overdue):
            self._overdue.discard(key)
            if key not in self._pending:
                continue
            number, source = self._pending.pop(key)
            self._submitted.pop(key).cancel()
            assert self.document_timeout_s is not None
            yield number, timed_out(source, self.document_timeout_s)

    def _outcome(self, future: Future[Result], result: object) -> tuple[int, Result]:
        key = str(future.key)  # submitted with a key of str
        number, source = self._pending.pop(key)
        del self._submitted[key]
        status = future.status
        future.release()
        if status == "finished":
            return number, result  # type: ignore[return-value]
        # an error comes as (type, exception, traceback), a cancelled task as the exception
        error = result[1] if status == "error" else result  # type: ignore[index]
        if isinstance(error, KilledWorker):
            return number, _crashed(source)
        if isinstance(error, BaseException):  # the cluster went away, or a bug: stop
            raise error
        raise RuntimeError(f"a task ended {status}: {error!r}")

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            self._futures.clear()
            self._pending.clear()
            self._submitted.clear()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def read_within(
    reader: Callable[[SourceFile, ReadSettings], Result],
    source: SourceFile,
    settings: ReadSettings,
) -> Result:
    """`reader` on a Dask worker; past the settings' time limit a watchdog tells the client, and
    a little later ends this worker process, the only way to stop a thread stuck in a library."""
    limit_s = settings.document_timeout_s
    if limit_s is None:
        return reader(source, settings)
    worker = get_worker()
    key = worker.get_current_task()
    finished = threading.Event()

    def watch() -> None:
        if finished.wait(limit_s):
            return
        worker.loop.add_callback(worker.log_event, TIMEOUT_TOPIC, {"key": key})
        if not finished.wait(TIMEOUT_GRACE_S):
            os._exit(TIMEOUT_EXIT_CODE)

    threading.Thread(target=watch, name=f"watchdog {key}", daemon=True).start()
    try:
        return reader(source, settings)
    finally:
        finished.set()


def _crashed(source: SourceFile) -> Failure:
    error = WorkerCrashed(
        "each worker process reading this file died (a crash in a PDF or image library, "
        "or out of memory)",
        path=source.path,
        hint="check the file in another reader; it is skipped",
    )
    return Failure.of(source.path, error, source.sha256)


def _connect(scheduler: str) -> Client:
    """A client of the running cluster at an address (tcp://head:8786) or a scheduler file,
    which may not be written yet: the scheduler may be starting beside this run."""
    as_file = Path(scheduler).expanduser()
    try:
        if "://" not in scheduler and (as_file.exists() or as_file.suffix == ".json"):
            return Client(
                scheduler_file=str(as_file), timeout=CONNECT_TIMEOUT_S, set_as_default=False
            )
        return Client(scheduler, timeout=CONNECT_TIMEOUT_S, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise MissingDependency(
            f"no Dask scheduler answers at {scheduler}: {error}",
            hint="start one (`dask scheduler`, then `dask worker ADDRESS` on each machine), "
            "or leave out --scheduler for a cluster on this machine",
        ) from error

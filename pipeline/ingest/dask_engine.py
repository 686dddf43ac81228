"""Reading documents on a Dask cluster: a LocalCluster on this machine, or a running one.

The writer stays in this process (`batch.py`); each task is `workers.read_document` on a few
files (text documents several, scans one), the same function the local workers call, with the
settings (`--max-pages`) as arguments, so a worker on another machine reads as a local one
would. The cluster's workers need what a
local worker needs: protokoll installed, Tesseract with Swedish, the NER model, and the archive
at the same path.

A worker that dies (killed, out of memory, its node taken back) costs no document: the
scheduler hands its tasks to the other workers. A document whose reading was under way in more
dying workers than the scheduler's `distributed.scheduler.allowed-failures` (3 unless the
cluster is set otherwise) is taken to be the cause, and comes back as a WorkerCrashed failure;
the other documents of its task are read again, each in a task of its own.

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

import dask
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

Numbered = tuple[int, SourceFile]  # a document as the writer numbered it
Task = tuple["Future[list[Result]]", list[Numbered]]  # a task in flight, and its documents

CONNECT_TIMEOUT_S = 30  # to reach a running scheduler
THREADS_REFRESH_S = 2.0  # how often the size of a running cluster is asked for again
TASK_PREFIX = "read_document"  # how the tasks are named on the dashboard
TIMEOUT_TOPIC = "protokoll-document-timeout"  # the event a worker's watchdog sends
TIMEOUT_GRACE_S = 3.0  # between telling the client and ending the worker: time to cancel
TIMEOUT_EXIT_CODE = 75
POLL_S = 0.1  # how often the client looks for overdue documents between results
DOCUMENTS_PER_TASK = 8  # a task's documents at most
TASK_BYTES = 1 << 20  # and its files' bytes, past its first document
TASKS_IN_FLIGHT = 2  # a worker thread's tasks submitted at once
# A LocalCluster runs as the local engine's workers do. Left out is what only a dashboard
# shows: the statistical profiler and the GIL monitor, and the event-loop and system checks at
# their default pace (an idle cluster of 2 workers: 2.6 s of CPU in 20 s, 0.3 s without).
# MALLOC_TRIM_THRESHOLD_, which the nanny sets for its worker, made glibc give every freed page
# image back to the kernel and fault it in again (30 scans: 15.0 s of system CPU, 8.6 s unset).
LOCAL_CLUSTER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.gil.enabled": False,
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.worker.memory.monitor-interval": "500ms",
    "distributed.scheduler.work-stealing": False,  # tasks wait at the scheduler (queuing)
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
}


class LoadModel(WorkerPlugin):
    """Loads the NER model in each worker as it joins, in a thread so it stays responsive."""

    name = "protokoll-ner-model"

    async def setup(self, worker: object) -> None:
        await asyncio.to_thread(load_model_once)


class DaskReaders:
    """Documents read by Dask workers (a ReaderPool): a LocalCluster of `jobs` processes of one
    thread each, or the cluster whose scheduler is at `scheduler` (an address such as
    tcp://head:8786, or the path of a scheduler file).

    A task reads a few documents (`tasks_of`): a text document takes ~30 ms, and a task's round
    trip through the scheduler, which a worker waits out between tasks, is a fair part of that.
    """

    reader = staticmethod(read_document)  # what each task runs, within the time limit

    def __init__(
        self, jobs: int, settings: ReadSettings = DEFAULT_READING, *, scheduler: str | None = None
    ):
        self.settings = settings
        self.document_timeout_s = settings.document_timeout_s
        self._cluster: LocalCluster | None = None
        if scheduler is None:
            with dask.config.set(LOCAL_CLUSTER_CONFIG):  # each nanny passes it to its worker
                self._cluster = _local_cluster(jobs)
            self._client = Client(self._cluster, set_as_default=False)
        else:
            self._client = _connect(scheduler)
        self._local_jobs = jobs if scheduler is None else None
        self._threads = (0, -THREADS_REFRESH_S)  # threads of a running cluster, when asked
        self._queued: list[Numbered] = []  # submitted, not yet in a task
        self._tasks: dict[str, Task] = {}  # by key: each task in flight and its documents
        self._overdue: dict[str, str] = {}  # key → path a watchdog reported, from the loop
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

    @property
    def in_flight(self) -> int:
        """Documents to keep submitted: two full tasks a worker thread."""
        return max(1, self.jobs) * TASKS_IN_FLIGHT * DOCUMENTS_PER_TASK

    def submit(self, number: int, source: SourceFile) -> None:
        self._queued.append((number, source))  # sent as tasks when results are next awaited

    def _send(self, documents: list[Numbered], *, again: bool = False) -> None:
        """One task; one sent `again` (after a time limit or a crash) goes before the others:
        the writer, which takes results in archive order, is likely waiting for it."""
        key = f"{TASK_PREFIX}-{uuid4().hex}"
        sources = [source for _, source in documents]
        future = self._client.submit(
            read_within,
            self.reader,
            sources,
            self.settings,
            key=key,
            pure=False,
            priority=1 if again else 0,
        )
        self._tasks[key] = (future, documents)
        self._futures.add(future)

    def _send_queued(self) -> None:
        for task in tasks_of(self._queued):
            self._send(task)
        self._queued = []

    def _on_timeout(self, event: tuple[float, dict[str, str]]) -> None:
        self._overdue[event[1]["key"]] = event[1]["path"]  # on the client's event loop: note it

    def completed(self) -> Iterator[tuple[int, Result]]:
        while self._queued or self._tasks:
            self._send_queued()
            yield from self._timed_out()
            # with_results: results are fetched by the client as tasks finish
            batch = self._futures.next_batch(block=False)
            if not batch:
                with self._futures.thread_condition:
                    self._futures.thread_condition.wait(timeout=POLL_S)
            for future, result in batch:
                if future.key in self._tasks:  # not one cancelled past its time limit
                    yield from self._outcome(future, result)

    def _timed_out(self) -> Iterator[tuple[int, Result]]:
        """The documents a worker's watchdog reported past the time limit: their task is
        cancelled, so no other worker is given it, the document recorded as timed out, and the
        task's other documents sent again."""
        for key, path in list(self._overdue.items()):
            del self._overdue[key]
            if key not in self._tasks:
                continue
            future, documents = self._tasks.pop(key)
            future.cancel()
            others = []
            for number, source in documents:
                if source.path == path:
                    assert self.document_timeout_s is not None
                    yield number, timed_out(source, self.document_timeout_s)
                else:
                    others.append((number, source))
            for task in tasks_of(others):
                self._send(task, again=True)

    def _outcome(
        self, future: Future[list[Result]], result: object
    ) -> Iterator[tuple[int, Result]]:
        key = str(future.key)  # submitted with a key of str
        _, documents = self._tasks.pop(key)
        status = future.status
        future.release()
        if status == "finished":
            results: list[Result] = result  # type: ignore[assignment]
            yield from zip((n for n, _ in documents), results, strict=True)
            return
        # an error comes as (type, exception, traceback), a cancelled task as the exception
        error = result[1] if status == "error" else result  # type: ignore[index]
        if isinstance(error, KilledWorker):
            if len(documents) == 1:
                number, source = documents[0]
                yield number, _crashed(source)
            else:  # which one killed its workers? each is read again alone
                for document in documents:
                    self._send([document], again=True)
            return
        if isinstance(error, BaseException):  # the cluster went away, or a bug: stop
            raise error
        raise RuntimeError(f"a task ended {status}: {error!r}")

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            self._futures.clear()
            self._queued.clear()
            self._tasks.clear()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


def tasks_of(documents: list[Numbered]) -> list[list[Numbered]]:
    """Documents in tasks of at most DOCUMENTS_PER_TASK and TASK_BYTES of files (a larger file
    goes alone): text documents go a few to a task, most scans one. Small scans (a bilevel page
    can be 50 kB) go several to a task too; that costs at most one task's time at the end of
    a run, when the other workers have nothing left."""
    tasks: list[list[Numbered]] = []
    size = 0
    for number, source in documents:
        if (
            not tasks
            or len(tasks[-1]) >= DOCUMENTS_PER_TASK
            or size + source.size_bytes > TASK_BYTES
        ):
            tasks.append([])
            size = 0
        tasks[-1].append((number, source))
        size += source.size_bytes
    return tasks


def read_within(
    reader: Callable[[SourceFile, ReadSettings], Result],
    sources: list[SourceFile],
    settings: ReadSettings,
) -> list[Result]:
    """`reader` on each of `sources`, on a Dask worker. Past the settings' time limit for one
    document a watchdog tells the client which, and a little later ends this worker process,
    the only way to stop a thread stuck in a library."""
    limit_s = settings.document_timeout_s
    if limit_s is None:
        return [reader(source, settings) for source in sources]
    worker = get_worker()
    key = worker.get_current_task()
    results = []
    for source in sources:
        finished = threading.Event()

        def watch(path: str = source.path, finished: threading.Event = finished) -> None:
            if finished.wait(limit_s):
                return
            event = {"key": key, "path": path}
            worker.loop.add_callback(worker.log_event, TIMEOUT_TOPIC, event)
            if not finished.wait(TIMEOUT_GRACE_S):
                os._exit(TIMEOUT_EXIT_CODE)

        threading.Thread(target=watch, name=f"watchdog {key}", daemon=True).start()
        try:
            results.append(reader(source, settings))
        finally:
            finished.set()
    return results


def _local_cluster(jobs: int) -> LocalCluster:
    return LocalCluster(
        n_workers=jobs,
        threads_per_worker=1,
        processes=True,
        dashboard_address=":0",  # the scheduler serves HTTP anyway: any free port
        silence_logs=logging.ERROR,
    )


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

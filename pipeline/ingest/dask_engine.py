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
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

from distributed import Client, LocalCluster, WorkerPlugin, as_completed
from distributed.scheduler import KilledWorker

from pipeline.errors import MissingDependency, WorkerCrashed
from pipeline.ingest.report import Failure
from pipeline.ingest.workers import Result, load_model_once, read_document
from pipeline.records import SourceFile

CONNECT_TIMEOUT_S = 30  # to reach a running scheduler
THREADS_REFRESH_S = 2.0  # how often the size of a running cluster is asked for again
TASK_PREFIX = "read_document"  # how the tasks are named on the dashboard


class LoadModel(WorkerPlugin):
    """Loads the NER model in each worker as it joins, in a thread so it stays responsive."""

    name = "protokoll-ner-model"

    async def setup(self, worker: object) -> None:
        await asyncio.to_thread(load_model_once)


class DaskReaders:
    """Documents read by Dask workers (a ReaderPool): a LocalCluster of `jobs` processes of one
    thread each, or the cluster whose scheduler is at `scheduler` (an address such as
    tcp://head:8786, or the path of a scheduler file)."""

    reader = staticmethod(read_document)  # what each task runs

    def __init__(self, jobs: int, *, max_pages: int | None = None, scheduler: str | None = None):
        self.max_pages = max_pages
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
        self._futures = as_completed(loop=self._client.loop, with_results=True, raise_errors=False)
        try:
            self._client.register_plugin(LoadModel())
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
        future = self._client.submit(self.reader, source, self.max_pages, key=key, pure=False)
        self._pending[key] = (number, source)
        self._futures.add(future)

    def completed(self) -> Iterator[tuple[int, Result]]:
        # with_results: results are fetched by the client as tasks finish, not one by one here
        for future, result in self._futures:  # those submitted meanwhile included
            number, source = self._pending.pop(future.key)
            status = future.status
            future.release()
            if status == "finished":
                yield number, result
                continue
            # an error comes as (type, exception, traceback), a cancelled task as the exception
            error = result[1] if status == "error" else result
            if isinstance(error, KilledWorker):
                yield number, _crashed(source)
            elif isinstance(error, BaseException):  # the cluster went away, or a bug: stop
                raise error
            else:
                raise RuntimeError(f"a task ended {status}: {error!r}")

    def close(self, *, cancel: bool = False) -> None:
        if cancel:
            self._futures.clear()
            self._pending.clear()
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()


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

"""A worker that dies costs only the document it was reading; the others are read again."""

from __future__ import annotations

import os
import shutil
import time
from concurrent.futures import Future
from pathlib import Path

from pipeline.discover import identify
from pipeline.ingest import workers
from pipeline.ingest.report import Failure
from pipeline.ingest.workers import Readers, read_document, read_in_order
from pipeline.records import Minutes, SourceFile
from pipeline.settings import ReadSettings


def read_or_die(source: SourceFile) -> Minutes | Failure:
    """As a PDF library that crashes the process on one file."""
    if "krasch" in source.path:
        os._exit(11)
    return read_document(source)


class CrashingReaders(Readers):
    def _read(self, source: SourceFile) -> Future[Minutes | Failure]:
        return self._pool.submit(read_or_die, source)


def test_a_dead_worker_costs_one_document(archive: Path) -> None:
    texts = sorted(archive.glob("*.txt"))
    shutil.copy(texts[0], archive / "c_krasch.txt")
    sources = [identify(p) for p in sorted(archive.glob("*.txt"))]
    readers = CrashingReaders(2)
    try:
        results = list(read_in_order(readers, ((s.path, s) for s in sources)))
    finally:
        readers.close()
    assert [path for path, _ in results] == [s.path for s in sources]  # every one, in order
    failed = {Path(p).name: r.error_type for p, r in results if isinstance(r, Failure)}
    assert failed == {"c_krasch.txt": "WorkerCrashed"}
    assert sum(isinstance(r, Minutes) for _, r in results) == len(sources) - 1


def note_then_die(source: SourceFile, settings: ReadSettings) -> Minutes | Failure:
    """As `_read_timed` does, the worker says it began the document, then a library crashes."""
    if workers._started is not None:
        workers._started.put((source.path, time.monotonic()))
    return read_or_die(source)


class CountingReaders(Readers):
    """Crashes on one file, counting the documents read alone to find the cause."""

    read_alone = 0

    def _read(self, source: SourceFile) -> Future[Minutes | Failure]:
        return self._pool.submit(note_then_die, source, self.settings)

    def _after_crash(self, source: SourceFile) -> Minutes | Failure:
        self.read_alone += 1
        return super()._after_crash(source)


def test_a_dead_worker_is_blamed_on_the_document_it_had_begun(archive: Path) -> None:
    """Every document in flight fails with the worker; only the one it had begun is read alone
    (with ten in flight, picking at random took several pool restarts to find it)."""
    texts = sorted(archive.glob("*.txt"))
    shutil.copy(texts[0], archive / "a_krasch.txt")  # first in order: the others wait behind it
    sources = [identify(p) for p in sorted(archive.glob("*.txt"))]
    readers = CountingReaders(1, ReadSettings(document_timeout_s=600))
    try:
        results = list(read_in_order(readers, ((s.path, s) for s in sources)))
    finally:
        readers.close()
    failed = {Path(p).name for p, r in results if isinstance(r, Failure)}
    assert failed == {"a_krasch.txt"} and len(results) == len(sources)
    assert readers.read_alone == 1

"""A worker that dies costs only the document it was reading; the others are read again."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import Future
from pathlib import Path

from pipeline.discover import identify
from pipeline.ingest.report import Failure
from pipeline.ingest.workers import Readers, read_document, read_in_order
from pipeline.records import Minutes, SourceFile


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

"""Ingest in this process on an open connection: for notebooks, tests and small folders.

The same planning and storing as the batch (`pipeline.ingest.batch`), without worker
processes, writer lock or run record.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from pathlib import Path

import duckdb

from pipeline.ingest.plan import Known, Survey
from pipeline.ingest.report import Failure, IngestReport
from pipeline.ingest.store import WriterMemory, prepare, store_batch, store_failure
from pipeline.ingest.workers import read_document


def ingest(
    paths: Iterable[Path],
    con: duckdb.DuckDBPyConnection,
    *,
    on_file: Callable[[Path], None] | None = None,
    prune: bool = False,
    retry_failed: bool = False,
) -> IngestReport:
    """Load each file under `paths`; one failing file never stops the others."""
    report = IngestReport()
    started = time.perf_counter()
    known = Known.read(con)
    memory = WriterMemory()
    plan = prepare(
        con,
        Survey.of(list(paths)),
        known,
        report,
        memory.people,
        prune=prune,
        retry_failed=retry_failed,
    )
    for failure in plan.failed:
        store_failure(con, failure, report)
    for item in plan.to_read:
        if on_file:
            on_file(Path(item.source.path))
        result = read_document(item.source)
        if isinstance(result, Failure):
            store_failure(con, result, report)
        else:
            store_batch(con, [(item, result)], report, memory)
    report.seconds = time.perf_counter() - started
    return report

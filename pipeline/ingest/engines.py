"""What reads a batch's documents: worker processes here (`local`) or a Dask cluster (`dask`).

Dask is an optional extra, imported only when it is asked for.
"""

from __future__ import annotations

from enum import StrEnum

from pipeline.errors import MissingDependency
from pipeline.ingest.workers import ReaderPool, Readers
from pipeline.settings import DEFAULT_READING, ReadSettings

DASK_MODULES = ("dask", "distributed")


class Engine(StrEnum):
    LOCAL = "local"
    DASK = "dask"


def make_readers(
    engine: Engine | str,
    jobs: int,
    settings: ReadSettings = DEFAULT_READING,
    scheduler: str | None = None,
) -> ReaderPool:
    """The pool that reads: `jobs` worker processes, or on Dask a LocalCluster of `jobs`
    workers, or the running cluster whose scheduler is `scheduler` (address or file); either
    way a document that takes longer than `settings.document_timeout_s` costs its worker
    process."""
    engine = Engine(engine)
    if engine is Engine.LOCAL:
        if scheduler is not None:
            raise ValueError("a scheduler is for the dask engine")
        return Readers(jobs, settings)
    try:
        from pipeline.ingest.dask_engine import DaskReaders
    except ImportError as error:
        if (error.name or "").partition(".")[0] not in DASK_MODULES:
            raise
        raise MissingDependency(
            "--engine dask needs Dask distributed, which is not installed",
            hint="pip install 'protokoll[dask]'",
        ) from error
    return DaskReaders(jobs, settings, scheduler=scheduler)

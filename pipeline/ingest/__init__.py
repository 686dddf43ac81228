"""Ingest: an archive in, a database out; every file loaded, unchanged, linked or failed by name.

plan.py        survey and hash the archive; what is new, unchanged, changed or gone
workers.py     read documents in worker processes, in archive order
engines.py     which pool reads: those processes, or a Dask cluster (dask_engine.py)
store.py       the single writer: one transaction per document, duplicates linked
duplicates.py  when two files hold one meeting, and which extraction is better
batch.py       the whole run: workers, periodic writes, run record; `DocumentSource`
shards.py      one document read, in a Parquet file of its own; the survey beside them
read.py        `protokoll read`: the reading half, into shards, with no database
load.py        `protokoll load`: shards into the database, through the batch's writer
lock.py        the writer lock, on the database's real file
serial.py      the same in this process on an open connection (notebooks, tests)
dry_run.py     what a run would do, with nothing written (`ingest --dry-run`)
"""

from pipeline.ingest.batch import BatchOptions, run_batch
from pipeline.ingest.report import Duplicate, Failure, IngestReport
from pipeline.ingest.serial import ingest

__all__ = ["BatchOptions", "Duplicate", "Failure", "IngestReport", "ingest", "run_batch"]

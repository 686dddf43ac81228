"""The library's front door: what a notebook or a script needs, under names that stay put.

`import pipeline` gives these names without loading spaCy, pandas or DuckDB; each loads what
it needs when first called. The command line calls the same code underneath: `read_document`
is one document through every stage (pipeline/process.py), `ingest_paths` is
`protokoll ingest`, `open_database` is the connection `protokoll query` reads through.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

    from pipeline.ingest.report import IngestReport
    from pipeline.records import Minutes

PathLike = str | os.PathLike[str]
HISTORY_COLUMNS = [
    "person_id",
    "name",
    "organization",
    "body",
    "date",
    "party",
    "service",
    "roles",
    "page",
]


def read_document(path: PathLike) -> Minutes:
    """One document (PDF, scan, Word, image, text) read into records, nothing stored.

    The meeting, its attendance, §§, decisions, amounts and entities as `Minutes`; the NER
    model loads on the first call (a few seconds), scans need Tesseract.
    """
    from pipeline.process import process

    return process(Path(path))


def ingest_paths(
    paths: PathLike | Iterable[PathLike],
    db: PathLike,
    *,
    jobs: int | None = None,
    prune: bool = False,
    retry_failed: bool = False,
) -> IngestReport:
    """Files or folders into the database at `db`, as `protokoll ingest` loads them.

    Worker processes (`jobs`, by default one per CPU) read the documents; files loaded before
    are skipped, changed ones replaced, and a file that fails is recorded, not raised: see the
    report's `failed`. Named `ingest_paths` because `pipeline.ingest` is the package.

    The workers are started afresh and import the calling script again: in a script, call this
    under `if __name__ == "__main__":`, or each worker runs the script and its documents are
    recorded as WorkerCrashed. A notebook needs nothing.
    """
    from pipeline.ingest.batch import BatchOptions, run_batch

    roots = [Path(paths)] if isinstance(paths, str | os.PathLike) else [Path(p) for p in paths]
    options = BatchOptions(
        jobs=jobs or BatchOptions().jobs,
        prune=prune,
        retry_failed=retry_failed,
    )
    return run_batch(roots, Path(db), options)


def open_database(db: PathLike, *, allow_files: bool = False) -> duckdb.DuckDBPyConnection:
    """The database read-only, for `.df()`, pandas and the functions of `queries`.

    The connection sees the database only (no COPY, read_csv or ATTACH) unless `allow_files`,
    and never blocks an ingest for long: close it when done (`with open_database(...) as con`).
    """
    from pipeline.errors import DatabaseError
    from pipeline.store.reader import open_reader

    path = Path(db)
    if not path.is_file():
        raise DatabaseError(f"no database at {path}", hint="make one with ingest_paths()")
    return open_reader(path, allow_files=allow_files)


def person_history(con: duckdb.DuckDBPyConnection, person: str) -> pd.DataFrame:
    """Every meeting whose lists name `person` (an id or a spelling), oldest first: body,
    date, party as written, how they served (member, substitute, absent …) and page."""
    import pandas as pd

    from pipeline.resolve.review import find_persons

    ids = [pid for pid, _ in find_persons(con, person)]
    if not ids:
        return pd.DataFrame(columns=HISTORY_COLUMNS)
    return con.execute(
        f"SELECT {', '.join(HISTORY_COLUMNS)} FROM attendance_as_served "
        "WHERE list_contains(?, person_id) ORDER BY date, body, name",
        [ids],
    ).df()

"""Whose fault a database error is: the document's (recorded, the run goes on) or the run's.

A document the database refuses (a value that does not fit its column) fails alone and is
recorded in `ingest_errors`. A disk that is full, a file that cannot be written, memory that
runs out or a database DuckDB has given up on is no fault of the document being written: every
later document would fail the same way, and recording them as failed would make the next run
skip good files. Such an error stops the run with one line (exit status 4), and the next run
reads again what it did not store.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import duckdb

from pipeline.errors import DatabaseError

# DuckDB's errors of the machine rather than of the data: I/O, transactions that cannot
# commit, memory, a database invalidated by an earlier fatal error, DuckDB's own bugs.
RUN_ERRORS: tuple[type[BaseException], ...] = (
    duckdb.OperationalError,
    duckdb.FatalException,
    duckdb.InternalException,
    OSError,
)
_STRIP_PREFIXES = ("TransactionContext Error: ", "Failed to commit: ", "IO Error: ")


class StorageFailed(DatabaseError):
    """The database could not be written: the run stops, no document is blamed."""


def is_run_error(exc: BaseException) -> bool:
    """Whether `exc` would fail any document, not only the one being written."""
    return isinstance(exc, RUN_ERRORS) and not isinstance(exc, duckdb.InterruptException)


def storage_failed(exc: BaseException, db_path: Path) -> StorageFailed:
    """The run's error, in one line that says what to do."""
    reason = _reason(exc)
    if _is_full(exc, reason):
        hint = "free some space on that disk and run again"
    else:
        hint = "fix the cause and run again"
    hint += "; what this run did not store is read again"
    return StorageFailed(f"cannot write to the database {db_path}: {reason}", hint=hint)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror}{where}"
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    for prefix in _STRIP_PREFIXES:
        text = text.removeprefix(prefix)
    return text


def _is_full(exc: BaseException, reason: str) -> bool:
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
        return True
    return any(os.strerror(code) in reason for code in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG))


def is_locked(exc: BaseException) -> bool:
    """Whether DuckDB refused to open the file because another process holds it."""
    return isinstance(exc, duckdb.IOException) and "lock" in str(exc).lower()


def open_failed(exc: BaseException, db_path: Path) -> DatabaseError:
    """Why the database file cannot be opened, in words that say what to do."""
    text = str(exc)
    if is_locked(exc):
        return DatabaseError(
            f"cannot open {db_path}: another process holds it",
            hint="another protokoll process is writing to it; wait for it to finish",
        )
    if "not a valid DuckDB database file" in text:
        return DatabaseError(
            f"{db_path} is not a DuckDB database",
            hint="give --db the database protokoll made, or a new file name to create one",
        )
    if not db_path.parent.is_dir():
        return DatabaseError(
            f"cannot open {db_path}: the folder {db_path.parent} does not exist",
            hint="create the folder first, or give another --db",
        )
    return DatabaseError(f"cannot open {db_path}: {_reason(exc)}")

"""The writer's lock: one ingest at a time per database file, however the file is named.

The lock is a file beside the database's real file (links and `..` resolved), so a second
writer given a symlink, a relative path or another spelling of the same path is refused as
surely as one given the same words. `filelock` holds it (flock on POSIX, LockFileEx on
Windows); the system lets go when the process dies, even by `kill -9`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from pipeline.errors import DatabaseError


def lock_path(db_path: Path) -> Path:
    """`<database>.lock` beside the file the path leads to."""
    real = db_path.resolve()
    return real.with_name(real.name + ".lock")


@contextmanager
def writer_lock(db_path: Path) -> Iterator[None]:
    """Hold the database's writer lock for the block; a second writer is told at once, with
    the first one's pid."""
    path = lock_path(db_path)
    if not path.parent.is_dir():
        raise DatabaseError(
            f"cannot create the database {db_path}: the folder {path.parent} does not exist",
            hint="create the folder first, or give another --db",
        )
    lock = FileLock(path, timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise DatabaseError(
            f"{db_path} is being written by another protokoll ingest ({_holder(path)})",
            hint="wait for it to finish; `protokoll query` and other readers keep working",
        ) from None
    except OSError as exc:
        raise DatabaseError(
            f"cannot lock the database {db_path}: {exc.strerror} ({path})",
            hint="the folder must be writable",
        ) from exc
    try:
        _write_holder(path)
        yield
    finally:
        lock.release()


def _holder(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8").strip() or "another process"
    except (OSError, UnicodeDecodeError):
        return "another process"


def _write_holder(path: Path) -> None:
    """Leave our pid in the lock file for a refused writer to show; a full disk only loses it."""
    try:
        with path.open("r+", encoding="utf-8") as handle:
            handle.truncate()
            handle.write(f"pid {os.getpid()}")
    except OSError:
        pass

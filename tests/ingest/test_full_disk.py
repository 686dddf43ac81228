"""A full disk is the run's error, not the documents': one line, exit 4, and the next run
reads again what it could not store."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import BatchOptions, run_batch
from pipeline.store.failures import is_run_error, storage_failed
from tests.conftest import FIXTURES
from tests.ingest.conftest import MEETINGS, table_rows

DISK_SIZE = "32m"  # an empty database takes about 7 MB
LEFT_FREE_BYTES = 256 * 1024  # enough to open the database, too little for eight documents
runner = CliRunner()


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A tmpfs of DISK_SIZE, or a skip where this process may not mount one."""
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command to make a small disk with")
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={DISK_SIZE}", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs to fill (needs root): {done.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def fill(disk: Path, leave_bytes: int) -> Path:
    """Take all the disk's space but `leave_bytes`, in one file that can be removed."""
    info = os.statvfs(disk)
    free = info.f_bavail * info.f_frsize
    filler = disk / "filler"
    with filler.open("wb") as handle:
        block = b"\0" * (1 << 20)
        remaining = free - leave_bytes
        while remaining > 0:
            remaining -= handle.write(block[: min(len(block), remaining)])
    return filler


def test_a_full_disk_stops_the_run_and_the_next_run_reads_what_it_lost(
    small_disk: Path, archive: Path, tmp_path: Path
) -> None:
    db_path = small_disk / "arkiv.duckdb"
    first = tmp_path / "first"
    first.mkdir()
    shutil.copy(FIXTURES / "seeds" / "seed_000.txt", first)
    assert run_batch([first], db_path, BatchOptions(jobs=1)).ok
    filler = fill(small_disk, LEFT_FREE_BYTES)

    full = runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "-q", "-j", "1"])

    assert full.exit_code == 4, full.output
    assert isinstance(full.exception, SystemExit)  # no traceback
    said = "".join(full.output.split())  # wherever the console wrapped its lines
    assert said.startswith("error:cannotwritetothedatabase")
    assert "Nospaceleftondevice" in said
    assert "freesomespace" in said
    assert table_rows(db_path, "SELECT count(*) FROM ingest_errors") == [(0,)]  # no file blamed
    assert table_rows(db_path, "SELECT status FROM ingest_runs ORDER BY run_id") == [
        ("finished",),
        ("failed",),
    ]

    filler.unlink()
    again = runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "-q", "-j", "1"])
    assert again.exit_code == 0, again.output
    assert table_rows(db_path, "SELECT count(*) FROM documents") == [(1 + MEETINGS,)]
    assert table_rows(db_path, "SELECT status FROM ingest_runs WHERE run_id = 3") == [("finished",)]


def test_a_refused_document_is_its_own_error_and_a_disk_error_the_runs() -> None:
    disk = duckdb.IOException('Could not write file "x.wal": No space left on device')
    assert is_run_error(disk)
    assert is_run_error(OSError(28, "No space left on device"))
    assert not is_run_error(duckdb.ConversionException("date field value out of range"))
    assert not is_run_error(duckdb.ConstraintException("duplicate key"))
    error = storage_failed(disk, Path("arkiv.duckdb"))
    assert error.exit_code == 4
    assert "\n" not in error.describe()
    assert "free some space" in error.describe()

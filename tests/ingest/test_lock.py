"""One writer per database file, however the second writer names it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from pipeline.errors import DatabaseError
from pipeline.ingest import BatchOptions, run_batch
from pipeline.ingest.lock import lock_path, writer_lock


@pytest.fixture
def database(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder / "arkiv.duckdb"


def other_names(database: Path, tmp_path: Path) -> list[Path]:
    """The same file by a symlink to it, a link to its folder, and a path with `..` in it."""
    link = tmp_path / "genväg.duckdb"
    link.symlink_to(database)
    linked_folder = tmp_path / "länkad"
    linked_folder.symlink_to(database.parent, target_is_directory=True)
    return [link, linked_folder / database.name, database.parent / ".." / "data" / database.name]


def test_a_second_writer_by_another_name_is_refused(database: Path, tmp_path: Path) -> None:
    database.touch()
    with writer_lock(database):
        for name in other_names(database, tmp_path):
            with (
                pytest.raises(DatabaseError, match=f"pid {os.getpid()}") as refused,
                writer_lock(name),
            ):
                pass
            assert refused.value.exit_code == 4


def test_a_run_through_a_symlink_is_refused_while_another_writes(
    database: Path, tmp_path: Path, archive: Path
) -> None:
    database.touch()
    link = tmp_path / "genväg.duckdb"
    link.symlink_to(database)
    with writer_lock(database), pytest.raises(DatabaseError, match="being written"):
        run_batch([archive], link, BatchOptions(jobs=1))


def test_the_lock_is_beside_the_real_file_and_free_again_after(
    database: Path, tmp_path: Path
) -> None:
    database.touch()
    link = tmp_path / "genväg.duckdb"
    link.symlink_to(database)
    assert lock_path(link) == database.with_name("arkiv.duckdb.lock")
    with writer_lock(link):
        pass
    with writer_lock(database):  # released: the next writer gets in
        pass


def test_a_database_in_a_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with (
        pytest.raises(DatabaseError, match="does not exist"),
        writer_lock(tmp_path / "saknas" / "arkiv.duckdb"),
    ):
        pass

"""Stored paths are absolute whatever folder the run starts in, with the root and the path in it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import BatchOptions, run_batch
from pipeline.store.migrations import SCHEMA_VERSION
from tests.ingest.conftest import MEETINGS, table_rows

ONE = BatchOptions(jobs=1)


def test_a_relative_root_is_stored_as_absolute_paths(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    db_path = tmp_path / "a.duckdb"
    report = run_batch([Path("arkiv")], db_path, ONE)
    assert len(report.loaded) == MEETINGS
    root = str(archive.resolve())
    for table in ("files", "documents"):
        rows = table_rows(db_path, f"SELECT path, root, relative_path FROM {table} ORDER BY path")
        assert len(rows) == MEETINGS
        for path, stored_root, relative in rows:
            assert Path(str(path)).is_absolute() and Path(str(path)).exists()
            assert stored_root == root and str(path) == f"{root}/{relative}"
            assert "/" not in str(relative)
    assert table_rows(db_path, "SELECT paths FROM ingest_runs") == [([root],)]

    # the same archive given from elsewhere, by another spelling, is the same files
    monkeypatch.chdir(archive)
    again = run_batch([Path(".")], db_path, ONE)
    assert (len(again.loaded), len(again.unchanged)) == (0, MEETINGS)
    assert table_rows(db_path, "SELECT count(*) FROM files") == [(MEETINGS,)]


def test_a_single_file_keeps_its_folder_as_root(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    one = sorted(archive.glob("*.txt"))[0]
    run_batch([one], db_path, ONE)
    assert table_rows(db_path, "SELECT path, root, relative_path FROM files") == [
        (str(one), str(archive), one.name)
    ]


def test_a_version_4_database_gets_absolute_paths_and_no_ghost_rows(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db_path = tmp_path / "a.duckdb"
    run_batch([archive], db_path, ONE)
    _as_version_4(db_path, relative_to=tmp_path)  # as a run from tmp_path left it
    assert table_rows(db_path, "SELECT min(path) FROM files")[0][0].startswith("arkiv/")

    monkeypatch.chdir(tmp_path)  # the upgrading run starts where the earlier ones did
    report = run_batch([Path("arkiv")], db_path, BatchOptions(jobs=1, prune=True))

    assert (len(report.loaded), len(report.unchanged), len(report.pruned)) == (0, MEETINGS, 0)
    for table in ("files", "documents"):
        paths = [Path(str(r[0])) for r in table_rows(db_path, f"SELECT path FROM {table}")]
        assert len(paths) == MEETINGS and all(p.is_absolute() and p.exists() for p in paths)
    # rows from before version 5 do not know their root
    assert table_rows(db_path, "SELECT count(*) FROM files WHERE root IS NULL") == [(MEETINGS,)]
    version = table_rows(db_path, "SELECT max(version) FROM schema_migrations")
    assert version == [(SCHEMA_VERSION,)]


def _as_version_4(db_path: Path, *, relative_to: Path) -> None:
    """Turn a database back into what version 4 stored: relative paths, no version-5 columns."""
    con = duckdb.connect(str(db_path))
    try:
        prefix = str(relative_to) + "/"
        for table in ("files", "documents"):
            for column in ("root", "relative_path", "path_bytes"):  # path_bytes: version 6
                con.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        rows = con.execute("SELECT path, sha256, size_bytes, run_id FROM files").fetchall()
        con.execute("DELETE FROM files")
        for path, sha, size, run_id in rows:
            con.execute(
                "INSERT INTO files VALUES (?, ?, ?, ?)",
                [str(path).removeprefix(prefix), sha, size, run_id],
            )
        con.execute("UPDATE documents SET path = replace(path, ?, '')", [prefix])
        con.execute("ALTER TABLE ingest_runs DROP COLUMN pruned_paths")
        con.execute("DELETE FROM schema_migrations WHERE version > 4")
        con.execute("INSERT INTO schema_migrations VALUES (4, now())")
    finally:
        con.close()

"""The SQLite mirror: every table and view copied, rebuilt only when the database is newer."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import duckdb
import pytest

from pipeline.serve.mirror import MIRROR_SUFFIX, ensure_mirror, is_current, mirror_path
from tests.serve.conftest import Sample


def _copy(sample: Sample, tmp_path: Path) -> Path:
    db = tmp_path / "copy.duckdb"
    shutil.copy(sample.db, db)
    return db


def test_every_table_and_view_is_copied_row_for_row(sample: Sample, tmp_path: Path) -> None:
    db = _copy(sample, tmp_path)
    mirror = ensure_mirror(db)
    assert mirror.rebuilt and mirror.path == tmp_path / f"copy{MIRROR_SUFFIX}"
    source = duckdb.connect(str(db), read_only=True)
    view = sqlite3.connect(mirror.path)
    try:
        names = [
            r[0]
            for r in source.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
            ).fetchall()
        ]
        assert {"attendance", "attendance_rate_per_person_body_year", "person_aliases"} <= set(
            names
        )
        for name in names:
            expected = source.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            copied = view.execute(f'SELECT count(*) FROM "{name}"').fetchone()
            assert copied == expected, name
        roles = view.execute("SELECT roles FROM attendance WHERE roles <> '[]' LIMIT 1").fetchone()
        assert roles is not None and isinstance(json.loads(roles[0]), list)
        dated = view.execute("SELECT date FROM meetings WHERE date IS NOT NULL LIMIT 1").fetchone()
        assert dated is not None and len(dated[0]) == 10  # ISO: 2020-03-25
        assert view.execute("SELECT count(*) FROM review_items").fetchone() is not None
    finally:
        source.close()
        view.close()


def test_rebuilt_only_when_the_database_is_newer(sample: Sample, tmp_path: Path) -> None:
    db = _copy(sample, tmp_path)
    first = ensure_mirror(db)
    assert first.rebuilt
    assert not ensure_mirror(db).rebuilt
    later = db.stat().st_mtime + 5
    os.utime(db, (later, later))  # an ingest wrote the database after the mirror
    assert not is_current(db, mirror_path(db))
    assert ensure_mirror(db).rebuilt
    assert is_current(db, mirror_path(db))


def test_a_mirror_of_another_format_is_rebuilt(sample: Sample, tmp_path: Path) -> None:
    db = _copy(sample, tmp_path)
    mirror = ensure_mirror(db).path
    with sqlite3.connect(mirror) as con:
        con.execute("UPDATE protokoll_view SET value = '0' WHERE key = 'format'")
    assert not is_current(db, mirror)
    assert ensure_mirror(db).rebuilt


def test_building_the_mirror_leaves_the_database_as_it_was(sample: Sample, tmp_path: Path) -> None:
    db = _copy(sample, tmp_path)
    before = (db.read_bytes(), db.stat().st_mtime)
    ensure_mirror(db, force=True)
    assert (db.read_bytes(), db.stat().st_mtime) == before
    assert not list(tmp_path.glob(".*partial"))  # written aside, then renamed


def test_the_view_follows_a_database_written_while_it_runs(
    sample: Sample, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from pipeline.serve import refresh
    from pipeline.serve.app import make_app
    from tests.serve.conftest import Client

    monkeypatch.setattr(refresh, "CHECK_EVERY_S", 0.0)
    monkeypatch.setattr(refresh, "QUIET_S", 0.0)
    db = _copy(sample, tmp_path)
    view = Client(make_app(ensure_mirror(db).path, db, tmp_path / "overrides.toml"))
    try:
        runs = len(view.get("/ingest.json").json()["runs"])
        con = duckdb.connect(str(db))
        con.execute(
            "INSERT INTO ingest_runs (run_id, started_at, status, paths, jobs) "
            "VALUES (99, now(), 'finished', [], 1)"
        )
        con.close()
        assert len(view.get("/ingest.json").json()["runs"]) == runs + 1
    finally:
        view.close()


def test_an_older_database_is_refused_with_what_to_do(sample: Sample, tmp_path: Path) -> None:
    from pipeline.errors import DatabaseError

    db = _copy(sample, tmp_path)
    con = duckdb.connect(str(db))
    con.execute("DROP VIEW roles_over_time")  # as a database of an older protokoll has none
    con.close()
    with pytest.raises(DatabaseError, match="roles_over_time") as raised:
        ensure_mirror(db)
    assert "protokoll ingest" in raised.value.describe()
    assert not mirror_path(db).exists() and not list(tmp_path.glob(".*partial"))

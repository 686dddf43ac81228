"""The SQLite mirror: every table and view copied, rebuilt only when the database is newer."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import duckdb

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

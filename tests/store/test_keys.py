"""Schema 8: pages and sections without primary keys, also in a database made before it."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.ingest.store import load_minutes
from pipeline.store import db
from pipeline.store.migrations import SCHEMA_VERSION
from tests.conftest import FIXTURES, extracted

KEYED = ("pages", "sections")


def _keys(con: duckdb.DuckDBPyConnection) -> set[str]:
    rows = con.execute(
        "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    ).fetchall()
    return {r[0] for r in rows}


def test_a_new_database_has_no_key_on_pages_and_sections(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "new.duckdb")
    try:
        assert not _keys(con) & set(KEYED)
        assert {"documents", "meetings", "files", "persons"} <= _keys(con)
    finally:
        con.close()


def test_a_version_7_database_loses_the_keys_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "v7.duckdb"
    con = db.connect(path)
    load_minutes(con, extracted(FIXTURES / "seeds" / "seed_000.txt"))
    before = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in KEYED}
    for table, key in (("pages", "sha256, page"), ("sections", "meeting_id, ordinal")):
        ddl = con.execute("SELECT sql FROM duckdb_tables() WHERE table_name = ?", [table])
        create = str(ddl.fetchone()[0]).rstrip(");")  # type: ignore[index]
        con.execute(f"CREATE TABLE old AS SELECT * FROM {table}")
        con.execute(f"DROP TABLE {table}")
        con.execute(f"{create}, PRIMARY KEY ({key}))")
        con.execute(f"INSERT INTO {table} SELECT * FROM old")
        con.execute("DROP TABLE old")
    con.execute("DELETE FROM schema_migrations WHERE version >= 8")
    con.execute("INSERT INTO schema_migrations VALUES (7, now())")
    assert set(KEYED) <= _keys(con)
    con.close()

    con = db.connect(path)
    try:
        assert not _keys(con) & set(KEYED)
        after = {t: con.execute(f"SELECT * FROM {t} ORDER BY ALL").fetchall() for t in KEYED}
        assert after == before and before["sections"]
        with pytest.raises(duckdb.ConstraintException):
            con.execute("INSERT INTO sections (meeting_id, ordinal) VALUES (NULL, 1)")
        load_minutes(con, extracted(FIXTURES / "seeds" / "seed_001.txt"))
        assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (
            SCHEMA_VERSION,
        )
    finally:
        con.close()

"""The database: schema, one transaction per document, idempotent re-ingest, errors recorded."""

from __future__ import annotations

import shutil
from datetime import time
from pathlib import Path

import duckdb

from pipeline.ingest import ingest
from pipeline.ingest.store import load_minutes
from pipeline.store import db
from pipeline.store.migrations import SCHEMA_VERSION
from tests.conftest import FIXTURES, extracted

TABLES = (
    "documents",
    "pages",
    "meetings",
    "persons",
    "attendance",
    "signatories",
    "sections",
    "decisions",
    "amounts",
    "section_references",
    "entities",
    "ingest_errors",
    "ingest_runs",
    "files",
    "duplicate_documents",
)


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}  # type: ignore[index]


def test_schema_has_every_table_and_a_version(db_con: duckdb.DuckDBPyConnection) -> None:
    assert set(_counts(db_con)) == set(TABLES)
    assert db_con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (
        SCHEMA_VERSION,
    )


def test_loading_a_document_twice_changes_nothing(db_con: duckdb.DuckDBPyConnection) -> None:
    minutes = extracted(FIXTURES / "seeds" / "seed_000.txt")
    assert load_minutes(db_con, minutes) is True
    before = _counts(db_con)
    assert load_minutes(db_con, minutes) is False
    assert _counts(db_con) == before
    assert before["attendance"] == 6 and before["sections"] == 10 and before["decisions"] == 6


def test_rows_keep_their_page_and_outcomes(db_con: duckdb.DuckDBPyConnection) -> None:
    load_minutes(db_con, extracted(FIXTURES / "seeds" / "seed_000.pdf"))
    rows = db_con.execute(
        "SELECT section_number, outcome, page FROM decisions ORDER BY ordinal, section_number"
    ).fetchall()
    assert ("15", "postponed", 1) in rows
    assert ("13", "other", 1) in rows
    assert db_con.execute(
        "SELECT sum(sek) FROM amounts WHERE section_number = '17'"
    ).fetchone() == (85_000,)
    assert db_con.execute("SELECT start_time, end_time FROM meetings").fetchone() == (
        time(13),
        time(16),
    )


def test_a_failing_file_is_recorded_and_the_batch_goes_on(
    tmp_path: Path, db_con: duckdb.DuckDBPyConnection
) -> None:
    archive = tmp_path / "archive"
    archive.mkdir()
    shutil.copy(FIXTURES / "seeds" / "seed_000.txt", archive / "a.txt")
    (archive / "b.pdf").write_bytes(b"")
    (archive / "c.pdf").write_bytes(b"%PDF-1.4\n1 0 obj truncated")
    (archive / "d.txt").write_text("Inköpslista: mjölk, bröd och ägg.", encoding="utf-8")
    shutil.copy(FIXTURES / "seeds" / "seed_001.txt", archive / "e.txt")

    report = ingest([archive], db_con)

    assert [Path(p).name for p in report.loaded] == ["a.txt", "e.txt"]
    failed = {Path(f.path).name: f.error_type for f in report.failed}
    assert failed == {"b.pdf": "EmptyFile", "c.pdf": "CorruptFile", "d.txt": "NotMinutes"}
    errors = db_con.execute(
        "SELECT path, stage, error_type FROM ingest_errors ORDER BY path"
    ).fetchall()
    assert [(Path(p).name, s, t) for p, s, t in errors] == [
        ("b.pdf", "extract", "EmptyFile"),
        ("c.pdf", "extract", "CorruptFile"),
        ("d.txt", "parse", "NotMinutes"),
    ]
    assert _counts(db_con)["meetings"] == 2
    again = ingest([archive], db_con)
    assert len(again.unchanged) == 2 and not again.loaded


def test_a_version_1_database_is_brought_up_to_date(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    old = duckdb.connect(str(path))
    old.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP);"
        "INSERT INTO schema_migrations VALUES (1, now());"
        "CREATE TABLE ingest_errors (path VARCHAR NOT NULL, sha256 VARCHAR, stage VARCHAR NOT NULL,"
        " error_type VARCHAR NOT NULL, message VARCHAR NOT NULL, occurred_at TIMESTAMP NOT NULL);"
        "INSERT INTO ingest_errors VALUES ('a.pdf', NULL, 'extract', 'EmptyFile', 'empty', now());"
    )
    old.close()
    con = db.connect(path)
    try:
        assert con.execute("SELECT max(version) FROM schema_migrations").fetchone() == (
            SCHEMA_VERSION,
        )
        assert con.execute("SELECT path, run_id FROM ingest_errors").fetchall() == [("a.pdf", None)]
        assert con.execute("SELECT count(*) FROM ingest_runs").fetchone() == (0,)
    finally:
        con.close()


def test_a_version_2_database_gains_the_confidence_of_each_document(tmp_path: Path) -> None:
    path = tmp_path / "v2.duckdb"
    old = duckdb.connect(str(path))
    old.execute(
        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMP);"
        "INSERT INTO schema_migrations VALUES (2, now());"
        "CREATE TABLE documents (sha256 VARCHAR PRIMARY KEY, path VARCHAR NOT NULL,"
        " format VARCHAR NOT NULL, size_bytes BIGINT NOT NULL, page_count INTEGER NOT NULL,"
        " ocr_pages INTEGER[] NOT NULL, warnings VARCHAR[] NOT NULL,"
        " ingested_at TIMESTAMP NOT NULL);"
        "INSERT INTO documents VALUES ('old', 'old.pdf', 'pdf', 1, 1, [], [], now());"
    )
    old.close()
    con = db.connect(path)
    try:
        minutes = extracted(FIXTURES / "seeds" / "seed_000.txt")
        load_minutes(con, minutes)
        rows = con.execute("SELECT path, confidence FROM documents ORDER BY path").fetchall()
        assert rows[0] == (minutes.source.path, minutes.confidence)
        assert rows[1] == ("old.pdf", None)  # loaded before anything weighed it
        low = con.execute("SELECT count(*) FROM documents WHERE confidence < 0.5").fetchone()
        assert low == (0,)
    finally:
        con.close()


def test_attendance_rows_keep_party_partial_presence_and_substitutes(
    db_con: duckdb.DuckDBPyConnection,
) -> None:
    from dataclasses import replace

    from pipeline.records import Attendee, Role, Status

    minutes = extracted(FIXTURES / "seeds" / "seed_000.txt")
    substitute = Attendee(
        "Eva Öz",
        Status.PRESENT,
        (Role.SUBSTITUTE,),
        party="S",
        time_present="16:15-",
        substitute_for="Agneta Sund",
    )
    replaced = Attendee("Agneta Sund", Status.ABSENT, (Role.MEMBER,), party="C", inferred=True)
    load_minutes(db_con, replace(minutes, attendance=(*minutes.attendance, substitute, replaced)))
    rows = db_con.execute(
        "SELECT name, status, party, time_present, substitute_for, inferred FROM attendance "
        "WHERE party IS NOT NULL ORDER BY name"
    ).fetchall()
    assert rows == [
        ("Agneta Sund", "absent", "C", None, None, True),
        ("Eva Öz", "present", "S", "16:15-", "Agneta Sund", False),
    ]

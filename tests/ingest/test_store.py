"""The writer's batch: whole documents in one transaction, twins settled inside the batch."""

from __future__ import annotations

from dataclasses import replace

import duckdb
import pytest

from pipeline.ingest.plan import ToRead
from pipeline.ingest.report import IngestReport
from pipeline.ingest.store import WriterMemory, store_batch
from pipeline.records import Attendee, Minutes, Status
from tests.conftest import FIXTURES, extracted, requires_tesseract

TEXT = FIXTURES / "seeds" / "seed_000.pdf"
SCAN = FIXTURES / "seeds" / "seed_000.scan.pdf"
OTHER = FIXTURES / "seeds" / "seed_001.txt"


@pytest.mark.ocr
@requires_tesseract
def test_a_scan_and_its_text_in_one_batch_count_once(db_con: duckdb.DuckDBPyConnection) -> None:
    scan, text, other = extracted(SCAN), extracted(TEXT), extracted(OTHER)
    report = IngestReport()
    batch = [(ToRead(m.source, None), m) for m in (scan, other, text)]

    store_batch(db_con, batch, report, WriterMemory())

    assert report.loaded == [str(OTHER), str(TEXT)]  # the scan was set aside inside the batch
    assert [(d.path, d.kept) for d in report.duplicates] == [(str(SCAN), str(TEXT))]
    held = db_con.execute("SELECT DISTINCT meeting_id FROM attendance ORDER BY 1").fetchall()
    assert sorted(h[0] for h in held) == sorted([text.source.sha256, other.source.sha256])
    assert db_con.execute("SELECT count(*) FROM documents").fetchone() == (3,)
    assert db_con.execute("SELECT sha256, meeting_id FROM duplicate_documents").fetchall() == [
        (scan.source.sha256, text.source.sha256)
    ]


def test_the_same_content_twice_in_a_batch_is_loaded_once(
    db_con: duckdb.DuckDBPyConnection,
) -> None:
    minutes = extracted(OTHER)
    report = IngestReport()
    store_batch(db_con, [(ToRead(minutes.source, None), minutes)] * 2, report, WriterMemory())
    assert (len(report.loaded), len(report.unchanged)) == (1, 1)
    assert db_con.execute("SELECT count(*) FROM meetings").fetchone() == (1,)


def test_a_batch_the_database_refuses_is_tried_document_by_document(
    db_con: duckdb.DuckDBPyConnection,
) -> None:
    good = extracted(OTHER)
    minutes = extracted(FIXTURES / "seeds" / "seed_000.txt")
    bad = replace(minutes, meeting=replace(minutes.meeting, date="2020-13-45"))  # no such day
    report = IngestReport()

    store_batch(db_con, [(ToRead(m.source, None), m) for m in (good, bad)], report, WriterMemory())

    assert report.loaded == [str(OTHER)]
    assert [(f.stage, f.error_type) for f in report.failed] == [("load", "DatabaseError")]
    assert db_con.execute("SELECT count(*) FROM meetings").fetchone() == (1,)
    assert db_con.execute("SELECT error_type FROM ingest_errors").fetchall() == [("DatabaseError",)]


@pytest.mark.parametrize("remembered", [True, False])
def test_a_twin_in_a_later_write_is_found_whether_remembered_or_read(
    db_con: duckdb.DuckDBPyConnection, remembered: bool
) -> None:
    text, pdf = extracted(FIXTURES / "seeds" / "seed_000.txt"), extracted(TEXT)
    memory = WriterMemory()
    report = IngestReport()
    store_batch(db_con, [(ToRead(text.source, None), text)], report, memory)
    assert list(memory.meetings) == [text.source.sha256]
    later = memory if remembered else WriterMemory()  # a new run reads it from the tables

    store_batch(db_con, [(ToRead(pdf.source, None), pdf)], report, later)

    assert len(report.duplicates) == 1
    kept = db_con.execute("SELECT DISTINCT meeting_id FROM attendance").fetchall()
    assert kept == [(text.source.sha256,)]  # the first, as good as its twin, keeps the facts
    linked = db_con.execute("SELECT count(*) FROM duplicate_documents").fetchone()
    assert linked == (1,)


def test_a_regrouping_inside_a_batch_moves_the_rows_of_its_earlier_documents(
    db_con: duckdb.DuckDBPyConnection,
) -> None:
    """Two spellings first taken as one person, then listed side by side in a later document
    of the same batch: the rows of the earlier documents follow them to their own ids."""
    base = extracted(OTHER)

    def held(day: str, *names: str) -> Minutes:
        people = tuple(Attendee(name, Status.PRESENT) for name in names)
        return replace(
            base,
            source=replace(base.source, sha256=day.replace("-", "") * 8, path=f"{day}.txt"),
            meeting=replace(base.meeting, date=day),
            attendance=base.attendance + people,
        )

    one = held("2021-01-11", "Charlotta Exempelberg")
    two = held("2021-02-08", "Charlotte Exempelberg")
    both = held("2021-03-08", "Charlotta Exempelberg", "Charlotte Exempelberg")
    report = IngestReport()

    store_batch(
        db_con, [(ToRead(m.source, None), m) for m in (one, two, both)], report, WriterMemory()
    )

    assert len(report.loaded) == 3
    ids = db_con.execute(
        "SELECT name, list(DISTINCT person_id) FROM attendance "
        "WHERE name LIKE 'Charlott_ Exempelberg' GROUP BY name ORDER BY name"
    ).fetchall()
    assert [len(pids) for _, pids in ids] == [1, 1] and ids[0][1] != ids[1][1]
    unlinked = db_con.execute(
        "SELECT count(*) FROM attendance a WHERE NOT EXISTS (SELECT 1 FROM person_links l "
        "WHERE l.person_id = a.person_id AND l.alias = a.name)"
    ).fetchone()
    assert unlinked == (0,)

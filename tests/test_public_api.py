"""The library's public names (`import pipeline`) exist, stay light to import, and work on
data/sample: one document read, the sample ingested, the database asked through pandas."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import pipeline
from pipeline.errors import DatabaseError
from tests.conftest import REPO_ROOT, SAMPLE_DIR

TEXT_PDF = SAMPLE_DIR / "rar_au_2020-03-25.pdf"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not TEXT_PDF.is_file():
        pytest.skip("data/sample is missing")
    path = tmp_path_factory.mktemp("api") / "sample.duckdb"
    report = pipeline.ingest_paths([TEXT_PDF], path, jobs=1)
    assert report.ok and report.loaded == [str(TEXT_PDF.resolve())], report.failed
    return path


def test_every_public_name_exists() -> None:
    for name in pipeline.__all__:
        assert getattr(pipeline, name) is not None, name
    assert set(pipeline.__all__) <= set(dir(pipeline))
    with pytest.raises(AttributeError):
        _ = pipeline.no_such_name  # type: ignore[attr-defined]


def test_import_loads_neither_spacy_nor_pandas() -> None:
    code = "import sys, pipeline; print(sorted({'spacy', 'pandas', 'duckdb'} & set(sys.modules)))"
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"


def test_read_document_gives_the_minutes() -> None:
    if not TEXT_PDF.is_file():
        pytest.skip("data/sample is missing")
    minutes = pipeline.read_document(TEXT_PDF)
    assert isinstance(minutes, pipeline.Minutes)
    assert str(minutes.meeting.date).startswith("2020-03-25")
    assert minutes.sections and minutes.attendance


def test_ingest_again_changes_nothing(sample_db: Path) -> None:
    report = pipeline.ingest_paths(str(TEXT_PDF), sample_db, jobs=1)
    assert isinstance(report, pipeline.IngestReport)
    assert report.loaded == [] and len(report.unchanged) == 1


def test_the_database_through_pandas(sample_db: Path) -> None:
    with pipeline.open_database(sample_db) as con:
        meetings = pipeline.queries.meetings_per_year(con)
        assert isinstance(meetings, pd.DataFrame) and meetings["meetings"].sum() == 1
        attendance = pipeline.queries.attendance(con)
        assert not attendance.empty and attendance["attendance_rate"].between(0, 1).all()
        parties = con.sql("SELECT * FROM attendance_by_party_body_year").df()
        assert parties["present"].sum() > 0
        hits = pipeline.search(con, "protokoll")
        assert not hits.empty
        someone = str(attendance["name"].iloc[0])
        history = pipeline.person_history(con, someone)
        assert not history.empty and set(history["name"]) == {someone}
        assert pipeline.person_history(con, "Ingen Alls").empty


def test_open_database_is_read_only_and_sees_no_files(sample_db: Path) -> None:
    with pipeline.open_database(sample_db) as con:
        with pytest.raises(Exception, match=r"read-only|Permission|disabled"):
            con.execute("CREATE TABLE scratch (x INT)")
        with pytest.raises(Exception, match=r"Permission|disabled"):
            con.execute("SELECT * FROM read_text('/etc/hostname')").fetchall()
    with pytest.raises(DatabaseError, match="no database"):
        pipeline.open_database(sample_db.with_name("missing.duckdb"))

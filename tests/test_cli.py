"""The command line end to end: the README's session on the sample archive, and its contracts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import FIXTURES, SAMPLE_DIR, requires_tesseract

runner = CliRunner()
CONTRACT_KEYS = {
    "source",
    "meeting",
    "attendance",
    "sections",
    "signatories",
    "entities",
    "warnings",
    "confidence",
}


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if not SAMPLE_DIR.is_dir():
        pytest.skip("data/sample is missing")
    db = tmp_path_factory.mktemp("db") / "sample.duckdb"
    result = runner.invoke(app, ["ingest", str(SAMPLE_DIR), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    return db


def _query(db: Path, sql: str, fmt: str = "json") -> list[dict[str, object]]:
    result = runner.invoke(app, ["query", sql, "--db", str(db), "--format", fmt])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout) if fmt == "json" else result.stdout  # type: ignore[no-any-return]


@pytest.mark.ocr
@requires_tesseract
def test_sample_archive_numbers(sample_db: Path) -> None:
    assert _query(sample_db, "select count(*) as n from attendance") == [{"n": 23}]
    assert _query(sample_db, "select count(*) as n from persons") == [{"n": 20}]
    outcomes = _query(
        sample_db,
        "select m.date::varchar as date, d.section_number as s, d.outcome from decisions d "
        "join meetings m using (meeting_id) order by m.date, d.section_number::int, d.ordinal",
    )
    assert [(o["date"], o["s"], o["outcome"]) for o in outcomes] == [
        ("2017-02-09", "2", "approved"),
        ("2017-02-09", "2", "elected"),
        ("2017-02-09", "5", "other"),
        ("2020-03-25", "11", "approved"),
        ("2020-03-25", "12", "elected"),
        ("2020-03-25", "13", "other"),
        ("2020-03-25", "14", "approved"),
        ("2020-03-25", "15", "postponed"),
        ("2020-03-25", "16", "postponed"),
    ]
    pages = _query(
        sample_db,
        "select method, ocr_reason, count(*) as n from pages group by all order by all",
    )
    assert pages == [
        {"method": "ocr", "ocr_reason": "no_text_layer", "n": 2},
        {"method": "text", "ocr_reason": None, "n": 2},
    ]


@pytest.mark.ocr
@requires_tesseract
def test_ingesting_again_changes_nothing(sample_db: Path) -> None:
    before = _query(
        sample_db, "select (select count(*) from sections) s, (select count(*) from persons) p"
    )
    result = runner.invoke(app, ["ingest", str(SAMPLE_DIR), "--db", str(sample_db), "-q"])
    assert result.exit_code == 0
    assert "0 loaded, 2 unchanged" in result.stderr
    assert (
        _query(
            sample_db, "select (select count(*) from sections) s, (select count(*) from persons) p"
        )
        == before
    )


@pytest.mark.ocr
@requires_tesseract
def test_summary_and_csv(sample_db: Path) -> None:
    summary = runner.invoke(app, ["summary", "--db", str(sample_db)])
    assert summary.exit_code == 0
    assert "2 documents, 2 meetings, 17 sections, 20 people" in " ".join(summary.stdout.split())
    csv_out = _query(
        sample_db, "select outcome, count(*) n from decisions group by 1 order by 1", "csv"
    )
    assert csv_out.splitlines() == [
        "outcome,n",
        "approved,3",
        "elected,2",
        "other,2",
        "postponed,2",
    ]


@pytest.mark.ocr
@requires_tesseract
def test_query_is_read_only(sample_db: Path) -> None:
    result = runner.invoke(app, ["query", "delete from attendance", "--db", str(sample_db)])
    assert result.exit_code == 4
    assert "read-only" in result.stderr.lower() or "read only" in result.stderr.lower()


def test_extract_json_follows_the_contract() -> None:
    result = runner.invoke(app, ["extract", str(FIXTURES / "seeds" / "seed_001.txt"), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == CONTRACT_KEYS
    assert 0.8 <= data["confidence"] <= 1.0  # plainly minutes: a title, labels, §§, signatures
    assert set(data["source"]) == {"path", "sha256", "format", "pages", "ocr_pages"}
    assert set(data["attendance"][0]) == {
        "name",
        "person_id",
        "status",
        "roles",
        "title",
        "affiliation",
        "party",
        "sections_present",
        "time_present",
        "substitute_for",
        "inferred",
        "role_ambiguous",
        "page",
    }
    assert set(data["sections"][0]) == {
        "number",
        "title",
        "page",
        "text",
        "dnr",
        "from_toc",
        "decisions",
        "references",
        "amounts",
    }
    assert set(data["signatories"][0]) == {"name", "person_id", "role", "title"}
    by_name = {a["name"]: a["person_id"] for a in data["attendance"]}
    signer = next(s for s in data["signatories"] if s["name"] == "Charlotta Skälén")
    assert signer["person_id"] == by_name["Charlotta Skålén"]


def test_extract_of_a_bad_file_names_it_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "broken.pdf"
    bad.write_text("<html>not a pdf</html>")
    result = runner.invoke(app, ["extract", str(bad), "--json"])
    assert result.exit_code == 2
    assert "broken.pdf" in result.stderr and "not PDF" in result.stderr


def test_ingest_exit_status_is_1_when_a_file_failed(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["ingest", str(tmp_path), "--db", str(tmp_path / "x.duckdb"), "-q"])
    assert result.exit_code == 1
    assert "EmptyFile" in result.stderr


def test_query_without_a_database_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["query", "select 1", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code == 4
    assert "protokoll ingest" in result.stderr


@pytest.mark.parametrize("command", ["ingest", "read", "load", "extract", "query", "summary"])
def test_every_command_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert f"Example: protokoll {command}" in result.stdout

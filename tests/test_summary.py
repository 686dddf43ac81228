"""`protokoll summary` fits on a screen or two however large the archive: the decisions and the
people it lists are capped, and it says how many it left out and where they all are."""

from __future__ import annotations

import io

import duckdb
import pytest
from rich.console import Console

from pipeline.ingest import ingest
from pipeline.store import db
from pipeline.summary import SHOWN_ROWS, print_summary
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    connection = db.connect(tmp_path_factory.mktemp("summary") / "summary.duckdb")
    ingest([FIXTURES / "markup"], connection)
    return connection


def _summary(con: duckdb.DuckDBPyConnection, shown: int) -> str:
    console = Console(file=io.StringIO(), width=200)
    print_summary(console, con, shown=shown)
    return console.file.getvalue()  # type: ignore[attr-defined,no-any-return]


def _count(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    assert row is not None
    return int(row[0])


def test_a_small_archive_is_shown_whole(con: duckdb.DuckDBPyConnection) -> None:
    text = _summary(con, SHOWN_ROWS)
    titles = {line.strip() for line in text.splitlines()}
    assert {"Decisions", "Attendance per person"} <= titles
    assert "all of them" not in text


def test_a_large_archive_shows_the_latest_decisions_and_the_most_present(
    con: duckdb.DuckDBPyConnection,
) -> None:
    decisions = _count(con, "SELECT count(*) FROM decisions")
    people = _count(con, "SELECT count(DISTINCT person_id) FROM attendance")
    assert decisions > 3 and people > 3
    text = _summary(con, 3)
    words = " ".join(text.split())  # a title wider than its table is wrapped
    assert f"The latest 3 of {decisions} decisions" in words
    assert "all of them: protokoll decisions" in words
    assert f"Attendance of the 3 present most often, of {people} people" in words
    assert "all of them: protokoll persons list" in words
    latest = con.execute("SELECT max(date)::VARCHAR FROM meetings").fetchone()
    assert latest is not None and latest[0] in text
    rows = [line for line in text.splitlines() if line.startswith("│")]
    assert len(rows) <= 3 + 3 + 6  # the outcome table has a row per outcome


def test_the_make_demo_summary_is_few_lines() -> None:
    """The cap is what keeps `make demo-synthetic` to a screenful or two."""
    assert SHOWN_ROWS <= 30

"""The analysis views and queries on the known database of conftest.py, number by number."""

from __future__ import annotations

from datetime import date

import duckdb
import pytest

from pipeline.analysis import queries
from pipeline.errors import DatabaseError
from pipeline.records import Outcome, Role
from tests.analysis.conftest import ANNA, AU, BO, CECILIA, DAVID, KARIN, STYRELSEN


def _rates(frame: object) -> dict[tuple[str, str, str], tuple[int, int]]:
    return {
        (r.body, r.name, r.period): (r.meetings_attended, r.meetings_held)
        for r in frame.itertuples()  # type: ignore[attr-defined]
    }


def test_attendance_rate_per_person_body_year_view(reader: duckdb.DuckDBPyConnection) -> None:
    rows = reader.execute(
        "SELECT body, name, year, meetings_attended, meetings_held, attendance_rate "
        "FROM attendance_rate_per_person_body_year"
    ).fetchall()
    assert {(b, n, y): (a, h) for b, n, y, a, h, _ in rows} == {
        (AU, ANNA, 2019): (1, 1),
        (AU, ANNA, 2020): (1, 1),
        (AU, BO, 2019): (1, 1),
        (AU, BO, 2020): (0, 1),
        (STYRELSEN, ANNA, 2019): (3, 3),
        (STYRELSEN, ANNA, 2020): (1, 2),
        (STYRELSEN, BO, 2019): (1, 3),  # not listed on 2019-11-20, but within his span
        (STYRELSEN, BO, 2020): (2, 2),
        (STYRELSEN, CECILIA, 2019): (2, 3),
        (STYRELSEN, DAVID, 2020): (2, 2),  # joined in 2020: 2019 is not held against him
        (STYRELSEN, KARIN, 2019): (3, 3),  # "Karin Skalen" on 2019-06-12 is the same person
        (STYRELSEN, KARIN, 2020): (2, 2),
    }
    assert {(b, n, y): r for b, n, y, _, _, r in rows}[(STYRELSEN, CECILIA, 2019)] == 2 / 3


def test_attendance_span_is_first_to_last_listed(reader: duckdb.DuckDBPyConnection) -> None:
    span = reader.execute(
        "SELECT DISTINCT listed_from::VARCHAR, listed_until::VARCHAR "
        "FROM attendance_rate_per_person_body_year WHERE name = ? AND body = ?",
        [CECILIA, STYRELSEN],
    ).fetchall()
    assert span == [("2019-02-10", "2019-11-20")]


def test_attendance_by_quarter_and_filters(reader: duckdb.DuckDBPyConnection) -> None:
    frame = queries.attendance(reader, body="styr", person="bo ek", by=queries.Period.QUARTER)
    assert _rates(frame) == {
        (STYRELSEN, BO, "2019-Q1"): (1, 1),
        (STYRELSEN, BO, "2019-Q2"): (0, 1),
        (STYRELSEN, BO, "2019-Q4"): (0, 1),
        (STYRELSEN, BO, "2020-Q1"): (1, 1),
        (STYRELSEN, BO, "2020-Q3"): (1, 1),
    }
    months = queries.attendance(reader, person="SKALEN", by=queries.Period.MONTH)
    assert list(months["period"]) == ["2019-02", "2019-06", "2019-11", "2020-03", "2020-09"]
    assert set(months["name"]) == {KARIN}


def test_attendance_by_body_pools_people(reader: duckdb.DuckDBPyConnection) -> None:
    bodies = queries.attendance_by_body(queries.attendance(reader, body=STYRELSEN))
    pooled = {
        r.period: (r.meetings_attended, r.meetings_held, r.people) for r in bodies.itertuples()
    }
    assert pooled == {"2019": (9, 12, 4), "2020": (7, 8, 4)}


def test_meetings_per_body_year(reader: duckdb.DuckDBPyConnection) -> None:
    frame = queries.meetings_per_year(reader)
    assert [(r.body, r.year, r.meetings) for r in frame.itertuples()] == [
        (AU, 2019, 1),
        (AU, 2020, 1),
        (STYRELSEN, 2019, 3),
        (STYRELSEN, 2020, 2),
    ]


def test_decision_outcomes_per_body_year(reader: duckdb.DuckDBPyConnection) -> None:
    rows = reader.execute(
        "SELECT body, year, outcome, decisions FROM decision_outcomes_per_body_year"
    ).fetchall()
    assert rows == [
        (AU, 2019, "approved", 1),
        (AU, 2020, "postponed", 1),
        (STYRELSEN, 2019, "approved", 3),
        (STYRELSEN, 2019, "postponed", 1),
        (STYRELSEN, 2019, "rejected", 1),
        (STYRELSEN, 2020, "approved", 1),
        (STYRELSEN, 2020, "elected", 1),
        (STYRELSEN, 2020, "noted", 1),
        (STYRELSEN, 2020, "referred", 1),
    ]
    per_year = queries.outcomes_per_year(reader)
    assert per_year[per_year["year"] == 2019].set_index("outcome")["decisions"].to_dict() == {
        "approved": 4,
        "postponed": 1,
        "rejected": 1,
    }


def test_money_granted_follows_its_rule(reader: duckdb.DuckDBPyConnection) -> None:
    granted = reader.execute(
        "SELECT body, date::VARCHAR, section_number, sek FROM money_granted ORDER BY date, sek"
    ).fetchall()
    assert granted == [
        (STYRELSEN, "2019-02-10", "2", 300_000),  # the decision's own sum, not the 450 000 asked
        (AU, "2019-03-01", "1", 25_000),
        (STYRELSEN, "2019-06-12", "5", 50_000),  # a grant § whose decision names no sum
        (STYRELSEN, "2020-03-04", "2", 100_000),  # written twice in the §, counted once
    ]  # not: the approved report's 1 200 000, the rejected 200 000, the referred 75 tkr
    per_year = reader.execute(
        "SELECT body, year, grants, sek FROM money_granted_per_year"
    ).fetchall()
    assert per_year == [
        (AU, 2019, 1, 25_000),
        (STYRELSEN, 2019, 2, 350_000),
        (STYRELSEN, 2020, 1, 100_000),
    ]
    money = queries.money_per_year(reader)
    assert [(r.year, r.grants, r.sek) for r in money.itertuples()] == [
        (2019, 3, 375_000),
        (2020, 1, 100_000),
    ]


def test_roles_over_time(reader: duckdb.DuckDBPyConnection) -> None:
    frame = queries.roles_over_time(reader, body=STYRELSEN)
    assert [(r.year, r.role, r.name, r.meetings) for r in frame.itertuples()] == [
        (2019, "chair", ANNA, 3),
        (2019, "secretary", KARIN, 3),
        (2020, "chair", ANNA, 1),
        (2020, "chair", BO, 1),
        (2020, "secretary", KARIN, 2),
    ]
    members = queries.roles_over_time(reader, roles=(Role.MEMBER,), body=STYRELSEN)
    assert set(members["name"]) == {BO, CECILIA, DAVID}


def test_decisions_filters(reader: duckdb.DuckDBPyConnection) -> None:
    everything = queries.decisions(reader)
    assert len(everything) == 11
    postponed = queries.decisions(reader, outcome=Outcome.POSTPONED)
    assert [(str(r.date)[:10], r.body, r.section) for r in postponed.itertuples()] == [
        ("2019-11-20", STYRELSEN, "6"),
        ("2020-03-04", AU, "1"),
    ]
    since = queries.decisions(reader, body="STYRELSEN", since=date(2020, 1, 1))
    assert list(since["section"]) == ["1", "2", "3", "4"]
    grep = queries.decisions(reader, grep="ANSOKAN BEVILJAS")  # folded: "Ansökan beviljas"
    assert list(grep["section"]) == ["2", "5"]
    by_title = queries.decisions(reader, grep="språkstöd")
    assert list(by_title["title"]) == ["Ansökan om medel, Språkstöd"]


def test_old_database_without_views_is_named(tmp_path: object) -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE meetings (meeting_id VARCHAR)")
    with pytest.raises(DatabaseError, match="protokoll ingest"):
        queries.attendance(con)

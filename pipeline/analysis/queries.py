"""The analysts' questions as functions that return pandas DataFrames, built on the views."""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from pipeline.analysis.periods import Period
from pipeline.analysis.terms import fold
from pipeline.errors import DatabaseError
from pipeline.records import Outcome, Role

ANALYSIS_VIEWS = (
    "meetings_per_body_year",
    "attendance_opportunities",
    "attendance_rate_per_person_body_year",
    "decision_outcomes_per_body_year",
    "money_granted",
    "money_granted_per_year",
    "roles_over_time",
)


PERIOD_LABELS = {
    Period.YEAR: "strftime(period_start, '%Y')",
    Period.QUARTER: "strftime(period_start, '%Y') || '-Q' || quarter(period_start)",
    Period.MONTH: "strftime(period_start, '%Y-%m')",
}
BODY_ATTENDANCE_COLUMNS = [
    "organization",
    "body",
    "period",
    "period_start",
    "people",
    "meetings_attended",
    "meetings_held",
    "attendance_rate",
]
# A text filter: the folded column contains the folded value ("styrelsen" finds
# "Förbundsstyrelsen", "skalen" finds "Skålén").
FOLDED_CONTAINS = "contains(strip_accents(lower({column})), ?)"

ATTENDANCE_SQL = """
WITH periods AS (
    SELECT o.*, date_trunc('{period}', o.date) AS period_start
    FROM attendance_opportunities o
    WHERE {conditions}
)
SELECT organization, body, person_id, p.name, {label} AS period, period_start::DATE AS period_start,
       count(*) FILTER (WHERE attended) AS meetings_attended,
       count(*) AS meetings_held,
       count(*) FILTER (WHERE attended) / count(*) AS attendance_rate
FROM periods LEFT JOIN persons p USING (person_id)
GROUP BY ALL
ORDER BY organization, body, p.name, person_id, period_start
"""
PERSON_MATCH = """person_id IN (
    SELECT person_id FROM persons WHERE {persons}
    UNION SELECT person_id FROM attendance WHERE {spellings}
)"""
DECISIONS_SQL = """
WITH titles AS (
    SELECT meeting_id, number, min(title) AS title FROM sections GROUP BY ALL
)
SELECT m.date, m.organization, m.body, d.section_number AS section, t.title, d.outcome,
       d.text AS decision, d.page, m.meeting_id
FROM decisions d
JOIN meetings m USING (meeting_id)
LEFT JOIN titles t ON t.meeting_id = d.meeting_id AND t.number = d.section_number
WHERE {conditions}
ORDER BY m.date, m.organization, m.body, try_cast(d.section_number AS INTEGER),
         d.section_number, d.ordinal
"""


def require_views(con: duckdb.DuckDBPyConnection) -> None:
    """Fail clearly on a database written by an older protokoll, before its views existed."""
    present = {row[0] for row in con.execute("SELECT view_name FROM duckdb_views()").fetchall()}
    missing = [v for v in ANALYSIS_VIEWS if v not in present]
    if missing:
        raise DatabaseError(
            f"the database has no analysis view {', '.join(missing)}",
            hint="it was written by an older protokoll: run `protokoll ingest` on it once "
            "(files already loaded are skipped) to add the views",
        )


def attendance(
    con: duckdb.DuckDBPyConnection,
    *,
    body: str | None = None,
    person: str | None = None,
    by: Period = Period.YEAR,
) -> pd.DataFrame:
    """Attendance rate per person, body and period (see the view attendance_opportunities).

    Columns: organization, body, person_id, name, period ("2019", "2019-Q2", "2019-03"),
    period_start, meetings_attended, meetings_held, attendance_rate (0–1).
    """
    require_views(con)
    conditions: list[str] = ["true"]
    params: list[object] = []
    if body is not None:
        conditions.append(FOLDED_CONTAINS.format(column="o.body"))
        params.append(fold(body))
    if person is not None:
        conditions.append(
            PERSON_MATCH.format(
                persons=FOLDED_CONTAINS.format(column="name"),
                spellings=FOLDED_CONTAINS.format(column="name"),
            )
        )
        params += [fold(person), fold(person)]
    sql = ATTENDANCE_SQL.format(
        period=by.value, conditions=" AND ".join(conditions), label=PERIOD_LABELS[by]
    )
    return con.execute(sql, params).df()


def attendance_by_body(frame: pd.DataFrame) -> pd.DataFrame:
    """A body's attendance rate per period: all its people's attended over all their held."""
    if frame.empty:
        return frame.assign(people=[])[BODY_ATTENDANCE_COLUMNS]
    grouped = frame.groupby(
        ["organization", "body", "period", "period_start"], dropna=False, as_index=False
    ).agg(
        people=("person_id", "nunique"),
        meetings_attended=("meetings_attended", "sum"),
        meetings_held=("meetings_held", "sum"),
    )
    grouped["attendance_rate"] = grouped["meetings_attended"] / grouped["meetings_held"]
    return grouped


def decisions(
    con: duckdb.DuckDBPyConnection,
    *,
    outcome: Outcome | None = None,
    body: str | None = None,
    since: date | None = None,
    grep: str | None = None,
) -> pd.DataFrame:
    """Decisions, oldest first, filtered by outcome, body, date and folded text.

    `grep` matches the decision's text or its §'s title, ignoring case and diacritics.
    Columns: date, organization, body, section, title, outcome, decision, page, meeting_id.
    """
    conditions: list[str] = ["true"]
    params: list[object] = []
    if outcome is not None:
        conditions.append("d.outcome = ?")
        params.append(outcome.value)
    if body is not None:
        conditions.append(FOLDED_CONTAINS.format(column="m.body"))
        params.append(fold(body))
    if since is not None:
        conditions.append("m.date >= ?")
        params.append(since)
    if grep is not None:
        text = FOLDED_CONTAINS.format(column="d.text")
        title = FOLDED_CONTAINS.format(column="t.title")
        conditions.append(f"({text} OR coalesce({title}, false))")
        params += [fold(grep), fold(grep)]
    return con.execute(DECISIONS_SQL.format(conditions=" AND ".join(conditions)), params).df()


def outcomes_per_year(con: duckdb.DuckDBPyConnection, *, body: str | None = None) -> pd.DataFrame:
    """Decisions per year and outcome, over the bodies that match `body` (all by default).

    Columns: year, outcome, decisions.
    """
    require_views(con)
    where, params = _body_filter(body)
    return con.execute(
        "SELECT year, outcome, sum(decisions)::BIGINT AS decisions "
        f"FROM decision_outcomes_per_body_year {where} GROUP BY ALL ORDER BY year, outcome",
        params,
    ).df()


def money_per_year(con: duckdb.DuckDBPyConnection, *, body: str | None = None) -> pd.DataFrame:
    """Money granted per year (the rule of the view money_granted). Columns: year, grants, sek."""
    require_views(con)
    where, params = _body_filter(body)
    return con.execute(
        "SELECT year, sum(grants)::BIGINT AS grants, sum(sek)::BIGINT AS sek "
        f"FROM money_granted_per_year {where} GROUP BY ALL ORDER BY year",
        params,
    ).df()


def meetings_per_year(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Columns: organization, body, year, meetings."""
    require_views(con)
    return con.execute("SELECT * FROM meetings_per_body_year").df()


def roles_over_time(
    con: duckdb.DuckDBPyConnection,
    *,
    roles: tuple[Role, ...] = (Role.CHAIR, Role.SECRETARY),
    body: str | None = None,
) -> pd.DataFrame:
    """Who held `roles` in which body, year by year (who chaired, who took the minutes).

    Columns: organization, body, year, role, person_id, name, meetings, first_date, last_date.
    """
    require_views(con)
    where, params = _body_filter(body)
    where += (" AND " if where else "WHERE ") + "list_contains(?, role)"
    params.append([r.value for r in roles])
    return con.execute(
        f"SELECT * FROM roles_over_time {where} ORDER BY organization, body, year, role, name",
        params,
    ).df()


def _body_filter(body: str | None) -> tuple[str, list[object]]:
    if body is None:
        return "", []
    return f"WHERE {FOLDED_CONTAINS.format(column='body')}", [fold(body)]

"""Commands over cases and appeals: a case's history, and the decisions still open to appeal."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any

import typer

from pipeline.cli.common import DEFAULT_DB, DbOption, err, reports_errors
from pipeline.cli.output import OutputFormat, print_rows
from pipeline.errors import InputError
from pipeline.store import db
from pipeline.store.case_rows import case_key

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
CASE_SQL = """
SELECT strftime(date, '%Y-%m-%d') AS date, organization, body, section_number AS "§", title,
       outcomes, written, page
FROM case_history WHERE case_key = ? ORDER BY date, section_number
"""
APPEALS_SQL = """
SELECT strftime(date, '%Y-%m-%d') AS date, organization, body, section_number AS "§", outcome,
       strftime(posted_on, '%Y-%m-%d') AS posted_on,
       strftime(appeal_deadline, '%Y-%m-%d') AS appeal_deadline,
       date_diff('day', CAST(? AS DATE), appeal_deadline) AS days_left, text AS decision
FROM decision_appeals
WHERE CAST(? AS DATE) BETWEEN posted_on AND appeal_deadline
ORDER BY appeal_deadline, date, section_number
"""


def register(app: typer.Typer) -> None:
    app.command("case", epilog="Example: protokoll case KS 2019/123 --db protokoll.duckdb")(
        case_command
    )
    app.command(
        "appeals", epilog="Example: protokoll appeals --on 2022-04-01 --db protokoll.duckdb"
    )(appeals_command)


def _rows(db_path: Any, sql: str, params: list[Any]) -> tuple[list[str], list[tuple[Any, ...]]]:
    con = db.connect(db_path, read_only=True)
    try:
        cursor = con.execute(sql, params)
        return [d[0] for d in cursor.description or []], cursor.fetchall()
    finally:
        con.close()


@reports_errors
def case_command(
    number: Annotated[
        list[str],
        typer.Argument(help='The diarienummer: "KS 2019/123", "KS/2019:123", "2019.123".'),
    ],
    db_path: DbOption = DEFAULT_DB,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """A case's history across meetings and bodies: every § that names its diarienummer, with
    the outcomes decided there, oldest first."""
    key = case_key(" ".join(number))
    if key is None:
        raise InputError(
            f"not a diarienummer: {' '.join(number)}", hint='write it as "KS 2019/123"'
        )
    columns, rows = _rows(db_path, CASE_SQL, [key[0]])
    print_rows(columns, rows, output)
    if output is OutputFormat.TABLE:
        err.print(f"{len(rows)} §§ name case {key[0]}", highlight=False)


@reports_errors
def appeals_command(
    on: Annotated[
        datetime | None,
        typer.Option("--on", help="The day to ask about (default: today).", formats=["%Y-%m-%d"]),
    ] = None,
    db_path: DbOption = DEFAULT_DB,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Decisions still open to appeal on a day: their minutes were posted on the notice board
    and the three weeks of laglighetsprövning have not run out."""
    day = (on.date() if on else date.today()).isoformat()
    columns, rows = _rows(db_path, APPEALS_SQL, [day, day])
    print_rows(columns, rows, output)
    if output is OutputFormat.TABLE:
        err.print(f"{len(rows)} decisions open to appeal on {day}", highlight=False)

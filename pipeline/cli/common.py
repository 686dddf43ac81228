"""What every protokoll command shares: consoles, the --db option, output formats, errors."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable
from enum import StrEnum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline.errors import ProtokollError
from pipeline.store import db
from pipeline.store.reader import open_reader, run_query

out = Console()
# Messages on stderr are lines, for a person and for a log alike: never wrapped mid-line.
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path,
    typer.Option("--db", help="DuckDB database file.", dir_okay=False, envvar="PROTOKOLL_DB"),
]
DEFAULT_DB = db.DEFAULT_DB
TABLE_MAX_ROWS = 200  # a longer table is no use on a screen; csv and json give every row
P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's exceptions into one clear line on stderr and their exit code."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ProtokollError as error:
            err.print(f"[bold red]error:[/] {escape(error.describe())}", highlight=False)
            raise typer.Exit(error.exit_code) from error

    return wrapper


class OutputFormat(StrEnum):
    TABLE = "table"
    CSV = "csv"
    JSON = "json"


def print_rows(columns: list[str], rows: list[tuple[Any, ...]], output: OutputFormat) -> None:
    if output is OutputFormat.CSV:
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    elif output is OutputFormat.JSON:
        records = [dict(zip(columns, row, strict=True)) for row in rows]
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2, default=str) + "\n")
    else:
        table = Table(*columns)
        for row in rows:
            table.add_row(*("" if v is None else str(v) for v in row))
        out.print(table)


def print_query(
    db_path: Path, sql: str, output: OutputFormat, *, allow_files: bool = False
) -> None:
    """Run `sql` on a read-only connection that sees only the database, and print the answer;
    a table shows the first TABLE_MAX_ROWS rows and says how many it left out."""
    con = open_reader(db_path, allow_files=allow_files)
    try:
        keep = TABLE_MAX_ROWS if output is OutputFormat.TABLE else None
        answer = run_query(con, sql, keep=keep)
    finally:
        con.close()
    print_rows(answer.columns, answer.rows, output)
    if answer.left_out:
        err.print(
            f"showing the first {len(answer.rows)} of {answer.total} rows; "
            f"{answer.left_out} left out (--format csv or json gives them all)",
            highlight=False,
        )

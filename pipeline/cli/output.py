"""How commands print their answers: a table on the screen, or every row as CSV or JSON."""

from __future__ import annotations

import csv
import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

from rich.table import Table

from pipeline.cli.common import err, out
from pipeline.store.reader import open_reader, run_query

TABLE_MAX_ROWS = 200  # a longer table is no use on a screen; csv and json give every row


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

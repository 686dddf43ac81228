"""Every table and view for a spreadsheet: one .xlsx workbook with a sheet each, or one CSV file
each that a Swedish Excel opens by double-click (UTF-8 with a byte-order mark, so å, ä and ö
survive; ";" between fields and a decimal comma, as its locale expects)."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import duckdb

RELATIONS_SQL = """
SELECT table_name, 'table' FROM duckdb_tables()
WHERE NOT temporary AND database_name = current_database() AND schema_name = 'main'
UNION ALL
SELECT view_name, 'view' FROM duckdb_views()
WHERE NOT internal AND NOT temporary AND database_name = current_database()
  AND schema_name = 'main'
ORDER BY 2, 1
"""
SHEET_NAME_CHARS = 31  # Excel's limit
EXCEL_MAX_ROWS = 1_048_575  # a sheet's rows, its header row aside
EXCEL_DELIMITER = ";"


def relations(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Tables first, then views, each in name order."""
    return [row[0] for row in con.execute(RELATIONS_SQL).fetchall()]


def write_workbook(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """One sheet per table and view; lists and structs written as text."""
    from openpyxl import Workbook  # loaded only when a workbook is asked for

    book = Workbook(write_only=True)
    for name in relations(con):
        sheet = book.create_sheet(name[:SHEET_NAME_CHARS])
        columns, rows = _rows(con, name)
        sheet.append(columns)
        for count, row in enumerate(rows):
            if count >= EXCEL_MAX_ROWS:
                break
            sheet.append([_cell(v) for v in row])
    book.save(path)
    return path


def write_excel_csv(con: duckdb.DuckDBPyConnection, directory: Path) -> list[Path]:
    """One CSV file per table and view, in the dialect Excel opens by double-click."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name in relations(con):
        path = directory / f"{name}.csv"
        columns, rows = _rows(con, name)
        with path.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=EXCEL_DELIMITER, lineterminator="\r\n")
            writer.writerow(columns)
            writer.writerows([_text(v) for v in row] for row in rows)
        written.append(path)
    return written


def _rows(con: duckdb.DuckDBPyConnection, name: str) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    cursor = con.execute(f'SELECT * FROM "{name}"')
    columns = [d[0] for d in cursor.description or []]

    def fetch() -> Iterator[tuple[Any, ...]]:
        while batch := cursor.fetchmany(10_000):
            yield from batch

    return columns, fetch()


def _cell(value: Any) -> Any:
    """What a sheet's cell can hold: numbers, text, dates and times as themselves."""
    if value is None or isinstance(value, (int, float, str, bool, date, datetime, time)):
        return value
    return str(value)


def _text(value: Any) -> str:
    """A CSV field: decimals with a comma, as a Swedish Excel reads them; lists as text."""
    if value is None:
        return ""
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)

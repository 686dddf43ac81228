"""Every table of the database written to a folder as Parquet or CSV, ready to import again."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path

import duckdb

from pipeline.errors import DatabaseError


class ExportFormat(StrEnum):
    PARQUET = "parquet"
    CSV = "csv"
    XLSX = "xlsx"  # one workbook, a sheet per table and view
    EXCEL_CSV = "excel-csv"  # a CSV file per table and view, as Excel opens them
    POPOLO = "popolo"  # persons, organizations, memberships, vote_events, votes


# The formats DuckDB writes and reads back with IMPORT DATABASE.
DATABASE_FORMATS = (ExportFormat.PARQUET, ExportFormat.CSV)


TABLES_SQL = """
SELECT table_name FROM duckdb_tables()
WHERE NOT temporary AND database_name = current_database() AND schema_name = 'main'
ORDER BY table_name
"""


def table_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute(TABLES_SQL).fetchall()]


def export_tables(con: duckdb.DuckDBPyConnection, directory: Path, fmt: ExportFormat) -> list[Path]:
    """Write one file per table into `directory`, with DuckDB's schema.sql and load.sql.

    DuckDB's EXPORT DATABASE does the writing, so `IMPORT DATABASE 'directory'` rebuilds the
    database (tables and views) in any DuckDB. In CSV, an empty string in a column that allows
    NULL reads back as NULL; Parquet keeps the two apart. Returns the table files written.
    """
    if directory.exists() and not directory.is_dir():
        raise DatabaseError(f"cannot export to {directory}: it is a file", hint="name a folder")
    directory.mkdir(parents=True, exist_ok=True)
    if fmt not in DATABASE_FORMATS:
        return _export_for_people(con, directory, fmt)
    target = str(directory.resolve()).replace("'", "''")
    try:
        con.execute(f"EXPORT DATABASE '{target}' (FORMAT {fmt.value})")
    except duckdb.Error as exc:
        raise DatabaseError(f"the export to {directory} failed: {exc}") from exc
    return [directory / f"{table}.{fmt.value}" for table in table_names(con)]


def _export_for_people(
    con: duckdb.DuckDBPyConnection, directory: Path, fmt: ExportFormat
) -> list[Path]:
    """A workbook, Excel's CSV files or Popolo JSON: for spreadsheets and other tools, not for
    importing again."""
    from pipeline.analysis import popolo, workbook

    if fmt is ExportFormat.XLSX:
        return [workbook.write_workbook(con, directory / "protokoll.xlsx")]
    if fmt is ExportFormat.EXCEL_CSV:
        return workbook.write_excel_csv(con, directory)
    return [popolo.write_popolo(con, directory / "popolo.json")]

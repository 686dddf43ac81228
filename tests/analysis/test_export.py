"""Export every table as Parquet and as CSV, and import it back unchanged."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.analysis.export import DATABASE_FORMATS, ExportFormat, export_tables, table_names
from pipeline.errors import DatabaseError


def _contents(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    return sorted(con.execute(f'SELECT * FROM "{table}"').fetchall(), key=repr)


@pytest.mark.parametrize("fmt", DATABASE_FORMATS)
def test_export_round_trip_every_table(
    reader: duckdb.DuckDBPyConnection, tmp_path: Path, fmt: ExportFormat
) -> None:
    files = export_tables(reader, tmp_path / "out", fmt)
    tables = table_names(reader)
    assert {"documents", "meetings", "attendance", "decisions", "amounts"} <= set(tables)
    assert [f.stem for f in files] == tables
    assert all(f.is_file() and f.suffix == f".{fmt.value}" for f in files)
    copy = duckdb.connect()
    copy.execute(f"IMPORT DATABASE '{tmp_path / 'out'}'")
    for table in tables:
        assert _contents(copy, table) == _contents(reader, table), table
    # the analysis views come along
    assert copy.execute("SELECT sum(sek) FROM money_granted").fetchone() == (475_000,)


def test_export_into_a_file_is_refused(reader: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(DatabaseError, match="is a file"):
        export_tables(reader, tmp_path / "file", ExportFormat.CSV)

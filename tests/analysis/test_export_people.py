"""Exports for people and other tools: an Excel workbook, Excel's CSV, and Popolo JSON checked
against the Popolo schemas (the subset in tests/fixtures/popolo), from invented minutes."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from jsonschema import Draft4Validator
from openpyxl import load_workbook
from referencing import Registry, Resource

from pipeline.analysis.export import ExportFormat, export_tables
from pipeline.ingest.store import load_minutes
from pipeline.process import process
from pipeline.store import db
from tests.conftest import FIXTURES
from tests.store.test_votes import MINUTES

SCHEMAS = FIXTURES / "popolo"


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    folder = tmp_path_factory.mktemp("export")
    path = folder / "ks_2022-03-15.txt"
    path.write_text(MINUTES, encoding="utf-8")
    connection = db.connect(folder / "export.duckdb")
    load_minutes(connection, process(path))
    return connection


def test_a_workbook_has_a_sheet_per_table_and_view(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    [path] = export_tables(con, tmp_path, ExportFormat.XLSX)
    book = load_workbook(path, read_only=True)
    assert {"meetings", "vote_events", "dissents", "votes_cast", "case_history"} <= set(
        book.sheetnames
    )
    rows = list(book["votes_cast"].iter_rows(values_only=True))
    assert rows[0][:3] == ("organization", "body", "date") and len(rows) == 6


def test_excel_csv_has_a_byte_order_mark_and_semicolons(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    files = export_tables(con, tmp_path, ExportFormat.EXCEL_CSV)
    dissents = next(f for f in files if f.name == "dissents.csv")
    raw = dissents.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    header, *lines = raw.decode("utf-8-sig").splitlines()
    assert header.startswith("meeting_id;section_number;name;")
    assert any("Dennis Grahn;Dennis Grahn;reservation" in line for line in lines)


def test_popolo_export_validates_against_the_schemas(
    con: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    [path] = export_tables(con, tmp_path, ExportFormat.POPOLO)
    data = json.loads(path.read_text(encoding="utf-8"))
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMAS.glob("*.json")}
    registry: Registry = Registry().with_resources(
        (name, Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    kinds = {
        "persons": "person.json",
        "organizations": "organization.json",
        "memberships": "membership.json",
        "vote_events": "vote_event.json",
        "votes": "vote.json",
    }
    for key, schema in kinds.items():
        validator = Draft4Validator(schemas[schema], registry=registry)
        assert data[key], key
        for item in data[key]:
            errors = [e.message for e in validator.iter_errors(item)]
            assert errors == [], (key, item)
    [vote] = [e for e in data["vote_events"] if e.get("identifier") == "§ 13"]
    assert vote["result"] == "pass" and {"option": "no", "value": 2} in vote["counts"]
    assert sum(v["option"] == "yes" for v in data["votes"]) == 3
    assert {"id": "party:SD", "name": "SD", "classification": "party"} in data["organizations"]


def test_a_schema_catches_a_wrong_vote_option() -> None:
    schema = json.loads((SCHEMAS / "vote.json").read_text(encoding="utf-8"))
    errors = list(Draft4Validator(schema).iter_errors({"vote_event_id": "v", "option": "ja"}))
    assert errors

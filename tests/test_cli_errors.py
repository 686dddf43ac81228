"""Hostile conditions at the command line give one clear line and the documented exit status."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import BatchOptions, run_batch
from pipeline.store import db
from tests.conftest import FIXTURES, requires_tesseract

runner = CliRunner()
SEED = FIXTURES / "seeds" / "seed_000.txt"
# /Rotate must be a multiple of 90; fuzzers and broken writers put anything there
BAD_ROTATIONS = {"fyrtiofem": b"45", "text": b"(upp)", "negativ": b"-91", "namn": b"/Snett"}


def says(output: str, text: str) -> bool:
    """Whether `output` holds `text`, wherever the console wrapped its lines (even mid-path)."""
    return "".join(text.split()) in "".join(output.split())


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.duckdb"
    db.connect(path).close()
    return path


def test_a_database_in_a_missing_folder(tmp_path: Path) -> None:
    missing = tmp_path / "saknas" / "arkiv.duckdb"
    ingest = runner.invoke(app, ["ingest", str(SEED), "--db", str(missing), "-q", "-j", "1"])
    assert ingest.exit_code == 4, ingest.output
    assert isinstance(ingest.exception, SystemExit)
    assert says(ingest.output, f"the folder {missing.parent} does not exist")
    query = runner.invoke(app, ["query", "SELECT 1", "--db", str(missing)])
    assert query.exit_code == 4
    assert says(query.output, "no database at")


@pytest.mark.parametrize("sql", ["", "   ", "\n"])
def test_an_empty_query(database: Path, sql: str) -> None:
    result = runner.invoke(app, ["query", sql, "--db", str(database)])
    assert result.exit_code == 2
    assert says(result.output, "the query is empty")


def test_a_file_that_is_no_database(tmp_path: Path) -> None:
    not_db = tmp_path / "anteckningar.duckdb"
    not_db.write_text("inte en databas\n", encoding="utf-8")
    for args in (
        ["query", "SELECT 1", "--db", str(not_db)],
        ["ingest", str(SEED), "--db", str(not_db), "-q", "-j", "1"],
    ):
        result = runner.invoke(app, args)
        assert result.exit_code == 4, result.output
        assert says(result.output, f"{not_db} is not a DuckDB database")
        assert not says(result.output, "another protokoll process")


def test_a_long_table_shows_its_first_rows_and_says_how_to_get_all(database: Path) -> None:
    sql = "SELECT range AS n, 'rad ' || range AS s FROM range(5000)"
    table = runner.invoke(app, ["query", sql, "--db", str(database)])
    assert table.exit_code == 0, table.output
    shown = [int(n) for n in re.findall(r"│ (\d+)\s+│ rad", table.output)]
    assert shown == list(range(200))
    assert says(table.output, "showing the first 200 of 5000 rows; 4800 left out (--format csv")
    csv = runner.invoke(app, ["query", sql, "--db", str(database), "--format", "csv"])
    assert len(csv.output.splitlines()) == 1 + 5000
    assert "left out" not in csv.output


def pdf_rotated(rotation: bytes) -> bytes:
    """Minutes as a text PDF whose page has the /Rotate value given."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1)
    pdf.setPageRotation(90)
    y = 800.0
    for line in SEED.read_text(encoding="utf-8").splitlines():
        if y < 40:
            pdf.showPage()
            pdf.setPageRotation(90)
            y = 800.0
        pdf.drawString(40, y, line)
        y -= 12
    pdf.save()
    data = buffer.getvalue()
    assert b"/Rotate 90" in data
    return data.replace(b"/Rotate 90", b"/Rotate " + rotation)


def test_pdfs_with_an_invalid_page_rotation_are_read(tmp_path: Path) -> None:
    archive = tmp_path / "arkiv"
    archive.mkdir()
    for name, rotation in BAD_ROTATIONS.items():
        (archive / f"{name}.pdf").write_bytes(pdf_rotated(rotation))
    report = run_batch([archive], tmp_path / "arkiv.duckdb", BatchOptions(jobs=1))
    assert report.failed == []
    assert len(report.loaded) + len(report.duplicates) == len(BAD_ROTATIONS)
    one = runner.invoke(app, ["extract", str(archive / "fyrtiofem.pdf")])
    assert one.exit_code == 0, one.output
    assert "Traceback" not in one.output


@pytest.mark.ocr
@requires_tesseract
def test_a_scan_with_an_invalid_page_rotation_is_read(tmp_path: Path) -> None:
    scan = (FIXTURES / "seeds" / "seed_000.scan.pdf").read_bytes()
    fuzzed = re.sub(rb"/Type\s*/Page\b(?!s)", b"/Type /Page /Rotate (snett)", scan)
    assert fuzzed != scan
    path = tmp_path / "skannad.pdf"
    path.write_bytes(fuzzed)
    result = runner.invoke(app, ["extract", str(path), "--json"])
    assert result.exit_code == 0, result.output
    assert '"ocr_pages": [' in result.output

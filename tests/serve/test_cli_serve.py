"""`protokoll serve` on the command line: documented, and a clear error without a database."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.cli.serve import DEFAULT_HOST, DEFAULT_PORT

runner = CliRunner()


def test_help_names_the_defaults() -> None:
    result = runner.invoke(app, ["serve", "--help"])
    assert result.exit_code == 0
    assert "--port" in result.output and "--host" in result.output
    assert (DEFAULT_HOST, DEFAULT_PORT) == ("127.0.0.1", 8001)  # this machine only


def test_no_database_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["serve", "--db", str(tmp_path / "none.duckdb")])
    assert result.exit_code != 0
    assert "protokoll ingest" in result.output
    assert not (tmp_path / "none.view.sqlite").exists()

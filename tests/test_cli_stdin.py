"""`-` reads paths (ingest, read, load) or SQL (query) from stdin; what stdin gives is checked as
the command line checks its own arguments (exit 2)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()
MARKUP = FIXTURES / "markup"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two markup documents ingested from paths given on stdin, one a line."""
    db = tmp_path_factory.mktemp("stdin") / "stdin.duckdb"
    paths = f"{MARKUP / 'medlemsmote.md'}\n\n{MARKUP / 'styrelsemote.org'}\n"
    result = runner.invoke(
        app, ["ingest", "-", "--db", str(db), "--quiet", "--jobs", "1"], input=paths
    )
    assert result.exit_code == 0, result.output
    return db


def _query(db: Path, sql: str) -> list[dict[str, object]]:
    result = runner.invoke(app, ["query", "-", "--db", str(db), "--format", "json"], input=sql)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)  # type: ignore[no-any-return]


def test_ingest_reads_paths_from_stdin_and_query_its_sql(database: Path) -> None:
    rows = _query(database, "select path\nfrom documents\norder by path;\n")
    assert [Path(str(r["path"])).name for r in rows] == ["medlemsmote.md", "styrelsemote.org"]


def test_dash_beside_paths_given(database: Path) -> None:
    result = runner.invoke(
        app,
        ["ingest", str(MARKUP / "medlemsmote.md"), "-", "--db", str(database), "--dry-run"],
        input=f"{MARKUP / 'arsmote.typ'}\n",
    )
    assert result.exit_code == 0, result.output
    assert "arsmote.typ" in result.stdout and "medlemsmote.md" not in result.stdout


@pytest.mark.parametrize(
    ("args", "stdin", "says"),
    [
        (["ingest", "-", "--db"], "/no/such/minutes.pdf\n", "does not exist"),
        (["ingest", "-", "--db"], "\n\n", "stdin held no paths"),
        (["ingest", "-", "-", "--db"], "x\n", "can be given once"),
        (["read", "-", "--out"], "", "stdin held no paths"),
        (["load", "-", "--db"], f"{MARKUP / 'medlemsmote.md'}\n", "is not a folder"),
        (["query", "-", "--db"], "  \n", "stdin was empty"),
    ],
)
def test_what_stdin_gives_is_checked(
    tmp_path: Path, args: list[str], stdin: str, says: str
) -> None:
    written = tmp_path / "written"
    result = runner.invoke(app, [*args, str(written)], input=stdin)
    assert result.exit_code == 2, result.output
    assert says in " ".join(result.output.split())
    assert not written.exists()

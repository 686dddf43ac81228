"""The reader sees the database and nothing else, unless asked."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import DatabaseError
from pipeline.store import db
from pipeline.store.reader import open_reader, run_query

runner = CliRunner()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "arkiv.duckdb"
    db.connect(path).close()
    return path


def escaping_queries(tmp_path: Path) -> dict[str, str]:
    outside = tmp_path / "utanför"
    return {
        "copy": f"COPY (SELECT 1 AS a) TO '{outside}.csv'",
        "export": f"EXPORT DATABASE '{outside}'",
        "read_text": "SELECT * FROM read_text('/etc/passwd')",
        "glob": "SELECT * FROM glob('/etc/*')",
        "attach": f"ATTACH '{outside}.duckdb' AS annan",
        "read_csv": f"SELECT * FROM read_csv('{tmp_path}/*.csv')",
    }


@pytest.mark.parametrize("kind", ["copy", "export", "read_text", "glob", "attach", "read_csv"])
def test_sql_cannot_reach_other_files(database: Path, tmp_path: Path, kind: str) -> None:
    con = open_reader(database)
    try:
        with pytest.raises(DatabaseError, match="does not allow") as refused:
            run_query(con, escaping_queries(tmp_path)[kind])
    finally:
        con.close()
    assert "--allow-files" in refused.value.describe()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["arkiv.duckdb"]  # nothing written


def test_sql_cannot_turn_the_access_back_on(database: Path) -> None:
    con = open_reader(database)
    try:
        for sql in ("SET enable_external_access = true", "SET lock_configuration = false"):
            with pytest.raises(DatabaseError, match="settings"):
                run_query(con, sql)
        assert run_query(con, "SELECT count(*) FROM documents").rows == [(0,)]
    finally:
        con.close()


def test_allow_files_gives_the_users_access_back(database: Path, tmp_path: Path) -> None:
    (tmp_path / "lista.csv").write_text("a\n1\n2\n", encoding="utf-8")
    con = open_reader(database, allow_files=True)
    try:
        answer = run_query(con, f"SELECT sum(a) FROM read_csv('{tmp_path}/lista.csv')")
    finally:
        con.close()
    assert answer.rows == [(3,)]


def test_write_to_opens_one_folder_only(database: Path, tmp_path: Path) -> None:
    export = tmp_path / "export"
    export.mkdir()
    con = open_reader(database, write_to=[export])
    try:
        run_query(con, f"EXPORT DATABASE '{export}' (FORMAT parquet)")
        with pytest.raises(DatabaseError, match="does not allow"):
            run_query(con, f"COPY (SELECT 1) TO '{tmp_path}/bredvid.csv'")
    finally:
        con.close()
    assert (export / "documents.parquet").exists()
    assert not (tmp_path / "bredvid.csv").exists()


def test_a_kept_answer_holds_its_first_rows_and_counts_the_rest(database: Path) -> None:
    con = open_reader(database)
    try:
        answer = run_query(con, "SELECT range AS n FROM range(250000)", keep=200)
        everything = run_query(con, "SELECT range AS n FROM range(250000)")
    finally:
        con.close()
    assert answer.rows == [(n,) for n in range(200)]
    assert (answer.total, answer.left_out) == (250_000, 249_800)
    assert (everything.total, everything.left_out) == (250_000, 0)


def test_query_refuses_files_on_the_command_line(database: Path, tmp_path: Path) -> None:
    target = tmp_path / "ut.csv"
    refused = runner.invoke(app, ["query", f"COPY (SELECT 1) TO '{target}'", "--db", str(database)])
    assert refused.exit_code == 4
    assert "does not allow" in " ".join(refused.output.split())  # the console wraps lines
    assert not target.exists()
    allowed = runner.invoke(
        app, ["query", f"COPY (SELECT 1) TO '{target}'", "--db", str(database), "--allow-files"]
    )
    assert allowed.exit_code == 0, allowed.output
    assert target.exists()


def test_export_still_writes_its_folder(database: Path, tmp_path: Path) -> None:
    export = tmp_path / "export" / "nu"
    result = runner.invoke(app, ["export", "--to", str(export), "--db", str(database)])
    assert result.exit_code == 0, result.output
    assert (export / "documents.parquet").exists()
    assert (export / "load.sql").exists()

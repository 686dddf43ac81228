"""The analysts' commands end to end on the known database: exact answers, read-only, examples."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from pipeline.cli.analysis import register
from tests.analysis.conftest import RECORDS

runner = CliRunner()
app = typer.Typer()
register(app)
COMMANDS = ("attendance", "decisions", "search", "export", "show")


def run(db: Path, *args: str) -> str:
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert f"Example: protokoll {command}" in result.stdout
    assert "--db" in result.stdout


def test_attendance_csv(analysis_db: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(analysis_db, "attendance", "-f", "csv"))))
    assert len(rows) == 12
    cecilia = [r for r in rows if r["name"] == "Cecilia Öst"]
    assert [
        (r["body"], r["period"], r["meetings_attended"], r["meetings_held"]) for r in cecilia
    ] == [("styrelsen", "2019", "2", "3")]
    assert float(cecilia[0]["attendance_rate"]) == pytest.approx(2 / 3)


def test_attendance_json_by_quarter_for_one_person(analysis_db: Path) -> None:
    out = run(
        analysis_db,
        "attendance",
        "--person",
        "Bo Ek",
        "--body",
        "styr",
        "--by",
        "quarter",
        "-f",
        "json",
    )
    assert [(r["period"], r["meetings_attended"], r["meetings_held"]) for r in json.loads(out)] == [
        ("2019-Q1", 1, 1),
        ("2019-Q2", 0, 1),
        ("2019-Q4", 0, 1),
        ("2020-Q1", 1, 1),
        ("2020-Q3", 1, 1),
    ]


def test_attendance_table_and_plot(analysis_db: Path, tmp_path: Path) -> None:
    plot = tmp_path / "a.png"
    result = runner.invoke(
        app,
        ["attendance", "--body", "arbets", "--plot", str(plot), "--db", str(analysis_db)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert "Anna Åberg" in result.stdout and "0%" in result.stdout and "100%" in result.stdout
    assert plot.stat().st_size > 10_000
    assert f"plot written to {plot}" in result.stderr


def test_decisions(analysis_db: Path, tmp_path: Path) -> None:
    out = run(
        analysis_db, "decisions", "--outcome", "approved", "--since", "2019-03-01", "-f", "json"
    )
    assert [(r["date"], r["body"], r["section"], r["decision"]) for r in json.loads(out)] == [
        ("2019-03-01", "arbetsutskottet", "1", "Arbetsutskottet beviljar 25 000 kronor."),
        ("2019-06-12", "styrelsen", "5", "Ansökan beviljas."),
        ("2020-03-04", "styrelsen", "2", "Språkstöd beviljas med 100 000 kr."),
    ]
    grep = run(analysis_db, "decisions", "--grep", "ärendet", "-f", "csv")
    assert grep.splitlines()[1:] == [
        "2020-09-09,Testförbundet,styrelsen,4,Ansökan Hälsolots,referred,"
        f"Ärendet återremitteras till arbetsutskottet.,1,{RECORDS[4].source.sha256}"
    ]
    plot = tmp_path / "outcomes.png"
    result = runner.invoke(
        app, ["decisions", "--body", "styrelsen", "--plot", str(plot), "--db", str(analysis_db)]
    )
    assert result.exit_code == 0, result.output
    assert "9 decisions, 4 approved" in result.stderr
    assert plot.stat().st_size > 10_000


def test_decisions_refuses_an_unknown_outcome(analysis_db: Path) -> None:
    result = runner.invoke(app, ["decisions", "--outcome", "granted", "--db", str(analysis_db)])
    assert result.exit_code == 2


def test_search(analysis_db: Path) -> None:
    out = run(analysis_db, "search", "ansökningarna", "beviljas", "-f", "json")
    assert [(r["date"], r["section"], r["page"]) for r in json.loads(out)] == [
        ("2019-02-10", "2", 1),
        ("2019-03-01", "1", 1),
        ("2019-06-12", "5", 1),
        ("2020-03-04", "2", 1),
    ]
    result = runner.invoke(
        app, ["search", "Skålén", "--db", str(analysis_db)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0
    assert "Mötets öppnande" in result.stdout
    assert "1 §§ match 'Skålén' (terms: skalen)" in result.stderr


def test_export(analysis_db: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["export", "--to", str(tmp_path / "x"), "--format", "csv", "--db", str(analysis_db)],
        env={"COLUMNS": "200"},
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "x" / "meetings.csv").read_text(encoding="utf-8").count("\n") == 1 + len(
        RECORDS
    )
    assert re.search(r"│ attendance +│ 23 +│ attendance\.csv", result.stdout)


def test_show_by_date_and_body(analysis_db: Path) -> None:
    result = runner.invoke(
        app, ["show", "2019-02-10", "styr", "--db", str(analysis_db)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "Testförbundet, styrelsen, 2019-02-10 09:00–11:30, Kansliet" in text
    assert "Cecilia Öst" in text and "absent" in text
    assert "§ 2 Ansökan om medel för Projekt Steget (page 1)" in text
    assert "approved: Ansökan beviljas med 300 000 kronor." in text
    assert "amounts: 450 000 kronor; 300 000 kronor" in text
    assert "Signed by Karin Skålén (secretary)" in text


def test_show_by_id_prefix_and_ambiguity(analysis_db: Path) -> None:
    meeting_id = RECORDS[5].source.sha256
    result = runner.invoke(
        app, ["show", meeting_id[:8], "--db", str(analysis_db)], env={"COLUMNS": "200"}
    )
    assert result.exit_code == 0, result.output
    assert "arbetsutskottet, 2019-03-01" in result.stdout
    both = runner.invoke(app, ["show", "2020-03-04", "--db", str(analysis_db)])
    assert both.exit_code == 1
    assert "2 meetings match 2020-03-04" in both.stderr
    none = runner.invoke(app, ["show", "1999-01-01", "--db", str(analysis_db)])
    assert none.exit_code == 1 and "no meeting matches" in none.stderr


def test_commands_open_the_database_read_only(analysis_db: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["attendance", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 4
    assert not (tmp_path / "none.duckdb").exists()

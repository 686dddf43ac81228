"""`protokoll persons`: list, show, review, decide (merge, separate, apply) and evaluate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import FIXTURES, shared_dir

runner = CliRunner()
COMMANDS = ("list", "show", "review", "merge", "separate", "apply", "evaluate")


@pytest.fixture
def seeds_db(tmp_path: Path) -> Path:
    db = tmp_path / "seeds.duckdb"
    seeds = [str(FIXTURES / "seeds" / f"seed_00{i}.txt") for i in (0, 1)]
    result = runner.invoke(app, ["ingest", *seeds, "--db", str(db), "-q"])
    assert result.exit_code == 0, result.output
    return db


@pytest.mark.parametrize("command", COMMANDS)
def test_every_persons_command_help_shows_an_example(command: str) -> None:
    result = runner.invoke(app, ["persons", command, "--help"])
    assert result.exit_code == 0
    assert f"Example: protokoll persons {command}" in result.stdout


def test_list_shows_people_with_their_spellings(seeds_db: Path) -> None:
    result = runner.invoke(
        app, ["persons", "list", "--db", str(seeds_db), "--format", "json", "--name", "skalen"]
    )
    assert result.exit_code == 0, result.output
    (charlotta,) = json.loads(result.stdout)
    assert charlotta["present"] == 2
    assert "Charlotta Skälén" in charlotta["spellings"]
    everyone = runner.invoke(app, ["persons", "list", "--db", str(seeds_db), "--format", "json"])
    assert len(json.loads(everyone.stdout)) == 20


def test_show_and_review_give_the_evidence(seeds_db: Path) -> None:
    shown = runner.invoke(
        app, ["persons", "show", "Jacob Sandgren", "--db", str(seeds_db), "--format", "csv"]
    )
    assert shown.exit_code == 0, shown.output
    assert "first_name_and_surname_stem" in shown.stdout
    review = runner.invoke(app, ["persons", "review", "--db", str(seeds_db), "--format", "json"])
    items = json.loads(review.stdout)
    assert items[0]["kind"] == "uncertain link"
    assert (
        items[0]["settle with"] == 'protokoll persons separate "Jacob Sandgren" "Jacob Sandström"'
    )
    missing = runner.invoke(app, ["persons", "show", "Nobody Here", "--db", str(seeds_db)])
    assert missing.exit_code == 2


def test_separate_and_merge_write_the_overrides_file_and_apply_it(seeds_db: Path) -> None:
    db = str(seeds_db)
    separated = runner.invoke(
        app, ["persons", "separate", "Jacob Sandström", "Jacob Sandgren", "--db", db]
    )
    assert separated.exit_code == 0, separated.output
    overrides = seeds_db.with_name("seeds.persons.toml")
    assert "[[never_merge]]" in overrides.read_text(encoding="utf-8")
    people = runner.invoke(
        app, ["query", "select count(*) as n from persons", "--db", db, "-f", "json"]
    )
    assert json.loads(people.stdout) == [{"n": 21}]
    merged = runner.invoke(
        app, ["persons", "merge", "Ulrika Truedsson", "Mona Persson", "--db", db, "--reason", "x"]
    )
    assert merged.exit_code == 0, merged.output
    people = runner.invoke(
        app, ["query", "select count(*) as n from persons", "--db", db, "-f", "json"]
    )
    assert json.loads(people.stdout) == [{"n": 20}]
    applied = runner.invoke(app, ["persons", "apply", "--db", db])
    assert applied.exit_code == 0 and "applied" in applied.stderr


def test_decisions_need_a_database_and_two_names(tmp_path: Path) -> None:
    none = runner.invoke(
        app, ["persons", "merge", "A B", "C D", "--db", str(tmp_path / "x.duckdb")]
    )
    assert none.exit_code == 4
    one = runner.invoke(app, ["persons", "merge", "A B", "--db", str(tmp_path / "x.duckdb")])
    assert one.exit_code == 2


def test_evaluate_prints_precision_and_recall_on_the_seed_gold() -> None:
    gold = shared_dir("seeds", "gold")
    result = runner.invoke(app, ["persons", "evaluate", "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    assert "precision 1.0000, recall 1.0000" in " ".join(result.stdout.split())

"""`ingest --dry-run`: the plan of a run, printed, with nothing written anywhere."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import BatchOptions, run_batch
from tests.ingest.conftest import MEETINGS, table_rows

runner = CliRunner()


def snapshot(folder: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file under `folder` with its size, modification time and content."""
    return {
        str(p): (p.stat().st_size, p.stat().st_mtime_ns, p.read_bytes())
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_a_dry_run_on_a_new_database_creates_nothing(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "db" / "a.duckdb"
    db_path.parent.mkdir()
    result = runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "--dry-run"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "dry run: nothing was written"
    assert lines[1] == f"would load {MEETINGS}: " + ", ".join(
        str(p) for p in sorted(archive.resolve().iterdir())
    )
    assert lines[2:] == [
        "would replace 0",
        "would prune 0",
        "would retry 0",
        "would record as failed 0",
        "unchanged 0; failed before and not tried again 0",
    ]
    assert list(db_path.parent.iterdir()) == []  # no database, no lock


def test_a_dry_run_names_what_a_run_would_do_and_writes_nothing(
    archive: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "a.duckdb"
    bad = archive / "inkopslista.txt"
    bad.write_text("Mjölk, bröd och ägg.", encoding="utf-8")  # fails: not minutes
    run_batch([archive], db_path, BatchOptions(jobs=1))
    texts = sorted(p for p in archive.glob("*.txt") if p != bad)
    texts[0].write_text(texts[0].read_text("utf-8") + "\nRättat.\n", encoding="utf-8")
    texts[1].unlink()
    new = archive / "ny.txt"
    new.write_text(texts[2].read_text("utf-8").replace("2", "3"), encoding="utf-8")
    (archive / "tom.pdf").write_bytes(b"")
    before = snapshot(tmp_path)

    args = ["ingest", str(archive), "--db", str(db_path), "--dry-run", "--prune"]
    result = runner.invoke(app, [*args, "--retry-failed", "--prune-max-share", "20", "--json"])

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == {
        "load": [str(new)],
        "replace": [str(texts[0])],
        "prune": [str(texts[1])],
        "retry": [str(bad)],
        "fail": [str(archive / "tom.pdf")],
        "unchanged": MEETINGS - 2,
        "failed_before": 0,
        "refused": None,
    }
    assert snapshot(tmp_path) == before  # not a byte written: database, lock, run record
    assert table_rows(db_path, "SELECT count(*) FROM ingest_runs") == [(1,)]

    refused = runner.invoke(app, args)  # 1 of 8 files gone is 12.5 %: over the default 10 %
    assert refused.exit_code == 5
    assert "would prune 1: " + str(texts[1]) in refused.stdout
    assert refused.stdout.splitlines()[-1] == (
        "--prune would refuse: the run would stop before changing anything"
    )
    assert refused.stderr.startswith("error: --prune refused: 1 of the 8 files loaded are gone")
    assert snapshot(tmp_path) == before

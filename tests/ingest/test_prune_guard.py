"""--prune refuses what looks like a mistake: an empty or missing folder, too large a share gone."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.errors import Refused
from pipeline.ingest import BatchOptions, run_batch
from tests.ingest.conftest import MEETINGS, table_rows

runner = CliRunner()
LAST_RUN = "SELECT status, pruned, pruned_paths FROM ingest_runs ORDER BY run_id DESC LIMIT 1"


def ingest(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["ingest", *args, "-j", "1", "--quiet"])
    return result.exit_code, result.stderr


def test_an_empty_folder_is_refused_and_nothing_is_forgotten(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    assert ingest(str(archive), "--db", str(db_path))[0] == 0
    for path in archive.iterdir():  # the share is unmounted: its mount point is left, empty
        path.unlink()

    status, stderr = ingest(str(archive), "--db", str(db_path), "--prune")

    assert status == 5
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert len(lines) == 1, stderr  # one line, however long
    assert lines[0] == (
        f"error: --prune refused: the folder {archive.resolve()} holds no files, so the "
        f"{MEETINGS} documents loaded from it would be forgotten (an unmounted share or a moved "
        "archive?) (check the path; --prune-force prunes anyway)"
    )
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]
    assert table_rows(db_path, LAST_RUN) == [("refused", 0, [])]

    forced = ingest(str(archive), "--db", str(db_path), "--prune", "--prune-force")
    assert forced[0] == 0, forced[1]
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(0,)]
    assert table_rows(db_path, "SELECT count(*) FROM files") == [(0,)]


def test_a_missing_folder_is_refused(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    run_batch([archive], db_path, BatchOptions(jobs=1))
    shutil.rmtree(archive)
    with pytest.raises(Refused, match="does not exist") as refused:
        run_batch([archive], db_path, BatchOptions(jobs=1, prune=True))
    assert refused.value.exit_code == 5
    assert table_rows(db_path, "SELECT count(*) FROM files") == [(MEETINGS,)]


def test_more_than_the_share_gone_is_refused_unless_the_share_allows_it(
    archive: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "a.duckdb"
    assert ingest(str(archive), "--db", str(db_path))[0] == 0
    gone = sorted(archive.glob("*.txt"))[:2]  # 2 of 8: 25 %
    for path in gone:
        path.unlink()

    status, stderr = ingest(str(archive), "--db", str(db_path), "--prune")
    assert status == 5
    assert (
        f"--prune refused: 2 of the {MEETINGS} files loaded are gone (25 %, more than "
        "--prune-max-share 10 %)" in stderr
    )
    assert "--prune-max-share 25 or --prune-force" in stderr
    assert table_rows(db_path, "SELECT count(*) FROM files") == [(MEETINGS,)]
    assert table_rows(db_path, LAST_RUN) == [("refused", 0, [])]

    status, stderr = ingest(
        str(archive), "--db", str(db_path), "--prune", "--prune-max-share", "25"
    )
    assert status == 0, stderr
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS - 2,)]
    assert table_rows(db_path, LAST_RUN) == [("finished", 2, [str(p) for p in gone])]


def test_a_small_share_gone_is_pruned_without_asking(tmp_path: Path, archive: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    extra = archive / "extra"
    extra.mkdir()
    for i, path in enumerate(sorted(archive.glob("*.txt"))):  # 16 files: one gone is 6 %
        shutil.copy(path, extra / f"kopia_{i}.txt")
        with (extra / f"kopia_{i}.txt").open("a", encoding="utf-8") as handle:
            handle.write("\nKopia.\n")
    run_batch([archive], db_path, BatchOptions(jobs=1))
    gone = extra / "kopia_0.txt"
    gone.unlink()
    report = run_batch([archive], db_path, BatchOptions(jobs=1, prune=True))
    assert report.pruned == [str(gone)]
    assert table_rows(db_path, LAST_RUN) == [("finished", 1, [str(gone)])]

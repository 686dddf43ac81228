"""--document-timeout: a document that never finishes costs its worker, not the batch."""

from __future__ import annotations

import os
import time
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import BatchOptions, run_batch
from pipeline.settings import ReadSettings
from tests.ingest.conftest import MEETINGS, table_rows

runner = CliRunner()
LIMIT_S = (
    6.0  # a worker's first document takes 2 s here (the model warms up); a loaded machine, more
)


def test_a_document_that_blocks_for_good_is_recorded_and_the_others_are_loaded(
    archive: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "a.duckdb"
    stuck = sorted(archive.glob("*.txt"))[0]

    def swap_for_a_pipe(to_read: int, unchanged: int) -> None:
        # After the survey the file is replaced by a named pipe nobody writes to (a file
        # swapped on a network share): the worker opening it blocks in the kernel for good.
        stuck.unlink()
        os.mkfifo(stuck)

    started = time.perf_counter()
    report = run_batch(
        [archive],
        db_path,
        BatchOptions(jobs=2, reading=ReadSettings(document_timeout_s=LIMIT_S)),
        on_planned=swap_for_a_pipe,
    )
    seconds = time.perf_counter() - started

    assert [(Path(f.path), f.error_type) for f in report.failed] == [(stuck, "DocumentTimeout")]
    assert "longer than the time limit of 6 s (--document-timeout)" in report.failed[0].message
    assert len(report.loaded) == MEETINGS - 1
    assert table_rows(db_path, "SELECT path, stage, error_type FROM ingest_errors") == [
        (str(stuck), "extract", "DocumentTimeout")
    ]
    assert seconds < 60, seconds  # the batch went on after the limit


def test_the_option_is_checked(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["ingest", str(tmp_path), "--db", str(tmp_path / "a.duckdb"), "--document-timeout", "0"],
    )
    assert result.exit_code == 2 and "--document-timeout" in result.output

"""Without a terminal an ingest logs a progress line every few seconds and an unwrapped summary."""

from __future__ import annotations

import io
import re
import time
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.cli import progress as cli_progress
from pipeline.cli.progress import ProgressLines, duration
from tests.ingest.conftest import MEETINGS

runner = CliRunner()
LINE = re.compile(
    r"progress: (\d+)/(\d+) documents \((\d+) unchanged\), (\d+) pages, [\d.]+ docs/s, "
    r"[\d.]+ pages/s, ETA (unknown|\d+ s|\d+ min \d\d s|\d+ h \d\d min)"
)


def test_a_line_says_done_of_all_pages_rate_and_time_left() -> None:
    lines = ProgressLines(Console(file=io.StringIO()), every_s=60)
    assert lines.line(now=lines.began + 3) == (
        "progress: surveying the archive (hashing every file), 3 s"
    )
    lines.planned(100, 7)
    start = lines.reading_since or 0.0
    assert lines.line(now=start + 1).endswith("0 docs/s, 0.0 pages/s, ETA unknown")
    for _ in range(25):
        lines.read("a.pdf", 2)
    assert lines.line(now=start + 50) == (
        "progress: 25/100 documents (7 unchanged), 50 pages, 0.5 docs/s, 1.0 pages/s, "
        "ETA 2 min 30 s"
    )
    assert [duration(s) for s in (42, 432, 11_100)] == ["42 s", "7 min 12 s", "3 h 05 min"]


def test_lines_come_every_interval_from_their_own_thread() -> None:
    out = io.StringIO()
    with ProgressLines(Console(file=out, width=40), every_s=0.05) as lines:
        lines.planned(3, 0)
        lines.read("a.pdf", 1)
        time.sleep(0.3)
    written = out.getvalue().splitlines()
    assert len(written) >= 3
    assert all(LINE.fullmatch(line) for line in written), written  # never wrapped at 40


def test_an_ingest_without_a_terminal_logs_progress_and_one_summary_line(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_progress, "PROGRESS_EVERY_S", 0.2)
    deep = tmp_path / ("a_folder_with_a_long_name_" * 4) / "arkiv.duckdb"  # wider than 80
    deep.parent.mkdir()
    result = runner.invoke(app, ["ingest", str(archive), "--db", str(deep), "-j", "1"])
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    progress = [m for m in map(LINE.fullmatch, lines) if m]
    assert progress, result.stderr
    assert all(int(m[2]) == MEETINGS for m in progress)
    summary = [line for line in lines if " loaded, " in line]
    assert len(summary) == 1 and summary[0].endswith(f"→ {deep} (run 1)")

    quiet = runner.invoke(app, ["ingest", str(archive), "--db", str(deep), "--quiet"])
    assert "progress:" not in quiet.stderr

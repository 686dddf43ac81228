"""Crash safety: SIGKILL at any moment, Ctrl-C, a second writer, readers during a run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest.lock import writer_lock
from tests.ingest.conftest import LARGER, MEETINGS, table_rows

runner = CliRunner()
# Everything a run leaves, without what differs between two runs by nature (times, run ids).
SNAPSHOT_SQL = {
    "documents": "SELECT sha256, path, format, page_count, ocr_pages, warnings FROM documents",
    "pages": "SELECT sha256, page, method, chars FROM pages",
    "files": "SELECT path, sha256, size_bytes FROM files",
    "meetings": "SELECT * FROM meetings",
    "attendance": "SELECT * FROM attendance",
    "signatories": "SELECT * FROM signatories",
    "sections": "SELECT * FROM sections",
    "decisions": "SELECT * FROM decisions",
    "amounts": "SELECT * FROM amounts",
    "entities": "SELECT * FROM entities",
    "persons": "SELECT * FROM persons",
    "person_links": "SELECT * FROM person_links",
    "duplicate_documents": "SELECT sha256, meeting_id, reason FROM duplicate_documents",
    "ingest_errors": "SELECT path, sha256, stage, error_type, message FROM ingest_errors",
}


def protokoll(*args: str) -> list[str]:
    script = Path(sys.executable).with_name("protokoll")
    if script.exists():
        return [str(script), *args]
    return [sys.executable, "-c", "from pipeline.cli import app; app()", *args]


def snapshot(db_path: Path) -> dict[str, list[tuple[object, ...]]]:
    return {t: sorted(table_rows(db_path, sql), key=repr) for t, sql in SNAPSHOT_SQL.items()}


def loaded_documents(db_path: Path) -> int:
    """Documents committed so far, read like any reader would (0 while the file is busy)."""
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error:
        return 0
    try:
        row = con.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0]) if row else 0
    except duckdb.Error:
        return 0
    finally:
        con.close()


def start_ingest(archive: Path, db_path: Path, jobs: int = 1) -> subprocess.Popen[str]:
    return subprocess.Popen(
        protokoll("ingest", str(archive), "--db", str(db_path), "-j", str(jobs), "--quiet"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # as from a terminal: a suite started in the background inherits Ctrl-C ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def wait_for_documents(process: subprocess.Popen[str], db_path: Path, at_least: int) -> None:
    deadline = time.monotonic() + 240
    while loaded_documents(db_path) < at_least:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the run loaded too little in four minutes"
        time.sleep(0.05)


def test_runs_killed_with_sigkill_resume_to_the_tables_of_a_clean_run(
    larger_archive: Path, tmp_path: Path
) -> None:
    archive = larger_archive
    clean = tmp_path / "clean.duckdb"
    assert (
        subprocess.run(protokoll("ingest", str(archive), "--db", str(clean), "-q")).returncode == 0
    )

    killed = tmp_path / "killed.duckdb"
    for _ in range(2):  # killed twice, each time just after it wrote, then left to finish
        at_least = loaded_documents(killed) + 1
        process = start_ingest(archive, killed)
        wait_for_documents(process, killed, at_least)
        process.send_signal(signal.SIGKILL)
        process.wait()
        assert at_least <= loaded_documents(killed) < LARGER  # opens; whole documents only
    finished = subprocess.run(
        protokoll("ingest", str(archive), "--db", str(killed), "-q"), capture_output=True, text=True
    )
    assert finished.returncode == 0, finished.stderr

    assert snapshot(killed) == snapshot(clean)
    statuses = table_rows(killed, "SELECT status FROM ingest_runs ORDER BY run_id")
    assert statuses == [("killed",), ("killed",), ("finished",)]


def test_ctrl_c_stops_cleanly_with_a_summary(larger_archive: Path, tmp_path: Path) -> None:
    archive = larger_archive
    db_path = tmp_path / "a.duckdb"
    process = start_ingest(archive, db_path)
    wait_for_documents(process, db_path, 1)
    process.send_signal(signal.SIGINT)
    _, stderr = process.communicate(timeout=120)
    assert process.returncode == 130, stderr
    assert "stopped after" in stderr
    assert table_rows(db_path, "SELECT status FROM ingest_runs") == [("interrupted",)]
    done = loaded_documents(db_path)
    again = runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "-q", "-j", "2"])
    assert again.exit_code == 0
    assert 0 < done < LARGER
    assert f"{LARGER - done} loaded, {done} unchanged" in again.stderr


def test_a_second_writer_is_refused_and_readers_keep_working(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    assert runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "-q"]).exit_code == 0
    with writer_lock(db_path):  # as a running ingest holds it
        second = runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "-q"])
        assert second.exit_code == 4
        assert "being written by another protokoll ingest" in second.stderr
        assert f"pid {os.getpid()}" in second.stderr
        query = runner.invoke(
            app, ["query", "select count(*) n from meetings", "--db", str(db_path)]
        )
        assert query.exit_code == 0 and str(MEETINGS) in query.stdout


def test_readers_get_in_while_a_run_writes(larger_archive: Path, tmp_path: Path) -> None:
    archive = larger_archive
    db_path = tmp_path / "a.duckdb"
    process = start_ingest(archive, db_path)
    wait_for_documents(process, db_path, 1)
    answers = []
    while process.poll() is None:
        result = runner.invoke(
            app, ["query", "select count(*) from documents", "--db", str(db_path)]
        )
        assert result.exit_code == 0, result.stderr
        answers.append(result.stdout)
    assert process.returncode == 0 and answers


@pytest.mark.parametrize("jobs", [2])
def test_the_query_command_cannot_write(archive: Path, tmp_path: Path, jobs: int) -> None:
    db_path = tmp_path / "a.duckdb"
    assert (
        runner.invoke(
            app, ["ingest", str(archive), "--db", str(db_path), "-q", "-j", str(jobs)]
        ).exit_code
        == 0
    )
    result = runner.invoke(app, ["query", "delete from meetings", "--db", str(db_path)])
    assert result.exit_code == 4 and "read-only" in result.stderr.lower()
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]

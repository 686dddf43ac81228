"""Read into shards anywhere, load them with one writer: the same database as `ingest`."""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.discover import identify
from pipeline.errors import Refused
from pipeline.ingest import BatchOptions, run_batch
from pipeline.ingest.load import load_shards
from pipeline.ingest.plan import PruneGuard
from pipeline.ingest.read import read_archive
from pipeline.ingest.report import Failure
from pipeline.ingest.shards import holds_failure, shard_path, survey_path, write_shard
from tests.conftest import REPO_ROOT, SAMPLE_DIR, requires_tesseract
from tests.ingest.conftest import LARGER, MEETINGS, table_rows
from tests.ingest.test_bad_input import NOT_MINUTES
from tests.ingest.test_crash import snapshot

runner = CliRunner()
TWO = BatchOptions(jobs=2)
ONE = BatchOptions(jobs=1)  # one model loaded: the cheapest run


def shards_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("*/*.parquet"))


def with_bad_files(archive: Path) -> Path:
    """The archive, a copy of one file under another name, a list that is no minutes, and an
    empty file."""
    first = sorted(archive.glob("*.txt"))[0]
    shutil.copy(first, archive / "kopia.txt")
    (archive / "inkopslista.txt").write_text(NOT_MINUTES, "utf-8")
    (archive / "tom.txt").write_bytes(b"")
    return archive


@pytest.mark.slow
@pytest.mark.ocr
@requires_tesseract
def test_read_then_load_gives_the_tables_of_ingest(archive: Path, tmp_path: Path) -> None:
    if not SAMPLE_DIR.is_dir():
        pytest.skip("data/sample is missing")
    for pdf in SAMPLE_DIR.glob("*.pdf"):
        shutil.copy(pdf, archive / pdf.name)
    with_bad_files(archive)
    ingested = run_batch([archive], tmp_path / "ingest.duckdb", TWO)

    read = read_archive([archive], tmp_path / "shards", TWO)
    assert len(read.read) == MEETINGS + 2 and len(read.failed) == 1 and len(read.unreadable) == 1
    loaded = load_shards([tmp_path / "shards"], tmp_path / "load.duckdb")

    assert snapshot(tmp_path / "load.duckdb") == snapshot(tmp_path / "ingest.duckdb")
    assert loaded.run.counts() == ingested.counts()
    assert not loaded.waiting and not loaded.unusable


def test_a_second_read_writes_nothing(archive: Path, tmp_path: Path) -> None:
    out = archive / "shards"  # inside the archive: the shards are not taken for documents
    first = read_archive([archive], out, ONE)
    assert len(first.read) == MEETINGS and len(shards_in(out)) == MEETINGS
    written = {p: p.stat().st_mtime_ns for p in out.rglob("*")}

    started = time.perf_counter()
    again = read_archive([archive], out, ONE)
    assert time.perf_counter() - started < 5  # hashing only: no worker is started
    assert (again.read, again.already, again.survey_written) == ([], MEETINGS, False)
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*")} == written


@pytest.mark.slow
def test_a_read_killed_midway_leaves_whole_shards_and_a_rerun_completes(
    larger_archive: Path, tmp_path: Path
) -> None:
    out = tmp_path / "shards"
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "pipeline",
            "read",
            str(larger_archive),
            "--out",
            str(out),
            "-j1",
            "-q",
        ],
        cwd=REPO_ROOT,  # this checkout's pipeline
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 240
    while len(shards_in(out)) < 3:
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the read wrote too little in four minutes"
        time.sleep(0.01)
    process.send_signal(signal.SIGKILL)
    process.wait()

    done = shards_in(out)
    assert 3 <= len(done) < LARGER
    for shard in done:  # whole, or not under a shard's name at all
        assert pq.read_table(shard).num_rows == 1
    rerun = read_archive([larger_archive], out, ONE)
    assert (rerun.already, len(rerun.read)) == (len(done), LARGER - len(done))
    assert len(shards_in(out)) == LARGER
    assert not list(out.glob("*/.*.tmp"))  # what the killed run left is cleared


def test_a_failed_file_is_a_shard_and_its_error_is_loaded(archive: Path, tmp_path: Path) -> None:
    with_bad_files(archive)
    out, db_path = tmp_path / "shards", tmp_path / "a.duckdb"
    result = runner.invoke(app, ["read", str(archive), "--out", str(out), "-q", "-j", "1"])
    assert result.exit_code == 1, result.output
    said = result.stderr.replace("\n", "")
    assert "1 NotMinutes, 1 EmptyFile" in said and "inkopslista.txt" in said
    rows = [pq.read_table(p).to_pylist()[0] for p in shards_in(out)]
    failed = [
        (Path(r["path"]).name, r["stage"], r["error_type"]) for r in rows if r["minutes"] is None
    ]
    assert failed == [("inkopslista.txt", "parse", "NotMinutes")]

    result = runner.invoke(app, ["load", str(out), "--db", str(db_path), "-q"])
    assert result.exit_code == 1, result.output
    errors = table_rows(db_path, "SELECT path, stage, error_type FROM ingest_errors ORDER BY path")
    assert [(Path(str(p)).name, s, t) for p, s, t in errors] == [
        ("inkopslista.txt", "parse", "NotMinutes"),
        ("tom.txt", "extract", "EmptyFile"),
    ]
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]


def test_retry_failed_reads_and_loads_again_what_failed(archive: Path, tmp_path: Path) -> None:
    out, db_path = tmp_path / "shards", tmp_path / "a.duckdb"
    first = identify(sorted(archive.glob("*.txt"))[0])
    crashed = Failure(first.path, first.sha256, "extract", "WorkerCrashed", "out of memory")
    write_shard(out, first, crashed)  # as a read whose worker was killed leaves it
    read_archive([archive], out, ONE)
    load_shards([out], db_path)
    assert table_rows(db_path, "SELECT error_type FROM ingest_errors") == [("WorkerCrashed",)]

    again = ["read", str(archive), "--out", str(out), "-q", "-j", "1", "--json"]
    assert '"read": 0' in runner.invoke(app, again).stdout  # a failure's shard is kept ...
    result = runner.invoke(app, [*again, "--retry-failed"])
    assert result.exit_code == 0, result.output
    assert '"read": 1' in result.stdout  # ... unless asked to read it again
    assert not holds_failure(shard_path(out, first.sha256))

    assert not load_shards([out], db_path).run.loaded  # failed before: left alone ...
    result = runner.invoke(app, ["load", str(out), "--db", str(db_path), "-q", "--retry-failed"])
    assert result.exit_code == 0, result.output  # ... unless asked to load it again
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]


def test_a_second_load_loads_nothing(archive: Path, tmp_path: Path) -> None:
    out, db_path = tmp_path / "shards", tmp_path / "a.duckdb"
    read_archive([archive], out, ONE)
    first = load_shards([out], db_path)
    assert len(first.run.loaded) == MEETINGS
    before = snapshot(db_path)

    result = runner.invoke(app, ["load", str(out), "--db", str(db_path), "-q", "--json"])
    assert result.exit_code == 0, result.output
    assert '"loaded": 0' in result.stdout and f'"unchanged": {MEETINGS}' in result.stdout
    assert snapshot(db_path) == before
    runs = table_rows(db_path, "SELECT run_id, status, loaded, unchanged FROM ingest_runs")
    assert runs == [(1, "finished", MEETINGS, 0), (2, "finished", 0, MEETINGS)]


def test_files_not_read_yet_wait_and_files_gone_are_pruned(archive: Path, tmp_path: Path) -> None:
    out, db_path = tmp_path / "shards", tmp_path / "a.duckdb"
    read_archive([archive], out, ONE)
    late, damaged = sorted(archive.glob("*.txt"))[:2]
    (shard := shard_path(out, _sha_of(out, late))).unlink()
    (bad := shard_path(out, _sha_of(out, damaged))).write_bytes(b"PAR1 not a shard")
    waiting = load_shards([out], db_path)
    assert waiting.waiting == [str(late)] and waiting.unusable == [str(bad)]
    assert len(waiting.run.loaded) == MEETINGS - 2 and not waiting.run.failed

    bad.unlink()  # as the load says: delete it and read the file again
    read_archive([archive], out, ONE)  # reads the two missing ones again
    assert shard.exists() and bad.exists()
    assert sorted(load_shards([out], db_path).run.loaded) == sorted([str(late), str(damaged)])

    late.unlink()
    read_archive([archive], out, ONE)  # the survey no longer lists it
    assert not load_shards([out], db_path).run.pruned
    with pytest.raises(Refused):  # one file of eight is over the guard's 10 %
        load_shards([out], db_path, prune=True)
    pruned = load_shards([out], db_path, prune=True, prune_guard=PruneGuard(max_percent=13))
    assert pruned.run.pruned == [str(late)]
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS - 1,)]


def test_load_without_a_survey_says_what_to_do(tmp_path: Path) -> None:
    result = runner.invoke(app, ["load", str(tmp_path), "--db", str(tmp_path / "a.duckdb")])
    assert result.exit_code == 4
    assert "protokoll read" in result.stderr


def _sha_of(out: Path, path: Path) -> str:
    rows = pq.read_table(survey_path(out, [path.parent])).to_pylist()
    return str(next(r["sha256"] for r in rows if r["path"] == str(path)))

"""File names that are not UTF-8 load like any other, stored faithfully and shown printably."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.discover import identify
from pipeline.filenames import clean_text, name_bytes, printable
from pipeline.ingest import BatchOptions, run_batch
from pipeline.store import db
from tests.conftest import FIXTURES, REPO_ROOT
from tests.ingest.conftest import table_rows

LATIN1_NAME = b"protokoll_m\xf6te.txt"  # "möte" as an old Windows share wrote it


def write_bytes_named(folder: Path, name: bytes, content: bytes) -> bytes:
    """Create a file whose name is exactly `name` (no str in between); its full path's bytes."""
    raw = os.fsencode(folder) + b"/" + name
    handle = os.open(raw, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        os.write(handle, content)
    finally:
        os.close(handle)
    return raw


@pytest.fixture
def latin1_archive(tmp_path: Path) -> tuple[Path, bytes]:
    root = tmp_path / "arkiv"
    root.mkdir()
    shutil.copy(FIXTURES / "seeds" / "seed_000.txt", root / "seed_000.txt")
    seed = (FIXTURES / "seeds" / "seed_001.txt").read_bytes()
    try:
        raw = write_bytes_named(root, LATIN1_NAME, seed)
    except OSError as exc:  # a file system that insists on UTF-8 names (macOS APFS, some FUSE)
        pytest.skip(f"this file system refuses a Latin-1 file name: {exc}")
    return root, raw


def test_printable_escapes_what_is_not_utf8_and_keeps_the_rest() -> None:
    assert printable(b"/arkiv/protokoll_m\xf6te.txt") == "/arkiv/protokoll_m\\xf6te.txt"
    assert printable("/arkiv/m\udcf6te.txt") == "/arkiv/m\\xf6te.txt"  # as os.listdir gives it
    assert printable("/arkiv/möte.txt") == "/arkiv/möte.txt"
    assert printable("a\nb\x1b[2J.txt") == "a\\x0ab\\x1b[2J.txt"  # one line, no terminal codes
    assert name_bytes("/arkiv/m\udcf6te.txt") == b"/arkiv/m\xf6te.txt"
    assert clean_text("m\udcf6te: the file is empty") == "m\\xf6te: the file is empty"


def test_a_latin1_name_is_identified_with_its_bytes(latin1_archive: tuple[Path, bytes]) -> None:
    _, raw = latin1_archive
    source = identify(Path(os.fsdecode(raw)))
    assert source.path_bytes == raw
    assert source.path.endswith("protokoll_m\\xf6te.txt")
    source.path.encode("utf-8")  # printable text, whatever the name
    assert source.location.exists()


def test_a_latin1_name_loads_like_any_other(
    latin1_archive: tuple[Path, bytes], tmp_path: Path
) -> None:
    root, raw = latin1_archive
    db_path = tmp_path / "arkiv.duckdb"
    report = run_batch([root], db_path, BatchOptions(jobs=1))
    assert report.ok, report.failed
    assert len(report.loaded) == 2
    runs = table_rows(db_path, "SELECT status FROM ingest_runs")
    assert runs == [("finished",)]
    printable_path = printable(raw)
    for table in ("documents", "files"):
        stored = table_rows(db_path, f"SELECT path, path_bytes FROM {table} ORDER BY path")
        assert (printable_path, raw) in stored, table
    # the next run finds it unchanged, and pruning does not take it for a file that is gone
    again = run_batch([root], db_path, BatchOptions(jobs=1, prune=True))
    assert (len(again.unchanged), again.pruned, again.failed) == (2, [], [])


def test_a_bad_latin1_name_is_recorded_printably(tmp_path: Path) -> None:
    root = tmp_path / "arkiv"
    root.mkdir()
    raw = write_bytes_named(root, b"tom_m\xf6te.pdf", b"")
    db_path = tmp_path / "arkiv.duckdb"
    report = run_batch([root], db_path, BatchOptions(jobs=1))
    assert [f.error_type for f in report.failed] == ["EmptyFile"]
    [(path, message)] = table_rows(db_path, "SELECT path, message FROM ingest_errors")
    assert path == printable(raw)
    assert message.startswith(printable(raw))


def test_a_database_of_version_4_gains_path_bytes(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    con = db.connect(path)
    con.execute("ALTER TABLE documents DROP COLUMN path_bytes")
    con.execute("ALTER TABLE files DROP COLUMN path_bytes")
    con.execute("DELETE FROM schema_migrations")
    con.execute("INSERT INTO schema_migrations VALUES (4, now())")
    con.close()
    db.connect(path).close()
    check = duckdb.connect(str(path), read_only=True)
    try:
        for table in ("documents", "files"):
            columns = {r[0] for r in check.execute(f"DESCRIBE {table}").fetchall()}
            assert "path_bytes" in columns
    finally:
        check.close()


def test_extract_prints_the_json_of_a_latin1_name(latin1_archive: tuple[Path, bytes]) -> None:
    """Strict UTF-8 output, as a pipe to another program gets it: no traceback, valid JSON."""
    _, raw = latin1_archive
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    done = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", os.fsdecode(raw), "--json"],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    contract = json.loads(done.stdout.decode("utf-8"))
    assert contract["source"]["path"] == printable(raw)


def test_a_latin1_name_goes_through_shards(
    latin1_archive: tuple[Path, bytes], tmp_path: Path
) -> None:
    """`protokoll read` keeps the name's bytes in its shards (JSON as base64), `load` too."""
    from pipeline.ingest.load import load_shards
    from pipeline.ingest.read import read_archive

    root, raw = latin1_archive
    read = read_archive([root], tmp_path / "shards", BatchOptions(jobs=1))
    assert (len(read.read), read.failed, read.unreadable) == (2, [], [])
    loaded = load_shards([tmp_path / "shards"], tmp_path / "load.duckdb")
    assert loaded.run.ok and len(loaded.run.loaded) == 2
    stored = table_rows(tmp_path / "load.duckdb", "SELECT path, path_bytes FROM documents")
    assert (printable(raw), raw) in stored

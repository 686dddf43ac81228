"""The batch: parallel reading, incremental runs, replaced and pruned files, the run record."""

from __future__ import annotations

import json
import time
from pathlib import Path

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest import BatchOptions, run_batch
from pipeline.ingest.plan import PruneGuard
from tests.ingest.conftest import MEETINGS, table_rows

runner = CliRunner()
TWO = BatchOptions(jobs=2)
MINUTES = """Protokoll fört vid styrelsemöte i Föreningen Sjöviken

Datum: 2024-05-02 kl. 18.00 - 20.00

Närvarande: Anna Åberg, Örjan Ek, Lisa Holm

§ 1 Mötets öppnande

Ordförande Anna Åberg öppnade mötet.
"""


def test_two_workers_load_every_file_and_a_rerun_reads_none(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    first = run_batch([archive], db_path, TWO)
    assert len(first.loaded) == MEETINGS and not first.failed and first.pages >= MEETINGS
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]
    # largest first, whatever worker finished first: ids and ingest order are reproducible
    rows = table_rows(db_path, "SELECT path, size_bytes FROM documents ORDER BY ingested_at")
    assert rows == sorted(rows, key=lambda r: (-int(str(r[1])), r[0]))

    started = time.perf_counter()
    again = run_batch([archive], db_path, TWO)
    assert time.perf_counter() - started < 5  # no worker is started: nothing to read
    assert (len(again.loaded), len(again.unchanged), again.pages) == (0, MEETINGS, 0)
    runs = table_rows(db_path, "SELECT run_id, status, loaded, unchanged FROM ingest_runs")
    assert runs == [(1, "finished", MEETINGS, 0), (2, "finished", 0, MEETINGS)]


def test_a_database_inside_the_archive_is_not_read_as_a_document(archive: Path) -> None:
    db_path = archive / "protokoll.duckdb"
    (archive / "protokoll.view.sqlite").write_bytes(b"SQLite format 3\0")  # the web view's mirror
    first = run_batch([archive], db_path, TWO)
    again = run_batch([archive], db_path, TWO)  # now the database and its lock are in the folder
    assert len(first.loaded) == MEETINGS and not first.failed
    assert (len(again.loaded), len(again.unchanged), again.failed) == (0, MEETINGS, [])
    assert table_rows(db_path, "SELECT count(*) FROM ingest_errors") == [(0,)]


def test_a_changed_file_replaces_its_old_version(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    run_batch([archive], db_path, TWO)
    changed = sorted(archive.glob("*.txt"))[0]
    old_sha = table_rows(db_path, f"SELECT sha256 FROM files WHERE path = '{changed}'")[0][0]
    changed.write_text(changed.read_text("utf-8") + "\nRättat i efterhand.\n", encoding="utf-8")
    report = run_batch([archive], db_path, TWO)
    assert report.replaced == [str(changed)] and not report.loaded
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]
    for table, key in (
        ("documents", "sha256"),
        ("meetings", "meeting_id"),
        ("sections", "meeting_id"),
    ):
        assert table_rows(db_path, f"SELECT count(*) FROM {table} WHERE {key} = '{old_sha}'") == [
            (0,)
        ]


def test_prune_removes_documents_whose_files_are_gone(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    run_batch([archive], db_path, TWO)
    gone = sorted(archive.glob("*.txt"))[-1]
    gone.unlink()
    kept = run_batch([archive], db_path, TWO)
    assert not kept.pruned
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS,)]

    # one of eight files is 12.5 %, over the guard's default 10 %: the share is raised to allow it
    allow = PruneGuard(max_percent=13)
    pruned = run_batch([archive], db_path, BatchOptions(jobs=2, prune=True, prune_guard=allow))
    assert pruned.pruned == [str(gone)]
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(MEETINGS - 1,)]
    assert table_rows(db_path, "SELECT count(*) FROM files") == [(MEETINGS - 1,)]
    orphans = (
        "SELECT count(*) FROM attendance WHERE meeting_id NOT IN (SELECT meeting_id FROM meetings)"
    )
    assert table_rows(db_path, orphans) == [(0,)]
    named = (
        "SELECT person_id FROM attendance UNION SELECT person_id FROM signatories "
        "UNION SELECT person_id FROM entities WHERE person_id IS NOT NULL"
    )
    unnamed = f"SELECT count(*) FROM persons WHERE person_id NOT IN ({named})"
    assert table_rows(db_path, unnamed) == [(0,)]


def test_a_failed_file_is_tried_again_only_when_asked_or_changed(
    archive: Path, tmp_path: Path
) -> None:
    db_path = tmp_path / "a.duckdb"
    bad = archive / "inkopslista.txt"
    bad.write_text("Mjölk, bröd och ägg.", encoding="utf-8")
    first = run_batch([archive], db_path, TWO)
    assert [(Path(f.path).name, f.error_type) for f in first.failed] == [
        ("inkopslista.txt", "NotMinutes")
    ]
    again = run_batch([archive], db_path, TWO)
    assert not again.failed and again.failed_before == [str(bad)]
    retried = run_batch([archive], db_path, BatchOptions(jobs=1, retry_failed=True))
    assert [f.error_type for f in retried.failed] == ["NotMinutes"]
    assert table_rows(db_path, "SELECT count(*) FROM ingest_errors") == [(1,)]

    bad.write_text(MINUTES, encoding="utf-8")  # the right file put in its place
    fixed = run_batch([archive], db_path, TWO)
    assert fixed.loaded == [str(bad)], fixed.failed
    assert table_rows(db_path, "SELECT count(*) FROM ingest_errors") == [(0,)]


def test_cli_json_summary_errors_command_and_exit_status(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    (archive / "tom.pdf").write_bytes(b"")
    result = runner.invoke(
        app, ["ingest", str(archive), "--db", str(db_path), "-j", "2", "--quiet", "--json"]
    )
    assert result.exit_code == 1
    summary = json.loads(result.stdout)
    assert summary["loaded"] == MEETINGS and summary["jobs"] == 2
    assert [(Path(f["path"]).name, f["error_type"]) for f in summary["failed"]] == [
        ("tom.pdf", "EmptyFile")
    ]
    assert "1 failed" in result.stderr and "EmptyFile" in result.stderr

    listed = runner.invoke(app, ["errors", "--db", str(db_path), "--format", "json"])
    assert listed.exit_code == 0
    rows = json.loads(listed.stdout)
    assert [(Path(r["path"]).name, r["stage"], r["error_type"], r["run_id"]) for r in rows] == [
        ("tom.pdf", "extract", "EmptyFile", 1)
    ]


def test_one_and_two_workers_give_the_same_tables(archive: Path, tmp_path: Path) -> None:
    sql = (
        "SELECT m.date, a.name, a.status, a.roles, a.person_id FROM attendance a "
        "JOIN meetings m USING (meeting_id) ORDER BY ALL"
    )
    tables = []
    for jobs in (1, 2):
        db_path = tmp_path / f"{jobs}.duckdb"
        run_batch([archive], db_path, BatchOptions(jobs=jobs))
        tables.append(table_rows(db_path, sql))
    assert len(tables[0]) > MEETINGS and tables[0] == tables[1]


def test_summary_prints_file_names_with_brackets_as_written(tmp_path: Path) -> None:
    folder = tmp_path / "[2019] arkiv"
    folder.mkdir()
    (folder / "[b]lista.txt").write_bytes(b"")  # empty: recorded as failed, its name printed
    result = runner.invoke(app, ["ingest", str(folder), "--db", str(tmp_path / "[x].duckdb")])
    assert result.exit_code == 1
    assert "[b]lista.txt" in result.stderr and "[x].duckdb" in result.stderr

"""`--engine dask`: the tables of the local engine, a killed worker costing nothing, and the
message when Dask is not installed."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import psutil
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.discover import identify
from pipeline.ingest import BatchOptions, run_batch
from pipeline.ingest.engines import Engine
from pipeline.ingest.report import Failure
from pipeline.ingest.workers import Result, read_document, read_in_order
from pipeline.records import SourceFile, SourceFormat
from pipeline.settings import DEFAULT_READING, ReadSettings
from tests.conftest import SAMPLE_DIR, requires_tesseract
from tests.ingest.conftest import MEETINGS
from tests.ingest.test_crash import snapshot

runner = CliRunner()
LIMIT_S = 6.0  # a worker's first document takes 2 s here (the model warms up)


def read_or_die(source: SourceFile, settings: ReadSettings = DEFAULT_READING) -> Result:
    """As a PDF library that crashes the process on one file."""
    if "krasch" in source.path:
        os._exit(11)
    return read_document(source, settings)


def worker_processes() -> list[psutil.Process]:
    """This process's children started by multiprocessing's spawn: a LocalCluster's workers."""
    return [
        child
        for child in psutil.Process().children()
        if any("spawn_main" in part for part in child.cmdline())
    ]


@pytest.mark.ocr
@requires_tesseract
def test_a_cluster_of_two_workers_gives_the_tables_of_the_local_engine(
    archive: Path, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    shutil.copytree(SAMPLE_DIR, archive / "sample")  # a text PDF and a scan
    local = tmp_path / "local.duckdb"
    assert not run_batch([archive], local, BatchOptions(jobs=2)).failed
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0"
    ) as cluster:
        options = BatchOptions(jobs=2, engine=Engine.DASK, scheduler=cluster.scheduler_address)
        report = run_batch([archive], tmp_path / "dask.duckdb", options)
    assert not report.failed and len(report.loaded) == MEETINGS + 2
    assert snapshot(tmp_path / "dask.duckdb") == snapshot(local)


def test_a_worker_killed_midway_costs_no_document(archive: Path, tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    killed: list[int] = []

    def kill_one_worker(path: str, pages: int) -> None:
        if not killed:  # after the first document, with the others in flight
            victim = worker_processes()[0]
            victim.kill()  # SIGKILL: as the out-of-memory killer would
            killed.append(victim.pid)

    options = BatchOptions(jobs=2, engine=Engine.DASK)
    report = run_batch([archive], tmp_path / "a.duckdb", options, on_document=kill_one_worker)
    assert killed and not psutil.pid_exists(killed[0])
    assert report.failed == [] and len(report.loaded) == MEETINGS
    assert worker_processes() == []  # the cluster went with the run


def test_a_document_that_kills_its_workers_fails_alone(
    synthetic_texts: Path, tmp_path: Path
) -> None:
    dask = pytest.importorskip("dask")
    pytest.importorskip("distributed")
    from pipeline.ingest.dask_engine import DaskReaders

    class CrashingReaders(DaskReaders):
        reader = staticmethod(read_or_die)

    archive = tmp_path / "arkiv"
    archive.mkdir()
    for text in sorted(synthetic_texts.glob("*.txt"))[:2]:
        shutil.copy(text, archive / text.name)
    shutil.copy(text, archive / "c_krasch.txt")
    sources = [identify(p) for p in sorted(archive.glob("*.txt"))]
    # the first death makes the document suspect, the second proves it; one task a worker, so
    # no other document is ever on a worker that dies
    settings = {
        "distributed.scheduler.allowed-failures": 1,
        "distributed.scheduler.worker-saturation": 1.0,
    }
    with dask.config.set(settings):
        readers = CrashingReaders(2)
    try:
        results = list(read_in_order(readers, ((s.path, s) for s in sources)))
    finally:
        readers.close()
    assert [path for path, _ in results] == [s.path for s in sources]
    failed = {Path(p).name: r.error_type for p, r in results if isinstance(r, Failure)}
    assert failed == {"c_krasch.txt": "WorkerCrashed"}


def test_a_document_past_the_time_limit_costs_its_worker_and_nothing_else(
    archive: Path, tmp_path: Path
) -> None:
    pytest.importorskip("distributed")
    stuck = sorted(archive.glob("*.txt"))[0]

    def swap_for_a_pipe(to_read: int, unchanged: int) -> None:
        stuck.unlink()  # after the survey: a worker opening it blocks in the kernel for good
        os.mkfifo(stuck)

    options = BatchOptions(
        jobs=2, engine=Engine.DASK, reading=ReadSettings(document_timeout_s=LIMIT_S)
    )
    report = run_batch([archive], tmp_path / "a.duckdb", options, on_planned=swap_for_a_pipe)

    assert [(Path(f.path), f.error_type) for f in report.failed] == [(stuck, "DocumentTimeout")]
    assert "longer than the time limit of 6 s (--document-timeout)" in report.failed[0].message
    assert len(report.loaded) == MEETINGS - 1  # the document was not handed to another worker
    assert worker_processes() == []


def test_without_dask_the_engine_says_what_to_install(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if it were not installed
    monkeypatch.delitem(sys.modules, "pipeline.ingest.dask_engine", raising=False)
    db_path = tmp_path / "a.duckdb"
    result = runner.invoke(app, ["ingest", str(archive), "--db", str(db_path), "--engine", "dask"])
    assert result.exit_code == 3, result.output
    assert "pip install 'protokoll[dask]'" in " ".join(result.stderr.split())  # lines wrapped


def test_a_scheduler_is_for_the_dask_engine(archive: Path, tmp_path: Path) -> None:
    db_path = tmp_path / "a.duckdb"
    result = runner.invoke(
        app, ["ingest", str(archive), "--db", str(db_path), "--scheduler", "tcp://127.0.0.1:8786"]
    )
    assert result.exit_code == 2 and "--engine dask" in result.stderr


def test_text_documents_go_several_to_a_task_and_scans_one() -> None:
    pytest.importorskip("distributed")
    from pipeline.ingest.dask_engine import DOCUMENTS_PER_TASK, TASK_BYTES, tasks_of

    def files(*sizes: int) -> list[tuple[int, SourceFile]]:
        return [
            (n, SourceFile(f"/arkiv/{n}.pdf", "0" * 64, SourceFormat.PDF, size))
            for n, size in enumerate(sizes)
        ]

    texts = tasks_of(files(*[50_000] * (DOCUMENTS_PER_TASK + 3)))
    assert [len(task) for task in texts] == [DOCUMENTS_PER_TASK, 3]
    mixed = tasks_of(files(50_000, 60_000, TASK_BYTES - 10_000, 2 * TASK_BYTES, 50_000, 50_000))
    assert [[n for n, _ in task] for task in mixed] == [[0, 1], [2], [3], [4, 5]]


def _worker_settings() -> tuple[str | None, bool]:
    import dask

    return os.environ.get("MALLOC_TRIM_THRESHOLD_"), dask.config.get(
        "distributed.worker.profile.enabled"
    )


def test_a_local_cluster_works_as_the_local_workers_do(monkeypatch: pytest.MonkeyPatch) -> None:
    """No allocator trimming (a scan's freed page images faulted in again: system CPU ~2×), no
    statistical profiler walking the reading thread's stack."""
    pytest.importorskip("distributed")
    from pipeline.ingest.dask_engine import DaskReaders

    # a nanny of Dask's defaults (an earlier test's cluster) leaves its setting in this
    # process's environment, which is passed on as a user's own setting would be
    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)

    readers = DaskReaders(1)
    try:
        settings = readers._client.run(_worker_settings)
    finally:
        readers.close()
    assert list(settings.values()) == [(None, False)]

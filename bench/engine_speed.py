"""`protokoll ingest --engine dask` against the local engine, and what one Dask worker needs.

    .venv/bin/python bench/engine_speed.py                      # ~10 min on 2 idle cores
    .venv/bin/python bench/engine_speed.py --text-docs 100 --scanned-docs 4 --json dask.json

Archives are ingest_speed.py's synthetic ones (text PDFs, scanned PDFs), kept under --work.
Parts, in this order, all in one run so the machine's state is the same for each:

  start    seconds to start a LocalCluster of --jobs workers with the NER model loaded in each
           (pipeline.ingest.dask_engine.DaskReaders), and to close it
  engines  `python -m pipeline ingest FOLDER --db FRESH --jobs N --engine E --quiet --json` as a
           subprocess, local and dask in turn (--repeats times, which goes first alternating;
           medians) on the text archive, then on the scans: wall time and the peak RSS of the
           process tree (bench/_tree_memory.py)
  core     one worker (--jobs 1, local): text pages a second and seconds a scanned page
  worker   one Dask worker reading both archives: its peak RSS, from getrusage in the worker
           at the end (Tesseract runs beside it as a child process, a page at a time)
  writer   the text archive ingested in this process (local engine): the CPU seconds this
           process spends a document (survey, hashing, storing), which one writer must keep
           up with whatever the size of the cluster

The local engine starts its workers as the first documents arrive; the dask engine starts its
cluster first, so the difference between them on a small archive is mostly the `start` figure.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from _tree_memory import TreeMemory
from ingest_speed import Archive, archive

from pipeline.discover import identify
from pipeline.ingest import BatchOptions, run_batch
from pipeline.ingest.dask_engine import DaskReaders
from pipeline.ingest.workers import read_in_order

MIB = 1 << 20
PARTS = ("start", "engines", "core", "worker", "writer")
ENGINES = ("local", "dask")
REPO = Path(__file__).resolve().parents[1]


def start_seconds(jobs: int) -> tuple[float, float]:
    """Seconds to start a LocalCluster with the model loaded in each worker, and to close it."""
    started = time.perf_counter()
    readers = DaskReaders(jobs)
    up = time.perf_counter() - started
    started = time.perf_counter()
    readers.close()
    return up, time.perf_counter() - started


def ingest(folder: Path, work: Path, jobs: int, engine: str) -> dict[str, Any]:
    """One `protokoll ingest` into a fresh database: wall seconds, peak memory, its report."""
    with tempfile.TemporaryDirectory(dir=work, prefix="db-") as scratch:
        command = [sys.executable, "-m", "pipeline", "ingest", str(folder)]
        command += ["--db", f"{scratch}/bench.duckdb", "--jobs", str(jobs), "--engine", engine]
        command += ["--quiet", "--json"]
        pipe = subprocess.PIPE
        started = time.perf_counter()
        with (
            subprocess.Popen(command, stdout=pipe, stderr=pipe, text=True, cwd=REPO) as process,
            TreeMemory(process.pid) as memory,
        ):
            stdout, stderr = process.communicate()
        wall = time.perf_counter() - started
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{stderr[-3000:]}")
    report = json.loads(stdout)
    return {"wall_s": wall, "peak_mib": memory.peak_bytes / MIB, "report": report}


def peak_rss_mib() -> float:
    """This process's peak RSS (Linux reports KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def worker_peak(archives: Sequence[Archive]) -> dict[str, float]:
    """One Dask worker reads every document of `archives`; its peak memory at the end."""
    readers = DaskReaders(1)
    try:
        sources = [identify(pdf) for corpus in archives for pdf in corpus.pdfs]
        for _ in read_in_order(readers, ((s.path, s) for s in sources)):
            pass
        client = readers._client  # the bench looks inside: the engine has no use for this
        (peak, *_) = client.run(peak_rss_mib).values()
    finally:
        readers.close()
    return {"worker_peak_mib": peak}


def writer_seconds(corpus: Archive, work: Path, jobs: int) -> float:
    """CPU seconds of the writer's process a document, the workers reading elsewhere."""
    with tempfile.TemporaryDirectory(dir=work, prefix="db-") as scratch:
        started = time.process_time()
        report = run_batch([corpus.folder], Path(scratch) / "w.duckdb", BatchOptions(jobs=jobs))
        cpu = time.process_time() - started
    return cpu / max(1, len(report.loaded))


def print_figures(
    figures: dict[str, Any], runs: dict[str, dict[str, Any]], text: Archive, scans: Archive
) -> None:
    print(
        f"{'run':<22} {'docs':>5} {'pages':>6} {'wall s':>8} {'pages/s':>8} {'s/page':>7} "
        f"{'peak MiB':>9} {'failed':>6}"
    )
    for label, run in runs.items():
        corpus = text if label.startswith("text") else scans
        wall = run["wall_s"]
        print(
            f"{label:<22} {len(corpus.pdfs):>5} {corpus.pages:>6} {wall:>8.1f} "
            f"{corpus.pages / wall:>8.2f} {wall / corpus.pages:>7.2f} {run['peak_mib']:>9.0f} "
            f"{len(run['report'].get('failed', [])):>6}"
        )
    for name in ("text", "scanned"):
        if f"{name} dask" in runs:
            ratio = runs[f"{name} dask"]["wall_s"] / runs[f"{name} local"]["wall_s"]
            print(f"{name}: dask / local wall time {ratio:.2f}")
    if "start" in figures:
        start = figures["start"]
        print(f"LocalCluster start {start['up_s']:.1f} s, close {start['close_s']:.1f} s")
    if "worker" in figures:
        worker = figures["worker"]
        print(f"one Dask worker's peak RSS {worker['worker_peak_mib']:.0f} MiB")
    if "writer_cpu_s_per_document" in figures:
        print(f"writer: {figures['writer_cpu_s_per_document'] * 1000:.0f} ms CPU a document")
    print(f"load average {figures['load_start']} → {figures['load_end']}")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--work", type=Path, default=Path("/tmp/protokoll-bench"))
    parser.add_argument("--text-docs", type=int, default=250)
    parser.add_argument("--scanned-docs", type=int, default=6)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeats", type=int, default=1, help="engines: medians of this many")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    parser.add_argument(
        "--parts", default=",".join(PARTS), help="comma-separated, of " + str(PARTS)
    )
    args = parser.parse_args(argv)
    parts = set(args.parts.split(","))
    text = archive(args.work, args.text_docs, args.seed, scanned=False)
    scans = archive(args.work, args.scanned_docs, args.seed, scanned=True)
    figures: dict[str, Any] = {"cores": os.cpu_count(), "load_start": os.getloadavg()}

    runs: dict[str, dict[str, Any]] = {}
    if "start" in parts:
        up, down = start_seconds(args.jobs)
        figures["start"] = {"up_s": up, "close_s": down}
        log(
            f"LocalCluster of {args.jobs}, model loaded: {up:.1f} s to start, {down:.1f} s to close"
        )
    if "engines" in parts:
        for name, corpus in (("text", text), ("scanned", scans)):
            walls: dict[str, list[float]] = {"local": [], "dask": []}
            for repeat in range(args.repeats):  # which goes first alternates
                for engine in ENGINES if repeat % 2 == 0 else ENGINES[::-1]:
                    run = ingest(corpus.folder, args.work, args.jobs, engine)
                    walls[engine].append(run["wall_s"])
                    runs[f"{name} {engine}"] = {**run, "wall_s": statistics.median(walls[engine])}
                    log(f"{name}, {engine}, {args.jobs} workers: {run['wall_s']:.1f} s")
            figures[f"{name} walls"] = walls
    if "core" in parts:
        for name, corpus in (("text", text), ("scanned", scans)):
            runs[f"{name} one worker"] = ingest(corpus.folder, args.work, 1, "local")
    if "worker" in parts:
        figures["worker"] = worker_peak([text, scans])
    if "writer" in parts:
        figures["writer_cpu_s_per_document"] = writer_seconds(text, args.work, args.jobs)
    figures["load_end"] = os.getloadavg()
    print_figures(figures, runs, text, scans)
    if args.json:
        figures["runs"] = {k: {**v, "report": None} for k, v in runs.items()}
        args.json.write_text(json.dumps(figures, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How fast `protokoll ingest` reads a whole archive, against the floors of the tools it uses.

    .venv/bin/python bench/ingest_speed.py          # all parts: ~15 min on 2 cores, +5 at first
    .venv/bin/python bench/ingest_speed.py --only scanned --repeats 3 --json ingest.json
    .venv/bin/python bench/ingest_speed.py --only scale --full          # + 10 000 documents

Archives are synthetic (devtools.synth.write_archive), generated once and kept under --work
(default /tmp/protokoll-bench/archives); ingest is given each archive's archive/ folder, which
holds the PDFs and nothing else (the gold is beside it). Every protokoll figure is `protokoll
ingest FOLDER --db FRESH --jobs N --quiet --json` as a subprocess (--protokoll names another
build): wall time around it (the primary figure), the "seconds" it reports, and the peak of RSS
summed over it and all its children, sampled every 50 ms (bench/_tree_memory.py). Parts:

  text     text PDFs (--text-docs): protokoll with 1 and 2 workers, and in the same run on the
           same files the floor, bare pdfplumber in this process (open, extract_text per page);
           with --baseline EXE, another build with 1 worker in turn with this one (which goes
           first alternates), and the time each takes to read a text page: the median of the
           seconds its database records for each text page (the text layer read and checked)
  scanned  scanned PDFs (--scanned-docs): protokoll with 1 and 2 workers, and the floor, bare
           `tesseract PAGE.png stdout -l swe --psm 6` (OMP_THREAD_LIMIT=1) one page at a time
           on the pixels protokoll's OCR reads (page_image), written to PNG before timing
  rerun    the text archive again into the database its 2-worker run filled: nothing changed
  dask     each archive (text, and scanned with "scanned") also with `--engine dask --jobs 2`:
           a LocalCluster of 2 workers against the local engine's 2 workers, on the same files
  scale    text archives of --scales documents (with --full also 10 000), 2 workers, and the
           rerun of each: seconds per document should not grow with the archive

Prints the machine (cores, load average: the machine may be shared), one table of runs
(medians when --repeats > 1), and the targets: text pages/s at least 2.5 × pdfplumber's, OCR
overhead at most 10 % of Tesseract's seconds per page, 2 workers at least 1.8 × as fast as 1 on
scans, the dask engine's wall time at most 10 % over the local engine's, peak memory at most
1.5 GiB, a rerun under 5 % of the first run; against a baseline, a text page at most 20 % slower
to read and to ingest. Verdicts are on wall time. Beside it, each run's CPU seconds (user +
system of its whole process tree), which other work on a shared machine does not inflate, and
in the targets what they imply: the most 2 cores could give on text, OCR's CPU over Tesseract's,
dask's CPU over the local engine's.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import _checkout  # noqa: F401  (the checkout on sys.path, for devtools)
import duckdb
import pdfplumber
import psutil
import pypdfium2
from _pdf import page_count
from _tree_memory import TreeMemory

from devtools.synth.write import Only, write_archive
from pipeline.extract import ocr
from pipeline.extract.page_image import page_image

PARTS = ("text", "scanned", "rerun", "dask", "scale")
FULL_SCALE = 10_000
MIB = 1 << 20
GIB = 1 << 30

TEXT_RATIO_MIN = 2.5  # protokoll with 2 workers / pdfplumber, pages a second
OCR_OVERHEAD_MAX = 0.10  # protokoll with 1 worker over bare Tesseract, seconds a page
SPEEDUP_MIN = 1.8  # 2 workers / 1 worker on scans
DASK_OVER_LOCAL_MAX = 1.10  # --engine dask / the local engine, 2 workers each, wall time
PEAK_MEMORY_MAX_BYTES = int(1.5 * GIB)
RERUN_SHARE_MAX = 0.05  # of the first run's seconds
LINEAR_GROWTH_MAX = 1.1  # seconds a document, largest archive / smallest
BASELINE_GROWTH_MAX = 1.2  # a text page's seconds, this build / the baseline

PDFPLUMBER = "pdfplumber, in-process"
TESSERACT = "tesseract, page by page"
ONE_WORKER = "protokoll, 1 worker"
TWO_WORKERS = "protokoll, 2 workers"
RERUN = "protokoll, 2 workers, rerun"
DASK = "protokoll, dask, 2 workers"
BASELINE = "baseline, 1 worker"
JOBS = {ONE_WORKER: 1, TWO_WORKERS: 2, RERUN: 2, DASK: 2, BASELINE: 1}
ENGINES = {DASK: "dask"}  # the others: the local engine


@dataclass(frozen=True)
class Archive:
    folder: Path  # what ingest is given: the PDFs and nothing else
    pdfs: tuple[Path, ...]
    pages: int


@dataclass(frozen=True)
class IngestRun:
    wall_s: float
    peak_bytes: int
    report: dict[str, Any]  # what `protokoll ingest --json` printed
    text_page_s: float | None = None  # median seconds its database records for a text page
    cpu_s: float | None = None  # user + system seconds of the process tree

    @property
    def failed(self) -> int:
        return len(self.report.get("failed", []))


@dataclass(frozen=True)
class Row:
    part: str
    run: str
    documents: int
    pages: int
    wall_s: float  # median over the repeats
    reported_s: float | None = None  # protokoll's own "seconds"
    peak_bytes: int | None = None
    failed: int = 0
    walls_s: list[float] = field(default_factory=list)
    reports: list[dict[str, Any]] = field(default_factory=list)  # protokoll's, one a repeat
    note: str = ""
    text_page_s: float | None = None  # median over the repeats of IngestRun.text_page_s
    cpu_s: float | None = None  # median over the repeats: user + system seconds of the tree

    @property
    def documents_per_s(self) -> float:
        return self.documents / self.wall_s

    @property
    def pages_per_s(self) -> float:
        return self.pages / self.wall_s

    @property
    def seconds_per_page(self) -> float:
        return self.wall_s / self.pages


@dataclass(frozen=True)
class Target:
    name: str
    value: float
    shown: str
    goal: str
    met: bool


# --- archives -------------------------------------------------------------------------------


def archive(work: Path, documents: int, seed: int, *, scanned: bool) -> Archive:
    """The cached synthetic archive of `documents` meetings, generated on first use."""
    root = work / "archives" / f"{'scanned' if scanned else 'text'}-{documents}-seed{seed}"
    if not (root / "README.md").exists():  # written last: its absence means unfinished
        generate(root, documents, seed, scanned=scanned)
    folder = root / "archive"
    files = sorted(folder.iterdir())
    pdfs = tuple(f for f in files if f.suffix == ".pdf")
    if len(pdfs) != documents or len(files) != len(pdfs):
        raise SystemExit(f"{folder} should hold {documents} PDFs only: delete {root} to remake it")
    return Archive(folder, pdfs, sum(page_count(pdf) for pdf in pdfs))


def generate(root: Path, documents: int, seed: int, *, scanned: bool) -> None:
    partial = root.with_name(root.name + ".partial")
    shutil.rmtree(partial, ignore_errors=True)
    log(f"generating {documents} {'scanned' if scanned else 'text'} PDFs → {root}")
    report = write_archive(
        partial,
        documents,
        seed=seed,
        scanned_share=1.0 if scanned else 0.0,
        only=None if scanned else Only.PDF,
    )
    partial.rename(root)
    log(f"  {report.seconds:.0f} s")


# --- floors ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    wall_s: float
    cpu_s: float  # user + system: on a shared machine, what the run itself cost


def children_cpu_s() -> float:
    """CPU seconds of every finished child process, and of theirs: the tree of each run."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def pdfplumber_seconds(pdfs: Sequence[Path]) -> Timing:
    started, cpu = time.perf_counter(), time.process_time()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
    return Timing(time.perf_counter() - started, time.process_time() - cpu)


def write_page_images(pdfs: Sequence[Path], folder: Path) -> list[Path]:
    """Each page as protokoll's OCR sees it (the embedded scan, or a render), as a PNG."""
    images = []
    for pdf in pdfs:
        document = pypdfium2.PdfDocument(pdf)
        try:
            for index in range(len(document)):
                page = page_image(document, index, ocr.OCR_DPI)
                png = folder / f"{pdf.stem}.{index + 1}.png"
                page.image.save(png, dpi=(page.dpi, page.dpi))
                images.append(png)
        finally:
            document.close()
    return images


def tesseract_seconds(images: Sequence[Path]) -> Timing:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    psm = str(ocr.OCR_PAGE_SEGMENTATION_MODE)
    started, cpu = time.perf_counter(), children_cpu_s()
    for png in images:
        command = ["tesseract", str(png), "stdout", "-l", ocr.OCR_LANGUAGE, "--psm", psm]
        subprocess.run(command, capture_output=True, check=True, env=env)
    return Timing(time.perf_counter() - started, children_cpu_s() - cpu)


# --- protokoll ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Protokoll:
    executable: Path
    work: Path

    @contextlib.contextmanager
    def fresh_database(self) -> Iterator[Path]:
        with tempfile.TemporaryDirectory(dir=self.work, prefix="db-") as folder:
            yield Path(folder) / "bench.duckdb"

    def ingest(self, folder: Path, database: Path, jobs: int, engine: str = "local") -> IngestRun:
        command = [str(self.executable), "ingest", str(folder), "--db", str(database)]
        command += ["--jobs", str(jobs), "--engine", engine, "--quiet", "--json"]
        pipe = subprocess.PIPE
        started, cpu = time.perf_counter(), children_cpu_s()
        with (
            subprocess.Popen(command, stdout=pipe, stderr=pipe, encoding="utf-8") as process,
            TreeMemory(process.pid) as memory,
        ):
            stdout, stderr = process.communicate()
        wall_s = time.perf_counter() - started
        cpu_s = children_cpu_s() - cpu  # waited for: its workers and theirs are counted in
        if process.returncode not in (0, 1):  # 1: some file failed, reported in the JSON
            raise SystemExit(f"{' '.join(command)} exited {process.returncode}:\n{stderr[-3000:]}")
        try:
            report = json.loads(stdout)
        except json.JSONDecodeError:
            raise SystemExit(
                f"{' '.join(command)} printed no JSON object on stdout (has it --json yet?):\n"
                f"{stdout[-1000:]}{stderr[-2000:]}"
            ) from None
        run = IngestRun(wall_s, memory.peak_bytes, report, text_page_seconds(database), cpu_s)
        for failure in report.get("failed", [])[:3]:
            log(f"  failed: {failure}")
        return run


def text_page_seconds(database: Path) -> float | None:
    """The median of the seconds the database records for reading each text page."""
    try:
        with duckdb.connect(str(database), read_only=True) as con:
            query = "SELECT median(seconds) FROM pages WHERE method = 'text'"
            row = con.execute(query).fetchone()
    except duckdb.Error:  # no database or no pages table: nothing was loaded
        return None
    return None if row is None or row[0] is None else float(row[0])


def default_executable() -> Path:
    beside = Path(sys.executable).with_name("protokoll")
    found = beside if beside.exists() else shutil.which("protokoll")
    return Path(found) if found else beside


# --- parts ----------------------------------------------------------------------------------

Runs = dict[str, list[IngestRun]]  # by run label, one a repeat


def ingest_in_turn(
    protokoll: Protokoll, corpus: Archive, labels: Sequence[str], runs: Runs
) -> None:
    """Into one fresh database, the runs `labels` name, in turn: a first run, then any rerun."""
    with protokoll.fresh_database() as database:
        for label in labels:
            run = protokoll.ingest(
                corpus.folder, database, JOBS[label], ENGINES.get(label, "local")
            )
            peak = run.peak_bytes / MIB
            log(
                f"  {label}: {run.wall_s:.1f} s, CPU {run.cpu_s:.1f} s, peak {peak:.0f} MiB, "
                f"{run.failed} failed"
            )
            runs.setdefault(label, []).append(run)


def logged(label: str, timing: Timing) -> Timing:
    log(f"  {label}: {timing.wall_s:.1f} s, CPU {timing.cpu_s:.1f} s")
    return timing


def text_part(
    protokoll: Protokoll,
    corpus: Archive,
    repeats: int,
    parts: set[str],
    baseline: Protokoll | None = None,
) -> list[Row]:
    """pdfplumber, 1 worker and 2 workers on the same PDFs (with "text"); the rerun after 2;
    the dask engine in turn with them; the baseline build with 1 worker, in turn with this one."""
    floor: list[Timing] = []
    runs: Runs = {}
    for repeat in range(repeats):
        log(f"text PDFs, {len(corpus.pdfs)} documents, run {repeat + 1} of {repeats}")
        if "text" in parts:
            floor.append(logged(PDFPLUMBER, pdfplumber_seconds(corpus.pdfs)))
            builds = [(protokoll, ONE_WORKER)]
            if baseline is not None:  # which build goes first alternates: no drift favours one
                builds = [*builds, (baseline, BASELINE)][:: 1 if repeat % 2 == 0 else -1]
            for build, label in builds:
                ingest_in_turn(build, corpus, [label], runs)
        local = [TWO_WORKERS, RERUN] if "rerun" in parts else [TWO_WORKERS]
        for labels in engines_in_turn(local, parts, repeat):
            ingest_in_turn(protokoll, corpus, labels, runs)
    rows = [floor_row("text", PDFPLUMBER, corpus, floor)] if floor else []
    return rows + [ingest_row("text", label, corpus, r) for label, r in runs.items()]


def scanned_part(protokoll: Protokoll, corpus: Archive, repeats: int, parts: set[str]) -> list[Row]:
    """Tesseract and 1 worker (with "scanned"), 2 workers, the dask engine (with "dask")."""
    floor: list[Timing] = []
    runs: Runs = {}
    with tempfile.TemporaryDirectory(dir=protokoll.work, prefix="pages-") as folder:
        images = write_page_images(corpus.pdfs, Path(folder)) if "scanned" in parts else []
        for repeat in range(repeats):
            log(f"scanned PDFs, {len(corpus.pdfs)} documents, run {repeat + 1} of {repeats}")
            if "scanned" in parts:
                floor.append(logged(TESSERACT, tesseract_seconds(images)))
                ingest_in_turn(protokoll, corpus, [ONE_WORKER], runs)
            for labels in engines_in_turn([TWO_WORKERS], parts, repeat):
                ingest_in_turn(protokoll, corpus, labels, runs)
    rows = [floor_row("scanned", TESSERACT, corpus, floor)] if floor else []
    rows += [ingest_row("scanned", label, corpus, r) for label, r in runs.items()]
    return [replace(r, note=f"{r.seconds_per_page:.2f} s/page") for r in rows]


def engines_in_turn(local: list[str], parts: set[str], repeat: int) -> list[list[str]]:
    """The local engine's runs, then the dask engine's (with "dask"); which engine goes first
    alternates from one repeat to the next, so that no drift of the machine favours one."""
    engines = [local, [DASK]] if "dask" in parts else [local]
    return engines[:: 1 if repeat % 2 == 0 else -1]


def scale_part(
    protokoll: Protokoll, work: Path, scales: Sequence[int], seed: int, repeats: int
) -> list[Row]:
    rows = []
    for documents in scales:
        corpus = archive(work, documents, seed, scanned=False)
        runs: Runs = {}
        for repeat in range(repeats):
            log(f"scale, {documents} text PDFs, run {repeat + 1} of {repeats}")
            ingest_in_turn(protokoll, corpus, [TWO_WORKERS, RERUN], runs)
        first = ingest_row("scale", TWO_WORKERS, corpus, runs[TWO_WORKERS])
        rows += [replace(first, note=f"{first.wall_s / documents:.3f} s/doc")]
        rows += [ingest_row("scale", RERUN, corpus, runs[RERUN])]
    return rows


def floor_row(part: str, run: str, corpus: Archive, timings: list[Timing]) -> Row:
    walls = [t.wall_s for t in timings]
    return Row(
        part,
        run,
        len(corpus.pdfs),
        corpus.pages,
        statistics.median(walls),
        walls_s=walls,
        cpu_s=statistics.median(t.cpu_s for t in timings),
    )


def ingest_row(part: str, run: str, corpus: Archive, runs: list[IngestRun]) -> Row:
    reported = [r.report["seconds"] for r in runs if "seconds" in r.report]
    page_s = [r.text_page_s for r in runs if r.text_page_s is not None]
    cpu = [r.cpu_s for r in runs if r.cpu_s is not None]
    return Row(
        part,
        run,
        len(corpus.pdfs),
        corpus.pages,
        statistics.median(r.wall_s for r in runs),
        statistics.median(reported) if reported else None,
        round(statistics.median(r.peak_bytes for r in runs)),
        max(r.failed for r in runs),
        [r.wall_s for r in runs],
        [r.report for r in runs],
        text_page_s=statistics.median(page_s) if page_s else None,
        cpu_s=statistics.median(cpu) if cpu else None,
    )


# --- targets --------------------------------------------------------------------------------


def find(rows: Sequence[Row], part: str, run: str, documents: int | None = None) -> Row | None:
    for row in rows:
        if (row.part, row.run) == (part, run) and documents in (None, row.documents):
            return row
    return None


def targets(rows: Sequence[Row]) -> list[Target]:
    """Each target whose runs were measured."""
    return [
        *text_target(rows),
        *baseline_targets(rows),
        *scanned_targets(rows),
        *dask_targets(rows),
        *rerun_targets(rows),
        *memory_target(rows),
        *scale_target(rows),
    ]


def text_target(rows: Sequence[Row]) -> list[Target]:
    floor, two = find(rows, "text", PDFPLUMBER), find(rows, "text", TWO_WORKERS)
    if not (floor and two):
        return []
    ratio = two.pages_per_s / floor.pages_per_s
    shown = f"{ratio:.2f}"
    if floor.cpu_s and two.cpu_s:  # the most 2 cores could give at these CPU costs
        shown += f" (CPU bound: {2 * floor.cpu_s / two.cpu_s:.2f})"
    name = "text pages/s, 2 workers / pdfplumber"
    return [Target(name, ratio, shown, f"≥ {TEXT_RATIO_MIN}", ratio >= TEXT_RATIO_MIN)]


def baseline_targets(rows: Sequence[Row]) -> list[Target]:
    """This build's text pages against the baseline's, read (own seconds) and ingested (wall)."""
    ours, theirs = find(rows, "text", ONE_WORKER), find(rows, "text", BASELINE)
    if not (ours and theirs):
        return []
    goal = f"≤ {BASELINE_GROWTH_MAX}"
    found = []
    if ours.text_page_s and theirs.text_page_s:
        read = ours.text_page_s / theirs.text_page_s
        shown = f"{read:.2f} ({ours.text_page_s * 1000:.1f} / {theirs.text_page_s * 1000:.1f} ms)"
        name = "text page read, this build / baseline"
        found.append(Target(name, read, shown, goal, read <= BASELINE_GROWTH_MAX))
    wall = ours.seconds_per_page / theirs.seconds_per_page
    shown = f"{wall:.2f} ({ours.wall_s:.1f} / {theirs.wall_s:.1f} s)"
    name = "text page ingested, 1 worker, this build / baseline"
    found.append(Target(name, wall, shown, goal, wall <= BASELINE_GROWTH_MAX))
    return found


def scanned_targets(rows: Sequence[Row]) -> list[Target]:
    floor, one = find(rows, "scanned", TESSERACT), find(rows, "scanned", ONE_WORKER)
    two = find(rows, "scanned", TWO_WORKERS)
    if not (floor and one and two):
        return []
    over = one.seconds_per_page / floor.seconds_per_page - 1
    shown = f"{over:+.1%}"
    if floor.cpu_s and one.cpu_s:
        shown += f" (CPU: {one.cpu_s / floor.cpu_s - 1:+.1%})"
    speedup = one.wall_s / two.wall_s
    return [
        Target(
            "OCR s/page, 1 worker over tesseract",
            over,
            shown,
            f"≤ {OCR_OVERHEAD_MAX:.0%}",
            over <= OCR_OVERHEAD_MAX,
        ),
        Target(
            "scans, 2 workers / 1 worker",
            speedup,
            f"{speedup:.2f}",
            f"≥ {SPEEDUP_MIN}",
            speedup >= SPEEDUP_MIN,
        ),
    ]


def dask_targets(rows: Sequence[Row]) -> list[Target]:
    """The dask engine's wall time over the local engine's, 2 workers each, on each archive."""
    found = []
    for part in ("text", "scanned"):
        local, dask = find(rows, part, TWO_WORKERS), find(rows, part, DASK)
        if not (local and dask):
            continue
        ratio = dask.wall_s / local.wall_s
        shown = f"{ratio:.2f} ({dask.wall_s:.1f} / {local.wall_s:.1f} s)"
        if dask.cpu_s and local.cpu_s:
            shown += f" (CPU: {dask.cpu_s / local.cpu_s:.2f})"
        goal = f"≤ {DASK_OVER_LOCAL_MAX}"
        name = f"{part}: dask / local, 2 workers"
        found.append(Target(name, ratio, shown, goal, ratio <= DASK_OVER_LOCAL_MAX))
    return found


def rerun_targets(rows: Sequence[Row]) -> list[Target]:
    found = []
    for rerun in (r for r in rows if r.run == RERUN):
        first = find(rows, rerun.part, TWO_WORKERS, rerun.documents)
        assert first is not None, "a rerun follows its first run"
        share = rerun.wall_s / first.wall_s
        name = f"{rerun.part} rerun / first run, {rerun.documents} docs"
        goal = f"< {RERUN_SHARE_MAX:.0%}"
        found.append(Target(name, share, f"{share:.1%}", goal, share < RERUN_SHARE_MAX))
    return found


def memory_target(rows: Sequence[Row]) -> list[Target]:
    peaks = [r.peak_bytes for r in rows if r.peak_bytes is not None]
    if not peaks:
        return []
    peak = max(peaks)
    shown, goal = f"{peak / GIB:.2f} GiB", f"≤ {PEAK_MEMORY_MAX_BYTES / GIB} GiB"
    return [Target("peak memory, largest run", peak, shown, goal, peak <= PEAK_MEMORY_MAX_BYTES)]


def scale_target(rows: Sequence[Row]) -> list[Target]:
    runs = sorted(
        (r for r in rows if (r.part, r.run) == ("scale", TWO_WORKERS)), key=lambda r: r.documents
    )
    if len(runs) < 2:
        return []
    small, large = runs[0], runs[-1]
    growth = (large.wall_s / large.documents) / (small.wall_s / small.documents)
    name = f"scale s/doc, {large.documents} docs / {small.documents}"
    goal = f"≤ {LINEAR_GROWTH_MAX} (linear)"
    return [Target(name, growth, f"{growth:.2f}", goal, growth <= LINEAR_GROWTH_MAX)]


# --- output ---------------------------------------------------------------------------------


def machine_facts() -> dict[str, Any]:
    version = subprocess.run(["tesseract", "--version"], capture_output=True, text=True, check=True)
    return {
        "cores": os.cpu_count(),
        "usable_cores": len(os.sched_getaffinity(0)),
        "memory_gib": round(psutil.virtual_memory().total / GIB, 1),
        "load_average_start": os.getloadavg(),
        "python": platform.python_version(),
        "tesseract": version.stdout.split("\n")[0],
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }


def print_machine(machine: dict[str, Any]) -> None:
    print(
        f"machine: {machine['cores']} cores ({machine['usable_cores']} usable), "
        f"{machine['memory_gib']} GiB; load average {_load(machine['load_average_start'])} "
        f"(1, 5, 15 min) at start; {machine['tesseract']}; Python {machine['python']}; "
        f"{machine['started']}",
        flush=True,
    )


def print_runs(rows: Sequence[Row], repeats: int) -> None:
    of = f", median of {repeats}" if repeats > 1 else ""
    print(
        f"\n## runs (wall seconds{of}; CPU s: user + system of the process tree; own s: "
        "protokoll's own figure; page ms: median reading time of a text page, from the database; "
        "peak: RSS of the tree)\n"
    )
    header = ["part", "run", "docs", "pages", "wall s", "CPU s", "own s", "docs/s", "pages/s"]
    header += ["page ms"]
    header += ["peak MiB"]
    body = [
        [
            row.part,
            row.run,
            str(row.documents),
            str(row.pages),
            f"{row.wall_s:.1f}",
            "–" if row.cpu_s is None else f"{row.cpu_s:.1f}",
            "–" if row.reported_s is None else f"{row.reported_s:.1f}",
            f"{row.documents_per_s:.2f}",
            f"{row.pages_per_s:.2f}",
            "–" if row.text_page_s is None else f"{row.text_page_s * 1000:.1f}",
            "–" if row.peak_bytes is None else f"{row.peak_bytes / MIB:.0f}",
            row.note + (f"; {row.failed} FAILED" if row.failed else ""),
        ]
        for row in rows
    ]
    print_table([*header, "note"], body, right=range(2, len(header)))


def print_targets(found: Sequence[Target]) -> None:
    print("\n## targets\n")
    body = [[t.name, t.shown, t.goal, "met" if t.met else "MISSED"] for t in found]
    print_table(["target", "measured", "goal", "verdict"], body, right=range(1, 2))


def print_table(header: Sequence[str], body: Sequence[Sequence[str]], right: range) -> None:
    """A Markdown table, its columns padded to line up in a terminal."""
    widths = [max(len(cell) for cell in column) for column in zip(header, *body, strict=True)]

    def line(cells: Sequence[str]) -> str:
        padded = (
            c.rjust(w) if i in right else c.ljust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        )
        return "| " + " | ".join(padded) + " |"

    rule = ("-" * (w + 1) + ":" if i in right else "-" * (w + 2) for i, w in enumerate(widths))
    print(line(header))
    print("|" + "|".join(rule) + "|")
    for cells in body:
        print(line(cells))


def write_json(
    path: Path, machine: dict[str, Any], rows: Sequence[Row], found: Sequence[Target]
) -> None:
    figures = {
        "machine": machine,
        "runs": [
            {
                **asdict(r),
                "documents_per_s": r.documents_per_s,
                "pages_per_s": r.pages_per_s,
                "seconds_per_page": r.seconds_per_page,
            }
            for r in rows
        ],
        "targets": [asdict(t) for t in found],
    }
    path.write_text(json.dumps(figures, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _load(averages: Sequence[float]) -> str:
    return " ".join(f"{x:.2f}" for x in averages)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- main -----------------------------------------------------------------------------------


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("/tmp/protokoll-bench"),
        help="archives are kept here, databases made and removed here",
    )
    # Large enough that a run's fixed start (≈ 1 s for this process, ≈ 2 s a worker to import
    # spaCy and load the model) is a small share of it, as in an archive
    parser.add_argument("--text-docs", type=int, default=1000, help="for 1 vs 2 workers")
    parser.add_argument("--scanned-docs", type=int, default=30, help="for 1 vs 2 workers")
    parser.add_argument("--scales", default="100,1000", help="archive sizes, comma-separated")
    parser.add_argument("--full", action="store_true", help=f"also scale to {FULL_SCALE}")
    parser.add_argument("--repeats", type=int, default=1, help="medians when more than 1")
    parser.add_argument("--only", choices=PARTS, help="run one part")
    parser.add_argument("--seed", type=int, default=0, help="of the synthetic archives")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write the figures here")
    parser.add_argument(
        "--protokoll", type=Path, default=default_executable(), help="the CLI to measure"
    )
    parser.add_argument(
        "--baseline",
        type=Path,
        help="another build's CLI, measured in the same run on the text PDFs (1 worker)",
    )
    args = parser.parse_args(argv)
    args.scales = sorted(
        {int(n) for n in args.scales.split(",")} | ({FULL_SCALE} if args.full else set())
    )
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    parts = {args.only} if args.only else set(PARTS)
    if "dask" in parts and importlib.util.find_spec("distributed") is None:
        log("dask is not installed (pip install .[dask]): the dask runs are left out")
        parts.discard("dask")
    args.work.mkdir(parents=True, exist_ok=True)
    machine = machine_facts()
    print_machine(machine)
    protokoll = Protokoll(args.protokoll, args.work)
    baseline = None if args.baseline is None else Protokoll(args.baseline, args.work)
    rows: list[Row] = []
    if parts & {"text", "rerun", "dask"}:
        corpus = archive(args.work, args.text_docs, args.seed, scanned=False)
        rows += text_part(protokoll, corpus, args.repeats, parts, baseline)
    if parts & {"scanned", "dask"}:
        corpus = archive(args.work, args.scanned_docs, args.seed, scanned=True)
        rows += scanned_part(protokoll, corpus, args.repeats, parts)
    if "scale" in parts:
        rows += scale_part(protokoll, args.work, args.scales, args.seed, args.repeats)
    machine["load_average_end"] = os.getloadavg()
    found = targets(rows)
    print_runs(rows, args.repeats)
    print_targets(found)
    print(f"\nload average at end: {_load(machine['load_average_end'])}")
    if args.json:
        write_json(args.json, machine, rows, found)
    return 0


if __name__ == "__main__":
    sys.exit(main())

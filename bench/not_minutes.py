"""How many documents of a folder the pipeline loads as meetings, refuses as not minutes, or fails.

    .venv/bin/python bench/not_minutes.py /work/nonminutes/pypdf /work/nonminutes/pdfplumber
    .venv/bin/python bench/not_minutes.py FOLDER --jobs 2 --max-pages 50 --json out.json

Run it on documents that are not minutes (the test PDFs of PDF libraries: manuals, forms,
reports, fuzzed files) and every one should be refused or fail; run it on an archive of minutes
and every one should load. Each file goes through what `protokoll ingest` does to it before the
database (identify → extract → clean → parse → resolve) in worker processes that load the model
once; a worker that dies costs only its file, which is counted as failed. Prints, per folder
given and in all, the files loaded as meetings, refused as not minutes (NotMinutes) and failed
otherwise (by error type), the files loaded with what was found in them, and the slowest files.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import multiprocessing
import signal
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.discover import identify, walk
from pipeline.errors import NotMinutes, ProtokollError
from pipeline.limits import pages_limited
from pipeline.records import Minutes

LOADED = "loaded"
REFUSED = "refused"
FAILED = "failed"
SLOWEST_SHOWN = 10


@dataclass(frozen=True)
class Outcome:
    path: str
    verdict: str  # loaded | refused | failed
    seconds: float
    error_type: str | None = None
    message: str | None = None
    found: str | None = None  # for a loaded file: what the parser read in it


def found_in(minutes: Minutes) -> str:
    """What makes the loaded file look like minutes, in a few words."""
    meeting = minutes.meeting
    return (
        f"date {meeting.date or '-'}, {len(minutes.attendance)} attendees, "
        f"{len(minutes.sections)} sections, "
        f"{sum(len(s.decisions) for s in minutes.sections)} decisions"
    )


def read_one(path: str, max_pages: int | None = None) -> Outcome:
    """One file through every stage but the database, timed; runs in a worker."""
    from pipeline.process import read_minutes

    start = time.perf_counter()
    try:
        with pages_limited(max_pages):
            minutes = read_minutes(identify(Path(path)))
    except NotMinutes as error:
        return Outcome(path, REFUSED, time.perf_counter() - start, error.error_type, error.message)
    except ProtokollError as error:
        return Outcome(path, FAILED, time.perf_counter() - start, error.error_type, error.message)
    except Exception as exc:  # a bug met on one file is a finding of the benchmark, not its end
        seconds = time.perf_counter() - start
        return Outcome(path, FAILED, seconds, "InternalError", f"{type(exc).__name__}: {exc}")
    return Outcome(path, LOADED, time.perf_counter() - start, found=found_in(minutes))


def _start_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from pipeline.nlp.model import load_model

    with contextlib.suppress(ProtokollError):
        load_model()


def _pool(jobs: int) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(
        max_workers=jobs,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=_start_worker,
    )


def read_all(paths: Sequence[Path], jobs: int, max_pages: int | None = None) -> Iterator[Outcome]:
    """Every file's outcome; after a worker dies, each file in flight is read again alone."""
    pool = _pool(jobs)
    try:
        futures: list[tuple[Path, Future[Outcome]]] = [
            (p, pool.submit(read_one, str(p), max_pages)) for p in paths
        ]
        for index, (path, future) in enumerate(futures):
            try:
                yield future.result()
                continue
            except BrokenProcessPool:
                pass
            pool.shutdown(wait=False, cancel_futures=True)
            yield _read_alone(path, max_pages)
            pool = _pool(jobs)
            rest = futures[index + 1 :]
            futures[index + 1 :] = [(p, pool.submit(read_one, str(p), max_pages)) for p, _ in rest]
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _read_alone(path: Path, max_pages: int | None) -> Outcome:
    start = time.perf_counter()
    pool = _pool(1)
    try:
        return pool.submit(read_one, str(path), max_pages).result()
    except BrokenProcessPool:
        seconds = time.perf_counter() - start
        return Outcome(str(path), FAILED, seconds, "WorkerCrashed", "the reading process died")
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def tally(outcomes: Sequence[Outcome]) -> dict[str, int]:
    counts = Counter(o.verdict for o in outcomes)
    return {v: counts[v] for v in (LOADED, REFUSED, FAILED)}


def report(folders: dict[str, list[Outcome]]) -> str:
    everything = [o for outcomes in folders.values() for o in outcomes]
    lines = [f"{'folder':<40} {'files':>6} {LOADED:>7} {REFUSED:>8} {FAILED:>7}"]
    for name, outcomes in [*folders.items(), ("all", everything)]:
        counts = tally(outcomes)
        lines.append(
            f"{name:<40} {len(outcomes):>6} {counts[LOADED]:>7} {counts[REFUSED]:>8} "
            f"{counts[FAILED]:>7}"
        )
    failures = Counter(o.error_type for o in everything if o.verdict == FAILED)
    if failures:
        lines.append("failed by type: " + ", ".join(f"{t} {n}" for t, n in failures.most_common()))
    loaded = [o for o in everything if o.verdict == LOADED]
    if loaded:
        lines.append(f"\nloaded as meetings ({len(loaded)}):")
        lines += [f"  {o.path}: {o.found}" for o in sorted(loaded, key=lambda o: o.path)]
    lines.append(f"\nslowest {SLOWEST_SHOWN}:")
    for o in sorted(everything, key=lambda o: -o.seconds)[:SLOWEST_SHOWN]:
        lines.append(f"  {o.seconds:7.2f} s  {o.verdict:<8} {o.path}")
    seconds = sum(o.seconds for o in everything)
    lines.append(f"\n{len(everything)} files, {seconds:.1f} s of reading in all")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("folders", nargs="+", type=Path, help="folders (or files) to read")
    parser.add_argument("--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--max-pages", type=int, help="refuse longer files, as ingest does")
    parser.add_argument("--json", type=Path, help="also write every file's outcome here")
    args = parser.parse_args(argv)
    folders: dict[str, list[Outcome]] = {}
    for folder in args.folders:
        paths = list(walk([folder]))
        outcomes = folders.setdefault(str(folder), [])
        for done, outcome in enumerate(read_all(paths, args.jobs, args.max_pages), 1):
            outcomes.append(outcome)
            print(f"\r{folder}: {done}/{len(paths)}", end="", file=sys.stderr, flush=True)
        print(file=sys.stderr)
    print(report(folders))
    if args.json:
        results = {name: [asdict(o) for o in outcomes] for name, outcomes in folders.items()}
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""One `protokoll ingest` over whole folders, accounted for file by file: did it finish, was
anything lost, how much memory did it take.

    .venv/bin/python bench/archive_batch.py /arkiv/pdfjs /arkiv/pypdf --jobs 2
    .venv/bin/python bench/archive_batch.py FOLDER... --db batch.duckdb --rerun --json out.json

Meant for folders nobody here wrote (the test PDFs of PDF libraries: fuzzed, encrypted, broken
and huge files beside ordinary ones) as much as for archives of minutes. The run is
`protokoll ingest FOLDER... --db DB --jobs N --json` as a subprocess (--protokoll names another
build), timed, with the peak of RSS summed over it and its children (bench/_tree_memory.py).
Then every file the survey sees (pipeline.discover.walk) must be accounted for in the database:
in `files` (loaded, or a duplicate of a loaded meeting) or in `ingest_errors` (refused or
failed, with its reason). Prints the run's status and exit code, the counts by outcome and by
error type, and every file not accounted for: "nothing lost" means that list is empty. With
--rerun, the same command again into the same database: it should load and record nothing new.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

import _checkout  # noqa: F401  (the checkout on sys.path)
import duckdb
from _tree_memory import TreeMemory

from pipeline.discover import walk

GIB = 1024**3


@dataclass
class Run:
    exit_code: int
    seconds: float
    peak_gib: float
    status: str | None
    loaded: int
    failed: int
    stderr_tail: list[str]


@dataclass
class Accounting:
    surveyed: int
    in_files: int
    in_errors: int
    error_types: dict[str, int]
    unaccounted: list[str] = field(default_factory=list)


def run_ingest(protokoll: list[str], paths: list[Path], db: Path, jobs: int) -> Run:
    """`protokoll ingest` as a subprocess, with its wall time and the peak RSS of its tree."""
    command = [*protokoll, "ingest", *map(str, paths), "--db", str(db), "--jobs", str(jobs)]
    command += ["--quiet", "--json"]
    started = time.perf_counter()
    with (
        subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as p,
        TreeMemory(p.pid) as memory,
    ):
        stdout, stderr = p.communicate()
    seconds = time.perf_counter() - started
    report = _last_json(stdout)
    return Run(
        exit_code=p.returncode,
        seconds=round(seconds, 1),
        peak_gib=round(memory.peak_bytes / GIB, 2),
        status=_run_status(db),
        loaded=_count(report.get("loaded")),
        failed=_count(report.get("failed")),
        stderr_tail=stderr.strip().splitlines()[-5:],
    )


def _last_json(stdout: str) -> dict[str, object]:
    """The run's JSON summary: `--json` prints it as the one line of stdout."""
    try:
        value = json.loads(stdout)
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _count(value: object) -> int:
    """A count of the JSON report: a number, or the list of what it counts."""
    if isinstance(value, list):
        return len(value)
    return int(value) if isinstance(value, int | float) else 0


def _run_status(db: Path) -> str | None:
    with duckdb.connect(str(db), read_only=True) as con:
        row = con.sql("SELECT status FROM ingest_runs ORDER BY run_id DESC LIMIT 1").fetchone()
    return None if row is None else str(row[0])


def account(paths: list[Path], db: Path) -> Accounting:
    """Every surveyed file in `files` or `ingest_errors`: what is in neither was lost."""
    surveyed = [str(path.resolve()) for path in walk(paths)]
    with duckdb.connect(str(db), read_only=True) as con:
        in_files = {row[0] for row in con.sql("SELECT path FROM files").fetchall()}
        errors = con.sql("SELECT path, error_type FROM ingest_errors").fetchall()
    in_errors = {path for path, _ in errors}
    by_type = Counter(error_type for _, error_type in errors)
    return Accounting(
        surveyed=len(surveyed),
        in_files=sum(path in in_files for path in surveyed),
        in_errors=sum(path in in_errors and path not in in_files for path in surveyed),
        error_types=dict(by_type.most_common()),
        unaccounted=[p for p in surveyed if p not in in_files and p not in in_errors],
    )


def table_counts(db: Path) -> dict[str, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return {
            table: int(con.sql(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]
            for table in ("documents", "meetings", "files", "ingest_errors", "attendance")
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    parser.add_argument("--db", type=Path, help="database to fill (default: a fresh temporary)")
    parser.add_argument("--protokoll", default=None, help="the protokoll to run")
    parser.add_argument("--rerun", action="store_true", help="run again into the same database")
    parser.add_argument("--json", type=Path, help="write the figures here as well")
    args = parser.parse_args()
    protokoll = [args.protokoll] if args.protokoll else [sys.executable, "-m", "pipeline"]
    with tempfile.TemporaryDirectory() as scratch:
        db = args.db or Path(scratch) / "batch.duckdb"
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores", flush=True)
        first = run_ingest(protokoll, args.paths, db, args.jobs)
        counts = table_counts(db)
        accounting = account(args.paths, db)
        results: dict[str, object] = {
            "first": asdict(first),
            "tables": counts,
            "accounting": asdict(accounting),
        }
        if args.rerun:
            second = run_ingest(protokoll, args.paths, db, args.jobs)
            results["rerun"] = asdict(second)
            results["tables_after_rerun"] = table_counts(db)
    _print(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False))


def _print(results: dict[str, object]) -> None:
    first = results["first"]
    accounting = results["accounting"]
    assert isinstance(first, dict) and isinstance(accounting, dict)
    print(
        f"run: exit {first['exit_code']}, status {first['status']}, {first['seconds']} s, "
        f"peak {first['peak_gib']} GiB of the process tree"
    )
    print(
        f"files: {accounting['surveyed']} surveyed, {accounting['in_files']} loaded or linked, "
        f"{accounting['in_errors']} refused or failed with a reason, "
        f"{len(accounting['unaccounted'])} not accounted for"
    )
    print(f"tables: {results['tables']}")
    for error_type, count in accounting["error_types"].items():
        print(f"  {count:5d}  {error_type}")
    for path in accounting["unaccounted"][:20]:
        print(f"  lost: {path}")
    if "rerun" in results:
        rerun = results["rerun"]
        assert isinstance(rerun, dict)
        print(
            f"rerun: exit {rerun['exit_code']}, status {rerun['status']}, {rerun['seconds']} s, "
            f"loaded {rerun['loaded']}; tables after: {results['tables_after_rerun']}"
        )
    for line in first["stderr_tail"]:
        print(f"  stderr: {line}")


if __name__ == "__main__":
    main()

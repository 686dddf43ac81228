"""How fast the analysts' commands answer on a large synthetic database (not a timed test).

The database is built from the synthetic generator's gold straight into DuckDB
(`devtools.synth.load.bulk_load`: no PDFs, no parsing), which takes well under a minute for
10 000 meetings. Each command then runs in-process through the Typer app (what a user waits
for after Python has started), `--repeats` times; the table shows the median and the spread.

    .venv/bin/python -m bench.analysis_speed --meetings 10000 --repeats 5
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import typer
from typer.testing import CliRunner

from devtools.synth.archive import documents
from devtools.synth.load import bulk_load, minutes_from_gold
from pipeline.cli.analysis import register
from pipeline.store import db


def build(path: Path, meetings: int, seed: int) -> float:
    started = time.perf_counter()
    con = db.connect(path)
    try:
        bulk_load(con, (minutes_from_gold(g) for _, _, g in documents(meetings, seed)))
    finally:
        con.close()
    return time.perf_counter() - started


def describe(path: Path) -> tuple[str, list[str]]:
    """Row counts, and the latest meeting as `show` takes it (date and body)."""
    con = db.connect(path, read_only=True)
    try:
        counts = {
            t: con.execute(f"SELECT count(*) FROM {t}").fetchone()
            for t in ("meetings", "persons", "attendance", "sections", "decisions", "amounts")
        }
        some = con.execute(
            "SELECT date, body FROM meetings ORDER BY date DESC, body LIMIT 1"
        ).fetchone()
    finally:
        con.close()
    assert some is not None
    summary = ", ".join(f"{(n or (0,))[0]:,} {t}".replace(",", " ", 1) for t, n in counts.items())
    return summary, [str(some[0]), str(some[1])]


def commands(out: Path, show: list[str]) -> list[tuple[str, list[str]]]:
    return [
        ("attendance (per person, body, year)", ["attendance", "-f", "csv"]),
        ("attendance --by month", ["attendance", "--by", "month", "-f", "csv"]),
        ("attendance --body … --person …", ["attendance", "--body", "styrelsen", "-p", "an"]),
        (
            "attendance --plot (one body)",
            ["attendance", "-b", "arbets", "--plot", str(out / "a.png")],
        ),
        ("decisions (all, csv)", ["decisions", "-f", "csv"]),
        ("decisions --outcome --grep", ["decisions", "-o", "approved", "-g", "ansökan"]),
        ("decisions --plot", ["decisions", "-f", "csv", "--plot", str(out / "o.png")]),
        ("search ansökan", ["search", "ansökan", "-f", "csv"]),
        ("search Långa sjukfall", ["search", "Långa", "sjukfall", "-f", "csv"]),
        ("search mötet (short stem)", ["search", "mötet", "-f", "csv"]),
        ("show DATE BODY", ["show", *show]),
        ("export --format parquet", ["export", "--to", str(out / "pq"), "-f", "parquet"]),
        ("export --format csv", ["export", "--to", str(out / "csv"), "-f", "csv"]),
    ]


def time_command(app: typer.Typer, args: list[str], database: Path, repeats: int) -> list[float]:
    runner = CliRunner()
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = runner.invoke(app, [*args, "--db", str(database)])
        seconds.append(time.perf_counter() - started)
        if result.exit_code != 0:
            raise SystemExit(f"{' '.join(args)} failed: {result.output}")
    return seconds


def startup_seconds(repeats: int) -> list[float]:
    """A fresh interpreter importing the analysis commands: paid once per command line."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", "import pipeline.cli.analysis"],
            check=True,
        )
        seconds.append(time.perf_counter() - started)
    return seconds


def row(name: str, seconds: list[float]) -> str:
    median = statistics.median(seconds)
    return (
        f"| {name} | {median * 1000:,.0f} | {min(seconds) * 1000:,.0f}–{max(seconds) * 1000:,.0f} |"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, help="reuse (or create) this database")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        database = args.db or work / "bench.duckdb"
        if not database.exists():
            built = build(database, args.meetings, args.seed)
            print(f"built {database} from the gold of {args.meetings} meetings in {built:.1f} s")
        summary, show = describe(database)
        print(f"database: {summary}\n")
        app = typer.Typer()
        register(app)
        print(f"median of {args.repeats} runs, in-process (milliseconds)\n")
        print("| command | median ms | min–max ms |\n|---|---:|---:|")
        for name, command in commands(work, show):
            print(row(name, time_command(app, command, database, args.repeats)), flush=True)
        print(row("(Python start + imports, once per command line)", startup_seconds(3)))


if __name__ == "__main__":
    main()

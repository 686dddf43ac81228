"""How long person resolution takes on 10 000 attendance rows: the median of several runs.

    .venv/bin/python bench/resolve_speed.py                    # in memory, 10 000 rows, 5 runs
    .venv/bin/python bench/resolve_speed.py --db --runs 3      # also writing the person tables

The rows come from a synthetic archive (pipeline/resolve/synthetic.py) of real Swedish names
from ../shared/corpora/gazetteers-svensktext, a third of them damaged as OCR and typing damage
them, with the signatures and mentions in the text that go with the meetings. Measured:

  memory  every meeting tied within itself and to the archive, as the database writer does it
          (PersonIndex.add_meeting: blocking, likeness, regrouping of what changed, stable ids)
  db      the same, each meeting in its own DuckDB transaction that also writes persons,
          person_aliases and person_merges (archive.write_changes), as `protokoll ingest` does
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from pipeline.resolve.archive import write_changes
from pipeline.resolve.index import PersonIndex
from pipeline.resolve.meeting import Kind, Meeting
from pipeline.resolve.synthetic import read_gazetteer, synthetic_archive
from pipeline.store import db

GAZETTEERS = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "gazetteers-svensktext"
TARGET_S = 10.0


def meetings_with_rows(names: Path, rows: int, seed: int) -> list[Meeting]:
    """Meetings of a synthetic archive, as many as hold `rows` attendance rows."""
    pool = read_gazetteer(names)
    people = max(50, rows // 25)
    while True:
        archive = synthetic_archive(pool, people=people, seed=seed)
        chosen: list[Meeting] = []
        count = 0
        for meeting in archive.meetings:
            if count >= rows:
                return chosen
            chosen.append(meeting)
            count += sum(1 for s in meeting.sightings if s.kind is Kind.ATTENDANCE)
        people *= 2


def in_memory(meetings: Sequence[Meeting]) -> float:
    started = time.perf_counter()
    index = PersonIndex()
    for meeting in meetings:
        index.add_meeting(meeting)
    return time.perf_counter() - started


def through_duckdb(meetings: Sequence[Meeting]) -> float:
    with tempfile.TemporaryDirectory() as folder:
        con = db.connect(Path(folder) / "bench.duckdb")
        started = time.perf_counter()
        index = PersonIndex()
        for meeting in meetings:
            con.begin()
            _, changes = index.add_meeting(meeting)
            write_changes(con, index, changes, loading=meeting.meeting_id)
            con.commit()
        seconds = time.perf_counter() - started
        con.close()
    return seconds


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=10_000, help="attendance rows")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--names", type=Path, default=GAZETTEERS, help="gazetteers folder")
    parser.add_argument("--db", action="store_true", help="also through DuckDB")
    args = parser.parse_args(argv)
    if not args.names.is_dir():
        print(f"{args.names} is absent: give --names", file=sys.stderr)
        return 2
    meetings = meetings_with_rows(args.names, args.rows, args.seed)
    attendance = sum(1 for m in meetings for s in m.sightings if s.kind is Kind.ATTENDANCE)
    other = sum(len(m.sightings) for m in meetings) - attendance
    print(
        f"{len(meetings)} meetings, {attendance} attendance rows, {other} signatures and mentions"
    )
    benches = [("memory", in_memory)] + ([("db", through_duckdb)] if args.db else [])
    for label, bench in benches:
        runs = [bench(meetings) for _ in range(args.runs)]
        median = statistics.median(runs)
        verdict = "ok" if median < TARGET_S else f"over {TARGET_S:.0f} s"
        listed = ", ".join(f"{r:.2f}" for r in runs)
        print(f"{label:6}  median {median:.2f} s ({listed}) — {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

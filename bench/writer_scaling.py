"""Does the ingest writer's cost per document grow with the archive? CPU ms a document written
while the database holds few documents, against while it holds many.

    .venv/bin/python bench/writer_scaling.py                     # 10 000 documents, a few min
    .venv/bin/python bench/writer_scaling.py --documents 3000 --window 500
    .venv/bin/python bench/writer_scaling.py --profile run       # run-first.prof, run-last.prof
    .venv/bin/python bench/writer_scaling.py --db writer.duckdb  # keep the database

Documents are synthetic minutes (devtools.synth) as a perfect reading gives them
(`minutes_from_gold`) without the generator's person ids, with the signatures also found as
name mentions, so that the writer resolves every name as `protokoll ingest` does; nothing is
read or parsed. They go through the writer alone, as `run_batch` flushes them: --batch documents
at a time, each flush opening the database, `store_batch` (already-loaded check, duplicate
meetings, person resolution, inserts) and closing it. Timed: CPU seconds of this process (all
its threads, so DuckDB's too) over the first --window documents and over the last --window, of
--documents into one database: the machine may be shared, CPU time is what it cannot inflate.
The target: the last window's ms a document at most 15 % over the first's.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import _checkout  # noqa: F401  (the checkout on sys.path, for devtools)

from devtools.synth.archive import documents
from devtools.synth.load import minutes_from_gold
from pipeline.ingest.plan import ToRead
from pipeline.ingest.report import IngestReport
from pipeline.ingest.store import WriterMemory, store_batch
from pipeline.records import Entity, Minutes
from pipeline.store import db

GROWTH_MAX = 1.15  # ms a document, last window / first window


@dataclass(frozen=True)
class Window:
    first: int  # 1-based number of its first document
    last: int
    cpu_s: float
    wall_s: float

    @property
    def cpu_ms_per_document(self) -> float:
        return 1000 * self.cpu_s / (self.last - self.first + 1)

    @property
    def wall_ms_per_document(self) -> float:
        return 1000 * self.wall_s / (self.last - self.first + 1)


def synthetic_minutes(count: int, seed: int) -> Iterator[Minutes]:
    """Read minutes without person ids: the writer's person resolution gives them."""
    for _meeting, _text, gold in documents(count, seed):
        gold["source"]["path"] = f"/archive/{gold['source']['path']}"
        minutes = minutes_from_gold(gold)
        mentions = tuple(
            Entity("PER", s.name, minutes.sections[-1].number if minutes.sections else None, 0, 1)
            for s in minutes.signatories
        )
        yield replace(
            minutes,
            attendance=tuple(replace(a, person_id=None) for a in minutes.attendance),
            signatories=tuple(replace(s, person_id=None) for s in minutes.signatories),
            entities=mentions,
        )


def write(
    database: Path,
    minutes: Sequence[Minutes],
    batch: int,
    window: int,
    profiles: dict[int, cProfile.Profile] | None = None,
) -> tuple[Window, Window]:
    """Flush the documents in batches into `database`; the first and the last window timed."""
    db.connect(database).close()  # creates it, as run_batch does before reading
    report = IngestReport()
    memory = WriterMemory()  # the writer's, kept between its flushes
    count = len(minutes)
    spans = [(0, window), (window, count - window), (count - window, count)]
    timed: list[Window] = []
    for n, (start, end) in enumerate(spans):
        cpu = wall = 0.0
        for first in range(start, end, batch):
            chunk = [(ToRead(m.source, None), m) for m in minutes[first : min(end, first + batch)]]
            profile = (profiles or {}).get(n)
            if profile is not None:
                profile.enable()
            cpu_started, wall_started = time.process_time(), time.perf_counter()
            con = db.open_waiting(database, read_only=False, wait_s=60)
            try:
                store_batch(con, chunk, report, memory, run_id=1)
            finally:
                con.close()
            cpu += time.process_time() - cpu_started
            wall += time.perf_counter() - wall_started
            if profile is not None:
                profile.disable()
        if n != 1:
            timed.append(Window(start + 1, end, cpu, wall))
        print(f"  documents {start + 1}–{end}: {cpu:.1f} s CPU", file=sys.stderr)
    if report.failed:
        raise SystemExit(f"{len(report.failed)} documents failed: {report.failed[0].message}")
    return timed[0], timed[1]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--documents", type=int, default=10_000)
    parser.add_argument("--window", type=int, default=1_000, help="documents timed at each end")
    parser.add_argument("--batch", type=int, default=8, help="documents a flush")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--db", type=Path, help="write here (must not exist) and keep it")
    parser.add_argument(
        "--profile", type=Path, help="CPU profiles of the windows: PROFILE-first/-last.prof"
    )
    parser.add_argument("--json", type=Path, help="the figures as JSON")
    args = parser.parse_args(argv)
    if args.documents < 2 * args.window:
        parser.error("--documents must be at least twice --window")
    if args.db is not None and args.db.exists():
        parser.error(f"{args.db} exists: give a new path")
    minutes = list(synthetic_minutes(args.documents, args.seed))
    profiles = {n: cProfile.Profile(time.process_time) for n in (0, 2)} if args.profile else None
    with tempfile.TemporaryDirectory(prefix="writer-") as folder:
        database = args.db or Path(folder) / "writer.duckdb"
        small, large = write(database, minutes, args.batch, args.window, profiles)
    for n, name in ((0, "first"), (2, "last")):
        if profiles is not None:
            profiles[n].dump_stats(f"{args.profile}-{name}.prof")
    ratio = large.cpu_ms_per_document / small.cpu_ms_per_document
    verdict = "ok" if ratio <= GROWTH_MAX else f"over {GROWTH_MAX:.2f}"
    for w in (small, large):
        print(
            f"documents {w.first:>6}–{w.last:<6} {w.cpu_ms_per_document:7.2f} ms CPU a document"
            f"  ({w.wall_ms_per_document:.2f} ms wall)"
        )
    print(f"ratio {ratio:.3f} — {verdict}")
    if args.json:
        figures = {"small": asdict(small), "large": asdict(large), "ratio": ratio}
        figures |= {"batch": args.batch, "documents": args.documents}
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0 if ratio <= GROWTH_MAX else 1


if __name__ == "__main__":
    sys.exit(main())

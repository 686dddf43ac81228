"""How fast `protokoll serve` answers each page, through real HTTP (not a timed test).

Starts `python -m pipeline serve` on a free port of this machine for each database, then asks
every kind of page `--repeats` times with urllib: the first answer (nothing cached: page
images and plots are drawn then) and the median and worst of the rest. The mirror is rebuilt
first and its build is timed too.

    .venv/bin/python -m bench.serve_speed --db protokoll.duckdb --db synthetic.duckdb --repeats 5
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

import duckdb
import psutil

from pipeline.serve.mirror import ensure_mirror

START_TIMEOUT_S = 120.0
TARGET_MS = 300.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pages(db_path: Path, repeats: int) -> list[tuple[str, list[str]]]:
    """(label, paths) of every kind of page on the largest meeting, person and body. Page
    images, source pages and plots are cached once drawn, so each of their requests asks for
    another decision, person or body: every one of them is drawn anew."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        decisions = con.execute(
            "SELECT d.meeting_id, d.page, d.text FROM decisions d JOIN documents doc "
            "ON doc.sha256 = d.meeting_id WHERE d.page IS NOT NULL AND len(doc.ocr_pages) = 0 "
            "ORDER BY d.meeting_id DESC, d.ordinal LIMIT ?",
            [repeats],
        ).fetchall()
        people = [
            str(r[0])
            for r in con.execute(
                "SELECT person_id FROM attendance GROUP BY ALL ORDER BY count(*) DESC LIMIT ?",
                [repeats],
            ).fetchall()
        ]
        body_keys = [
            urllib.parse.urlencode({"organization": o or "", "body": b or ""})
            for o, b in con.execute(
                "SELECT organization, body FROM meetings GROUP BY ALL "
                "ORDER BY count(*) DESC LIMIT ?",
                [repeats],
            ).fetchall()
        ]
        surname = str(
            (
                con.execute("SELECT name FROM persons WHERE person_id = ?", people[:1]).fetchone()
                or ("a",)
            )[0]
        ).split()[-1]
    finally:
        con.close()
    meeting, person, key = decisions[0][0], people[0], body_keys[0]
    name = urllib.parse.urlencode({"name": surname})

    def each(paths: list[str]) -> list[str]:
        return (paths * repeats)[:repeats]

    def same(path: str) -> list[str]:
        return [path] * repeats

    marked = [
        f"{m}/{page}?{urllib.parse.urlencode({'find': text[:300]})}" for m, page, text in decisions
    ]
    return [
        ("start", same("/")),
        ("meeting", same(f"/meeting/{meeting}")),
        ("meeting .json", same(f"/meeting/{meeting}.json")),
        ("person", same(f"/person/{person}")),
        ("body", same(f"/body?{key}")),
        ("search ansökan", same("/search?q=ans%C3%B6kan")),
        ("search mötet (short stem)", same("/search?q=m%C3%B6tet")),
        ("search two words", same("/search?q=ans%C3%B6kan+beviljas")),
        ("review", same("/review")),
        ("ingest", same("/ingest")),
        ("source page, each new", each([f"/source/{p}" for p in marked])),
        ("page image, each new", each([f"/page-image/{p}" for p in marked])),
        ("review crop, each new", each([f"/page-image/{p}&width=700&crop=1" for p in marked])),
        (
            "plot attendance person, each new",
            each([f"/plot/attendance.png?person={p}" for p in people]),
        ),
        ("plot attendance body, each new", each([f"/plot/attendance.png?{k}" for k in body_keys])),
        ("plot outcomes body, each new", each([f"/plot/outcomes.png?{k}" for k in body_keys])),
        ("datasette table attendance", same("/archive/attendance")),
        ("datasette facets decisions", same("/archive/decisions?_facet=outcome")),
        ("canned query attendance_rate", same(f"/archive/attendance_rate?{name}")),
    ]


def fetch_ms(url: str, server: psutil.Process | None = None) -> tuple[float, float]:
    """Wall milliseconds of one request, and the CPU milliseconds the server spent on it (the
    figure that holds on a machine other processes keep busy; 10 ms ticks)."""
    cpu = sum(server.cpu_times()[:2]) if server else 0.0
    started = time.perf_counter()
    with urllib.request.urlopen(url, timeout=60) as answer:
        answer.read()
        assert answer.status == 200, url
    wall = (time.perf_counter() - started) * 1000
    return wall, (sum(server.cpu_times()[:2]) - cpu) * 1000 if server else 0.0


def measure(db_path: Path, repeats: int) -> None:
    started = time.perf_counter()
    mirror = ensure_mirror(db_path, force=True)
    print(
        f"\n{db_path}: mirror built in {time.perf_counter() - started:.2f} s "
        f"({mirror.path.stat().st_size / 2**20:.1f} MiB)"
    )
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "pipeline", "serve", "--db", str(db_path), "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                fetch_ms(base + "/ingest.json")
                server = psutil.Process(process.pid)
                break
            except OSError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("protokoll serve did not start") from None
                time.sleep(0.3)
        print(f"{'page':34} {'first ms':>9} {'median ms':>10} {'worst ms':>9} {'cpu ms':>7}")
        for label, paths in pages(db_path, repeats):
            measured = [fetch_ms(base + path, server) for path in paths]
            times = [wall for wall, _ in measured]
            cpu = statistics.median(c for _, c in measured)
            rest = times[1:] or times
            flag = "" if max(times) < TARGET_MS else f"  over {TARGET_MS:.0f} ms"
            print(
                f"{label:34} {times[0]:9.0f} {statistics.median(rest):10.0f} "
                f"{max(rest):9.0f} {cpu:7.0f}{flag}"
            )
    finally:
        process.terminate()
        process.wait(timeout=10)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, action="append", required=True)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    for db_path in args.db:
        measure(db_path, args.repeats)


if __name__ == "__main__":
    main()

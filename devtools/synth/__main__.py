"""`python -m devtools.synth`: write a synthetic archive, or load one straight into a database."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from devtools.synth.archive import documents
from devtools.synth.load import bulk_load, minutes_from_gold
from devtools.synth.write import Only, write_archive
from pipeline.store import db


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m devtools.synth",
        description="Generate SYNTHETIC Swedish minutes (invented organizations and people) with "
        "gold annotations, as .txt, text PDFs and scanned PDFs.",
        epilog="Example: python -m devtools.synth --out synthetic --meetings 200 "
        "--scanned-share 0.1 --seed 1",
    )
    parser.add_argument("--out", type=Path, help="folder to write the archive into")
    parser.add_argument("--meetings", type=int, required=True, help="how many meetings")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument(
        "--scanned-share",
        type=float,
        default=0.1,
        help="share of meetings written as scanned PDFs instead of text PDFs (default 0.1)",
    )
    parser.add_argument(
        "--only",
        choices=[o.value for o in Only],
        help="fast path for benchmarks: write only .txt, or only text PDFs (and the gold)",
    )
    parser.add_argument(
        "--db",
        type=Path,
        help="also load the gold straight into this DuckDB database (no extraction: seconds "
        "for thousands of meetings)",
    )
    args = parser.parse_args(argv)
    if args.out is None and args.db is None:
        parser.error("give --out, --db or both")
    if not 0.0 <= args.scanned_share <= 1.0:
        parser.error("--scanned-share is a share between 0 and 1")
    if args.out is not None:
        only = Only(args.only) if args.only else None
        report = write_archive(
            args.out, args.meetings, seed=args.seed, scanned_share=args.scanned_share, only=only
        )
        print(
            f"{report.meetings} synthetic meetings → {args.out}: {report.text_files} .txt, "
            f"{report.text_pdfs} text PDFs, {report.scanned_pdfs} scanned PDFs, gold; "
            f"{report.seconds:.1f} s",
            file=sys.stderr,
        )
    if args.db is not None:
        started = time.perf_counter()
        con = db.connect(args.db)
        try:
            loaded = bulk_load(
                con, (minutes_from_gold(g) for _, _, g in documents(args.meetings, args.seed))
            )
        finally:
            con.close()
        print(
            f"{loaded} synthetic meetings loaded from their gold → {args.db} in "
            f"{time.perf_counter() - started:.1f} s",
            file=sys.stderr,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

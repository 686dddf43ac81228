"""Words a second of protokoll's NER pipeline on one core, and its size on disk.

    .venv/bin/python bench/ner_speed.py [--repeats 5] [--words 20000] [--model DIR]

The text is realistic minutes: the seed minutes (and the development corpus's Markdown minutes
when ../shared is present) cut into sections at "§" headings, as the parser hands them over,
repeated up to --words words. Each repeat tokenises every section, sets the attendance list as
the parser sets it and runs `nlp.pipe` over them, all of it timed; the process is pinned to one
CPU and its numeric libraries to one thread. Prints the median and spread of words a second, and
the model's size in MB.
"""

from __future__ import annotations

import os

for _variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")  # before numpy loads: one core means one thread

import argparse  # noqa: E402
import re  # noqa: E402
import statistics  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

from pipeline.nlp.model import MODEL_DIR, PIPE_BATCH_SIZE, load_model  # noqa: E402
from pipeline.nlp.ruler import PEOPLE_KEY  # noqa: E402

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS = REPO_ROOT / "tests" / "fixtures" / "seeds"
DEV_DOCS = REPO_ROOT.parent / "shared" / "dev-corpus" / "docs"
SECTION_START = re.compile(r"(?m)^(?=§\s*\d)")
PEOPLE = ("Charlotta Skålén", "Ola Wiktorson", "Ann Lundqvist", "Jacob Sandström")
BYTES_PER_MB = 1_000_000


def minutes_sections(words: int) -> list[str]:
    """Sections of real minutes, repeated until they hold at least `words` words."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt"))]
    if DEV_DOCS.is_dir():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV_DOCS.glob("*.md"))]
    sections = [s for text in texts for s in SECTION_START.split(text) if s.strip()]
    out: list[str] = []
    while sum(len(s.split()) for s in out) < words:
        out += sections
    return out


def size_mb(directory: Path) -> float:
    return sum(f.stat().st_size for f in directory.rglob("*") if f.is_file()) / BYTES_PER_MB


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--words", type=int, default=20_000)
    parser.add_argument("--model", type=Path, default=MODEL_DIR)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    nlp = load_model(args.model)
    sections = minutes_sections(args.words)
    words = sum(len(s.split()) for s in sections)
    rates = []
    for _ in range(args.repeats + 1):  # the first run warms caches and is not counted
        started = time.perf_counter()
        docs = []
        for text in sections:  # tokenising is part of tagging: timed, as the parser calls it
            doc = nlp.make_doc(text)
            doc.user_data[PEOPLE_KEY] = PEOPLE
            docs.append(doc)
        entities = sum(len(d.ents) for d in nlp.pipe(docs, batch_size=PIPE_BATCH_SIZE))
        rates.append(words / (time.perf_counter() - started))
    rates = rates[1:]
    print(f"{words} words in {len(sections)} sections, {entities} entities a run, one core")
    print(
        f"words/s: median {statistics.median(rates):,.0f} "
        f"(min {min(rates):,.0f}, max {max(rates):,.0f}, {args.repeats} runs)"
    )
    print(f"model size: {size_mb(args.model):.1f} MB ({args.model})")


if __name__ == "__main__":
    main()

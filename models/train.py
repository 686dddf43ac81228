"""Train protokoll's Swedish NER pipeline from ../shared/corpora and package it into models/.

    .venv/bin/python models/train.py                      # convert, train, package, evaluate
    .venv/bin/python models/train.py --max-minutes 2 --limit 300 --output /tmp/smoke  # smoke run

Converted corpora and training checkpoints go to --workdir (outside the repository: derived
corpus files are never committed); the packaged pipeline goes to --output.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin

MODELS_DIR = Path(__file__).resolve().parent
REPO_ROOT = MODELS_DIR.parent
sys.path.insert(0, str(REPO_ROOT))

from pipeline.nlp import augment  # noqa: E402  (registers the augmenter and the flag component)
from pipeline.nlp.corpora import iob2_doc, klintan_doc, read_iob2, read_klintan  # noqa: E402
from pipeline.nlp.gazetteers import read_gazetteers  # noqa: E402
from pipeline.nlp.ruler import FACTORY as RULER_FACTORY  # noqa: E402
from pipeline.nlp.ruler import phrase_patterns  # noqa: E402

CONFIG = MODELS_DIR / "config.cfg"
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
DEFAULT_WORKDIR = Path("/tmp/protokoll-ner")
DEFAULT_OUTPUT = MODELS_DIR / "protokoll_sv_ner"
DEV_EVERY_NTH = 10  # every tenth klintan train sentence is held out as dev (it has no dev split)
MAX_TRAIN_MINUTES = 25.0
MODEL_NAME = "protokoll_ner"  # spaCy prefixes the language: sv_protokoll_ner
SOURCES = [
    {"name": "Swedish NER corpus (klintan)", "license": "CC BY 4.0"},
    {"name": "Universal NER Swedish-Talbanken", "license": "CC BY-SA 4.0"},
    {
        "name": "Svensk text gazetteers (Dahlgren 2018; SCB)",
        "license": "free to use; SCB CC BY 4.0",
    },
    {"name": "sjbrg/swedish-geodata", "license": "CC0 1.0"},
]
MODEL_VERSION = "0.2.0"  # 0.2: width 64, flags as inputs, name swap


def convert(
    corpora: Path,
    workdir: Path,
    limit: int = 0,
    dev_every: int = DEV_EVERY_NTH,
    final: bool = False,
) -> tuple[Path, Path]:
    """Write train.spacy and dev.spacy to `workdir`: klintan train (all but every `dev_every`th
    sentence) + UNER Talbanken train; dev is those klintan sentences + UNER Talbanken dev.
    `final`: the klintan dev sentences are trained on too (dev is then only a progress log)."""
    nlp = spacy.blank("sv")
    train, dev = DocBin(), DocBin()
    klintan = list(read_klintan(corpora / "swedish-ner-corpus" / "train_corpus.txt"))
    talbanken = corpora / "uner-swedish-talbanken"
    uner_train = list(read_iob2(talbanken / "sv_talbanken-ud-train.iob2.txt"))
    uner_dev = list(read_iob2(talbanken / "sv_talbanken-ud-dev.iob2.txt"))
    if limit:
        klintan, uner_train, uner_dev = klintan[:limit], uner_train[:limit], uner_dev[: limit // 5]
    for index, sentence in enumerate(klintan):
        doc = klintan_doc(nlp.vocab, sentence)
        if index % dev_every == dev_every - 1:
            dev.add(doc)
            if not final:
                continue
        train.add(doc)
    for sentence in uner_train:
        train.add(iob2_doc(nlp.vocab, sentence))
    for sentence in uner_dev:
        dev.add(iob2_doc(nlp.vocab, sentence))
    workdir.mkdir(parents=True, exist_ok=True)
    train_path, dev_path = workdir / "train.spacy", workdir / "dev.spacy"
    train.to_disk(train_path)
    dev.to_disk(dev_path)
    print(f"converted: {len(train)} train docs, {len(dev)} dev docs → {workdir}")
    return train_path, dev_path


def train(
    corpora: Path,
    workdir: Path,
    train_path: Path,
    dev_path: Path,
    max_minutes: float,
    extra: list[str],
    config: Path = CONFIG,
    keep: str = "model-best",
) -> tuple[Path, float]:
    """Run `spacy train` with a wall-clock limit; `keep` (model-best or model-last) is packaged
    however it stops."""
    output = workdir / "training"
    command = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(config),
        "--output",
        str(output),
        "--code",
        augment.__file__,  # registers the augmenter and, through features, the flag component
        "--paths.train",
        str(train_path),
        "--paths.dev",
        str(dev_path),
        "--paths.corpora",
        str(corpora),
        *extra,
    ]
    started = time.monotonic()
    try:
        subprocess.run(command, check=True, timeout=max_minutes * 60)
    except subprocess.TimeoutExpired:
        print(f"training stopped after {max_minutes} minutes; keeping {keep}")
    seconds = time.monotonic() - started
    best = output / keep
    if not (best / "meta.json").exists():
        raise SystemExit(f"no {keep} in {output}: training did not reach a first evaluation")
    return best, seconds


def package(best: Path, corpora: Path, output: Path, train_seconds: float) -> None:
    """model-best + the rule component with gazetteer phrases, saved to `output`."""
    nlp = spacy.load(best)
    ruler = nlp.add_pipe(RULER_FACTORY, name="minutes_ruler", last=True)
    ruler.set_phrases(phrase_patterns(read_gazetteers(corpora)))  # type: ignore[attr-defined]
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": "protokoll's Swedish NER for meeting minutes (see models/README.md)",
            "license": "CC BY-SA 4.0",
            "author": "protokoll",
            "sources": SOURCES,
            "training_seconds": round(train_seconds),
        }
    )
    if output.exists():
        shutil.rmtree(output)
    nlp.to_disk(output)
    print(f"packaged → {output}")


CORPUS_FILES = (
    "swedish-ner-corpus/train_corpus.txt",
    "uner-swedish-talbanken/sv_talbanken-ud-train.iob2.txt",
    "uner-swedish-talbanken/sv_talbanken-ud-dev.iob2.txt",
)


def require_corpora(corpora: Path) -> None:
    """Stop with what is missing and where to get it, before any work, when a corpus is absent."""
    missing = [name for name in CORPUS_FILES if not (corpora / name).is_file()]
    if missing:
        raise SystemExit(
            f"error: {corpora} lacks {', '.join(missing)}: training needs klintan's "
            "swedish-ner-corpus (github.com/klintan/swedish-ner-corpus) and the UNER Swedish "
            "Talbanken files (github.com/UniversalNER/UNER_Swedish-Talbanken); give their "
            "folder with --corpora DIR. The shipped model in models/ needs neither."
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    parser.add_argument("--config", type=Path, default=CONFIG, help="spaCy training config")
    parser.add_argument("--max-minutes", type=float, default=MAX_TRAIN_MINUTES)
    parser.add_argument("--limit", type=int, default=0, help="sentences per corpus (smoke runs)")
    parser.add_argument(
        "--dev-every", type=int, default=DEV_EVERY_NTH, help="every Nth klintan sentence is dev"
    )
    parser.add_argument(
        "--steps", default="convert,train,package,evaluate", help="comma-separated subset"
    )
    parser.add_argument(
        "--final",
        action="store_true",
        help="train on the klintan dev sentences too, for a fixed --training.max_steps, and "
        "package the last model (the dev score is then only a progress log)",
    )
    args, extra = parser.parse_known_args()
    keep = "model-last" if args.final else "model-best"
    if args.final:
        extra = [*extra, "--training.patience", "0"]
    steps = set(args.steps.split(","))
    if steps & {"convert", "train"}:
        require_corpora(args.corpora)
    train_path, dev_path = args.workdir / "train.spacy", args.workdir / "dev.spacy"
    if "convert" in steps:
        train_path, dev_path = convert(
            args.corpora, args.workdir, args.limit, args.dev_every, args.final
        )
    best, seconds = args.workdir / "training" / keep, 0.0
    if "train" in steps:
        best, seconds = train(
            args.corpora,
            args.workdir,
            train_path,
            dev_path,
            args.max_minutes,
            extra,
            args.config,
            keep,
        )
        (args.workdir / "train_seconds.json").write_text(json.dumps({"seconds": seconds}))
    elif (args.workdir / "train_seconds.json").exists():
        seconds = json.loads((args.workdir / "train_seconds.json").read_text())["seconds"]
    if "package" in steps:
        package(best, args.corpora, args.output, seconds)
    if "evaluate" in steps:
        from evaluate import evaluate_all, write_metrics  # models/evaluate.py

        write_metrics(evaluate_all(args.output, args.corpora), args.output, seconds)


if __name__ == "__main__":
    main()

"""Score protokoll's NER pipeline: P/R/F per label on held-out corpora and hand-annotated minutes.

    .venv/bin/python models/evaluate.py                  # models/protokoll_sv_ner, ../shared
    .venv/bin/python models/evaluate.py --json out.json  # also write the scores

Corpus test sets are scored on PER/LOC/ORG (MISC dropped), with the gold tokenisation, both by
the statistical model alone and by the whole pipeline (model + rules). The minutes in
tests/fixtures/ner/ (the seeds, and two documents of ../shared/dev-corpus whose text stays
there) are scored on exact character offsets for every label; sets under ../shared are skipped
when it is absent.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language
from spacy.scorer import Scorer
from spacy.tokens import Doc
from spacy.training import Example

MODELS_DIR = Path(__file__).resolve().parent
REPO_ROOT = MODELS_DIR.parent
sys.path.insert(0, str(REPO_ROOT))

from pipeline.nlp import model as _registers_components  # noqa: E402, F401
from pipeline.nlp.corpora import LABELS, iob2_doc, klintan_doc, read_iob2, read_klintan  # noqa: E402
from pipeline.nlp.ruler import PEOPLE_KEY  # noqa: E402

DEFAULT_MODEL = MODELS_DIR / "protokoll_sv_ner"
DEFAULT_CORPORA = REPO_ROOT.parent / "shared" / "corpora"
MINUTES_ANNOTATIONS = REPO_ROOT / "tests" / "fixtures" / "ner" / "seeds.jsonl"
MINUTES_DIR = REPO_ROOT / "tests" / "fixtures" / "seeds"
DEV_ANNOTATIONS = REPO_ROOT / "tests" / "fixtures" / "ner" / "dev_corpus.jsonl"
DEV_DIR = REPO_ROOT.parent / "shared" / "dev-corpus" / "docs"  # texts are read, never copied
METRICS_FILE = MODELS_DIR / "metrics.json"
RULER = "minutes_ruler"

Scores = dict[str, dict[str, float]]  # label (or "ALL") → {"p", "r", "f", "n"}


def test_sets(corpora: Path, nlp: Language) -> dict[str, list[Doc]]:
    """The held-out gold sets: klintan test, UNER Talbanken test, UNER PUD test."""
    uner = corpora / "uner-swedish-talbanken" / "sv_talbanken-ud-test.iob2.txt"
    pud = corpora / "uner-swedish-pud" / "sv_pud-ud-test.iob2.txt"
    klintan = corpora / "swedish-ner-corpus" / "test_corpus.txt"
    return {
        "swedish-ner-corpus test": [klintan_doc(nlp.vocab, s) for s in read_klintan(klintan)],
        "uner-talbanken test": [iob2_doc(nlp.vocab, s) for s in read_iob2(uner)],
        "uner-pud test": [iob2_doc(nlp.vocab, s) for s in read_iob2(pud)],
    }


def score_corpus(nlp: Language, gold: list[Doc]) -> Scores:
    """P/R/F of PER, LOC, ORG on gold tokens; rule labels (MONEY, DATE…) are not scored here."""
    inputs = [
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
        for d in gold
    ]
    examples = []
    for predicted, reference in zip(nlp.pipe(inputs), gold, strict=True):
        predicted.ents = [e for e in predicted.ents if e.label_ in LABELS]
        examples.append(Example(predicted, reference))
    scores = Scorer.score_spans(examples, "ents")
    counts = Counter(e.label_ for d in gold for e in d.ents)
    table: Scores = {
        label: {"p": v["p"], "r": v["r"], "f": v["f"], "n": counts[label]}
        for label, v in sorted((scores["ents_per_type"] or {}).items())
    }
    table["ALL"] = {
        "p": scores["ents_p"] or 0.0,
        "r": scores["ents_r"] or 0.0,
        "f": scores["ents_f"] or 0.0,
        "n": sum(counts.values()),
    }
    return table


def score_minutes(nlp: Language, annotations: Path, texts_dir: Path) -> Scores:
    """Exact-offset P/R/F per label on hand-annotated minutes, the attendance list given."""
    gold: set[tuple[str, int, int, str]] = set()
    predicted: set[tuple[str, int, int, str]] = set()
    for line in annotations.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        name = record["document"]
        doc = nlp.make_doc((texts_dir / name).read_text(encoding="utf-8"))
        doc.user_data[PEOPLE_KEY] = tuple(record["people"])
        doc = nlp(doc)
        gold |= {(name, start, end, label) for start, end, label, *_ in record["entities"]}
        predicted |= {(name, e.start_char, e.end_char, e.label_) for e in doc.ents}
    labels = sorted({g[3] for g in gold} | {p[3] for p in predicted})
    table = {label: _prf(gold, predicted, label) for label in labels}
    table["ALL"] = _prf(gold, predicted, None)
    return table


def _prf(
    gold: set[tuple[str, int, int, str]],
    predicted: set[tuple[str, int, int, str]],
    label: str | None,
) -> dict[str, float]:
    g = {x for x in gold if label is None or x[3] == label}
    p = {x for x in predicted if label is None or x[3] == label}
    hits = len(g & p)
    precision = hits / len(p) if p else 0.0
    recall = hits / len(g) if g else 0.0
    f = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"p": precision, "r": recall, "f": f, "n": len(g)}


def evaluate_all(model_dir: Path, corpora: Path) -> dict[str, Any]:
    nlp = spacy.load(model_dir)
    results: dict[str, Any] = {
        "minutes (hand-annotated seeds)": score_minutes(nlp, MINUTES_ANNOTATIONS, MINUTES_DIR)
    }
    if DEV_DIR.is_dir():
        results["minutes (hand-annotated dev-corpus)"] = score_minutes(
            nlp, DEV_ANNOTATIONS, DEV_DIR
        )
    if corpora.is_dir():
        for name, gold in test_sets(corpora, nlp).items():
            with nlp.select_pipes(disable=[RULER]):
                results[f"{name} (model)"] = score_corpus(nlp, gold)
            results[f"{name} (model + rules)"] = score_corpus(nlp, gold)
    else:
        print(f"{corpora} is absent: corpus test sets skipped")
    return results


def print_table(results: dict[str, Any]) -> None:
    print(f"{'set':44} {'label':12} {'P':>6} {'R':>6} {'F':>6} {'n':>6}")
    for name, table in results.items():
        for label, v in table.items():
            p, r, f = (100 * v[k] for k in ("p", "r", "f"))
            print(f"{name:44} {label:12} {p:6.1f} {r:6.1f} {f:6.1f} {int(v['n']):6d}")


def write_metrics(results: dict[str, Any], model_dir: Path, train_seconds: float) -> None:
    print_table(results)
    size = sum(f.stat().st_size for f in model_dir.rglob("*") if f.is_file())
    metrics = {
        "model": model_dir.name,
        "size_bytes": size,
        "training_seconds": round(train_seconds),
        "scores": results,
    }
    METRICS_FILE.write_text(
        json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"→ {METRICS_FILE}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--model", type=Path, default=DEFAULT_MODEL)
    parser.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    parser.add_argument("--json", type=Path, help="write the scores here")
    args = parser.parse_args()
    results = evaluate_all(args.model, args.corpora)
    print_table(results)
    if args.json:
        args.json.write_text(
            json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )


if __name__ == "__main__":
    main()

"""Run an evaluation over a folder of gold files; report it overall and worst documents first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Column, Table

from pipeline.errors import InputError, ProtokollError
from pipeline.evaluation.gold import MEETING_FIELDS, find_document, load_gold
from pipeline.evaluation.score import (
    F1_FIELDS,
    NAME_MATCH_MIN_RATIO,
    TITLE_MATCH_MIN_RATIO,
    Counts,
    DocScore,
    score_document,
)
from pipeline.process import process

SHORT_NAMES = {
    "attendance": "attend",
    "roles": "roles",
    "sections": "§",
    "section_titles": "titles",
    "decisions": "decis",
    "outcomes": "outc",
    "signatories": "sign",
}


@dataclass(frozen=True)
class Evaluation:
    documents: tuple[DocScore, ...]

    def overall(self, field: str) -> Counts:
        total = Counts()
        for document in self.documents:
            total.add(document.fields[field])
        return total

    def accuracy(self, field: str) -> float:
        scored = [d.correct[field] for d in self.documents if field in d.correct]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def failures(self) -> list[DocScore]:
        return [d for d in self.documents if d.error]


def evaluate(gold_dir: Path, docs_dir: Path) -> Evaluation:
    """Extract every document that a gold file in `gold_dir` annotates, and score it."""
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise InputError("no gold files (*.json) found", path=str(gold_dir))
    scores = []
    for gold_file in gold_files:
        gold = load_gold(gold_file)
        document = find_document(gold, docs_dir)
        if document is None:
            scores.append(DocScore(gold.stem, error="no document for this gold file"))
            continue
        try:
            minutes = process(document)
        except ProtokollError as error:
            score = DocScore(document.name, error=f"{error.error_type}: {error.message}")
            for field in F1_FIELDS:  # a document that fails to extract misses everything
                score.fields[field] = Counts(0, 0, _gold_size(gold, field))
            score.correct = dict.fromkeys(MEETING_FIELDS, False)
            scores.append(score)
            continue
        scores.append(score_document(document.name, gold, minutes))
    return Evaluation(tuple(scores))


def _gold_size(gold: Any, field: str) -> int:
    sizes = {
        "attendance": len(gold.attendance),
        "roles": sum(len(p.roles) for p in gold.attendance),
        "sections": len(gold.sections),
        "section_titles": len(gold.sections),
        "decisions": sum(bool(s.outcomes) for s in gold.sections),
        "outcomes": sum(len(s.outcomes) for s in gold.sections),
        "signatories": len(gold.signatories),
    }
    return sizes[field]


def to_json(evaluation: Evaluation) -> dict[str, Any]:
    def prf(counts: Counts) -> dict[str, float | int]:
        return {
            "precision": round(counts.precision, 4),
            "recall": round(counts.recall, 4),
            "f1": round(counts.f1, 4),
            "tp": counts.true_positives,
            "fp": counts.false_positives,
            "fn": counts.false_negatives,
        }

    return {
        "thresholds": {"name_ratio": NAME_MATCH_MIN_RATIO, "title_ratio": TITLE_MATCH_MIN_RATIO},
        "overall": {f: prf(evaluation.overall(f)) for f in F1_FIELDS},
        "accuracy": {f: round(evaluation.accuracy(f), 4) for f in MEETING_FIELDS},
        "documents": [
            {
                "document": d.name,
                "error": d.error,
                "mean_f1": round(d.mean_f1, 4),
                "fields": {f: prf(c) for f, c in d.fields.items()},
                "correct": d.correct,
            }
            for d in sorted(evaluation.documents, key=lambda d: d.mean_f1)
        ],
    }


def print_report(console: Console, evaluation: Evaluation) -> None:
    overall = Table(
        "field",
        "precision",
        "recall",
        "F1",
        "tp",
        "fp",
        "fn",
        title=f"Overall, {len(evaluation.documents)} documents",
    )
    for field in F1_FIELDS:
        c = evaluation.overall(field)
        overall.add_row(
            field,
            f"{c.precision:.3f}",
            f"{c.recall:.3f}",
            f"{c.f1:.3f}",
            str(c.true_positives),
            str(c.false_positives),
            str(c.false_negatives),
        )
    for field in MEETING_FIELDS:
        overall.add_row(
            f"{field} (accuracy)", "", "", f"{evaluation.accuracy(field):.3f}", "", "", ""
        )
    console.print(overall)
    documents = Table(
        Column("document", overflow="fold", min_width=18),
        "mean",
        *(SHORT_NAMES[f] for f in F1_FIELDS),
        "header",
        title="Per document, worst first (F1; header: fields right)",
    )
    for d in sorted(evaluation.documents, key=lambda d: d.mean_f1):
        header = f"{sum(d.correct.values())}/{len(d.correct)}" if d.correct else "-"
        documents.add_row(
            Path(d.name).stem,
            f"{d.mean_f1:.2f}",
            *(f"{d.fields[f].f1:.2f}" for f in F1_FIELDS),
            header,
        )
    console.print(documents)
    for d in evaluation.failures:
        console.print(f"[red]failed[/] {d.name}: {d.error}", highlight=False)
    console.print(
        f"Names match one-to-one at rapidfuzz ratio ≥ {NAME_MATCH_MIN_RATIO:.0f} after folding "
        f"case and diacritics; sections by number, else by title (ratio ≥ "
        f"{TITLE_MATCH_MIN_RATIO:.0f}); outcomes only where the gold annotates a decision.",
        style="dim",
    )

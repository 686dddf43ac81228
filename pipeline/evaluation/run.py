"""Run an evaluation over a folder of gold files; report it overall, per organisation, worst
documents first, and on layout-perturbed copies of the same documents."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Column, Table

from pipeline.discover import identify
from pipeline.errors import InputError, ProtokollError
from pipeline.evaluation.gold import MEETING_FIELDS, GoldDoc, find_document, load_gold
from pipeline.evaluation.perturb import Perturbation
from pipeline.evaluation.score import (
    F1_FIELDS,
    NAME_MATCH_MIN_RATIO,
    SHARE_FIELDS,
    TITLE_MATCH_MIN_RATIO,
    Counts,
    DocScore,
    score_document,
)
from pipeline.extract import extract
from pipeline.extract.clean import clean
from pipeline.process import read_clean_text

SHORT_NAMES = {
    "attendance": "attend",
    "roles": "roles",
    "sections": "§",
    "section_titles": "titles",
    "decisions": "decis",
    "outcomes": "outc",
    "signatories": "sign",
    "party": "party",
}


# The fields that say whether the minutes were read: who attended, what was taken up, decided.
HEADLINE_FIELDS = ("attendance", "sections", "outcomes")
ORIGINAL = "original"


@dataclass(frozen=True)
class Evaluation:
    documents: tuple[DocScore, ...]

    def overall(self, field: str) -> Counts:
        total = Counts()
        for document in self.documents:
            total.add(document.fields[field])
        return total

    def share(self, field: str) -> Counts:
        """Of the gold entries that have a value (partial presence, a substitute's link), how
        many were read exactly right: the counts' recall."""
        total = Counts()
        for document in self.documents:
            total.add(document.shares[field])
        return total

    def accuracy(self, field: str) -> float:
        scored = [d.correct[field] for d in self.documents if field in d.correct]
        return sum(scored) / len(scored) if scored else 0.0

    @property
    def failures(self) -> list[DocScore]:
        return [d for d in self.documents if d.error]

    def organizations(self) -> dict[str, Evaluation]:
        """The documents of each organisation, as an evaluation of their own."""
        grouped: dict[str, list[DocScore]] = {}
        for document in self.documents:
            grouped.setdefault(document.organization, []).append(document)
        return {org: Evaluation(tuple(docs)) for org, docs in sorted(grouped.items())}


def evaluate(gold_dir: Path, docs_dir: Path) -> Evaluation:
    """Extract every document that a gold file in `gold_dir` annotates, and score it."""
    return evaluate_variants(gold_dir, docs_dir, {})[ORIGINAL]


def evaluate_variants(
    gold_dir: Path, docs_dir: Path, perturbations: Mapping[str, Perturbation]
) -> dict[str, Evaluation]:
    """Score every annotated document as it is, and as each perturbation rewrites its text.

    A document is extracted and cleaned once; only the parse runs again for each copy.
    """
    gold_files = sorted(gold_dir.glob("*.json"))
    if not gold_files:
        raise InputError("no gold files (*.json) found", path=str(gold_dir))
    variants: dict[str, Perturbation | None] = {ORIGINAL: None, **perturbations}
    scores: dict[str, list[DocScore]] = {name: [] for name in variants}
    for gold_file in gold_files:
        gold = load_gold(gold_file)
        document = find_document(gold, docs_dir)
        if document is None:
            for found in scores.values():
                found.append(_failed(gold, gold.stem, "no document for this gold file"))
            continue
        try:
            source = identify(document)
            text = clean(extract(source))
        except ProtokollError as error:
            for found in scores.values():
                found.append(_failed(gold, document.name, f"{error.error_type}: {error.message}"))
            continue
        for name, perturb in variants.items():
            try:
                minutes = read_clean_text(source, perturb(text) if perturb else text)
            except ProtokollError as error:
                failed = _failed(gold, document.name, f"{error.error_type}: {error.message}")
                scores[name].append(failed)
                continue
            score = score_document(document.name, gold, minutes)
            score.organization = organization_key(gold)
            scores[name].append(score)
    return {name: Evaluation(tuple(found)) for name, found in scores.items()}


def _failed(gold: GoldDoc, name: str, error: str) -> DocScore:
    """A document that fails to extract misses everything its gold annotates."""
    score = DocScore(name, error=error, organization=organization_key(gold))
    for field in F1_FIELDS:
        score.fields[field] = Counts(0, 0, _gold_size(gold, field))
    score.shares["partial_presence"] = Counts(
        0, 0, sum(bool(p.sections_present or p.time_present) for p in gold.attendance)
    )
    score.shares["substitutes"] = Counts(0, 0, sum(bool(p.replaced) for p in gold.attendance))
    score.correct = dict.fromkeys(MEETING_FIELDS, False)
    return score


def organization_key(gold: GoldDoc) -> str:
    """The organisation a gold file names, without its asides ("X (Y) — note" → "X"); files
    that name none are grouped by the stem before their first "_" or date."""
    named = gold.meeting.get("organization") or ""
    named = re.sub(r"\([^)]*\)", " ", named).split(" — ")[0]
    named = " ".join(named.split()).strip(" ,")
    return named or re.split(r"[_]|\d{4}-", gold.stem)[0]


def _gold_size(gold: Any, field: str) -> int:
    sizes = {
        "attendance": len(gold.attendance),
        "roles": sum(len(p.roles) for p in gold.attendance),
        "sections": len(gold.sections),
        "section_titles": len(gold.sections),
        "decisions": sum(bool(s.outcomes) for s in gold.sections),
        "outcomes": sum(len(s.outcomes) for s in gold.sections),
        "signatories": len(gold.signatories),
        "party": sum(bool(p.party) for p in gold.attendance),
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
        "shares": {
            f: {
                "share": round(evaluation.share(f).recall, 4),
                "right": evaluation.share(f).true_positives,
                "of": evaluation.share(f).true_positives + evaluation.share(f).false_negatives,
            }
            for f in SHARE_FIELDS
        },
        "organizations": {
            org: {
                "documents": len(part.documents),
                **{f: round(part.overall(f).f1, 4) for f in HEADLINE_FIELDS},
                "date": round(part.accuracy("date"), 4),
            }
            for org, part in evaluation.organizations().items()
        },
        "documents": [
            {
                "document": d.name,
                "organization": d.organization,
                "error": d.error,
                "mean_f1": round(d.mean_f1, 4),
                "fields": {f: prf(c) for f, c in d.fields.items()},
                "correct": d.correct,
            }
            for d in sorted(evaluation.documents, key=lambda d: d.mean_f1)
        ],
    }


def headline(evaluation: Evaluation) -> dict[str, float]:
    """Attendance, sections and outcomes F1 and date accuracy: the figures a change moves."""
    return {
        **{f: evaluation.overall(f).f1 for f in HEADLINE_FIELDS},
        "date": evaluation.accuracy("date"),
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
    for field in SHARE_FIELDS:
        c = evaluation.share(field)
        total = c.true_positives + c.false_negatives
        overall.add_row(
            f"{field} (share right)",
            "",
            "",
            f"{c.recall:.3f}",
            str(c.true_positives),
            "",
            str(total),
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


def print_organizations(console: Console, evaluation: Evaluation) -> None:
    table = Table(
        Column("organisation", overflow="fold", min_width=24),
        "docs",
        *(SHORT_NAMES[f] for f in HEADLINE_FIELDS),
        "date",
        title="Per organisation, worst first (F1; date: accuracy)",
    )
    parts = evaluation.organizations()
    for org, part in sorted(parts.items(), key=lambda item: sum(headline(item[1]).values())):
        figures = headline(part)
        table.add_row(org, str(len(part.documents)), *(f"{v:.2f}" for v in figures.values()))
    console.print(table)


def print_perturbed(console: Console, variants: Mapping[str, Evaluation]) -> None:
    """Each perturbed copy's headline figures beside the original's, and the change."""
    original = headline(variants[ORIGINAL])
    table = Table(
        "copy",
        *(SHORT_NAMES.get(f, f) for f in original),
        "largest drop",
        "failed",
        title="Layout-perturbed copies (F1; date: accuracy; failed: documents not read)",
    )
    for name, evaluation in variants.items():
        figures = headline(evaluation)
        drop = max(original[f] - figures[f] for f in original)
        table.add_row(
            name,
            *(f"{figures[f]:.3f}" for f in original),
            "" if name == ORIGINAL else f"{drop:+.3f}",
            str(len(evaluation.failures)),
        )
    console.print(table)
    for name, evaluation in variants.items():
        if name != ORIGINAL:
            for d in evaluation.failures:
                console.print(f"[red]failed[/] ({name}) {d.name}: {d.error}", highlight=False)

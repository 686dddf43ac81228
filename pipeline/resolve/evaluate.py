"""Pairwise precision and recall of "same person", and the cases that fail.

Every sighting (attendance row, signature, mention) is an item; two items are a pair when they
denote the same person. Precision is the share of pairs the resolver makes that are true,
recall the share of true pairs it makes. A mention it leaves unresolved is a person of its own.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from pipeline.resolve.index import PersonIndex
from pipeline.resolve.meeting import Meeting
from pipeline.resolve.overrides import Overrides


@dataclass(frozen=True)
class PairScores:
    precision: float
    recall: float
    true_pairs: int
    predicted_pairs: int
    correct_pairs: int
    items: int


@dataclass(frozen=True)
class Failure:
    """A wrong merge (one id, several people) or a split (one person, several ids)."""

    kind: str  # merged | split
    pairs: int  # pairs lost to it
    groups: tuple[tuple[str, tuple[str, ...]], ...]  # (person or id, spellings written)


def resolve_all(
    meetings: Sequence[Meeting], overrides: Overrides | None = None
) -> list[str | None]:
    """Person ids of every sighting of `meetings`, added meeting by meeting as an ingest would.

    Ids are read at the end: a later meeting may have merged or split what an earlier one found.
    """
    index = PersonIndex(overrides)
    slots = []
    for meeting in meetings:
        found, _ = index.add_spellings(meeting)
        slots += found
    return [index.spellings[key].person_id if key else None for key in slots]


def pairwise(truth: Sequence[Hashable], predicted: Sequence[str | None]) -> PairScores:
    labels = [p if p is not None else ("unresolved", i) for i, p in enumerate(predicted)]
    cells = Counter(zip(truth, labels, strict=True))
    correct = sum(_pairs(n) for n in cells.values())
    true_pairs = sum(_pairs(n) for n in Counter(truth).values())
    predicted_pairs = sum(_pairs(n) for n in Counter(labels).values())
    return PairScores(
        precision=correct / predicted_pairs if predicted_pairs else 1.0,
        recall=correct / true_pairs if true_pairs else 1.0,
        true_pairs=true_pairs,
        predicted_pairs=predicted_pairs,
        correct_pairs=correct,
        items=len(truth),
    )


def failures(
    truth: Sequence[Hashable], predicted: Sequence[str | None], written: Sequence[str]
) -> list[Failure]:
    """Wrong merges and splits, those that cost the most pairs first."""
    labels = [p if p is not None else f"(unresolved {i})" for i, p in enumerate(predicted)]
    by_id: dict[str, dict[Hashable, list[str]]] = defaultdict(lambda: defaultdict(list))
    by_truth: dict[Hashable, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for t, p, w in zip(truth, labels, written, strict=True):
        by_id[p][t].append(w)
        by_truth[t][p].append(w)
    found = []
    for pid, people in by_id.items():
        if len(people) > 1:
            sizes = [len(v) for v in people.values()]
            lost = _pairs(sum(sizes)) - sum(_pairs(n) for n in sizes)
            groups = tuple((f"{pid} ∋ {t}", _spellings(ws)) for t, ws in people.items())
            found.append(Failure("merged", lost, groups))
    for person, ids in by_truth.items():
        if len(ids) > 1:
            sizes = [len(v) for v in ids.values()]
            lost = _pairs(sum(sizes)) - sum(_pairs(n) for n in sizes)
            groups = tuple((f"{person} → {pid}", _spellings(ws)) for pid, ws in ids.items())
            found.append(Failure("split", lost, groups))
    return sorted(found, key=lambda f: (-f.pairs, f.kind, f.groups))


def _spellings(written: Sequence[str]) -> tuple[str, ...]:
    counts = Counter(written)
    return tuple(f"{w} ×{n}" if n > 1 else w for w, n in counts.most_common())


def _pairs(n: int) -> int:
    return n * (n - 1) // 2

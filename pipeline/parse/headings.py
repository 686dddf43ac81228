"""Find the items of minutes: the numbering scheme that explains most candidates as one sequence.

Per scheme (§ or agenda numbers) the increasing sequence of candidates (parse.candidates) with
the highest score wins, gaps allowed and charged, numbers that follow each other vouching for
each other. Sub-items (3.1, a., b)) are sequences of their own inside their parent.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from pipeline.parse.candidates import LONG_TITLE_WORDS, Candidate, find_candidates
from pipeline.records import Line

SENTENCE_SUB_ITEM_WORDS = 2
LOST_FIRST_LETTER = 2
LOST_FIRST_NUMBER = 2  # "4.2.2" after a 4.2.1 the text lost: the sub-items still begin
RESTARTED_MIN_SCORE = 1.0  # a "1." standing where an item would: at a line start, or marked
MIN_SEQUENCE = 2
GAP_COST = 0.4  # a skipped number costs this much of a candidate's score
NEXT_NUMBER_BONUS = 0.3  # "287 … 288 … 289": numbers that follow each other vouch for each other


def best_sequence(
    candidates: Sequence[Candidate], rank: Callable[[Candidate], int] = lambda c: c.number[0]
) -> list[Candidate]:
    """The increasing run of candidates with the highest total score, gaps charged."""
    best: list[float] = []
    previous: list[int] = []
    length: list[int] = []  # of the best run ending at each candidate: the longer wins a tie
    for index, candidate in enumerate(candidates):
        best.append(candidate.score)
        previous.append(-1)
        length.append(1)
        for earlier in range(index):
            other = candidates[earlier]
            if rank(other) >= rank(candidate):
                continue
            gap = rank(candidate) - rank(other) - 1
            link = -GAP_COST * min(gap, 10) if gap else NEXT_NUMBER_BONUS
            total = best[earlier] + candidate.score + link
            if (total, length[earlier] + 1) > (best[index], length[index]):
                best[index], previous[index] = total, earlier
                length[index] = length[earlier] + 1
    if not best:
        return []
    index = max(range(len(best)), key=lambda i: (best[i], length[i]))
    chain: list[Candidate] = []
    while index >= 0:
        chain.append(candidates[index])
        index = previous[index]
    return chain[::-1]


def sequence_score(chain: Sequence[Candidate]) -> float:
    total = sum(c.score for c in chain)
    gaps = [b.number[0] - a.number[0] - 1 for a, b in itertools.pairwise(chain)]
    links = sum(NEXT_NUMBER_BONUS if gap == 0 else -GAP_COST * min(gap, 10) for gap in gaps)
    return total + links


@dataclass(frozen=True)
class Item:
    """A chosen item: where it begins, its number as the minutes write it, its title."""

    candidate: Candidate
    number: str  # "12", "3.1", "18.A"


def numbered_items(
    lines: Sequence[Line], excluded: Callable[[int, int], bool] = lambda line, offset: False
) -> list[Item]:
    """The items of the best numbering scheme, with their sub-items, in document order;
    `excluded(line, offset)` says where no item begins (a table of contents)."""
    candidates = [c for c in find_candidates(lines) if not excluded(c.line, c.offset)]
    top = _top_level(candidates)
    if not top:
        return []
    items: list[Item] = []
    ends = [*((c.line, c.offset) for c in top[1:]), (len(lines), 0)]
    for parent, end in zip(top, ends, strict=True):
        number = ".".join(map(str, parent.number))
        items.append(Item(parent, number))
        inside = [c for c in candidates if _after(c, parent) and (c.line, c.offset) < end]
        items += _sub_items(inside, parent, number)
    return items


def _top_level(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The top-level sequence: § numbers or agenda numbers, whichever explains more."""
    chains = []
    for scheme in ("sign", "item"):
        top = [c for c in candidates if c.scheme == scheme and len(c.number) == 1]
        chain = best_sequence(top)
        if len(chain) < MIN_SEQUENCE and scheme == "item":
            # "1.1, 1.2, 2.1": no item stands alone; the first level is the sequence
            nested = [c for c in candidates if c.scheme == scheme and len(c.number) == 2]
            chain = best_sequence(nested, lambda c: c.number[0] * 100 + c.number[1]) or chain
        chains.append(chain)
    chain = max(chains, key=sequence_score)
    if len(chain) < MIN_SEQUENCE and not (
        chain and chain[0].scheme == "sign" and chain[0].at_line_start
    ):
        return []
    return chain


def _after(candidate: Candidate, parent: Candidate) -> bool:
    return (candidate.line, candidate.offset) > (parent.line, parent.offset)


def _sub_items(inside: Sequence[Candidate], parent: Candidate, number: str) -> list[Item]:
    """3.1, 3.2 under 3 (and 3.1.1 under 3.1), or a., b. / A., B. under any item."""
    numbered = [c for c in inside if c.scheme == "item" and _child_of(c.number, parent.number)]
    chain = _consecutive([c.number[-1] for c in numbered], numbered, minimum=1)
    if not chain and numbered and numbered[0].number[-1] == LOST_FIRST_NUMBER:
        chain = _consecutive([c.number[-1] - 1 for c in numbered], numbered, minimum=1)
    if sum(map(_numbered_sentence, chain)) * 2 > len(chain):
        chain = []  # "3.1 Årsmötet befanns vara behörigen utlyst.": numbered text, no sub-items
    if chain:
        items: list[Item] = []
        ends = [*((c.line, c.offset) for c in chain[1:]), (10**9, 0)]
        for child, end in zip(chain, ends, strict=True):
            child_number = ".".join(map(str, child.number))
            items.append(Item(child, child_number))
            deeper = [c for c in inside if _after(c, child) and (c.line, c.offset) < end]
            items += _sub_items(deeper, child, child_number)
        return items
    letters = [c for c in inside if c.scheme == "letter" and c.letter]
    ranks = [_letter_rank(c.letter or "") for c in letters]
    chain = _consecutive(ranks, letters)
    if not chain and ranks and ranks[0] == LOST_FIRST_LETTER:  # "a." lost to OCR: b., c. …
        chain = _consecutive([rank - 1 for rank in ranks], letters)
    return [Item(c, f"{number}.{c.letter}") for c in chain]


def _child_of(number: tuple[int, ...], parent: tuple[int, ...]) -> bool:
    """3.1 under 3, 3.1.2 under 3.1; 5.0.1 under 5 too, an outline that skipped a level."""
    if len(number) <= len(parent) or number[: len(parent)] != parent:
        return False
    return all(part == 0 for part in number[len(parent) : -1])


def _numbered_sentence(candidate: Candidate) -> bool:
    """ "3.1 Årsmötet befanns vara behörigen utlyst.": a numbered paragraph of an item's text
    (a decision, a note), not a sub-item with a title of its own."""
    words = len(candidate.title.split())
    return (candidate.sentence and words >= SENTENCE_SUB_ITEM_WORDS) or words > LONG_TITLE_WORDS


def _letter_rank(letter: str) -> int:
    return ord(letter.casefold()) - ord("a") + 1


def _consecutive(
    ranks: Sequence[int], candidates: Sequence[Candidate], minimum: int = MIN_SEQUENCE
) -> list[Candidate]:
    """The run 1, 2, 3 … of `ranks`, in order, each taken at its first candidate; a lone "3.1"
    is a sub-item, a lone "a." is a list."""
    chain: list[Candidate] = []
    expected = 1
    for rank, candidate in zip(ranks, candidates, strict=True):
        if rank == expected:
            chain.append(candidate)
            expected += 1
    return chain if len(chain) >= minimum else []


def restarting_items(lines: Sequence[Line]) -> list[Item]:
    """ "1. Val av ordförande", "1. Val av sekreterare", …: a list whose numbering restarts at
    every item (a broken word-processor list) is still the list of items, numbered as written."""
    ones = [
        c
        for c in find_candidates(lines)
        if c.number == (1,) and c.title[:1].isupper() and c.score > RESTARTED_MIN_SCORE
    ]
    return [Item(c, "1") for c in ones]

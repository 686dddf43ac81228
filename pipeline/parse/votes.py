"""Votes on a decision: the counts, the outcome a tally alone gives, and who reserved.

Omröstning: 7 ja, 4 nej, 1 avstår           a vote of 7–4–1 on the section's decision
Röstning: För 6, Emot 0                      approved: the tally is the decision
För: Samtliga närvarande Emot: Ingen         approved
Anna Berg (V) och Bo Ek (MP) reserverar sig  reservations
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import replace

from pipeline.parse.people import is_person_name
from pipeline.records import Decision, Outcome, Vote
from pipeline.vocabulary.decisions import (
    AGAINST,
    COUNT_WORDS,
    RESERVATION,
    SLASHED_VOTE,
    VOTE_COUNTS,
    VOTE_MARKER,
)

NAMES = re.compile(r"\s*(?:,|\boch\b|\bsamt\b|&)\s*")
EVERYONE = -1  # "samtliga", "alla": more than any count against


def tally(text: str) -> tuple[int | None, int | None, int | None]:
    """(for, against, abstaining) as written in a vote, None where a count is not given;
    EVERYONE for "samtliga"."""
    slashed = SLASHED_VOTE.search(text)
    if slashed:
        abstain = slashed["abstain"]
        return int(slashed["yes"]), int(slashed["no"]), int(abstain) if abstain else None
    if not VOTE_MARKER.search(text) and not (
        VOTE_COUNTS["yes"].search(text) and VOTE_COUNTS["no"].search(text)
    ):
        return None, None, None
    yes, no, abstain = (_count(VOTE_COUNTS[k], text) for k in ("yes", "no", "abstain"))
    return yes, no, abstain


def tally_outcome(text: str) -> Outcome | None:
    """The outcome of a vote told by its counts alone: more for than against approves."""
    yes, no, _ = tally(text)
    if yes is None:
        return None
    if no is None:
        # "16 röstar på att lägga in den i stadgarna": only the votes for are counted
        return None if AGAINST.search(text) else Outcome.APPROVED
    if yes == no:
        return Outcome.OTHER  # a tie: the chair's casting vote or a lot decides, as told
    if yes == EVERYONE or (no != EVERYONE and yes > no):
        return Outcome.APPROVED
    return Outcome.REJECTED


def with_votes(decisions: list[Decision], texts: Sequence[str]) -> list[Decision]:
    """Attach a section's vote counts and reservations to its last decision."""
    if not decisions:
        return decisions
    vote: Vote | None = None
    reservations: list[str] = []
    for text in texts:
        yes, no, abstain = tally(text)
        counts = [c for c in (yes, no, abstain) if c is not None]
        if (yes is not None or no is not None) and EVERYONE not in counts:
            vote = Vote(yes or 0, no or 0, abstain or 0)
        for who in reserving(text):
            reservations += [n for n in _reserving_names(who) if n not in reservations]
    if vote is None and not reservations:
        return decisions
    last = replace(decisions[-1], vote=vote, reservations=tuple(reservations))
    return [*decisions[:-1], last]


def reserving(text: str) -> Iterator[str]:
    """The words before each "reserverar sig", from its line's start or the previous one's end."""
    start = 0
    for match in RESERVATION.finditer(text):
        end = match.start()
        while end > start and text[end - 1].isspace():
            end -= 1
        who = text[max(start, text.rfind("\n", start, end) + 1) : end]
        start = match.end()
        if who:
            yield who


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if match is None:
        return None
    written = next(g for g in match.groups() if g is not None).casefold()
    if written in COUNT_WORDS:
        count = COUNT_WORDS[written]
        return EVERYONE if count is None else count
    return int(written)


def _reserving_names(who: str) -> list[str]:
    """Names before "reserverar sig": the end of the sentence, parties set aside."""
    tail = re.split(r"[.:;]\s+", who)[-1]
    tail = re.sub(r"\([^)]*\)", "", tail)
    return [p.strip() for p in NAMES.split(tail) if p.strip() and is_person_name(p.strip())]

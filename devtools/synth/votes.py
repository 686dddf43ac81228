"""Votes and reservations in synthetic minutes: a voting list with its counts on some decided
§§, and members of the losing side who reserve themselves against the decision.

Drawn from a random stream of their own, seeded by the meeting, so that adding them leaves
every other choice of the generator (people, attendance, applications) as it was.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from devtools.synth.items import Item
from pipeline.records import Outcome, Status

if TYPE_CHECKING:  # meetings.py calls add_votes
    from devtools.synth.meetings import Listed

VOTE_SHARE = 0.35  # of the decided applications, those decided after a vote
RESERVING_SHARE = 0.6  # of the votes, those after which some of the losing side reserve
LONE_RESERVATION_SHARE = 0.1  # of the decisions taken without a vote, those one member reserves
ABSTAIN_SHARE = 0.4
MIN_VOTERS = 3
CHOICE_WORDS = {"yes": "Ja-röster", "no": "Nej-röster", "abstain": "Avstår"}


def add_votes(
    key: str, agenda: Sequence[Item], listed: Sequence[Listed], *, headings: bool
) -> None:
    """Give some decided applications of one meeting a vote and reservations, in place;
    `headings` when the house style writes sub-headings ("Beslut", "Reservation")."""
    rng = random.Random(f"votes {key}")
    voters = [p for p in listed if _votes(p)]
    if len(voters) < MIN_VOTERS:
        return
    for item in agenda:
        if item.diary_number is None or not item.decisions:
            continue
        outcome = item.decisions[-1][1]
        if outcome not in (Outcome.APPROVED, Outcome.REJECTED):
            continue
        if rng.random() < VOTE_SHARE:
            losers = _vote(item, voters, outcome is Outcome.APPROVED, rng)
            if losers and rng.random() < RESERVING_SHARE:
                _reserve(
                    item, rng.sample(losers, min(len(losers), rng.choice((1, 1, 2)))), headings
                )
        elif rng.random() < LONE_RESERVATION_SHARE:
            _reserve(item, [rng.choice(voters)], headings)


def _votes(person: Listed) -> bool:
    """A present member with a party mark, or a substitute serving in a member's place."""
    if person.status is not Status.PRESENT or not person.party:
        return False
    return person.seat_role in ("chair", "vice_chair", "member") or bool(person.serves_for)


def _vote(item: Item, voters: list[Listed], approved: bool, rng: random.Random) -> list[Listed]:
    """A vote the winning side carries by a majority of those voting; returns who voted no
    (or yes, when the proposal fell)."""
    order = rng.sample(voters, len(voters))
    winners = rng.randint(len(order) // 2 + 1, len(order) - 1)
    losing = order[winners:]
    abstaining = losing[-1:] if len(losing) > 1 and rng.random() < ABSTAIN_SHARE else []
    side = {id(p): ("yes" if approved else "no") for p in order[:winners]}
    side |= {id(p): ("no" if approved else "yes") for p in losing}
    side |= {id(p): "abstain" for p in abstaining}
    counts = {c: sum(v == c for v in side.values()) for c in CHOICE_WORDS}
    told = (
        "Omröstning begärs och verkställs. Omröstningen utfaller med "
        f"{counts['yes']} ja-röster mot {counts['no']} nej-röster och {counts['abstain']} avstår."
    )
    item.vote_lines.append(told)
    for choice, word in CHOICE_WORDS.items():
        named = [_with_party(p) for p in voters if side[id(p)] == choice]
        if named:
            item.vote_lines.append(f"{word}: {', '.join(named)}")
    item.vote = {
        "method": "vote",
        "yes": counts["yes"],
        "no": counts["no"],
        "abstain": counts["abstain"],
        "result": "yes" if counts["yes"] > counts["no"] else "no",
        "choices": [_gold(p) | {"choice": side[id(p)]} for p in voters],
        "text": told,
    }
    return [p for p in losing if p not in abstaining]


def _reserve(item: Item, reserving: list[Listed], heading: bool) -> None:
    """ "X (S) reserverar sig mot beslutet.", under a "Reservation" sub-heading where the
    house style sets the decision under a "Beslut" one."""
    names = " och ".join(_with_party(p) for p in reserving)
    line = f"{names} reserverar sig mot beslutet."
    item.after_lines.append(f"Reservation\n{line}" if heading else line)
    item.dissents += [_gold(p) | {"kind": "reservation", "text": line} for p in reserving]


def _with_party(person: Listed) -> str:
    return f"{person.written} ({person.party})"


def _gold(person: Listed) -> dict[str, Any]:
    return {"name": person.written, "person_id": person.person.key, "party": person.party}

"""Person ids: minted once per person and kept, whatever the archive learns later.

After a regrouping every group of spellings needs an id. The oldest id a group holds stays with
it (when two people turn out to be one, the younger id is merged away and the merge recorded);
an id whose spellings now form two groups stays with the group holding most of its rows, and
the other gets another id (a split, recorded too). Only a group with no id mints one, from the
name it is shown by, so that the same name first seen gets the same id in any archive.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from pipeline.names import fold
from pipeline.resolve.cluster import Decision, Edge, Spelling, SpellingKey, main_spelling, reroot
from pipeline.resolve.meeting import Link

PERSON_ID_CHARS = 12


def person_id(name: str, salt: str = "") -> str:
    """The id minted for a person first seen as `name`."""
    text = fold(name) + (f"\n{salt}" if salt else "")
    return "p_" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:PERSON_ID_CHARS]


@dataclass(frozen=True)
class IdChange:
    """A person id that stopped covering some names: merged into another, or split off."""

    change: str  # merge | split
    from_id: str
    to_id: str
    evidence: str


@dataclass
class Changes:
    """What a regrouping changed, for the database."""

    persons: set[str] = field(default_factory=set)  # ids whose names or aliases changed
    removed: set[str] = field(default_factory=set)  # ids merged away
    moved: list[SpellingKey] = field(default_factory=list)  # spellings whose id changed
    events: list[IdChange] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)


def assign_ids(
    spellings: Mapping[SpellingKey, Spelling],
    groups: list[list[SpellingKey]],
    people: dict[str, set[SpellingKey]],
    minted: dict[str, int],
) -> Changes:
    """Give every group an id, keeping old ones; `people` (id → spellings) and `minted` follow."""
    changes = Changes()
    weights: list[dict[str, int]] = []
    for members in groups:
        held: dict[str, int] = {}
        for key in members:
            spelling = spellings[key]
            if spelling.person_id:
                held[spelling.person_id] = held.get(spelling.person_id, 0) + spelling.weight
        weights.append(held)
    old_ids = sorted({i for held in weights for i in held}, key=lambda i: minted.get(i, 0))
    given: dict[int, str] = {}
    for old in old_ids:
        holders = [g for g, held in enumerate(weights) if old in held and g not in given]
        if holders:
            given[max(holders, key=lambda g: (weights[g][old], -g))] = old
    for g, members in enumerate(groups):
        if g not in given:
            given[g] = mint(minted, main_spelling(spellings[k] for k in members).written)
    kept = set(given.values())
    for g, members in enumerate(groups):
        new_id = given[g]
        changes.persons.add(new_id)
        for old in weights[g]:
            if old == new_id:
                continue
            changes.persons.add(old)
            if old not in kept:
                changes.removed.add(old)
                changes.events.append(IdChange("merge", old, new_id, "joined"))
            else:
                changes.events.append(IdChange("split", old, new_id, "parted"))
        for key in members:
            spelling = spellings[key]
            if spelling.person_id != new_id:
                if spelling.person_id:
                    people.get(spelling.person_id, set()).discard(key)
                changes.moved.append(key)
                spelling.person_id = new_id
                people.setdefault(new_id, set()).add(key)
    for old in changes.removed:
        if not people.get(old):
            people.pop(old, None)
    changes.events = list(dict.fromkeys(changes.events))
    return changes


def mint(minted: dict[str, int], name: str) -> str:
    """A new id for a person shown as `name`, unlike every id minted before."""
    candidate, n = person_id(name), 1
    while candidate in minted:
        n += 1
        candidate = person_id(name, str(n))
    minted[candidate] = len(minted)
    return candidate


def explain_change(
    spellings: Mapping[SpellingKey, Spelling],
    event: IdChange,
    before: Mapping[SpellingKey, str | None],
    decisions: Sequence[Decision],
) -> IdChange:
    """The decision behind a merge (a join) or a split (a refusal), in words."""
    moved = {k for k, pid in before.items() if pid == event.from_id}
    wanted = event.change == "merge"
    for d in decisions:
        now = {spellings[d.a].person_id, spellings[d.b].person_id}
        if wanted:
            crosses = (d.a in moved) != (d.b in moved)
        else:
            crosses = now == {event.from_id, event.to_id}
        if d.joined == wanted and crosses:
            a, b = spellings[d.a].written, spellings[d.b].written
            told = d.edge.evidence if wanted else d.reason
            return replace(event, evidence=f"{a} / {b}: {told}")
    return event


def explain_group(
    spellings: Mapping[SpellingKey, Spelling],
    members: list[SpellingKey],
    parent: Mapping[SpellingKey, tuple[SpellingKey, Edge]],
) -> None:
    """How each spelling of a group joined it, told from the group's main spelling."""
    tree = {k: parent[k] for k in members if k in parent}
    main = main_spelling(spellings[k] for k in members)
    reroot(tree, main.key)
    for key in members:
        spelling = spellings[key]
        if key in tree:
            up, edge = tree[key]
            spelling.via = Link(edge.rule, edge.score, spellings[up].written, edge.evidence)
        else:
            spelling.via = None

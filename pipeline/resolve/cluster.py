"""Group spellings into people: strongest evidence first, never against what the archive forbids.

The units are spellings in context (`Spelling`: one folded name within one organisation). They
are joined, strongest first, by links made within a meeting, by the overrides file, then by
likeness across the archive. A join is refused when it would put two people of one attendance
list together, when the overrides say "never", when it would join two spellings that are both
names in use and alike only by a slip of a letter, and when another candidate is about as
likely (the resolver refuses to guess). Every join and every refusal is kept as evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from pipeline.names import parse_name
from pipeline.resolve.meeting import Link
from pipeline.resolve.rules import AMBIGUITY_MARGIN, LINK_MIN, NAME_EQUAL_RULES, NameKeys

SpellingKey = tuple[str, str]  # (scope, folded name): scope is an organisation or one meeting
MUST_SCORE = 100.0
OVERRIDE_RULE = "override_merge"
MINOR_SPELLING_SHARE = 0.25  # a shorter name written this rarely beside the full one is the same


@dataclass(frozen=True)
class Edge:
    """Likeness of two spellings in their contexts."""

    score: float
    rule: str
    evidence: str
    same_organization: bool = True


@dataclass
class Spelling:
    """One folded name in one organisation, with everything seen around it."""

    key: SpellingKey
    names: NameKeys
    organization: str | None
    seen: int  # order of first sighting in the archive
    rows: dict[tuple[str, str], set[str]] = field(
        default_factory=dict
    )  # (kind, written) → meetings
    satellites: dict[tuple[str, str], Link] = field(default_factory=dict)  # short forms tied here
    links: dict[SpellingKey, Link] = field(default_factory=dict)  # tied within a meeting
    meetings: set[str] = field(default_factory=set)
    listed: set[str] = field(default_factory=set)  # meetings whose attendance list has them
    bodies: set[str] = field(default_factory=set)
    years: set[int] = field(default_factory=set)
    affiliations: set[str] = field(default_factory=set)
    person_id: str | None = None
    via: Link | None = None  # how this spelling joined its person, from the last grouping

    @property
    def weight(self) -> int:
        return sum(len(m) for m in self.rows.values())

    @property
    def written(self) -> str:
        """The spelling as most often written in attendance lists, in name order, without
        titles or party marks ("Maud Nyberg" for "Nyberg, Maud (S)")."""
        counts: dict[str, list[int]] = {}
        for (kind, written), meetings in self.rows.items():
            if (kind, written) not in self.satellites:
                count = counts.setdefault(parse_name(written).written, [0, 0])
                count[kind != "attendance"] += len(meetings)
        if not counts:
            return next(iter(self.rows))[1]
        return max(counts, key=lambda w: (counts[w][0], counts[w][1]))


@dataclass(frozen=True)
class Decision:
    """One join considered: made or refused, and why."""

    a: SpellingKey
    b: SpellingKey
    edge: Edge
    joined: bool
    reason: str


@dataclass
class Grouping:
    groups: list[list[SpellingKey]]
    decisions: list[Decision]
    parent: dict[SpellingKey, tuple[SpellingKey, Edge]]  # the join that brought each spelling in


class _Groups:
    """Union-find over spellings, each group knowing its lists, overrides and main spelling."""

    def __init__(self, spellings: Mapping[SpellingKey, Spelling], keys: Iterable[SpellingKey]):
        self.spellings = spellings
        self.root: dict[SpellingKey, SpellingKey] = {k: k for k in keys}
        self.members: dict[SpellingKey, list[SpellingKey]] = {k: [k] for k in self.root}
        self.listed: dict[SpellingKey, set[str]] = {k: set(spellings[k].listed) for k in self.root}

    def find(self, key: SpellingKey) -> SpellingKey:
        while self.root[key] != key:
            self.root[key] = self.root[self.root[key]]
            key = self.root[key]
        return key

    def union(self, a: SpellingKey, b: SpellingKey) -> None:
        ra, rb = self.find(a), self.find(b)
        if len(self.members[ra]) < len(self.members[rb]):
            ra, rb = rb, ra
        self.root[rb] = ra
        self.members[ra] += self.members.pop(rb)
        self.listed[ra] |= self.listed.pop(rb)

    def main(self, root: SpellingKey) -> Spelling:
        return max((self.spellings[k] for k in self.members[root]), key=_prominence)


def group(
    spellings: Mapping[SpellingKey, Spelling],
    region: Iterable[SpellingKey],
    edges: Callable[[SpellingKey], Mapping[SpellingKey, Edge]],
    must: Iterable[tuple[SpellingKey, SpellingKey, Edge]],
    never: Callable[[list[SpellingKey], list[SpellingKey]], bool],
    established: Callable[[Spelling], bool],
    likeness: Callable[[Spelling, Spelling], Edge | None],
) -> Grouping:
    """Group the spellings of `region` (closed under edges and links) into people."""
    keys = sorted(region, key=lambda k: spellings[k].seen)
    inside = set(keys)
    groups = _Groups(spellings, keys)
    decisions: list[Decision] = []
    parent: dict[SpellingKey, tuple[SpellingKey, Edge]] = {}

    def apart(ra: SpellingKey, rb: SpellingKey, edge: Edge | None = None) -> str | None:
        if never(groups.members[ra], groups.members[rb]):
            return "the overrides file keeps them apart"
        if edge is not None and edge.rule == OVERRIDE_RULE:
            return None  # a person's decision outweighs every rule but another decision
        if groups.listed[ra] & groups.listed[rb]:
            return "both in one attendance list"
        if edge is not None and edge.rule in NAME_EQUAL_RULES and edge.same_organization:
            return None
        main_a, main_b = groups.main(ra), groups.main(rb)
        if established(main_a) and established(main_b):
            found = likeness(main_a, main_b)
            if found is not None and found.rule in NAME_EQUAL_RULES:
                return None
            if (
                found is not None
                and found.rule == "extra_name"
                and found.same_organization
                and _minor(main_a, main_b)
            ):
                return None  # "Anna Larsson" now and then for Anna Jönsson Larsson
            return f"both names in use ({main_a.written} / {main_b.written})"
        return None

    def ambiguous(a: SpellingKey, b: SpellingKey, edge: Edge) -> str | None:
        for x, y in ((a, b), (b, a)):
            ry = groups.find(y)
            for other, rival in edges(x).items():
                if other == y or other not in inside or rival.score < edge.score - AMBIGUITY_MARGIN:
                    continue
                ro = groups.find(other)
                if ro in (groups.find(x), ry):
                    continue
                if rival.score >= LINK_MIN - AMBIGUITY_MARGIN and apart(ro, ry):
                    other_name = spellings[other].written
                    return f"{spellings[x].written} is as like {other_name} ({rival.score:.0f})"
        return None

    def consider(a: SpellingKey, b: SpellingKey, edge: Edge, forced: bool) -> None:
        ra, rb = groups.find(a), groups.find(b)
        if ra == rb:
            return
        reason = apart(ra, rb, edge)
        if reason is None and not forced and edge.rule != "same_spelling":
            reason = ambiguous(a, b, edge)
        decisions.append(Decision(a, b, edge, reason is None, reason or "joined"))
        if reason is None:
            _remember(parent, groups, a, b, edge)
            groups.union(a, b)

    for a, b, edge in sorted(must, key=lambda m: (-m[2].score, m[0], m[1])):
        if a in inside and b in inside:
            consider(a, b, edge, forced=True)
    candidates = sorted(
        ((a, b, e) for a in keys for b, e in edges(a).items() if b in inside and a < b),
        key=lambda c: (-c[2].score, c[0], c[1]),
    )
    for a, b, edge in candidates:
        if edge.score >= LINK_MIN:
            consider(a, b, edge, forced=False)
        elif groups.find(a) != groups.find(b):
            decisions.append(Decision(a, b, edge, False, "below the link score"))
    found: dict[SpellingKey, list[SpellingKey]] = {}
    for key in keys:
        found.setdefault(groups.find(key), []).append(key)
    return Grouping(list(found.values()), decisions, parent)


def _minor(a: Spelling, b: Spelling) -> bool:
    """One spelling is written far less often than the other: a habit, not another person."""
    fewer, more = sorted((len(a.meetings), len(b.meetings)))
    return fewer < MINOR_SPELLING_SHARE * more


def main_spelling(spellings: Iterable[Spelling]) -> Spelling:
    return max(spellings, key=_prominence)


def _prominence(spelling: Spelling) -> tuple[int, int, int]:
    return (len(spelling.listed), len(spelling.meetings), -spelling.seen)


def _remember(
    parent: dict[SpellingKey, tuple[SpellingKey, Edge]],
    groups: _Groups,
    a: SpellingKey,
    b: SpellingKey,
    edge: Edge,
) -> None:
    """Record the join as a tree edge: the smaller group hangs below the other."""
    ra, rb = groups.find(a), groups.find(b)
    child, anchor = (b, a) if len(groups.members[ra]) >= len(groups.members[rb]) else (a, b)
    reroot(parent, child)
    parent[child] = (anchor, edge)


def reroot(parent: dict[SpellingKey, tuple[SpellingKey, Edge]], key: SpellingKey) -> None:
    """Make `key` the top of its tree by reversing the edges above it."""
    path: list[tuple[SpellingKey, SpellingKey, Edge]] = []
    node = key
    while node in parent:
        up, edge = parent[node]
        path.append((node, up, edge))
        node = up
    for child, _, _ in path:
        del parent[child]
    for child, up, edge in path:
        parent[up] = (child, edge)

"""The archive's people in memory: spellings, their candidates, and the groups they form.

`PersonIndex.add_meeting` takes one meeting's names, ties them to spellings already known or
new ones, compares new spellings only with those that share a blocking key (surname, first name
and initial, consonants: not all with all), and regroups only the neighbourhood that changed,
so a document costs about the same at the first and the ten-thousandth. Ids: `ids.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from pipeline.names import PersonName, fold, parse_name
from pipeline.resolve.cluster import (
    MUST_SCORE,
    OVERRIDE_RULE,
    Edge,
    Spelling,
    SpellingKey,
    group,
    main_spelling,
)
from pipeline.resolve.ids import (
    Changes,
    assign_ids,
    explain_change,
    explain_group,
)
from pipeline.resolve.meeting import (
    Kind,
    Link,
    LocalPerson,
    Meeting,
    Sighting,
    link_in_meeting,
)
from pipeline.resolve.overrides import Overrides, OverrideSets
from pipeline.resolve.rules import (
    AMBIGUITY_MARGIN,
    CONFIDENT_MIN,
    ESTABLISHED_MEETINGS,
    LINK_MIN,
    REVIEW_MIN,
    Context,
    compare_names,
    keys_of,
    same_organization,
    weigh_context,
)

MEETING_SCOPE = "meeting:"  # spellings without a surname belong to their meeting only
OTHER_ORGANIZATION_MAX = CONFIDENT_MIN - 1  # a link across organisations is never certain


class PersonIndex:
    """Spellings of the whole archive, grouped into people with stable ids."""

    def __init__(self, overrides: Overrides | None = None) -> None:
        self.spellings: dict[SpellingKey, Spelling] = {}
        self.blocks: dict[str, set[SpellingKey]] = {}
        self.edges: dict[SpellingKey, dict[SpellingKey, Edge]] = {}
        self.members: dict[str, set[SpellingKey]] = {}
        self.minted: dict[str, int] = {}
        self.overrides = overrides or Overrides()
        self.evidence: dict[tuple[str, str], Link] = {}  # read back from the database
        self.stored_names: dict[str, str] = {}  # what the persons table holds, to write less
        self.stored_links: dict[str, dict[str, dict[str, Any]]] = {}  # and person_links
        self._by_name: dict[str, set[SpellingKey]] = {}
        self._override_sets: OverrideSets | None = None
        self._contexts: dict[SpellingKey, tuple[tuple[object, ...], Context]] = {}

    def override_sets(self) -> OverrideSets:
        """The overrides as spellings; ids are read once, from the ids when first asked."""
        if self._override_sets is None:
            self._override_sets = OverrideSets(self.overrides, self._by_name, self.members)
        return self._override_sets

    # -- adding meetings -------------------------------------------------------------------

    def add_meeting(self, meeting: Meeting) -> tuple[tuple[str | None, ...], Changes]:
        """Person ids for the meeting's sightings (None: a short form that denotes nobody)."""
        slots, changes = self.add_spellings(meeting)
        ids = tuple(self.spellings[key].person_id if key else None for key in slots)
        changes.persons |= {i for i in ids if i}
        return ids, changes

    def add_spellings(self, meeting: Meeting) -> tuple[list[SpellingKey | None], Changes]:
        """The spelling each sighting of the meeting was recorded under, and what changed."""
        touched, slots = self._place(meeting, link_in_meeting(meeting))
        return slots, self.regroup(touched) if touched else Changes()

    def restore(self, meeting: Meeting, person_ids: Sequence[str | None]) -> None:
        """Take in a meeting already in the database with its ids, without regrouping.

        The ties within the meeting are made again (they do not depend on the archive), so that
        a tie the overrides cut is back when the overrides no longer cut it.
        """
        fixed = {i: p for i, p in enumerate(person_ids) if p}
        self._place(meeting, link_in_meeting(meeting), fixed=fixed)

    def _place(
        self,
        meeting: Meeting,
        people: Sequence[LocalPerson],
        fixed: Mapping[int, str] | None = None,
    ) -> tuple[set[SpellingKey], list[SpellingKey | None]]:
        """Record each sighting under its spelling; which spellings need regrouping."""
        touched: set[SpellingKey] = set()
        slots: list[SpellingKey | None] = [None] * len(meeting.sightings)
        scope = fold(meeting.organization or "")
        for person in people:
            names = [parse_name(meeting.sightings[i].name) for i in person.sightings]
            anchored = [n for n in names if n.full] or [n for n in names if n.anchored]
            if anchored:
                primary_name = anchored[0]
                primary: SpellingKey = (scope, primary_name.key)
            else:  # no surname anywhere: a person of this meeting only
                primary_name = names[0]
                primary = (
                    MEETING_SCOPE + meeting.meeting_id,
                    names[0].key or fold(names[0].written),
                )
            for n, (i, name, link) in enumerate(
                zip(person.sightings, names, person.links, strict=True)
            ):
                sighting = meeting.sightings[i]
                own = name in anchored  # a spelling of its own; short forms hang on the person's
                key = (scope, name.key) if own else primary
                spelling = self._spelling(key, name if own else primary_name, meeting)
                if not own and (anchored or n > 0):  # a short form of this person
                    spelling.satellites.setdefault((sighting.kind.value, sighting.name), link)
                if fixed and i in fixed and spelling.person_id is None:
                    spelling.person_id = fixed[i]
                    self.members.setdefault(fixed[i], set()).add(key)
                    self.minted.setdefault(fixed[i], len(self.minted))
                if self._observe(spelling, meeting, sighting, person.listed and key == primary):
                    touched.add(key)
                if key != primary and primary not in spelling.links:
                    spelling.links[primary] = link
                    self.spellings[primary].links[key] = link
                    touched |= {key, primary}
                slots[i] = key
        if fixed is None:
            touched |= self._conflicts(meeting, slots)
        return touched, slots

    def _spelling(self, key: SpellingKey, name: PersonName, meeting: Meeting) -> Spelling:
        found = self.spellings.get(key)
        if found is None:
            found = Spelling(
                key=key,
                names=keys_of(name),
                organization=meeting.organization,
                seen=len(self.spellings),
            )
            self.spellings[key] = found
            self._by_name.setdefault(key[1], set()).add(key)
            for block in found.names.blocks():
                self.blocks.setdefault(block, set()).add(key)
        return found

    def _observe(
        self, spelling: Spelling, meeting: Meeting, sighting: Sighting, listed: bool
    ) -> bool:
        """Add one sighting; True when the spelling is new or its context changed."""
        before = _context_state(spelling)
        new = not spelling.rows
        spelling.rows.setdefault((sighting.kind.value, sighting.name), set()).add(
            meeting.meeting_id
        )
        spelling.meetings.add(meeting.meeting_id)
        if listed:
            spelling.listed.add(meeting.meeting_id)
        if meeting.body:
            spelling.bodies.add(fold(meeting.body))
        if meeting.year:
            spelling.years.add(meeting.year)
        if sighting.affiliation:
            spelling.affiliations.add(fold(sighting.affiliation))
        if new or before != _context_state(spelling):
            self._refresh_edges(spelling.key)
            return True
        return False

    def _conflicts(self, meeting: Meeting, slots: Sequence[SpellingKey | None]) -> set[SpellingKey]:
        """Listed spellings of this meeting that share an id: the id covers two people."""
        seen: dict[str, SpellingKey] = {}
        found: set[SpellingKey] = set()
        for i, key in enumerate(slots):
            if key is None or meeting.sightings[i].kind is not Kind.ATTENDANCE:
                continue
            pid = self.spellings[key].person_id
            if pid is None:
                continue
            if pid in seen and seen[pid] != key:
                found |= {key, seen[pid]}
            seen.setdefault(pid, key)
        return found

    # -- likeness ---------------------------------------------------------------------------

    def context(self, spelling: Spelling) -> Context:
        state = _context_state(spelling)
        cached = self._contexts.get(spelling.key)
        if cached is None or cached[0] != state:
            context = Context(
                organization=fold(spelling.organization) if spelling.organization else None,
                bodies=frozenset(spelling.bodies),
                years=frozenset(spelling.years),
                affiliations=frozenset(spelling.affiliations),
            )
            cached = self._contexts[spelling.key] = (state, context)
        return cached[1]

    def likeness(self, a: Spelling, b: Spelling) -> Edge | None:
        found = compare_names(a.names, b.names)
        if found is None:
            return None
        context_a, context_b = self.context(a), self.context(b)
        points, reasons = weigh_context(context_a, context_b)
        score = min(100.0, found.score + points)
        if not same_organization(context_a, context_b):
            score = min(score, OTHER_ORGANIZATION_MAX)  # never certain: always shown for review
        evidence = "; ".join([f"{found.rule} {found.score:.0f}: {found.detail}", *reasons])
        return Edge(round(score, 1), found.rule, evidence, same_organization(context_a, context_b))

    def _refresh_edges(self, key: SpellingKey) -> None:
        for other in self.edges.pop(key, {}):
            self.edges.get(other, {}).pop(key, None)
        spelling = self.spellings[key]
        candidates: set[SpellingKey] = set()
        if not key[0].startswith(MEETING_SCOPE):  # a first name alone is compared with nobody
            for block in spelling.names.blocks():
                candidates |= self.blocks.get(block, set())
            candidates |= self._by_name.get(key[1], set())
        candidates = {c for c in candidates if c != key and not c[0].startswith(MEETING_SCOPE)}
        mine: dict[SpellingKey, Edge] = {}
        for other in candidates:
            edge = self.likeness(spelling, self.spellings[other])
            if edge is not None and edge.score >= REVIEW_MIN:
                mine[other] = edge
                self.edges.setdefault(other, {})[key] = edge
        self.edges[key] = mine

    def edges_of(self, key: SpellingKey) -> Mapping[SpellingKey, Edge]:
        return self.edges.get(key, {})

    # -- grouping ---------------------------------------------------------------------------

    def regroup(self, touched: Iterable[SpellingKey]) -> Changes:
        """Group again the spellings around `touched` and give every group its id."""
        region = self._region(touched)
        must = list(self._must_links(region))
        grouping = group(
            self.spellings,
            region,
            self.edges_of,
            must,
            self.override_sets().keeps_apart(),
            lambda s: len(s.meetings) >= ESTABLISHED_MEETINGS,
            self.likeness,
        )
        before = {key: self.spellings[key].person_id for key in region}
        changes = assign_ids(self.spellings, grouping.groups, self.members, self.minted)
        changes.decisions = grouping.decisions
        changes.events = [
            explain_change(self.spellings, e, before, grouping.decisions) for e in changes.events
        ]
        for members in grouping.groups:
            explain_group(self.spellings, members, grouping.parent)
        return changes

    def regroup_all(self) -> Changes:
        return self.regroup(list(self.spellings))

    def _region(self, touched: Iterable[SpellingKey]) -> set[SpellingKey]:
        region: set[SpellingKey] = set()
        todo = list(touched)
        while todo:
            key = todo.pop()
            if key in region:
                continue
            region.add(key)
            spelling = self.spellings[key]
            near = [
                o for o, e in self.edges_of(key).items() if e.score >= LINK_MIN - AMBIGUITY_MARGIN
            ]
            todo += near
            todo += spelling.links
            todo += self.override_sets().merge_partners(key)
            if spelling.person_id:
                todo += self.members.get(spelling.person_id, ())
        return region

    def _must_links(
        self, region: set[SpellingKey]
    ) -> Iterable[tuple[SpellingKey, SpellingKey, Edge]]:
        for key in region:
            for other, link in self.spellings[key].links.items():
                if key < other:
                    yield key, other, Edge(link.score, link.rule, _in_meeting(link))
            for other in self.override_sets().merge_partners(key):
                if key < other:
                    yield (
                        key,
                        other,
                        Edge(MUST_SCORE, OVERRIDE_RULE, "the overrides file joins them"),
                    )

    # -- reading ----------------------------------------------------------------------------

    def person_spellings(self, pid: str) -> list[Spelling]:
        return sorted((self.spellings[k] for k in self.members.get(pid, ())), key=lambda s: s.seen)

    def display_name(self, pid: str) -> str:
        return main_spelling(self.person_spellings(pid)).written


def _context_state(spelling: Spelling) -> tuple[object, ...]:
    return (
        len(spelling.meetings) >= ESTABLISHED_MEETINGS,
        len(spelling.bodies),
        len(spelling.years),
        len(spelling.affiliations),
    )


def _in_meeting(link: Link) -> str:
    return f"{link.evidence or link.rule}, in the same meeting"

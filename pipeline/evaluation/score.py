"""Scores of one extraction against its gold: counts per field, so they add up over documents.

Names match one-to-one by similarity: folded (case, diacritics, punctuation) and compared with
rapidfuzz's ratio, at least NAME_MATCH_MIN_RATIO; an unreadable letter (U+FFFD) in either name
matches any letter. A section matches by its number where the gold gives one, otherwise by its
title (an agenda's item whose number a transcript lost, an unnumbered heading).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from rapidfuzz import fuzz

from pipeline.evaluation.gold import MEETING_FIELDS, GoldDoc, GoldSection
from pipeline.names import fold
from pipeline.records import Minutes, Section
from pipeline.vocabulary.parties import normalise_party

NAME_MATCH_MIN_RATIO = 85.0
TITLE_MATCH_MIN_RATIO = 85.0
UNREADABLE = "\ufffd"
F1_FIELDS = (
    "attendance",
    "roles",
    "sections",
    "section_titles",
    "decisions",
    "outcomes",
    "signatories",
    "party",
)
# Shares of the gold entries that have a value our reading gets exactly right (recall of Counts).
SHARE_FIELDS = ("partial_presence", "substitutes")

T = TypeVar("T")
U = TypeVar("U")


@dataclass
class Counts:
    true_positives: int = 0
    false_positives: int = 0
    false_negatives: int = 0

    def add(self, other: Counts) -> None:
        self.true_positives += other.true_positives
        self.false_positives += other.false_positives
        self.false_negatives += other.false_negatives

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        actual = self.true_positives + self.false_negatives
        return self.true_positives / actual if actual else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocScore:
    name: str
    fields: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in F1_FIELDS})
    correct: dict[str, bool] = field(default_factory=dict)  # meeting fields
    shares: dict[str, Counts] = field(default_factory=lambda: {f: Counts() for f in SHARE_FIELDS})
    error: str | None = None  # the extraction failed
    organization: str = ""  # whose minutes: scores are reported per organisation too

    @property
    def mean_f1(self) -> float:
        values = [c.f1 for c in self.fields.values()]
        values += [1.0 if ok else 0.0 for ok in self.correct.values()]
        return sum(values) / len(values) if values else 0.0


def name_similarity(a: str, b: str) -> float:
    left, right = fold(a), fold(b)
    if UNREADABLE in left or UNREADABLE in right:
        left, right = _fill_unreadable(left, right)
    return float(fuzz.ratio(left, right))


def _fill_unreadable(left: str, right: str) -> tuple[str, str]:
    """Let U+FFFD stand for the letter across from it ("B�rje" ~ "Börje")."""
    if len(left) != len(right):
        pattern = re.escape(left).replace(UNREADABLE, ".")
        return (right, right) if re.fullmatch(pattern, right) else (left, right)
    merged_left = "".join(r if a == UNREADABLE else a for a, r in zip(left, right, strict=True))
    merged_right = "".join(a if r == UNREADABLE else r for a, r in zip(left, right, strict=True))
    return merged_left, merged_right


def match_one_to_one(
    gold: Sequence[T], ours: Sequence[U], similarity: Callable[[T, U], float], minimum: float
) -> list[tuple[int, int]]:
    """Greedy best-first pairing of gold and predicted items above `minimum` similarity."""
    scored = sorted(
        ((similarity(g, o), i, j) for i, g in enumerate(gold) for j, o in enumerate(ours)),
        reverse=True,
    )
    used_gold: set[int] = set()
    used_ours: set[int] = set()
    pairs = []
    for score, i, j in scored:
        if score < minimum:
            break
        if i not in used_gold and j not in used_ours:
            pairs.append((i, j))
            used_gold.add(i)
            used_ours.add(j)
    return pairs


def _counts(matched: int, predicted: int, actual: int) -> Counts:
    return Counts(matched, predicted - matched, actual - matched)


def score_document(name: str, gold: GoldDoc, minutes: Minutes) -> DocScore:
    score = DocScore(name)
    people = minutes.attendance
    pairs = match_one_to_one(
        gold.attendance,
        people,
        lambda g, o: max((name_similarity(s, o.name) for s in g.spellings), default=0.0),
        NAME_MATCH_MIN_RATIO,
    )
    same_status = sum(gold.attendance[i].status == people[j].status.value for i, j in pairs)
    score.fields["attendance"] = _counts(same_status, len(people), len(gold.attendance))
    gold_roles = sum(len(p.roles) for p in gold.attendance)
    our_roles = sum(len(p.roles) for p in people)
    shared_roles = sum(
        len(gold.attendance[i].roles & {r.value for r in people[j].roles}) for i, j in pairs
    )
    score.fields["roles"] = _counts(shared_roles, our_roles, gold_roles)
    _score_attendee_details(score, gold, minutes, pairs)
    _score_sections(score, gold, minutes)
    signers = match_one_to_one(
        gold.signatories,
        minutes.signatories,
        lambda g, o: name_similarity(g, o.name),
        NAME_MATCH_MIN_RATIO,
    )
    score.fields["signatories"] = _counts(
        len(signers), len(minutes.signatories), len(gold.signatories)
    )
    for meeting_field in MEETING_FIELDS:
        ours = getattr(minutes.meeting, meeting_field)
        score.correct[meeting_field] = _same_value(ours, gold.meeting[meeting_field])
    return score


def _score_attendee_details(
    score: DocScore, gold: GoldDoc, minutes: Minutes, pairs: Sequence[tuple[int, int]]
) -> None:
    """Party (F1 over the gold's party marks and ours on the same people, a gold party unmatched
    counting as missed), partial presence and substitute links (shares of the gold's entries
    that have them, read exactly right)."""
    ours_of = dict(pairs)
    party = Counts()
    presence = Counts()
    substitutes = Counts()
    for i, person in enumerate(gold.attendance):
        ours = minutes.attendance[ours_of[i]] if i in ours_of else None
        our_party = normalise_party(ours.party) if ours else None
        if person.party or our_party:
            hit = bool(
                person.party and our_party and person.party.casefold() == our_party.casefold()
            )
            party.add(
                Counts(
                    int(hit), int(bool(our_party) and not hit), int(bool(person.party) and not hit)
                )
            )
        if person.sections_present or person.time_present:
            right = ours is not None and (
                _spaced(ours.sections_present) == _spaced(person.sections_present)
                and _spaced(ours.time_present) == _spaced(person.time_present)
            )
            presence.add(Counts(int(right), 0, int(not right)))
        if person.replaced:
            replaced = ours.substitute_for if ours else None
            right = replaced is not None and any(
                name_similarity(re.sub(r"\([^)]*\)?", " ", replaced), name) >= NAME_MATCH_MIN_RATIO
                for name in person.replaced
            )
            substitutes.add(Counts(int(right), 0, int(not right)))
    score.fields["party"] = party
    score.shares["partial_presence"] = presence
    score.shares["substitutes"] = substitutes


def _spaced(value: str | None) -> str | None:
    return re.sub(r"\s+", "", value).replace("–", "-") if value else None


def _score_sections(score: DocScore, gold: GoldDoc, minutes: Minutes) -> None:
    ours = minutes.sections

    def similarity(g: GoldSection, o: Section) -> float:
        """By number where the gold has one ("12" is "12" whatever its title), else by title."""
        if g.number:
            return 100.0 if g.number == o.number else 0.0
        return float(fuzz.ratio(fold(g.title), fold(o.title)))

    pairs = match_one_to_one(gold.sections, ours, similarity, TITLE_MATCH_MIN_RATIO)
    score.fields["sections"] = _counts(len(pairs), len(ours), len(gold.sections))
    titled = sum(
        fuzz.ratio(fold(gold.sections[i].title), fold(ours[j].title)) >= TITLE_MATCH_MIN_RATIO
        for i, j in pairs
    )
    score.fields["section_titles"] = _counts(titled, len(ours), len(gold.sections))
    decided = Counts()
    outcomes = Counts()
    matched_ours = {j for _, j in pairs}
    for i, j in pairs:
        gold_outcomes = Counter(gold.sections[i].outcomes)
        our_outcomes = Counter(d.outcome.value for d in ours[j].decisions)
        if gold.sections[i].one_per_section:  # one outcome sums up the section: compare sets
            our_outcomes = Counter(set(our_outcomes))
        decided.add(_presence(bool(gold_outcomes), bool(our_outcomes)))
        if gold_outcomes:
            hit = sum((gold_outcomes & our_outcomes).values())
            outcomes.add(
                Counts(hit, sum(our_outcomes.values()) - hit, sum(gold_outcomes.values()) - hit)
            )
    matched_gold = {i for i, _ in pairs}
    for i, gold_section in enumerate(gold.sections):
        if gold_section.outcomes and i not in matched_gold:
            decided.add(Counts(0, 0, 1))
            outcomes.add(Counts(0, 0, len(gold_section.outcomes)))
    for j, our_section in enumerate(ours):
        if j not in matched_ours and our_section.decisions:
            decided.add(Counts(0, 1, 0))
    score.fields["decisions"] = decided
    score.fields["outcomes"] = outcomes


def _presence(gold: bool, ours: bool) -> Counts:
    return Counts(int(gold and ours), int(ours and not gold), int(gold and not ours))


def _same_value(ours: str | None, gold: str | None) -> bool:
    return _normal(ours) == _normal(gold)


def _normal(value: str | None) -> str | None:
    """Compare header values without case, spacing or a parenthetical aside."""
    if value is None:
        return None
    value = re.sub(r"\([^)]*\)", " ", value)
    return " ".join(value.casefold().split()) or None

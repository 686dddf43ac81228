"""What decisions the verbs alone do not tell: an item withdrawn ("Ärendet utgår", "dras
tillbaka"), and how an approval was reached (as proposed, after a vote, with changes)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.records import Decision, Outcome, Section, VoteEvent
from pipeline.vocabulary.outcomes import AS_PROPOSED, VOTED_METHODS, WITH_CHANGES, WITHDRAWN

SENTENCE = re.compile(r"[^.!?\n]*[.!?]?")


def with_outcome_details(
    sections: Sequence[Section], votes: Sequence[VoteEvent]
) -> tuple[Section, ...]:
    voted = {v.section for v in votes if v.method in VOTED_METHODS}
    return tuple(_section(s, s.number in voted) for s in sections)


def _section(section: Section, voted: bool) -> Section:
    decisions = [_detailed(d, voted) for d in section.decisions]
    in_text = WITHDRAWN.search(section.text)
    if in_text or WITHDRAWN.search(section.title):
        said = _sentence(section.text, in_text.start()) if in_text else section.title
        holding = [i for i, d in enumerate(decisions) if WITHDRAWN.search(d.text)]
        if holding:
            for i in holding:
                decisions[i] = replace(decisions[i], outcome=Outcome.WITHDRAWN, detail=None)
        elif not decisions and not section.from_toc:
            decisions.append(Decision(said, Outcome.WITHDRAWN, section.page))
    return replace(section, decisions=tuple(decisions))


def _detailed(decision: Decision, voted: bool) -> Decision:
    if decision.outcome is not Outcome.APPROVED:
        return decision
    if voted or decision.vote is not None:
        return replace(decision, detail="after_vote")
    if WITH_CHANGES.search(decision.text):
        return replace(decision, detail="with_changes")
    if AS_PROPOSED.search(decision.text):
        return replace(decision, detail="as_proposed")
    return decision


def _sentence(text: str, offset: int) -> str:
    start = max(text.rfind(".", 0, offset), text.rfind("\n", 0, offset)) + 1
    end = text.find(".", offset)
    return " ".join(text[start : len(text) if end < 0 else end + 1].split())

"""Decisions in a section, and the outcome each one states."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.parse.lines import Paragraph, paragraph_text
from pipeline.parse.vocabulary import (
    BODY_NOUN_ENDINGS,
    CONSENSUS,
    EXPLICIT_DECISION,
    IMPLICIT_DECISION_VERBS,
    NEGATING_SUBJECTS,
    NEGATION_AFTER_VERB,
    OUTCOME_WORDS,
)
from pipeline.records import Decision, Outcome

OUTCOME_PATTERN = re.compile(
    "|".join(rf"(?P<{outcome.value}>\b(?:{words})\b)" for outcome, words in OUTCOME_WORDS),
    re.IGNORECASE,
)
IMPLICIT_VERB_MAX_WORD = 8  # the verb of "Dagordningen godkändes" comes early in the sentence
YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def classify_outcome(text: str) -> Outcome:
    """The outcome named first in the text; a negated approval is no approval."""
    match = OUTCOME_PATTERN.search(text)
    if match is None or match.lastgroup is None:
        return Outcome.OTHER
    outcome = Outcome(match.lastgroup)
    if NEGATING_SUBJECTS.match(text):
        return Outcome.OTHER  # "Inga fler insatser beviljas": a policy, not a ruling
    if NEGATION_AFTER_VERB.match(text[match.end() :]):
        return Outcome.REJECTED if outcome is Outcome.APPROVED else Outcome.OTHER
    return outcome


def find_decisions(
    section_paragraphs: Sequence[Paragraph], meeting_year: int | None
) -> list[Decision]:
    """Decisions marked "Beslut:", else sentences that report one ("Dagordningen godkändes")."""
    decisions: list[Decision] = []
    pending_marker = False
    for paragraph in section_paragraphs:
        text = paragraph_text(paragraph)
        page = paragraph[0].page
        marker = EXPLICIT_DECISION.match(text)
        if marker:
            decided = text[marker.end() :].strip()
            pending_marker = not decided
            if decided:
                decisions.append(Decision(decided, classify_outcome(decided), page))
        elif pending_marker:  # "Beslut" alone on its line: the decision is the next paragraph
            decisions.append(Decision(text, classify_outcome(text), page))
            pending_marker = False
        elif reports_decision(text, meeting_year):
            decisions.append(Decision(text, classify_outcome(text), page))
    return decisions


def reports_decision(text: str, meeting_year: int | None) -> bool:
    """A paragraph that records a decision without a marker.

    Either the body itself agreed ("Gruppen enades om att"), or a past-tense passive decision
    verb comes early in the first sentence and nothing dates it before the meeting ("RAR
    beviljades medel under 2016" is background, not a decision of this meeting).
    """
    consensus = CONSENSUS.match(text)
    if consensus:
        return consensus["subject"].casefold().endswith(BODY_NOUN_ENDINGS)
    first_sentence = re.split(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])", text, maxsplit=1)[0]
    verb = IMPLICIT_DECISION_VERBS.search(first_sentence)
    if verb is None or len(first_sentence[: verb.start()].split()) > IMPLICIT_VERB_MAX_WORD:
        return False
    years = [int(year) for year in YEAR.findall(first_sentence)]
    return meeting_year is None or all(year >= meeting_year for year in years)

"""Decisions in a section, the outcome each states, and the votes and reservations on them."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.parse.lines import Paragraph, paragraph_text
from pipeline.parse.people import is_person_name
from pipeline.records import Decision, Outcome, Vote
from pipeline.vocabulary.decisions import (
    AT_EARLIER_MEETING,
    BODY_DECIDES,
    BODY_NOUN_ENDINGS,
    CASE_DECIDED,
    CONSENSUS,
    DECIDED,
    DECISION_FORMULA,
    DEFERRED,
    ELECTION_SENTENCE,
    ELECTION_TITLE,
    EXPLICIT_DECISION,
    IMPLICIT_DECISION_VERBS,
    NAME_ELECTED,
    NEGATING_SUBJECTS,
    NEGATION_AFTER_VERB,
    NOTHING_SUBMITTED,
    OUTCOME_WORDS,
    RESERVATION,
    ROLE_ITEM_TITLES,
    VOTE_COUNTS,
    VOTE_MARKER,
)
from pipeline.vocabulary.meeting import ROLE_WORDS, SECTION_PART_TITLES, closest_word

OUTCOME_PATTERN = re.compile(
    "|".join(rf"(?P<{outcome.value}>\b(?:{words})\b)" for outcome, words in OUTCOME_WORDS),
    re.IGNORECASE,
)
IMPLICIT_VERB_MAX_WORD = 8  # the verb of "Dagordningen godkändes" comes early in the sentence
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
PART_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<title>[^\d].*?)\s*:?\s*$")
NAMES = re.compile(r"\s*(?:,|\boch\b|\bsamt\b|&)\s*")
PROPOSAL_PARTS = {"förslag", "förslag till beslut", "yrkande", "yrkanden"}
AT_SATS = re.compile(r"^att\s*:\s*", re.IGNORECASE)  # "Att: Lukas är protokolljusterare"
BY_REFERENCE = re.compile(
    r"^(?:(?:att-?sats(?:en|er|erna)?(?:\s+\d+)?|förslaget|yrkandet|propositionen|motionen)\s+)?"
    r"(?:bifall(?:es|s|a)?|antas|godkänns)\s*\.?$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"(])")
CONTINUATION = re.compile(r"^(?:vidare|samt|dessutom|även|också|och)\s+att\b", re.IGNORECASE)
OPEN_END = re.compile(r"\b(?:att|följande)\s*:?$|:$", re.IGNORECASE)
_POST = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
# "Ordförande: Anna Berg, Kassör: Bo Ek": posts filled by name, as an election records them.
POST_FILLED = re.compile(rf"(?i:\b(?:{_POST}))\s*:\s*[A-ZÅÄÖÉ][\wåäöé'-]+\s+[A-ZÅÄÖÉ]")
MIN_POSTS_FILLED = 2


def classify_outcome(text: str) -> Outcome:
    """The outcome named first in the text; a negated approval is no approval."""
    match = OUTCOME_PATTERN.search(text)
    if match is None or match.lastgroup is None:
        return Outcome.POSTPONED if DEFERRED.search(text) else Outcome.OTHER
    outcome = Outcome(match.lastgroup)
    if NEGATING_SUBJECTS.match(text):
        return Outcome.OTHER  # "Inga fler insatser beviljas": a policy, not a ruling
    if NEGATION_AFTER_VERB.match(text[match.end() :]):
        return Outcome.REJECTED if outcome is Outcome.APPROVED else Outcome.OTHER
    return outcome


def part_of(paragraph_text: str) -> str | None:
    """The part a sub-heading opens ("beslut", "förslag"), for a paragraph that is one."""
    match = PART_HEADING.match(paragraph_text)
    if match is None or len(paragraph_text) > 60:
        return None
    title = match["title"].casefold().strip(" :.")
    return title if title in SECTION_PART_TITLES else None


def find_decisions(
    section_paragraphs: Sequence[Paragraph], meeting_year: int | None, title: str = ""
) -> list[Decision]:
    """Decisions of one section.

    Text under a "Beslut" sub-heading or after "Beslut:" is decided; text under "Förslag" or
    "Yrkande" is proposed, not decided. Elsewhere a paragraph counts when it reports a
    decision ("Årsmötet beslutade att", "Dagordningen godkändes").
    """
    decisions: list[Decision] = []
    part: str | None = None
    proposals: list[str] = []  # at-satser put to the meeting, which "bifalles" adopts
    election = bool(ELECTION_TITLE.match(title)) or _role_item(title)
    open_ended = False  # the last decision ends "… beslutades att": its list follows
    for paragraph in _at_decision_formulas(section_paragraphs):
        if len(paragraph) > 1 and part_of(paragraph[0].text.strip()) is not None:
            # "Beslut" on its own line right above its text: a sub-heading, then the text
            part = part_of(paragraph[0].text.strip())
            paragraph = paragraph[1:]
        text = paragraph_text(paragraph)
        page = paragraph[0].page
        if open_ended and decisions:
            last = decisions[-1]
            decisions[-1] = _decision(
                f"{last.text} {text}", last.page or page, election, explicit=False
            )
            open_ended = False
            continue
        marker = EXPLICIT_DECISION.match(text)
        heading = part_of(text)
        if heading is None and len(paragraph) == 1 and paragraph[0].heading:
            heading = text.casefold()  # a sub-heading of its own ("Nomineringar") ends a part
        if heading is not None:
            part = heading
            continue
        if marker:
            decided = text[marker.end() :].strip()
            part = "beslut" if not decided else None
            if decided:
                decision = _adopted(decided, proposals, page, election)
                if decision.outcome is Outcome.OTHER and "att" in marker.group(0).casefold():
                    decision = replace(decision, outcome=Outcome.APPROVED)  # "Beslut att …"
                decisions.append(decision)
        elif part == "beslut":
            decisions.append(_adopted(text, proposals, page, election))
        elif part in PROPOSAL_PARTS or AT_SATS.match(text):
            proposals.append(AT_SATS.sub("", text, count=1).strip())
        elif reported := reported_decisions(text, meeting_year):
            decisions += [_decision(t, page, election, explicit=False) for t in reported]
            open_ended = bool(OPEN_END.search(reported[-1]))
        elif election and _only_names(text):  # "Val av mötesordförande" → "Fredrik Håård"
            decisions.append(Decision(text, Outcome.ELECTED, page))
        elif NOTHING_SUBMITTED.match(text):
            decisions.append(Decision(text, Outcome.NOTED, page))
    return _with_votes(decisions, [paragraph_text(p) for p in section_paragraphs])


def _at_decision_formulas(section_paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Paragraphs split where a line opens with the body's decision ("Årsmötet beslutade")."""
    out: list[Paragraph] = []
    for paragraph in section_paragraphs:
        start = 0
        for index in range(1, len(paragraph)):
            formula = DECISION_FORMULA.match(paragraph[index].text.strip())
            if formula and formula["subject"].casefold().endswith(BODY_NOUN_ENDINGS):
                out.append(paragraph[start:index])
                start = index
        out.append(paragraph[start:])
    return out


def _role_item(title: str) -> bool:
    """A section that fills a meeting role, its title one role ("Mötessekreterare"), typing
    and OCR slips allowed ("Mötessekeretare")."""
    return closest_word(title.strip(" :."), ROLE_ITEM_TITLES) is not None


def _adopted(text: str, proposals: Sequence[str], page: int, election: bool) -> Decision:
    """A decided text; "attsatsen bifalles" decides the proposal it adopts ("a | b")."""
    decision = _decision(text, page, election, explicit=True)
    if not (BY_REFERENCE.match(text) and proposals):
        return decision
    adopted = " | ".join(proposals)
    proposed = _decision(adopted, page, election, explicit=True).outcome
    outcome = proposed if proposed is not Outcome.OTHER else decision.outcome
    return Decision(adopted, outcome, page)


def _decision(text: str, page: int, election: bool, *, explicit: bool) -> Decision:
    outcome = classify_outcome(text)
    if outcome is Outcome.OTHER and DECIDED.search(text) and not CONSENSUS.match(text):
        outcome = Outcome.APPROVED  # "Årsmötet beslutade att …": the body chose to act
    # In an election, adopting the proposal elects ("beslutade enligt valberedningens förslag").
    if election and (outcome is Outcome.APPROVED or (outcome is Outcome.OTHER and not explicit)):
        outcome = Outcome.ELECTED
    if outcome in (Outcome.APPROVED, Outcome.OTHER) and (
        len(POST_FILLED.findall(text)) >= MIN_POSTS_FILLED
    ):
        outcome = Outcome.ELECTED  # "… the board as follows: Chair: Anna Berg, Treasurer: …"
    return Decision(text, outcome, page)


def reported_decisions(text: str, meeting_year: int | None) -> list[str]:
    """The sentences of a paragraph that report a decision, each with the sentences that
    continue it ("Gruppen enades om att … . Vidare att …")."""
    sentences = SENTENCE_END.split(text)
    found: list[str] = []
    index = 0
    while index < len(sentences):
        if not reports_decision(sentences[index], meeting_year):
            index += 1
            continue
        end = index + 1
        while end < len(sentences) and CONTINUATION.match(sentences[end]):
            end += 1
        found.append(" ".join(sentences[index:end]))
        index = end
    return found


def reports_decision(sentence: str, meeting_year: int | None) -> bool:
    """A sentence that records a decision without a marker.

    The body decided ("Årsmötet beslutade att", "Det beslutades att") or agreed ("Gruppen
    enades om att"), or a past-tense passive decision verb comes early ("Dagordningen
    godkändes") and nothing dates it before the meeting ("RAR beviljades medel under 2016" is
    background, not a decision of this meeting).
    """
    if AT_EARLIER_MEETING.search(sentence):
        return False
    if NAME_ELECTED.match(sentence):
        return True
    consensus = CONSENSUS.match(sentence)
    if consensus:
        return consensus["subject"].casefold().endswith(BODY_NOUN_ENDINGS)
    body_decides = BODY_DECIDES.match(sentence)
    if body_decides and body_decides["subject"].casefold().endswith(BODY_NOUN_ENDINGS):
        return True
    if CASE_DECIDED.match(sentence) or ELECTION_SENTENCE.match(sentence):
        return True
    decided = DECIDED.search(sentence)
    if decided and len(sentence[: decided.start()].split()) <= IMPLICIT_VERB_MAX_WORD:
        return True
    if sentence.casefold().startswith("beslut "):
        return True
    verb = IMPLICIT_DECISION_VERBS.search(sentence)
    if verb is None or len(sentence[: verb.start()].split()) > IMPLICIT_VERB_MAX_WORD:
        return False
    return _not_before(sentence, meeting_year)


def _not_before(sentence: str, meeting_year: int | None) -> bool:
    years = [int(year) for year in YEAR.findall(sentence)]
    return meeting_year is None or all(year >= meeting_year for year in years)


def _only_names(text: str) -> bool:
    parts = [p for p in NAMES.split(text.strip(" .")) if p]
    return bool(parts) and len(text) < 120 and all(is_person_name(p) for p in parts)


def _with_votes(decisions: list[Decision], texts: Sequence[str]) -> list[Decision]:
    """Attach a section's vote counts and reservations to its last decision."""
    if not decisions:
        return decisions
    vote: Vote | None = None
    reservations: list[str] = []
    for text in texts:
        if VOTE_MARKER.search(text):
            counts = {k: _count(pattern, text) for k, pattern in VOTE_COUNTS.items()}
            if counts["yes"] is not None or counts["no"] is not None:
                vote = Vote(counts["yes"] or 0, counts["no"] or 0, counts["abstain"] or 0)
        for match in RESERVATION.finditer(text):
            reservations += [n for n in _reserving_names(match["who"]) if n not in reservations]
    if vote is None and not reservations:
        return decisions
    last = replace(decisions[-1], vote=vote, reservations=tuple(reservations))
    return [*decisions[:-1], last]


def _count(pattern: re.Pattern[str], text: str) -> int | None:
    match = pattern.search(text)
    if match is None:
        return None
    return int(next(g for g in match.groups() if g is not None))


def _reserving_names(who: str) -> list[str]:
    """Names before "reserverar sig": the end of the sentence, parties set aside."""
    tail = re.split(r"[.:;]\s+", who)[-1]
    tail = re.sub(r"\([^)]*\)", "", tail)
    return [p.strip() for p in NAMES.split(tail) if p.strip() and is_person_name(p.strip())]

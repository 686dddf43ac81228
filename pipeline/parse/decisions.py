"""Decisions in a section and the outcome each states.

Text under a "Beslut" sub-heading (or "Styrelsens beslut") or after "Beslut:" is decided; text
under "Förslag" or "Yrkande" is proposed. Elsewhere a sentence counts when its decision verb
reports a decision of the meeting (see decision_verbs.py), and a few conventions decide an item
without a verb: a vote tally, a proposal nobody opposed, "OK.", posts filled by name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.parse.decision_verbs import decided_outcome, opens_decision
from pipeline.parse.lines import Paragraph, paragraph_text
from pipeline.parse.people import is_person_name
from pipeline.parse.votes import tally_outcome, with_votes
from pipeline.records import Decision, Line, Outcome
from pipeline.vocabulary.decisions import (
    ASSENT,
    AT_EARLIER_MEETING,
    BODY_DECISION_HEADING,
    DECISION_LINE,
    DEFERRED,
    EXPLICIT_DECISION,
    NO_OBJECTION,
    NOTHING_SUBMITTED,
    PROPOSAL_VERBS,
)
from pipeline.vocabulary.elections import ELECTION_TITLE, MEETING_ROLE_WORDS, ROLE_ITEM_TITLES
from pipeline.vocabulary.meeting import ROLE_WORDS, SECTION_PART_TITLES, closest_word

RUN_IN_PARTS = "Förslag till beslut|Beslut|Förslag|Yrkanden?"
_PARTS = "|".join(sorted((re.escape(t) for t in SECTION_PART_TITLES), key=len, reverse=True))
# "3.1.1 Beslut" inside a line: a part of an item, numbered as an outline numbers it; or, in a
# page printed as one line, "Förslag till beslut" / "Beslut" where sentence case breaks ("…
# innan mötet Beslut Kim Exempelsson väljs"), unless a preposition makes it a noun ("Beslut om");
# at a line's start only without a colon ("Beslut: …" is a decision marker of its own).
NUMBERED_PART = re.compile(
    rf"(?:(?<=\s)|^)\d{{1,2}}(?:\.\d{{1,2}}){{1,3}}\.?\s+(?P<part>(?i:{_PARTS}))\b\s*:?\s*"
    rf"|(?:(?<=[a-zåäö0-9.!?]\s)(?P<inline>{RUN_IN_PARTS})\s*:?|^(?P<first>{RUN_IN_PARTS}))"
    rf"(?!\s+(?:om|av|till|för|i|på|att)\b)\s+(?=\S)"
)
PART_HEADING = re.compile(r"^(?:\d+(?:\.\d+)*\.?\s+)?(?P<title>[^\d].*?)\s*:?\s*$")
NAMES = re.compile(r"\s*(?:,|\boch\b|\bsamt\b|&)\s*")
PROPOSAL_PARTS = {"förslag", "förslag till beslut", "yrkande", "yrkanden"}
AT_SATS = re.compile(r"^att\s*:\s*", re.IGNORECASE)  # "Att: Lukas är protokolljusterare"
AT_CLAUSE = re.compile(r"^att\b", re.IGNORECASE)  # "att lägga kassarapporten till handlingarna"
BY_REFERENCE = re.compile(
    r"^(?:(?:att-?sats(?:en|er|erna)?(?:\s+\d+)?|förslaget|yrkandet|propositionen|motionen)\s+)?"
    r"(?:bifall(?:es|s|a)?|antas|godkänns)\s*\.?$"
    r"|^(?:enligt|i\s+enlighet\s+med)\s+(?:förslag(?:et)?|yrkandet)\s*\.?$",
    re.IGNORECASE,
)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ\"(])")
CONTINUATION = re.compile(r"^(?:vidare|samt|dessutom|även|också|och)\s+att\b", re.IGNORECASE)
OPEN_END = re.compile(r"\b(?:att|följande)\s*:?$|:$", re.IGNORECASE)
BULLET = re.compile(r"^[-–•*]\s+")
_POST = "|".join(sorted((re.escape(w) for w in ROLE_WORDS), key=len, reverse=True))
# "Ordförande: Anna Berg, Kassör: Bo Ek": posts filled by name, as an election records them.
POST_FILLED = re.compile(rf"(?i:\b(?:{_POST}))\s*:\s*[A-ZÅÄÖÉ][\wåäöé'-]+\s+[A-ZÅÄÖÉ]")
MIN_POSTS_FILLED = 2
_OFFICE = "|".join(
    sorted((re.escape(w) for w in {*ROLE_WORDS, *MEETING_ROLE_WORDS}), key=len, reverse=True)
)
# "Mötesordförande: Lisa", "Justeringsperson: David": in an election item, a post and its holder.
OFFICE_HELD = re.compile(
    rf"(?i:\b(?:{_OFFICE}))\s*:\s*(?P<holder>\S.*?)(?=\s+(?i:(?:{_OFFICE}))\s*:|$)"
)


def classify_outcome(text: str) -> Outcome:
    """The outcome of a decided text: the first sentence whose decision verb names one."""
    for sentence in SENTENCE_END.split(text):
        outcome = decided_outcome(sentence, marked=True)
        if outcome is not None:
            return outcome
    if DEFERRED.search(text):
        return Outcome.POSTPONED
    return tally_outcome(text) or Outcome.OTHER


def part_of(paragraph_text: str) -> str | None:
    """The part a sub-heading opens ("beslut", "förslag"), for a paragraph that is one;
    "Styrelsens beslut" opens the decision."""
    match = PART_HEADING.match(paragraph_text)
    if match is None or len(paragraph_text) > 60:
        return None
    title = match["title"].casefold().strip(" :.")
    if BODY_DECISION_HEADING.match(title):
        return "beslut"
    return title if title in SECTION_PART_TITLES else None


def find_decisions(
    section_paragraphs: Sequence[Paragraph], meeting_year: int | None, title: str = ""
) -> list[Decision]:
    """Decisions of one section, with the votes and reservations on its last one."""
    decisions: list[Decision] = []
    part: str | None = None
    proposals: list[str] = []  # at-satser put to the meeting, which "bifalles" adopts
    election = bool(ELECTION_TITLE.match(title)) or _role_item(title)
    open_ended = False  # the last decision ends "… beslutades att": its list follows
    for paragraph in _at_decision_formulas(section_paragraphs):
        first = paragraph[0].text.strip()
        if len(paragraph) > 1 and (part_of(first) is not None or paragraph[0].heading):
            # "Beslut" on its own line right above its text: a sub-heading, then the text
            part = part_of(first) or first.casefold()
            paragraph = paragraph[1:]
        text = paragraph_text(paragraph)
        page = paragraph[0].page
        if open_ended and decisions:
            # "Det beslutades att" / "- Eva öppnar ett bankkonto": the list it announced;
            # its own verb may name the outcome ("att" / "välja Eva Ek till …")
            last = decisions[-1]
            outcome = classify_outcome(text)
            merged = f"{last.text} {BULLET.sub('', text)}"
            decisions[-1] = _decision(
                merged,
                last.page or page,
                election,
                last.outcome if outcome is Outcome.OTHER else outcome,
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
                at_clause = "att" in marker.group(0).casefold()
                decisions.append(_adopted(decided, proposals, page, election, at_clause))
        elif part == "beslut":
            decisions.append(_adopted(text, proposals, page, election))
        elif part in PROPOSAL_PARTS or AT_SATS.match(text):
            proposals.append(AT_SATS.sub("", text, count=1).strip())
        elif election and OFFICE_HELD.search(text):
            held = [m.group(0).strip(" ,.") for m in OFFICE_HELD.finditer(text)]
            decisions.append(Decision(" | ".join(held), Outcome.ELECTED, page))
        elif reported := reported_decisions(text, meeting_year):
            decisions += [_decision(t, page, election, outcome) for t, outcome in reported]
            open_ended = bool(OPEN_END.search(reported[-1][0]))
        elif election and _only_names(text):  # "Val av mötesordförande" → "Vilma Strand"
            decisions.append(Decision(text, Outcome.ELECTED, page))
        elif NOTHING_SUBMITTED.match(text):
            decisions.append(Decision(text, Outcome.NOTED, page))
    if not decisions:
        decisions = _undecided_item(section_paragraphs)
    return with_votes(decisions, [paragraph_text(p) for p in section_paragraphs])


def _undecided_item(section_paragraphs: Sequence[Paragraph]) -> list[Decision]:
    """What an item with no decision sentence still decides: its vote tally ("För 6, Emot
    0"), or its one word of assent ("OK.")."""
    texts = [(paragraph_text(p), p[0].page) for p in section_paragraphs]
    for text, page in texts:
        outcome = tally_outcome(text)
        if outcome is not None:
            return [Decision(text, outcome, page)]
    if len(texts) == 1 and texts[0][0].casefold().strip(" .!") in ASSENT:
        return [Decision(texts[0][0], Outcome.APPROVED, texts[0][1])]
    return []


def _at_numbered_parts(paragraph: Paragraph) -> Paragraph:
    """Lines cut before a numbered part heading inside them ("… beslut tas. 3.1.1 Beslut
    Styrelsen är beslutför."), as a page printed on one line has it: the part on a line of its
    own, its text on the next."""
    lines: list[Line] = []
    for line in paragraph:
        position = 0
        for match in NUMBERED_PART.finditer(line.text):
            if line.text[position : match.start()].strip():
                lines.append(replace(line, text=line.text[position : match.start()].strip()))
            lines.append(replace(line, text=match["part"] or match["inline"] or match["first"]))
            position = match.end()
        rest = line.text[position:].strip()
        if rest or position == 0:
            lines.append(replace(line, text=rest) if position else line)
    return tuple(lines)


def _at_decision_formulas(section_paragraphs: Sequence[Paragraph]) -> list[Paragraph]:
    """Paragraphs split where a line is a heading the source marks, opens a part ("Förslag:",
    "Beslut: …") or is a decision sentence of its own ("Årsmötet beslutade …"): minutes
    without blank lines run them together."""
    out: list[Paragraph] = []
    for paragraph in map(_at_numbered_parts, section_paragraphs):
        start = 0
        for index in range(1, len(paragraph)):
            line = paragraph[index].text.strip()
            if (
                paragraph[index].heading
                or part_of(line)
                or DECISION_LINE.match(line)
                or opens_decision(line, paragraph[index - 1].text.strip())
            ):
                out.append(paragraph[start:index])
                start = index
        out.append(paragraph[start:])
    return out


def _role_item(title: str) -> bool:
    """A section that fills a meeting role, its title one role ("Mötessekreterare"), typing
    and OCR slips allowed ("Mötessekeretare")."""
    return closest_word(title.strip(" :."), ROLE_ITEM_TITLES) is not None


def _adopted(
    text: str, proposals: Sequence[str], page: int, election: bool, at_clause: bool = False
) -> Decision:
    """A decided text; "attsatsen bifalles" decides the proposal it adopts ("a | b"), and an
    at-sats with no outcome verb ("Beslut att …") adopts what it says."""
    decision = _decision(text, page, election, explicit=True)
    if decision.outcome is Outcome.OTHER and (at_clause or AT_CLAUSE.match(decision.text)):
        decision = _decision(text, page, election, Outcome.APPROVED)
    if not (BY_REFERENCE.match(SENTENCE_END.split(text)[0]) and proposals):
        return decision
    adopted = " | ".join(proposals)
    proposed = _decision(adopted, page, election, explicit=True).outcome
    outcome = proposed if proposed is not Outcome.OTHER else decision.outcome
    return Decision(adopted, outcome, page)


def _decision(
    text: str,
    page: int,
    election: bool,
    outcome: Outcome | None = None,
    *,
    explicit: bool = False,
) -> Decision:
    text = BULLET.sub("", text)
    outcome = outcome or classify_outcome(text)
    # In an election, adopting the proposal elects ("beslutade enligt valberedningens förslag").
    if election and (outcome is Outcome.APPROVED or (outcome is Outcome.OTHER and not explicit)):
        outcome = Outcome.ELECTED
    if outcome in (Outcome.APPROVED, Outcome.OTHER) and (
        len(POST_FILLED.findall(text)) >= MIN_POSTS_FILLED
    ):
        outcome = Outcome.ELECTED  # "… the board as follows: Chair: Anna Berg, Treasurer: …"
    return Decision(text, outcome, page)


def reported_decisions(text: str, meeting_year: int | None) -> list[tuple[str, Outcome]]:
    """The sentences of a paragraph that report a decision, each with the sentences that
    continue it ("Gruppen enades om att … . Vidare att …"), and the outcome it states."""
    sentences = SENTENCE_END.split(text)
    found: list[tuple[str, Outcome]] = []
    index = 0
    while index < len(sentences):
        outcome = _reported_outcome(sentences[index], meeting_year)
        if outcome is None and index and _unopposed(sentences[index - 1], sentences[index]):
            proposal = sentences[index - 1]
            adopted = decided_outcome(proposal, marked=True) or Outcome.APPROVED
            found.append((f"{proposal} {sentences[index]}", adopted))
        if outcome is None:
            index += 1
            continue
        end = index + 1
        while end < len(sentences) and CONTINUATION.match(sentences[end]):
            end += 1
        found.append((" ".join(sentences[index:end]), outcome))
        index = end
    return found


def _reported_outcome(sentence: str, meeting_year: int | None) -> Outcome | None:
    """The outcome a sentence reports without a marker ("Dagordningen godkändes", "Mötet
    valde …"); a decision of an earlier meeting is background."""
    if AT_EARLIER_MEETING.search(sentence):
        return None
    marker = EXPLICIT_DECISION.match(sentence)
    if marker and marker.group(0).strip():  # "… behövs. Beslut att …": marked mid-paragraph
        decided = sentence[marker.end() :].strip()
        named = classify_outcome(decided) if decided else Outcome.OTHER
        at_clause = "att" in marker.group(0).casefold() or bool(AT_CLAUSE.match(decided))
        return Outcome.APPROVED if named is Outcome.OTHER and at_clause else named
    reported = decided_outcome(sentence, marked=False, meeting_year=meeting_year)
    if reported is None and sentence.casefold().startswith("beslut "):
        return classify_outcome(sentence)  # "Beslut om budget tas på nästa möte"
    return reported


def _unopposed(proposal: str, reply: str) -> bool:
    """ "Lena föreslår att … . Inga motsättningar.": a proposal nobody opposed."""
    return bool(NO_OBJECTION.match(reply) and PROPOSAL_VERBS.search(proposal))


def _only_names(text: str) -> bool:
    parts = [p for p in NAMES.split(text.strip(" .")) if p]
    return bool(parts) and len(text) < 120 and all(is_person_name(p) for p in parts)

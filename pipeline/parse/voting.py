"""Votes and dissents of each §: how the vote was taken, its counts, the voting list, and who
reserved themselves, gave a separate opinion or a note to the minutes.

A voting list placed apart from its § ("Omröstningslista § 45" after the last item) belongs
to the § it names; a vote that names no § and stands in none is kept with no § and a warning,
never given to a guessed one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.names import match_in_meeting
from pipeline.parse.people import is_person_name
from pipeline.parse.persons import is_name_word
from pipeline.parse.votes import EVERYONE, tally
from pipeline.records import Dissent, Section, VoteChoice, VoteEvent
from pipeline.vocabulary.votes import (
    CHOICE_LABEL,
    CHOICE_ROW,
    CHOICES,
    DISSENT_LABEL,
    DISSENTS,
    LIST_FOR_SECTION,
    METHODS,
)

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÅÄÖ])|\n\s*\n")
NAME_SEPARATORS = re.compile(r"\s*(?:,|;|\boch\b|\bsamt\b|&)\s*")
PARTY_MARK = re.compile(r"\([^()]*\)")
MAX_DISSENT_CHARS = 600


def read_votes(sections: Sequence[Section]) -> tuple[list[VoteEvent], list[str]]:
    """The votes of every §, and a warning for each vote no § can be told for."""
    votes: list[VoteEvent] = []
    warnings: list[str] = []
    numbers = {s.number for s in sections}
    for section in sections:
        named = LIST_FOR_SECTION.search(section.text)
        for vote in _votes_of(section.text, section.number or None, section.page):
            if named and vote.choices and named["number"] != vote.section:
                target = named["number"]
                if target not in numbers:
                    warnings.append(f"a voting list names § {target}, which was not found")
                vote = VoteEvent(**{**vote.__dict__, "section": target})
            if vote.section is None:
                warnings.append(f"a vote on page {vote.page} could not be tied to its §")
            votes.append(vote)
    return votes, warnings


def _votes_of(text: str, number: str | None, page: int) -> list[VoteEvent]:
    method = next((key for key, pattern in METHODS if pattern.search(text)), None)
    choices = _choices(text)
    if method is None and not choices:
        return []
    yes, no, abstain = (None, None, None)
    for sentence in SENTENCE_END.split(text):
        counted = tally(sentence)
        if counted[0] is not None and EVERYONE not in counted:
            yes, no, abstain = counted
            break
    if choices and yes is None:
        yes = sum(c.choice == "yes" for c in choices)
        no = sum(c.choice == "no" for c in choices)
        abstain = sum(c.choice == "abstain" for c in choices)
    result = None
    if yes is not None and no is not None:
        result = "yes" if yes > no else "no" if no > yes else "tie"
    told = next((m.group(0) for _, p in METHODS for m in [p.search(text)] if m), "")
    return [
        VoteEvent(
            number,
            method or "vote",
            page,
            yes,
            no,
            abstain,
            result,
            tuple(choices),
            _sentence_around(text, told) if told else "",
        )
    ]


def _choices(text: str) -> list[VoteChoice]:
    """ "Ja-röster: A (S), B (S) Nej-röster: C (M)", or rows "Anna Berg (S)  Nej" of a table."""
    found: list[VoteChoice] = []
    for match in CHOICE_LABEL.finditer(text):
        choice = CHOICES[match["choice"].casefold()]
        found += [VoteChoice(name, choice) for name in _names(_name_run(text[match.end() :]))]
    if not found:
        for row in CHOICE_ROW.finditer(text):
            if is_person_name(row["name"]):
                found.append(VoteChoice(row["name"], CHOICES[row["choice"].casefold()]))
    return found


def _name_run(text: str) -> str:
    """The names at the start of `text`, up to the first word that is no part of a name or a
    list of names ("… Dennis Grahn (V) Med 3 ja-röster", "… (SD) anser att")."""
    kept: list[str] = []
    for token in re.findall(r"\([^()]*\)|[^\s,;()]+|[,;]", text):
        bare = token.strip(".")
        if token.endswith(":") or not (
            token in (",", ";", "och", "samt", "&")
            or token.startswith("(")
            or (is_name_word(bare) or (bare[:1].isupper() and "-" in bare))
        ):
            break
        kept.append(token)
        if token.endswith("."):
            break
    return " ".join(kept)


def read_dissents(sections: Sequence[Section]) -> list[Dissent]:
    """Reservations, separate opinions and notes to the minutes, with the names they give."""
    found: list[Dissent] = []
    for section in sections:
        for sentence in SENTENCE_END.split(section.text):
            for kind, pattern in DISSENTS:
                match = pattern.search(sentence)
                if match is None:
                    continue
                label = DISSENT_LABEL.match(sentence)
                if label:  # "Reservation: Anna Berg (V) …"
                    who = _name_run(sentence[label.end() :])
                else:
                    who = sentence[: match.start()]
                    who = re.split(r"\s+(?:lämnar|anmäler|avger|får|till)\b.*$", who)[0]
                text = " ".join(sentence.split())[:MAX_DISSENT_CHARS]
                for name in _names(who):
                    found.append(Dissent(section.number or None, name, kind, text, section.page))
                break  # one kind a sentence: "reserverar sig … särskilt yttrande" is one act
    return found


def _names(text: str) -> list[str]:
    """People named in a run like "Anna Berg (V) och Bo Ek (MP)", parties set aside."""
    tail = re.split(r"[.:;]\s+", text.strip())[-1]
    tail = PARTY_MARK.sub(" ", tail)
    names = [" ".join(p.split()).strip(" .,") for p in NAME_SEPARATORS.split(tail)]
    return [n for n in names if n and is_person_name(n)]


def _sentence_around(text: str, words: str) -> str:
    index = text.find(words)
    start = max(text.rfind(".", 0, index), text.rfind("\n", 0, index)) + 1
    end = text.find(".", index)
    return " ".join(text[start : len(text) if end < 0 else end + 1].split())[:MAX_DISSENT_CHARS]


def unlisted_voters(votes: Sequence[VoteEvent], attendees: Sequence[str]) -> list[str]:
    """A warning for each voter the attendance list does not name: the choice is kept with no
    person rather than given to a guessed one."""
    return [
        f"voter {c.name} (§ {v.section}) is not in the attendance list"
        for v in votes
        for c in v.choices
        if match_in_meeting(c.name, attendees) is None
    ]

"""Words and clauses of a Swedish sentence, as far as reading a decision needs them.

Where a clause starts, whether a word stands in a subordinate clause ("… föreslår att ansökan
beviljas"), whether the meeting or a body is the subject of a verb (before it, or after it in
V2 order: "Efter diskussion antog mötet …"), and the auxiliaries around a verb.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.vocabulary.decisions import (
    BODY_NOUN_ENDINGS,
    BODY_PRONOUNS,
)
from pipeline.vocabulary.sentences import (
    BETWEEN_SUBJECT_AND_VERB,
    COPULAS,
    FRONTING_PREPOSITIONS,
    MODALS,
    PERFECT_AUXILIARIES,
    SUBORDINATORS,
)

TOKEN = re.compile(r"\w+(?:[-'’]\w+)*|[^\w\s]")
PARENTHETICAL = re.compile(r"\([^()]*\)")  # "(S)", "(kb)", "(AU)": asides, not words
CLAUSE_BREAKS = {",", ";", ":"}
AGENT_WINDOW_WORDS = 2  # "som godkänns av styrelsen"


@dataclass(frozen=True)
class Token:
    text: str
    folded: str


def tokenize(sentence: str) -> list[Token]:
    """The words and punctuation of a sentence; asides in parentheses and leading bullets
    left out."""
    words = TOKEN.findall(PARENTHETICAL.sub(" ", sentence))
    while words and not words[0][0].isalnum():
        words.pop(0)
    return [Token(t, t.casefold()) for t in words]


def after_copula(tokens: Sequence[Token], index: int) -> bool:
    """ "blev vald", "har blivit omvald": a participle after "bli" reports the passive; after
    "är" it mostly describes a state ("Ingen är anmäld")."""
    return any(tokens[i].folded in COPULAS for i in range(max(0, index - 2), index))


def after_modal(tokens: Sequence[Token], index: int) -> bool:
    """ "ska beviljas", "måste ändringar röstas igenom": a modal earlier in the clause."""
    start = clause_start(tokens, index)
    return any(tokens[i].folded in MODALS for i in range(start, index))


def after_auxiliary(tokens: Sequence[Token], index: int) -> bool:
    start = max(clause_start(tokens, index), index - 3)
    return any(tokens[i].folded in PERFECT_AUXILIARIES for i in range(start, index))


def subordinate(tokens: Sequence[Token], index: int) -> bool:
    """A word of a subordinate clause: a subordinator stands between the clause's start and
    the word. A sentence that opens with one ("Att justera protokollet utsågs …") has fronted
    a clause, and its main verb follows it."""
    start = clause_start(tokens, index)
    return any(
        tokens[i].folded in SUBORDINATORS and not _fronted(tokens, i) for i in range(start, index)
    )


def _fronted(tokens: Sequence[Token], index: int) -> bool:
    """A subordinator that opens the sentence, alone or after a preposition ("Till att")."""
    return index == 0 or (index == 1 and tokens[0].folded in FRONTING_PREPOSITIONS)


def clause_start(tokens: Sequence[Token], index: int) -> int:
    for i in range(index - 1, -1, -1):
        if tokens[i].text in CLAUSE_BREAKS:
            return i + 1
    return 0


def in_first_clause(tokens: Sequence[Token], index: int) -> bool:
    """ "Ingen av insatserna blir av, de skjuts upp": a verb after the first clause comments."""
    return clause_start(tokens, index) == 0 or all(
        t.text == ":" for t in tokens[:index] if t.text in CLAUSE_BREAKS
    )


def is_body(tokens: Sequence[Token], index: int) -> bool:
    if not 0 <= index < len(tokens):
        return False
    word = tokens[index].folded
    return word.endswith(BODY_NOUN_ENDINGS) or word in BODY_PRONOUNS


def body_before(tokens: Sequence[Token], index: int) -> bool:
    """The meeting or a body right before the verb, at the start of a main clause."""
    at = index - 1
    while at >= 0 and tokens[at].folded in BETWEEN_SUBJECT_AND_VERB:
        at -= 1
    return is_body(tokens, at) and not subordinate(tokens, at)


def agent_is_body(tokens: Sequence[Token], end: int) -> bool:
    """ "… som godkänns av styrelsen": a passive whose agent is a body reports its decision."""
    for at in range(end, min(end + AGENT_WINDOW_WORDS, len(tokens))):
        if tokens[at].folded == "av":
            return is_body(tokens, at + 1)
    return False

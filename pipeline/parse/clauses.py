"""Words and clauses of a Swedish sentence, as far as reading a decision needs them.

Where a clause starts, whether a word stands in a subordinate clause ("… föreslår att ansökan
beviljas"), whether the meeting or a body is the subject of a verb (before it, or after it in
V2 order: "Efter diskussion antog mötet …"), and the auxiliaries around a verb.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
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


class Tokens(list[Token]):
    """A sentence's tokens with running counts taken once, so that each question about a word's
    clause takes constant time: a sentence of a megabyte asks it of thousands of verbs."""

    def __init__(self, tokens: Iterable[Token] = ()) -> None:
        super().__init__(tokens)
        self.clause_starts: list[int] = []  # where the clause of each index starts
        self.subordinators = [0]  # counts before each index: subordinators not fronted
        self.modals = [0]
        self.inner_breaks = [0]  # clause breaks other than ":"
        self.words = [0]  # tokens that begin with a letter or digit
        start = 0
        for index, token in enumerate(self):
            self.clause_starts.append(start)
            if token.text in CLAUSE_BREAKS:
                start = index + 1
            fronted = _fronted(self, index)
            self.subordinators.append(
                self.subordinators[-1] + (token.folded in SUBORDINATORS and not fronted)
            )
            self.modals.append(self.modals[-1] + (token.folded in MODALS))
            self.inner_breaks.append(
                self.inner_breaks[-1] + (token.text in CLAUSE_BREAKS and token.text != ":")
            )
            self.words.append(self.words[-1] + token.text[0].isalnum())
        self.clause_starts.append(start)


def tokenize(sentence: str) -> Tokens:
    """The words and punctuation of a sentence; asides in parentheses and leading bullets
    left out."""
    words = TOKEN.findall(PARENTHETICAL.sub(" ", sentence))
    first = next((i for i, word in enumerate(words) if word[0].isalnum()), len(words))
    return Tokens(Token(t, t.casefold()) for t in words[first:])


def after_copula(tokens: Sequence[Token], index: int) -> bool:
    """ "blev vald", "har blivit omvald": a participle after "bli" reports the passive; after
    "är" it mostly describes a state ("Ingen är anmäld")."""
    return any(tokens[i].folded in COPULAS for i in range(max(0, index - 2), index))


def after_modal(tokens: Tokens, index: int) -> bool:
    """ "ska beviljas", "måste ändringar röstas igenom": a modal earlier in the clause."""
    return tokens.modals[index] > tokens.modals[clause_start(tokens, index)]


def after_auxiliary(tokens: Tokens, index: int) -> bool:
    start = max(clause_start(tokens, index), index - 3)
    return any(tokens[i].folded in PERFECT_AUXILIARIES for i in range(start, index))


def subordinate(tokens: Tokens, index: int) -> bool:
    """A word of a subordinate clause: a subordinator stands between the clause's start and
    the word. A sentence that opens with one ("Att justera protokollet utsågs …") has fronted
    a clause, and its main verb follows it."""
    return tokens.subordinators[index] > tokens.subordinators[clause_start(tokens, index)]


def _fronted(tokens: Sequence[Token], index: int) -> bool:
    """A subordinator that opens the sentence, alone or after a preposition ("Till att")."""
    return index == 0 or (index == 1 and tokens[0].folded in FRONTING_PREPOSITIONS)


def clause_start(tokens: Tokens, index: int) -> int:
    return tokens.clause_starts[index]


def in_first_clause(tokens: Tokens, index: int) -> bool:
    """ "Ingen av insatserna blir av, de skjuts upp": a verb after the first clause comments."""
    return clause_start(tokens, index) == 0 or tokens.inner_breaks[index] == 0


def words_before(tokens: Tokens, index: int) -> int:
    """How many words (not punctuation) stand before the token at `index`."""
    return tokens.words[index]


def is_body(tokens: Sequence[Token], index: int) -> bool:
    if not 0 <= index < len(tokens):
        return False
    word = tokens[index].folded
    return word.endswith(BODY_NOUN_ENDINGS) or word in BODY_PRONOUNS


def body_before(tokens: Tokens, index: int) -> bool:
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

"""Headings run into the text: a page printed as one line, its unnumbered headings with it.

A transcript that prints a page as one line keeps no line of its own for a heading such as
"Mötets öppnande"; what still marks it is Swedish sentence case. A heading is a short noun
phrase that begins with a capital and continues in lower case; where it ends, the next word is
a capital again though no sentence ended ("Godkännande av dagordning Godkändes."), or a name
begins ("Val av mötesordförande Anna Berg"). The text is cut where sentence case breaks, and a
short phrase without the words of a sentence, followed by a sentence, is taken for a heading.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.nlp.lexicon import lexicon
from pipeline.parse.candidates import TEXT_OPENERS
from pipeline.parse.persons import PersonSpan, find_persons, is_title_word
from pipeline.vocabulary.sentences import (
    COPULAS,
    MODALS,
    PERFECT_AUXILIARIES,
    RUNS_ON,
    SUBORDINATORS,
)

JOINED_LINE_CHARS = 300  # a line this long is a paragraph or a page printed as one line
RUN_IN_HEADING_MAX_WORDS = 8
SENTENCE_MIN_WORDS = 8  # a run of words this long without a full stop is still a sentence
TOKEN = re.compile(r"\S+")
# "kl. 18" and "t.ex. Anna": a full stop that ends no sentence.
ABBREVIATIONS = frozenset(
    {"kl.", "t.ex.", "bl.a.", "ca.", "resp.", "m.m.", "s.k.", "jfr.", "nr.", "st.", "p.g.a."}
)
# Words a sentence begins with though the word before it ended none: "Sponsornivåer Det
# beslutades …". Capitalised they start a sentence, never a name or a heading's second word.
SENTENCE_OPENERS = frozenset(
    {"det", "den", "de", "en", "ett", "vi", "jag", "man", "han", "hon", "detta", "dessa"}
    | {"denna", "följande", "alla", "samtliga", "inga", "ingen"}
    | {"två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio"}
)
CONJUNCTIONS = frozenset({"och", "samt", "eller", "&"})  # "Anna Berg och Per Ek": one list
# Words of a sentence, which a heading does not hold: "Styrelsen har beslutat", "Vi ska".
SENTENCE_WORDS = (
    SUBORDINATORS
    | MODALS
    | COPULAS
    | PERFECT_AUXILIARIES
    | {"är", "var", "finns", "vi", "jag", "det", "den", "de"}
)
PAST_TENSE_ENDINGS = ("ade", "ades", "des", "tes")  # "beslutade", "godkändes"
# A phrase that ends in one of these runs on: "Förslag tas fram av", "Election of".
RUNS_ON_WORDS = RUNS_ON | {"enligt", "under", "från", "mot", "vid", "hos", "inom", "utan"}
RUNS_ON_WORDS_EN = {"by", "of", "to", "and", "for", "the", "with", "in", "on", "at", "a", "an"}


@dataclass(frozen=True)
class Segment:
    start: int
    end: int
    text: str


def is_joined_line(text: str) -> bool:
    return len(text) >= JOINED_LINE_CHARS


def run_in_headings(text: str, looks_like_heading: Callable[[str], bool]) -> list[Segment]:
    """The headings inside a line of running text, in order; `looks_like_heading` is the test
    a heading on a line of its own passes (no label, no date, no signature)."""
    segments = _segments(text)
    headings: list[Segment] = []
    for segment, following in itertools.pairwise(segments):
        if (
            _is_heading(segment.text, looks_like_heading)
            and not _is_heading(following.text, looks_like_heading)
            and _is_sentence(following.text)
        ):
            headings.append(segment)
    return headings


def _segments(text: str) -> list[Segment]:
    """The text cut where a sentence ends and where sentence case breaks."""
    tokens = list(TOKEN.finditer(text))
    persons = find_persons(text)
    starts = {person.start for person in persons}
    ends = {person.end for person in persons}
    cuts = [
        after.start()
        for before, after in itertools.pairwise(tokens)
        if _cut_between(before.group(), after.group(), before.end(), after.start(), starts, ends)
    ]
    bounds = [0, *cuts, len(text)]
    segments = []
    for start, end in itertools.pairwise(bounds):
        written = text[start:end].strip()
        if written:
            segments.append(Segment(start, start + len(text[start:end].rstrip()), written))
    return segments


def _cut_between(
    before: str, after: str, before_end: int, after_start: int, starts: set[int], ends: set[int]
) -> bool:
    capital = after[:1].isupper()
    plain_end = before[-1:].isalnum()
    if before.endswith((".", "!", "?")) and len(before) > 2:
        return before.casefold() not in ABBREVIATIONS and (capital or after[:1].isdigit())
    if not capital or not plain_end:
        return False
    if before.casefold() in CONJUNCTIONS | RUNS_ON_WORDS:
        return False  # "beslutades att Tome ska", "en konferens i Stockholm": one sentence
    if before[:1].islower() or before[-1:].isdigit():
        return True  # "dagordning Godkändes", "2013-01-08 Mötets öppnande"
    if after.casefold() in SENTENCE_OPENERS | TEXT_OPENERS:
        return True
    return before_end in ends and after_start not in starts  # "Anna Berg Val av sekreterare"


def _is_heading(text: str, looks_like_heading: Callable[[str], bool]) -> bool:
    words = text.split()
    if not 1 <= len(words) <= RUN_IN_HEADING_MAX_WORDS or text.endswith(":") or "," in text:
        return False
    if not looks_like_heading(text):
        return False
    if any(word[:1].isupper() and word.upper() != word for word in words[1:]):
        return False  # sentence case: a capital inside is a name or the next sentence
    folded = [word.casefold() for word in words]
    if set(folded) & SENTENCE_WORDS or any(w.endswith(PAST_TENSE_ENDINGS) for w in folded):
        return False
    if folded[-1] in RUNS_ON_WORDS | RUNS_ON_WORDS_EN:
        return False
    if is_title_word(words[0]):
        return False  # "Kommunchef Anna Berg": the title before a name
    return not (len(words) > 1 and lexicon().is_given_name(words[0]))  # "Anna nominerar"


def _is_sentence(text: str) -> bool:
    """What follows a heading: a sentence, a long run of words, a name, or a person who acts
    ("Anna nominerar …")."""
    if text.endswith((".", "!", "?")) or len(text.split()) >= SENTENCE_MIN_WORDS:
        return True
    if lexicon().is_given_name(text.split()[0]):
        return True
    persons: list[PersonSpan] = find_persons(text)
    return bool(persons)

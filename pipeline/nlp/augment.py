"""Training-time augmentation: sentences of the corpora again, with other Swedish names in them.

News corpora name a few hundred people and places, most of them often; minutes name others. A
copy of a sentence with each person swapped for a given name and surname from the gazetteers
(and each one-word place for another place) teaches the model the shape of a name rather than
the names it happened to read. Registered for the training config; not part of the shipped
pipeline.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.training import Example
from spacy.training.augment import lower_casing_augmenter
from spacy.util import registry

from pipeline.nlp import features  # noqa: F401  (registers the feature component for training)
from pipeline.nlp.gazetteers import read_gazetteers

AUGMENTER = "protokoll.name_swap.v1"

Augmenter = Callable[[Language, Example], Iterator[Example]]


def name_swap(level: float, lower_level: float, corpora_dir: str) -> Augmenter:
    """Yields each example (lower-cased with probability `lower_level`, as spaCy's lower_case
    augmenter does) and, with probability `level`, a copy with its names swapped."""
    gazetteers = read_gazetteers(Path(corpora_dir))
    names = _Names(
        given=sorted(gazetteers.given_names),
        surnames=sorted(gazetteers.surnames),
        places=sorted(p for p in gazetteers.places if p[:1].isupper()),
        known=frozenset(gazetteers.given_names | gazetteers.surnames | gazetteers.places),
    )

    def augment(nlp: Language, example: Example) -> Iterator[Example]:
        yield from lower_casing_augmenter(nlp, example, level=lower_level)
        if example.reference.ents and random.random() < level:
            copy = swapped(nlp, example.reference, names, random.Random(random.random()))
            if copy.reference.text != example.reference.text:
                yield copy

    return augment


registry.augmenters.register(AUGMENTER, func=name_swap)


class _Names(NamedTuple):
    """Names to draw from, and every known name (to tell a genitive from a name in -s). A
    NamedTuple, not a dataclass: spaCy loads this file with `--code`, outside sys.modules."""

    given: list[str]
    surnames: list[str]
    places: list[str]
    known: frozenset[str]

    def genitive(self, written: str) -> str:
        """ "s" when `written` is a known name's genitive ("Anderssons"), not a name in -s."""
        return "s" if written.endswith("s") and written[:-1] in self.known else ""


def swapped(nlp: Language, reference: Doc, names: _Names, chooser: random.Random) -> Example:
    """`reference` with each PER replaced by "Given Surname" (one word: a surname) and each
    one-word LOC by another place; a genitive "s" is kept. Other words stay."""
    words: list[str] = []
    spaces: list[bool] = []
    entities: list[tuple[int, int, str]] = []
    position = 0
    for entity in reference.ents:
        for token in reference[position : entity.start]:
            words.append(token.text)
            spaces.append(bool(token.whitespace_))
        new = _replacement(entity, names, chooser) or [t.text for t in entity]
        start = len(words)
        words.extend(new)
        spaces.extend([True] * (len(new) - 1) + [bool(entity[-1].whitespace_)])
        entities.append((start, len(words), entity.label_))
        position = entity.end
    for token in reference[position:]:
        words.append(token.text)
        spaces.append(bool(token.whitespace_))
    annotated = Doc(nlp.vocab, words=words, spaces=spaces)
    annotated.ents = [Span(annotated, s, e, label=label) for s, e, label in entities]
    return Example(Doc(nlp.vocab, words=words, spaces=spaces), annotated)


def _replacement(entity: Span, names: _Names, chooser: random.Random) -> list[str] | None:
    genitive = names.genitive(entity[-1].text)
    if entity.label_ == "PER" and all(t.is_title for t in entity):
        if len(entity) == 1:
            return [chooser.choice(names.surnames) + genitive]
        return [chooser.choice(names.given), chooser.choice(names.surnames) + genitive]
    if entity.label_ == "LOC" and len(entity) == 1 and entity[0].is_title:
        return [chooser.choice(names.places) + genitive]
    return None

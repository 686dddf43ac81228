"""The Swedish given names, surnames and places the packaged model carries, for the parser's rules.

The lists ship inside the model (its name-features component saved them at training time from
the gazetteer corpora), so rules and model agree on what a name is and nothing is read from
outside the package at run time.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from pipeline.nlp.features import NameFeatures
from pipeline.nlp.model import load_model

NAME_FEATURES_PIPE = "name_features"  # the component's name in models/config.cfg


@dataclass(frozen=True)
class Lexicon:
    given_names: frozenset[str]
    surnames: frozenset[str]
    places: frozenset[str]

    def is_given_name(self, word: str) -> bool:
        """ "Anna", and double names with a given name for a part ("Kjell-Åke", "Bert-Åke")."""
        if word in self.given_names:
            return True
        parts = word.split("-")
        return len(parts) == 2 and word.istitle() and any(p in self.given_names for p in parts)


@functools.cache
def lexicon() -> Lexicon:
    pipe = load_model().get_pipe(NAME_FEATURES_PIPE)
    assert isinstance(pipe, NameFeatures)
    lists = pipe.lists
    return Lexicon(
        frozenset(lists["given_names"]), frozenset(lists["surnames"]), frozenset(lists["places"])
    )

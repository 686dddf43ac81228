"""Training augmentation: a sentence again with other names, its entities where they now are."""

from __future__ import annotations

import random

import spacy
from spacy.tokens import Doc, Span

from pipeline.nlp.augment import _Names, swapped


def test_people_and_places_are_swapped_and_the_entities_follow() -> None:
    nlp = spacy.blank("sv")
    words = ["Enligt", "Anna", "Anderssons", "rapport", "från", "Kiruna", "ökar", "Saab", "."]
    reference = Doc(nlp.vocab, words=words, spaces=[True] * 7 + [False, False])
    reference.ents = [
        Span(reference, 1, 3, label="PER"),
        Span(reference, 5, 6, label="LOC"),
        Span(reference, 7, 8, label="ORG"),
    ]
    names = _Names(["Tekla"], ["Siesjö"], ["Mora"], known=frozenset({"Andersson", "Kiruna"}))
    example = swapped(nlp, reference, names, random.Random(0))
    assert example.reference.text == "Enligt Tekla Siesjös rapport från Mora ökar Saab."
    assert [(e.text, e.label_) for e in example.reference.ents] == [
        ("Tekla Siesjös", "PER"),
        ("Mora", "LOC"),
        ("Saab", "ORG"),
    ]
    assert example.predicted.text == example.reference.text and not example.predicted.ents

"""Swedish NER corpora (klintan's token-per-line, UNER IOB2) read into spaCy Docs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

LABELS = ("PER", "LOC", "ORG")  # MISC is dropped: minutes have little use for it
OUTSIDE = {"0", "O"}
SOFT_HYPHEN = "\u00ad"
NO_SPACE_BEFORE = re.compile(r"^[,.:;!?)\]}%»”]+$")
NO_SPACE_AFTER = re.compile(r"^[(\[{«“]$")

Sentence = list[tuple[str, str]]  # (token, label) pairs, label "O" outside, else "PER"…


def read_klintan(path: Path) -> Iterator[Sentence]:
    """`TOKEN LABEL` lines, labels PER/LOC/ORG/MISC/0, no B/I: a run of one label is one entity."""
    sentence: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if not parts:
            if sentence:
                yield sentence
            sentence = []
            continue
        if len(parts) < 2:
            continue  # one malformed line upstream ("bn" without a label)
        token, label = parts[0].replace(SOFT_HYPHEN, ""), parts[-1]
        if token:
            sentence.append((token, "O" if label in OUTSIDE or label not in LABELS else label))
    if sentence:
        yield sentence


def read_iob2(path: Path) -> Iterator[list[tuple[str, str]]]:
    """UNER `ID TOKEN B-X/I-X/O - -` lines; labels are kept with their B-/I- prefix."""
    sentence: list[tuple[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            if sentence:
                yield sentence
            sentence = []
            continue
        sentence.append((parts[1], parts[2]))
    if sentence:
        yield sentence


def klintan_doc(vocab: Vocab, sentence: Sentence) -> Doc:
    doc = _doc(vocab, [t for t, _ in sentence])
    spans, start = [], 0
    for index in range(1, len(sentence) + 1):
        if index == len(sentence) or sentence[index][1] != sentence[start][1]:
            if sentence[start][1] != "O":
                spans.append(Span(doc, start, index, label=sentence[start][1]))
            start = index
    doc.ents = spans
    return doc


def iob2_doc(vocab: Vocab, sentence: list[tuple[str, str]]) -> Doc:
    doc = _doc(vocab, [t for t, _ in sentence])
    spans: list[Span] = []
    start, label = -1, ""
    for index, (_, tag) in enumerate([*sentence, ("", "O")]):
        inside = tag.startswith("I-") and tag[2:] == label and start >= 0
        if not inside and start >= 0:
            if label in LABELS:
                spans.append(Span(doc, start, index, label=label))
            start, label = -1, ""
        if tag.startswith(("B-", "I-")) and not inside:
            start, label = index, tag[2:]
    doc.ents = spans
    return doc


def _doc(vocab: Vocab, words: list[str]) -> Doc:
    spaces = [
        not NO_SPACE_AFTER.match(word)
        and not (index + 1 < len(words) and NO_SPACE_BEFORE.match(words[index + 1]))
        for index, word in enumerate(words)
    ]
    if spaces:
        spaces[-1] = False
    return Doc(vocab, words=words, spaces=spaces)

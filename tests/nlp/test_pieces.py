"""Long texts reach the NER model in bounded pieces, and entities keep their offsets."""

from __future__ import annotations

import pytest

from pipeline.nlp import model
from pipeline.nlp.model import find_entities, find_people, model_path
from pipeline.nlp.pieces import MAX_PIECE_CHARS, split

needs_model = pytest.mark.skipif(
    not (model_path() / "config.cfg").is_file(), reason="no packaged model in models/"
)
SENTENCE = "Ordförande Mats Karlsson öppnade mötet och Region Sörmland beviljas 500 kronor. "


def test_pieces_join_back_and_stay_under_the_limit() -> None:
    text = SENTENCE * 2000 + "x" * 130_000 + "Första stycket.\n\nAndra stycket. " * 3000
    pieces = split(text)
    assert "".join(piece for _, piece in pieces) == text
    assert all(text[offset : offset + len(piece)] == piece for offset, piece in pieces)
    assert max(len(piece) for _, piece in pieces) <= MAX_PIECE_CHARS
    assert len(pieces) > len(text) // MAX_PIECE_CHARS


def test_a_piece_ends_at_a_paragraph_then_a_sentence() -> None:
    text = "a" * 60 + "\n\n" + "b. " * 20 + "c" * 60
    assert split(text, 100)[0][1] == "a" * 60 + "\n\n"
    sentences = "Det var så. " * 20
    assert all(piece.endswith(". ") for _, piece in split(sentences, 100)[:-1])


def test_short_and_empty_texts_are_one_piece() -> None:
    assert split("") == [(0, "")]
    assert split("Kort text.") == [(0, "Kort text.")]


@needs_model
def test_entities_of_a_long_section_keep_their_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    text = SENTENCE * 1500  # 120 000 characters: three pieces at least
    monkeypatch.setattr(model, "BATCH_CHARS", 60_000)  # and more than one batch
    found = find_entities(text, "4", ["Mats Karlsson"])
    assert all(text[e.start : e.end] == e.text for e in found)
    people = [e.start for e in found if e.label == "PER" and e.text == "Mats Karlsson"]
    assert len(people) == 1500
    assert people[-1] > 2 * MAX_PIECE_CHARS
    assert find_entities(SENTENCE, "4", ["Mats Karlsson"]) == [
        e for e in found if e.end <= len(SENTENCE)
    ]


@needs_model
def test_persons_of_a_long_text_keep_their_offsets() -> None:
    text = SENTENCE * 1500
    spans = find_people([SENTENCE, text])
    assert all(text[s:e] == "Mats Karlsson" for s, e in spans[1])
    assert len(spans[1]) == 1500 * len(spans[0])

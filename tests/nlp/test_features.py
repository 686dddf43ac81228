"""Gazetteer flags reach the statistical model through protokoll's embedding layer."""

from __future__ import annotations

import numpy
import spacy

from pipeline.nlp.features import GIVEN_NAME_FLAG, flag_hash_embed

WIDTH = 8


def test_a_given_name_flag_changes_the_word_vector() -> None:
    nlp = spacy.blank("sv")
    embed = flag_hash_embed(WIDTH, ["NORM", "SHAPE"], [50, 20], ["FLAG20", "FLAG21", "FLAG22"])
    docs = [nlp.make_doc("Tekla Siesjö beviljades bidrag")]
    embed.initialize(X=docs)
    lexeme = nlp.vocab["Tekla"]
    lexeme.set_flag(GIVEN_NAME_FLAG, False)
    unflagged = embed.predict([nlp.make_doc("Tekla")])[0]
    lexeme.set_flag(GIVEN_NAME_FLAG, True)
    flagged = embed.predict([nlp.make_doc("Tekla")])[0]
    assert flagged.shape == unflagged.shape == (1, WIDTH)
    assert not numpy.allclose(flagged, unflagged)


def test_the_flags_cost_three_inputs_not_three_tables() -> None:
    embed = flag_hash_embed(WIDTH, ["NORM", "PREFIX"], [50, 20], ["FLAG20", "FLAG21", "FLAG22"])
    embed.initialize(X=[spacy.blank("sv").make_doc("Region Sörmland")])
    mixing = [layer for layer in embed.walk() if layer.name == "maxout"]
    assert [layer.get_dim("nI") for layer in mixing] == [2 * WIDTH + 3]

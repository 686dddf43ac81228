"""Reading the NER corpora's two formats into spaCy Docs with PER, LOC, ORG entities."""

from __future__ import annotations

from pathlib import Path

import spacy

from pipeline.nlp.corpora import iob2_doc, klintan_doc, read_iob2, read_klintan

KLINTAN = (
    "Gunhild\tPER\nWestman\tPER\n,\t0\nlektor\t0\ni\t0\nLund\tLOC\n.\t0\n\n"
    "Volvo   ORG\nEM   MISC\nbn\n\u00advärlden   0\n"
)
UNER = (
    "# sent_id = x-1\n# text = Olof Palme i Stockholm .\n"
    "1\tOlof\tB-PER\t-\t-\n2\tPalme\tI-PER\t-\t-\n3\ti\tO\t-\t-\n"
    "4\tStockholm\tB-LOC\t-\t-\n5\tSverige\tB-LOC\t-\t-\n6\t.\tO\t-\t-\n"
)


def test_klintan_runs_of_one_label_are_one_entity_and_misc_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "train.txt"
    path.write_text(KLINTAN, encoding="utf-8")
    vocab = spacy.blank("sv").vocab
    docs = [klintan_doc(vocab, s) for s in read_klintan(path)]
    assert docs[0].text == "Gunhild Westman, lektor i Lund."
    assert [(e.label_, e.text) for e in docs[0].ents] == [
        ("PER", "Gunhild Westman"),
        ("LOC", "Lund"),
    ]
    assert [t.text for t in docs[1]] == ["Volvo", "EM", "världen"]  # soft hyphen, bad line gone
    assert [(e.label_, e.text) for e in docs[1].ents] == [("ORG", "Volvo")]


def test_iob2_begin_tags_separate_adjacent_entities(tmp_path: Path) -> None:
    path = tmp_path / "test.iob2"
    path.write_text(UNER, encoding="utf-8")
    doc = iob2_doc(spacy.blank("sv").vocab, next(read_iob2(path)))
    assert [(e.label_, e.text) for e in doc.ents] == [
        ("PER", "Olof Palme"),
        ("LOC", "Stockholm"),
        ("LOC", "Sverige"),
    ]

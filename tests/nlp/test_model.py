"""The packaged NER pipeline in models/: loading, the find_entities contract, minutes scores."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest

from pipeline.errors import MissingDependency
from pipeline.nlp.model import find_entities, find_section_entities, load_model, model_path

FIXTURES = Path(__file__).parents[1] / "fixtures"
ANNOTATIONS = FIXTURES / "ner" / "seeds.jsonl"
SEEDS = FIXTURES / "seeds"
MIN_F1 = {"PER": 0.95, "MONEY": 0.95}  # the targets on hand-annotated minutes

needs_model = pytest.mark.skipif(
    not (model_path() / "config.cfg").is_file(), reason="no packaged model in models/"
)


def test_a_missing_model_is_a_missing_dependency(tmp_path: Path) -> None:
    with pytest.raises(MissingDependency, match="NER model is missing"):
        load_model(tmp_path / "nowhere")


@needs_model
def test_entities_keep_offsets_section_and_order() -> None:
    text = (
        "Ordförande Mats Karlsson öppnade mötet. Region Sörmland beviljas 500.000 kronor "
        "enligt § 13, se beslut 2020-03-25 kl. 13.00 - 16.00."
    )
    found = find_entities(text, "14", ["Mats Karlsson"])
    assert all(text[e.start : e.end] == e.text and e.section == "14" for e in found)
    assert all(a.end <= b.start for a, b in itertools.pairwise(found))
    assert {(e.label, e.text) for e in found} >= {
        ("PER", "Mats Karlsson"),
        ("ORG", "Region Sörmland"),
        ("MONEY", "500.000 kronor"),
        ("SECTION_REF", "§ 13"),
        ("DATE", "2020-03-25"),
        ("TIME", "kl. 13.00 - 16.00"),
    }


@needs_model
def test_batched_sections_equal_one_by_one() -> None:
    sections = [("Ola W tackade Försäkringskassan.", "1"), ("Budget 25 tkr.", None), ("", "3")]
    people = ["Ola Wiktorson"]
    assert find_section_entities(sections, people) == [
        find_entities(text, number, people) for text, number in sections
    ]


@needs_model
@pytest.mark.parametrize("label", sorted(MIN_F1))
def test_hand_annotated_minutes_reach_the_target(label: str) -> None:
    gold, found = set(), set()
    for line in ANNOTATIONS.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = (SEEDS / record["document"]).read_text(encoding="utf-8")
        gold |= {(record["document"], s, e) for s, e, lab, _ in record["entities"] if lab == label}
        found |= {
            (record["document"], e.start, e.end)
            for e in find_entities(text, None, record["people"])
            if e.label == label
        }
    hits = len(gold & found)
    f1 = 2 * hits / (len(gold) + len(found))
    assert f1 >= MIN_F1[label], f"{label} F1 {f1:.3f}: missed {gold - found}, wrong {found - gold}"

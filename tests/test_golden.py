"""Golden-file tests: each fixture form of each seed extracts to its hand-checked golden file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.contract import to_contract
from tests.conftest import FIXTURES, extracted, requires_tesseract
from tests.golden.compare import EXACT, OCR, differences, golden_view
from tests.golden.update import fixture_forms

FORMS = fixture_forms()
GOLDEN = Path(__file__).parent / "golden"


def _marks(form_id: str) -> list[pytest.MarkDecorator]:
    return [pytest.mark.ocr, requires_tesseract] if form_id.endswith("scan.pdf") else []


@pytest.mark.parametrize(
    ("fixture", "golden"),
    [pytest.param(f, g, id=i, marks=_marks(i)) for i, f, g in FORMS],
)
def test_extraction_matches_golden(fixture: Path, golden: Path) -> None:
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = golden_view(to_contract(extracted(fixture)))
    tolerance = OCR if fixture.name.endswith(".scan.pdf") else EXACT
    assert differences(actual, expected, tolerance) == []


def test_every_form_of_a_seed_has_the_same_content() -> None:
    """txt, text PDF and scan are one document: golden content differs only in page facts."""
    for seed in ("seed_000", "seed_001"):
        views = [json.loads(g.read_text(encoding="utf-8")) for i, _, g in FORMS if seed in i]
        meetings = {json.dumps(v["meeting"], sort_keys=True) for v in views}
        decisions = {
            json.dumps([[d["outcome"] for d in s["decisions"]] for s in v["sections"]])
            for v in views
        }
        names = {tuple(a["name"] for a in v["attendance"]) for v in views}
        assert len(meetings) == len(decisions) == len(names) == 1, seed


def test_scan_tolerance_still_catches_a_wrong_name() -> None:
    """The OCR tolerance forgives a letter, not a different person."""
    expected = json.loads(FORMS[0][2].read_text(encoding="utf-8"))
    damaged = json.loads(json.dumps(expected))
    damaged["attendance"][0]["name"] = "Jacob Sandstrom"  # one letter: forgiven
    assert differences(damaged, expected, OCR) == []
    damaged["attendance"][0]["name"] = "Johan Lindgren"
    assert differences(damaged, expected, OCR) != []


@pytest.mark.parametrize("seed", ["seed_000", "seed_001"])
def test_a_seed_saved_as_word_reads_like_its_text(seed: str, tmp_path: Path) -> None:
    """The same minutes typed into Word: one paragraph a block, the signature lines apart."""
    import docx

    text = (FIXTURES / "seeds" / f"{seed}.txt").read_text(encoding="utf-8")
    document = docx.Document()
    for block in text.strip().split("\n\n"):
        for line in block.strip().split("\n"):
            if line.strip():
                document.add_paragraph(line.strip())
    path = tmp_path / f"{seed}.docx"
    document.save(str(path))
    expected = json.loads((GOLDEN / f"{seed}.txt.json").read_text(encoding="utf-8"))
    actual = golden_view(to_contract(extracted(path)))
    expected["source"] = {**expected["source"], "format": "docx"}
    assert differences(actual, expected, EXACT) == []

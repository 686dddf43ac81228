"""The training workflow end to end on a tiny slice: convert, train a few steps, package, load."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy

from pipeline.nlp.ruler import PEOPLE_KEY

REPO_ROOT = Path(__file__).parents[2]
CORPORA = REPO_ROOT.parent / "shared" / "corpora"
SMOKE_SENTENCES = 30  # per corpus
SMOKE_STEPS = 4
SMOKE_TIMEOUT_S = 120


@pytest.mark.slow
@pytest.mark.shared
@pytest.mark.skipif(not CORPORA.is_dir(), reason="../shared/corpora is absent")
def test_train_a_few_steps_and_package(tmp_path: Path) -> None:
    output = tmp_path / "model"
    command = [
        sys.executable,
        str(REPO_ROOT / "models" / "train.py"),
        "--workdir",
        str(tmp_path / "work"),
        "--output",
        str(output),
        "--limit",
        str(SMOKE_SENTENCES),
        "--steps",
        "convert,train,package",
        "--training.max_steps",
        str(SMOKE_STEPS),
        "--training.eval_frequency",
        "2",
    ]
    subprocess.run(command, check=True, capture_output=True, timeout=SMOKE_TIMEOUT_S)
    nlp = spacy.load(output)
    assert nlp.pipe_names == ["name_features", "tok2vec", "ner", "minutes_ruler"]
    doc = nlp.make_doc("Ola W beviljade 25 tkr till Försäkringskassan.")
    doc.user_data[PEOPLE_KEY] = ("Ola Wiktorson",)
    assert {(e.label_, e.text) for e in nlp(doc).ents} >= {
        ("PER", "Ola W"),
        ("MONEY", "25 tkr"),
        ("ORG", "Försäkringskassan"),
    }

"""A wheel carries the NER model: pyproject's data-files name every file of
models/protokoll_sv_ner, which pipeline/nlp/model.py finds under <prefix>/share/protokoll."""

from __future__ import annotations

import tomllib

from pipeline.nlp import model
from tests.conftest import REPO_ROOT

MODEL = REPO_ROOT / "models" / model.MODEL_NAME


def test_data_files_carry_every_file_of_the_model() -> None:
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    data_files: dict[str, list[str]] = config["tool"]["setuptools"]["data-files"]
    packaged = {
        path.relative_to(MODEL)
        for target, patterns in data_files.items()
        if target.startswith(f"share/protokoll/{model.MODEL_NAME}")
        for pattern in patterns
        for path in REPO_ROOT.glob(pattern)
        if path.is_file()
    }
    assert packaged == {p.relative_to(MODEL) for p in MODEL.rglob("*") if p.is_file()}
    for target, patterns in data_files.items():  # each lands where the model's layout puts it
        for pattern in patterns:
            folder = pattern.rsplit("/", 1)[0].removeprefix("models/")
            assert target == f"share/protokoll/{folder}"


def test_the_installed_model_is_looked_for_under_the_prefix() -> None:
    assert all(
        p.parts[-3:] == ("share", "protokoll", model.MODEL_NAME) for p in model.INSTALLED_MODEL_DIRS
    )
    assert model.MODEL_DIR == model.CHECKOUT_MODEL_DIR  # a checkout uses its own models/

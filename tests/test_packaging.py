"""What a wheel carries: the NER model (pyproject's data-files name every file of
models/protokoll_sv_ner, which pipeline/nlp/model.py finds under <prefix>/share/protokoll), the
runtime package, and no dev tooling (devtools/: the synthetic archive, fixture rendering)."""

from __future__ import annotations

import tomllib

import setuptools

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


def _packaged() -> set[str]:
    """The packages a wheel carries: pyproject's packages.find applied as setuptools applies it."""
    config = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    find: dict[str, list[str]] = config["tool"]["setuptools"]["packages"]["find"]
    return set(setuptools.find_namespace_packages(where=str(REPO_ROOT), include=find["include"]))


def test_the_wheel_carries_the_runtime_and_no_dev_tooling() -> None:
    packaged = _packaged()
    runtime = {
        ".".join(p.relative_to(REPO_ROOT).parent.parts)
        for p in (REPO_ROOT / "pipeline").rglob("__init__.py")
    }
    assert runtime <= packaged
    assert not any(name.split(".")[0] in {"devtools", "tests", "bench"} for name in packaged)
    assert (REPO_ROOT / "devtools" / "synth" / "__init__.py").is_file()
    assert not list((REPO_ROOT / "pipeline" / "synth").glob("*.py"))
    assert not (REPO_ROOT / "pipeline" / "render.py").is_file()

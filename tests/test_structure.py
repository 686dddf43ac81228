"""The package's shape, checked: imports follow the data flow, and modules stay small.

Stages in the order the data flows (DESIGN.md's diagram; nlp comes before parse because the
parser calls the model and the amount and reference finders, never the other way round):

    foundation (filenames, errors, records, names, limits, vocabulary, settings)
      → discover → extract → nlp → parse → resolve → process (one document)
      → store → ingest → evaluation → analysis → serve → api, contract → cli, the package

A module may import from its own stage and from earlier ones, never from a later one: a later
stage is a consumer, and importing it back would tie the earlier stage to its consumers. This
holds for imports under `if TYPE_CHECKING` too; none is needed against the flow.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "pipeline"
MAX_MODULE_LINES = 400
OVER_THE_LIMIT: set[str] = set()  # a module that may stay over the limit a while, by path

# A stage: the name of a top-level module or subpackage of pipeline; the rank is its place in
# the data flow. Modules of one rank may import each other.
STAGES: dict[str, int] = {
    "filenames": 0,
    "errors": 1,
    "records": 2,
    "names": 2,
    "limits": 3,
    "vocabulary": 3,
    "settings": 4,
    "discover": 5,
    "extract": 6,
    "nlp": 7,
    "parse": 8,
    "resolve": 9,
    "process": 10,
    "store": 11,
    "ingest": 12,
    "evaluation": 13,
    "analysis": 14,
    "serve": 15,
    "api": 16,
    "contract": 16,
    "summary": 17,
    "cli": 17,
    "__init__": 18,
    "__main__": 18,
}
DEV_ONLY = ("devtools", "tests", "bench", "models", "scripts")


def _stage(module: str) -> str:
    """The stage of a dotted module name under pipeline: "pipeline.parse.sections" → "parse"."""
    parts = module.split(".")
    if len(parts) == 1:
        return "__init__"
    name = parts[1]
    return "cli" if name.startswith("cli") else name  # cli.py, cli_*.py, or a cli/ package


def _module_name(path: Path) -> str:
    parts = path.relative_to(REPO_ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: Path) -> list[tuple[int, str]]:
    module = _module_name(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    return _imports_in(path.read_text(encoding="utf-8"), package)


def _imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) of every import in a source of `package`, relative ones made absolute; a
    name imported from pipeline itself counts as its submodule ("from pipeline import api")."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.append((node.lineno, base))
            if base == "pipeline":
                found += [(node.lineno, f"pipeline.{alias.name}") for alias in node.names]
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def test_every_stage_is_placed_in_the_flow() -> None:
    unplaced = {_stage(_module_name(p)) for p in _modules()} - set(STAGES)
    assert not unplaced, f"place these in STAGES of {Path(__file__).name}: {sorted(unplaced)}"


def test_no_import_from_a_later_stage() -> None:
    against = []
    for path in _modules():
        here = _stage(_module_name(path))
        for line, imported in _imports(path):
            if imported == "pipeline" or not imported.startswith("pipeline."):
                continue
            there = _stage(imported)
            if here in STAGES and there in STAGES and STAGES[there] > STAGES[here]:
                against.append(f"{path.relative_to(REPO_ROOT)}:{line} ({here}) imports {imported}")
    assert not against, "imports against the data flow:\n" + "\n".join(against)


def test_the_runtime_needs_no_dev_tooling() -> None:
    found = [
        f"{path.relative_to(REPO_ROOT)}:{line} imports {imported}"
        for path in _modules()
        for line, imported in _imports(path)
        if imported.split(".")[0] in DEV_ONLY
    ]
    assert not found, "\n".join(found)


def test_the_import_reader_sees_every_form() -> None:
    source = (
        "from ..store import db\n"
        "import pipeline.serve.app\n"
        "from pipeline import api\n"
        "if TYPE_CHECKING:\n"
        "    from pipeline.cli import app\n"
    )
    imported = [module for _, module in _imports_in(source, "pipeline.parse")]
    assert imported == [
        "pipeline.store",
        "pipeline.serve.app",
        "pipeline",
        "pipeline.api",
        "pipeline.cli",
    ]
    assert all(STAGES[_stage(m)] > STAGES["parse"] for m in imported if m != "pipeline")


@pytest.mark.parametrize("folder", ["pipeline", "devtools"])
def test_no_module_over_400_lines(folder: str) -> None:
    over = {
        str(p.relative_to(REPO_ROOT)): n
        for p in sorted((REPO_ROOT / folder).rglob("*.py"))
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert set(over) <= OVER_THE_LIMIT, f"split these by job (lines): {over}"
    still_over = {p for p in OVER_THE_LIMIT if p.startswith(folder)} - set(over)
    assert not still_over, f"no longer over the limit, drop from OVER_THE_LIMIT: {still_over}"

"""pyproject.toml against the imports: every runtime dependency is imported by the runtime code,
every third-party module the runtime code imports is a runtime dependency or an extra's, and
no module is imported at load time that exists only on Unix."""

from __future__ import annotations

import ast
import re
import tomllib
from collections.abc import Iterator
from importlib.metadata import packages_distributions
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "pipeline"
# Unix only: importing one at load would stop `protokoll` starting on Windows.
UNIX_ONLY = {"fcntl", "resource", "pwd", "grp", "termios", "tty", "pty", "posix", "crypt"}
EXTRAS_USED_BY = {
    "serve": ("serve", "cli/serve.py"),
    "dask": ("ingest/dask_engine.py",),
}


def _project() -> dict[str, object]:
    return tomllib.loads((REPO_ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]  # type: ignore[no-any-return]


def _name(requirement: str) -> str:
    """The distribution a requirement names, normalised: "dask[distributed]>=1" → "dask"."""
    return re.split(r"[\[<>=!~; ]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _names(requirements: list[str]) -> set[str]:
    """The distributions requirements install by name, a bracket's too ("dask[distributed]")."""
    found = {_name(r) for r in requirements}
    for requirement in requirements:
        if match := re.search(r"\[([^\]]+)\]", requirement):
            found |= {extra.strip() for extra in match.group(1).split(",")}
    return found


def _runtime_modules() -> Iterator[Path]:
    yield from sorted(PACKAGE.rglob("*.py"))


def _imports(path: Path, *, load_time_only: bool = False) -> set[str]:
    """Top-level names of the modules `path` imports (at load only: not inside a function)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nodes = tree.body if load_time_only else list(ast.walk(tree))
    found: set[str] = set()
    for node in nodes:
        if isinstance(node, ast.Import):
            found |= {alias.name.partition(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.partition(".")[0])
    return found


def _distributions(modules: set[str]) -> dict[str, set[str]]:
    """Third-party modules by the distributions that provide them."""
    provided = packages_distributions()
    by_dist: dict[str, set[str]] = {}
    for module in modules:
        for dist in provided.get(module, []):
            by_dist.setdefault(dist.lower().replace("_", "-"), set()).add(module)
    by_dist.pop("protokoll", None)
    return by_dist


def test_every_runtime_dependency_is_imported_at_run_time() -> None:
    imported = set().union(*(_imports(p) for p in _runtime_modules()))
    declared = {_name(r) for r in _project()["dependencies"]}  # type: ignore[attr-defined]
    unused = declared - set(_distributions(imported))
    assert unused == set(), f"runtime dependencies nothing at run time imports: {unused}"


def test_every_third_party_import_is_declared_where_it_is_used() -> None:
    project = _project()
    runtime = {_name(r) for r in project["dependencies"]}  # type: ignore[attr-defined]
    extras: dict[str, list[str]] = project["optional-dependencies"]  # type: ignore[assignment]
    undeclared: dict[str, set[str]] = {}
    for path in _runtime_modules():
        relative = path.relative_to(PACKAGE).as_posix()
        allowed = set(runtime)
        for extra, users in EXTRAS_USED_BY.items():
            if relative.startswith(users):
                allowed |= _names(extras[extra])
        for dist in set(_distributions(_imports(path))) - allowed:
            undeclared.setdefault(dist, set()).add(relative)
    undeclared = {d: paths for d, paths in undeclared.items() if d not in BROUGHT}
    assert undeclared == {}


# Imported directly, installed and pinned by what is declared: spaCy's thinc (the model's own
# layers), Datasette's server and Jinja's escaping (the serve extra).
BROUGHT = {"thinc", "uvicorn", "markupsafe"}


def test_no_unix_only_module_is_imported_at_load_time() -> None:
    at_load = {
        path.relative_to(REPO_ROOT).as_posix(): found
        for path in _runtime_modules()
        if (found := _imports(path, load_time_only=True) & UNIX_ONLY)
    }
    assert at_load == {}

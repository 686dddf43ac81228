"""What the database leaves beside itself (its writer lock, its WAL, the web view's mirror) is
ignored by git and removed by `make clean`, for the databases the Makefile makes."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

import pytest

from pipeline.ingest.lock import lock_path
from tests.conftest import REPO_ROOT

MAKEFILE = (REPO_ROOT / "Makefile").read_text(encoding="utf-8")
MADE = ("protokoll.duckdb", "synthetic.duckdb")  # by `make demo` and `make demo-synthetic`
MIRROR_SUFFIX = ".view.sqlite"  # pipeline/serve/mirror.py, which needs the serve extra


def _clean_patterns() -> list[str]:
    recipe = re.search(r"^clean:.*\n((?:\t.*\n)+)", MAKEFILE, re.M)
    assert recipe, "the Makefile has no clean rule"
    database = re.search(r"^DB\s*\?=\s*(\S+)", MAKEFILE, re.M)
    assert database
    words = recipe.group(1).replace("$(DB)", database.group(1)).split()
    return [w for w in words if w not in ("rm", "-f", "-rf")]


def _ignored() -> list[str]:
    lines = (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    return [line.strip().lstrip("/") for line in lines if line.strip() and line[0] != "#"]


@pytest.mark.parametrize("database", MADE)
def test_what_a_database_leaves_is_cleaned_and_ignored(database: str) -> None:
    path = Path(database)
    leftovers = [
        lock_path(REPO_ROOT / path).name,
        path.name + ".wal",
        path.stem + MIRROR_SUFFIX,
    ]
    for name in [path.name, *leftovers]:
        assert any(fnmatch.fnmatch(name, p) for p in _ignored()), f"git sees {name}"
    for name in [path.name, *leftovers]:
        assert any(fnmatch.fnmatch(name, p) for p in _clean_patterns()), f"make clean keeps {name}"


def test_make_demo_synthetic_makes_what_the_readme_says() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    said = re.search(r"make demo-synthetic\s+# (\d+) synthetic meetings .* into (\S+)", readme)
    assert said, "the README no longer says what make demo-synthetic makes"
    meetings = re.search(r"^SYNTH_MEETINGS\s*\?=\s*(\d+)", MAKEFILE, re.M)
    recipe = re.search(r"^demo-synthetic:.*\n((?:\t.*\n)+)", MAKEFILE, re.M)
    assert meetings and recipe
    assert said.group(1) == meetings.group(1)
    assert f"--db {said.group(2)}" in recipe.group(1)
    assert f"summary --db {said.group(2)}" in recipe.group(1)
    # text and scans, and the progress bar: what the README says the demo shows
    assert "--only" not in recipe.group(1) and " -q" not in recipe.group(1)
    assert "scanned" in said.group(0)

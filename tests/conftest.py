"""Shared fixtures: fixture documents, their extractions (each computed once), a fresh database."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.records import Minutes

TESTS_DIR = Path(__file__).parent
REPO_ROOT = TESTS_DIR.parent
FIXTURES = TESTS_DIR / "fixtures"
SAMPLE_DIR = REPO_ROOT / "data" / "sample"
SHARED_DIR = REPO_ROOT.parent / "shared"

_minutes_cache: dict[Path, Minutes] = {}


def has_tesseract() -> bool:
    return shutil.which("tesseract") is not None


requires_tesseract = pytest.mark.skipif(
    not has_tesseract(), reason="Tesseract is not installed (make install-system-deps)"
)


def extracted(path: Path) -> Minutes:
    """The minutes of a fixture, read once per test session: OCR takes seconds a page."""
    from pipeline.process import process

    if path not in _minutes_cache:
        _minutes_cache[path] = process(path)
    return _minutes_cache[path]


def shared_dir(*parts: str) -> Path:
    """A folder of ../shared, or skip: a user's clone has no ../shared beside it."""
    path = SHARED_DIR.joinpath(*parts)
    if not path.is_dir():
        pytest.skip(f"{path} is absent (it exists only beside the development checkout)")
    return path


@pytest.fixture
def db_con(tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    from pipeline.store import db

    con = db.connect(tmp_path / "test.duckdb")
    yield con
    con.close()

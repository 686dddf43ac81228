"""Archives for the batch tests: synthetic minutes as .txt, made once and copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from devtools.synth.write import Only, write_archive

MEETINGS = 8
LARGER = 60  # for runs stopped midway: a run of 60 documents writes many times


@pytest.fixture(scope="session")
def synthetic_texts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("synthetic")
    write_archive(out, MEETINGS, seed=7, only=Only.TXT)
    return out / "text"


@pytest.fixture(scope="session")
def larger_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("larger")
    write_archive(out, LARGER, seed=11, only=Only.TXT)
    return out / "text"


@pytest.fixture
def archive(tmp_path: Path, synthetic_texts: Path) -> Path:
    """A fresh copy of the archive, free to change."""
    copy = tmp_path / "arkiv"
    shutil.copytree(synthetic_texts, copy)
    return copy


def table_rows(db_path: Path, sql: str) -> list[tuple[object, ...]]:
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()

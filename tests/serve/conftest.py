"""data/sample ingested once for the view's tests, and the view over it as Datasette's client."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import SAMPLE_DIR

pytest.importorskip("datasette", reason="the web view needs Datasette: pip install '.[serve]'")


@dataclass(frozen=True)
class Sample:
    db: Path
    overrides: Path
    text_meeting: str  # the meeting of the text PDF: its pages have a text layer
    person: str  # a person with attendance in that meeting


@pytest.fixture(scope="session")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Sample:
    """data/sample ingested (without Tesseract the scan fails and is recorded; fine here)."""
    if not SAMPLE_DIR.is_dir():
        pytest.skip("data/sample is missing")
    folder = tmp_path_factory.mktemp("serve")
    db = folder / "sample.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLE_DIR), "--db", str(db), "--quiet"])
    assert db.exists(), result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        meeting = con.execute(
            "SELECT meeting_id FROM meetings JOIN documents d ON d.sha256 = meeting_id "
            "WHERE len(d.ocr_pages) = 0 ORDER BY date LIMIT 1"
        ).fetchone()
        assert meeting is not None
        person = con.execute(
            "SELECT person_id FROM attendance WHERE meeting_id = ? AND 'chair' IN roles",
            [meeting[0]],
        ).fetchone()
        assert person is not None
    finally:
        con.close()
    return Sample(db, folder / "sample.persons.toml", str(meeting[0]), str(person[0]))


class Client:
    """Datasette's in-process client, called synchronously."""

    def __init__(self, datasette: Any) -> None:
        self.datasette = datasette
        self.loop = asyncio.new_event_loop()
        self.loop.run_until_complete(datasette.invoke_startup())

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.loop.run_until_complete(self.datasette.client.get(path, **kwargs))

    def post(self, path: str, **kwargs: Any) -> Any:
        return self.loop.run_until_complete(self.datasette.client.post(path, **kwargs))

    def close(self) -> None:
        self.loop.close()


@pytest.fixture(scope="module")
def client(sample: Sample) -> Iterator[Client]:
    from pipeline.serve.app import make_app
    from pipeline.serve.mirror import ensure_mirror

    mirror = ensure_mirror(sample.db)
    view = Client(make_app(mirror.path, sample.db, sample.overrides))
    yield view
    view.close()

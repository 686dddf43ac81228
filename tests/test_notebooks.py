"""Every notebook runs top to bottom on the sample database and is committed without outputs."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient
from typer.testing import CliRunner

from pipeline.cli import app
from tests.conftest import REPO_ROOT, SAMPLE_DIR

NOTEBOOKS = sorted((REPO_ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT_S = 120
PLOTS = {"attendance_trends.ipynb": 4}  # attendance, parties, outcomes, money


@pytest.fixture(scope="session")
def sample_database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/sample ingested once per session (OCR of its scan takes most of the ~8 s).

    Without Tesseract the scanned sample fails and is recorded; the notebooks still run.
    """
    if not SAMPLE_DIR.is_dir():
        pytest.skip("data/sample is missing")
    path = tmp_path_factory.mktemp("notebooks") / "sample.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(SAMPLE_DIR), "--db", str(path), "--quiet"])
    assert path.exists(), result.output  # exit status 1 only says that some file failed
    return path


def test_there_are_notebooks() -> None:
    assert "attendance_trends.ipynb" in {n.name for n in NOTEBOOKS}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_committed_without_outputs(notebook: Path) -> None:
    cells = nbformat.read(notebook, as_version=4).cells
    code = [c for c in cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    assert any(c.cell_type == "markdown" for c in cells)


@pytest.mark.slow
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs(
    notebook: Path, sample_database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PROTOKOLL_DB", str(sample_database))
    monkeypatch.setenv("PYTHONPATH", str(REPO_ROOT))  # the kernel imports this checkout's code
    document = nbformat.read(notebook, as_version=4)
    client = NotebookClient(
        document,
        timeout=CELL_TIMEOUT_S,
        kernel_name="python3",
        resources={"metadata": {"path": str(notebook.parent)}},
    )
    client.execute()  # raises CellExecutionError, naming the cell, when one fails
    outputs = [o for c in document.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    printed = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    left_out = printed.count("No plot: ")  # a picture with nothing to draw is said, not drawn
    assert len(images) >= 2 and len(images) + left_out == PLOTS[notebook.name]

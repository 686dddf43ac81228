"""One meeting, two files (a text PDF and a scan of the same minutes): counted once, linked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from pipeline.discover import sha256_of
from pipeline.ingest import BatchOptions, run_batch
from pipeline.ingest.plan import PruneGuard
from tests.conftest import FIXTURES, requires_tesseract
from tests.ingest.conftest import table_rows

pytestmark = [pytest.mark.ocr, requires_tesseract]
TEXT = FIXTURES / "seeds" / "seed_000.pdf"
SCAN = FIXTURES / "seeds" / "seed_000.scan.pdf"
TWO = BatchOptions(jobs=2)


def counts(db_path: Path) -> tuple[object, ...]:
    return table_rows(
        db_path,
        "SELECT (SELECT count(*) FROM meetings), (SELECT count(*) FROM attendance), "
        "(SELECT count(*) FROM decisions), (SELECT count(*) FROM documents)",
    )[0]


@pytest.fixture(scope="module")
def text_only(tmp_path_factory: pytest.TempPathFactory) -> tuple[object, ...]:
    """What the text PDF alone gives."""
    root = tmp_path_factory.mktemp("text_only")
    shutil.copy(TEXT, root / "protokoll.pdf")
    run_batch([root], root / "a.duckdb", TWO)
    return counts(root / "a.duckdb")


def test_a_scan_after_its_text_pdf_is_linked_not_counted(
    tmp_path: Path, text_only: tuple[object, ...]
) -> None:
    root = tmp_path / "arkiv"
    root.mkdir()
    shutil.copy(TEXT, root / "a_text.pdf")
    db_path = tmp_path / "a.duckdb"
    run_batch([root], db_path, TWO)
    shutil.copy(SCAN, root / "b_skannad.pdf")  # scanned later, from the paper copy

    report = run_batch([root], db_path, TWO)

    assert not report.loaded and [Path(p).name for p in report.unchanged] == ["a_text.pdf"]
    assert [(Path(d.path).name, Path(d.kept).name) for d in report.duplicates] == [
        ("b_skannad.pdf", "a_text.pdf")
    ]
    meetings, attendance, decisions, documents = counts(db_path)
    assert (meetings, attendance, decisions) == text_only[:3] and documents == 2
    links = table_rows(db_path, "SELECT sha256, meeting_id, reason FROM duplicate_documents")
    assert [(s, m) for s, m, _ in links] == [(sha256_of(SCAN), sha256_of(TEXT))]
    assert "text layer kept over OCR" in str(links[0][2])


def test_a_text_pdf_read_with_its_scan_takes_the_meeting_over(
    tmp_path: Path, text_only: tuple[object, ...]
) -> None:
    root = tmp_path / "arkiv"
    root.mkdir()
    shutil.copy(SCAN, root / "a_skannad.pdf")
    shutil.copy(TEXT, root / "b_text.pdf")
    db_path = tmp_path / "a.duckdb"

    report = run_batch([root], db_path, TWO)

    assert [(Path(d.path).name, Path(d.kept).name) for d in report.duplicates] == [
        ("a_skannad.pdf", "b_text.pdf")
    ]
    assert counts(db_path)[:3] == text_only[:3]
    held = table_rows(db_path, "SELECT DISTINCT meeting_id FROM attendance")
    assert held == [(sha256_of(TEXT),)]  # the text layer's reading counts
    unnamed = (
        "SELECT count(*) FROM persons WHERE person_id NOT IN "
        "(SELECT person_id FROM attendance UNION SELECT person_id FROM signatories "
        "UNION SELECT person_id FROM entities WHERE person_id IS NOT NULL)"
    )
    assert table_rows(db_path, unnamed) == [(0,)]  # the scan's spellings left no one behind

    # the text PDF goes away: the scan is read again and holds the meeting
    (root / "b_text.pdf").unlink()
    # one of the two files is half the archive: the guard would refuse, so it is told to prune
    forced = BatchOptions(jobs=2, prune=True, prune_guard=PruneGuard(force=True))
    pruned = run_batch([root], db_path, forced)
    assert [Path(p).name for p in pruned.pruned] == ["b_text.pdf"]
    assert [Path(p).name for p in pruned.loaded] == ["a_skannad.pdf"]
    assert table_rows(db_path, "SELECT DISTINCT meeting_id FROM attendance") == [(sha256_of(SCAN),)]
    assert table_rows(db_path, "SELECT count(*) FROM duplicate_documents") == [(0,)]

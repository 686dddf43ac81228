"""Bad input never stops the batch: every kind of bad file gets its row in ingest_errors."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from pipeline.ingest import BatchOptions, run_batch
from pipeline.settings import ReadSettings
from tests.conftest import FIXTURES
from tests.ingest.conftest import table_rows

NOT_MINUTES = "Inköpslista\n\nMjölk, bröd, ägg och smör.\n\nGlöm inte kaffet!\n"


def pdf_of(lines: list[str], *, pages: int = 1, password: str | None = None) -> bytes:
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, canModify=0) if password else None
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for number in range(pages):
        for n, line in enumerate(lines):
            pdf.drawString(72, 760 - 20 * n, line)
        pdf.drawString(72, 40, f"Sida {number + 1}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def bad_archive(root: Path) -> dict[str, tuple[str, str]]:
    """Good minutes among bad files; name → (stage, error type) expected for each bad one."""
    root.mkdir()
    shutil.copy(FIXTURES / "seeds" / "seed_000.pdf", root / "a_bra.pdf")
    good = pdf_of(["Minnesanteckningar"])
    (root / "tom.pdf").write_bytes(b"")
    (root / "avklippt.pdf").write_bytes(good[: len(good) // 2])
    (root / "trasig.pdf").write_bytes(b"%PDF-1.7\n" + os.urandom(2048))
    (root / "krypterad.pdf").write_bytes(pdf_of(["Protokoll"], password="hemligt"))
    (root / "webbsida.pdf").write_text("<!DOCTYPE html><html><body>404</body></html>", "utf-8")
    (root / "binar.pdf").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(range(256)) * 8)
    (root / "rapport_500_sidor.pdf").write_bytes(pdf_of(["Årsredovisning"], pages=500))
    (root / "inkopslista.txt").write_text(NOT_MINUTES, "utf-8")
    os.mkfifo(root / "ror.txt")  # reading it would wait forever
    (root / "borta.pdf").symlink_to(root / "finns_inte.pdf")
    (root / "sig_sjalv.pdf").symlink_to(root / "sig_sjalv.pdf")
    (root / "undermapp").mkdir()
    (root / "undermapp" / "uppat").symlink_to(root, target_is_directory=True)
    return {
        "tom.pdf": ("extract", "EmptyFile"),
        "avklippt.pdf": ("extract", "CorruptFile"),
        "trasig.pdf": ("extract", "CorruptFile"),
        "krypterad.pdf": ("extract", "EncryptedFile"),
        "webbsida.pdf": ("extract", "FormatMismatch"),
        "binar.pdf": ("extract", "FormatMismatch"),
        "rapport_500_sidor.pdf": ("extract", "TooLarge"),
        "inkopslista.txt": ("parse", "NotMinutes"),
        "ror.txt": ("extract", "InputError"),
        "borta.pdf": ("extract", "InputError"),
        "sig_sjalv.pdf": ("discover", "SymlinkLoop"),
        "uppat": ("discover", "SymlinkLoop"),
    }


def test_every_bad_file_is_recorded_and_the_good_one_loaded(tmp_path: Path) -> None:
    expected = bad_archive(tmp_path / "arkiv")
    db_path = tmp_path / "a.duckdb"

    report = run_batch([tmp_path / "arkiv"], db_path, BatchOptions(jobs=2))

    assert [Path(p).name for p in report.loaded] == ["a_bra.pdf"]
    assert {Path(f.path).name: (f.stage, f.error_type) for f in report.failed} == expected
    rows = table_rows(db_path, "SELECT path, stage, error_type, message FROM ingest_errors")
    assert {Path(p).name: (s, t) for p, s, t, _ in rows} == expected
    for path, _, _, message in rows:
        assert path in message  # each message names its file
    assert table_rows(db_path, "SELECT count(*) FROM meetings") == [(1,)]  # none loaded empty
    assert "500 pages, more than the limit of 300" in _message(rows, "rapport_500_sidor.pdf")


def test_the_page_limit_is_an_option(tmp_path: Path) -> None:
    root = tmp_path / "arkiv"
    root.mkdir()
    (root / "lang.pdf").write_bytes(pdf_of(["Protokoll"], pages=12))
    report = run_batch(
        [root], tmp_path / "a.duckdb", BatchOptions(jobs=1, reading=ReadSettings(max_pages=10))
    )
    assert [(f.error_type, "limit of 10" in f.message) for f in report.failed] == [
        ("TooLarge", True)
    ]


def _message(rows: list[tuple[object, ...]], name: str) -> str:
    return next(str(m) for p, _, _, m in rows if Path(str(p)).name == name)

"""Word 97–2003 .doc files read by antiword, with LibreOffice for what antiword cannot read."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.discover import identify
from pipeline.errors import EncryptedFile, ExtractionError, MissingDependency
from pipeline.extract import extract
from pipeline.extract.office import office_binary
from pipeline.extract.worddoc import CannotRead, antiword_binary, read_doc, tidy
from pipeline.records import PageMethod
from tests.conftest import FIXTURES

WORD97 = FIXTURES / "word97"
requires_antiword = pytest.mark.skipif(
    shutil.which("antiword") is None,
    reason="antiword is not installed (scripts/install-system-deps.sh)",
)


@pytest.fixture
def fresh_lookups() -> Iterator[None]:
    """Programs are looked up once per process: look again under this test's PATH."""
    antiword_binary.cache_clear()
    office_binary.cache_clear()
    yield
    antiword_binary.cache_clear()
    office_binary.cache_clear()


def fake_program(folder: Path, name: str, script: str) -> Path:
    folder.mkdir(exist_ok=True)
    program = folder / name
    program.write_text(f"#!/bin/sh\n{script}\n")
    program.chmod(0o755)
    return program


@requires_antiword
def test_a_word_97_document_reads_without_an_office_suite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookups: None
) -> None:
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / "antiword").symlink_to(shutil.which("antiword") or "")
    monkeypatch.setenv("PATH", str(tmp_path / "bin"))  # antiword, and no LibreOffice
    doc = extract(identify(WORD97 / "various.doc"))
    (page,) = doc.pages
    assert page.method is PageMethod.TEXT
    lines = page.text.split("\n")
    # a table row is one line of cells, as the .docx reader gives it
    assert "Row 1 Col 1\tRow 1 Col 2\tRow 1 Col 3" in lines
    assert "Row 2 Col 1\tRow 2 Col 2\tRow 2 Col 3" in lines
    assert "ゾルゲと尾崎、淡々と最期" in lines  # a Unicode text piece
    # paragraphs apart by a blank line; the field code of a link stays out
    assert "Here is a list:\n\nBullet 1\n\nBullet 2" in page.text
    assert "This is a hyperlink" in lines
    assert "HYPERLINK" not in page.text


@requires_antiword
def test_automatic_list_numbers_are_read_as_shown() -> None:
    """Minutes number their items with Word's lists as often as by hand: the numbers Word
    computes when it lays out the page are part of the text."""
    (page,) = extract(identify(WORD97 / "numbered_list.doc")).pages
    lines = page.text.split("\n")
    for item in ("1) This", "a) Is", "2) foo", "6. six", "7. seven"):
        assert item in lines
    assert "Intervening table\tWithin cell 1" in lines


def test_antiwords_table_rows_become_cells_between_tabs() -> None:
    output = (
        "Närvarande\n\n"
        "|Ordförande      |Anna Åberg       |                 |\n"
        "|Sekreterare     |Örjan Ek         |§ 1–4            |\n"
        "\n\n\n"
        "   1) Mötets öppnande\n"
        "-----------------------\n"
        "[1] En fotnot\n"
    )
    assert tidy(output) == (
        "Närvarande\n\n"
        "Ordförande\tAnna Åberg\n"
        "Sekreterare\tÖrjan Ek\t§ 1–4\n\n"
        "1) Mötets öppnande\n\n"
        "[1] En fotnot"
    )


def test_an_encrypted_document_is_an_encrypted_file(tmp_path: Path) -> None:
    fake = fake_program(
        tmp_path / "bin", "antiword", "echo 'Encrypted documents are not supported' >&2; exit 1"
    )
    path = tmp_path / "hemligt.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(EncryptedFile) as raised:
        read_doc(str(fake), path)
    assert str(path) in str(raised.value)
    assert "password" in str(raised.value)


def test_antiword_that_hangs_gives_a_typed_error(tmp_path: Path) -> None:
    fake = fake_program(tmp_path / "bin", "antiword", "sleep 30")
    path = tmp_path / "gammalt.doc"
    path.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(ExtractionError, match=r"within 0\.5 s"):
        read_doc(str(fake), path, timeout_s=0.5)


def test_a_file_antiword_refuses_is_for_another_reader(tmp_path: Path) -> None:
    fake = fake_program(
        tmp_path / "bin", "antiword", "echo 'gammalt.doc is not a Word Document.' >&2; exit 1"
    )
    path = tmp_path / "gammalt.doc"
    path.write_bytes(b"{\\rtf1 hej}")
    with pytest.raises(CannotRead, match="not a Word Document"):
        read_doc(str(fake), path)


def test_an_rtf_saved_as_doc_without_libreoffice_says_what_is_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookups: None
) -> None:
    """Word can save RTF under .doc; antiword refuses it, and only LibreOffice would read it."""
    bin_dir = tmp_path / "bin"
    fake_program(bin_dir, "antiword", 'echo "$5 is not a Word Document." >&2; exit 1')
    monkeypatch.setenv("PATH", str(bin_dir))
    path = tmp_path / "gammalt.doc"
    path.write_bytes(b"{\\rtf1\\ansi Protokoll\\par}")
    with pytest.raises(MissingDependency) as raised:
        extract(identify(path))
    message = str(raised.value)
    assert "antiword cannot read the file" in message
    assert "is not a Word Document" in message
    assert "apt-get install libreoffice-writer-nogui" in message


def test_a_doc_file_without_either_reader_says_how_to_install_antiword(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lookups: None
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    path = tmp_path / "gammalt.doc"
    path.write_bytes((WORD97 / "various.doc").read_bytes())
    with pytest.raises(MissingDependency) as raised:
        extract(identify(path))
    assert str(path) in str(raised.value)
    assert "apt-get install antiword" in str(raised.value)
    assert raised.value.exit_code == 3

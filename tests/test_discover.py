"""Discovery: walking an archive and naming what cannot be read before anything parses it."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import docx
import pytest

from pipeline.discover import identify, walk
from pipeline.errors import EmptyFile, FormatMismatch, UnsupportedFormat
from pipeline.records import SourceFormat
from tests.conftest import FIXTURES


def test_formats_and_content_hash() -> None:
    source = identify(FIXTURES / "seeds" / "seed_000.pdf")
    assert source.format is SourceFormat.PDF
    assert len(source.sha256) == 64
    assert identify(FIXTURES / "seeds" / "seed_000.txt").format is SourceFormat.TXT


def test_walk_is_sorted_and_skips_hidden(tmp_path: Path) -> None:
    for name in ("b.pdf", "a.txt", ".DS_Store", ".git/config", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    assert [p.relative_to(tmp_path).as_posix() for p in walk([tmp_path])] == [
        "a.txt",
        "b.pdf",
        "sub/c.txt",
    ]


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("empty.pdf", b"", EmptyFile),
        ("page.pdf", b"<!DOCTYPE html><html><body>Not found</body></html>", FormatMismatch),
        ("scan.png", b"%PDF-1.4 not a png", FormatMismatch),
        ("minutes.xlsx", b"PK\x03\x04", UnsupportedFormat),
    ],
)
def test_bad_files_get_a_typed_error_naming_file_and_reason(
    tmp_path: Path, name: str, content: bytes, error: type[Exception]
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(error) as raised:
        identify(path)
    assert str(path) in str(raised.value)


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    docx.Document().save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("protokoll.md", "# § 1 Öppnande".encode(), SourceFormat.TXT),
        ("protokoll.markdown", b"Text", SourceFormat.TXT),
        ("protokoll.org", b"* Rubrik", SourceFormat.TXT),
        ("protokoll.tex", b"\\section{A}", SourceFormat.TXT),
        ("protokoll.typ", b"= A", SourceFormat.TXT),
        ("utf16.txt", "\ufeffMöte".encode("utf-16-le"), SourceFormat.TXT),
        ("utf16-utan-bom.txt", "Möte i Sjöviken".encode("utf-16-le"), SourceFormat.TXT),
        ("protokoll.docx", _docx_bytes(), SourceFormat.DOCX),
        ("gammal.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504, SourceFormat.OFFICE),
        ("rtf-som-doc.doc", b"{\\rtf1\\ansi text}", SourceFormat.OFFICE),
        ("brev.rtf", b"\xef\xbb\xbf\n{\\rtf1\\ansi text}", SourceFormat.OFFICE),
    ],
)
def test_text_markup_word_and_office_formats(
    tmp_path: Path, name: str, content: bytes, expected: SourceFormat
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert identify(path).format is expected


def test_odt_needs_its_content_part(tmp_path: Path) -> None:
    path = tmp_path / "brev.odt"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", "<office:document-content/>")
    assert identify(path).format is SourceFormat.OFFICE


def test_only_the_head_of_a_text_file_is_checked(tmp_path: Path) -> None:
    # A NUL far into a large text file is the decoder's business, not discovery's: discovery
    # reads one KiB to stay fast on a whole archive.
    path = tmp_path / "stor.txt"
    path.write_bytes(b"Protokoll\n" * 10_000 + b"\x00")
    assert identify(path).format is SourceFormat.TXT

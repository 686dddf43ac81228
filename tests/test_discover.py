"""Discovery: walking an archive and naming what cannot be read before anything parses it."""

from __future__ import annotations

from pathlib import Path

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

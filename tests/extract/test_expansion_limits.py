"""Expansion limits: a zip that unpacks to far more than minutes hold, a text file of hundreds
of megabytes, a page of millions of characters are refused by name before they fill memory."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import docx
import pytest

from pipeline import limits
from pipeline.discover import identify
from pipeline.errors import TooLarge
from pipeline.extract import extract
from pipeline.extract.docx import extract_docx
from pipeline.extract.text import extract_text_file
from pipeline.process import process

RANDOM_2MB = random.Random(7).randbytes(2 * 2**20)  # does not compress
MINUTES = "Protokoll\nStyrelsen 2023-03-14\nNärvarande: Anna Berg, Bo Ek\n§ 1 Mötets öppnande\n"


def _docx_with(tmp_path: Path, member: str, data: bytes) -> Path:
    path = tmp_path / "minutes.docx"
    document = docx.Document()
    document.add_paragraph("Protokoll")
    document.save(str(path))
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(member, data)
    return path


def test_a_docx_member_compressed_a_thousand_to_one_is_refused(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, "word/bomb.xml", b"<w:t>" + b" " * (4 * 2**20) + b"</w:t>")
    with pytest.raises(TooLarge, match=r"bomb\.xml is compressed \d+ to 1"):
        extract_docx(path)


def test_a_docx_member_over_the_size_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _docx_with(tmp_path, "word/media/image1.png", RANDOM_2MB)
    monkeypatch.setattr(limits, "MAX_MEMBER_BYTES", 2**20)
    with pytest.raises(TooLarge, match=r"image1\.png unpacks to 2\.0 MB"):
        extract_docx(path)


def test_a_docx_over_the_total_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _docx_with(tmp_path, "word/media/image1.png", RANDOM_2MB)
    monkeypatch.setattr(limits, "MAX_UNPACKED_BYTES", 2**20)
    with pytest.raises(TooLarge, match=r"the Word document unpacks to 2\.\d MB"):
        extract_docx(path)


def test_an_ordinary_docx_is_read(tmp_path: Path) -> None:
    path = _docx_with(tmp_path, "customXml/extra.xml", b"<a/>")
    assert "Protokoll" in extract_docx(path)[0].text


def test_a_text_file_over_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES * 100, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_TEXT_FILE_BYTES", 1000)
    with pytest.raises(TooLarge, match=r"the text file has \d+ kB, more than 1 kB"):
        extract_text_file(path)


def test_a_page_over_the_limit_is_refused_by_the_whole_pipeline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text(MINUTES + "\f" + "ord " * 1000, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_PAGE_CHARS", 2000)
    with pytest.raises(TooLarge, match="page 2 holds 4,000 characters, more than 2,000") as error:
        process(path)
    assert error.value.path == str(path)


def test_a_text_over_the_limit_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "minutes.txt"
    path.write_text((MINUTES + "\f") * 30, encoding="utf-8")
    monkeypatch.setattr(limits, "MAX_TEXT_CHARS", 1000)
    with pytest.raises(TooLarge, match=r"the text holds [\d,]+ characters, more than 1,000"):
        extract(identify(path))

"""UTF-8 with a few damaged bytes is read, the bytes replaced and the document warned; a file
that is not UTF-8 at all is still read in its own encoding, or refused when it is not text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import CorruptFile
from pipeline.extract.text import decode_noting, extract_text_file
from pipeline.process import process

MINUTES = (
    "Protokoll fört vid styrelsemöte i Föreningen Sjöviken\n"
    "Datum: 2023-03-14\nNärvarande: Åsa Öberg, Bo Ek\n\n"
    "§ 1 Mötets öppnande\nOrdföranden öppnade mötet.\n\n"
    "§ 2 Ekonomi\nStyrelsen beslutar att godkänna årets budget för föreningen.\n"
)


def _damaged(text: str, bad: bytes = b"\xff") -> bytes:
    raw = text.encode("utf-8")
    middle = raw.index(b"budget")
    return raw[:middle] + bad + raw[middle:]


def test_a_few_bad_bytes_are_replaced_with_a_warning() -> None:
    text, warnings = decode_noting(_damaged(MINUTES * 3))
    assert text.count("\ufffd") == 1
    assert "Åsa Öberg" in text
    assert warnings and warnings[0].startswith("1 bytes that are not UTF-8")


def test_a_cut_character_is_one_replacement() -> None:
    text, warnings = decode_noting(_damaged(MINUTES, "ö".encode()[:1]))
    assert "\ufffdbudget" in text and warnings


def test_valid_utf8_has_no_warning() -> None:
    assert decode_noting(MINUTES.encode()) == (MINUTES, ())


def test_a_single_byte_encoding_is_still_read_as_itself() -> None:
    text, warnings = decode_noting(MINUTES.encode("cp1252"))
    assert text == MINUTES and warnings == ()


def test_many_bad_bytes_are_no_damaged_utf8(tmp_path: Path) -> None:
    path = tmp_path / "binary.txt"
    path.write_bytes(_damaged(MINUTES, bytes(range(0x80, 0x100)) * 4))
    with pytest.raises(CorruptFile, match="encoding cannot be recognised"):
        extract_text_file(path)


def test_the_document_carries_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "minutes.txt"
    path.write_bytes(_damaged(MINUTES))
    minutes = process(path)
    assert any("not UTF-8" in warning for warning in minutes.warnings)
    assert [s.number for s in minutes.sections] == ["1", "2"]

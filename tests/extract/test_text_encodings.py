"""Plain-text minutes in every encoding Swedish offices have saved them in, short and long.

Each text is written to a file in each encoding that can hold it and read back through
discovery and extraction: å ä ö Å Ä Ö é § and the en dash (0x96 in cp1252) must come out as
written. Short texts are the hard case: charset-normalizer on its own often guesses cp1250,
mac_roman or even UTF-16 for them.
"""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.discover import identify
from pipeline.errors import CorruptFile
from pipeline.extract import extract
from pipeline.extract.text import decode, decode_legacy, plausibility
from tests.conftest import FIXTURES

LONG = (FIXTURES / "seeds" / "seed_000.txt").read_text("utf-8")
TEXTS = {
    "word": "Åtgärd",
    "only-ö": "Möte",
    "section": "§ 3 Beslut – godkänns",
    "dash": "kl 13.00 – 15.00",
    "attendance": "Närvarande: Anna Öberg, Bo Ek\nSekreterare: Åsa Ärlig",
    "capitals": "ÅRSMÖTE FÖR LÅNGASANDS FASTIGHETSÄGAREFÖRENING",
    "accents": "Café René Édouard, § 4 Övriga frågor",
    "quotes": "Han sa ”bifalles” – och kostnaden blev 5 000 € … enligt § 12.",
    "long": LONG,
}
UTF8_AND_16: dict[str, tuple[bytes, str]] = {  # name: (byte-order mark, codec after it)
    "utf-8": (b"", "utf-8"),
    "utf-8-bom": (codecs.BOM_UTF8, "utf-8"),
    "utf-16-le-bom": (codecs.BOM_UTF16_LE, "utf-16-le"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE, "utf-16-be"),
    "utf-16-le": (b"", "utf-16-le"),
}
LEGACY = ("cp1252", "iso-8859-1", "iso-8859-15", "cp850", "mac_roman")


def _cases() -> list[tuple[str, str, bytes]]:
    cases = []
    for text_name, text in TEXTS.items():
        for name, (bom, codec) in UTF8_AND_16.items():
            cases.append((text_name, name, bom + text.encode(codec)))
        for codec in LEGACY:
            try:
                cases.append((text_name, codec, text.encode(codec)))
            except UnicodeEncodeError:
                continue  # Latin-1 has no "–" or "€", Mac Roman no "½": such files cannot exist
    return cases


@pytest.mark.parametrize(
    ("text_name", "encoding", "raw"), _cases(), ids=[f"{t}-{e}" for t, e, _ in _cases()]
)
def test_every_encoding_reads_back_as_written(
    tmp_path: Path, text_name: str, encoding: str, raw: bytes
) -> None:
    path = tmp_path / f"{text_name}.txt"
    path.write_bytes(raw)
    pages = extract(identify(path)).pages
    assert "\f".join(page.text for page in pages) == TEXTS[text_name]


@pytest.mark.parametrize("text_name", ["section", "dash", "quotes"])
def test_the_en_dash_byte_makes_cp1252_win_over_latin1(text_name: str) -> None:
    text, encoding = decode_legacy(TEXTS[text_name].encode("cp1252"))
    assert (text, encoding) == (TEXTS[text_name], "cp1252")


def test_scores_favour_swedish_letters_and_punish_impossible_characters() -> None:
    right = plausibility("Möte för årsmöte – § 3")
    wrong_cp1250 = plausibility("Möte för ĺrsmöte – § 3")
    wrong_mac = plausibility("M\u02c6te fˆr Œrsm\u02c6te ñ § 3")
    assert right[1] == 0
    assert right[0] > wrong_cp1250[0] > wrong_mac[0]
    assert wrong_mac[1] > 0


def test_form_feeds_split_pages(tmp_path: Path) -> None:
    path = tmp_path / "paged.txt"
    path.write_bytes("Sida ett – början\fSida två § 2".encode("cp1252"))
    pages = extract(identify(path)).pages
    assert [(p.number, p.text) for p in pages] == [(1, "Sida ett – början"), (2, "Sida två § 2")]


def test_valid_utf8_with_replacement_characters_is_kept_as_it_is() -> None:
    # The Långasand files lost å/ä/ö before publication: U+FFFD is their content, not a
    # decoding error to repair.
    damaged = "M\ufffdtet \ufffdppnas"
    assert decode(damaged.encode("utf-8")) == damaged


def test_bytes_no_encoding_explains_are_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "garbage.txt"
    path.write_bytes(bytes(range(0x80, 0x100)) * 8)
    with pytest.raises(CorruptFile) as raised:
        extract(identify(path))
    assert str(path) in str(raised.value)
    assert "encoding" in str(raised.value)


def test_a_truncated_utf16_file_is_an_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "cut.txt"
    path.write_bytes(codecs.BOM_UTF16_LE + "Närvarande".encode("utf-16-le")[:-1])
    with pytest.raises(CorruptFile) as raised:
        extract(identify(path))
    assert str(path) in str(raised.value)
    assert "utf-16" in str(raised.value)


def test_markup_files_are_decoded_the_same_way(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.md"
    path.write_bytes("# § 1 Mötets öppnande\n\nÅsa öppnade – kl 18.".encode("cp1252"))
    assert extract(identify(path)).pages[0].text == "§ 1 Mötets öppnande\n\nÅsa öppnade – kl 18."

"""Plain-text minutes in whatever encoding they were saved in.

A byte-order mark or valid UTF-8 settles the encoding. Otherwise the text is in one of the
single-byte encodings Swedish offices have used (Windows-1252, Latin-1/-9, DOS code page 850,
Mac Roman…). charset-normalizer alone often picks the wrong one of these on short Swedish texts
(cp1250 or mac_roman for cp1252: "ĺ" or "Â" for "å"), so every candidate decodes the bytes and
the one whose text reads most like Swedish wins: Swedish letters count for it, characters that no
Swedish text contains (C1 controls, "ĺ", "Œ", "√", box drawing) against it.
"""

from __future__ import annotations

import re
from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.errors import CorruptFile
from pipeline.limits import check_text_file
from pipeline.records import Page, PageMethod

FORM_FEED = "\f"  # text exports of paged documents mark page breaks with it

# Byte-order marks, longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
BOMS: tuple[tuple[bytes, str], ...] = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
# The single-byte encodings tried for text that is not UTF-8, in order of preference on a tie.
LEGACY_ENCODINGS = (
    "cp1252",  # Windows Western: Word and Notepad in Sweden until UTF-8
    "iso-8859-1",  # Latin-1: cp1252 without – ’ € (bytes 0x80–0x9f are controls)
    "iso-8859-15",  # Latin-9: € at 0xa4
    "cp850",  # DOS Western Europe
    "mac_roman",  # classic Mac OS
    "cp437",  # DOS US, same å ä ö as cp850
    "cp1250",  # Windows Central Europe: å is "ĺ"
)
SWEDISH_LETTERS = frozenset("åäöÅÄÖ")
# Other characters a Swedish text plausibly holds: names' accents, typographic punctuation.
PLAUSIBLE_CHARS = frozenset(
    "éÉèÈëËüÜáÁàÀóÓíÍúÚñÑçÇøØæÆ§–—‘’‚“”«»…•·°½¼¾€£×±´\u00a0\u00ad\u2009\u202f"
)
SWEDISH_LETTER_SCORE = 2
PLAUSIBLE_SCORE = 1
IMPLAUSIBLE_SCORE = -3
MAX_IMPLAUSIBLE_SHARE = 0.02  # of all characters: more and the text is not in any known encoding
MIN_IMPLAUSIBLE_TO_REJECT = 4  # a stray odd character or two never makes a file unreadable
UNREADABLE = "\ufffd"  # the replacement character, which the cleaning stage reads as å, ä, ö
MAX_BAD_UTF8_SHARE = 0.01  # of the file's bytes: more, and the file is not damaged UTF-8
NON_ASCII = re.compile(r"[^\x09\x0a\x0c\x0d\x20-\x7e]")
ASCII_PRINTABLE = bytes(range(0x20, 0x7F))


def decode(raw: bytes, *, source: str | None = None) -> str:
    """Decode bytes, trusting a BOM or valid UTF-8 first and scored candidates after that."""
    return decode_noting(raw, source=source)[0]


def decode_noting(raw: bytes, *, source: str | None = None) -> tuple[str, tuple[str, ...]]:
    """The text, and a warning when a few bytes that are not UTF-8 were read as U+FFFD."""
    for bom, encoding in BOMS:
        if raw.startswith(bom):
            return _strict(raw, encoding, source), ()
    utf16 = utf16_without_bom(raw)  # before UTF-8: NUL bytes are valid UTF-8
    if utf16 is not None:
        return _strict(raw, utf16, source), ()
    try:
        return raw.decode("utf-8"), ()
    except UnicodeDecodeError:
        pass
    damaged = mostly_utf8(raw)
    if damaged is not None:
        return damaged
    return decode_legacy(raw, source=source)[0], ()


def mostly_utf8(raw: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few damaged bytes (a bad copy, a truncated character), read with U+FFFD
    in their place: the file shows more valid multi-byte characters than bad bytes, and the
    bad bytes are under MAX_BAD_UTF8_SHARE of it. A file in a single-byte encoding has no
    valid multi-byte characters, and is left to the legacy candidates."""
    text = raw.decode("utf-8", "replace")
    bad = text.count(UNREADABLE) - raw.count(UNREADABLE.encode())
    wide = len(NON_ASCII.findall(text)) - text.count(UNREADABLE)
    if bad > MAX_BAD_UTF8_SHARE * len(raw) or wide <= bad:
        return None
    share = bad / len(raw)
    return text, (
        f'{bad} bytes that are not UTF-8 read as "{UNREADABLE}" ({share:.2%} of the file)',
    )


def decode_legacy(raw: bytes, *, source: str | None = None) -> tuple[str, str]:
    """The text and encoding among the single-byte candidates that reads most like Swedish.

    charset-normalizer is asked only when the fixed candidates leave characters unexplained;
    its guesses then join the contest rather than decide it.
    """
    candidates = _score_all(raw, LEGACY_ENCODINGS)
    if candidates[0][2] > 0:
        guessed = tuple(match.encoding for match in from_bytes(raw))
        extra = tuple(e for e in guessed if e not in LEGACY_ENCODINGS and _ascii_compatible(e))
        candidates = sorted([*candidates, *_score_all(raw, extra)], key=_rank)
    text, encoding, implausible, _ = candidates[0]
    if implausible >= max(MIN_IMPLAUSIBLE_TO_REJECT, MAX_IMPLAUSIBLE_SHARE * len(text)):
        raise CorruptFile(
            f"the text's encoding cannot be recognised ({implausible} characters make no sense "
            f"in any of {', '.join(e for _, e, _, _ in candidates)})",
            path=source,
            hint="save the file as UTF-8 and ingest it again",
        )
    return text, encoding


def utf16_without_bom(raw: bytes) -> str | None:
    """'utf-16-le' or '-be' when every other byte is NUL, as in Latin text saved as UTF-16."""
    sample = raw[:4096]
    if len(sample) < 4 or len(raw) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) >= 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def plausibility(text: str) -> tuple[int, int]:
    """(score, implausible characters) of a decoded text; only non-ASCII characters count."""
    score = implausible = 0
    for char in NON_ASCII.findall(text):
        if char in SWEDISH_LETTERS:
            score += SWEDISH_LETTER_SCORE
        elif char in PLAUSIBLE_CHARS:
            score += PLAUSIBLE_SCORE
        else:
            score += IMPLAUSIBLE_SCORE
            implausible += 1
    return score, implausible


def extract_text_file(path: Path) -> tuple[Page, ...]:
    check_text_file(path)
    text, warnings = decode_noting(path.read_bytes(), source=str(path))
    chunks = text.split(FORM_FEED)
    return tuple(
        Page(n, chunk, PageMethod.TEXT, warnings=warnings if n == 1 else ())
        for n, chunk in enumerate(chunks, 1)
    )


def _strict(raw: bytes, encoding: str, source: str | None) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise CorruptFile(
            f"the text is not valid {encoding} although it starts like it ({exc.reason} at "
            f"byte {exc.start})",
            path=source,
            hint="save the file as UTF-8 and ingest it again",
        ) from exc


_Candidate = tuple[str, str, int, int]  # text, encoding, implausible characters, score


def _score_all(raw: bytes, encodings: tuple[str, ...]) -> list[_Candidate]:
    scored: list[_Candidate] = []
    for encoding in encodings:
        try:
            text = raw.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        score, implausible = plausibility(text)
        scored.append((text, encoding, implausible, score))
    return sorted(scored, key=_rank)


def _rank(candidate: _Candidate) -> tuple[int, int]:
    # Highest score first; sorted() is stable, so ties keep the order of preference.
    return (-candidate[3], candidate[2])


def _ascii_compatible(encoding: str) -> bool:
    """EBCDIC and UTF-7 guesses would turn plain ASCII into other letters; they never apply."""
    try:
        return ASCII_PRINTABLE.decode(encoding) == ASCII_PRINTABLE.decode("ascii")
    except (UnicodeDecodeError, LookupError):
        return False

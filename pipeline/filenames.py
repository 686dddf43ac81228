"""File names as the system gives them (any bytes) and as protokoll prints and stores them.

A POSIX file name is bytes: an archive copied from an old Windows share or a zip file often
holds Latin-1 names (b"m\\xf6te.txt") that are not UTF-8. Python carries such a name as a str
with lone surrogates, which opens the file but crashes anything that writes text (DuckDB,
Arrow, JSON, a terminal). So a name has two forms: its bytes, kept faithfully
(`path_bytes`), and a printable form (`path`) in which every byte that is not UTF-8 is written
`\\xf6` and every control character escaped, the way `ls -b` shows it.
"""

from __future__ import annotations

import os
from pathlib import Path

PathLike = str | bytes | os.PathLike[str] | os.PathLike[bytes]


def name_bytes(name: PathLike) -> bytes:
    """The bytes of a name as the file system holds them."""
    try:
        return os.fsencode(name)
    except UnicodeEncodeError:  # a lone surrogate no file system gave: keep it visible
        return os.fspath(name).encode("utf-8", "backslashreplace")  # type: ignore[union-attr]


def printable(name: PathLike) -> str:
    """The name as one line of valid UTF-8 text: undecodable bytes and control characters as
    escapes (`m\\xf6te.txt`, `a\\nb.txt`), everything else as it is."""
    text = name_bytes(name).decode("utf-8", "backslashreplace")
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else _escape(c) for c in text)


def clean_text(text: str) -> str:
    """A message that may quote a name: its undecodable bytes escaped, the rest kept."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        errors = "surrogateescape" if _only_escapes(text) else "surrogatepass"
        return text.encode("utf-8", errors).decode("utf-8", "backslashreplace")


def from_bytes(raw: bytes) -> Path:
    """The path that opens the file whose name is `raw`."""
    return Path(os.fsdecode(raw))


def _escape(char: str) -> str:
    code = ord(char)
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _only_escapes(text: str) -> bool:
    """Whether every lone surrogate in `text` is one Python made of an undecodable byte."""
    return all(not 0xD800 <= ord(c) <= 0xDFFF or 0xDC80 <= ord(c) <= 0xDCFF for c in text)

"""Plain-text minutes in whatever encoding they were saved in."""

from __future__ import annotations

from pathlib import Path

from charset_normalizer import from_bytes

from pipeline.errors import CorruptFile
from pipeline.records import Page, PageMethod

FORM_FEED = "\f"  # text exports of paged documents mark page breaks with it


def decode(raw: bytes, *, source: str | None = None) -> str:
    """Decode bytes, trusting a BOM or valid UTF-8 first and charset detection after that."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = from_bytes(raw).best()
    if best is None:
        raise CorruptFile("the text's encoding cannot be recognised", path=source)
    return str(best)


def extract_text_file(path: Path) -> tuple[Page, ...]:
    text = decode(path.read_bytes(), source=str(path))
    chunks = text.split(FORM_FEED)
    return tuple(Page(n, chunk, PageMethod.TEXT) for n, chunk in enumerate(chunks, 1))

"""How large an input may be before it is refused: minutes run to tens of pages, not hundreds,
and to megabytes of text, not hundreds of megabytes. Each limit is checked before the work it
guards: the pages before any is read, a zip's members before any is unpacked, a text file's
size before it is read.

The batch ingest hands `--max-pages` to each document's reading in its settings
(`pipeline.settings.ReadSettings`), which sets it for that reading (`pages_limited`), so the limit
reaches every worker, on this machine or another, without being passed through each stage.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

from pipeline.errors import TooLarge
from pipeline.records import Page

# Minutes with their appendices run to a few dozen pages; 300 leaves room for a year bound
# into one file, and stops a 500-page report from holding a worker for an hour of OCR.
DEFAULT_MAX_PAGES = 300
_LIMIT: ContextVar[int | None] = ContextVar("max_pages", default=None)


@contextmanager
def pages_limited(limit: int | None) -> Iterator[None]:
    """Within the block (this thread), documents are held to `limit` pages; None changes nothing."""
    token = _LIMIT.set(limit)
    try:
        yield
    finally:
        _LIMIT.reset(token)


def max_pages() -> int:
    """The most pages a PDF or multi-page image may have: the limit of `pages_limited`, else
    the default. A limit that is not positive is no limit to lift: the default holds."""
    given = _LIMIT.get()
    return given if given is not None and given > 0 else DEFAULT_MAX_PAGES


def check_page_count(pages: int, *, kind: str, path: str) -> None:
    """Refuse a file of more pages than the limit, before any page is read."""
    limit = max_pages()
    if pages > limit:
        raise TooLarge(
            f"the {kind} has {pages} pages, more than the limit of {limit}",
            path=path,
            hint="raise the limit with --max-pages if these are really minutes",
        )


# What a file may expand to. A Word document is a zip of XML that python-docx parses whole: a
# 1 MB file that unpacks to 300 MB of XML took 4 GiB. Minutes unpack to a few megabytes.
MAX_MEMBER_BYTES = 100 * 2**20  # one member of a zip, unpacked
MAX_UNPACKED_BYTES = 300 * 2**20  # all members together
MAX_COMPRESSION_RATIO = 100  # XML compresses 5–20 times; a bomb thousands of times
RATIO_FROM_BYTES = 2**20  # smaller members may compress as well as they like
# What a file's text may hold: a year of minutes is a few million characters.
MAX_TEXT_CHARS = 20_000_000
MAX_PAGE_CHARS = 2_000_000  # a printed page holds a few thousand
MAX_TEXT_FILE_BYTES = 4 * MAX_TEXT_CHARS  # UTF-32 spends four bytes a character


def check_archive(path: Path, *, kind: str, source: str) -> None:
    """Refuse a zip (Word, OpenDocument) whose members unpack to more than the limits, from
    its directory alone: nothing is unpacked. A file that is no zip is left to its reader."""
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return
    total = 0
    for member in members:
        size = member.file_size
        total += size
        ratio = size / max(member.compress_size, 1)
        if size > MAX_MEMBER_BYTES:
            _refuse(f"the {kind}'s part {member.filename} unpacks to {_mb(size)}", source)
        if size > RATIO_FROM_BYTES and ratio > MAX_COMPRESSION_RATIO:
            _refuse(
                f"the {kind}'s part {member.filename} is compressed {ratio:.0f} to 1 "
                f"({_mb(member.compress_size)} → {_mb(size)}), more than {MAX_COMPRESSION_RATIO}",
                source,
            )
    if total > MAX_UNPACKED_BYTES:
        _refuse(f"the {kind} unpacks to {_mb(total)}, more than {_mb(MAX_UNPACKED_BYTES)}", source)


def check_text_file(path: Path) -> None:
    """Refuse a text or markup file too large to be minutes before it is read into memory."""
    size = path.stat().st_size
    if size > MAX_TEXT_FILE_BYTES:
        _refuse(f"the text file has {_mb(size)}, more than {_mb(MAX_TEXT_FILE_BYTES)}", str(path))


def check_text(pages: Sequence[Page], *, path: str) -> None:
    """Refuse a document whose extracted text, or one of whose pages, is over the limits."""
    for page in pages:
        if len(page.text) > MAX_PAGE_CHARS:
            _refuse(
                f"page {page.number} holds {len(page.text):,} characters, more than "
                f"{MAX_PAGE_CHARS:,}",
                path,
            )
    total = sum(len(page.text) for page in pages)
    if total > MAX_TEXT_CHARS:
        _refuse(f"the text holds {total:,} characters, more than {MAX_TEXT_CHARS:,}", path)


def _refuse(message: str, path: str) -> None:
    raise TooLarge(message, path=path, hint="minutes are not this large; split the file")


def _mb(size: int) -> str:
    return f"{size / 2**20:.1f} MB" if size >= 2**20 else f"{max(size // 1024, 1)} kB"

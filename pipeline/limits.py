"""How large an input may be before it is refused: minutes run to tens of pages, not hundreds.

The batch ingest hands `--max-pages` to each document's reading as an argument, which sets it for
that reading (`pages_limited`), so the limit reaches every worker, on this machine or another,
without being passed through each stage. PROTOKOLL_MAX_PAGES sets it for a whole process.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from pipeline.errors import TooLarge

MAX_PAGES_ENV = "PROTOKOLL_MAX_PAGES"
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
    PROTOKOLL_MAX_PAGES, else the default.

    A value that is not a positive whole number is ignored rather than refused: a typo in the
    environment must not stop a batch, nor lift the limit.
    """
    given = _LIMIT.get()
    if given is not None and given > 0:
        return given
    value = os.environ.get(MAX_PAGES_ENV, "").strip()
    try:
        limit = int(value)
    except ValueError:
        return DEFAULT_MAX_PAGES
    return limit if limit > 0 else DEFAULT_MAX_PAGES


def check_page_count(pages: int, *, kind: str, path: str) -> None:
    """Refuse a file of more pages than the limit, before any page is read."""
    limit = max_pages()
    if pages > limit:
        raise TooLarge(
            f"the {kind} has {pages} pages, more than the limit of {limit}",
            path=path,
            hint="raise the limit with --max-pages if these are really minutes",
        )

"""How large an input may be before it is refused: minutes run to tens of pages, not hundreds.

The batch ingest sets PROTOKOLL_MAX_PAGES from `--max-pages` before starting worker processes,
so the limit reaches every worker without being passed through each stage.
"""

from __future__ import annotations

import os

from pipeline.errors import TooLarge

MAX_PAGES_ENV = "PROTOKOLL_MAX_PAGES"
# Minutes with their appendices run to a few dozen pages; 300 leaves room for a year bound
# into one file, and stops a 500-page report from holding a worker for an hour of OCR.
DEFAULT_MAX_PAGES = 300


def max_pages() -> int:
    """The most pages a PDF or multi-page image may have: PROTOKOLL_MAX_PAGES, else the default.

    A value that is not a positive whole number is ignored rather than refused: a typo in the
    environment must not stop a batch, nor lift the limit.
    """
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

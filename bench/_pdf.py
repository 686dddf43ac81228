"""The page count of a PDF, for the benchmarks that report pages a second."""

from __future__ import annotations

from pathlib import Path

import pypdfium2


def page_count(pdf: Path) -> int:
    document = pypdfium2.PdfDocument(pdf)
    try:
        return len(document)
    finally:
        document.close()

"""What a batch's reading may spend on one document, as one typed value handed to every worker.

The command line (`--max-pages`, `--document-timeout`) and the library fill it in; the batch
passes it to the engine, and the engine to each document's reading, on this machine or on a
Dask worker elsewhere. Nothing of it travels through the environment.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.limits import DEFAULT_MAX_PAGES

DEFAULT_DOCUMENT_TIMEOUT_S = 600.0  # a scan of a few hundred pages takes minutes, not hours


@dataclass(frozen=True)
class ReadSettings:
    max_pages: int = DEFAULT_MAX_PAGES  # a longer PDF or image is refused before it is read
    document_timeout_s: float | None = DEFAULT_DOCUMENT_TIMEOUT_S  # None: no limit (local only)


DEFAULT_READING = ReadSettings()

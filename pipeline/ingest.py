"""Ingest a batch: every file is loaded, found unchanged, or recorded as failed with its reason."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.discover import identify, walk
from pipeline.errors import ProtokollError
from pipeline.process import read_minutes
from pipeline.store import db


class InternalError(ProtokollError):
    """A bug met on one file: recorded like bad input so that the batch goes on."""


@dataclass
class IngestReport:
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, ProtokollError]] = field(default_factory=list)
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed


def ingest(
    paths: Iterable[Path],
    con: duckdb.DuckDBPyConnection,
    *,
    on_file: Callable[[Path], None] | None = None,
) -> IngestReport:
    """Walk `paths` and load each file; one failing file never stops the others."""
    report = IngestReport()
    started = time.perf_counter()
    for path in walk(paths):
        if on_file:
            on_file(path)
        sha256 = None
        try:
            source = identify(path)
            sha256 = source.sha256
            if db.has_document(con, sha256):
                report.unchanged.append(str(path))
                continue
            minutes = read_minutes(source)
            if db.load_minutes(con, minutes):
                report.loaded.append(str(path))
                report.pages += len(minutes.pages)
                report.ocr_pages += len(minutes.ocr_pages)
            else:
                report.unchanged.append(str(path))
        except ProtokollError as error:
            _fail(con, report, path, error, sha256)
        except Exception as exc:
            _fail(
                con,
                report,
                path,
                InternalError(
                    f"{type(exc).__name__}: {exc}", path=str(path), hint="please report this file"
                ),
                sha256,
            )
    report.seconds = time.perf_counter() - started
    return report


def _fail(
    con: duckdb.DuckDBPyConnection,
    report: IngestReport,
    path: Path,
    error: ProtokollError,
    sha256: str | None,
) -> None:
    if error.path is None:
        error.path = str(path)
    db.record_error(con, str(path), error, sha256)
    report.failed.append((str(path), error))

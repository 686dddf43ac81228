"""`protokoll read`: the reading stages over an archive, each document into a shard of its own.

No database is touched, so any number of machines can read parts of an archive (or the same
archive into a shared folder) while one `protokoll load` writes. The survey is written first,
then each document's shard as soon as it is read; a shard that exists is never read again, so a
killed or stopped run goes on where it was on the next.
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from contextlib import closing
from dataclasses import dataclass, field, replace
from pathlib import Path

from pipeline.ingest.batch import (
    BatchOptions,
    OnDocument,
    OnPlanned,
    WorkerPool,
    _stop_on_sigterm,
    in_reading_order,
)
from pipeline.ingest.plan import Survey, ToRead
from pipeline.ingest.report import Failure
from pipeline.ingest.shards import (
    holds_failure,
    remove_stale_temporaries,
    shard_path,
    write_shard,
    write_survey,
)
from pipeline.records import Minutes


@dataclass
class ReadReport:
    """What a read run found and wrote."""

    out: Path
    files: int = 0  # identified in the survey
    already: int = 0  # whose shard existed: not read again
    read: list[str] = field(default_factory=list)  # paths read into a shard of their own
    failed: list[Failure] = field(default_factory=list)  # read, and the reading failed
    unreadable: list[Failure] = field(default_factory=list)  # could not even be identified
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    survey_written: bool = False

    def to_json(self) -> dict[str, object]:
        return {
            "out": str(self.out),
            "files": self.files,
            "already": self.already,
            "read": len(self.read),
            "failed": len(self.failed),
            "unreadable": len(self.unreadable),
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
            "seconds": round(self.seconds, 3),
            "interrupted": self.interrupted,
        }


def read_archive(
    roots: Sequence[Path],
    out: Path,
    options: BatchOptions | None = None,
    *,
    on_planned: OnPlanned | None = None,
    on_document: OnDocument | None = None,
) -> ReadReport:
    """Read every file under `roots` whose shard is not in `out` yet; see the module docstring."""
    started = time.perf_counter()
    report = ReadReport(out)
    out.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(out)
    pool = WorkerPool(roots, options or BatchOptions())
    with _stop_on_sigterm():
        try:
            survey = _outside(pool.survey(), out)
            report.files, report.unreadable = len(survey.sources), survey.unreadable
            report.survey_written = write_survey(out, roots, survey)
            to_read: dict[str, ToRead] = {}  # one file of each content
            for item in in_reading_order([ToRead(s, None) for s in survey.sources]):
                if _already_read(out, item, retry_failed=pool.options.retry_failed):
                    report.already += 1
                else:
                    to_read.setdefault(item.source.sha256, item)
            if on_planned:
                on_planned(len(to_read), report.already)
            with closing(pool.read(list(to_read.values()))) as results:
                for item, result in results:
                    write_shard(out, item.source, result)
                    _count(report, item, result)
                    if on_document:
                        pages = 0 if isinstance(result, Failure) else len(result.pages)
                        on_document(item.source.path, pages)
        except KeyboardInterrupt:
            report.interrupted = True
    report.seconds = time.perf_counter() - started
    return report


def _already_read(out: Path, item: ToRead, *, retry_failed: bool) -> bool:
    """A shard exists for the document (with `retry_failed`, one that records no failure)."""
    shard = shard_path(out, item.source.sha256)
    if not shard.exists():
        return False
    return not (retry_failed and holds_failure(shard))


def _outside(survey: Survey, out: Path) -> Survey:
    """The survey without the shards themselves, when they are written inside the archive."""
    inside = str(out.resolve()) + os.sep
    return replace(
        survey,
        sources=[s for s in survey.sources if not s.path.startswith(inside)],
        unreadable=[f for f in survey.unreadable if not f.path.startswith(inside)],
    )


def _count(report: ReadReport, item: ToRead, result: Minutes | Failure) -> None:
    if isinstance(result, Failure):
        report.failed.append(result)
        return
    report.read.append(item.source.path)
    report.pages += len(result.pages)
    report.ocr_pages += len(result.ocr_pages)

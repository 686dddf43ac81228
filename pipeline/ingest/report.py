"""What a run did: each file loaded, unchanged, replaced, set aside as a duplicate, or failed."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from pipeline.errors import ProtokollError


@dataclass(frozen=True)
class Failure:
    """A file that could not be loaded, and why: what `ingest_errors` records."""

    path: str
    sha256: str | None
    stage: str  # discover | extract | parse | load
    error_type: str  # the exception's class: EmptyFile, CorruptFile, NotMinutes, ...
    message: str  # names the file, the reason and what to do

    @classmethod
    def of(cls, path: str, error: ProtokollError, sha256: str | None = None) -> Failure:
        if error.path is None:
            error.path = path
        return cls(path, sha256, error.stage, error.error_type, error.describe())


@dataclass(frozen=True)
class Duplicate:
    """A file holding a meeting already loaded from another file: linked, not counted again."""

    path: str
    kept: str  # the path whose extraction counts
    reason: str


@dataclass
class IngestReport:
    run_id: int | None = None
    jobs: int = 1
    loaded: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)  # loaded over an older version of the file
    duplicates: list[Duplicate] = field(default_factory=list)
    pruned: list[str] = field(default_factory=list)  # files gone, their documents removed
    failed: list[Failure] = field(default_factory=list)
    failed_before: list[str] = field(default_factory=list)  # unchanged files that failed earlier
    pages: int = 0
    ocr_pages: int = 0
    seconds: float = 0.0
    interrupted: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.interrupted

    @property
    def documents(self) -> int:
        """Files read in this run (loaded, replaced, duplicates, failed after reading)."""
        return len(self.loaded) + len(self.duplicates) + len(self.failed)

    def counts(self) -> dict[str, int]:
        return {
            "loaded": len(self.loaded),
            "unchanged": len(self.unchanged),
            "replaced": len(self.replaced),
            "duplicates": len(self.duplicates),
            "pruned": len(self.pruned),
            "failed": len(self.failed),
            "pages": self.pages,
            "ocr_pages": self.ocr_pages,
        }

    def to_json(self) -> dict[str, Any]:
        """The summary scripts read (`protokoll ingest --json`)."""
        return {
            "run_id": self.run_id,
            **self.counts(),
            "failed": [asdict(f) for f in self.failed],
            "failed_before": len(self.failed_before),
            "duplicate_links": [asdict(d) for d in self.duplicates],
            "documents": self.documents,
            "seconds": round(self.seconds, 3),
            "jobs": self.jobs,
            "interrupted": self.interrupted,
        }

"""Before reading anything: which files are new, unchanged, changed, failed before, or gone.

Every file is hashed (the content is the identity of a document), so a run over an unchanged
archive reads each file once, parses none, and writes nothing but its run record.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from pipeline.discover import identify, walk_reporting
from pipeline.errors import ProtokollError
from pipeline.ingest.report import Failure
from pipeline.records import SourceFile


@dataclass(frozen=True)
class Known:
    """What the database already holds, read at the start of a run."""

    files: dict[str, str]  # path → sha256 it held
    documents: frozenset[str]  # sha256 of every document, duplicates included
    failures: frozenset[tuple[str, str | None]]  # (path, sha256) whose last attempt failed

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Known:
        files = dict(con.execute("SELECT path, sha256 FROM files").fetchall())
        documents = frozenset(r[0] for r in con.execute("SELECT sha256 FROM documents").fetchall())
        failures = frozenset(
            (r[0], r[1]) for r in con.execute("SELECT path, sha256 FROM ingest_errors").fetchall()
        )
        return cls(files, documents, failures)


@dataclass(frozen=True)
class Survey:
    """The archive as found: every file hashed and typed, or the reason it cannot be."""

    sources: list[SourceFile]
    unreadable: list[Failure]

    @classmethod
    def of(cls, roots: Iterable[Path]) -> Survey:
        sources, unreadable = [], []
        for path, walk_error in walk_reporting(roots):
            try:
                if walk_error is not None:
                    raise walk_error
                sources.append(identify(path))
            except ProtokollError as error:
                unreadable.append(Failure.of(str(path), error))
        return cls(sources, unreadable)


@dataclass(frozen=True)
class ToRead:
    source: SourceFile
    replaces: str | None  # sha256 the file held before, when it changed


@dataclass
class Plan:
    to_read: list[ToRead] = field(default_factory=list)
    unchanged: list[SourceFile] = field(default_factory=list)
    moved: list[SourceFile] = field(default_factory=list)  # known content at a new path
    failed_before: list[str] = field(default_factory=list)
    failed: list[Failure] = field(default_factory=list)  # cannot even be identified


def retired(survey: Survey, known: Known, *, prune: bool) -> tuple[set[str], list[str]]:
    """Documents to remove before reading (a file's old version; with `prune`, files gone).

    A document is removed only when no file of the archive holds it any more.
    """
    holds = dict(known.files)
    for source in survey.sources:
        holds[source.path] = source.sha256
    gone = sorted(p for p in known.files if not Path(p).exists()) if prune else []
    for path in gone:
        del holds[path]
    still_held = set(holds.values())
    old = {sha for sha in known.files.values() if sha not in still_held}
    return old & known.documents, gone


def classify(survey: Survey, known: Known, *, retry_failed: bool = False) -> Plan:
    """Sort each surveyed file by what the run must do with it."""
    plan = Plan()
    for failure in survey.unreadable:
        if retry_failed or (failure.path, None) not in known.failures:
            plan.failed.append(failure)
        else:
            plan.failed_before.append(failure.path)
    for source in survey.sources:
        previous = known.files.get(source.path)
        if source.sha256 in known.documents:
            plan.unchanged.append(source)
            if previous != source.sha256:
                plan.moved.append(source)
        elif not retry_failed and (source.path, source.sha256) in known.failures:
            plan.failed_before.append(source.path)
        else:
            changed = previous if previous != source.sha256 else None
            plan.to_read.append(ToRead(source, changed))
    return plan

"""Before reading anything: which files are new, unchanged, changed, failed before, or gone.

Every file is hashed (the content is the identity of a document), so a run over an unchanged
archive reads each file once, parses none, and writes nothing but its run record.
"""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, field, replace
from math import ceil
from pathlib import Path

import duckdb

from pipeline.discover import identify, walk_reporting
from pipeline.errors import ProtokollError, Refused
from pipeline.filenames import from_bytes, printable
from pipeline.ingest.report import Failure
from pipeline.records import SourceFile
from pipeline.store import files as stored


@dataclass(frozen=True)
class Known:
    """What the database already holds, read at the start of a run."""

    files: dict[str, str]  # path → sha256 it held
    documents: frozenset[str]  # sha256 of every document, duplicates included
    failures: frozenset[tuple[str, str | None]]  # (path, sha256) whose last attempt failed
    names: dict[str, bytes] = field(default_factory=dict)  # path shown escaped → its bytes

    @classmethod
    def read(cls, con: duckdb.DuckDBPyConnection) -> Known:
        rows = stored.known_files(con)
        files = {path: sha for path, sha, _ in rows}
        names = {p: raw for p, _, raw in rows if raw is not None and raw != _utf8(p)}
        documents = stored.loaded_documents(con)
        return cls(files, documents, stored.recorded_failures(con), names)

    def still_there(self, path: str) -> bool:
        """Whether the file stored as `path`, a name shown escaped, is there by its bytes."""
        raw = self.names.get(path)
        return raw is not None and from_bytes(raw).exists()


def _utf8(path: str) -> bytes:
    return path.encode("utf-8", "surrogateescape")


@dataclass(frozen=True)
class Survey:
    """The archive as found: every file hashed and typed, or the reason it cannot be."""

    sources: list[SourceFile]
    unreadable: list[Failure]
    found: dict[str, int] = field(default_factory=dict)  # each root given → files under it

    @classmethod
    def of(cls, roots: Iterable[Path], skip: Collection[Path] = ()) -> Survey:
        """Every file under `roots`, by absolute path (the same file is one path whatever the
        folder the run starts in), each knowing its root and its path relative to it; the files
        in `skip` (the database's own, when it sits inside the archive) are not the archive's."""
        sources, unreadable, found = [], [], {}
        for given in roots:
            root = given.resolve()  # absolute, links in the root itself followed
            base = root if root.is_dir() else root.parent
            found[str(root)] = 0
            for path, walk_error in walk_reporting([root]):
                if path in skip:
                    continue
                found[str(root)] += 1
                try:
                    if walk_error is not None:
                        raise walk_error
                    relative = os.path.relpath(path, base)
                    source = identify(path)
                    sources.append(
                        replace(source, root=printable(base), relative_path=printable(relative))
                    )
                except ProtokollError as error:
                    unreadable.append(Failure.of(printable(path), error))
        return cls(sources, unreadable, found)

    def gone(self, known_paths: Iterable[str]) -> list[str]:
        """Paths loaded before whose files are no longer there (what `--prune` removes)."""
        return sorted(p for p in known_paths if not Path(p).exists())


def database_files(db_path: Path) -> frozenset[Path]:
    """The files a database is kept in and beside (its log, its writer's lock, the web view's
    mirror): never documents of an archive that holds the database."""
    real = db_path.resolve()
    beside = [real.with_name(real.name + end) for end in ("", ".wal", ".lock")]
    return frozenset([*beside, real.with_name(real.stem + ".view.sqlite")])


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


DEFAULT_PRUNE_MAX_PERCENT = 10.0


@dataclass(frozen=True)
class PruneGuard:
    """When --prune refuses: an unmounted share or a moved archive looks like files gone."""

    max_percent: float = DEFAULT_PRUNE_MAX_PERCENT  # of the files loaded, gone at once
    force: bool = False

    def check(self, survey: Survey, known: Known, gone: Sequence[str]) -> None:
        """Raise `Refused` when pruning `gone` looks like a mistake rather than files removed."""
        if self.force:
            return
        for root, files in survey.found.items():
            if files and Path(root).exists():
                continue
            held = sum(1 for p in known.files if p == root or p.startswith(root + os.sep))
            what = "does not exist" if not Path(root).exists() else "holds no files"
            loss = (
                f"so the {held} documents loaded from it would be forgotten"
                if held
                else "so every document loaded from it would be forgotten"
            )
            raise Refused(
                f"--prune refused: the folder {root} {what}, {loss} (an unmounted share or a "
                "moved archive?)",
                hint="check the path; --prune-force prunes anyway",
            )
        if not gone or not known.files:
            return
        percent = 100 * len(gone) / len(known.files)
        if percent > self.max_percent:
            raise Refused(
                f"--prune refused: {len(gone)} of the {len(known.files)} files loaded are gone "
                f"({percent:.0f} %, more than --prune-max-share {self.max_percent:g} %), so their "
                "documents would be forgotten (a moved, renamed or half-copied archive?)",
                hint=f"check the archive; --prune-max-share {ceil(percent)} or --prune-force "
                "prunes anyway",
            )


DEFAULT_GUARD = PruneGuard()


def retired(survey: Survey, known: Known, *, prune: bool) -> tuple[set[str], list[str]]:
    """Documents to remove before reading (a file's old version; with `prune`, files gone).

    A document is removed only when no file of the archive holds it any more.
    """
    holds = dict(known.files)
    for source in survey.sources:
        holds[source.path] = source.sha256
    # a name shown escaped (not UTF-8) is gone only when the file its bytes name is gone too
    gone = [p for p in survey.gone(known.files) if not known.still_there(p)] if prune else []
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

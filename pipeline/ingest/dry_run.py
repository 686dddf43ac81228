"""`ingest --dry-run`: what a run would load, replace, prune and retry, with nothing written.

The archive is surveyed and planned exactly as a run would, against the database opened
read-only (or nothing, when there is none yet): no database file, run record or writer lock is
created, so a cron line can be tried on the real archive first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.errors import Refused
from pipeline.ingest.plan import (
    DEFAULT_GUARD,
    Known,
    PruneGuard,
    Survey,
    classify,
    database_files,
    retired,
)
from pipeline.store import db
from pipeline.store.files import duplicate_links

SHOWN_PATHS = 10  # a list longer than this is given as its count only


@dataclass
class DryRun:
    """What a run would do with each file; `refused` when the prune guard would stop it."""

    load: list[str] = field(default_factory=list)
    replace: list[str] = field(default_factory=list)
    prune: list[str] = field(default_factory=list)
    retry: list[str] = field(default_factory=list)  # failed before, read again (--retry-failed)
    fail: list[str] = field(default_factory=list)  # cannot be identified: would be recorded
    unchanged: int = 0
    failed_before: int = 0  # failed before and unchanged: not tried again
    refused: Refused | None = None

    def lines(self) -> list[str]:
        """The plan as a person reads it: counts, and the paths of short lists."""
        out = ["dry run: nothing was written"]
        for verb, paths in (
            ("load", self.load),
            ("replace", self.replace),
            ("prune", self.prune),
            ("retry", self.retry),
            ("record as failed", self.fail),
        ):
            shown = f": {', '.join(paths)}" if 0 < len(paths) <= SHOWN_PATHS else ""
            out.append(f"would {verb} {len(paths)}{shown}")
        out.append(
            f"unchanged {self.unchanged}; failed before and not tried again {self.failed_before}"
        )
        if self.refused is not None:
            out.append("--prune would refuse: the run would stop before changing anything")
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "load": self.load,
            "replace": self.replace,
            "prune": self.prune,
            "retry": self.retry,
            "fail": self.fail,
            "unchanged": self.unchanged,
            "failed_before": self.failed_before,
            "refused": None if self.refused is None else self.refused.describe(),
        }


def plan_dry_run(
    roots: Sequence[Path],
    db_path: Path,
    *,
    prune: bool = False,
    retry_failed: bool = False,
    guard: PruneGuard = DEFAULT_GUARD,
) -> DryRun:
    """Survey `roots` and plan a run against `db_path` without writing anything anywhere."""
    known, links = _read_known(db_path)
    survey = Survey.of(roots, database_files(db_path))
    old, gone = retired(survey, known, prune=prune)
    result = DryRun(prune=gone)
    if prune:
        try:
            guard.check(survey, known, gone)
        except Refused as refusal:
            result.refused = refusal
    # a removed document takes the documents linked to it as duplicates along (read again)
    removed = old | {sha for sha, meeting in links if meeting in old}
    after = Known(known.files, known.documents - removed, known.failures)
    plan = classify(survey, after, retry_failed=retry_failed)
    for item in plan.to_read:
        path = item.source.path
        if (path, item.source.sha256) in known.failures:
            result.retry.append(path)
        elif item.replaces is not None:
            result.replace.append(path)
        else:
            result.load.append(path)
    for failure in plan.failed:
        target = result.retry if (failure.path, None) in known.failures else result.fail
        target.append(failure.path)
    result.unchanged = len(plan.unchanged)
    result.failed_before = len(plan.failed_before)
    return result


def _read_known(db_path: Path) -> tuple[Known, list[tuple[str, str]]]:
    """What the database holds, read-only; nothing when there is no database yet."""
    if not db_path.exists():
        return Known({}, frozenset(), frozenset()), []
    con = db.connect(db_path, read_only=True)
    try:
        return Known.read(con), duplicate_links(con)
    finally:
        con.close()

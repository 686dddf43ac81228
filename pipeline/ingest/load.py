"""`protokoll load`: shards read elsewhere go into the database, through the writer of `ingest`.

The folders' surveys say which files the archive holds. A file whose shard is not there yet (its
reading still under way, or killed) is left out of the run as if it had not been found, and
the next load takes it. Everything else is the batch's (`pipeline.ingest.batch`): whole
documents only, files already loaded skipped, changed files replaced, duplicates linked,
failures in `ingest_errors`, a row in `ingest_runs`, and the writer lock.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

import pyarrow as pa
from pydantic import ValidationError

from pipeline.ingest.batch import BatchOptions, OnDocument, OnPlanned, Results, run_batch
from pipeline.ingest.plan import DEFAULT_GUARD, PruneGuard, Survey, ToRead
from pipeline.ingest.report import Failure, IngestReport
from pipeline.ingest.shards import ShardSurvey, read_shards, read_surveys, shard_path
from pipeline.records import Minutes, SourceFile

CHUNK = 256  # shards read in one pass: a few MB of JSON at most


class ShardFolders:
    """A `DocumentSource` over folders written by `protokoll read`.

    Its survey names no folder found (`Survey.found`): the folders read may not exist where
    the load runs, so `--prune` is guarded by the share of files gone alone.
    """

    def __init__(self, folders: Sequence[Path]) -> None:
        sources: dict[str, SourceFile] = {}  # path → what the latest survey listing it found
        unreadable: dict[str, Failure] = {}
        given: dict[str, None] = {}  # the roots as given to `protokoll read` (ordered set)
        absolute: dict[str, None] = {}
        self.holder: dict[str, Path] = {}  # sha256 → the folder holding its shard
        for folder, surveyed in ((f, s) for f in folders for s in read_surveys(f)):
            given.update(dict.fromkeys(surveyed.roots))
            absolute.update(dict.fromkeys(surveyed.absolute))
            for source in surveyed.sources:
                sources[source.path] = source
                if source.sha256 not in self.holder and shard_path(folder, source.sha256).exists():
                    self.holder[source.sha256] = folder
            unreadable.update((f.path, f) for f in surveyed.unreadable)
        self.roots = list(given)
        self.waiting = sorted(p for p, s in sources.items() if s.sha256 not in self.holder)
        self.unusable: list[str] = []  # shards that could not be read: read those files again
        self._survey = ShardSurvey(
            [s for s in sources.values() if s.sha256 in self.holder],
            list(unreadable.values()),
            roots=tuple(given | absolute),
            listed=frozenset(sources) | frozenset(unreadable),
        )

    def survey(self) -> Survey:
        return self._survey

    def read(self, to_read: Sequence[ToRead]) -> Results:
        items = iter(to_read)
        while chunk := list(islice(items, CHUNK)):
            results: dict[str, Minutes | Failure] = {}  # by path
            for folder in dict.fromkeys(self.holder[t.source.sha256] for t in chunk):
                mine = [t.source for t in chunk if self.holder[t.source.sha256] == folder]
                results.update(self._read(folder, mine))
            for item in chunk:
                result = results.get(item.source.path)
                if result is not None:
                    yield item, result

    def _read(self, folder: Path, sources: list[SourceFile]) -> dict[str, Minutes | Failure]:
        """All in one pass; when that fails, each alone, and a shard that cannot be read is left."""
        try:
            return read_shards(folder, sources)
        except (pa.ArrowException, OSError, ValidationError):
            if len(sources) == 1:
                self.unusable.append(str(shard_path(folder, sources[0].sha256)))
                return {}
        results: dict[str, Minutes | Failure] = {}
        for source in sources:
            results.update(self._read(folder, [source]))
        return results


@dataclass
class LoadReport:
    """The run of the writer, and the files it had to leave for a later load."""

    run: IngestReport
    waiting: list[str] = field(default_factory=list)  # surveyed, not read yet
    unusable: list[str] = field(default_factory=list)  # shards that could not be read

    def to_json(self) -> dict[str, Any]:
        return self.run.to_json() | {"waiting": len(self.waiting), "unusable": self.unusable}


def load_shards(
    folders: Sequence[Path],
    db_path: Path,
    *,
    prune: bool = False,
    prune_guard: PruneGuard = DEFAULT_GUARD,
    retry_failed: bool = False,
    on_planned: OnPlanned | None = None,
    on_document: OnDocument | None = None,
) -> LoadReport:
    """Load the shards of `folders` into `db_path`; see the module docstring."""
    source = ShardFolders(folders)
    run = run_batch(
        [Path(r) for r in source.roots] or list(folders),
        db_path,
        BatchOptions(jobs=1, prune=prune, prune_guard=prune_guard, retry_failed=retry_failed),
        on_planned=on_planned,
        on_document=on_document,
        source=source,
    )
    return LoadReport(run, source.waiting, source.unusable)

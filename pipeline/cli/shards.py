"""`protokoll read` and `protokoll load`: ingest in two halves, reading anywhere, one writer."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from pipeline.cli.common import DbOption, err, reports_errors
from pipeline.cli.ingest import (
    EXIT_INTERRUPTED,
    SHOWN_FAILURES,
    DocumentTimeoutOption,
    EngineOption,
    MaxPagesOption,
    PathsArgument,
    PruneMaxShareOption,
    RetryFailedOption,
    SchedulerOption,
    print_report,
    reading_options,
)
from pipeline.cli.progress import ingest_progress
from pipeline.cli.stdin import paths_or_stdin
from pipeline.ingest.engines import Engine
from pipeline.ingest.plan import DEFAULT_PRUNE_MAX_PERCENT, PruneGuard
from pipeline.ingest.report import Failure
from pipeline.limits import DEFAULT_MAX_PAGES
from pipeline.settings import DEFAULT_DOCUMENT_TIMEOUT_S
from pipeline.store import db

QuietOption = Annotated[
    bool, typer.Option("--quiet", "-q", help="No progress bar (the summary still ends the run).")
]
JsonOption = Annotated[
    bool, typer.Option("--json", help="Print the run's summary as JSON on stdout.")
]


def register(app: typer.Typer) -> None:
    app.command(
        "read",
        epilog="Example: protokoll read /arkiv/2019 --out /delad/shards -j 8   "
        "(then: protokoll load /delad/shards --db arkiv.duckdb)",
    )(read_command)
    app.command(
        "load",
        epilog="Example: protokoll load /delad/shards --db arkiv.duckdb   "
        "(for scripts: --quiet --json > run.json)",
    )(load_command)


@reports_errors
def read_command(
    paths: PathsArgument,
    out: Annotated[
        Path,
        typer.Option(
            "--out", "-o", help="Folder of shards to write (made if missing).", file_okay=False
        ),
    ],
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, help="Worker processes reading documents."),
    ] = max(1, os.cpu_count() or 1),
    max_pages: MaxPagesOption = DEFAULT_MAX_PAGES,
    document_timeout: DocumentTimeoutOption = DEFAULT_DOCUMENT_TIMEOUT_S,
    engine: EngineOption = Engine.LOCAL,
    scheduler: SchedulerOption = None,
    retry_failed: RetryFailedOption = False,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Read minutes into a folder of shards, one Parquet file per document; no database.

    The first half of `protokoll ingest`: extract, parse and find entities in each document, and
    write what was read (or why it failed) to OUT/ab/<sha256>.parquet, with OUT/survey.parquet
    listing every file found. A document whose shard exists is not read again, so a second run
    writes nothing, and a killed run goes on where it stopped; --retry-failed reads again the
    documents whose shard records a failure. Several machines can read parts
    of an archive; `protokoll load` puts the shards into the database.

    Exit status: 0 when every file was read, 1 when any failed, 3 when --engine dask lacks
    Dask, 130 when stopped.
    """
    from pipeline.ingest.read import read_archive

    paths = paths_or_stdin(paths, param_hint="PATHS")
    options = reading_options(
        jobs, engine, scheduler, max_pages, document_timeout, retry_failed=retry_failed
    )
    with ingest_progress(err, quiet=quiet) as progress:
        report = read_archive(
            paths, out, options, on_planned=progress.planned, on_document=progress.read
        )
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    stopped = "[bold yellow]stopped[/] after " if report.interrupted else ""
    failures = report.failed + report.unreadable
    err.print(
        f"{stopped}{len(report.read)} read, {report.already} already read, "
        f"{len(failures)} failed; {report.pages} pages ({report.ocr_pages} by OCR) in "
        f"{report.seconds:.1f} s with {jobs} worker{'s' if jobs != 1 else ''} → {escape(str(out))} "
        f"({report.files + len(report.unreadable)} files surveyed)",
        highlight=False,
    )
    _print_failures(failures)
    if report.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if failures:
        raise typer.Exit(1)


@reports_errors
def load_command(
    folders: Annotated[
        list[Path],
        typer.Argument(
            help="Folders written by `protokoll read`; - reads them from stdin, one a line.",
            show_default=False,
        ),
    ],
    db_path: DbOption = db.DEFAULT_DB,
    prune: Annotated[
        bool,
        typer.Option("--prune", help="Remove documents whose files the surveys no longer list."),
    ] = False,
    prune_max_share: PruneMaxShareOption = DEFAULT_PRUNE_MAX_PERCENT,
    prune_force: Annotated[
        bool, typer.Option("--prune-force", help="Prune whatever share of the files is gone.")
    ] = False,
    retry_failed: RetryFailedOption = False,
    quiet: QuietOption = False,
    as_json: JsonOption = False,
) -> None:
    """Load folders of shards into the database: the second half of `protokoll ingest`.

    The one writer: documents already loaded are skipped, a changed file replaces its old
    version, two files of one meeting are linked, people are resolved across the archive, and
    each failure is recorded in `ingest_errors`, as `ingest` does. A file the survey lists
    whose shard is not there yet is left for the next load. A file that failed in an earlier
    load is not loaded again unless --retry-failed (after `protokoll read --retry-failed`).

    Exit status: 0 when every file was loaded or unchanged, 1 when any failed, 5 when --prune
    refused, 130 when stopped.
    """
    from pipeline.ingest.load import load_shards

    folders = paths_or_stdin(folders, param_hint="FOLDERS", file_okay=False)
    guard = PruneGuard(max_percent=prune_max_share, force=prune_force)
    with ingest_progress(err, quiet=quiet) as progress:
        report = load_shards(
            folders,
            db_path,
            prune=prune,
            prune_guard=guard,
            retry_failed=retry_failed,
            on_planned=progress.planned,
            on_document=progress.read,
        )
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    print_report(report.run, db_path, details=not quiet)
    if report.waiting:
        err.print(
            f"{len(report.waiting)} files surveyed but not read yet: left for the next load",
            highlight=False,
        )
    for shard in report.unusable:
        err.print(
            f"[red]unreadable shard[/] {escape(shard)} (delete it and read the file again)",
            highlight=False,
        )
    if report.run.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.run.failed or report.unusable:
        raise typer.Exit(1)


def _print_failures(failures: list[Failure]) -> None:
    by_type = Counter(f.error_type for f in failures)
    if by_type:
        err.print("failed: " + ", ".join(f"{n} {t}" for t, n in by_type.most_common()))
    for failure in failures[:SHOWN_FAILURES]:
        message = escape(failure.message)
        err.print(f"[red]failed[/] {failure.error_type}: {message}", highlight=False)
    if len(failures) > SHOWN_FAILURES:
        err.print(f"… and {len(failures) - SHOWN_FAILURES} more in the shards")

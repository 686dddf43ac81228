"""`protokoll ingest` and `protokoll errors`: the archivist's commands."""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from pipeline.cli.common import DbOption, err, reports_errors
from pipeline.cli.output import OutputFormat, print_query
from pipeline.cli.progress import ingest_progress
from pipeline.cli.stdin import paths_or_stdin
from pipeline.ingest import BatchOptions, IngestReport, run_batch
from pipeline.ingest.dry_run import plan_dry_run
from pipeline.ingest.engines import Engine
from pipeline.ingest.plan import DEFAULT_PRUNE_MAX_PERCENT, PruneGuard
from pipeline.limits import DEFAULT_MAX_PAGES
from pipeline.settings import DEFAULT_DOCUMENT_TIMEOUT_S, ReadSettings
from pipeline.store import db

EXIT_INTERRUPTED = 130  # as a shell reports a command stopped by Ctrl-C
SHOWN_FAILURES = 20  # the rest are in `protokoll errors`
ERRORS_SQL = """
SELECT path, stage, error_type, message, run_id, occurred_at
FROM ingest_errors ORDER BY occurred_at DESC, path
"""


# Options `ingest` shares with `read` and `load`.
MaxPagesOption = Annotated[
    int,
    typer.Option("--max-pages", min=1, help="Refuse documents with more pages than this."),
]
EngineOption = Annotated[
    Engine,
    typer.Option(
        "--engine",
        help="What reads the documents: worker processes here, or a Dask cluster "
        "(pip install 'protokoll[dask]').",
    ),
]
SchedulerOption = Annotated[
    str | None,
    typer.Option(
        "--scheduler",
        metavar="ADDRESS|FILE",
        help="With --engine dask: the running cluster's scheduler (tcp://host:8786, or a "
        "scheduler file, *.json); without it, a cluster of --jobs workers on this machine.",
    ),
]
PruneMaxShareOption = Annotated[
    float,
    typer.Option(
        "--prune-max-share",
        min=0,
        max=100,
        help="--prune refuses (exit 5) when more than this percentage of the files loaded is gone.",
    ),
]
RetryFailedOption = Annotated[
    bool,
    typer.Option("--retry-failed", help="Read again the unchanged files that failed before."),
]
DocumentTimeoutOption = Annotated[
    float,
    typer.Option(
        "--document-timeout",
        min=1,
        metavar="SECONDS",
        help="A document read longer than this is recorded as failed and its worker "
        "process killed and replaced.",
    ),
]


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Files or folders of minutes; - reads them from stdin, one a line.",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    app.command(
        "ingest",
        epilog="Example: protokoll ingest /arkiv --db arkiv.duckdb --prune   "
        "(for scripts: --quiet --json > run.json)",
    )(ingest_command)
    app.command(epilog="Example: protokoll errors --format csv > errors.csv")(errors)


def reading_options(
    jobs: int,
    engine: Engine,
    scheduler: str | None,
    max_pages: int,
    document_timeout: float,
    *,
    retry_failed: bool,
) -> BatchOptions:
    """What `ingest` and `read` are told about reading, checked: a scheduler is for Dask."""
    if scheduler is not None and engine is not Engine.DASK:
        raise typer.BadParameter("needs --engine dask", param_hint="--scheduler")
    return BatchOptions(
        jobs=jobs,
        engine=engine,
        scheduler=scheduler,
        retry_failed=retry_failed,
        reading=ReadSettings(max_pages=max_pages, document_timeout_s=document_timeout),
    )


@reports_errors
def ingest_command(
    paths: PathsArgument,
    db_path: DbOption = db.DEFAULT_DB,
    jobs: Annotated[
        int,
        typer.Option("--jobs", "-j", min=1, help="Worker processes reading documents."),
    ] = max(1, os.cpu_count() or 1),
    prune: Annotated[
        bool, typer.Option("--prune", help="Remove documents whose files are gone.")
    ] = False,
    prune_max_share: PruneMaxShareOption = DEFAULT_PRUNE_MAX_PERCENT,
    prune_force: Annotated[
        bool,
        typer.Option(
            "--prune-force", help="Prune even an empty or missing folder, or any share of it."
        ),
    ] = False,
    retry_failed: RetryFailedOption = False,
    max_pages: MaxPagesOption = DEFAULT_MAX_PAGES,
    engine: EngineOption = Engine.LOCAL,
    scheduler: SchedulerOption = None,
    document_timeout: DocumentTimeoutOption = DEFAULT_DOCUMENT_TIMEOUT_S,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run",
            help="Survey and plan only: print what would be loaded, replaced, pruned and "
            "retried, and write nothing (not even the database file).",
        ),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="No progress bar, or without a terminal no progress lines (the summary still "
            "ends the run).",
        ),
    ] = False,
    as_json: Annotated[
        bool, typer.Option("--json", help="Print the run's summary as JSON on stdout.")
    ] = False,
) -> None:
    """Read minutes (PDF, scanned PDF, Word, images, text) into the database, in parallel.

    Every file is hashed: files already loaded are skipped without being read, a changed file
    replaces its old version, and two files holding the same meeting (a scan and a text PDF)
    are linked and counted once. A file that cannot be read is recorded in `ingest_errors`
    (see `protokoll errors`) and the others go on. Ctrl-C stops cleanly: what was read is
    kept, and the next run goes on from there.

    --prune refuses, before changing anything, when a folder given is missing or empty or when
    more than --prune-max-share of the files loaded are gone (an unmounted share, a moved
    archive); --prune-force prunes anyway.

    --dry-run surveys and plans, prints what the run would do and writes nothing.

    Exit status: 0 when every file was loaded or unchanged, 1 when any failed, 5 when --prune
    refused (or, with --dry-run, would refuse), 130 when stopped. Files that failed in an
    earlier run are not tried again unless --retry-failed.
    """
    paths = paths_or_stdin(paths, param_hint="PATHS")
    guard = PruneGuard(max_percent=prune_max_share, force=prune_force)
    options = reading_options(
        jobs, engine, scheduler, max_pages, document_timeout, retry_failed=retry_failed
    )
    options = replace(options, prune=prune, prune_guard=guard)
    if dry_run:
        plan = plan_dry_run(paths, db_path, prune=prune, retry_failed=retry_failed, guard=guard)
        if as_json:
            sys.stdout.write(json.dumps(plan.to_json(), ensure_ascii=False) + "\n")
        else:
            sys.stdout.write("".join(line + "\n" for line in plan.lines()))
        if plan.refused is not None:
            err.print(f"[bold red]error:[/] {plan.refused.describe()}", highlight=False)
            raise typer.Exit(plan.refused.exit_code)
        return
    with ingest_progress(err, quiet=quiet) as progress:
        report = run_batch(
            paths, db_path, options, on_planned=progress.planned, on_document=progress.read
        )
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(), ensure_ascii=False) + "\n")
    print_report(report, db_path, details=not quiet)
    if report.interrupted:
        raise typer.Exit(EXIT_INTERRUPTED)
    if report.failed:
        raise typer.Exit(1)


def print_report(report: IngestReport, db_path: Path, *, details: bool = True) -> None:
    """The run's counts on stderr, then each failure (and, with `details`, each duplicate)."""
    counts = report.counts()
    stopped = "[bold yellow]stopped[/] after " if report.interrupted else ""
    err.print(
        f"{stopped}{counts['loaded']} loaded, {counts['unchanged']} unchanged, "
        f"{counts['replaced']} replaced, {counts['duplicates']} duplicates linked, "
        f"{counts['pruned']} pruned, {counts['failed']} failed; {report.pages} pages "
        f"({report.ocr_pages} by OCR) in {report.seconds:.1f} s with {report.jobs} "
        f"worker{'s' if report.jobs != 1 else ''} → {escape(str(db_path))} (run {report.run_id})",
        highlight=False,
    )
    for duplicate in report.duplicates if details else ():
        err.print(
            f"[cyan]same meeting[/] {escape(duplicate.path)} = {escape(duplicate.kept)} "
            f"({escape(duplicate.reason)})",
            highlight=False,
        )
    by_type = Counter(f.error_type for f in report.failed)
    if by_type:
        err.print("failed: " + ", ".join(f"{n} {t}" for t, n in by_type.most_common()))
    for failure in report.failed[:SHOWN_FAILURES]:
        err.print(
            f"[red]failed[/] {failure.error_type}: {escape(failure.message)}", highlight=False
        )
    if len(report.failed) > SHOWN_FAILURES:
        err.print(f"… and {len(report.failed) - SHOWN_FAILURES} more: `protokoll errors`")
    if report.failed_before:
        err.print(
            f"{len(report.failed_before)} unchanged files failed in an earlier run and were not "
            "tried again (`protokoll errors` lists them; --retry-failed tries them)",
            highlight=False,
        )


@reports_errors
def errors(
    db_path: DbOption = db.DEFAULT_DB,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.TABLE
    ),
) -> None:
    """The files that could not be loaded, newest first: stage, error type and reason.

    A file leaves this list when a later run loads it (after it was fixed, or with
    `protokoll ingest --retry-failed`).
    """
    print_query(db_path, ERRORS_SQL, output)

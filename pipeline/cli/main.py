"""The `protokoll` command line: a thin layer over the library functions notebooks call too."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from pipeline import __version__
from pipeline.cli.analysis import register as register_analysis_commands
from pipeline.cli.common import DbOption, out, reports_errors
from pipeline.cli.ingest import register as register_ingest_commands
from pipeline.cli.output import OutputFormat, print_query
from pipeline.cli.persons import persons_app
from pipeline.cli.serve import register as register_serve_command
from pipeline.cli.shards import register as register_shard_commands
from pipeline.cli.stdin import text_or_stdin
from pipeline.cli.votes import register as register_votes_commands
from pipeline.store import db
from pipeline.summary import print_extracted, print_summary

EVAL_REPORT_WIDTH = 120  # the per-document table has eleven columns

app = typer.Typer(
    help="Turn an archive of Swedish meeting minutes (protokoll) into a DuckDB database.",
    epilog="Example: protokoll ingest data/sample --db protokoll.duckdb && protokoll summary\n\n"
    "Exit status: 0 done, 1 some file failed, 2 a bad argument or input file, 3 a missing "
    "dependency, 4 a database problem, 5 refused (it would do harm), 130 stopped.",
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: no <bool> after a flag, no [extra] read as markup
    context_settings={"help_option_names": ["-h", "--help"]},
)
register_ingest_commands(app)
register_shard_commands(app)
app.add_typer(persons_app, name="persons")
register_analysis_commands(app)
register_serve_command(app)
register_votes_commands(app)


def _print_version(value: bool) -> None:
    if value:
        sys.stdout.write(f"protokoll {__version__}\n")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_print_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Turn an archive of Swedish meeting minutes (protokoll) into a DuckDB database."""


@app.command(epilog="Example: protokoll extract data/sample/rar_au_2020-03-25.pdf --json")
@reports_errors
def extract(
    file: Annotated[
        Path, typer.Argument(help="One document of minutes.", exists=True, dir_okay=False)
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print the JSON contract.")] = False,
) -> None:
    """Read one document and show what protokoll finds in it, without touching any database."""
    from pipeline.contract import to_contract  # the reading stages load spaCy: only when used
    from pipeline.process import process

    minutes = process(file)
    if as_json:
        sys.stdout.write(json.dumps(to_contract(minutes), ensure_ascii=False, indent=2) + "\n")
    else:
        print_extracted(out, minutes)


@app.command(
    epilog='Example: protokoll query "select body, count(*) from meetings group by body" '
    "--db protokoll.duckdb --format csv"
)
@reports_errors
def query(
    sql: Annotated[
        str,
        typer.Argument(help="SQL to run, or - to read it from stdin; the database is read-only."),
    ],
    db_path: DbOption = db.DEFAULT_DB,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")] = (
        OutputFormat.TABLE
    ),
    allow_files: Annotated[
        bool,
        typer.Option(
            "--allow-files",
            help="Let the SQL read and write other files (COPY … TO, read_csv, ATTACH).",
        ),
    ] = False,
) -> None:
    """Run SQL against the database and print the answer.

    The SQL sees the database and nothing else: reading or writing other files, attaching
    other databases and changing DuckDB's settings are refused unless --allow-files. A table
    shows the first 200 rows; --format csv or json gives every row.
    """
    sql = text_or_stdin(sql, param_hint="SQL")
    if not sql.strip():
        raise typer.BadParameter("the query is empty; give the SQL to run", param_hint="SQL")
    print_query(db_path, sql, output, allow_files=allow_files)


@app.command(epilog="Example: protokoll summary --db protokoll.duckdb")
@reports_errors
def summary(db_path: DbOption = db.DEFAULT_DB) -> None:
    """Counts of what the database holds, decisions by outcome, and attendance per person."""
    con = db.connect(db_path, read_only=True)
    try:
        print_summary(out, con)
    finally:
        con.close()


@app.command(
    "eval",
    epilog="Example: protokoll eval --gold ../shared/dev-corpus/gold "
    "--docs ../shared/dev-corpus/docs --json eval.json",
)
@reports_errors
def eval_command(
    gold: Annotated[
        Path,
        typer.Option(help="Folder of gold annotations (*.json).", exists=True, file_okay=False),
    ],
    docs: Annotated[
        Path,
        typer.Option(help="Folder of the documents they annotate.", exists=True, file_okay=False),
    ],
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Also write the scores here.", dir_okay=False)
    ] = None,
    perturb: Annotated[
        list[str] | None,
        typer.Option(
            help="Also score layout-perturbed copies: join-lines, drop-blank-lines, "
            "no-colons-or-tabs, labels-first, or all. Repeatable.",
            metavar="COPY",
        ),
    ] = None,
) -> None:
    """Extract each annotated document and score it against its gold, field by field.

    Prints precision, recall and F1 for attendance (name + status), roles, sections, section
    titles, decisions, outcomes and signatories, the accuracy of the header fields, the scores
    per organisation, and every document's scores, worst first. With --perturb, the same
    documents are read again with their layout changed (a page on one line, no blank lines, no
    colons or tabs, labels before values) and each copy's figures are set beside the original's:
    a parser that reads conventions rather than layouts keeps them.
    """
    from pipeline.evaluation.perturb import perturbations
    from pipeline.evaluation.run import (
        ORIGINAL,
        evaluate_variants,
        print_organizations,
        print_perturbed,
        print_report,
        to_json,
    )

    try:
        chosen = perturbations(perturb or [])
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="--perturb") from error
    variants = evaluate_variants(gold, docs, chosen)
    evaluation = variants[ORIGINAL]
    console = Console(width=max(out.width, EVAL_REPORT_WIDTH))
    print_report(console, evaluation)
    print_organizations(console, evaluation)
    if chosen:
        print_perturbed(console, variants)
    if json_out is not None:
        scores = to_json(evaluation)
        scores["perturbed"] = {
            name: to_json(v)["overall"]
            | {"accuracy": to_json(v)["accuracy"], "failed": [d.name for d in v.failures]}
            for name, v in variants.items()
            if name != ORIGINAL
        }
        json_out.write_text(
            json.dumps(scores, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )

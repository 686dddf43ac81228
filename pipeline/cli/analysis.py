"""The analysts' commands (attendance, decisions, search, export, show) over pipeline.analysis."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import duckdb
import typer
from rich.table import Table

from pipeline.analysis import meeting as meetings
from pipeline.analysis.export import DATABASE_FORMATS, ExportFormat, export_tables
from pipeline.analysis.periods import Period
from pipeline.analysis.terms import query_terms
from pipeline.cli.common import DEFAULT_DB, DbOption, err, out, reports_errors
from pipeline.cli.output import TABLE_MAX_ROWS, OutputFormat, print_rows
from pipeline.records import Outcome
from pipeline.store.reader import open_reader

if TYPE_CHECKING:  # pandas is imported by the commands that use it: ingest has no need of it
    import pandas as pd

FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
BodyOption = Annotated[
    str | None,
    typer.Option("--body", "-b", help="Only bodies whose name contains this (any case, å = a)."),
]
PlotOption = Annotated[
    Path | None, typer.Option("--plot", help="Also draw the answer into this PNG.", dir_okay=False)
]
SHORT_ID_CHARS = 10


@contextmanager
def _reading(
    db_path: Path, *, write_to: Sequence[Path] = ()
) -> Iterator[duckdb.DuckDBPyConnection]:
    """The database read-only, seeing no other file but the folders of `write_to`."""
    con = open_reader(db_path, write_to=write_to)
    try:
        yield con
    finally:
        con.close()


def _print_frame(frame: pd.DataFrame, output: OutputFormat, table_view: pd.DataFrame) -> None:
    """CSV and JSON get every row and column of `frame`; the terminal table the readable
    `table_view`, at most TABLE_MAX_ROWS rows of it (a longer table is no use on a screen)."""
    shown = frame if output is not OutputFormat.TABLE else table_view
    if output is OutputFormat.TABLE and len(shown) > TABLE_MAX_ROWS:
        err.print(
            f"showing the first {TABLE_MAX_ROWS} of {len(shown)} rows; "
            "--format csv or json gives them all",
            highlight=False,
        )
        shown = shown.head(TABLE_MAX_ROWS)
    print_rows([str(c) for c in shown.columns], _plain_rows(shown), output)


def _plain_rows(frame: pd.DataFrame) -> list[tuple[Any, ...]]:
    """Rows of Python values as csv and json want them: dates as YYYY-MM-DD, None for missing
    (NaN is no JSON), no numpy scalars. Done column-wise: 77 000 rows in a fraction of a second."""
    frame = frame.copy()
    for column in frame.select_dtypes(include=["datetime", "datetimetz"]).columns:
        frame[column] = frame[column].dt.strftime("%Y-%m-%d")
    plain = frame.astype(object).where(frame.notna(), None)  # type: ignore[call-overload]
    return [tuple(row) for row in plain.itertuples(index=False, name=None)]


def _wrote(path: Path) -> None:
    err.print(f"plot written to {path}", highlight=False)


def attendance_command(
    db_path: DbOption = DEFAULT_DB,
    body: BodyOption = None,
    person: Annotated[
        str | None,
        typer.Option("--person", "-p", help="Only people whose name contains this."),
    ] = None,
    by: Annotated[Period, typer.Option("--by", help="Period of each row.")] = (Period.YEAR),
    output: FormatOption = OutputFormat.TABLE,
    plot: PlotOption = None,
) -> None:
    """Attendance rate per person, body and period: meetings attended / meetings held.

    Meetings held count from the first to the last meeting of the body whose attendance lists
    name the person (present or absent), both included: the view attendance_opportunities.
    """
    import pandas as pd

    from pipeline.analysis import queries

    with _reading(db_path) as con:
        frame = queries.attendance(con, body=body, person=person, by=by)
    view = pd.DataFrame(
        {
            "body": frame["body"],
            "person": frame["name"],
            by.value: frame["period"],
            "attended": frame["meetings_attended"],
            "held": frame["meetings_held"],
            "rate": [f"{r:.0%}" for r in frame["attendance_rate"]],
        }
    )
    _print_frame(frame, output, view)
    if plot is not None:
        from pipeline.analysis import plots  # matplotlib loads in ~0.5 s: only when drawing

        _wrote(plots.save_figure(plots.plot_attendance(frame), plot))


def decisions_command(
    db_path: DbOption = DEFAULT_DB,
    outcome: Annotated[
        Outcome | None, typer.Option("--outcome", "-o", help="Only this outcome.")
    ] = None,
    body: BodyOption = None,
    since: Annotated[
        datetime | None,
        typer.Option("--since", help="Only meetings on or after this date.", formats=["%Y-%m-%d"]),
    ] = None,
    grep: Annotated[
        str | None,
        typer.Option("--grep", "-g", help="Only decisions whose text or § title contains this."),
    ] = None,
    output: FormatOption = OutputFormat.TABLE,
    plot: Annotated[
        Path | None,
        typer.Option("--plot", help="Also draw these decisions per year and outcome (PNG)."),
    ] = None,
) -> None:
    """Decisions with their outcome, oldest first: approved, rejected, postponed, noted, elected,
    referred or other."""
    import pandas as pd

    from pipeline.analysis import queries

    with _reading(db_path) as con:
        frame = queries.decisions(
            con,
            outcome=outcome,
            body=body,
            since=since.date() if since else None,
            grep=grep,
        )
    view = frame[["date", "body", "section", "title", "outcome", "decision"]].rename(
        columns={"section": "§"}
    )
    _print_frame(frame, output, view)
    if output is OutputFormat.TABLE:
        counts = frame["outcome"].value_counts()
        err.print(
            f"{len(frame)} decisions" + "".join(f", {n} {o}" for o, n in counts.items()),
            highlight=False,
        )
    if plot is not None:
        from pipeline.analysis import plots

        per_year = (
            frame.assign(year=pd.to_datetime(frame["date"]).dt.year)
            .groupby(["year", "outcome"], as_index=False)
            .size()
            .rename(columns={"size": "decisions"})
        )
        _wrote(plots.save_figure(plots.plot_outcomes(per_year), plot))


def search_command(
    words: Annotated[list[str], typer.Argument(help="Words to find; every one must occur.")],
    db_path: DbOption = DEFAULT_DB,
    body: BodyOption = None,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """The §§ that mention every word, with their meeting, date and page.

    Case and å/ä/ö are ignored, and Swedish word forms are found: "ansökan" finds "ansökningar"
    and "ansökningen", "beslut" finds "beslutet". A word written with a capital letter is taken
    as a name and kept whole. Works offline, with no index to build.
    """
    import pandas as pd

    from pipeline.analysis.search import search

    text = " ".join(words)
    with _reading(db_path) as con:
        frame = search(con, text, body=body)
    view = pd.DataFrame(
        {
            "date": frame["date"],
            "body": frame["body"],
            "§": frame["section"],
            "title": frame["title"],
            "page": frame["page"],
            "meeting": frame["meeting_id"].str[:SHORT_ID_CHARS],
            "snippet": frame["snippet"],
        }
    )
    _print_frame(frame, output, view)
    err.print(
        f"{len(frame)} §§ match {text!r} (terms: {', '.join(query_terms(text))})", highlight=False
    )


def export_command(
    to: Annotated[Path, typer.Option("--to", help="Folder to write into.", file_okay=False)],
    db_path: DbOption = DEFAULT_DB,
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="File format.")] = (
        ExportFormat.PARQUET
    ),
) -> None:
    """Write every table to a folder, one file per table, with schema.sql and load.sql.

    `IMPORT DATABASE 'FOLDER'` in DuckDB rebuilds the database from it. For people and other
    tools: `xlsx` (a sheet per table and view), `excel-csv` (a CSV per table and view that Excel
    opens) and `popolo` (persons, organizations, memberships, vote events and votes).
    """
    with _reading(db_path, write_to=[to]) as con:  # the export's folder, and no other
        files = export_tables(con, to, fmt)
        if fmt not in DATABASE_FORMATS:
            for file in files:
                out.print(f"wrote {file}", highlight=False)
            return
        counts = [con.execute(f'SELECT count(*) FROM "{f.stem}"').fetchone() for f in files]
    table = Table("table", "rows", "file", title=f"Exported to {to}")
    for file, count in zip(files, counts, strict=True):
        table.add_row(file.stem, str(count[0] if count else 0), file.name)
    out.print(table)


def show_command(
    meeting: Annotated[
        list[str],
        typer.Argument(help="A meeting_id prefix, or a date YYYY-MM-DD with part of the body."),
    ],
    db_path: DbOption = DEFAULT_DB,
    text: Annotated[bool, typer.Option("--text", help="Print each §'s text too.")] = False,
) -> None:
    """One meeting, readably: header, attendance, §§ with decisions and amounts, signatures."""
    with _reading(db_path) as con:
        detail = meetings.meeting_detail(con, meetings.find_meeting(con, " ".join(meeting)))
    print_meeting(detail, with_text=text)


def print_meeting(detail: meetings.MeetingDetail, *, with_text: bool = False) -> None:
    h = detail.header
    times = "–".join(str(t)[:5] for t in (h["start_time"], h["end_time"]) if t is not None)
    remote = " (remote)" if h["remote"] else ""
    out.print(
        f"[bold]{h['organization'] or '?'}[/], [bold]{h['body'] or '?'}[/], {h['date'] or '?'}"
        f"{' ' + times if times else ''}, {h['location'] or '?'}{remote}"
    )
    ocr = f", OCR on pages {list(detail.ocr_pages)}" if detail.ocr_pages else ""
    out.print(
        f"{detail.path or '?'}: {detail.pages or '?'} pages{ocr}; meeting {detail.meeting_id}",
        style="dim",
        highlight=False,
    )
    people = Table("name", "status", "roles", "title", "affiliation", "notes", title="Attendance")
    for a in detail.attendance:
        people.add_row(
            a["name"],
            a["status"],
            ", ".join(a["roles"]),
            a["title"] or "",
            a["affiliation"] or "",
            "; ".join(a["notes"]),
        )
    out.print(people)
    for section in detail.sections:
        out.print(f"\n[bold]§ {section.number} {section.title}[/] [dim](page {section.page})[/]")
        if with_text and section.text:
            out.print(section.text, highlight=False)
        for outcome, decision in section.decisions:
            out.print(f"  [bold]{outcome}[/]: {decision}", highlight=False)
        if section.amounts:
            out.print(f"  amounts: {'; '.join(section.amounts)}", style="dim", highlight=False)
    if detail.signatories:
        signed = ", ".join(
            f"{s['name']} ({s['role']}{', ' + s['title'] if s['title'] else ''})"
            for s in detail.signatories
        )
        out.print(f"\nSigned by {signed}", highlight=False)


def register(app: typer.Typer) -> None:
    """Add the analysts' commands to the `protokoll` app."""
    commands = (
        ("attendance", attendance_command, "protokoll attendance --body arbetsutskottet --by year"),
        (
            "decisions",
            decisions_command,
            "protokoll decisions --outcome postponed --since 2020-01-01",
        ),
        ("search", search_command, "protokoll search ansökan"),
        ("export", export_command, "protokoll export --to export/ --format parquet"),
        ("show", show_command, "protokoll show 2020-03-25 arbetsutskottet"),
    )
    for name, command, example in commands:
        app.command(name, epilog=f"Example: {example}")(reports_errors(command))

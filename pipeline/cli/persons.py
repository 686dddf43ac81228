"""`protokoll persons`: look at the archive's people, review uncertain links, decide who is who."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import DEFAULT_DB, DbOption, err, out, reports_errors
from pipeline.cli.output import OutputFormat, print_rows
from pipeline.errors import DatabaseError, InputError
from pipeline.ingest.store import open_writer
from pipeline.resolve import archive
from pipeline.resolve.evaluate import PairScores, failures, pairwise, resolve_all
from pipeline.resolve.gold import read_gold
from pipeline.resolve.overrides import append_override
from pipeline.resolve.review import (
    find_persons,
    list_persons,
    person_aliases,
    person_changes,
    review,
)
from pipeline.resolve.synthetic import read_gazetteer, synthetic_archive
from pipeline.store import db

persons_app = typer.Typer(
    help="The people of the archive: every spelling tied to one person id, and why.",
    epilog='Example: protokoll persons show "Anna Berg" --db protokoll.duckdb',
    no_args_is_help=True,
    rich_markup_mode=None,  # plain help: no <bool> after a flag, no [extra] read as markup
    context_settings={"help_option_names": ["-h", "--help"]},
)

OverridesOption = Annotated[
    Path | None,
    typer.Option(
        "--overrides",
        help="Overrides file (merge these, never merge those). Default: $PROTOKOLL_PERSONS, "
        "else the file the database last followed, else protokoll.persons.toml beside "
        "protokoll.duckdb.",
        dir_okay=False,
    ),
]
FormatOption = Annotated[OutputFormat, typer.Option("--format", "-f", help="Output format.")]
FAILURES_SHOWN = 10


@persons_app.command("list", epilog="Example: protokoll persons list --db protokoll.duckdb")
@reports_errors
def list_command(
    db_path: DbOption = DEFAULT_DB,
    name: Annotated[
        str | None, typer.Option("--name", "-n", help="Only people with a spelling like this.")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many people.", min=1)] = 1000,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """People with their meetings present and absent, years, and other spellings."""
    con = db.connect(db_path, read_only=True)
    try:
        columns, rows = list_persons(con, name, limit)
    finally:
        con.close()
    print_rows(columns, rows, output)


@persons_app.command(
    "show", epilog='Example: protokoll persons show "Charlotta Skålén" --db protokoll.duckdb'
)
@reports_errors
def show_command(
    person: Annotated[str, typer.Argument(help="A person id, or a name as written.")],
    db_path: DbOption = DEFAULT_DB,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Every spelling of a person with the rule, score and evidence that tied it, and id changes.

    With --format csv or json, the spellings only.
    """
    con = db.connect(db_path, read_only=True)
    try:
        found = find_persons(con, person)
        if not found:
            raise InputError(
                f"no person is written {person!r}", hint="see `protokoll persons list --name ...`"
            )
        columns: list[str] = []
        rows: list[tuple[object, ...]] = []
        changes: list[tuple[object, ...]] = []
        change_columns: list[str] = []
        for pid, name in found:
            alias_columns, aliases = person_aliases(con, pid)
            columns = ["person_id", "person", *alias_columns]
            rows += [(pid, name, *alias) for alias in aliases]
            change_columns, changed = person_changes(con, pid)
            changes += changed
    finally:
        con.close()
    print_rows(columns, rows, output)
    if changes and output is OutputFormat.TABLE:  # csv and json: one table, the aliases
        print_rows(change_columns, changes, output)


@persons_app.command("review", epilog="Example: protokoll persons review --db protokoll.duckdb")
@reports_errors
def review_command(
    db_path: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option(help="At most this many items.", min=1)] = 50,
    output: FormatOption = OutputFormat.TABLE,
) -> None:
    """Links made without certainty and links refused, with their evidence, most impactful first.

    Impact is the number of rows (attendance, signatures, mentions) whose person would change.
    Settle an item with `protokoll persons merge` or `protokoll persons separate`: the decision
    goes to the overrides file, which every later ingest follows.
    """
    con = db.connect(db_path, read_only=True)
    try:
        items = review(con)[:limit]
    finally:
        con.close()
    columns = ["kind", "impact", "score", "rule", "first", "second", "evidence", "settle with"]
    rows = [
        (
            i.kind,
            i.impact,
            i.score,
            i.rule,
            f"{i.first} ({i.first_id})",
            f"{i.second} ({i.second_id})",
            i.evidence,
            i.command,
        )
        for i in items
    ]
    if not rows and output is OutputFormat.TABLE:
        err.print("nothing to review")
        return
    print_rows(columns, rows, output)


NamesArgument = Annotated[
    list[str], typer.Argument(help="Two or more names as written, or person ids.")
]
ReasonOption = Annotated[str | None, typer.Option(help="Why, for whoever reads the file next.")]


@persons_app.command(
    "merge",
    epilog='Example: protokoll persons merge "Jacob Sandström" "Jacob Sandgren" '
    '--reason "renamed in 2019" --db protokoll.duckdb',
)
@reports_errors
def merge_command(
    names: NamesArgument,
    db_path: DbOption = DEFAULT_DB,
    overrides: OverridesOption = None,
    reason: ReasonOption = None,
) -> None:
    """Decide that these names are one person: written to the overrides file and applied."""
    _decide(db_path, overrides, "merge", names, reason)


@persons_app.command(
    "separate",
    epilog='Example: protokoll persons separate "Anna Lindberg" "Anna Lundberg" '
    "--db protokoll.duckdb",
)
@reports_errors
def separate_command(
    names: NamesArgument,
    db_path: DbOption = DEFAULT_DB,
    overrides: OverridesOption = None,
    reason: ReasonOption = None,
) -> None:
    """Decide that these names are different people (never merge): written down and applied."""
    _decide(db_path, overrides, "never_merge", names, reason)


@persons_app.command("apply", epilog="Example: protokoll persons apply --db protokoll.duckdb")
@reports_errors
def apply_command(db_path: DbOption = DEFAULT_DB, overrides: OverridesOption = None) -> None:
    """Group the people again by the overrides file now (ingest does it when the file changed)."""
    _require_db(db_path)
    con = open_writer(db_path)  # the overrides followed first, as ingest opens it
    try:
        path = overrides or archive.overrides_path(con, db_path)
        changes = archive.apply_overrides(con, path, force=True)
    finally:
        con.close()
    merged = sum(1 for e in changes.events if e.change == "merge") if changes else 0
    split = sum(1 for e in changes.events if e.change == "split") if changes else 0
    err.print(f"applied {path}: {merged} ids merged, {split} split", highlight=False)


@persons_app.command(
    "evaluate",
    epilog="Example: protokoll persons evaluate --gold ../shared/seeds/gold "
    "--gold ../shared/dev-corpus/gold --names ../shared/corpora/gazetteers-svensktext",
)
@reports_errors
def evaluate_command(
    gold: Annotated[
        list[Path] | None,
        typer.Option(
            help="Folder of gold files (*.json); repeat for more.", file_okay=False, exists=True
        ),
    ] = None,
    names: Annotated[
        Path | None,
        typer.Option(
            help="Folder of the svensktext gazetteers, for a synthetic archive of damaged names.",
            file_okay=False,
            exists=True,
        ),
    ] = None,
    people: Annotated[int, typer.Option(help="People in the synthetic archive.", min=2)] = 400,
    damage: Annotated[
        float, typer.Option(help="Share of written names damaged.", min=0, max=1)
    ] = 0.3,
    seed: Annotated[int, typer.Option(help="Seed of the synthetic archive.")] = 0,
    show: Annotated[int, typer.Option(help="Failing cases shown per set.", min=0)] = FAILURES_SHOWN,
) -> None:
    """Pairwise precision and recall of "same person" on gold files and a synthetic archive.

    Each attendance row, signature and mention is an item; a pair is two items of one person.
    Prints the scores and the failing cases: wrong merges and splits, costliest first.
    """
    if not gold and names is None:
        raise InputError("nothing to evaluate", hint="give --gold and/or --names")
    if gold:
        gold_set = read_gold(gold)
        truth = [t for labels in gold_set.truth for t in labels]
        written = [s.name for m in gold_set.meetings for s in m.sightings]
        _report(
            "gold: " + ", ".join(str(g) for g in gold),
            truth,
            written,
            resolve_all(gold_set.meetings),
            show,
        )
    if names is not None:
        synthetic = synthetic_archive(
            read_gazetteer(names), people=people, damage=damage, seed=seed
        )
        truth = [t for labels in synthetic.truth for t in labels]
        written = [
            f"{s.name} [{what}]"
            for m, done in zip(synthetic.meetings, synthetic.damage, strict=True)
            for s, what in zip(m.sightings, done, strict=True)
        ]
        title = f"synthetic: {people} people, damage {damage}, seed {seed}"
        _report(title, truth, written, resolve_all(synthetic.meetings), show)


def _report(
    title: str, truth: list[str], written: list[str], predicted: list[str | None], show: int
) -> None:
    scores: PairScores = pairwise(truth, predicted)
    out.print(
        f"[bold]{title}[/]: {scores.items} names, {scores.true_pairs} true pairs — "
        f"precision {scores.precision:.4f}, recall {scores.recall:.4f}",
        highlight=False,
    )
    for failure in failures(truth, predicted, written)[:show]:
        out.print(f"  {failure.kind} ({failure.pairs} pairs)", highlight=False)
        for who, spellings in failure.groups:
            out.print(f"    {who}: {', '.join(spellings)}", highlight=False, markup=False)


def _decide(
    db_path: Path, overrides: Path | None, kind: str, names: list[str], reason: str | None
) -> None:
    if len(names) < 2:
        raise InputError("give two names or ids at least")
    _require_db(db_path)
    con = open_writer(db_path)  # the overrides followed first, as ingest opens it
    try:
        path = overrides or archive.overrides_path(con, db_path)
        append_override(path, kind, names, reason)
        archive.apply_overrides(con, path)
        found = [find_persons(con, n) for n in names]
    finally:
        con.close()
    ids = sorted({pid for each in found for pid, _ in each})
    err.print(
        f"written to {path} and applied; now {', '.join(ids) or 'no person'}", highlight=False
    )


def _require_db(db_path: Path) -> None:
    if not db_path.exists():
        raise DatabaseError(f"no database at {db_path}", hint="run `protokoll ingest` first")

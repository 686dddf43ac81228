"""What every protokoll command shares: the consoles, the --db option, and errors as one line."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from pipeline.errors import ProtokollError
from pipeline.store import db

out = Console()
# Messages on stderr are lines, for a person and for a log alike: never wrapped mid-line.
err = Console(stderr=True, soft_wrap=True)

DbOption = Annotated[
    Path,
    typer.Option("--db", help="DuckDB database file.", dir_okay=False, envvar="PROTOKOLL_DB"),
]
DEFAULT_DB = db.DEFAULT_DB
P = ParamSpec("P")
R = TypeVar("R")


def reports_errors(command: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's exceptions into one clear line on stderr and their exit code."""

    @wraps(command)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return command(*args, **kwargs)
        except ProtokollError as error:
            err.print(f"[bold red]error:[/] {escape(error.describe())}", highlight=False)
            raise typer.Exit(error.exit_code) from error

    return wrapper

"""Every command's --help, the groups' too, shows an example and no `<bool>` after a flag;
`protokoll --version` prints the version."""

from __future__ import annotations

import re
from typing import Any

import typer
from typer.testing import CliRunner

from pipeline import __version__
from pipeline.cli import app

runner = CliRunner()
COMMAND_LINE = re.compile(r"  ([a-z][\w-]*)  ")


def _help(path: list[str]) -> str:
    result = runner.invoke(app, [*path, "--help"], terminal_width=100)
    assert result.exit_code == 0, result.output
    return result.output


def _subcommands(text: str) -> list[str]:
    """The names listed under "Commands:", up to the blank line that ends the list."""
    if "\nCommands:\n" not in text:
        return []
    block = text.split("\nCommands:\n", 1)[1].split("\n\n", 1)[0]
    return [m.group(1) for m in map(COMMAND_LINE.match, block.splitlines()) if m]


def _every_help() -> dict[str, str]:
    found: dict[str, str] = {}
    waiting: list[list[str]] = [[]]
    while waiting:
        path = waiting.pop()
        text = found[" ".join(path)] = _help(path)
        waiting += [[*path, name] for name in _subcommands(text)]
    return found


def _every_command() -> set[str]:
    """The paths of every command and group the app has, as its own tree gives them."""
    ctx = typer.Context(typer.main.get_command(app))
    found: set[str] = set()

    def walk(command: Any, path: list[str]) -> None:
        found.add(" ".join(path))
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*path, name])

    walk(ctx.command, [])
    return found


def test_every_help_has_an_example_and_no_bool_metavar() -> None:
    helps = _every_help()
    assert set(helps) == _every_command()  # the help lists every command, groups' too
    assert {"", "ingest", "query", "persons", "persons show"} <= set(helps)
    no_example = [name for name, text in helps.items() if "Example" not in text]
    with_bool = [name for name, text in helps.items() if "<bool>" in text.lower()]
    assert no_example == [] and with_bool == []


def test_help_keeps_square_brackets() -> None:
    assert "protokoll[dask]" in _help(["ingest"]).replace("\n", " ").replace(" ", "")


def test_root_help_names_the_exit_statuses() -> None:
    text = " ".join(_help([]).split())
    for status in ("2 a bad argument", "3 a missing dependency", "4 a database", "5 refused"):
        assert status in text


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output == f"protokoll {__version__}\n"

"""`-` in place of a path or of SQL: read them from stdin, so that `find … | protokoll ingest -`
and `protokoll query - < report.sql` work as the other Unix tools do."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

import typer

DASH = "-"


def paths_or_stdin(
    given: Sequence[Path], *, param_hint: str, dir_okay: bool = True, file_okay: bool = True
) -> list[Path]:
    """The paths given, with `-` replaced by the lines of stdin (one path a line, blank lines
    skipped), each checked as click checks a path argument (a usage error, exit 2). The
    arguments do not ask click to check them: typer compares the Path it made with "-"."""
    if sum(str(p) == DASH for p in given) > 1:
        raise typer.BadParameter("- (stdin) can be given once", param_hint=param_hint)
    paths: list[Path] = []
    for path in given:
        if str(path) != DASH:
            _check(path, param_hint=param_hint, dir_okay=dir_okay, file_okay=file_okay)
            paths.append(path)
            continue
        read = [Path(line) for line in sys.stdin.read().splitlines() if line.strip()]
        if not read:
            raise typer.BadParameter("stdin held no paths", param_hint=param_hint)
        for each in read:
            _check(each, param_hint=param_hint, dir_okay=dir_okay, file_okay=file_okay, stdin=True)
        paths += read
    return paths


def text_or_stdin(given: str, *, param_hint: str) -> str:
    """The text given, or all of stdin when it is `-`."""
    if given != DASH:
        return given
    text = sys.stdin.read()
    if not text.strip():
        raise typer.BadParameter("stdin was empty", param_hint=param_hint)
    return text


def _check(
    path: Path, *, param_hint: str, dir_okay: bool, file_okay: bool, stdin: bool = False
) -> None:
    name = f"{path} (from stdin)" if stdin else str(path)
    if not path.exists():
        raise typer.BadParameter(f"{name} does not exist", param_hint=param_hint)
    if not dir_okay and path.is_dir():
        raise typer.BadParameter(f"{name} is a folder", param_hint=param_hint)
    if not file_okay and not path.is_dir():
        raise typer.BadParameter(f"{name} is not a folder", param_hint=param_hint)

"""The README is true: its example session and library example run and print what it shows, every
`protokoll` command line it gives names real commands and options, its data model names every
table and view of a new database, and its exit statuses are the ones each command uses."""

from __future__ import annotations

import os
import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

from pipeline import errors
from pipeline.cli import app
from pipeline.cli.ingest import EXIT_INTERRUPTED
from pipeline.store import db
from tests.conftest import REPO_ROOT, SAMPLE_DIR, requires_tesseract

README = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
runner = CliRunner()
ROOT = typer.main.get_command(app)
SEPARATORS = {"&&", "||", "|", ";"}


def _section(title: str) -> str:
    """The README's text under a heading, up to the next heading of the same or a higher level."""
    match = re.search(rf"^(#+) {re.escape(title)}\n", README, re.M)
    assert match, f"no heading {title!r} in the README"
    level = len(match.group(1))
    rest = README[match.end() :]
    end = re.search(rf"^#{{1,{level}}} ", rest, re.M)
    return rest[: end.start()] if end else rest


def _blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.M | re.S)


def _cells(line: str) -> list[str]:
    """A markdown table row's cells; `\\|` inside a cell is a literal bar."""
    cells = re.split(r"(?<!\\)\|", line.strip().strip("|"))
    return [cell.strip().replace("\\|", "|") for cell in cells]


def _tables(text: str) -> Iterator[list[list[str]]]:
    """Each markdown table in `text`: its header row, then its rows."""
    table: list[list[str]] = []
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            if not re.fullmatch(r"\|[\s|:-]+\|?", line.strip()):
                table.append(_cells(line))
        elif table:
            yield table
            table = []


def _commands() -> dict[str, Any]:
    """Every command the CLI has, by its path ("persons show")."""
    found: dict[str, Any] = {}
    ctx = typer.Context(ROOT)

    def walk(command: Any, path: list[str]) -> None:
        if hasattr(command, "list_commands"):
            for name in command.list_commands(ctx):
                walk(command.get_command(ctx, name), [*path, name])
        else:
            found[" ".join(path)] = command

    walk(ROOT, [])
    return found


COMMANDS = _commands()


def _options(command: Any) -> set[str]:
    return {opt for param in command.params for opt in [*param.opts, *param.secondary_opts]}


def _invocations(text: str) -> Iterator[list[str]]:
    """The arguments of each `protokoll …` in shell text (after `.venv/bin/`, `$ `, `&&`…)."""
    try:
        words = shlex.split(text, comments=True)
    except ValueError:  # an apostrophe in prose, not a command line
        return
    current: list[str] | None = None
    for word in [*words, "&&"]:
        if word in SEPARATORS or word.endswith(";"):
            if current is not None:
                yield current
            current = None
        elif current is not None:
            current.append(word)
        elif word in ("protokoll", ".venv/bin/protokoll", "$(BIN)/protokoll"):
            current = []


def _check_invocation(args: list[str]) -> list[str]:
    """What is wrong with one `protokoll` command line as the README writes it."""
    args = [w.strip("[]") for w in args]  # `[--port 8001]`: an option the reader may give
    words = [w for w in args if not w.startswith("-")]
    path = next(
        (" ".join(words[:n]) for n in (2, 1) if " ".join(words[:n]) in COMMANDS),
        None,
    )
    if path is None:
        return [] if not words or args[0].startswith("-") else [f"no command {args[:2]}"]
    known = _options(COMMANDS[path]) | {"--help", "-h"}
    options = {w.split("=", 1)[0] for w in args if re.fullmatch(r"--?[a-z][\w-]*(=.*)?", w)}
    return [f"protokoll {path}: no option {o}" for o in sorted(options - known)]


def test_every_protokoll_command_line_in_a_code_block_is_real() -> None:
    blocks = _blocks(README, "sh") + _blocks(README, "console") + _blocks(README, "bash")
    lines = [
        line.removeprefix("$ ")
        for block in blocks
        for line in block.splitlines()
        if "protokoll" in line and not line.lstrip().startswith("#")
    ]
    checked = [args for line in lines for args in _invocations(line)]
    assert len(checked) > 10
    assert [problem for args in checked for problem in _check_invocation(args)] == []


def test_every_command_in_the_tables_is_real_and_every_command_is_in_the_readme() -> None:
    rows = [row[0] for table in _tables(README) for row in table[1:]]
    synopses = [m.group(1) for cell in rows if (m := re.match(r"`(protokoll [^`]+)`", cell))]
    assert len(synopses) > 15
    problems = []
    for synopsis in synopses:
        # `protokoll persons list|show|…` and `[--format table|csv]`: the first of each choice
        args = [word.split("|")[0] for word in synopsis.split()[1:]]
        args = [word.strip("[]…,.") for word in args]
        problems += _check_invocation([word for word in args if word])
    assert problems == []
    missing = [path for path in COMMANDS if f"`{path.split()[-1]}`" not in README]
    missing = [p for p in missing if f"protokoll {p}" not in README]
    assert missing == []


def test_the_data_model_names_every_table_and_view(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "new.duckdb")
    try:
        rows = con.execute(
            "SELECT table_name, table_type FROM information_schema.tables "
            "WHERE table_schema = 'main'"
        ).fetchall()
    finally:
        con.close()
    tables = {name for name, kind in rows if kind == "BASE TABLE"}
    views = {name for name, kind in rows if kind == "VIEW"}

    def named(section: str, header: str) -> set[str]:
        return {
            name
            for table in _tables(_section(section))
            if table[0][0] == header
            for row in table[1:]
            for name in re.findall(r"`(\w+)`", row[0])
        }

    assert named("The data model", "table") == tables
    assert named("Asking questions", "view") == views


def _status_table() -> dict[int, str]:
    for table in _tables(README):
        if table[0] == ["status", "meaning"]:
            return {int(row[0]): row[1] for row in table[1:]}
    raise AssertionError("the README has no table of exit statuses")


def test_the_exit_statuses_are_the_ones_the_errors_carry() -> None:
    statuses = _status_table()
    assert set(statuses) == {0, 1, 2, 3, 4, 5, EXIT_INTERRUPTED}
    assert errors.InputError.exit_code == 2 and "bad argument or input file" in statuses[2]
    assert errors.MissingDependency.exit_code == 3 and "missing dependency" in statuses[3]
    assert errors.DatabaseError.exit_code == 4 and "database problem" in statuses[4]
    assert errors.Refused.exit_code == 5 and "refused" in statuses[5]
    assert "Ctrl-C" in statuses[EXIT_INTERRUPTED]
    root_help = " ".join(runner.invoke(app, ["--help"]).output.split())
    for status in statuses:
        assert f"{status} " in root_help


# Arguments that get each command past its own checks to the database it reads.
REACHES_THE_DATABASE = {
    "search": ["ansökan"],
    "show": ["2020-03-25"],
    "case": ["KS 2019/123"],
    "query": ["SELECT 1"],
    "export": ["--to", "{tmp}/export"],
    "persons show": ["Anna Berg"],
    "persons merge": ["Anna Berg", "Anna Bergh"],
    "persons separate": ["Anna Berg", "Anna Bergh"],
}
CREATES_THE_DATABASE = {"ingest", "load"}  # a missing database is made; see test_cli_errors


def _with_db() -> list[str]:
    return sorted(
        path
        for path, command in COMMANDS.items()
        if "--db" in _options(command) and path not in CREATES_THE_DATABASE
    )


@pytest.mark.parametrize("path", _with_db())
def test_a_missing_database_is_status_4(path: str, tmp_path: Path) -> None:
    if path == "serve":
        pytest.importorskip("datasette", reason="serve needs the serve extra")
    args = [a.format(tmp=tmp_path) for a in REACHES_THE_DATABASE.get(path, [])]
    missing = tmp_path / "saknas.duckdb"
    result = runner.invoke(app, [*path.split(), *args, "--db", str(missing)])
    assert result.exit_code == 4, result.output
    assert not missing.exists()


@pytest.mark.parametrize("path", sorted(COMMANDS))
def test_an_unknown_option_is_status_2(path: str) -> None:
    result = runner.invoke(app, [*path.split(), "--no-such-option"])
    assert result.exit_code == 2, result.output


@pytest.fixture
def in_a_fresh_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory with data/sample and nothing else, as after a clone."""
    if not SAMPLE_DIR.is_dir():
        pytest.skip("data/sample is missing")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "sample").symlink_to(SAMPLE_DIR)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _session(block: str) -> Iterator[tuple[list[str], str]]:
    """Each `$ command` of a console block (its quoted lines joined) with the output shown."""
    lines = block.splitlines()
    index = 0
    while index < len(lines):
        if not lines[index].startswith("$ "):
            index += 1
            continue
        command = lines[index][2:]
        index += 1
        while True:
            try:
                args = shlex.split(command, comments=True)
                break
            except ValueError:  # a quoted SQL spread over lines
                command += "\n" + lines[index]
                index += 1
        shown = []
        while index < len(lines) and not lines[index].startswith("$ "):
            shown.append(lines[index])
            index += 1
        assert args[0] == ".venv/bin/protokoll"
        yield args[1:], "\n".join(shown).strip()


TIMINGS = re.compile(r"in \d+(\.\d+)? s with \d+ workers?")


@pytest.mark.ocr
@requires_tesseract
@pytest.mark.usefixtures("in_a_fresh_checkout")
def test_the_example_session_prints_what_the_readme_shows() -> None:
    (block,) = _blocks(_section("An example session"), "console")
    session = list(_session(block))
    assert [args[0] for args, _ in session] == ["ingest", "query", "query", "extract"]
    for args, shown in session:
        result = runner.invoke(app, args, terminal_width=100)
        assert result.exit_code == 0, (args, result.output)
        printed = (result.stdout + result.stderr).strip()
        if args[0] == "ingest":  # the time and the workers are this machine's
            # without a terminal a progress line every few seconds stands for the bar
            printed = "\n".join(
                line for line in printed.splitlines() if not line.startswith("progress: ")
            )
            printed, shown = (TIMINGS.sub("in … s with … workers", t) for t in (printed, shown))
            assert " ".join(printed.split()) == " ".join(shown.split())
        elif shown:
            assert [line.rstrip() for line in printed.splitlines()] == shown.splitlines()
        else:
            assert printed.startswith("{")  # the JSON contract, not shown


@pytest.mark.ocr
@requires_tesseract
@pytest.mark.usefixtures("in_a_fresh_checkout")
def test_the_library_example_runs_and_gives_what_it_says() -> None:
    (block,) = _blocks(_section("Use it as a library"), "python")
    namespace: dict[str, Any] = {}
    exec(compile(block, "README.md", "exec"), namespace)
    claimed = re.search(r"^(minutes\.[^\n#]+?)\s+# (\(.+\))$", block, re.M)
    assert claimed, "the example no longer shows what read_document gives"
    assert repr(eval(claimed.group(1), namespace)) == claimed.group(2)
    assert namespace["report"].failed == []
    assert os.path.exists("protokoll.duckdb")

"""The `protokoll` command line: a thin layer over the library functions notebooks call too.

`app` is loaded when asked for, so that importing one command module (as a bench or a test
does) does not build the whole command line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import typer

    app: typer.Typer


def __getattr__(name: str) -> Any:
    if name == "app":
        from pipeline.cli.main import app

        return app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

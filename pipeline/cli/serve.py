"""`protokoll serve`: the archive in a web browser, read-only, on this machine by default."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Annotated

import typer

from pipeline.cli.common import DEFAULT_DB, DbOption, err, reports_errors
from pipeline.errors import DatabaseError, MissingDependency

DEFAULT_PORT = 8001
DEFAULT_HOST = "127.0.0.1"  # this machine only: the view has no log-in


def register(app: typer.Typer) -> None:
    app.command(
        "serve",
        epilog="Example: protokoll serve --db protokoll.duckdb, then open http://127.0.0.1:8001/",
    )(serve_command)


@reports_errors
def serve_command(
    db_path: DbOption = DEFAULT_DB,
    port: Annotated[int, typer.Option(help="Port to listen on.", min=0, max=65535)] = DEFAULT_PORT,
    host: Annotated[
        str, typer.Option(help="Address to listen on; 0.0.0.0 shows the archive to the network.")
    ] = DEFAULT_HOST,
    overrides: Annotated[
        Path | None,
        typer.Option(
            "--overrides",
            help="Overrides file the review page writes decisions to. Default: as "
            "`protokoll persons merge`.",
            dir_okay=False,
        ),
    ] = None,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Rebuild the SQLite mirror even if it is current.")
    ] = False,
) -> None:
    """A local web view of the archive: meetings, people, bodies, search, review.

    Every fact links to the page it was read from. The view reads a SQLite mirror,
    FILE.view.sqlite beside the database (rebuilt when the database is newer), and never writes
    the database; the review page's decisions go to the persons overrides file only.
    """
    try:
        import uvicorn

        from pipeline.serve.app import make_app, start
        from pipeline.serve.mirror import ensure_mirror
    except ImportError as exc:
        raise MissingDependency(
            f"the web view needs the serve extra: {exc}", hint="pip install 'protokoll[serve]'"
        ) from exc
    if not db_path.exists():
        raise DatabaseError(f"no database at {db_path}", hint="run `protokoll ingest` first")
    mirror = ensure_mirror(db_path, force=rebuild)
    if mirror.rebuilt:
        err.print(f"mirror {mirror.path} built in {mirror.seconds:.1f} s", highlight=False)
    datasette = make_app(mirror.path, db_path, overrides or _overrides(db_path))
    asyncio.run(start(datasette))
    err.print(f"protokoll serve: http://{host}:{port}/ (Ctrl-C stops)", highlight=False)
    uvicorn.run(datasette.app(), host=host, port=port, log_level="warning")


def _overrides(db_path: Path) -> Path:
    """The overrides file `protokoll persons merge` would write for this database."""
    from pipeline.resolve import archive
    from pipeline.store import db

    con = db.connect(db_path, read_only=True)
    try:
        return archive.overrides_path(con, db_path)
    finally:
        con.close()

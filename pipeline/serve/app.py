"""The Datasette instance of the view: the mirror, immutable, with the plugin and its templates."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from pipeline.serve import plugin
from pipeline.serve.data import MIRROR_NAME
from pipeline.serve.metadata import metadata
from pipeline.serve.words import FILTERS

TEMPLATES = Path(__file__).with_name("templates")
SETTINGS = {
    "sql_time_limit_ms": 3000,  # a search over every § of a large archive may take a second
    "default_page_size": 50,
    "num_sql_threads": 2,
}


def register_plugin() -> None:
    """Add the view's pages to Datasette's plugin manager, once per process."""
    if pm.get_plugin(plugin.PLUGIN) is None:
        pm.register(plugin, name=plugin.PLUGIN)


def make_app(mirror: Path, db_path: Path, overrides: Path) -> Datasette:
    """A Datasette over the mirror, its only database, which it never writes."""
    register_plugin()
    datasette = Datasette(
        metadata=metadata(db_path, overrides),
        template_dir=str(TEMPLATES),
        settings=SETTINGS,
    )
    database = Database(datasette, path=str(mirror), is_mutable=False)
    datasette.add_database(database, name=MIRROR_NAME)
    datasette.jinja_env.filters.update(FILTERS)
    return datasette


def asgi(datasette: Datasette) -> Any:
    return datasette.app()

"""The Datasette instance of the view: the mirror, read-only, with the plugin and its templates."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlencode

from datasette.app import Datasette
from datasette.database import Database
from datasette.plugins import pm

from pipeline.serve import plugin
from pipeline.serve.data import MIRROR_NAME
from pipeline.serve.metadata import metadata
from pipeline.serve.votes import FILTERS as VOTE_FILTERS
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
    # mutable: read-only connections that see a refreshed mirror (refresh.py); nothing writes
    database = Database(datasette, path=str(mirror), is_mutable=True)
    datasette.add_database(database, name=MIRROR_NAME)
    datasette.jinja_env.filters.update(FILTERS)
    datasette.jinja_env.filters.update(VOTE_FILTERS)
    return datasette


WARM_UP_PATHS = ("/", "/ingest", "/review", "/search?q=protokoll", f"/{MIRROR_NAME}/meetings")


async def start(datasette: Datasette) -> None:
    """Datasette's start-up, then one request of each kind of page: templates are compiled and
    the page-image and plot libraries imported before anyone waits for them."""
    await datasette.invoke_startup()
    import pdfplumber  # noqa: F401
    import pypdfium2  # noqa: F401

    import pipeline.analysis.plots  # noqa: F401

    for path in WARM_UP_PATHS:
        await datasette.client.get(path)
    found = await datasette.get_database(MIRROR_NAME).execute(
        "SELECT m.meeting_id, m.organization, m.body FROM meetings m "
        "LEFT JOIN documents d ON d.sha256 = m.meeting_id "
        "ORDER BY d.format = 'pdf' AND d.ocr_pages = '[]' DESC LIMIT 1"  # a text layer first
    )
    if found.rows:
        meeting, organization, body = found.rows[0]
        key = urlencode({"organization": organization or "", "body": body or ""})
        for path in (
            f"/meeting/{meeting}",
            f"/source/{meeting}/1?find=protokoll",  # pdfminer's first page reads its font data
            f"/plot/attendance.png?{key}",  # matplotlib's first figure loads its fonts
            f"/plot/outcomes.png?{key}",
        ):
            await datasette.client.get(path)

"""The Datasette plugin: the view's own pages, and links from Datasette's tables to them.

Registered by `app.py` (never installed as a package entry point), so it runs only inside
`protokoll serve`. Every page has an HTML form and a JSON form (`.json`, English keys).
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from datasette import hookimpl
from datasette.utils.asgi import Request, Response
from markupsafe import Markup, escape

from pipeline.serve import charts, source
from pipeline.serve.body import bodies, body_page
from pipeline.serve.data import MIRROR_NAME, meeting_url, one, page_url, person_url, rows
from pipeline.serve.meeting import meeting_page
from pipeline.serve.person import current_id, person_page
from pipeline.serve.refresh import current_mirror
from pipeline.serve.review_page import ReviewError, decide, review_page
from pipeline.serve.runs import ingest_page
from pipeline.serve.search import register_functions, search_page

PLUGIN = "protokoll"
SHA = r"(?P<sha256>[0-9a-f]{64})"
JSON = r"(?P<json>\.json)?"
PNG_HEADERS = {"cache-control": "max-age=3600"}
RECENT_MEETINGS = 15
CSRF_COOKIE = "ds_csrftoken"  # a cross-site form carries no cookie (SameSite=Lax): refused


def _config(datasette: Any) -> dict[str, str]:
    return dict(datasette.plugin_config(PLUGIN) or {})


async def _database(datasette: Any) -> Any:
    """The mirror, rebuilt first when the database changed while the view runs."""
    return await current_mirror(datasette, Path(_config(datasette)["database"]))


async def _page(
    datasette: Any, request: Request, template: str, context: dict[str, Any] | None
) -> Response:
    if context is None:
        return Response.html(
            await datasette.render_template(
                "protokoll_missing.html", {"path": request.path}, request=request
            ),
            status=404,
        )
    if request.url_vars.get("json"):
        return Response.json(context, default=str)
    return Response.html(await datasette.render_template(template, context, request=request))


async def home(datasette: Any, request: Request) -> Response:
    database = await _database(datasette)
    recent = await rows(
        database,
        "SELECT meeting_id, date, organization, body FROM meetings "
        f"ORDER BY date DESC LIMIT {RECENT_MEETINGS}",
    )
    for row in recent:
        row["url"] = meeting_url(row["meeting_id"])
    context = {
        "bodies": await bodies(database),
        "recent": recent,
        "totals": await one(
            database,
            "SELECT (SELECT count(*) FROM meetings) AS meetings, "
            "(SELECT count(*) FROM persons) AS persons, "
            "(SELECT count(*) FROM sections) AS sections, "
            "(SELECT count(*) FROM decisions) AS decisions, "
            "(SELECT count(*) FROM ingest_errors) AS errors, "
            "(SELECT count(*) FROM review_items) AS review_items",
        ),
        "built_at": (await one(database, "SELECT value FROM protokoll_view WHERE key = 'built_at'"))
        or {},
    }
    return await _page(datasette, request, "protokoll_home.html", context)


async def meeting(datasette: Any, request: Request) -> Response:
    context = await meeting_page(await _database(datasette), request.url_vars["sha256"])
    return await _page(datasette, request, "protokoll_meeting.html", context)


async def person(datasette: Any, request: Request) -> Response:
    asked = request.url_vars["person_id"]
    database = await _database(datasette)
    now = await current_id(database, asked)
    if now is not None and now != asked:
        return Response.redirect(f"/person/{now}{request.url_vars.get('json') or ''}")
    context = await person_page(database, asked) if now else None
    return await _page(datasette, request, "protokoll_person.html", context)


async def body(datasette: Any, request: Request) -> Response:
    organization = request.args.get("organization") or None
    name = request.args.get("body") or None
    context = await body_page(await _database(datasette), organization, name)
    return await _page(datasette, request, "protokoll_body.html", context)


async def search(datasette: Any, request: Request) -> Response:
    context = await search_page(
        await _database(datasette), request.args.get("q", ""), request.args.get("body") or None
    )
    return await _page(datasette, request, "protokoll_search.html", context)


async def ingest(datasette: Any, request: Request) -> Response:
    context = await ingest_page(await _database(datasette))
    return await _page(datasette, request, "protokoll_ingest.html", context)


async def review(datasette: Any, request: Request) -> Response:
    overrides = Path(_config(datasette)["overrides"])
    context = await review_page(await _database(datasette), overrides)
    context["message"] = request.args.get("message")
    return await _page(datasette, request, "protokoll_review.html", context)


async def review_decide(datasette: Any, request: Request) -> Response:
    """POST: write one decision to the overrides file (nothing else is ever written)."""
    if request.method != "POST":
        return Response.text("POST a decision from /review", status=405)
    if CSRF_COOKIE not in request.cookies:  # Datasette checks the token only when it is there
        return Response.text("inget skrevs: beslut tas bara emot från sidan /review", status=403)
    form = await request.post_vars()
    overrides = Path(_config(datasette)["overrides"])
    try:
        position = int(form.get("position", ""))
        item = await decide(
            await _database(datasette),
            overrides,
            position,
            form.get("decision", ""),
            form.get("reason") or None,
        )
    except (ValueError, ReviewError) as error:
        return Response.text(f"inget skrevs: {error}", status=400)
    verb = "samma person" if form.get("decision") == "merge" else "olika personer"
    message = f"{item['first']} och {item['second']}: {verb}, skrivet till {overrides}"
    from urllib.parse import urlencode

    return Response.redirect(f"/review?{urlencode({'message': message})}#item-{position}")


async def _document(datasette: Any, sha256: str) -> tuple[dict[str, Any], Path] | None:
    found = await one(
        await _database(datasette),
        "SELECT sha256, path, format FROM documents WHERE sha256 = ?",
        [sha256],
    )
    if found is None:
        return None
    located = source.locate(str(found["path"]), Path(_config(datasette)["database"]))
    return (found, located) if located else None


async def source_view(datasette: Any, request: Request) -> Response:
    """A page of a document with the fact marked: the image, or a text file's lines."""
    sha256, page = request.url_vars["sha256"], int(request.url_vars["page"])
    find = request.args.get("find", "")
    database = await _database(datasette)
    document = await one(database, "SELECT * FROM documents WHERE sha256 = ?", [sha256])
    if document is None:
        return await _page(datasette, request, "", None)
    located = source.locate(str(document["path"]), Path(_config(datasette)["database"]))
    context: dict[str, Any] = {
        "document": document,
        "page": page,
        "find": find,
        "located": str(located) if located else None,
        "meeting_url": meeting_url(sha256),
        "pdf_url": f"/document/{sha256}#page={page}" if document["format"] == "pdf" else None,
        "image_url": None,
        "marked": None,
        "has_text_layer": None,
        "lines": None,
        "previous_url": page_url(sha256, page - 1) if page > 1 else None,
        "next_url": page_url(sha256, page + 1) if page < (document["page_count"] or 1) else None,
    }
    if located is not None and document["format"] == "pdf":
        boxes, has_text = (
            await asyncio.to_thread(source.find_boxes, located, page, find) if find else ((), True)
        )
        context["image_url"] = page_url(sha256, page, find).replace("/source/", "/page-image/", 1)  # type: ignore[union-attr]
        context["marked"] = len(boxes)
        context["has_text_layer"] = has_text
    elif located is not None and document["format"] in source.TEXT_FORMATS:
        context["lines"] = await asyncio.to_thread(source.text_lines, located, find)
    return await _page(datasette, request, "protokoll_source.html", context)


async def page_image(datasette: Any, request: Request) -> Response:
    found = await _document(datasette, request.url_vars["sha256"])
    if found is None or found[0]["format"] != "pdf":
        return Response.text("ingen PDF för dokumentet", status=404)
    width = min(int(request.args.get("width") or source.PAGE_WIDTH_PX), source.MAX_PAGE_WIDTH_PX)
    page = int(request.url_vars["page"])
    try:
        marked = await asyncio.to_thread(
            source.render_page,
            found[1],
            page,
            request.args.get("find", ""),
            width,
            request.args.get("crop") == "1",
        )
    except IndexError:
        return Response.text(f"sidan {page} finns inte", status=404)
    return Response(marked.png, content_type="image/png", headers=PNG_HEADERS)


async def document(datasette: Any, request: Request) -> Response:
    found = await _document(datasette, request.url_vars["sha256"])
    if found is None or found[0]["format"] != "pdf":
        return Response.text("filen finns inte längre där den lästes in", status=404)
    data = await asyncio.to_thread(found[1].read_bytes)
    return Response(data, content_type="application/pdf", headers={"content-disposition": "inline"})


async def plot(datasette: Any, request: Request) -> Response:
    """The CLI's attendance or outcomes plot of a person or a body, drawn once and kept."""
    database = await _database(datasette)
    person_id = request.args.get("person")
    key = [request.args.get("organization") or None, request.args.get("body") or None]
    if request.url_vars["what"] == "attendance":
        columns = ", ".join(charts.ATTENDANCE_COLUMNS)
        if person_id:
            found = await database.execute(
                f"SELECT {columns} FROM attendance_rate_per_person_body_year "
                "WHERE person_id = ? ORDER BY organization, body, year",
                [person_id],
            )
            who = found.rows[0]["name"] if found.rows else person_id
        else:
            found = await database.execute(
                f"SELECT {columns} FROM attendance_rate_per_person_body_year "
                "WHERE organization IS ? AND body IS ? ORDER BY person_id, year",
                key,
            )
            who = key[1] or "okänt organ"
        rows = tuple(tuple(r) for r in found.rows)
        png = await asyncio.to_thread(charts.attendance_plot, rows, f"Närvaro per år — {who}")
    else:
        found = await database.execute(
            f"SELECT {', '.join(charts.OUTCOME_COLUMNS)} FROM decision_outcomes_per_body_year "
            "WHERE organization IS ? AND body IS ? ORDER BY year, outcome",
            key,
        )
        rows = tuple(tuple(r) for r in found.rows)
        title = f"Beslut per år och utfall — {key[1] or 'okänt organ'}"
        png = await asyncio.to_thread(charts.outcomes_plot, rows, title)
    return Response(png, content_type="image/png", headers=PNG_HEADERS)


@hookimpl  # type: ignore[untyped-decorator]
def register_routes(datasette: Any) -> list[tuple[str, Any]]:
    return [
        (r"^/$", home),
        (rf"^/meeting/{SHA}{JSON}$", meeting),
        (rf"^/person/(?P<person_id>[A-Za-z0-9_-]+?){JSON}$", person),
        (rf"^/body{JSON}$", body),
        (rf"^/search{JSON}$", search),
        (rf"^/ingest{JSON}$", ingest),
        (rf"^/review{JSON}$", review),
        (r"^/review/decide$", review_decide),
        (rf"^/source/{SHA}/(?P<page>\d+)$", source_view),
        (rf"^/page-image/{SHA}/(?P<page>\d+)$", page_image),
        (rf"^/document/{SHA}$", document),
        (r"^/plot/(?P<what>attendance|outcomes)\.png$", plot),
    ]


@hookimpl  # type: ignore[untyped-decorator]
def prepare_connection(conn: Any) -> None:
    register_functions(conn)


PERSON_COLUMNS = frozenset({"person_id", "first_id", "second_id", "from_id", "to_id"})


@hookimpl  # type: ignore[untyped-decorator]
def render_cell(row: Any, value: Any, column: str, table: str | None, database: str) -> Any:
    """Datasette's tables link ids to the view's pages, and a page number to the page."""
    if database != MIRROR_NAME or not isinstance(value, str | int) or value == "":
        return None
    if column == "meeting_id" and isinstance(value, str) and len(value) == 64:
        return Markup(f'<a href="{meeting_url(value)}">{escape(value[:12])}…</a>')
    if column in PERSON_COLUMNS and isinstance(value, str) and value.startswith("p_"):
        return Markup(f'<a href="{person_url(value)}">{escape(value)}</a>')
    if column == "page" and isinstance(value, int) and row is not None:
        keys = row.keys()
        owner = (
            row["meeting_id"]
            if "meeting_id" in keys
            else row["sha256"]
            if "sha256" in keys
            else None
        )
        if isinstance(owner, str) and len(owner) == 64:
            return Markup(f'<a href="{page_url(owner, value)}">s. {value}</a>')
    return None

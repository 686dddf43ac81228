"""Search of § text in the view, with the terms and folding of `protokoll search`.

The query's terms are those of `pipeline.analysis.terms.query_terms`; a § matches when its
folded title and text match every term's pattern (`term_pattern`), which is what
`protokoll search` finds with the same patterns moved onto the unfolded text in DuckDB.
SQLite has no such matcher, so the mirror's connections get one (`register_functions`).
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import Any

from datasette.database import Database

from pipeline.analysis.search import snippet
from pipeline.analysis.terms import fold, query_terms, term_pattern
from pipeline.serve.data import meeting_url, page_url, rows

RESULTS_MAX = 500
MATCH_FUNCTION = "protokoll_hits"
FOLD_FUNCTION = "protokoll_fold"


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def count_hits(pattern: str, title: str | None, text: str | None) -> int:
    """How often a folded-term pattern occurs in a §'s folded title and text."""
    folded = fold(f"{title or ''} {text or ''}")
    return len(_compiled(pattern).findall(folded))


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function(MATCH_FUNCTION, 3, count_hits, deterministic=True)
    conn.create_function(FOLD_FUNCTION, 1, lambda t: None if t is None else fold(t))


async def search_page(database: Database, text: str, body: str | None) -> dict[str, Any]:
    terms = query_terms(text)
    result: dict[str, Any] = {"query": text, "body": body, "terms": terms, "results": []}
    if not terms:
        return result
    patterns = [term_pattern(t) for t in terms]
    hits = " + ".join(f"{MATCH_FUNCTION}(?, s.title, s.text)" for _ in patterns)
    conditions = [f"{MATCH_FUNCTION}(?, s.title, s.text) > 0" for _ in patterns]
    params: list[Any] = [*patterns, *patterns]
    if body:
        conditions.append(f"instr({FOLD_FUNCTION}(m.body), ?) > 0")
        params.append(fold(body))
    found = await rows(
        database,
        f"SELECT m.date, m.organization, m.body, s.meeting_id, s.number, s.title, s.page, "
        f"s.text, {hits} AS hits FROM sections s JOIN meetings m USING (meeting_id) "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY m.date, m.organization, m.body, s.ordinal LIMIT {RESULTS_MAX + 1}",
        params,
    )
    for row in found:
        row["snippet"] = snippet(f"{row['title']}: {row['text']}", patterns)
        row["url"] = meeting_url(row["meeting_id"]) + f"#s-{row['number']}"
        row["page_url"] = page_url(
            row["meeting_id"], row["page"], f"{row['number']} {row['title']}"
        )
        del row["text"]
    result["truncated"] = len(found) > RESULTS_MAX
    result["results"] = found[:RESULTS_MAX]
    return result

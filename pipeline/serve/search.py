"""Search of § text in the view, with the terms and folding of `protokoll search`.

The query's terms are those of `pipeline.analysis.terms.query_terms`; a § matches when its
folded title and text match every term's pattern (`term_pattern`), which is what
`protokoll search` finds with the same patterns moved onto the unfolded text in DuckDB.
SQLite has no such matcher, so the mirror's connections get one (`register_functions`), and
the mirror keeps every § folded once (`section_folded`) instead of folding it per search.
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from typing import Any

import duckdb
from datasette.database import Database

from pipeline.analysis.search import snippet
from pipeline.analysis.terms import fold, query_terms, term_pattern
from pipeline.serve.data import meeting_url, page_url, rows

RESULTS_MAX = 200  # on a page; `protokoll search` lists every one
Table = tuple[list[tuple[str, str]], list[tuple[Any, ...]]]  # (columns with SQLite types, rows)
MATCH_FUNCTION = "protokoll_matches"
FOLD_FUNCTION = "protokoll_fold"


@lru_cache(maxsize=256)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


def matches(pattern: str, folded: str | None) -> bool:
    return folded is not None and _compiled(pattern).search(folded) is not None


def register_functions(conn: sqlite3.Connection) -> None:
    conn.create_function(MATCH_FUNCTION, 2, matches, deterministic=True)
    conn.create_function(FOLD_FUNCTION, 1, lambda t: None if t is None else fold(t))


async def search_page(database: Database, text: str, body: str | None) -> dict[str, Any]:
    terms = query_terms(text)
    result: dict[str, Any] = {"query": text, "body": body, "terms": terms, "results": []}
    if not terms:
        return result
    patterns = [term_pattern(t) for t in terms]
    conditions = [f"{MATCH_FUNCTION}(?, f.folded)" for _ in patterns]
    params: list[Any] = list(patterns)
    if body:
        conditions.append(f"instr({FOLD_FUNCTION}(m.body), ?) > 0")
        params.append(fold(body))
    found = await rows(
        database,
        "SELECT m.date, m.organization, m.body, s.meeting_id, s.number, s.title, s.page, "
        "s.text, f.folded FROM section_folded f "
        "JOIN sections s ON s.meeting_id = f.meeting_id AND s.ordinal = f.ordinal "
        "JOIN meetings m ON m.meeting_id = f.meeting_id "
        f"WHERE {' AND '.join(conditions)} "
        f"ORDER BY m.date, m.organization, m.body, s.ordinal LIMIT {RESULTS_MAX + 1}",
        params,
    )
    result["truncated"] = len(found) > RESULTS_MAX
    found = found[:RESULTS_MAX]
    for row in found:
        folded = row.pop("folded")
        row["hits"] = sum(len(_compiled(p).findall(folded)) for p in patterns)
        row["snippet"] = snippet(f"{row['title']}: {row['text']}", patterns)
        row["url"] = meeting_url(row["meeting_id"]) + f"#s-{row['number']}"
        row["page_url"] = page_url(
            row["meeting_id"], row["page"], f"{row['number']} {row['title']}"
        )
        del row["text"]
    result["results"] = found
    return result


def search_tables(
    con: duckdb.DuckDBPyConnection,
) -> dict[str, tuple[list[tuple[str, str]], list[tuple[Any, ...]]]]:
    """The mirror's `section_folded`: each §'s title and text folded as `protokoll search` does."""
    rows = con.execute("SELECT meeting_id, ordinal, title, text FROM sections").fetchall()
    columns = [("meeting_id", "TEXT"), ("ordinal", "INTEGER"), ("folded", "TEXT")]
    return {
        "section_folded": (
            columns,
            [(meeting, ordinal, fold(f"{title} {text}")) for meeting, ordinal, title, text in rows],
        )
    }

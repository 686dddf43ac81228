"""What the review page lists, computed once per mirror: links between people that the
resolver made without certainty or refused, and documents read with low confidence.

Both need DuckDB (the resolver's index, list functions), so they are written into the mirror
as tables (`review_items`, `review_documents`) instead of being recomputed per request.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb

from pipeline.resolve.review import review

LOW_CONFIDENCE = 0.75  # documents.confidence (that it is minutes) under this is shown
LOW_OCR_CONFIDENCE = 80.0  # a page whose mean OCR word confidence is under this is shown
Columns = list[tuple[str, str]]
Table = tuple[Columns, list[tuple[Any, ...]]]

ITEM_COLUMNS: Columns = [
    ("position", "INTEGER"),
    ("kind", "TEXT"),
    ("impact", "INTEGER"),
    ("score", "REAL"),
    ("rule", "TEXT"),
    ("first_id", "TEXT"),
    ("first", "TEXT"),
    ("second_id", "TEXT"),
    ("second", "TEXT"),
    ("evidence", "TEXT"),
    ("command", "TEXT"),
]
# Impact: the rows of facts a misreading would put wrong (people, §§, decisions, signatures).
DOCUMENTS_SQL = f"""
WITH facts AS (
    SELECT meeting_id, count(*) AS n FROM attendance GROUP BY ALL
    UNION ALL SELECT meeting_id, count(*) FROM sections GROUP BY ALL
    UNION ALL SELECT meeting_id, count(*) FROM decisions GROUP BY ALL
    UNION ALL SELECT meeting_id, count(*) FROM signatories GROUP BY ALL
), impact AS (
    SELECT meeting_id AS sha256, sum(n)::BIGINT AS impact FROM facts GROUP BY ALL
), ocr AS (
    SELECT sha256, min(ocr_confidence) AS worst_ocr,
           list(page ORDER BY page) FILTER (WHERE ocr_confidence < {LOW_OCR_CONFIDENCE})
               AS weak_pages
    FROM pages GROUP BY ALL
)
SELECT d.sha256, d.path, d.format, d.page_count, d.confidence, len(d.warnings) AS warning_count,
       d.warnings, o.worst_ocr, coalesce(o.weak_pages, []) AS weak_pages,
       coalesce(i.impact, 0) AS impact,
       m.meeting_id IS NOT NULL AS is_meeting, m.date, m.organization, m.body
FROM documents d
LEFT JOIN ocr o USING (sha256)
LEFT JOIN impact i USING (sha256)
LEFT JOIN meetings m ON m.meeting_id = d.sha256
WHERE coalesce(d.confidence, 0) < {LOW_CONFIDENCE}
   OR len(d.warnings) > 0
   OR o.worst_ocr < {LOW_OCR_CONFIDENCE}
ORDER BY impact DESC, d.confidence NULLS FIRST, d.path
"""


def review_tables(con: duckdb.DuckDBPyConnection, db_path: Path) -> dict[str, Table]:
    """The mirror's review tables, by name: (columns with SQLite types, rows)."""
    del db_path  # the same for every database; kept for tables that will need it
    items = [
        (
            position,
            i.kind,
            i.impact,
            i.score,
            i.rule,
            i.first_id,
            i.first,
            i.second_id,
            i.second,
            i.evidence,
            i.command,
        )
        for position, i in enumerate(review(con), start=1)
    ]
    cursor = con.execute(DOCUMENTS_SQL)
    columns = [(str(d[0]), _type(str(d[1]))) for d in cursor.description or []]
    return {
        "review_items": (ITEM_COLUMNS, items),
        "review_documents": (columns, cursor.fetchall()),
    }


def _type(duck_type: str) -> str:
    if duck_type in {"BIGINT", "INTEGER", "BOOLEAN"}:
        return "INTEGER"
    return "REAL" if duck_type == "DOUBLE" else "TEXT"

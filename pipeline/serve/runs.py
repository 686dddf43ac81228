"""The ingest page: every run of `protokoll ingest` and the files that could not be loaded."""

from __future__ import annotations

from typing import Any

from datasette.database import Database

from pipeline.serve.data import rows

ERRORS_SHOWN = 500


async def ingest_page(database: Database) -> dict[str, Any]:
    errors = await rows(
        database,
        f"SELECT * FROM ingest_errors ORDER BY occurred_at DESC, path LIMIT {ERRORS_SHOWN}",
    )
    by_type = await rows(
        database,
        "SELECT stage, error_type, count(*) AS files FROM ingest_errors "
        "GROUP BY stage, error_type ORDER BY files DESC",
    )
    runs = await rows(database, "SELECT * FROM ingest_runs ORDER BY run_id DESC")
    totals = await rows(
        database,
        "SELECT (SELECT count(*) FROM documents) AS documents, "
        "(SELECT count(*) FROM meetings) AS meetings, (SELECT count(*) FROM pages) AS pages, "
        "(SELECT count(*) FROM pages WHERE method = 'ocr') AS ocr_pages, "
        "(SELECT count(*) FROM ingest_errors) AS errors",
    )
    return {"errors": errors, "errors_by_type": by_type, "runs": runs, "totals": totals[0]}

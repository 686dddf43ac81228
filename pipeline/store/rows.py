"""The rows each table receives from one document, and their insertion in one statement."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from importlib.resources import files
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.records import Minutes
from pipeline.store.case_rows import case_rows, notice_columns
from pipeline.store.links import listed_name
from pipeline.store.vote_rows import vote_rows

# The tables `rows_of` fills, in the order a document's rows go in.
LOADED_TABLES = (
    "documents",
    "pages",
    "meetings",
    "attendance",
    "signatories",
    "sections",
    "decisions",
    "amounts",
    "section_references",
    "entities",
    "vote_events",
    "vote_choices",
    "dissents",
    "cases",
)


@cache
def table_schema(table: str) -> pa.Schema:
    """The Arrow types of a table's rows as `rows_of` gives them, read from schema.sql itself.

    A date or a clock time comes as the ISO text the parser wrote, which DuckDB casts on insert.
    """
    con = duckdb.connect()  # in memory: the tables as schema.sql makes them, empty
    try:
        con.execute(files("pipeline.store").joinpath("schema.sql").read_text(encoding="utf-8"))
        declared = con.execute(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
    finally:
        con.close()
    return pa.schema(
        [
            pa.field(f.name, pa.string()) if _is_date_or_time(f.type) else f.with_nullable(True)
            for f in declared
        ]
    )


def _is_date_or_time(kind: pa.DataType) -> bool:
    return bool(pa.types.is_date(kind) or pa.types.is_time(kind))


def rows_of(minutes: Minutes) -> dict[str, list[dict[str, Any]]]:
    """The rows each table receives from one document."""
    sha = minutes.source.sha256
    meeting = minutes.meeting
    listed = [a.name for a in minutes.attendance]
    return {
        "documents": [
            {
                "sha256": sha,
                "path": minutes.source.path,
                "format": minutes.source.format.value,
                "size_bytes": minutes.source.size_bytes,
                "page_count": len(minutes.pages),
                "ocr_pages": list(minutes.ocr_pages),
                "warnings": list(minutes.warnings),
                "ingested_at": _now(),
                "confidence": minutes.confidence,
                "root": minutes.source.root,
                "relative_path": minutes.source.relative_path,
                "path_bytes": minutes.source.path_bytes,
            }
        ],
        "pages": [
            {
                "sha256": sha,
                "page": p.number,
                "method": p.method.value,
                "ocr_confidence": p.ocr_confidence,
                "seconds": p.seconds,
                "chars": p.chars,
                "ocr_reason": p.ocr_reason,
                "rotation_deg": p.rotation_deg,
            }
            for p in minutes.pages
        ],
        "meetings": [
            {
                "meeting_id": sha,
                "organization": meeting.organization,
                "body": meeting.body,
                "date": meeting.date,
                "start_time": meeting.start_time,
                "end_time": meeting.end_time,
                "location": meeting.location,
                "remote": meeting.remote,
                **notice_columns(minutes),
            }
        ],
        "attendance": [
            {
                "meeting_id": sha,
                "person_id": a.person_id,
                "name": a.name,
                "status": a.status.value,
                "roles": [r.value for r in a.roles],
                "title": a.title,
                "affiliation": a.affiliation,
                "page": a.page,
                "notes": list(a.notes),
                "party": a.party,
                "sections_present": a.sections_present,
                "time_present": a.time_present,
                "substitute_for": a.substitute_for,
                "inferred": a.inferred,
                "role_ambiguous": a.role_ambiguous,
                "substitute_for_listed": listed_name(a.substitute_for, listed, exclude=a.name),
            }
            for a in minutes.attendance
        ],
        "signatories": [
            {
                "meeting_id": sha,
                "person_id": s.person_id,
                "name": s.name,
                "role": s.role.value,
                "title": s.title,
                "page": s.page,
            }
            for s in minutes.signatories
        ],
        "sections": [
            {
                "meeting_id": sha,
                "ordinal": i,
                "number": s.number,
                "title": s.title,
                "page": s.page,
                "text": s.text,
                "diary_number": s.diary_number,
                "from_toc": s.from_toc,
                "started_at": s.started_at,
                "starts_not_before": s.starts_not_before,
            }
            for i, s in enumerate(minutes.sections, 1)
        ],
        "decisions": [
            {
                "meeting_id": sha,
                "section_number": s.number,
                "ordinal": i,
                "text": d.text,
                "outcome": d.outcome.value,
                "page": d.page,
                "vote_yes": d.vote.yes if d.vote else None,
                "vote_no": d.vote.no if d.vote else None,
                "vote_abstain": d.vote.abstain if d.vote else None,
                "reservations": list(d.reservations),
                "detail": d.detail,
            }
            for s in minutes.sections
            for i, d in enumerate(s.decisions, 1)
        ],
        "amounts": [
            {"meeting_id": sha, "section_number": s.number, "text": a.text, "sek": a.sek}
            for s in minutes.sections
            for a in s.amounts
        ],
        "section_references": [
            {"meeting_id": sha, "section_number": s.number, "refers_to": r}
            for s in minutes.sections
            for r in s.references
        ],
        "entities": [
            {
                "meeting_id": sha,
                "section_number": e.section,
                "label": e.label,
                "text": e.text,
                "start_char": e.start,
                "end_char": e.end,
                "person_id": None,  # set by the archive's person resolution
            }
            for e in minutes.entities
        ],
        **vote_rows(minutes),
        "cases": case_rows(minutes),
    }


def insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    """Append `rows` (as `rows_of` gives them) to `table`, in one statement."""
    if not rows:
        return
    schema = table_schema(table)
    incoming = pa.Table.from_pylist(rows, schema=schema)
    # DuckDB reads the local Arrow table by its name (a replacement scan): 2 ms where
    # register + insert + unregister take 5 ms, for each table of each document
    names = ", ".join(schema.names)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
    del incoming


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

"""The rows each table receives from one document, and their insertion in one statement."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.records import Minutes
from pipeline.store.case_rows import CASE_TABLE_COLUMNS, NOTICE_COLUMNS, case_rows, notice_columns
from pipeline.store.links import listed_name
from pipeline.store.vote_rows import VOTE_TABLE_COLUMNS, vote_rows

# The tables whose rows name people: written as each document is linked to the archive's people.
PERSON_TABLES = ("attendance", "signatories", "entities")
# Column types of each bulk-loaded table, in the order of schema.sql.
TABLE_COLUMNS: dict[str, dict[str, pa.DataType]] = {
    "documents": {
        "sha256": pa.string(),
        "path": pa.string(),
        "format": pa.string(),
        "size_bytes": pa.int64(),
        "page_count": pa.int32(),
        "ocr_pages": pa.list_(pa.int32()),
        "warnings": pa.list_(pa.string()),
        "ingested_at": pa.timestamp("us"),
        "confidence": pa.float64(),
        "root": pa.string(),
        "relative_path": pa.string(),
        "path_bytes": pa.binary(),
    },
    "pages": {
        "sha256": pa.string(),
        "page": pa.int32(),
        "method": pa.string(),
        "ocr_confidence": pa.float64(),
        "seconds": pa.float64(),
        "chars": pa.int32(),
        "ocr_reason": pa.string(),
        "rotation_deg": pa.int32(),
    },
    "meetings": {
        "meeting_id": pa.string(),
        "organization": pa.string(),
        "body": pa.string(),
        "date": pa.string(),
        "start_time": pa.string(),
        "end_time": pa.string(),
        "location": pa.string(),
        "remote": pa.bool_(),
        **NOTICE_COLUMNS,
    },
    "attendance": {
        "meeting_id": pa.string(),
        "person_id": pa.string(),
        "name": pa.string(),
        "status": pa.string(),
        "roles": pa.list_(pa.string()),
        "title": pa.string(),
        "affiliation": pa.string(),
        "page": pa.int32(),
        "notes": pa.list_(pa.string()),
        "party": pa.string(),
        "sections_present": pa.string(),
        "time_present": pa.string(),
        "substitute_for": pa.string(),
        "inferred": pa.bool_(),
        "role_ambiguous": pa.bool_(),
        "substitute_for_listed": pa.string(),
    },
    "signatories": {
        "meeting_id": pa.string(),
        "person_id": pa.string(),
        "name": pa.string(),
        "role": pa.string(),
        "title": pa.string(),
        "page": pa.int32(),
    },
    "sections": {
        "meeting_id": pa.string(),
        "ordinal": pa.int32(),
        "number": pa.string(),
        "title": pa.string(),
        "page": pa.int32(),
        "text": pa.string(),
        "diary_number": pa.string(),
        "from_toc": pa.bool_(),
        "started_at": pa.string(),
        "starts_not_before": pa.string(),
    },
    "decisions": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "ordinal": pa.int32(),
        "text": pa.string(),
        "outcome": pa.string(),
        "page": pa.int32(),
        "vote_yes": pa.int32(),
        "vote_no": pa.int32(),
        "vote_abstain": pa.int32(),
        "reservations": pa.list_(pa.string()),
        "detail": pa.string(),
    },
    "amounts": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "text": pa.string(),
        "sek": pa.int64(),
    },
    "section_references": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "refers_to": pa.string(),
    },
    "entities": {
        "meeting_id": pa.string(),
        "section_number": pa.string(),
        "label": pa.string(),
        "text": pa.string(),
        "start_char": pa.int32(),
        "end_char": pa.int32(),
        "person_id": pa.string(),
    },
}


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
    columns = TABLE_COLUMNS[table]
    incoming = pa.Table.from_pylist(rows, schema=_SCHEMAS[table])
    # DuckDB reads the local Arrow table by its name (a replacement scan): 2 ms where
    # register + insert + unregister take 5 ms, for each table of each document
    names = ", ".join(columns)
    con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming")
    del incoming


TABLE_COLUMNS.update(VOTE_TABLE_COLUMNS)
TABLE_COLUMNS.update(CASE_TABLE_COLUMNS)
_SCHEMAS = {table: pa.schema(list(columns.items())) for table, columns in TABLE_COLUMNS.items()}


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)

"""The meeting page: header, attendance, §§ with decisions and amounts, signatures, warnings,
each fact with a link to the page it was read from."""

from __future__ import annotations

from typing import Any

from datasette.database import Database

from pipeline.serve.data import Row, body_url, one, page_url, person_url, rows
from pipeline.serve.votes import attach, meeting_votes


async def meeting_page(database: Database, meeting_id: str) -> dict[str, Any] | None:
    """Everything the mirror holds on one meeting, or None when there is no such meeting."""
    header = await one(
        database,
        "SELECT m.*, d.path, d.format, d.page_count, d.ocr_pages, d.warnings, d.confidence "
        "FROM meetings m LEFT JOIN documents d ON d.sha256 = m.meeting_id "
        "WHERE m.meeting_id = ?",
        [meeting_id],
    )
    if header is None:
        return None
    attendance = await rows(
        database,
        "SELECT * FROM attendance WHERE meeting_id = ? ORDER BY status DESC, page, rowid",
        [meeting_id],
    )
    for row in attendance:
        row["url"] = person_url(row["person_id"])
        row["page_url"] = page_url(meeting_id, row["page"], row["name"])
    signatories = await rows(
        database, "SELECT * FROM signatories WHERE meeting_id = ? ORDER BY rowid", [meeting_id]
    )
    for row in signatories:
        row["url"] = person_url(row["person_id"])
        row["page_url"] = page_url(meeting_id, row["page"], row["name"])
    pages = await rows(database, "SELECT * FROM pages WHERE sha256 = ? ORDER BY page", [meeting_id])
    sections = await _sections(database, meeting_id)
    unplaced = attach(sections, await meeting_votes(database, meeting_id))
    return {
        "meeting_id": meeting_id,
        "meeting": header,
        "body_url": body_url(header["organization"], header["body"]),
        "attendance": attendance,
        "sections": sections,
        "unplaced": unplaced,  # votes and reservations no § could be told for
        "signatories": signatories,
        "pages": [{**p, "url": page_url(meeting_id, p["page"])} for p in pages],
        "pdf_url": f"/document/{meeting_id}" if header.get("format") == "pdf" else None,
        "duplicates": await rows(
            database,
            "SELECT d.sha256, d.reason, doc.path FROM duplicate_documents d "
            "LEFT JOIN documents doc USING (sha256) WHERE d.meeting_id = ?",
            [meeting_id],
        ),
    }


async def _sections(database: Database, meeting_id: str) -> list[Row]:
    sections = await rows(
        database, "SELECT * FROM sections WHERE meeting_id = ? ORDER BY ordinal", [meeting_id]
    )
    decisions = await rows(
        database, "SELECT * FROM decisions WHERE meeting_id = ? ORDER BY ordinal", [meeting_id]
    )
    amounts = await rows(
        database, "SELECT * FROM amounts WHERE meeting_id = ? ORDER BY rowid", [meeting_id]
    )
    references = await rows(
        database,
        "SELECT * FROM section_references WHERE meeting_id = ? ORDER BY rowid",
        [meeting_id],
    )
    by_number: dict[str, Row] = {}
    for section in sections:
        section["page_url"] = page_url(meeting_id, section["page"], _title_line(section))
        section["decisions"], section["amounts"], section["references"] = [], [], []
        by_number.setdefault(section["number"], section)  # a number repeated: the first §
    for decision in decisions:
        owner = by_number.get(decision["section_number"])
        if owner is not None:
            page = decision["page"] if decision["page"] is not None else owner["page"]
            decision["page_url"] = page_url(meeting_id, page, decision["text"])
            owner["decisions"].append(decision)
    for amount in amounts:
        owner = by_number.get(amount["section_number"])
        if owner is not None:
            amount["page_url"] = page_url(meeting_id, owner["page"], amount["text"])
            owner["amounts"].append(amount)
    for reference in references:
        owner = by_number.get(reference["section_number"])
        if owner is not None:
            owner["references"].append(reference["refers_to"])
    return sections


def _title_line(section: Row) -> str:
    return f"§ {section['number']} {section['title']}"

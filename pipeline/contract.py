"""The JSON contract of `protokoll extract --json`: field names and nesting that tools rely on."""

from __future__ import annotations

from typing import Any

from pipeline.records import Minutes


def to_contract(minutes: Minutes) -> dict[str, Any]:
    source = minutes.source
    meeting = minutes.meeting
    return {
        "source": {
            "path": source.path,
            "sha256": source.sha256,
            "format": source.format.value,
            "pages": len(minutes.pages),
            "ocr_pages": list(minutes.ocr_pages),
        },
        "confidence": minutes.confidence,
        "meeting": {
            "organization": meeting.organization,
            "body": meeting.body,
            "date": meeting.date,
            "start_time": meeting.start_time,
            "end_time": meeting.end_time,
            "location": meeting.location,
            "remote": meeting.remote,
        },
        "attendance": [
            {
                "name": a.name,
                "person_id": a.person_id,
                "status": a.status.value,
                "roles": [r.value for r in a.roles],
                "title": a.title,
                "affiliation": a.affiliation,
                "party": a.party,
                "sections_present": a.sections_present,
                "time_present": a.time_present,
                "substitute_for": a.substitute_for,
                "inferred": a.inferred,
                "role_ambiguous": a.role_ambiguous,
                "page": a.page,
            }
            for a in minutes.attendance
        ],
        "sections": [
            {
                "number": s.number or None,
                "title": s.title,
                "page": s.page,
                "text": s.text,
                "decisions": [
                    {"text": d.text, "outcome": d.outcome.value, "detail": d.detail}
                    for d in s.decisions
                ],
                "references": list(s.references),
                "amounts": [{"text": a.text, "sek": a.sek} for a in s.amounts],
                "dnr": s.diary_number,
                "from_toc": s.from_toc,
            }
            for s in minutes.sections
        ],
        "signatories": [
            {"name": s.name, "person_id": s.person_id, "role": s.role.value, "title": s.title}
            for s in minutes.signatories
        ],
        "entities": [
            {"label": e.label, "text": e.text, "section": e.section, "start": e.start, "end": e.end}
            for e in minutes.entities
        ],
        "warnings": list(minutes.warnings),
    }

"""Readable views for the terminal: what a database holds, and what one document contains."""

from __future__ import annotations

import duckdb
from rich.console import Console
from rich.table import Table

from pipeline.records import Minutes

COUNTS_SQL = """
SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM meetings),
       (SELECT count(*) FROM sections), (SELECT count(*) FROM persons),
       (SELECT count(*) FROM decisions), (SELECT count(*) FROM attendance),
       (SELECT count(*) FROM ingest_errors)
"""
# The latest decisions, shown oldest first.
DECISIONS_SQL = """
SELECT * FROM (
    SELECT m.date, m.body, d.section_number, d.outcome, d.text,
           try_cast(d.section_number AS INTEGER) AS number, d.ordinal
    FROM decisions d JOIN meetings m USING (meeting_id)
    ORDER BY m.date DESC NULLS LAST, m.body DESC, number DESC, d.ordinal DESC
    LIMIT $shown
)
ORDER BY date, body, number, ordinal
"""
OUTCOMES_SQL = "SELECT outcome, count(*) FROM decisions GROUP BY outcome ORDER BY 2 DESC, 1"
ATTENDANCE_SQL = """
SELECT p.name,
       count(*) FILTER (WHERE a.status = 'present') AS present,
       count(*) FILTER (WHERE a.status = 'absent') AS absent,
       string_agg(DISTINCT a.name, ' / ' ORDER BY a.name) AS spellings
FROM attendance a JOIN persons p USING (person_id)
GROUP BY p.person_id, p.name
ORDER BY present DESC, p.name
LIMIT $shown
"""
# A summary fits on a screen or two: a large archive's thousands of decisions and people are
# for `protokoll decisions` and `protokoll persons list`.
SHOWN_ROWS = 25
EXCERPT_CHARS = 70


def _excerpt(text: str) -> str:
    return text if len(text) <= EXCERPT_CHARS else text[: EXCERPT_CHARS - 1] + "…"


def print_summary(
    console: Console, con: duckdb.DuckDBPyConnection, *, shown: int = SHOWN_ROWS
) -> None:
    row = con.execute(COUNTS_SQL).fetchone()
    assert row is not None
    documents, meetings, sections, people, decisions, attendance, errors = row
    console.print(
        f"[bold]{documents}[/] documents, [bold]{meetings}[/] meetings, [bold]{sections}[/] "
        f"sections, [bold]{people}[/] people, [bold]{decisions}[/] decisions, "
        f"[bold]{attendance}[/] attendance rows, [bold]{errors}[/] ingest errors"
    )
    outcomes = Table("outcome", "decisions", title="Decisions by outcome")
    for outcome, count in con.execute(OUTCOMES_SQL).fetchall():
        outcomes.add_row(outcome, str(count))
    console.print(outcomes)
    listing = Table(
        "date",
        "body",
        "§",
        "outcome",
        "decision",
        title="Decisions" if decisions <= shown else f"The latest {shown} of {decisions} decisions",
        caption=None if decisions <= shown else "all of them: protokoll decisions",
    )
    for date, body, number, outcome, text, *_ in con.execute(
        DECISIONS_SQL, {"shown": shown}
    ).fetchall():
        listing.add_row(str(date), body or "", number, outcome, _excerpt(text))
    console.print(listing)
    attendees = con.execute("SELECT count(DISTINCT person_id) FROM attendance").fetchone()
    listed = attendees[0] if attendees else 0
    people_table = Table(
        "person",
        "present",
        "absent",
        "spellings",
        title="Attendance per person"
        if listed <= shown
        else f"Attendance of the {shown} present most often, of {listed} people",
        caption=None if listed <= shown else "all of them: protokoll persons list",
    )
    for name, present, absent, spellings in con.execute(
        ATTENDANCE_SQL, {"shown": shown}
    ).fetchall():
        people_table.add_row(name, str(present), str(absent), spellings)
    console.print(people_table)


def print_extracted(console: Console, minutes: Minutes) -> None:
    meeting = minutes.meeting
    console.print(
        f"[bold]{meeting.organization or '?'}[/], {meeting.body or '?'}, {meeting.date or '?'} "
        f"{meeting.start_time or ''}–{meeting.end_time or ''}, {meeting.location or '?'}"
        f"{' (remote)' if meeting.remote else ''}"
    )
    sure = minutes.confidence
    confidence = "" if sure is None else f", confidence {sure:.2f} that it is minutes"
    console.print(
        f"{len(minutes.pages)} pages, OCR on {list(minutes.ocr_pages) or 'none'}{confidence}",
        style="dim",
    )
    people = Table("name", "status", "roles", "title", "affiliation", "page", title="Attendance")
    for a in minutes.attendance:
        people.add_row(
            a.name,
            a.status.value,
            ", ".join(a.roles),
            a.title or "",
            a.affiliation or "",
            str(a.page or ""),
        )
    console.print(people)
    sections = Table("§", "title", "page", "decisions", title="Sections")
    for s in minutes.sections:
        decided = "; ".join(f"{d.outcome.value}: {_excerpt(d.text)}" for d in s.decisions)
        sections.add_row(s.number, s.title, str(s.page), decided)
    console.print(sections)
    for signatory in minutes.signatories:
        console.print(
            f"signed ({signatory.role.value}): {signatory.name}"
            f"{', ' + signatory.title if signatory.title else ''}"
        )
    for warning in minutes.warnings:
        console.print(f"[yellow]warning:[/] {warning}")

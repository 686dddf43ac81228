"""One meeting found by id prefix or by date and body, and everything the database holds on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Any

import duckdb

from pipeline.analysis.terms import fold
from pipeline.errors import ProtokollError

MIN_ID_PREFIX_CHARS = 4
MAX_CANDIDATES_SHOWN = 8
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
HEX = re.compile(r"^[0-9a-f]+$")


class UnknownMeeting(ProtokollError):
    """No meeting, or more than one, answers to what was asked for."""


@dataclass(frozen=True)
class SectionDetail:
    number: str
    title: str
    page: int
    text: str
    decisions: tuple[tuple[str, str], ...]  # (outcome, text)
    amounts: tuple[str, ...]  # as written


@dataclass(frozen=True)
class MeetingDetail:
    meeting_id: str
    header: dict[str, Any]  # organization, body, date, start_time, end_time, location, remote
    path: str | None
    pages: int | None
    ocr_pages: tuple[int, ...]
    attendance: tuple[dict[str, Any], ...]  # name, status, roles, title, affiliation, notes
    sections: tuple[SectionDetail, ...]
    signatories: tuple[dict[str, Any], ...]  # name, role, title


def find_meeting(con: duckdb.DuckDBPyConnection, meeting: str) -> str:
    """The meeting_id that `meeting` names: a meeting_id prefix, or a date and a body.

    "3fa9c0", "2020-03-25", "2020-03-25 arbetsutskottet" and "2020-03-25 arbets" all work;
    the body is matched ignoring case and diacritics, and may be any part of its name.
    """
    words = meeting.split()
    if not words:
        raise UnknownMeeting("no meeting given", hint="give a meeting_id prefix or a date")
    if ISO_DATE.match(words[0]):
        return _by_date(con, words[0], " ".join(words[1:]))
    key = words[0].casefold()
    if len(words) == 1 and HEX.match(key) and len(key) >= MIN_ID_PREFIX_CHARS:
        rows = con.execute(
            "SELECT meeting_id, date, organization, body FROM meetings "
            "WHERE starts_with(meeting_id, ?) ORDER BY date",
            [key],
        ).fetchall()
        return _one(rows, f"meeting_id {key}…")
    raise UnknownMeeting(
        f"cannot read {meeting!r} as a meeting",
        hint="give a meeting_id prefix of at least 4 characters, or a date YYYY-MM-DD and a body",
    )


def _by_date(con: duckdb.DuckDBPyConnection, day: str, body: str) -> str:
    try:
        when = date.fromisoformat(day)
    except ValueError as exc:
        raise UnknownMeeting(f"{day} is not a date", hint="write it YYYY-MM-DD") from exc
    rows = con.execute(
        "SELECT meeting_id, date, organization, body FROM meetings "
        "WHERE date = ? AND contains(strip_accents(lower(coalesce(body, ''))), ?) "
        "ORDER BY organization, body",
        [when, fold(body)],
    ).fetchall()
    return _one(rows, f"{day} {body}".strip())


def _one(rows: list[tuple[Any, ...]], asked: str) -> str:
    if len(rows) == 1:
        return str(rows[0][0])
    if not rows:
        raise UnknownMeeting(f"no meeting matches {asked}", hint="see `protokoll query`")
    listed = "; ".join(
        f"{mid[:10]} {day} {body or '?'} ({org or '?'})"
        for mid, day, org, body in rows[:MAX_CANDIDATES_SHOWN]
    )
    more = (
        f" and {len(rows) - MAX_CANDIDATES_SHOWN} more" if len(rows) > MAX_CANDIDATES_SHOWN else ""
    )
    raise UnknownMeeting(
        f"{len(rows)} meetings match {asked}: {listed}{more}",
        hint="add the body or give more of the meeting_id",
    )


def meeting_detail(con: duckdb.DuckDBPyConnection, meeting_id: str) -> MeetingDetail:
    """Header, attendance, §§ with their decisions and amounts, and signatures of a meeting."""
    header_row = con.execute(
        "SELECT m.organization, m.body, m.date, m.start_time, m.end_time, m.location, m.remote, "
        "d.path, d.page_count, d.ocr_pages "
        "FROM meetings m LEFT JOIN documents d ON d.sha256 = m.meeting_id WHERE meeting_id = ?",
        [meeting_id],
    ).fetchone()
    if header_row is None:
        raise UnknownMeeting(f"no meeting {meeting_id}")
    keys = ("organization", "body", "date", "start_time", "end_time", "location", "remote")
    header = dict(zip(keys, header_row[:7], strict=True))
    path, pages, ocr_pages = header_row[7:]
    attendance = _records(
        con,
        "SELECT name, status, roles, title, affiliation, notes FROM attendance "
        "WHERE meeting_id = ? ORDER BY status DESC, page, rowid",
        meeting_id,
    )
    signatories = _records(
        con,
        "SELECT name, role, title FROM signatories WHERE meeting_id = ? ORDER BY rowid",
        meeting_id,
    )
    decided: dict[str, list[tuple[str, str]]] = {}
    for number, outcome, text in con.execute(
        "SELECT section_number, outcome, text FROM decisions WHERE meeting_id = ? ORDER BY ordinal",
        [meeting_id],
    ).fetchall():
        decided.setdefault(number, []).append((outcome, text))
    amounts: dict[str, list[str]] = {}
    for number, text in con.execute(
        "SELECT section_number, text FROM amounts WHERE meeting_id = ? ORDER BY rowid",
        [meeting_id],
    ).fetchall():
        amounts.setdefault(number, []).append(text)
    sections = tuple(
        SectionDetail(
            number,
            title,
            page,
            text,
            tuple(decided.pop(number, [])),  # a number repeated in one document: first § only
            tuple(amounts.pop(number, [])),
        )
        for number, title, page, text in con.execute(
            "SELECT number, title, page, text FROM sections WHERE meeting_id = ? ORDER BY ordinal",
            [meeting_id],
        ).fetchall()
    )
    return MeetingDetail(
        meeting_id,
        header,
        path,
        pages,
        tuple(ocr_pages or ()),
        attendance,
        sections,
        signatories,
    )


def _records(
    con: duckdb.DuckDBPyConnection, sql: str, meeting_id: str
) -> tuple[dict[str, Any], ...]:
    cursor = con.execute(sql, [meeting_id])
    columns = [d[0] for d in cursor.description or []]
    return tuple(dict(zip(columns, row, strict=True)) for row in cursor.fetchall())

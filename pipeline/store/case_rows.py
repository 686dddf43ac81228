"""The rows of cases (diarienummer, normalised so one case is one key across meetings and
bodies) and the meeting's justering and anslag dates with the appeal deadline they give."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from pipeline.records import Minutes
from pipeline.vocabulary.notices import APPEAL_DAYS, DIARY_NUMBER


def case_key(written: str) -> tuple[str, str | None, int, int] | None:
    """ "Dnr KS 2019/123", "KS/2019:123", "dnr 2019.123" → ("KS 2019/123", "KS", 2019, 123);
    None when the text holds no diarienummer."""
    text = written if written.casefold().startswith(("dnr", "diar")) else f"Dnr {written}"
    match = DIARY_NUMBER.search(text) or DIARY_NUMBER.search(written)
    if match is None:
        return None
    prefix = (match["prefix"] or match["prefix2"] or "").upper().replace("-", " ").strip() or None
    year = int(match["year"] or match["year2"])
    serial = int(match["serial"] or match["serial2"])
    return (f"{prefix} {year}/{serial}" if prefix else f"{year}/{serial}"), prefix, year, serial


def case_rows(minutes: Minutes) -> list[dict[str, Any]]:
    """One row per case a § names: its diarienummer field, and "Dnr …" in its title or text."""
    rows: list[dict[str, Any]] = []
    for section in minutes.sections:
        seen: set[str] = set()
        written = [section.diary_number] if section.diary_number else []
        written += [m.group(0) for m in DIARY_NUMBER.finditer(f"{section.title}\n{section.text}")]
        for text in written:
            key = case_key(text)
            if key is None or key[0] in seen:
                continue
            seen.add(key[0])
            rows.append(
                {
                    "meeting_id": minutes.source.sha256,
                    "section_number": section.number,
                    "case_key": key[0],
                    "prefix": key[1],
                    "year": key[2],
                    "serial": key[3],
                    "written": " ".join(text.split()),
                    "page": section.page,
                }
            )
    return rows


def notice_columns(minutes: Minutes) -> dict[str, str | None]:
    """The meeting's justering and anslag dates; the appeal deadline is three weeks after
    the minutes were posted."""
    notice = minutes.notice
    posted = notice.posted_on if notice else None
    deadline = (
        (date.fromisoformat(posted) + timedelta(days=APPEAL_DAYS)).isoformat() if posted else None
    )
    return {
        "adjusted_on": notice.adjusted_on if notice else None,
        "posted_on": posted,
        "taken_down_on": notice.taken_down_on if notice else None,
        "appeal_deadline": deadline,
    }

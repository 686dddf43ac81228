"""One meeting, many files: a scan and a text PDF of the same minutes, or a re-export.

Two documents hold the same meeting when their dates are equal, their bodies and organizations
do not disagree (either may be unknown), and their content agrees: most attendees' names alike,
or, without attendance lists, most § titles alike (fuzzy, so that an OCR'd copy still matches).
The better extraction is kept: text layer over OCR, then higher OCR confidence, then fewer
warnings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

import duckdb
from rapidfuzz import fuzz, process

from pipeline.names import fold
from pipeline.records import Minutes

NAME_ALIKE = 85  # rapidfuzz ratio of two folded names that are one person's (OCR slips)
TITLE_ALIKE = 80  # of two § titles
SHARE_ALIKE = 0.7  # of the smaller list that must find its like in the other
MIN_ITEMS = 2  # fewer names or titles than this prove nothing


@dataclass(frozen=True, order=True)
class Quality:
    """Comparable: the larger is the better extraction of the same minutes."""

    text_share: float  # pages read from a text layer, 0–1
    ocr_confidence: float  # mean over OCR pages, 100 when none was OCR'd
    fewer_warnings: int  # minus the number of warnings

    def describe(self) -> str:
        if self.text_share == 1.0:
            return "text layer"
        if self.text_share == 0.0:
            return f"OCR (confidence {self.ocr_confidence:.0f})"
        return f"{self.text_share:.0%} text layer"


@dataclass(frozen=True)
class Held:
    """What tells one meeting from another: the header, who attended, what was handled."""

    meeting_id: str  # the document holding it
    path: str
    organization: str | None
    body: str | None
    date: str | None
    names: tuple[str, ...]
    titles: tuple[str, ...]
    quality: Quality


@dataclass(frozen=True)
class Match:
    held: Held  # the meeting found again
    reason: str


def held_in(minutes: Minutes) -> Held:
    meeting = minutes.meeting
    return Held(
        minutes.source.sha256,
        minutes.source.path,
        meeting.organization,
        meeting.body,
        meeting.date,
        tuple(a.name for a in minutes.attendance),
        tuple(s.title for s in minutes.sections if s.title),
        quality_of(minutes),
    )


def quality_of(minutes: Minutes) -> Quality:
    pages = minutes.pages
    ocr = [p.ocr_confidence for p in pages if p.ocr_confidence is not None]
    text_share = 1.0 - len(minutes.ocr_pages) / len(pages) if pages else 0.0
    return Quality(
        round(text_share, 4), sum(ocr) / len(ocr) if ocr else 100.0, -len(minutes.warnings)
    )


def find_same(mine: Held, candidates: Iterable[Held]) -> Match | None:
    """The first candidate that is the same meeting as `mine`."""
    for held in candidates:
        reason = same_meeting(mine, held)
        if reason is not None:
            return Match(held, reason)
    return None


class Loaded:
    """The meetings already in the database that a batch's documents may hold again.

    Read once for the batch: the loaded meetings on the batch's dates, and in full only those
    whose header agrees with a document's and that the writer does not remember (`remembered`:
    the meetings it loaded in this run), a few queries a batch in all. One query a loaded
    meeting of each document's date made the cost of a document grow with the archive.
    """

    def __init__(
        self,
        con: duckdb.DuckDBPyConnection,
        batch: Sequence[Held],
        remembered: Mapping[str, Held] | None = None,
    ) -> None:
        self.near: dict[str, list[Held]] = {}  # a document's sha256 → meetings it may hold
        self.dropped: set[str] = set()  # meetings whose facts this batch removed
        asked = sorted({h.date for h in batch if h.date is not None})
        if not asked:
            return
        on_date: dict[str, list[tuple[str, str, str | None, str | None]]] = {}
        for date, meeting_id, path, organization, body in con.execute(
            "SELECT a.date, m.meeting_id, d.path, m.organization, m.body "
            "FROM (SELECT unnest($1::VARCHAR[]) AS date) a "
            "JOIN meetings m ON m.date = a.date::DATE "
            "JOIN documents d ON d.sha256 = m.meeting_id ORDER BY a.date, m.rowid",
            [asked],
        ).fetchall():
            on_date.setdefault(date, []).append((meeting_id, path, organization, body))
        headers: dict[str, list[tuple[str, str, str | None, str | None, str]]] = {}
        for mine in batch:
            if mine.date is None:
                continue
            headers[mine.meeting_id] = [
                (*header, mine.date)
                for header in on_date.get(mine.date, ())
                if header[0] != mine.meeting_id
                and _agree(mine.organization, header[2])
                and _agree(mine.body, header[3])  # else not the same meeting, whatever it holds
            ]
        # what the writer remembers of the meetings it loaded itself is not read again: those
        # reads scan the attendance and § tables, whose size grows with the archive
        remembered = remembered or {}
        read = {
            h.meeting_id: (h.names, h.titles, h.quality)
            for near in headers.values()
            for h in (remembered.get(header[0]) for header in near)
            if h is not None
        }
        wanted = sorted({h[0] for near in headers.values() for h in near} - set(read))
        read |= _read_held(con, wanted) if wanted else {}
        for sha, near in headers.items():
            self.near[sha] = [
                Held(meeting_id, path, organization, body, date, *read[meeting_id])
                for meeting_id, path, organization, body, date in near
            ]

    def find(self, mine: Held) -> Match | None:
        """The meeting already in the database that `mine` holds again, if any."""
        near = self.near.get(mine.meeting_id, ())
        return find_same(mine, (h for h in near if h.meeting_id not in self.dropped))


def same_meeting(mine: Held, other: Held) -> str | None:
    """Why the two are one meeting, or None when they are not."""
    if mine.date is None or mine.date != other.date:
        return None
    if not (_agree(mine.organization, other.organization) and _agree(mine.body, other.body)):
        return None
    alike = _alike(mine.names, other.names, NAME_ALIKE)
    what = "attendees"
    if alike is None:  # too few names to tell: compare the § titles
        alike = _alike(mine.titles, other.titles, TITLE_ALIKE)
        what = "§ titles"
    if alike is None or alike[0] < SHARE_ALIKE * alike[1]:
        return None
    return f"same date and body; {alike[0]} of {alike[1]} {what} alike"


def _agree(one: str | None, other: str | None) -> bool:
    return one is None or other is None or fuzz.ratio(fold(one), fold(other)) >= TITLE_ALIKE


def _alike(mine: Sequence[str], theirs: Sequence[str], cutoff: int) -> tuple[int, int] | None:
    """(found, n): how many of the shorter list's n items have a like in the other list."""
    if min(len(mine), len(theirs)) < MIN_ITEMS:
        return None
    shorter, longer = sorted(([fold(x) for x in mine], [fold(x) for x in theirs]), key=len)
    found = sum(
        process.extractOne(item, longer, scorer=fuzz.ratio, score_cutoff=cutoff) is not None
        for item in shorter
    )
    return found, len(shorter)


def _read_held(
    con: duckdb.DuckDBPyConnection, meeting_ids: list[str]
) -> dict[str, tuple[tuple[str, ...], tuple[str, ...], Quality]]:
    """Names, § titles and quality of loaded meetings, as `held_in` reads them from a document."""
    ids = [meeting_ids]
    names = dict(
        con.execute(
            "SELECT meeting_id, list(name ORDER BY rowid) FROM attendance "
            "WHERE meeting_id IN (SELECT unnest($1::VARCHAR[])) GROUP BY meeting_id",
            ids,
        ).fetchall()
    )
    titles = dict(
        con.execute(
            "SELECT meeting_id, list(title ORDER BY rowid) FROM sections "
            "WHERE meeting_id IN (SELECT unnest($1::VARCHAR[])) AND title <> '' "
            "GROUP BY meeting_id",
            ids,
        ).fetchall()
    )
    found = {}
    for sha, warnings, pages, ocr, confidence in con.execute(
        "SELECT d.sha256, len(any_value(d.warnings)), count(p.page), "
        "count(p.page) FILTER (WHERE p.method = 'ocr'), "
        "avg(p.ocr_confidence) FILTER (WHERE p.method = 'ocr') "
        "FROM documents d LEFT JOIN pages p ON p.sha256 = d.sha256 "
        "WHERE d.sha256 IN (SELECT unnest($1::VARCHAR[])) GROUP BY d.sha256",
        ids,
    ).fetchall():
        text_share = 1.0 - ocr / pages if pages else 0.0
        quality = Quality(
            round(text_share, 4),
            float(confidence) if confidence is not None else 100.0,
            -int(warnings or 0),
        )
        found[sha] = (tuple(names.get(sha, ())), tuple(titles.get(sha, ())), quality)
    return found

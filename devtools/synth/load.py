"""Gold annotations as the records protokoll loads, and many of them into DuckDB at once.

This skips extraction and parsing: a demonstration or benchmark database of thousands of
meetings in seconds, holding exactly what the synthetic minutes say.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

import duckdb
import pyarrow as pa

from pipeline.analysis.terms import fold
from pipeline.records import (
    Amount,
    Attendee,
    Decision,
    Dissent,
    MeetingHeader,
    Minutes,
    Notice,
    Outcome,
    PageInfo,
    PageMethod,
    Role,
    Section,
    Signatory,
    SourceFile,
    SourceFormat,
    Status,
    VoteChoice,
    VoteEvent,
)
from pipeline.store import rows as store_rows

BATCH_DOCUMENTS = 1000


def minutes_from_gold(gold: dict[str, Any]) -> Minutes:
    """The Minutes a perfect reading of the document would give, person ids from the gold."""
    source = gold["source"]
    ocr = set(source.get("ocr_pages", []))
    meeting = gold["meeting"]
    pages = {s["number"]: s["page"] for s in gold["sections"]}
    return Minutes(
        source=SourceFile(
            source["path"], source["sha256"], SourceFormat(source["format"]), source["size_bytes"]
        ),
        pages=tuple(
            PageInfo(n, PageMethod.OCR if n in ocr else PageMethod.TEXT, None, 0.0, 0)
            for n in range(1, source["pages"] + 1)
        ),
        meeting=MeetingHeader(**meeting),
        attendance=tuple(
            Attendee(
                a["name"],
                Status(a["status"]),
                tuple(Role(r) for r in a["roles"]),
                a["title"],
                a["affiliation"],
                a["page"],
                a["person_id"],
                tuple(a.get("notes", ())),
                party=a.get("party"),
                substitute_for=a.get("substitute_for"),
            )
            for a in gold["attendance"]
        ),
        sections=tuple(
            Section(
                s["number"],
                s["title"],
                s["page"],
                s["text"],
                tuple(
                    Decision(d["text"], Outcome(d["outcome"]), s["page"]) for d in s["decisions"]
                ),
                tuple(s["references"]),
                tuple(Amount(a["text"], a["sek"]) for a in s["amounts"]),
                diary_number=s.get("dnr"),
            )
            for s in gold["sections"]
        ),
        signatories=tuple(
            Signatory(s["name"], Role(s["role"]), s["title"], None, None, s["person_id"])
            for s in gold["signatories"]
        ),
        votes=tuple(_vote(v, pages) for v in gold.get("votes", ())),
        dissents=tuple(
            Dissent(d["section"], d["name"], d["kind"], d["text"], pages.get(d["section"]))
            for d in gold.get("dissents", ())
        ),
        notice=_notice(gold.get("notice")),
    )


def _vote(vote: dict[str, Any], pages: dict[str, int]) -> VoteEvent:
    return VoteEvent(
        vote["section"],
        vote["method"],
        pages.get(vote["section"]),
        vote["yes"],
        vote["no"],
        vote["abstain"],
        vote["result"],
        tuple(VoteChoice(c["name"], c["choice"]) for c in vote["choices"]),
        vote["text"],
    )


def _notice(notice: dict[str, str] | None) -> Notice | None:
    if not notice:
        return None
    return Notice(notice["adjusted_on"], notice["posted_on"], notice["taken_down_on"])


def bulk_load(con: duckdb.DuckDBPyConnection, records: Iterable[Minutes]) -> int:
    """Load documents in batches of BATCH_DOCUMENTS, one transaction and one insert per table
    a batch; documents already in the database are skipped. Returns how many were loaded.

    People keep the gold's ids (the generator knows who is who) rather than going through the
    archive's person resolution; each new person is named by the spelling written most often.
    """
    loaded = 0
    batch: list[Minutes] = []
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    for minutes in records:
        batch.append(minutes)
        written = [(a.person_id, a.name) for a in minutes.attendance]
        written += [(s.person_id, s.name) for s in minutes.signatories]
        for person_id, name in written:
            if person_id:
                spellings[person_id][name] += 1
        if len(batch) == BATCH_DOCUMENTS:
            loaded += _load_batch(con, batch)
            batch = []
    loaded += _load_batch(con, batch) if batch else 0
    _add_persons(con, spellings)
    return loaded


def _add_persons(con: duckdb.DuckDBPyConnection, spellings: dict[str, Counter[str]]) -> None:
    """New people into `persons`, filling the columns it has (person_id, name, name_key, …)."""
    columns = [
        row[0]
        for row in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'persons' "
            "ORDER BY ordinal_position"
        ).fetchall()
    ]
    known = {row[0] for row in con.execute("SELECT person_id FROM persons").fetchall()}
    first = (con.execute("SELECT count(*) FROM persons").fetchone() or (0,))[0]
    rows = []
    for number, (person_id, names) in enumerate(sorted(spellings.items()), first + 1):
        if person_id in known:
            continue
        name = names.most_common(1)[0][0]
        values = {"person_id": person_id, "name": name, "name_key": fold(name), "minted": number}
        rows.append({c: values.get(c) for c in columns})
    if rows:
        con.register("incoming_persons", pa.Table.from_pylist(rows))
        try:
            con.execute(
                f"INSERT INTO persons ({', '.join(columns)}) SELECT * FROM incoming_persons"
            )
        finally:
            con.unregister("incoming_persons")


def _load_batch(con: duckdb.DuckDBPyConnection, batch: list[Minutes]) -> int:
    known = {
        row[0]
        for row in con.execute(
            "SELECT sha256 FROM documents WHERE list_contains(?, sha256)",
            [[m.source.sha256 for m in batch]],
        ).fetchall()
    }
    tables: dict[str, list[dict[str, Any]]] = {table: [] for table in store_rows.LOADED_TABLES}
    new = [m for m in batch if m.source.sha256 not in known]
    for minutes in new:
        for table, rows in store_rows.rows_of(minutes).items():
            if table in tables:
                tables[table] += rows
    con.begin()
    try:
        for table, rows in tables.items():
            if rows:
                _insert(con, table, rows)
        con.commit()
    except Exception:
        con.rollback()
        raise
    return len(new)


def _insert(con: duckdb.DuckDBPyConnection, table: str, rows: list[dict[str, Any]]) -> None:
    schema = store_rows.table_schema(table)
    incoming = pa.Table.from_pylist(rows, schema=schema)
    names = ", ".join(schema.names)
    con.register("incoming_batch", incoming)
    try:
        con.execute(f"INSERT INTO {table} ({names}) SELECT {names} FROM incoming_batch")
    finally:
        con.unregister("incoming_batch")

"""Votes, reservations, cases and the anslag block of synthetic minutes, read back by the real
pipeline into the database as the generator wrote them (both house styles)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import duckdb
import pytest

from devtools.synth.load import bulk_load, minutes_from_gold
from devtools.synth.write import Only, write_archive
from pipeline.api import ingest_paths
from pipeline.store import db

MEETINGS = 12
SEEDS = (0, 1)  # a "rar" and a "kommun" organisation, each with votes and reservations


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[dict[str, Any]]]:
    root = tmp_path_factory.mktemp("synth_votes")
    golds = []
    for seed in SEEDS:
        write_archive(root / f"seed{seed}", MEETINGS, seed=seed, only=Only.TXT)
        golds += [
            json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((root / f"seed{seed}" / "gold").glob("*.json"))
        ]
    database = root / "synthetic.duckdb"
    report = ingest_paths([root / f"seed{seed}" / "text" for seed in SEEDS], database, jobs=1)
    assert not report.failed
    return database, golds


def _ingested(archive: tuple[Path, list[dict[str, Any]]]) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(archive[0]), read_only=True)


def _votes(golds: list[dict[str, Any]]) -> set[tuple[Any, ...]]:
    return {
        (g["source"]["sha256"], v["section"], v["yes"], v["no"], v["abstain"], v["result"])
        for g in golds
        for v in g["votes"]
    }


def test_votes_and_voting_lists_are_read_as_generated(
    archive: tuple[Path, list[dict[str, Any]]],
) -> None:
    _, golds = archive
    with _ingested(archive) as con:
        events = con.execute(
            "SELECT meeting_id, section_number, yes, no, abstain, result FROM vote_events"
        ).fetchall()
        choices = con.execute(
            "SELECT meeting_id, name, choice, listed_as IS NOT NULL FROM vote_choices"
        ).fetchall()
    assert len(_votes(golds)) >= 3 and set(events) == _votes(golds)
    written = Counter(
        (g["source"]["sha256"], c["name"], c["choice"])
        for g in golds
        for v in g["votes"]
        for c in v["choices"]
    )
    assert Counter(row[:3] for row in choices) == written
    assert all(row[3] for row in choices)  # every voter is tied to the attendance list


def test_reservations_are_read_with_their_names(
    archive: tuple[Path, list[dict[str, Any]]],
) -> None:
    _, golds = archive
    with _ingested(archive) as con:
        dissents = con.execute(
            "SELECT meeting_id, section_number, name, kind FROM dissents"
        ).fetchall()
    written = [
        (g["source"]["sha256"], d["section"], d["name"], d["kind"])
        for g in golds
        for d in g["dissents"]
    ]
    assert len(written) >= 2 and sorted(dissents) == sorted(written)


def test_a_case_runs_across_meetings_and_bodies(
    archive: tuple[Path, list[dict[str, Any]]],
) -> None:
    _, golds = archive
    with _ingested(archive) as con:
        cases = con.execute("SELECT meeting_id, section_number, case_key FROM cases").fetchall()
        history = con.execute(
            "SELECT case_key, count(DISTINCT meeting_id), count(DISTINCT body) "
            "FROM case_history GROUP BY ALL HAVING count(DISTINCT meeting_id) >= 2"
        ).fetchall()
    written = {
        (g["source"]["sha256"], s["number"], s["dnr"])
        for g in golds
        for s in g["sections"]
        if s["dnr"]
    }
    assert set(cases) == written
    assert history and max(bodies for _, _, bodies in history) >= 2


def test_anslag_dates_and_appeal_deadline(archive: tuple[Path, list[dict[str, Any]]]) -> None:
    _, golds = archive
    with _ingested(archive) as con:
        read = con.execute(
            "SELECT meeting_id, adjusted_on, posted_on, taken_down_on, appeal_deadline "
            "FROM meetings"
        ).fetchall()
    notices = {g["source"]["sha256"]: g["notice"] for g in golds}
    assert sum(1 for n in notices.values() if n) >= 2 * (MEETINGS // 2)
    for meeting_id, adjusted, posted, taken_down, deadline in read:
        notice = notices[meeting_id]
        if notice is None:  # the preparatory group's notes are not posted
            assert (posted, deadline) == (None, None)
            continue
        found = [str(d) for d in (adjusted, posted, taken_down, deadline)]
        expected = ["adjusted_on", "posted_on", "taken_down_on", "appeal_deadline"]
        assert found == [notice[k] for k in expected]


def test_gold_loaded_straight_gives_the_same_rows(
    archive: tuple[Path, list[dict[str, Any]]], tmp_path: Path
) -> None:
    """`python -m devtools.synth --db` (no reading) fills the same tables as reading the text."""
    _, golds = archive
    con = db.connect(tmp_path / "gold.duckdb")
    try:
        bulk_load(con, (minutes_from_gold(g) for g in golds))
        events = con.execute(
            "SELECT meeting_id, section_number, yes, no, abstain, result FROM vote_events"
        ).fetchall()
        counts = con.execute(
            "SELECT (SELECT count(*) FROM vote_choices WHERE listed_as IS NOT NULL), "
            "(SELECT count(*) FROM dissents), (SELECT sum(times) FROM replacements), "
            "(SELECT count(*) FROM meetings WHERE appeal_deadline IS NOT NULL)"
        ).fetchone()
    finally:
        con.close()
    assert set(events) == _votes(golds)
    assert counts is not None
    choices = sum(len(v["choices"]) for g in golds for v in g["votes"])
    dissents = sum(len(g["dissents"]) for g in golds)
    substitutes = sum(1 for g in golds for a in g["attendance"] if a["substitute_for"])
    posted = sum(1 for g in golds if g["notice"])
    assert counts == (choices, dissents, substitutes, posted)

"""Presence per § from clock times ("till kl. 16.15"), read against the times the minutes write
for their §§, from invented minutes read by the real parser and loaded into a real database."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.ingest.store import load_minutes
from pipeline.process import process
from pipeline.store import db

MINUTES = """PROTOKOLL
Byggnadsnämnden
Sammanträdesdatum {date}
Plats och tid Stadshuset kl. 13.00-17.00

Beslutande
Anna Berglind (S), ordförande
Bo Ekwall (M) till kl. 16.15
Cilla Fransson (C) från kl. 14.30

Övriga närvarande
Ida Melin, sekreterare

§ 1 Val av justerare
{first}
Bo Ekwall utses att justera protokollet.

§ 2 Budget för kulturskolan
Nämnden beslutar att godkänna förslaget.
{adjourned}

§ 3 Detaljplan för Norra kajen
Nämnden beslutar att anta detaljplanen.

§ 4 Informationsärenden {fourth}
Informationen läggs till handlingarna.
"""


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    folder = tmp_path_factory.mktemp("minutes")
    connection = db.connect(folder / "test.duckdb")
    timed = {
        "date": "2021-02-10",
        "first": "Ordföranden öppnar sammanträdet kl. 13.00.",
        "adjourned": "Ajournering kl. 14.00–14.45",
        "fourth": "kl. 16.20",
    }
    untimed = {"date": "2021-03-10", "first": "", "adjourned": "", "fourth": ""}
    for values in (timed, untimed):
        path = folder / f"bn_{values['date']}.txt"
        path.write_text(MINUTES.format(**values), encoding="utf-8")
        load_minutes(connection, process(path))
    return connection


def presence(con: duckdb.DuckDBPyConnection, date: str, name: str) -> list[tuple[object, ...]]:
    return con.execute(
        "SELECT section_number, present FROM presence_per_section "
        "WHERE meeting_id IN (SELECT meeting_id FROM meetings WHERE date = ?) AND name = ? "
        "ORDER BY ordinal",
        [date, name],
    ).fetchall()


def test_sections_carry_the_times_the_minutes_write(con: duckdb.DuckDBPyConnection) -> None:
    found = con.execute(
        "SELECT number, started_at, starts_not_before FROM sections JOIN meetings "
        "USING (meeting_id) WHERE date = '2021-02-10' ORDER BY ordinal"
    ).fetchall()
    assert found == [
        ("1", "13:00", "13:00"),
        ("2", None, "13:00"),
        ("3", "14:45", "14:45"),  # after "Ajournering kl. 14.00–14.45" closing § 2
        ("4", "16:20", "16:20"),
    ]


def test_a_member_who_leaves_is_present_until_the_time(con: duckdb.DuckDBPyConnection) -> None:
    assert presence(con, "2021-02-10", "Bo Ekwall") == [("1", True), ("2", True), ("3", True)]


def test_a_member_who_arrives_is_present_from_the_time(con: duckdb.DuckDBPyConnection) -> None:
    assert presence(con, "2021-02-10", "Cilla Fransson") == [("2", None), ("3", True), ("4", True)]


def test_without_times_for_the_sections_presence_is_unknown(
    con: duckdb.DuckDBPyConnection,
) -> None:
    assert presence(con, "2021-03-10", "Bo Ekwall") == [(n, None) for n in "1234"]
    assert presence(con, "2021-03-10", "Anna Berglind") == [(n, True) for n in "1234"]
    whole = con.execute(
        "SELECT DISTINCT name, whole_meeting FROM presence_per_section ORDER BY name"
    ).fetchall()
    assert ("Bo Ekwall", False) in whole and ("Anna Berglind", True) in whole

"""Parties, seats, substitutes and presence per § in the views, from invented minutes read by
the real parser and loaded into a real database."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.ingest.store import load_minutes
from pipeline.process import process
from pipeline.store import db

MINUTES = """PROTOKOLL
Kultur- och fritidsnämnden
Sammanträdesdatum {date}
Plats och tid Stadshuset kl. 13.00-16.00

Beslutande
Anna Berglind (S), ordförande
Bo Ekwall (M)
{substitute}
Dennis Grahn (V) §§ 1-2

Övriga närvarande
Ida Melin, sekreterare

§ 1 Val av justerare
Bo Ekwall utses att justera protokollet.

§ 2 Budget för kulturskolan
Nämnden beslutar att godkänna förslaget.
Dennis Grahn (V) reserverar sig mot beslutet.

§ 3 Informationsärenden
Informationen läggs till handlingarna.
"""


def write(folder: Path, date: str, substitute: str) -> Path:
    path = folder / f"kfn_{date}.txt"
    path.write_text(MINUTES.format(date=date, substitute=substitute), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    folder = tmp_path_factory.mktemp("minutes")
    connection = db.connect(folder / "test.duckdb")
    meetings = [
        ("2021-02-10", "Cilla Fransson (C)"),
        ("2021-03-10", "Erik Holm (C), ersättare för Cilla Fransson (C)"),
        ("2021-04-14", "Erik Holm (C), tjänstgör för Cilla Fransson (C)"),
        ("2021-05-12", "Cilla Fransson (C)"),
    ]
    for date, substitute in meetings:
        load_minutes(connection, process(write(folder, date, substitute)))
    return connection


def rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[tuple[object, ...]]:
    return con.execute(sql).fetchall()


def test_service_says_who_served_and_whom_a_substitute_replaced(
    con: duckdb.DuckDBPyConnection,
) -> None:
    found = rows(
        con,
        "SELECT strftime(s.date, '%m'), s.name, s.service, p.name FROM attendance_as_served s "
        "LEFT JOIN persons p ON p.person_id = s.substitute_for_id "
        "WHERE s.name IN ('Erik Holm', 'Cilla Fransson', 'Ida Melin') ORDER BY ALL",
    )
    assert found == [
        ("02", "Cilla Fransson", "served_as_member", None),
        ("02", "Ida Melin", "attended_without_serving", None),
        ("03", "Cilla Fransson", "absent", None),
        ("03", "Erik Holm", "served_as_substitute", "Cilla Fransson"),
        ("03", "Ida Melin", "attended_without_serving", None),
        ("04", "Cilla Fransson", "absent", None),
        ("04", "Erik Holm", "served_as_substitute", "Cilla Fransson"),
        ("04", "Ida Melin", "attended_without_serving", None),
        ("05", "Cilla Fransson", "served_as_member", None),
        ("05", "Ida Melin", "attended_without_serving", None),
    ]


def test_memberships_and_the_attendance_rate_of_a_seat(con: duckdb.DuckDBPyConnection) -> None:
    found = rows(
        con,
        "SELECT name, role, party, strftime(first_meeting, '%m'), strftime(last_meeting, '%m'), "
        "meetings_held, meetings_attended, attendance_rate FROM seat_attendance_rate "
        "WHERE name IN ('Cilla Fransson', 'Erik Holm') ORDER BY ALL",
    )
    assert found == [
        ("Cilla Fransson", "member", "C", "02", "05", 4, 2, 0.5),
        ("Erik Holm", "substitute", "C", "03", "04", 2, 2, 1.0),
    ]


def test_how_often_a_member_was_replaced_and_by_whom(con: duckdb.DuckDBPyConnection) -> None:
    assert rows(
        con, "SELECT member, substitute, times, member_times_replaced FROM replacements"
    ) == [("Cilla Fransson", "Erik Holm", 2, 2)]


def test_presence_per_section_follows_partial_presence(con: duckdb.DuckDBPyConnection) -> None:
    found = rows(
        con,
        "SELECT name, list(section_number ORDER BY ordinal) FROM presence_per_section "
        "WHERE meeting_id IN (SELECT meeting_id FROM meetings WHERE date = '2021-02-10') "
        "AND name IN ('Anna Berglind', 'Dennis Grahn') GROUP BY name ORDER BY name",
    )
    assert found == [("Anna Berglind", ["1", "2", "3"]), ("Dennis Grahn", ["1", "2"])]


def test_attendance_and_reservations_by_party(con: duckdb.DuckDBPyConnection) -> None:
    by_party = dict(
        (party, (present, absent))
        for party, present, absent in rows(
            con, "SELECT party, present, absent FROM attendance_by_party_body_year"
        )
    )
    assert by_party["C"] == (4, 2)  # Cilla twice, Erik twice; Cilla absent twice
    assert by_party["S"] == (4, 0)
    assert rows(
        con, "SELECT party, reservations, sections FROM reservations_by_party_body_year"
    ) == [("V", 4, 4)]

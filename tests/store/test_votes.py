"""Votes, voting lists and dissents, from invented minutes read by the real parser and loaded."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.ingest.store import load_minutes
from pipeline.parse.voting import read_votes
from pipeline.process import process
from pipeline.records import Section
from pipeline.store import db

MINUTES = """PROTOKOLL
Kommunstyrelsen
Sammanträdesdatum 2022-03-15
Plats och tid Kommunhuset kl. 13.00-16.00

Beslutande
Anna Berglind (S), ordförande
Bo Ekwall (M)
Cilla Fransson (C)
Dennis Grahn (V)
Erik Holm (SD)

§ 12 Val av justerare
Bo Ekwall utses att justera protokollet.

§ 13 Budget 2023
Omröstning begärs och verkställs.
Ja-röster: Anna Berglind (S), Cilla Fransson (C), Erik Holm (SD)
Nej-röster: Bo Ekwall (M), Dennis Grahn (V)
Med 3 ja-röster mot 2 nej-röster beslutar kommunstyrelsen att anta förslaget.
Dennis Grahn (V) reserverar sig mot beslutet till förmån för eget yrkande.
Bo Ekwall (M) lämnar ett särskilt yttrande.

§ 14 Motion om cykelvägar
Beslutet fattas med acklamation. Kommunstyrelsen beslutar att avslå motionen.
Protokollsanteckning: Erik Holm (SD) anser att frågan bör utredas vidare.

§ 15 Val av ombud
Sluten omröstning genomförs. Lotten föll på Cilla Fransson.
"""


@pytest.fixture(scope="module")
def con(tmp_path_factory: pytest.TempPathFactory) -> duckdb.DuckDBPyConnection:
    folder = tmp_path_factory.mktemp("votes")
    path = folder / "ks_2022-03-15.txt"
    path.write_text(MINUTES, encoding="utf-8")
    connection = db.connect(folder / "votes.duckdb")
    load_minutes(connection, process(path))
    return connection


def test_votes_with_method_counts_and_result(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT section_number, method, yes, no, result, page FROM vote_events ORDER BY ALL"
    ).fetchall() == [
        ("13", "vote", 3, 2, "yes", 1),
        ("14", "acclamation", None, None, None, 1),
        ("15", "secret", None, None, None, 1),
    ]


def test_voting_list_choices_join_the_voters(con: duckdb.DuckDBPyConnection) -> None:
    found = con.execute(
        "SELECT name, party, choice, person_id IS NOT NULL FROM votes_cast ORDER BY name"
    ).fetchall()
    assert found == [
        ("Anna Berglind", "S", "yes", True),
        ("Bo Ekwall", "M", "no", True),
        ("Cilla Fransson", "C", "yes", True),
        ("Dennis Grahn", "V", "no", True),
        ("Erik Holm", "SD", "yes", True),
    ]


def test_dissents_of_three_kinds(con: duckdb.DuckDBPyConnection) -> None:
    assert con.execute(
        "SELECT section_number, listed_as, kind FROM dissents ORDER BY ALL"
    ).fetchall() == [
        ("13", "Bo Ekwall", "separate_opinion"),
        ("13", "Dennis Grahn", "reservation"),
        ("14", "Erik Holm", "note"),
    ]
    assert con.execute(
        "SELECT party, kind, dissents FROM dissents_by_party_body_year ORDER BY ALL"
    ).fetchall() == [("M", "separate_opinion", 1), ("SD", "note", 1), ("V", "reservation", 1)]


def test_a_list_apart_from_its_section_goes_to_the_section_it_names() -> None:
    sections = [
        Section("4", "Budget", 1, "Kommunstyrelsen beslutar enligt förslaget."),
        Section(
            "5",
            "Avslutning",
            2,
            "Mötet avslutas. Omröstningslista § 4. Ja-röster: Anna Berglind, Bo Ekwall "
            "Nej-röster: Cilla Fransson",
        ),
        Section("", "Bilaga", 3, "Omröstning. Ja-röster: Dan Ek"),
    ]
    votes, warnings = read_votes(sections)
    assert [(v.section, v.yes, v.no) for v in votes] == [("4", 2, 1), (None, 1, 0)]
    assert warnings == ["a vote on page 3 could not be tied to its §"]


def test_a_voter_not_in_the_list_is_kept_unlinked_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "ks.txt"
    path.write_text(
        MINUTES.replace("Nej-röster: Bo Ekwall (M)", "Nej-röster: Gustav Okänd (M)"),
        encoding="utf-8",
    )
    minutes = process(path)
    assert "voter Gustav Okänd (§ 13) is not in the attendance list" in minutes.warnings
    con = db.connect(tmp_path / "db.duckdb")
    load_minutes(con, minutes)
    assert con.execute(
        "SELECT listed_as FROM vote_choices WHERE name = 'Gustav Okänd'"
    ).fetchall() == [(None,)]

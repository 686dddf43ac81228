"""Votes, reservations and a text document's marked line in the view, from invented minutes."""

from __future__ import annotations

from collections.abc import Iterator

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from tests.serve.conftest import Client

MINUTES = """PROTOKOLL
Tekniska nämnden
Sammanträdesdatum 2023-05-10
Plats och tid Stadshuset kl. 09.00-11.00

Beslutande
Greta Lind (S), ordförande
Hugo Sjöberg (M)
Ines Vall (C)
Jon Åkerlund (V)
Kim Ström (L)

§ 5 Val av justerare
Hugo Sjöberg utses att justera protokollet.

§ 6 Taxa för parkering
Omröstning begärs och verkställs.
Ja-röster: Greta Lind (S), Ines Vall (C), Kim Ström (L)
Nej-röster: Hugo Sjöberg (M), Jon Åkerlund (V)
Med 3 ja-röster mot 2 nej-röster beslutar nämnden att anta förslaget.
Jon Åkerlund (V) reserverar sig mot beslutet till förmån för eget yrkande.
"""


@pytest.fixture(scope="module")
def view(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Client, str]]:
    from pipeline.serve.app import make_app
    from pipeline.serve.mirror import ensure_mirror

    folder = tmp_path_factory.mktemp("votes-view")
    archive = folder / "archive"
    archive.mkdir()
    (archive / "tn_2023-05-10.txt").write_text(MINUTES, encoding="utf-8")
    db = folder / "votes.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(archive), "--db", str(db), "--quiet"])
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(db), read_only=True)
    try:
        found = con.execute("SELECT meeting_id FROM meetings").fetchone()
    finally:
        con.close()
    assert found is not None
    client = Client(make_app(ensure_mirror(db).path, db, folder / "votes.persons.toml"))
    yield client, str(found[0])
    client.close()


def test_meeting_shows_the_vote_and_the_reservation(view: tuple[Client, str]) -> None:
    client, meeting = view
    page = client.get(f"/meeting/{meeting}").text
    assert "3 ja, 2 nej" in page
    assert "reservation" in page and "Jon Åkerlund" in page
    data = client.get(f"/meeting/{meeting}.json").json()
    section = next(s for s in data["sections"] if s["number"] == "6")
    assert section["votes"][0]["method"] == "vote"
    assert [c["choice"] for c in section["votes"][0]["choices"]].count("yes") == 3


def test_a_text_document_shows_its_line_marked(view: tuple[Client, str]) -> None:
    client, meeting = view
    data = client.get(f"/meeting/{meeting}.json").json()
    dissent = next(d for s in data["sections"] for d in s["dissents"])
    page = client.get(dissent["page_url"]).text
    assert "<mark>Jon Åkerlund (V) reserverar sig" in page


def test_person_shows_their_reservation(view: tuple[Client, str]) -> None:
    client, meeting = view
    data = client.get(f"/meeting/{meeting}.json").json()
    jon = next(a for a in data["attendance"] if a["name"] == "Jon Åkerlund")
    person = client.get(f"/person/{jon['person_id']}.json").json()
    assert [d["kind"] for d in person["dissents"]] == ["reservation"]
    assert "förmån för eget yrkande" in client.get(f"/person/{jon['person_id']}").text

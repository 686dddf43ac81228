"""The person tables in the database: the seeds' people, stable ids, evidence, overrides."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest

from pipeline.ingest import ingest
from pipeline.ingest.store import open_writer, writing
from pipeline.resolve.archive import ArchivePeople
from pipeline.resolve.review import find_persons
from pipeline.store import db
from tests.conftest import FIXTURES, extracted

SEEDS = FIXTURES / "seeds"


def _one(con: duckdb.DuckDBPyConnection, sql: str, *params: object) -> object:
    row = con.execute(sql, list(params)).fetchone()
    assert row is not None
    return row[0]


def _ids(con: duckdb.DuckDBPyConnection, table: str, column: str, name: str) -> set[str]:
    rows = con.execute(f"SELECT DISTINCT person_id FROM {table} WHERE {column} = ?", [name])
    return {r[0] for r in rows.fetchall()}


@pytest.fixture
def seeds_db(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    con = db.connect(tmp_path / "seeds.duckdb")
    report = ingest([SEEDS / "seed_000.txt", SEEDS / "seed_001.txt"], con)
    assert report.ok
    return con


def test_the_seeds_hold_twenty_people_and_their_variants_are_linked(
    seeds_db: duckdb.DuckDBPyConnection,
) -> None:
    con = seeds_db
    assert _one(con, "SELECT count(*) FROM persons") == 20
    sandstrom = _ids(con, "attendance", "name", "Jacob Sandström")
    assert len(sandstrom) == 1
    assert _ids(con, "signatories", "name", "Jacob Sandgren") == sandstrom
    skalen = _ids(con, "attendance", "name", "Charlotta Skålen")
    assert _ids(con, "attendance", "name", "Charlotta Skålén") == skalen
    assert _ids(con, "signatories", "name", "Charlotta Skälén") == skalen
    assert _ids(con, "entities", "text", "Ola W") == _ids(
        con, "attendance", "name", "Ola Wiktorson"
    )
    assert _ids(con, "entities", "text", "Jacob") == sandstrom
    for table in ("attendance", "signatories"):
        assert _one(con, f"SELECT count(*) FROM {table} WHERE person_id IS NULL") == 0
    # Every mention of a meeting's people resolves; what the model alone calls PER and no list
    # names ("Finsam") stays unresolved rather than becoming a person.
    unresolved = con.execute(
        "SELECT DISTINCT text FROM entities WHERE label = 'PER' AND person_id IS NULL"
    ).fetchall()
    people = {row[0] for row in con.execute("SELECT name FROM attendance").fetchall()}
    assert not {text for (text,) in unresolved} & people


def test_every_alias_keeps_its_evidence(seeds_db: duckdb.DuckDBPyConnection) -> None:
    rows = seeds_db.execute(
        "SELECT rule, score, linked_to, evidence, seen_as, len(documents) FROM person_aliases "
        "WHERE alias = ?",
        ["Jacob Sandgren"],
    ).fetchall()
    assert rows == [
        (
            "first_name_and_surname_stem",
            80.0,
            "Jacob Sandström",
            "the only attendee with this first name; surname of one stem, in the same meeting",
            ["mention", "signature"],
            1,
        )
    ]
    ola_w = seeds_db.execute(
        "SELECT rule, sightings FROM person_aliases WHERE alias = 'Ola W'"
    ).fetchall()
    assert ola_w == [("first_name_and_initial", 3)]
    assert _one(seeds_db, "SELECT count(*) FROM person_aliases WHERE len(documents) = 0") == 0


def test_adding_and_reingesting_documents_never_renumbers_people(tmp_path: Path) -> None:
    con = db.connect(tmp_path / "grow.duckdb")
    ingest([SEEDS / "seed_000.txt"], con)
    before = dict(con.execute("SELECT name, person_id FROM attendance").fetchall())
    ingest([SEEDS / "seed_001.txt", SEEDS / "seed_000.txt"], con)
    after = dict(
        con.execute(
            "SELECT a.name, a.person_id FROM attendance a "
            "JOIN documents d ON d.sha256 = a.meeting_id WHERE d.path LIKE '%seed_000%'"
        ).fetchall()
    )
    assert after == before
    persons = con.execute("SELECT person_id, name_key, minted FROM persons ORDER BY 1").fetchall()
    con.close()
    again = db.connect(tmp_path / "grow.duckdb")  # another process, the same archive
    other = tmp_path / "other"
    other.mkdir()
    text = (SEEDS / "seed_001.txt").read_text(encoding="utf-8")
    (other / "later.txt").write_text(text.replace("2017-02-09", "2017-03-09"), encoding="utf-8")
    ingest([other], again)
    ids = dict(again.execute("SELECT name, person_id FROM attendance").fetchall())
    assert {n: ids[n] for n in before} == before
    same = again.execute("SELECT person_id, name_key, minted FROM persons ORDER BY 1").fetchall()
    assert same == persons  # names shown may follow the commonest spelling; ids never move
    again.close()


def test_the_next_ingest_follows_the_overrides_file(tmp_path: Path) -> None:
    path = tmp_path / "archive.duckdb"
    con = db.connect(path)
    ingest([SEEDS / "seed_000.txt"], con)
    (chair,) = _ids(con, "attendance", "name", "Jacob Sandström")
    con.close()
    overrides = tmp_path / "archive.persons.toml"
    overrides.write_text(
        '[[never_merge]]\nnames = ["Jacob Sandström", "Jacob Sandgren"]\n', encoding="utf-8"
    )
    con = open_writer(path)  # as `protokoll ingest` opens it
    (signer,) = _ids(con, "signatories", "name", "Jacob Sandgren")
    assert signer != chair and _ids(con, "attendance", "name", "Jacob Sandström") == {chair}
    assert con.execute("SELECT change, from_id, to_id FROM person_merges").fetchall() == [
        ("split", chair, signer)
    ]
    assert _one(con, "SELECT count(*) FROM persons") == 7
    con.close()
    overrides.unlink()
    con = open_writer(path)
    assert _ids(con, "signatories", "name", "Jacob Sandgren") == {chair}  # the older id
    assert _one(con, "SELECT count(*) FROM persons") == 6
    assert [pid for pid, _ in find_persons(con, signer)] == [chair]  # merged away: follow it
    con.close()


def test_a_merge_in_the_overrides_file_joins_people_across_documents(tmp_path: Path) -> None:
    path = tmp_path / "archive.duckdb"
    shutil.copy(SEEDS / "seed_000.txt", tmp_path / "a.txt")
    con = db.connect(path)
    ingest([tmp_path / "a.txt", SEEDS / "seed_001.txt"], con)
    mats = _ids(con, "attendance", "name", "Mats Karlsson")
    ulrika = _ids(con, "attendance", "name", "Ulrika Truedsson")
    assert mats != ulrika
    con.close()
    (tmp_path / "archive.persons.toml").write_text(
        '[[merge]]\nnames = ["Ulrika Truedsson", "Mona Persson"]\n', encoding="utf-8"
    )
    con = open_writer(path)
    assert _ids(con, "attendance", "name", "Mona Persson") == _ids(
        con, "attendance", "name", "Ulrika Truedsson"
    )
    rule = _one(con, "SELECT rule FROM person_aliases WHERE alias = 'Mona Persson'")
    assert rule in {"override_merge", "name"}
    con.close()


def test_a_failed_write_leaves_the_index_to_be_read_again(
    seeds_db: duckdb.DuckDBPyConnection,
) -> None:
    people = ArchivePeople()
    before = people.index(seeds_db)
    other = extracted(SEEDS / "seed_001.pdf")
    other = replace(other, source=replace(other.source, sha256="f" * 64))
    with pytest.raises(RuntimeError), writing(seeds_db, people):
        people.link_document(seeds_db, other)  # changes the index in memory, then fails
        raise RuntimeError
    after = people.index(seeds_db)
    assert after is not before and len(after.members) == 20
    assert {s.person_id for s in after.spellings.values()} <= set(after.members)


def test_the_index_is_read_again_when_another_process_changed_the_people(
    seeds_db: duckdb.DuckDBPyConnection,
) -> None:
    people = ArchivePeople()
    with writing(seeds_db, people):
        first = people.index(seeds_db)
    with writing(seeds_db, people):
        assert people.index(seeds_db) is first  # nobody else wrote: kept
    seeds_db.execute(  # as `protokoll persons apply` would, between two writes
        "INSERT INTO person_merges VALUES ('merge', 'a', 'b', 'by hand', now()::TIMESTAMP)"
    )
    with writing(seeds_db, people):
        assert people.index(seeds_db) is not first

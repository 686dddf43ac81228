"""A small database built from records in code, whose every answer is known by hand.

Testförbundet, two bodies, five people:

styrelsen      2019-02-10  2019-06-12  2019-11-20  2020-03-04  2020-09-09
Anna Åberg     chair       chair       chair       chair       absent
Bo Ek          present     absent      -           present     chair
Cecilia Öst    absent      present     present     -           -
Karin Skålén   secretary   secretary¹  secretary   secretary   secretary
David Nilsson  -           -           -           present     present

arbetsutskottet  2019-03-01  2020-03-04
Anna Åberg       chair       chair
Bo Ek            present     absent

¹ written "Karin Skalen": the same person (the same folded name).
"-" is not listed at all: between a person's first and last listed meeting of a body that
still counts as a meeting held that they did not attend.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from pipeline.analysis.terms import fold
from pipeline.ingest.store import load_minutes
from pipeline.records import (
    Amount,
    Attendee,
    Decision,
    MeetingHeader,
    Minutes,
    Outcome,
    PageInfo,
    PageMethod,
    Role,
    Section,
    Signatory,
    SourceFile,
    SourceFormat,
    Status,
)
from pipeline.store import db

ORGANIZATION = "Testförbundet"
P, A = Status.PRESENT, Status.ABSENT
ANNA, BO, CECILIA, KARIN, DAVID = (
    "Anna Åberg",
    "Bo Ek",
    "Cecilia Öst",
    "Karin Skålén",
    "David Nilsson",
)


def sha(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()


def section(
    number: str,
    title: str,
    text: str,
    decisions: tuple[tuple[str, Outcome], ...] = (),
    amounts: tuple[tuple[str, int], ...] = (),
    page: int = 1,
) -> Section:
    return Section(
        number,
        title,
        page,
        text,
        decisions=tuple(Decision(t, o, page) for t, o in decisions),
        amounts=tuple(Amount(t, sek) for t, sek in amounts),
    )


def person_id(name: str) -> str:
    """Ids by folded name, as the resolver gives them: "Karin Skalen" is "Karin Skålén"."""
    return "p_" + fold(name).replace(" ", "_")


def minutes(
    name: str,
    body: str,
    day: str,
    people: tuple[tuple[str, Status, tuple[Role, ...]], ...],
    sections: tuple[Section, ...],
) -> Minutes:
    source = SourceFile(f"archive/{name}.pdf", sha(name), SourceFormat.PDF, 1000)
    secretary = [n for n, _, roles in people if Role.SECRETARY in roles]
    return Minutes(
        source=source,
        pages=(
            PageInfo(1, PageMethod.TEXT, None, 0.1, 900),
            PageInfo(2, PageMethod.OCR, 91.5, 2.5, 400),
        ),
        meeting=MeetingHeader(ORGANIZATION, body, day, "09:00", "11:30", "Kansliet", False),
        attendance=tuple(
            Attendee(n, s, roles, page=1, person_id=person_id(n)) for n, s, roles in people
        ),
        sections=sections,
        signatories=tuple(
            Signatory(n, Role.SECRETARY, page=2, person_id=person_id(n)) for n in secretary
        ),
    )


STYRELSEN = "styrelsen"
AU = "arbetsutskottet"
CHAIR, SECRETARY, MEMBER = (Role.CHAIR,), (Role.STAFF, Role.SECRETARY), (Role.MEMBER,)

RECORDS = (
    minutes(
        "s1",
        STYRELSEN,
        "2019-02-10",
        ((ANNA, P, CHAIR), (BO, P, MEMBER), (CECILIA, A, ()), (KARIN, P, SECRETARY)),
        (
            section("1", "Mötets öppnande", "Ordföranden öppnade mötet. Karin Skålén hälsade."),
            section(
                "2",
                "Ansökan om medel för Projekt Steget",
                "Sökt belopp 450 000 kronor.\n\nBeslut: Ansökan beviljas med 300 000 kronor.",
                (("Ansökan beviljas med 300 000 kronor.", Outcome.APPROVED),),
                (("450 000 kronor", 450_000), ("300 000 kronor", 300_000)),
            ),
            section(
                "3",
                "Ekonomisk rapport",
                "Utfall 1 200 000 kr.\n\nBeslut: Rapporten godkänns.",
                (("Rapporten godkänns.", Outcome.APPROVED),),
                (("1 200 000 kr", 1_200_000),),
                page=2,
            ),
        ),
    ),
    minutes(
        "s2",
        STYRELSEN,
        "2019-06-12",
        ((ANNA, P, CHAIR), (BO, A, ()), (CECILIA, P, MEMBER), ("Karin Skalen", P, SECRETARY)),
        (
            section(
                "4",
                "Ansökan Unga vuxna",
                "Ansökan om 200 000 kr.\n\nBeslut: Ansökan avslås.",
                (("Ansökan avslås.", Outcome.REJECTED),),
                (("200 000 kr", 200_000),),
            ),
            section(
                "5",
                "Bidrag till föreningen Gläntan",
                "Föreningen söker 50 000 kr.\n\nBeslut: Ansökan beviljas.",
                (("Ansökan beviljas.", Outcome.APPROVED),),
                (("50 000 kr", 50_000),),
            ),
        ),
    ),
    minutes(
        "s3",
        STYRELSEN,
        "2019-11-20",
        ((ANNA, P, CHAIR), (CECILIA, P, MEMBER), (KARIN, P, SECRETARY)),
        (
            section(
                "6",
                "Ansökningar om ekonomiskt stöd",
                "Två ansökningar från Sjöbo och Ekby.\n\nBeslut: Ansökningarna bordläggs.",
                (("Ansökningarna bordläggs.", Outcome.POSTPONED),),
            ),
        ),
    ),
    minutes(
        "s4",
        STYRELSEN,
        "2020-03-04",
        ((ANNA, P, CHAIR), (BO, P, MEMBER), (KARIN, P, SECRETARY), (DAVID, P, MEMBER)),
        (
            section(
                "1",
                "Val av justerare",
                "Bo Ek valdes att justera.",
                (("Bo Ek valdes att justera.", Outcome.ELECTED),),
            ),
            section(
                "2",
                "Ansökan om medel, Språkstöd",
                "Ansökan om 100 000 kr avser 2020.\n\nBeslut: Språkstöd beviljas med 100 000 kr.",
                (("Språkstöd beviljas med 100 000 kr.", Outcome.APPROVED),),
                (("100 000 kr", 100_000), ("100 000 kr", 100_000)),
            ),
            section(
                "3",
                "Information",
                "En motion har kommit in.\n\nBeslut: Informationen noteras.",
                (("Informationen noteras.", Outcome.NOTED),),
            ),
        ),
    ),
    minutes(
        "s5",
        STYRELSEN,
        "2020-09-09",
        ((ANNA, A, ()), (BO, P, CHAIR), (KARIN, P, SECRETARY), (DAVID, P, MEMBER)),
        (
            section(
                "4",
                "Ansökan Hälsolots",
                "Sökt 75 tkr.\n\nBeslut: Ärendet återremitteras till arbetsutskottet.",
                (("Ärendet återremitteras till arbetsutskottet.", Outcome.REFERRED),),
                (("75 tkr", 75_000),),
            ),
        ),
    ),
    minutes(
        "a1",
        AU,
        "2019-03-01",
        ((ANNA, P, CHAIR), (BO, P, MEMBER)),
        (
            section(
                "1",
                "Delegationsbeslut – ansökan Kulturstöd",
                "Beslut: Arbetsutskottet beviljar 25 000 kronor.",
                (("Arbetsutskottet beviljar 25 000 kronor.", Outcome.APPROVED),),
                (("25 000 kronor", 25_000),),
            ),
        ),
    ),
    minutes(
        "a2",
        AU,
        "2020-03-04",
        ((ANNA, P, CHAIR), (BO, A, ())),
        (
            section(
                "1",
                "Ansökan skolstödjare",
                "Beslut: Skjuts på framtiden.",
                (("Skjuts på framtiden.", Outcome.POSTPONED),),
            ),
        ),
    ),
)


@pytest.fixture(scope="session")
def analysis_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "known.duckdb"
    con = db.connect(path)
    try:
        for record in RECORDS:
            assert load_minutes(con, record)
    finally:
        con.close()
    return path


@pytest.fixture
def reader(analysis_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = db.connect(analysis_db, read_only=True)
    yield con
    con.close()

"""Decisions and their outcomes."""

from __future__ import annotations

import pytest

from pipeline.parse.decisions import classify_outcome, find_decisions
from pipeline.records import Line, Outcome


def _paragraphs(*texts: str) -> list[tuple[Line, ...]]:
    return [(Line(t, 1, n),) for n, t in enumerate(texts, 1)]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("Ansökan beviljas men med förbehållet att", Outcome.APPROVED),
        ("Dagordningen godkändes.", Outcome.APPROVED),
        ("Ansökan avslås.", Outcome.REJECTED),
        ("Ansökan beviljas inte.", Outcome.REJECTED),
        ("Skjuts på framtiden med anledning av § 13.", Outcome.POSTPONED),
        ("Ärendet bordläggs till nästa möte.", Outcome.POSTPONED),
        ("Informationen noteras.", Outcome.NOTED),
        ("Rapporten läggs till handlingarna.", Outcome.NOTED),
        ("Anna Andersson väljs till ordförande.", Outcome.ELECTED),
        ("Ärendet återremitteras till förvaltningen.", Outcome.REFERRED),
        ("Inga fler insatser beviljas i dagsläget.", Outcome.OTHER),
        ("Gruppen enades om att en nystart behövs.", Outcome.OTHER),
        ("Antalet deltagare ökar.", Outcome.OTHER),
    ],
)
def test_outcome_words(text: str, outcome: Outcome) -> None:
    assert classify_outcome(text) is outcome


def test_beslut_marker_and_reported_decisions() -> None:
    decisions = find_decisions(
        _paragraphs(
            "Vad kan vi bidra med?",
            "Beslut: Ansökan beviljas.",
            "Dagordningen godkändes.",
            "Charlotta Skålén utsågs att justera protokollet.",
        ),
        2020,
    )
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Ansökan beviljas.", Outcome.APPROVED),
        ("Dagordningen godkändes.", Outcome.APPROVED),
        ("Charlotta Skålén utsågs att justera protokollet.", Outcome.ELECTED),
    ]


def test_beslut_alone_on_its_line_takes_the_next_paragraph() -> None:
    decisions = find_decisions(_paragraphs("Beslut", "Ärendet bordläggs."), 2020)
    assert [(d.text, d.outcome) for d in decisions] == [("Ärendet bordläggs.", Outcome.POSTPONED)]


def test_background_and_participants_agreeing_are_not_decisions() -> None:
    decisions = find_decisions(
        _paragraphs(
            "RAR beviljades extra medel (500.000 kronor) under 2016 för en analys.",
            "Mötesdeltagarna enades om att boka lunch.",
            "En presentationsrunda gjordes.",
            "Ingen av dessa insatser kommer att ske, de skjuts upp.",
        ),
        2017,
    )
    assert decisions == []

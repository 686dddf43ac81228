"""Decisions read from their verb, in any word order: READING.md convention 8 and its kin."""

from __future__ import annotations

import pytest

from pipeline.parse.decision_verbs import decided_outcome
from pipeline.parse.decisions import find_decisions
from pipeline.records import Line, Outcome


def _paragraphs(*texts: str) -> list[tuple[Line, ...]]:
    return [(Line(t, 1, n),) for n, t in enumerate(texts, 1)]


def _outcomes(*texts: str, title: str = "") -> list[tuple[str, Outcome]]:
    return [(d.text, d.outcome) for d in find_decisions(_paragraphs(*texts), 2024, title)]


# READING.md, convention 8: every example, with what should come out.
@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (
            ["Mötet valde Tilda Ros till mötesordförande."],
            [("Mötet valde Tilda Ros till mötesordförande.", Outcome.ELECTED)],
        ),
        (
            ["Efter en stunds debatt enades styrelsen om att hyra en lokal till festen."],
            [
                (
                    "Efter en stunds debatt enades styrelsen om att hyra en lokal till festen.",
                    Outcome.APPROVED,
                )
            ],
        ),
        (
            ["Beslut:", "att lägga kassarapporten till handlingarna"],
            [("att lägga kassarapporten till handlingarna", Outcome.NOTED)],
        ),
        (
            ["Styrelsen godkände budgeten."],
            [("Styrelsen godkände budgeten.", Outcome.APPROVED)],
        ),
        (
            ["Styrelsens beslut", "- Ärendet lämnas över till valberedningen."],
            [("Ärendet lämnas över till valberedningen.", Outcome.REFERRED)],
        ),
        (["Röstning: För 6, Emot 0"], [("Röstning: För 6, Emot 0", Outcome.APPROVED)]),
        (
            ["Styrelsen väljer att anta verksamhetsplanen."],
            [("Styrelsen väljer att anta verksamhetsplanen.", Outcome.APPROVED)],
        ),
        (["Inga gäster adjungerades."], [("Inga gäster adjungerades.", Outcome.NOTED)]),
    ],
)
def test_reading_convention_8(texts: list[str], expected: list[tuple[str, Outcome]]) -> None:
    assert _outcomes(*texts) == expected


def test_reading_convention_11_the_decision_under_the_bodys_heading() -> None:
    paragraph = tuple(
        Line(t, 1, n)
        for n, t in enumerate(
            [
                "Ida Hall förklarar sammanträdet öppnat.",
                "Mötet väljer Aron Lundh och Vera Sjö till justerare.",
                "Under överläggningen yttrar sig",
                "Emma Falk (S), Nils Rydén (M)",
                "Fullmäktiges beslut",
                "- Taxan fastställs enligt förslaget.",
            ],
            1,
        )
    )
    decisions = find_decisions([paragraph], 2024)
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Mötet väljer Aron Lundh och Vera Sjö till justerare.", Outcome.ELECTED),
        ("Taxan fastställs enligt förslaget.", Outcome.APPROVED),
    ]


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        # the active past tense, the meeting or a body as subject
        ("Mötet valde Eva Ek till kassör.", Outcome.ELECTED),
        ("Nämnden antog detaljplanen.", Outcome.APPROVED),
        ("Styrelsen noterade rapporten.", Outcome.NOTED),
        ("Mötet beviljade den avgående styrelsen ansvarsfrihet för 2021.", Outcome.APPROVED),
        ("Stämman fann sig vara behörigt kallad.", Outcome.APPROVED),
        ("Mötet förklarade styrelsen ansvarsfri.", Outcome.APPROVED),
        ("Årsmötet beslöt att höja avgiften.", Outcome.APPROVED),
        ("Föreningen avslog motionen.", Outcome.REJECTED),
        ("Vi bordlade frågan.", Outcome.POSTPONED),
        ("Styrelsen återremitterade ärendet.", Outcome.REFERRED),
        ("Nämnden ställde sig bakom förslaget.", Outcome.APPROVED),
        # inverted word order: the subject after the verb
        ("Efter diskussion antog mötet förslaget.", Outcome.APPROVED),
        ("Därefter valde stämman Eva Ek till ordförande.", Outcome.ELECTED),
        # archaic and variant forms
        ("Dagordningen godkännes.", Outcome.APPROVED),
        ("Avgiften fastslogs till 200 kr.", Outcome.APPROVED),
        ("Styrelsen godkännde protokollet.", Outcome.APPROVED),
        ("Budgeten antages.", Outcome.APPROVED),
        ("Frågan bordslades.", Outcome.POSTPONED),
        # no subject
        ("Godkänner verksamhetsplanen.", Outcome.APPROVED),
        ("Beslutas att köpa en ny gräsklippare.", Outcome.APPROVED),
        ("Skjuts på framtiden.", Outcome.POSTPONED),
        # participle after "bli", perfect after "har"
        ("Nils blev vald till ordförande.", Outcome.ELECTED),
        ("Styrelsen har godkänt inköpet.", Outcome.APPROVED),
        # a verb of deciding takes the outcome of the act decided
        ("Årsmötet beslutade att välja Eva Ek till ordförande.", Outcome.ELECTED),
        ("Stämman godtar att motionen bordläggs.", Outcome.POSTPONED),
        ("Mötet beslutar att Ebba utses till mötesordförande.", Outcome.ELECTED),
        ("Kongressen (K) beslutar godkänna föredragningslistan.", Outcome.APPROVED),
        # negation
        ("Styrelsen beviljade inte ansökan.", Outcome.REJECTED),
        ("Styrelsen beslutade att inte bevilja ansökan.", Outcome.REJECTED),
        ("Budgeten fastställdes aldrig.", Outcome.OTHER),
        ("Styrelsen beslutade att inte resa i år.", Outcome.APPROVED),
        # elections name whom; choosing a thing adopts it
        ("Stämman väljer revisorer enligt valberedningens förslag.", Outcome.ELECTED),
        ("Vi väljer den blå färgen på tröjorna.", Outcome.APPROVED),
    ],
)
def test_decisions_reported_by_their_verb(sentence: str, outcome: Outcome) -> None:
    assert decided_outcome(sentence, marked=False, meeting_year=2024) is outcome


@pytest.mark.parametrize(
    "sentence",
    [
        "Förvaltningen föreslår att ansökan beviljas.",  # a subordinate clause
        "Anna godkände fakturan innan mötet.",  # a person, not the meeting, as subject
        "Mötesdeltagarna enades om att boka lunch.",  # the participants, not the body
        "Ansökan ska beviljas om pengarna räcker.",  # a modal: not yet decided
        "Godkänt är 80 % av det sökta beloppet.",  # a supine without "har"
        "Den antagna budgeten gäller i år.",  # a participle as adjective
        "Ingen av resorna blir av i år, de skjuts upp.",  # after the first clause
        "Ordföranden förklarade mötet öppnat.",  # the meeting opens: no decision
        "Vi antar att kostnaden blir lägre.",  # "anta att" assumes
        "Föreningen beviljades medel under 2016 för en studie.",  # dated before the meeting
        "Styrelsen ska besluta om detta i maj.",  # a decision still to take
    ],
)
def test_what_is_no_decision(sentence: str) -> None:
    assert decided_outcome(sentence, marked=False, meeting_year=2024) is None


@pytest.mark.parametrize(
    ("sentence", "outcome"),
    [
        ("Gruppen enades om att läget är oroande.", Outcome.OTHER),
        ("Styrelsen enades om att medlemmarna ska få en enkät.", Outcome.OTHER),
        ("Styrelsen enades om att en ny lokal behövs.", Outcome.OTHER),
        ("Styrelsen enades om att teckna ett nytt avtal.", Outcome.APPROVED),
    ],
)
def test_an_agreement_on_a_view_decides_nothing_named(sentence: str, outcome: Outcome) -> None:
    assert decided_outcome(sentence, marked=False) is outcome


@pytest.mark.parametrize(
    ("texts", "outcome"),
    [
        (["Röstning om förslaget", "För: Samtliga närvarande", "Emot: Ingen"], Outcome.APPROVED),
        (["Omröstning: 3 ja, 5 nej."], Outcome.REJECTED),
        (["Röstning: För 4, Emot 4"], Outcome.OTHER),
    ],
)
def test_a_vote_tally_is_the_decision(texts: list[str], outcome: Outcome) -> None:
    paragraph = tuple(Line(t, 1, n) for n, t in enumerate(texts, 1))
    decisions = find_decisions([paragraph], 2024)
    assert [d.outcome for d in decisions] == [outcome]


def test_a_tally_beside_a_decision_is_its_vote() -> None:
    decisions = find_decisions(
        _paragraphs("Beslut: Motionen avslås.", "Omröstning: 3 ja, 5 nej."), 2024
    )
    assert [d.outcome for d in decisions] == [Outcome.REJECTED]
    assert decisions[0].vote is not None and (decisions[0].vote.yes, decisions[0].vote.no) == (
        3,
        5,
    )


def test_a_proposal_nobody_opposed_is_adopted() -> None:
    assert _outcomes("Anna föreslår att frågan bordläggs. Inga invändningar.") == [
        ("Anna föreslår att frågan bordläggs. Inga invändningar.", Outcome.POSTPONED)
    ]
    assert (
        _outcomes("Bo föreslår att kassören får teckna firman. Inga motsättningar.")[0][1]
        is Outcome.APPROVED
    )


@pytest.mark.parametrize(
    ("decided", "outcome"),
    [
        ("Godkänt.", Outcome.APPROVED),
        ("Bordlagt.", Outcome.POSTPONED),
        ("Avslag.", Outcome.REJECTED),
    ],
)
def test_a_decision_in_one_word(decided: str, outcome: Outcome) -> None:
    assert _outcomes(f"Beslut: {decided}") == [(decided, outcome)]


def test_one_word_of_assent_and_the_proposal_adopted_by_reference() -> None:
    assert _outcomes("OK.", title="Dagordningens godkännande") == [("OK.", Outcome.APPROVED)]
    paragraph = tuple(
        Line(t, 1, n)
        for n, t in enumerate(
            [
                "Förslag:",
                "Delegationsbesluten antecknas till protokollet.",
                "Beslut:",
                "Enligt förslag.",
            ]
        )
    )
    assert [(d.text, d.outcome) for d in find_decisions([paragraph], 2024)] == [
        ("Delegationsbesluten antecknas till protokollet.", Outcome.NOTED)
    ]


def test_a_decision_marker_mid_paragraph_decides_the_list_after_it() -> None:
    decisions = _outcomes(
        "Föreningen behöver en ny hemsida. Beslut att", "- Eva beställer en ny hemsida."
    )
    assert decisions == [("Beslut att Eva beställer en ny hemsida.", Outcome.APPROVED)]


def test_minutes_without_blank_lines_keep_their_parts_and_decisions_apart() -> None:
    paragraph = tuple(
        Line(t, 1, n, heading=t in ("Diskussion", "Beslut", "Justering"))
        for n, t in enumerate(
            [
                "Diskussion",
                "Bo Ek är tveksam till förslaget",
                "Eva Lind väljs till ordförande för kommittén",
                "Justering",
                "Den valda justeras in",
            ],
            1,
        )
    )
    decisions = find_decisions([paragraph], 2024, "Inval av ordförande")
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Eva Lind väljs till ordförande för kommittén", Outcome.ELECTED)
    ]

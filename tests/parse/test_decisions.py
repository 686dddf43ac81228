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
        ("Anna skickar vidare ansökan till kåren.", Outcome.REFERRED),
        ("Frågan vidarebefordras till valberedningen.", Outcome.REFERRED),
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


def test_beslutade_att_and_decisions_deferred_to_the_next_meeting() -> None:
    decisions = find_decisions(
        _paragraphs(
            "Årsmötet beslutade att fastställa dagordningen.",
            "Årsmötet beslutade att årsavgiften fortsatt skall vara 200 kr.",
            "Det beslutades att vi ska erbjuda fasta sponsorpaket.",
            "Beslut om budget tas på nästa styrelsemöte.",
        ),
        2023,
    )
    assert [d.outcome for d in decisions] == [
        Outcome.APPROVED,
        Outcome.APPROVED,
        Outcome.APPROVED,
        Outcome.POSTPONED,
    ]


def test_decision_parts_proposals_are_not_decisions() -> None:
    decisions = find_decisions(
        _paragraphs("3.2.1 Förslag", "mötesschemat fastställs.", "3.2.2 Beslut", "bifalles"),
        2024,
    )
    # "bifalles" decides by reference: the decision is the proposal it adopts
    assert [(d.text, d.outcome) for d in decisions] == [
        ("mötesschemat fastställs.", Outcome.APPROVED)
    ]


def test_elections_by_proposal_or_by_name_alone() -> None:
    by_proposal = find_decisions(
        _paragraphs("Årsmötet beslutade enligt valberedningens förslag."), 2023, "Val av revisorer"
    )
    by_name = find_decisions(_paragraphs("Fredrik Håård"), 2013, "Val av mötesordförande")
    assert [d.outcome for d in by_proposal + by_name] == [Outcome.ELECTED, Outcome.ELECTED]
    assert find_decisions(_paragraphs("Fredrik Håård"), 2013, "Rapporter") == []


def test_a_role_title_with_a_slip_still_elects() -> None:
    paragraphs = _paragraphs("Att: Tekla är sekreterare", "Beslut: Attsats bifalles")
    for title in ("Mötessekreterare", "Mötessekeretare"):  # the second as a real one was typed
        decisions = find_decisions(paragraphs, 2023, title)
        assert [(d.text, d.outcome) for d in decisions] == [
            ("Tekla är sekreterare", Outcome.ELECTED)
        ]
    assert find_decisions(paragraphs, 2023, "Mötesordning")[0].outcome is Outcome.APPROVED


def test_votes_and_reservations_join_the_decision() -> None:
    decisions = find_decisions(
        _paragraphs(
            "Beslut: Motionen avslås.",
            "Omröstning begärdes. Med 7 ja och 4 nej, 1 avstår, beslutade nämnden enligt"
            " förslaget.",
            "Anna Berg (V) och Bo Ek (MP) reserverar sig mot beslutet.",
        ),
        2021,
    )
    assert decisions[0].outcome is Outcome.REJECTED
    assert decisions[-1].vote is not None
    assert (decisions[-1].vote.yes, decisions[-1].vote.no, decisions[-1].vote.abstain) == (7, 4, 1)
    assert decisions[-1].reservations == ("Anna Berg", "Bo Ek")


def test_decisions_mid_paragraph_and_their_lists() -> None:
    decisions = find_decisions(
        _paragraphs(
            "Föreningen behöver ett bankkonto. Det beslutades att",
            "Rickard öppnar ett bankkonto hos Swedbank.",
            "Ordförande presenterade berättelsen. Årsmötet beslutade att godkänna berättelsen.",
            "Årsmötet beslutade att bevilja styrelsen ansvarsfrihet för verksamhetsåret 2015.",
        ),
        2016,
    )
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Det beslutades att Rickard öppnar ett bankkonto hos Swedbank.", Outcome.APPROVED),
        ("Årsmötet beslutade att godkänna berättelsen.", Outcome.APPROVED),
        (
            "Årsmötet beslutade att bevilja styrelsen ansvarsfrihet för verksamhetsåret 2015.",
            Outcome.APPROVED,
        ),
    ]


def test_present_tense_decisions_of_the_body_and_of_the_case() -> None:
    decisions = find_decisions(
        _paragraphs(
            "Arbetsutskottet beviljar med stöd av delegation 81 000 kr.",
            "Förbundsstyrelsen godkänner årsredovisningen.",
            "Protokollet från sammanträdet lades till handlingarna.",
            "Ärendet överlämnas till förbundsstyrelsen för beslut, med förslaget att ansökan "
            "beviljas.",
            "Till arbetsutskott för perioden 2015–2018 väljs Anna Berg och Bo Ek.",
            "Ingen av dessa insatser kommer att ske under våren, de skjuts upp.",
        ),
        2021,
    )
    assert [d.outcome for d in decisions] == [
        Outcome.APPROVED,
        Outcome.APPROVED,
        Outcome.NOTED,
        Outcome.REFERRED,
        Outcome.ELECTED,
    ]


def test_a_beslut_line_right_above_its_text_is_not_part_of_it() -> None:
    paragraph = (Line("Beslut", 1, 1), Line("Ansökan beviljas.", 1, 2))
    decisions = find_decisions([paragraph], 2021)
    assert [(d.text, d.outcome) for d in decisions] == [("Ansökan beviljas.", Outcome.APPROVED)]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("The budget was approved.", Outcome.APPROVED),
        ("Eva Lind appointed as chair of the meeting.", Outcome.ELECTED),
        ("The motion was rejected.", Outcome.REJECTED),
        ("The item was postponed to the next meeting.", Outcome.POSTPONED),
        ("The report was noted.", Outcome.NOTED),
        ("Old board discharged from liability.", Outcome.APPROVED),
    ],
)
def test_outcome_words_of_minutes_kept_in_english(text: str, outcome: Outcome) -> None:
    assert classify_outcome(text) is outcome


def test_english_minutes_report_decisions_without_was() -> None:
    decisions = find_decisions(
        _paragraphs("We talked about the website.", "Eva Lind appointed as treasurer."), 2021
    )
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Eva Lind appointed as treasurer.", Outcome.ELECTED)
    ]


def test_posts_filled_by_name_are_an_election() -> None:
    decisions = find_decisions(
        _paragraphs(
            "Det beslutades att styrelsen ska bestå av följande:",
            "Ordförande: Eva Lind, Kassör: Bo Ek, Sekreterare: Ann Berg",
        ),
        2021,
    )
    assert [d.outcome for d in decisions] == [Outcome.ELECTED]
    assert classify_outcome("Ordförande: Eva Lind") is Outcome.OTHER  # one post is a label


@pytest.mark.parametrize(
    "text", ["Inga motioner har inkommit.", "Inga fullmakter har lämnats in.", "Inga motioner."]
)
def test_nothing_submitted_is_noted(text: str) -> None:
    assert [(d.text, d.outcome) for d in find_decisions(_paragraphs(text), 2021)] == [
        (text, Outcome.NOTED)
    ]


def test_other_nil_statements_decide_nothing() -> None:
    assert find_decisions(_paragraphs("Inga övriga frågor.", "Inga rapporter."), 2021) == []


def test_the_decision_formula_on_its_own_line_opens_a_sentence() -> None:
    paragraph = tuple(
        Line(t, 1, n)
        for n, t in enumerate(
            [
                "Valberedningens förslag:",
                "Anna Berg (omval), Bo Ek (nyval)",
                "Stämman beslutade enligt valberedningens förslag.",
            ],
            1,
        )
    )
    decisions = find_decisions([paragraph], 2021, "Val av styrelse")
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Stämman beslutade enligt valberedningens förslag.", Outcome.ELECTED)
    ]


def test_an_item_named_by_a_meeting_role_elects() -> None:
    decisions = find_decisions(
        _paragraphs("Att: Eva är protokolljusterare", "Beslut: Attsats bifalles"),
        2021,
        "Protokolljusterare",
    )
    assert [d.outcome for d in decisions] == [Outcome.ELECTED]


def test_a_quorum_declared_under_beslut_is_approved() -> None:
    assert classify_outcome("Mötet förklarades beslutsmässigt.") is Outcome.APPROVED
    assert classify_outcome("Styrelsen är därmed beslutför.") is Outcome.APPROVED


def test_a_decision_of_an_earlier_meeting_is_background() -> None:
    decisions = find_decisions(
        _paragraphs("Punkten bordlades vid förra stämman och tas upp igen.", "Beslut: bifalles"),
        2021,
    )
    assert [d.outcome for d in decisions] == [Outcome.APPROVED]


def test_a_name_elected_in_the_present_passive() -> None:
    decisions = find_decisions(
        _paragraphs("Eva Lind har visat intresse.", "Eva Lind väljs till ordförande för kommittén"),
        2021,
        "Inval av ordförande",
    )
    assert [(d.text, d.outcome) for d in decisions] == [
        ("Eva Lind väljs till ordförande för kommittén", Outcome.ELECTED)
    ]

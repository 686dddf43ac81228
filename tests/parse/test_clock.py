"""The clock times minutes write for their §§: at a §'s start, or in a break that precedes it."""

from __future__ import annotations

from pipeline.parse.clock import SectionClock, section_clocks


def test_a_time_at_the_start_of_a_section_and_a_lower_bound_after_it() -> None:
    found = section_clocks(
        [
            ("Val av justerare", "Ordföranden öppnar sammanträdet kl. 13.00.\nAnna utses."),
            ("Budget", "Nämnden beslutar att godkänna förslaget."),
            ("Detaljplan för Norra kajen kl. 16.20", "Nämnden beslutar enligt förslaget."),
            ("Övrigt", "Inget att anmäla."),
        ]
    )
    assert found == [
        SectionClock("13:00", "13:00"),
        SectionClock(None, "13:00"),
        SectionClock("16:20", "16:20"),
        SectionClock(None, "16:20"),
    ]


def test_an_adjournment_with_its_end_gives_the_next_section_its_start() -> None:
    found = section_clocks(
        [
            ("Budget", "Nämnden beslutar att godkänna förslaget.\nAjournering kl. 12.00–13.00"),
            ("Detaljplan", "Nämnden beslutar enligt förslaget."),
        ]
    )
    assert found == [SectionClock(None, None), SectionClock("13:00", "13:00")]


def test_a_break_within_a_section_only_bounds_the_sections_after_it() -> None:
    found = section_clocks(
        [
            ("Budget", "Sammanträdet ajourneras kl 15.10\nÄrendet diskuteras vidare."),
            ("Detaljplan", "Nämnden beslutar enligt förslaget.\nMötet återupptas kl. 16.00"),
            ("Övrigt", "Inget att anmäla."),
        ]
    )
    assert found == [
        SectionClock(None, None),
        SectionClock(None, "15:10"),
        SectionClock("16:00", "16:00"),
    ]


def test_no_time_is_guessed() -> None:
    found = section_clocks(
        [
            ("Protokoll justeras 2021-03-01, kl. 10.00", "Beslut i ärendet fattas 25.70."),
            ("Budget", "Nämnden beslutar att godkänna förslaget."),
        ]
    )
    assert found == [SectionClock(None, None), SectionClock(None, None)]

"""The meeting's date among the dates of the minutes, and the times it opened and closed."""

from __future__ import annotations

import pytest

from pipeline.parse.header import parse_header
from pipeline.records import Line


def _lines(text: str) -> list[Line]:
    return [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]


def _one_line(text: str) -> list[Line]:
    return [Line(" ".join(text.split()), 1, 1)]


def _date(text: str, running: tuple[str, ...] = ()) -> str | None:
    return parse_header(_lines(text), running).date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # the adjustment, the notice board, a publication are never the meeting's date
        (
            "Plats och tid Rådhuset\nJusteringens plats och tid Kansliet, 2012-09-07\n"
            "Sammanträdesdatum 2012-08-29",
            "2012-08-29",
        ),
        (
            "Datum för anslags uppsättande 2015-09-23\nDatum för sammanträdet\n2015-09-17",
            "2015-09-17",
        ),
        ("Justeras 2023-03-21\n\nProtokoll fört vid årsmöte den 14 mars 2023", "2023-03-14"),
        # a web page's own date printed before the minutes' title
        (
            "2015-09-22, kl. 1 - Västby kommun\n\nVÄSTBY KOMMUN\nMiljönämnden\n"
            "SAMMANTRÄDESPROTOKOLL\n2015-09- 17\nPlats och tid Rådhuset",
            "2015-09-17",
        ),
        # the previous and the next meeting, and a deadline
        ("Styrelsemöte\n\nFöregående protokoll, 2022-08-07, godkändes.", None),
        ("Styrelsemöte\n\nNästa möte 2023-05-02 kl 18.00.", None),
        ("Årsmöte\n\nMotioner lämnas senast 2023-02-01.", None),
        # the date only in the title line
        (
            "PROTOKOLL Landstingsfullmäktige 2005-11-22--23.\nJusterat onsdagen den 7 december",
            "2005-11-22",
        ),
        ("Styrelsemöte 2016-03-14\n\n1 Mötets öppnande", "2016-03-14"),
        ("Mötesprotokoll Kodklubben\n\n19 November 2020\n\nKallade", "2020-11-19"),
        ("Kodklubben 20141114\n\nMötesprotokoll", "2014-11-14"),
        ("Protokoll fört vid Sektionsmöte Måndagen den 25/11 2013, kl 17:29:39", "2013-11-25"),
        ("Protokoll fört vid representantskapet, Vårdö 8 9 maj 2010", "2010-05-08"),
        (
            "Möte med styrelsen den 27- 28 januari 2007 Protokoll från 1-2 januari 2007",
            "2007-01-27",
        ),
        # a date the minutes' running text mentions is not the header's
        (
            "Template\n\n2025-10-01\n\nFörslag till beslut\n\nStyrelsen annonserar stämman "
            "2025-10-16, 17:17",
            "2025-10-01",
        ),
        # a text layer that sets every digit apart
        ("K o d k l u b b e n 2 0 1 3 1 02 3\n\nKallade", "2013-10-23"),
    ],
)
def test_the_meeting_date_among_the_dates_of_the_minutes(text: str, date: str | None) -> None:
    assert _date(text) == date


def test_a_date_without_a_year_takes_the_year_its_weekday_fits() -> None:
    title = "Protokoll fört vid styrelsemöte med Ekby Byalag söndagen den 16 oktober kl 16.00"
    # 16 October fell on a Sunday in 2022, not in 2021 or 2023
    assert _date(f"{title}\n\nFöregående protokoll, 2022-08-07, godkändes. Budget 2023.") == (
        "2022-10-16"
    )
    assert _date(f"{title}\n\nInget år nämns.") is None


def test_a_date_without_a_year_or_weekday_takes_the_only_year_of_the_document() -> None:
    assert _date("Styrelsemöte den 16 oktober\n\nBudgeten för 2022 antogs.") == "2022-10-16"
    assert _date("Styrelsemöte den 16 oktober\n\nBudgeten för 2022 och 2023 antogs.") is None


def test_a_running_page_header_dates_minutes_whose_text_does_not() -> None:
    running = ("Ekby Byalag PROTOKOLL 2023-07-25 1 (3)",)
    assert _date("Närvarande\nAnna Berg\n\n§ 1 Mötet öppnas", running) == "2023-07-25"
    assert _date("Datum: 2023-07-26\n\n§ 1 Mötet öppnas", running) == "2023-07-26"


def test_the_date_survives_a_page_printed_as_one_line() -> None:
    header = parse_header(
        _one_line(
            "Sammanträdesprotokoll Plats och tid Rådhuset, onsdag den 29 augusti kl. 14.00-16.50 "
            "Justeringens plats och tid Kansliet, 2012-09-07 Organ ANSLAG/BEVIS Protokollet är "
            "justerat. Kulturnämnden Sammanträdesdatum 2012-08-29"
        )
    )
    assert header.date == "2012-08-29"
    assert (header.start_time, header.end_time) == ("14:00", "16:50")


def _times(text: str, body: str = "") -> tuple[str | None, str | None]:
    header = parse_header(_lines(text), body_text=body)
    return header.start_time, header.end_time


@pytest.mark.parametrize(
    ("body", "times"),
    [
        ("§ 1 Mötet öppnas 18.05\n\n§ 9 Mötet avslutades 19.40", ("18:05", "19:40")),
        (
            "Anna Berg förklarade mötet öppnat kl 18.30.\n\nOrdföranden förklarade mötet "
            "avslutat klockan 20:15.",
            ("18:30", "20:15"),
        ),
        ("Ida Hall förklarar sammanträdet öppnat kl. 9.05", ("09:05", None)),
        ("Ida Hall förklarar sammanträdet öppnat.", (None, None)),
        ("Mötets öppnande 12:16\n\nJulstugan\n\nMötet avslutas 12:55", ("12:16", "12:55")),
        ("Mötet öppnade klockan 17:45.", ("17:45", None)),
        ("1.a Mötet öppnades kl. 18:52.", ("18:52", None)),
        ("Sammanträdet öppnades av ordföranden klockan 18.02, varefter", ("18:02", None)),
        # an opening time is never the end time
        ("Ordföranden förklarade mötet öppnat klockan 19:39.", ("19:39", None)),
        # a joke time beside the real one, a deadline and another meeting are no meeting times
        ("Mötet öppnas kl 17:29:39, och ordföranden öppnar mötet exakt 17.36.", ("17:36", None)),
        ("Nomineringsstopp infaller klockan 18:00.", (None, None)),
        ("Nästa möte öppnas kl 18.00.", (None, None)),
    ],
)
def test_the_minutes_account_of_opening_and_closing(
    body: str, times: tuple[str | None, str | None]
) -> None:
    assert _times("Styrelsemöte 2023-04-02", body) == times


@pytest.mark.parametrize(
    ("header", "times"),
    [
        ("Plats och tid Sessionssalen, onsdag den 29 augusti kl. 14.00-16.50", ("14:00", "16:50")),
        ("Plats och tid\nSessionssalen, Rådhuset, kl. 13.3 O- 17.20", ("13:30", "17:20")),
        ("Tisdagen den 21 januari 2014, klockan 08.30 12.30, i Skålrummet", ("08:30", "12:30")),
        ("Datum och tid: 2022-12-14 19.00", ("19:00", None)),
        ("Tid: Lördagen den 12 juli 2014, kl. 10.00", ("10:00", None)),
        (
            "Protokoll fört vid styrelsemöte den 26 februari 2015 kl. 19.00 i Bygdegården",
            ("19:00", None),
        ),
        # a lost time, and a time next to another date, are no start
        ("Plats och tid Bohusrummet, kl Beslutande Anna Berg", (None, None)),
        ("2015-09-22, kl. 1 - Västby kommun\nSAMMANTRÄDESPROTOKOLL\n2015-09-17", (None, None)),
    ],
)
def test_the_header_gives_the_time(header: str, times: tuple[str | None, str | None]) -> None:
    assert _times(header) == times


def test_recorded_times_over_an_announced_start_but_not_over_a_span() -> None:
    announced = "Protokoll fört vid höstmöte 2011, tisdagen den 20:e december klockan 19:30"
    body = "Ordföranden förklarade mötet öppnat klockan 19:39.\n\nMötet avslutade klockn 20:37."
    assert _times(announced, body) == ("19:39", "20:37")
    assert _times("Datum: 2020-03-25 kl. 13.00 - 16.00", "Mötet öppnades 13.05.") == (
        "13:00",
        "16:00",
    )


def test_the_minutes_running_text_does_not_date_them() -> None:
    """A date below the title, after the header's own, is what the minutes talk about."""
    chrome = "Här finns protokollen från och med 2001 att läsa som pdf-filer. " * 4
    text = f"{chrome}\n\nProtokoll fört vid styrelsemöte 2019-10-15 på biblioteket\n\n" + (
        "1. Protokoll från 2019-09-04 lades till handlingarna."
    )
    assert _date(text) == "2019-10-15"
    undated = "Styrelsemöte\n\nNärvarande: Anna Berg\n\n" + "Mötet diskuterade budgeten. " * 12
    assert _date(f"{undated}\n\n1. Protokoll från 2019-09-04 lades till handlingarna.") is None

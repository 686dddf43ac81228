"""Header: title, date, times, place and remote meetings."""

from __future__ import annotations

import pytest

from pipeline.nlp.dates import parse_date, parse_times
from pipeline.parse.header import parse_header
from pipeline.records import Line


def _lines(text: str) -> list[Line]:
    return [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-02-09", "2017-02-09"),
        ("9 februari 2017", "2017-02-09"),
        ("den 9/2 2017", "2017-02-09"),
        ("2017.02.09", "2017-02-09"),
        ("9.2.2017", "2017-02-09"),
        ("Måndagen den 3:e mars 2021", "2021-03-03"),
        ("2017-02-30", None),
        ("inget datum här", None),
    ],
)
def test_dates_in_the_ways_minutes_write_them(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl 9-11.30", ("09:00", "11:30")),
        ("kl. 13.00 - 16.00", ("13:00", "16:00")),
        ("13:00–16:00", ("13:00", "16:00")),
        ("08.30–12.00", ("08:30", "12:00")),
        ("kl. 18.30", ("18:30", None)),
        ("", (None, None)),
    ],
)
def test_times(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_times(text) == expected


def test_title_date_place_and_remote() -> None:
    header = parse_header(
        _lines(
            "PROTOKOLL fört vid sammanträde med arbetsutskottet, RAR i Sörmland\n\n"
            "Datum: 2020-03-25 kl. 13.00 - 16.00\n\nPlats: Regionkansliet + Teams"
        )
    )
    assert (header.organization, header.body) == ("RAR i Sörmland", "arbetsutskottet")
    assert (header.date, header.start_time, header.end_time) == ("2020-03-25", "13:00", "16:00")
    assert header.location == "Regionkansliet + Teams"
    assert header.remote is True


def test_title_over_two_lines_with_för_and_a_place_without_remote_words() -> None:
    header = parse_header(
        _lines(
            "Protokoll\n\nfört vid sammanträde med beredningsgruppen för RAR i Sörmland\n\n"
            "Datum: 2017-02-09 kl 9-11.30\n\nPlats: Hotell Malmköping"
        )
    )
    assert (header.organization, header.body) == ("RAR i Sörmland", "beredningsgruppen")
    assert header.remote is False


def test_tid_och_plats_in_one_field() -> None:
    header = parse_header(_lines("Tid och plats: 2019-05-14 kl. 08.30–12.00, Stadshuset"))
    assert (header.date, header.start_time, header.end_time) == ("2019-05-14", "08:30", "12:00")
    assert header.location == "Stadshuset"


def test_body_from_meeting_words_and_organization_from_running_headers() -> None:
    header = parse_header(
        _lines("Styrelsemöte 5\n\nDatum: 2022-04-21\n\nTid: 11:00"),
        running_lines=["Datavetenskapsdivisionen PROTOKOLL 2022-04-21 1 (3)"],
    )
    assert (header.body, header.organization) == ("styrelsen", "Datavetenskapsdivisionen")
    assert header.start_time == "11:00"


def test_mötesform_field_and_styrelsen_för() -> None:
    assert parse_header(_lines("Mötesform: Årsmöte\nDatum: 2016-07-12")).body == "årsmöte"
    header = parse_header(_lines("Protokoll\nStyrelsen för Python Sverige\n\nDatum: 2013-01-08"))
    assert (header.body, header.organization) == ("styrelsen", "Python Sverige")


def test_recorded_opening_and_closing_times_replace_an_announced_start() -> None:
    header = parse_header(
        _lines("Datum: 2022-05-17\n\nTid: 17:17"),
        body_text="Mötet öppnades av Samuel Hammersberg 17.32.\n\nOrdföranden förklarade mötet "
        "avslutat kl. 20.30.",
    )
    assert (header.start_time, header.end_time) == ("17:32", "20:30")
    ranged = parse_header(
        _lines("Datum: 2020-03-25 kl. 13.00 - 16.00"), body_text="Mötet öppnades 13.05."
    )
    assert (ranged.start_time, ranged.end_time) == ("13:00", "16:00")


def test_organization_after_a_dash_in_the_title() -> None:
    header = parse_header(_lines("Styrelsemöte - Python Sverige\nSekreterare: Frej Connolly"))
    assert (header.body, header.organization) == ("styrelsen", "Python Sverige")


def test_a_stacked_municipal_title_block() -> None:
    header = parse_header(
        _lines(
            "Samordningsförbundet Fiktiva Dalen\nSAMMANTRÄDESPROTOKOLL\nFörbundsstyrelsen\n"
            "\nDatum: 2021-05-04"
        )
    )
    assert (header.organization, header.body) == (
        "Samordningsförbundet Fiktiva Dalen",
        "förbundsstyrelsen",
    )


def test_a_row_of_labels_over_a_row_of_values() -> None:
    header = parse_header(
        _lines(
            "Mötesform\nÅrsmöte\n\nDatum\tPlats\n2021-06-05 kl 10.00 Bygdegården, Ås\n"
            "Närvarande\nAnna Berg"
        )
    )
    assert (header.date, header.start_time) == ("2021-06-05", "10:00")
    assert header.location == "Bygdegården, Ås"
    tabbed = parse_header(_lines("Datum\tPlats\n2021-06-05\tBygdegården"))
    assert (tabbed.date, tabbed.location) == ("2021-06-05", "Bygdegården")


@pytest.mark.parametrize(
    ("text", "body"),
    [
        ("Styrelsens beslutförhet\n\nStyrelsen konstaterades vara fulltalig.", "styrelsen"),
        ("Kultur- och fritidsnämnden är därmed beslutsmässig.", "kultur- och fritidsnämnden"),
        ("Att: Styrelsen uppfyller kraven för beslutbarhet", "styrelsen"),
        ("Mötet är beslutsmässigt.", None),
    ],
)
def test_the_quorum_item_names_the_body(text: str, body: str | None) -> None:
    header = parse_header(_lines("Möte 2021-03-04"), body_text=text)
    assert header.body == body


def test_a_planned_opening_is_the_start_when_nothing_else_tells() -> None:
    planned = "Mötet planeras att öppnas 17:30"
    assert parse_header(_lines("Möte 2021-03-04"), body_text=planned).start_time == "17:30"
    both = f"{planned}\n\nMötet öppnades 17:45"
    assert parse_header(_lines("Möte 2021-03-04"), body_text=both).start_time == "17:45"
    announced = parse_header(_lines("Möte\nTid: 2021-03-04 kl 17.00"), body_text=planned)
    assert announced.start_time == "17:00"


def test_a_title_line_that_names_the_association() -> None:
    title = "2019 ÅRS MÖTESPROTOKOLL\n\nEKBACKENS BYALAG\n\nDatum: 2019-07-01"
    header = parse_header(_lines(title))
    assert (header.organization, header.date) == ("EKBACKENS BYALAG", "2019-07-01")

"""Dates and times in the ways Swedish minutes write them, found where they stand."""

from __future__ import annotations

import pytest

from pipeline.nlp.dates import despaced_digits, find_dates, find_times, parse_date, parse_times


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2017-02-09", "2017-02-09"),
        ("9 februari 2017", "2017-02-09"),
        ("den 9/2 2017", "2017-02-09"),
        ("2017.02.09", "2017-02-09"),
        ("9.2.2017", "2017-02-09"),
        ("onsdagen den 30.10.2019 kl. 18.02", "2019-10-30"),
        ("Måndagen den 25/11 2013, kl 17.30", "2013-11-25"),
        ("Måndagen den 3:e mars 2021", "2021-03-03"),
        ("19 November 2020", "2020-11-19"),
        ("Föreningen Ekbacken 20141114", "2014-11-14"),
        ("3 okt. 2019", "2019-10-03"),
        ("SAMMANTRÄDESPROTOKOLL 2015-09- 17", "2015-09-17"),  # a space after the dash
        ("2017-02-30", None),
        ("inget datum här", None),
        ("Nästa möte den 2/11 kl 18.30", None),  # a day and month in figures: no year, no date
        ("Dnr KS2017/101", None),
        ("verksamhetsåret 2013 – 2014", None),
    ],
)
def test_dates_in_the_ways_minutes_write_them(text: str, expected: str | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "first_day"),
    [
        ("Möte med styrelsen den 27- 28 januari 2007", "2007-01-27"),
        ("Representantskapet, Vårdö kursgård 8 9 maj 2010", "2010-05-08"),  # the dash lost
        ("Kongressen 1 och 2 mars 2019", "2019-03-01"),
        ("PROTOKOLL Landstingsfullmäktige 2005-11-22--23.", "2005-11-22"),
    ],
)
def test_a_meeting_of_two_days_is_dated_by_its_first(text: str, first_day: str) -> None:
    assert parse_date(text) == first_day


def test_dates_come_in_text_order_whatever_their_form() -> None:
    """The meeting's "25/11 2013" before the adjustment's "9 december 2013" further on."""
    text = "Sektionsmöte måndagen den 25/11 2013. Justering sätts till den 9 december 2013."
    assert [d.iso for d in find_dates(text)] == ["2013-11-25", "2013-12-09"]
    assert parse_date(text) == "2013-11-25"


def test_a_day_and_month_without_a_year_keep_their_weekday_to_find_it() -> None:
    (mention,) = find_dates("söndagen den 16 oktober kl 16.00")
    assert (mention.iso, mention.weekday) == (None, 6)
    assert mention.in_year(2022) == "2022-10-16"  # a Sunday
    assert mention.in_year(2023) is None  # a Monday
    assert find_dates("den 3 jul") == []  # an abbreviated month needs its year


def test_digits_a_text_layer_set_apart_are_joined_again() -> None:
    assert parse_date(despaced_digits("Föreningen 2 0 1 9- 1 1 - 1 2")) == "2019-11-12"
    assert parse_date(despaced_digits("Kod 2 0 1 3 1 02 3")) == "2013-10-23"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kl 9-11.30", ("09:00", "11:30")),
        ("kl. 13.00 - 16.00", ("13:00", "16:00")),
        ("13:00–16:00", ("13:00", "16:00")),
        ("08.30–12.00", ("08:30", "12:00")),
        ("kl. 18.30", ("18:30", None)),
        ("klockan 08.30 12.30", ("08:30", "12:30")),  # the dash lost
        ("kl. 13.3 O- 17.20", ("13:30", "17:20")),  # OCR read the zero as a letter
        ("kl 14.00 till 16.30", ("14:00", "16:30")),
        ("", (None, None)),
    ],
)
def test_times(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_times(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "kl 17:29:39",  # a stopwatch, not a clock
        "ekonom 8-9",  # a § range after a title
        "12.000 kr",
        "§§ 76-86",
        "2.a.1 Mötet",
    ],
)
def test_numbers_that_are_no_times(text: str) -> None:
    assert find_times(text) == []


def test_a_bare_time_with_a_dot_is_found_but_not_marked_as_one() -> None:
    (bare,) = find_times("exakt 17.36")
    (marked,) = find_times("klockan 17:36")
    assert (bare.begin, bare.marked) == ("17:36", False)
    assert (marked.begin, marked.marked) == ("17:36", True)

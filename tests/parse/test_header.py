"""Header: organisation, body, place and remote meetings, whatever the lines of the text."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline.parse.header import parse_header
from pipeline.records import Line


def _lines(text: str) -> list[Line]:
    return [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]


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
        running_lines=["Fysiksektionen PROTOKOLL 2022-04-21 1 (3)"],
    )
    assert (header.body, header.organization) == ("styrelsen", "Fysiksektionen")
    assert header.start_time == "11:00"


def test_mötesform_field_and_styrelsen_för() -> None:
    assert parse_header(_lines("Mötesform: Årsmöte\nDatum: 2016-07-12")).body == "årsmöte"
    header = parse_header(
        _lines("Protokoll\nStyrelsen för Föreningen Kodkraft\n\nDatum: 2013-01-08")
    )
    assert (header.body, header.organization) == ("styrelsen", "Föreningen Kodkraft")


def test_recorded_opening_and_closing_times_replace_an_announced_start() -> None:
    header = parse_header(
        _lines("Datum: 2022-05-17\n\nTid: 17:17"),
        body_text="Mötet öppnades av Ola Strand 17.32.\n\nOrdföranden förklarade mötet "
        "avslutat kl. 20.30.",
    )
    assert (header.start_time, header.end_time) == ("17:32", "20:30")
    ranged = parse_header(
        _lines("Datum: 2020-03-25 kl. 13.00 - 16.00"), body_text="Mötet öppnades 13.05."
    )
    assert (ranged.start_time, ranged.end_time) == ("13:00", "16:00")


def test_organization_after_a_dash_in_the_title() -> None:
    header = parse_header(_lines("Styrelsemöte - Föreningen Kodkraft\nSekreterare: Ada Lind"))
    assert (header.body, header.organization) == ("styrelsen", "Föreningen Kodkraft")


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


def _one_line(text: str) -> list[Line]:
    """The text as a web transcript prints a page: one line."""
    return [Line(" ".join(text.split()), 1, 1)]


# A flattened municipal first page: place and time, attendance, adjustment, the notice-board
# certificate (ANSLAG/BEVIS) that names the body and the meeting date.
MUNICIPAL_FIRST_PAGE = (
    "Sammanträdesprotokoll Sida 1(12)\n"
    "Plats och tid Sessionssalen, Gamla rådhuset, Västby, onsdag den 29 augusti kl. 14.00-16.50\n"
    "Beslutande Nämndens samtliga ledamöter med undantag för Per Ek (M)\n"
    "Övriga närvarande Lisa Holm, nämndsekreterare\n"
    "Utses att justera Eva Lund (S)\n"
    "Justeringens plats och tid Stadskansliet, 2018-09-07\n"
    "Underskrifter Sekreterare Lisa Holm\n"
    "ANSLAG/BEVIS Protokollet är justerat. Justeringen har tillkännagivits genom anslag.\n"
    "Organ Kulturnämnden\n"
    "Sammanträdesdatum 2018-08-29\n"
    "Datum då anslaget sätts upp 2018-09-10 Datum då anslaget tas ned 2018-10-02\n"
)


@pytest.mark.parametrize("layout", [_lines, _one_line], ids=["lines", "one line"])
def test_a_municipal_first_page_with_its_notice_board_certificate(layout: Any) -> None:
    header = parse_header(layout(MUNICIPAL_FIRST_PAGE))
    assert header.date == "2018-08-29"  # not the adjustment's, nor the notice board's
    assert (header.start_time, header.end_time) == ("14:00", "16:50")
    assert header.location == "Sessionssalen, Gamla rådhuset, Västby"
    assert header.body == "kulturnämnden"


def test_a_page_printed_as_one_line_reading_example_a() -> None:
    header = parse_header(
        _one_line(
            "1 PROTOKOLL Tekniska nämnden Plats och tid Kommunhuset, sal Ljungen, kl "
            "13.00-15.30 Beslutande Stina Holmgren (S) ordförande Jonas Eklöv (M) vice ordförande "
            "Övriga närvarande Oskar Lind, nämndsekreterare Utses att justera Jonas Eklöv 2 "
            "TN § 12 Val av justerare Jonas Eklöv utses att justera protokollet."
        )
    )
    assert header.body == "tekniska nämnden"
    assert (header.start_time, header.end_time) == ("13:00", "15:30")
    assert header.location == "Kommunhuset, sal Ljungen"
    assert header.organization is None


def test_labels_printed_before_their_values_reading_example_b() -> None:
    header = parse_header(
        _one_line(
            "Plats och tid Närvarande ledamöter Tjänstgörande ersättare Sekreterare Folkets hus, "
            "kl 9.00 Ebba Sundin (s), ordf Karl Ytterberg (m) Pia Hedlund (s) Maja Forsgren"
        )
    )
    assert (header.location, header.start_time) == ("Folkets hus", "09:00")


@pytest.mark.parametrize(
    "text",
    [
        "Datum Tid Plats 2023-04-20 11:00 Styrelserummet",
        "Datum\tTid\tPlats\n2023-04-20\t11:00\tStyrelserummet",
        "Datum: 2023-04-20\nTid: 11:00\nPlats: Styrelserummet",
        "Datum 2023-04-20\nTid 11:00\nPlats Styrelserummet",  # the colons lost
    ],
)
def test_date_time_and_place_fields_in_any_layout(text: str) -> None:
    header = parse_header(_lines(text))
    assert (header.date, header.start_time, header.location) == (
        "2023-04-20",
        "11:00",
        "Styrelserummet",
    )


def test_a_markdown_title_names_the_organisation_and_its_date() -> None:
    header = parse_header(
        _lines("Styrelsemöte Föreningen Solrosen\n3 mars 2023\nKallade\n- Nils Åberg")
    )
    assert (header.organization, header.body, header.date) == (
        "Föreningen Solrosen",
        "styrelsen",
        "2023-03-03",
    )


@pytest.mark.parametrize(
    ("title", "organization", "body"),
    [
        (
            "Protokoll fört vid styrelsemöte för Ekbackens Byalag torsdagen den 26 februari 2015",
            "Ekbackens Byalag",
            "styrelsen",
        ),
        (
            "Protokoll fört vid sammanträde med församlingsrådet i Västby församling onsdagen "
            "den 30.10.2019 kl. 18.02",
            "Västby församling",
            "församlingsrådet",
        ),
        (
            "Protokoll fört vid Föreningen Solrosens årsmöte 2023-03-12",
            "Föreningen Solrosen",
            "årsmöte",
        ),
        ("Protokoll fört vid datorklubben Bitens höstmöte 2019", "datorklubben Biten", "höstmöte"),
        ("Föreningen Solrosen styrelsemöte 2023-03-03", "Föreningen Solrosen", "styrelsen"),
        (
            "PROTOKOLL KRETSÅRSMÖTE, FÖRENINGEN SOLROSEN, 2018-02-27",
            "FÖRENINGEN SOLROSEN",
            "kretsårsmöte",
        ),
        ("Mötesprotokoll Kodklubben\n19 November 2020", "Kodklubben", None),
        ("Kodklubben 20141114\nMötesprotokoll", "Kodklubben", None),
        (
            "Protokoll från förbundsstyrelsens sammanträde fredag 10 september 1999",
            None,
            "förbundsstyrelsen",
        ),
        ("Nämnden för folkhälsa och sjukvård 18-27", None, "nämnden för folkhälsa och sjukvård"),
        ("Möte med sektionens styrelse den 27- 28 januari 2007", None, "sektionens styrelse"),
        ("Konstituerande styrelsemöte 2018-05-07", None, "styrelsen"),
        (
            "Protokoll fört vid Föreningen Solrosens ordinarie kongress, 17 april 1999",
            "Föreningen Solrosen",
            "kongress",
        ),
        ("Underlag till styrelsemöte 1-2 mars 2007", None, "styrelsen"),  # no organisation
    ],
)
def test_the_title_names_the_organisation_and_the_body(
    title: str, organization: str | None, body: str | None
) -> None:
    header = parse_header(_lines(f"{title}\n\nNärvarande: Anna Berg, Olle Ek"))
    assert (header.organization, header.body) == (organization, body)


def test_the_municipality_named_in_the_header_is_the_organisation() -> None:
    header = parse_header(_lines("VÄSTBY KOMMUN\nSocialnämnden\nSAMMANTRÄDESPROTOKOLL\n2023-03-14"))
    assert (header.organization, header.body) == ("VÄSTBY KOMMUN", "socialnämnden")
    compound = parse_header(
        _lines("Protokoll\nOrgan Östmarks läns landstingsstyrelse\nDatum 2003-12-18")
    )
    assert (compound.organization, compound.body) == (
        "Östmarks läns landsting",
        "landstingsstyrelsen",
    )


def test_a_municipality_named_as_the_place_is_not_the_organisation() -> None:
    header = parse_header(
        _lines(
            "Protokoll från förbundsstyrelsens sammanträde fredag 10 september 1999, kl Hotell "
            "Havet, Västby kommun\nLedamöter Anna Berg (m), Västby"
        )
    )
    assert header.location == "Hotell Havet, Västby kommun"
    assert (header.organization, header.body) == (None, "förbundsstyrelsen")


def test_minutes_signed_for_the_organisation() -> None:
    header = parse_header(
        _lines(
            "Protokoll\n\nDatum: 2023-04-02\n\n§ 1 Mötets öppnande\n\nMötet öppnades.\n\n"
            "Vid protokollet\n\nAnna Berg\n\nFör Föreningen Solrosen\n\nOlle Ek, ordförande"
        )
    )
    assert header.organization == "Föreningen Solrosen"


@pytest.mark.parametrize(
    ("title", "location"),
    [
        (
            "Protokoll fört vid styrelsemöte torsdagen den 26 februari 2015 kl. 19.00 i Uppgården",
            "Uppgården",
        ),
        ("Protokoll fört vid styrelsemöte 2019-10-15 på biblioteket i Ås", "biblioteket i Ås"),
        ("Protokoll fört vid vårmöte, 28 februari 2019,\nQ24.", "Q24"),
        (
            "Protokoll fört vid styrelsemöte söndagen den 16 oktober 2022 kl 16.00 via Teams",
            "via Teams",
        ),
        ("Protokoll fört vid kongress, 17 april 1999 i Folkets hus.", "Folkets hus"),
        (
            "Plats: Konferenscenter, Badhotellet i Ås i samband med nämndens internat",
            "Konferenscenter, Badhotellet i Ås",
        ),
        (
            "Tid och plats Tisdagen den 21 januari 2014, klockan , i Skålrummet Beslutande Per",
            "Skålrummet",
        ),
        (
            "Plats och tid Ivern, tisdagen den 9 juni 2020 kl 08:30-12.15 Beslutande Ledamöter",
            "Ivern",
        ),
        ("Möte med styrelsen den 27- 28 januari 2007 Protokoll från 1-2 januari 2007", None),
        ("Styrelsemöte 2016-03-14\n\n1 Mötets öppnande", None),
    ],
)
def test_the_place_without_its_date_and_time(title: str, location: str | None) -> None:
    assert parse_header(_lines(title)).location == location


def test_a_label_inside_a_longer_heading_is_no_field() -> None:
    """ "Lokal och mat" is a task of the minutes, not the meeting's place."""
    header = parse_header(_lines("Styrelsemöte 2013-01-08\n\nAnsvar\nLokal och mat\nProgram"))
    assert header.location is None


ASSOCIATION_MINUTES = (
    "Protokoll fört vid ordinarie föreningsstämma i Bostadsrättsföreningen Eken 2023-05-23\n"
    "Tid: kl 19.00\nPlats: Föreningslokalen, Ekgatan 4\n"
    "§ 1 Stämmans öppnande\nOrdförande Anna Berg öppnade stämman kl. 19.05.\n"
    "§ 14 Stämmans avslutande\nOrdföranden tackade och förklarade stämman avslutad kl 20.40."
)


@pytest.mark.parametrize("layout", [_lines, _one_line], ids=["lines", "one line"])
def test_an_association_meeting_in_any_layout(layout: Any) -> None:
    header = parse_header(layout(ASSOCIATION_MINUTES))
    assert (header.organization, header.body) == ("Bostadsrättsföreningen Eken", "föreningsstämma")
    assert (header.date, header.start_time, header.end_time) == ("2023-05-23", "19:05", "20:40")
    assert header.location == "Föreningslokalen, Ekgatan 4"


def test_a_running_header_names_the_municipality() -> None:
    header = parse_header(
        _lines("SAMMANTRÄDESPROTOKOLL\nKommunstyrelsen\nSammanträdesdatum\n2023-03-14"),
        running_lines=["Västby kommun SAMMANTRÄDESPROTOKOLL"],
    )
    assert (header.organization, header.body, header.date) == (
        "Västby kommun",
        "kommunstyrelsen",
        "2023-03-14",
    )


@pytest.mark.parametrize(
    ("text", "remote"),
    [
        ("Protokoll fört vid digitalt styrelsemöte 2021-03-04", True),
        ("Styrelsemöte 2021-03-04\nPlats: Kansliet + Teams", True),
        ("Styrelsemöte 2021-03-04\nTid och plats: kl 18.00 via Zoom", True),
        (
            "Styrelsemöte 2021-03-04\nPlats: Kansliet\n\n" + "Text. " * 120 + "Teams-licens köps",
            False,
        ),
    ],
)
def test_a_meeting_held_remotely(text: str, remote: bool) -> None:
    assert parse_header(_lines(text)).remote is remote


@pytest.mark.parametrize("layout", [_lines, _one_line], ids=["lines", "one line"])
def test_the_header_does_not_depend_on_where_the_preamble_ends(layout: Any) -> None:
    """Nothing, part or all of the text before the first section: the same header."""
    lines = layout(MUNICIPAL_FIRST_PAGE + ASSOCIATION_MINUTES)
    text = "\n".join(line.text for line in lines)
    whole = parse_header(lines)
    assert whole.date == "2018-08-29"
    assert parse_header([], body_text=text) == whole
    assert parse_header(lines[:2], body_text="\n".join(line.text for line in lines[2:])) == whole
    assert parse_header([], document=lines) == whole

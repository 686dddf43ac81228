"""Items found as one numbering sequence, wherever they stand on a line. Invented examples, each
showing one convention of minutes."""

from __future__ import annotations

from pipeline.parse.outline import outline
from pipeline.parse.sections import segment_sections
from pipeline.records import Line


def sections(text: str) -> list[tuple[str, str]]:
    lines = [Line(t, 1, n) for n, t in enumerate(text.split("\n"), 1)]
    return [(s.number, s.title) for s in segment_sections(*outline(lines))]


def test_items_of_a_page_printed_on_one_line() -> None:
    text = (
        "1 PROTOKOLL Tekniska nämnden Plats och tid Kommunhuset, kl 13.00-15.30 Beslutande "
        "Stina Holmgren (S) ordförande Övriga närvarande Oskar Lind, nämndsekreterare Utses att "
        "justera Jonas Eklöv 2 TN § 12 Val av justerare Jonas Eklöv utses att justera "
        "protokollet. TN § 13 Budget 2024 Nämnden beslutar att godkänna budgeten."
    )
    assert sections(text) == [("12", "Val av justerare"), ("13", "Budget 2024")]


def test_lettered_sub_items_and_a_numbering_gap() -> None:
    text = (
        "2. Val av funktionärer\n\na. Ordförande för mötet\nMötet väljer Klara Nyström till "
        "mötesordförande.\n\nb. Sekreterare för mötet\nMötet väljer Arvid Sohlberg till "
        "mötessekreterare.\n\n3. Ekonomi\nKassören redovisade.\n5. Övriga frågor\nInga."
    )
    assert [number for number, _ in sections(text)] == ["2", "2.a", "2.b", "3", "5"]


def test_a_body_prefix_and_a_diary_number_over_the_title() -> None:
    lines = [
        Line(t, 1, n)
        for n, t in enumerate(
            [
                "BN § 17 Dnr 2021/88",
                "Skolskjuts för elever i Västby",
                "Nämnden beslutar att bevilja skolskjuts.",
                "BN § 18 Dnr 2021/90",
                "Delegationsbeslut",
            ],
            1,
        )
    ]
    found = segment_sections(*outline(lines))
    assert [(s.number, s.title, s.diary_number) for s in found] == [
        ("17", "Skolskjuts för elever i Västby", "2021/88"),
        ("18", "Delegationsbeslut", "2021/90"),
    ]


def test_no_blank_lines_and_colons_after_titles() -> None:
    text = (
        "Närvarande:\nSara Lind\nOlof Bäck\n§1: Sammanträdet öppnas:\nOrdföranden förklarade "
        "mötet öppnat.\n§2: Val av protokolljusterare:\nTill justerare valdes Olof Bäck."
    )
    assert sections(text) == [("1", "Sammanträdet öppnas:"), ("2", "Val av protokolljusterare:")]


def test_a_heading_glued_to_the_sentence_before_it() -> None:
    text = "§ 3 Dagordning Mötet beslutade att godkänna dagordningen.§ 4 Val av kassör"
    assert sections(text) == [("3", "Dagordning"), ("4", "Val av kassör")]


def test_numbers_inside_an_attendance_list_are_no_items() -> None:
    text = (
        "Övriga närvarande Per Lund, ekonom, § 56 Maria Lindell, enhetschef, §§ 57, 60 "
        "Anna Falk, inspektör, § 58\n§ 55 Val av justerare\nText.\n§ 56 Budget\nText."
    )
    assert sections(text) == [("55", "Val av justerare"), ("56", "Budget")]


def test_rules_quoted_with_paragraph_signs_after_marked_headings() -> None:
    lines = [
        Line("1 Öppnande av möte", 1, 1, heading=True),
        Line("Mötet öppnades.", 1, 2),
        Line("2 Stadgeändring", 1, 3, heading=True),
        Line("1 § Varje kommitté ska föra ett register över kommitténs medlemmar.", 1, 4),
        Line("2 § Kommitténs ordförande utses av styrelsen för ett år i taget.", 1, 5),
    ]
    _, headings = outline(lines)
    assert [(h.number, h.title) for h in headings] == [
        ("1", "Öppnande av möte"),
        ("2", "Stadgeändring"),
    ]


def test_a_table_of_contents_gives_the_items_when_their_text_is_absent() -> None:
    from pipeline.parse.contents import find_contents, listed_sections

    lines = [
        Line(
            "Ärendelista 12 Dnr KS 2020/31 Information om bredband... 3 13 Dnr KS 2020/44 "
            "Budget 2021... 5 Uppföljning av budget Valärende Valärende fyllnadsval",
            1,
            1,
        ),
        Line("Sida 2", 1, 2),
    ]
    assert outline(lines)[1] == []  # the list's numbers open no items
    listed = listed_sections(lines, find_contents(lines))
    assert [(s.number, s.title, s.diary_number, s.from_toc) for s in listed] == [
        ("12", "Information om bredband", "KS 2020/31", True),
        ("13", "Budget 2021", "KS 2020/44", True),
        ("", "Uppföljning av budget", None, True),
        ("", "Valärende", None, True),
        ("", "Valärende fyllnadsval", None, True),
    ]


def test_a_short_numbered_list_inside_an_item_is_no_agenda() -> None:
    text = (
        "Mötets öppnande\n\nOrdföranden Klara Nyström öppnade mötet.\n\nRevisorns berättelse\n\n"
        "Revisorn Lea Berg föreslår att bokföringen bör:\n\n1. Spara alla kvitton digitalt.\n\n"
        "2. Stämmas av varje månad.\n\nAnsvarsfrihet\n\nMötet beviljade den avgående styrelsen "
        "ansvarsfrihet för 2021."
    )
    assert [title for _, title in sections(text)] == [
        "Mötets öppnande",
        "Revisorns berättelse",
        "Ansvarsfrihet",
    ]


def test_marked_title_date_list_labels_and_signatures_open_no_item() -> None:
    lines = [
        Line("Mötesprotokoll Föreningen Solrosen", 1, 1, heading=True),
        Line("3 mars 2023", 1, 2, heading=True),
        Line("Kallade", 1, 3, heading=True),
        Line("Nils Åberg", 1, 4),
        Line("1 Mötets öppnande", 1, 5, heading=True),
        Line("Mötet öppnades.", 1, 6),
        Line("2 Rapporter", 1, 7, heading=True),
        Line("2.1 Sekreterare", 1, 8, heading=True),
        Line("Protokollen är skrivna.", 1, 9),
        Line("3 Signaturer", 1, 10, heading=True),
        Line("3.1 Sekreterare", 1, 11, heading=True),
    ]
    assert [(h.number, h.title) for h in outline(lines)[1]] == [
        ("1", "Mötets öppnande"),
        ("2", "Rapporter"),
        ("2.1", "Sekreterare"),
    ]


def test_numbered_paragraphs_of_an_item_are_no_sub_items() -> None:
    text = (
        "2 Val av mötesfunktionärer\n2.1 Anna Berg valdes till ordförande för årsmötet.\n"
        "3 Godkännande av kallelsen\n3.1 Årsmötet befanns vara behörigen utlyst.\n"
        "4 Fastställande av röstlängd\n4.1 Fullmakter\n4.2 Ombud från distrikten"
    )
    assert [number for number, _ in sections(text)] == ["2", "3", "4", "4.1", "4.2"]


def test_consecutive_numbers_in_running_text_beat_a_page_number() -> None:
    text = (
        "1 PROTOKOLL Fullmäktige Justerat den 7 december Anna Berg 287 Inledning Ordföranden "
        "förklarade sammanträdet öppnat. 288 Kungörelse och annonsering Kungörelsen anslogs. "
        "289 Justering Att justera protokollet utsågs Bo Ek.\n"
        "3 Anmälningsärenden 290 Anmälan av beslut Anmälan läggs till handlingarna."
    )
    assert [number for number, _ in sections(text)] == ["287", "288", "289", "290"]


def test_sub_items_of_a_page_on_one_line() -> None:
    text = (
        "Möte 2024-10-14 1 Öppnande av möte Mötet öppnades 17:45 2 Runda bordet 3 Formalia "
        "3.1 Styrelsens beslutbarhet Beslut bifalles 3.2 Val av protokolljusterare Beslut bifalles "
        "4 Mötets avslutande"
    )
    assert [number for number, _ in sections(text)] == ["1", "2", "3", "3.1", "3.2", "4"]


def test_a_list_that_numbers_every_item_one_on_one_line() -> None:
    text = (
        "Ordföranden öppnade stämman. 1. Val av ordförande för stämman. Eva Lund valdes. "
        "1. Val av sekreterare för stämman. Bo Ek valdes. 1. Val av två justerare Per Ek och "
        "Ola Holm valdes."
    )
    assert [title for _, title in sections(text)] == [
        "Val av ordförande för stämman",
        "Val av sekreterare för stämman",
        "Val av två justerare",
    ]

"""Pages printed as one line: unnumbered headings found by sentence case, and numbered items
and sub-items found inside running text. Invented examples, each showing one convention."""

from __future__ import annotations

from pipeline.parse.contents import find_contents
from pipeline.parse.decisions import find_decisions
from pipeline.parse.outline import outline
from pipeline.parse.sections import segment_sections
from pipeline.records import Line, Outcome


def sections(*pages: str) -> list[tuple[str, str]]:
    lines = [Line(text, page, 1) for page, text in enumerate(pages, 1)]
    return [(s.number, s.title) for s in segment_sections(*outline(lines))]


def test_unnumbered_headings_run_into_their_text() -> None:
    page = (
        "Styrelsemöte Vänersborgs schacksällskap 2021-03-04 Mötets öppnande Ordföranden "
        "förklarade mötet öppnat kl. 19.00. Val av justerare Klara Nyström Godkännande av "
        "dagordning Godkändes. Lokalfrågan Det beslutades att hyra klubbrummet ett år till. "
        "Nästa möte Styrelsen möts den 8 april hos kassören. Mötets avslutande Ordföranden "
        "tackade för visat intresse och avslutade mötet."
    )
    assert [title for _, title in sections(page)] == [
        "Mötets öppnande",
        "Val av justerare",
        "Godkännande av dagordning",
        "Lokalfrågan",
        "Nästa möte",
        "Mötets avslutande",
    ]


def test_sentences_names_and_lists_are_no_run_in_headings() -> None:
    page = (
        "Årsmöte Bjursåsens bygdegårdsförening 2019-05-02. Föreningen har haft kontakt med "
        "Region Dalarna om bidrag till taket. Förslag på nya stolar tas fram av Arvid Sohlberg "
        "till nästa möte. Kassören Anna Berg redovisade ekonomin, som är god. Följande "
        "arbetsgrupper bildades. Städning Trädgård Uthyrning Inga fler frågor togs upp och "
        "ordföranden tackade alla närvarande för ett gott arbete under året som gått."
    )
    assert sections(page) == []


def test_no_run_in_headings_where_lines_are_kept() -> None:
    """Short lines of a normal page are read as lines; the run-in reading is for joined pages."""
    assert sections("Mötets öppnande Ordföranden öppnade mötet.") == []


def test_numbered_items_after_words_commas_and_bullets() -> None:
    page = (
        "Vårmöte 1. Mötets öppnande Anna Berg förklarar mötet öppnat 2. Val av funktionärer "
        "a. Mötesordförande Mötet väljer Anna Berg b. Mötessekreterare Mötet väljer Per Ek, "
        "3. Fastställande av röstlängd Röstlängden fastställs till 12. • 4. Fastställande av "
        "föredragningslista Mötet beslutar att godkänna föredragningslistan 5. Övrigt Inget."
    )
    assert sections(page) == [
        ("1", "Mötets öppnande"),
        ("2", "Val av funktionärer"),
        ("2.a", "Mötesordförande"),
        ("2.b", "Mötessekreterare"),
        ("3", "Fastställande av röstlängd"),
        ("4", "Fastställande av föredragningslista"),
        ("5", "Övrigt"),
    ]


def test_numbered_sentences_under_an_item_are_its_text() -> None:
    page = (
        "• 3 Godkännande av kallelsen 3.1 Årsmötet befanns vara behörigen utlyst. • 4 "
        "Fastställande av röstlängd 4.1 Röstlängden fastställdes. • 5 Övriga frågor 5.1 Inga "
        "frågor anmäldes."
    )
    assert [number for number, _ in sections(page)] == ["3", "4", "5"]


def test_an_item_about_the_agenda_is_no_table_of_contents() -> None:
    page = [Line("5. Fastställande av föredragningslista 6. Budget 7. Val 8. Avslutning", 1, 1)]
    assert find_contents(page).entries == ()
    listed = [
        Line("Föredragningslista 1. Budget 2. Val av revisor 3. Avslutning", 1, 1),
        Line("", 1, 2),
    ]
    assert [e.title for e in find_contents(listed).entries] == [
        "Budget",
        "Val av revisor",
        "Avslutning",
    ]


def test_outline_levels_skipped_and_a_lost_first_sub_item() -> None:
    page = (
        "1 Rapporter 1.2 Kassör Kassan är god. 1.3 Ordförande Inget att rapportera. 2 Diskussion "
        "2.0.1 Stämma Planeringen börjar. 2.0.2 Lokal Vi ser över lokalen. 3 Avslutning Mötet "
        "avslutas."
    )
    assert [number for number, _ in sections(page)] == [
        "1", "1.2", "1.3", "2", "2.0.1", "2.0.2", "3",
    ]  # fmt: skip


def test_a_title_ends_at_its_colon_or_a_bullet() -> None:
    page = (
        "Styrelsemöte 1. Mötets öppnande Ordföranden öppnade mötet. 2. Val av funktionärer • "
        "Ordförande: Anna Berg • Sekreterare: Per Ek 3. Dagordningen: Dagordningen godkändes. "
        "4. Proposition: ny stadga Förslaget antogs. 5. Ansökan – Läxhjälp i Västby Ansökan "
        "beviljas."
    )
    assert [title for _, title in sections(page)] == [
        "Mötets öppnande",
        "Val av funktionärer",
        "Dagordningen:",
        "Proposition: ny stadga",
        "Ansökan – Läxhjälp i Västby",
    ]


def test_decision_parts_run_into_the_text() -> None:
    def outcomes(text: str) -> list[Outcome]:
        return [d.outcome for d in find_decisions([(Line(text, 1, 1),)], 2024, "Budget")]

    numbered = "Kassören presenterade budgeten. 3.1.1 Beslut Förslaget bifalles"
    assert outcomes(numbered) == [Outcome.APPROVED]
    run_in = "Inga förslag fanns innan mötet Beslut Styrelsen avslår ansökan"
    assert outcomes(run_in) == [Outcome.REJECTED]
    noun = "Kassören presenterade budgeten. Beslut om budget tas på nästa möte."
    assert outcomes(noun) != [Outcome.APPROVED]

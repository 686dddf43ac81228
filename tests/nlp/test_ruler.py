"""The rule component: pattern entities, attendees, gazetteer bodies and the name post-check."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from pipeline.nlp import features, ruler
from pipeline.nlp.gazetteers import Gazetteers
from pipeline.nlp.ruler import PEOPLE_KEY, phrase_patterns


@pytest.fixture(scope="module")
def nlp() -> Language:
    """A blank Swedish pipeline with the two protokoll components and small word lists."""
    nlp = spacy.blank("sv")
    names = nlp.add_pipe(features.FACTORY)
    names.lists = {
        "given_names": ["Anna", "Ola"],
        "surnames": ["Andersson", "Lund"],
        "places": ["Lund"],
    }
    names.initialize()
    gazetteers = Gazetteers(
        org_phrases={"Försäkringskassan", "Region Sörmland"},
        loc_phrases={"Sörmland", "Eskilstuna", "Vara"},
    )
    nlp.add_pipe(ruler.FACTORY).set_phrases(phrase_patterns(gazetteers))
    return nlp


def entities(nlp: Language, text: str, people: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    doc = nlp.make_doc(text)
    doc.user_data[PEOPLE_KEY] = people
    return [(e.label_, e.text) for e in nlp(doc).ents]


def test_money_dates_times_references_and_diarienummer(nlp: Language) -> None:
    text = (
        "Beslut 2020-03-25 kl. 13.00 - 16.00: 500.000 kronor och 25 tkr enligt § 13, "
        "Dnr KS 2019/123."
    )
    assert entities(nlp, text) == [
        ("DATE", "2020-03-25"),
        ("TIME", "kl. 13.00 - 16.00"),
        ("MONEY", "500.000 kronor"),
        ("MONEY", "25 tkr"),
        ("SECTION_REF", "§ 13"),
        ("DNR", "KS 2019/123"),
    ]


def test_attendees_by_full_name_surname_given_name_and_initial(nlp: Language) -> None:
    people = ("Ola Wiktorson", "Charlotta Skålén", "Charlotta Skälén", "Mats Karlsson")
    text = "Ola W presenterade. Wiktorson och Charlotta skriver; Ola tackade Mats Karlsson."
    assert entities(nlp, text, people) == [
        ("PER", "Ola W"),
        ("PER", "Wiktorson"),
        ("PER", "Charlotta"),
        ("PER", "Ola"),
        ("PER", "Mats Karlsson"),
    ]


def test_attendee_overrides_the_model(nlp: Language) -> None:
    doc = nlp.make_doc("Mötet leddes av Mats Karlsson idag.")
    doc.ents = [Span(doc, 3, 4, label="ORG")]  # as if the model had tagged "Mats" ORG
    doc.user_data[PEOPLE_KEY] = ("Mats Karlsson",)
    assert [(e.label_, e.text) for e in nlp.get_pipe("protokoll_minutes_ruler_v1")(doc).ents] == [
        ("PER", "Mats Karlsson")
    ]


def test_a_body_overrides_the_shorter_place_the_model_found(nlp: Language) -> None:
    doc = nlp.make_doc("Region Sörmland och Försäkringskassans handläggare.")
    doc.ents = [Span(doc, 1, 2, label="LOC")]  # "Sörmland"
    found = nlp.get_pipe("protokoll_minutes_ruler_v1")(doc)
    assert [(e.label_, e.text) for e in found.ents] == [
        ("ORG", "Region Sörmland"),
        ("ORG", "Försäkringskassans"),
    ]


def test_places_fill_gaps_but_ambiguous_words_do_not(nlp: Language) -> None:
    assert entities(nlp, "Vara kan vi i Eskilstuna.") == [("LOC", "Eskilstuna")]


def test_given_name_and_sentence_initial_surname_post_check(nlp: Language) -> None:
    text = "Andersson föreslår att Anna Berglund leder. Lund har ett möte."
    assert entities(nlp, text) == [("PER", "Andersson"), ("PER", "Anna Berglund")]


def test_post_check_never_overrides_the_model(nlp: Language) -> None:
    doc: Doc = nlp.make_doc("Anna Lindh Center öppnar.")
    doc.ents = [Span(doc, 0, 3, label="ORG")]
    found = nlp.get_pipe("protokoll_minutes_ruler_v1")(doc)
    assert [(e.label_, e.text) for e in found.ents] == [("ORG", "Anna Lindh Center")]


def test_header_and_role_words_and_markup_are_not_the_model_s_names(nlp: Language) -> None:
    doc = nlp.make_doc("Datum: idag\n## Rapporter\nOrdföranden tackade Tekla Siesjö och SKR.")
    doc.ents = [
        Span(doc, 0, 1, label="PER"),  # "Datum", a header label
        Span(doc, 4, 7, label="PER"),  # "## Rapporter", a Markdown heading
        Span(doc, 8, 9, label="PER"),  # "Ordföranden", a role
        Span(doc, 10, 12, label="PER"),
        Span(doc, 13, 14, label="ORG"),
    ]
    found = nlp.get_pipe("protokoll_minutes_ruler_v1")(doc)
    assert [(e.label_, e.text) for e in found.ents] == [("PER", "Tekla Siesjö"), ("ORG", "SKR")]


def test_a_model_name_ends_at_a_blank_line_and_at_its_last_capitalised_word(
    nlp: Language,
) -> None:
    doc = nlp.make_doc("Program:\n\nNicolas Lara\n\nMarknadsföring\nTome förbereder.")
    doc.ents = [Span(doc, 3, 7, label="PER"), Span(doc, 8, 10, label="PER")]
    found = nlp.get_pipe("protokoll_minutes_ruler_v1")(doc)
    assert [(e.label_, e.text) for e in found.ents] == [("PER", "Nicolas Lara"), ("PER", "Tome")]


def test_one_word_bodies_by_their_head_word_fill_gaps(nlp: Language) -> None:
    text = "Socialnämnden och Styrelsen remitterar till Riksidrottsförbundets kansli."
    assert entities(nlp, text) == [("ORG", "Socialnämnden"), ("ORG", "Riksidrottsförbundets")]
    doc = nlp.make_doc("Kommunstyrelsen beslutar.")
    doc.ents = [Span(doc, 0, 1, label="PER")]  # the model's reading stands
    found = nlp.get_pipe("protokoll_minutes_ruler_v1")(doc)
    assert [(e.label_, e.text) for e in found.ents] == [("PER", "Kommunstyrelsen")]


def test_components_survive_to_disk_and_back(nlp: Language, tmp_path: Path) -> None:
    directory = tmp_path / "pipeline"
    nlp.to_disk(directory)
    again = spacy.load(directory)
    doc = again.make_doc("Region Sörmland och Anna Berglund, 60 000.")
    assert [(e.label_, e.text) for e in again(doc).ents] == [
        ("ORG", "Region Sörmland"),
        ("PER", "Anna Berglund"),
        ("MONEY", "60 000"),
    ]


def test_an_attendee_known_by_given_name_widens_to_the_full_name(nlp: Language) -> None:
    assert entities(nlp, "Anna Siesjö har äskat 1200kr.", ("Anna",)) == [
        ("PER", "Anna Siesjö"),
        ("MONEY", "1200kr"),
    ]


def test_time_spans_need_kl_or_a_colon(nlp: Language) -> None:
    assert entities(nlp, "Möten 20:00 - 21:00 den 30-31 maj.") == [
        ("TIME", "20:00 - 21:00"),
        ("DATE", "30-31 maj"),  # days, not hours
    ]


def test_dates_without_a_year(nlp: Language) -> None:
    text = "Nästa möte 4 april, konferens 20-21 maj 2023 och fest den 21:e maj; 5 st mars."
    assert entities(nlp, text) == [
        ("DATE", "4 april"),
        ("DATE", "20-21 maj 2023"),
        ("DATE", "21:e maj"),
    ]


def test_header_words_and_generic_body_nouns_are_no_entity_of_any_label(nlp: Language) -> None:
    doc = nlp.make_doc("Sekreterare\nMötets ordförande och Föreningens kassör i Göteborg")
    doc.ents = [
        Span(doc, 0, 1, label="ORG"),  # "Sekreterare", a role label
        Span(doc, 2, 3, label="ORG"),  # "Mötets", a header word's genitive
        Span(doc, 5, 6, label="ORG"),  # "Föreningens": the association, not its name
        Span(doc, 8, 9, label="LOC"),
    ]
    found = nlp.get_pipe("protokoll_minutes_ruler_v1")(doc)
    assert [(e.label_, e.text) for e in found.ents] == [("LOC", "Göteborg")]

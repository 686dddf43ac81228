"""Search offline with Swedish letters and word forms, on the known database."""

from __future__ import annotations

import duckdb
import pytest

from pipeline.analysis.search import EmptyQuery, search
from pipeline.analysis.terms import fold, query_terms, stem, term_pattern, text_pattern
from tests.analysis.conftest import AU, STYRELSEN

ALL_APPLICATIONS = [
    ("2019-02-10", STYRELSEN, "2"),
    ("2019-03-01", AU, "1"),
    ("2019-06-12", STYRELSEN, "4"),
    ("2019-06-12", STYRELSEN, "5"),
    ("2019-11-20", STYRELSEN, "6"),
    ("2020-03-04", STYRELSEN, "2"),
    ("2020-03-04", AU, "1"),
    ("2020-09-09", STYRELSEN, "4"),
]


def _found(con: duckdb.DuckDBPyConnection, text: str) -> list[tuple[str, str, str]]:
    frame = search(con, text)
    return [(str(r.date)[:10], r.body, r.section) for r in frame.itertuples()]


@pytest.mark.parametrize("word", ["ansökan", "ansökningar", "ansökningen", "ANSOKNINGARNA"])
def test_word_forms_of_ansokan_find_each_other(
    reader: duckdb.DuckDBPyConnection, word: str
) -> None:
    assert sorted(_found(reader, word)) == sorted(ALL_APPLICATIONS)


def test_folded_letters_and_names(reader: duckdb.DuckDBPyConnection) -> None:
    assert _found(reader, "Skålén") == [("2019-02-10", STYRELSEN, "1")]
    assert _found(reader, "skalen") == [("2019-02-10", STYRELSEN, "1")]
    assert _found(reader, "glantan") == [("2019-06-12", STYRELSEN, "5")]


def test_words_that_begin_with_a_swedish_letter(reader: duckdb.DuckDBPyConnection) -> None:
    # RE2's \b knows only ASCII letters: "återremitteras" must still start a word
    assert _found(reader, "återremittera") == [("2020-09-09", STYRELSEN, "4")]
    assert _found(reader, "ARENDET") == [("2020-09-09", STYRELSEN, "4")]
    assert _found(reader, "remitteras") == []  # inside a word, not at its start


def test_every_word_must_occur(reader: duckdb.DuckDBPyConnection) -> None:
    assert _found(reader, "ansökan beviljas") == [
        ("2019-02-10", STYRELSEN, "2"),
        ("2019-03-01", AU, "1"),  # "beviljar"
        ("2019-06-12", STYRELSEN, "5"),
        ("2020-03-04", STYRELSEN, "2"),
    ]


def test_short_stems_find_their_word_forms_only(reader: duckdb.DuckDBPyConnection) -> None:
    # "mötet" finds "Mötets" and "mötet", not "motion"
    frame = search(reader, "mötet")
    assert [(r.section, r.hits) for r in frame.itertuples()] == [("1", 2)]


def test_results_carry_meeting_date_page_and_snippet(reader: duckdb.DuckDBPyConnection) -> None:
    frame = search(reader, "rapport", body="styr")
    assert len(frame) == 1
    row = frame.iloc[0]
    assert (row["title"], row["page"], row["path"]) == ("Ekonomisk rapport", 2, "archive/s1.pdf")
    assert row["snippet"] == "Ekonomisk rapport: Utfall 1 200 000 kr. Beslut: Rapporten godkänns."
    assert len(row["meeting_id"]) == 64


def test_nothing_to_search_is_an_error(reader: duckdb.DuckDBPyConnection) -> None:
    with pytest.raises(EmptyQuery):
        search(reader, "– ?")


def test_terms() -> None:
    assert fold("Ålänningarnas Öde É") == "alanningarnas ode e"
    assert len(fold("Skålén")) == len("Skålén")
    assert [stem(w) for w in ("ansokan", "ansokningar", "ansokningen", "plan", "beslutet")] == [
        "ansok",
        "ansok",
        "ansok",
        "plan",
        "beslut",
    ]
    assert query_terms("Finsam-medel för ansökningar, Finsam") == [
        "finsam",
        "medel",
        "for",
        "ansok",
    ]
    assert term_pattern("ansok") == r"\bansok"
    assert term_pattern("mot").startswith(r"\bmot(?:")
    assert text_pattern("ansok").startswith(r"(?:^|[^\pL\pN])[aàáâãäå")

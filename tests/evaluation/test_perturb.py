"""Layout perturbations change only the layout: the words and their order within a cell stay."""

from __future__ import annotations

from pipeline.evaluation.perturb import (
    drop_blank_lines,
    join_lines,
    labels_first,
    no_colons_or_tabs,
    perturbations,
)
from pipeline.records import CleanText, Line

TEXT = CleanText(
    (),
    tuple(
        Line(text, page, number)
        for page, number, text in [
            (1, 1, "Protokoll"),
            (1, 2, "Plats och tid: Folkets hus, kl 13:00"),
            (1, 3, "Närvarande:\tEbba Sundin (S)"),
            (1, 4, "Sekreterare: Maja Forsgren"),
            (1, 5, ""),
            (1, 6, "§ 1 Mötets öppnande"),
            (2, 1, "§ 2 Val av justerare"),
        ]
    ),
)


def texts(text: CleanText) -> list[str]:
    return [line.text for line in text.lines]


def test_join_lines_prints_each_page_on_one_line() -> None:
    joined = [t for t in texts(join_lines(TEXT)) if t]
    assert joined == [
        "Protokoll Plats och tid: Folkets hus, kl 13:00 Närvarande:\tEbba Sundin (S) "
        "Sekreterare: Maja Forsgren § 1 Mötets öppnande",
        "§ 2 Val av justerare",
    ]


def test_blank_lines_colons_and_tabs_go() -> None:
    assert "" not in texts(drop_blank_lines(TEXT))
    plain = texts(no_colons_or_tabs(TEXT))
    assert plain[1:4] == [
        "Plats och tid Folkets hus, kl 13:00",
        "Närvarande Ebba Sundin (S)",
        "Sekreterare Maja Forsgren",
    ]


def test_labels_come_before_all_values() -> None:
    assert texts(labels_first(TEXT))[1] == (
        "Plats och tid Närvarande Sekreterare Folkets hus, kl 13:00 Ebba Sundin (S) Maja Forsgren"
    )


def test_all_names_every_perturbation() -> None:
    assert len(perturbations(["all"])) == 4
    assert list(perturbations(["join-lines"])) == ["join-lines"]

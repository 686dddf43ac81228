"""Segment the body of minutes into numbered sections (§) with their titles and paragraphs,
from the headings the outline found (parse.outline)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.names import fold
from pipeline.parse.heading_lines import Heading
from pipeline.parse.lines import Paragraph, RawSection, paragraphs
from pipeline.records import Line

DIARY_NUMBER = re.compile(
    r"\b(?:Dnr|Diarienr|Diarienummer)\.?\s*:?\s*(?P<dnr>[A-ZÅÄÖ]{0,6}\s?\d{2,4}[/.:-]\d{1,5}(?:[/.:-]\d+)*)",
)


def segment_sections(lines: Sequence[Line], headings: Sequence[Heading]) -> list[RawSection]:
    """Sections from each heading to the next; `lines` ends where the signatures begin."""
    sections = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        body = paragraphs(lines[heading.index + 1 : end])
        title, diary_number = _split_diary_number(heading.title)
        if not title and body:  # "§ 4" or "BN § 17 Dnr 2021/88" on its line: the title is below
            title_line, *rest = body[0]
            title, below = _split_diary_number(title_line.text.strip())
            diary_number = diary_number or below
            body = [tuple(rest), *body[1:]] if rest else body[1:]
        if diary_number is None and body:
            diary_number = _leading_diary_number(body)
            if diary_number is not None:
                body = body[1:] if len(body[0]) == 1 else [body[0][1:], *body[1:]]
        sections.append(
            RawSection(
                heading.number,
                title,
                lines[heading.index].page,
                tuple(p for p in body if p),
                diary_number,
            )
        )
    return sections


def _split_diary_number(title: str) -> tuple[str, str | None]:
    match = DIARY_NUMBER.search(title)
    if match is None:
        return title, None
    cleaned = (title[: match.start()] + title[match.end() :]).strip(" ,;()-–")
    return cleaned, match["dnr"].strip()


def _leading_diary_number(body: Sequence[Paragraph]) -> str | None:
    """ "Dnr KS 2019/123" on the line right under the heading."""
    first = body[0][0].text.strip()
    match = DIARY_NUMBER.match(first)
    return match["dnr"].strip() if match and len(first) < 60 else None


def drop_stray_names(section: RawSection, names: Sequence[str]) -> RawSection:
    """Remove lines that hold nothing but a participant's name inside a section's prose.

    Page furniture (a name printed in the margin or footer of every page, a signature box)
    lands in the text flow as a one-line paragraph between two paragraphs of prose; a real
    list of names has several lines, and an election's answer ("Lars Nyqvist") stands alone.
    """
    keys = {fold(name) for name in names}
    last = len(section.paragraphs) - 1
    kept = tuple(
        p
        for i, p in enumerate(section.paragraphs)
        if not (0 < i < last and len(p) == 1 and fold(p[0].text) in keys)
    )
    if len(kept) == len(section.paragraphs):
        return section
    return replace(section, paragraphs=kept)

"""Segment the body of minutes into numbered sections (§) with their titles and paragraphs."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.names import fold
from pipeline.parse.lines import Paragraph, paragraph_text, paragraphs
from pipeline.records import Line

HEADING = re.compile(r"^§\s*(?P<number>\d{1,4}[a-z]?)\s*[.:]?(?:\s+(?P<title>.*))?$")


@dataclass(frozen=True)
class RawSection:
    """A section as found in the text, before decisions and amounts are read from it."""

    number: str
    title: str
    page: int
    paragraphs: tuple[Paragraph, ...]

    @property
    def text(self) -> str:
        return "\n\n".join(paragraph_text(p) for p in self.paragraphs)


def heading_indexes(lines: Sequence[Line]) -> list[int]:
    """Indexes of lines that open a section.

    A "§ N" line opens a section when it starts a paragraph, or when N follows the previous
    section's number and a capitalised title follows: a wrapped reference ("... med anledning
    av\\n§ 13.") does neither.
    """
    found: list[int] = []
    previous_number: int | None = None
    for index, line in enumerate(lines):
        match = HEADING.match(line.text.strip())
        if not match:
            continue
        number = int(re.sub(r"\D", "", match["number"]))
        title = match["title"] or ""
        starts_paragraph = index == 0 or not lines[index - 1].text.strip()
        follows = previous_number is not None and number == previous_number + 1
        capitalised = title[:1].isupper() or not title
        if (starts_paragraph and capitalised) or (follows and title[:1].isupper()):
            found.append(index)
            previous_number = number
    return found


def segment_sections(lines: Sequence[Line], starts: Sequence[int]) -> list[RawSection]:
    """Sections from each heading to the next; `lines` ends where the signatures begin."""
    sections = []
    for position, start in enumerate(starts):
        end = starts[position + 1] if position + 1 < len(starts) else len(lines)
        match = HEADING.match(lines[start].text.strip())
        assert match is not None
        body = paragraphs(lines[start + 1 : end])
        title = (match["title"] or "").strip()
        if not title and body:  # "§ 4" alone on its line: the title is the next line
            title_line, *rest = body[0]
            title = title_line.text.strip()
            body = [tuple(rest), *body[1:]] if rest else body[1:]
        sections.append(
            RawSection(match["number"], title, lines[start].page, tuple(p for p in body if p))
        )
    return sections


def drop_stray_names(section: RawSection, names: Sequence[str]) -> RawSection:
    """Remove lines that hold nothing but a participant's name inside a section's prose.

    Page furniture (a name printed in the margin or footer of every page, a signature box)
    lands in the text flow as a one-line paragraph; a real list of names has several lines.
    """
    keys = {fold(name) for name in names}
    kept = tuple(p for p in section.paragraphs if not (len(p) == 1 and fold(p[0].text) in keys))
    if len(kept) == len(section.paragraphs):
        return section
    return RawSection(section.number, section.title, section.page, kept)

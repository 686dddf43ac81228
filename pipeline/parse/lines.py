"""Paragraphs and labelled fields: the shapes the parser finds in lines of cleaned text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.records import Line

Paragraph = tuple[Line, ...]

LABEL = re.compile(r"^(?P<label>[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ .-]{1,40}?)\s*:\s*(?P<value>.*)$")


@dataclass(frozen=True)
class RawSection:
    """A section as found in the text, before decisions and amounts are read from it."""

    number: str
    title: str
    page: int
    paragraphs: tuple[Paragraph, ...]
    diary_number: str | None = None
    from_toc: bool = False  # known only from a table of contents: no text, no decisions

    @property
    def text(self) -> str:
        return "\n\n".join(paragraph_text(p) for p in self.paragraphs)


def paragraphs(lines: Sequence[Line]) -> list[Paragraph]:
    """Split at blank lines; a paragraph keeps its lines and so their pages."""
    out: list[Paragraph] = []
    current: list[Line] = []
    for line in lines:
        if line.text.strip():
            current.append(line)
        elif current:
            out.append(tuple(current))
            current = []
    if current:
        out.append(tuple(current))
    return out


def paragraph_text(paragraph: Paragraph) -> str:
    return " ".join(line.text.strip() for line in paragraph)


def split_label(text: str) -> tuple[str, str] | None:
    """("närvarande", "Anna, Bo") from "Närvarande: Anna, Bo" or a table row "Närvarande\tAnna"."""
    if "\t" in text:
        label, _, value = text.partition("\t")
        return label.strip().rstrip(":").casefold(), value.strip()
    match = LABEL.match(text)
    if match is None:
        return None
    return match["label"].casefold().strip(), match["value"].strip()

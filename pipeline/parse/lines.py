"""Paragraphs and labelled fields: the shapes the parser finds in lines of cleaned text."""

from __future__ import annotations

import re
from collections.abc import Container, Sequence
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


@dataclass(frozen=True)
class Field:
    """A "Label: value" entry of a header, its value running on until a blank line or label."""

    label: str  # casefolded
    lines: tuple[str, ...]  # the value as written, line by line
    page: int

    @property
    def value(self) -> str:
        return " ".join(self.lines).strip()


def split_label(text: str) -> tuple[str, str] | None:
    """("närvarande", "Anna, Bo") from "Närvarande: Anna, Bo" or a table row "Närvarande\tAnna"."""
    if "\t" in text:
        label, _, value = text.partition("\t")
        return label.strip().rstrip(":").casefold(), value.strip()
    match = LABEL.match(text)
    if match is None:
        return None
    return match["label"].casefold().strip(), match["value"].strip()


def labelled_fields(lines: Sequence[Line], known: Container[str]) -> list[Field]:
    """Fields whose label is in `known`; a known label alone on a line takes the next lines.

    A field ends at a blank line (once it has a value), at another known label, or at a line
    that is itself some other "Label: value".
    """
    fields: list[Field] = []
    label: str | None = None
    values: list[str] = []
    page = 0

    def close() -> None:
        nonlocal label, values
        if label is not None:
            fields.append(Field(label, tuple(v for v in values if v), page))
        label, values = None, []

    for line in lines:
        text = line.text.strip()
        split = split_label(text)
        candidate = split[0] if split else text.casefold().rstrip(":").strip()
        in_table = label is not None and "\t" in text and all("\t" in v for v in values)
        if in_table:  # a row of the open field's table, even when its first cell is "Ordförande"
            values.append(text)
        elif candidate in known:
            close()
            label, page = candidate, line.page
            values = [split[1]] if split and split[1] else []
        elif not text:
            if values:
                close()
        elif split and ":" in text and not any(ch.isdigit() for ch in split[0]):
            close()
        elif label is not None:
            values.append(text)
    close()
    return fields

"""Paragraphs and labelled fields: the shapes the parser finds in lines of cleaned text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.records import Line

Paragraph = tuple[Line, ...]

LABEL = re.compile(r"^(?P<label>[A-ZÅÄÖa-zåäö][\wåäöÅÄÖ .-]{1,40}?)\s*:\s*(?P<value>.*)$")


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
    value: str
    page: int


def labelled_fields(lines: Sequence[Line], known: set[str]) -> list[Field]:
    """Fields whose label is one of `known`; a known label alone on a line takes the next lines.

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
            fields.append(Field(label, " ".join(values).strip(), page))
        label, values = None, []

    for line in lines:
        text = line.text.strip()
        match = LABEL.match(text)
        candidate = match["label"].casefold().strip() if match else text.casefold().rstrip(":")
        if candidate in known:
            close()
            label, page = candidate, line.page
            values = [match["value"]] if match and match["value"] else []
        elif not text:
            if values:
                close()
        elif match and not any(ch.isdigit() for ch in match["label"]):
            close()
        elif label is not None:
            values.append(text)
    close()
    return fields

"""The fields of a header read from running text, whatever its lines: a known label anywhere,
with or without its colon, and its value up to the next label or the end of its line. A
flattened two-column table prints its labels before their values ("Plats och tid Beslutande
Sessionssalen, kl 14.00-16.50 …"): the labels of such a run share the values that follow it."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipeline.vocabulary.header import (
    BODY_LABELS,
    DATE_LABELS,
    OTHER_FIELD_LABELS,
    PLACE_LABELS,
    TIME_AND_PLACE_LABELS,
)
from pipeline.vocabulary.meeting import ATTENDANCE_LABELS, ROLE_LABELS, SIGNATURE_MARKERS

TIME_LABELS = frozenset(DATE_LABELS | TIME_AND_PLACE_LABELS | {"datum för sammanträdet"})
WHERE_LABELS = frozenset(PLACE_LABELS | TIME_AND_PLACE_LABELS)
FIELD_VALUE_MAX_CHARS = 160  # a header value is a line of a table cell, never a paragraph


@dataclass(frozen=True)
class HeaderField:
    """A label and its value; `run` is every label of a flattened row printed before its
    values, in order (just this one when the value follows its own label)."""

    label: str  # casefolded
    value: str
    start: int  # where the value starts in the text
    run: tuple[str, ...]


@functools.cache
def _label_pattern() -> re.Pattern[str]:
    labels = {
        *ATTENDANCE_LABELS,
        *ROLE_LABELS,
        *SIGNATURE_MARKERS,
        *DATE_LABELS,
        *PLACE_LABELS,
        *BODY_LABELS,
        *TIME_AND_PLACE_LABELS,
        *OTHER_FIELD_LABELS,
    }
    words = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(labels, key=len)[::-1])
    return re.compile(rf"(?<![\w/-])(?P<label>{words})(?![\w/-])\s*(?P<colon>[:\t])?", re.I)


def is_label_at(text: str, match: re.Match[str]) -> bool:
    """A label is written as one: capitalised, or with its colon or tab, or opening a line."""
    before = text[: match.start()].rstrip(" ")
    return match["label"][0].isupper() or bool(match["colon"]) or not before or before[-1] == "\n"


# "Lokal och mat: Frej", "Lokal och mat": words between a label and a colon, or a label joined
# to the next word, make a longer label of their own.
LONGER_LABEL = re.compile(r"[ \t]*(?:[A-Za-zÅÄÖåäö][\wåäö ]{0,30}:(?!\d)|(?:och|samt|&)\s)")


def label_matches(text: str) -> list[re.Match[str]]:
    pattern = _label_pattern()
    return [
        m
        for m in pattern.finditer(text)
        if is_label_at(text, m) and (m["colon"] or not LONGER_LABEL.match(text, m.end()))
    ]


def header_fields(text: str) -> list[HeaderField]:
    """Every labelled field of `text`, in order."""
    matches = label_matches(text)
    fields: list[HeaderField] = []
    index = 0
    while index < len(matches):
        run = [matches[index]]
        # labels printed one after another, nothing but space between them: a label column
        while index + len(run) < len(matches) and not text[
            run[-1].end() : matches[index + len(run)].start()
        ].strip(" \t:\n"):
            run.append(matches[index + len(run)])
        start = run[-1].end()
        following = matches[index + len(run)].start() if index + len(run) < len(matches) else None
        value, value_start = _value(text, start, following)
        names = tuple(_key(m["label"]) for m in run)
        fields += [HeaderField(name, value, value_start, names) for name in names]
        index += len(run)
    return fields


def _value(text: str, start: int, next_label: int | None) -> tuple[str, int]:
    """The value after a label: from its first character to the end of that line, the next
    label or FIELD_VALUE_MAX_CHARS."""
    rest = text[start : start + FIELD_VALUE_MAX_CHARS]
    if next_label is not None:
        rest = rest[: max(0, next_label - start)]
    stripped = rest.lstrip(" \t:\n")
    offset = start + len(rest) - len(stripped)
    return stripped.split("\n", 1)[0].replace("\t", " ").rstrip(" ,;"), offset


def _key(label: str) -> str:
    return " ".join(label.casefold().split())

"""Named entities found by rule: money, dates, times, § references and the meeting's people."""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.nlp.amounts import find_amount_spans
from pipeline.nlp.dates import DATE_MENTIONS, TIME_RANGE
from pipeline.nlp.references import REFERENCE
from pipeline.records import Entity


def find_entities(text: str, section: str | None, people: Iterable[str]) -> list[Entity]:
    """Entities in one section's text, offsets relative to that text, sorted, not overlapping."""
    found: list[Entity] = []
    for start, end, _ in find_amount_spans(text):
        found.append(Entity("MONEY", text[start:end], section, start, end))
    for pattern in DATE_MENTIONS:
        found += _matches(pattern, "DATE", text, section)
    found += _matches(TIME_RANGE, "TIME", text, section, require="kl")
    found += _matches(REFERENCE, "SECTION_REF", text, section)
    names = sorted({n for n in people if n}, key=len, reverse=True)
    if names:
        alternation = "|".join(re.escape(n) for n in names)
        found += _matches(re.compile(rf"\b(?:{alternation})\b"), "PER", text, section)
    return _without_overlaps(found)


def _matches(
    pattern: re.Pattern[str], label: str, text: str, section: str | None, require: str = ""
) -> list[Entity]:
    return [
        Entity(label, m.group(0), section, m.start(), m.end())
        for m in pattern.finditer(text)
        if require in m.group(0)
    ]


def _without_overlaps(entities: list[Entity]) -> list[Entity]:
    """Keep the longest of overlapping spans, then order by position."""
    kept: list[Entity] = []
    for entity in sorted(entities, key=lambda e: (e.start - e.end, e.start)):
        if all(entity.end <= k.start or entity.start >= k.end for k in kept):
            kept.append(entity)
    return sorted(kept, key=lambda e: e.start)

"""When the minutes were adjusted (justering) and posted on the notice board (anslag): the
appeal window of every decision opens on the day of posting."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.nlp.dates import parse_date
from pipeline.records import Line, Notice
from pipeline.vocabulary.notices import LABEL_TO_DATE_CHARS, NOTICE_LABELS


def read_notice(lines: Sequence[Line]) -> Notice | None:
    """The justering and anslag dates the document writes after their labels, None if none."""
    text = "\n".join(line.text for line in lines)
    found: dict[str, str | None] = {}
    for field, label in NOTICE_LABELS.items():
        for match in label.finditer(text):
            date = parse_date(text[match.end() : match.end() + LABEL_TO_DATE_CHARS])
            if date:
                found[field] = date
                break
    return Notice(**found) if found else None

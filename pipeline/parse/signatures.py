"""The signature block: "Vid protokollet" and "Justeras", each name with its title below it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.names import looks_like_name
from pipeline.parse.vocabulary import AFFILIATION_MARKERS, SIGNATURE_MARKERS
from pipeline.records import Line, Role, Signatory

SIGNATURE_LINE = re.compile(r"^[_.\-\s]{4,}$")  # the ruled line a signature is written on


def marker_role(text: str) -> Role | None:
    """The role of the names below a line such as "Vid protokollet:" or "Justeras"."""
    return SIGNATURE_MARKERS.get(text.strip().rstrip(":").strip().casefold())


def find_signature_start(lines: Sequence[Line], start: int) -> int:
    """Index of the first signature marker at or after `start`, or len(lines) if none."""
    for index in range(start, len(lines)):
        if marker_role(lines[index].text) is not None:
            return index
    return len(lines)


def parse_signatures(lines: Sequence[Line]) -> list[Signatory]:
    signatories: list[Signatory] = []
    role: Role | None = None
    below_name = False  # the line right under a name is its title or affiliation
    for line in lines:
        text = line.text.strip()
        if not text or SIGNATURE_LINE.match(text):
            continue
        marked = marker_role(text)
        if marked is not None:
            role, below_name = marked, False
            continue
        if role is None:
            continue
        if below_name and AFFILIATION_MARKERS.search(text):
            last = signatories[-1]
            signatories[-1] = Signatory(last.name, last.role, last.title, text, last.page)
            continue
        if looks_like_name(text):
            signatories.append(Signatory(text, role, page=line.page))
            below_name = True
        elif below_name and signatories[-1].title is None:
            last = signatories[-1]
            signatories[-1] = Signatory(last.name, last.role, text, last.affiliation, last.page)
    return signatories

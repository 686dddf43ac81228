"""References from one section to others: "§ 13", "§§ 4–6", "§§ 2 och 5"."""

from __future__ import annotations

import re

REFERENCE = re.compile(
    r"§§?\s*(?P<first>\d{1,4})(?:\s*[-–—]\s*(?P<last>\d{1,4}))?"
    r"(?P<more>(?:\s*(?:,|och|samt)\s*\d{1,4})*)"
)
RANGE_LIMIT = 50  # a longer "range" is a misread, not a reference


def find_references(text: str, own_number: str | None = None) -> list[str]:
    found: list[str] = []
    for match in REFERENCE.finditer(text):
        first = int(match["first"])
        last = int(match["last"]) if match["last"] else first
        numbers = list(range(first, last + 1)) if 0 <= last - first <= RANGE_LIMIT else [first]
        numbers += [int(n) for n in re.findall(r"\d+", match["more"] or "")]
        for number in numbers:
            key = str(number)
            if key != own_number and key not in found:
                found.append(key)
    return found

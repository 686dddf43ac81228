"""Amounts of money as minutes write them: "60 000", "500.000 kronor", "25 tkr", "1,2 mnkr"."""

from __future__ import annotations

import re

from pipeline.records import Amount

UNIT_MULTIPLIERS = {
    "kr": 1,
    "kronor": 1,
    "sek": 1,
    ":-": 1,
    "tkr": 1_000,
    "tusen kronor": 1_000,
    "mnkr": 1_000_000,
    "mkr": 1_000_000,
    "msek": 1_000_000,
    "miljoner kronor": 1_000_000,
    "miljon kronor": 1_000_000,
    "mdkr": 1_000_000_000,
}
_UNITS = "|".join(sorted((re.escape(u) for u in UNIT_MULTIPLIERS), key=len, reverse=True))
# A number grouped in thousands ("60 000", "500.000") is money in minutes even without a unit;
# an ungrouped one ("2017", "9,0") only with one.
AMOUNT = re.compile(
    rf"(?<![\d.,:/-])(?P<number>\d{{1,3}}(?:[ .\u00a0]\d{{3}})+|\d+(?:,\d+)?)"
    rf"(?:\s*(?P<unit>{_UNITS})(?![\wåäö]))?",
    re.IGNORECASE,
)

# ... or when a word of money comes just before it: "äskningen på 2128", "ett bidrag om 5000".
MONEY_WORD_BEFORE = re.compile(
    r"(?:äskning|bidrag|budget|belopp|summa|anslag|kostnad|ersättning|arvode|utgift|intäkt)"
    r"[a-zåäö]*\s+(?:på|om)\s+$",
    re.IGNORECASE,
)
LOOK_BEHIND_CHARS = 40
# ... unless it counts something else: "bidrag på 45 personer", "en budget på 10 %".
COUNTED_AFTER = re.compile(
    r"\s*(?:%|procent|st\b|stycken|personer|deltagare|timmar|dagar|veckor|månader|år\b|platser)",
    re.IGNORECASE,
)


def find_amounts(text: str) -> list[Amount]:
    return [amount for _, _, amount in find_amount_spans(text)]


def find_amount_spans(text: str) -> list[tuple[int, int, Amount]]:
    """Each amount with its character offsets in `text`."""
    amounts = []
    for match in AMOUNT.finditer(text):
        number, unit = match["number"], match["unit"]
        grouped = bool(re.search(r"\d[ .\u00a0]\d{3}", number))
        if not (unit or grouped or _money_by_context(text, match.start(), match.end())):
            continue
        if _is_part_of_date_or_time(text, match.start(), match.end()):
            continue
        value = float(re.sub(r"[ .\u00a0]", "", number).replace(",", "."))
        multiplier = UNIT_MULTIPLIERS[unit.casefold()] if unit else 1
        written = match.group(0).strip()
        start = match.start()
        amounts.append((start, start + len(written), Amount(written, round(value * multiplier))))
    return amounts


def _money_by_context(text: str, start: int, end: int) -> bool:
    before = text[max(0, start - LOOK_BEHIND_CHARS) : start]
    return MONEY_WORD_BEFORE.search(before) is not None and not COUNTED_AFTER.match(text, end)


def _is_part_of_date_or_time(text: str, start: int, end: int) -> bool:
    after = text[end : end + 1]
    return after in {"-", "/", ":"} and text[end + 1 : end + 2].isdigit()

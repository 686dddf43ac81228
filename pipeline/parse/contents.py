"""The items a table of contents, ärendelista or agenda lists, for minutes whose items are not
in the document itself (an excerpt, a protocol whose §§ are separate files).

    Innehållsförteckning 1 Förslag till avtal 2 Redovisning av verksamhet Ansökan om bidrag …
    Ärendelista 12 Dnr KS 2020/31 Information om bredband... 3 13 Dnr KS 2020/44 Budget... 5

Entries are split at their numbers and, where a transcript lost a number, where a new title
begins (a capitalised word after a lower-case one that no preposition ties to the title). Page
references and diarienummer come off the titles. Numbers printed as one run before all the
titles ("76 77 78 … 86") cannot be paired with certainty and are left off.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.parse.candidates import TITLE_PREPOSITIONS
from pipeline.parse.lines import RawSection
from pipeline.records import Line

CONTENTS_LABEL = re.compile(
    r"\b(?:innehållsförteckning|ärendelista|ärendeförteckning|(?:utsänd\s+)?föredragningslista"
    r"|förteckning\s+över\s+(?:\w+\s+){0,2}ärenden)\b:?",
    re.IGNORECASE,
)
# An entry's number; one after dots ("Budget... 5") is the page it is on.
ENTRY_NUMBER = re.compile(r"(?<![\w/.…-])(?<!\.\s)(?<!…\s)(?P<number>\d{1,3})\.?\s+(?=[A-ZÅÄÖ])")
NUMBER_RUN = re.compile(r"(?<![\w/.-])\d{1,3}(?:\s+\d{1,3}){2,}(?![\w/.-])")
PAGE_REFERENCE = re.compile(r"\s*(?:\.{2,}|…)\s*\d{0,3}(?!\d)")  # "Budget ... 5": its page
ENTRY_END = "\n"
DIARY_NUMBER = re.compile(
    r"\b(?:Dnr|Diarienr|Diarienummer)\.?\s*:?\s*(?P<dnr>[A-ZÅÄÖ]{0,6}\s?\d{2,4}[/.:-]\d{1,5})"
)
# "Bilagor: a) PM, b) Årsredovisning": the papers an entry comes with, one word each.
ATTACHMENTS = re.compile(r"\bBilag(?:a|or)\s*:\s*(?:[a-h]\)\s*\S+,?\s*)*")
MIN_ENTRIES = 2
MAX_TITLE_WORDS = 16


@dataclass(frozen=True)
class Entry:
    number: str | None
    title: str
    diary_number: str | None
    line: int  # the line that lists it


@dataclass(frozen=True)
class Contents:
    entries: tuple[Entry, ...]
    lines: frozenset[int] = frozenset()  # the lines the table of contents takes up
    start: int = 0  # where it begins in its first line

    def holds(self, line: int, offset: int) -> bool:
        """Whether a place in the text lies inside the table of contents."""
        first = min(self.lines, default=-1)
        return line in self.lines and (line != first or offset >= self.start)


def find_contents(lines: Sequence[Line]) -> Contents:
    """The first table of contents in `lines` and its entries; empty when there is none."""
    for index, line in enumerate(lines):
        labels = (m for m in CONTENTS_LABEL.finditer(line.text) if _is_label(line.text, m))
        label = next(labels, None)
        if label is None:
            continue
        text, used = _contents_text(lines, index, label)
        entries = _entries(text, index, truncated=used[-1] == len(lines) - 1)
        if len(entries) >= MIN_ENTRIES:
            return Contents(tuple(entries), frozenset(used), label.start())
    return Contents(())


def _is_label(text: str, match: re.Match[str]) -> bool:
    """ "Föredragningslista" as a label, not as the object of an item's title ("Fastställande av
    föredragningslista"): no lower-case word of the same phrase stands right before it."""
    before = text[: match.start()].split()
    return not (before and before[-1][:1].islower() and before[-1].isalpha())


def listed_sections(lines: Sequence[Line], contents: Contents) -> list[RawSection]:
    """The items a table of contents lists, as sections without text or decisions."""
    return [
        RawSection(e.number or "", e.title, lines[e.line].page, (), e.diary_number, from_toc=True)
        for e in contents.entries
    ]


def _contents_text(
    lines: Sequence[Line], index: int, label: re.Match[str]
) -> tuple[str, list[int]]:
    """The text after the label: the rest of its line, and the lines below while they are short
    entries (a table of contents set one entry a line)."""
    text = lines[index].text[label.end() :]
    repeated = re.search(re.escape(label.group(0)), text, re.IGNORECASE)
    if repeated is not None:
        text = text[: repeated.start()]  # some transcripts print the list twice
    used = [index]
    for below in range(index + 1, len(lines)):
        entry = lines[below].text.strip()
        if not entry:
            if len(used) > 1:
                break
            continue
        if len(entry.split()) > MAX_TITLE_WORDS or (
            entry.endswith((".", ":")) and "…" not in entry
        ):
            break
        text += "\n" + entry
        used.append(below)
    return text, used


def _entries(text: str, line: int, *, truncated: bool) -> list[Entry]:
    text = PAGE_REFERENCE.sub(ENTRY_END, ATTACHMENTS.sub(" ", text))
    run = NUMBER_RUN.search(text)
    if run is not None:
        text = text[run.end() :]  # "76 77 78 … 86" then the titles: no safe pairing
    pieces: list[tuple[str | None, str]] = []
    numbers = list(ENTRY_NUMBER.finditer(text))
    starts = [(m.start(), m.end(), m["number"]) for m in numbers]
    if not starts or starts[0][0] > 0:
        starts.insert(0, (0, 0, None))
    for position, (_, begin, number) in enumerate(starts):
        end = starts[position + 1][0] if position + 1 < len(starts) else len(text)
        for offset, title in enumerate(_titles(text[begin:end])):
            pieces.append((number if offset == 0 else None, title))
    entries = []
    for number, title in pieces:
        dnr = DIARY_NUMBER.search(title)
        if dnr is not None:
            title = (title[: dnr.start()] + title[dnr.end() :]).strip(" ,;")
        title = title.strip(" .,;:")
        if title and title[:1].isupper():
            entries.append(Entry(number, title, dnr["dnr"] if dnr else None, line))
    if truncated and entries:
        entries.pop()  # the excerpt ends inside the list: its last title may be cut
    return entries


def _titles(text: str) -> list[str]:
    """A stretch of titles without numbers, split where a new title begins."""
    titles: list[list[str]] = [[]]
    for word in text.replace(ENTRY_END, f" {ENTRY_END} ").split(" "):
        if word == ENTRY_END:  # a page reference or a line ended the entry
            titles.append([])
            continue
        if not word:
            continue
        previous = titles[-1][-1] if titles[-1] else ""
        after_capitals = previous.isupper() and len(previous) > 2 and not word.isupper()
        new_title = (
            word[:1].isupper()
            and (previous[:1].islower() or after_capitals or word == previous)
            and previous.casefold() not in TITLE_PREPOSITIONS
            and not previous.endswith(",")
        )
        if new_title and titles[-1]:
            titles.append([])
        titles[-1].append(word)
    return [" ".join(t) for t in titles if t]

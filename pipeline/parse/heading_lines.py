"""Which lines are headings: the headings a source marks, short lines alone over a paragraph,
and the tests of a single line (a title, a label, names) that the outline's schemes share."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.nlp.dates import parse_date
from pipeline.parse.lines import paragraphs
from pipeline.parse.people import is_person_name
from pipeline.parse.zones import heading_label
from pipeline.records import Line
from pipeline.vocabulary.header import OTHER_FIELD_LABELS
from pipeline.vocabulary.meeting import (
    AGENDA_TITLES,
    ATTENDANCE_LABELS,
    BODY_LABELS,
    DATE_LABELS,
    MINUTES_TITLES,
    NOT_ITEM_TITLES,
    PLACE_LABELS,
    ROLE_LABELS,
    SECTION_PART_TITLES,
    SIGNATURE_TITLES,
    TIME_AND_PLACE_LABELS,
    WEB_CHROME,
)

KNOWN_LABELS = (
    set(ATTENDANCE_LABELS)
    | set(ROLE_LABELS)
    | DATE_LABELS
    | PLACE_LABELS
    | BODY_LABELS
    | TIME_AND_PLACE_LABELS
    | OTHER_FIELD_LABELS
)

# A marked heading's number ("3.1 Val av sekreterare", "4.1 ix.ufs.se"): the source marks it a
# heading, so a title in lower case is a title too.
MARKED_NUMBER = re.compile(r"^(?P<number>\d{1,2}(?:\.\d{1,2}){0,2})[.)]?\s+(?P<title>\S.*)$")
DATE_HEADING_WORDS = 4
# Headings over the signature block: they and their sub-headings ("7.1 Sekreterare") are no item.
SIGNATURE_HEADINGS = {"signaturer", "signatures", "underskrifter", "justeras"}
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
MEETING_WORD = re.compile(
    r"\b(?:\w*protokoll|\w*möte|sammanträde|meeting|minutes)\b", re.IGNORECASE
)
OPENING_OR_CLOSING = re.compile(r"\b(?:öppna|avslut)", re.IGNORECASE)
UNNUMBERED_HEADING_MAX_WORDS = 10
COLON_HEADING_MAX_WORDS = 5
MIN_WORD_LETTERS = 3
MIN_NUMBERED_HEADINGS = 2  # fewer is no numbering scheme: a lone "1." is a list, not an agenda
MIN_UNNUMBERED_HEADINGS = 3


@dataclass(frozen=True)
class Heading:
    index: int  # of the line that holds it
    number: str
    title: str


def is_section_part(title: str) -> bool:
    """ "Beslut", "Förslag till beslut": a part of a section, not a section of its own."""
    return title.casefold().strip(" :.") in SECTION_PART_TITLES


def _starts_paragraph(lines: Sequence[Line], index: int) -> bool:
    return index == 0 or not lines[index - 1].text.strip()


def marked_headings(lines: Sequence[Line]) -> list[Heading]:
    """Headings the source marks (Markdown, LaTeX, Word styles), numbered as a reader sees them.

    The document title and its parts ("Beslut", "Förslag") are marked too, but open no
    section: a marked line before the first numbered one, when others are numbered, is a title.
    """
    marked = [
        (i, line.text.strip())
        for i, line in enumerate(lines)
        if line.heading and not _labels_a_list(lines, i) and not _marks_no_item(line.text)
    ]
    numbered = [(i, m) for i, text in marked if (m := MARKED_NUMBER.match(text))]
    found: list[Heading] = []
    if len(numbered) >= MIN_NUMBERED_HEADINGS:
        signatures: str | None = None  # "7 Signaturer", then "7.1 Sekreterare": no items
        for index, match in numbered:
            number, title = match["number"].rstrip("."), match["title"].strip()
            if signatures is not None and number.startswith(f"{signatures}."):
                continue
            if title.casefold().strip(" :") in SIGNATURE_HEADINGS:
                signatures = number
            elif not ("." in number and is_section_part(title)):  # "2.1.2 Beslut": a part
                found.append(Heading(index, number, title))
        return found
    ends = [i for i, _ in marked[1:]] + [len(lines)]
    past_title = False  # the title comes first; after the agenda, no heading is the title
    for (index, text), end in zip(marked, ends, strict=True):
        items = _outline_items(lines, index, end)
        if items:  # "Minutes of Meeting" over an outline: its items are the sections
            found += items
        elif _is_agenda(lines, index, end):
            past_title = True
        elif not is_section_part(text) and not past_title and is_document_title(text):
            continue
        elif not is_section_part(text) and text.casefold().strip(" :") not in SIGNATURE_TITLES:
            found.append(Heading(index, "", text))
        past_title = past_title or bool(found)
    return found


def _blocks(lines: Sequence[Line], start: int, end: int) -> list[tuple[int, int]]:
    """(index of its first line, number of lines) of each paragraph in lines[start:end]."""
    blocks: list[tuple[int, int]] = []
    for index in range(start, end):
        if not lines[index].text.strip():
            continue
        if blocks and blocks[-1][0] + blocks[-1][1] == index:
            blocks[-1] = (blocks[-1][0], blocks[-1][1] + 1)
        else:
            blocks.append((index, 1))
    return blocks


def _is_agenda(lines: Sequence[Line], index: int, end: int) -> bool:
    """ "Agenda" / "Dagordning" over a bare list of items announces the sections to come; the
    minutes then take the items up under headings of their own."""
    if lines[index].text.strip().casefold().rstrip(": ") not in AGENDA_TITLES:
        return False
    blocks = _blocks(lines, index + 1, end)
    if len(blocks) != 1 or blocks[0][1] < MIN_NUMBERED_HEADINGS:
        return False
    first, size = blocks[0]
    return all(
        not lines[i].text.strip().endswith((".", ":")) and len(lines[i].text.split()) <= 25
        for i in range(first, first + size)
    )


def _outline_items(lines: Sequence[Line], index: int, end: int) -> list[Heading]:
    """Minutes kept as an outline: under "Minutes" / "Protokoll", each block opens with the
    item's title on a line of its own, its notes on the lines below."""
    if lines[index].text.strip().casefold().rstrip(": ") not in MINUTES_TITLES:
        return []
    blocks = _blocks(lines, index + 1, end)
    if len(blocks) < MIN_NUMBERED_HEADINGS or any(size < 2 for _, size in blocks):
        return []
    titles = [lines[first].text.strip() for first, _ in blocks]
    if not all(looks_like_heading(t) for t in titles):
        return []
    return [Heading(first, "", t) for (first, _), t in zip(blocks, titles, strict=True)]


def _marks_no_item(text: str) -> bool:
    """A marked line that opens no item: a list's label ("## Kallade"), a date ("19 November
    2020"), web chrome."""
    stripped = text.strip()
    if heading_label(stripped) is not None or stripped.casefold() in NOT_ITEM_TITLES:
        return True
    return parse_date(stripped) is not None and len(stripped.split()) <= DATE_HEADING_WORDS


def _labels_a_list(lines: Sequence[Line], index: int) -> bool:
    """A heading such as "Närvarande" or "Secretary" over a list of names is a field label."""
    if lines[index].text.strip().casefold().rstrip(": ") not in KNOWN_LABELS:
        return False
    following = paragraphs(lines[index + 1 : index + 40])
    if not following or following[0][0].heading:
        return False
    texts = [line.text.strip() for line in following[0]]
    return all(names_only(t) or is_person_name(t.split("\t")[0]) for t in texts)


def is_document_title(text: str) -> bool:
    """ "Möte 2023-02-07", "Annual meeting 2022", "Styrelsemöte - Föreningen Sjöviken"."""
    if OPENING_OR_CLOSING.search(text):
        return False
    return bool(YEAR.search(text) or MEETING_WORD.search(text))


def unnumbered_headings(lines: Sequence[Line]) -> list[Heading]:
    """Short lines alone in their paragraph, before a paragraph of text ("Mötets öppnande")."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        alone = _starts_paragraph(lines, index) and (
            index + 1 >= len(lines) or not lines[index + 1].text.strip()
        )
        followed = any(other.text.strip() for other in lines[index + 1 : index + 3])
        if not (alone and followed and looks_like_heading(text)):
            continue
        previous = next((o.text.strip() for o in reversed(lines[:index]) if o.text.strip()), "")
        if previous.casefold().rstrip(": ") in KNOWN_LABELS:
            continue  # the value under a label ("Sekreterare" / "Helio")
        if not found and is_document_title(text):
            continue
        found.append(Heading(index, "", text))
    return found if len(found) >= MIN_UNNUMBERED_HEADINGS else []


def looks_like_heading(text: str) -> bool:
    words = text.split()
    if not 1 <= len(words) <= UNNUMBERED_HEADING_MAX_WORDS or not text[:1].isupper():
        return False
    if text.endswith((".", ",", ";", "!", "?")) or words[0][:1].isdigit():
        return False
    if text.endswith(":") and len(words) > COLON_HEADING_MAX_WORDS:
        return False  # "Revisorn föreslår att bokföringen bör:": a sentence opening a list
    if sum(len(w) >= MIN_WORD_LETTERS and w.isalpha() for w in words) * 2 < len(words):
        return False  # "I", "LJ LÖ i )": a stamp or a signature read by OCR
    if YEAR.search(text) and len(words) > 1 and not MEETING_WORD.search(text):
        return False  # "Linköping dec 2020": where and when it was signed
    if re.search(r":\s", text.rstrip(":")) or "\t" in text or is_section_part(text):
        return False
    label = text.casefold().rstrip(": ")
    if label in NOT_ITEM_TITLES or label.startswith(WEB_CHROME):
        return False  # "Transkript", 'Download "…"': the page a transcript was stored from
    return label not in KNOWN_LABELS and not names_only(text)


def names_only(text: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:,|\boch\b|\bsamt\b|&)\s*", text) if p]
    return all(is_person_name(p) and len(p.split()) >= 2 for p in parts)

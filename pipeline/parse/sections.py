"""Segment the body of minutes into numbered sections (§) with their titles and paragraphs."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pipeline.names import fold
from pipeline.nlp.dates import parse_date
from pipeline.parse.contents import find_contents
from pipeline.parse.headings import Item, numbered_items, restarting_items
from pipeline.parse.lines import Paragraph, RawSection, paragraphs
from pipeline.parse.people import is_person_name
from pipeline.parse.run_in import is_joined_line, run_in_headings
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
DIARY_NUMBER = re.compile(
    r"\b(?:Dnr|Diarienr|Diarienummer)\.?\s*:?\s*(?P<dnr>[A-ZÅÄÖ]{0,6}\s?\d{2,4}[/.:-]\d{1,5}(?:[/.:-]\d+)*)",
)
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
CONTENT_LIST_MAX_ITEMS = 4


@dataclass(frozen=True)
class Heading:
    index: int  # of the line that holds it
    number: str
    title: str


def find_headings(lines: Sequence[Line]) -> list[Heading]:
    """The headings of lines in which no heading stands inside a line (see `outline`)."""
    return outline(lines)[1]


def outline(lines: Sequence[Line]) -> tuple[list[Line], list[Heading]]:
    """The lines, split where an item begins inside one, and the headings that open sections.

    Numbered headings the source marks (Markdown, LaTeX, Word styles) come first, then a
    sequence of § numbers, then other marked headings; else the numbering scheme that explains
    most item numbers as one sequence (parse.headings), with the
    unnumbered group headings between its items; else a list whose every item is numbered 1
    (a list that restarts at each item); else short lines alone above a paragraph; else, in
    pages printed as one line, the headings run into their text (parse.run_in).
    """
    contents = find_contents(lines)  # an agenda's numbers announce items; they open none
    items = numbered_items(lines, excluded=contents.holds)
    marked = _marked_headings(lines) if any(line.heading for line in lines) else []
    numbered_marks = sum(bool(h.number) for h in marked) >= MIN_NUMBERED_HEADINGS
    by_sign = bool(items) and items[0].candidate.scheme == "sign"
    if marked and (numbered_marks or not by_sign):
        return list(lines), marked
    unnumbered = functools.cache(lambda: _unnumbered_outline(lines, bool(contents.entries)))
    if items and not _content_list(items, lambda: unnumbered()[1]):
        split, headings = _split_at_items(lines, items)
        return split, _with_group_headings(split, headings)
    restarted = restarting_items(lines)
    if len(restarted) >= MIN_UNNUMBERED_HEADINGS:
        return _split_at_items(lines, restarted)
    return unnumbered()


def _unnumbered_outline(lines: Sequence[Line], agenda: bool) -> tuple[list[Line], list[Heading]]:
    """Short lines alone above a paragraph; in pages printed as one line, the headings run into
    their text. An agenda whose items have no text of their own ("ärendelista") has neither."""
    unnumbered = _unnumbered_headings(lines)
    if unnumbered or agenda or not any(is_joined_line(line.text) for line in lines):
        return list(lines), unnumbered
    return _split_at_run_in_headings(lines)


def _split_at_run_in_headings(lines: Sequence[Line]) -> tuple[list[Line], list[Heading]]:
    """Pages printed as one line: each heading found inside a line on a line of its own."""
    split: list[Line] = []
    headings: list[Heading] = []
    for line in lines:
        found = run_in_headings(line.text, _looks_like_heading) if is_joined_line(line.text) else []
        if not headings:  # the document's title comes first
            found = [s for s in found if not (s is found[0] and _is_document_title(s.text))]
        position = 0
        for segment in found:
            if line.text[position : segment.start].strip():
                split.append(replace(line, text=line.text[position : segment.start].strip()))
            headings.append(Heading(len(split), "", segment.text))
            split.append(replace(line, text=segment.text))
            position = segment.end
        rest = line.text[position:].strip()
        if rest or not found:
            split.append(replace(line, text=rest) if found else line)
    if len(headings) < MIN_UNNUMBERED_HEADINGS:
        return list(lines), []
    return split, headings


def _content_list(items: Sequence[Item], unnumbered: Callable[[], list[Heading]]) -> bool:
    """A short numbered list of sentences ("1. Spara alla kvitton digitalt.") in minutes whose
    items are unnumbered headings: the list is content of one item, not the agenda. So is a
    short flat list of any kind among more than twice as many unnumbered headings."""
    top = [item for item in items if "." not in item.number]
    if not top or len(top) > CONTENT_LIST_MAX_ITEMS:
        return False  # an outline "1.1, 1.2, …" has no top level and is no content list
    headings = unnumbered()
    if len(headings) > 2 * len(top) and len(top) == len(items):
        return True  # a flat list; an outline with sub-items is the agenda
    sentences = sum(item.candidate.title.endswith(".") for item in top)
    return sentences * 2 >= len(top) and len(headings) > len(top)


def _split_at_items(
    lines: Sequence[Line], items: Sequence[Item]
) -> tuple[list[Line], list[Heading]]:
    """Lines cut before each item that begins inside a line and after its title, so that every
    item has a line of its own: a page printed as one line reads like a page of lines."""
    cuts: dict[int, list[Item]] = {}
    for item in items:
        cuts.setdefault(item.candidate.line, []).append(item)
    split: list[Line] = []
    headings: list[Heading] = []
    for index, line in enumerate(lines):
        here = sorted(cuts.get(index, []), key=lambda i: i.candidate.offset)
        if not here:
            split.append(line)
            continue
        position = 0
        for number, item in enumerate(here):
            candidate = item.candidate
            end = here[number + 1].candidate.offset if number + 1 < len(here) else len(line.text)
            before = line.text[position : candidate.offset]
            if before.strip():
                split.append(replace(line, text=before.rstrip()))
            rest = line.text[candidate.title_start : end] if candidate.title_line == index else ""
            title = candidate.title if candidate.title_line == index else ""
            if title and rest.strip().startswith(title):
                body = rest.strip()[len(title) :]
            else:
                title, body = (rest.strip(), "") if candidate.title_line == index else ("", "")
            headings.append(Heading(len(split), item.number, title))
            marker = line.text[candidate.offset : candidate.title_start].rstrip()
            split.append(replace(line, text=f"{marker} {title}".rstrip()))
            body = body.strip().lstrip(",;: ")
            if body:
                split.append(replace(line, text=body))
            position = end
    return split, headings


def _with_group_headings(lines: Sequence[Line], headings: list[Heading]) -> list[Heading]:
    """Unnumbered group headings between numbered items ("Beslutsärenden"): a short line alone,
    right above the next item."""
    found = list(headings)
    for position, heading in enumerate(headings[1:], start=1):
        above = heading.index - 1
        while above > headings[position - 1].index and not lines[above].text.strip():
            above -= 1
        text = lines[above].text.strip()
        alone = above > headings[position - 1].index + 1 and not lines[above - 1].text.strip()
        if alone and _looks_like_heading(text) and not _names_only(text) and len(text.split()) <= 5:
            found.append(Heading(above, "", text))
    return sorted(found, key=lambda h: h.index)


def is_section_part(title: str) -> bool:
    """ "Beslut", "Förslag till beslut": a part of a section, not a section of its own."""
    return title.casefold().strip(" :.") in SECTION_PART_TITLES


def _starts_paragraph(lines: Sequence[Line], index: int) -> bool:
    return index == 0 or not lines[index - 1].text.strip()


def _marked_headings(lines: Sequence[Line]) -> list[Heading]:
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
        elif not is_section_part(text) and not past_title and _is_document_title(text):
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
    if not all(_looks_like_heading(t) for t in titles):
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
    return all(_names_only(t) or is_person_name(t.split("\t")[0]) for t in texts)


def _is_document_title(text: str) -> bool:
    """ "Möte 2023-02-07", "Annual meeting 2022", "Styrelsemöte - Föreningen Sjöviken"."""
    if OPENING_OR_CLOSING.search(text):
        return False
    return bool(YEAR.search(text) or MEETING_WORD.search(text))


def _unnumbered_headings(lines: Sequence[Line]) -> list[Heading]:
    """Short lines alone in their paragraph, before a paragraph of text ("Mötets öppnande")."""
    found: list[Heading] = []
    for index, line in enumerate(lines):
        text = line.text.strip()
        alone = _starts_paragraph(lines, index) and (
            index + 1 >= len(lines) or not lines[index + 1].text.strip()
        )
        followed = any(other.text.strip() for other in lines[index + 1 : index + 3])
        if not (alone and followed and _looks_like_heading(text)):
            continue
        previous = next((o.text.strip() for o in reversed(lines[:index]) if o.text.strip()), "")
        if previous.casefold().rstrip(": ") in KNOWN_LABELS:
            continue  # the value under a label ("Sekreterare" / "Helio")
        if not found and _is_document_title(text):
            continue
        found.append(Heading(index, "", text))
    return found if len(found) >= MIN_UNNUMBERED_HEADINGS else []


def _looks_like_heading(text: str) -> bool:
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
    return label not in KNOWN_LABELS and not _names_only(text)


def _names_only(text: str) -> bool:
    parts = [p for p in re.split(r"\s*(?:,|\boch\b|\bsamt\b|&)\s*", text) if p]
    return all(is_person_name(p) and len(p.split()) >= 2 for p in parts)


def segment_sections(lines: Sequence[Line], headings: Sequence[Heading]) -> list[RawSection]:
    """Sections from each heading to the next; `lines` ends where the signatures begin."""
    sections = []
    for position, heading in enumerate(headings):
        end = headings[position + 1].index if position + 1 < len(headings) else len(lines)
        body = paragraphs(lines[heading.index + 1 : end])
        title, diary_number = _split_diary_number(heading.title)
        if not title and body:  # "§ 4" or "BN § 17 Dnr 2021/88" on its line: the title is below
            title_line, *rest = body[0]
            title, below = _split_diary_number(title_line.text.strip())
            diary_number = diary_number or below
            body = [tuple(rest), *body[1:]] if rest else body[1:]
        if diary_number is None and body:
            diary_number = _leading_diary_number(body)
            if diary_number is not None:
                body = body[1:] if len(body[0]) == 1 else [body[0][1:], *body[1:]]
        sections.append(
            RawSection(
                heading.number,
                title,
                lines[heading.index].page,
                tuple(p for p in body if p),
                diary_number,
            )
        )
    return sections


def _split_diary_number(title: str) -> tuple[str, str | None]:
    match = DIARY_NUMBER.search(title)
    if match is None:
        return title, None
    cleaned = (title[: match.start()] + title[match.end() :]).strip(" ,;()-–")
    return cleaned, match["dnr"].strip()


def _leading_diary_number(body: Sequence[Paragraph]) -> str | None:
    """ "Dnr KS 2019/123" on the line right under the heading."""
    first = body[0][0].text.strip()
    match = DIARY_NUMBER.match(first)
    return match["dnr"].strip() if match and len(first) < 60 else None


def drop_stray_names(section: RawSection, names: Sequence[str]) -> RawSection:
    """Remove lines that hold nothing but a participant's name inside a section's prose.

    Page furniture (a name printed in the margin or footer of every page, a signature box)
    lands in the text flow as a one-line paragraph between two paragraphs of prose; a real
    list of names has several lines, and an election's answer ("Lars Nyqvist") stands alone.
    """
    keys = {fold(name) for name in names}
    last = len(section.paragraphs) - 1
    kept = tuple(
        p
        for i, p in enumerate(section.paragraphs)
        if not (0 < i < last and len(p) == 1 and fold(p[0].text) in keys)
    )
    if len(kept) == len(section.paragraphs):
        return section
    return replace(section, paragraphs=kept)

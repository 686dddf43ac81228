"""Where the sections of minutes begin: the headings, found by the first scheme that explains
them (marked headings, a numbering, a restarting list, short lines alone, run-in headings)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from dataclasses import replace

from pipeline.parse.contents import find_contents
from pipeline.parse.heading_lines import (
    MIN_NUMBERED_HEADINGS,
    MIN_UNNUMBERED_HEADINGS,
    Heading,
    is_document_title,
    looks_like_heading,
    marked_headings,
    names_only,
    unnumbered_headings,
)
from pipeline.parse.headings import Item, numbered_items, restarting_items
from pipeline.parse.run_in import is_joined_line, run_in_headings
from pipeline.records import Line

CONTENT_LIST_MAX_ITEMS = 4


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
    marked = marked_headings(lines) if any(line.heading for line in lines) else []
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
    unnumbered = unnumbered_headings(lines)
    if unnumbered or agenda or not any(is_joined_line(line.text) for line in lines):
        return list(lines), unnumbered
    return _split_at_run_in_headings(lines)


def _split_at_run_in_headings(lines: Sequence[Line]) -> tuple[list[Line], list[Heading]]:
    """Pages printed as one line: each heading found inside a line on a line of its own."""
    split: list[Line] = []
    headings: list[Heading] = []
    for line in lines:
        found = run_in_headings(line.text, looks_like_heading) if is_joined_line(line.text) else []
        if not headings:  # the document's title comes first
            found = [s for s in found if not (s is found[0] and is_document_title(s.text))]
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
        if alone and looks_like_heading(text) and not names_only(text) and len(text.split()) <= 5:
            found.append(Heading(above, "", text))
    return sorted(found, key=lambda h: h.index)

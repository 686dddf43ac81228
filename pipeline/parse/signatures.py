"""The signature block: "Vid protokollet" and "Justeras", each name with its title below it."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from pipeline.names import looks_like_name
from pipeline.parse.people import is_title, role_of
from pipeline.records import Line, Role, Signatory
from pipeline.vocabulary.meeting import AFFILIATION_MARKERS, SIGNATURE_MARKERS

MAX_NAME_WORDS = 4
ROLE_WORD_MARKERS = {
    "sekreterare",
    "justerare",
    "justerande",
    "protokollförare",
    "ordförande",
    "mötesordförande",
}
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


def parse_signatures(lines: Sequence[Line], document_text: str = "") -> list[Signatory]:
    """Signatories in order, each with the title or affiliation written under the name.

    Names signed side by side ("Olle Sand Maria Berg Holm Per Nylund" over
    "Ordförande Justerare Justerare") are split as many ways as the caption has titles,
    preferring names the rest of the document also writes.
    """
    signatories: list[Signatory] = []
    role: Role | None = None
    below: list[int] = []  # signatories whose title or affiliation may follow
    led_by_phrase = False  # the current group opened with "Vid protokollet" or "Justeras"
    texts = [line.text.strip() for line in lines]
    for index, line in enumerate(lines):
        text = texts[index]
        if not text or SIGNATURE_LINE.match(text):
            continue
        marked = marker_role(text)
        # "Sekreterare" under a name that "Vid protokollet" introduced captions that name; in
        # blocks led by role words ("Sekreterare" / "Ann Sjödin") it introduces the next.
        is_caption = bool(below) and signatories[below[-1]].title is None and led_by_phrase
        if marked is not None and not (is_caption and text.casefold() in ROLE_WORD_MARKERS):
            role, below = marked, []
            led_by_phrase = text.casefold().rstrip(": ") not in ROLE_WORD_MARKERS
            continue
        if role is None:
            continue
        next_text = next((t for t in texts[index + 1 :] if t), "")
        captions = caption_titles(next_text)
        capitalised = all(w[:1].isupper() for w in text.split()) and not any(
            ch.isdigit() for ch in text
        )
        if captions and len(captions) > 1 and capitalised and not caption_titles(text):
            names = split_side_by_side(text.split(), len(captions), document_text)
            if names:
                start = len(signatories)
                signatories += [Signatory(n, role, page=line.page) for n in names]
                below = list(range(start, len(signatories)))
                continue
        if below and len(below) > 1 and caption_titles(text):
            for position, title in zip(below, caption_titles(text) or [], strict=False):
                signatories[position] = replace(signatories[position], title=title)
            below = []
        elif below and AFFILIATION_MARKERS.search(text):
            signatories[below[-1]] = replace(signatories[below[-1]], affiliation=text)
        elif looks_like_name(text) and not caption_titles(text):
            signatories.append(Signatory(text, role, page=line.page))
            below = [len(signatories) - 1]
        elif signed := _name_then_role(text):  # "Maria Ek sekr.", "Bo Berg, ordförande"
            signatories.append(Signatory(signed[0], role, title=signed[1], page=line.page))
            below = [len(signatories) - 1]
        elif below and signatories[below[-1]].title is None:
            signatories[below[-1]] = replace(signatories[below[-1]], title=text)
    return signatories


def _name_then_role(text: str) -> tuple[str, str] | None:
    """("Maria Ek", "sekr.") from a name signed with its role after it on the same line."""
    name, _, word = text.rpartition(" ")
    name = name.rstrip(" ,")
    if role_of(word) is None or not looks_like_name(name) or caption_titles(name):
        return None
    return name, word


def caption_titles(text: str) -> list[str] | None:
    """ "Ordförande Justerare Justerare" → its titles, or None if other words are there too."""
    words, titles = text.split(), []
    while words:
        for size in range(min(3, len(words)), 0, -1):
            phrase = " ".join(words[:size])
            if role_of(phrase) is not None or (size == 1 and is_title(phrase)):
                titles.append(phrase)
                words = words[size:]
                break
        else:
            return None
    return titles or None


def split_side_by_side(words: list[str], count: int, document_text: str) -> list[str] | None:
    """Split words into `count` names, favouring names of two words found elsewhere."""
    best: tuple[float, list[str]] | None = None
    for sizes in _compositions(len(words), count):
        names, position = [], 0
        for size in sizes:
            names.append(" ".join(words[position : position + size]))
            position += size
        score = sum(
            (2.0 if name in document_text else 0.0) - 0.5 * abs(len(name.split()) - 2)
            for name in names
        )
        if best is None or score > best[0]:
            best = (score, names)
    return best[1] if best else None


def _compositions(total: int, parts: int) -> list[tuple[int, ...]]:
    """Ways to write `total` as `parts` sizes of one to four words."""
    if parts == 1:
        return [(total,)] if 1 <= total <= MAX_NAME_WORDS else []
    return [
        (first, *rest)
        for first in range(1, MAX_NAME_WORDS + 1)
        for rest in _compositions(total - first, parts - 1)
    ]

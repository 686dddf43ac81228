"""People of a list written as no word list knows them: the items of a list under a people
label ("Närvarande: nsg, kaj, tom", "Mötesordförande: Lisa", "Dragan Kovač´, MP").

In a list whose other names the lists know, a one-word item is a title, a place or a heading
unless it is a known given name; a list of handles or first names knows none, and takes them
all. Running text under a label is no list.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.lexicon import lexicon
from pipeline.parse.labels import Label, LabelKind
from pipeline.parse.people import NOT_A_PERSON
from pipeline.parse.persons import PersonSpan, is_title_word, not_name_words, party_of
from pipeline.vocabulary.meeting import WEB_CHROME

ITEM_SEPARATOR = re.compile(r"\n|\t|[,;]|(?<!-)\s+och\s+|\s+samt\s+|\s+&\s+|\s{3,}")
# A list item that is a person however written: a handle ("mia_l"), a first name ("Lisa"),
# or a name the word lists do not know ("Dragan Kovač´").
NAME_ITEM = re.compile(r"^(?:[^\W\d][\w.'’´-]*[\w'’´])(?:\s+[^\W\d][\w'’´-]*[\w'’´]){0,2}$")
BULLET = re.compile(r"^\s*(?:[-*•·]|\d{1,2}[.)])\s+")
# A party or presence mark before or after an item's name: "S Dragan Kovač´", "Agnes X".
MARKS_AROUND = re.compile(
    r"^\s*(?:[A-ZÅÄÖ]{1,3}|\([^()]{1,4}\))\s+(?=\S)|\s+(?:[A-ZÅÄÖ]{1,3}|\([^()]{1,4}\))\s*$"
)
MAX_ITEM_WORDS = 4
MIN_HANDLES = 2
MAX_ITEM_CHARS = 40
LIST_SHARE = 0.6  # of a list's items, at least this share are a few words long


def list_items(
    text: str, labels: Sequence[Label], people: Sequence[PersonSpan], default: Label | None
) -> list[PersonSpan]:
    """Items of a list under a people label that hold no known name but are written as one:
    handles, first names, names the word lists lack."""
    found: list[PersonSpan] = []
    starts = [*(label.start for label in labels), len(text)]
    stretches = [(label, label.end, starts[i + 1]) for i, label in enumerate(labels)]
    if default is not None:
        stretches.insert(0, (default, 0, starts[0]))
    for label, start, end in stretches:
        if label.kind not in (LabelKind.GROUP, LabelKind.ROLE):
            continue
        items = _items(text, start, end)
        # A list whose names the word lists know has its other one-word items for titles,
        # places and headings; a list of handles or first names ("nsg, kaj, tom") has none.
        known = any(start <= p.start < end for p in people)
        listed = sum(len(item.split()) <= MAX_ITEM_WORDS for _, item in items)
        if listed < LIST_SHARE * len(items):
            continue  # running text, not a list
        for item_start, item in items:
            item_end = item_start + len(item)
            if any(p.start < item_end and item_start < p.end for p in people):
                continue
            single = len(item.split()) == 1
            # a lone lower-case word after a label is a sentence ("Närvarolista upprättades")
            listed_names = sum(is_name_item(other) for _, other in items)
            handles = label.kind is LabelKind.ROLE or listed_names >= MIN_HANDLES
            vouched = not single or lexicon().is_given_name(item) or (not known and handles)
            if is_name_item(item) and vouched:
                found.append(PersonSpan(item_start, item_end, item))
    return found


def _items(text: str, start: int, end: int) -> list[tuple[int, str]]:
    items = []
    position = start
    for piece in [*ITEM_SEPARATOR.split(text[start:end])]:
        offset = text.find(piece, position, end) if piece else position
        position = offset + len(piece)
        bullet = BULLET.match(piece)
        cut = bullet.end() if bullet else 0
        stripped = MARKS_AROUND.sub("", piece[cut:]).strip(" .:")
        if stripped:
            items.append((offset + cut + piece[cut:].find(stripped), stripped))
    return items


def is_name_item(item: str) -> bool:
    """An item written as a name: one to three words, no label, role, title, place, acronym
    or placeholder ("Vakant"); several words all capitalised."""
    if not NAME_ITEM.match(item) or len(item) > MAX_ITEM_CHARS:
        return False
    if item.casefold().startswith(WEB_CHROME):
        return False  # "Embed Size (px)": the page a transcript was stored from
    words = item.split()
    names = lexicon()
    for word in words:
        bare = word.strip(".")
        if bare.casefold() in not_name_words() | NOT_A_PERSON or is_title_word(bare):
            return False
        if (bare.isupper() and len(bare) > 1) or (
            bare in names.places and bare not in names.surnames
        ):
            return False
    if party_of(item):
        return False
    return len(words) == 1 or all(w[:1].isupper() for w in words)

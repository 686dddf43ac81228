"""The minutes' title read for the organisation and the body it names: "Protokoll fört vid
styrelsemöte för X", "Protokoll fört vid X:s årsmöte", "Styrelsen för X", "Styrelsemöte - X",
"X höstmöte", "Mötesprotokoll X", "X 20141114"."""

from __future__ import annotations

import re

from pipeline.nlp.dates import find_dates
from pipeline.vocabulary.header import (
    BARE_MEETING_WORDS,
    BODY_LABELS,
    BODY_NOUN,
    DATE_LABELS,
    DEFINITE_ENDINGS,
    DOCUMENT_KIND,
    DOCUMENT_WORDS,
    FIELD_NAMED_BODIES,
    FUNCTION_WORDS,
    MEETING_BODIES,
    MEETING_QUALIFIERS,
    MEETING_WORD,
    MINUTES_OF,
    MONTHS,
    NAME_CONNECTORS,
    NAME_STOP_WORDS,
    ORGANIZATION_NOUN,
    OTHER_FIELD_LABELS,
    OTHER_MEETING_WORDS,
    OWNER_LINK,
    OWNER_LINK_WORD,
    PLACE_LABELS,
    TIME_AND_PLACE_LABELS,
    WEB_CHROME,
    WEEKDAYS,
)
from pipeline.vocabulary.meeting import (
    AGENDA_TITLES,
    ATTENDANCE_LABELS,
    MINUTES_TITLES,
    ROLE_LABELS,
)

TITLE_LINES = 4
TITLE_LINE_CHARS = 200  # a page printed as one line: its title is at the start
ORGANIZATION_MAX_WORDS = 8
NAME_ALONE_MAX_WORDS = 4

NOT_NAMES = {*MINUTES_TITLES, *AGENDA_TITLES, *DOCUMENT_WORDS}
NAME_STOPS = {*NAME_STOP_WORDS, *MONTHS, *WEEKDAYS, *(f"{w}en" for w in WEEKDAYS)}
LABEL_WORDS = {
    word
    for label in [
        *ATTENDANCE_LABELS,
        *ROLE_LABELS,
        *DATE_LABELS,
        *PLACE_LABELS,
        *BODY_LABELS,
        *TIME_AND_PLACE_LABELS,
        *OTHER_FIELD_LABELS,
    ]
    for word in label.split()
    if word not in NAME_CONNECTORS
}
OTHER_MEETING = re.compile(rf"\b(?:{'|'.join(OTHER_MEETING_WORDS)})$", re.IGNORECASE)
# After a body noun, a lowercase word that is no link to its owner: a sentence ("Styrelsen
# konstaterades vara fulltalig"), not a title.
SENTENCE_GOES_ON = re.compile(rf"[ \t]+(?!(?:{'|'.join(NAME_CONNECTORS)})\b)[a-zåäö]")
QUALIFIER = re.compile(rf"^(?:{'|'.join(MEETING_QUALIFIERS)})\s+")

Names = tuple[str | None, str | None]  # organisation, body


def title_names(title: str) -> Names:
    """Organisation and body from the title; a title that names both wins over one that names
    the body alone."""
    found = [meeting_phrase(m["rest"]) for m in MINUTES_OF.finditer(title)]
    for segment, next_to_kind_or_date in _title_segments(title):
        found.append(meeting_phrase(segment))
        if next_to_kind_or_date:
            found.append((_name_alone(segment), None))
    organization = next((o for o, _ in found if o), None)
    body = next((b for o, b in found if o and b), None) or next((b for _, b in found if b), None)
    return organization, body


def _title_segments(title: str) -> list[tuple[str, bool]]:
    """The title's first lines cut at the kind of document and at dates, as a page printed on
    one line runs them together ("Mötesprotokoll Kodklubben 19 November 2020 Kallade …"): each
    piece, and whether the kind of document or a date stands next to it."""
    lines = [WEB_CHROME.sub("", line).strip(' "“#*') for line in title.split("\n")]
    segments: list[tuple[str, bool]] = []
    for line in [line[:TITLE_LINE_CHARS] for line in lines if line][:TITLE_LINES]:
        cuts = sorted(
            [(m.start(), m.end(), True) for m in DOCUMENT_KIND.finditer(line)]
            + [(d.start, d.end, False) for d in find_dates(line)]
        )
        position, after_kind = 0, False
        for start, end, is_kind in [*cuts, (len(line), len(line), False)]:
            piece = line[position:start].strip(" -–:,.")
            if piece:
                segments.append((piece, after_kind or start < len(line)))
            position, after_kind = max(position, end), is_kind
    return segments


def _name_alone(segment: str) -> str | None:
    """ "Kodklubben" after "Mötesprotokoll", "X" in "X PROTOKOLL", "X 20141114": a name and
    nothing else."""
    name = organization_name(segment, trim=False)
    if name != segment or len(segment.split()) > NAME_ALONE_MAX_WORDS:
        return None
    return name if plain_name(name) else None


def plain_name(name: str) -> bool:
    """A name that is no body, meeting, document or label word."""
    words = [w.casefold() for w in name.split()]
    return not (
        BODY_NOUN.search(name)
        or MEETING_WORD.search(name)
        or DOCUMENT_KIND.search(name)
        or name.casefold() in NOT_NAMES
        or any(w in LABEL_WORDS for w in words)
        or words[0] in FUNCTION_WORDS
        or words[-1] in FUNCTION_WORDS
    )


def meeting_phrase(text: str) -> Names:
    """ "styrelsemöte för Ekby Hembygdslag torsdagen den …" → (Ekby Hembygdslag, styrelsen);
    "Föreningen Solrosens styrelsemöte" → (Föreningen Solrosen, styrelsen)."""
    head = _body_or_meeting(text)
    if head is None:
        return None, None
    start, end, body = head
    before, after = text[:start].strip(" ,:"), text[end:]
    if BODY_NOUN.fullmatch(text[start:end]) and SENTENCE_GOES_ON.match(after):
        return None, None  # "Styrelsen konstaterades vara fulltalig": a sentence, no title
    if OTHER_MEETING.search(before):
        return None, None
    if before:
        owner, owner_body = _owner(before)
        return owner, body or owner_body
    link = OWNER_LINK.match(after)
    if link is None:  # "Styrelsemöte Föreningen Solrosen"
        named = organization_name(after)
        return (named if named and plain_name(named) else None), body
    rest = link["rest"]
    linked_by_field = after.lstrip().casefold().startswith(OWNER_LINK_WORD)
    if body and body.casefold() in FIELD_NAMED_BODIES and linked_by_field:
        field = organization_name(rest, trim=False, capitalised=False)
        return None, f"{text[start:end]} {OWNER_LINK_WORD} {field}" if field else body
    inner = _body_or_meeting(rest)
    if inner and inner[0] == 0 and inner[2]:  # "sammanträde med utskottet, X i Y"
        body = inner[2]
        link = OWNER_LINK.match(rest[inner[1] :])
        if link is None:
            return None, body
        rest = link["rest"]
    return organization_name(rest), body


def _body_or_meeting(text: str) -> tuple[int, int, str | None] | None:
    """The first body noun or meeting word of `text`: where, and the body it names."""
    noun = BODY_NOUN.search(text)
    meeting = MEETING_WORD.search(text)
    if meeting and (noun is None or meeting.start() < noun.start()):
        return meeting.start(), meeting.end(), meeting_body(meeting["word"])
    if noun:
        # "sektionens styrelse": a body of a body is named as written
        genitive = re.search(r"(?<![\w-])(\w+(?:ens|ets))\s+$", text[: noun.start()])
        if genitive:
            return genitive.start(1), noun.end(), f"{genitive[1]} {noun[0]}"
        return noun.start(), noun.end(), definite(noun[0])
    return None


def _owner(text: str) -> Names:
    """The organisation before its meeting, in the genitive ("Datorklubben Bitens") or not
    ("Kodklubben", "Ekby Sportklubb"); a body's genitive ("förbundsstyrelsens") names the body."""
    words = text.split()
    if not words or len(words) > ORGANIZATION_MAX_WORDS:
        return None, None
    last = words[-1]
    genitive = last.removesuffix(":s") if last.endswith(":s") else last.removesuffix("s")
    if BODY_NOUN.fullmatch(genitive):
        return None, definite(genitive)
    if last.endswith("s") and len(genitive) > 1:
        words[-1] = genitive
    name = organization_name(" ".join(words), trim=False)
    if name is None or name != " ".join(words) or not plain_name(name):
        return None, None
    return name, None


def organization_name(text: str, *, trim: bool = True, capitalised: bool = True) -> str | None:
    """The name at the start of `text`, up to what is no longer a name: a date, a weekday,
    "kl", a label, a comma; `trim` drops trailing lowercase words unless they name an
    organisation ("Västby svenska församling", not "Ekby vägsamfällighet för
    verksamhetsåret"). A name starts with a capital or an organisation's noun, unless not
    `capitalised` ("folkhälsa och sjukvård", the field a committee is named by)."""
    words: list[str] = []
    for raw in text.split():
        word = raw.strip('"”“()')
        bare = word.strip(",.;:")
        if (
            not bare
            or bare.casefold() in NAME_STOPS
            or any(ch.isdigit() for ch in word)
            or (word[:1].isupper() and bare.casefold() in LABEL_WORDS)
            or MEETING_WORD.fullmatch(bare)
            or DOCUMENT_KIND.fullmatch(bare)
            or len(words) >= ORGANIZATION_MAX_WORDS
        ):
            break
        words.append(bare)
        if word[-1] in ",.;:" or raw[-1] in ")":
            break
    while (
        trim
        and words
        and (
            words[-1].casefold() in NAME_CONNECTORS
            or (words[-1].islower() and not ORGANIZATION_NOUN.fullmatch(words[-1]))
        )
    ):
        words.pop()
    if not words or (
        capitalised and not (words[0][:1].isupper() or ORGANIZATION_NOUN.fullmatch(words[0]))
    ):
        return None
    return " ".join(words)


def meeting_body(word: str) -> str | None:
    """The body a meeting word names: the board meets at a "styrelsemöte", the members at an
    "årsmöte" or a "kretsårsmöte"; a bare "möte" names none."""
    key = " ".join(word.casefold().split())
    if key in MEETING_BODIES:
        return MEETING_BODIES[key]
    key = QUALIFIER.sub("", key)
    for meeting, body in MEETING_BODIES.items():
        if key.startswith(meeting):
            return body
    return None if key in BARE_MEETING_WORDS else key


def definite(noun: str) -> str:
    """ "Representantskap" → "Representantskapet": a body's name in its definite form."""
    for head, ending in DEFINITE_ENDINGS:
        if noun.casefold().endswith(head):
            return f"{noun}{ending}"
    return noun

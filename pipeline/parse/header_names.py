"""Who met: the organisation and its body, from the minutes' title ("Protokoll fört vid
styrelsemöte för X", "X:s årsmöte"), a body field ("Organ"), a name line, the running page
headers and the municipality or region that the header names."""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.nlp.dates import find_dates
from pipeline.parse.header_fields import HeaderField
from pipeline.vocabulary.header import (
    BODY_LABELS,
    BODY_NOUN,
    DATE_LABELS,
    MEETING_BODIES,
    MONTHS,
    ORGANIZATION_NOUN,
    OTHER_FIELD_LABELS,
    PLACE_LABELS,
    QUORUM_OF_BODY,
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

TITLE_CHARS = 600  # the title, and a web page's copy of it, stand at the top
TITLE_LINES = 4
TITLE_LINE_CHARS = 200
ORGANIZATION_MAX_WORDS = 8
NAME_LINE_MAX_WORDS = 6
NAME_ALONE_MAX_WORDS = 4

_MEETING_WORD = r"[\wåäö-]*(?:möte|stämma|sammanträde|kongress|sammankomst)"
# A meeting word, also when it opens the name of the document ("Årsmötesprotokoll").
MEETING_WORD = re.compile(
    rf"(?<![\w-])(?P<word>(?:(?:extra|konstituerande|ordinarie)\s+)?{_MEETING_WORD}|board\s+meeting"
    rf"|annual\s+(?:general\s+)?meeting)(?:s?protokoll\w*)?(?![\w-])",
    re.IGNORECASE,
)
DOCUMENT_KIND = re.compile(
    r"(?<![\w-])(?:sammanträdes|mötes|års|styrelse|justerat\s+|ojusterat\s+)?protokoll(?:et)?"
    r"(?![\w-])",
    re.IGNORECASE,
)
# "Protokoll fört vid …", "Protokoll från …", "Protokoll över …": the title names the meeting,
# on its line or the next.
MINUTES_OF = re.compile(
    r"(?<![\w-])\w*protokoll\.?\s+(?:fört\s+)?(?:vid|från|över)\s*:?\s+"
    r"(?=(?P<rest>[^\n\"”]{1,200}(?:\n[^\n\"”]{1,200})?))",
    re.IGNORECASE,
)
# "Nämnden för folkhälsa och sjukvård": a committee named by its field, not by its owner.
FIELD_NAMED_BODIES = {"nämnden", "utskottet", "beredningen", "kommittén", "rådet", "delegationen"}
# A body or a meeting word, then whose: "styrelsemöte för X", "sammanträde med nämnden i X",
# "Styrelsemöte - X", "KRETSÅRSMÖTE, X, 2018-02-27".
OF_ORGANIZATION = re.compile(
    r"^\s*(?:(?:för|med|i|inom|hos)\s+|[-–—|,]\s*)(?P<rest>.+)$", re.I | re.S
)
# Documents that are not the organisation: "Kallelse 2023-05-02", "Minnesanteckningar …".
DOCUMENT_TITLES = {*MINUTES_TITLES, *AGENDA_TITLES, "kallelse", "möte", "template", "mall"}
STARTS_CLAUSE = re.compile(r"[ \t]+[a-zåäö]")  # a lowercase word goes on: a sentence
SENTENCE_GOES_ON = re.compile(r"[ \t]+(?!(?:för|i|med|inom|och)\b)[a-zåäö]")
# "senaste styrelsemötet": a title names its own meeting, not another.
ANOTHER_MEETING = re.compile(r"\b(?:nästa|kommande|föregående|förra|senaste)$", re.IGNORECASE)
# Municipalities and regions name themselves so: "Jönköpings kommun", "Region Jämtland",
# "Jämtlands läns landsting", and in compounds ("Melleruds kommunkontor").
PUBLIC_BODY = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ-]+s\s+(?:läns\s+)?(?:kommun(?!al)|landsting)"
    r"|[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s+(?:kommun|stad)(?![\w-])|Region\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+län)?)",
)
PUBLIC_BODY_IN_CAPITALS = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖ-]+S\s+(?:LÄNS\s+)?(?:KOMMUN|LANDSTING)|REGION\s+[A-ZÅÄÖ-]+)(?![\w-])"
)
CONNECTORS = {"i", "för", "och", "av", "de", "af", "på", "vid", "med", "inom", "hos", "läns"}
# Words that never open or end a name: "Underlag till styrelsemöte" names no organisation.
FUNCTION_WORDS = {*CONNECTORS - {"läns"}, "till", "från", "om", "inför", "efter", "under", "samt"}
# Words that end an organisation's name in a title: its date, time, weekday, the next label.
_NAME_STOPS = {
    "den",
    "kl",
    "klockan",
    "sida",
    "page",
    *MONTHS,
    *WEEKDAYS,
    *(f"{w}en" for w in WEEKDAYS),
}
_LABEL_WORDS = {
    w
    for label in [
        *ATTENDANCE_LABELS,
        *ROLE_LABELS,
        *DATE_LABELS,
        *PLACE_LABELS,
        *BODY_LABELS,
        *TIME_AND_PLACE_LABELS,
        *OTHER_FIELD_LABELS,
    ]
    for w in label.split()
    if w not in CONNECTORS
}
# The indefinite body heads and their definite forms: a body is named definite ("Nämnden").
DEFINITE = (
    ("styrelse", "n"),
    ("nämnd", "en"),
    ("utskott", "et"),
    ("råd", "et"),
    ("skap", "et"),
    ("kommitté", "n"),
    ("beredning", "en"),
    ("direktion", "en"),
    ("grupp", "en"),
    ("stämma", "n"),
)


def organization_and_body(
    zone: str,
    fields: Sequence[HeaderField],
    running_lines: Sequence[str],
    document: str,
    place: str | None = None,
) -> tuple[str | None, str | None]:
    """The organisation and the body that met, each from the best source that names it; a
    municipality named as the meeting's place ("Hotell Halland, Kungsbacka kommun") is none."""
    title = zone[:TITLE_CHARS]
    organization, body = title_names(title)
    stated = next((b for f in fields if f.label in BODY_LABELS if (b := body_in(f.value))), None)
    body = stated or body or standing_body(title) or body_of_quorum(document)
    body = " ".join(body.casefold().split()) if body else None  # one spelling per body
    if organization is None:
        public = public_body(f"{zone}\n" + "\n".join(running_lines))
        if public and place and public.casefold() in place.casefold():
            public = None
        organization = named_organization(title) or organization_of(running_lines) or public
    return organization, body


def title_names(title: str) -> tuple[str | None, str | None]:
    """Organisation and body from the title: "Protokoll fört vid styrelsemöte för X",
    "Protokoll fört vid X:s årsmöte", "Styrelsen för X", "Styrelsemöte - X", "X höstmöte",
    "Mötesprotokoll X", "X 20141114". A title that names both wins over one that names the
    body alone."""
    found = [_meeting_phrase(m["rest"]) for m in MINUTES_OF.finditer(title)]
    for segment, after_kind, before_date, before_kind in _title_segments(title):
        found.append(_meeting_phrase(segment))
        if after_kind or before_date or before_kind:
            found.append((_name_alone(segment), None))
    organization = next((o for o, _ in found if o), None)
    body = next((b for o, b in found if o and b), None) or next((b for _, b in found if b), None)
    return organization, body


def _title_segments(title: str) -> list[tuple[str, bool, bool, bool]]:
    """The title's first lines cut at the kind of document and at dates, as a page printed on
    one line runs them together ("Mötesprotokoll LiTHe kod 19 November 2020 Kallade …"): each
    piece, whether it follows the kind of document, and whether a date or the kind follows."""
    lines = [WEB_CHROME.sub("", line).strip(' "“') for line in title.split("\n")]
    segments: list[tuple[str, bool, bool, bool]] = []
    for line in [line[:TITLE_LINE_CHARS] for line in lines if line][:TITLE_LINES]:
        cuts = sorted(
            [(m.start(), m.end(), "kind") for m in DOCUMENT_KIND.finditer(line)]
            + [(d.start, d.end, "date") for d in find_dates(line)]
        )
        position, after_kind = 0, False
        for start, end, kind in [*cuts, (len(line), len(line), "end")]:
            piece = line[position:start].strip(" -–:,.")
            if piece:
                segments.append((piece, after_kind, kind == "date", kind == "kind"))
            position, after_kind = max(position, end), kind == "kind"
    return segments


def _name_alone(segment: str) -> str | None:
    """ "LiTHe kod" after "Mötesprotokoll" or before the date: a name and nothing else."""
    name = organization_name(segment, trim=False)
    if name != segment or len(segment.split()) > NAME_ALONE_MAX_WORDS:
        return None
    return name if _plain_name(name) else None


def _plain_name(name: str) -> bool:
    """A name that is no body, meeting, document or label word."""
    words = [w.casefold() for w in name.split()]
    return not (
        BODY_NOUN.search(name)
        or MEETING_WORD.search(name)
        or DOCUMENT_KIND.search(name)
        or name.casefold() in DOCUMENT_TITLES
        or any(w in _LABEL_WORDS for w in words)
        or words[0] in FUNCTION_WORDS
        or words[-1] in FUNCTION_WORDS
    )


def _meeting_phrase(text: str) -> tuple[str | None, str | None]:
    """ "styrelsemöte för Adelsö Hembygdslag torsdagen den …" → (Adelsö Hembygdslag, styrelsen);
    "Naturskyddsföreningen Nordanstigs styrelsemöte" → (Naturskyddsföreningen Nordanstig, …)."""
    head = _body_or_meeting(text)
    if head is None:
        return None, None
    start, end, body = head
    before, after = text[:start].strip(" ,:"), text[end:]
    if BODY_NOUN.fullmatch(text[start:end]) and SENTENCE_GOES_ON.match(after):
        return None, None  # "Styrelsen konstaterades vara fulltalig": a sentence, no title
    if ANOTHER_MEETING.search(before):
        return None, None
    if before:
        owner, owner_body = _owner(before)
        return owner, body or owner_body
    of = OF_ORGANIZATION.match(after)
    if of is None:
        return None, body
    rest = of["rest"]
    if body and body.casefold() in FIELD_NAMED_BODIES and after.lstrip().startswith("för"):
        field = organization_name(rest, trim=False)
        return None, f"{text[start:end]} för {field}" if field else body
    inner = _body_or_meeting(rest)
    if inner and inner[0] == 0 and inner[2]:  # "sammanträde med arbetsutskottet, RAR i Sörmland"
        body = inner[2]
        of = OF_ORGANIZATION.match(rest[inner[1] :])
        if of is None:
            return None, body
        rest = of["rest"]
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


def _owner(text: str) -> tuple[str | None, str | None]:
    """The organisation before its meeting, in the genitive ("Datorföreningen Stackens") or not
    ("LiTHe kod", "Börje Sportklubb"); a body's genitive ("förbundsstyrelsens") names the body."""
    words = text.split()
    if not words or len(words) > ORGANIZATION_MAX_WORDS:
        return None, None
    last = words[-1]
    genitive = last.removesuffix(":s") if last.endswith(":s") else last.removesuffix("s")
    if BODY_NOUN.fullmatch(f"{genitive}"):
        return None, definite(genitive)
    if last.endswith("s") and len(genitive) > 1:
        words[-1] = genitive
    name = organization_name(" ".join(words), trim=False)
    if name is None or name != " ".join(words) or not _plain_name(name):
        return None, None
    return name, None


def organization_name(text: str, *, trim: bool = True) -> str | None:
    """The name at the start of `text`, up to what is no longer a name: a date, a weekday,
    "kl", a label, a comma; without trailing lowercase words unless they name an organisation
    ("Sibbo svenska församling", not "Långvikens vägsamfällighet för verksamhetsåret")."""
    words: list[str] = []
    for raw in text.split():
        word = raw.strip('"”“()')
        key = word.strip(",.;:").casefold()
        if (
            not word
            or key in _NAME_STOPS
            or any(ch.isdigit() for ch in word)
            or (word[:1].isupper() and key in _LABEL_WORDS)
            or MEETING_WORD.fullmatch(word.strip(",.;:"))
            or DOCUMENT_KIND.fullmatch(word.strip(",.;:"))
            or len(words) >= ORGANIZATION_MAX_WORDS
        ):
            break
        words.append(word.strip(",.;:"))
        if word[-1] in ",.;:" or raw[-1] in ")":
            break
    while (
        trim
        and words
        and (
            words[-1].casefold() in CONNECTORS
            or (words[-1].islower() and not ORGANIZATION_NOUN.fullmatch(words[-1]))
        )
    ):
        words.pop()
    if not words or not (words[0][:1].isupper() or ORGANIZATION_NOUN.fullmatch(words[0])):
        return None
    return " ".join(words)


def meeting_body(word: str) -> str | None:
    """The body a meeting word names: the board meets at a "styrelsemöte", the members at an
    "årsmöte" or a "kretsårsmöte"; a bare "möte" names none."""
    key = " ".join(word.casefold().split())
    if key in MEETING_BODIES:
        return MEETING_BODIES[key]
    key = re.sub(r"^(?:konstituerande|ordinarie)\s+", "", key)
    for meeting, body in MEETING_BODIES.items():
        if key.startswith(meeting):
            return body
    if key in {"möte", "sammanträde", "sammankomst"}:
        return None
    return key


def body_in(value: str) -> str | None:
    """The body a body field names ("Organ Kommunfullmäktige", "Mötesform: Årsmöte")."""
    meeting = MEETING_WORD.search(value)
    noun = BODY_NOUN.search(value)
    if meeting and (noun is None or meeting.start() < noun.start()):
        return meeting_body(meeting["word"])
    return definite(noun[0]) if noun else None


def standing_body(title: str) -> str | None:
    """A body written as a name of its own in the title: "Socialnämnden", "Styrelsen",
    "PROTOKOLL Landstingsfullmäktige"; a lowercase "fullmäktige" is a mention, and so is the
    subject of a sentence ("Styrelsen konstaterades vara fulltalig")."""
    for match in BODY_NOUN.finditer(title):
        if match[0][:1].isupper() and not STARTS_CLAUSE.match(title, match.end()):
            return definite(match[0])
    return None


def definite(noun: str) -> str:
    """ "Representantskap" → "Representantskapet": a body's name in its definite form."""
    for head, ending in DEFINITE:
        if noun.casefold().endswith(head):
            return f"{noun}{ending}"
    return noun


def body_of_quorum(text: str) -> str | None:
    """The body whose quorum the minutes establish ("Styrelsen är beslutsmässig")."""
    match = QUORUM_OF_BODY.search(text)
    if match is None:
        return None
    return (match["possessive"] or match["subject"]).casefold()


def named_organization(title: str) -> str | None:
    """A title line that is nothing but the organisation's name ("EKBACKENS BYALAG")."""
    for line in [t.strip() for t in title.split("\n") if t.strip()][:TITLE_LINES]:
        words = line.split()
        if (
            1 <= len(words) <= NAME_LINE_MAX_WORDS
            and ORGANIZATION_NOUN.search(line)
            and not DOCUMENT_KIND.search(line)
            and not MEETING_WORD.search(line)
            and not any(ch.isdigit() for ch in line)
        ):
            return line.strip(" ,.")
    return None


RUNNING_NOISE = re.compile(
    r"\b(?:protokoll|sammanträdesprotokoll|minutes|sida|page)\b|\d+\s*\(\d+\)|[\d\-./:]{4,}|\b\d+\b",
    re.IGNORECASE,
)


def organization_of(running_lines: Sequence[str]) -> str | None:
    """The organization named in a running page header ("Långasands Byalag PROTOKOLL 1 (3)")."""
    for line in running_lines:
        name = " ".join(RUNNING_NOISE.sub(" ", line).split()).strip(" ,.-–|")
        words = name.split()
        if 1 <= len(words) <= 6 and words[0][:1].isupper() and not BODY_NOUN.fullmatch(name):
            return name
    return None


def public_body(text: str) -> str | None:
    """The municipality or region the header names ("Jönköpings kommun", "Region Jämtland"),
    also in a compound ("Jämtlands läns landstingsstyrelse": "Jämtlands läns landsting")."""
    match = PUBLIC_BODY.search(text) or PUBLIC_BODY_IN_CAPITALS.search(text)
    return match["name"] if match else None

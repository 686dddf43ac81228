"""Who met: the organisation and its body, each from the best source that names it: the title,
a body field ("Organ", "Mötesform"), a line that is only a name, the running page headers, the
municipality or region the header names, or a signature "för" the organisation."""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.parse.header_fields import HeaderField
from pipeline.parse.header_title import (
    definite,
    meeting_body,
    meeting_phrase,
    organization_name,
    title_names,
)
from pipeline.vocabulary.header import (
    BODY_LABELS,
    BODY_NOUN,
    DOCUMENT_KIND,
    MEETING_WORD,
    ORGANIZATION_NOUN,
    PUBLIC_BODY,
    PUBLIC_BODY_IN_CAPITALS,
    QUORUM_OF_BODY,
    RUNNING_NOISE,
    SIGNED_FOR,
)

TITLE_CHARS = 600  # the title, and a web page's copy of it, stand at the top
NAME_LINES = 4
NAME_LINE_MAX_WORDS = 6
RUNNING_NAME_MAX_WORDS = 6
SIGNATURES_CHARS = 1500  # the signature block closes the minutes


def organization_and_body(
    zone: str,
    fields: Sequence[HeaderField],
    running_lines: Sequence[str],
    text: str,
    place: str | None = None,
) -> tuple[str | None, str | None]:
    """The organisation and the body that met; a municipality named as the meeting's place
    ("Hotell Halland, Kungsbacka kommun") is not the organisation. Bodies are given in one
    spelling, casefolded, so that an archive groups its meetings by them."""
    title = zone[:TITLE_CHARS]
    organization, body = title_names(title)
    stated = next((b for f in fields if f.label in BODY_LABELS if (b := body_in(f.value))), None)
    body = stated or body or standing_body(title) or body_of_quorum(text)
    if organization is None:
        public = public_body(f"{zone}\n" + "\n".join(running_lines))
        if public and place and public.casefold() in place.casefold():
            public = None
        organization = (
            named_organization(title)
            or organization_of(running_lines)
            or public
            or signed_for(text[-SIGNATURES_CHARS:])
        )
    return organization, " ".join(body.casefold().split()) if body else None


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
        if match[0][:1].isupper() and meeting_phrase(title[match.start() :]) != (None, None):
            return definite(match[0])
    return None


def body_of_quorum(text: str) -> str | None:
    """The body whose quorum the minutes establish ("Styrelsen är beslutsmässig")."""
    match = QUORUM_OF_BODY.search(text)
    if match is None:
        return None
    return (match["possessive"] or match["subject"]).casefold()


def named_organization(title: str) -> str | None:
    """A title line that is nothing but the organisation's name ("EKBACKENS BYALAG")."""
    for line in [t.strip() for t in title.split("\n") if t.strip()][:NAME_LINES]:
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


def organization_of(running_lines: Sequence[str]) -> str | None:
    """The organization named in a running page header ("Ekby Byalag PROTOKOLL 1 (3)")."""
    for line in running_lines:
        name = " ".join(RUNNING_NOISE.sub(" ", line).split()).strip(" ,.-–|")
        words = name.split()
        if (
            1 <= len(words) <= RUNNING_NAME_MAX_WORDS
            and words[0][:1].isupper()
            and not BODY_NOUN.fullmatch(name)
        ):
            return name
    return None


def public_body(text: str) -> str | None:
    """The municipality or region the header names ("Västby kommun", "Region Östmark"),
    also in a compound ("Östmarks läns landstingsstyrelse": "Östmarks läns landsting")."""
    match = PUBLIC_BODY.search(text) or PUBLIC_BODY_IN_CAPITALS.search(text)
    return match["name"] if match else None


def signed_for(text: str) -> str | None:
    """The organisation the minutes are signed for: "För Föreningen Solrosen", "För styrelsen
    i Föreningen Solrosen"."""
    for match in SIGNED_FOR.finditer(text):
        rest = match["rest"].strip()
        owner = meeting_phrase(rest)[0]
        if owner is None:
            named = organization_name(rest)
            owner = named if named and ORGANIZATION_NOUN.search(named) else None
        if owner:
            return owner
    return None

"""The words by which a text shows that it is minutes, one table per kind of sign.

Every organisation's minutes say what kind of record they are, that a meeting was held, who
attended and in what office, how the meeting ran (opened, adjusters chosen, agenda approved,
closed), what it decided, and who signed. A manual, an invoice, a form or a report says few of
these things, and seldom several kinds of them.

The words are matched in the text with its whitespace and line breaks taken out and in lower
case, so that a page printed as one line, a table flattened into a run of words, or letters
spaced out by a PDF text layer ("P roto ko l l") still show them. That makes each entry a
substring of running text without word boundaries: an entry must be specific enough not to
occur inside unrelated words ("justeras" alone is any adjustment in a manual; "vid
protokollet" is the secretary's signature). Where one entry contains another, the longer one
is counted, once for each place it occurs.
"""

from __future__ import annotations

import re

# What kind of record the text is: "Protokoll", "Sammanträdesprotokoll", "Minutes of the …".
RECORD_WORDS = (
    "protokoll",
    "mötesanteckningar",
    "minnesanteckningar",
    "anteckningar från mötet",
    "anteckningar från styrelsemöte",
    # English minutes; "minutes" alone is a unit of time
    "minutes of the meeting",
    "minutes of meeting",
    "meeting minutes",
    "minutes of the board",
    "minutes of the annual",
    "minutes of the regular",
    "minutes of the special",
    "minutes of the general",
    "minutes of the committee",
    "board minutes",
)

# Kinds of document an archive of minutes also holds, as their first words name them: "Kallelse
# till årsmöte", "Stadgar för …", "Faktura". They carry a meeting's agenda, its offices or its
# date, and are not its record.
OTHER_DOCUMENT_WORDS = (
    "kallelse",
    "stadgar",
    "stadga för",
    "faktura",
    "bruksanvisning",
    "användarhandbok",
    "manual",
    "nyhetsbrev",
    "medlemsblad",
    "medlemsbrev",
    "verksamhetsberättelse",
    "årsredovisning",
    "inbjudan",
    "ansökan",
    "blankett",
    "notice of",
    "bylaws",
    "invoice",
    "newsletter",
    "user guide",
)

# That a meeting was held: "sammanträde", "årsmöte", "mötet", "stämman".
MEETING_WORDS = (
    "sammanträde",
    "sammankomst",
    "möte",
    "mötet",
    "mötes",
    "stämman",
    "årsstämma",
    "föreningsstämma",
    "meeting",
    "board meeting",
    "annual meeting",
    "general meeting",
)

# Bodies that hold meetings: a title names the one that met ("Kommunfullmäktige", "Styrelsen").
BODY_WORDS = (
    "styrelse",
    "nämnd",
    "utskott",
    "fullmäktige",
    "kommitté",
    "beredning",
    "direktion",
    "presidium",
    "församlingsråd",
    "kongress",
    "board of directors",
    "committee",
    "council",
)

# The items every meeting runs through, in the words minutes use for them.
PROCEDURE_WORDS = (
    "val av justerare",
    "val av protokolljusterare",
    "val av justeringsperson",
    "val av mötesordförande",
    "val av ordförande",
    "val av sekreterare",
    "val av mötessekreterare",
    "val av rösträknare",
    "utses att justera",
    "att justera protokollet",
    "justering av protokoll",
    "dagordning",
    "föredragningslista",
    "ärendelista",
    "röstlängd",
    "beslutsmässig",
    "beslutför",
    "stadgeenligt",
    "behörigt utlyst",
    "behörigen kallat",
    "övriga frågor",
    "nästa möte",
    "nästa sammanträde",
    "föregående protokoll",
    "föregående mötesprotokoll",
    "ansvarsfrihet",
    "anmälningsärenden",
    "delegationsbeslut",
    "upprop",
    "beslutbar",
    "beslutsförhet",
    "mötesfunktionärer",
    "val av funktionärer",
    # English minutes
    "opening of the meeting",
    "meeting opened",
    "election of chair",
    "election of secretary",
    "election of meeting",
    "election of two",
    "agenda",
    "voting list",
    "discharge from liability",
    "discharge of the board",
    "discharge from the board",
    "end of meeting",
    "closing of the meeting",
    "call to order",
    "called to order",
    "approval of the agenda",
    "approval of agenda",
    "adoption of the agenda",
    "approval of the minutes",
    "approval of minutes",
    "minutes of the previous meeting",
    "matters arising",
    "any other business",
    "date of next meeting",
    "next meeting",
    "meeting adjourned",
    "meeting was adjourned",
    "meeting closed",
    "quorum",
)

# Labels of the attendance lists.
ATTENDANCE_WORDS = (
    "närvarande",
    "frånvarande",
    "anmält förhinder",
    "förhinder",
    "beslutande",
    "tjänstgörande",
    "ersättare",
    "adjungerad",
    "adjungerade",
    "ledamöter",
    "övriga deltagare",
    "övriga deltagande",
    "närvarolista",
    "närvaro",
    "kallade",
    # English minutes
    "members present",
    "present were",
    "present:",
    "in attendance",
    "attendees",
    "apologies",
    "absent:",
)

# The offices of a meeting, as minutes name the people who hold them.
OFFICER_WORDS = (
    "ordförande",
    "ordförandes",
    "sekreterare",
    "justerare",
    "protokollförare",
    "mötesordförande",
    "mötessekreterare",
    "protokolljusterare",
    "justeringsperson",
    "justeringspersoner",
    "rösträknare",
    "kassör",
    "ledamot",
    "suppleant",
    # English minutes
    "chairperson",
    "chairman",
    "chairwoman",
    "chair:",
    "secretary:",
    "minute taker",
    "minutes taken by",
    "recording secretary",
    "treasurer",
    "approvers",
    "adjusters",
)

# The words with which minutes record what the meeting decided.
DECISION_WORDS = (
    "beslut",
    "beslutade",
    "beslutar",
    "beslöt",
    "beslutades",
    "beslöts",
    "godkändes",
    "godkände",
    "godkänns",
    "godkänner",
    "fastställdes",
    "fastställde",
    "beviljades",
    "beviljas",
    "mötet valde",
    "mötet väljer",
    "väljs till",
    "utses till",
    "fastställs",
    "antogs",
    "valdes",
    "omvaldes",
    "nyvaldes",
    "utsågs",
    "bifölls",
    "biföll",
    "avslogs",
    "avslås",
    "bordlades",
    "bordläggs",
    "återremitter",
    "yrkande",
    "yrkade",
    "bifall",
    "till handlingarna",
    "enades om",
    "omröstning",
    "reserverar sig",
    "reserverade sig",
    "attsatsen",
    "attsats",
    # English minutes
    "appointed as",
    "was elected",
    "were elected",
    "elected as",
    "it was decided",
    "decided to",
    "decided that",
    "resolved that",
    "it was resolved",
    "motion carried",
    "motion passed",
    "seconded by",
    "moved and seconded",
    "it was agreed",
    "was approved",
    "were approved",
)

# What the signature block of minutes says.
SIGNATURE_WORDS = (
    "vid protokollet",
    "protokollet justeras",
    "protokollet justerat",
    "justerandes",
    "justerares",
    "justeringsdatum",
    "justeringens",
    "anslagsbevis",
    "bevis om justering",
    "protokollets justering",
    "justeras ordförande",
    "justeras justerare",
    "justeras:",
    "justerat:",
    "ordförandes signatur",
    "signaturer",
    "underskrifter",
    "sekreterares signatur",
    # English minutes
    "minutes approved",
    "signed as a true record",
    "signed as a correct record",
)

# Labels of a meeting's header: when and where it met.
WHEN_WORDS = (
    "sammanträdesdatum",
    "mötesdatum",
    "tid och plats",
    "plats och tid",
    "datum och tid",
    "tid och datum",
)

# A clock time as a meeting's header or its opening writes it, in text without whitespace:
# "kl 18.00", "kl. 9", "klockan 19:30", "13.00 - 16.30".
CLOCK_TIME = re.compile(
    r"kl(?:ockan)?\.?\d{1,2}(?:[.:]\d{2})?"  # "kl 18.00", "klockan 19:30"
    r"|\d{1,2}[.:]\d{2}[-–—]\d{1,2}[.:]\d{2}"  # "13.00 - 16.30"
)

# The meeting opened and closed, in any word order and tense: "Mötets öppnande", "X förklarar
# sammanträdet öppnat", "Öppnande av möte", "Ordföranden avslutade mötet". Matched like the
# words above, in lower-case text without whitespace; each counts as one item of the procedure.
_MEETING = r"(?:mötet|mötets|möte|sammanträdet|sammanträdets|stämman|stämmans)"
_OPENED = r"(?:förklarades?)?öppn(?:ade|ar|as|ades|ande|at|ing)"
_CLOSED = r"(?:förklarades?)?(?:avslut(?:ade|ar|as|ades|ande|at|ning)|stäng(?:de|des|er|s|t))"
MEETING_OPENED = re.compile(rf"{_MEETING}{_OPENED}|{_OPENED}(?:av)?{_MEETING}")
MEETING_CLOSED = re.compile(rf"{_MEETING}{_CLOSED}|{_CLOSED}(?:av)?{_MEETING}")

"""The Swedish words of minutes, mapped to the project's English keys.

Domain words live here, in tables, so that a new habit of writing minutes is one new row, not a
new regular expression somewhere in the parser. The words that record decisions and their
outcomes are in decisions.py, the words of the meeting's header in header.py.
"""

from __future__ import annotations

import re
from collections.abc import Collection

import rapidfuzz
from rapidfuzz import fuzz

from pipeline.records import Role, Status

# The header's own words live in header.py; the parser's other stages read its labels here too.
from pipeline.vocabulary.header import BODY_LABELS as BODY_LABELS
from pipeline.vocabulary.header import DATE_LABELS as DATE_LABELS
from pipeline.vocabulary.header import GENERAL_MEETING_ENDINGS as GENERAL_MEETING_ENDINGS
from pipeline.vocabulary.header import PLACE_LABELS as PLACE_LABELS
from pipeline.vocabulary.header import TIME_AND_PLACE_LABELS as TIME_AND_PLACE_LABELS
from pipeline.vocabulary.inflection import Conjugation, Form, inflect

# rapidfuzz ratio at which a word is one of the vocabulary's typed or read with a slip:
# "sekretare" is 90 from "sekreterare", "mötessekeretare" 90 from "mötessekreterare"; "justering"
# is 67 from "justerare", "kassör" < 50 from every role word.
WORD_SLIP_MIN_RATIO = 88


def closest_word(word: str, words: Collection[str]) -> str | None:
    """`word`, casefolded, if `words` has it, else the one of `words` it is a slip of, or None."""
    key = word.casefold()
    if key in words:
        return key
    match = rapidfuzz.process.extractOne(
        key, list(words), scorer=fuzz.ratio, score_cutoff=WORD_SLIP_MIN_RATIO
    )
    return match[0] if match else None


# Labels that open an attendance block, casefolded, with the status and role they give.
ATTENDANCE_LABELS: dict[str, tuple[Status, Role | None]] = {
    "present": (Status.PRESENT, None),
    "attendees": (Status.PRESENT, None),
    "members": (Status.PRESENT, Role.MEMBER),
    "participants": (Status.PRESENT, None),
    "absent": (Status.ABSENT, None),
    "deltagare": (Status.PRESENT, None),
    "närvarande styrelseledamöter": (Status.PRESENT, Role.MEMBER),
    "styrelsemedlemmar": (Status.PRESENT, Role.MEMBER),
    "styrelseledamöter": (Status.PRESENT, Role.MEMBER),
    "övriga": (Status.PRESENT, None),
    "övriga medlemmar": (Status.PRESENT, Role.MEMBER),
    "medlemmar": (Status.PRESENT, Role.MEMBER),
    "närvarande": (Status.PRESENT, None),
    "närvarande ledamöter": (Status.PRESENT, Role.MEMBER),
    "beslutande": (Status.PRESENT, Role.MEMBER),
    "ledamöter": (Status.PRESENT, Role.MEMBER),
    "tjänstgörande ersättare": (Status.PRESENT, Role.SUBSTITUTE),
    "ersättare": (Status.PRESENT, Role.SUBSTITUTE),
    "ej tjänstgörande ersättare": (Status.PRESENT, Role.SUBSTITUTE),
    "närvarande ersättare": (Status.PRESENT, Role.SUBSTITUTE),
    "övriga närvarande": (Status.PRESENT, Role.STAFF),
    "övriga deltagande": (Status.PRESENT, Role.STAFF),
    "övriga deltagare": (Status.PRESENT, Role.STAFF),
    "tjänstemän": (Status.PRESENT, Role.STAFF),
    "adjungerade": (Status.PRESENT, Role.GUEST),
    "adjungerad": (Status.PRESENT, Role.GUEST),
    "gäster": (Status.PRESENT, Role.GUEST),
    "ej närvarande": (Status.ABSENT, None),
    "frånvarande": (Status.ABSENT, None),
    "anmält förhinder": (Status.ABSENT, None),
    "förhinder": (Status.ABSENT, None),
}

# Role words written next to a name ("Anna Berg, ordförande", a table cell "Kassör").
ROLE_WORDS: dict[str, Role] = {
    "ordförande": Role.CHAIR,
    "ordf": Role.CHAIR,
    "ordf.": Role.CHAIR,
    "mötesordförande": Role.CHAIR,
    "förbundsordförande": Role.CHAIR,
    "vice ordförande": Role.VICE_CHAIR,
    "vice ordf.": Role.VICE_CHAIR,
    "1:e vice ordförande": Role.VICE_CHAIR,
    "1:a vice ordförande": Role.VICE_CHAIR,
    "2:e vice ordförande": Role.VICE_CHAIR,
    "2:a vice ordförande": Role.VICE_CHAIR,
    "vice mötesordförande": Role.VICE_CHAIR,
    "sekreterare": Role.SECRETARY,
    "sekr.": Role.SECRETARY,
    "sekr": Role.SECRETARY,
    "mötessekreterare": Role.SECRETARY,
    "protokollförare": Role.SECRETARY,
    "kassör": Role.TREASURER,
    "kassor": Role.TREASURER,
    "ledamot": Role.MEMBER,
    "ledamöter": Role.MEMBER,
    "styrelseledamot": Role.MEMBER,
    "ordinarie ledamot": Role.MEMBER,
    "ledamot, ordinarie": Role.MEMBER,
    "ersättare": Role.SUBSTITUTE,
    "suppleant": Role.SUBSTITUTE,
    "tjänstgörande ersättare": Role.SUBSTITUTE,
    "justerare": Role.ADJUSTER,
    "protokolljusterare": Role.ADJUSTER,
    "justeringsperson": Role.ADJUSTER,
    "rösträknare": Role.VOTE_COUNTER,
    "revisor": Role.AUDITOR,
    "revisorssuppleant": Role.AUDITOR,
    "adjungerad": Role.GUEST,
    "gäst": Role.GUEST,
    "tjänsteman": Role.STAFF,
    "handläggare": Role.STAFF,
    # minutes kept in English
    "chair": Role.CHAIR,
    "chairman": Role.CHAIR,
    "chairwoman": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "vice chair": Role.VICE_CHAIR,
    "vice chairman": Role.VICE_CHAIR,
    "secretary": Role.SECRETARY,
    "treasurer": Role.TREASURER,
    "board member": Role.MEMBER,
    "deputy": Role.SUBSTITUTE,
    "auditor": Role.AUDITOR,
}
# Endings of job titles written beside a name ("Förbundschef", "Verksamhetsutvecklare").
TITLE_ENDINGS = (
    "chef",
    "direktör",
    "handläggare",
    "samordnare",
    "strateg",
    "sekreterare",
    "ordförande",
    "controller",
    "ekonom",
    "utvecklare",
    "konsult",
    "tjänsteman",
    "rektor",
    "kanslist",
    "assistent",
    "ansvarig",
    "ledare",
    "koordinator",
    "sakkunnig",
    "jurist",
    "revisor",
)
# Verbs of speaking at the meeting, past tense: "Anna Berg informerade om …" says she was there.
# Verbs of speaking or acting at the meeting, as lemmas: "Anna Berg informerar om …", "Bo Ek
# förklarade mötet öppnat" say they were there. Present and past forms are generated.
SPEECH_LEMMAS: tuple[tuple[str, Conjugation | str], ...] = (
    ("informera", Conjugation.FIRST),
    ("berätta", Conjugation.FIRST),
    ("presentera", Conjugation.FIRST),
    ("redogöra", "redogör redogjorde redogjort redogjord"),
    ("redovisa", Conjugation.FIRST),
    ("föredra", "föredrar föredrog föredragit föredragen"),
    ("visa", Conjugation.FIRST),
    ("lyfta", "lyfter lyfte lyft lyft"),
    ("peka", Conjugation.FIRST),
    ("påpeka", Conjugation.FIRST),
    ("fråga", Conjugation.FIRST),
    ("undra", Conjugation.FIRST),
    ("framföra", Conjugation.SECOND_D),
    ("inleda", "inleder inledde inlett inledd"),
    ("tacka", Conjugation.FIRST),
    ("läsa", Conjugation.SECOND_T),
    ("svara", Conjugation.FIRST),
    ("tillstyrka", Conjugation.SECOND_T),
    ("kommentera", Conjugation.FIRST),
    ("meddela", Conjugation.FIRST),
    ("rapportera", Conjugation.FIRST),
    ("yrka", Conjugation.FIRST),
    ("föreslå", "föreslår föreslog föreslagit föreslagen"),
    ("nominera", Conjugation.FIRST),
    ("hälsa", Conjugation.FIRST),
    ("förklara", Conjugation.FIRST),  # "förklarar sammanträdet öppnat": who opened it
    ("öppna", Conjugation.FIRST),
)
SPEECH_VERBS = tuple(
    sorted(
        {
            form
            for lemma, conjugation in SPEECH_LEMMAS
            for form, kinds in inflect(lemma, conjugation).items()
            if kinds & {Form.PRESENT, Form.PAST}
        }
    )
)
# "Under överläggningen yttrar sig A (S), B (M)": a list of those who spoke.
SPEAKER_LIST = re.compile(
    r"\b(?:yttrar|yttrade)\s+sig\b:?|\b(?:i\s+(?:debatten|överläggningen)\s+(?:deltar|deltog))\b:?"
    r"|\byttranden?\s+(?:av|från)\b:?",
    re.IGNORECASE,
)
# Words that put the verb before its subject: "Därefter berättade Per Ek om …".
INVERTING_ADVERBS = ("därefter", "sedan", "därpå", "då", "slutligen", "vidare", "först")

# Labels of lines that name people by their role at the meeting: they attended.
ROLE_LABELS: dict[str, Role] = {
    "ordförande": Role.CHAIR,
    "mötesordförande": Role.CHAIR,
    "vice ordförande": Role.VICE_CHAIR,
    "sekreterare": Role.SECRETARY,
    "protokollförare": Role.SECRETARY,
    "mötessekreterare": Role.SECRETARY,
    "justerare": Role.ADJUSTER,
    "justeringsperson": Role.ADJUSTER,
    "justeringspersoner": Role.ADJUSTER,
    "protokolljusterare": Role.ADJUSTER,
    "justerande": Role.ADJUSTER,
    "secretary": Role.SECRETARY,
    "chair": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "approvers": Role.ADJUSTER,
    "adjusters": Role.ADJUSTER,
}

# Markers that open the signature block, and the role of the names that follow them.
SIGNATURE_MARKERS: dict[str, Role] = {
    "vid protokollet": Role.SECRETARY,
    "protokollförare": Role.SECRETARY,
    "sekreterare": Role.SECRETARY,
    "justeras": Role.ADJUSTER,
    "justerat": Role.ADJUSTER,
    "justerare": Role.ADJUSTER,
    "justerande": Role.ADJUSTER,
    "protokollet justeras": Role.ADJUSTER,
    "ordförande": Role.CHAIR,
    "mötesordförande": Role.CHAIR,
}

# Titles under a signature that also tell the person's role at the meeting; first match wins.
TITLE_ROLES: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"\bvice\s+ordf", re.IGNORECASE), Role.VICE_CHAIR),
    (re.compile(r"ordförande$|^ordf\.?$", re.IGNORECASE), Role.CHAIR),
    (re.compile(r"^(?:mötes)?sekreterare$|^protokollförare$", re.IGNORECASE), Role.SECRETARY),
)

# Words that make a line an organisation (an affiliation) rather than a person's title.
AFFILIATION_MARKERS = re.compile(
    r"\b(?:landsting\w*|region\w*|\w*kommun|kommunen|\w*kassan|\w*förmedlingen|länsstyrelsen"
    r"|förbundet|förening\w*|\w*bolag\w*|ab|universitet\w*|högskola\w*|myndighet\w*|stad|staden"
    r"|förvaltning\w*)\b",
    re.IGNORECASE,
)

# Headings over the agenda: a bare list of the items the minutes then take up one by one.
AGENDA_TITLES = {
    "agenda",
    "dagordning",
    "föredragningslista",
    "förslag till dagordning",
    "ärendelista",
    "preliminär dagordning",
}
# Headings over the signature block, which opens no item of its own.
SIGNATURE_TITLES = {"signaturer", "underskrifter", "signatures", "justering", "justeras"}
# Headings over the minutes proper, when they are kept as an outline of items and notes.
MINUTES_TITLES = {
    "minutes",
    "minutes of meeting",
    "minutes of the meeting",
    "meeting minutes",
    "meeting notes",
    "notes",
    "protokoll",
    "mötesprotokoll",
    "anteckningar",
    "mötesanteckningar",
    "minnesanteckningar",
}

# Sub-headings that divide a section rather than open one ("3.1.2 Beslut", "Förslag till beslut").
SECTION_PART_TITLES = {
    "beslut",
    "förslag",
    "förslag till beslut",
    "yrkande",
    "yrkanden",
    "diskussion",
    "bakgrund",
    "ärendebeskrivning",
    "ärendet",
    "beslutsunderlag",
    "handlingar",
    "propositioner",
    "ändringsyrkanden",
    "ändringsyrkande",
    "förslag till beslut på sammanträdet",
    "motivering",
    "beslutsgång",
    "omröstning",
    "reservation",
    "reservationer",
    "protokollsanteckning",
    "information",
    "föredragande",
    "sammanfattning",
    "underlag",
}

# First words of agenda items, which make a line after a number read as an item's title.
ITEM_TITLE_WORDS = frozenset(
    {
        "val", "mötets", "mötet", "sammanträdets", "fastställande", "fastställelse",
        "godkännande", "anmälan", "anmälningsärenden", "information", "informationsärenden",
        "rapport", "rapporter", "ekonomi", "budget", "årsredovisning", "verksamhetsberättelse",
        "verksamhetsplan", "ansökan", "motion", "motioner", "medborgarförslag", "fråga",
        "frågan", "beslut", "övriga", "övrigt", "nästa", "avslutning", "avslutande", "öppnande",
        "justering", "föregående", "dagordning", "föredragningslista", "delårsrapport",
        "återredovisning", "återredovisningar", "yttrande", "remiss", "redovisning", "förslag",
        "ärenden", "ansvarsfrihet", "revisionsberättelse", "revisorernas", "styrelsens",
        "arvode", "arvoden", "medlemsavgift", "årsavgift", "stadgeändring", "propositioner",
        "uppföljning", "delegationsbeslut", "meddelanden", "konstituering", "upprop",
        "röstlängd", "adjungeringar", "ordförande", "kassör", "sekreterare",
        "election", "approval", "adoption", "opening", "closing", "any", "next", "report",
    }
)  # fmt: skip
# How the page of a web transcript begins its lines around the minutes' text.
WEB_CHROME = (
    "download",
    "transkript",
    "page ",
    "sida ",
    "save this pdf",
    "storlek:",
    "starta visningen",
    "embed size",
    "citation preview",
    "upload",
    "view",
)
# Lines that look like items but never are: the signature block, list labels, web chrome.
NOT_ITEM_TITLES = frozenset(
    {
        "signaturer", "underskrifter", "signatures", "justeras", "vid protokollet",
        "sekreterare", "justerare", "ordförande", "mötesordförande", "kallade", "närvarande",
        "transkript", "download", "storlek: px", "citation preview", "embed size (px)",
        "innehållsförteckning", "innehåll", "bilagor", "bilaga",
    }
)  # fmt: skip

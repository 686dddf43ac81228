"""The words around the people of minutes: the labels over them and the qualifiers beside them.

An attendance label is built from a closed set of words: modifiers ("övriga", "ej",
"tjänstgörande") before a head noun ("ledamöter", "ersättare", "närvarande"), so that
"Närvarande ej tjänstgörande ersättare" and "Beslutande ledamöter" need no row of their own.
Role words ("ordförande", "sekreterare") are labels before names or qualifiers after them;
stop labels ("Plats och tid", "Justeringens plats och tid") end a list of people.
"""

from __future__ import annotations

from pipeline.records import Role, Status

# Head nouns of attendance labels, casefolded, and the role they give those listed under them.
GROUP_HEADS: dict[str, Role | None] = {
    "närvarande": None,
    "beslutande": Role.MEMBER,
    "ledamöter": Role.MEMBER,
    "ledamot": Role.MEMBER,
    "styrelseledamöter": Role.MEMBER,
    "styrelse": Role.MEMBER,
    "styrelsemedlemmar": Role.MEMBER,
    "medlemmar": Role.MEMBER,
    "ersättare": Role.SUBSTITUTE,
    "suppleanter": Role.SUBSTITUTE,
    "suppleant": Role.SUBSTITUTE,
    "deltagare": None,
    "deltagande": None,
    "tjänstemän": Role.STAFF,
    "tjänstepersoner": Role.STAFF,
    "tjänsteman": Role.STAFF,
    "kansliet": Role.STAFF,
    "kansli": Role.STAFF,
    "sekretariatet": Role.STAFF,
    "sekretariat": Role.STAFF,
    "personal": Role.STAFF,
    "adjungerade": Role.GUEST,
    "adjungerad": Role.GUEST,
    "gäster": Role.GUEST,
    "inbjudna": Role.GUEST,
    "frånvarande": None,
    "förhinder": None,
    "närvaro": None,
    "närvarolista": None,
    "röstlängd": Role.MEMBER,
    "kallade": None,
    "övriga": Role.STAFF,
    "tjänstgörande": Role.SUBSTITUTE,
    "present": None,
    "attendees": None,
    "participants": None,
    "members": Role.MEMBER,
    "absent": None,
    "apologies": None,
    "guests": Role.GUEST,
}
# Words written before a head noun in a label ("Närvarande ej tjänstgörande ersättare").
GROUP_MODIFIERS = (
    "övriga",
    "ej",
    "icke",
    "inte",
    "närvarande",
    "beslutande",
    "tjänstgörande",
    "ordinarie",
    "anmält",
    "anmälda",
    "har",
    "styrelsens",
    "board",
)
# Words after a head noun that still belong to the label ("Beslutande kommunrepresentanter").
GROUP_TAILS = ("kommunrepresentanter", "partirepresentanter", "ledamöter", "ersättare")
# A label with one of these words lists those who were not there.
ABSENCE_WORDS = (
    "frånvarande",
    "ej närvarande",
    "icke närvarande",
    "förhinder",
    "absent",
    "apologies",
)
# Labels of those who were called: called but not listed present means absent.
INVITED_HEADS = ("kallade",)
# Labels of partial presence ("Deltog delvis:") and of full presence ("Deltog hela mötet:").
PRESENCE_PHRASES: dict[str, Status] = {
    "deltog hela mötet": Status.PRESENT,
    "deltog delvis": Status.PRESENT,
    "deltog ej": Status.ABSENT,
    "ej närvarande": Status.ABSENT,
}
# Role words as labels or as qualifiers; compounds ending in them count too
# ("Kongressordföranden", "Nämndsekreterare" is a title, see STAFF_TITLE_ENDINGS).
ROLE_PHRASES: dict[str, Role] = {
    "ordförande": Role.CHAIR,
    "ordföranden": Role.CHAIR,
    "ordf": Role.CHAIR,
    "mötesordförande": Role.CHAIR,
    "sammanträdesordförande": Role.CHAIR,
    "vice ordförande": Role.VICE_CHAIR,
    "vice ordf": Role.VICE_CHAIR,
    "1:e vice ordförande": Role.VICE_CHAIR,
    "1:a vice ordförande": Role.VICE_CHAIR,
    "2:e vice ordförande": Role.VICE_CHAIR,
    "2:a vice ordförande": Role.VICE_CHAIR,
    "förste vice ordförande": Role.VICE_CHAIR,
    "andre vice ordförande": Role.VICE_CHAIR,
    "vice mötesordförande": Role.VICE_CHAIR,
    "sekreterare": Role.SECRETARY,
    "sekreteraren": Role.SECRETARY,
    "sekr": Role.SECRETARY,
    "mötessekreterare": Role.SECRETARY,
    "protokollförare": Role.SECRETARY,
    "vid protokollet": Role.SECRETARY,
    "justerare": Role.ADJUSTER,
    "justerande": Role.ADJUSTER,
    "protokolljusterare": Role.ADJUSTER,
    "justeringsperson": Role.ADJUSTER,
    "justeringspersoner": Role.ADJUSTER,
    "justeringsmän": Role.ADJUSTER,
    "justeras": Role.ADJUSTER,
    "justerat": Role.ADJUSTER,
    "utses att justera": Role.ADJUSTER,
    "att justera": Role.ADJUSTER,
    "rösträknare": Role.VOTE_COUNTER,
    "suppleanten": Role.SUBSTITUTE,
    "ersättaren": Role.SUBSTITUTE,
    "kassör": Role.TREASURER,
    "revisor": Role.AUDITOR,
    "revisorer": Role.AUDITOR,
    "chair": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "secretary": Role.SECRETARY,
    "treasurer": Role.TREASURER,
    "adjusters": Role.ADJUSTER,
    "approvers": Role.ADJUSTER,
}
# Compounds whose last part is a role word and which name the meeting's role:
# "Kongressordföranden", "Stämmoordförande"; titles such as "Nämndsekreterare" are staff.
ROLE_COMPOUND_ENDINGS: dict[str, Role] = {
    "ordförande": Role.CHAIR,
    "ordföranden": Role.CHAIR,
    "justerare": Role.ADJUSTER,
    "rösträknare": Role.VOTE_COUNTER,
    "suppleanten": Role.SUBSTITUTE,
    "ersättaren": Role.SUBSTITUTE,
}
# Labels after which no more people are listed: the header's other fields, the notice block.
STOP_LABELS = (
    "paragraf",
    "plats och tid",
    "tid och plats",
    "plats och datum",
    "datum och plats",
    "datum och tid",
    "tid och datum",
    "sammanträdesdatum",
    "mötesdatum",
    "plats",
    "lokal",
    "tid",
    "datum",
    "justeringens plats och tid",
    "justeringens tid och plats",
    "justeringens plats, tid",
    "justering",
    "paragrafer",
    "justerade paragrafer",
    "organ",
    "anslag/bevis",
    "bevis/anslag",
    "anslag",
    "förvaringsplats för protokollet",
    "protokollets förvaringsplats",
    "utdragsbestyrkande",
    "diarienummer",
    "sida",
    "innehåll",
    "innehållsförteckning",
    "ärendelista",
    "föredragningslista",
    "dagordning",
)
# Labels over the signatures: roles written there name the signing people, label first.
SIGNATURE_LABELS = ("underskrifter", "underskrift", "signaturer", "signatures")

# Endings of job titles written beside a name ("barn- och utbildningschef", "inspektör"): the
# person is an official, listed among the staff.
STAFF_TITLE_ENDINGS = (
    "chef",
    "direktör",
    "handläggare",
    "samordnare",
    "strateg",
    "sekreterare",
    "controller",
    "ekonom",
    "utvecklare",
    "tjänsteman",
    "tjänsteperson",
    "rektor",
    "kanslist",
    "assistent",
    "ansvarig",
    "koordinator",
    "sakkunnig",
    "jurist",
    "inspektör",
    "projektledare",
    "ombudsman",
    "kommunchef",
    "kamrer",
    "arkitekt",
    "ingenjör",
    "konsult",
    "registrator",
    "utredare",
    "planerare",
    "specialist",
    "vd",
)
# Marks in a presence column ("Agnes Wallin X", "Tor Lind Nej").
PRESENT_MARKS = ("x", "ja", "närv", "närvarande", "deltog", "yes", "present")
ABSENT_MARKS = ("nej", "-", "–", "frånvarande", "no", "absent")
# Status phrases beside a name.
ABSENT_PHRASES = (
    "anmält förhinder",
    "anmält frånvaro",
    "ej närvarande",
    "inte närvarande",
    "frånvarande",
    "förhinder",
    "deltog ej",
    "deltog inte",
)
SERVING_PHRASES = ("tjänstgörande", "tjänstgör", "tjg")
# Phrases before the name a substitute replaced: "ersätter X", "tjänstgör för X", "ers X".
SUBSTITUTING_PHRASES = (
    "tjänstgörande ersättare för",
    "tjänstgör för",
    "tjänstgörande för",
    "tjg för",
    "ersättare för",
    "ersättare for",
    "tjänstgör for",
    "ersätter",
    "ers för",
    "ers.",
    "ers",
    "i stället för",
    "istället för",
    "för",
)
# Parties and their usual short forms live in vocabulary/parties.py.

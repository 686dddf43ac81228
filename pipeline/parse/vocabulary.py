"""The Swedish words of minutes, mapped to the project's English keys.

Domain words live here, in tables, so that a new habit of writing minutes is one new row, not a
new regular expression somewhere in the parser.
"""

from __future__ import annotations

import re

from pipeline.records import Outcome, Role, Status

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

# Role words written next to a name ("Carl Tönsgård, ordförande", a table cell "Kassör").
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
# Words in an attendance table's presence column.
PRESENT_WORDS = {"ja", "j", "x", "närvarande", "närv", "närv.", "deltog", "yes", "present"}
ABSENT_WORDS = {"nej", "n", "-", "–", "frånvarande", "ej närvarande", "förhinder", "no", "absent"}

# Words that make an unlisted label an attendance label, checked in order (absence first).
ATTENDANCE_LABEL_WORDS: tuple[tuple[str, tuple[Status, Role | None]], ...] = (
    ("ej närvarande", (Status.ABSENT, None)),
    ("frånvarande", (Status.ABSENT, None)),
    ("förhinder", (Status.ABSENT, None)),
    ("ersättare", (Status.PRESENT, Role.SUBSTITUTE)),
    ("adjungerade", (Status.PRESENT, Role.GUEST)),
    ("ledamöter", (Status.PRESENT, Role.MEMBER)),
    ("medlemmar", (Status.PRESENT, Role.MEMBER)),
    ("närvarande", (Status.PRESENT, None)),
    ("deltagare", (Status.PRESENT, None)),
)

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

DATE_LABELS = {
    "datum",
    "sammanträdesdatum",
    "mötesdatum",
    "tid",
    "tid och datum",
    "datum och tid",
    "date",
    "time",
}
PLACE_LABELS = {"plats", "lokal", "mötesplats", "place", "location"}
BODY_LABELS = {"mötesform", "organ", "typ av möte", "mötestyp", "instans"}
# Meeting words in a title, and the body that meets: "Styrelsemöte 5" is the board's meeting.
MEETING_BODIES = {
    "styrelsemöte": "styrelsen",
    "styrelsesammanträde": "styrelsen",
    "konstituerande möte": None,
    "extra årsmöte": "extra årsmöte",
    "årsmöte": "årsmöte",
    "årsstämma": "årsstämma",
    "föreningsstämma": "föreningsstämma",
    "medlemsmöte": "medlemsmöte",
    "board meeting": "styrelsen",
    "annual meeting": "årsmöte",
    "annual general meeting": "årsmöte",
}
# Nouns that name a body that holds meetings, in their definite form.
BODY_NOUN = re.compile(
    r"\b(?:[A-ZÅÄÖ]\w+s\s+)?[\wåäö-]*(?:styrelsen|styrelse|nämnden|nämnd|utskottet|utskott|fullmäktige"
    r"|gruppen|stämman|rådet|kommittén|beredningen|direktionen|presidiet|förbundsstyrelsen)\b",
    re.IGNORECASE,
)
# Sentences that tell when the meeting actually opened or closed ("Mötet öppnades 17:45").
OPENED = re.compile(
    r"(?:\b(?:mötet|sammanträdet)\s+(?:öppnades|förklarades\s+öppnat)"
    r"|\b(?:öppnade|öppnar)\s+(?:mötet|sammanträdet))"
    r"[^.\n]{0,50}?\b(?:kl\.?\s*)?(?P<h>\d{1,2})[.:](?P<m>\d{2})\b",
    re.IGNORECASE,
)
CLOSED = re.compile(
    r"(?:\b(?:mötet|sammanträdet)\s+(?:avslutades|förklarades\s+avslutat|avslutas)"
    r"|\b(?:avslutade|avslutar|förklarade)\s+(?:mötet|sammanträdet)(?:\s+avslutat)?)"
    r"[^.\n]{0,50}?\b(?:kl\.?\s*)?(?P<h>\d{1,2})[.:](?P<m>\d{2})\b",
    re.IGNORECASE,
)
TIME_AND_PLACE_LABELS = {"tid och plats", "plats och tid", "datum och plats", "plats och datum"}


REMOTE_MARKERS = re.compile(
    r"\b(?:teams|zoom|skype|distans|digitalt|videolänk|videomöte|webbmöte|online)\b", re.IGNORECASE
)

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

# Ways of writing an outcome; searched in the order given, the earliest hit in the text wins.
OUTCOME_WORDS: tuple[tuple[Outcome, str], ...] = (
    (
        Outcome.REFERRED,
        r"återremitter\w*|remitter(?:as|ades)|hänskjut\w*|hänsköts"
        r"|överlämna(?:s|des|r)\s+(?:ärendet\s+)?till",
    ),
    (
        Outcome.POSTPONED,
        r"bords?l(?:äggs|ades|agts?|agd\w*|ägga|ägger)|skjut(?:s|as)\s+(?:upp|på\s+framtiden|fram)"
        r"|sköts\s+(?:upp|på\s+framtiden|fram)|uppskjut\w*",
    ),
    (Outcome.REJECTED, r"avsl(?:ås|ogs|å|agits|år)"),
    (
        Outcome.ELECTED,
        r"väljs|valdes|välja|väljer|utses|utsågs|utse|utser|omvaldes|nyvaldes|omväljs|nyväljs",
    ),
    (
        Outcome.NOTED,
        r"noter(?:as|ades|a|ar)|läggs\s+till\s+handlingarna|lades\s+till\s+handlingarna"
        r"|lägger\s+\w+(?:\s+\w+)?\s+till\s+handlingarna"
        r"|tas\s+emot|togs\s+emot|tackar\s+för\s+informationen",
    ),
    (
        Outcome.APPROVED,
        r"bevilja(?:s|des|t|r)?|godk(?:änns|ändes|änna|änt|änner)|bifall(?:s|es|a)|biföll?s"
        r"|anta(?:s|git|r)?|antogs|fastställ(?:s|des|a|t|er)|tillstyrk\w*",
    ),
)

# Past-tense passives that report a decision taken at the meeting when no "Beslut:" marks it
# ("Dagordningen godkändes", "Ingrid Jerneborg Glimne valdes att justera").
IMPLICIT_DECISION_VERBS = re.compile(
    r"\b(?:godkändes|fastställdes|antogs|valdes|omvaldes|nyvaldes|utsågs|beslutades|beslöts"
    r"|avslogs|bordlades|återremitterades|beviljades|biföls|bifölls|noterades"
    r"|lades\s+till\s+handlingarna)\b",
    re.IGNORECASE,
)
# "Arbetsutskottet beviljar …", "Förbundsstyrelsen godkänner …": the body decides, present tense.
BODY_DECIDES = re.compile(
    r"^(?P<subject>[\wåäö-]+)\s+(?:beviljar|godkänner|fastställer|antar|avslår|bordlägger"
    r"|återremitterar|väljer|utser|noterar|lägger|beslutar|bifaller|tillstyrker|överlämnar)\b",
    re.IGNORECASE,
)
# "Ansökan beviljas.", "Ärendet överlämnas till …": the case itself as subject, present passive.
CASE_DECIDED = re.compile(
    r"^(?:ärendet|ansökan|ansökningen|frågan|motionen|förslaget|propositionen|budgeten"
    r"|dagordningen|protokollet|informationen|rapporten|redovisningen|skrivelsen|yttrandet)\s+"
    r"(?:\w+\s+){0,2}?(?:beviljas|godkänns|fastställs|antas|avslås|bordläggs|återremitteras"
    r"|överlämnas|noteras|läggs\s+till\s+handlingarna|bifalls|tillstyrks)\b",
    re.IGNORECASE,
)
# "Till arbetsutskott för perioden 2015–2018 väljs X, Y och Z."
ELECTION_SENTENCE = re.compile(r"^till\s+.{0,80}?\b(?:väljs|utses|omväljs|nyväljs)\b", re.I)
# "Gruppen enades om att ...": an agreement of the body itself (not of "mötesdeltagarna").
CONSENSUS = re.compile(
    r"^(?P<subject>\w+)\s+(?:enades|enas|kom\s+överens)\s+(?:om\s+)?att\b", re.IGNORECASE
)
# "Årsmötet beslutade att", "Det beslutades att", "Styrelsen beslutar": a decision of the body.
DECIDED = re.compile(
    r"\b(?:beslutade|beslutar|beslöt|beslutades|beslöts|beslutats|tog\s+beslut|fattade\s+beslut"
    r"|röstades\s+igenom|klubbades|beslut\s+att)\b",
    re.IGNORECASE,
)
# An election item: adopting a proposal there elects people.
ELECTION_TITLE = re.compile(r"^(?:val|inval|omval|fyllnadsval|election)\b", re.IGNORECASE)
# Votes and reservations ("Omröstning: 5 ja, 3 nej, 1 avstår", "Anna Berg (M) reserverar sig").
VOTE_COUNTS = {
    "yes": re.compile(r"(\d+)\s*(?:ja|ja-röster|röster\s+för)\b|\bja\s*:?\s*(\d+)", re.I),
    "no": re.compile(r"(\d+)\s*(?:nej|nej-röster|röster\s+emot)\b|\bnej\s*:?\s*(\d+)", re.I),
    "abstain": re.compile(
        r"(\d+)\s*(?:avstår|avstod|avstående|nedlagda)\b|\b(?:avstår|avstod|nedlagda)\s*:?\s*(\d+)",
        re.I,
    ),
}
VOTE_MARKER = re.compile(r"\b(?:omröstning|votering|röstade|röster)\b", re.IGNORECASE)
RESERVATION = re.compile(r"(?P<who>.+?)\s+(?:reserverar|reserverade)\s+sig\b", re.IGNORECASE)
# "Beslut om budget tas på nästa möte": deferred to a later meeting.
DEFERRED = re.compile(
    r"\b(?:tas|tages|behandlas|återkommer|skjuts|flyttas)\b.{0,40}\b(?:nästa|kommande|senare)\s+"
    r"(?:\w+)?(?:möte|sammanträde)",
    re.IGNORECASE,
)
BODY_NOUN_ENDINGS = (
    "gruppen",
    "styrelsen",
    "nämnden",
    "utskottet",
    "mötet",
    "stämman",
    "rådet",
    "sammanträdet",
    "kommittén",
    "fullmäktige",
)
NEGATING_SUBJECTS = re.compile(r"^(?:inga|ingen|inget)\b", re.IGNORECASE)
NEGATION_AFTER_VERB = re.compile(r"^\s+(?:inte|ej|icke)\b", re.IGNORECASE)
# "Beslut:", "Beslut att", "Beslutades att": a marker before the decided text.
EXPLICIT_DECISION = re.compile(
    r"^(?:beslut|beslutades|beslöts)\s*(?::|\batt\b|$)\s*", re.IGNORECASE
)

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

"""The words with which minutes record a decision, mapped to the project's outcomes.

Part of the vocabulary of minutes (see meeting.py): a new way of writing a decision is one new
alternative here, not a new regular expression in decisions.py.
"""

from __future__ import annotations

import re

from pipeline.records import Outcome

# Ways of writing an outcome; searched in the order given, the earliest hit in the text wins.
OUTCOME_WORDS: tuple[tuple[Outcome, str], ...] = (
    (
        Outcome.REFERRED,
        r"återremitter\w*|remitter(?:as|ades)|hänskjut\w*|hänsköts"
        r"|överlämna(?:s|des|r)\s+(?:ärendet\s+)?till|referred\s+back"
        r"|skicka(?:s|r|des)?\s+vidare\b|vidarebefordra(?:s|r|des)?\b",
    ),
    (
        Outcome.POSTPONED,
        r"bords?l(?:äggs|ades|agts?|agd\w*|ägga|ägger)|skjut(?:s|as)\s+(?:upp|på\s+framtiden|fram)"
        r"|sköts\s+(?:upp|på\s+framtiden|fram)|uppskjut\w*|postponed|deferred",
    ),
    (Outcome.REJECTED, r"avsl(?:ås|ogs|å|agits|år)|rejected"),
    (
        Outcome.ELECTED,
        r"väljs|valdes|välja|väljer|utses|utsågs|utse|utser|omvaldes|nyvaldes|omväljs|nyväljs"
        r"|elected|re-elected|appointed",
    ),
    (
        Outcome.NOTED,
        r"noter(?:as|ades|a|ar)|läggs\s+till\s+handlingarna|lades\s+till\s+handlingarna"
        r"|lägger\s+\w+(?:\s+\w+)?\s+till\s+handlingarna"
        r"|tas\s+emot|togs\s+emot|tackar\s+för\s+informationen|noted",
    ),
    (
        Outcome.APPROVED,
        r"bevilja(?:s|des|t|r)?|godk(?:änns|ändes|änna|änt|änner)|bifall(?:s|es|a)|biföll?s"
        r"|anta(?:s|git|r)?|antogs|fastställ(?:s|des|a|t|er)|tillstyrk\w*"
        r"|approved|adopted|accepted|granted|discharged"
        r"|är\s+(?:därmed\s+)?(?:beslutsmässig|beslutför|beslutbar)\w*"
        r"|förklara(?:s|des)\s+(?:\w+\s+)?(?:beslutsmässig|beslutför|beslutbar)\w*",
    ),
)

# Past-tense passives that report a decision taken at the meeting when no "Beslut:" marks it
# ("Dagordningen godkändes", "Ingrid Jerneborg Glimne valdes att justera"); English minutes
# often drop the "was" ("Anna Berg appointed as chair", "Budget approved").
IMPLICIT_DECISION_VERBS = re.compile(
    r"\b(?:godkändes|fastställdes|antogs|valdes|omvaldes|nyvaldes|utsågs|beslutades|beslöts"
    r"|avslogs|bordlades|återremitterades|beviljades|biföls|bifölls|noterades"
    r"|lades\s+till\s+handlingarna"
    r"|approved|adopted|elected|re-elected|appointed|rejected|postponed|discharged)\b",
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
# "… bordlades under senaste stämman": a decision taken at an earlier meeting, told as background.
AT_EARLIER_MEETING = re.compile(
    r"\b(?:under|vid|på)\s+(?:det\s+|den\s+)?(?:senaste|förra|föregående|tidigare)\s+"
    r"[\wåäö]*(?:möte|mötet|stämma|stämman|sammanträde|sammanträdet)\b",
    re.IGNORECASE,
)
# "Anna Berg väljs till ordförande": a name elected in the present passive, as decided.
NAME_ELECTED = re.compile(
    r"^[A-ZÅÄÖÉ][\wåäöé'-]+(?:\s+[A-ZÅÄÖÉ][\wåäöé'-]+){1,3}\s+"
    r"(?:väljs|omväljs|nyväljs|utses)\s+(?:in\s+)?(?:till|som)\b"
)
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
# "Årsmötet beslutade …" on a line of its own: the decision formula opens a new sentence even
# where the line above ends without a full stop ("… Kalle Ek (nyval)").
DECISION_FORMULA = re.compile(
    r"^(?P<subject>[\wåäö-]+)\s+(?:beslutade|beslutar|beslöt|beslutades)\b", re.IGNORECASE
)
# "Inga motioner har inkommit.": the meeting notes that nothing was submitted to it.
NOTHING_SUBMITTED = re.compile(
    r"^(?:inga|ingen|inget)\s+(?:motion(?:er)?|fullmakt(?:er)?|proposition(?:er)?|skrivelser?"
    r"|nomineringar|medborgarförslag|interpellationer|inkomna\s+skrivelser)"
    r"(?:\s+(?:har|hade))?(?:\s+(?:inkommit|inkom|inlämnats|lämnats\s+in|kommit\s+in))?\s*\.?$",
    re.IGNORECASE,
)
# Items named by the meeting role they fill ("Protokolljusterare"): the meeting elects someone.
ROLE_ITEM_TITLES = {
    "mötesordförande",
    "ordförande för mötet",
    "mötessekreterare",
    "sekreterare för mötet",
    "protokolljusterare",
    "justerare",
    "justeringspersoner",
    "justeringsperson",
    "rösträknare",
}
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

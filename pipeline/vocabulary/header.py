"""The words of a meeting's header: its labels, the words that name a meeting, a body or an
organisation, the cues that tell the meeting's own date from the other dates of the minutes, and
the phrases that record the meeting opening and closing."""

from __future__ import annotations

import re

MONTHS = {
    "januari": 1,
    "februari": 2,
    "mars": 3,
    "april": 4,
    "maj": 5,
    "juni": 6,
    "juli": 7,
    "augusti": 8,
    "september": 9,
    "oktober": 10,
    "november": 11,
    "december": 12,
}
# "3 okt. 2019": read only before a year, since "jul" and "mar" are words of their own.
MONTH_ABBREVIATIONS = {
    "jan": 1,
    "feb": 2,
    "febr": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
# Monday first, as datetime.weekday() counts; minutes write "tisdag" and "tisdagen den".
WEEKDAYS = {
    "måndag": 0,
    "tisdag": 1,
    "onsdag": 2,
    "torsdag": 3,
    "fredag": 4,
    "lördag": 5,
    "söndag": 6,
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
TIME_AND_PLACE_LABELS = {"tid och plats", "plats och tid", "datum och plats", "plats och datum"}

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
    "höstmöte": "höstmöte",
    "vårmöte": "vårmöte",
    "board meeting": "styrelsen",
    "annual meeting": "årsmöte",
    "annual general meeting": "årsmöte",
}
# Bodies that are a general meeting of the members, where only members have the floor.
GENERAL_MEETING_ENDINGS = ("årsmöte", "medlemsmöte", "stämma", "stämman")
# Words that make a title line the name of the organisation ("Ekbackens Byalag").
ORGANIZATION_NOUN = re.compile(
    r"\b[\wåäöÅÄÖ-]*(?:förening|föreningen|byalag|byalaget|förbund|förbundet|sällskap"
    r"|sällskapet|klubb|klubben|samfällighet|samfälligheten|samfällighetsförening|församling"
    r"|församlingen|kommun|region)\b",
    re.IGNORECASE,
)
# The heads of body names, indefinite and definite ("styrelse", "nämnden", "fullmäktige").
_BODY_HEAD = (
    r"(?:styrelsen|styrelse|nämnden|nämnd|utskottet|utskott|fullmäktige|gruppen|stämman|rådet"
    r"|kommittén|beredningen|direktionen|presidiet|representantskapet|representantskap)"
)
# An adjective that names a body with its head: "Tekniska nämnden", "Gemensamma nämnden".
_BODY_ADJECTIVE = r"[\wåäö]+(?:iska|ala|ella|amma|iga|ära)"
# Words that end like a body and are none: participles of "benämna", "utnämna", and "området".
_NOT_BODIES = r"(?:be|ut|om|ovan)nämnda?|\w*område[nt]?|\w*förrådet|målgrupp\w*"
# Nouns that name a body that holds meetings: "Socialnämnden", "Barn- och utbildningsnämnden",
# "förbundsstyrelsen", "Tekniska nämnden", "Representantskap".
BODY_NOUN = re.compile(
    rf"(?<![\w-])(?:{_BODY_ADJECTIVE}\s+(?={_BODY_HEAD}(?![\w-])))?(?:[\wåäö]+-\s+och\s+)?"
    rf"(?!(?:{_NOT_BODIES})(?![\w-]))[\wåäö-]*{_BODY_HEAD}(?![\w-])",
    re.IGNORECASE,
)
# The quorum item names the body that meets: "Styrelsens beslutförhet", "Nämnden är beslutsmässig".
_BODY_DEFINITE = (
    r"(?:[\wåäö]+-\s+och\s+)?[\wåäö-]*(?:styrelsen|nämnden|utskottet|fullmäktige|stämman|rådet|kommittén|direktionen"
    r"|presidiet)"
)
_QUORATE = r"beslut(?:bar|smässig|s?för)"
QUORUM_OF_BODY = re.compile(
    rf"\b(?P<possessive>{_BODY_DEFINITE})s\s+{_QUORATE}het\b"
    rf"|\b(?P<subject>{_BODY_DEFINITE})\s+(?:[^.\n]{{0,80}}?\s)?(?:är|förklarades|förklaras"
    rf"|uppfyller\s+kraven\s+för)\s+(?:därmed\s+)?{_QUORATE}",
    re.IGNORECASE,
)

# The meeting as the subject or object of its opening and closing: "mötet", "årsmötet",
# "sammanträdet", "stämman", "dagens möte".
_MEETING = r"(?:\w*möte[t]?|\w*sammanträde[t]?|\w*stämman?|kongressen|sammankomsten|sessionen)"
_MEETING_OF = r"(?:\w*mötets|\w*sammanträdets|\w*stämmans|kongressens)"
# Sentences that tell when the meeting opened: the time follows in the same sentence.
OPENING = re.compile(
    rf"\b{_MEETING}\s+(?:öppnades|öppnas|öppnade|förklara(?:de)?s\s+(?:för\s+)?öppna[dt])\b"
    rf"|\b(?:öppnar|öppnade)\s+(?:\w+\s+){{0,2}}?{_MEETING}\b"
    rf"|\bförklara(?:de|r)\s+(?:\w+\s+){{0,2}}?{_MEETING}\s+(?:för\s+)?öppna[dt]\b",
    re.IGNORECASE,
)
CLOSING = re.compile(
    rf"\b{_MEETING}\s+(?:avslutades|avslutas|avslutade|stängdes|stängs|upplöstes"
    rf"|förklara(?:de)?s\s+(?:för\s+)?avsluta[dt])\b"
    rf"|\b(?:avslutar|avslutade|stänger|stängde)\s+(?:\w+\s+){{0,2}}?{_MEETING}\b"
    rf"|\bförklara(?:de|r)\s+(?:\w+\s+){{0,2}}?{_MEETING}\s+(?:för\s+)?avsluta[dt]\b",
    re.IGNORECASE,
)
# Headings that carry the time themselves: "Mötets öppnande 12:16", "Avslutning av mötet 20.05".
OPENING_HEADING = re.compile(
    rf"\b(?:{_MEETING_OF}\s+öppnande|öppnande\s+av\s+{_MEETING})", re.IGNORECASE
)
CLOSING_HEADING = re.compile(
    rf"\b(?:{_MEETING_OF}\s+(?:avslutande|avslutning)|(?:avslutande|avslutning)\s+av\s+{_MEETING})",
    re.IGNORECASE,
)
# "Mötet planeras att öppnas 17:30": the announced start, for minutes that record no other.
PLANNED_OPENING = re.compile(
    rf"\b{_MEETING}\s+(?:planeras|beräknas|är\s+planerat)\s+(?:att\s+)?(?:öppnas|börja|starta)\b",
    re.IGNORECASE,
)

# Just before a date, words that make it the meeting's: a date label ("Sammanträdesdatum",
# "Datum:") wherever in the header, the minutes' title ("PROTOKOLL 2023-05-02", "Protokoll fört
# vid …") at its top …
MEETING_DATE_LABEL = re.compile(
    r"\b(?:datum|sammanträdesdatum|mötesdatum|tid|tidpunkt|date|time)\b", re.IGNORECASE
)
MEETING_DATE_TITLE = re.compile(r"\b\w*protokoll\w*\b", re.IGNORECASE)
# … and the formula of a title, which running text never writes, wherever it stands.
MINUTES_FORMULA = re.compile(r"\b\w*protokoll\.?\s+fört\s+(?:vid|över)\b", re.IGNORECASE)
# … or the meeting or its body, in the title ("Årsmöte 14 mars 2023", "Socialnämnden
# 2014-01-21"); further down they are running text ("annonserar stämman 2025-10-16").
MEETING_DATE_WORD = re.compile(
    r"\b(?:\w*möte[nst]?|\w*sammanträde[ts]?|\w*stämman?|kongress(?:en)?|sammankomst(?:en)?"
    rf"|\w*{_BODY_HEAD})\b",
    re.IGNORECASE,
)
# Just before a date, words that make it another one: the adjustment, the notice board, the
# previous or the next meeting, a deadline, a publication ("Justeringens plats och tid",
# "Datum för anslags uppsättande", "föregående protokoll", "Nästa möte", "senast").
OTHER_DATE_CUE = re.compile(
    r"\b(?:(?:föregående|förra|nästa|kommande|tidigare|senaste)\s+(?:\w+\s+)?"
    r"(?:\w*protokoll\w*|\w*möte\w*|sammanträde\w*)"
    r"|juster(?:ing\w*|at|as|ad\w*|a)(?:\s+plats\s+och\s+tid)?|\w*anslag\w*|anslås|anslogs|uppsättande|nedtagande"
    r"|sätts\s+upp|tas\s+(?:ned|ner)|publicer\w*|uppdater\w*|utskri\w*|senast|inkom\w*"
    r"|daterad\w*|föregående|nästa|t\.?\s?o\.?\s?m\.?|till\s+och\s+med|fr\.?\s?o\.?\s?m\.?"
    r"|från\s+och\s+med)(?!\w)",
    re.IGNORECASE,
)

REMOTE_MARKERS = re.compile(
    r"\b(?:teams|zoom|skype|distans|digitalt|videolänk|videomöte|webbmöte|online)\b", re.IGNORECASE
)

# Labels that open a field of the header besides those of time and place, attendance and roles:
# a field's value ends where the next label begins.
OTHER_FIELD_LABELS = {
    "justeringens plats och tid",
    "justeringens tid och plats",
    "justeringens datum",
    "justeringsdatum",
    "justerade paragrafer",
    "utses att justera",
    "underskrifter",
    "underskrift",
    "paragrafer",
    "anslag/bevis",
    "bevis",
    "förvaringsplats för protokollet",
    "datum för anslags uppsättande",
    "datum för anslags nedtagande",
    "datum då anslaget sätts upp",
    "datum då anslaget tas ned",
    "sammanträdesdatum",
    "datum för sammanträdet",
    "diarienummer",
    "beslutande",
    "närvarande",
    "kallade",
    "inbjudna",
    "övriga deltagare",
    "övriga deltagande",
    "övriga närvarande",
}
# Words that end a place written in running text: "Badhotellet i Tranås i samband med …".
PLACE_ENDS = re.compile(r"\s+(?:i\s+samband\s+med|med\s+anledning\s+av|under)\s.*$", re.IGNORECASE)
# What a web page of minutes prints around them: never a title, a name or a place.
WEB_CHROME = re.compile(
    r"\b(?:download|ladda\s+ner|save\s+this\s+pdf|storlek:|starta\s+visningen|transkript"
    r"|citation\s+preview|embed\s+size|advertisement)",
    re.IGNORECASE,
)

# Meeting words: a meeting noun alone or in a compound ("styrelsemöte", "kretsårsmöte",
# "årsstämma"), after a qualifier, also opening the document's name ("Årsmötesprotokoll").
MEETING_QUALIFIERS = ("extra", "konstituerande", "ordinarie")
BARE_MEETING_WORDS = {"möte", "sammanträde", "sammankomst"}  # they name no body
MEETING_WORD = re.compile(
    rf"(?<![\w-])(?P<word>(?:(?:{'|'.join(MEETING_QUALIFIERS)})\s+)?"
    r"[\wåäö-]*(?:möte|stämma|sammanträde|kongress|sammankomst)"
    r"|board\s+meeting|annual\s+(?:general\s+)?meeting)(?:s?protokoll\w*)?(?![\w-])",
    re.IGNORECASE,
)
# The kind of document in a title: "PROTOKOLL", "Sammanträdesprotokoll", "Justerat protokoll".
DOCUMENT_KIND = re.compile(
    r"(?<![\w-])(?:sammanträdes|mötes|års|styrelse|justerat\s+|ojusterat\s+)?protokoll(?:et)?"
    r"(?![\w-])",
    re.IGNORECASE,
)
# Words of a title that name a document, never its organisation ("Kallelse 2023-05-02").
DOCUMENT_WORDS = {"kallelse", "möte", "template", "mall"}
# "Protokoll fört vid …", "Protokoll från …", "Protokoll över …": the title names the meeting,
# on its line or the next.
MINUTES_OF = re.compile(
    r"(?<![\w-])\w*protokoll\.?\s+(?:fört\s+)?(?:vid|från|över)\s*:?\s+"
    r"(?=(?P<rest>[^\n\"”]{1,200}(?:\n[^\n\"”]{1,200})?))",
    re.IGNORECASE,
)
# After a body or a meeting word, whose it is: "styrelsemöte för X", "sammanträde med nämnden i
# X", "Styrelsemöte - X", "KRETSÅRSMÖTE, X, 2018-02-27".
OWNER_LINK = re.compile(r"^\s*(?:(?:för|med|i|inom|hos)\s+|[-–—|,]\s*)(?P<rest>.+)$", re.I | re.S)
OWNER_LINK_WORD = "för"  # "Nämnden för folkhälsa": a committee named by its field
# Committees named by their field rather than by their owner: "Nämnden för folkhälsa".
FIELD_NAMED_BODIES = {"nämnden", "utskottet", "beredningen", "kommittén", "rådet", "delegationen"}
# "senaste styrelsemötet", "nästa möte": another meeting than the one the minutes record.
OTHER_MEETING_WORDS = ("nästa", "kommande", "föregående", "förra", "senaste")
# Municipalities and regions name themselves so: "Västby kommun", "Region Östmark",
# "Östmarks läns landsting", also in compounds ("Västbys kommunkontor").
PUBLIC_BODY = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖ][\wåäöÅÄÖ-]+s\s+(?:läns\s+)?(?:kommun(?!al)|landsting)"
    r"|[A-ZÅÄÖ][\wåäöÅÄÖ-]+\s+(?:kommun|stad)(?![\w-])|Region\s+[A-ZÅÄÖ][\wåäö-]+(?:\s+län)?)",
)
PUBLIC_BODY_IN_CAPITALS = re.compile(
    r"(?<![\w-])(?P<name>[A-ZÅÄÖ-]+S\s+(?:LÄNS\s+)?(?:KOMMUN|LANDSTING)|REGION\s+[A-ZÅÄÖ-]+)(?![\w-])"
)
# Small words inside a name ("Sektionen för Teknisk Fysik", "Östmarks läns landsting").
NAME_CONNECTORS = {"i", "för", "och", "av", "de", "af", "på", "vid", "med", "inom", "hos", "läns"}
# Words that never open or end a name: "Underlag till styrelsemöte" names no organisation.
FUNCTION_WORDS = {*NAME_CONNECTORS - {"läns"}, "till", "från", "om", "inför", "efter", "samt"}
# Words that end a name in a title, besides dates, weekdays, months and labels.
NAME_STOP_WORDS = {"den", "kl", "klockan", "sida", "page"}
# A body's indefinite head and the ending of its definite form: bodies are named definite.
DEFINITE_ENDINGS = (
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
# A running page header's words besides the organisation's name.
RUNNING_NOISE = re.compile(
    r"\b(?:protokoll|sammanträdesprotokoll|minutes|sida|page)\b|\d+\s*\(\d+\)|[\d\-./:]{4,}|\b\d+\b",
    re.IGNORECASE,
)
# A signature "för" the organisation: "För Föreningen Solrosen", "för styrelsen i X".
SIGNED_FOR = re.compile(r"^[ \t]*för[ \t]+(?P<rest>[^\n]{3,80})$", re.IGNORECASE | re.MULTILINE)
# Prepositions before the place in a title: "… 2019-10-15 på biblioteket", "… via Teams"; "via"
# stays with the place, which is a medium more than a place.
PLACE_PREPOSITIONS = ("i", "på", "via")
KEPT_PREPOSITIONS = ("via",)
CLOCK_WORDS = ("kl", "klockan")
DAY_ARTICLE = "den"  # "tisdagen den 9 juni"

"""The words of elections at a meeting: the items that hold them and the roles they fill.

Part of the vocabulary of minutes (see meeting.py and decisions.py).
"""

from __future__ import annotations

import re

from pipeline.records import Role

# An election item: adopting a proposal there elects people.
ELECTION_TITLE = re.compile(r"^(?:val|inval|omval|fyllnadsval|election)\b", re.IGNORECASE)
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
# Roles of the meeting itself, as elections name them.
MEETING_ROLE_WORDS: dict[str, Role] = {
    "mötesordförande": Role.CHAIR,
    "ordförande": Role.CHAIR,
    "chairperson": Role.CHAIR,
    "chair": Role.CHAIR,
    "meeting chair": Role.CHAIR,
    "meeting secretary": Role.SECRETARY,
    "vice mötesordförande": Role.VICE_CHAIR,
    "vice ordförande": Role.VICE_CHAIR,
    "mötessekreterare": Role.SECRETARY,
    "sekreterare": Role.SECRETARY,
    "protokollförare": Role.SECRETARY,
    "secretary": Role.SECRETARY,
    "protokolljusterare": Role.ADJUSTER,
    "justerare": Role.ADJUSTER,
    "justeringspersoner": Role.ADJUSTER,
    "justeringsperson": Role.ADJUSTER,
    "justeringsmän": Role.ADJUSTER,
    "justeringsman": Role.ADJUSTER,
    "mötesjusterare": Role.ADJUSTER,
    "rösträknare": Role.VOTE_COUNTER,
}
# Role words that name the meeting's own officer wherever an election uses them; "ordförande"
# and "sekreterare" may be the board's, and count only in an item that elects the meeting's.
MEETING_ONLY_ROLE_WORDS = {
    "mötesordförande",
    "vice mötesordförande",
    "mötessekreterare",
    "protokollförare",
    "protokolljusterare",
    "justerare",
    "justeringspersoner",
    "justeringsperson",
    "justeringsmän",
    "justeringsman",
    "mötesjusterare",
    "rösträknare",
    "meeting chair",
    "meeting secretary",
}
# "att jämte ordföranden justera protokollet", "till att justera": chosen to adjust.
TO_ADJUST = r"(?:till\s+)?att[\s,]+(?:[\wåäö]+[\s,]+){0,4}?justera\b"
# Items that elect the meeting's officers without naming them: "Val av mötesfunktionärer".
OFFICERS_ITEM = re.compile(
    r"^(?:val\s+av\s+)?(?:mötes)?funktionärer(?:\s+för\s+(?:års)?mötet)?\s*:?$"
    r"|^val\s+av\s+(?:mötets|årsmötets|stämmans)\s+funktionärer\s*:?$",
    re.IGNORECASE,
)
# An election for a later meeting ("till vice mötesordförande för nästa möte") gives no role
# at this one.
LATER_MEETING = re.compile(
    r"\b(?:nästa|kommande|nästkommande)\s+(?:\w+)?(?:möte|sammanträde|stämma)", re.IGNORECASE
)
# "Mötet", "följande", "dessa": lowercase words an election names that are not handles.
NOT_A_HANDLE = {
    "mötet",
    "följande",
    "dessa",
    "denne",
    "denna",
    "honom",
    "henne",
    "dem",
    "sig",
    "båda",
    "samtliga",
    "alla",
    "enhälligt",
    "omval",
    "nyval",
    "ordföranden",
    "sekreteraren",
    "förste",
    "andre",
    "vice",
    "till",
    "som",
    "att",
    "och",
    "samt",
    "in",
    "om",
}

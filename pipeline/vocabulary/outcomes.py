"""Words that withdraw an item, and words that say how an approval was reached.

Ärendet utgår.                                     withdrawn
Motionen dras tillbaka av motionären.              withdrawn
… beslutar enligt arbetsutskottets förslag.       as_proposed
… beslutar att anta förslaget med följande ändring after a change: with_changes
(an omröstning, votering or sluten omröstning in the §)   after_vote
"""

from __future__ import annotations

import re

_ITEM = r"(?:ärendet|punkten|paragrafen|frågan|motionen|förslaget|ansökan|ärende\s+\d+|punkt\s+\d+)"
WITHDRAWN = re.compile(
    rf"\b{_ITEM}\s+(?:\w+\s+){{0,3}}?(?:utgår|utgick)\b"
    r"|\b(?:utgår|utgick)\s+(?:ur|från)\s+(?:dagordningen|föredragningslistan|ärendelistan)"
    r"|\b(?:dras|drogs|dragits|drog|dragit)\s+tillbaka\b|\båterkallas\b|\båterkallades\b",
    re.IGNORECASE,
)
WITH_CHANGES = re.compile(
    r"\bmed\s+(?:följande\s+|den\s+|de\s+)?(?:ändring(?:en|ar|arna)?|tillägg(?:et|en)?|"
    r"justering(?:en|ar|arna)?)\b|\bmed\s+ändrad\b|\bändrat\s+förslag|\bmed\s+undantag\s+av\b",
    re.IGNORECASE,
)
AS_PROPOSED = re.compile(
    r"\b(?:enligt|i\s+enlighet\s+med)\s+(?:\w+\s+){0,2}?förslag(?:et)?\b"
    r"|\bbifall(?:a|er|es|s|ler)?\s+(?:\w+\s+){0,2}?förslag(?:et)?\b"
    r"|\b(?:anta|antar|godkänna|godkänner|godkänns|antas)\s+förslaget\b",
    re.IGNORECASE,
)
VOTED_METHODS = frozenset({"vote", "roll_call", "secret", "lot"})

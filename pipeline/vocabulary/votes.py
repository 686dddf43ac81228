"""The words of votes and dissents in Swedish minutes, by the English key each is stored under.

Beslutet fattades med acklamation.            method acclamation
Omröstning begärs och verkställs.             method vote (open, counted)
Votering med namnupprop.                      method roll_call
Sluten omröstning.                            method secret
Lotten föll på Anna Berg.                     method lot
Ja-röster: Anna Berg (S), Bo Ek (S)           choices on a voting list
Anna Berg (V) reserverar sig mot beslutet.    a reservation
Bo Ek (M) lämnar ett särskilt yttrande.       a separate opinion
Cia Lund (SD) lämnar en protokollsanteckning. a note to the minutes
"""

from __future__ import annotations

import re

# Method words, the first that a § shows decides (a secret ballot says "omröstning" too).
METHODS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("secret", re.compile(r"\bslut(?:en|na)\s+(?:omröstning|val|sedlar)", re.IGNORECASE)),
    ("lot", re.compile(r"\b(?:lottning|lotten|lottdragning|genom\s+lott)\b", re.IGNORECASE)),
    ("roll_call", re.compile(r"\b(?:votering|namnupprop)\b", re.IGNORECASE)),
    (
        "vote",
        re.compile(
            r"\b(?:omröstning(?:en|slista)?|ja-röster|nej-röster|röstning)\b", re.IGNORECASE
        ),
    ),
    ("acclamation", re.compile(r"\backlamation\b", re.IGNORECASE)),
)
# A voting list's label, followed by the names: "Ja-röster: A (S), B (S)", "Avstår: C".
CHOICE_LABEL = re.compile(
    r"\b(?P<choice>ja-röster|nej-röster|ja|nej|avstår|avstod|avstående|frånvarande)"
    r"\s*(?:\(\d+\)|\d+)?\s*:",
    re.IGNORECASE,
)
# A row of a voting table: a name, its party, then its choice at the end of the line.
CHOICE_ROW = re.compile(
    r"^\s*(?P<name>[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+){1,3})\s*(?:\([^()]{1,5}\))?"
    r"[\s,\t]+(?P<choice>ja|nej|avstår|frånvarande)\s*$",
    re.IGNORECASE | re.MULTILINE,
)
CHOICES = {
    "ja": "yes",
    "ja-röster": "yes",
    "nej": "no",
    "nej-röster": "no",
    "avstår": "abstain",
    "avstod": "abstain",
    "avstående": "abstain",
    "frånvarande": "absent",
}
# "Omröstningslista § 45", "Bilaga till § 45": the § a list placed apart belongs to.
LIST_FOR_SECTION = re.compile(
    r"\b(?:omröstningslista|voteringslista|bilaga)\b[^\n§]{0,20}§\s*(?P<number>\d{1,4})",
    re.IGNORECASE,
)
# Dissents: the phrase, and where the names stand (before it in the sentence, or after a label).
DISSENTS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("reservation", re.compile(r"\breserver(?:ar|ade|ande)\s+sig\b", re.IGNORECASE)),
    ("separate_opinion", re.compile(r"\bsärskil(?:t|da)\s+yttrande(?:n|t)?\b", re.IGNORECASE)),
    ("note", re.compile(r"\bprotokollsanteckning(?:ar|en)?\b", re.IGNORECASE)),
)
# "Reservation: Anna Berg (V) …": a label before the names.
DISSENT_LABEL = re.compile(
    r"^\s*(?:reservation|särskilt\s+yttrande|protokollsanteckning)\s*:?\s*",
    re.IGNORECASE,
)

"""What a written name is: a person's name, a job title, or a role word.

The checks the parser's other readers make of a capitalised phrase (an elected name, a
speaker, a signatory): parse.persons finds people in running text; these say what one phrase
is.
"""

from __future__ import annotations

from pipeline.records import Role
from pipeline.vocabulary.meeting import AFFILIATION_MARKERS, ROLE_WORDS, TITLE_ENDINGS

# Words that stand where a name would and are none: placeholders and column headers.
NOT_A_PERSON = frozenset(
    {
        "vakant", "vakanta", "n.n.", "nn", "ingen", "inga", "saknas", "namn", "befattning",
        "roll", "funktion", "närvaro", "parti", "närvarande",
    }
)  # fmt: skip
NAME_PARTICLES = {"af", "von", "de", "van", "der", "la", "du", "di"}


def is_person_name(text: str) -> bool:
    """Capitalised words, no digits, not a role, an organisation or a placeholder."""
    words = text.split()
    if not 1 <= len(words) <= 5 or any(ch.isdigit() for ch in text):
        return False
    if text.casefold().strip(" .") in NOT_A_PERSON or text.casefold() in ROLE_WORDS:
        return False
    if len(words) == 1 and text.isupper():
        return False  # an acronym: "SAMO", "KS"
    if AFFILIATION_MARKERS.search(text):
        return False
    return all(w[:1].isupper() or w in NAME_PARTICLES for w in words) and words[0][:1].isupper()


def is_title(text: str) -> bool:
    """A job title such as "Förbundschef" or "1:a vice ordförande", not an organisation."""
    words = text.casefold().split()
    return (
        bool(words)
        and len(words) <= 4
        and words[-1].endswith(TITLE_ENDINGS)
        and not (AFFILIATION_MARKERS.search(text))
    )


def role_of(text: str) -> Role | None:
    return ROLE_WORDS.get(" ".join(text.casefold().split()).strip(" .:"))

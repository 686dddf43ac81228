"""Political parties as minutes write them, and the one key each is stored under.

Minutes mark a member's party in any case and in old or new names: "(S)", "(s)", ", M",
"Moderata samlingspartiet", "fp" (Folkpartiet liberalerna, named Liberalerna since 2015). The
parliamentary parties are stored under their current short form; any other mark (a local party,
"(KP)", "(Fi)") is kept as written, so that "by party" counts group each party once.
"""

from __future__ import annotations

# The parliamentary parties' keys, in the order of their seats in the Riksdag of 2022.
PARLIAMENTARY = ("S", "SD", "M", "V", "C", "KD", "MP", "L")
# Short forms and names that mean a parliamentary party, folded to lower case.
PARTY_NAMES: dict[str, str] = {
    "s": "S",
    "sap": "S",
    "socialdemokraterna": "S",
    "sd": "SD",
    "sverigedemokraterna": "SD",
    "m": "M",
    "moderaterna": "M",
    "moderata samlingspartiet": "M",
    "v": "V",
    "vpk": "V",
    "vänsterpartiet": "V",
    "c": "C",
    "centerpartiet": "C",
    "kd": "KD",
    "kds": "KD",
    "kristdemokraterna": "KD",
    "mp": "MP",
    "miljöpartiet": "MP",
    "miljöpartiet de gröna": "MP",
    "l": "L",
    "fp": "L",
    "liberalerna": "L",
    "folkpartiet": "L",
    "folkpartiet liberalerna": "L",
}
# Short forms of other parties seen beside names; read as parties in capitals or in brackets.
OTHER_SHORT_FORMS = frozenset({"NS", "KP", "SPI", "PP", "FI"})
# Every short form that marks a party even without brackets when written in capitals.
SHORT_FORMS = frozenset(
    {key.upper() for key in PARTY_NAMES if len(key) <= 3} | OTHER_SHORT_FORMS | {"Fi"}
)
MAX_LOCAL_MARK_CHARS = 4  # "(Fi)", "(SPI)", "(KomP)": one to four letters in brackets


def normalise_party(written: str | None) -> str | None:
    """The key a party mark is stored under: "(s)" → "S", "fp" → "L", "Moderaterna" → "M";
    a local party's mark as written ("(Fi)" → "Fi"); None for no mark."""
    if written is None:
        return None
    inner = " ".join(written.strip("(),.:; \t").split())
    if not inner:
        return None
    return PARTY_NAMES.get(inner.casefold(), inner)


def is_parliamentary(written: str | None) -> bool:
    """Whether a mark names one of the parliamentary parties (in any of its names)."""
    return normalise_party(written) in PARLIAMENTARY

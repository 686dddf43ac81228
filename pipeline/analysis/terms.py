"""Search terms of Swedish text: letters folded, word forms reduced to a stem by their endings."""

from __future__ import annotations

import re
import unicodedata

MIN_STEM_CHARS = 3  # "plan" keeps its "-an", "val" its "-al": stems shorter than this mislead
MIN_TERM_CHARS = 2
PREFIX_MIN_CHARS = 5  # a stem this long also finds compounds it begins: "ansök" → "ansökningstid"
# Endings of Swedish inflection and derivation, longest first: "ansökningarna" and "ansökan"
# both end in "ansök". Folded (å/ä/ö → a/a/o) like the words they are cut from. Snowball's
# Swedish stemmer is not used: it cuts no derivation ("ansökningar" → "ansökning", "ansökan"
# kept whole), so a search for one form would miss the other (tests/analysis/test_search.py).
SUFFIXES = tuple(
    sorted(
        {
            "ningarnas",
            "ningarna",
            "ningens",
            "ningars",
            "ningar",
            "ningen",
            "ning",
            "heterna",
            "hetens",
            "heten",
            "heter",
            "het",
            "arnas",
            "ernas",
            "ornas",
            "arna",
            "erna",
            "orna",
            "andet",
            "andes",
            "ande",
            "ades",
            "ade",
            "ad",
            "aren",
            "arens",
            "ens",
            "ets",
            "en",
            "et",
            "ar",
            "er",
            "or",
            "an",
            "as",
            "es",
            "at",
            "a",
            "e",
            "s",
        },
        key=len,
        reverse=True,
    )
)
WORD = re.compile(r"[0-9a-z]+")


def fold_char(char: str) -> str:
    """One character lower-cased and without diacritics: å → a, ö → o, É → e."""
    decomposed = unicodedata.normalize("NFKD", char.lower())
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return base if len(base) == 1 else char.lower()


# Latin letters with diacritics, folded once: str.translate is ~50× faster than per character.
FOLD_TABLE = {code: fold_char(chr(code)) for code in range(0xC0, 0x250)}


def fold(text: str) -> str:
    """Text lower-cased without diacritics, character for character (offsets still apply)."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a letter whose lower case is two characters ("İ")
        return "".join(fold_char(c) for c in text)
    return lowered.translate(FOLD_TABLE)


def stem(word: str) -> str:
    """A folded word without its longest Swedish ending, keeping at least MIN_STEM_CHARS."""
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_STEM_CHARS:
            return word[: -len(suffix)]
    return word


def query_terms(text: str) -> list[str]:
    """The terms a search for `text` looks for, in order, each once.

    Words are folded and cut to their stem; a word written with a capital first letter (and not
    in capitals throughout) is taken as a name ("Skålén", "Finsam") and kept whole, only folded.
    """
    terms = []
    for written in re.findall(r"\w+", text):
        folded = fold(written)
        if not WORD.fullmatch(folded) or len(folded) < MIN_TERM_CHARS:
            continue
        is_name = written[:1].isupper() and not written.isupper()
        terms.append(folded if is_name else stem(folded))
    return list(dict.fromkeys(terms))


def term_pattern(term: str) -> str:
    """A regular expression for the words a term stands for, in folded text.

    A long stem matches any word it begins, so compounds are found too; a short one only its
    own word forms ("mot" finds "mötet" and "möten", not "motion").
    """
    if len(term) >= PREFIX_MIN_CHARS:
        return rf"\b{term}"
    return rf"\b{term}(?:{'|'.join(SUFFIXES)})?\b"


# Every lower-case letter that folds to an ASCII letter: "a" stands for a, å, ä, à, á …
ACCENTED = {
    base: "".join(sorted(chr(c) for c, b in FOLD_TABLE.items() if b == base and chr(c).islower()))
    for base in "abcdefghijklmnopqrstuvwxyz"
}
WORD_START = r"(?:^|[^\pL\pN])"  # RE2's \b knows only ASCII letters: "å" would not start a word
WORD_END = r"(?:$|[^\pL\pN])"


def text_pattern(term: str) -> str:
    """The same words as `term_pattern`, as an RE2 expression on the text as written (to be
    matched ignoring case): folding is moved from the text to the pattern, which is ~8× faster
    in DuckDB than folding every § with strip_accents."""

    def letters(folded: str) -> str:
        return "".join(f"[{ch}{ACCENTED[ch]}]" if ACCENTED.get(ch) else ch for ch in folded)

    if len(term) >= PREFIX_MIN_CHARS:
        return WORD_START + letters(term)
    endings = "|".join(letters(suffix) for suffix in SUFFIXES)
    return f"{WORD_START}{letters(term)}(?:{endings})?{WORD_END}"

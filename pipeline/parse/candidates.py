"""Where an item of minutes may begin: each item number, how it is written, where it stands and
what follows it, with a score.

A candidate stands at the start of a line (after a bullet or a table pipe), or inside a line
after a sentence ends, as a page printed on one line has it. Numbers come as "§ 12", "12 §",
"KS § 12", "Paragraf 12", "12.", "12)", "12 |", "3.1", or bare ("132 Återredovisningar").
Titles, dates, labels, signatures and web-page chrome never open an item, and neither does a
number inside an attendance list ("… ekonom, § 56"); parse.headings picks the sequence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from spacy.lang.sv.stop_words import STOP_WORDS

from pipeline.nlp.dates import parse_date
from pipeline.nlp.lexicon import lexicon
from pipeline.parse.labels import LabelKind, find_labels
from pipeline.records import Line
from pipeline.vocabulary.meeting import (
    ITEM_TITLE_WORDS,
    NOT_ITEM_TITLES,
    SECTION_PART_TITLES,
    WEB_CHROME,
)

_NUMBER = r"\d{1,4}(?:\.\d{1,2}){0,3}"
# Where an item may begin inside a line: after a sentence, a bullet, a table pipe, or the
# running header of a page printed on one line ("Kommunfullmäktige 2017-10-23 2 132 …").
ANCHOR = re.compile(
    r"(?:(?<=[.!?:;])\s+|(?<=[.!?:;])(?=§)|\s{2,}|\s[|•·▪–]\s+|(?<=\(\d\d\))\s+|(?<=\(\d\))\s+"
    r"|(?<=\d{4}-\d\d-\d\d\s\d)\s+|(?<=\d{4}-\d\d-\d\d\s\d\d)\s+)"
)
# A number or letter inside running text, which opens an item only as part of a strong
# sequence ("… utlysanden 5. Fastställande …", "… funktionärer a. Ordförande"); a "§"
# anywhere ("… Eklöv 2 TN § 12 Val av justerare") is a candidate for the same reason.
LOOSE_NUMBER = re.compile(
    r"(?<=[^\s.,/-] )\d{1,4}(?:\.\d{1,2}){0,3}[.)]?(?= [A-ZÅÄÖ])"
    r"|(?<=[^\s.,/-] )[a-z][.)](?= [A-ZÅÄÖ])"
    r"|(?<=[^\s.,/-], )\d{1,3}\.(?= [A-ZÅÄÖ])"  # "… rösträknare, 3. Adjungeringar"
    r"|(?:(?<=\s)[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{0,3}\s+)?§"
)
LINE_START = re.compile(r"^\s*(?:[•·▪*–-]\s*|\|\s*|#+\s*)?")
MARKER = re.compile(
    rf"(?P<org>[A-ZÅÄÖ][A-Za-zÅÄÖåäö]{{0,3}}\s+)?(?:§\s*§|§§|§)\s*(?P<sign>\d{{1,4}}[a-z]?)\b[.:]?"
    rf"|(?P<sign_after>\d{{1,4}})\s*§(?!\s*\d)[.:]?"
    rf"|(?:[Pp]aragraf|[Pp]gf\.?)\s+(?P<paragraph>\d{{1,4}})\b[.:)]?"
    rf"|(?:[Pp]unkt|[Ää]rende)\s+(?P<word>{_NUMBER})\b[.:)]?"
    rf"|(?P<item>{_NUMBER})(?P<item_mark>\.(?!\d)|\)|\s*\|)?"
    rf"|(?P<letter>[a-zA-Z])(?P<letter_mark>[.)])"
)
# A full stop after a word; not after a lone letter, which marks a sub-item ("a. Kassör").
SENTENCE_END = re.compile(r"(?<=[a-zåäö0-9)])(?<!(?<!\S)[a-z])[.!?](?=\s+[A-ZÅÄÖ\"(•▪●]|\s*$)")
TITLE_MAX_WORDS = 14
# A title is read from this many characters after its number at most: far more than fourteen
# words, and a line of a megabyte with a number every few words is still read in linear time.
TITLE_WINDOW = 1000
BULLETS = frozenset({"*", "•", "▪"})  # a dash may join a title's parts ("Ansökan – Projekt X")
SHORT_TITLE_WORDS = 6
# "2", "2.1", "2.a.1", "b.", "c)": where the next item or sub-item of a list begins
NEXT_ITEM = re.compile(r"\d{1,3}(?:\.(?:\d{1,2}|[a-z])){0,3}[.)]?|[a-z][.)]")
# Capitalised words that open the text of an item, never its title: the body or an officer as
# the subject of its first sentence.
TEXT_OPENERS = frozenset(
    {
        "nämnden", "styrelsen", "mötet", "årsmötet", "stämman", "sammanträdet", "fullmäktige",
        "kommunstyrelsen", "ordföranden", "sekreteraren", "kassören", "utskottet", "rådet",
        "föreningen",
    }
)  # fmt: skip
TITLE_PREPOSITIONS = frozenset(
    {"av", "för", "till", "i", "med", "om", "på", "från", "vid", "och", "samt", "mot", "inom"}
)
LONG_TITLE_WORDS = 10  # a title this long is more often a sentence than a heading
SENTENCE_TITLE_WORDS = 6
UNIT_WORDS = frozenset(
    {"kr", "kronor", "tkr", "mkr", "st", "procent", "personer", "år", "dagar", "timmar", "ggr"}
)
DOCUMENT_WORDS = frozenset({"protokoll", "sammanträdesprotokoll", "mötesprotokoll", "kallelse"})
PAGE_OF = re.compile(r"\b(?:sida|page)\s+\d|\(\d{1,3}\)", re.IGNORECASE)


@dataclass(frozen=True)
class Candidate:
    line: int  # index of the line
    offset: int  # where the number begins in the line
    title_start: int  # where the title begins (in `title_line`)
    title_line: int  # the title is on the next line when the number stands alone
    scheme: str  # "sign" (§) or "item" (agenda numbers) or "letter"
    number: tuple[int, ...]  # (3,) for 3, (3, 1) for 3.1
    letter: str | None
    title: str
    score: float
    at_line_start: bool
    sentence: bool = False  # the title is a sentence: a full stop ends it


def find_candidates(lines: Sequence[Line]) -> list[Candidate]:
    """Every place a line of `lines` could open an item, with its score."""
    found: list[Candidate] = []
    for index, line in enumerate(lines):
        text = line.text
        line_start = LINE_START.match(text)
        anchors = {m.end() for m in ANCHOR.finditer(text) if m.end() < len(text)}
        loose = {m.start() for m in LOOSE_NUMBER.finditer(text)} - anchors
        starts = {offset: "anchor" for offset in anchors} | {offset: "loose" for offset in loose}
        starts[line_start.end() if line_start else 0] = "line"
        for offset, place in sorted(starts.items()):
            candidate = _candidate(lines, index, offset, place)
            if candidate is not None:
                found.append(candidate)
    return found


def _candidate(lines: Sequence[Line], index: int, offset: int, place: str) -> Candidate | None:
    text = lines[index].text
    at_start = place == "line"
    match = MARKER.match(text, offset)
    if match is None:
        return None
    rest = text[match.end() : match.end() + TITLE_WINDOW]
    if rest and (rest[0].isalnum() or rest[0] in "-–/:,"):
        return None  # "2017-10-23", "12,5", "3/4": a number, not an item
    title_line, title_start = index, match.end()
    if not rest.strip():
        title_line = next((i for i in range(index + 1, len(lines)) if lines[i].text.strip()), -1)
        if title_line < 0 or title_line > index + 2 or not at_start:
            return None
        title_start = 0
    written = lines[title_line].text[title_start : title_start + TITLE_WINDOW].strip(" |\t")
    title = _title(written, whole_line=at_start or title_line != index).strip()
    sentence = title.endswith((".", "!", "?")) or (
        written.startswith(title) and written[len(title) : len(title) + 1] in {".", "!", "?"}
    )
    scheme, number, letter = _numbering(match)
    if scheme == "" or not title:
        return None
    score = _score(match, scheme, title, at_start, number, anchored=place != "loose")
    if score <= 0:
        return None
    return Candidate(index, offset, title_start, title_line, scheme, number, letter, title, score,
                     at_start, sentence)  # fmt: skip


def _numbering(match: re.Match[str]) -> tuple[str, tuple[int, ...], str | None]:
    if match["sign"] or match["sign_after"] or match["paragraph"]:
        digits = re.sub(r"\D", "", match["sign"] or match["sign_after"] or match["paragraph"])
        return "sign", (int(digits),), None
    if match["word"] or match["item"]:
        parts = (match["word"] or match["item"]).split(".")
        return "item", tuple(int(p) for p in parts if p), None
    if match["letter"]:
        return "letter", (), match["letter"]
    return "", (), None


def _title(rest: str, *, whole_line: bool) -> str:
    """The item's title: the rest of its line, or, inside a page printed as one line, the words
    up to the first sentence end, the next item or where the text of the item begins."""
    rest = rest.strip(" |\t")
    end = SENTENCE_END.search(rest)
    if whole_line and (end is None or end.end() == len(rest)):
        cut = _title(rest, whole_line=False)
        # a heading line is its title, unless the item's text runs on after it
        short = len(rest.split()) <= SHORT_TITLE_WORDS
        return rest if short or cut == rest.rstrip(".!?") else cut
    if end is not None:
        rest = rest[: end.start()]
    words = rest.split()
    kept: list[str] = []
    for position, word in enumerate(words):
        following = words[position + 1] if position + 1 < len(words) else ""
        if position >= 1 and NEXT_ITEM.fullmatch(word) and following[:1].isupper():
            break  # "… personligt ombud 2 Redovisning …": the next item of a list
        if position >= 1 and word == kept[0] and word[:1].isupper():
            break  # "Adressändring Adressändring är gjord": the text repeats the title's word
        if position >= 1 and word in BULLETS:
            break  # "Val av funktionärer • Ordförande: Anna": a list in the item's text
        if position >= 1 and _begins_text(word, following, kept[-1]):
            break
        kept.append(word)
        if len(kept) >= TITLE_MAX_WORDS:
            break
        if word.endswith(":") and following[:1].isupper() and end is not None:
            break  # "Dagordningen: Dagordningen godkändes.": a sentence follows the colon
    return " ".join(kept).rstrip(" ,;")


def _begins_text(word: str, following: str, previous: str) -> bool:
    """Where a title ends and its item's text begins: a person ("Anna Berg …"), a part of the
    item ("Beslut", "Bakgrund"), the body's decision ("Kommunfullmäktiges beslut"), or a
    capitalised word after a lower-case one that no preposition ties to the title
    ("Fastställande av dagordning Dagordningen fastställs")."""
    bare = word.strip(":,.()")
    if (
        bare[:1].isupper()
        and previous[:1].islower()
        and previous.casefold() not in TITLE_PREPOSITIONS
    ):
        return True
    if bare[:1].isupper() and bare.casefold() in SECTION_PART_TITLES:  # not "och propositioner"
        return True
    if bare.casefold() in {"dnr", "diarienummer"}:
        return True
    if following.casefold().startswith("beslut") and bare.endswith("s") and bare[:1].isupper():
        return True
    if not bare[:1].isupper():
        return False
    if lexicon().is_given_name(bare) and following[:1].isupper() and following.isalpha():
        return True
    # "Inledning Ordföranden förklarade …", "Justering Att jämte …": a sentence starts
    return bare.casefold() in TEXT_OPENERS or bare.casefold() in STOP_WORDS


def _score(
    match: re.Match[str],
    scheme: str,
    title: str,
    at_start: bool,
    number: tuple[int, ...],
    *,
    anchored: bool,
) -> float:
    """How much a candidate looks like an item: its place, its mark, its title."""
    marked = bool(match["item_mark"] or match["letter_mark"])
    bare = scheme == "item" and not (marked or match["word"])
    top = len(number) == 1 and scheme != "letter"
    if not _plausible_title(title, lowercase_ok=marked or at_start, bare=bare, top=top):
        return 0.0
    score = 1.0 if at_start else 0.5 if anchored else 0.25
    if title[:1].islower():
        score -= 0.5
    if scheme == "sign":
        score += 1.5
    elif match["word"] or match["item_mark"]:
        score += 0.75
    elif scheme == "letter" or len(number) > 1:  # "a.", "3.1": an outline's marks
        score += 0.5
    else:  # a bare number: a page number, an amount, a count until the sequence says otherwise
        score += 0.0 if at_start else -0.15
    first = title.split()[0].casefold().strip(":,.")
    if first in ITEM_TITLE_WORDS or title.casefold().startswith(("val av", "mötets", "övriga")):
        score += 0.75
    if len(number) > 1:
        score -= 0.1 * (len(number) - 1)
    words = len(title.split())
    if words > LONG_TITLE_WORDS and at_start:
        score -= 0.75  # "1 § Varje kommitté ska föra …": a rule quoted in the text
    elif title.endswith(".") and words > SENTENCE_TITLE_WORDS:
        score -= 0.5
    return score


def _plausible_title(title: str, *, lowercase_ok: bool, bare: bool, top: bool) -> bool:
    words = title.split()
    if not words:
        return False
    first = words[0].strip("\"'(«»")
    if not first[:1].isalpha() or first.casefold() in UNIT_WORDS:
        return False
    if first[:1].islower() and not lowercase_ok:
        return False  # "… 8 lottringar köps in": a count in the text
    if (bare and first.casefold() in DOCUMENT_WORDS) or PAGE_OF.search(" ".join(words[:4])):
        return False  # "1 Protokoll fört vid …", "2 Styrelsen Sida 33 (65)": a page's top
    folded = title.casefold().strip(" :.")
    part = folded in SECTION_PART_TITLES and not top  # "3.1.1 Beslut"; "5 Diskussion" is an item
    # "Sekreterare" alone is a label; under "Val av funktionärer", "b. Sekreterare" is a sub-item
    not_item = folded in NOT_ITEM_TITLES and top
    if not_item or part or (parse_date(title) and len(words) <= 4):
        return False
    if folded.startswith(WEB_CHROME):
        return False
    if bare and _header_field(title):
        return False  # "Närvarande", "Plats och tid …": a field of the header
    return not _person_name(words)


def _header_field(title: str) -> bool:
    """ "Närvarande", "Plats och tid Rådhuset", "Datum 2023-05-02": a field of the header; a
    one-word field name before words is an item's title ("Justering Att jämte ordföranden …")."""
    labels = find_labels(title)
    if not labels or labels[0].start != 0 or labels[0].kind is LabelKind.ROLE:
        return False
    rest = title[labels[0].end :].strip(" :")
    if not rest:  # "2 Närvarande", "289 Justering": an item may be named by one such word
        return " " in labels[0].text
    field_name = labels[0].kind is LabelKind.STOP and (" " in labels[0].text or rest[:1].isdigit())
    return field_name


def _person_name(words: Sequence[str]) -> bool:
    """ "Maria Lindell, enhetschef": a name in a list, not a title."""
    names = lexicon()
    return (
        len(words) >= 2
        and names.is_given_name(words[0])
        and words[1][:1].isupper()
        and words[1].strip(",").isalpha()
        and words[1].strip(",") not in SECTION_PART_TITLES
    )

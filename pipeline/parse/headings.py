"""Find the items of minutes: the numbering scheme that explains most candidates as one sequence.

A candidate is an item number where an item can begin: at the start of a line (after a bullet or
a table pipe), or inside a line after a sentence ends, as a page printed on one line has it.
Numbers come as "§ 12", "12 §", "KS § 12", "Paragraf 12", "12.", "12)", "12 |", "3.1", or bare
("132 Återredovisningar"). Each candidate scores by where it stands, how it is written and
whether what follows reads as an item title; per scheme (§ or agenda numbers) the best
increasing sequence wins, gaps allowed and charged. Sub-items (3.1, a., b)) are sequences of
their own inside their parent. Titles, dates, labels, signatures and web-page chrome never open
an item, and neither does a number inside an attendance list ("… ekonom, § 56").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
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
# A number inside running text, which opens an item only as part of a strong sequence; a "§"
# anywhere ("… Eklöv 2 TN § 12 Val av justerare") is a candidate for the same reason.
LOOSE_NUMBER = re.compile(
    r"(?<=[^\s.,/-] )\d{1,4}(?:\.\d{1,2}){0,3}[.)]?(?= [A-ZÅÄÖ])"
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
SENTENCE_END = re.compile(r"(?<=[a-zåäö0-9)])[.!?](?=\s+[A-ZÅÄÖ\"(]|\s*$)")
TITLE_MAX_WORDS = 14
SHORT_TITLE_WORDS = 6
NEXT_ITEM = re.compile(r"\d{1,3}(?:\.\d{1,2}){0,3}[.)]?")
# Capitalised words that open the text of an item, never its title: the body or an officer as
# the subject of its first sentence.
TEXT_OPENERS = frozenset(
    {
        "nämnden", "styrelsen", "mötet", "årsmötet", "stämman", "sammanträdet", "fullmäktige",
        "kommunstyrelsen", "ordföranden", "sekreteraren", "kassören", "utskottet", "rådet",
    }
)  # fmt: skip
TITLE_PREPOSITIONS = frozenset(
    {"av", "för", "till", "i", "med", "om", "på", "från", "vid", "och", "samt", "mot", "inom"}
)
LONG_TITLE_WORDS = 10  # a title this long is more often a sentence than a heading
SENTENCE_TITLE_WORDS = 6
SENTENCE_SUB_ITEM_WORDS = 2
LOST_FIRST_LETTER = 2
RESTARTED_MIN_SCORE = 1.0  # a "1." standing where an item would: at a line start, or marked
UNIT_WORDS = frozenset(
    {"kr", "kronor", "tkr", "mkr", "st", "procent", "personer", "år", "dagar", "timmar", "ggr"}
)
MIN_SEQUENCE = 2
DOCUMENT_WORDS = frozenset({"protokoll", "sammanträdesprotokoll", "mötesprotokoll", "kallelse"})
PAGE_OF = re.compile(r"\b(?:sida|page)\s+\d|\(\d{1,3}\)", re.IGNORECASE)
GAP_COST = 0.4  # a skipped number costs this much of a candidate's score
NEXT_NUMBER_BONUS = 0.3  # "287 … 288 … 289": numbers that follow each other vouch for each other


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
    rest = text[match.end() :]
    if rest and (rest[0].isalnum() or rest[0] in "-–/:,"):
        return None  # "2017-10-23", "12,5", "3/4": a number, not an item
    title_line, title_start = index, match.end()
    if not rest.strip():
        title_line = next((i for i in range(index + 1, len(lines)) if lines[i].text.strip()), -1)
        if title_line < 0 or title_line > index + 2 or not at_start:
            return None
        title_start = 0
    title = _title(lines[title_line].text[title_start:], whole_line=at_start or title_line != index)
    title = title.strip()
    scheme, number, letter = _numbering(match)
    if scheme == "" or not title:
        return None
    score = _score(match, scheme, title, at_start, number, anchored=place != "loose")
    if score <= 0:
        return None
    return Candidate(index, offset, title_start, title_line, scheme, number, letter, title, score,
                     at_start)  # fmt: skip


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
        if position >= 1 and _begins_text(word, following, kept[-1]):
            break
        kept.append(word)
        if len(kept) >= TITLE_MAX_WORDS:
            break
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
    if bare.casefold() in SECTION_PART_TITLES or bare.casefold() in {"dnr", "diarienummer"}:
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
    if not _plausible_title(title, lowercase_ok=marked or at_start, bare=bare):
        return 0.0
    score = 1.0 if at_start else 0.5 if anchored else 0.25
    if title[:1].islower():
        score -= 0.5
    if scheme == "sign":
        score += 1.5
    elif match["word"] or match["item_mark"]:
        score += 0.75
    elif scheme == "letter":
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


def _plausible_title(title: str, *, lowercase_ok: bool, bare: bool) -> bool:
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
    if (
        folded in NOT_ITEM_TITLES
        or folded in SECTION_PART_TITLES
        or (parse_date(title) and len(words) <= 4)
    ):
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
    """ "Pernilla Oscarsson, enhetschef": a name in a list, not a title."""
    names = lexicon()
    return (
        len(words) >= 2
        and names.is_given_name(words[0])
        and words[1][:1].isupper()
        and words[1].strip(",").isalpha()
        and words[1].strip(",") not in SECTION_PART_TITLES
    )


def best_sequence(
    candidates: Sequence[Candidate], rank: Callable[[Candidate], int] = lambda c: c.number[0]
) -> list[Candidate]:
    """The increasing run of candidates with the highest total score, gaps charged."""
    best: list[float] = []
    previous: list[int] = []
    length: list[int] = []  # of the best run ending at each candidate: the longer wins a tie
    for index, candidate in enumerate(candidates):
        best.append(candidate.score)
        previous.append(-1)
        length.append(1)
        for earlier in range(index):
            other = candidates[earlier]
            if rank(other) >= rank(candidate):
                continue
            gap = rank(candidate) - rank(other) - 1
            link = -GAP_COST * min(gap, 10) if gap else NEXT_NUMBER_BONUS
            total = best[earlier] + candidate.score + link
            if (total, length[earlier] + 1) > (best[index], length[index]):
                best[index], previous[index] = total, earlier
                length[index] = length[earlier] + 1
    if not best:
        return []
    index = max(range(len(best)), key=lambda i: (best[i], length[i]))
    chain: list[Candidate] = []
    while index >= 0:
        chain.append(candidates[index])
        index = previous[index]
    return chain[::-1]


def sequence_score(chain: Sequence[Candidate]) -> float:
    total = sum(c.score for c in chain)
    gaps = [b.number[0] - a.number[0] - 1 for a, b in itertools.pairwise(chain)]
    links = sum(NEXT_NUMBER_BONUS if gap == 0 else -GAP_COST * min(gap, 10) for gap in gaps)
    return total + links


@dataclass(frozen=True)
class Item:
    """A chosen item: where it begins, its number as the minutes write it, its title."""

    candidate: Candidate
    number: str  # "12", "3.1", "18.A"


def numbered_items(
    lines: Sequence[Line], excluded: Callable[[int, int], bool] = lambda line, offset: False
) -> list[Item]:
    """The items of the best numbering scheme, with their sub-items, in document order;
    `excluded(line, offset)` says where no item begins (a table of contents)."""
    candidates = [c for c in find_candidates(lines) if not excluded(c.line, c.offset)]
    top = _top_level(candidates)
    if not top:
        return []
    items: list[Item] = []
    ends = [*((c.line, c.offset) for c in top[1:]), (len(lines), 0)]
    for parent, end in zip(top, ends, strict=True):
        number = ".".join(map(str, parent.number))
        items.append(Item(parent, number))
        inside = [c for c in candidates if _after(c, parent) and (c.line, c.offset) < end]
        items += _sub_items(inside, parent, number)
    return items


def _top_level(candidates: Sequence[Candidate]) -> list[Candidate]:
    """The top-level sequence: § numbers or agenda numbers, whichever explains more."""
    chains = []
    for scheme in ("sign", "item"):
        top = [c for c in candidates if c.scheme == scheme and len(c.number) == 1]
        chain = best_sequence(top)
        if len(chain) < MIN_SEQUENCE and scheme == "item":
            # "1.1, 1.2, 2.1": no item stands alone; the first level is the sequence
            nested = [c for c in candidates if c.scheme == scheme and len(c.number) == 2]
            chain = best_sequence(nested, lambda c: c.number[0] * 100 + c.number[1]) or chain
        chains.append(chain)
    chain = max(chains, key=sequence_score)
    if len(chain) < MIN_SEQUENCE and not (
        chain and chain[0].scheme == "sign" and chain[0].at_line_start
    ):
        return []
    return chain


def _after(candidate: Candidate, parent: Candidate) -> bool:
    return (candidate.line, candidate.offset) > (parent.line, parent.offset)


def _sub_items(inside: Sequence[Candidate], parent: Candidate, number: str) -> list[Item]:
    """3.1, 3.2 under 3 (and 3.1.1 under 3.1), or a., b. / A., B. under any item."""
    depth = len(parent.number) + 1
    numbered = [
        c for c in inside
        if c.scheme == "item" and len(c.number) == depth and c.number[:-1] == parent.number
        and not _numbered_sentence(c.title)
    ]  # fmt: skip
    chain = _consecutive([c.number[-1] for c in numbered], numbered, minimum=1)
    if chain:
        items: list[Item] = []
        ends = [*((c.line, c.offset) for c in chain[1:]), (10**9, 0)]
        for child, end in zip(chain, ends, strict=True):
            child_number = ".".join(map(str, child.number))
            items.append(Item(child, child_number))
            deeper = [c for c in inside if _after(c, child) and (c.line, c.offset) < end]
            items += _sub_items(deeper, child, child_number)
        return items
    letters = [c for c in inside if c.scheme == "letter" and c.letter]
    ranks = [_letter_rank(c.letter or "") for c in letters]
    chain = _consecutive(ranks, letters)
    if not chain and ranks and ranks[0] == LOST_FIRST_LETTER:  # "a." lost to OCR: b., c. …
        chain = _consecutive([rank - 1 for rank in ranks], letters)
    return [Item(c, f"{number}.{c.letter}") for c in chain]


def _numbered_sentence(title: str) -> bool:
    """ "3.1 Årsmötet befanns vara behörigen utlyst.": a numbered paragraph of an item's text
    (a decision, a note), not a sub-item with a title of its own."""
    words = len(title.split())
    return (title.endswith(".") and words >= SENTENCE_SUB_ITEM_WORDS) or words > LONG_TITLE_WORDS


def _letter_rank(letter: str) -> int:
    return ord(letter.casefold()) - ord("a") + 1


def _consecutive(
    ranks: Sequence[int], candidates: Sequence[Candidate], minimum: int = MIN_SEQUENCE
) -> list[Candidate]:
    """The run 1, 2, 3 … of `ranks`, in order, each taken at its first candidate; a lone "3.1"
    is a sub-item, a lone "a." is a list."""
    chain: list[Candidate] = []
    expected = 1
    for rank, candidate in zip(ranks, candidates, strict=True):
        if rank == expected:
            chain.append(candidate)
            expected += 1
    return chain if len(chain) >= minimum else []


def restarting_items(lines: Sequence[Line]) -> list[Item]:
    """ "1. Val av ordförande", "1. Val av sekreterare", …: a list whose numbering restarts at
    every item (a broken word-processor list) is still the list of items, numbered as written."""
    ones = [
        c
        for c in find_candidates(lines)
        if c.number == (1,) and c.title[:1].isupper() and c.score > RESTARTED_MIN_SCORE
    ]
    return [Item(c, "1") for c in ones]

"""Clean stage: normalise extracted text so the parser never cares where it came from.

Unicode NFC, ligatures and soft hyphens, words hyphenated at line ends, running headers and
footers, page numbers, and OCR's misreadings of "§". Every surviving line keeps the page and
line number it was extracted from.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import replace

from pipeline.extract.letters import UNREADABLE, restore_letters
from pipeline.records import CleanText, ExtractedDoc, Line, PageInfo

LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
INVISIBLE = {"\u00ad": "", "\u200b": "", "\ufeff": "", "\u00a0": " ", "\u2009": " "}
CELL_SEPARATOR = "\t"  # extractors write table rows as cells joined by tabs; kept for the parser
FURNITURE_ZONE_LINES = 3  # running headers and footers live in the first or last lines of a page
PAGE_NUMBER = re.compile(
    r"^(?:sida\s*)?\d{1,3}(?:\s*(?:\(|av|/)\s*\d{1,3}\)?)?$|^-\s*\d{1,3}\s*-$", re.IGNORECASE
)
SIGNATURE_FURNITURE = re.compile(
    r"^(?:justerandes?\s+(?:signatur|sign\.?)|utdragsbestyrkande|ordförandes\s+signatur)",
    re.IGNORECASE,
)
# Tesseract's Swedish data has no "§": headings come out as "$ 10", "$& 10", "& 10" or "S 10".
SECTION_SIGN_AT_START = re.compile(r"^(?:\$&?|&|S|§)\s*(?=\d{1,3}\b)")
SECTION_SIGN_INLINE = re.compile(r"(?<![\w$])(?:\$&?|&)\s?(?=\d{1,3}\b)")
# "8 12 Title" or "86 Title" for "§ 6": a misread "§", repaired when the numbering agrees.
EIGHT_HEADING = re.compile(r"^8\s?(?P<number>\d{1,3})(?P<title>\s+[A-ZÅÄÖ].*)$")
EIGHT_REFERENCE = re.compile(
    r"\b(?P<word>av|efter|enligt|i|se|under|till|från|jfr|och|samt|med|före|inför)\s"
    r"8\s?(?P<number>\d{1,3})\b(?![ .]\d{3})"
)
HEADING_NUMBER = re.compile(r"^§\s*(\d{1,3})\b")
SUSPENDED_COMPOUND = re.compile(r"^(?:och|eller|samt|resp\.?|respektive|till)\b")
HYPHENATED_END = re.compile(r"(?<=[a-zåäöéü])-$")
# A run of spaces and tabs is cut to this length: still wide enough to part columns, and no
# pattern that tries a gap from each of its positions ("\s+och") meets a megabyte of blanks.
MAX_BLANK_RUN = 64
LONG_BLANK_RUN = re.compile(rf"[ \t]{{{MAX_BLANK_RUN + 1},}}")


def shorten_blank_runs(text: str) -> str:
    return LONG_BLANK_RUN.sub(lambda run: run[0][:MAX_BLANK_RUN], text)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    if UNREADABLE in text:
        text = "\n".join(restore_letters(line) for line in text.split("\n"))
    for old, new in {**LIGATURES, **INVISIBLE}.items():
        text = text.replace(old, new)
    return shorten_blank_runs(text)


def repair_section_signs(line: str) -> str:
    line = SECTION_SIGN_AT_START.sub("§ ", line)
    return SECTION_SIGN_INLINE.sub("§ ", line)


def repair_eights(lines: list[Line]) -> list[Line]:
    """Read "8" as "§" where the document's own numbering says so.

    A heading "86 Övriga frågor" right after § 5 is § 6; "efter 8 12" names § 12 when the
    document has a § 12. Without that agreement an "8" stays a number.
    """
    repaired: list[Line] = []
    previous: int | None = None
    for line in lines:
        text = line.text
        heading = EIGHT_HEADING.match(text)
        if heading and previous is not None and int(heading["number"]) == previous + 1:
            text = f"§ {heading['number']}{heading['title']}"
        known = HEADING_NUMBER.match(text)
        if known:
            previous = int(known.group(1))
        repaired.append(replace(line, text=text) if text != line.text else line)
    numbers = {m.group(1) for line in repaired if (m := HEADING_NUMBER.match(line.text))}

    def reference(match: re.Match[str]) -> str:
        if match["number"] not in numbers:
            return match.group(0)
        return f"{match['word']} § {match['number']}"

    return [
        replace(line, text=EIGHT_REFERENCE.sub(reference, line.text)) if "8" in line.text else line
        for line in repaired
    ]


def _furniture_key(text: str) -> str:
    """Lines equal up to their digits ("Sida 2 av 5", "Sida 3 av 5") are one running line."""
    return re.sub(r"\d+", "#", text.casefold()).strip()


def _zone_keys(lines: list[str]) -> list[tuple[str, int, str] | None]:
    """For each line, (zone, rank, key) when it lies in the first or last lines of its page.

    Rank counts content lines from the top (headers) or the bottom (footers): running lines
    sit at the same place on every page, a sentence that repeats in the body does not.
    """
    content = [i for i, text in enumerate(lines) if text.strip()]
    keys: list[tuple[str, int, str] | None] = [None] * len(lines)
    for rank, index in enumerate(content[-FURNITURE_ZONE_LINES:][::-1]):
        keys[index] = ("bottom", rank, _furniture_key(lines[index]))
    for rank, index in enumerate(content[:FURNITURE_ZONE_LINES]):
        keys[index] = ("top", rank, _furniture_key(lines[index]))
    return keys


def _running_keys(pages: list[list[str]]) -> set[tuple[str, int, str]]:
    """Zone keys repeated on at least half the pages, and on two at least."""
    if len(pages) < 2:
        return set()
    seen: Counter[tuple[str, int, str]] = Counter()
    for lines in pages:
        seen.update({key for key in _zone_keys(lines) if key is not None})
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, count in seen.items() if count >= needed}


def clean(doc: ExtractedDoc) -> CleanText:
    """Cleaned lines of the whole document, blank lines kept as paragraph breaks."""
    page_lines = [normalise(page.text).split("\n") for page in doc.pages]
    running = _running_keys(page_lines)
    lines: list[Line] = []
    removed: dict[tuple[str, int, str], str] = {}
    for page, raw_lines in zip(doc.pages, page_lines, strict=True):
        for index, (raw, zone_key) in enumerate(zip(raw_lines, _zone_keys(raw_lines), strict=True)):
            text = re.sub(r" {2,}", " ", raw).strip(" ")
            in_zone = zone_key is not None
            if text and zone_key in running:
                removed.setdefault(zone_key, text)
                continue
            if text and ((in_zone and PAGE_NUMBER.match(text)) or SIGNATURE_FURNITURE.match(text)):
                continue
            heading = index in page.headings
            lines.append(Line(repair_section_signs(text), page.number, index + 1, heading))
        if lines and lines[-1].text:
            lines.append(Line("", page.number, len(raw_lines) + 1))
    infos = tuple(
        PageInfo(
            p.number,
            p.method,
            p.ocr_confidence,
            p.seconds,
            len(p.text),
            ocr_reason=p.ocr_reason,
            rotation_deg=p.rotation_deg,
        )
        for p in doc.pages
    )
    return CleanText(
        infos,
        tuple(repair_eights(_join_hyphenated(lines))),
        tuple(removed.values()),
        tuple(warning for page in doc.pages for warning in page.warnings),
    )


def _join_hyphenated(lines: list[Line]) -> list[Line]:
    """Join "genom-" + "föras" into "genomföras"; keep the hyphens of "ESF-" and "lunch-till-"."""
    out: list[Line] = []
    for line in lines:
        previous = out[-1] if out else None
        if previous is None or not HYPHENATED_END.search(previous.text):
            out.append(line)
            continue
        if not line.text[:1].islower() or SUSPENDED_COMPOUND.match(line.text):
            out.append(line)  # "kompetens- och lärplattform" keeps its hyphen and its space
            continue
        last_word = previous.text.rsplit(" ", 1)[-1]
        head = previous.text if last_word.count("-") > 1 else previous.text[:-1]
        out[-1] = Line(head + line.text, previous.page, previous.number, previous.heading)
    return out

"""Whether a text is minutes: the signs of minutes it shows, weighed into a confidence.

Minutes of any organisation and layout show several kinds of sign, and show them together: a
title that names the record or the meeting, the meeting's procedure, attendance labels,
meeting offices, decisions, § numbers, a signature block, a date and time. Each kind counts
by the number of its different words found, up to the number that shows it fully; the
confidence is the weighted share of all kinds shown, in the stretch of text (a few pages) that
shows the most. A long report that mentions a chairman on page 3, a meeting on page 40 and a
decision on page 90 does not add up to minutes; a page of minutes does.

Text is read with its whitespace and line breaks taken out, so that a page printed as one line,
a flattened table or letters spaced out by a PDF's text layer show the same signs as a clean
layout. A document is refused as not minutes only when it shows no structure of minutes (no
title, procedure, attendance list, § or signature block) or too little of anything; every other
document is read, with its confidence and a warning that names the kinds of sign it lacks.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.errors import NotMinutes
from pipeline.records import CleanText
from pipeline.vocabulary.header import MONTHS
from pipeline.vocabulary.minutes import (
    ATTENDANCE_WORDS,
    BODY_WORDS,
    CLOCK_TIME,
    DECISION_WORDS,
    MEETING_CLOSED,
    MEETING_OPENED,
    MEETING_WORDS,
    OFFICER_WORDS,
    OTHER_DOCUMENT_WORDS,
    PROCEDURE_WORDS,
    RECORD_WORDS,
    SIGNATURE_WORDS,
    WHEN_WORDS,
)


@dataclass(frozen=True)
class Kind:
    """A kind of sign: what it shows, its weight, and how many different words show it fully.

    A structural kind is one that only a record of a meeting has; the others (a meeting, an
    office, a decision, a date) are also what letters, news and reports talk about.
    """

    name: str
    shows: str  # in words, for reasons and warnings
    weight: float
    enough: int
    structural: bool


TITLE = Kind("title", "a title naming the record or the meeting", 2.5, 1, True)
RECORD = Kind("record", "the word for the record (protokoll, minutes)", 1.0, 1, False)
MEETING = Kind("meeting", "a meeting (sammanträde, möte, stämma)", 0.5, 1, False)
PROCEDURE = Kind(
    "procedure", "the meeting's procedure (opening, adjusters, agenda, closing)", 3.0, 3, True
)
ATTENDANCE = Kind(
    "attendance", "attendance labels (närvarande, frånvarande, ersättare)", 2.0, 2, True
)
OFFICERS = Kind("officers", "meeting offices (ordförande, sekreterare, justerare)", 1.5, 2, False)
DECISIONS = Kind("decisions", "decisions (beslutade, godkändes, valdes)", 1.5, 3, False)
SECTIONS = Kind("sections", "numbered sections (§)", 1.5, 3, True)
SIGNATURE = Kind(
    "signature", "a signature block (vid protokollet, justerandes signatur)", 1.5, 1, True
)
WHEN = Kind("when", "a meeting date or time (2020-03-25, kl 18.00, plats och tid)", 1.0, 2, False)
KINDS = (
    TITLE,
    RECORD,
    MEETING,
    PROCEDURE,
    ATTENDANCE,
    OFFICERS,
    DECISIONS,
    SECTIONS,
    SIGNATURE,
    WHEN,
)
TOTAL_WEIGHT = sum(kind.weight for kind in KINDS)

# Below this, a document shows no more than stray words of minutes.
MIN_CONFIDENCE = 0.25
# Structure a document must show to be minutes, in the weights above: a title naming the
# record; or three items of procedure; or a title naming the meeting, an attendance label and
# two §... An item or two alone are words that a letter may use too ("till nästa möte").
MIN_STRUCTURE = 2.5
# Minutes show several kinds of sign together; a text about a meeting shows two or three.
MIN_KINDS = 4
# A confidence under this is low enough to say in a warning what was not found.
WARN_BELOW = 0.6
# A title that names only a meeting or a body shows this much of the title's sign.
TITLE_MEETING_ONLY = 0.5
# Where a title stands: the first characters of the text without whitespace (two or three
# lines: "Protokoll fört vid sammanträde med kommunstyrelsen 2020-03-25").
TITLE_CHARS = 200
# Where a document names its own kind: its first words ("Kallelse till årsmöte", "Stadgar för").
FIRST_WORDS_CHARS = 40
# A document whose first words name another kind (and not the record) keeps this share of its
# confidence: a notice of a meeting carries the agenda, bylaws name the offices and the §§.
OTHER_KIND_SHARE = 0.4
# The stretch of text in which signs are counted together, without whitespace: two or three
# pages. Minutes show their signs within it; a long text's stray words do not add up.
WINDOW_CHARS = 6000

_WHITESPACE = re.compile(r"\s+")
# What may stand between a label and the name it lists: "Närvarande: Anna", "Kallade - Nils".
_LABEL_MARKS = ":)-–•*"
# Each word of the tables as the table writes it, by its form in the text searched: for reasons.
_AS_WRITTEN: dict[str, str] = {}
_SECTION_NUMBER = re.compile(r"§§?(\d{1,4})|(\d{1,4})§")
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"(?:19|20)\d\d[-./]\d{{1,2}}[-./]\d{{1,2}}"
    rf"|\d{{1,2}}(?::e|:a)?(?:{_MONTH})(?:19|20)\d\d"
    rf"|\d{{1,2}}[./]\d{{1,2}}[./-](?:19|20)\d\d"
)


def _words(words: Sequence[str]) -> re.Pattern[str]:
    """One pattern for a table of words, in lower case with their spaces taken out; longest
    first, so that "val av mötesordförande" is counted as itself and not also as "ordförande".
    (Plain lower-case alternatives: with IGNORECASE, Python's re is seven times slower.)
    """
    written = {_WHITESPACE.sub("", w.lower()): w for w in words}
    _AS_WRITTEN.update(written)
    return re.compile("|".join(re.escape(k) for k in sorted(written, key=len, reverse=True)))


_RECORD = _words(RECORD_WORDS)
_TITLE_WORDS = _words((*RECORD_WORDS, *MEETING_WORDS, *BODY_WORDS))
_OTHER_KIND = _words(OTHER_DOCUMENT_WORDS)
# Each kind's patterns; a pattern without a fixed name counts each different text it matches.
_PATTERNS: tuple[tuple[Kind, re.Pattern[str], str | None], ...] = (
    (RECORD, _RECORD, None),
    (MEETING, _words(MEETING_WORDS), None),
    (PROCEDURE, _words(PROCEDURE_WORDS), None),
    (PROCEDURE, MEETING_OPENED, "meeting opened"),
    (PROCEDURE, MEETING_CLOSED, "meeting closed"),
    (ATTENDANCE, _words(ATTENDANCE_WORDS), None),
    (OFFICERS, _words(OFFICER_WORDS), None),
    (DECISIONS, _words(DECISION_WORDS), None),
    (SIGNATURE, _words(SIGNATURE_WORDS), None),
    (WHEN, _DATE, "date"),
    (WHEN, CLOCK_TIME, "time"),
    (WHEN, _words(WHEN_WORDS), "header label"),
)


@dataclass(frozen=True)
class Sign:
    """One kind of sign found, with the different words that showed it and how fully, 0–1."""

    kind: Kind
    words: tuple[str, ...]
    strength: float

    @classmethod
    def of(cls, kind: Kind, words: Sequence[str]) -> Sign:
        return cls(kind, tuple(words), min(1.0, len(words) / kind.enough))

    @property
    def score(self) -> float:
        return self.kind.weight * self.strength


@dataclass(frozen=True)
class Evidence:
    """The signs of minutes a text shows, and the confidence they give that it is minutes."""

    signs: tuple[Sign, ...]
    other_kind: str | None = None  # another kind of document its first words name: "kallelse"

    @property
    def confidence(self) -> float:
        shown = sum(s.score for s in self.signs) / TOTAL_WEIGHT
        return round(shown * (OTHER_KIND_SHARE if self.other_kind else 1.0), 3)

    @property
    def structure(self) -> float:
        return sum(s.score for s in self.signs if s.kind.structural)

    @property
    def missing(self) -> tuple[Kind, ...]:
        found = {s.kind.name for s in self.signs}
        return tuple(k for k in KINDS if k.name not in found)

    @property
    def is_minutes(self) -> bool:
        return (
            len(self.signs) >= MIN_KINDS
            and self.structure >= MIN_STRUCTURE
            and self.confidence >= MIN_CONFIDENCE
        )

    def reasons(self) -> str:
        """What was found, kind by kind, with a few of its words: "decisions (valdes, beslut)"."""
        found = [f"{s.kind.name} ({', '.join(s.words[:3])})" for s in self.signs]
        if self.other_kind:
            found.insert(0, f"its first words name another kind of document ({self.other_kind})")
        return "; ".join(found) or "no sign of minutes"

    def warnings(self) -> list[str]:
        """What a reader should know of a document read with little evidence: what it lacks."""
        if self.confidence >= WARN_BELOW:
            return []
        found = ", ".join(s.kind.name for s in self.signs)
        lacking = "; ".join(k.shows for k in self.missing) or "nothing"
        return [
            f"few signs of minutes (confidence {self.confidence:.2f}, found: {found}); "
            f"not found: {lacking}"
        ]


def weigh(text: str) -> Evidence:
    """The signs of minutes in `text`, whatever its layout: those of its title, and those of
    the stretch of text that shows the most."""
    squashed = _WHITESPACE.sub("", text)
    lowered = squashed.lower()
    if len(lowered) != len(squashed):  # a letter whose lower case is two ("İ"): keep places
        lowered = "".join(c if len(c.lower()) > 1 else c.lower() for c in squashed)
    title = _title(lowered[:TITLE_CHARS])
    other = _OTHER_KIND.search(lowered[:FIRST_WORDS_CHARS])
    other_kind = None if other is None or _names_record(title) else _AS_WRITTEN[other[0]]
    if other_kind:
        title = None  # the title is that other document's
    found = sorted(_found(squashed, lowered), key=lambda sign: sign[0])
    positions = [position for position, _, _ in found]
    best = _evidence(title, (), other_kind)
    for start in range(0, max(1, len(squashed) - WINDOW_CHARS // 2), WINDOW_CHARS // 2):
        first = bisect_left(positions, start)
        last = bisect_left(positions, start + WINDOW_CHARS)
        evidence = _evidence(title, found[first:last], other_kind)
        if evidence.confidence > best.confidence:
            best = evidence
    return best


def _found(squashed: str, lowered: str) -> list[tuple[int, Kind, str]]:
    """Every sign in the text: where it is, its kind, and the word that shows it."""
    found = []
    for kind, pattern, name in _PATTERNS:
        for match in pattern.finditer(lowered):
            if kind is ATTENDANCE and not _before_name(squashed, match.end()):
                continue
            found.append((match.start(), kind, name or _AS_WRITTEN[match.group()]))
    for match in _SECTION_NUMBER.finditer(lowered):  # "§ 12", "§12", "12 §"
        found.append((match.start(), SECTIONS, f"§ {match[1] or match[2]}"))
    return found


def _before_name(squashed: str, end: int) -> bool:
    """Whether a capital follows, as a name follows a label ("Närvarande: Anna Berg",
    "Ledamöter Anna Berg (S)", a list "- Anna Berg"); running text uses the same words before
    lower case ("de närvarande ledamöterna") or a full stop."""
    if end < len(squashed) and squashed[end] in _LABEL_MARKS:
        end += 1
    return end < len(squashed) and squashed[end].isupper()


def _title(opening: str) -> Sign | None:
    """The title's sign, from the opening in lower case: full when it names the record
    ("Protokoll", "Minutes of …"), half when it names only a meeting or a body ("Styrelsemöte",
    "Kommunfullmäktige"), which a letter to the board may do too."""
    matched = tuple(dict.fromkeys(m.group() for m in _TITLE_WORDS.finditer(opening)))
    if not matched:
        return None
    names_record = any(_RECORD.fullmatch(word) for word in matched)
    words = tuple(_AS_WRITTEN[word] for word in matched)
    return Sign(TITLE, words, 1.0 if names_record else TITLE_MEETING_ONLY)


def _names_record(title: Sign | None) -> bool:
    return title is not None and title.strength == 1.0


def _evidence(
    title: Sign | None, found: Sequence[tuple[int, Kind, str]], other_kind: str | None
) -> Evidence:
    words: dict[str, dict[str, None]] = {}
    for _, kind, word in found:
        words.setdefault(kind.name, {})[word] = None
    signs = [Sign.of(k, tuple(words[k.name])) for k in KINDS if k.name in words]
    if title:
        signs.append(title)
    return Evidence(tuple(sorted(signs, key=lambda sign: KINDS.index(sign.kind))), other_kind)


def judge(text: CleanText, path: str) -> Evidence:
    """The evidence that the document is minutes; NotMinutes when it shows none.

    The running headers that cleaning took off every page come first: "Sammanträdesprotokoll"
    at the top of each page is the document's title.
    """
    evidence = weigh("\n".join([*text.running_lines, *(line.text for line in text.lines)]))
    if not evidence.is_minutes:
        raise NotMinutes(
            f"nothing in it looks like minutes (confidence {evidence.confidence:.2f}: "
            f"{evidence.reasons()})",
            path=path,
            hint="if this is minutes in an unusual layout, report it with an example",
        )
    return evidence

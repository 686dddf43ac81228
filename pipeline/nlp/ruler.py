"""Rules after the statistical NER: money, dates, times, § references, diarienummer, gazetteer
bodies and places, one-word bodies by their head word, the meeting's own people, and a
given-name/surname post-check for PER."""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import numpy
from spacy.lang.sv.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import ensure_path, filter_spans

from pipeline.nlp.amounts import find_amount_spans
from pipeline.nlp.dates import DATE_MENTIONS, SINGLE_TIME, TIME_RANGE
from pipeline.nlp.features import GIVEN_NAME_FLAG, PLACE_FLAG, SURNAME_FLAG
from pipeline.nlp.gazetteers import Gazetteers
from pipeline.nlp.references import REFERENCE
from pipeline.vocabulary import meeting as v

FACTORY = "protokoll_minutes_ruler_v1"  # spaCy forbids "." in factory names
PEOPLE_KEY = "protokoll_people"  # doc.user_data[PEOPLE_KEY]: names from the attendance list
PHRASES_FILE = "phrases.json"
MIN_ALONE_CHARS = 4  # a surname alone ("Ek") is too often a word; a given name needs 3
MIN_SURNAME_ALONE_CHARS = 6  # short surnames are often words too: Fast, Berg, Holm, Ek
MAX_NAME_TOKENS = 3  # a given name and at most two more capitalised words
DIARIENUMMER = re.compile(
    r"\b(?:Dnr|Diarienr|Diarienummer)\.?\s*:?\s*"
    r"(?P<dnr>[A-ZÅÄÖ]{0,6}\s?\d{2,4}[/.:-]\d{1,5}(?:[/.:-]\d+)*)"
)
# Places that are also common words capitalised at a sentence start ("Vara", "Mark").
AMBIGUOUS_PLACES = frozenset({"Ale", "Boden", "Kil", "Mark", "Vara", "Orsa", "Sala"})
SENTENCE_END = {".", "!", "?", ":", "•", "-", "–"}
# Swedish bodies are compounds on a few head words: "Socialnämnden", "Hyresgästföreningen",
# "Trafikverket". The bare head word ("Styrelsen") is the generic noun, so three letters must
# come before it.
BODY_HEADS = (
    "förbundet",
    "föreningen",
    "partiet",
    "bolaget",
    "banken",
    "verket",
    "inspektionen",
    "myndigheten",
    "förvaltningen",
    "nämnden",
    "styrelsen",
    "kassan",
    "högskolan",
    "universitetet",
    "departementet",
    "institutet",
)
BODY_WORD = re.compile(rf"(?<![\w-])[A-ZÅÄÖ][a-zåäöéü]{{2,}}(?:{'|'.join(BODY_HEADS)})s?(?![\w-])")
MARKUP_CHARACTERS = frozenset("#*_`>|=~-+")


@functools.cache
def not_names() -> frozenset[str]:
    """Words of minutes' headers and roles, which a model trained on news takes for names at the
    start of a line ("Datum:", "Ordföranden tackade"): with definite forms ("ordföranden",
    "mötet")."""
    labels = [*v.ATTENDANCE_LABELS, *v.BODY_LABELS, *v.DATE_LABELS, *v.PLACE_LABELS]
    words = {w for phrase in [*labels, *v.ROLE_LABELS, *v.ROLE_WORDS] for w in phrase.split()}
    words = {w.strip(".:") for w in words if w.strip(".:").isalpha()}
    definite = {f"{w}{end}" for w in words if w.endswith("e") for end in ("n", "t")}
    return frozenset(words | definite)


def phrase_patterns(gazetteers: Gazetteers) -> dict[str, list[str]]:
    """The gazetteer phrases the rules match, by label: bodies are ORG, places LOC; with their
    genitives ("Försäkringskassans"). Lower case ("försäkringskassan") is left to the model: it
    is as often the generic office as the agency."""
    bodies = set(gazetteers.org_phrases)
    places = gazetteers.loc_phrases - AMBIGUOUS_PLACES
    return {"ORG": sorted(_with_genitives(bodies)), "LOC": sorted(_with_genitives(places))}


def _with_genitives(phrases: set[str]) -> set[str]:
    return phrases | {f"{p}s" for p in phrases if not p.endswith(("s", "x", "z"))}


class MinutesRuler:
    """Adds rule entities to `doc.ents`.

    Precedence: pattern rules and attendance names (widened to a longer name the model or the
    post-check found around them) override the model; a gazetteer body
    ("Region Sörmland") overrides the model spans it covers; gazetteer places and the
    name post-check only fill gaps the model left.
    """

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name
        self.nlp = nlp
        self.phrases: dict[str, list[str]] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")

    def set_phrases(self, phrases: dict[str, list[str]]) -> None:
        self.phrases = phrases
        self.matcher = PhraseMatcher(self.nlp.vocab, attr="ORTH")
        for label, texts in phrases.items():
            self.matcher.add(label, [self.nlp.make_doc(text) for text in texts])

    def __call__(self, doc: Doc) -> Doc:
        names = name_spans(doc)
        model = [s for s in map(_plausible, doc.ents) if s is not None]
        wider = [*(e for e in model if e.label_ == "PER"), *names]
        text = doc.text  # rebuilt from the tokens on each access
        attendees = people_spans(doc, doc.user_data.get(PEOPLE_KEY, ()), text)
        by_token = _covering(wider)
        people = [_widest(p, by_token.get(p.start, ())) for p in attendees]
        strong = filter_spans([*pattern_spans(doc, text), *people])
        taken = _Taken(len(doc), strong)
        kept = [e for e in model if not taken.overlaps(e)]
        bodies, places = self._gazetteer_spans(doc)
        owner = _Owners(len(doc), kept)  # kept spans never overlap: each token has one owner
        replaced: set[int] = set()
        added: list[Span] = []
        for body in filter_spans(bodies):  # bodies never overlap: each sees the kept spans alone
            covered = owner.within(body)
            if not taken.overlaps(body) and all(_inside(kept[k], body) for k in covered):
                replaced.update(covered)
                added.append(body)
        kept = [e for k, e in enumerate(kept) if k not in replaced] + added
        entities = [*strong, *kept]
        taken.add(kept)
        for span in filter_spans([*places, *names, *body_word_spans(doc, text)]):
            if not taken.overlaps(span):
                entities.append(span)
                taken.add([span])
        doc.ents = sorted(entities, key=lambda s: s.start)
        return doc

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        directory = ensure_path(path)
        directory.mkdir(parents=True, exist_ok=True)
        (directory / PHRASES_FILE).write_text(json.dumps(self.phrases, ensure_ascii=False), "utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> MinutesRuler:
        self.set_phrases(json.loads((ensure_path(path) / PHRASES_FILE).read_text("utf-8")))
        return self

    def _gazetteer_spans(self, doc: Doc) -> tuple[list[Span], list[Span]]:
        bodies: list[Span] = []
        places: list[Span] = []
        for match_id, start, end in self.matcher(doc):
            label = self.nlp.vocab.strings[match_id]
            span = Span(doc, start, end, label=label)
            (bodies if label == "ORG" else places).append(span)
        return bodies, places


def pattern_spans(doc: Doc, text: str) -> list[Span]:
    """Money, dates, times, § references and diarienummer in `text` (= doc.text), by the
    project's own regexes."""
    found: list[tuple[str, int, int]] = [("MONEY", s, e) for s, e, _ in find_amount_spans(text)]
    for pattern in DATE_MENTIONS:
        found += [("DATE", m.start(), m.end()) for m in pattern.finditer(text)]
    found += [("TIME", m.start(), m.end()) for m in TIME_RANGE.finditer(text) if _is_time(m[0])]
    found += [("TIME", m.start(), m.end()) for m in SINGLE_TIME.finditer(text)]
    found += [("SECTION_REF", m.start(), m.end()) for m in REFERENCE.finditer(text)]
    found += [("DNR", m.start("dnr"), m.end("dnr")) for m in DIARIENUMMER.finditer(text)]
    return list(_char_spans(doc, found))


def body_word_spans(doc: Doc, text: str) -> list[Span]:
    """One-word bodies by their head word: "Kommunstyrelsen", "Riksidrottsförbundets"."""
    return list(_char_spans(doc, [("ORG", m.start(), m.end()) for m in BODY_WORD.finditer(text)]))


def people_spans(doc: Doc, people: Sequence[str], text: str) -> list[Span]:
    """Every mention of an attendee: the full name, a surname or a given name (with or without
    the surname's initial, "Ola W") that no other attendee shares."""
    pattern = attendee_pattern(tuple(people))
    if pattern is None:
        return []
    return list(_char_spans(doc, [("PER", m.start(), m.end()) for m in pattern.finditer(text)]))


@functools.lru_cache(maxsize=64)
def attendee_pattern(people: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern for a meeting's attendees; cached, as every section of a meeting asks."""
    names = {" ".join(n.split()) for n in people if n and n.strip()}
    surnames: dict[str, int] = {}
    initials: dict[str, set[str]] = {}  # given name → initials of the surnames it goes with
    for name in names:
        parts = name.split()
        if len(parts) > 1:
            surnames[parts[-1]] = surnames.get(parts[-1], 0) + 1
            initials.setdefault(parts[0], set()).add(parts[-1][0])
    forms = set(names)
    forms |= {s for s, n in surnames.items() if n == 1 and len(s) >= MIN_ALONE_CHARS}
    for given, letters in initials.items():
        if len(letters) == 1 and len(given) >= MIN_ALONE_CHARS - 1:
            forms |= {given, f"{given} {next(iter(letters))}"}
    if not forms:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\wåäöÅÄÖ])(?:{alternation})(?![\wåäöÅÄÖ])")


def name_spans(doc: Doc) -> list[Span]:
    """Post-check: a known given name + capitalised words, or a known surname opening a sentence.

    One array read screens the tokens; Token objects are made only for the few candidates."""
    if not len(doc):
        return []
    columns = doc.to_array(["IS_ALPHA", "IS_TITLE", "LENGTH", GIVEN_NAME_FLAG, SURNAME_FLAG])
    title = (columns[:, 0] == 1) & (columns[:, 1] == 1) & (columns[:, 2] > 1)
    candidates = numpy.flatnonzero(title & ((columns[:, 3] == 1) | (columns[:, 4] == 1)))
    spans = []
    for i in candidates.tolist():
        token = doc[i]
        if token.lower_ in STOP_WORDS:
            continue  # "De", "Man", "Dem" are names too, but rarely in minutes
        if columns[i, 3]:
            end = i + 1
            while end < len(doc) and end - i < MAX_NAME_TOKENS and title[end]:
                end += 1
            if end > i + 1:
                spans.append(Span(doc, i, end, label="PER"))
        elif (
            len(token) >= MIN_SURNAME_ALONE_CHARS
            and not token.lex.check_flag(PLACE_FLAG)
            and _opens_sentence(token)
            and i + 1 < len(doc)
            and doc[i + 1].is_lower
        ):
            spans.append(Span(doc, i, i + 1, label="PER"))
    return spans


def _plausible(span: Span) -> Span | None:
    """A model entity as minutes allow it, or None. It ends at a blank line or line break that
    spaCy kept as a token ("Nicolas Lara\\n\\nMarknadsföring"); a PER ends at its last capitalised
    word ("Nicolas förbereder"); markup ("## Rapporter": a Markdown heading read as a name) or an
    entity of header and role words or generic body nouns only ("Datum", "Sekreterare",
    "Mötets", "Föreningens") is no entity."""
    if _markup(span[0]) or _markup(span[-1]):
        return None
    end = next((t.i for t in span if t.is_space), span.end)
    if span.label_ == "PER":
        while end > span.start and span.doc[end - 1].is_lower:
            end -= 1
    words = [t.lower_ for t in span.doc[span.start : end] if _has_letters(t)]
    if words and all(_header_word(w) for w in words):
        return None
    if end == span.end:
        return span
    return Span(span.doc, span.start, end, label=span.label_) if end > span.start else None


def _header_word(word: str) -> bool:
    """A header or role word, or its genitive ("mötets"), or a bare body head word: the
    generic noun ("Föreningens", "Styrelsen"), not a name."""
    words = (word, word[:-1]) if word.endswith("s") else (word,)
    return any(w in not_names() or w in BODY_HEADS for w in words)


def _has_letters(token: Token) -> bool:
    return any(c.isalpha() for c in token.text)


def _markup(token: Token) -> bool:
    """Markdown, Org and wiki markup: "##", "**", "|", "==", "---"."""
    return bool(token.text) and all(c in MARKUP_CHARACTERS for c in token.text)


def _char_spans(doc: Doc, found: Iterable[tuple[str, int, int]]) -> Iterator[Span]:
    for label, start, end in found:
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None:
            yield span


def _is_time(written: str) -> bool:
    """ "kl 9-11.30" and "20:00 - 21:00" are times; "30-31" (maj) and "2,5-3" are not."""
    return "kl" in written or ":" in written


class _Taken:
    """The tokens some span already holds, so an overlap is a look at a span's own tokens
    rather than a comparison with every span found before (a long text has thousands)."""

    def __init__(self, length: int, spans: Iterable[Span]) -> None:
        self.held = bytearray(length)
        self.add(spans)

    def add(self, spans: Iterable[Span]) -> None:
        for span in spans:
            self.held[span.start : span.end] = b"\x01" * (span.end - span.start)

    def overlaps(self, span: Span) -> bool:
        return any(self.held[span.start : span.end])


class _Owners:
    """Which of a list of non-overlapping spans holds each token."""

    def __init__(self, length: int, spans: Sequence[Span]) -> None:
        self.owner = [-1] * length
        for index, span in enumerate(spans):
            self.owner[span.start : span.end] = [index] * (span.end - span.start)

    def within(self, span: Span) -> list[int]:
        """The indexes of the spans that share a token with `span`, in their order."""
        return sorted({k for k in self.owner[span.start : span.end] if k >= 0})


def _covering(spans: Iterable[Span]) -> dict[int, list[Span]]:
    """For each token under some span, the spans over it, in their order."""
    found: dict[int, list[Span]] = {}
    for span in spans:
        for i in range(span.start, span.end):
            found.setdefault(i, []).append(span)
    return found


def _widest(span: Span, candidates: Iterable[Span]) -> Span:
    """An attendee's name as part of a longer name found otherwise ("Vera" → "Vera Sjö")."""
    longer = [c for c in candidates if _inside(span, c) and len(c) > len(span)]
    return max(longer, key=len) if longer else span


def _opens_sentence(token: Token) -> bool:
    return token.i == 0 or token.nbor(-1).text in SENTENCE_END or "\n" in token.nbor(-1).text


def _inside(inner: Span, outer: Span) -> bool:
    return outer.start <= inner.start and inner.end <= outer.end


@Language.factory(FACTORY)
def make_minutes_ruler(nlp: Language, name: str) -> MinutesRuler:
    return MinutesRuler(nlp, name)

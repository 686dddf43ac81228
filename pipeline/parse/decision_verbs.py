"""The decision verb of a sentence, found in any word order, and the outcome it states.

    Styrelsen godkände budgeten.                      approved  (active past, the body as subject)
    Efter en stunds debatt enades styrelsen om att …  approved  (V2: the subject after the verb)
    Godkänner verksamhetsplanen.                      approved  (no subject)
    Ansökan beviljas inte.                            rejected  (a negated approval)
    Årsmötet beslutade att välja Eva Ek till …        elected   (deciding: the act decided counts)
    Styrelsen väljer att anta verksamhetsplanen.      approved  (chooses to adopt: elects nobody)
    Förvaltningen föreslår att ansökan beviljas.      none      (a verb of a subordinate clause)

Verbs come from the lemma table in vocabulary/decisions.py, every form generated from the lemma.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from pipeline.parse.clauses import (
    CLAUSE_BREAKS,
    Tokens,
    after_auxiliary,
    after_copula,
    after_modal,
    agent_is_body,
    body_before,
    in_first_clause,
    is_body,
    subordinate,
    tokenize,
    words_before,
)
from pipeline.records import Outcome
from pipeline.vocabulary.decisions import (
    DECISION_NOUNS,
    DECISION_VERBS,
    ELECTED_TO,
    ELECTED_WORD_STEMS,
    ENGLISH_DECISION_WORDS,
    MEETING_VALID,
    OPENING_OR_CLOSING,
    PARTICLE_WINDOW_WORDS,
    YEAR_OF_EVENT,
    DecisionVerb,
    WithAtt,
)
from pipeline.vocabulary.inflection import Form, inflect, with_prefix
from pipeline.vocabulary.sentences import (
    BEFORE_ATT,
    CLAUSE_ADVERBS,
    CLAUSE_SUBJECTS,
    CONTINUATIVES,
    INFINITIVE_ENDINGS,
    NEGATING_SUBJECTS,
    NEGATIONS,
    NEVER,
    PLURAL_ENDING,
    RUNS_ON,
)

# The verb of an unmarked decision comes early ("Dagordningen godkändes", "Till justerare
# valdes …"); a passive further on is narrative.
MAX_WORDS_BEFORE_VERB = 8
MAX_WORDS_BEFORE_VALIDITY = 10
NAMES_WHOM_WINDOW_WORDS = 5  # "Mötet väljer Sara Dahl och Olof Ring till …"


@dataclass(frozen=True)
class VerbUse:
    """One decision verb in a sentence: the verb, its form, where it stands."""

    verb: DecisionVerb
    form: Form
    index: int  # the verb's token
    end: int  # the token after the verb and its particle


# A written form that is two forms ("beviljas": present or infinitive passive; "beviljade":
# past or participle) is read as the first that fits where it stands.
FORM_PREFERENCE = [
    Form.PRESENT,
    Form.PAST,
    Form.PRESENT_PASSIVE,
    Form.PAST_PASSIVE,
    Form.SUPINE,
    Form.SUPINE_PASSIVE,
    Form.PARTICIPLE,
    Form.INFINITIVE,
    Form.INFINITIVE_PASSIVE,
]


def _lexicon() -> dict[str, list[tuple[DecisionVerb, Form, bool]]]:
    """Written form → (verb, form, particle already written in the word)."""
    lexicon: dict[str, list[tuple[DecisionVerb, Form, bool]]] = {}
    for verb in DECISION_VERBS:
        base = inflect(verb.lemma, verb.conjugation)
        variants = [(base, False)] + [(with_prefix(base, p), False) for p in verb.prefixes]
        variants += [(with_prefix(base, p), True) for p in verb.particles if " " not in p]
        for forms, particle_written in variants:
            for written, kinds in forms.items():
                for kind in sorted(kinds, key=FORM_PREFERENCE.index):
                    if kind.passive and kind is not Form.PARTICIPLE and not verb.passive:
                        continue
                    lexicon.setdefault(written, []).append((verb, kind, particle_written))
    for word, outcome in ENGLISH_DECISION_WORDS.items():
        english = DecisionVerb(word, outcome, "")
        lexicon.setdefault(word, []).append((english, Form.PAST_PASSIVE, True))
    return lexicon


LEXICON = _lexicon()
# Every written form of a verb that elects ("valde", "omvaldes", "utsågs", "appointed").
ELECTION_FORMS = frozenset(
    form for form, uses in LEXICON.items() if any(v.outcome is Outcome.ELECTED for v, _, _ in uses)
)
ENGLISH_VERBS = set(ENGLISH_DECISION_WORDS)


def verb_uses(tokens: Tokens, *, elliptic: bool = False) -> list[VerbUse]:
    """Every decision verb of the sentence, in order; a verb that needs a particle counts only
    with it ("skjuts upp", "lades till handlingarna"). `elliptic`: a decision's own words may
    leave out "har" or "är" ("Beslut: Godkänt.")."""
    uses: list[VerbUse] = []
    for index, token in enumerate(tokens):
        for verb, form, particle_written in LEXICON.get(token.folded, ()):
            end = index + 1
            if verb.particles and not particle_written:
                found = _particle_end(tokens, index + 1, verb.particles)
                if found is None:
                    continue
                end = found
            if form is Form.PARTICIPLE and not (elliptic or after_copula(tokens, index)):
                continue  # "den antagna budgeten": an adjective, no decision
            if form is Form.PRESENT_PASSIVE and after_modal(tokens, index):
                continue  # "ska beviljas": the infinitive it is written as
            supine = form in (Form.SUPINE, Form.SUPINE_PASSIVE)
            if supine and not (elliptic or after_auxiliary(tokens, index)):
                continue  # "Godkänt är 100 %": no "har", no decision reported
            uses.append(VerbUse(verb, form, index, end))
            break
    return uses


def decided_outcome(
    sentence: str, *, marked: bool, meeting_year: int | None = None
) -> Outcome | None:
    """The outcome a sentence decides, None when it records no decision.

    `marked`: the sentence stands under "Beslut" or after "Beslut:", so it is a decision and
    any decision verb in it names the outcome. Otherwise it must report one: a passive early in
    its main clause ("Dagordningen godkändes"), or an active verb whose subject is the meeting or
    a body, before or after the verb ("Styrelsen godkände", "enades styrelsen"), or no subject
    at all ("Godkänner …").
    """
    tokens = tokenize(sentence)
    if not tokens:
        return None
    uses = verb_uses(tokens, elliptic=marked)
    if marked:
        main = [u for u in uses if not subordinate(tokens, u.index)]
        for use in main or uses:
            outcome = _outcome_of(use, tokens, uses)
            if outcome is not None:
                return outcome
        noun = next((DECISION_NOUNS[t.folded] for t in tokens if t.folded in DECISION_NOUNS), None)
        return noun or (Outcome.APPROVED if MEETING_VALID.search(sentence) else None)
    for use in uses:
        if _reports(use, tokens, meeting_year):
            outcome = _outcome_of(use, tokens, uses)
            if outcome is not None:
                return outcome
    valid = MEETING_VALID.search(sentence)
    if valid and len(sentence[: valid.start()].split()) <= MAX_WORDS_BEFORE_VALIDITY:
        return Outcome.APPROVED
    return None


def opens_decision(line: str, previous: str) -> bool:
    """A line that is a decision sentence of its own ("Årsmötet beslutade …", "Vera Berg väljs
    till ordförande"): a new sentence, even where the line above ends without a full stop.
    A line after a comma or an open clause continues that sentence."""
    words = previous.split()
    if not line[:1].isupper() or not words or previous.endswith((",", ";", "-", "–")):
        return False
    if words[-1].casefold() in RUNS_ON:
        return False
    return decided_outcome(line, marked=False) is not None


def _reports(use: VerbUse, tokens: Tokens, meeting_year: int | None) -> bool:
    """Whether this verb reports a decision of the meeting, by its form, clause and subject."""
    index = use.index
    if any(t.folded in CONTINUATIVES for t in tokens[max(0, index - 2) : index]):
        return True  # "…, vilket godkändes", "varpå dessa väljs"
    if subordinate(tokens, index):
        return agent_is_body(tokens, use.end) and use.form.passive
    if not use.form.finite and use.form is not Form.PARTICIPLE:
        return False
    words = words_before(tokens, index)
    if use.form.passive:
        english = use.verb.lemma in ENGLISH_VERBS
        if words > MAX_WORDS_BEFORE_VERB or (not english and not in_first_clause(tokens, index)):
            return False
        return not use.form.past or _not_before(tokens, meeting_year)
    if index == 0:
        return use.form in (Form.PRESENT, Form.PAST)  # "Godkänner verksamhetsplanen."
    if use.verb.any_subject:
        return words <= MAX_WORDS_BEFORE_VERB  # "… tog beslut att", "X beslutade att"
    return body_before(tokens, index) or is_body(tokens, index + 1)


def _outcome_of(use: VerbUse, tokens: Tokens, uses: Sequence[VerbUse]) -> Outcome | None:
    verb = use.verb
    att = _att_after(tokens, use)
    if att is not None and verb.with_att is WithAtt.NOT_DECIDED and not use.form.passive:
        return None  # "Vi antar att …" assumes; "förklarar att" explains
    if _opens_or_closes(tokens, use):
        return None  # "Ordföranden förklarade mötet öppnat"
    chooses = verb.outcome is None or (
        verb.with_att is WithAtt.CHOSEN and att is not None and not use.form.passive
    )
    if chooses:
        chosen = next((u for u in uses if u.index >= use.end), None)
        if chosen is not None:
            outcome = _outcome_of(chosen, tokens, uses)
            if outcome is not None:
                return outcome
        if att is not None:  # "beslutade att inte resa": deciding not to act still decides
            claim = verb.agreement and _claim_follows(tokens, att)
            return Outcome.OTHER if claim else Outcome.APPROVED
        return _negated(Outcome.APPROVED, tokens, use)
    assert verb.outcome is not None
    if verb.outcome is Outcome.ELECTED and not use.form.passive and not _names_whom(tokens, use):
        return _negated(Outcome.APPROVED, tokens, use)  # "vi väljer den blå färgen"
    if tokens[0].folded in NEGATING_SUBJECTS and use.form.passive:
        # "Inga gäster adjungerades" notes that nothing was done; "Inga nya bidrag beviljas"
        # is a policy.
        return Outcome.NOTED if use.form.past else Outcome.OTHER
    return _negated(verb.outcome, tokens, use)


def _negated(outcome: Outcome, tokens: Tokens, use: VerbUse) -> Outcome:
    """A negated approval is a rejection; any other negated outcome decides nothing named."""
    # A main clause puts its negation after the finite verb ("beviljas inte"); an infinitive
    # or a subordinate clause puts it before ("att inte bevilja", "som inte godkänns").
    before = not use.form.finite or subordinate(tokens, use.index)
    places = (
        (use.index - 1, use.index + 1, use.index + 2) if before else (use.index + 1, use.index + 2)
    )
    near = {tokens[i].folded for i in places if 0 <= i < len(tokens)}
    if NEVER in near:
        return Outcome.OTHER  # "Budgeten fastställdes aldrig"
    if near & NEGATIONS:
        return Outcome.REJECTED if outcome is Outcome.APPROVED else Outcome.OTHER
    return outcome


def _names_whom(tokens: Tokens, use: VerbUse) -> bool:
    """An election names whom or which post right after its verb: a name, "till"/"som", or a
    post or body."""
    for token in tokens[use.end : use.end + NAMES_WHOM_WINDOW_WORDS]:
        if token.text in CLAUSE_BREAKS or token.text in ".;":
            return False
        if token.folded in ELECTED_TO or token.text[:1].isupper():
            return True
        if token.folded.startswith(ELECTED_WORD_STEMS):
            return True
    return False


def _particle_end(tokens: Tokens, start: int, particles: Sequence[str]) -> int | None:
    for offset in range(PARTICLE_WINDOW_WORDS + 1):
        at = start + offset
        for particle in particles:
            words = particle.split()
            if [t.folded for t in tokens[at : at + len(words)]] == words:
                return at + len(words)
        if at < len(tokens) and not tokens[at].text[0].isalnum():
            return None  # a particle does not cross punctuation
    return None


def _att_after(tokens: Tokens, use: VerbUse) -> int | None:
    """The "att" right after a verb ("beslutade att", "enades styrelsen om att"), if any."""
    for at in range(use.end, min(use.end + 3, len(tokens))):
        word = tokens[at].folded
        if word == "att":
            return at
        if not (word in BEFORE_ATT or is_body(tokens, at)):
            return None
    return None


def _claim_follows(tokens: Tokens, att: int) -> bool:
    """ "att läget är oroande" (a clause with its own subject), not "att hyra en lokal"."""
    at = att + 1
    while at < len(tokens) and tokens[at].folded in CLAUSE_ADVERBS:
        at += 1
    if at >= len(tokens):
        return False
    word = tokens[at]
    if word.folded in CLAUSE_SUBJECTS or word.text[:1].isupper() or is_body(tokens, at):
        return True
    return not word.folded.endswith(INFINITIVE_ENDINGS) or word.folded.endswith(PLURAL_ENDING)


def _opens_or_closes(tokens: Tokens, use: VerbUse) -> bool:
    near = " ".join(t.folded for t in tokens[use.index : use.end + 3])
    return bool(OPENING_OR_CLOSING.search(near))


def _not_before(tokens: Tokens, meeting_year: int | None) -> bool:
    """No year in the sentence dates the decision before the meeting ("Föreningen beviljades
    medel under 2016" is background)."""
    if meeting_year is None:
        return True
    text = " ".join(t.text for t in tokens)
    return all(int(m["year"]) >= meeting_year for m in YEAR_OF_EVENT.finditer(text))

"""Decision verbs: every form generated from the lemma, checked against the Swedish UD treebanks."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.vocabulary.decisions import DECISION_VERBS
from pipeline.vocabulary.inflection import Conjugation, Form, inflect, with_prefix
from tests.conftest import shared_dir


@pytest.mark.parametrize(
    ("lemma", "conjugation", "expected"),
    [
        (
            "bevilja",
            Conjugation.FIRST,
            {"beviljar", "beviljade", "beviljat", "beviljas", "beviljades", "beviljats"},
        ),
        (
            "godkänna",
            Conjugation.SECOND_D,
            {"godkänner", "godkände", "godkänt", "godkänns", "godkännes", "godkändes", "godkänd"},
        ),
        ("bestämma", Conjugation.SECOND_D, {"bestämde", "bestäms", "bestämt", "bestämdes"}),
        ("tillstyrka", Conjugation.SECOND_T, {"tillstyrker", "tillstyrkte", "tillstyrks"}),
        (
            "anta",
            "antar|antager antog antagit antagen",
            {"antar", "antog", "antas", "antages", "antogs", "antagits", "antaget", "antagna"},
        ),
        ("fastslå", "fastslår fastslog fastslagit fastslagen", {"fastslogs", "fastslås"}),
        ("välja", "väljer valde valt vald", {"väljs", "väljes", "valdes", "valda", "valts"}),
    ],
)
def test_every_form_follows_from_the_lemma(
    lemma: str, conjugation: Conjugation | str, expected: set[str]
) -> None:
    assert expected <= set(inflect(lemma, conjugation))


def test_forms_know_what_they_are() -> None:
    forms = inflect("godkänna", Conjugation.SECOND_D)
    assert forms["godkände"] == {Form.PAST}
    assert forms["godkännes"] == {Form.PRESENT_PASSIVE}
    assert Form.PAST_PASSIVE in forms["godkändes"]
    assert not any(
        f.finite for f in inflect("bevilja", Conjugation.FIRST)["bevilja"]
    )  # an infinitive carries no clause
    assert set(with_prefix(inflect("välja", "väljer valde valt vald"), "om")) >= {
        "omvaldes",
        "omväljs",
    }


def _ud_forms(lemmas: set[str]) -> dict[str, set[str]]:
    """Forms the treebanks give each lemma as a finite verb, infinitive, supine or past
    participle."""
    found: dict[str, set[str]] = {lemma: set() for lemma in lemmas}
    for conllu in sorted(shared_dir("corpora").glob("ud-swedish-*/**/*.conllu")):
        for line in Path(conllu).read_text(encoding="utf-8").splitlines():
            cells = line.split("\t")
            if len(cells) != 10 or cells[2] not in lemmas or cells[3] not in ("VERB", "AUX"):
                continue
            if "Mood=Imp" in cells[5] or cells[1].endswith(("ande", "ende")):
                continue  # "lägg!", "fastställande": an order or a present participle decides
                # nothing in minutes
            found[cells[2]].add(cells[1].casefold())
    return found


@pytest.mark.shared
def test_the_generated_forms_cover_the_treebanks() -> None:
    """Every form the Swedish UD treebanks write for a decision verb is generated."""
    verbs = {verb.lemma: verb for verb in DECISION_VERBS}
    ud = _ud_forms(set(verbs))
    assert sum(len(forms) for forms in ud.values()) > 50  # the treebanks were read
    missing = {
        lemma: forms - set(inflect(lemma, verbs[lemma].conjugation)) for lemma, forms in ud.items()
    }
    assert {lemma: forms for lemma, forms in missing.items() if forms} == {}

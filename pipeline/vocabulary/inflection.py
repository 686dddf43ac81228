"""Every written form of a Swedish verb, generated from its infinitive and its conjugation.

A decision verb is listed once, as a lemma ("godkänna"); the forms minutes write (godkänner,
godkände, godkänns, godkännes, godkändes, godkänt, godkänd, godkända …) follow from the
conjugation, so a form nobody thought to list is still read.

    first conjugation   bevilja   beviljar   beviljade   beviljat   beviljad
    second, -de         godkänna  godkänner  godkände    godkänt    godkänd
    second, -te         tillstyrka tillstyrker tillstyrkte tillstyrkt tillstyrkt
    strong / irregular  anta      antar      antog       antagit    antagen  (principal parts given)
"""

from __future__ import annotations

from enum import StrEnum


class Conjugation(StrEnum):
    FIRST = "ar"  # bevilja, notera
    SECOND_D = "er-de"  # godkänna, fastställa
    SECOND_T = "er-te"  # tillstyrka, avstyrka


class Form(StrEnum):
    INFINITIVE = "infinitive"
    PRESENT = "present"
    PAST = "past"
    SUPINE = "supine"
    PARTICIPLE = "participle"  # godkänd, godkänt, godkända: passive with "är", "blev"
    INFINITIVE_PASSIVE = "infinitive passive"
    PRESENT_PASSIVE = "present passive"
    PAST_PASSIVE = "past passive"
    SUPINE_PASSIVE = "supine passive"

    @property
    def passive(self) -> bool:
        return self in _PASSIVE

    @property
    def finite(self) -> bool:
        """A form that can carry a main clause (the supine with its "har" left out, as
        minutes often write it)."""
        return self not in (Form.INFINITIVE, Form.INFINITIVE_PASSIVE, Form.PARTICIPLE)

    @property
    def past(self) -> bool:
        return self in _PAST


_PASSIVE = {
    Form.PARTICIPLE,
    Form.INFINITIVE_PASSIVE,
    Form.PRESENT_PASSIVE,
    Form.PAST_PASSIVE,
    Form.SUPINE_PASSIVE,
}
_PAST = {Form.PAST, Form.PAST_PASSIVE, Form.SUPINE, Form.SUPINE_PASSIVE, Form.PARTICIPLE}

Forms = dict[str, set[Form]]


def inflect(infinitive: str, conjugation: Conjugation | str) -> Forms:
    """Every form of the verb, each with what it is.

    `conjugation` is a weak class, or the principal parts of a strong or irregular verb as
    "present preterite supine participle", alternatives joined by "|"
    ("antar|antager antog antagit antagen").
    """
    if isinstance(conjugation, Conjugation):
        return _weak(infinitive, conjugation)
    return _strong(infinitive, *_parts(conjugation))


def with_prefix(forms: Forms, prefix: str) -> Forms:
    """The forms of a compound verb: "om" + välja gives omvalde, omvaldes, omvald."""
    return {prefix + form: set(kinds) for form, kinds in forms.items()}


def _weak(infinitive: str, conjugation: Conjugation) -> Forms:
    forms: Forms = {}
    if conjugation is Conjugation.FIRST:
        _add(forms, Form.INFINITIVE, infinitive)
        _add(forms, Form.PRESENT, infinitive + "r")
        _add(forms, Form.PAST, infinitive + "de")
        _add(forms, Form.SUPINE, infinitive + "t")
        _add(forms, Form.PARTICIPLE, *(infinitive + e for e in ("d", "t", "de")))
        _add(forms, Form.INFINITIVE_PASSIVE, infinitive + "s")
        _add(forms, Form.PRESENT_PASSIVE, infinitive + "s")
        _add(forms, Form.PAST_PASSIVE, infinitive + "des")
        _add(forms, Form.SUPINE_PASSIVE, infinitive + "ts")
        return forms
    stem = infinitive.removesuffix("a")
    dental = "d" if conjugation is Conjugation.SECOND_D else "t"
    short = _before_consonant(stem)
    # "godkännde", "bestämmde": the unshortened stem, a slip common enough to read as written
    pasts = {short + dental + "e", stem + dental + "e"}
    _add(forms, Form.INFINITIVE, infinitive)
    _add(forms, Form.PRESENT, stem if stem.endswith("r") else stem + "er")
    _add(forms, Form.PAST, *pasts)
    _add(forms, Form.SUPINE, short + "t")
    _add(forms, Form.PARTICIPLE, short + dental, short + "t", short + dental + "a")
    _add(forms, Form.INFINITIVE_PASSIVE, infinitive + "s")
    _add(forms, Form.PRESENT_PASSIVE, _before_s(stem) + "s", stem + "es")
    _add(forms, Form.PAST_PASSIVE, *(past + "s" for past in pasts))
    _add(forms, Form.SUPINE_PASSIVE, short + "ts")
    return forms


def _strong(
    infinitive: str,
    presents: list[str],
    preterites: list[str],
    supines: list[str],
    participles: list[str],
) -> Forms:
    forms: Forms = {}
    _add(forms, Form.INFINITIVE, infinitive)
    _add(forms, Form.PRESENT, *presents)
    _add(forms, Form.PAST, *preterites)
    _add(forms, Form.SUPINE, *supines)
    _add(forms, Form.PARTICIPLE, *(f for p in participles for f in _participle_forms(p)))
    _add(forms, Form.INFINITIVE_PASSIVE, infinitive + "s")
    for present in presents:
        if present == infinitive + "r":  # a short verb: antar → antas, utser → utses
            _add(forms, Form.PRESENT_PASSIVE, infinitive + "s")
        else:  # väljer → väljs, väljes; bifaller → bifalls, bifalles
            stem = present.removesuffix("er")
            _add(forms, Form.PRESENT_PASSIVE, _before_s(stem) + "s", stem + "es")
    _add(forms, Form.PAST_PASSIVE, *(p + "s" for p in preterites))
    _add(forms, Form.SUPINE_PASSIVE, *(s + "s" for s in supines))
    return forms


def _participle_forms(common: str) -> list[str]:
    """antagen → antaget, antagna; utsedd → utsett, utsedda; vald → valt, valda."""
    if common.endswith("en"):
        return [common, common[:-2] + "et", common[:-2] + "na"]
    if common.endswith("dd"):
        return [common, common[:-2] + "tt", common + "a"]
    if common.endswith("d"):
        return [common, common[:-1] + "t", common + "a"]
    return [common, common + "a"]


def _parts(principal_parts: str) -> tuple[list[str], list[str], list[str], list[str]]:
    present, preterite, supine, participle = (p.split("|") for p in principal_parts.split())
    return present, preterite, supine, participle


def _before_consonant(stem: str) -> str:
    """ "godkänn" + "de" is written "godkände": a doubled m or n is single before d and t."""
    return stem[:-1] if stem.endswith(("mm", "nn")) else stem


def _before_s(stem: str) -> str:
    """ "bestämm" + "s" is written "bestäms"; n stays doubled ("godkänns")."""
    return stem[:-1] if stem.endswith("mm") else stem


def _add(forms: Forms, kind: Form, *written: str) -> None:
    for form in written:
        forms.setdefault(form, set()).add(kind)

"""Layout-perturbed copies of a document's cleaned text: the guard against reading layouts.

Minutes of an unseen organisation say the same things in another layout: a transcript prints a
page as one line, a text export has no blank lines, a table loses its colons and tabs, a
flattened header table prints its label column before its values. A parser that reads
conventions scores the same on each copy; one that reads layouts does not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from itertools import groupby

from pipeline.records import CleanText, Line

Perturbation = Callable[[CleanText], CleanText]

# "Närvarande: Anna Berg", "Plats och tid<TAB>Sessionssalen": a short label and its value.
LABEL_ROW = re.compile(r"^(?P<label>[A-ZÅÄÖ][\wåäöÅÄÖ .-]{1,40}?)(?:\s*:\s*|\t+)(?P<value>\S.*)$")
MAX_LABEL_WORDS = 4
LABEL_COLON = re.compile(r"(?<!\d):(?!\d)")  # "Närvarande:" but not "13:00"


def join_lines(text: CleanText) -> CleanText:
    """Each page as one line, as a web transcript of a PDF prints it."""
    lines = []
    for page, page_lines in groupby(text.lines, key=lambda line: line.page):
        words = " ".join(line.text.strip() for line in page_lines if line.text.strip())
        lines += [Line(words, page, 1), Line("", page, 2)]
    return replace(text, lines=tuple(lines))


def drop_blank_lines(text: CleanText) -> CleanText:
    """No blank lines: text exports and e-mails run paragraphs and lists together."""
    return replace(text, lines=tuple(line for line in text.lines if line.text.strip()))


def no_colons_or_tabs(text: CleanText) -> CleanText:
    """Label colons and table tabs turned into spaces; clock times keep theirs."""
    return replace(
        text,
        lines=tuple(
            replace(line, text=" ".join(LABEL_COLON.sub(" ", line.text).split()))
            for line in text.lines
        ),
    )


def labels_first(text: CleanText) -> CleanText:
    """Runs of "Label: value" rows printed as one line, every label before every value, as a
    two-column header table comes out of a transcript."""
    out: list[Line] = []
    run: list[tuple[Line, str, str]] = []

    def flush() -> None:
        if len(run) >= 2:
            labels = " ".join(label for _, label, _ in run)
            values = " ".join(value for _, _, value in run)
            out.append(replace(run[0][0], text=f"{labels} {values}"))
        else:
            out.extend(line for line, _, _ in run)
        run.clear()

    for line in text.lines:
        match = LABEL_ROW.match(line.text.strip())
        if match and len(match["label"].split()) <= MAX_LABEL_WORDS:
            run.append((line, match["label"].strip(), match["value"].strip()))
            continue
        flush()
        out.append(line)
    flush()
    return replace(text, lines=tuple(out))


PERTURBATIONS: dict[str, Perturbation] = {
    "join-lines": join_lines,
    "drop-blank-lines": drop_blank_lines,
    "no-colons-or-tabs": no_colons_or_tabs,
    "labels-first": labels_first,
}


def perturbations(names: Sequence[str]) -> dict[str, Perturbation]:
    """The named perturbations, in the order given; "all" names every one."""
    if "all" in names:
        return dict(PERTURBATIONS)
    unknown = [n for n in names if n not in PERTURBATIONS]
    if unknown:
        raise ValueError(f"unknown perturbation {unknown[0]!r}: one of {', '.join(PERTURBATIONS)}")
    return {n: PERTURBATIONS[n] for n in names}

"""Labels in running text: where a list of people opens, a role is named, or the list ends.

Labels are found by their words, not by their place on a line: a header table flattened into
one line ("Beslutande Anna Berg (S) Övriga närvarande Bo Ek") has the same labels as the table.
A label is capitalised, or ends in a colon, or starts a line; the same words in lower case
inside a sentence ("… ersättare för Bo Ek") are a qualifier of a name, not a label.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from enum import StrEnum

from pipeline.records import Role, Status
from pipeline.vocabulary.people import (
    ABSENCE_WORDS,
    GROUP_HEADS,
    GROUP_MODIFIERS,
    GROUP_TAILS,
    INVITED_HEADS,
    PRESENCE_PHRASES,
    ROLE_COMPOUND_ENDINGS,
    ROLE_PHRASES,
    SIGNATURE_LABELS,
    STOP_LABELS,
)


class LabelKind(StrEnum):
    GROUP = "group"  # opens a list of people, with the status and role it gives them
    ROLE = "role"  # a role word: over the names after it, or beside the name before it
    STOP = "stop"  # another field of the header: the list of people has ended
    SIGNATURE = "signature"  # "Underskrifter": role words after it name the signatories


@dataclass(frozen=True)
class Label:
    start: int
    end: int  # after its colon, when it has one
    text: str
    kind: LabelKind
    status: Status | None = None
    role: Role | None = None
    invited: bool = False  # "Kallade": called, which is not the same as present
    capitalised: bool = True  # written as a label; a lower-case role word is a qualifier
    colon: bool = False
    compound: bool = False  # a role word inside a compound ("Kommunordförande")


def _phrase(words: str) -> str:
    """A label's words as a pattern: its first letter in either case, the rest in lower case,
    so that a capitalised word inside a run of labels starts the next label."""
    first, rest = words[:1], words[1:]
    escaped = re.escape(rest).replace(r"\ ", r"\s+")
    return (
        f"[{first.upper()}{first}](?-i:{escaped})"
        if first.isalpha()
        else re.escape(first) + escaped
    )


def _alternatives(words: list[str] | tuple[str, ...], *, inner: bool = False) -> str:
    """Alternatives, longest first; `inner` words follow another word and stay lower case."""
    ordered = sorted(set(words), key=len, reverse=True)
    if inner:
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)
    return "|".join(_phrase(w) for w in ordered)


_EDGE_BEFORE = r"(?<![\w\-/])"
_EDGE_AFTER = r"(?![\w\-/])"
_GROUP_HEADS = list(GROUP_HEADS)
_GROUP = (
    rf"(?:(?:{_alternatives(GROUP_MODIFIERS)})\s+"
    rf"(?:(?:{_alternatives(GROUP_MODIFIERS, inner=True)})\s+){{0,2}}"
    rf"(?:{_alternatives(_GROUP_HEADS, inner=True)})"
    rf"|(?:{_alternatives(_GROUP_HEADS)}))"
    rf"(?:\s+(?:{_alternatives(GROUP_TAILS, inner=True)}))?"
)
_COMPOUND_ENDINGS = _alternatives(list(ROLE_COMPOUND_ENDINGS), inner=True)
_ROLE = (
    rf"{_alternatives(list(ROLE_PHRASES))}"
    rf"|[a-zåäöA-ZÅÄÖ](?-i:[a-zåäö]{{2,}}(?:{_COMPOUND_ENDINGS}))"
)
LABEL = re.compile(
    rf"{_EDGE_BEFORE}(?:(?P<stop>{_alternatives(STOP_LABELS)})"
    rf"|(?P<signature>{_alternatives(SIGNATURE_LABELS)})"
    rf"|(?P<presence>{_alternatives(list(PRESENCE_PHRASES))})"
    rf"|(?P<group>{_GROUP})"
    rf"|(?P<role>{_ROLE})){_EDGE_AFTER}\.?(?P<colon>\s*:)?"
)
ALL_CAPS_RUN = re.compile(r"\b[A-ZÅÄÖÉÜ]{2,}(?:[ \t]+[A-ZÅÄÖÉÜ]{2,})*\b")


def _shadow(text: str) -> str:
    """`text` with runs of words in capitals written as a label is ("NÄRVARANDE LEDAMÖTER" as
    "Närvarande ledamöter"), of the same length, so headers set in capitals read like others."""
    return ALL_CAPS_RUN.sub(lambda m: m.group(0).capitalize(), text)


def find_labels(text: str) -> list[Label]:
    """Every label of `text`, in order; lower-case role words are kept as qualifiers.

    Group labels that follow each other with nothing between and agree are one label with
    its sub-heading ("Beslutande" / "Ledamöter", "Närvarande:" / "Beslutande:"); labels that
    disagree ("Närvarande ledamöter Tjänstgörande ersättare …") are a header table's label
    column, printed before its values.
    """
    found: list[Label] = []
    for match in LABEL.finditer(_shadow(text)):
        label = _label(match, text)
        if label is None:
            continue
        previous = found[-1] if found else None
        if previous is not None and _refines(previous, label, text[previous.end : label.start]):
            label = replace(
                label,
                start=previous.start,
                text=text[previous.start : label.end].rstrip(": \t"),
                role=label.role or previous.role,
            )
            found[-1] = label
            continue
        found.append(label)
    return found


def _refines(previous: Label, label: Label, between: str) -> bool:
    if previous.kind is not LabelKind.GROUP or label.kind is not LabelKind.GROUP:
        return False
    if between.strip(" :\t\n") or previous.status != label.status:
        return False
    return previous.role is None or label.role is None or previous.role == label.role


def _label(match: re.Match[str], text: str) -> Label | None:
    written = text[match.start() : match.end()].rstrip(": \t")
    words = " ".join(written.casefold().rstrip(".").split())
    colon = bool(match["colon"])
    line_start = match.start() == 0 or text[: match.start()].rstrip(" \t").endswith("\n")
    capitalised = written[:1].isupper() or colon or line_start
    kind: LabelKind
    status: Status | None = None
    role: Role | None = None
    invited = False
    compound = False
    if match["stop"]:
        kind = LabelKind.STOP
    elif match["signature"]:
        kind = LabelKind.SIGNATURE
    elif match["presence"]:
        kind, status = LabelKind.GROUP, PRESENCE_PHRASES[words]
    elif match["group"]:
        kind = LabelKind.GROUP
        head = words.split()[-1]
        if head in GROUP_TAILS and len(words.split()) > 1 and head not in GROUP_HEADS:
            head = words.split()[-2]
        status = Status.ABSENT if any(w in words for w in ABSENCE_WORDS) else Status.PRESENT
        role = GROUP_HEADS.get(head)
        if words.startswith("övriga") and role is None:
            role = Role.STAFF  # "Övriga närvarande": officials unless their title says guest
        invited = head in INVITED_HEADS
    else:
        kind = LabelKind.ROLE
        role = role_of(words)
        if role is None:
            return None
        compound = words not in ROLE_PHRASES
    if kind is not LabelKind.ROLE and not capitalised:
        return None  # "… på plats i", "ersättare för Bo Ek": words of a sentence
    return Label(
        match.start(),
        match.end(),
        written,
        kind,
        status,
        role,
        invited=invited,
        capitalised=capitalised,
        colon=colon,
        compound=compound,
    )


def role_of(words: str) -> Role | None:
    """The role a role word or its compound names ("kongressordföranden" → chair)."""
    key = " ".join(words.casefold().rstrip(".:").split())
    if key in ROLE_PHRASES:
        return ROLE_PHRASES[key]
    for ending, role in ROLE_COMPOUND_ENDINGS.items():
        if key.endswith(ending) and " " not in key:
            return role
    return None

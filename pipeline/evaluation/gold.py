"""Gold annotations, read into one shape whichever annotation style wrote them.

Two styles exist: the JSON contract itself (decisions as a list per section, signatories with a
role key) and a compact one (one `decision` text and one `outcome` per section, signatory roles
as the words of the document). Both become `GoldDoc`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.vocabulary.parties import (
    MAX_LOCAL_MARK_CHARS,
    SHORT_FORMS,
    is_parliamentary,
    normalise_party,
)

# "ersättare för Olle Strand (M)", "Ersätter Eva Ek (s)", "(ers Mia Berg (M))", "; för Bo Ek"
REPLACED_NAME = re.compile(
    r"(?i:ersättare\s+f[oö]r|ersätter|\bers\.?|;\s*för)\s+"
    r"(?P<name>[A-ZÅÄÖ][\w'-]+(?:\s+[A-ZÅÄÖ][\w'-]+)+)"
)
MEETING_FIELDS = ("date", "start_time", "end_time", "body", "organization", "location")


@dataclass(frozen=True)
class GoldPerson:
    """An attendee of the gold; `spellings` are the name as written, its `alias` (a handle, the
    other spelling of the same person) and its `name_restored`. A person the document shows but
    does not name ("name": null) has none: no extracted name can match them."""

    spellings: tuple[str, ...]
    status: str
    roles: frozenset[str]
    inferred: bool = False
    group: bool = False
    party: str | None = None  # the party key of its party mark (vocabulary/parties.py)
    sections_present: str | None = None
    time_present: str | None = None
    replaced: tuple[str, ...] = ()  # the members a substitute replaced, by the gold's words

    @property
    def name(self) -> str | None:
        return self.spellings[0] if self.spellings else None


@dataclass(frozen=True)
class GoldSection:
    number: str | None
    title: str
    outcomes: tuple[str, ...]  # one per decision; empty when nothing was decided
    one_per_section: bool = False  # the compact style: one outcome sums up the section


@dataclass(frozen=True)
class GoldDoc:
    stem: str
    document_name: str | None  # the file the gold names, when it names one
    meeting: dict[str, str | None]
    attendance: tuple[GoldPerson, ...]
    sections: tuple[GoldSection, ...]
    signatories: tuple[str, ...]


def load_gold(path: Path) -> GoldDoc:
    try:
        data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise InputError(f"cannot read gold annotations: {exc}", path=str(path)) from exc
    meeting = data.get("meeting", data)
    return GoldDoc(
        stem=path.stem,
        document_name=data.get("file"),
        meeting={field: meeting.get(field) for field in MEETING_FIELDS},
        attendance=tuple(_person(p) for p in data.get("attendance", [])),
        sections=tuple(_section(s) for s in data.get("sections", [])),
        signatories=tuple(s["name"] for s in data.get("signatories", [])),
    )


def _person(person: dict[str, Any]) -> GoldPerson:
    spellings = [person.get(key) for key in ("name", "alias", "name_restored")]
    return GoldPerson(
        tuple(dict.fromkeys(s for s in spellings if isinstance(s, str) and s.strip())),
        person["status"],
        frozenset(person.get("roles") or ()),
        inferred=bool(person.get("inferred")),
        group=bool(person.get("group")),
        party=_party(person),
        sections_present=person.get("sections_present"),
        time_present=person.get("time_present"),
        replaced=_replaced(person),
    )


def _party(person: dict[str, Any]) -> str | None:
    """The contract's `party`; in the compact style, an affiliation that is a party's mark
    ("S", "fp", "(KD)") and not a place or a member organisation."""
    if "party" in person:
        return normalise_party(person["party"])
    affiliation = person.get("affiliation")
    if not isinstance(affiliation, str):
        return None
    mark = affiliation.strip("() ")
    if mark.upper() in SHORT_FORMS or is_parliamentary(mark):
        return normalise_party(mark.upper() if len(mark) <= MAX_LOCAL_MARK_CHARS else mark)
    return None


def _replaced(person: dict[str, Any]) -> tuple[str, ...]:
    """Whom a substitute replaced: the contract's `substitute_for`, or the names the compact
    style's `role_text` gives after "ersättare för", "ersätter", "ers" or a bare "för"."""
    if person.get("substitute_for"):
        return (person["substitute_for"],)
    # a replaced member's own entry quotes the substitute's line after "replaced"
    role_text = (person.get("role_text") or "").split("replaced")[0]
    return tuple(m["name"] for m in REPLACED_NAME.finditer(role_text))


def _section(section: dict[str, Any]) -> GoldSection:
    if "decisions" in section:
        outcomes = tuple(d["outcome"] for d in section["decisions"])
        return GoldSection(section.get("number"), section.get("title") or "", outcomes)
    # compact style: outcomes are scored only where decision text was annotated
    outcomes = (section["outcome"],) if section.get("decision") else ()
    return GoldSection(section.get("number"), section.get("title") or "", outcomes, True)


def find_document(gold: GoldDoc, docs_dir: Path) -> Path | None:
    """The document a gold file annotates: the file it names, else the one with its stem."""
    if gold.document_name and (docs_dir / gold.document_name).is_file():
        return docs_dir / gold.document_name
    if (docs_dir / gold.stem).is_file():  # "minutes.pdf.json" annotates "minutes.pdf"
        return docs_dir / gold.stem
    candidates = sorted(p for p in docs_dir.glob(f"{gold.stem}.*") if p.is_file())
    return candidates[0] if candidates else None

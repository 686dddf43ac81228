"""Who is who in the gold annotations: meetings of names, each labelled with its true person.

The gold files name attendees and signatories as the document writes them. Two names are one
person when the gold says so: `same_person` pairs (seeds), an attendee's `alias` and
`name_restored` (the dev corpus' damaged names), a variant its `notes` describe ("'Gun
Fredrikson' in § 6 but 'Gun Fredriksson' under Justeras"), or the same name in the same
organisation. An attendee the gold shows without a name has nothing to resolve. A variant
that the document writes only in its text becomes a mention; one that other minutes write (not
in the corpus) becomes the attendance of a meeting of its own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import InputError
from pipeline.names import fold
from pipeline.resolve.meeting import Kind, Meeting, Sighting

# "'A' (discussion) vs 'B'", "'A' here vs 'B' in other minutes", "spelled 'A' in § 6 but 'B'"
VARIANT_NOTES = (
    re.compile(r"'(?P<a>[^']+)'(?: \([^)]*\))? vs '(?P<b>[^']+)'(?! in)"),
    re.compile(r"'(?P<a>[^']+)' here vs '(?P<b>[^']+)' in (?P<elsewhere>[^.;]+)"),
    re.compile(r"spelled '(?P<a>[^']+)' in [^']*? but '(?P<b>[^']+)'"),
)
SIGNATURE_ROLES = (("sekr", "secretary"), ("protokoll", "secretary"), ("juster", "adjuster"))


@dataclass(frozen=True)
class GoldSet:
    meetings: tuple[Meeting, ...]
    truth: tuple[tuple[str, ...], ...]  # per meeting, per sighting: the true person


def read_gold(folders: Iterable[Path]) -> GoldSet:
    meetings: list[Meeting] = []
    truth: list[tuple[str, ...]] = []
    for folder in folders:
        files = sorted(folder.glob("*.json"))
        if not files:
            raise InputError("no gold files (*.json) here", path=str(folder))
        for file in files:
            for meeting, labels in _meetings(file):
                meetings.append(meeting)
                truth.append(labels)
    return GoldSet(tuple(meetings), tuple(truth))


def _meetings(file: Path) -> list[tuple[Meeting, tuple[str, ...]]]:
    data: dict[str, Any] = json.loads(file.read_text(encoding="utf-8"))
    header = data.get("meeting") or data
    org = header.get("organization") or ""
    date = header.get("date") or ""
    year = int(date[:4]) if date[:4].isdigit() else None
    same = _variants(data)
    sightings: list[Sighting] = []
    labels: list[str] = []
    canonical: dict[str, str] = {}  # folded name → person label

    def person_of(name: str, restored: str | None = None) -> str:
        key = fold(name)
        if key not in canonical:
            partner = same.get(key)
            label = canonical.get(partner or "", f"{fold(org)}/{fold(restored or name)}")
            canonical[key] = label
            if partner and partner not in canonical:
                canonical[partner] = label
        return canonical[key]

    for row, person in enumerate(data.get("attendance", [])):
        if not person.get("name"):
            continue  # shown but not named ("the information officer"): nothing to resolve
        roles = tuple(person.get("roles") or ())
        sightings.append(
            Sighting(Kind.ATTENDANCE, person["name"], row, roles, None, person.get("affiliation"))
        )
        labels.append(person_of(person["name"], person.get("name_restored")))
    for row, signatory in enumerate(data.get("signatories", [])):
        role = _role(signatory.get("role") or "")
        sightings.append(Sighting(Kind.SIGNATURE, signatory["name"], row, (role,) if role else ()))
        labels.append(person_of(signatory["name"]))
    written = {fold(s.name) for s in sightings}
    extra: list[tuple[Meeting, tuple[str, ...]]] = []
    mentions = 0
    for name, (partner, elsewhere) in _variant_names(data).items():
        if fold(name) in written:
            continue
        label = person_of(partner)
        canonical[fold(name)] = label
        if elsewhere:  # written so in other minutes of the organisation
            other = Sighting(Kind.ATTENDANCE, name, 0)
            extra_id = f"{file.stem}/elsewhere/{len(extra)}"
            extra.append((Meeting(extra_id, org, None, year, (other,)), (label,)))
        else:
            sightings.append(Sighting(Kind.MENTION, name, mentions))
            labels.append(label)
            mentions += 1
    body = header.get("body")
    return [(Meeting(file.stem, org, body, year, tuple(sightings)), tuple(labels)), *extra]


def _variants(data: dict[str, Any]) -> dict[str, str]:
    """Folded name → folded name of the same person, both ways."""
    found: dict[str, str] = {}
    pairs = [tuple(p) for p in data.get("same_person") or ()]
    attendees = data.get("attendance", [])
    pairs += [(p["name"], p["alias"]) for p in attendees if p.get("name") and p.get("alias")]
    pairs += [(a, b) for a, (b, _) in _variant_names(data).items()]
    for a, b in pairs:
        found.setdefault(fold(a), fold(b))
        found.setdefault(fold(b), fold(a))
    return found


def _variant_names(data: dict[str, Any]) -> dict[str, tuple[str, bool]]:
    """Names the notes or `same_person` give as variants: name → (its partner, elsewhere)."""
    found: dict[str, tuple[str, bool]] = {}
    for pair in data.get("same_person") or ():
        a, b = pair[0], pair[1]
        found.setdefault(b, (a, False))
        found.setdefault(a, (b, False))
    notes = data.get("notes") or ""
    for pattern in VARIANT_NOTES:
        for match in pattern.finditer(notes):
            elsewhere = bool(match.groupdict().get("elsewhere"))
            found.setdefault(match["b"], (match["a"], elsewhere))
            found.setdefault(match["a"], (match["b"], False))
    return found


def _role(words: str) -> str | None:
    if words in {"secretary", "adjuster", "chair"}:
        return words
    lowered = words.casefold()
    return next((role for stem, role in SIGNATURE_ROLES if stem in lowered), None)

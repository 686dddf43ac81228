"""The overrides file: a person's decisions about who is who, which resolution always follows.

A small TOML file beside the database (`protokoll.persons.toml` for `protokoll.duckdb`):

    [[merge]]                      # these names are one person
    names = ["Jacob Sandström", "Jacob Sandgren"]
    reason = "the chair, renamed in 2019"

    [[never_merge]]                # these are different people
    names = ["Anna Lindberg", "Anna Lundberg"]

Entries are names as written (case, accents and name order do not matter) or person ids.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import InputError
from pipeline.names import parse_name

OVERRIDES_SUFFIX = ".persons.toml"
OVERRIDES_ENV = "PROTOKOLL_PERSONS"
PERSON_ID = re.compile(r"p_[0-9a-f]{12}")
KINDS = ("merge", "never_merge")
HEADER = """\
# protokoll persons: decisions about who is who. Every ingest follows them, and
# `protokoll persons apply` applies them to the database at once. Names as written (case,
# accents and name order do not matter) or person ids from `protokoll persons list`.
"""

SpellingKey = tuple[str, str]


@dataclass(frozen=True)
class Overrides:
    merge: tuple[tuple[str, ...], ...] = ()  # each: names or ids that are one person
    never: tuple[tuple[str, ...], ...] = ()  # each: names or ids that are different people
    sha256: str = ""  # of the file's text; "" when there is no file
    text: str = ""

    def groups(self, kind: str) -> tuple[tuple[str, ...], ...]:
        return self.merge if kind == "merge" else self.never


def beside(db_path: Path) -> Path:
    """The overrides file a new database follows: protokoll.persons.toml for protokoll.duckdb."""
    return db_path.with_name(db_path.stem + OVERRIDES_SUFFIX)


def configured() -> Path | None:
    """The overrides file named by $PROTOKOLL_PERSONS, which wins over every other."""
    value = os.environ.get(OVERRIDES_ENV)
    return Path(value) if value else None


def read_overrides(path: Path) -> Overrides:
    if not path.is_file():
        return Overrides()
    return parse_overrides(path.read_text(encoding="utf-8"), str(path))


def parse_overrides(text: str, where: str = "overrides") -> Overrides:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"the overrides file is not valid TOML: {exc}", path=where) from exc
    found: dict[str, list[tuple[str, ...]]] = {kind: [] for kind in KINDS}
    for kind, entries in data.items():
        if kind not in KINDS or not isinstance(entries, list):
            raise InputError(
                f"unknown section [{kind}] in the overrides file",
                path=where,
                hint="use [[merge]] and [[never_merge]] tables with names = [...]",
            )
        for entry in entries:
            names = entry.get("names") if isinstance(entry, dict) else None
            if (
                not isinstance(names, list)
                or len(names) < 2
                or not all(isinstance(n, str) for n in names)
            ):
                raise InputError(
                    f"each [[{kind}]] needs names = [...] with two names or ids at least",
                    path=where,
                )
            found[kind].append(tuple(names))
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Overrides(tuple(found["merge"]), tuple(found["never_merge"]), digest, text)


def append_override(path: Path, kind: str, names: Iterable[str], reason: str | None) -> None:
    """Add one decision at the end of the file, creating it when needed."""
    lines = [
        f"\n[[{kind}]]",
        f"names = [{', '.join(json.dumps(n, ensure_ascii=False) for n in names)}]",
    ]
    if reason:
        lines.append(f"reason = {json.dumps(reason, ensure_ascii=False)}")
    text = path.read_text(encoding="utf-8") if path.is_file() else HEADER
    parse_overrides(text + "\n".join(lines) + "\n", str(path))  # never write a file we cannot read
    path.write_text(text + "\n".join(lines) + "\n", encoding="utf-8")


class OverrideSets:
    """The overrides as sets of spellings: names looked up as they appear, ids fixed once."""

    def __init__(
        self,
        overrides: Overrides,
        by_name: Mapping[str, set[SpellingKey]],
        by_id: Mapping[str, set[SpellingKey]],
    ) -> None:
        self.by_name = by_name
        self.fixed = {
            entry: set(by_id.get(entry, ()))
            for kind in KINDS
            for g in overrides.groups(kind)
            for entry in g
            if PERSON_ID.fullmatch(entry)
        }
        self.keys = {
            entry: parse_name(entry).key
            for kind in KINDS
            for g in overrides.groups(kind)
            for entry in g
            if not PERSON_ID.fullmatch(entry)
        }
        self.merge = overrides.merge
        self.never = overrides.never

    def spellings(self, entry: str) -> set[SpellingKey]:
        if entry in self.fixed:
            return self.fixed[entry]
        return set(self.by_name.get(self.keys[entry], ()))

    def merge_partners(self, key: SpellingKey) -> set[SpellingKey]:
        found: set[SpellingKey] = set()
        for group in self.merge:
            sides = [self.spellings(e) for e in group]
            if any(key in side for side in sides):
                found |= set().union(*sides)
        found.discard(key)
        return found

    def keeps_apart(self) -> Callable[[list[SpellingKey], list[SpellingKey]], bool]:
        groups = [[self.spellings(e) for e in g] for g in self.never]

        def apart(a: list[SpellingKey], b: list[SpellingKey]) -> bool:
            if not groups:
                return False
            in_a, in_b = set(a), set(b)
            for sides in groups:
                hit_a = {i for i, side in enumerate(sides) if side & in_a}
                hit_b = {i for i, side in enumerate(sides) if side & in_b}
                if hit_a and hit_b and (len(hit_a | hit_b) > 1):
                    return True
            return False

        return apart

"""A synthetic archive to measure resolution on: real Swedish names, damaged as minutes damage them.

People get given names and surnames drawn by frequency from name lists (the SCB lists of the
svensktext gazetteers, read at run time), sit in one or two bodies of an organisation for some
years, and attend their meetings. Each time a name is written it may be damaged once: OCR
confusions (rn/m, l/I/1, ü/ii, lost accents), typing slips (a letter dropped, doubled, swapped or
hit beside), name order, titles, party marks, capitals, hyphens, a second name dropped. Many
people share a given name or a surname; no two share the whole name up to spelling (nothing
could tell them apart). Signatures and mentions in the text use the short forms minutes use.
"""

from __future__ import annotations

import csv
import random
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.names import fold, skeleton
from pipeline.resolve.meeting import Kind, Meeting, Sighting

GIVEN_FILES = ("tilltalsnamn-kvinnor.csv", "tilltalsnamn-man.csv")
SURNAME_FILE = "efternamn-top-2019.csv"
GIVEN_MIN_BEARERS = 3000  # common given names: the ones minutes are full of
BODIES = ("styrelsen", "arbetsutskottet", "beredningsgruppen")
ORGANIZATIONS = (
    "RAR i Sörmland",
    "Samordningsförbundet Göteborg Centrum",
    "Finsam Östra Skaraborg",
    "Samordningsförbundet Västra Mälardalen",
    "Samordningsförbundet Norra Dalarna",
)
PARTIES = ("S", "M", "C", "L", "V", "KD", "MP", "SD")
FIRST_YEAR, LAST_YEAR = 2010, 2024
MEETINGS_PER_YEAR = 4
PRESENT_SHARE = 0.85
TWO_ORGANIZATIONS_SHARE = 0.03
KEYBOARD_ROWS = ("qwertyuiopå", "asdfghjklöä", "zxcvbnm")


@dataclass(frozen=True)
class NamePool:
    given: tuple[str, ...]
    given_weights: tuple[int, ...]
    surnames: tuple[str, ...]
    surname_weights: tuple[int, ...]


@dataclass(frozen=True)
class Person:
    key: str
    given: tuple[str, ...]  # "Anna", or "Anna", "Maria" for two given names
    surname: str  # "Lindgren", "Bergman Larsson", "Bergman-Larsson"
    organizations: tuple[int, ...]  # a few sit in two organisations
    bodies: tuple[str, ...]
    years: tuple[int, int]
    party: str

    @property
    def name(self) -> str:
        return f"{' '.join(self.given)} {self.surname}"


@dataclass(frozen=True)
class Labelled:
    """Meetings with the true person of every sighting, and what was done to each name."""

    meetings: tuple[Meeting, ...]
    truth: tuple[tuple[str, ...], ...]
    damage: tuple[tuple[str, ...], ...]


def read_gazetteer(folder: Path) -> NamePool:
    """Given names (≥ GIVEN_MIN_BEARERS bearers) and the 1 000 commonest surnames, with counts."""
    given: dict[str, int] = {}
    for file in GIVEN_FILES:
        with (folder / file).open(encoding="utf-8") as handle:
            for row in csv.DictReader(handle):
                count = int(row["persons"])
                if count >= GIVEN_MIN_BEARERS and row["name"].isalpha():
                    given[row["name"]] = given.get(row["name"], 0) + count
    with (folder / SURNAME_FILE).open(encoding="utf-8") as handle:
        surnames = {row["lastname"]: int(row["frequency"]) for row in csv.DictReader(handle)}
    surnames = {s: n for s, n in surnames.items() if len(s) > 2}
    return NamePool(tuple(given), tuple(given.values()), tuple(surnames), tuple(surnames.values()))


def synthetic_archive(
    pool: NamePool,
    *,
    people: int = 400,
    organizations: int = 3,
    damage: float = 0.3,
    seed: int = 0,
) -> Labelled:
    """An archive of meetings of `people` people, each written name damaged with p=`damage`."""
    rng = random.Random(seed)
    persons = _people(pool, rng, people, organizations)
    meetings, truth, done = [], [], []
    number = 0
    for org in range(organizations):
        for body in BODIES:
            members = [p for p in persons if org in p.organizations and body in p.bodies]
            for year in range(FIRST_YEAR, LAST_YEAR + 1):
                sitting = [p for p in members if p.years[0] <= year <= p.years[1]]
                for _ in range(MEETINGS_PER_YEAR if len(sitting) > 1 else 0):
                    number += 1
                    m, t, d = _meeting(rng, f"m{number:05d}", org, body, year, sitting, damage)
                    meetings.append(m)
                    truth.append(t)
                    done.append(d)
    return Labelled(tuple(meetings), tuple(truth), tuple(done))


def _people(pool: NamePool, rng: random.Random, count: int, organizations: int) -> list[Person]:
    persons: list[Person] = []
    taken: set[str] = set()
    while len(persons) < count:
        org = rng.randrange(organizations)
        same_org = [p for p in persons if org in p.organizations]
        given = [rng.choices(pool.given, pool.given_weights)[0]]
        if same_org and rng.random() < 0.15:  # shares a given name with someone of the org
            given = [rng.choice(same_org).given[0]]
        if rng.random() < 0.08:
            given.append(rng.choices(pool.given, pool.given_weights)[0])
        surname = rng.choices(pool.surnames, pool.surname_weights)[0]
        if same_org and rng.random() < 0.15:  # shares a surname with someone of the org
            surname = rng.choice(same_org).surname
        elif rng.random() < 0.2:
            joiner = rng.choice((" ", "-"))
            surname = surname + joiner + rng.choices(pool.surnames, pool.surname_weights)[0]
        key = skeleton(fold(f"{given[0]} {surname}"))
        if key in taken or len(set(given)) < len(given):
            continue
        taken.add(key)
        start = rng.randrange(FIRST_YEAR, LAST_YEAR)
        bodies = tuple(rng.sample(BODIES, 2 if rng.random() < 0.25 else 1))
        orgs = (
            (org,) if rng.random() > TWO_ORGANIZATIONS_SHARE else (org, (org + 1) % organizations)
        )
        persons.append(
            Person(
                key=f"person{len(persons):04d}",
                given=tuple(given),
                surname=surname,
                organizations=orgs,
                bodies=bodies,
                years=(start, min(LAST_YEAR, start + rng.randrange(1, 9))),
                party=rng.choice(PARTIES),
            )
        )
    return persons


def _meeting(
    rng: random.Random,
    meeting_id: str,
    org: int,
    body: str,
    year: int,
    sitting: Sequence[Person],
    damage: float,
) -> tuple[Meeting, tuple[str, ...], tuple[str, ...]]:
    sightings: list[Sighting] = []
    truth: list[str] = []
    done: list[str] = []
    present = [p for p in sitting if rng.random() < PRESENT_SHARE] or [sitting[0]]

    def write(
        kind: Kind, person: Person, text: str, what: str, roles: tuple[str, ...] = ()
    ) -> None:
        rows = sum(1 for s in sightings if s.kind is kind)
        sightings.append(Sighting(kind, text, rows, roles))
        truth.append(person.key)
        done.append(what)

    secretary = rng.choice(present)
    for person in sitting:
        roles = ("secretary",) if person is secretary else ()
        text, what = _written(rng, person, damage)
        write(Kind.ATTENDANCE, person, text, what, roles)
    for person in rng.sample(present, min(len(present), rng.randrange(1, 3))):
        text, what = _written(rng, person, damage, short=0.1)
        write(Kind.SIGNATURE, person, text, what, ("adjuster",))
    text, what = _written(rng, secretary, damage, short=0.1)
    write(Kind.SIGNATURE, secretary, text, what, ("secretary",))
    for person in rng.sample(present, min(len(present), rng.randrange(0, 4))):
        text, what = _mention(rng, person, present, damage)
        write(Kind.MENTION, person, text, what)
    organization = ORGANIZATIONS[org % len(ORGANIZATIONS)]
    meeting = Meeting(meeting_id, organization, body, year, tuple(sightings))
    return meeting, tuple(truth), tuple(done)


def _mention(
    rng: random.Random, person: Person, present: Sequence[Person], damage: float
) -> tuple[str, str]:
    given, surname = person.given[0], person.surname
    form = rng.choice(("full", "given_initial", "initial_surname", "given"))
    if form == "given_initial":
        return f"{given} {surname[0]}", form
    if form == "initial_surname":
        return f"{given[0]}. {surname}", form
    if form == "given" and sum(p.given[0] == given for p in present) == 1:
        return given, form
    return _written(rng, person, damage)


def _written(
    rng: random.Random, person: Person, damage: float, short: float = 0.0
) -> tuple[str, str]:
    """The person's name as one secretary or one OCR run writes it, and what was done to it."""
    if rng.random() < short:
        return f"{person.given[0][0]}. {person.surname}", "initial_surname"
    if rng.random() >= damage:
        return person.name, "clean"
    kinds = list(DAMAGES)
    if len(person.given) < 2:
        kinds.remove("middle_name")
    if " " not in person.surname and "-" not in person.surname:
        kinds.remove("hyphen")
        kinds.remove("double_surname")
    kind = rng.choice(kinds)
    return DAMAGES[kind](rng, person), kind


def _ocr(rng: random.Random, person: Person) -> str:
    name = person.name
    swaps = [("m", "rn"), ("rn", "m"), ("l", "I"), ("I", "l"), ("l", "1"), ("ü", "ii"), ("é", "e")]
    swaps += [("å", "ä"), ("ä", "å"), ("ö", "o"), ("å", "a"), ("ä", "a")]
    usable = [(a, b) for a, b in swaps if a in name]
    if not usable:
        return _accents(rng, person)
    a, b = rng.choice(usable)
    at = rng.choice([i for i in range(len(name)) if name.startswith(a, i)])
    return name[:at] + b + name[at + len(a) :]


def _accents(rng: random.Random, person: Person) -> str:
    decomposed = unicodedata.normalize("NFKD", person.name)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _typo(rng: random.Random, person: Person) -> str:
    """One slip of the keyboard, not in the first letter of a name (the eye catches those)."""
    given = " ".join(person.given)
    surname = person.surname
    in_surname = rng.random() < 0.7 or len(given) < 4
    word = surname if in_surname else given
    at = rng.randrange(1, len(word))
    slip = rng.choice(("drop", "double", "swap", "neighbour"))
    if slip == "drop":
        word = word[:at] + word[at + 1 :]
    elif slip == "double":
        word = word[:at] + word[at] + word[at:]
    elif slip == "swap" and at < len(word) - 1:
        word = word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    else:
        word = word[:at] + _neighbour(rng, word[at]) + word[at + 1 :]
    return f"{given} {word}" if in_surname else f"{word} {surname}"


def _neighbour(rng: random.Random, letter: str) -> str:
    for row in KEYBOARD_ROWS:
        at = row.find(letter.lower())
        if at >= 0:
            near = [row[i] for i in (at - 1, at + 1) if 0 <= i < len(row)]
            return rng.choice(near)
    return letter


DAMAGES: dict[str, Callable[[random.Random, Person], str]] = {
    "ocr": _ocr,
    "accents": _accents,
    "typo": _typo,
    "order": lambda rng, p: f"{p.surname}, {' '.join(p.given)}",
    "title": lambda rng, p: rng.choice(("ordf. ", "ledamot ", "tjg ersättare ")) + p.name,
    "party": lambda rng, p: f"{p.name} ({p.party})",
    "capitals": lambda rng, p: f"{p.surname.upper()} {' '.join(p.given)}",
    "hyphen": lambda rng, p: f"{' '.join(p.given)} {_swap_joiner(p.surname)}",
    "middle_name": lambda rng, p: f"{p.given[0]} {p.surname}",
    "double_surname": lambda rng, p: (
        f"{' '.join(p.given)} {p.surname.replace('-', ' ').split()[-1]}"
    ),
}


def _swap_joiner(surname: str) -> str:
    return surname.replace("-", " ") if "-" in surname else surname.replace(" ", "-")

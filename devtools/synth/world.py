"""A fictional samordningsförbund over the years: its bodies, who sits in them when, its meetings.

Politicians sit for four-year mandate periods (Swedish elections are in September, the new
period starts on 1 January); some stay for the next period, some leave in the middle and are
replaced. Officials in the preparatory group change jobs now and then; the director
(förbundschef) changes every few years. Meetings follow a yearly rhythm of months per body.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from devtools.synth.people import PeoplePool, Person

START_YEAR = 2015
MANDATE_YEARS = 4  # periods 2015–2018, 2019–2022, 2023–2026 …
STAY_NEXT_PERIOD = 0.5
LEAVE_PER_YEAR = 0.07  # a politician leaving in the middle of a period
OFFICIAL_CHANGE_PER_YEAR = 0.15
DIRECTOR_YEARS = (3, 7)
RELIABILITY = (0.55, 0.98)  # a person's chance of attending a meeting they are called to
STAFF_RELIABILITY = 0.97
PLACE_STEMS = (
    "Björk", "Lind", "Ek", "Gran", "Sjö", "Ås", "Berg", "Vik", "Holm", "Sand", "Strand",
    "Näs", "Fors", "Hammar", "Ström", "Tall", "Al", "Rönn", "Hassel", "Mo",
)  # fmt: skip
PLACE_ENDINGS = ("dalen", "bygden", "slätten", "kusten", "skogen", "älven", "sjön", "åsen")
KOMMUN_ENDINGS = ("by", "köping", "ås", "vik", "stad", "holm", "fors", "hult")
STYLES = ("rar", "kommun")  # house styles of minutes (compose.py), alternating by organization
STATE_MEMBERS = ("Försäkringskassan", "Arbetsförmedlingen")
OFFICIAL_TITLES = {
    "kommun": ("Enhetschef", "Socialchef", "Arbetsmarknadschef", "Verksamhetschef"),
    "Region": ("Verksamhetschef", "Utvecklingsstrateg"),
    "Försäkringskassan": ("Samverkansansvarig", "Enhetschef"),
    "Arbetsförmedlingen": ("Sektionschef", "Arbetsförmedlare"),
}
STATE_BOARD_TITLES = {"Försäkringskassan": "Områdeschef", "Arbetsförmedlingen": "Sektionschef"}


class BodyKind(StrEnum):
    BOARD = "förbundsstyrelsen"
    WORKING_COMMITTEE = "arbetsutskottet"
    PREPARATORY_GROUP = "beredningsgruppen"


MEETING_MONTHS = {
    BodyKind.BOARD: (2, 3, 5, 6, 9, 10, 12),
    BodyKind.WORKING_COMMITTEE: (1, 2, 4, 5, 8, 9, 11, 12),
    BodyKind.PREPARATORY_GROUP: (2, 4, 9, 11),
}
MEETINGS_PER_YEAR = sum(len(m) for m in MEETING_MONTHS.values())


@dataclass(frozen=True)
class Seat:
    """A person's place in a body from `start` up to (not including) `end`."""

    person: Person
    role: str  # chair | vice_chair | member | substitute | staff
    start: date
    end: date
    reliability: float
    affiliation: str | None = None
    title: str | None = None

    def holds(self, day: date) -> bool:
        return self.start <= day < self.end


@dataclass(frozen=True)
class Body:
    kind: BodyKind
    seats: tuple[Seat, ...]

    def seated(self, day: date) -> list[Seat]:
        return [s for s in self.seats if s.holds(day)]


@dataclass(frozen=True)
class Organization:
    name: str  # "Samordningsförbundet Fiktiva Björkdalen"
    slug: str  # "fiktiva-bjorkdalen", for file names
    place: str  # the town of its office
    members: tuple[str, ...]  # member organisations: kommuner, the region, the state agencies
    style: str  # how its minutes are written: "rar" or "kommun" (see compose.py)
    bodies: tuple[Body, ...]
    first_year: int
    last_year: int


def organization_names(index: int) -> tuple[str, str, str]:
    """Name, slug and office town of the index-th fictional organization."""
    stem = PLACE_STEMS[index % len(PLACE_STEMS)]
    ending = PLACE_ENDINGS[(index // len(PLACE_STEMS)) % len(PLACE_ENDINGS)]
    round_ = index // (len(PLACE_STEMS) * len(PLACE_ENDINGS))
    region = f"{stem}{ending}" + (f" {round_ + 1}" if round_ else "")
    slug = "fiktiva-" + region.lower().replace(" ", "-").translate(str.maketrans("åäö", "aao"))
    return f"Samordningsförbundet Fiktiva {region}", slug, f"{stem}{KOMMUN_ENDINGS[index % 8]}"


def build_organization(rng: random.Random, index: int, years: int) -> Organization:
    name, slug, place = organization_names(index)
    towns = [place]
    while len(towns) < 3:
        town = rng.choice(PLACE_STEMS) + rng.choice(KOMMUN_ENDINGS)
        if town not in towns:
            towns.append(town)
    kommuner = tuple(f"{town} kommun" for town in towns)
    region = f"Region Fiktiva {name.split()[-1]}"
    members = (*kommuner, region, *STATE_MEMBERS)
    first, last = START_YEAR, START_YEAR + years - 1
    pool = PeoplePool(rng, slug)
    director = _director_seats(rng, pool, first, last)
    board, committee = _board_and_committee(rng, pool, members, first, last)
    group = _group_seats(rng, pool, members, first, last)
    return Organization(
        name,
        slug,
        place,
        members,
        STYLES[index % len(STYLES)],
        (
            Body(BodyKind.BOARD, (*board, *director)),
            Body(BodyKind.WORKING_COMMITTEE, (*committee, *director)),
            Body(BodyKind.PREPARATORY_GROUP, (*group, *_as_chair(director))),
        ),
        first,
        last,
    )


def _random_day(rng: random.Random, year: int) -> date:
    return date(year, 1, 1) + timedelta(days=rng.randrange(365))


def _reliability(rng: random.Random) -> float:
    return round(rng.uniform(*RELIABILITY), 2)


def _director_seats(rng: random.Random, pool: PeoplePool, first: int, last: int) -> list[Seat]:
    seats, start = [], date(first, 1, 1)
    end_of_world = date(last + 1, 1, 1)
    while start < end_of_world:
        end = min(_random_day(rng, start.year + rng.randint(*DIRECTOR_YEARS)), end_of_world)
        seats.append(
            Seat(pool.draw(), "staff", start, end, STAFF_RELIABILITY, title="Förbundschef")
        )
        start = end
    return seats


def _as_chair(seats: list[Seat]) -> list[Seat]:
    return [Seat(s.person, "chair", s.start, s.end, s.reliability, title=s.title) for s in seats]


def _timeline(
    rng: random.Random,
    pool: PeoplePool,
    start: date,
    end: date,
    per_year: float,
    *,
    keep: Person | None = None,
    politician: bool = True,
) -> list[tuple[Person, date, date, float]]:
    """Who holds one place from `start` to `end`, replaced with `per_year` chance a year."""
    person = keep or pool.draw(politician=politician)
    spans, begin = [], start
    for year in range(start.year, end.year):
        if rng.random() < per_year:
            leave = _random_day(rng, year)
            if begin < leave < end:
                spans.append((person, begin, leave, _reliability(rng)))
                person, begin = pool.draw(politician=politician), leave
    spans.append((person, begin, end, _reliability(rng)))
    return spans


def _board_and_committee(
    rng: random.Random, pool: PeoplePool, members: tuple[str, ...], first: int, last: int
) -> tuple[list[Seat], list[Seat]]:
    """Board seats (a member and a personal substitute per member organisation) and the
    working committee (chair, vice chair and one more board member), period by period."""
    board: list[Seat] = []
    committee: list[Seat] = []
    previous: dict[tuple[str, str], Person] = {}
    period_start = first - (first - START_YEAR) % MANDATE_YEARS
    while period_start <= last:
        start = date(max(period_start, first), 1, 1)
        end = date(min(period_start + MANDATE_YEARS, last + 1), 1, 1)
        political = [m for m in members if m not in STATE_MEMBERS]
        chair_of, vice_of = rng.sample(political, 2)
        third = rng.choice([m for m in members if m not in (chair_of, vice_of)])
        for member in members:
            state = member in STATE_MEMBERS
            for slot in ("member", "substitute"):
                kept = previous.get((member, slot))
                keep = kept if kept and rng.random() < STAY_NEXT_PERIOD else None
                spans = _timeline(
                    rng, pool, start, end, LEAVE_PER_YEAR, keep=keep, politician=not state
                )
                previous[(member, slot)] = spans[-1][0]
                role = slot
                if slot == "member" and member == chair_of:
                    role = "chair"
                elif slot == "member" and member == vice_of:
                    role = "vice_chair"
                title = STATE_BOARD_TITLES.get(member) if state else None
                for person, begin, until, reliability in spans:
                    board.append(Seat(person, role, begin, until, reliability, member, title))
                    if slot == "member" and member in (chair_of, vice_of, third):
                        committee_role = role if member != third else "member"
                        committee.append(
                            Seat(person, committee_role, begin, until, reliability, member, title)
                        )
        period_start += MANDATE_YEARS
    return board, committee


def _group_seats(
    rng: random.Random, pool: PeoplePool, members: tuple[str, ...], first: int, last: int
) -> list[Seat]:
    """The preparatory group: an official from every member organisation."""
    seats = []
    for member in members:
        kind = "kommun" if member.endswith("kommun") else member.split()[0]
        title = rng.choice(OFFICIAL_TITLES[kind])
        spans = _timeline(
            rng,
            pool,
            date(first, 1, 1),
            date(last + 1, 1, 1),
            OFFICIAL_CHANGE_PER_YEAR,
            politician=False,
        )
        for person, begin, until, reliability in spans:
            seats.append(Seat(person, "member", begin, until, reliability, member, title))
    return seats


def meeting_days(rng: random.Random, kind: BodyKind, year: int) -> list[date]:
    """The body's meeting days in `year`: one in each of its months, Monday to Thursday."""
    days = []
    for month in MEETING_MONTHS[kind]:
        day = date(year, month, rng.randint(3, 22))
        while day.weekday() > 3:
            day += timedelta(days=1)
        days.append(day)
    return days

"""The meetings of a fictional organization, in order: who came, who chaired, what was decided.

Applications for money travel through the bodies as in a real samordningsförbund: the
preparatory group reads them, the working committee decides small ones by delegation and
prepares the others, the board grants, rejects, postpones or refers them back.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date

from devtools.synth import items, votes
from devtools.synth.items import Application, Item
from devtools.synth.people import Person
from devtools.synth.world import (
    MANDATE_YEARS,
    START_YEAR,
    Body,
    BodyKind,
    Organization,
    Seat,
    meeting_days,
)
from pipeline.records import Status

MENTION_VARIANT_SHARE = 0.15  # of mentions of a person with another spelling, those that use it
REMOTE_BONUS = 0.05  # remote meetings are easier to attend
SUBSTITUTE_EXTRA_SHARE = 0.4  # a substitute with no one to replace comes along anyway
PANDEMIC = (date(2020, 3, 15), date(2022, 1, 1))
TIMES = {
    BodyKind.BOARD: (("09.00", "12.00"), ("09.00", "11.30"), ("13.00", "16.00")),
    BodyKind.WORKING_COMMITTEE: (("13.00", "15.30"), ("08.30", "10.00"), ("13.00", "16.00")),
    BodyKind.PREPARATORY_GROUP: (("09.00", "11.30"), ("13.30", "15.30")),
}


@dataclass(frozen=True)
class Listed:
    """A person as one meeting's lists write them."""

    person: Person
    written: str
    status: Status
    seat_role: str  # chair | vice_chair | member | substitute | staff
    party: str | None = None
    affiliation: str | None = None
    title: str | None = None
    serves_for: str | None = None  # the absent member a substitute replaces, as written


@dataclass(frozen=True)
class Meeting:
    organization: Organization
    body: BodyKind
    day: date
    start: str
    end: str
    location: str
    remote: bool
    listed: tuple[Listed, ...]
    chair: Listed
    secretary: Listed
    adjuster: Listed
    signed: tuple[str, str, str]  # secretary, chair, adjuster as they sign (spellings vary)
    sections: tuple[tuple[int, Item], ...]  # § number, item

    @property
    def stem(self) -> str:
        return f"synthetic_{self.organization.slug}_{self.body.value}_{self.day.isoformat()}"


def simulate(org: Organization, rng: random.Random) -> list[Meeting]:
    """Every meeting of `org`, oldest first."""
    calendar = sorted(
        (day, kind)
        for year in range(org.first_year, org.last_year + 1)
        for kind in BodyKind
        for day in meeting_days(rng, kind, year)
    )
    bodies = {body.kind: body for body in org.bodies}
    numbering: dict[tuple[BodyKind, int], int] = {}
    previous: dict[BodyKind, date] = {}
    applications: list[Application] = []
    reviewed: set[str] = set()
    received: dict[int, int] = {}
    meetings = []
    for day, kind in calendar:
        if kind is not BodyKind.BOARD:
            for _ in range(rng.choice((0, 1, 1, 2))):
                received[day.year] = received.get(day.year, 0) + 1
                applications.append(
                    items.new_application(rng, org.members, day.year, received[day.year])
                )
        remote = _remote(day, rng)
        listed, chair, secretary, adjuster = _attendance(
            bodies[kind].seated(day), kind, rng, remote
        )
        rar = org.style == "rar"
        agenda: list[Item] = [items.opening(chair.written if rar else None)]
        if rar:
            agenda.append(items.adjuster_election(adjuster.written, rng.random() < 0.5))
        if kind is not BodyKind.PREPARATORY_GROUP:
            agenda.append(items.agenda(rng))
        if kind in previous and rng.random() < 0.5:
            agenda.append(items.previous_minutes(previous[kind]))
        agenda += _business(kind, day, org, applications, reviewed, bodies, rng, previous)
        agenda += [items.other_questions(), items.closing()]
        key = f"{org.slug} {kind.value} {day.isoformat()}"
        votes.add_votes(key, agenda, listed, headings=org.style == "kommun")
        first = numbering.get((kind, day.year), 0) + 1
        numbering[(kind, day.year)] = first + len(agenda) - 1
        previous[kind] = day
        start, end = rng.choice(TIMES[kind])
        # a name signed may be spelled unlike the list, like "Sandström" signing "Sandgren"
        signed = [
            p.person.written(rng, MENTION_VARIANT_SHARE) for p in (secretary, chair, adjuster)
        ]
        meetings.append(
            Meeting(
                org,
                kind,
                day,
                start,
                end,
                _location(org, day, remote, rng),
                remote,
                tuple(listed),
                chair,
                secretary,
                adjuster,
                (signed[0], signed[1], signed[2]),
                tuple((first + i, item) for i, item in enumerate(agenda)),
            )
        )
    return meetings


def _business(
    kind: BodyKind,
    day: date,
    org: Organization,
    applications: list[Application],
    reviewed: set[str],
    bodies: dict[BodyKind, Body],
    rng: random.Random,
    previous: dict[BodyKind, date],
) -> list[Item]:
    found: list[Item] = []
    if kind is BodyKind.PREPARATORY_GROUP:
        for app in [a for a in applications if a.state == "new" and a.diary_number not in reviewed]:
            found.append(items.group_review(app))
            reviewed.add(app.diary_number)
        found.append(items.members_round(org.members, rng))
        return found
    if kind is BodyKind.WORKING_COMMITTEE:
        for app in [a for a in applications if a.state == "new"][:4]:
            item, app.state = items.committee_handling(app, rng)
            found.append(item)
        if rng.random() < 0.3:
            found.append(items.economy(day, rng))
        return found
    last_board = previous.get(BodyKind.BOARD)
    new_period = (day.year - START_YEAR) % MANDATE_YEARS == 0
    if new_period and (last_board is None or last_board.year < day.year):
        committee = bodies[BodyKind.WORKING_COMMITTEE]
        names = [s.person.name for s in committee.seated(day) if s.role != "staff"]
        if len(names) >= 2:
            found.append(items.committee_election(names, f"{day.year}–{day.year + 3}"))
    found += items.seasonal(day, rng)
    for app in [a for a in applications if a.state == "prepared"][:4]:
        item, app.state = items.board_decision(app, rng)
        found.append(item)
    if rng.random() < 0.7:
        found.append(items.economy(day, rng))
    found.append(items.director_news(rng))
    return found


def _remote(day: date, rng: random.Random) -> bool:
    if PANDEMIC[0] <= day < PANDEMIC[1]:
        return rng.random() < 0.8
    return rng.random() < (0.35 if day >= PANDEMIC[1] else 0.03)


def _location(org: Organization, day: date, remote: bool, rng: random.Random) -> str:
    office = f"Förbundskansliet, {org.place}"
    if remote:
        return rng.choice(("Digitalt via Teams", f"{office} + Teams"))
    return rng.choice((office, office, f"{org.members[0].removesuffix(' kommun')}s kommunhus"))


def _attendance(
    seats: list[Seat], kind: BodyKind, rng: random.Random, remote: bool
) -> tuple[list[Listed], Listed, Listed, Listed]:
    """Who is listed present or absent; the meeting's chair, secretary and adjuster."""
    bonus = REMOTE_BONUS if remote else 0.0
    came = {s.person.key: rng.random() < s.reliability + bonus for s in seats}
    staff = [s for s in seats if s.role == "staff" or s.title == "Förbundschef"]
    for seat in staff:
        came[seat.person.key] = True  # the director keeps the minutes or chairs
    ordinary = [s for s in seats if s.role in ("chair", "vice_chair", "member") and s not in staff]
    chair_seat = next((s for s in seats if s.role == "chair"), None)
    vice_seat = next((s for s in seats if s.role == "vice_chair"), None)
    if chair_seat and vice_seat and not came[chair_seat.person.key]:
        came[vice_seat.person.key] = True  # the vice chair steps in
    quorum = (len(ordinary) + 2) // 2  # more than half of the members (rounded up) must come
    for seat in sorted(ordinary, key=lambda s: -s.reliability):
        if sum(came[s.person.key] for s in ordinary) >= quorum:
            break
        came[seat.person.key] = True
    listed: list[Listed] = []
    written: dict[str, str] = {}

    def add(seat: Seat, status: Status, serves_for: str | None = None) -> Listed:
        name = seat.person.written(rng, MENTION_VARIANT_SHARE)
        written[seat.person.key] = name
        entry = Listed(
            seat.person,
            name,
            status,
            seat.role,
            seat.person.party,
            seat.affiliation,
            seat.title,
            serves_for,
        )
        listed.append(entry)
        return entry

    for seat in sorted(ordinary, key=lambda s: ("chair", "vice_chair", "member").index(s.role)):
        add(seat, Status.PRESENT if came[seat.person.key] else Status.ABSENT)
    for seat in [s for s in seats if s.role == "substitute"]:
        principal = next(
            (s for s in ordinary if s.affiliation == seat.affiliation and s.role != "substitute"),
            None,
        )
        replaces = principal is not None and not came[principal.person.key]
        if came[seat.person.key] and (replaces or rng.random() < SUBSTITUTE_EXTRA_SHARE):
            serves = written[principal.person.key] if replaces and principal else None
            add(seat, Status.PRESENT, serves)
    for seat in staff:
        add(seat, Status.PRESENT)
    present = [e for e in listed if e.status is Status.PRESENT]
    chair = next(
        (e for e in present if e.seat_role == "chair"),
        next((e for e in present if e.seat_role == "vice_chair"), present[0]),
    )
    if kind is BodyKind.PREPARATORY_GROUP:
        officials = [e for e in present if e is not chair] or [chair]
        secretary = rng.choice(officials)
    else:
        secretary = next(e for e in present if e.seat_role == "staff")
    others = [e for e in present if e not in (chair, secretary) and e.seat_role != "staff"]
    adjuster = rng.choice(others) if others else chair
    return listed, chair, secretary, adjuster

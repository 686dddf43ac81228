"""The §§ of synthetic minutes: standard items, applications for money and their decisions.

Each § records what it writes: its paragraphs, its decisions with the outcome an annotator
gives them, and every amount of money in the order the text writes it.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pipeline.records import Outcome

PROJECTS = (
    "Steget vidare", "Unga in", "Hälsolotsen", "Vägen till arbete", "Språkstöd i arbetslivet",
    "Individstöd", "Trappan", "Nystart", "Aktivitetshuset", "Arbetsträning i grön miljö",
    "Samtalsstöd", "Brobyggaren", "Kompassen", "Motivationslyftet", "Fixartjänsten",
    "Långa sjukfall", "Ung framtid", "Insteget", "Hållbar återgång", "Tidiga insatser",
)  # fmt: skip
ASSOCIATIONS = ("Föreningen Gläntan", "Studieförbundet Framsteg", "Föreningen Kraftkällan")
DELEGATION_LIMIT_SEK = 100_000  # smaller applications are decided by the working committee
MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def kronor(sek: int, rng: random.Random) -> str:
    """An amount as minutes write it: "450 000 kronor", "450 000 kr", "450.000 kr", "450 tkr"."""
    grouped = f"{sek:,}".replace(",", " ")
    choice = rng.random()
    if choice < 0.45:
        return f"{grouped} kronor"
    if choice < 0.8:
        return f"{grouped} kr"
    if choice < 0.9:
        return f"{sek:,}".replace(",", ".") + " kr"
    if sek % 1000 == 0:
        return f"{sek // 1000} tkr"
    return f"{grouped} kr"


def long_date(day: date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


@dataclass
class Item:
    """One § as it will be written: title, paragraphs, decisions, amounts as written."""

    title: str
    paragraphs: list[str] = field(default_factory=list)
    decisions: list[tuple[str, Outcome]] = field(default_factory=list)
    amounts: list[tuple[str, int]] = field(default_factory=list)
    diary_number: str | None = None
    vote_lines: list[str] = field(default_factory=list)  # before the decision (votes.py)
    after_lines: list[str] = field(default_factory=list)  # after it: reservations
    vote: dict[str, Any] | None = None  # the gold of its vote
    dissents: list[dict[str, Any]] = field(default_factory=list)  # the gold of its reservations

    def money(self, sek: int, rng: random.Random) -> str:
        """Write an amount into this § (the caller places the text) and record it."""
        written = kronor(sek, rng)
        self.amounts.append((written, sek))
        return written

    def decide(self, text: str, outcome: Outcome) -> None:
        self.decisions.append((text, outcome))


@dataclass
class Application:
    """An application for money, on its way from arrival to a decision."""

    diary_number: str
    applicant: str
    project: str
    sek: int
    state: str = "new"  # new → prepared → decided; postponed stays prepared, referred is new

    @property
    def title(self) -> str:
        return f"Ansökan om medel – {self.project}"


def new_application(rng: random.Random, members: tuple[str, ...], year: int, n: int) -> Application:
    applicant = rng.choice([*members, *ASSOCIATIONS])
    if applicant in ASSOCIATIONS:
        sek = rng.randrange(20, 95) * 1000
    else:
        sek = rng.choice((rng.randrange(30, 99), rng.randrange(150, 1200, 10))) * 1000
    return Application(f"{year}/{n}", applicant, rng.choice(PROJECTS), sek)


def board_decision(app: Application, rng: random.Random) -> tuple[Item, str]:
    """The board decides an application; returns the § and the application's next state."""
    item = Item(app.title, diary_number=app.diary_number)
    asked = item.money(app.sek, rng)
    item.paragraphs.append(
        f"{app.applicant} ansöker om {asked} för insatsen {app.project}. Insatsen riktar sig "
        "till personer som står långt från arbetsmarknaden och pågår i två år."
    )
    roll = rng.random()
    if roll < 0.6:
        granted = item.money(app.sek, rng)
        item.decide(
            rng.choice(
                (
                    f"Ansökan beviljas med {granted}.",
                    f"Förbundsstyrelsen beviljar {app.applicant} {granted} för {app.project}.",
                    f"Ansökan beviljas med {granted} för perioden.",
                )
            ),
            Outcome.APPROVED,
        )
        return item, "decided"
    if roll < 0.7:
        part = item.money(app.sek // 2000 * 1000, rng)
        item.decide(f"Ansökan beviljas delvis med {part}.", Outcome.APPROVED)
        return item, "decided"
    if roll < 0.82:
        item.decide(
            rng.choice(
                (
                    "Ansökan avslås.",
                    "Ansökan avslås med hänvisning till att insatsen inte ryms i budgeten.",
                )
            ),
            Outcome.REJECTED,
        )
        return item, "decided"
    if roll < 0.92:
        item.decide(
            rng.choice(
                ("Ärendet bordläggs till nästa sammanträde.", "Beslut skjuts upp till nästa möte.")
            ),
            Outcome.POSTPONED,
        )
        return item, "prepared"
    item.decide(
        "Ärendet återremitteras till arbetsutskottet för ytterligare beredning.", Outcome.REFERRED
    )
    return item, "new"


def committee_handling(app: Application, rng: random.Random) -> tuple[Item, str]:
    """The working committee decides a small application by delegation, prepares a large one."""
    item = Item(app.title, diary_number=app.diary_number)
    asked = item.money(app.sek, rng)
    item.paragraphs.append(f"{app.applicant} har inkommit med en ansökan om {asked}.")
    if app.sek < DELEGATION_LIMIT_SEK:
        if rng.random() < 0.8:
            granted = item.money(app.sek, rng)
            item.decide(
                f"Arbetsutskottet beviljar med stöd av delegation {granted}.", Outcome.APPROVED
            )
        else:
            item.decide("Ansökan avslås.", Outcome.REJECTED)
        return item, "decided"
    item.decide(
        "Ärendet överlämnas till förbundsstyrelsen för beslut, med arbetsutskottets förslag att "
        "ansökan beviljas.",
        Outcome.REFERRED,
    )
    return item, "prepared"


def group_review(app: Application) -> Item:
    """The preparatory group reads a new application: views, no decision; the case's first §."""
    return Item(
        f"Ansökan från {app.applicant}",
        [
            f"Gruppen gick igenom ansökan om insatsen {app.project}. Synpunkter lämnas till "
            "förbundschefen inför arbetsutskottets beredning."
        ],
        diary_number=app.diary_number,
    )


def opening(chair: str | None) -> Item:
    who = f"Ordföranden {chair}" if chair else "Ordföranden"
    return Item("Mötets öppnande", [f"{who} öppnade mötet och hälsade alla välkomna."])


def adjuster_election(adjuster: str, with_chair: bool) -> Item:
    text = (
        f"{adjuster} valdes att jämte ordföranden justera dagens protokoll."
        if with_chair
        else f"{adjuster} valdes att justera dagens protokoll."
    )
    item = Item("Val av justerare", [text])
    item.decide(text, Outcome.ELECTED)
    return item


def agenda(rng: random.Random) -> Item:
    text = rng.choice(
        (
            "Dagordningen godkändes.",
            "Dagordningen godkändes med tillägg av en övrig fråga.",
            "Förslag till dagordning godkändes.",
        )
    )
    item = Item("Godkännande av dagordning", [text])
    item.decide(text, Outcome.APPROVED)
    return item


def previous_minutes(previous: date) -> Item:
    text = f"Protokollet från sammanträdet den {long_date(previous)} lades till handlingarna."
    item = Item("Föregående protokoll", [text])
    item.decide(text, Outcome.NOTED)
    return item


def economy(day: date, rng: random.Random) -> Item:
    item = Item("Ekonomisk uppföljning")
    budget = rng.randrange(30, 60) * 100_000
    used = budget * (day.month - 1) // 12 + rng.randrange(-20, 20) * 10_000
    item.paragraphs.append(
        f"Förbundschefen redovisade det ekonomiska utfallet per den {long_date(day)}. "
        f"Förbrukade medel uppgår till {item.money(max(used, 10_000), rng)} av en budget om "
        f"{item.money(budget, rng)}."
    )
    decision = rng.choice(("Informationen noteras.", "Redovisningen läggs till handlingarna."))
    item.decide(decision, Outcome.NOTED)
    return item


def seasonal(day: date, rng: random.Random) -> list[Item]:
    """The board's items of the season: annual report, interim report, plan and budget."""
    items = []
    if day.month in (2, 3):
        item = Item(f"Årsredovisning {day.year - 1}")
        result = item.money(rng.randrange(1, 90) * 10_000, rng)
        item.paragraphs.append(
            f"Förbundschefen presenterade årsredovisningen för {day.year - 1}. "
            f"Årets resultat är ett överskott om {result}."
        )
        item.decide(
            f"Förbundsstyrelsen godkänner årsredovisningen för {day.year - 1} och överlämnar den "
            "till revisorerna och medlemmarna.",
            Outcome.APPROVED,
        )
        items.append(item)
    if day.month in (9, 10):
        item = Item(f"Delårsrapport {day.year}")
        text = f"Delårsrapporten per den 31 augusti {day.year} godkänns."
        item.decide(text, Outcome.APPROVED)
        items.append(item)
    if day.month == 12:
        plan = Item(f"Verksamhetsplan och budget {day.year + 1}")
        plan.paragraphs.append(
            "Förslaget omfattar fortsatta insatser och en budget om "
            f"{plan.money(rng.randrange(30, 60) * 100_000, rng)}."
        )
        plan.decide(f"Verksamhetsplan och budget för {day.year + 1} fastställs.", Outcome.APPROVED)
        dates = Item(f"Sammanträdesplan {day.year + 1}")
        dates.decide(f"Sammanträdesplanen för {day.year + 1} fastställs.", Outcome.APPROVED)
        items += [plan, dates]
    return items


def committee_election(names: list[str], period: str) -> Item:
    text = (
        f"Till arbetsutskott för perioden {period} väljs {', '.join(names[:-1])} och {names[-1]}."
    )
    item = Item("Val av arbetsutskott", [text])
    item.decide(text, Outcome.ELECTED)
    return item


def director_news(rng: random.Random) -> Item:
    news = rng.sample(
        (
            "Förbundschefen informerade om arbetet med den nya webbplatsen.",
            "Ett nätverksmöte för länets samordningsförbund hölls i förra veckan.",
            "Uppföljningen av insatserna visar att fler deltagare går vidare till arbete eller "
            "studier än förra året.",
            "Kansliet har rekryterat en ny processledare som börjar efter sommaren.",
            "Medlemmarnas samråd äger rum i april.",
        ),
        2,
    )
    item = Item("Information från förbundschefen", news)
    if rng.random() < 0.5:
        item.decide("Informationen tas emot.", Outcome.NOTED)
    return item


def members_round(members: tuple[str, ...], rng: random.Random) -> Item:
    news = ("Inget nytt att rapportera.", "Omorganisation pågår.", "Nya medarbetare har börjat.")
    lines = [f"{member}: {rng.choice(news)}" for member in rng.sample(members, 3)]
    return Item("Information från medlemmarna", lines)


def other_questions() -> Item:
    return Item("Övriga frågor", ["Inga övriga frågor anmäldes."])


def closing() -> Item:
    return Item(
        "Mötets avslutande", ["Ordföranden tackade för visat intresse och avslutade mötet."]
    )

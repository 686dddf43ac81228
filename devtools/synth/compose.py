"""Write a synthetic meeting as minutes text, and its gold annotation in the JSON contract's shape.

Two house styles, as archives have them: "rar" (a title line "PROTOKOLL fört vid sammanträde
med …", names in comma lists, "Beslut:" before each decision, "Vid protokollet / Justeras") and
"kommun" (organisation, document type and body on three lines, one person a line under
"Beslutande", "Utses att justera", a "Beslut" sub-heading, "Underskrifter" with signature lines).
The gold records what the text states, as an annotator following DESIGN.md would: roles given
by a list, a role word, a role line, an election to adjust or a title under a signature.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from devtools.synth.meetings import Listed, Meeting
from devtools.synth.notice import notice_block, posting
from devtools.synth.world import BodyKind
from pipeline.records import Status

SIGNATURE_LINE = "." * 40


@dataclass
class GoldPerson:
    listed: Listed
    roles: list[str] = field(default_factory=list)
    title: str | None = None
    affiliation: str | None = None
    notes: list[str] = field(default_factory=list)
    party: str | None = None  # only where the text writes it: "Anna Berg (S)"
    substitute_for: str | None = None

    def add(self, role: str) -> None:
        if role not in self.roles:
            self.roles.append(role)

    def contract(self) -> dict[str, Any]:
        return {
            "name": self.listed.written,
            "person_id": self.listed.person.key,
            "status": self.listed.status.value,
            "roles": self.roles,
            "title": self.title,
            "affiliation": self.affiliation,
            "page": 1,
            "notes": self.notes,
            "party": self.party,
            "substitute_for": self.substitute_for,
        }


def _names(people: list[Listed]) -> str:
    names = [p.written for p in people]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]


def compose(meeting: Meeting) -> tuple[str, dict[str, Any]]:
    """The minutes' text and their gold (without `source`, which depends on the file written)."""
    gold = {id(p): GoldPerson(p) for p in meeting.listed}
    if meeting.organization.style == "rar":
        blocks = _rar_preamble(meeting, gold)
    else:
        blocks = _kommun_preamble(meeting, gold)
    sections = []
    votes: list[dict[str, Any]] = []
    dissents: list[dict[str, Any]] = []
    for number, item in meeting.sections:
        body = [f"Dnr {item.diary_number}"] if item.diary_number else []
        body += item.paragraphs + item.vote_lines
        written = " ".join(item.paragraphs)
        for text, _ in item.decisions:
            if text not in written:
                body.append(
                    f"Beslut: {text}" if meeting.organization.style == "rar" else f"Beslut\n{text}"
                )
        body += item.after_lines
        if item.vote:
            votes.append({"section": str(number), **item.vote})
        dissents += [{"section": str(number), **d} for d in item.dissents]
        blocks.append(f"§ {number} {item.title}")
        blocks += body
        sections.append(
            {
                "number": str(number),
                "title": item.title,
                "page": 1,
                "text": "\n\n".join(body),
                "decisions": [{"text": t, "outcome": o.value} for t, o in item.decisions],
                "references": [],
                "amounts": [{"text": t, "sek": sek} for t, sek in item.amounts],
                "dnr": item.diary_number,
            }
        )
        if "jämte ordföranden justera" in written:
            gold[id(meeting.chair)].add("adjuster")
    blocks += _signatures(meeting, gold)
    notice = posting(meeting)
    if notice:
        blocks += notice_block(meeting, notice)
    header = {
        "organization": meeting.organization.name,
        "body": meeting.body.value,
        "date": meeting.day.isoformat(),
        "start_time": meeting.start.replace(".", ":"),
        "end_time": meeting.end.replace(".", ":"),
        "location": meeting.location,
        "remote": meeting.remote,
    }
    document = {
        "synthetic": True,
        "meeting": header,
        "attendance": [gold[id(p)].contract() for p in meeting.listed],
        "sections": sections,
        "signatories": _gold_signatories(meeting),
        "entities": [],
        "warnings": [],
        "votes": votes,
        "dissents": dissents,
        "notice": notice,
    }
    return "\n\n".join(blocks) + "\n", document


def _rar_preamble(meeting: Meeting, gold: dict[int, GoldPerson]) -> list[str]:
    present = [p for p in meeting.listed if p.status is Status.PRESENT]
    absent = [p for p in meeting.listed if p.status is Status.ABSENT]
    gold[id(meeting.secretary)].add("secretary")
    gold[id(meeting.chair)].add("chair")  # "Ordföranden X öppnade mötet"
    gold[id(meeting.adjuster)].add("adjuster")  # "X valdes att justera"
    blocks = [
        f"PROTOKOLL fört vid sammanträde med {meeting.body.value}, {meeting.organization.name}",
        f"Datum: {meeting.day.isoformat()} kl. {meeting.start} - {meeting.end}",
        f"Plats: {meeting.location}",
        f"Närvarande: {', '.join(p.written for p in present)}",
    ]
    if absent:
        blocks.append(f"Ej närvarande: {_names(absent)}")
    blocks.append(f"Sekreterare: {meeting.secretary.written}")
    return blocks


def _kommun_preamble(meeting: Meeting, gold: dict[int, GoldPerson]) -> list[str]:
    org = meeting.organization
    blocks = [
        f"{org.name}\nSAMMANTRÄDESPROTOKOLL\n{meeting.body.value.capitalize()}",
        f"Sammanträdesdatum: {meeting.day.isoformat()}",
        f"Plats och tid: {meeting.location}, kl. {meeting.start}–{meeting.end}",
    ]
    present = [p for p in meeting.listed if p.status is Status.PRESENT]
    absent = [p for p in meeting.listed if p.status is Status.ABSENT]
    if meeting.body is BodyKind.PREPARATORY_GROUP:
        lines = []
        for p in present:
            person = gold[id(p)]
            if p is meeting.chair:
                lines.append(f"{p.written}, förbundschef, ordförande")
                person.title, person.roles = "förbundschef", ["chair"]
            else:
                lines.append(f"{p.written}, {(p.title or '').lower()}, {p.affiliation}")
                person.title, person.affiliation = (p.title or "").lower(), p.affiliation
        blocks.append("Närvarande:\n" + "\n".join(lines))
        if absent:
            blocks.append("Frånvarande:\n" + "\n".join(p.written for p in absent))
        blocks.append(f"Sekreterare: {meeting.secretary.written}")
        gold[id(meeting.secretary)].add("secretary")
    else:
        deciding, serving, extra, staff = [], [], [], []
        for p in meeting.listed:
            gold[id(p)].party = p.party  # every list below writes the party beside the name
        for p in present:
            person = gold[id(p)]
            if p.seat_role == "staff":
                staff.append(f"{p.written}, förbundschef, sekreterare")
                # the role written beside the name wins over the block's ("Övriga närvarande")
                person.title, person.roles = "förbundschef", ["secretary"]
            elif p.seat_role == "substitute" and p.serves_for:
                serving.append(f"{_with_party(p)}, ersätter {p.serves_for}")
                person.roles, person.notes = ["substitute"], [f"ersätter {p.serves_for}"]
                person.substitute_for = p.serves_for
            elif p.seat_role == "substitute":
                extra.append(_with_party(p))
                person.roles = ["substitute"]
            else:
                role = {"chair": "ordförande", "vice_chair": "vice ordförande"}.get(p.seat_role)
                deciding.append(_with_party(p) + (f", {role}" if role else ""))
                person.roles = [p.seat_role if role else "member"]
                person.affiliation = None if p.party else p.affiliation
        blocks.append("Beslutande:\n" + "\n".join(deciding))
        if serving:
            blocks.append("Tjänstgörande ersättare:\n" + "\n".join(serving))
        if extra:
            blocks.append("Ersättare:\n" + "\n".join(extra))
        blocks.append("Övriga närvarande:\n" + "\n".join(staff))
        if absent:
            blocks.append("Frånvarande: " + ", ".join(_with_party(p) for p in absent))
    blocks.append(f"Utses att justera: {meeting.adjuster.written}")
    gold[id(meeting.adjuster)].add("adjuster")
    check = meeting.day + timedelta(days=7)
    blocks.append(f"Justeringens plats och tid: Förbundskansliet, {check.isoformat()}")
    return blocks


def _with_party(p: Listed) -> str:
    return f"{p.written} ({p.party})" if p.party else f"{p.written}, {p.affiliation}"


def _signature_titles(meeting: Meeting) -> tuple[str | None, str | None, str | None]:
    """What is written under each signature in the "rar" style: title or affiliation."""
    secretary, adjuster = meeting.secretary, meeting.adjuster
    secretary_title = "Förbundschef" if secretary.seat_role == "staff" else secretary.title
    chair_title = (
        "Förbundschef"
        if meeting.chair.seat_role == "chair" and (meeting.body is BodyKind.PREPARATORY_GROUP)
        else "Ordförande"
    )
    adjuster_title = "Vice ordförande" if adjuster.seat_role == "vice_chair" else None
    return secretary_title, chair_title, adjuster_title


def _signatures(meeting: Meeting, gold: dict[int, GoldPerson]) -> list[str]:
    secretary, chair, adjuster = meeting.signed
    adjusts = meeting.adjuster is not meeting.chair
    if meeting.organization.style == "kommun":
        blocks = [
            "Underskrifter",
            f"Sekreterare\n{SIGNATURE_LINE}\n{secretary}",
            f"Ordförande\n{SIGNATURE_LINE}\n{chair}",
        ]
        return blocks + ([f"Justerande\n{SIGNATURE_LINE}\n{adjuster}"] if adjusts else [])
    titles = _signature_titles(meeting)
    signers = (meeting.secretary, meeting.chair, meeting.adjuster)
    for listed, title in list(zip(signers, titles, strict=True))[: 3 if adjusts else 2]:
        person = gold[id(listed)]
        if title:
            person.title = person.title or title
            if title == "Vice ordförande":
                person.add("vice_chair")
    adjuster_line = titles[2] or meeting.adjuster.affiliation or ""
    blocks = ["Vid protokollet", f"{secretary}\n{titles[0] or ''}".rstrip(), "Justeras"]
    blocks.append(f"{chair}\n{titles[1]}")
    if adjusts:
        blocks.append(f"{adjuster}\n{adjuster_line}".rstrip())
        if not titles[2]:
            gold[id(meeting.adjuster)].affiliation = meeting.adjuster.affiliation
    return blocks


def _gold_signatories(meeting: Meeting) -> list[dict[str, Any]]:
    """Secretary, chair (who adjusts as chair) and adjuster, as they signed."""
    kommun = meeting.organization.style == "kommun"
    titles = (None, "Ordförande", None) if kommun else _signature_titles(meeting)
    people = (meeting.secretary, meeting.chair, meeting.adjuster)
    signatures = zip(
        people, meeting.signed, ("secretary", "adjuster", "adjuster"), titles, strict=True
    )
    return [
        {"name": name, "person_id": p.person.key, "role": role, "title": title}
        for i, (p, name, role, title) in enumerate(signatures)
        if i < 2 or meeting.adjuster is not meeting.chair
    ]

"""The view's Swedish words for the database's English keys (roles, outcomes, statuses)."""

from __future__ import annotations

ROLES = {
    "chair": "ordförande",
    "vice_chair": "vice ordförande",
    "secretary": "sekreterare",
    "adjuster": "justerare",
    "member": "ledamot",
    "substitute": "ersättare",
    "staff": "tjänsteperson",
    "guest": "gäst",
}
OUTCOMES = {
    "approved": "bifall",
    "rejected": "avslag",
    "postponed": "bordlagt",
    "noted": "noterat",
    "elected": "val",
    "referred": "återremiss",
    "withdrawn": "återtaget",
    "other": "annat",
}
STATUSES = {"present": "närvarande", "absent": "frånvarande"}
REVIEW_KINDS = {"uncertain link": "osäker koppling", "possible link": "möjlig koppling"}
RUN_STATUSES = {
    "running": "pågår",
    "finished": "klar",
    "interrupted": "avbruten",
    "killed": "dödad",
    "refused": "vägrad",
}
SEEN_AS = {"attendance": "närvarolista", "signature": "underskrift", "mention": "omnämnande"}


def role(key: str) -> str:
    return ROLES.get(key, key)


def outcome(key: str) -> str:
    return OUTCOMES.get(key, key)


def status(key: str) -> str:
    return STATUSES.get(key, key)


def percent(share: float | None) -> str:
    """0.857 → "86 %" (Swedish writes a space before the sign)."""
    return "–" if share is None else f"{share * 100:.0f} %"


def kronor(sek: int | None) -> str:
    """1234567 → "1 234 567 kr"."""
    return "–" if sek is None else f"{sek:,} kr".replace(",", " ")


FILTERS = {
    "role": role,
    "outcome": outcome,
    "status": status,
    "percent": percent,
    "kronor": kronor,
    "review_kind": lambda k: REVIEW_KINDS.get(k, k),
    "run_status": lambda k: RUN_STATUSES.get(k, k),
    "seen_as": lambda k: SEEN_AS.get(k, k),
}

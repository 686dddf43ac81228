"""Field-by-field comparison of an extraction with its golden file, tolerant of OCR letters."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz

from pipeline.names import fold

# Fields kept in golden files: everything in the JSON contract that does not depend on where
# the file lies (path, hash), on the resolver's ids, or on rule offsets (entities).
VOLATILE_SOURCE_FIELDS = ("path", "sha256")


@dataclass(frozen=True)
class Tolerance:
    """Minimum rapidfuzz ratios (0–100); 100 everywhere for text-layer forms."""

    name: float = 100.0
    text: float = 100.0


EXACT = Tolerance()
# Scanned forms: Tesseract may still change a letter of a name or a dash in running text.
OCR = Tolerance(name=90.0, text=97.0)


def golden_view(contract: dict[str, Any]) -> dict[str, Any]:
    """The part of a `protokoll extract --json` result that golden files keep."""
    source = {k: v for k, v in contract["source"].items() if k not in VOLATILE_SOURCE_FIELDS}
    return {
        "source": source,
        "meeting": contract["meeting"],
        "attendance": [
            {k: v for k, v in a.items() if k != "person_id"} for a in contract["attendance"]
        ],
        "sections": contract["sections"],
        "signatories": [
            {k: v for k, v in s.items() if k != "person_id"} for s in contract["signatories"]
        ],
        "warnings": contract["warnings"],
    }


def _similar(a: str | None, b: str | None, minimum: float) -> bool:
    if a is None or b is None:
        return a == b
    return a == b or fuzz.ratio(a, b) >= minimum


def _same_name(a: str, b: str, minimum: float) -> bool:
    return fold(a) == fold(b) or fuzz.ratio(fold(a), fold(b)) >= minimum


def differences(actual: dict[str, Any], expected: dict[str, Any], tol: Tolerance) -> list[str]:
    """Every way `actual` differs from `expected`, as readable lines; empty when they agree."""
    diffs: list[str] = []
    for key in ("source", "meeting", "warnings"):
        if actual[key] != expected[key]:
            diffs.append(f"{key}: {actual[key]!r} != {expected[key]!r}")
    diffs += _attendance_differences(actual["attendance"], expected["attendance"], tol)
    diffs += _section_differences(actual["sections"], expected["sections"], tol)
    if len(actual["signatories"]) != len(expected["signatories"]):
        diffs.append(f"signatories: {actual['signatories']} != {expected['signatories']}")
    for got, want in zip(actual["signatories"], expected["signatories"], strict=False):
        if not (
            _same_name(got["name"], want["name"], tol.name)
            and got["role"] == want["role"]
            and _similar(got["title"], want["title"], tol.name)
        ):
            diffs.append(f"signatory: {got} != {want}")
    return diffs


def _attendance_differences(
    actual: list[dict[str, Any]], expected: list[dict[str, Any]], tol: Tolerance
) -> list[str]:
    diffs = []
    unmatched = list(actual)
    for want in expected:
        got = next((a for a in unmatched if _same_name(a["name"], want["name"], tol.name)), None)
        if got is None:
            diffs.append(f"attendance: {want['name']} missing")
            continue
        unmatched.remove(got)
        for key in ("status", "affiliation", "page"):
            if got[key] != want[key]:
                diffs.append(f"attendance {want['name']}: {key} {got[key]!r} != {want[key]!r}")
        if sorted(got["roles"]) != sorted(want["roles"]):
            diffs.append(f"attendance {want['name']}: roles {got['roles']} != {want['roles']}")
        if not _similar(got["title"], want["title"], tol.name):
            diffs.append(f"attendance {want['name']}: title {got['title']!r} != {want['title']!r}")
    diffs += [f"attendance: unexpected {a['name']}" for a in unmatched]
    return diffs


def _section_differences(
    actual: list[dict[str, Any]], expected: list[dict[str, Any]], tol: Tolerance
) -> list[str]:
    got_numbers = [s["number"] for s in actual]
    want_numbers = [s["number"] for s in expected]
    if got_numbers != want_numbers:
        return [f"section numbers: {got_numbers} != {want_numbers}"]
    diffs = []
    for got, want in zip(actual, expected, strict=True):
        where = f"§ {want['number']}"
        for key in ("page", "references", "amounts"):
            if got[key] != want[key]:
                diffs.append(f"{where}: {key} {got[key]!r} != {want[key]!r}")
        if not _similar(got["title"], want["title"], tol.text):
            diffs.append(f"{where}: title {got['title']!r} != {want['title']!r}")
        if not _similar(got["text"], want["text"], tol.text):
            diffs.append(f"{where}: text differs beyond tolerance")
        got_decisions, want_decisions = got["decisions"], want["decisions"]
        if [d["outcome"] for d in got_decisions] != [d["outcome"] for d in want_decisions]:
            diffs.append(f"{where}: decisions {got_decisions} != {want_decisions}")
            continue
        for got_d, want_d in zip(got_decisions, want_decisions, strict=True):
            if not _similar(got_d["text"], want_d["text"], tol.text):
                diffs.append(f"{where}: decision text {got_d['text']!r} != {want_d['text']!r}")
    return diffs

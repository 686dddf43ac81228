"""The golden files agree with the independent gold annotations in ../shared/seeds/gold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import shared_dir

GOLDEN_DIR = Path(__file__).parent / "golden"
SEED_GOLD = {"seed_000": "000_6bad5ca7fb3a2609.json", "seed_001": "001_d3e7a152bbb37807.json"}


@pytest.mark.shared
@pytest.mark.parametrize("seed", sorted(SEED_GOLD))
def test_golden_file_agrees_with_seed_gold(seed: str) -> None:
    gold = json.loads((shared_dir("seeds", "gold") / SEED_GOLD[seed]).read_text("utf-8"))
    ours = json.loads((GOLDEN_DIR / f"{seed}.txt.json").read_text("utf-8"))

    assert ours["meeting"] == gold["meeting"]

    def people(rows: list[dict[str, object]]) -> dict[str, tuple[object, ...]]:
        return {
            str(r["name"]): (r["status"], sorted(r["roles"]), r["title"], r["affiliation"])  # type: ignore[arg-type]
            for r in rows
        }

    assert people(ours["attendance"]) == people(gold["attendance"])

    def sections(rows: list[dict[str, object]]) -> list[tuple[object, ...]]:
        return [
            (r["number"], r["title"], r["decisions"], sorted(r["references"]), r["amounts"])  # type: ignore[arg-type]
            for r in rows
        ]

    assert sections(ours["sections"]) == sections(gold["sections"])
    assert [(s["name"], s["role"], s["title"]) for s in ours["signatories"]] == [
        (s["name"], s["role"], s["title"]) for s in gold["signatories"]
    ]

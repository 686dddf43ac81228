"""Rewrite the golden files from the current extraction: `python -m tests.golden.update`.

Review the diff by hand before committing: a golden file is a claim that its content is right.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.contract import to_contract
from pipeline.process import process
from tests.golden.compare import golden_view

GOLDEN_DIR = Path(__file__).parent
FIXTURES = GOLDEN_DIR.parent / "fixtures" / "seeds"
FORMS = ("txt", "pdf", "scan.pdf")
SEEDS = ("seed_000", "seed_001")


def fixture_forms() -> list[tuple[str, Path, Path]]:
    """(id, fixture file, golden file) of every fixture form."""
    return [
        (f"{seed}.{form}", FIXTURES / f"{seed}.{form}", GOLDEN_DIR / f"{seed}.{form}.json")
        for seed in SEEDS
        for form in FORMS
    ]


def main() -> None:
    for _, fixture, golden in fixture_forms():
        view = golden_view(to_contract(process(fixture)))
        if fixture.name.endswith(".scan.pdf"):
            # A scan holds the same document as its text PDF: the truth is the text layer's
            # reading, not what OCR made of it; only the source facts are the scan's own.
            text_pdf = fixture.with_name(fixture.name.replace(".scan.pdf", ".pdf"))
            view = {**golden_view(to_contract(process(text_pdf))), "source": view["source"]}
        golden.write_text(json.dumps(view, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {golden}")


if __name__ == "__main__":
    main()

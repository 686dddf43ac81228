"""Character error rate of OCR on scanned PDFs, against their text-layer twins.

    .venv/bin/python bench/ocr_cer.py              # the committed scans
    .venv/bin/python bench/ocr_cer.py --variants   # + clean, degraded and turned scans made here
    .venv/bin/python bench/ocr_cer.py --forms      # parsed minutes of each form vs golden files

For each seed, the scanned PDF and the text PDF hold the same pages; the text layer is the
reference. CER = Levenshtein distance / reference length, over the text with whitespace
collapsed, measured on the raw extraction and after the clean stage (which repairs Tesseract's
"§"). The other OCR benches import `cer`, `flat` and `scan_variants` from here.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import _checkout  # noqa: F401  (the checkout on sys.path, for devtools)
from rapidfuzz.distance import Levenshtein

from devtools import render
from pipeline.discover import identify
from pipeline.extract import extract
from pipeline.extract.clean import clean, normalise
from pipeline.records import ExtractedDoc

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures" / "seeds"
FORMS = ("fixture", "rotated90", "rotated180", "rotated270", "degraded", "skewed")
FIXTURE_SKEW_DEG = {"seed_000": 0.6, "seed_001": -0.8}  # as devtools.render.regenerate makes them
SEEDS = ("seed_000", "seed_001")


@dataclass(frozen=True)
class Variant:
    """A way of scanning the seeds' text PDFs (render.render_scanned_pdf's arguments)."""

    name: str
    dpi: int = 300
    skew_deg: float = 0.0
    noise: float = 0.0
    jpeg_quality: int = 85
    rotate: int = 0
    wear: render.Wear | None = None
    as_fixture: bool = False  # the committed scan's own skew and noise seed: that scan, turned


# "fixture" are the committed scans (noise 8, JPEG 70, skew +0.6° / −0.8°), not re-rendered.
VARIANTS = {
    v.name: v
    for v in (
        Variant("clean"),
        # An old archive's page: faded toner, paper darker towards one corner, a few specks.
        Variant(
            "degraded",
            skew_deg=1.5,
            noise=12.0,
            jpeg_quality=50,
            wear=render.Wear(fade=0.5, shade=60.0, speckle=0.001),
        ),
        Variant(
            "heavy",
            skew_deg=-2.0,
            noise=15.0,
            jpeg_quality=40,
            wear=render.Wear(fade=0.65, shade=70.0, speckle=0.003),
        ),
        Variant("noisy", skew_deg=1.0, noise=40.0, jpeg_quality=20),
        Variant("skewed", skew_deg=3.5, noise=8.0, jpeg_quality=70),
        Variant("rotated90", noise=8.0, jpeg_quality=70, rotate=90, as_fixture=True),
        Variant("rotated180", noise=8.0, jpeg_quality=70, rotate=180, as_fixture=True),
        Variant("rotated270", noise=8.0, jpeg_quality=70, rotate=270, as_fixture=True),
        Variant("rotated90-noskew", noise=8.0, jpeg_quality=70, rotate=90),
        Variant("scan200", dpi=200, noise=8.0, jpeg_quality=70, skew_deg=0.6),
    )
}


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", normalise(text)).strip()


def cer(hypothesis: str, reference: str) -> float:
    """Character error rate of `hypothesis` against `reference`, whitespace collapsed."""
    ref = flat(reference)
    return Levenshtein.distance(flat(hypothesis), ref) / max(1, len(ref))


def cleaned(doc: ExtractedDoc) -> str:
    """The document's text after the clean stage (running lines dropped, "§" repaired)."""
    return "\n".join(line.text for line in clean(doc).lines)


def scan_variants(names: Sequence[str], folder: Path) -> dict[tuple[str, str], Path]:
    """(variant, seed) → scanned PDF; "fixture" is the committed scan, the rest are made here."""
    made: dict[tuple[str, str], Path] = {}
    for name in names:
        for number, seed in enumerate(SEEDS):
            if name == "fixture":
                made[name, seed] = FIXTURES / f"{seed}.scan.pdf"
                continue
            v = VARIANTS[name]
            made[name, seed] = render.render_scanned_pdf(
                FIXTURES / f"{seed}.pdf",
                folder / f"{seed}.{name}.scan.pdf",
                dpi=v.dpi,
                skew_deg=FIXTURE_SKEW_DEG[seed] if v.as_fixture else v.skew_deg,
                noise=v.noise,
                jpeg_quality=v.jpeg_quality,
                rotate=v.rotate,
                seed=number,
                wear=v.wear,
            )
    return made


def same_minutes(names: Sequence[str]) -> None:
    """Whether every scanned form parses to the golden minutes (OCR letter damage allowed)."""
    sys.path.insert(0, str(REPO))
    from pipeline.contract import to_contract
    from pipeline.process import process
    from tests.golden.compare import OCR, differences, golden_view

    print(f"{'form':<26} {'OCR pages':>9}  differences from the golden minutes")
    with tempfile.TemporaryDirectory() as tmp:
        for (name, seed), scan in scan_variants(names, Path(tmp)).items():
            golden = REPO / "tests" / "golden" / f"{seed}.scan.pdf.json"
            expected = json.loads(golden.read_text(encoding="utf-8"))
            minutes = process(scan)
            found = differences(golden_view(to_contract(minutes)), expected, OCR)
            label = f"{seed} {name}"
            print(f"{label:<26} {len(minutes.ocr_pages):>9}  {'; '.join(found) or 'none'}")
            sys.stdout.flush()


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--variants", action="store_true", help="also scans generated here")
    parser.add_argument("--forms", action="store_true", help="compare parsed minutes instead")
    args = parser.parse_args(argv)
    if args.forms:
        same_minutes(FORMS)
        return
    names = ["fixture", *(VARIANTS if args.variants else ())]
    print(f"{'scan':<26} {'pages':>5} {'s/page':>7} {'CER raw':>8} {'CER clean':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        for (name, seed), scan in scan_variants(names, Path(tmp)).items():
            reference = extract(identify(FIXTURES / f"{seed}.pdf"))
            started = time.perf_counter()
            doc = extract(identify(scan))
            seconds = (time.perf_counter() - started) / len(doc.pages)
            raw = cer(
                "\n".join(p.text for p in doc.pages), "\n".join(p.text for p in reference.pages)
            )
            after = cer(cleaned(doc), cleaned(reference))
            label = f"{seed} {name}"
            print(f"{label:<26} {len(doc.pages):>5} {seconds:>7.2f} {raw:>8.2%} {after:>9.2%}")
            sys.stdout.flush()


if __name__ == "__main__":
    main()

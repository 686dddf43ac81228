"""Character error rate of OCR on the scanned fixtures, against their text-layer twins.

    .venv/bin/python bench/ocr_cer.py

For each seed, the scanned PDF and the text PDF hold the same pages; the text layer is the
reference. CER = Levenshtein distance / reference length, over the cleaned text with whitespace
collapsed, measured before and after the clean stage's "§" repair. Also prints seconds per page.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from pipeline.discover import identify
from pipeline.extract import extract
from pipeline.extract.clean import clean, normalise

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "seeds"


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _cleaned(path: Path) -> tuple[str, str, float, int]:
    started = time.perf_counter()
    doc = extract(identify(path))
    seconds = time.perf_counter() - started
    raw = _flat(normalise("\n".join(p.text for p in doc.pages)))
    lines = clean(doc).lines
    return raw, _flat("\n".join(line.text for line in lines)), seconds, len(doc.pages)


def main() -> None:
    print(f"{'document':<22} {'pages':>5} {'s/page':>7} {'CER raw':>8} {'CER clean':>9}")
    for scan in sorted(FIXTURES.glob("*.scan.pdf")):
        reference_raw, reference, _, _ = _cleaned(scan.with_name(scan.name.replace(".scan", "")))
        ocr_raw, ocr_clean, seconds, pages = _cleaned(scan)
        raw_cer = Levenshtein.distance(ocr_raw, reference_raw) / len(reference_raw)
        clean_cer = Levenshtein.distance(ocr_clean, reference) / len(reference)
        print(
            f"{scan.name:<22} {pages:>5} {seconds / pages:>7.2f} {raw_cer:>8.2%} {clean_cer:>9.2%}"
        )


if __name__ == "__main__":
    main()

"""Choose OCR resolution, page segmentation mode and page-image source by measurement.

    .venv/bin/python bench/ocr_tuning.py            # everything, ~15 min on 2 busy cores
    .venv/bin/python bench/ocr_tuning.py --part grid --variants clean

Parts, each run on the scans of both seeds (bench/ocr_cer.py makes the variants):
  grid      dpi 200/250/300 × psm 3/4/6 → CER and seconds a page, through the real per-page
            path (page image → levelling if worn → orientation → deskew → Tesseract → TSV)
  source    page image taken out of the PDF (embedded JPEG) vs rendered by pypdfium2
  geometry  cost of orientation.measure, OSD, deskew, wear check and levelling; OCR confidence
            of upright and turned pages; CER of a skewed scan with and without deskew
  level     levelling every page vs only worn ones
CER is against the text PDF's layer, raw (before the clean stage), whitespace collapsed.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

import pypdfium2
from _pdf import page_count
from ocr_cer import FIXTURES, VARIANTS, cer, scan_variants
from PIL import Image

from pipeline.extract import denoise, ocr, orientation
from pipeline.extract.page_image import page_image
from pipeline.extract.pdf import extract_pdf
from pipeline.extract.scan import ScanResult, read_scan

T = TypeVar("T")
DPIS = (200, 250, 300)
PSMS = (3, 4, 6)


def timed(action: Callable[..., T], *args: Any, repeats: int = 1, **kwargs: Any) -> tuple[float, T]:
    """Median seconds of `action(*args, **kwargs)` over `repeats` runs, and the last result."""
    seconds = []
    for _ in range(repeats):
        started = time.perf_counter()
        result = action(*args, **kwargs)
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), result


def reference(seed: str) -> list[str]:
    return [page.text for page in extract_pdf(FIXTURES / f"{seed}.pdf")]


def page_images(
    scan: Path, dpi: int, *, embedded: bool = True
) -> list[tuple[float, Image.Image, int]]:
    """(seconds to get it, image, dpi) for each page of a scanned PDF."""
    document = pypdfium2.PdfDocument(scan)
    try:
        out = []
        for index in range(len(document)):
            seconds, got = timed(page_image, document, index, dpi, prefer_embedded=embedded)
            out.append((seconds, got.image, got.dpi))
        return out
    finally:
        document.close()


def grid(scans: dict[tuple[str, str], Path], repeats: int) -> None:
    """Every combination on each page in turn, so that load from other work on the machine
    falls on all of them alike; seconds are medians over pages and repeats."""
    print("\n## dpi × psm: CER (raw) and seconds a page, per-page path end to end")
    combos = [(dpi, psm) for dpi in DPIS for psm in PSMS]
    texts: dict[tuple[str, str, int, int], list[str]] = {}
    seconds: dict[tuple[str, int, int], list[float]] = {}
    confidences: dict[tuple[str, int, int], list[float]] = {}
    for (variant, seed), scan in scans.items():
        for index in range(page_count(scan)):
            for _ in range(repeats):
                for dpi, psm in combos:
                    spent, result = timed(_read_page, scan, index, dpi, psm)
                    seconds.setdefault((variant, dpi, psm), []).append(spent)
                    confidences.setdefault((variant, dpi, psm), []).append(
                        result.mean_confidence or 0.0
                    )
                    texts.setdefault((variant, seed, dpi, psm), []).append(result.text)
    print(f"{'variant':<10} {'dpi':>4} {'psm':>4} {'CER':>7} {'s/page':>7} {'conf':>5}")
    for variant in sorted({v for v, _ in scans}):
        for dpi, psm in combos:
            errors = total = 0.0
            for seed in sorted({s for v, s in scans if v == variant}):
                truth = reference(seed)
                pages = texts[variant, seed, dpi, psm][::repeats]  # the first reading of each
                joined, reference_text = "\n".join(pages), "\n".join(truth)
                errors += cer(joined, reference_text) * len(reference_text)
                total += len(reference_text)
            print(
                f"{variant:<10} {dpi:>4} {psm:>4} {errors / total:>7.2%} "
                f"{statistics.median(seconds[variant, dpi, psm]):>7.2f} "
                f"{statistics.mean(confidences[variant, dpi, psm]):>5.1f}"
            )
    sys.stdout.flush()


def _read_page(scan: Path, index: int, dpi: int, psm: int) -> ScanResult:
    """The whole per-page path from the PDF: page image at `dpi`, then read_scan."""
    document = pypdfium2.PdfDocument(scan)
    try:
        got = page_image(document, index, dpi)
        return read_scan(got.image, dpi=got.dpi, psm=psm)
    finally:
        document.close()


def source(scans: dict[tuple[str, str], Path], dpi: int, psm: int) -> None:
    print(f"\n## page image at {dpi} dpi: embedded JPEG vs pypdfium2 render (psm {psm})")
    print(f"{'scan':<22} {'page':>4} {'how':<9} {'ms':>6} {'CER':>7} {'s OCR':>6}")
    for (variant, seed), scan in scans.items():
        truth = reference(seed)
        for embedded in (True, False):
            document = pypdfium2.PdfDocument(scan)
            for index in range(len(document)):
                ms, got = timed(
                    page_image, document, index, dpi, prefer_embedded=embedded, repeats=5
                )
                ocr_s, result = timed(read_scan, got.image, dpi=got.dpi, psm=psm)
                how = "embedded" if got.embedded else "rendered"
                print(
                    f"{seed + ' ' + variant:<22} {index + 1:>4} {how:<9} {ms * 1000:>6.1f} "
                    f"{cer(result.text, truth[index]):>7.2%} {ocr_s:>6.2f}"
                )
            document.close()


def geometry(scans: dict[tuple[str, str], Path], dpi: int, psm: int) -> None:
    print(f"\n## orientation, OSD, deskew and levelling at {dpi} dpi (psm {psm})")
    for (variant, seed), scan in scans.items():
        truth = reference(seed)
        for index, (_, image, image_dpi) in enumerate(page_images(scan, dpi)):
            label = f"{seed} {variant} p{index + 1}"
            measure_s, geo = timed(orientation.measure, image, image_dpi, repeats=5)
            osd_s, osd = timed(ocr.detect_orientation, image, dpi=image_dpi, repeats=3)
            full_s, full = timed(_osd_full, image, image_dpi, repeats=3)
            # a skew below MIN_SKEW_DEG is not corrected: time a correction of 1° instead
            skew = geo.skew_deg if abs(geo.skew_deg) >= orientation.MIN_SKEW_DEG else 1.0
            deskew_s, _ = timed(orientation.upright, image, 0, skew, repeats=5)
            wear_s, wear = timed(denoise.measure_wear, image, image_dpi, repeats=5)
            level_s, _ = timed(denoise.level, image, image_dpi, repeats=3)
            print(
                f"{label:<24} measure {measure_s * 1000:5.1f} ms (turn {geo.turn}, skew "
                f"{geo.skew_deg:+.2f}°) | OSD {osd_s:.2f} s at half size ({_osd(osd)}), "
                f"{full_s:.2f} s full ({_osd(full)}) | deskew {deskew_s * 1000:5.1f} ms | "
                f"wear {wear_s * 1000:5.1f} ms (worn {wear.worn}) | level {level_s * 1000:5.1f} ms"
            )
            if variant in ("fixture", "clean") and index == 0:
                for turn in (180, 90):
                    turned = image.rotate(turn, expand=True)
                    raw = ocr.recognise(turned, dpi=image_dpi, psm=psm)
                    error = cer(raw.text, truth[0])
                    print(
                        f"{'':<24} OCR of the page turned {turn}° without correction: mean "
                        f"confidence {raw.mean_confidence or 0:.1f}, CER {error:.1%}"
                    )
            if variant in ("skewed", "degraded", "heavy"):
                plain = ocr.recognise(image, dpi=image_dpi, psm=psm)
                fixed = read_scan(image, dpi=image_dpi, psm=psm)
                print(
                    f"{'':<24} without deskew CER {cer(plain.text, truth[index]):.2%}, "
                    f"with (pipeline) {cer(fixed.text, truth[index]):.2%}"
                )
            sys.stdout.flush()


def _osd_full(image: Image.Image, dpi: int) -> ocr.Osd | None:
    """OSD on the full-size page, to compare with the half-size copy the pipeline sends."""
    saved = ocr.OSD_DPI
    ocr.OSD_DPI = dpi
    try:
        return ocr.detect_orientation(image, dpi=dpi)
    finally:
        ocr.OSD_DPI = saved


def _osd(osd: ocr.Osd | None) -> str:
    return "none" if osd is None else f"turn {osd.turn}, conf {osd.confidence:.1f}"


def level_always(scans: dict[tuple[str, str], Path], dpi: int, psm: int) -> None:
    print(f"\n## levelling every page vs only worn pages ({dpi} dpi, psm {psm})")
    print(f"{'variant':<10} {'how':<11} {'CER':>7} {'s/page':>7}")
    for variant in sorted({v for v, _ in scans}):
        for forced in (False, True):
            errors, total, seconds = 0.0, 0, []
            for (v, seed), scan in scans.items():
                if v != variant:
                    continue
                texts = []
                for _, image, image_dpi in page_images(scan, dpi):
                    ocr_s, text = timed(_levelled_text, image, image_dpi, psm, forced=forced)
                    seconds.append(ocr_s)
                    texts.append(text)
                truth = "\n".join(reference(seed))
                errors += cer("\n".join(texts), truth) * len(truth)
                total += len(truth)
            how = "every page" if forced else "worn only"
            print(
                f"{variant:<10} {how:<11} {errors / total:>7.2%} {statistics.median(seconds):>7.2f}"
            )
            sys.stdout.flush()


def _levelled_text(image: Image.Image, dpi: int, psm: int, *, forced: bool) -> str:
    return read_scan(image, dpi=dpi, psm=psm, always_level=forced).text


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=("grid", "source", "geometry", "level"), action="append")
    parser.add_argument(
        "--variants", nargs="+", default=None, help="fixture, " + ", ".join(VARIANTS)
    )
    parser.add_argument("--dpi", type=int, default=ocr.OCR_DPI)
    parser.add_argument("--psm", type=int, default=ocr.OCR_PAGE_SEGMENTATION_MODE)
    parser.add_argument("--repeats", type=int, default=1, help="readings of each page (grid)")
    args = parser.parse_args(argv)
    parts = args.part or ["grid", "source", "geometry", "level"]
    defaults = {
        "grid": ["clean", "fixture", "degraded"],
        "source": ["fixture"],
        "geometry": ["fixture", "skewed", "rotated90", "rotated180", "degraded"],
        "level": ["clean", "fixture", "degraded"],
    }
    with tempfile.TemporaryDirectory() as tmp:
        for part in parts:
            scans = scan_variants(args.variants or defaults[part], Path(tmp))
            if part == "grid":
                grid(scans, args.repeats)
            elif part == "source":
                source(scans, args.dpi, args.psm)
            elif part == "geometry":
                geometry(scans, args.dpi, args.psm)
            else:
                level_always(scans, args.dpi, args.psm)


if __name__ == "__main__":
    main()

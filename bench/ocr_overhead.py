"""What protokoll's per-page OCR path costs over bare Tesseract, and pages a second overall.

    .venv/bin/python bench/ocr_overhead.py [--repeats 3] [--variants fixture rotated90]

On the same page images, in the same run and interleaved page by page:
  floor      `tesseract PAGE.png stdout -l swe --psm N` as a subprocess (OMP_THREAD_LIMIT=1),
             on PNG files written beforehand
  protokoll  the per-page path from the PDF: page image, wear check (+ levelling), orientation
             (+ OSD when needed), deskew, Tesseract (TSV), line and paragraph rebuilding
Prints medians per page, the ratio protokoll / floor (target under 1.15), and pages a second
for text PDFs (pdfplumber path with the OCR decision) and for OCR. Wall time suffers from
whatever else the machine runs; CPU time (this process + its Tesseract children) much less, so
both are shown.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import pypdfium2
from ocr_cer import FIXTURES, SEEDS, VARIANTS, scan_variants

from pipeline.extract import ocr
from pipeline.extract.page_image import page_image
from pipeline.extract.pdf import extract_pdf, plan_pages
from pipeline.extract.scan import read_scan


class Clock:
    """Wall seconds and CPU seconds (own + finished children) between start and stop."""

    def __enter__(self) -> Clock:
        self.wall, self.cpu = time.perf_counter(), self._cpu()
        return self

    def __exit__(self, *_: object) -> None:
        self.wall, self.cpu = time.perf_counter() - self.wall, self._cpu() - self.cpu

    @staticmethod
    def _cpu() -> float:
        children = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + children.ru_utime + children.ru_stime


def floor_seconds(png: Path, psm: int) -> tuple[float, float]:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    command = ["tesseract", str(png), "stdout", "-l", ocr.OCR_LANGUAGE, "--psm", str(psm)]
    with Clock() as clock:
        subprocess.run(command, capture_output=True, check=True, env=env)
    return clock.wall, clock.cpu


def protokoll_seconds(scan: Path, index: int, dpi: int, psm: int) -> tuple[float, float]:
    with Clock() as clock:
        document = pypdfium2.PdfDocument(scan)
        try:
            image = page_image(document, index, dpi)
            read_scan(image.image, dpi=image.dpi, psm=psm)
        finally:
            document.close()
    return clock.wall, clock.cpu


def ocr_overhead(scans: dict[tuple[str, str], Path], folder: Path, repeats: int) -> None:
    dpi, psm = ocr.OCR_DPI, ocr.OCR_PAGE_SEGMENTATION_MODE
    print(f"## OCR per page: bare tesseract on PNG vs protokoll's path ({dpi} dpi, psm {psm})")
    print(
        f"{'page':<28} {'floor s':>8} {'ours s':>7} {'ratio':>6} "
        f"{'floor cpu':>9} {'ours cpu':>8} {'ratio':>6}"
    )
    totals = [0.0, 0.0, 0.0, 0.0]
    pages = 0
    for (variant, seed), scan in scans.items():
        document = pypdfium2.PdfDocument(scan)
        pngs = []
        for index in range(len(document)):
            png = folder / f"{seed}.{variant}.{index + 1}.png"
            page_image(document, index, dpi).image.save(png, dpi=(dpi, dpi))
            pngs.append(png)
        document.close()
        for index, png in enumerate(pngs):
            runs = []
            for _ in range(repeats):
                runs.append((*floor_seconds(png, psm), *protokoll_seconds(scan, index, dpi, psm)))
            medians = [statistics.median(run[k] for run in runs) for k in range(4)]
            fw, fc, ow, oc = medians
            totals = [t + m for t, m in zip(totals, medians, strict=True)]
            pages += 1
            label = f"{seed} {variant} p{index + 1}"
            print(_row(label, fw, ow, fc, oc))
    fw, fc, ow, oc = totals
    print(_row("all pages", fw, ow, fc, oc))
    print(
        f"OCR: {pages / ow:.2f} pages/s wall, {pages / oc:.2f} pages per CPU-second (one process)"
    )


def _row(label: str, floor_wall: float, ours_wall: float, floor_cpu: float, ours_cpu: float) -> str:
    return (
        f"{label:<28} {floor_wall:>8.2f} {ours_wall:>7.2f} {ours_wall / floor_wall:>6.2f} "
        f"{floor_cpu:>9.2f} {ours_cpu:>8.2f} {ours_cpu / floor_cpu:>6.2f}"
    )


def text_pdf_speed(repeats: int) -> None:
    print("\n## text PDFs: pdfplumber text layer + OCR decision (ink check), no OCR")
    pdfs = [FIXTURES / f"{seed}.pdf" for seed in SEEDS]
    pages, seconds, deciding = 0, [], []
    for _ in range(repeats):
        started = time.perf_counter()
        for pdf in pdfs:
            pages += len(extract_pdf(pdf))
        seconds.append(time.perf_counter() - started)
    per_run = pages // repeats
    for pdf in pdfs:
        for plan in plan_pages(pdf):
            deciding.append(plan.page.seconds)
    best = statistics.median(seconds)
    print(
        f"{per_run} pages in {best * 1000:.0f} ms (median of {repeats}) → "
        f"{per_run / best:.1f} pages/s; per page text layer + decision "
        f"{statistics.median(deciding) * 1000:.1f} ms"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variants", nargs="+", default=["fixture"], help=", ".join(VARIANTS))
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        ocr_overhead(scan_variants(args.variants, folder), folder, args.repeats)
    text_pdf_speed(max(5, args.repeats))


if __name__ == "__main__":
    main()

"""Write a synthetic archive to disk: text, text PDFs, scanned PDFs, gold, and a README.

    OUT/README.md          what this is (synthetic, invented), how it was made, how to use it
    OUT/gold/STEM.json     the gold of each meeting, in the JSON contract's shape
    OUT/text/STEM.txt      the minutes as plain text (unless --only pdf)
    OUT/archive/STEM.pdf   one file per meeting: a text PDF, or STEM_scan.pdf, an image-only
                           scan that needs OCR, for --scanned-share of them (unless --only txt)

Each gold's `source` names the file that represents the meeting in the archive (`archive/…`,
or `text/…` when only text is written), with its hash, and `file` its name, so that
`evaluate(OUT/gold, OUT/archive)` and `evaluate(OUT/gold, OUT/text)` both find their documents.
"""

from __future__ import annotations

import hashlib
import json
import random
import tempfile
import time
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

from devtools.render import render_scanned_pdf, render_text_pdf
from devtools.synth.archive import documents
from devtools.synth.meetings import Meeting

SCAN_DPI = 300
SCAN_NOISE = 8.0  # as the committed sample scans (devtools.render.regenerate)
SCAN_JPEG_QUALITY = 70
SCAN_SKEW_DEG = 0.8  # at most, either way
LABEL = "syntetiskt exempel"  # in every PDF's running header


class Only(StrEnum):
    """Fast paths for large benchmark archives: one form of each meeting, and the gold."""

    TXT = "txt"
    PDF = "pdf"


@dataclass(frozen=True)
class ArchiveReport:
    meetings: int
    text_files: int
    text_pdfs: int
    scanned_pdfs: int
    seconds: float


def write_archive(
    out: Path,
    meetings: int,
    *,
    seed: int = 0,
    scanned_share: float = 0.1,
    only: Only | None = None,
) -> ArchiveReport:
    """Generate `meetings` synthetic minutes into `out`; the same arguments give the same bytes."""
    started = time.perf_counter()
    choose = random.Random(seed)
    counts = {"txt": 0, "pdf": 0, "scan": 0}
    folders = ["gold", *(["text"] if only is not Only.PDF else [])]
    folders += ["archive"] if only is not Only.TXT else []
    for folder in folders:
        (out / folder).mkdir(parents=True, exist_ok=True)
    for index, (meeting, text, gold) in enumerate(documents(meetings, seed)):
        scanned = only is None and choose.random() < scanned_share
        if only is not Only.PDF:
            (out / "text" / f"{meeting.stem}.txt").write_text(text, encoding="utf-8")
            counts["txt"] += 1
        if only is not Only.TXT:
            gold["source"] = _render(out / "archive", meeting, text, scanned, seed + index)
            _set_pages(gold, out / gold["source"]["path"], text)
            counts["scan" if scanned else "pdf"] += 1
        gold["file"] = Path(gold["source"]["path"]).name
        (out / "gold" / f"{meeting.stem}.json").write_text(
            json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    report = ArchiveReport(
        meetings, counts["txt"], counts["pdf"], counts["scan"], time.perf_counter() - started
    )
    (out / "README.md").write_text(readme(report, seed, scanned_share, only), encoding="utf-8")
    return report


def _render(folder: Path, meeting: Meeting, text: str, scanned: bool, seed: int) -> dict[str, Any]:
    header = f"{meeting.organization.name} – {LABEL}"
    if scanned:
        target = folder / f"{meeting.stem}_scan.pdf"
        with tempfile.TemporaryDirectory() as tmp:
            page_pdf = render_text_pdf(text, Path(tmp) / "text.pdf", running_header=header)
            skew = random.Random(seed).uniform(-SCAN_SKEW_DEG, SCAN_SKEW_DEG)
            render_scanned_pdf(
                page_pdf,
                target,
                dpi=SCAN_DPI,
                skew_deg=round(skew, 2),
                noise=SCAN_NOISE,
                jpeg_quality=SCAN_JPEG_QUALITY,
                seed=seed,
            )
    else:
        target = render_text_pdf(text, folder / f"{meeting.stem}.pdf", running_header=header)
    data = target.read_bytes()
    pages = len(pdfium.PdfDocument(target))
    return {
        "path": f"archive/{target.name}",
        "sha256": hashlib.sha256(data).hexdigest(),
        "format": "pdf",
        "pages": pages,
        "ocr_pages": list(range(1, pages + 1)) if scanned else [],
        "size_bytes": len(data),
    }


def _set_pages(gold: dict[str, Any], pdf: Path, text: str) -> None:
    """The page of each § heading, read back from the typeset PDF (a scan has the same pages)."""
    if gold["source"]["pages"] == 1:
        return
    source = pdf if not gold["source"]["ocr_pages"] else None
    with tempfile.TemporaryDirectory() as tmp:
        if source is None:
            source = render_text_pdf(text, Path(tmp) / "text.pdf")
        document = pdfium.PdfDocument(source)
        page_texts = [
            " ".join(document[i].get_textpage().get_text_bounded().split())
            for i in range(len(document))
        ]
        document.close()
    page = 1
    for section in gold["sections"]:
        heading = " ".join(f"§ {section['number']} {section['title']}".split())
        for number in range(page, len(page_texts) + 1):
            if heading in page_texts[number - 1]:
                page = number
                break
        section["page"] = page
        for decision in section["decisions"]:
            decision["page"] = page


def readme(report: ArchiveReport, seed: int, scanned_share: float, only: Only | None) -> str:
    forms = {
        None: f"text/ (.txt) and archive/ (text PDFs; {scanned_share:.0%} scanned, `_scan.pdf`)",
        Only.TXT: "text/ (.txt) only",
        Only.PDF: "archive/ (text PDFs) only",
    }[only]
    return f"""# SYNTHETIC minutes — invented, not real

Everything in this folder is **synthetic**: the organizations ("Samordningsförbundet Fiktiva …"),
their towns, the people, the applications and the money were invented by protokoll's generator
(`python -m devtools.synth`). Names are common Swedish first names and surnames combined at
random; no document here records a real meeting or a real person.

- meetings: {report.meetings} ({report.text_files} .txt, {report.text_pdfs} text PDFs,
  {report.scanned_pdfs} scanned PDFs)
- seed: {seed}; the same command gives the same files
- forms written: {forms}
- gold/: one annotation per meeting in the JSON contract of `protokoll extract --json`, plus
  `"synthetic": true`, `file` (the archive file) and, per person, the generator's `person_id`
  (the same for every spelling of a person's name); `votes` (counts and voting list),
  `dissents` (reservations) and `notice` (justering and anslag dates, appeal deadline)

Use it:

    protokoll ingest archive --db synthetic.duckdb     # or: protokoll ingest text ...
    protokoll eval --gold gold --docs archive          # the parser against the gold
"""

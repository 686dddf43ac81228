"""Render meeting-minutes text into text-layer and simulated-scan PDFs for fixtures."""

from __future__ import annotations

import argparse
import io
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Paragraph, SimpleDocTemplate

REPO_ROOT = Path(__file__).resolve().parents[1]
SEEDS_DIR = REPO_ROOT / "tests" / "fixtures" / "seeds"
SAMPLE_DIR = REPO_ROOT / "data" / "sample"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
HEADER_ORG = "RAR i Sörmland"
FONT_SIZE = 11.0
LEADING = 14.0
# The creator the committed fixtures carry (written when this module lived in the package):
# kept, so that regenerating them stays byte-identical.
PDF_CREATOR = "pipeline.render"

_BLOCK_SPLIT = re.compile(r"\n[ \t]*\n")


def _fonts() -> tuple[str, str]:
    """Register DejaVu (full Latin-1 + §) once; fall back to the core Helvetica pair."""
    regular, bold = FONT_DIR / "DejaVuSans.ttf", FONT_DIR / "DejaVuSans-Bold.ttf"
    if not (regular.is_file() and bold.is_file()):
        return "Helvetica", "Helvetica-Bold"
    if "DejaVuSans" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVuSans", str(regular)))
        pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(bold)))
        # Lets <b> inside Paragraph markup resolve to the bold TTF.
        pdfmetrics.registerFontFamily(
            "DejaVuSans",
            normal="DejaVuSans",
            bold="DejaVuSans-Bold",
            italic="DejaVuSans",
            boldItalic="DejaVuSans-Bold",
        )
    return "DejaVuSans", "DejaVuSans-Bold"


def _block_markup(block: str) -> str:
    """Turn one blank-line-separated block into Paragraph markup (escaped, § lines bold)."""
    lines = []
    for line in block.split("\n"):
        safe = escape(line.strip())
        lines.append(f"<b>{safe}</b>" if line.lstrip().startswith("§") else safe)
    return "<br/>".join(lines)


def _numbered_canvas(font: str, header: str | None) -> type[Any]:
    """Build a Canvas class that defers page decoration so 'Sida N av M' knows M."""

    class NumberedCanvas(Canvas):  # type: ignore[misc]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab API name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for state in self._pages:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFont(font, 8)
            self.setFillGray(0.35)
            if header:
                self.drawRightString(width - 20 * mm, height - 12 * mm, header)
            self.drawCentredString(width / 2, 12 * mm, f"Sida {self._pageNumber} av {total}")
            self.restoreState()

    return NumberedCanvas


def render_text_pdf(text: str, out: Path, *, running_header: str | None = None) -> Path:
    """Typeset minutes text as a born-digital PDF; byte-identical for identical input."""
    regular, _ = _fonts()
    body = ParagraphStyle(
        "body",
        fontName=regular,
        fontSize=FONT_SIZE,
        leading=LEADING,
        spaceAfter=0.8 * LEADING,
    )
    blocks = [b.strip("\n") for b in _BLOCK_SPLIT.split(text.replace("\r\n", "\n"))]
    story = [Paragraph(_block_markup(b), body) for b in blocks if b.strip()]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        invariant=1,
        leftMargin=25 * mm,
        rightMargin=25 * mm,
        topMargin=25 * mm,
        bottomMargin=22 * mm,
        title=running_header or "",
        author="",
        creator=PDF_CREATOR,
    )
    doc.build(story, canvasmaker=_numbered_canvas(regular, running_header))
    return out


@dataclass(frozen=True)
class Wear:
    """Damage of an old scan, beyond render's sensor noise."""

    fade: float = 0.0  # 0–1: toner this much closer to the paper
    shade: float = 0.0  # gray levels of darkening across the page, like uneven lighting
    speckle: float = 0.0  # share of pixels turned into black specks (after the optics)


def _degrade(
    page: Image.Image,
    rng: np.random.Generator,
    *,
    skew_deg: float,
    noise: float,
    rotate: int,
    wear: Wear | None = None,
) -> Image.Image:
    """Make a clean grayscale render look scanned: skew, sensor noise, dust, soft optics.

    A single blur after the noise stands in for scanner optics and keeps the noise
    spatially correlated, which roughly halves the JPEG size versus white noise.
    `wear` adds what old archives suffer: faded toner, shaded paper, speckle.
    """
    img = page
    if skew_deg:
        img = img.rotate(skew_deg, resample=Image.Resampling.BICUBIC, fillcolor=255)
    arr = np.asarray(img, dtype=np.float32)
    # Paper is never pure white and toner never pure black.
    arr = arr * (238.0 / 255.0) + 6.0
    if wear is not None and wear.fade:
        arr = 244.0 - (244.0 - arr) * (1.0 - wear.fade)
    if wear is not None and wear.shade:
        rows, cols = np.mgrid[0 : arr.shape[0], 0 : arr.shape[1]].astype(np.float32)
        arr -= wear.shade * (0.6 * cols / arr.shape[1] + 0.4 * rows / arr.shape[0])
    if noise > 0:
        arr += rng.normal(0.0, noise, arr.shape).astype(np.float32)
    h, w = arr.shape
    for _ in range(int(rng.integers(8, 20))):  # dust specks
        y, x = int(rng.integers(0, h - 3)), int(rng.integers(0, w - 3))
        size = int(rng.integers(1, 4))
        arr[y : y + size, x : x + size] = float(rng.uniform(20, 110))
    img = Image.fromarray(np.clip(arr, 0, 255).round().astype(np.uint8))
    img = img.filter(ImageFilter.GaussianBlur(radius=1.1))
    if wear is not None and wear.speckle:
        speckled = np.asarray(img).copy()
        hit = rng.random(speckled.shape) < wear.speckle
        speckled[hit] = rng.integers(20, 90, int(hit.sum())).astype(np.uint8)
        img = Image.fromarray(speckled)
    quarter = {
        0: None,
        90: Image.Transpose.ROTATE_90,
        180: Image.Transpose.ROTATE_180,
        270: Image.Transpose.ROTATE_270,
    }
    if rotate not in quarter:
        raise ValueError(f"rotate must be one of 0/90/180/270, got {rotate}")
    op = quarter[rotate]
    return img if op is None else img.transpose(op)


def scan_images(
    pdf: Path,
    *,
    dpi: int = 300,
    skew_deg: float = 0.0,
    noise: float = 0.0,
    rotate: int = 0,
    seed: int = 0,
    wear: Wear | None = None,
) -> list[Image.Image]:
    """The pages of a PDF as a scanner would see them (grayscale), deterministically."""
    rng = np.random.default_rng(seed)
    doc = pdfium.PdfDocument(str(pdf))
    try:
        return [
            _degrade(
                doc[i].render(scale=dpi / 72.0, grayscale=True).to_pil().convert("L"),
                rng,
                skew_deg=skew_deg,
                noise=noise,
                rotate=rotate,
                wear=wear,
            )
            for i in range(len(doc))
        ]
    finally:
        doc.close()


def save_image_pdf(
    pages: Sequence[Image.Image], out: Path, *, dpi: int = 300, jpeg_quality: int = 85
) -> Path:
    """Write page images as an image-only PDF, one JPEG a page, with reproducible bytes."""
    out.parent.mkdir(parents=True, exist_ok=True)
    pages[0].save(
        out,
        "PDF",
        save_all=True,
        append_images=list(pages[1:]),
        resolution=float(dpi),
        quality=jpeg_quality,
        optimize=True,
        title=out.stem,
        creationDate=None,
        modDate=None,  # omit timestamps so bytes are reproducible
    )
    return out


def render_scanned_pdf(
    pdf: Path,
    out: Path,
    *,
    dpi: int = 300,
    skew_deg: float = 0.0,
    noise: float = 0.0,
    jpeg_quality: int = 85,
    rotate: int = 0,
    seed: int = 0,
    wear: Wear | None = None,
) -> Path:
    """Rasterise a PDF into an image-only (grayscale JPEG) PDF that needs OCR, deterministically."""
    pages = scan_images(
        pdf, dpi=dpi, skew_deg=skew_deg, noise=noise, rotate=rotate, seed=seed, wear=wear
    )
    return save_image_pdf(pages, out, dpi=dpi, jpeg_quality=jpeg_quality)


def render_mixed_pdf(text_pdf: Path, scan_pdf: Path, out: Path, *, scanned: set[int]) -> Path:
    """A PDF whose pages `scanned` (from 1) come from the scan and the others from the text PDF."""
    text_doc, scan_doc = pdfium.PdfDocument(str(text_pdf)), pdfium.PdfDocument(str(scan_pdf))
    mixed = pdfium.PdfDocument.new()
    try:
        for index in range(len(text_doc)):
            source = scan_doc if index + 1 in scanned else text_doc
            mixed.import_pages(source, [index])
        out.parent.mkdir(parents=True, exist_ok=True)
        mixed.save(str(out))
    finally:
        for doc in (mixed, scan_doc, text_doc):
            doc.close()
    return out


def render_sandwich_pdf(
    text_pdf: Path, pages: Sequence[Image.Image], out: Path, *, jpeg_quality: int = 85
) -> Path:
    """Scanned pages laid over a text PDF, as OCR software leaves a PDF: only the scan is seen,
    the text layer is the text PDF's (the scanned words themselves, or a stamp, or mojibake).
    Text pages beyond the last scan are dropped.
    """
    doc = pdfium.PdfDocument(str(text_pdf))
    try:
        for index, scan in enumerate(pages):
            page = doc[index]
            width, height = page.get_size()
            buffer = io.BytesIO()
            scan.save(buffer, format="JPEG", quality=jpeg_quality)
            buffer.seek(0)
            image = pdfium.PdfImage.new(doc)
            image.load_jpeg(buffer, pages=[page], inline=False, autoclose=False)
            image.set_matrix(pdfium.PdfMatrix().scale(width, height))
            page.insert_obj(image)
            page.gen_content()
        for index in reversed(range(len(pages), len(doc))):  # text pages without a scan
            doc.del_page(index)
        out.parent.mkdir(parents=True, exist_ok=True)
        doc.save(str(out))
    finally:
        doc.close()
    return out


def render_two_column_pdf(text: str, out: Path, *, title: str) -> Path:
    """Typeset minutes in two columns under a title that spans the page, like a newsletter."""
    regular, bold = _fonts()
    body = ParagraphStyle("body", fontName=regular, fontSize=10, leading=13, spaceAfter=0.6 * 13)
    width, height = A4
    margin, gutter, title_space = 20 * mm, 8 * mm, 18 * mm
    column = (width - 2 * margin - gutter) / 2
    frames = [
        Frame(x, margin, column, height - 2 * margin - title_space, id=f"column{i}")
        for i, x in enumerate((margin, margin + column + gutter))
    ]

    def draw_title(canvas: Canvas, _doc: Any) -> None:
        canvas.saveState()
        canvas.setFont(bold, 14)
        canvas.drawString(margin, height - margin - 8 * mm, title)
        canvas.restoreState()

    doc = BaseDocTemplate(str(out), pagesize=A4, invariant=1, creator=PDF_CREATOR)
    doc.addPageTemplates([PageTemplate(id="columns", frames=frames, onPage=draw_title)])
    blocks = [b.strip("\n") for b in _BLOCK_SPLIT.split(text.replace("\r\n", "\n"))]
    out.parent.mkdir(parents=True, exist_ok=True)
    doc.build([Paragraph(_block_markup(b), body) for b in blocks if b.strip()])
    return out


def _read_seed(name: str) -> str:
    return (SEEDS_DIR / f"{name}.txt").read_text(encoding="utf-8")


def regenerate(noise: float = 8.0, jpeg_quality: int = 70) -> list[Path]:
    """Rebuild every committed fixture and sample PDF from the seed texts alone."""
    written: list[Path] = []
    skews = {"seed_000": 0.6, "seed_001": -0.8}
    for i, (name, skew) in enumerate(skews.items()):
        text_pdf = render_text_pdf(
            _read_seed(name),
            SEEDS_DIR / f"{name}.pdf",
            running_header=HEADER_ORG,
        )
        scan = render_scanned_pdf(
            text_pdf,
            SEEDS_DIR / f"{name}.scan.pdf",
            dpi=300,
            skew_deg=skew,
            noise=noise,
            jpeg_quality=jpeg_quality,
            seed=i,
        )
        written += [text_pdf, scan]
    SAMPLE_DIR.mkdir(parents=True, exist_ok=True)
    for stale in SAMPLE_DIR.glob("*.pdf"):  # "exactly two files": drop leftovers
        stale.unlink()
    written.append(
        render_text_pdf(
            _read_seed("seed_000"),
            SAMPLE_DIR / "rar_au_2020-03-25.pdf",
            running_header=HEADER_ORG,
        )
    )
    written.append(
        render_scanned_pdf(
            SEEDS_DIR / "seed_001.pdf",
            SAMPLE_DIR / "rar_beredningsgrupp_2017-02-09_scan.pdf",
            dpi=300,
            skew_deg=-0.8,
            noise=noise,
            jpeg_quality=jpeg_quality,
            seed=1,
        )
    )
    return written


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point: regenerate fixtures and print what was written."""
    parser = argparse.ArgumentParser(
        prog="python -m devtools.render",
        description="Regenerate tests/fixtures/seeds/*.pdf and data/sample/ from the seed texts.",
        epilog="example:\n  python -m devtools.render            # rewrite all fixtures\n"
        "  python -m devtools.render --noise 4 --jpeg-quality 80",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--noise", type=float, default=8.0, help="gaussian noise std, 0-255")
    parser.add_argument("--jpeg-quality", type=int, default=70, help="JPEG quality of scans")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    for path in regenerate(noise=args.noise, jpeg_quality=args.jpeg_quality):
        print(f"{path.relative_to(REPO_ROOT)}\t{path.stat().st_size:>9,d} B")
    print(f"done in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

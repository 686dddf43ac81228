"""The per-page OCR path: orientation, deskew, levelling of worn scans, Tesseract and its TSV.

Page images come from devtools.render; the numpy measurements run always, Tesseract only in
the tests marked `ocr`, each on one short page.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image
from rapidfuzz.distance import Levenshtein

from devtools import render
from pipeline.errors import ExtractionError
from pipeline.extract import denoise, ocr, orientation
from pipeline.extract.pdf import extract_pdf
from pipeline.extract.scan import read_scan
from tests.conftest import FIXTURES, requires_tesseract

SEEDS = FIXTURES / "seeds"
BLOCKS = 6  # header, date, place, who attended, who did not, secretary: a third of a page


def _cer(got: str, want: str) -> float:
    flat_got, flat_want = " ".join(got.split()), " ".join(want.split())
    return Levenshtein.distance(flat_got, flat_want) / len(flat_want)


@pytest.fixture(scope="module")
def short_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The opening of seed_001 on one page: a short page keeps each OCR under a second or two."""
    seed = (SEEDS / "seed_001.txt").read_text(encoding="utf-8")
    text = "\n\n".join(block for block in seed.split("\n\n") if block.strip())
    short = "\n\n".join(text.split("\n\n")[:BLOCKS])
    return render.render_text_pdf(short, tmp_path_factory.mktemp("ocr") / "short.pdf")


@pytest.fixture(scope="module")
def short_text(short_pdf: Path) -> str:
    return extract_pdf(short_pdf)[0].text


@pytest.fixture(scope="module")
def upright(short_pdf: Path) -> Image.Image:
    return render.scan_images(short_pdf, noise=8.0)[0]


@pytest.mark.parametrize("turn", [0, 90, 180, 270])
def test_orientation_reads_each_quarter_turn_from_the_pixels(
    upright: Image.Image, turn: int
) -> None:
    turned = upright.rotate(turn, expand=True)  # counter-clockwise, like a scanner fed sideways
    geometry = orientation.measure(turned, 300)
    assert geometry.turn == turn
    assert orientation.upright(turned, turn, 0.0).size == upright.size


@pytest.mark.parametrize("skew", [-3.5, -1.0, 2.0, 4.5])
def test_skew_is_measured_within_a_tenth_of_a_degree(upright: Image.Image, skew: float) -> None:
    skewed = upright.rotate(skew, resample=Image.Resampling.BILINEAR, fillcolor=255)
    assert orientation.measure(skewed, 300).skew_deg == pytest.approx(skew, abs=0.1)


def test_a_blank_page_has_no_orientation() -> None:
    blank = Image.new("L", (2480, 3508), 245)
    assert orientation.measure(blank, 300).turn is None


def test_worn_scans_are_levelled_and_clean_ones_are_not(short_pdf: Path) -> None:
    wear = render.Wear(fade=0.5, shade=60.0, speckle=0.001)
    worn = render.scan_images(short_pdf, noise=12.0, wear=wear)[0]
    clean = render.scan_images(short_pdf)[0]
    assert denoise.measure_wear(worn, 300).worn
    assert not denoise.measure_wear(clean, 300).worn
    levelled = denoise.level(worn, 300)
    assert set(levelled.getdata()) <= {0, 255}


def _tsv_row(block: int, line: int, word: int, left: int, top: int, text: str) -> str:
    return f"5\t1\t{block}\t1\t{line}\t{word}\t{left}\t{top}\t{len(text) * 18}\t30\t95.0\t{text}"


def test_tsv_of_a_two_column_page_is_read_column_by_column() -> None:
    """psm 6 reads a line of the left column and the line beside it as one line of words."""
    columns = "level page_num block_num par_num line_num word_num left top width height conf text"
    rows = [columns.replace(" ", "\t")]
    for n in range(8):
        top = 300 + 45 * n
        left_words = ["vänster", "spalt", "rad", str(n), "med", "text"]
        right_words = ["höger", "spalt", "rad", str(n), "med", "text"]
        x = 200
        for i, w in enumerate(left_words):
            rows.append(_tsv_row(1, n + 1, i + 1, x, top, w))
            x += len(w) * 18 + 15
        x = 1300
        for i, w in enumerate(right_words):
            rows.append(_tsv_row(1, n + 1, i + 7, x, top, w))
            x += len(w) * 18 + 15
    lines = ocr.parse_tsv("\n".join(rows)).text.splitlines()
    assert lines[0] == "vänster spalt rad 0 med text"
    assert lines[8] == "höger spalt rad 0 med text"


@pytest.mark.ocr
@requires_tesseract
def test_a_skewed_scan_is_deskewed_and_read(short_pdf: Path, short_text: str) -> None:
    skewed = render.scan_images(short_pdf, noise=8.0, skew_deg=3.5)[0]
    result = read_scan(skewed, dpi=300)
    assert result.skew_deg == pytest.approx(3.5, abs=0.15)
    assert _cer(result.text, short_text) < 0.015


@pytest.mark.ocr
@requires_tesseract
def test_an_upside_down_page_is_turned_before_ocr(upright: Image.Image, short_text: str) -> None:
    result = read_scan(upright.rotate(180), dpi=300)
    assert result.turn == 180
    assert _cer(result.text, short_text) < 0.015


@pytest.mark.ocr
@requires_tesseract
def test_osd_agrees_on_a_page_turned_a_quarter(upright: Image.Image) -> None:
    if not ocr.has_osd():
        pytest.skip("Tesseract has no osd data (apt-get install tesseract-ocr-osd)")
    osd = ocr.detect_orientation(upright.rotate(90, expand=True), dpi=300)
    assert osd is not None and osd.turn == 90


@pytest.mark.ocr
@requires_tesseract
def test_a_worn_scan_reads_within_the_target(short_pdf: Path, short_text: str) -> None:
    """Faded toner, shaded paper and specks: Tesseract alone reads garbage, levelled ≤ 4 %."""
    wear = render.Wear(fade=0.6, shade=60.0, speckle=0.002)
    worn = render.scan_images(short_pdf, noise=12.0, skew_deg=1.5, wear=wear)[0]
    result = read_scan(worn, dpi=300)
    assert result.levelled
    assert _cer(result.text, short_text) < 0.04


@pytest.mark.ocr
@requires_tesseract
def test_a_page_that_takes_too_long_is_an_extraction_error(upright: Image.Image) -> None:
    with pytest.raises(ExtractionError, match="longer than"):
        ocr.recognise(upright, timeout_s=0.01, source="slow.png")

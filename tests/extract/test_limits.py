"""The page-count limit: a PDF or multi-page TIFF with more pages than allowed is refused unread."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PIL import Image
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from pipeline.errors import InputError, TooLarge
from pipeline.extract import image as image_module
from pipeline.extract import pdf as pdf_module
from pipeline.extract.image import extract_image
from pipeline.extract.pdf import extract_pdf
from pipeline.limits import DEFAULT_MAX_PAGES, max_pages, pages_limited
from pipeline.process import process
from pipeline.records import Page, PageMethod


def _pdf_of(pages: int, path: Path) -> Path:
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    for number in range(1, pages + 1):
        canvas.drawString(72, 760, f"Protokoll sida {number}: föreningens styrelsemöte i Sjöviken")
        canvas.showPage()
    canvas.save()
    return path


def _tiff_of(frames: int, path: Path) -> Path:
    pages = [Image.new("L", (200, 280), 255) for _ in range(frames)]
    pages[0].save(path, save_all=True, append_images=pages[1:], dpi=(300, 300))
    return path


@pytest.fixture
def limit_pages() -> Iterator[Callable[[int], None]]:
    """Set the page limit for the rest of the test, as a worker does around a document."""
    with contextlib.ExitStack() as stack:
        yield lambda limit: stack.enter_context(pages_limited(limit))


def _must_not_run(*args: object, **kwargs: object) -> None:
    raise AssertionError("a page was read before the page count was checked")


@pytest.mark.parametrize(
    ("given", "limit"), [(None, DEFAULT_MAX_PAGES), (25, 25), (0, 300), (-4, 300)]
)
def test_max_pages_is_the_positive_limit_given_and_never_the_environment(
    monkeypatch: pytest.MonkeyPatch, given: int | None, limit: int
) -> None:
    monkeypatch.setenv("PROTOKOLL_MAX_PAGES", "3")  # once read here; settings are arguments now
    with pages_limited(given):
        assert max_pages() == limit
    assert max_pages() == DEFAULT_MAX_PAGES


def test_a_pdf_over_the_limit_is_refused_before_a_page_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit_pages: Callable[[int], None]
) -> None:
    path = _pdf_of(12, tmp_path / "årsbok.pdf")
    limit_pages(10)
    monkeypatch.setattr(pdf_module, "read_layer", _must_not_run)
    with pytest.raises(TooLarge) as raised:
        extract_pdf(path)
    error = raised.value
    assert error.message == "the PDF has 12 pages, more than the limit of 10"
    assert error.path == str(path) and str(path) in str(error)
    assert error.hint is not None and "--max-pages" in error.hint
    assert isinstance(error, InputError) and error.exit_code == 2  # recorded; the batch goes on


def test_a_pdf_at_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit_pages: Callable[[int], None]
) -> None:
    path = _pdf_of(12, tmp_path / "årsbok.pdf")
    limit_pages(12)
    pages = extract_pdf(path)
    assert [page.number for page in pages] == list(range(1, 13))
    assert pages[11].method is PageMethod.TEXT and "Protokoll sida 12" in pages[11].text


def test_the_whole_pipeline_names_the_file_over_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit_pages: Callable[[int], None]
) -> None:
    path = _pdf_of(3, tmp_path / "bilagor.pdf")
    limit_pages(2)
    with pytest.raises(TooLarge, match=r"bilagor\.pdf: the PDF has 3 pages"):
        process(path)


def test_a_multi_page_tiff_over_the_limit_is_refused_before_a_frame_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit_pages: Callable[[int], None]
) -> None:
    path = _tiff_of(3, tmp_path / "skannat.tif")
    limit_pages(2)
    monkeypatch.setattr(image_module, "read_scan_page", _must_not_run)
    with pytest.raises(TooLarge, match="the image has 3 pages, more than the limit of 2"):
        extract_image(path)


def test_a_multi_page_tiff_at_the_limit_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, limit_pages: Callable[[int], None]
) -> None:
    path = _tiff_of(3, tmp_path / "skannat.tif")
    limit_pages(3)

    def fake_ocr(number: int, image: Image.Image, **kwargs: object) -> Page:
        return Page(number, f"sida {number}", PageMethod.OCR)

    monkeypatch.setattr(image_module, "read_scan_page", fake_ocr)
    assert [page.text for page in extract_image(path)] == ["sida 1", "sida 2", "sida 3"]

"""Image inputs: PNG, JPEG and multi-page TIFF read like scanned pages; size and dpi guards."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from PIL import Image

from devtools import render
from pipeline.errors import CorruptFile, InputError
from pipeline.extract import image as image_module
from pipeline.extract.image import extract_image, image_dpi
from pipeline.extract.quality import OcrReason
from pipeline.records import Page, PageMethod
from tests.conftest import FIXTURES, requires_tesseract

SEEDS = FIXTURES / "seeds"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("images")


@pytest.fixture(scope="module")
def pages(folder: Path) -> list[Image.Image]:
    """Two short scanned pages: the openings of both seeds."""
    scans = []
    for seed in ("seed_000", "seed_001"):
        text = (SEEDS / f"{seed}.txt").read_text(encoding="utf-8")
        blocks = [block for block in text.split("\n\n") if block.strip()][:4]
        pdf = render.render_text_pdf("\n\n".join(blocks), folder / f"{seed}.short.pdf")
        scans.append(render.scan_images(pdf, noise=8.0, skew_deg=0.8)[0])
    return scans


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG that claims a size and holds one empty row: what a decompression bomb looks like
    to Image.open, without the memory."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    data = zlib.compress(b"\x00" * (1 + width // 8))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", data) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return path


@pytest.mark.parametrize("side", [11_000, 30_000])
def test_an_image_too_large_for_a_page_is_refused_before_decoding(folder: Path, side: int) -> None:
    """11 000² is above protokoll's limit, 30 000² above Pillow's own bomb guard."""
    path = _png_header_only(folder / f"bomb{side}.png", side, side)
    with pytest.raises(InputError, match=r"too large|more than the limit"):
        extract_image(path)


def _tiff_claiming(path: Path, sizes: list[tuple[int, int]]) -> Path:
    """A bilevel TIFF with a frame of each claimed size, all sharing one 8-byte strip: what a
    bomb hidden in a later frame looks like to Image.open and seek, without the memory."""
    strip = b"\xff" * 8
    data = bytearray(b"II*\x00" + struct.pack("<I", 8 + len(strip)) + strip)
    for number, (width, height) in enumerate(sizes, 1):
        entries = [  # tag, type (3 short, 4 long), count, value; ascending tags
            (256, 4, 1, width),
            (257, 4, 1, height),
            (258, 3, 1, 1),  # 1 bit a pixel
            (259, 3, 1, 1),  # uncompressed
            (262, 3, 1, 1),  # black is zero
            (273, 4, 1, 8),  # the strip
            (278, 4, 1, height),
            (279, 4, 1, (width + 7) // 8 * height),
        ]
        following = len(data) + 2 + 12 * len(entries) + 4 if number < len(sizes) else 0
        data += struct.pack("<H", len(entries))
        data += b"".join(struct.pack("<HHII", *entry) for entry in entries)
        data += struct.pack("<I", following)
    path.write_bytes(bytes(data))
    return path


def test_a_later_tiff_frame_too_large_for_a_page_is_refused_before_decoding(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pillow's own bomb guard looks at the first frame only, when the file is opened."""
    path = _tiff_claiming(folder / "bomb_in_frame_2.tif", [(8, 8), (30_000, 30_000)])
    read: list[int] = []

    def fake_ocr(number: int, image: Image.Image, **kwargs: object) -> Page:
        read.append(number)
        return Page(number, "", PageMethod.OCR)

    monkeypatch.setattr(image_module, "read_scan_page", fake_ocr)
    with pytest.raises(InputError, match="30000 × 30000 pixels is more than the limit"):
        extract_image(path)
    assert read == [1]


def test_a_broken_image_is_a_corrupt_file(folder: Path) -> None:
    path = folder / "broken.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\nthis is not a png")
    with pytest.raises(CorruptFile):
        extract_image(path)


def test_dpi_comes_from_the_tag_the_paper_or_the_text(pages: list[Image.Image]) -> None:
    page = pages[0]  # A4 at 300 dpi
    assert image_dpi(page, (300, 300)) == 300
    assert image_dpi(page, None) == 300  # A4's short side
    assert image_dpi(page, (72, 72)) == 300  # a screen default on a 2480-pixel page: ignored
    half = page.resize((page.width // 2, page.height // 2))
    assert image_dpi(half, None) == 150
    crop = page.crop((200, 200, 2200, 1000))  # no paper to measure: the text's lines tell
    assert 260 <= image_dpi(crop, None) <= 340
    small_crop = half.crop((100, 100, 1100, 500))
    assert 130 <= image_dpi(small_crop, None) <= 170


@pytest.mark.ocr
@requires_tesseract
def test_multi_page_tiff_reads_every_page_upright(folder: Path, pages: list[Image.Image]) -> None:
    """Second page fed upside down: the same orientation path as scanned PDFs."""
    path = folder / "two_pages.tif"
    pages[0].save(
        path,
        save_all=True,
        append_images=[pages[1].rotate(180)],
        dpi=(300, 300),
        compression="tiff_lzw",
    )
    read = extract_image(path)
    assert [p.number for p in read] == [1, 2]
    assert all(p.method is PageMethod.OCR and p.ocr_reason == OcrReason.IMAGE_FILE for p in read)
    assert [p.rotation_deg for p in read] == [0, 180]
    assert "sammanträde med arbetsutskottet" in read[0].text
    assert "beredningsgruppen för RAR i Sörmland" in read[1].text.replace("\n", " ")


@pytest.mark.ocr
@requires_tesseract
def test_an_untagged_png_crop_and_a_jpeg_are_read(folder: Path, pages: list[Image.Image]) -> None:
    crop = pages[1].crop((150, 150, 2350, 1300))
    png = folder / "crop.png"
    crop.save(png)  # no pHYs chunk: no dpi
    assert "dpi" not in Image.open(png).info
    [page] = extract_image(png)
    assert "Hotell Malmköping" in page.text
    jpeg = folder / "page.jpg"
    pages[0].convert("RGB").save(jpeg, quality=80, dpi=(300, 300))
    [page] = extract_image(jpeg)
    assert "Regionkansliet + Teams" in page.text and page.ocr_confidence

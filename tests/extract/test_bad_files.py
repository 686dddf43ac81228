"""Bad input files: each gets a typed error that names the file and the reason; the batch goes on.

Every bad file is made by the test: PDFs with reportlab (encrypted, truncated), Word files with
python-docx (then damaged), bytes for the rest.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import duckdb
import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from pipeline.discover import identify
from pipeline.errors import (
    CorruptFile,
    EmptyFile,
    EncryptedFile,
    ExtractionError,
    FormatMismatch,
    MissingDependency,
    ProtokollError,
    UnsupportedFormat,
)
from pipeline.extract import extract
from pipeline.extract.office import convert_to_docx, office_binary
from pipeline.ingest import ingest
from pipeline.process import process

GOOD_MINUTES = "\n\n".join(
    [
        "Protokoll fört vid styrelsemöte i Föreningen Sjöviken",
        "Datum: 2024-05-02 kl. 18.00 - 20.00",
        "Närvarande: Anna Åberg, Örjan Ek",
        "§ 1 Mötets öppnande",
        "Ordförande Anna Åberg öppnade mötet.",
    ]
)


def pdf_bytes(*, password: str | None = None) -> bytes:
    buffer = io.BytesIO()
    encrypt = StandardEncryption(password, canModify=0) if password else None
    pdf = canvas.Canvas(buffer, encrypt=encrypt)
    for n, line in enumerate(GOOD_MINUTES.split("\n\n")):
        pdf.drawString(72, 760 - 20 * n, line)
    pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def docx_bytes() -> bytes:
    document = docx.Document()
    for paragraph in GOOD_MINUTES.split("\n\n"):
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def zip_bytes(members: dict[str, str]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def docx_with_broken_xml() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data[: len(data) // 2]  # cut in the middle of an element
            archive.writestr(item, data)
    return buffer.getvalue()


def macro_document_as_docx() -> bytes:
    """A macro-enabled Word document (.docm) renamed to .docx."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes()))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(
                    b"officedocument.wordprocessingml.document.main+xml",
                    b"ms-word.document.macroEnabled.main+xml",
                )
            archive.writestr(item, data)
    return buffer.getvalue()


def raises_naming_file(path: Path, error: type[ProtokollError], reason: str) -> None:
    with pytest.raises(error) as raised:
        process(path)
    message = str(raised.value)
    assert str(path) in message
    assert reason in message.lower()


@pytest.mark.parametrize(
    ("name", "content", "error", "reason"),
    [
        ("tom.pdf", b"", EmptyFile, "empty"),
        ("tom.txt", b"", EmptyFile, "empty"),
        ("tom.md", b"", EmptyFile, "empty"),
        ("tom.docx", b"", EmptyFile, "empty"),
        ("tom.odt", b"", EmptyFile, "empty"),
        ("sida.pdf", b"<!DOCTYPE html><html><body>404</body></html>", FormatMismatch, "not pdf"),
        ("brev.docx", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", FormatMismatch, "not docx"),
        ("brev.odt", b"{\\rtf1 hej}", FormatMismatch, "not odt"),
        ("brev.doc", b"<html><body>Word-webbsida</body></html>", FormatMismatch, "not doc"),
        ("brev.rtf", b"PK\x03\x04rest", FormatMismatch, "not rtf"),
        ("bild.txt", b"\x89PNG\r\n\x1a\n\x00\x00", FormatMismatch, "png image"),
        ("skannad.txt", b"%PDF-1.7\n1 0 obj", FormatMismatch, "a pdf"),
        ("binar.md", b"# Protokoll\x00\x01\x02\x00", FormatMismatch, "binary"),
        ("tabell.xlsx", b"PK\x03\x04", UnsupportedFormat, "unsupported file type '.xlsx'"),
        ("protokoll", b"text", UnsupportedFormat, "no extension"),
        ("skrap.txt", bytes(range(0x80, 0x100)) * 8, CorruptFile, "encoding"),
    ],
)
def test_bad_content_gets_a_typed_error(
    tmp_path: Path, name: str, content: bytes, error: type[ProtokollError], reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    raises_naming_file(path, error, reason)


def test_an_encrypted_pdf_needs_a_password(tmp_path: Path) -> None:
    path = tmp_path / "krypterad.pdf"
    path.write_bytes(pdf_bytes(password="hemligt"))
    raises_naming_file(path, EncryptedFile, "encrypted")


@pytest.mark.parametrize("keep", [0.5, 0.9])
def test_a_truncated_pdf_is_corrupt(tmp_path: Path, keep: float) -> None:
    data = pdf_bytes()
    path = tmp_path / "avklippt.pdf"
    path.write_bytes(data[: int(len(data) * keep)])
    raises_naming_file(path, CorruptFile, "cannot be parsed")


def test_a_pdf_of_garbage_after_its_header_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "skrap.pdf"
    path.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 10)
    raises_naming_file(path, CorruptFile, "cannot be parsed")


def pdf_of_objects(objects: list[bytes]) -> bytes:
    """A PDF written by hand: object 1 is the catalog; a cross-reference table that is right."""
    data = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(data))
        data += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(data)
    data += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    data += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    data += b"trailer\n<< /Size %d /Root 1 0 R >>\n" % (len(objects) + 1)
    return data + b"startxref\n%d\n%%%%EOF\n" % xref


CATALOG = b"<< /Type /Catalog /Pages 2 0 R >>"


def test_a_pdf_whose_page_cannot_be_loaded_is_corrupt(tmp_path: Path) -> None:
    """The page tree promises two pages; the second points at an object that is not there."""
    path = tmp_path / "trasig_sida.pdf"
    path.write_bytes(
        pdf_of_objects(
            [
                CATALOG,
                b"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
            ]
        )
    )
    raises_naming_file(path, CorruptFile, "page 2 of the pdf cannot be read")


def test_a_pdf_whose_page_is_no_page_is_read_as_the_nothing_it_holds(tmp_path: Path) -> None:
    # a fuzzed page tree: its one kid is an action, not a page, so PDFium can tell no rotation
    path = tmp_path / "trasig.pdf"
    path.write_bytes(
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
        b"2 0 obj << /S /URI /URI (http://example.org) >> endobj\n"
        b"trailer << /Root 1 0 R >>\n%%EOF\n"
    )
    with pytest.raises(ProtokollError) as raised:
        process(path)
    assert raised.value.error_type in {"EmptyFile", "CorruptFile", "NotMinutes"}
    assert str(path) in str(raised.value)


def test_a_pdf_without_pages_is_corrupt_even_after_an_encrypted_one(tmp_path: Path) -> None:
    """PDFium keeps the last load error: the encrypted file's must not name the next file."""
    encrypted = tmp_path / "krypterad.pdf"
    encrypted.write_bytes(pdf_bytes(password="hemligt"))
    no_pages = tmp_path / "utan_sidor.pdf"
    no_pages.write_bytes(pdf_of_objects([CATALOG, b"<< /Type /Pages /Kids [] /Count 0 >>"]))
    raises_naming_file(encrypted, EncryptedFile, "encrypted")
    raises_naming_file(no_pages, CorruptFile, "the pdf has no pages")


@pytest.mark.parametrize(
    ("name", "content", "error", "reason"),
    [
        ("kalkyl.docx", zip_bytes({"xl/workbook.xml": "<workbook/>"}), FormatMismatch,
         "without word/document.xml"),
        ("kalkyl.odt", zip_bytes({"mimetype": "application/zip"}), FormatMismatch,
         "without content.xml"),
        ("avklippt.docx", docx_bytes()[:2000], CorruptFile, "zip container cannot be read"),
        ("trasig.docx", docx_with_broken_xml(), CorruptFile, "cannot be opened"),
        ("makro.docx", macro_document_as_docx(), CorruptFile, "not a word file"),
    ],
)  # fmt: skip
def test_damaged_word_files(
    tmp_path: Path, name: str, content: bytes, error: type[ProtokollError], reason: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    raises_naming_file(path, error, reason)


def test_office_files_without_libreoffice_say_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gammalt.rtf"
    path.write_bytes(b"{\\rtf1\\ansi Protokoll\\par}")
    assert identify(path).format.value == "office"
    monkeypatch.setenv("PATH", str(tmp_path / "no-programs-here"))
    office_binary.cache_clear()
    try:
        with pytest.raises(MissingDependency) as raised:
            process(path)
    finally:
        office_binary.cache_clear()
    message = str(raised.value)
    assert str(path) in message
    assert "apt-get install libreoffice-writer-nogui" in message
    assert raised.value.exit_code == 3


@pytest.mark.parametrize(
    ("script", "error", "reason"),
    [
        ("sleep 30", ExtractionError, "did not finish converting the file within 0.5 s"),
        ("echo 'Error: source file could not be loaded' >&2", CorruptFile, "cannot read"),
        ("echo 'soffice.bin crashed' >&2; exit 81", ExtractionError, "exit 81: soffice.bin"),
    ],
)
def test_libreoffice_that_hangs_fails_or_cannot_load_gives_a_typed_error(
    tmp_path: Path, script: str, error: type[ProtokollError], reason: str
) -> None:
    fake = tmp_path / "soffice"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    path = tmp_path / "gammalt.doc"
    path.write_bytes(b"{\\rtf1 hej}")
    work = tmp_path / "work"
    work.mkdir()
    with pytest.raises(error) as raised:
        convert_to_docx(str(fake), path, work, timeout_s=0.5)
    assert str(path) in str(raised.value)
    assert reason in str(raised.value)


def test_the_batch_goes_on_past_every_bad_file(
    tmp_path: Path, db_con: duckdb.DuckDBPyConnection
) -> None:
    archive = tmp_path / "arkiv"
    archive.mkdir()
    (archive / "a_bra.txt").write_text(GOOD_MINUTES, "utf-8")
    (archive / "b_tom.pdf").write_bytes(b"")
    (archive / "c_krypterad.pdf").write_bytes(pdf_bytes(password="hemligt"))
    (archive / "d_avklippt.docx").write_bytes(docx_bytes()[:2000])
    (archive / "e_bra.docx").write_bytes(docx_bytes())
    (archive / "f_tabell.xlsx").write_bytes(b"PK\x03\x04")
    report = ingest([archive], db_con)
    assert [Path(p).name for p in report.loaded] == ["a_bra.txt"]
    # the Word file holds the same minutes: linked to the text, not counted twice
    assert [(Path(d.path).name, Path(d.kept).name) for d in report.duplicates] == [
        ("e_bra.docx", "a_bra.txt")
    ]
    failed = {Path(f.path).name: f.error_type for f in report.failed}
    assert failed == {
        "b_tom.pdf": "EmptyFile",
        "c_krypterad.pdf": "EncryptedFile",
        "d_avklippt.docx": "CorruptFile",
        "f_tabell.xlsx": "UnsupportedFormat",
    }
    assert all(f.stage == "extract" and Path(f.path).name in f.message for f in report.failed)


def _write_odt(path: Path) -> None:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
        ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
        ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        "<office:body><office:text>"
        + "".join(f"<text:p>{p}</text:p>" for p in GOOD_MINUTES.split("\n\n")[:3])
        + "<table:table><table:table-column table:number-columns-repeated='2'/>"
        "<table:table-row><table:table-cell><text:p>Anna Åberg</text:p></table:table-cell>"
        "<table:table-cell><text:p>Ja</text:p></table:table-cell></table:table-row>"
        "</table:table><text:p>§ 1 Mötets öppnande</text:p>"
        "</office:text></office:body></office:document-content>"
    )
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
        ' manifest:version="1.2"><manifest:file-entry manifest:full-path="/"'
        ' manifest:media-type="application/vnd.oasis.opendocument.text"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(
            zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text"
        )  # stored first and uncompressed, as ODF requires
        archive.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)


@pytest.mark.slow
@pytest.mark.skipif(
    not (shutil.which("soffice") or shutil.which("libreoffice")),
    reason="LibreOffice is not installed (apt-get install libreoffice-writer-nogui)",
)
@pytest.mark.parametrize("suffix", [".rtf", ".odt", ".doc"])
def test_doc_rtf_and_odt_are_read_through_libreoffice(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"protokoll{suffix}"
    if suffix == ".doc":  # Word 97 made from a .docx by LibreOffice itself
        (tmp_path / "protokoll.docx").write_bytes(docx_bytes())
        profile = (tmp_path / "profile").as_uri()
        subprocess.run(
            [office_binary(), f"-env:UserInstallation={profile}", "--headless",
             "--convert-to", "doc", "--outdir", str(tmp_path), str(tmp_path / "protokoll.docx")],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
    elif suffix == ".rtf":
        paragraphs = GOOD_MINUTES.split("\n\n")
        body = "".join(
            "".join(c if ord(c) < 128 else f"\\u{ord(c)}?" for c in p) + "\\par\n"
            for p in paragraphs
        )
        path.write_text("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Arial;}}\n" + body + "}", "ascii")
    else:
        _write_odt(path)
    text = "\n".join(page.text for page in extract(identify(path)).pages)
    assert "Närvarande: Anna Åberg" in text
    assert "§ 1 Mötets öppnande" in text
    if suffix == ".odt":
        assert "Anna Åberg\tJa" in text

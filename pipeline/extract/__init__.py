"""Extract stage: a source file in, its pages of text out, each saying how it was read."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.extract.docx import extract_docx
from pipeline.extract.image import extract_image
from pipeline.extract.markup import READERS as MARKUP_READERS
from pipeline.extract.markup import extract_markup
from pipeline.extract.office import extract_office
from pipeline.extract.pdf import extract_pdf
from pipeline.extract.text import extract_text_file
from pipeline.limits import check_text
from pipeline.records import ExtractedDoc, Page, SourceFile, SourceFormat

Extractor = Callable[[Path], tuple[Page, ...]]

EXTRACTORS: dict[SourceFormat, Extractor] = {
    SourceFormat.PDF: extract_pdf,
    SourceFormat.TXT: extract_text_file,
    SourceFormat.DOCX: extract_docx,
    SourceFormat.OFFICE: extract_office,
    SourceFormat.IMAGE: extract_image,
}
# Where one format has several readers, the suffix chooses: markup sources are txt.
EXTRACTORS_BY_SUFFIX: dict[str, Extractor] = dict.fromkeys(MARKUP_READERS, extract_markup)


def extract(source: SourceFile) -> ExtractedDoc:
    path = source.location
    reader = EXTRACTORS_BY_SUFFIX.get(path.suffix.lower(), EXTRACTORS[source.format])
    pages = reader(path)
    check_text(pages, path=source.path)
    return ExtractedDoc(source, pages)

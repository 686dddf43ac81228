"""Extract stage: a source file in, its pages of text out, each saying how it was read."""

from __future__ import annotations

from pathlib import Path

from pipeline.extract.image import extract_image
from pipeline.extract.pdf import extract_pdf
from pipeline.extract.text import extract_text_file
from pipeline.records import ExtractedDoc, SourceFile, SourceFormat

EXTRACTORS = {
    SourceFormat.PDF: extract_pdf,
    SourceFormat.TXT: extract_text_file,
    SourceFormat.IMAGE: extract_image,
}


def extract(source: SourceFile) -> ExtractedDoc:
    pages = EXTRACTORS[source.format](Path(source.path))
    return ExtractedDoc(source, pages)

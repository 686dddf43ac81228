"""One document through every stage, as the data-flow diagram draws it."""

from __future__ import annotations

from pathlib import Path

from pipeline.discover import identify
from pipeline.extract import extract
from pipeline.extract.clean import clean
from pipeline.parse import parse_minutes
from pipeline.records import CleanText, Minutes, SourceFile
from pipeline.resolve import resolve


def read_minutes(source: SourceFile) -> Minutes:
    """extract → clean → parse (with amounts, references, entities) → resolve."""
    return read_clean_text(source, clean(extract(source)))


def read_clean_text(source: SourceFile, text: CleanText) -> Minutes:
    """The stages after cleaning: parse (with amounts, references, entities) → resolve."""
    return resolve(parse_minutes(source, text))


def process(path: Path) -> Minutes:
    return read_minutes(identify(path))

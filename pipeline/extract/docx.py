"""Word documents (.docx): paragraphs and tables in the order the body holds them.

The body's XML children are walked in order, so an attendance table stays between the
paragraphs around it. Each paragraph is a paragraph of the text (blank line between); list
paragraphs follow each other on single lines; a table row is one line of cells joined by a tab,
the paragraphs inside one cell joined by "; " (a cell of names stays a list of names). Headings
are paragraphs like any other. Not read: headers and footers, footnotes, comments, text boxes,
deleted revisions, field codes; Word's automatic numbering of headings and lists (computed by
Word from numbering.xml when it lays the page out) is not reproduced.
"""

from __future__ import annotations

import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.xmlchemy import BaseOxmlElement

from pipeline.errors import CorruptFile
from pipeline.extract.markup_text import HEADING_MARK, split_headings
from pipeline.limits import check_archive
from pipeline.records import Page, PageMethod

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CELL_SEPARATOR = "\t"
CELL_PARAGRAPH_SEPARATOR = "; "
# Parts of a paragraph whose text the reader does not see in the body's flow.
HIDDEN = frozenset(
    {
        f"{W}del",
        f"{W}moveFrom",
        f"{W}instrText",
        f"{W}delText",
        f"{W}pPr",
        f"{W}rPr",
        f"{W}txbxContent",
        "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
    }
)
HEADING_STYLE_PREFIXES = ("heading", "rubrik", "title")  # style ids: "Heading1", "Rubrik2"
LIST_STYLE_PREFIXES = ("list", "liststycke")  # "List Paragraph", "List Bullet"… and Swedish


def extract_docx(path: Path) -> tuple[Page, ...]:
    return read_docx(path, source=str(path))


def read_docx(path: Path, *, source: str) -> tuple[Page, ...]:
    """Read `path`; errors name `source`, the file the user gave (it may have been converted)."""
    started = time.perf_counter()
    check_archive(path, kind="Word document", source=source)
    try:
        document = docx.Document(str(path))
    # lxml's parse errors are SyntaxErrors; python-docx raises ValueError for a macro-enabled
    # document or a template saved under .docx.
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, SyntaxError, ValueError) as exc:
        raise CorruptFile(
            f"the Word document cannot be opened ({type(exc).__name__}: {exc})",
            path=source,
            hint="open it in Word or LibreOffice and save it again",
        ) from exc
    styles = _list_style_ids(document)
    blocks = list(_blocks(document.element.body, styles))
    text, headings = split_headings(_join(blocks))
    seconds = time.perf_counter() - started
    return (Page(1, text, PageMethod.TEXT, None, seconds, headings=headings),)


def _list_style_ids(document: Document) -> frozenset[str]:
    ids = set()
    for style in document.styles:
        name = (style.name or "").casefold()
        if name.startswith(LIST_STYLE_PREFIXES) and style.style_id:
            ids.add(style.style_id)
    return frozenset(ids)


def _blocks(container: BaseOxmlElement, list_styles: frozenset[str]) -> Iterator[tuple[str, str]]:
    """("paragraph" | "item" | "row", text) for each paragraph and table row, in body order."""
    for child in container.iterchildren():
        if child.tag == f"{W}p":
            if _is_heading(child):
                yield "paragraph", HEADING_MARK + _paragraph_text(child)
                continue
            kind = "item" if _is_list_paragraph(child, list_styles) else "paragraph"
            yield kind, _paragraph_text(child)
        elif child.tag == f"{W}tbl":
            yield "table", ""
            for row in child.iterchildren(f"{W}tr"):
                yield "row", CELL_SEPARATOR.join(_cell_text(cell) for cell in _cells(row))
            yield "table", ""
        elif child.tag in {f"{W}sdt", f"{W}sdtContent", f"{W}customXml"}:
            yield from _blocks(child, list_styles)


def _cells(row: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    for child in row.iterchildren():
        if child.tag == f"{W}tc":
            yield child
        elif child.tag in {f"{W}sdt", f"{W}customXml"}:  # a cell inside a content control
            yield from (tc for tc in child.iter(f"{W}tc"))


def _cell_text(cell: BaseOxmlElement) -> str:
    """A cell's paragraphs (and nested tables' rows) on one line."""
    pieces: list[str] = []
    for kind, text in _blocks(cell, frozenset()):
        text = " ".join(text.replace(CELL_SEPARATOR, " ").split())
        if kind != "table" and text:
            pieces.append(text)
    joined = ""
    for piece in pieces:
        if joined:
            joined += (
                " " if joined.endswith((".", ":", ";", ",", "!", "?")) else CELL_PARAGRAPH_SEPARATOR
            )
        joined += piece
    return joined


def _is_heading(paragraph: BaseOxmlElement) -> bool:
    """A paragraph in a heading style ("Heading 1", "Rubrik 2") or with an outline level."""
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        return False
    style = properties.find(f"{W}pStyle")
    style_id = (style.get(f"{W}val") or "").casefold() if style is not None else ""
    return (
        style_id.startswith(HEADING_STYLE_PREFIXES) or properties.find(f"{W}outlineLvl") is not None
    )


def _is_list_paragraph(paragraph: BaseOxmlElement, list_styles: frozenset[str]) -> bool:
    properties = paragraph.find(f"{W}pPr")
    if properties is None:
        return False
    if properties.find(f"{W}numPr") is not None:
        return True
    style = properties.find(f"{W}pStyle")
    return style is not None and style.get(f"{W}val") in list_styles


def _paragraph_text(element: BaseOxmlElement) -> str:
    parts: list[str] = []
    for child in element.iterchildren():
        tag = child.tag
        if not isinstance(tag, str) or tag in HIDDEN:
            continue
        if tag == f"{W}t":
            parts.append(child.text or "")
        elif tag == f"{W}tab":
            parts.append(CELL_SEPARATOR)  # a tab stop lays out columns, as a table row does
        elif tag in {f"{W}br", f"{W}cr"}:
            parts.append("\n")
        elif tag == f"{W}noBreakHyphen":
            parts.append("-")
        else:
            parts.append(_paragraph_text(child))
    return "".join(parts)


def _join(blocks: list[tuple[str, str]]) -> str:
    """Paragraphs apart by a blank line; list items and table rows on consecutive lines."""
    out: list[str] = []
    previous = ""
    for kind, text in blocks:
        text = text.strip(" ")
        if kind == "table" or not text.strip():
            previous = "table" if kind == "table" else previous
            continue
        together = kind == previous and kind in {"item", "row"}
        out.append("\n" if together or not out else "\n\n")
        out.append(text)
        previous = kind
    return "".join(out).strip("\n")

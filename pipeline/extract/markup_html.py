"""HTML (as found inside Markdown) reduced to the text a reader sees, with the stdlib parser.

Block elements (p, div, h1–h6, ul, table…) become paragraphs, each `<li>` and `<tr>` a line,
table cells are joined by tabs, `<br>` breaks the line, entities are unescaped. Newlines inside
the HTML's text are kept as line breaks: the minutes these files come from were written in
editors (WordPress) that show each source line as a line, and "Label: value" stays one line.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.extract.markup_text import (
    CELL_MARK,
    CELL_SEPARATOR,
    HEADING_MARK,
    LINE_MARK,
    PARAGRAPH_MARK,
    resolve_marks,
)

PARAGRAPH_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "dd",
        "details",
        "dl",
        "div",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
LINE_TAGS = frozenset({"li", "tr", "dt", "caption"})
CELL_TAGS = frozenset({"td", "th"})
HIDDEN_TAGS = frozenset({"script", "style", "head", "title", "template"})
INDENT = re.compile(r"\n[ \t]+")


class _Reducer(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.cells_in_row = 0
        self.ordered: list[int] = []  # the item counter of each open <ol>, innermost last

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden += 1
        elif tag == "br":
            self.parts.append(LINE_MARK)
        elif tag == "img":
            alt = dict(attrs).get("alt")
            if alt:
                self.parts.append(alt)
        elif tag in PARAGRAPH_TAGS:
            self.parts.append(PARAGRAPH_MARK + (HEADING_MARK if tag in HEADING_TAGS else ""))
            if tag == "ol":
                start = dict(attrs).get("start") or "1"
                self.ordered.append(int(start) - 1 if start.isdigit() else 0)
            elif tag == "ul":
                self.ordered.append(-1)
        elif tag in LINE_TAGS:
            self.parts.append(LINE_MARK)
            self.cells_in_row = 0
            if tag == "li" and self.ordered and self.ordered[-1] >= 0:
                self.ordered[-1] += 1
                self.parts.append(f"{self.ordered[-1]}. ")
        elif tag in CELL_TAGS:
            if self.cells_in_row:
                self.parts.append(CELL_MARK)
            self.cells_in_row += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN_TAGS:
            self.hidden = max(0, self.hidden - 1)
        elif tag in PARAGRAPH_TAGS:
            self.parts.append(PARAGRAPH_MARK)
            if tag in {"ol", "ul"} and self.ordered:
                self.ordered.pop()
        elif tag in LINE_TAGS:
            self.parts.append(LINE_MARK)

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            # Source indentation is not shown; tabs in HTML text are plain white space.
            self.parts.append(INDENT.sub("\n", data.replace(CELL_SEPARATOR, " ")))


def html_to_text(html: str) -> str:
    """The text of an HTML fragment; paragraphs separated by blank lines, not yet tidied."""
    reducer = _Reducer()
    reducer.feed(html)
    reducer.close()
    return resolve_marks("".join(reducer.parts))

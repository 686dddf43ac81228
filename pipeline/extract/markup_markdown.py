"""Markdown (CommonMark with pipe tables, and pandoc's title block) as the text a reader sees.

Parsed with markdown-it-py, so emphasis, links, nested lists and code fences follow CommonMark
exactly; HTML blocks and inline tags go through `markup_html`. Markdown does not number its
headings, so none are numbered here.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from pipeline.extract.markup_html import html_to_text
from pipeline.extract.markup_text import (
    CELL_MARK,
    CELL_SEPARATOR,
    HEADING_MARK,
    LINE_MARK,
    PARAGRAPH_MARK,
    resolve_marks,
)

# YAML front-matter keys shown as the document's title block (their values only).
TITLE_KEYS = ("title", "subtitle", "author", "date")
# Keys that steer a site generator and show nowhere in the document.
SITE_KEYS = frozenset({"layout", "permalink", "categories", "tags", "published", "draft", "slug"})
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(?P<body>.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
YAML_ENTRY = re.compile(r"^(?P<key>[\w-]+)\s*:\s*(?P<value>.*)$")
BR_TAG = re.compile(r"<br\s*/?>", re.IGNORECASE)
# Pandoc definition list: a term line, then ":" and the definition ("Kassör\n:   Anna").
DEFINITION = re.compile(r"^(?P<term>[^\n]+)\n\n?:[ \t]+", re.MULTILINE)

ITEM_START = "\x1c"  # marks where an item's text begins; removed before the text is returned
BLOCK_TOKENS = frozenset(
    [
        "heading_open",
        "heading_close",
        "blockquote_open",
        "blockquote_close",
        "hr",
        "table_open",
        "table_close",
    ]
)

_PARSER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def markdown_to_text(source: str) -> str:
    head, body = _title_block(source)
    text = _render(_PARSER.parse(body))
    return DEFINITION.sub(r"\g<term>: ", f"{head}\n\n{text}")


def _title_block(source: str) -> tuple[str, str]:
    """YAML front matter or a pandoc "%" title block as lines of text, and the rest."""
    match = FRONT_MATTER.match(source)
    if match:
        return _front_matter_lines(match["body"]), source[match.end() :]
    if not source.startswith("%"):
        return "", source
    lines = source.split("\n")
    kept: list[str] = []
    index = 0
    while index < len(lines) and (
        lines[index].startswith("%") or (kept and lines[index][:1] in {" ", "\t"})
    ):
        line = lines[index]
        if line.startswith("%") and kept:
            kept.append("")  # title, authors and date are set apart, each a paragraph
        kept.append(line.removeprefix("%").strip().removesuffix("\\").strip())  # "\" breaks
        index += 1
    return "\n".join(kept), "\n".join(lines[index:])


def _front_matter_lines(body: str) -> str:
    titles: dict[str, str] = {}
    others: list[str] = []
    key = ""
    for line in body.split("\n"):
        entry = YAML_ENTRY.match(line)
        if entry:
            key, value = entry["key"].lower(), _unquote(entry["value"])
            if key in TITLE_KEYS:
                titles[key] = value
            elif key not in SITE_KEYS and value:
                others.append(f"{entry['key']}: {value}")
        elif line.strip().startswith("- ") and key and key not in SITE_KEYS:
            item = _unquote(line.strip()[2:])
            if key in TITLE_KEYS:
                titles[key] = f"{titles[key]}, {item}" if titles.get(key) else item
            else:
                others.append(item)
    shown = [titles[k] for k in TITLE_KEYS if titles.get(k)]  # each set apart, as rendered
    return "\n\n".join([*shown, "\n".join(others)])


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _render(tokens: Sequence[Token]) -> str:
    parts: list[str] = []
    item_depth = 0
    counters: list[int | None] = []  # per open list: the last item number, None if bulleted
    grouped = _items_with_sublists(tokens)
    open_items: list[int] = []
    for index, token in enumerate(tokens):
        kind = token.type
        if kind == "inline":
            parts.append(_inline(token.children or []))
        elif kind == "paragraph_open" and parts and parts[-1] == ITEM_START:
            continue  # an item's first paragraph starts the item's own line
        elif kind in {"paragraph_open", "paragraph_close"}:
            parts.append(LINE_MARK if item_depth else PARAGRAPH_MARK)  # an item stays a line
        elif kind in {"bullet_list_open", "ordered_list_open"}:
            parts.append(LINE_MARK if item_depth else PARAGRAPH_MARK)
            start = token.attrGet("start")
            first = int(start) if isinstance(start, int | str) and str(start).isdigit() else 1
            counters.append(first - 1 if kind == "ordered_list_open" else None)
        elif kind in {"bullet_list_close", "ordered_list_close"}:
            counters.pop()
            parts.append(LINE_MARK if item_depth else PARAGRAPH_MARK)
        elif kind == "list_item_open":
            item_depth += 1
            open_items.append(index)
            parts.append(PARAGRAPH_MARK if index in grouped else LINE_MARK)
            last = counters[-1] if counters else None
            if last is not None:
                counters[-1] = last + 1
                parts.append(f"{last + 1}. ")
            parts.append(ITEM_START)
        elif kind == "list_item_close":
            item_depth -= 1
            parts.append(PARAGRAPH_MARK if open_items.pop() in grouped else LINE_MARK)
        elif kind in {"fence", "code_block"}:
            parts.append(f"{PARAGRAPH_MARK}{_untab(token.content)}{PARAGRAPH_MARK}")
        elif kind == "html_block":
            parts.append(f"{PARAGRAPH_MARK}{html_to_text(token.content)}{PARAGRAPH_MARK}")
        elif kind == "tr_open":
            parts.append(LINE_MARK)
        elif kind == "heading_open":
            parts.append(PARAGRAPH_MARK + HEADING_MARK)
        elif kind in {"th_open", "td_open"} and parts[-1] != LINE_MARK:
            parts.append(CELL_MARK)
        elif kind in BLOCK_TOKENS:
            parts.append(PARAGRAPH_MARK)
    return resolve_marks("".join(parts).replace(ITEM_START, ""))


def _items_with_sublists(tokens: Sequence[Token]) -> set[int]:
    """Items of a top-level list whose every item holds a list (an outline): each such item
    reads as a block of its own, its text as the block's title."""
    found: set[int] = set()
    items: list[int] = []  # the current top-level list's items
    holding: set[int] = set()
    depth = 0  # list nesting
    for index, token in enumerate(tokens):
        if token.type in {"bullet_list_open", "ordered_list_open"}:
            depth += 1
            if depth == 2 and items:
                holding.add(items[-1])
        elif token.type in {"bullet_list_close", "ordered_list_close"}:
            depth -= 1
            if depth == 0:
                if items and holding == set(items):
                    found |= holding
                items, holding = [], set()
        elif token.type == "list_item_open" and depth == 1:
            items.append(index)
    return found


def _inline(children: Sequence[Token]) -> str:
    parts: list[str] = []
    for child in children:
        if child.type in {"text", "code_inline"}:
            parts.append(_untab(child.content))
        elif child.type in {"softbreak", "hardbreak"}:
            parts.append("\n")
        elif child.type == "image":
            parts.append(_inline(child.children or []))
        elif child.type == "html_inline" and BR_TAG.fullmatch(child.content.strip()):
            parts.append("\n")
    return "".join(parts)


def _untab(text: str) -> str:
    """Tabs in the source are white space; in the output a tab separates table cells."""
    return text.replace(CELL_SEPARATOR, " ")

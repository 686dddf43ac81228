"""Org-mode files as Org's export shows them: numbered headlines, text without its markup.

Headlines are numbered as export numbers them ("1", "1.1"; `#+OPTIONS: num:nil` turns that off,
`num:N` limits it, and headlines deeper than `H:` (3) become plain lines as export makes them
list items). TODO keywords, priorities and tags are not part of a headline's title; COMMENT and
`:noexport:` subtrees, `# ` comments, `#+KEY:` settings, drawers and planning lines are not
exported, so they are dropped. `#+TITLE:`, `#+AUTHOR:` and `#+DATE:` show as lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.extract.markup_text import CELL_SEPARATOR, HeadingNumbers, dotted, heading_line

DEFAULT_HEADLINE_LEVELS = 3  # Org's H: option
TITLE_KEYWORDS = ("title", "subtitle", "author", "date")
TODO_KEYWORDS = frozenset({"TODO", "DONE", "NEXT", "WAITING", "CANCELLED", "CANCELED"})
HEADLINE = re.compile(r"^(\*+)\s+(.*?)\s*$")
TAGS = re.compile(r"\s+(:[\w@#%:]+:)\s*$")
PRIORITY = re.compile(r"^\[#[A-Z0-9]\]\s*")
KEYWORD_LINE = re.compile(r"^\s*#\+(\w+):\s*(.*)$")
BLOCK_BEGIN = re.compile(r"^\s*#\+begin_(\w+)", re.IGNORECASE)
DRAWER = re.compile(r"^\s*:[\w-]+:\s*$")
PLANNING = re.compile(r"^\s*(?:SCHEDULED|DEADLINE|CLOSED):")
COMMENT_LINE = re.compile(r"^\s*#(?:\s|$)")
LIST_ITEM = re.compile(r"^\s*(?:([-+])|(?<=\s)\*|(\d+[.)]))\s+(?:\[[ X-]\]\s+)?")
DESCRIPTION = re.compile(r"^(?P<term>.*?)\s+::\s*")
RULE = re.compile(r"^\s*-{5,}\s*$")
LINK = re.compile(r"\[\[([^\]]+)\](?:\[([^\]]+)\])?\]")
FOOTNOTE = re.compile(r"\[fn:[^\]]*\]")
URL = re.compile(r"https?://\S+")
EMPHASIS = re.compile(r"(?<![\w*/_=~+])([*/_=~+])(?=[^\s*/_=~+])(.+?)(?<=\S)\1(?![\w*/_=~+])")
SPECIAL_STRINGS = (("---", "—"), ("--", "–"), ("...", "…"), ("\\-", ""))  # as export prints them
VERBATIM_BLOCKS = frozenset({"src", "example", "export"})


@dataclass
class _Options:
    numbered_levels: int = 99  # num:t numbers every exported headline level
    headline_levels: int = DEFAULT_HEADLINE_LEVELS


def org_to_text(source: str) -> str:
    options = _options(source)
    numbers = HeadingNumbers()
    out: list[str] = []
    lines = source.split("\n")
    skip_below: int | None = None  # level of a COMMENT or :noexport: headline being skipped
    block: str | None = None
    in_drawer = False
    for line in lines:
        if block is not None:
            if re.match(rf"^\s*#\+end_{block}\b", line, re.IGNORECASE):
                block = None
            elif block in VERBATIM_BLOCKS and skip_below is None:
                out.append(line)
            elif block != "comment" and skip_below is None:
                out.append(_inline(line))
            continue
        headline = HEADLINE.match(line)
        if headline:
            level = len(headline.group(1))
            if skip_below is not None and level > skip_below:
                continue
            skip_below = None
            title, hidden = _headline_title(headline.group(2))
            if hidden:
                skip_below = level
                continue
            if level > options.headline_levels:
                out.append(f"\n{_inline(title)}")
                continue
            counts = numbers.step(level)
            number = dotted(counts) if level <= options.numbered_levels else None
            out.append(heading_line(_inline(title), number))
            continue
        if skip_below is not None:
            continue
        if begin := BLOCK_BEGIN.match(line):
            block = begin.group(1).lower()
            continue
        if in_drawer:
            in_drawer = not re.match(r"^\s*:END:\s*$", line, re.IGNORECASE)
            continue
        if DRAWER.match(line):
            in_drawer = True
            continue
        if keyword := KEYWORD_LINE.match(line):
            if keyword.group(1).lower() in TITLE_KEYWORDS and keyword.group(2).strip():
                out.append(f"{_inline(keyword.group(2))}\n")  # set apart, as export does
            continue
        if COMMENT_LINE.match(line) or PLANNING.match(line):
            continue
        body = _body_line(line)
        if body is not None:
            out.append(body)
    return "\n".join(out)


def _options(source: str) -> _Options:
    options = _Options()
    for match in re.finditer(r"^\s*#\+OPTIONS:(.*)$", source, re.IGNORECASE | re.MULTILINE):
        for key, value in re.findall(r"([\w^-]+):(\S+)", match.group(1)):
            if key == "num":
                options.numbered_levels = (
                    0 if value == "nil" else int(value) if value.isdigit() else 99
                )
            elif key == "H" and value.isdigit():
                options.headline_levels = int(value)
    return options


def _headline_title(text: str) -> tuple[str, bool]:
    """The title export shows, and whether the subtree is not exported at all."""
    tags = TAGS.search(text)
    if tags:
        text = text[: tags.start()]
    words = text.split(" ", 1)
    if words[0] in TODO_KEYWORDS:
        text = words[1] if len(words) > 1 else ""
    text = PRIORITY.sub("", text)
    hidden = text.startswith("COMMENT") or bool(tags and ":noexport:" in tags.group(1))
    return text.strip(), hidden


def _body_line(line: str) -> str | None:
    """The line as exported; None for a table's rule line, which shows as no line of text."""
    if RULE.match(line):
        return "\n"
    stripped = line.strip()
    if stripped.startswith("|"):
        if re.match(r"^\|[-+|\s]*$", stripped):
            return None
        cells = stripped.strip("|").split("|")
        return CELL_SEPARATOR.join(_inline(cell.strip()) for cell in cells)
    item = LIST_ITEM.match(line)
    if item:
        rest = line[item.end() :]
        prefix = f"{item.group(2)} " if item.group(2) else ""
        description = DESCRIPTION.match(rest)
        if description:
            rest = f"{description['term']}: {rest[description.end() :]}"
        return f"{prefix}{_inline(rest)}"
    return _inline(line)


def _inline(text: str) -> str:
    """Links to their description, emphasis to its text, footnote marks and "\\\\" dropped."""
    text = LINK.sub(lambda m: m.group(2) or m.group(1), text)
    text = FOOTNOTE.sub("", text).replace("\t", " ")
    text = re.sub(r"\\\\\s*$", "", text)
    for special, char in SPECIAL_STRINGS:
        text = text.replace(special, char)
    pieces = []
    last = 0
    for url in URL.finditer(text):
        pieces.append(_emphasis(text[last : url.start()]))
        pieces.append(url.group())
        last = url.end()
    pieces.append(_emphasis(text[last:]))
    return "".join(pieces)


def _emphasis(text: str) -> str:
    previous = None
    while previous != text:
        previous, text = text, EMPHASIS.sub(r"\2", text)
    return text

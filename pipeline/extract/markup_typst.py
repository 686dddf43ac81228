"""Typst sources as the text of the compiled document, without running Typst.

Markup is read as text: `=` headings become numbered heading lines, `*strong*` and `_emph_`
lose their delimiters, comments vanish, `-`/`+` items are lines. Code after `#` is not run, but
what it would print is kept where the source says it: content blocks `[...]` passed to any
function are rendered, `#let` strings and content are substituted where used, and `#import`,
`#set`, `#show`, `#let` lines print nothing. A call with several content arguments prints one
line per source line of arguments, the arguments on one line joined by tabs — so
`#f([Anna], [Ja],` newline `[Bo], [Nej])` reads as two table rows "Anna⇥Ja" and "Bo⇥Nej";
`#table` and `#grid` rows follow their `columns:` instead.

Heading numbers follow `#set heading(numbering: …)` with Typst's own pattern rules. A document
that sets no numbering itself but applies a template (`#show: template`) gets the numbering
such minutes templates set, "1.1" on the two top levels; without either, Typst numbers nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.extract.markup_text import CELL_SEPARATOR, HeadingNumbers, heading_line
from pipeline.extract.markup_typst_syntax import (
    alone_on_line,
    balanced,
    line_end,
    split_arguments,
    statement_end,
    strip_comments,
    typst_number,
    unescape,
)

TEMPLATE_NUMBERING = "1.1"  # what a template is taken to set when the file itself says nothing
TEMPLATE_NUMBERED_LEVELS = 2
IDENTIFIER = r"[^\W\d][\w-]*"
CHAIN = re.compile(rf"{IDENTIFIER}(?:\.{IDENTIFIER})*")
KEYWORD = re.compile(r"(let|set|show|import|include|if|for|while|context)\b")
HEADING = re.compile(r"(=+)[ \t]+")
LIST_ITEM = re.compile(r"([-+])[ \t]+")
TERM = re.compile(r"/[ \t]+([^:\n]*):[ \t]*")
LABEL = re.compile(r"<[\w:.-]+>")
NAMED = re.compile(rf"({IDENTIFIER})\s*:\s*(.*)\Z", re.DOTALL)
NUMBERING = re.compile(r"numbering\s*:\s*(none|\"[^\"]*\")")
BREAKS = {"pagebreak": "\n\n", "parbreak": "\n\n", "colbreak": "\n\n", "linebreak": "\n"}
# fmt: off
PRINTS_NOTHING = frozenset({
    "image", "v", "h", "outline", "bibliography", "counter", "state", "datetime", "cite", "ref",
    "label", "metadata", "line", "polygon", "circle", "ellipse", "path", "query", "locate",
    "measure", "layout",
})
# fmt: on
TITLE_ARGUMENTS = ("title", "subtitle", "author", "date")  # what templates print on top
DATETIME = re.compile(
    r"datetime\(\s*year\s*:\s*(\d+)\s*,\s*month\s*:\s*(\d+)\s*,\s*day\s*:\s*(\d+)\s*,?\s*\)"
)
SHORTHANDS = (("---", "—"), ("--", "–"), ("...", "…"), ("-?", ""), ("~", " "))


@dataclass
class _State:
    numbering: str | None = None
    numbered_levels: int = 99
    numbering_set: bool = False
    numbers: HeadingNumbers = field(default_factory=HeadingNumbers)
    variables: dict[str, str] = field(default_factory=dict)


def typst_to_text(source: str) -> str:
    return _render(_State(), strip_comments(source))


def _render(state: _State, src: str) -> str:
    out: list[str] = []
    i = 0
    enum_count = 0
    while i < len(src):
        if i == 0 or src[i - 1] == "\n":
            j = i
            while j < len(src) and src[j] in " \t":
                j += 1
            if match := HEADING.match(src, j):
                end = line_end(src, j)
                title = _render(state, src[match.end() : end])
                out.append(_heading(state, len(match.group(1)), title))
                i = end
                continue
            if match := LIST_ITEM.match(src, j):
                enum_count = enum_count + 1 if match.group(1) == "+" else 0
                out.append(f"{enum_count}. " if match.group(1) == "+" else "")
                i = match.end()
                continue
            if match := TERM.match(src, j):
                out.append(f"{_render(state, match.group(1)).strip()}: ")
                i = match.end()
                continue
            if j == i and src[i : j + 1].strip():
                enum_count = 0  # an unindented line that is no item ends a numbered list
        char = src[i]
        if char == "#":
            i = _code(state, src, i + 1, out)
        elif char == "\\":
            i = _escape(src, i, out)
        elif char in "*_":
            before, after = src[i - 1 : i], src[i + 1 : i + 2]
            if before.isalnum() and after.isalnum():
                out.append(char)  # inside a word: a character, not emphasis
            i += 1
        elif char == "`":
            fence = "```" if src.startswith("```", i) else "`"
            close = src.find(fence, i + len(fence))
            close = len(src) if close < 0 else close
            raw = src[i + len(fence) : close]
            if fence == "```":
                raw = raw.split("\n", 1)[1] if "\n" in raw else raw
            out.append(raw)
            i = close + len(fence)
        elif char == "$":
            close = src.find("$", i + 1)
            close = len(src) if close < 0 else close
            out.append(src[i + 1 : close].strip())
            i = close + 1
        elif char == "<" and (label := LABEL.match(src, i)):
            i = label.end()
        elif shorthand := next((s for s in SHORTHANDS if src.startswith(s[0], i)), None):
            out.append(shorthand[1])
            i += len(shorthand[0])
        else:
            out.append(" " if char == "\t" else char)
            i += 1
    return "".join(out)


def _heading(state: _State, level: int, title: str) -> str:
    counts = state.numbers.step(level)
    number = None
    if state.numbering is not None and level <= state.numbered_levels:
        number = typst_number(state.numbering, counts)
    return heading_line(title, number)


def _escape(src: str, i: int, out: list[str]) -> int:
    following = src[i + 1 : i + 2]
    if following in {"", " ", "\n", "\t"}:
        out.append("\n")  # "\" at a line end or before a space breaks the line
        return i + 2 if following == "\n" else i + 1
    if unicode := re.match(r"u\{([0-9A-Fa-f]+)\}", src[i + 1 :]):
        out.append(chr(int(unicode.group(1), 16)))
        return i + 1 + unicode.end()
    out.append(following)
    return i + 2


def _code(state: _State, src: str, i: int, out: list[str]) -> int:
    """Read the code expression after "#" at `i`, write what it prints, return where it ends."""
    if keyword := KEYWORD.match(src, i):
        end = statement_end(src, keyword.end())
        out.append(_statement(state, keyword.group(1), src[keyword.end() : end]))
        return end
    if src.startswith(("[", "(", "{", '"'), i):
        end = balanced(src, i)[1]
        value = _value(state, src[i:end])
        out.append(value or "")
        return end
    chain = CHAIN.match(src, i)
    if chain is None:
        out.append("#")
        return i
    end = chain.end()
    while src.startswith(("(", "["), end):
        end = balanced(src, end)[1]
    text = _value(state, src[i:end]) or ""
    if text.strip() and ("\n" in text.strip("\n") or alone_on_line(src, i - 1, end)):
        at_line_start = "".join(out[-3:]).rstrip(" \t").endswith("\n") or not out
        out.append(f"{'' if at_line_start else chr(10)}{text.strip(chr(10))}\n")  # own lines
        return end + 1 if src.startswith("\n", end) else end
    out.append(text)
    return end


def _statement(state: _State, keyword: str, body: str) -> str:
    """Apply a `#let`, `#show` or `#set`; only a template's title block prints anything."""
    if keyword == "let":
        match = re.match(rf"\s*({IDENTIFIER})\s*=\s*(.*)\Z", body, re.DOTALL)
        if match:
            value = _value(state, match.group(2).strip())
            if value is not None:
                state.variables[match.group(1)] = value
    elif keyword == "show" and body.lstrip().startswith(":"):
        if not state.numbering_set:
            state.numbering, state.numbered_levels = TEMPLATE_NUMBERING, TEMPLATE_NUMBERED_LEVELS
        return _title_block(state, body)
    elif keyword == "set" and body.lstrip().startswith("heading"):
        match = NUMBERING.search(body)
        if match:
            state.numbering_set = True
            state.numbered_levels = 99
            state.numbering = None if match.group(1) == "none" else match.group(1).strip('"')
    return ""


def _title_block(state: _State, body: str) -> str:
    """The title, author and date a document template is given: what it prints on top."""
    call = re.search(rf"({IDENTIFIER})\.with\(", body)
    if call is None:
        return ""
    raw, _ = balanced(body, call.end() - 1)
    given: dict[str, str] = {}
    for item, _ in split_arguments(raw):
        key = NAMED.match(item)
        if key and key.group(1) in TITLE_ARGUMENTS:
            value = key.group(2).strip()
            date = DATETIME.fullmatch(value)
            text = "{}-{:0>2}-{:0>2}".format(*date.groups()) if date else _value(state, value)
            if text and text.strip():
                given[key.group(1)] = text.strip()
    lines = [given[k] for k in TITLE_ARGUMENTS if k in given]
    return "\n\n" + "\n\n".join(lines) + "\n\n" if lines else ""  # each set apart


def _value(state: _State, expr: str) -> str | None:
    """What an expression prints: content, a string, a known variable or a call; else None."""
    expr = expr.strip()
    if expr.startswith("[") and expr.endswith("]"):
        return _render(state, expr[1:-1])
    if expr.startswith('"') and expr.endswith('"') and len(expr) >= 2:
        return unescape(expr[1:-1])
    chain = CHAIN.match(expr)
    if chain is None:
        return None
    if chain.end() == len(expr):
        return state.variables.get(expr)
    name = chain.group().rsplit(".", 1)[-1]
    arguments: list[tuple[str, int]] = []  # raw positional argument and its source line
    named: dict[str, str] = {}
    position = chain.end()
    while position < len(expr) and expr[position] in "([":
        raw, end = balanced(expr, position)
        if expr[position] == "[":
            arguments.append((expr[position:end], expr.count("\n", 0, position)))
        else:
            for item, offset in split_arguments(raw):
                line = expr.count("\n", 0, position + 1 + offset)
                if key := NAMED.match(item):
                    named[key.group(1)] = key.group(2).strip()
                else:
                    arguments.append((item, line))
        position = end
    return _call(state, name, arguments, named)


def _call(
    state: _State, name: str, arguments: list[tuple[str, int]], named: dict[str, str]
) -> str | None:
    if name in BREAKS:
        return BREAKS[name]
    if name in PRINTS_NOTHING:
        return ""
    # Content (blocks, calls that print) is what a call shows; a string only when there is none,
    # as in #link("https://…") without a body.
    rendered: list[tuple[str, int]] = [
        (text, line)
        for raw, line in arguments
        if not raw.startswith('"') and (text := _value(state, raw)) is not None
    ]
    if not rendered:
        rendered = [(text, line) for raw, line in arguments if (text := _value(state, raw))]
    if name == "heading":
        level = int(named.get("level", "1")) if named.get("level", "1").isdigit() else 1
        return _heading(state, level, " ".join(text for text, _ in rendered))
    if name == "footnote":
        return f" ({' '.join(text.strip() for text, _ in rendered)})"
    if name in {"table", "grid"}:
        return _table(rendered, named.get("columns", "1"))
    if name in {"enum", "list"}:
        return "\n".join(
            f"{n}. {text.strip()}" if name == "enum" else text.strip()
            for n, (text, _) in enumerate(rendered, 1)
        )
    if len(rendered) <= 1:
        return rendered[0][0] if rendered else ""
    rows: dict[int, list[str]] = {}
    for text, line in rendered:
        rows.setdefault(line, []).append(" ".join(text.split()))
    return "\n".join(CELL_SEPARATOR.join(cells) for cells in rows.values())


def _table(cells: list[tuple[str, int]], columns: str) -> str:
    columns = columns.strip()
    if columns.isdigit():
        width = int(columns)
    elif columns.startswith("("):
        width = len([c for c, _ in split_arguments(columns[1:-1]) if c.strip()])
    else:
        width = 1
    width = max(width, 1)
    texts = [" ".join(text.split()) for text, _ in cells]
    rows = [texts[n : n + width] for n in range(0, len(texts), width)]
    return "\n" + "\n".join(CELL_SEPARATOR.join(row) for row in rows) + "\n"

"""Typst's source syntax, read without running Typst: brackets, strings, arguments, numbering.

`typst_number` applies a numbering pattern as Typst does; the other functions find where a
bracketed argument list, content block, string or statement ends, and split argument lists.
"""

from __future__ import annotations

import re


def typst_number(pattern: str, counts: tuple[int, ...]) -> str:
    """Typst's numbering-pattern rule: extra levels repeat the last symbol with its prefix."""
    pieces: list[tuple[str, str]] = []  # (text before, counting symbol)
    text = ""
    for char in pattern:
        if char in "1aAiI":
            pieces.append((text, char))
            text = ""
        else:
            text += char
    suffix = text
    if not pieces:
        return pattern
    out = ""
    for (prefix, kind), n in zip(pieces, counts, strict=False):
        out += prefix + counting(kind, n)
    last_prefix, last_kind = pieces[-1]
    for n in counts[len(pieces) :]:
        out += (last_prefix or suffix) + counting(last_kind, n)
    return out + suffix


def counting(kind: str, n: int) -> str:
    if kind == "1":
        return str(n)
    if kind in "aA":
        letter = chr(ord("a") + (n - 1) % 26) if n > 0 else "-"
        return letter.upper() if kind == "A" else letter
    values = (
        (1000, "m"),
        (900, "cm"),
        (500, "d"),
        (400, "cd"),
        (100, "c"),
        (90, "xc"),
        (50, "l"),
        (40, "xl"),
        (10, "x"),
        (9, "ix"),
        (5, "v"),
        (4, "iv"),
        (1, "i"),
    )
    roman = ""
    for value, digits in values:
        while n >= value:
            roman, n = roman + digits, n - value
    return roman.upper() if kind == "I" else roman


def strip_comments(source: str) -> str:
    """Drop `// …` and `/* … */`; "https://" is no comment, and a comment-only line vanishes."""
    source = re.sub(r"/\*.*?\*/", "", source, flags=re.DOTALL)
    lines = []
    for line in source.split("\n"):
        cut = re.search(r"(?<![:\\])//", line)
        if cut is None:
            lines.append(line)
        elif line[: cut.start()].strip():
            lines.append(line[: cut.start()])
    return "\n".join(lines)


def split_arguments(raw: str) -> list[tuple[str, int]]:
    """Top-level comma-separated items of an argument list, each with its offset in `raw`."""
    items: list[tuple[str, int]] = []
    start, i = 0, 0
    while i < len(raw):
        char = raw[i]
        if char in '([{"':
            i = balanced(raw, i)[1]
            continue
        if char == ",":
            items.append((raw[start:i], start))
            start = i + 1
        i += 1
    items.append((raw[start:], start))
    stripped = []
    for item, offset in items:
        lead = len(item) - len(item.lstrip())
        if item.strip():
            stripped.append((item.strip(), offset + lead))
    return stripped


def balanced(src: str, i: int) -> tuple[str, int]:
    """The inside of the bracket, parenthesis, brace or string opening at `i`, and its end."""
    if src[i] == '"':
        end = string_end(src, i)
        return src[i + 1 : end - 1], end
    open_brackets: list[str] = []
    j = i
    while j < len(src):
        char = src[j]
        if char == "\\":
            j += 2
            continue
        if char == '"' and open_brackets[-1:] != ["["]:  # in markup a quote is a character
            j = string_end(src, j)
            continue
        if char in "([{":
            open_brackets.append(char)
        elif char in ")]}" and open_brackets:
            open_brackets.pop()
            if not open_brackets:
                return src[i + 1 : j], j + 1
        j += 1
    return src[i + 1 :], len(src)


def string_end(src: str, i: int) -> int:
    j = i + 1
    while j < len(src) and src[j] != '"':
        j += 2 if src[j] == "\\" else 1
    return min(j + 1, len(src))


def statement_end(src: str, i: int) -> int:
    """A statement runs to the end of its line, or further while brackets are open."""
    j = i
    while j < len(src) and src[j] != "\n":
        if src[j] in '([{"':
            j = balanced(src, j)[1]
        else:
            j += 1
    return j


def line_end(src: str, i: int) -> int:
    end = src.find("\n", i)
    return len(src) if end < 0 else end


def alone_on_line(src: str, start: int, end: int) -> bool:
    line_start = src.rfind("\n", 0, start) + 1
    return not src[line_start:start].strip() and not src[end : line_end(src, end)].strip()


def unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)

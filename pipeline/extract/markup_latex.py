"""LaTeX sources as the text of the compiled document, without running TeX.

A small scanner walks the body: sectioning commands become numbered heading lines ("3.1
Titel"), environments lose their begin and end, `\\item` starts a line, `tabular` rows become
tab-joined cells, comments vanish, and any other command is replaced by the text of its brace
arguments — joined by tabs when the command stands alone on its line with several arguments,
as custom "table row" commands are written. Source line breaks are kept (TeX would reflow
them; the parser joins a paragraph's lines anyway), blank lines separate paragraphs.

Not pylatexenc's latex2text: it writes "\\section{Budget}" as "§ BUDGET" without its number,
table cells apart by spaces, not tabs, and a command the document defines (`\\newcommand`) as
nothing; the parser reads all three (18 of the 23 LaTeX tests of tests/extract/test_markup.py
fail with it).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from pipeline.extract.markup_latex_syntax import (
    ACCENTS,
    ARTICLE_SECNUMDEPTH,
    BOOK_SECNUMDEPTH,
    CHAPTER_CLASSES,
    DEFINITIONS,
    ENVIRONMENT_NAME,
    ENVIRONMENT_SETTINGS,
    ESCAPED,
    HIDDEN_ENVIRONMENTS,
    LIST_LABELS,
    NAME,
    PRINTS_ONE,
    SECTION_DEPTHS,
    SETTINGS,
    SYMBOLS,
    TABLE_ENVIRONMENTS,
    TITLE_COMMANDS,
    TITLE_REFERENCES,
    TYPOGRAPHIC_LIGATURES,
    VERBATIM_ENVIRONMENTS,
    Definition,
    alone_on_line,
    environment_bounds,
    expand,
    group,
    list_label,
    optional,
    past_line_end,
    read_definition,
    skip_comment,
    skip_optional,
    skip_spaces,
)
from pipeline.extract.markup_text import CELL_SEPARATOR, HeadingNumbers, dotted, heading_line

TITLE_PLACEHOLDER = "\x00title\x00"
MAX_EXPANSION_DEPTH = 20


@dataclass
class _State:
    numbers: HeadingNumbers = field(default_factory=HeadingNumbers)
    secnumdepth: int = ARTICLE_SECNUMDEPTH
    has_chapters: bool = False
    appendix: bool = False
    titles: dict[str, str] = field(default_factory=dict)
    title_placed: bool = False
    lists: list[str | None] = field(default_factory=list)  # label pattern per open list
    items: list[int] = field(default_factory=list)
    in_table: bool = False
    macros: dict[str, Definition] = field(default_factory=dict)
    expanding: int = 0  # depth of macro expansion


def latex_to_text(source: str) -> str:
    state = _State(has_chapters=bool(re.search(r"\\chapter\b", source)))
    if state.has_chapters or CHAPTER_CLASSES.search(source):
        state.secnumdepth = BOOK_SECNUMDEPTH
    begin = source.find("\\begin{document}")
    end = source.rfind("\\end{document}")
    body = source[begin + len("\\begin{document}") : end if end > begin else None]
    if begin >= 0:
        _Scanner(state, source[:begin]).render()  # counters and titles set in the preamble
    else:
        body = source
    for command in TITLE_COMMANDS:
        match = re.search(rf"\\{command}\s*(?:\[[^\]]*\])?\s*\{{", source)
        if match:
            raw, _ = group(source, match.end() - 1)
            state.titles[command] = _Scanner(_State(), raw).render().strip()
    text = _Scanner(state, body).render()
    # \maketitle sets title, author and date apart: each is a paragraph of its own.
    block = "\n\n".join(state.titles[c] for c in TITLE_COMMANDS if state.titles.get(c))
    if TITLE_PLACEHOLDER in text:
        return text.replace(TITLE_PLACEHOLDER, f"\n\n{block}\n\n", 1)
    return f"{block}\n\n{text}"


class _Scanner:
    def __init__(self, state: _State, source: str) -> None:
        self.state = state
        self.src = source
        self.out: list[str] = []

    def render(self) -> str:
        src, i = self.src, 0
        while i < len(src):
            char = src[i]
            if char == "\\":
                i = self._command(i)
            elif char == "%":
                i = skip_comment(src, i)
            elif char in "{}$":
                i += 1  # groups and math shifts print their content only
            elif char == "~":
                self.out.append(" ")
                i += 1
            elif char == "&":
                self.out.append(CELL_SEPARATOR if self.state.in_table else " ")
                i += 1
            elif src.startswith(tuple(TYPOGRAPHIC_LIGATURES), i):
                token = next(t for t in TYPOGRAPHIC_LIGATURES if src.startswith(t, i))
                self.out.append(TYPOGRAPHIC_LIGATURES[token])
                i += len(token)
            elif char == "\n" and self.state.in_table:
                self.out.append(" ")  # a row ends at "\\", not at a line end
                i += 1
            else:
                self.out.append(" " if char == "\t" else char)
                i += 1
        return "".join(self.out)

    def _line_start(self) -> None:
        """Start a new line unless the text written so far already ends one."""
        for chunk in reversed(self.out):
            if chunk.strip(" "):
                if not chunk.rstrip(" ").endswith("\n"):
                    self.out.append("\n")
                return

    def _sub(self, raw: str) -> str:
        return _Scanner(self.state, raw).render()

    def _command(self, start: int) -> int:
        src = self.src
        i = start + 1
        if i >= len(src):
            return i
        match = NAME.match(src, i)
        if match is None:  # a control symbol: \\, \&, \', \, …
            return self._symbol(src[i], i + 1)
        name, i = match.group(), match.end()
        starred = src.startswith("*", i)
        i += starred
        if name in ACCENTS and len(name) == 1 and i < len(src) and src[i] in "{ ":
            return self._accent(name, i)
        if name in SECTION_DEPTHS:
            return self._heading(name, starred, i)
        if name == "begin":
            return self._environment(i)
        if name == "item":
            return self._item(i)
        if name in {"verb", "lstinline"} and i < len(src):
            close = src.find(src[i], i + 1)
            close = len(src) if close < 0 else close
            self.out.append(src[i + 1 : close])
            return close + 1
        if name == "csname":
            close = src.find("\\endcsname", i)
            close = len(src) if close < 0 else close
            self.out.append(
                self.state.titles.get(TITLE_REFERENCES.get(src[i:close].strip(), ""), "")
            )
            return close + len("\\endcsname")
        return self._general(name, start, skip_spaces(src, i))

    def _symbol(self, char: str, i: int) -> int:
        if char == "\\":  # line break, with an optional "*" and [space] after it
            i = skip_optional(self.src, i + self.src.startswith("*", i))
            i = skip_spaces(self.src, i)
            i += self.src.startswith("\n", i)  # the line end after "\\" is only a space
            self.out.append("\n")
        elif char in ESCAPED:
            self.out.append(char)
        elif char in ACCENTS:
            return self._accent(char, i)
        elif char in " \n\t,;:":  # control space and thin spaces: "45\,000" is "45 000"
            self.out.append(" ")
        return i

    def _accent(self, accent: str, i: int) -> int:
        i = skip_spaces(self.src, i)
        if self.src.startswith("{", i):
            target, i = group(self.src, i)
            target = self._sub(target)
        else:
            target, i = self.src[i : i + 1], i + 1
        if target[:1].isalpha():
            target = unicodedata.normalize("NFC", target[0] + ACCENTS[accent]) + target[1:]
        self.out.append(target)
        return i

    def _heading(self, name: str, starred: bool, i: int) -> int:
        i = skip_optional(self.src, skip_spaces(self.src, i))
        raw, i = group(self.src, skip_spaces(self.src, i))
        depth = SECTION_DEPTHS[name]
        number = None
        base = 0 if self.state.has_chapters else 1
        if not starred and depth >= base and depth <= self.state.secnumdepth:
            counts = self.state.numbers.step(depth - base + 1)
            number = dotted(counts)
            if self.state.appendix:
                first = chr(ord("A") + counts[0] - 1)
                number = ".".join([first, *number.split(".")[1:]])
        self.out.append(heading_line(self._sub(raw), number))
        return i

    def _item(self, i: int) -> int:
        label = None
        if self.src.startswith("[", skip_spaces(self.src, i)):
            raw, i = optional(self.src, skip_spaces(self.src, i))
            label = self._sub(raw).strip()
            if label and not label.endswith((":", ".", ")")):
                label += ":"  # a description list's term reads as a "Term: text" line
        elif self.state.lists and self.state.lists[-1] is not None:
            self.state.items[-1] += 1
            label = list_label(self.state.lists[-1] or "", self.state.items[-1])
        self._line_start()
        self.out.append(f"{label} " if label else "")
        return skip_spaces(self.src, i)

    def _environment(self, i: int) -> int:
        match = ENVIRONMENT_NAME.match(self.src, i)
        if match is None:
            return i
        name = match.group(1).strip()
        body_start, body_end, after = environment_bounds(self.src, name, match.end())
        if name in VERBATIM_ENVIRONMENTS:
            self._line_start()
            self.out.append(f"{self.src[body_start:body_end].strip(chr(10))}\n")
            return past_line_end(self.src, after)
        if name in HIDDEN_ENVIRONMENTS:
            return after
        j = skip_optional(self.src, body_start)
        option = self.src[body_start:j]
        arguments: list[str] = []
        while self.src.startswith("{", j):
            raw, j = group(self.src, j)
            arguments.append(raw)
        wanted = TABLE_ENVIRONMENTS.get(name, ENVIRONMENT_SETTINGS.get(name, 0))
        heading = " ".join(self._sub(a) for a in arguments[wanted:]).strip()
        body = re.sub(r"\A[ \t]*\n", "", self.src[j:body_end])  # the line end after \begin
        self._line_start()
        self.out.append(f"{heading}\n" if heading else "")
        if name in TABLE_ENVIRONMENTS:
            self.out.append(self._table(body))
        elif "\\item" in body:
            self.out.append(self._list(name, option, body))
        else:
            self.out.append(self._sub(body))
        self._line_start()
        return past_line_end(self.src, after)

    def _table(self, body: str) -> str:
        was, self.state.in_table = self.state.in_table, True
        try:
            return self._sub(body)
        finally:
            self.state.in_table = was

    def _list(self, name: str, option: str, body: str) -> str:
        pattern: str | None = None
        if name == "enumerate":
            depth = sum(1 for p in self.state.lists if p is not None)
            label = re.search(r"label\s*=\s*(\{[^}]*\}|[^,\]]+)", option)
            pattern = label.group(1).strip("{}") if label else LIST_LABELS[min(depth, 3)]
        self.state.lists.append(pattern)
        self.state.items.append(0)
        try:
            return self._sub(body)
        finally:
            self.state.lists.pop()
            self.state.items.pop()

    def _general(self, name: str, start: int, i: int) -> int:
        src, state = self.src, self.state
        if name in SYMBOLS:
            self.out.append(SYMBOLS[name])
            return i
        if name in TITLE_REFERENCES:
            self.out.append(state.titles.get(TITLE_REFERENCES[name], ""))
            return i
        if name == "maketitle" and not state.title_placed:
            state.title_placed = True
            self.out.append(TITLE_PLACEHOLDER)
            return i
        if name == "appendix":
            state.appendix = True
            state.numbers.counts.clear()
            return i
        if name in DEFINITIONS:
            return self._define(name, i)
        if name in state.macros:
            return self._expand(name, i)
        arguments: list[str] = []
        j = i
        while j < len(src) and src[j] in "[{":
            if src[j] == "[":
                j = skip_optional(src, j)
            else:
                raw, j = group(src, j)
                arguments.append(raw)
            if name in SETTINGS and len(arguments) == SETTINGS[name]:
                break
        if name in {"setcounter", "addtocounter"} and len(arguments) == 2:
            self._counter(name, *arguments)
        if name in SETTINGS or name in TITLE_COMMANDS:
            return j
        if name in PRINTS_ONE:
            count, printed = PRINTS_ONE[name]
            arguments = arguments[printed : printed + 1] if len(arguments) >= count else []
        if name == "footnote":
            self.out.append(f" ({self._sub(arguments[0])})" if arguments else "")
            return j
        if name == "multicolumn" and len(arguments) == 3:
            span = int(arguments[0]) if arguments[0].strip().isdigit() else 1
            self.out.append(self._sub(arguments[2]) + CELL_SEPARATOR * (span - 1))
            return j
        texts = [self._sub(a) for a in arguments]
        if len(texts) > 1 and alone_on_line(src, start, j):
            self.out.append(CELL_SEPARATOR.join(" ".join(t.split()) for t in texts))
        else:
            self.out.append(" ".join(t for t in texts if t.strip()))
        return j

    def _define(self, command: str, i: int) -> int:
        """Record a \\newcommand or \\def of the document: its uses print what it defines."""
        name, definition, i = read_definition(self.src, command, i)
        if name and not (command == "providecommand" and name in self.state.macros):
            self.state.macros[name] = definition
        return i

    def _expand(self, name: str, i: int) -> int:
        text, i = expand(self.state.macros[name], self.src, i)
        if self.state.expanding < MAX_EXPANSION_DEPTH:  # bounded against self-reference
            self.state.expanding += 1
            self.out.append(self._sub(text))
            self.state.expanding -= 1
        return i

    def _counter(self, command: str, counter: str, value: str) -> None:
        try:
            amount = int(value.strip())
        except ValueError:
            return
        counter = counter.strip()
        if counter == "secnumdepth":
            self.state.secnumdepth = amount
            return
        depth = SECTION_DEPTHS.get(counter)
        base = 0 if self.state.has_chapters else 1
        if depth is None or depth < base:
            return
        level = depth - base + 1
        current = (
            self.state.numbers.counts[level - 1] if len(self.state.numbers.counts) >= level else 0
        )
        self.state.numbers.set(level, amount + (current if command == "addtocounter" else 0))

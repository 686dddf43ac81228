r"""Text-markup sources (Markdown, Org, LaTeX, Typst) read as a reader of the compiled document.

Minutes kept in a repository are written in markup; the parser wants the text the compiled
document shows. Each language has its own module; this one decodes the file, picks the reader by
suffix and tidies the result into one page (page breaks in the source become paragraph breaks:
the compiled document's page numbers are not knowable without compiling it).

Paragraphs are separated by a blank line; a table row is one line of cells joined by a tab (⇥).

| what      | Markdown          | Org                  | LaTeX                 | Typst          |
|-----------|-------------------|----------------------|-----------------------|----------------|
| heading   | text, no number   | "1.1 T" (num:nil: T) | "1.1 T", \section*: T | "1.1 T" [1]    |
| emphasis  | text              | text                 | text                  | text           |
| link      | its text          | text or target       | \href text, \url      | body or URL    |
| comment   | <!-- --> dropped  | "# ", COMMENT gone   | % dropped             | //, /* */ gone |
| break     | hard break        | \\ at line end       | \\, \newline          | \ at line end  |
| item      | a line, "N." kept | a line               | \item: a line         | -, +: a line   |
| term      | "T: text"         | "T: text"            | \item[T] "T: …"       | "T: text"      |
| table row | pipe cells ⇥      | bar cells ⇥          | tabular & cells ⇥     | table/grid ⇥   |
| title     | YAML, pandoc %    | #+TITLE, #+DATE…     | \title, \date…        | template title |
| settings  | HTML: html.parser | #+KEY:, drawers      | preamble gone         | #set, #show…   |

[1] numbered as `#set heading(numbering: …)` says; a template applied with `#show:` and no
numbering in the file is taken to number the two top levels "1.1"; otherwise none.

LaTeX: environments lose `\begin`/`\end`; an unknown command prints its brace arguments, joined
by ⇥ when it stands alone on its line with several (`\förtroendevald{Ordförande}{Anna}{Ja}` →
"Ordförande⇥Anna⇥Ja"); `\S` → "§", `\&` → "&", `--` → "–". Typst: `#import`/`#let`/`#set`/`#show`
print nothing, `#name(…)` prints its content arguments — one line per source line, arguments on
one line joined by ⇥ — and a `#let` string where it is used. HTML: blocks are paragraphs, `<li>`
and `<tr>` lines, `<td>` cells ⇥, entities unescaped, source line breaks kept.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from pipeline.extract.clean import shorten_blank_runs
from pipeline.extract.markup_latex import latex_to_text
from pipeline.extract.markup_markdown import markdown_to_text
from pipeline.extract.markup_org import org_to_text
from pipeline.extract.markup_text import split_headings, tidy
from pipeline.extract.markup_typst import typst_to_text
from pipeline.extract.text import decode_noting
from pipeline.limits import check_text_file
from pipeline.records import Page, PageMethod

READERS: dict[str, Callable[[str], str]] = {
    ".md": markdown_to_text,
    ".markdown": markdown_to_text,
    ".org": org_to_text,
    ".tex": latex_to_text,
    ".typ": typst_to_text,
}


def read_markup(source: str, suffix: str) -> tuple[str, tuple[int, ...]]:
    """The text of a markup source and its heading lines; `suffix` names its language."""
    text = shorten_blank_runs(source.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff"))
    return split_headings(tidy(READERS[suffix.lower()](text.replace("\f", "\n\n"))))


def markup_to_text(source: str, suffix: str) -> str:
    """The text of a markup source; `suffix` (".md", ".tex"…) names its language."""
    return read_markup(source, suffix)[0]


def extract_markup(path: Path) -> tuple[Page, ...]:
    started = time.perf_counter()
    check_text_file(path)
    source, warnings = decode_noting(path.read_bytes(), source=str(path))
    text, headings = read_markup(source, path.suffix)
    seconds = time.perf_counter() - started
    return (Page(1, text, PageMethod.TEXT, None, seconds, headings=headings, warnings=warnings),)

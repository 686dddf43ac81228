"""What every markup reader shares: heading numbers and the layout of the text it writes."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

CELL_SEPARATOR = (
    "\t"  # a table row is one line, its cells joined by tabs (the clean stage keeps them)
)
SPACES = re.compile(r" {2,}")
# Readers write structural breaks as marks first, so that the white space around an element,
# which the compiled document does not show, merges into them instead of adding lines.
PARAGRAPH_MARK, LINE_MARK, CELL_MARK = "\x1e", "\x1f", "\x1d"
CELL_BREAK = re.compile(rf"[ \n]*{CELL_MARK}[ \n]*")
_BREAKS = f"{PARAGRAPH_MARK}{LINE_MARK}"
BLOCK_BREAK = re.compile(rf"[ \n{_BREAKS}]*[{_BREAKS}][ \n{_BREAKS}]*")
BLANK_RUN = re.compile(r"\n{3,}")
# Readers put this before a heading's text; `split_headings` takes it off and keeps the line.
HEADING_MARK = "\x01"


@dataclass
class HeadingNumbers:
    """The counters behind "1", "1.1", "1.1.1": a heading steps its level and resets deeper ones.

    A level skipped on the way down counts 0, as LaTeX and Org print it ("5.0.1").
    """

    counts: list[int] = field(default_factory=list)

    def step(self, level: int) -> tuple[int, ...]:
        while len(self.counts) < level:
            self.counts.append(0)
        del self.counts[level:]
        self.counts[level - 1] += 1
        return tuple(self.counts)

    def set(self, level: int, value: int) -> None:
        """Set a level's counter, as LaTeX's \\setcounter does; the next heading adds one."""
        while len(self.counts) < level:
            self.counts.append(0)
        del self.counts[level:]
        self.counts[level - 1] = value


def resolve_marks(text: str) -> str:
    """Marks to text: a paragraph mark wins over line marks and white space around it."""
    text = CELL_BREAK.sub(CELL_SEPARATOR, text)
    return BLOCK_BREAK.sub(lambda m: "\n\n" if PARAGRAPH_MARK in m.group() else "\n", text)


def dotted(numbers: tuple[int, ...]) -> str:
    return ".".join(str(n) for n in numbers)


def heading_line(title: str, number: str | None) -> str:
    """A heading as its own paragraph: blank lines around it, the number a reader sees first."""
    title = " ".join(title.split())
    text = f"{number} {title}" if number else title
    return f"\n\n{HEADING_MARK}{text}\n\n"


def split_headings(text: str) -> tuple[str, tuple[int, ...]]:
    """The text without heading marks, and the indexes of the lines that carried one."""
    lines = text.split("\n")
    headings = tuple(
        i for i, line in enumerate(lines) if HEADING_MARK in line and line.strip(HEADING_MARK + " ")
    )
    return text.replace(HEADING_MARK, ""), headings


def tidy(text: str) -> str:
    """Trim each line, collapse runs of spaces and of blank lines; tabs between cells stay.

    Lines are stripped of spaces only, so a row whose first cell is empty keeps its leading
    tab; a row of nothing but empty cells is dropped.
    """
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = SPACES.sub(" ", raw.replace("\u00a0", " ")).strip(" ")  # as clean does: NBSP
        line = re.sub(r" *\t *", CELL_SEPARATOR, line)
        lines.append("" if not line.strip() else line)
    return BLANK_RUN.sub("\n\n", "\n".join(lines)).strip("\n")

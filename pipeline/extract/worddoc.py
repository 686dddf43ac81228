"""Word 97–2003 binary documents (.doc) read by antiword, without an office suite.

antiword (Debian's package, 0.37 with Debian's fixes) reads Word 6 to 2003 files in a few
milliseconds and writes each paragraph on one line (`-w 0`), a blank line between paragraphs,
Word's automatic list numbers as the reader sees them ("1)", "a)"), tab stops as tabs, and a
table row as cells between bars; field codes, headers and footers stay out, as in the .docx
reader. Measured against catdoc (which drops list numbers and prints field codes such as
`HYPERLINK "…"` into the text) and wv (whose text output needs a web browser to render HTML).

What antiword cannot read (a file too short for it, an RTF or WordPerfect file saved as .doc)
goes to LibreOffice; an encrypted document is an error of its own.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import time
from functools import cache
from pathlib import Path

from pipeline.errors import EncryptedFile, ExtractionError
from pipeline.records import Page, PageMethod

ANTIWORD_TIMEOUT_S = 60
CELL_SEPARATOR = "\t"
TABLE_ROW = re.compile(r"^\|(.*)\|[ \t]*$")
NOTES_RULE = re.compile(r"^-{10,}$")  # antiword's rule above footnotes and text boxes
ENCRYPTED = "Encrypted documents are not supported"


class CannotRead(Exception):
    """antiword does not read this file (not Word 97–2003, or too short): another reader may."""


@cache
def antiword_binary() -> str | None:
    """antiword's path, found once per process; None when it is not installed."""
    return shutil.which("antiword")


def read_doc(binary: str, path: Path, *, timeout_s: float = ANTIWORD_TIMEOUT_S) -> tuple[Page, ...]:
    """The document's text as one page (a .doc file says nothing of where pages break).

    Raises CannotRead for a file antiword does not take, EncryptedFile, or ExtractionError.
    """
    started = time.perf_counter()
    command = [binary, "-m", "UTF-8.txt", "-w", "0", str(path)]
    try:
        done = subprocess.run(
            command, stdin=subprocess.DEVNULL, capture_output=True, timeout=timeout_s, check=False
        )
    except subprocess.TimeoutExpired as exc:
        raise ExtractionError(
            f"antiword did not finish reading the file within {timeout_s:g} s",
            path=str(path),
            hint="open it in LibreOffice or Word and save it as .docx",
        ) from exc
    stderr = done.stderr.decode("utf-8", "replace").strip()
    if done.returncode != 0:
        if ENCRYPTED in stderr:
            raise EncryptedFile(
                "the Word document is encrypted and needs a password",
                path=str(path),
                hint="save an unencrypted copy and ingest that",
            )
        raise CannotRead(stderr.splitlines()[-1] if stderr else f"exit {done.returncode}")
    text = tidy(done.stdout.decode("utf-8", "replace"))
    return (Page(1, text, PageMethod.TEXT, None, time.perf_counter() - started),)


def tidy(output: str) -> str:
    """antiword's text as the other readers give theirs: a table row's cells joined by tabs,
    no indentation (antiword indents list items by their level), paragraphs apart by one blank
    line, the rule above the notes a paragraph break."""
    lines = []
    for line in output.replace("\r", "").split("\n"):
        row = TABLE_ROW.match(line)
        if row:
            cells = [cell.strip() for cell in row.group(1).split("|")]
            while cells and not cells[-1]:
                cells.pop()
            line = CELL_SEPARATOR.join(cells)
        line = line.strip(" ")
        lines.append("" if NOTES_RULE.match(line) else line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")

"""LaTeX's vocabulary and source syntax: what each command prints, and how arguments are read.

The tables say which commands are settings (their arguments print nothing), which print one of
their arguments, which stand for a character, and which environments are verbatim, hidden or
tables; the functions read a brace group, an optional argument or an environment's body.
"""

from __future__ import annotations

import re

Definition = tuple[int, str | None, str]  # a command's parameters, default first argument, body

# fmt: off
# LaTeX's own depths: \part -1, \chapter 0, \section 1 … \subparagraph 5.
SECTION_DEPTHS = {"part": -1, "chapter": 0, "section": 1, "subsection": 2, "subsubsection": 3,
                  "paragraph": 4, "subparagraph": 5}
ARTICLE_SECNUMDEPTH = 3  # article and KOMA scrartcl number down to \subsubsection
BOOK_SECNUMDEPTH = 2  # book and report (classes with \chapter) down to \subsection
CHAPTER_CLASSES = re.compile(
    r"\\documentclass(?:\[[^\]]*\])?\{(?:book|report|scrbook|scrreprt|memoir)\}"
)
TITLE_COMMANDS = ("title", "subtitle", "author", "date")
TITLE_REFERENCES = {"@title": "title", "@author": "author", "@date": "date",
                    "@subtitle": "subtitle", "thetitle": "title", "theauthor": "author",
                    "thedate": "date"}
# Commands whose arguments are settings, not text: how many brace arguments to skip.
SETTINGS = {
    "documentclass": 1, "usepackage": 1, "RequirePackage": 1, "KOMAoptions": 1, "geometry": 1,
    "hypersetup": 1, "label": 1, "ref": 1, "pageref": 1, "eqref": 1, "autoref": 1, "cite": 1,
    "includegraphics": 1, "vspace": 1, "hspace": 1, "setlength": 2, "addtolength": 2,
    "newenvironment": 3,
    "renewenvironment": 3, "DeclareMathOperator": 2, "pagestyle": 1, "thispagestyle": 1,
    "pagenumbering": 1, "bibliography": 1, "bibliographystyle": 1, "input": 1, "include": 1,
    "cline": 1, "color": 1, "definecolor": 3, "newcounter": 1, "selectlanguage": 1,
    "linespread": 1, "addbibresource": 1, "setkomafont": 2, "addtokomafont": 2, "rule": 2,
    "setcounter": 2, "addtocounter": 2, "stepcounter": 1,
}
# Commands that print one of their arguments: (brace arguments, index of the printed one).
PRINTS_ONE = {
    "href": (2, 1), "textcolor": (2, 1), "colorbox": (2, 1), "foreignlanguage": (2, 1),
    "raisebox": (2, 1), "parbox": (2, 1), "multirow": (3, 2), "texorpdfstring": (2, 0),
    "hyperlink": (2, 1), "resizebox": (3, 2), "scalebox": (2, 1),
}
SYMBOLS = {
    "S": "§", "P": "¶", "ldots": "…", "dots": "…", "textellipsis": "…", "textendash": "–",
    "textemdash": "—", "LaTeX": "LaTeX", "TeX": "TeX", "euro": "€", "texteuro": "€",
    "pounds": "£", "textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
    "textbar": "|", "textless": "<", "textgreater": ">", "textquotedblleft": "“",
    "textquotedblright": "”", "textquoteleft": "‘", "textquoteright": "’", "textdegree": "°",
    "copyright": "©", "guillemotleft": "«", "guillemotright": "»", "quad": " ", "qquad": " ",
    "enspace": " ", "space": " ", "newline": "\n", "linebreak": "\n", "tabularnewline": "\n",
    "par": "\n\n", "bigskip": "\n\n", "medskip": "\n\n", "smallskip": "\n\n", "and": ", ",
    "aa": "å", "AA": "Å", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
    "ss": "ß", "l": "ł", "L": "Ł", "i": "ı", "textsection": "§", "nobreakspace": " ",
}
# Accent commands and the combining mark each puts on the next letter (\"o → ö).
ACCENTS = {
    "'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303", "=": "\u0304",
    ".": "\u0307", "c": "\u0327", "r": "\u030a", "v": "\u030c", "H": "\u030b", "u": "\u0306",
}
ESCAPED = set("&%$#_{}")
# What TeX's fonts print for these character sequences, longest first.
TYPOGRAPHIC_LIGATURES = {"---": "—", "--": "–", "``": "“", "''": "”", "`": "‘"}
VERBATIM_ENVIRONMENTS = frozenset({"verbatim", "verbatim*", "lstlisting", "minted", "Verbatim"})
HIDDEN_ENVIRONMENTS = frozenset({"comment", "tikzpicture", "thebibliography"})
# Environments and how many of their brace arguments are settings (column specs, widths).
TABLE_ENVIRONMENTS = {"tabular": 1, "tabular*": 2, "tabularx": 2, "tabulary": 2,
                      "longtable": 1, "array": 1, "supertabular": 1, "xltabular": 2}
ENVIRONMENT_SETTINGS = {"minipage": 1, "multicols": 1, "multicols*": 1, "wrapfigure": 2,
                        "otherlanguage": 1, "otherlanguage*": 1, "adjustbox": 1, "list": 2}
LIST_LABELS = ("{n}.", "({a})", "{i}.", "{A}.")  # enumerate's default labels by depth
# fmt: on
DEFINITIONS = frozenset({"newcommand", "renewcommand", "providecommand", "def"})
NAME = re.compile(r"[^\W\d_]+|@[^\W\d_]+")
ENVIRONMENT_NAME = re.compile(r"\s*\{([^{}]+)\}")


def list_label(pattern: str, n: int) -> str:
    numeral = roman(n)
    letter = chr(ord("a") + (n - 1) % 26)
    replacements = {
        "\\arabic*": str(n),
        "\\alph*": letter,
        "\\Alph*": letter.upper(),
        "\\roman*": numeral,
        "\\Roman*": numeral.upper(),
        "{n}": str(n),
        "{a}": letter,
        "{A}": letter.upper(),
        "{i}": numeral,
    }
    for placeholder, value in replacements.items():
        pattern = pattern.replace(placeholder, value)
    return pattern.replace("\\S", "§").replace("~", " ").strip()


def roman(n: int) -> str:
    values = ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))
    out = ""
    for value, digits in values:
        while n >= value:
            out, n = out + digits, n - value
    return out


def alone_on_line(src: str, start: int, end: int) -> bool:
    line_start = src.rfind("\n", 0, start) + 1
    line_end = src.find("\n", end)
    rest = src[end : len(src) if line_end < 0 else line_end]
    return not src[line_start:start].strip() and not rest.split("%", 1)[0].strip()


def skip_spaces(src: str, i: int) -> int:
    while i < len(src) and src[i] in " \t":
        i += 1
    return i


def skip_comment(src: str, i: int) -> int:
    """Skip to the end of the line; a line holding only a comment vanishes with its newline."""
    end = src.find("\n", i)
    if end < 0:
        return len(src)
    line_start = src.rfind("\n", 0, i) + 1
    return end + 1 if not src[line_start:i].strip() else end


def group(src: str, i: int) -> tuple[str, int]:
    """The raw text of the brace group at `i` (or the single token there) and the index after."""
    if not src.startswith("{", i):
        return src[i : i + 1], i + 1
    depth, j = 0, i
    while j < len(src):
        char = src[j]
        if char == "\\":
            j += 2
            continue
        if char == "%":
            j = skip_comment(src, j)
            continue
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                return src[i + 1 : j], j + 1
        j += 1
    return src[i + 1 :], len(src)


def optional(src: str, i: int) -> tuple[str, int]:
    depth, j = 0, i
    while j < len(src):
        char = src[j]
        if char == "\\":
            j += 2
            continue
        if char in "[{":
            depth += 1
        elif char in "]}":
            depth -= 1
            if depth == 0:
                return src[i + 1 : j], j + 1
        j += 1
    return src[i + 1 :], len(src)


def skip_optional(src: str, i: int) -> int:
    return optional(src, i)[1] if src.startswith("[", i) else i


def environment_bounds(src: str, name: str, i: int) -> tuple[int, int, int]:
    """Start and end of an environment's body and the index after its \\end, nesting counted."""
    begin, end = f"\\begin{{{name}}}", f"\\end{{{name}}}"
    depth, j = 1, i
    while True:
        next_end = src.find(end, j)
        if next_end < 0:
            return i, len(src), len(src)
        next_begin = src.find(begin, j, next_end)
        if next_begin >= 0:
            depth, j = depth + 1, next_begin + len(begin)
            continue
        depth -= 1
        if depth == 0:
            return i, next_end, next_end + len(end)
        j = next_end + len(end)


def past_line_end(src: str, i: int) -> int:
    """After a block that ended its line, the source's own line end adds nothing."""
    match = re.match(r"[ \t]*\n", src[i : i + 200])
    return i + match.end() if match else i


def read_definition(src: str, command: str, i: int) -> tuple[str, Definition, int]:
    """The name and definition of a \\newcommand (or \\def) whose arguments start at `i`."""
    if src.startswith("{", i):
        target, i = group(src, i)
    else:
        match = re.match(r"\\(?:[^\W\d_]+|.)", src[i:])
        target, i = (match.group(), i + match.end()) if match else ("", i)
    count, default = 0, None
    if command == "def":
        parameters = src[i : src.find("{", i)] if "{" in src[i:] else ""
        count, i = len(re.findall(r"#\d", parameters)), i + len(parameters)
    else:
        i = skip_spaces(src, i)
        if src.startswith("[", i):
            raw, i = optional(src, i)
            count = int(raw) if raw.strip().isdigit() else 0
        if src.startswith("[", skip_spaces(src, i)):
            default, i = optional(src, skip_spaces(src, i))
    body, i = group(src, skip_spaces(src, i))
    return target.strip().lstrip("\\"), (count, default, body), i


def expand(definition: Definition, src: str, i: int) -> tuple[str, int]:
    """A use of a defined command at `i`: its body with the arguments put in, and the end."""
    count, default, body = definition
    arguments = []
    if default is not None:
        if src.startswith("[", i):
            raw, i = optional(src, i)
            arguments.append(raw)
        else:
            arguments.append(default)
    while len(arguments) < count:
        raw, i = group(src, skip_spaces(src, i))
        arguments.append(raw)

    def argument(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return arguments[number - 1] if number <= count else ""

    return re.sub(r"#(\d)", argument, body), i

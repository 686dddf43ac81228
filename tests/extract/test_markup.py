"""Markup sources read as the compiled document shows them: Markdown, Org, LaTeX, Typst.

Each language has a fixture of realistic minutes in tests/fixtures/markup/ (written for these
tests), checked as extracted text and as parsed minutes; small sources in the tests pin down
single rules. The development corpus, when present, is read in full.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipeline.discover import identify
from pipeline.extract import extract
from pipeline.extract.markup import extract_markup, markup_to_text
from pipeline.extract.markup_typst_syntax import typst_number
from pipeline.process import process
from pipeline.records import Minutes, SourceFormat, Status
from tests.conftest import FIXTURES, shared_dir

MARKUP = FIXTURES / "markup"
ATTENDANCE = [
    ("Anna Åberg", Status.PRESENT),
    ("Örjan Ek", Status.PRESENT),
    ("Cecilia Lind", Status.ABSENT),
]
_parsed: dict[str, Minutes] = {}


def text_of(name: str) -> str:
    source = identify(MARKUP / name)
    assert source.format is SourceFormat.TXT
    pages = extract(source).pages
    assert len(pages) == 1
    return pages[0].text


def minutes_of(name: str) -> Minutes:
    if name not in _parsed:
        _parsed[name] = process(MARKUP / name)
    return _parsed[name]


def listed(minutes: Minutes) -> list[tuple[str, Status | None]]:
    """The status of each person the attendance list names (others may attend by role)."""
    status = {a.name: a.status for a in minutes.attendance}
    return [(name, status.get(name)) for name, _ in ATTENDANCE]


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def in_order(text: str, *expected: str) -> None:
    """Each expected line is in the text, in this order."""
    lines = lines_of(text)
    position = -1
    for line in expected:
        assert line in lines[position + 1 :], f"{line!r} missing after line {position}"
        position = lines.index(line, position + 1)


def paragraph_of(text: str, line: str) -> list[str]:
    """The paragraph (lines between blank lines) holding `line`."""
    for paragraph in text.split("\n\n"):
        if line in paragraph.split("\n"):
            return paragraph.split("\n")
    raise AssertionError(f"{line!r} not found")


# --- LaTeX ---------------------------------------------------------------------------------


def test_latex_fixture_reads_as_the_compiled_document() -> None:
    text = text_of("styrelsemote.tex")
    in_order(
        text,
        "Protokoll fört vid styrelsemöte i Föreningen Sjöviken",
        "2024-03-14",
        "Tid: 18.00–20.15",
        "Plats: Klubbstugan & Zoom",
        "Närvarande:",
        "Ordförande\tAnna Åberg\tJa",
        "Kassör\tÖrjan Ek\tJa",
        "Ledamot\tVakant\t",
        "Roll\tNamn\tNärvaro",
        "Sekreterare\tCecilia Lind\tNej",
        "1 Mötets öppnande",
        "Ordförande Anna Åberg öppnade mötet kl. 18.00.",
        "2 Ekonomi",
        "2.1 Budget 2024",
        "Budgeten enligt stadgan 4 kap. 2 § fastställs med 45 000 kr till underhåll",
        "och 5 % i reserv.",
        "2.1.1 Beslut",
        "budgeten fastställs",
        "kassören får i uppdrag att “följa upp” kvartalsvis",
        "Övrigt om ekonomin",
        "Inget att rapportera.",
        "3 Nästa möte",
        "Nästa möte hålls den 11 april. Justerare: Bo Berg.",
        "1. Kallelse",
        "2. Dagordning",
    )
    assert "Utkast" not in text and "Bortkommenterad" not in text
    assert not re.search(r"\\[A-Za-zåäö]|[{}]", text), "no markup may remain"
    assert paragraph_of(text, "2.1 Budget 2024") == ["2.1 Budget 2024"]
    assert paragraph_of(text, "Kassör\tÖrjan Ek\tJa")[0] == "Närvarande:"


def test_latex_fixture_parses_into_numbered_sections() -> None:
    minutes = minutes_of("styrelsemote.tex")
    assert [s.number for s in minutes.sections] == ["1", "2", "2.1", "3"]
    assert minutes.meeting.date == "2024-03-14"


def test_latex_fixture_attendance() -> None:
    minutes = minutes_of("styrelsemote.tex")
    assert listed(minutes) == ATTENDANCE


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\section{A}\subsection{B}\subsubsection{C}\section*{D}\section{E}",
         ["1 A", "1.1 B", "1.1.1 C", "D", "2 E"]),
        (r"\section{A}\subsubsection{B}", ["1 A", "1.0.1 B"]),
        (r"\setcounter{section}{4}\section{A}", ["5 A"]),
        (r"\setcounter{secnumdepth}{1}\section{A}\subsection{B}", ["1 A", "B"]),
        (r"\chapter{K}\section{A}\subsection{B}\subsubsection{C}",
         ["1 K", "1.1 A", "1.1.1 B", "C"]),
        (r"\part{Del}\section{A}\appendix\section{Bilaga}", ["Del", "1 A", "A Bilaga"]),
        (r"\section[Kort]{Lång titel}", ["1 Lång titel"]),
    ],
)  # fmt: skip
def test_latex_heading_numbers(source: str, expected: list[str]) -> None:
    text = markup_to_text(source.replace("}\\", "}\n\\"), ".tex")
    assert [line for line in lines_of(text) if line] == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (r"\emph{Vakant} och \textbf{fet} \texttt{kod}", "Vakant och fet kod"),
        (r"4 kap. 2~\S{} och \S 3", "4 kap. 2 § och §3"),
        (r"Kvitto \& konto, 5\% och \#1 \$ \_", "Kvitto & konto, 5% och #1 $ _"),
        (r"S\"odra \r{a}n, Bj\"{o}rk, caf\'e, \aa{}r", "Södra ån, Björk, café, år"),
        (r"18.00--20.00 ---  ``citat''", "18.00–20.00 — “citat”"),
        (r"\href{https://ex.org}{webbplatsen} och \url{https://ex.org}", "webbplatsen och https://ex.org"),
        (r"via \verb|utskick@dvet.se| i dag", "via utskick@dvet.se i dag"),
        (r"text % kommentar", "text"),
        (r"100\% säkert", "100% säkert"),
        (r"\textcolor{red}{Röd} \footnote{Not}", "Röd (Not)"),
    ],
)  # fmt: skip
def test_latex_inline_markup(source: str, expected: str) -> None:
    assert markup_to_text(source, ".tex") == expected


def test_latex_lines_lists_tables_and_custom_commands() -> None:
    source = "\n".join(
        [
            r"\begin{document}",
            r"\textbf{Datum:} 2024-01-02\\",
            r"\textbf{Tid:} 18.00",
            r"\ledamot{Ordförande}{Anna Åberg}{Ja}",
            r"Inline \foo{a}{b} stays one line.",
            r"\begin{description}",
            r"  \item[Kassör] Örjan Ek",
            r"\end{description}",
            r"\begin{enumerate}[label=\arabic* §]",
            r"  \item Första",
            r"  \item Andra",
            r"\end{enumerate}",
            r"\begin{tabular}{|l|l|}",
            r"  \hline Namn & \multicolumn{2}{c}{Närvaro} \\ \hline",
            r"  Bo & Ja",
            r"  & Nej \\",
            r"\end{tabular}",
            r"\begin{verbatim}",
            r"  \raw{text} % kept",
            r"\end{verbatim}",
            r"\begin{comment}",
            r"hidden",
            r"\end{comment}",
            r"\end{document}",
        ]
    )
    assert lines_of(markup_to_text(source, ".tex")) == [
        "Datum: 2024-01-02",
        "Tid: 18.00",
        "Ordförande\tAnna Åberg\tJa",
        "Inline a b stays one line.",
        "Kassör: Örjan Ek",
        "1 § Första",
        "2 § Andra",
        "Namn\tNärvaro\t",
        "Bo\tJa\tNej",
        r"\raw{text} % kept",
    ]


def test_latex_commands_the_document_defines_are_expanded() -> None:
    source = "\n".join(
        [
            r"\newcommand{\kr}[1]{#1~kr}",
            r"\newcommand{\org}{Föreningen}",
            r"\newcommand{\hej}[2][Hej]{#1, #2!}",
            r"\def\plats{Stugan}",
            r"\begin{document}",
            r"\kr{500} till \org{} i \plats. \hej{Anna} \hej[Tjena]{Bo}",
            r"\end{document}",
        ]
    )
    assert (
        markup_to_text(source, ".tex") == "500 kr till Föreningen i Stugan. Hej, Anna! Tjena, Bo!"
    )


def test_latex_title_block_without_maketitle_comes_first() -> None:
    source = (
        r"\begin{document}\title{Styrelsemöte 5}\date{2022-04-21}Datum: \csname @date\endcsname"
    )
    assert lines_of(markup_to_text(source, ".tex")) == [
        "Styrelsemöte 5",
        "",
        "2022-04-21",
        "",
        "Datum: 2022-04-21",
    ]


# --- Typst ---------------------------------------------------------------------------------


def test_typst_fixture_reads_as_the_compiled_document() -> None:
    text = text_of("arsmote.typ")
    in_order(
        text,
        "Årsmöte i Föreningen Sjöviken",
        "2024-04-20",
        "Plats: Bygdegården i Sjöviken",
        "Tid: 2024-04-20 kl. 18.30",
        "Närvarande:",
        "Anna Åberg\tOrdförande\tJa",
        "Örjan Ek\tKassör\tJa",
        "Cecilia Lind\tSekreterare\tNej",
        "1. Mötets öppnande",
        "Ordförande Anna Åberg öppnade mötet.",
        "2. Val av justerare",
        "2.1. Förslag",
        "Namn\tRoll",
        "Bo Berg\tJusterare",
        "2.2. Beslut",
        "Bo Berg väljs till justerare – enligt förslaget.",
        "3. Övriga frågor",
        "Bryggan behöver lagas",
        "Städdag i maj",
        "1. Kallelse",
        "2. Dagordning",
        "Kassör: Örjan Ek",
        "Se föreningens webbplats och bilaga.pdf.",
    )
    assert not re.search(r"#|//|/\*|<justerare>|\*Plats|_Anna", text), "no markup may remain"


def test_typst_fixture_parses_into_numbered_sections_and_attendance() -> None:
    minutes = minutes_of("arsmote.typ")
    assert [s.number for s in minutes.sections] == ["1", "2", "3"]
    assert listed(minutes) == ATTENDANCE


@pytest.mark.parametrize(
    ("pattern", "counts", "expected"),
    [
        ("1.1", (3,), "3"),
        ("1.1", (3, 1, 2), "3.1.2"),
        ("1.", (3, 1), "3.1."),
        ("I.a)", (2, 3), "II.c)"),
        ("§ 1", (4,), "§ 4"),
    ],
)
def test_typst_numbering_patterns(pattern: str, counts: tuple[int, ...], expected: str) -> None:
    assert typst_number(pattern, counts) == expected


@pytest.mark.parametrize(
    ("preamble", "expected"),
    [
        ("", ["A", "B", "C"]),  # Typst numbers nothing by default
        ('#set heading(numbering: "1.1")', ["1 A", "1.1 B", "1.1.1 C"]),
        ("#set heading(numbering: none)\n#show: mall", ["A", "B", "C"]),
        ("#show: mall.with(title: [Protokoll])", ["Protokoll", "1 A", "1.1 B", "C"]),
    ],
)
def test_typst_heading_numbering(preamble: str, expected: list[str]) -> None:
    text = markup_to_text(f"{preamble}\n= A\n== B\n=== C", ".typ")
    assert [line for line in lines_of(text) if line] == expected


def test_typst_calls_print_their_content_one_line_per_source_line() -> None:
    source = "\n".join(
        [
            '#let tid = "17:17"',
            "#let plats = [Monaden]",
            "#deltagare(styrelsen: true,",
            "  [Anna Åberg], [Ja],",
            "  [Bo Berg], [Nej, på länk],",
            ")",
            "Mötet öppnas #tid i #plats. #mall.okänd",
            "#attSatser([första attsatsen],",
            "  [andra attsatsen])",
            "#grid(columns: (1fr, 1fr), [a], [b], [c], [d])",
            '#link("https://ex.org") och #strong[fet] och #text(fill: red)[röd]',
            "https://ex.org/sida // kommentar",
            "snake_case, \\#1 och \\* och rad\\",
            "ny rad",
        ]
    )
    assert lines_of(markup_to_text(source, ".typ")) == [
        "Anna Åberg\tJa",
        "Bo Berg\tNej, på länk",
        "Mötet öppnas 17:17 i Monaden.",
        "första attsatsen",
        "andra attsatsen",
        "a\tb",
        "c\td",
        "https://ex.org och fet och röd",
        "https://ex.org/sida",
        "snake_case, #1 och * och rad",
        "ny rad",
    ]


# --- Org -----------------------------------------------------------------------------------


def test_org_fixture_reads_as_the_exported_document() -> None:
    text = text_of("styrelsemote.org")
    in_order(
        text,
        "Protokoll fört vid styrelsemöte i Föreningen Sjöviken",
        "2024-05-02",
        "Plats: Klubbstugan, kl. 18.00–19.30",
        "Närvarande:",
        "Namn\tRoll\tNärvaro",
        "Anna Åberg\tOrdförande\tJa",
        "Örjan Ek\tKassör\tJa",
        "Cecilia Lind\tSekreterare\tNej",
        "1 Mötets öppnande",
        "Ordförande Anna Åberg öppnade mötet.",
        "2 Ekonomi",
        "2.1 Budget",
        "Budgeten på 45 000 kr fastställs enligt bilagan.",
        "Underhåll: 30 000 kr",
        "Reserv: 15 000 kr",
        "3 Övriga frågor",
        "1. Bryggan behöver lagas",
        "2. Städdag i maj",
        "kl. 10.00",
        "Vi ses vid bryggan!",
    )
    for hidden in ("TODO", ":ekonomi:", "ANSVARIG", "Internt", "Utskick", "Inte heller", "#+"):
        assert hidden not in text


def test_org_fixture_parses_into_numbered_sections_and_attendance() -> None:
    minutes = minutes_of("styrelsemote.org")
    assert [s.number for s in minutes.sections] == ["1", "2", "2.1", "3"]
    assert listed(minutes) == ATTENDANCE


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ("", ["1 A", "1.1 B", "1.1.1 C", "D"]),  # H:3 makes the fourth level a plain line
        ("#+OPTIONS: num:nil", ["A", "B", "C", "D"]),
        ("#+OPTIONS: num:1", ["1 A", "B", "C", "D"]),
        ("#+OPTIONS: H:4", ["1 A", "1.1 B", "1.1.1 C", "1.1.1.1 D"]),
    ],
)
def test_org_headline_numbering(options: str, expected: list[str]) -> None:
    text = markup_to_text(f"{options}\n* A\n** B\n*** C\n**** D", ".org")
    assert [line for line in lines_of(text) if line] == expected


# --- Markdown ------------------------------------------------------------------------------


def test_markdown_fixture_reads_as_the_rendered_document() -> None:
    text = text_of("medlemsmote.md")
    in_order(
        text,
        "Protokoll fört vid medlemsmöte i Föreningen Sjöviken",
        "2024-06-10",
        "Plats: Bygdegården",
        "Tid: 19.00–20.30",
        "Närvarande",
        "Namn\tRoll\tNärvaro",
        "Anna Åberg\tOrdförande\tJa",
        "Örjan Ek\tKassör\tJa",
        "Cecilia Lind\tSekreterare\tNej",
        "§ 1 Mötets öppnande",
        "Ordförande Anna Åberg öppnade mötet och hälsade alla välkomna.",
        "§ 2 Bidrag till bryggan",
        "Föreningen har ansökt om bidrag på 25 000 kr.",
        "Material",
        "Arbetskostnad",
        "egen insats",
        "Beslut: Ansökan beviljas.",
        "§ 3 Mötets avslutande",
        "Ordförande avslutade mötet.",
        "Nästa möte: 2024-09-01",
        "Vid protokollet",
        "Cecilia Lind",
    )
    assert "layout" not in text and "kontrollerades" not in text and "**" not in text
    assert paragraph_of(text, "Material") == ["Material", "Arbetskostnad", "egen insats",
                                              "inhyrd snickare"]  # fmt: skip


def test_markdown_fixture_parses_into_sections_attendance_and_decisions() -> None:
    minutes = minutes_of("medlemsmote.md")
    assert [s.number for s in minutes.sections] == ["1", "2", "3"]
    assert listed(minutes) == ATTENDANCE
    assert [d.outcome.value for d in minutes.sections[1].decisions] == ["approved"]


def test_markdown_headings_pandoc_title_block_and_definition_lists() -> None:
    source = "\n".join(
        [
            "% Styrelsemöte",
            "% Sekreterare: Frej Connolly \\",
            "  Justerare: Tome Cvitan",
            "% 2013-01-08",
            "",
            "Val till ansvarsområden",
            "=======================",
            "",
            "Sponsring",
            ":   Jyrki Pulliainen",
            "",
            "# Rubrik *ett*",
            "1. första",
            "2. andra",
            "",
            "```text",
            "kod\tmed tab",
            "```",
        ]
    )
    assert lines_of(markup_to_text(source, ".md")) == [
        "Styrelsemöte",
        "",
        "Sekreterare: Frej Connolly",
        "Justerare: Tome Cvitan",
        "",
        "2013-01-08",
        "",
        "Val till ansvarsområden",
        "",
        "Sponsring: Jyrki Pulliainen",
        "",
        "Rubrik ett",
        "",
        "1. första",
        "2. andra",
        "",
        "kod med tab",
    ]


def test_html_in_markdown_becomes_lines_and_paragraphs() -> None:
    source = "\n".join(
        [
            "<h1>ÅRSMÖTESPROTOKOLL</h1>",
            "<p><strong>Mötesform:</strong> Årsmöte",
            "<strong> Datum:</strong> 2008-07-09, kl 18.30",
            "<strong>Närvarande:</strong></p>",
            "",
            "<ul>",
            "\t<li>Börje Tönsgård, ordförande</li>",
            "\t<li>Maria Hoorn &amp; Per, sekreterare</li>",
            "</ul>",
            "<ol><li>ett</li><li>två</li></ol>",
            "<table><tr><th>Namn</th><th>Roll</th></tr>",
            "<tr><td>Anna</td>\n<td>Kassör</td></tr></table>",
            "<p>Rad ett<br>rad två<script>x()</script></p>",
        ]
    )
    assert lines_of(markup_to_text(source, ".md")) == [
        "ÅRSMÖTESPROTOKOLL",
        "",
        "Mötesform: Årsmöte",
        "Datum: 2008-07-09, kl 18.30",
        "Närvarande:",
        "",
        "Börje Tönsgård, ordförande",
        "Maria Hoorn & Per, sekreterare",
        "",
        "1. ett",
        "2. två",
        "",
        "Namn\tRoll",
        "Anna\tKassör",
        "",
        "Rad ett",
        "rad två",
    ]


# --- The development corpus -----------------------------------------------------------------


@pytest.mark.shared
@pytest.mark.parametrize(
    "stem",
    [
        "dvd_2022-04-21.tex",
        "dvd_2022-05-17.tex",
        "dvd_2023-02-07.md",
        "dvd_2024-10-14.typ",
        "dvd_2025-10-01.typ",
        "langasand_2008-07-09.md",
        "langasand_2016-07-12.md",
        "pysv_2013-01-08.md",
        "pysv_2020-10-22.md",
        "pysv_2022-04-26.md",
    ],
)
def test_dev_corpus_headings_and_people_show_as_the_gold_has_them(stem: str) -> None:
    corpus = shared_dir("dev-corpus")
    path = corpus / "docs" / stem
    gold = json.loads((corpus / "gold" / f"{Path(stem).stem}.json").read_text("utf-8"))
    text = extract(identify(path)).pages[0].text
    lines = [line.strip() for line in lines_of(text)]
    numbered = path.suffix in {".tex", ".typ"}  # the number a reader sees comes from the markup
    for section in gold["sections"]:
        if numbered and section["number"]:
            assert f"{section['number']} {section['title']}" in lines
        else:
            assert any(line.endswith(section["title"]) for line in lines), section["title"]
    for person in gold["attendance"]:
        assert person["name"] in text
    assert not re.search(r"\\(?:begin|end|section|item|textbf|emph)\b|#(?:let|set|show)\b", text)
    assert not re.search(r"</?(?:p|li|ul|strong|h\d)>", text)


def test_headings_are_marked_on_the_page(tmp_path: Path) -> None:
    source = tmp_path / "m.md"
    source.write_text("# Möte 2024-01-10\n\nText.\n\n## Val av sekreterare\n\nAnna Berg\n")
    (page,) = extract_markup(source)
    lines = page.text.split("\n")
    assert [lines[i] for i in page.headings] == ["Möte 2024-01-10", "Val av sekreterare"]

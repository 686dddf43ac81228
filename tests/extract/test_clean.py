"""Cleaning: normalisation, § repair, hyphenation, running headers and footers."""

from __future__ import annotations

from pipeline.extract.clean import clean, normalise, repair_section_signs
from pipeline.records import ExtractedDoc, Page, PageMethod, SourceFile, SourceFormat

SOURCE = SourceFile("x.pdf", "0" * 64, SourceFormat.PDF, 1)


def _clean_pages(*texts: str) -> list[str]:
    pages = tuple(Page(n, t, PageMethod.TEXT) for n, t in enumerate(texts, 1))
    lines = clean(ExtractedDoc(SOURCE, pages)).lines
    return [line.text for line in lines if line.text]


def test_normalise_ligatures_soft_hyphens_and_nfc() -> None:
    assert normalise("ﬁnansiering av\u00adtal Sko\u0308vde") == "finansiering avtal Skövde"


def test_ocr_misreadings_of_the_section_sign_in_headings() -> None:
    assert repair_section_signs("$ 10 Mötets öppnande") == "§ 10 Mötets öppnande"
    assert repair_section_signs("$& 11 Dagordning") == "§ 11 Dagordning"
    assert repair_section_signs("& 12 Val av justerare") == "§ 12 Val av justerare"
    assert repair_section_signs("$1 Mötets öppnande") == "§ 1 Mötets öppnande"
    assert repair_section_signs("med anledning av $ 13.") == "med anledning av § 13."


def test_eight_read_as_section_sign_only_where_numbering_agrees() -> None:
    lines = _clean_pages(
        "§ 5 Ekonomi\n\nBudgeten 8 000 kronor, se 8 5.\n\n86 Övriga frågor\n\n8 stolar köptes."
    )
    assert "§ 6 Övriga frågor" in lines
    assert "Budgeten 8 000 kronor, se § 5." in lines
    assert "8 stolar köptes." in lines


def test_words_hyphenated_at_line_end_are_joined_but_compounds_keep_hyphens() -> None:
    lines = _clean_pages(
        "Insatsen ska genom-\nföras under våren med ESF-\nansökningar och lunch-till-\nlunch."
    )
    text = " ".join(lines)
    assert "genomföras" in text
    assert "ESF-" in text and "lunch-till-lunch" in text
    joined = " ".join(_clean_pages("en gemensam kompetens-\noch lärplattform"))
    assert joined == "en gemensam kompetens- och lärplattform"


def test_running_headers_footers_and_page_numbers_are_removed() -> None:
    bodies = ["§ 1 Öppnande\n\nMötet öppnades.", "§ 2 Ekonomi\n\nText på sidan 2.\nMer.", "Slut."]
    pages = [
        f"RAR i Sörmland\nProtokoll\n\n{body}\n\nSida {n} av 3" for n, body in enumerate(bodies, 1)
    ]
    lines = _clean_pages(*pages)
    assert "RAR i Sörmland" not in lines
    assert not any(line.startswith("Sida") for line in lines)
    assert lines.count("Protokoll") == 0  # repeated at the top of every page: furniture
    assert "Text på sidan 2." in lines
    running = clean(
        ExtractedDoc(SOURCE, tuple(Page(n, t, PageMethod.TEXT) for n, t in enumerate(pages, 1)))
    ).running_lines
    assert running == ("RAR i Sörmland", "Protokoll", "Sida 1 av 3")


def test_a_line_repeated_in_the_body_is_not_furniture() -> None:
    first = "§ 1 Rubrik\n\nFörsta stycket.\n\nBeslut: Skjuts upp.\n\nMer text.\n\nSista raden."
    second = "§ 2 Rubrik\n\nBeslut: Skjuts upp.\n\nAnnan text.\n\nSlutet."
    lines = _clean_pages(first, second)
    assert lines.count("Beslut: Skjuts upp.") == 2


def test_lines_keep_their_page_and_line_number() -> None:
    pages = (Page(1, "Första\nandra", PageMethod.TEXT), Page(2, "tredje", PageMethod.OCR, 90.0))
    lines = clean(ExtractedDoc(SOURCE, pages)).lines
    located = [(line.text, line.page, line.number) for line in lines if line.text]
    assert located == [("Första", 1, 1), ("andra", 1, 2), ("tredje", 2, 1)]


def test_letters_lost_to_u_fffd_are_restored_from_the_lexicon_or_left_alone() -> None:
    damaged = (
        "M\ufffdtesform:\ufffd\ufffdrsm\ufffdte\n\ufffd1 M\ufffdtet \ufffdppnas\n"
        "\ufffdrsm\ufffdtet beslutade att v\ufffdlja Karin Starrin till ordf\ufffdrande\n"
        "B\ufffdrje T\ufffdnsg\ufffdrd, kass\ufffdr i Fastighets\ufffdgaref\ufffdreningen"
    )
    assert _clean_pages(damaged) == [
        "Mötesform: Årsmöte",
        "§ 1 Mötet öppnas",
        "Årsmötet beslutade att välja Karin Starrin till ordförande",
        "B\ufffdrje T\ufffdnsg\ufffdrd, kassör i Fastighetsägareföreningen",
    ]

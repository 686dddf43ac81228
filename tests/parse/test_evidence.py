"""Whether a document is minutes: signs weighed into a confidence, whatever the layout; real
minutes are read however oddly laid out, and other documents are refused."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

from pipeline.errors import NotMinutes
from pipeline.parse.evidence import MIN_CONFIDENCE, WARN_BELOW, weigh
from pipeline.process import process
from tests.conftest import shared_dir

MINUTES = """Protokoll fört vid styrelsemöte i Föreningen Solrosen
Datum: 2023-03-14, kl 18.30–20.00
Plats: Föreningslokalen, Storgatan 3

Närvarande: Klara Nyström (ordförande), Arvid Sohlberg, Tilde Ek, Viggo Strand
Frånvarande: Maja Forsgren

§ 1 Mötets öppnande
Ordföranden Klara Nyström förklarade mötet öppnat.

§ 2 Val av justerare
Tilde Ek valdes att jämte ordföranden justera protokollet.

§ 3 Godkännande av dagordning
Dagordningen godkändes.

§ 4 Ekonomi
Kassören redovisade ekonomin. Rapporten lades till handlingarna.

§ 5 Inköp av gräsklippare
Styrelsen beslutade att köpa en ny gräsklippare för 4 500 kronor.

§ 6 Mötets avslutande
Ordföranden avslutade mötet.

Vid protokollet
Arvid Sohlberg, sekreterare

Justeras
Klara Nyström, ordförande            Tilde Ek, justerare
"""

# Minutes as a web transcript keeps them: one line, no §, no date, no attendance label.
ODD_MINUTES = (
    "Styrelsemöte i Koloniföreningen Vintergatan Ordföranden Nils Åberg öppnade mötet och "
    "hälsade alla välkomna. Frida Holm valdes att justera protokollet. Föreningen har 12 000 "
    "kronor på kontot. Vattnet sätts på i maj, det beslutades efter en kort diskussion. Nils "
    "tackade alla och avslutade mötet."
)


def spaced_out(text: str) -> str:
    """Letters spaced out the way some PDF text layers give them ("P r o t o k o l l")."""
    return re.sub(r"(\w)(?=\w)", r"\1 ", text)


def test_minutes_show_many_kinds_of_sign() -> None:
    evidence = weigh(MINUTES)
    assert evidence.is_minutes
    assert evidence.confidence >= 0.8
    assert evidence.missing == ()
    assert evidence.warnings() == []


@pytest.mark.parametrize(
    "layout",
    [
        lambda text: " ".join(text.split()),  # a page printed as one line
        lambda text: text.replace(":", " "),  # label colons lost
        spaced_out,  # letters spaced out by a PDF text layer
    ],
    ids=["one-line", "no-colons", "spaced-letters"],
)
def test_the_layout_does_not_change_the_confidence(layout: Callable[[str], str]) -> None:
    original = weigh(MINUTES).confidence
    assert weigh(layout(MINUTES)).confidence == pytest.approx(original, abs=0.05)


def test_words_of_minutes_scattered_through_a_long_text_do_not_add_up() -> None:
    filler = "Texten handlar om något helt annat och fortsätter länge. " * 120
    scattered = filler.join(
        [
            "Styrelsen hade möte i våras.",
            "Ordföranden var nöjd.",
            "Dagordningen var lång.",
            "Många var närvarande.",
            "Beslut fattades.",
            "Protokollet skrevs senare.",
            "Ingen justerare fanns.",
        ]
    )
    assert not weigh(scattered).is_minutes, weigh(scattered).reasons()


def test_odd_minutes_are_read_with_low_confidence_and_warnings(tmp_path: Path) -> None:
    path = tmp_path / "styrelsemote.txt"
    path.write_text(ODD_MINUTES, encoding="utf-8")
    minutes = process(path)
    assert minutes.confidence is not None
    assert MIN_CONFIDENCE <= minutes.confidence < WARN_BELOW
    (few,) = [w for w in minutes.warnings if w.startswith("few signs of minutes")]
    assert "attendance labels" in few and "numbered sections (§)" in few
    assert "a meeting date or time" in few


def test_confident_minutes_carry_no_such_warning(tmp_path: Path) -> None:
    path = tmp_path / "protokoll.txt"
    path.write_text(MINUTES, encoding="utf-8")
    minutes = process(path)
    assert minutes.confidence is not None and minutes.confidence >= 0.8
    assert not [w for w in minutes.warnings if w.startswith("few signs of minutes")]


def _pdf(path: Path, blocks: list[str | list[list[str]]]) -> Path:
    """A PDF of paragraphs (blank lines inside a string break lines) and tables."""
    style = getSampleStyleSheet()["BodyText"]
    story: list[object] = []
    for block in blocks:
        if isinstance(block, str):
            story.append(Paragraph(block.replace("\n", "<br/>"), style))
        else:
            story.append(Table(block))
        story.append(Spacer(1, 8))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# Documents an archive of minutes also holds, in Swedish: none of them is minutes.
NOT_MINUTES: dict[str, list[str | list[list[str]]]] = {
    "manual": [
        "Bruksanvisning Robotgräsklippare RK 300",
        "1. Säkerhet\nLäs hela bruksanvisningen innan du använder maskinen. Håll barn och "
        "husdjur borta från arbetsområdet.",
        "2. Installation\nPlacera laddstationen på plan mark. Dra begränsningskabeln runt "
        "gräsmattan och fäst den med pinnarna var 75:e centimeter.",
        "3. Inställningar\nKlipphöjden justeras med ratten under luckan, från 20 till 60 mm. "
        "Välj klipptider i menyn Timer och bekräfta med OK.",
        "4. Underhåll\nRengör knivarna varje vecka. Byt knivar efter 300 timmar. Förvara "
        "maskinen torrt under vintern.",
        "5. Felsökning\nOm maskinen stannar: kontrollera att kabeln är hel och att "
        "laddstationen har ström. Kontakta återförsäljaren om felet kvarstår.",
    ],
    "invoice": [
        "FAKTURA\nFakturanummer 20231045\nFakturadatum 2023-10-02\nFörfallodatum 2023-11-01",
        "Kund: Brf Solgläntan, Box 12, 123 45 Ekby\nVår referens: Anna Berg\nEr referens: Olle Ek",
        [
            ["Artikel", "Antal", "À-pris", "Belopp"],
            ["Fönsterputs, trapphus", "4", "850,00", "3 400,00"],
            ["Utryckning", "1", "1 200,00", "1 200,00"],
        ],
        "Summa exkl. moms 4 600,00 kr\nMoms 25 % 1 150,00 kr\nAtt betala 5 750,00 kr",
        "Betala till bankgiro 123-4567 och ange fakturanumret som referens. Dröjsmålsränta "
        "debiteras enligt räntelagen.",
    ],
    "form": [
        "Ansökan om föreningsbidrag 2024",
        "Fyll i blanketten och skicka den till kultur- och fritidsförvaltningen senast den "
        "15 mars.",
        [
            ["Föreningens namn", ""],
            ["Organisationsnummer", ""],
            ["Kontaktperson", ""],
            ["Telefon", ""],
            ["E-post", ""],
            ["Antal medlemmar 7–20 år", ""],
            ["Sökt belopp (kr)", ""],
        ],
        "Bifoga verksamhetsberättelse, ekonomisk redovisning och revisionsberättelse för "
        "föregående år.",
        "Underskrift\n\n________________________\nNamnförtydligande\n\n"
        "________________________\nDatum",
    ],
    "report": [
        "Kvävebelastning i små vattendrag i Mälardalen 2015–2022",
        "Sammanfattning\nVi mätte totalkväve i 48 vattendrag varannan vecka under åtta år. "
        "Halterna minskade med i genomsnitt 1,8 % per år (95 % KI 1,1–2,5), mest i "
        "jordbruksdominerade avrinningsområden.",
        "1 Inledning\nKväve från jordbruksmark bidrar till övergödning av sjöar och kustvatten. "
        "Tidigare studier har visat stora skillnader mellan år.",
        "2 Metod\nProver togs med hämtare och analyserades enligt SS-EN 12260. Trender "
        "skattades med Mann–Kendalls test och Sens lutning.",
        "3 Resultat\nTabell 2 visar halterna per område. Figur 3 visar trenden för de tio "
        "största vattendragen.",
        "4 Diskussion\nMinskningen sammanfaller med fler skyddszoner och fånggrödor. "
        "Referenser: Andersson m.fl. 2019; Berg och Lind 2021.",
    ],
    "letter": [
        "Ekby den 12 april 2023",
        "Till styrelsen i Brf Solgläntan",
        "Hej!\nJag bor i lägenhet 1102 och vill ta upp frågan om cykelrummet. Dörren går inte "
        "att låsa och det har försvunnit två cyklar sedan jul. Kan ni ta upp det på nästa "
        "möte? Jag kommer gärna och berättar mer om det behövs.",
        "Med vänliga hälsningar\nAnna Berg\nSolgläntevägen 4",
    ],
    "newsletter": [
        "Solrosbladet nr 2, maj 2023 Medlemsblad för Koloniföreningen Solrosen",
        "Ordföranden har ordet\nVåren är äntligen här och odlingssäsongen är i gång. Tack till "
        "alla som kom på städdagen i april, vi blev över trettio personer!",
        "Nytt från styrelsen\nStyrelsen har beslutat att köpa in en ny kompostkvarn. Den står "
        "i förrådet och får lånas av alla medlemmar.",
        "Kalendarium\n3 juni kl 10 Växtbytardag vid föreningshuset\n19 augusti Skördefest "
        "med knytkalas",
        "Glöm inte att betala medlemsavgiften, 300 kronor, före den 31 maj.",
    ],
    # These two carry the agenda of a meeting, its offices and §§, but not its record.
    "notice": [
        "Kallelse till årsmöte i Koloniföreningen Solrosen",
        "Tid: söndag 10 mars 2024 kl 14.00\nPlats: Föreningshuset",
        "Dagordning\n1. Mötets öppnande\n2. Val av mötesordförande\n3. Val av sekreterare\n"
        "4. Val av två justerare tillika rösträknare\n5. Godkännande av dagordningen\n"
        "6. Verksamhetsberättelse\n7. Ansvarsfrihet för styrelsen\n8. Övriga frågor\n"
        "9. Mötets avslutande",
        "Välkomna!\nStyrelsen",
    ],
    "bylaws": [
        "Stadgar för Koloniföreningen Solrosen, antagna vid årsmötet 2019-03-10",
        "§ 1 Namn\nFöreningens namn är Koloniföreningen Solrosen.",
        "§ 2 Ändamål\nFöreningen ska verka för odling och gemenskap bland medlemmarna.",
        "§ 7 Årsmöte\nVid årsmötet ska följande ärenden behandlas: mötets öppnande, val av "
        "mötesordförande och sekreterare, val av två justerare, fastställande av röstlängd, "
        "fråga om mötet utlysts stadgeenligt, fastställande av dagordning, ansvarsfrihet för "
        "styrelsen, val av styrelse, övriga frågor.",
        "§ 8 Beslut\nBeslut fattas med enkel majoritet. Vid lika röstetal har ordföranden "
        "utslagsröst.",
        "§ 10 Ändring av stadgarna\nÄndring av stadgarna kräver beslut av två på varandra "
        "följande årsmöten.",
    ],
}


@pytest.mark.parametrize("kind", sorted(NOT_MINUTES))
def test_documents_that_are_not_minutes_are_refused(tmp_path: Path, kind: str) -> None:
    path = _pdf(tmp_path / f"{kind}.pdf", NOT_MINUTES[kind])
    with pytest.raises(NotMinutes, match="nothing in it looks like minutes"):
        process(path)


def test_minutes_that_name_another_document_are_still_minutes() -> None:
    """Only the first words name the document's own kind: minutes approve the notice."""
    assert weigh(
        MINUTES.replace("Dagordningen godkändes.", "Kallelse och dagordning godkändes.")
    ).is_minutes
    notice = "Kallelse och protokoll från styrelsemöte\n" + MINUTES
    assert weigh(notice).other_kind is None and weigh(notice).is_minutes


def test_minutes_in_a_pdf_are_read_with_their_confidence(tmp_path: Path) -> None:
    blocks: list[str | list[list[str]]] = MINUTES.split("\n\n")
    minutes = process(_pdf(tmp_path / "protokoll.pdf", blocks))
    assert minutes.confidence is not None and minutes.confidence >= 0.8
    assert [s.number for s in minutes.sections] == ["1", "2", "3", "4", "5", "6"]


def _page_sized_stretches(conllu: Path, chars: int) -> list[str]:
    sentences = [
        line.removeprefix("# text = ").strip()
        for line in conllu.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    stretches, current = [], ""
    for sentence in sentences:
        current += sentence + "\n"
        if len(current) >= chars:
            stretches.append(current)
            current = ""
    return stretches


@pytest.mark.shared
def test_swedish_prose_is_not_minutes() -> None:
    """Pages of news, novels, a software manual and parliamentary debate (the UD treebanks)
    talk about meetings, chairs and decisions; they are not minutes."""
    corpora = shared_dir("corpora")
    stretches = [
        text
        for conllu in sorted(corpora.glob("ud-swedish-*/*.conllu"))
        for text in _page_sized_stretches(conllu, 2500)
    ]
    assert len(stretches) > 200
    taken = [text[:80] for text in stretches if weigh(text).is_minutes]
    assert taken == []


def test_confidence_is_a_share_of_every_kind_of_sign() -> None:
    assert weigh("").confidence == 0.0
    assert not weigh("").is_minutes
    assert 0 < weigh(ODD_MINUTES).confidence < weigh(MINUTES).confidence <= 1.0
    assert weigh(ODD_MINUTES).confidence >= MIN_CONFIDENCE

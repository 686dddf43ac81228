"""Files on disk (labelled synthetic), gold straight into DuckDB, and how the parser reads them."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from devtools.synth.__main__ import main
from devtools.synth.archive import documents
from devtools.synth.load import bulk_load, minutes_from_gold
from devtools.synth.write import Only, write_archive
from pipeline.evaluation.run import evaluate
from pipeline.store import db


def test_fast_txt_path_and_readme(tmp_path: Path) -> None:
    report = write_archive(tmp_path, 6, seed=2, only=Only.TXT)
    assert (report.text_files, report.text_pdfs, report.scanned_pdfs) == (6, 0, 0)
    texts = sorted((tmp_path / "text").glob("*.txt"))
    golds = sorted((tmp_path / "gold").glob("*.json"))
    assert [t.stem for t in texts] == [g.stem for g in golds]
    assert all(t.name.startswith("synthetic_fiktiva-") for t in texts)
    assert not (tmp_path / "archive").exists()
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "SYNTHETIC" in readme and "invented" in readme
    gold = json.loads(golds[0].read_text(encoding="utf-8"))
    assert gold["file"] == texts[0].name and gold["source"]["path"] == f"text/{texts[0].name}"


def test_text_and_scanned_pdfs(tmp_path: Path) -> None:
    report = write_archive(tmp_path, 2, seed=0, scanned_share=0.5)
    assert report.text_pdfs + report.scanned_pdfs == 2 and report.text_files == 2
    for gold_file in (tmp_path / "gold").glob("*.json"):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        pdf = tmp_path / gold["source"]["path"]
        assert pdf.read_bytes().startswith(b"%PDF")
        assert gold["source"]["ocr_pages"] == (
            list(range(1, gold["source"]["pages"] + 1)) if pdf.stem.endswith("_scan") else []
        )
    again = tmp_path / "again"
    write_archive(again, 2, seed=0, scanned_share=0.5)
    for pdf in (tmp_path / "archive").iterdir():
        assert (again / "archive" / pdf.name).read_bytes() == pdf.read_bytes()


def test_gold_loads_into_a_database_whose_views_answer(tmp_path: Path) -> None:
    path = tmp_path / "synthetic.duckdb"
    con = db.connect(path)
    try:
        golds = [g for _, _, g in documents(60, seed=0)]
        assert bulk_load(con, (minutes_from_gold(g) for g in golds)) == 60
        assert bulk_load(con, (minutes_from_gold(g) for g in golds[:5])) == 0  # already there
        meetings = con.execute("SELECT sum(meetings) FROM meetings_per_body_year").fetchone()
        sections = sum(len(g["sections"]) for g in golds)
        assert meetings == (60,)
        assert con.execute("SELECT count(*) FROM sections").fetchone() == (sections,)
        rates = con.execute(
            "SELECT min(attendance_rate), max(attendance_rate) "
            "FROM attendance_rate_per_person_body_year"
        ).fetchone()
        assert rates is not None and 0 <= rates[0] < rates[1] <= 1
        unnamed = con.execute(
            "SELECT count(*) FROM attendance_rate_per_person_body_year WHERE name IS NULL"
        ).fetchone()
        assert unnamed == (0,)  # every person has a row in persons
        ids = {a["person_id"] for g in golds for a in g["attendance"]}
        assert con.execute("SELECT count(*) FROM persons").fetchone() == (len(ids),)
        granted = con.execute("SELECT sum(sek) FROM money_granted").fetchone()
        assert granted is not None and granted[0] > 0
    finally:
        con.close()


def test_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, database = tmp_path / "archive", tmp_path / "s.duckdb"
    assert main(["--out", str(out), "--meetings", "3", "--only", "txt", "--db", str(database)]) == 0
    assert "3 synthetic meetings loaded" in capsys.readouterr().err
    with duckdb.connect(str(database), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM meetings").fetchone() == (3,)


@pytest.mark.parametrize("seed", [0, 1])  # the two house styles: "rar" and "kommun"
def test_the_parser_reads_the_synthetic_text(tmp_path: Path, seed: int) -> None:
    write_archive(tmp_path, 8, seed=seed, only=Only.TXT)
    evaluation = evaluate(tmp_path / "gold", tmp_path / "text")
    assert not evaluation.failures
    for field in ("attendance", "sections", "section_titles"):
        assert evaluation.overall(field).f1 >= 0.95, field
    assert evaluation.accuracy("date") == 1.0

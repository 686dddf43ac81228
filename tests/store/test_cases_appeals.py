"""Case links across meetings and the appeal window, from invented minutes read and loaded."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.ingest.store import load_minutes
from pipeline.process import process
from pipeline.store import db
from pipeline.store.case_rows import case_key

MINUTES = """PROTOKOLL
{body}
Sammanträdesdatum {date}
Plats och tid Kommunhuset kl. 13.00-16.00
Justeringens plats och tid Kommunhuset {adjusted}
Datum för anslags uppsättande {posted}

Beslutande
Anna Berglind (S), ordförande
Bo Ekwall (M)

§ 7 Motion om cykelvägar
{case}
{decision}
"""


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("cases")
    path = folder / "cases.duckdb"
    con = db.connect(path)
    meetings = [
        (
            "Arbetsutskottet",
            "2022-02-01",
            "2022-02-04",
            "2022-02-07",
            "Dnr KS 2021/301",
            "Arbetsutskottet beslutar att återremittera ärendet.",
        ),
        (
            "Kommunstyrelsen",
            "2022-03-15",
            "2022-03-18",
            "2022-03-21",
            "Diarienummer KS/2021:301",
            "Kommunstyrelsen beslutar att avslå motionen.",
        ),
    ]
    for body, day, adjusted, posted, case, decision in meetings:
        text = folder / f"{body}_{day}.txt"
        text.write_text(
            MINUTES.format(
                body=body, date=day, adjusted=adjusted, posted=posted, case=case, decision=decision
            ),
            encoding="utf-8",
        )
        load_minutes(con, process(text))
    con.close()
    return path


def test_diary_numbers_written_three_ways_are_one_case() -> None:
    assert case_key("Dnr KS 2019/123") == ("KS 2019/123", "KS", 2019, 123)
    assert case_key("KS/2019:123") == ("KS 2019/123", "KS", 2019, 123)
    assert case_key("Dnr 2019.123") == ("2019/123", None, 2019, 123)
    assert case_key("kanske 12") is None


def test_a_case_history_runs_across_bodies(database: Path) -> None:
    con = duckdb.connect(str(database), read_only=True)
    assert con.execute(
        "SELECT strftime(date, '%Y-%m-%d'), body, section_number, outcomes FROM case_history"
    ).fetchall() == [
        ("2022-02-01", "arbetsutskottet", "7", "referred"),
        ("2022-03-15", "kommunstyrelsen", "7", "rejected"),
    ]


def test_the_appeal_deadline_is_three_weeks_after_posting(database: Path) -> None:
    con = duckdb.connect(str(database), read_only=True)
    assert con.execute(
        "SELECT strftime(adjusted_on, '%Y-%m-%d'), strftime(posted_on, '%Y-%m-%d'), "
        "strftime(appeal_deadline, '%Y-%m-%d') FROM meetings ORDER BY date"
    ).fetchall() == [
        ("2022-02-04", "2022-02-07", "2022-02-28"),
        ("2022-03-18", "2022-03-21", "2022-04-11"),
    ]


def test_the_commands_answer_case_and_open_appeals(database: Path) -> None:
    runner = CliRunner()
    case = runner.invoke(app, ["case", "KS", "2021/301", "--db", str(database), "-f", "csv"])
    assert case.exit_code == 0, case.output
    assert case.stdout.count("\n") == 3  # header and two §§
    appeals = runner.invoke(
        app, ["appeals", "--on", "2022-04-11", "--db", str(database), "-f", "csv"]
    )
    assert appeals.exit_code == 0, appeals.output
    lines = appeals.stdout.strip().splitlines()
    assert len(lines) == 2 and "2022-04-11" in lines[1] and ",0," in lines[1]
    closed = runner.invoke(app, ["appeals", "--on", "2022-04-12", "--db", str(database)])
    assert "0 decisions open to appeal" in closed.output

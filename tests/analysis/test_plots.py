"""Plots are written as PNG files, with and without data."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from pipeline.analysis import plots, queries

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _png(path: Path) -> bytes:
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 10_000
    return data


def test_attendance_plot_per_person(reader: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    frame = queries.attendance(reader, body="styrelsen")
    figure = plots.plot_attendance(frame)
    axes = figure.axes[0]
    assert axes.get_title() == "Attendance rate per person — styrelsen"
    labels = [t.get_text() for t in axes.get_legend().get_texts()]
    assert "Cecilia Öst" in labels and "Anna Åberg" in labels
    _png(plots.save_figure(figure, tmp_path / "attendance.png"))


def test_attendance_plot_per_body_when_many_people(
    reader: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    frame = queries.attendance(reader)
    many = pd.concat([frame.assign(person_id=frame["person_id"] + str(i)) for i in range(3)])
    figure = plots.plot_attendance(many)
    labels = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert labels == ["arbetsutskottet", "styrelsen"]  # one organization: no need to name it
    _png(plots.save_figure(figure, tmp_path / "bodies.png"))


def test_outcome_and_money_plots(reader: duckdb.DuckDBPyConnection, tmp_path: Path) -> None:
    outcomes = plots.plot_outcomes(queries.outcomes_per_year(reader))
    assert outcomes.axes[0].get_xlabel() == "Year of the meeting"
    _png(plots.save_figure(outcomes, tmp_path / "outcomes.png"))
    _png(plots.save_figure(plots.plot_money(queries.money_per_year(reader)), tmp_path / "m.png"))


def test_empty_answers_still_make_a_picture(
    reader: duckdb.DuckDBPyConnection, tmp_path: Path
) -> None:
    empty = queries.attendance(reader, person="nobody at all")
    assert empty.empty
    _png(plots.save_figure(plots.plot_attendance(empty), tmp_path / "empty.png"))
    none = queries.money_per_year(reader, body="no such body")
    _png(plots.save_figure(plots.plot_money(none), tmp_path / "none.png"))

"""The command line's plots (pipeline/analysis/plots.py) drawn from the mirror, in Swedish."""

from __future__ import annotations

import io

import pandas as pd
from matplotlib.figure import Figure

from pipeline.serve.words import OUTCOMES

FEW_YEARS = 15
WEB_DPI = 80  # the CLI's figure size at screen resolution: ~800 px wide, drawn in ~0.1 s


def attendance_frame(rates: list[dict[str, object]]) -> pd.DataFrame:
    """Rows of attendance_rate_per_person_body_year in the shape `queries.attendance` returns."""
    frame = pd.DataFrame(
        rates,
        columns=[
            "organization",
            "body",
            "person_id",
            "name",
            "year",
            "meetings_attended",
            "meetings_held",
            "attendance_rate",
        ],
    )
    frame["period"] = frame["year"].astype(str)
    frame["period_start"] = pd.to_datetime(frame["year"].astype(str) + "-01-01")
    return frame


def outcome_frame(outcomes: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(outcomes, columns=["year", "outcome", "decisions"])


def attendance_png(frame: pd.DataFrame, title: str) -> bytes:
    from pipeline.analysis.plots import plot_attendance

    figure = plot_attendance(frame, title=title)
    axes = figure.axes[0]
    axes.set_xlabel("Mötesår")
    axes.set_ylabel("Närvarande möten / hållna möten")
    years = sorted(frame["year"].dropna().unique())
    if 0 < len(years) <= FEW_YEARS:  # a tick per year; a single year has no range to span
        axes.set_xticks([int(y) for y in years])
        axes.set_xlim(int(years[0]) - 0.5, int(years[-1]) + 0.5)
    return _png(figure)


def outcomes_png(frame: pd.DataFrame, title: str) -> bytes:
    from pipeline.analysis.plots import plot_outcomes

    figure = plot_outcomes(frame, title=title)
    axes = figure.axes[0]
    axes.set_xlabel("Mötesår")
    axes.set_ylabel("Beslut")
    legend = axes.get_legend()
    if legend is not None:
        legend.set_title("utfall")
        for text in legend.get_texts():
            text.set_text(OUTCOMES.get(text.get_text(), text.get_text()))
    return _png(figure)


def _png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=WEB_DPI)
    return buffer.getvalue()

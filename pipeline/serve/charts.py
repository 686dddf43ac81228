"""The command line's plots (pipeline/analysis/plots.py) drawn from the mirror, in Swedish."""

from __future__ import annotations

import io
from functools import lru_cache

import pandas as pd
from matplotlib.figure import Figure

from pipeline.serve.words import OUTCOMES

FEW_YEARS = 15
WEB_DPI = 80  # the CLI's figure size at screen resolution: ~800 px wide
CACHED_PLOTS = 128
OUTCOMES_RIGHT = 0.86  # room for the legend beside the bars
Rows = tuple[tuple[object, ...], ...]


ATTENDANCE_COLUMNS = (
    "organization",
    "body",
    "person_id",
    "name",
    "year",
    "meetings_attended",
    "meetings_held",
    "attendance_rate",
)
OUTCOME_COLUMNS = ("year", "outcome", "decisions")


def attendance_frame(rates: list[dict[str, object]]) -> pd.DataFrame:
    """Rows of attendance_rate_per_person_body_year in the shape `queries.attendance` returns."""
    frame = pd.DataFrame(rates, columns=list(ATTENDANCE_COLUMNS))
    frame["period"] = frame["year"].astype(str)
    frame["period_start"] = pd.to_datetime(frame["year"].astype(str) + "-01-01")
    return frame


def outcome_frame(outcomes: list[dict[str, object]]) -> pd.DataFrame:
    return pd.DataFrame(outcomes, columns=list(OUTCOME_COLUMNS))


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
    return _png(figure, right=OUTCOMES_RIGHT)


def _png(figure: Figure, right: float = 0.98) -> bytes:
    """The figure as a PNG, laid out with fixed margins: the CLI's constrained layout costs
    more than drawing the figure itself."""
    figure.set_layout_engine("none")
    left, bottom, top = 0.08, 0.11, 0.92
    figure.axes[0].set_position((left, bottom, right - left, top - bottom))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=WEB_DPI)
    return buffer.getvalue()


@lru_cache(maxsize=CACHED_PLOTS)
def attendance_plot(rows: Rows, title: str) -> bytes:
    """The attendance plot of rows of attendance_rate_per_person_body_year, drawn once."""
    return attendance_png(attendance_frame([_row(ATTENDANCE_COLUMNS, r) for r in rows]), title)


@lru_cache(maxsize=CACHED_PLOTS)
def outcomes_plot(rows: Rows, title: str) -> bytes:
    """The outcomes plot of (year, outcome, decisions) rows, drawn once."""
    return outcomes_png(outcome_frame([_row(OUTCOME_COLUMNS, r) for r in rows]), title)


def _row(columns: tuple[str, ...], values: tuple[object, ...]) -> dict[str, object]:
    return dict(zip(columns, values, strict=True))

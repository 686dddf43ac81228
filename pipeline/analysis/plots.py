"""Pictures of the answers: attendance over time, decision outcomes and money granted per year."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, ParamSpec

import matplotlib
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator, PercentFormatter

from pipeline.analysis.queries import attendance_by_body

FONT = "DejaVu Sans"  # has å, ä, ö and every letter of Nordic names; ships with matplotlib too
FIGURE_SIZE_IN = (10.0, 5.5)
DPI = 150
MAX_PERSON_LINES = 8  # more people than this: one line per body instead
OUTCOME_COLORS = {
    "approved": "#2e7d32",
    "rejected": "#c62828",
    "postponed": "#ef6c00",
    "referred": "#6a1b9a",
    "elected": "#1565c0",
    "noted": "#9e9e9e",
    "other": "#d7ccc8",
}

STYLE: dict[str, Any] = {"font.family": FONT, "axes.titleweight": "bold", "axes.titlesize": 13}


P = ParamSpec("P")


def _styled(plot: Callable[P, Figure]) -> Callable[P, Figure]:
    """Draw inside the project's style without touching the caller's matplotlib settings."""

    @wraps(plot)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Figure:
        with matplotlib.rc_context(STYLE):  # type: ignore[arg-type]
            return plot(*args, **kwargs)

    return wrapper


def _figure() -> tuple[Figure, Axes]:
    """A figure outside pyplot: no global state, no display needed, shown inline in notebooks."""
    figure = Figure(figsize=FIGURE_SIZE_IN, layout="constrained")
    axes = figure.subplots()
    axes.grid(axis="y", alpha=0.3)
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _no_data(axes: Axes) -> None:
    axes.text(0.5, 0.5, "No data", ha="center", va="center", transform=axes.transAxes)


def _period_word(frame: pd.DataFrame) -> str:
    label = str(frame["period"].iloc[0]) if not frame.empty else ""
    return "quarter" if "-Q" in label else "month" if len(label) == 7 else "year"


def _where(organization: object, body: object, *, orgs: bool, bodies: bool) -> str:
    """The "(body, organization)" a line label needs to tell lines apart, or nothing."""
    parts = [str(body)] if bodies else []
    parts += [str(organization).removeprefix("Samordningsförbundet ")] if orgs else []
    return f" ({', '.join(parts)})" if parts else ""


def _x(rows: pd.DataFrame, yearly: bool) -> pd.Series:
    return rows["period_start"].dt.year if yearly else rows["period_start"]


@_styled
def plot_attendance(frame: pd.DataFrame, *, title: str | None = None) -> Figure:
    """Attendance rate over time from `queries.attendance`: a line per person when there are
    at most MAX_PERSON_LINES of them, otherwise a line per body (its people pooled)."""
    figure, axes = _figure()
    frame = frame.assign(period_start=pd.to_datetime(frame["period_start"]))
    people = frame["person_id"].nunique() if not frame.empty else 0
    per_person = 0 < people <= MAX_PERSON_LINES
    orgs = frame["organization"].nunique() > 1
    bodies = frame["body"].nunique() > 1
    period = _period_word(frame)
    yearly = period == "year"
    if frame.empty:
        _no_data(axes)
    elif per_person:
        for (org, body, _), rows in frame.groupby(["organization", "body", "person_id"]):
            label = str(rows["name"].iloc[0]) + _where(org, body, orgs=orgs, bodies=bodies)
            axes.plot(_x(rows, yearly), rows["attendance_rate"], marker="o", label=label)
    else:
        pooled = attendance_by_body(frame)
        for (org, body), rows in pooled.groupby(["organization", "body"], dropna=False):
            label = str(body) + _where(org, body, orgs=orgs, bodies=False)
            axes.plot(_x(rows, yearly), rows["attendance_rate"], marker="o", label=label)
    if yearly:
        axes.xaxis.set_major_locator(MaxNLocator(integer=True))
    else:
        locator = AutoDateLocator()  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        axes.xaxis.set_major_formatter(ConciseDateFormatter(locator))  # type: ignore[no-untyped-call]
    axes.set_ylim(0, 1.05)
    axes.yaxis.set_major_formatter(PercentFormatter(1.0))
    axes.set_xlabel(f"Meeting {period}")
    axes.set_ylabel("Meetings attended / meetings held")
    if title is None:
        names = ", ".join(sorted({str(b) for b in frame["body"].dropna()})) or "all bodies"
        title = f"Attendance rate {'per person' if per_person else 'per body'} — {names}"
    axes.set_title(title)
    if not frame.empty:
        axes.legend(loc="lower left", fontsize=9, ncols=2 if per_person else 1, frameon=False)
    return figure


@_styled
def plot_outcomes(frame: pd.DataFrame, *, title: str = "Decisions per year by outcome") -> Figure:
    """Stacked bars of decisions per year and outcome, from `queries.outcomes_per_year`."""
    figure, axes = _figure()
    if frame.empty:
        _no_data(axes)
    else:
        table = frame.pivot_table(
            index="year", columns="outcome", values="decisions", aggfunc="sum", fill_value=0
        )
        order = [o for o in OUTCOME_COLORS if o in table.columns]
        order += [o for o in table.columns if o not in OUTCOME_COLORS]
        bottom = pd.Series(0, index=table.index)
        for outcome in order:
            axes.bar(
                table.index.astype(str),
                table[outcome],
                bottom=bottom,
                label=outcome,
                color=OUTCOME_COLORS.get(str(outcome), "#607d8b"),
            )
            bottom = bottom + table[outcome]
        axes.legend(title="outcome", loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel("Year of the meeting")
    axes.set_ylabel("Decisions")
    axes.set_title(title)
    return figure


@_styled
def plot_money(frame: pd.DataFrame, *, title: str = "Money granted per year") -> Figure:
    """Bars of kronor granted per year, from `queries.money_per_year`."""
    figure, axes = _figure()
    if frame.empty:
        _no_data(axes)
    else:
        axes.bar(frame["year"].astype(str), frame["sek"], color="#2e7d32")
    axes.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"{v:,.0f}".replace(",", " ")))
    axes.set_xlabel("Year of the meeting")
    axes.set_ylabel("Granted (kronor)")
    axes.set_title(title)
    return figure


def save_figure(figure: Figure, path: Path) -> Path:
    """Write the figure as a PNG (or in the format its suffix names)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=DPI)
    return path

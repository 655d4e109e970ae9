"""/progress as a picture: the pull at each check-in, check-ins answered and contacts logged,
over time. Matplotlib's Agg canvas, no pyplot (no global state, safe in a worker thread).

The picture carries no words that say what it is about: panels are numbered 1-3 and the
message beside it explains them; axes show only dates and numbers.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date, timedelta
from typing import TYPE_CHECKING

from bot.domain import History

if TYPE_CHECKING:
    from matplotlib.figure import Figure

DAILY_BINS_UP_TO = 62  # days; longer histories are drawn a week per bar
EMPTY_SPAN = 30  # days shown when there is nothing yet
COLOURS = ("#5b7c99", "#8fb3a0", "#c9a26b")


def _bins(start: date, end: date) -> tuple[list[date], int]:
    step = 1 if (end - start).days <= DAILY_BINS_UP_TO else 7
    edges, day = [], start
    while day <= end:
        edges.append(day)
        day += timedelta(days=step)
    return edges, step


def _counts(days: list[date], edges: list[date], step: int) -> list[int]:
    counted: Counter[int] = Counter((d - edges[0]).days // step for d in days)
    return [counted[i] for i in range(len(edges))]


def build_figure(history: History, today: date) -> Figure:
    """The three panels for a history (empty, one day or years long)."""
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter
    from matplotlib.figure import Figure

    pulls = [(e.local_date, e.pull) for e in history.checkins if e.pull is not None]
    answered = [e.local_date for e in history.checkins]
    contacts = [day for day, _ in history.contacts]
    every = [*answered, *contacts]
    start = min(every, default=today - timedelta(days=EMPTY_SPAN))
    start = min(start, today - timedelta(days=6))  # at least a week, so one day is visible
    edges, step = _bins(start, today)
    figure = Figure(figsize=(6.4, 4.8), dpi=100, layout="constrained")
    axes = figure.subplots(3, 1, sharex=True, height_ratios=(2, 1, 1))
    width = step * 0.8
    if pulls:
        size = 5 if len(pulls) <= 60 else 2.5
        axes[0].plot(
            [d for d, _ in pulls], [p for _, p in pulls], marker="o", ms=size, color=COLOURS[0]
        )
    axes[0].set_ylim(-0.5, 10.5)
    axes[0].set_yticks([0, 5, 10])
    for axis, days, colour in ((axes[1], answered, COLOURS[1]), (axes[2], contacts, COLOURS[2])):
        counts = _counts(days, edges, step)
        axis.bar(edges, counts, width=width, align="edge", color=colour)
        axis.set_ylim(0, max([1, *counts]) * 1.2)
        axis.yaxis.get_major_locator().set_params(integer=True)
    for number, axis in enumerate(axes, 1):
        axis.set_ylabel(str(number), rotation=0, labelpad=12, fontweight="bold", va="center")
        axis.spines[["top", "right"]].set_visible(False)
        axis.grid(axis="y", alpha=0.3)
    axes[-1].set_xlim(edges[0] - timedelta(days=1), today + timedelta(days=1))
    locator = AutoDateLocator(maxticks=7)  # type: ignore[no-untyped-call]
    axes[-1].xaxis.set_major_locator(locator)
    formatter = ConciseDateFormatter(locator, show_offset=False)  # type: ignore[no-untyped-call]
    axes[-1].xaxis.set_major_formatter(formatter)
    return figure


def render_png(history: History, today: date) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    figure = build_figure(history, today)
    FigureCanvasAgg(figure)
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def words_in(figure: Figure) -> list[str]:
    """Every text the picture shows (tick labels included), for the test that it says nothing
    about its subject."""
    from matplotlib.text import Text

    figure.draw_without_rendering()  # tick labels exist only once drawn
    return [t.get_text() for t in figure.findobj(Text) if t.get_text().strip()]

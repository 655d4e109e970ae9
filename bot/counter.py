"""The no-contact counter's arithmetic, on the user's local dates. A slip never erases days.

One count, used by /progress, the daily notes and check-ins alike:
- A run's first day is day 1 (there is no day 0). After a slip the new run starts the next
  day; until then no run is going, and nothing says "day 0".
- Earlier runs are kept as date ranges, so a start date typed later that overlaps them is
  merged: `days_before` counts only earlier days *before* the current run, and the total
  (`days_before` + the current run) never counts a day twice.
- In limited contact (co-parents, shared homes, workplaces) the same arithmetic counts days
  without contact beyond what is necessary; only the words change.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from bot.domain import ContactMode, NoContactView

Run = tuple[date, date]  # first and last day, inclusive


@dataclass(frozen=True)
class Progress:
    current: int  # days in a row, 1 on the first day; 0 while a new run waits for tomorrow
    longest: int
    total: int
    slips: int


def parse_runs(text: str) -> list[Run]:
    runs = []
    for part in filter(None, text.split(";")):
        first, _, last = part.partition("/")
        runs.append((date.fromisoformat(first), date.fromisoformat(last)))
    return runs


def format_runs(runs: list[Run]) -> str:
    return ";".join(f"{a.isoformat()}/{b.isoformat()}" for a, b in runs)


def merge(runs: list[Run]) -> list[Run]:
    """Overlapping or touching runs become one."""
    merged: list[Run] = []
    for first, last in sorted(runs):
        if merged and first <= merged[-1][1] + timedelta(days=1):
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return merged


def days_before(runs: list[Run], start: date) -> int:
    """Days of the earlier runs before `start` (later ones overlap the current run)."""
    before = start - timedelta(days=1)
    return sum(max(0, (min(last, before) - first).days + 1) for first, last in runs)


def run_day(view: NoContactView, today: date) -> int:
    """Which day of the current run today is: 1 on its first day; 0 before it starts."""
    return max(0, (today - view.streak_start).days + 1)


def current_streak(view: NoContactView, today: date) -> int:
    """Days in a row so far (today included)."""
    return run_day(view, today)


def progress(view: NoContactView, today: date) -> Progress:
    current = run_day(view, today)
    longest = max([view.longest, current, *(_length(r) for r in parse_runs(view.runs))])
    return Progress(current, longest, view.days_before + current, view.slips)


def _length(run: Run) -> int:
    return (run[1] - run[0]).days + 1


def begin(existing: NoContactView | None, start: date) -> NoContactView:
    """Count from `start` (today or earlier). Earlier runs stay; any part of them on or after
    `start` is already inside the new run, so it is counted there and only there."""
    if existing is None:
        return NoContactView(start, 0, 0, 0, False)
    runs = parse_runs(existing.runs)
    return replace(
        existing, streak_start=start, days_before=days_before(runs, start), slip_pending=False
    )


def record_slip(view: NoContactView, today: date) -> NoContactView:
    """Reaching out or being pulled back today: the run ended yesterday, a new one starts
    tomorrow, and nothing else is lost. A second slip the same day changes nothing more."""
    runs = parse_runs(view.runs)
    last = today - timedelta(days=1)
    if last >= view.streak_start:
        runs = merge([*runs, (view.streak_start, last)])
    tomorrow = today + timedelta(days=1)
    ended = max(0, (last - view.streak_start).days + 1)
    return replace(
        view,
        streak_start=max(tomorrow, view.streak_start),
        days_before=days_before(runs, max(tomorrow, view.streak_start)),
        longest=max(view.longest, ended),
        slips=view.slips + 1,
        slip_pending=True,
        runs=format_runs(runs),
    )


def set_mode(view: NoContactView, mode: ContactMode) -> NoContactView:
    return replace(view, mode=mode)

"""The no-contact counter's arithmetic, on the user's local dates. A slip never erases days."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from bot.domain import NoContactView


@dataclass(frozen=True)
class Progress:
    current: int
    longest: int
    total: int
    slips: int


def current_streak(view: NoContactView, today: date) -> int:
    """Whole days since the streak began (0 on the first day; never negative)."""
    return max(0, (today - view.streak_start).days)


def progress(view: NoContactView, today: date) -> Progress:
    current = current_streak(view, today)
    return Progress(current, max(view.longest, current), view.days_before + current, view.slips)


def begin(existing: NoContactView | None, start: date) -> NoContactView:
    """Start (or restart) counting from `start`; earlier totals and the longest streak stay."""
    if existing is None:
        return NoContactView(start, 0, 0, 0, False)
    return replace(existing, streak_start=start, slip_pending=False)


def record_slip(view: NoContactView, today: date) -> NoContactView:
    """Reaching out or being pulled back: the streak restarts today, nothing else is lost."""
    current = current_streak(view, today)
    return NoContactView(
        streak_start=today,
        days_before=view.days_before + current,
        longest=max(view.longest, current),
        slips=view.slips + 1,
        slip_pending=True,
    )

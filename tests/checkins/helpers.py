"""Shared steps for check-in tests: schedules straight into the database, or through screens."""

from __future__ import annotations

from datetime import datetime

from bot.domain import Repeat, ScheduleView
from tests.conftest import Harness, buttons


async def add_checkin(
    h: Harness,
    due: datetime,
    *,
    chat: int = 1,
    repeat: Repeat = Repeat.ONCE,
    at: str | None = None,
    zone: str = "UTC",
    trigger: int | None = None,
    weekdays: int = 0,
    month: int = 0,
    day: int = 0,
) -> ScheduleView:
    """A check-in schedule, as the /checkins screens would store it."""
    repo = h.services.repo
    await repo.ensure_user(chat, h.clock.now())
    local = at or due.strftime("%H:%M")
    view = ScheduleView(
        0, chat, trigger, repeat, weekdays, month, day, None, local, zone, due, None
    )
    saved: ScheduleView = await repo.add_checkin_schedule(view, h.clock.now())
    return saved


async def add_trigger_with_plan(
    h: Harness, do: str = "call Sam and go for a walk", reach: str = "Sam or my sister"
) -> int:
    """Evenings and loneliness, with a plan, through /triggers; returns the trigger's id."""
    await h.send("/triggers")
    await h.press("tra")
    await h.press("trk:evenings")
    await h.send(do)
    [saved] = await h.send(reach)
    return int(next(d for d in buttons(saved) if d.startswith("trp:")).split(":")[1])


def checkins_in(sent: list) -> list:  # type: ignore[type-arg]
    """The check-in messages among what was sent (they carry 0-10 buttons)."""
    return [s for s in sent if any(d.startswith("cp:") for d in buttons(s))]


def session_of(message: object) -> int:
    data = next(d for d in buttons(message) if d.startswith("cp:"))  # type: ignore[arg-type]
    return int(data.split(":")[1])

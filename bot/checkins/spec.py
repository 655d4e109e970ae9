"""Check-in schedules: what the user chose, written compactly for buttons and steps, and the
next local occurrence of each kind, DST-exact through bot.scheduling.times.occurrence.

A spec travels in callback data and typed steps while the user is still choosing, so the
half-made schedule needs no table: ``w<mask>`` (weekdays, bit 0 = Monday; 127 = every day),
``y<MMDD>`` (every year on that date), ``o`` (once, at the next such time), each optionally
followed by ``t<trigger id>``.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from bot.domain import Repeat, ScheduleView
from bot.scheduling.times import local_date, occurrence

EVERY_DAY = 0b1111111
_SPEC = re.compile(r"^(?:w(?P<mask>\d{1,3})|y(?P<mmdd>\d{4})|(?P<once>o))(?:t(?P<tid>\d{1,9}))?$")


@dataclass(frozen=True)
class Spec:
    repeat: Repeat
    weekdays: int = 0
    month: int = 0
    day: int = 0
    trigger: int = 0  # 0: not tied to a trigger

    def format(self) -> str:
        if self.repeat is Repeat.WEEKLY:
            head = f"w{self.weekdays}"
        elif self.repeat is Repeat.YEARLY:
            head = f"y{self.month:02d}{self.day:02d}"
        else:
            head = "o"
        return head + (f"t{self.trigger}" if self.trigger else "")

    @classmethod
    def parse(cls, text: str) -> Spec | None:
        match = _SPEC.match(text)
        if match is None:
            return None
        trigger = int(match["tid"] or 0)
        if match["mask"] is not None:
            mask = int(match["mask"])
            return cls(Repeat.WEEKLY, weekdays=mask, trigger=trigger) if 0 < mask <= 127 else None
        if match["mmdd"] is not None:
            month, day = int(match["mmdd"][:2]), int(match["mmdd"][2:])
            if not valid_yearly(month, day):
                return None
            return cls(Repeat.YEARLY, month=month, day=day, trigger=trigger)
        return cls(Repeat.ONCE, trigger=trigger)


def valid_yearly(month: int, day: int) -> bool:
    """A month and day that exist in some year (29 February included)."""
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


def yearly_date(year: int, month: int, day: int) -> date:
    """That date in `year`; 29 February falls on the 28th in years without one."""
    if month == 2 and day == 29 and not calendar.isleap(year):
        return date(year, 2, 28)
    return date(year, month, day)


def next_weekly(after: datetime, mask: int, at: time, zone: str) -> datetime:
    """The first occurrence strictly after `after` on one of the weekdays in `mask`."""
    start = local_date(after, zone) - timedelta(days=1)  # a zone behind UTC: 'today' may be late
    for offset in range(9):
        day = start + timedelta(days=offset)
        if mask & (1 << day.weekday()):
            candidate = occurrence(day, at, zone)
            if candidate > after:
                return candidate
    raise ValueError(f"no weekday in mask {mask}")


def next_yearly(after: datetime, month: int, day: int, at: time, zone: str) -> datetime:
    """The first occurrence strictly after `after` of that date, year after year."""
    year = local_date(after, zone).year
    for candidate_year in range(year - 1, year + 3):
        candidate = occurrence(yearly_date(candidate_year, month, day), at, zone)
        if candidate > after:
            return candidate
    raise ValueError(f"no occurrence of {month}-{day}")


def next_after(schedule: ScheduleView, after: datetime) -> datetime | None:
    """A repeating schedule's first occurrence after `after`; None for one-offs."""
    at = time.fromisoformat(schedule.local_time)
    if schedule.repeat is Repeat.WEEKLY:
        return next_weekly(after, schedule.weekdays, at, schedule.timezone)
    if schedule.repeat is Repeat.YEARLY:
        return next_yearly(after, schedule.month, schedule.day, at, schedule.timezone)
    return None


def first_due(spec: Spec, at: time, zone: str, now: datetime) -> datetime:
    """The first occurrence of a new schedule: strictly after now (a one-off: today's time if
    it is still ahead, else tomorrow's)."""
    if spec.repeat is Repeat.WEEKLY:
        return next_weekly(now, spec.weekdays, at, zone)
    if spec.repeat is Repeat.YEARLY:
        return next_yearly(now, spec.month, spec.day, at, zone)
    return next_weekly(now, EVERY_DAY, at, zone)


def in_hours(now: datetime, hours: float) -> datetime:
    """'In 2 hours' is two hours of real time, whatever the clocks do meanwhile."""
    return (now + timedelta(hours=hours)).astimezone(UTC)

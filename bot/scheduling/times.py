"""Local wall-clock times in IANA zones: parsing what people type, and DST-safe due instants.

Why not APScheduler's CronTrigger for the arithmetic: we need one occurrence per local *date*
(the outbox key) and a precise rule in the spring gap (the first valid minute after it), so the
rule lives here in a few lines over the standard zoneinfo; APScheduler drives the dispatcher.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

_OFFSET_ZONE = re.compile(r"^UTC([+-])(\d{2}):(\d{2})$")
_TIME = re.compile(
    r"^(?P<h>\d{1,2})(?:\s*[:.h]\s*(?P<m>\d{2}))?\s*(?:h|hrs?|o'?clock)?\s*(?P<ampm>[ap]\.?m\.?)?$"
)
_COMPACT = re.compile(r"^(?P<h>\d{2})(?P<m>\d{2})$")


def parse_time(text: str) -> time | None:
    """'8', '8:30', '20:15', '9pm', '9.30 pm', '21h', '21h30', '0830', 'noon' -> time; else None."""
    raw = " ".join(text.strip().lower().split())
    if raw in {"noon", "midday"}:
        return time(12, 0)
    if raw == "midnight":
        return time(0, 0)
    match = _COMPACT.match(raw) or _TIME.match(raw)
    if match is None:
        return None
    hour = int(match["h"])
    minute = int(match["m"] or 0)
    ampm = (match.groupdict().get("ampm") or "").replace(".", "")
    if ampm:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if ampm == "pm" else 0)
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def format_time(value: time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def get_zone(name: str) -> tzinfo:
    """An IANA zone, or a fixed offset stored as 'UTC+05:30'. KeyError if unknown."""
    match = _OFFSET_ZONE.match(name)
    if match:
        sign = -1 if match[1] == "-" else 1
        return timezone(sign * timedelta(hours=int(match[2]), minutes=int(match[3])))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise KeyError(name) from exc


def local_date(instant: datetime, zone: str) -> date:
    return instant.astimezone(get_zone(zone)).date()


def occurrence(day: date, at: time, zone: str) -> datetime:
    """The UTC instant of local `at` on `day`.

    Autumn repeat: the first of the two instants (fold=0), so it fires once.
    Spring gap: the wall time does not exist, so the first valid minute after it.
    """
    tz = get_zone(zone)
    wall = datetime.combine(day, at)
    for _ in range(24 * 60):
        aware = wall.replace(tzinfo=tz, fold=0)
        if aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == wall:
            return aware.astimezone(UTC)
        wall += timedelta(minutes=1)
    raise ValueError(f"no valid local time near {day} {at} in {zone}")


def first_due_after(now: datetime, at: time, zone: str) -> datetime:
    """The next occurrence strictly after `now` (today's if still ahead, else tomorrow's)."""
    today = local_date(now, zone)
    candidate = occurrence(today, at, zone)
    if candidate <= now:
        candidate = occurrence(today + timedelta(days=1), at, zone)
    return candidate


def following_due(due: datetime, at: time, zone: str) -> datetime:
    """The occurrence on the local day after the one `due` belonged to."""
    return occurrence(local_date(due, zone) + timedelta(days=1), at, zone)


_MONTHS = {
    m: i
    for i, names in enumerate(
        [
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ],
        start=1,
    )
    for m in names
}
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")


@dataclass(frozen=True)
class DateAnswer:
    """A typed date; `year_guessed` when no year was typed and the bot chose the nearest one."""

    day: date
    year_guessed: bool = False


_AGO = re.compile(r"^(an?|\d{1,3})\s+(day|week|month|year)s?\s+ago$")
_NUMERIC = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")


def read_date(
    text: str, today: date, *, future: bool, month_first: bool = False
) -> DateAnswer | None:
    """'2026-12-25', '25 dec', 'december 25 2026', 'today', 'tomorrow', 'yesterday',
    '3 weeks ago', and '11/01/2026' read in the user's country's order (`month_first` for the
    US and Canada's habit, day first elsewhere).

    Without a year, the nearest such date in the future (or past, when `future` is False).
    """
    raw = " ".join(text.strip().casefold().replace(",", " ").split())
    named = {"today": 0, "tomorrow": 1, "yesterday": -1}
    if raw in named:
        return DateAnswer(date.fromordinal(today.toordinal() + named[raw]))
    if match := _AGO.match(raw):
        count = 1 if match[1] in {"a", "an"} else int(match[1])
        return _ago(today, count, match[2])
    day = month = year = None
    if match := _ISO.match(raw):
        year, month, day = int(match[1]), int(match[2]), int(match[3])
    elif match := _NUMERIC.match(raw):
        first, second = int(match[1]), int(match[2])
        month, day = (first, second) if month_first else (second, first)
        year = int(match[3]) + (2000 if len(match[3]) == 2 else 0)
    elif (match := _DAY_MONTH.match(raw)) and match[2] in _MONTHS:
        day, month, year = int(match[1]), _MONTHS[match[2]], int(match[3]) if match[3] else None
    elif (match := _MONTH_DAY.match(raw)) and match[1] in _MONTHS:
        month, day, year = _MONTHS[match[1]], int(match[2]), int(match[3]) if match[3] else None
    if day is None or month is None:
        return None
    try:
        if year is not None:
            return DateAnswer(date(year, month, day))
        candidate = date(today.year, month, day)
        if future and candidate < today:
            candidate = date(today.year + 1, month, day)
        if not future and candidate > today:
            candidate = date(today.year - 1, month, day)
    except ValueError:
        return None
    return DateAnswer(candidate, year_guessed=True)


def _ago(today: date, count: int, unit: str) -> DateAnswer | None:
    if unit in {"day", "week"}:
        days = count * (7 if unit == "week" else 1)
        return DateAnswer(date.fromordinal(today.toordinal() - days)) if days < 36500 else None
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(today.year * 12 + today.month - 1 - months, 12)
    if year < 1900:
        return None
    last_day = calendar.monthrange(year, month + 1)[1]
    return DateAnswer(date(year, month + 1, min(today.day, last_day)))


def parse_date(text: str, today: date, *, future: bool, month_first: bool = False) -> date | None:
    """The date of `read_date`, without saying whether its year was guessed."""
    answer = read_date(text, today, future=future, month_first=month_first)
    return None if answer is None else answer.day

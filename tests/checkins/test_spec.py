"""Check-in schedules: each kind's next occurrence, 29 February, and DST in each."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.checkins.spec import (
    EVERY_DAY,
    Spec,
    first_due,
    in_hours,
    next_after,
    next_weekly,
    next_yearly,
    yearly_date,
)
from bot.domain import Repeat, ScheduleView

LONDON = "Europe/London"
SUNDAY = 1 << 6


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def schedule(repeat: Repeat, at: str, zone: str = LONDON, **kw: int) -> ScheduleView:
    return ScheduleView(
        1,
        1,
        None,
        repeat,
        kw.get("weekdays", 0),
        kw.get("month", 0),
        kw.get("day", 0),
        None,
        at,
        zone,
        None,
        None,
    )


@pytest.mark.parametrize(
    "text",
    ["w127", "w64t12", "y0229", "y1225t3", "o", "ot123456789"],
)
def test_specs_round_trip(text: str) -> None:
    spec = Spec.parse(text)
    assert spec is not None and spec.format() == text


@pytest.mark.parametrize("text", ["w0", "w128", "y0230", "y1301", "y0000", "x", "o t1", "w12t"])
def test_impossible_specs_do_not_parse(text: str) -> None:
    assert Spec.parse(text) is None


def test_weekdays_sunday_evenings() -> None:
    # Saturday 21 November 2026, noon: the next Sunday 21:00 in London is tomorrow.
    now = utc(2026, 11, 21, 12)
    due = next_weekly(now, SUNDAY, time(21), LONDON)
    assert due == utc(2026, 11, 22, 21)
    # From that occurrence, the next is a week later (never the same one twice).
    assert next_weekly(due, SUNDAY, time(21), LONDON) == utc(2026, 11, 29, 21)
    # Every day: later today.
    assert next_weekly(now, EVERY_DAY, time(21), LONDON) == utc(2026, 11, 21, 21)


def test_weekdays_across_both_dst_changes() -> None:
    # Spring: London goes 01:00 -> 02:00 on Sunday 29 March 2026. 21:00 BST is 20:00 UTC.
    before = next_weekly(utc(2026, 3, 22, 22), SUNDAY, time(21), LONDON)
    assert before == utc(2026, 3, 29, 20)
    # A time inside the gap (01:30 does not exist that night): the first valid minute after.
    gap = next_weekly(utc(2026, 3, 28, 12), SUNDAY, time(1, 30), LONDON)
    assert gap == utc(2026, 3, 29, 1)  # 02:00 BST
    # Autumn: 01:30 happens twice on 25 October 2026; the check-in comes once, the first time.
    fold = next_weekly(utc(2026, 10, 24, 12), SUNDAY, time(1, 30), LONDON)
    assert fold == utc(2026, 10, 25, 0, 30)
    assert next_weekly(fold, SUNDAY, time(1, 30), LONDON) == utc(2026, 11, 1, 1, 30)


def test_yearly_dates_and_29_february() -> None:
    assert yearly_date(2027, 2, 29) == date(2027, 2, 28)
    assert yearly_date(2028, 2, 29) == date(2028, 2, 29)
    now = utc(2026, 11, 21, 12)
    due = next_yearly(now, 2, 29, time(20), LONDON)
    assert due == utc(2027, 2, 28, 20)  # 2027 has no 29 February
    following = next_yearly(due, 2, 29, time(20), LONDON)
    assert following == utc(2028, 2, 29, 20)
    assert next_yearly(following, 2, 29, time(20), LONDON) == utc(2029, 2, 28, 20)
    # An anniversary later this year, and one already past this year.
    assert next_yearly(now, 12, 25, time(9), LONDON) == utc(2026, 12, 25, 9)
    assert next_yearly(now, 3, 1, time(9), LONDON) == utc(2027, 3, 1, 9)


def test_yearly_across_dst() -> None:
    # 14 July is in BST (UTC+1); 14 January is GMT.
    assert next_yearly(utc(2026, 11, 21), 7, 14, time(20), LONDON) == utc(2027, 7, 14, 19)
    assert next_yearly(utc(2026, 11, 21), 1, 14, time(20), LONDON) == utc(2027, 1, 14, 20)
    # New York's spring gap on 8 March 2026: 02:30 becomes 03:00 EDT (07:00 UTC).
    assert next_yearly(utc(2026, 1, 1), 3, 8, time(2, 30), "America/New_York") == utc(2026, 3, 8, 7)


def test_one_off_at_a_time_is_today_if_ahead_else_tomorrow() -> None:
    once = Spec(Repeat.ONCE)
    assert first_due(once, time(22), LONDON, utc(2026, 11, 21, 12)) == utc(2026, 11, 21, 22)
    assert first_due(once, time(9), LONDON, utc(2026, 11, 21, 12)) == utc(2026, 11, 22, 9)
    # Tonight at 22:00 on the autumn change: 22:00 GMT that evening.
    assert first_due(once, time(22), LONDON, utc(2026, 10, 25, 12)) == utc(2026, 10, 25, 22)


def test_in_hours_is_real_time_across_dst() -> None:
    # 00:30 GMT on the spring change; 'in 2 hours' is 02:30 UTC = 03:30 BST (one hour of wall
    # clock vanished, but two real hours pass).
    now = utc(2026, 3, 29, 0, 30)
    assert in_hours(now, 2) - now == timedelta(hours=2)
    # Autumn: 00:30 BST; 'in 2 hours' is 01:30 GMT, two real hours later.
    autumn = utc(2026, 10, 24, 23, 30)
    assert in_hours(autumn, 2) == utc(2026, 10, 25, 1, 30)


def test_one_offs_do_not_repeat() -> None:
    assert next_after(schedule(Repeat.ONCE, "22:00"), utc(2026, 11, 21, 22)) is None
    assert next_after(schedule(Repeat.FOLLOWUP, "22:00"), utc(2026, 11, 21, 22)) is None
    yearly = schedule(Repeat.YEARLY, "20:00", month=2, day=29)
    assert next_after(yearly, utc(2027, 2, 28, 20)) == utc(2028, 2, 29, 20)

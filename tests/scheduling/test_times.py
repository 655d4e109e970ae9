from datetime import UTC, date, datetime, time, timedelta

import pytest

from bot.scheduling.times import (
    first_due_after,
    following_due,
    get_zone,
    local_date,
    occurrence,
    parse_date,
    parse_time,
)
from bot.scheduling.zones import resolve_zone


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("8", time(8, 0)),
        ("08", time(8, 0)),
        ("8:30", time(8, 30)),
        ("20:15", time(20, 15)),
        ("9pm", time(21, 0)),
        ("9 PM", time(21, 0)),
        ("9.30pm", time(21, 30)),
        ("21h", time(21, 0)),
        ("21h30", time(21, 30)),
        ("0830", time(8, 30)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        (" 7:05 ", time(7, 5)),
        ("7 a.m.", time(7, 0)),
    ],
)
def test_parse_time_reads_what_people_type(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize(
    "typed",
    ["", "25", "24:00", "8:75", "13pm", "0am", "abc", "8:3", "tomorrow", "８：３０x", "9ppm", "-1"],
)
def test_parse_time_refuses_what_it_cannot_read(typed: str) -> None:
    assert parse_time(typed) is None


@pytest.mark.parametrize(
    ("typed", "zone"),
    [
        ("London", "Europe/London"),
        ("new york", "America/New_York"),
        ("NEW_YORK", "America/New_York"),
        ("Asia/Kolkata", "Asia/Kolkata"),
        ("mumbai", "Asia/Kolkata"),
        ("São Paulo", "America/Sao_Paulo"),
        ("sao paulo", "America/Sao_Paulo"),
        ("UTC+2", "UTC+02:00"),
        ("utc-03:30", "UTC-03:30"),
        ("+5:30", "UTC+05:30"),
        ("GMT+0", "UTC"),
        ("utc", "UTC"),
        ("sydney", "Australia/Sydney"),
        ("pacific", "America/Los_Angeles"),
        ("UK", "Europe/London"),
        ("kyiv", "Europe/Kyiv"),
    ],
)
def test_resolve_zone(typed: str, zone: str) -> None:
    assert resolve_zone(typed) == zone
    get_zone(zone)  # every answer is usable


@pytest.mark.parametrize(
    "typed", ["", "Mars", "UTC+15", "utc+2:20", "x" * 200, "🙂", "Europe/Atlantis"]
)
def test_resolve_zone_unknown(typed: str) -> None:
    assert resolve_zone(typed) is None


@pytest.mark.parametrize(
    ("zone", "day", "wall", "expected_local"),
    [
        # Spring gaps: the first valid minute after the gap.
        ("America/New_York", date(2026, 3, 8), time(2, 30), "03:00"),
        ("Europe/London", date(2026, 3, 29), time(1, 15), "02:00"),
        ("Europe/Berlin", date(2026, 3, 29), time(2, 0), "03:00"),
        ("Australia/Sydney", date(2026, 10, 4), time(2, 45), "03:00"),
        ("Australia/Lord_Howe", date(2026, 10, 4), time(2, 10), "02:30"),
        # Ordinary days are untouched.
        ("America/New_York", date(2026, 3, 8), time(8, 0), "08:00"),
    ],
)
def test_spring_gap_moves_to_first_valid_minute(
    zone: str, day: date, wall: time, expected_local: str
) -> None:
    instant = occurrence(day, wall, zone)
    local = instant.astimezone(get_zone(zone))
    assert local.strftime("%H:%M") == expected_local
    assert local.date() == day


@pytest.mark.parametrize(
    ("zone", "day", "wall"),
    [
        ("America/New_York", date(2026, 11, 1), time(1, 30)),
        ("Europe/London", date(2026, 10, 25), time(1, 30)),
        ("Australia/Sydney", date(2026, 4, 5), time(2, 30)),
    ],
)
def test_autumn_repeat_fires_once(zone: str, day: date, wall: time) -> None:
    first = occurrence(day, wall, zone)
    later = following_due(first, wall, zone)
    # The next one is on the following local day, not an hour later on the same day.
    assert local_date(later, zone) == day + timedelta(days=1)
    assert later - first > timedelta(hours=23)
    # fold=0: the earlier of the two instants.
    assert first < first.replace(tzinfo=UTC) + timedelta(hours=1)
    assert first.astimezone(get_zone(zone)).fold == 0


def test_local_time_holds_across_dst() -> None:
    zone, wall = "Europe/London", time(8, 0)
    due = occurrence(date(2026, 3, 27), wall, zone)
    for _ in range(5):
        due = following_due(due, wall, zone)
        assert due.astimezone(get_zone(zone)).strftime("%H:%M") == "08:00"
    assert due.astimezone(UTC).hour == 7  # summer time: 08:00 local is 07:00 UTC


def test_first_due_after_today_or_tomorrow() -> None:
    now = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)
    assert first_due_after(now, time(13, 0), "UTC") == datetime(2026, 11, 21, 13, 0, tzinfo=UTC)
    assert first_due_after(now, time(12, 0), "UTC") == datetime(2026, 11, 22, 12, 0, tzinfo=UTC)
    # Auckland (UTC+13) is already at 01:00 on the 22nd, so 09:00 there is still ahead.
    assert local_date(
        first_due_after(now, time(9, 0), "Pacific/Auckland"), "Pacific/Auckland"
    ) == date(2026, 11, 22)


@pytest.mark.parametrize(
    ("typed", "future", "expected"),
    [
        ("2026-12-27", True, date(2026, 12, 27)),
        ("27 December", True, date(2026, 12, 27)),
        ("dec 27", True, date(2026, 12, 27)),
        ("27th dec 2027", True, date(2027, 12, 27)),
        ("tomorrow", True, date(2026, 11, 22)),
        ("1 november", False, date(2026, 11, 1)),
        ("yesterday", False, date(2026, 11, 20)),
        ("today", False, date(2026, 11, 21)),
        ("5 jan", True, date(2027, 1, 5)),
        ("25 dec", False, date(2025, 12, 25)),
    ],
)
def test_parse_date(typed: str, future: bool, expected: date) -> None:
    assert parse_date(typed, date(2026, 11, 21), future=future) == expected


@pytest.mark.parametrize("typed", ["03/04", "31 feb", "2026-13-01", "someday", "", "32 dec"])
def test_parse_date_refuses(typed: str) -> None:
    assert parse_date(typed, date(2026, 11, 21), future=True) is None

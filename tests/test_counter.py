"""No-contact arithmetic: local dates, midnight, zones, and slips that never erase days."""

from datetime import UTC, date, datetime, timedelta

from bot import counter
from tests.conftest import Harness


def test_slip_keeps_total_and_longest() -> None:
    view = counter.begin(None, date(2026, 11, 1))
    assert counter.progress(view, date(2026, 11, 1)) == counter.Progress(1, 1, 1, 0)  # day 1
    assert counter.progress(view, date(2026, 11, 21)) == counter.Progress(21, 21, 21, 0)
    view = counter.record_slip(view, date(2026, 11, 21))
    # The run was 1-20 November; the slip day is not counted; a new run starts tomorrow.
    assert counter.progress(view, date(2026, 11, 21)) == counter.Progress(0, 20, 20, 1)
    assert counter.progress(view, date(2026, 11, 24)) == counter.Progress(3, 20, 23, 1)
    view = counter.record_slip(view, date(2026, 11, 24))
    assert counter.progress(view, date(2026, 12, 24)) == counter.Progress(30, 30, 52, 2)
    # Two slips on one day lose nothing more: the run of 25 Nov - 24 Dec is kept once.
    once = counter.record_slip(view, date(2026, 12, 25))
    twice = counter.record_slip(once, date(2026, 12, 25))
    assert counter.progress(twice, date(2026, 12, 25)) == counter.Progress(0, 30, 52, 4)
    assert twice.runs == once.runs


def test_a_start_date_overlapping_earlier_runs_is_merged_not_counted_twice() -> None:
    view = counter.begin(None, date(2026, 11, 1))
    view = counter.record_slip(view, date(2026, 11, 21))  # counted: 1-20 November
    # "No-contact began on 10 November" typed after the slip: 10-20 Nov are already counted.
    merged = counter.begin(view, date(2026, 11, 10))
    p = counter.progress(merged, date(2026, 11, 30))
    assert p.current == 21  # 10-30 November
    assert p.total == 30  # 1-30 November, each day once
    # A start date after the slip simply adds to the earlier run.
    later = counter.begin(view, date(2026, 11, 25))
    assert counter.progress(later, date(2026, 11, 30)).total == 20 + 6
    # And one before everything counts from there, once.
    earliest = counter.begin(view, date(2026, 10, 1))
    assert counter.progress(earliest, date(2026, 11, 30)).total == 61


def test_a_start_date_in_the_future_counts_zero() -> None:
    view = counter.begin(None, date(2026, 11, 25))
    assert counter.current_streak(view, date(2026, 11, 21)) == 0


async def test_counter_uses_the_users_local_date_across_midnight(harness: Harness) -> None:
    # Auckland is UTC+13 in November: 10:30 UTC on the 21st is 23:30 on the 21st there.
    harness.clock.set(datetime(2026, 11, 21, 10, 30, tzinfo=UTC))
    await harness.subscribe("e", "9am", "Auckland")
    await harness.press("na:encouragement:0")  # privacy: "could someone see notifications?"
    [started] = await harness.press("nst")
    assert "2026-11-21" in started.text
    # 00:01 on the 22nd in Auckland, still the 21st in UTC.
    harness.clock.advance(timedelta(minutes=31))
    [progress] = await harness.send("/progress")
    assert "Days in a row: <b>2 days</b>" in progress.text


async def test_counter_in_a_zone_behind_utc(harness: Harness) -> None:
    # Los Angeles: 05:00 UTC on the 22nd is 21:00 on the 21st.
    harness.clock.set(datetime(2026, 11, 22, 5, 0, tzinfo=UTC))
    await harness.subscribe("e", "8", "los angeles")
    await harness.press("na:encouragement:0")  # privacy: "could someone see notifications?"
    [started] = await harness.press("nst")
    assert "2026-11-21" in started.text

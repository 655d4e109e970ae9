"""No-contact arithmetic: local dates, midnight, zones, and slips that never erase days."""

from datetime import UTC, date, datetime, timedelta

from bot import counter
from tests.conftest import Harness


def test_slip_keeps_total_and_longest() -> None:
    view = counter.begin(None, date(2026, 11, 1))
    assert counter.progress(view, date(2026, 11, 21)) == counter.Progress(20, 20, 20, 0)
    view = counter.record_slip(view, date(2026, 11, 21))
    assert counter.progress(view, date(2026, 11, 21)) == counter.Progress(0, 20, 20, 1)
    assert counter.progress(view, date(2026, 11, 24)) == counter.Progress(3, 20, 23, 1)
    view = counter.record_slip(view, date(2026, 11, 24))
    assert counter.progress(view, date(2026, 12, 24)) == counter.Progress(30, 30, 53, 2)
    # Two slips on one day lose nothing more.
    twice = counter.record_slip(counter.record_slip(view, date(2026, 12, 25)), date(2026, 12, 25))
    assert counter.progress(twice, date(2026, 12, 25)).total == 54


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
    assert "Current streak: <b>1</b>" in progress.text


async def test_counter_in_a_zone_behind_utc(harness: Harness) -> None:
    # Los Angeles: 05:00 UTC on the 22nd is 21:00 on the 21st.
    harness.clock.set(datetime(2026, 11, 22, 5, 0, tzinfo=UTC))
    await harness.subscribe("e", "8", "los angeles")
    await harness.press("na:encouragement:0")  # privacy: "could someone see notifications?"
    [started] = await harness.press("nst")
    assert "2026-11-21" in started.text

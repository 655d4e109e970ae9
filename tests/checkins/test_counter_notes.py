"""One count everywhere: notes never say 'day 0', and people who slipped reach milestones."""

from datetime import UTC, date, datetime, timedelta

from bot.content import Content
from bot.domain import NoContactView, SubscriptionView
from bot.scheduling.dispatcher import plan
from tests.conftest import Harness

GRACE = timedelta(hours=2)
DUE = datetime(2026, 11, 21, 8, tzinfo=UTC)


def encouragement(due: datetime = DUE) -> SubscriptionView:
    kind = "encouragement"
    return SubscriptionView(1, 1, kind, "08:00", "UTC", due, False, None, "")  # type: ignore[arg-type]


def test_without_a_count_the_note_names_no_day(content: Content) -> None:
    planned = plan(encouragement(), None, DUE, content, GRACE)
    assert planned.content_key in {e.id for e in content.checkins.uncounted}
    assert planned.days is None


def test_on_the_day_of_a_slip_the_note_waits_for_the_new_run(content: Content) -> None:
    slipped = NoContactView(date(2026, 11, 22), 20, 20, 1, True)  # new run starts tomorrow
    today = plan(encouragement(), slipped, DUE, content, GRACE)
    assert today.content_key in {e.id for e in content.checkins.uncounted}
    assert not today.clear_slip  # the after-slip note comes tomorrow, on day 1
    later = DUE + timedelta(days=1)
    tomorrow = plan(encouragement(later), slipped, later, content, GRACE)
    assert tomorrow.days == 1 and tomorrow.clear_slip


def test_milestones_on_all_days_together(content: Content) -> None:
    # Day 4 of this run, 26 days before it: 30 all together.
    view = NoContactView(date(2026, 11, 18), 26, 20, 1, False)
    planned = plan(encouragement(), view, DUE, content, GRACE)
    assert (planned.content_key, planned.days, planned.total) == ("tm30", 4, 30)
    # A milestone of the current run comes first.
    view = NoContactView(date(2026, 11, 15), 23, 20, 1, False)  # day 7, 30 together
    assert plan(encouragement(), view, DUE, content, GRACE).content_key == "m7"


async def test_the_note_and_progress_agree(harness: Harness) -> None:
    await harness.subscribe("e", "13:00", "UTC")
    [progress] = await harness.send("/progress")
    assert "haven't started" in progress.text
    harness.clock.set(datetime(2026, 11, 21, 13, tzinfo=UTC))
    [note] = await harness.deliver()
    assert "day 0" not in note.text.lower() and "Day 0" not in note.text
    uncounted = [e.text.splitlines()[0] for e in harness.services.content.checkins.uncounted]
    assert any(line in note.text for line in uncounted)
    await harness.send("/progress")
    [started] = await harness.press("nst")
    assert "today is day <b>1</b>" in started.text
    harness.clock.set(datetime(2026, 11, 22, 13, tzinfo=UTC))
    [note] = await harness.deliver()
    assert "Two days" not in note.text  # 22 Nov is day 2: an ordinary note, not m1 again
    [progress] = await harness.send("/progress")
    assert "Days in a row: <b>2 days</b>" in progress.text


async def test_one_day_is_singular(harness: Harness) -> None:
    await harness.send("/progress")
    await harness.press("nst")
    [progress] = await harness.send("/progress")
    assert "Days in a row: <b>1 day</b>" in progress.text and "1 days" not in progress.text

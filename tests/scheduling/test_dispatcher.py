"""Due rows become exactly one message per local day, across restarts and concurrency."""

import asyncio
from datetime import UTC, date, datetime, time, timedelta

from bot.content import Content
from bot.domain import NoContactView, SubscriptionView
from bot.policy import stage_for, stages_for
from bot.scheduling.dispatcher import pick_unseen, plan
from bot.scheduling.times import first_due_after
from tests.conftest import Harness

GRACE = timedelta(hours=2)


def sub(kind: str = "grounding", due: datetime | None = None, seen: str = "") -> SubscriptionView:
    due = due or datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    return SubscriptionView(1, 1, kind, "08:00", "UTC", due, False, None, seen)


async def add_subscribers(h: Harness, count: int, at: str = "08:00", zone: str = "UTC") -> None:
    repo = h.services.repo
    now = h.clock.now()
    for chat in range(100, 100 + count):
        await repo.ensure_user(chat, now)
        await repo.save_subscription(
            chat, "grounding", at, zone, first_due_after(now, time.fromisoformat(at), zone)
        )


def test_grace_window(content: Content) -> None:
    due = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    on_time = plan(sub(due=due), None, due + timedelta(minutes=119), content, GRACE)
    assert on_time.status == "pending"
    late = plan(sub(due=due), None, due + timedelta(hours=3), content, GRACE)
    assert late.status == "skipped"
    assert late.next_due_utc == datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def test_long_downtime_jumps_ahead(content: Content) -> None:
    due = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    planned = plan(sub(due=due), None, datetime(2026, 11, 21, 12, 0, tzinfo=UTC), content, GRACE)
    assert planned.status == "skipped"
    assert planned.next_due_utc == datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


def test_no_repeats_until_all_seen(content: Content) -> None:
    import random

    entries = content.daily.grounding
    seen, picked = "", []
    for _ in range(len(entries)):
        key, seen = pick_unseen(entries, seen, random.Random(len(picked)))
        picked.append(key)
    assert sorted(picked) == sorted(e.id for e in entries)
    key, seen = pick_unseen(entries, seen, random.Random(99))
    assert seen == key  # a new round starts


def test_encouragement_days_milestones_and_stages(content: Content) -> None:
    due = datetime(2026, 11, 21, 8, 0, tzinfo=UTC)
    nc = NoContactView(date(2026, 11, 15), 5, 5, 1, False)  # day 1 is the 15th: day 7
    milestone = plan(sub("encouragement", due), nc, due, content, GRACE)
    assert (milestone.content_key, milestone.days, milestone.total) == ("m7", 7, 12)
    nc = NoContactView(date(2026, 11, 13), 0, 0, 0, False)
    ordinary = plan(sub("encouragement", due), nc, due, content, GRACE)
    assert ordinary.days == 9
    assert ordinary.content_key in {e.id for e in content.daily.encouragement["first_weeks"]}
    assert [stage_for(d) for d in (0, 6, 7, 29, 30, 89, 90, 364, 400)] == [
        "first_days",
        "first_days",
        "first_weeks",
        "first_weeks",
        "later",
        "later",
        "after_90_days",
        "after_90_days",
        "after_a_year",
    ]
    # Long runs draw from every later stage reached so far, so a few notes don't repeat weekly.
    assert stages_for(6) == ("first_days",)
    assert stages_for(100) == ("later", "after_90_days")
    assert stages_for(400) == ("later", "after_90_days", "after_a_year")


async def test_restart_catch_up_sends_once_within_grace(harness: Harness) -> None:
    await add_subscribers(harness, 3, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 14, 30, tzinfo=UTC))  # "down" from 13:00 to 14:30
    assert await harness.tick() == 3
    assert await harness.tick() == 0
    harness.clock.set(datetime(2026, 11, 22, 16, 0, tzinfo=UTC))  # down for 3 h: too late
    assert await harness.tick() == 0
    counts = await harness.services.repo.outbox_counts()
    assert counts == {"sent": 3, "skipped": 3}


async def test_concurrent_dispatch_queues_each_day_once(db_harness: Harness) -> None:
    h = db_harness
    await add_subscribers(h, 20, "13:00")
    h.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    dispatcher = h.services.dispatcher
    results = await asyncio.gather(*(dispatcher.tick() for _ in range(4)))
    assert sum(results) == 20
    await h.services.sender.drain()
    assert len([s for s in h.transport.sent if s.chat_id >= 100]) == 20


async def test_changing_time_the_same_day_does_not_send_twice(harness: Harness) -> None:
    await add_subscribers(harness, 1, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    assert await harness.tick() == 1
    repo = harness.services.repo
    await repo.save_subscription(
        100, "grounding", "18:00", "UTC", datetime(2026, 11, 21, 18, 0, tzinfo=UTC)
    )
    harness.clock.set(datetime(2026, 11, 21, 18, 0, tzinfo=UTC))
    assert await harness.tick() == 0


async def test_a_broken_row_does_not_stall_the_others(harness: Harness) -> None:
    await add_subscribers(harness, 2, "13:00")
    repo = harness.services.repo
    # A zone that tzdata no longer knows, as after an upgrade.
    await repo.save_subscription(
        100, "grounding", "13:00", "Mars/Olympus_Mons", datetime(2026, 11, 21, 13, 0, tzinfo=UTC)
    )
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    assert await harness.tick() == 1
    [broken] = await repo.subscriptions(100)
    assert broken.next_due_utc == datetime(2026, 11, 22, 13, 0, tzinfo=UTC)

"""Check-ins through the outbox: each occurrence once, within grace, never stacked, waiting
for another conversation to end, on the right instant across DST."""

import asyncio
from datetime import UTC, datetime, timedelta

from bot.checkins.dispatch import plan_checkin
from bot.content import Content
from bot.delivery.role import SendingRole
from bot.domain import Dispatch, DueCheckin, Repeat, ScheduleView
from tests.checkins.helpers import add_checkin, checkins_in, session_of
from tests.conftest import Harness, buttons

GRACE = timedelta(hours=2)
SUNDAY = 1 << 6


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)


def due_row(due: datetime, repeat: Repeat = Repeat.WEEKLY, **kw: object) -> DueCheckin:
    view = ScheduleView(
        3,
        1,
        None,
        repeat,
        SUNDAY,
        0,
        0,
        None,
        "21:00",
        "Europe/London",
        due,
        kw.get("deferred_from"),  # type: ignore[arg-type]
    )
    return DueCheckin(view, None, busy=bool(kw.get("busy")), blocked=bool(kw.get("blocked")))


def test_plan_sends_waits_or_skips(content: Content) -> None:
    due = utc(2026, 11, 22, 21)
    sent = plan_checkin(due_row(due), due + timedelta(minutes=5), GRACE, content)
    assert sent.action is Dispatch.SEND and sent.next_due_utc == utc(2026, 11, 29, 21)
    assert sent.local_date.isoformat() == "2026-11-22" and sent.prompt
    busy = plan_checkin(due_row(due, busy=True), due, GRACE, content)
    assert busy.action is Dispatch.DEFER and busy.deferred_from == due
    assert busy.next_due_utc == due + timedelta(minutes=5)
    # The deferred occurrence keeps its date and its grace window.
    later = due_row(due + timedelta(minutes=5), deferred_from=due)
    assert plan_checkin(later, due + timedelta(minutes=6), GRACE, content).action is Dispatch.SEND
    late = plan_checkin(later, due + timedelta(hours=3), GRACE, content)
    assert late.action is Dispatch.SKIP and late.next_due_utc == utc(2026, 11, 29, 21)
    assert plan_checkin(due_row(due, blocked=True), due, GRACE, content).action is Dispatch.SKIP
    # Down for weeks: jump ahead rather than skip one week per tick.
    jumped = plan_checkin(due_row(due), utc(2026, 12, 21, 12), GRACE, content)
    assert jumped.action is Dispatch.SKIP and jumped.next_due_utc == utc(2026, 12, 27, 21)
    once = plan_checkin(due_row(due, Repeat.ONCE), due, GRACE, content)
    assert once.action is Dispatch.SEND and once.next_due_utc is None


async def test_one_off_arrives_once_with_three_neutral_lines(db_harness: Harness) -> None:
    h = db_harness
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 12, 59))
    assert await h.deliver() == []
    h.clock.set(utc(2026, 11, 21, 13))
    [message] = await h.deliver()
    lines = [line for line in message.text.splitlines() if line.strip()]
    assert len(lines) > 4 and message.protected
    assert "pull" not in " ".join(lines[:3]).lower()
    assert [d for d in buttons(message) if d.startswith("cp:")] == [
        f"cp:{session_of(message)}:{n}" for n in range(11)
    ]
    assert await h.deliver() == []
    assert await h.services.repo.checkin_schedules(1) == []  # done; nothing left to come


async def test_weekly_once_a_week_and_catch_up_within_grace(harness: Harness) -> None:
    h = harness
    await add_checkin(
        h, utc(2026, 11, 22, 21), repeat=Repeat.WEEKLY, weekdays=SUNDAY, zone="Europe/London"
    )
    h.clock.set(utc(2026, 11, 22, 22, 30))  # the bot was down from 21:00 to 22:30
    [first] = await h.deliver()
    await h.press(f"cq:{session_of(first)}")  # not now
    assert await h.deliver() == []
    h.clock.set(utc(2026, 11, 30, 0, 30))  # down from before 21:00 on the 29th: too late
    assert await h.deliver() == []
    [schedule] = await h.services.repo.checkin_schedules(1)
    assert schedule.next_due_utc == utc(2026, 12, 6, 21)
    assert (await h.services.repo.outbox_counts()) == {"sent": 1}


async def test_two_in_one_day_a_one_off_and_a_follow_up(db_harness: Harness) -> None:
    """The outbox slot: two check-ins on one local date both arrive (each schedule once)."""
    h = db_harness
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 13))
    [first] = await h.deliver()
    await h.press(f"cp:{session_of(first)}:8")
    await h.press(f"cw:{session_of(first)}:other")
    [reply] = await h.press(f"cf:{session_of(first)}:1")
    assert "14:00" in reply.text
    h.clock.set(utc(2026, 11, 21, 14))
    [second] = checkins_in(await h.deliver())
    assert session_of(second) != session_of(first)
    assert (await h.services.repo.outbox_counts()) == {"sent": 2}


async def test_never_more_than_one_open(harness: Harness) -> None:
    h = harness
    await add_checkin(h, utc(2026, 11, 21, 13))
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 13))
    [first] = await h.deliver()
    h.clock.advance(timedelta(minutes=6))
    assert await h.deliver() == []  # the first is still open: the second waits its turn
    await h.press(f"cp:{session_of(first)}:2")
    await h.press(f"cw:{session_of(first)}:other")
    h.clock.advance(timedelta(minutes=5))
    [second] = await h.deliver()
    assert session_of(second) != session_of(first)


async def test_an_unanswered_check_in_keeps_the_next_away_then_expires_quietly(
    harness: Harness,
) -> None:
    h = harness
    await add_checkin(h, utc(2026, 11, 21, 13))
    await add_checkin(h, utc(2026, 11, 21, 13, 30))
    h.clock.set(utc(2026, 11, 21, 13))
    [first] = await h.deliver()
    for minutes in range(0, 3 * 60, 5):  # the scheduler ticking for three hours
        h.clock.set(utc(2026, 11, 21, 13, 30) + timedelta(minutes=minutes))
        assert await h.deliver() == []  # no stacking; past its grace the second is skipped
    assert await h.services.repo.checkin_schedules(1) == []
    h.clock.set(utc(2026, 11, 21, 16, 5))
    [closed] = await h.press(f"cp:{session_of(first)}:5")
    assert "closed" in closed.text  # expired quietly: nothing was sent when it did
    assert (await h.services.repo.outbox_counts()) == {"sent": 1}


async def test_waits_while_another_conversation_is_open(harness: Harness) -> None:
    h = harness
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 12, 58))
    await h.send("/daily")
    await h.press("dn:grounding")  # "What time would suit you?" waits for an answer
    h.clock.set(utc(2026, 11, 21, 13))
    assert await h.deliver() == []
    await h.send("20:15")
    await h.send("London")  # the conversation ends
    h.clock.advance(timedelta(minutes=5))
    [checkin] = checkins_in(await h.deliver())
    assert checkin.chat_id == 1


async def test_check_in_and_daily_note_due_the_same_minute_both_arrive(harness: Harness) -> None:
    h = harness
    await h.subscribe("g", "13:00", "UTC")
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 13))
    sent = await h.deliver()
    assert len(sent) == 2 and len(checkins_in(sent)) == 1


async def test_arrives_at_the_local_time_across_the_spring_change(harness: Harness) -> None:
    h = harness
    await h.send("/country")  # any screen; the user row exists
    # Every Sunday at 21:00 London, created in winter.
    await add_checkin(
        h, utc(2026, 3, 22, 21), repeat=Repeat.WEEKLY, weekdays=SUNDAY, zone="Europe/London"
    )
    h.clock.set(utc(2026, 3, 22, 21))
    [winter] = await h.deliver()
    await h.press(f"cq:{session_of(winter)}")
    h.clock.set(utc(2026, 3, 29, 19, 59))
    assert await h.deliver() == []
    h.clock.set(utc(2026, 3, 29, 20))  # 21:00 BST
    assert len(checkins_in(await h.deliver())) == 1


async def test_yearly_29_february_in_a_year_without_one(harness: Harness) -> None:
    h = harness
    h.clock.set(utc(2027, 2, 1))
    await add_checkin(
        h, utc(2027, 2, 28, 20), repeat=Repeat.YEARLY, month=2, day=29, zone="Europe/London"
    )
    h.clock.set(utc(2027, 2, 28, 20))
    assert len(checkins_in(await h.deliver())) == 1
    [schedule] = await h.services.repo.checkin_schedules(1)
    assert schedule.next_due_utc == utc(2028, 2, 29, 20)


async def test_follow_up_in_two_hours_across_the_spring_change(harness: Harness) -> None:
    h = harness
    h.clock.set(utc(2026, 3, 28, 12))
    await h.subscribe("g", "20:15", "London")  # the user's zone is London
    h.clock.set(utc(2026, 3, 29, 0, 30))  # 00:30 GMT; at 01:00 London jumps to 02:00 BST
    await h.send("/checkin")
    [what] = await h.send("9")
    session = int(next(d for d in buttons(what) if d.startswith("cw:")).split(":")[1])
    [reply] = await h.press(f"cw:{session}:other")
    assert any(d == f"cf:{session}:2" for d in buttons(reply))
    [saved] = await h.press(f"cf:{session}:2")
    assert "03:30" in saved.text  # two real hours on, shown in the user's local time
    h.clock.set(utc(2026, 3, 29, 2, 29))
    assert checkins_in(await h.deliver()) == []
    h.clock.set(utc(2026, 3, 29, 2, 30))  # two real hours later
    assert len(checkins_in(await h.deliver())) == 1


async def test_concurrent_dispatch_queues_each_occurrence_once(db_harness: Harness) -> None:
    h = db_harness
    for chat in range(100, 120):
        await add_checkin(h, utc(2026, 11, 21, 13), chat=chat)
    h.clock.set(utc(2026, 11, 21, 13))
    results = await asyncio.gather(*(h.services.dispatcher.tick() for _ in range(4)))
    assert sum(results) == 20
    await h.services.sender.drain()
    assert len({s.chat_id for s in checkins_in(h.transport.sent)}) == 20
    assert len(checkins_in(h.transport.sent)) == 20


async def test_a_blocked_user_is_skipped_not_retried_forever(harness: Harness) -> None:
    h = harness
    await add_checkin(h, utc(2026, 11, 21, 13), repeat=Repeat.WEEKLY, weekdays=0b1111111)
    await h.services.repo.mark_blocked(1)
    h.clock.set(utc(2026, 11, 21, 13))
    assert await h.deliver() == []
    [schedule] = await h.services.repo.checkin_schedules(1)
    assert schedule.next_due_utc == utc(2026, 11, 22, 13)


async def test_interrupted_check_in_is_sent_again_after_restart(harness: Harness) -> None:
    h = harness
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 13))
    repo, sender = h.services.repo, h.services.sender
    await h.services.dispatcher.tick()
    claimed = await repo.claim_pending(5, sender.role.epoch, h.clock.now())
    assert claimed is not None and len(claimed) == 1  # then the process "dies" mid-send
    sender.role = SendingRole(repo, h.clock)  # the restarted process takes the role over
    await sender.drain()
    [message] = checkins_in(h.transport.sent)
    assert "cp:" in str(message.buttons)


async def test_discreet_check_in_is_neutral_and_opens_in_the_chat(harness: Harness) -> None:
    h = harness
    await h.send("/daily")
    await h.press("dd")  # discreet mode on
    await add_checkin(h, utc(2026, 11, 21, 13))
    h.clock.set(utc(2026, 11, 21, 13))
    [quiet] = await h.deliver()
    assert quiet.silent and quiet.text == h.services.content.ui["ci_discreet"]
    opener = next(d for d in buttons(quiet) if d.startswith("rv:"))
    [opened] = await h.press(opener)
    assert len(checkins_in([opened])) == 1

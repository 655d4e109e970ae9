"""The sender: 429 and 403 paths, crash recovery, at most one extra copy, no idle polling."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from telegram.request import HTTPXRequest

from bench.fake_telegram import FakeTelegram
from bot.app import build_application, start_services, stop_services
from bot.config import Settings
from bot.context import services_of
from bot.delivery.outbox import RETRY_WAIT
from bot.delivery.role import SendingRole
from bot.domain import OutboxStatus, StorageError
from bot.scheduling.clock import FakeClock
from tests.conftest import Harness, sqlite_url
from tests.scheduling.test_dispatcher import add_subscribers

TOKEN = "123456:" + "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"


def too_many(seconds: int) -> tuple[int, dict[str, Any]]:
    return 429, {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {seconds}",
        "parameters": {"retry_after": seconds},
    }


async def until(condition: Callable[[], bool], seconds: float = 5.0) -> None:
    """Let every task and the database threads run until `condition` holds; no time passes on
    the test's clock meanwhile (`seconds` is only a guard against a hang)."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0)


async def settle(rounds: int = 50) -> None:
    """Let every ready task run: with no timer due, nothing more can be sent."""
    for _ in range(rounds):
        await asyncio.sleep(0)


def waiting(h: Harness) -> Callable[[], bool]:
    """True once something waits on the test's clock (a retry_after, a back-off)."""
    return lambda: h.clock.next_timer is not None


def daily(h: Harness) -> list[int]:
    return [s.chat_id for s in h.transport.sent if s.chat_id >= 100]


async def test_429_is_honoured_and_message_still_delivered(harness: Harness) -> None:
    await add_subscribers(harness, 2, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    harness.transport.failures.append(too_many(1))
    tick = asyncio.create_task(harness.tick())
    await until(waiting(harness))  # the refused send waits for its retry_after
    sends = [p["chat_id"] for e, p in harness.transport.calls if e == "sendMessage"]
    refused = int(sends[0])
    harness.clock.advance(0.9)  # retry_after runs on the injected clock
    await settle()
    assert refused not in daily(harness)
    harness.clock.advance(0.2)
    await asyncio.wait_for(tick, 5)
    assert sorted(daily(harness)) == [100, 101]
    assert (await harness.services.repo.outbox_counts()) == {"sent": 2}


async def test_403_pauses_all_of_that_users_schedules(harness: Harness) -> None:
    await add_subscribers(harness, 2, "13:00")
    repo = harness.services.repo
    await repo.save_subscription(
        100, "encouragement", "20:00", "UTC", datetime(2026, 11, 21, 20, 0, tzinfo=UTC)
    )
    harness.transport.blocked.add(100)
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    await harness.tick()
    subs = await repo.subscriptions(100)
    assert subs and all(s.paused for s in subs)
    assert not any(s.paused for s in await repo.subscriptions(101))
    assert (await repo.get_user(100)).blocked


async def test_interrupted_sends_go_out_again_after_restart(harness: Harness) -> None:
    """Rows left 'sending' by a crash are requeued by the next holder: at-least-once."""
    await add_subscribers(harness, 3, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo = harness.services.repo
    sender = harness.services.sender
    await harness.services.dispatcher.tick()
    claimed = await repo.claim_pending(2, sender.role.epoch, harness.clock.now())
    assert claimed is not None and len(claimed) == 2  # then the process "dies"
    sender.role = SendingRole(repo, harness.clock)  # the restarted process
    await sender.drain()
    assert (await repo.outbox_counts()) == {"sent": 3}
    assert sorted(daily(harness)) == [100, 101, 102]


async def test_network_errors_are_retried(harness: Harness) -> None:
    await add_subscribers(harness, 1, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    harness.transport.failures.append(
        (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    )
    tick = asyncio.create_task(harness.tick())
    await until(waiting(harness))
    harness.clock.advance(1)  # the limiter's back-off runs on the injected clock
    await asyncio.wait_for(tick, 5)
    assert (await harness.services.repo.outbox_counts()) == {"sent": 1}


async def test_drain_with_nothing_to_send_returns_at_once(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Workers end on a sentinel: no polling timeout (it used to wait 0.2 s for its workers),
    no timer left behind, no time passing on the clock."""
    sender = harness.services.sender
    loop = asyncio.get_running_loop()
    timers: list[float] = []
    real_call_at = loop.call_at

    def call_at(when: float, *args: Any, **kwargs: Any) -> Any:
        timers.append(when - loop.time())
        return real_call_at(when, *args, **kwargs)

    monkeypatch.setattr(loop, "call_at", call_at)
    assert await asyncio.wait_for(sender.drain(), 5) == 0
    monkeypatch.undo()
    assert [t for t in timers if t < 4.5] == []  # only wait_for's own 5 s guard
    assert harness.clock.next_timer is None


async def test_results_are_recorded_after_a_database_outage(harness: Harness) -> None:
    """A mark that fails while the database is away is retried, not dropped."""
    await add_subscribers(harness, 1, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo = harness.services.repo
    real_mark = repo.mark_outbox
    failures = iter([True] * 6)

    async def flaky_mark(*args: Any, **kwargs: Any) -> int:
        if next(failures, False):
            raise StorageError("OperationalError")
        return int(await real_mark(*args, **kwargs))

    repo.mark_outbox = flaky_mark  # type: ignore[method-assign]
    try:
        tick = asyncio.create_task(harness.tick())
        for _ in range(50):  # the writer's back-off waits on the injected clock
            await until(lambda: tick.done() or harness.clock.next_timer is not None)
            if tick.done():
                break
            harness.clock.advance(5)
        await asyncio.wait_for(tick, 5)
    finally:
        repo.mark_outbox = real_mark  # type: ignore[method-assign]
    assert (await repo.outbox_counts()) == {"sent": 1}


async def test_a_stale_holders_claims_and_marks_are_refused(db_harness: Harness) -> None:
    h = db_harness
    await add_subscribers(h, 3, "13:00")
    h.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo, now = h.services.repo, h.clock.now()
    await h.services.dispatcher.tick()
    old = await repo.next_epoch()
    claimed = await repo.claim_pending(2, old, now)
    assert claimed is not None and [r.epoch for r in claimed] == [old, old]
    new = await repo.next_epoch()  # another instance took the role
    assert await repo.claim_pending(10, old, now) is None  # the old holder claims nothing
    assert await repo.in_doubt(new) == 2
    assert await repo.requeue_interrupted(new) == (2, 0)
    ids = [r.id for r in claimed]
    assert await repo.mark_outbox(ids, OutboxStatus.SENT, now, epoch=old) == 0  # refused
    again = await repo.claim_pending(10, new, now)
    assert again is not None and len(again) == 3
    assert sorted(r.uncertain for r in again if r.id in ids) == [1, 1]  # may have gone out
    assert [r.uncertain for r in again if r.id not in ids] == [0]
    assert await repo.mark_outbox(ids, OutboxStatus.SENT, now, epoch=old) == 0
    assert await repo.mark_outbox([r.id for r in again], OutboxStatus.SENT, now, epoch=new) == 3


async def test_a_row_unconfirmed_twice_is_never_sent_a_third_time(db_harness: Harness) -> None:
    h = db_harness
    await add_subscribers(h, 1, "13:00")
    h.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo, now = h.services.repo, h.clock.now()
    await h.services.dispatcher.tick()
    epoch = await repo.next_epoch()
    [row] = await repo.claim_pending(5, epoch, now) or []
    assert await repo.mark_unconfirmed([row.id], epoch, now + timedelta(minutes=2)) == 1
    assert await repo.claim_pending(5, epoch, now) == []  # waits for its retry
    [retry] = await repo.claim_pending(5, epoch, now + timedelta(minutes=2)) or []
    assert retry.uncertain == 1
    assert await repo.mark_unconfirmed([row.id], epoch, now + timedelta(minutes=4)) == 1
    assert await repo.claim_pending(5, epoch, now + timedelta(hours=1)) == []
    assert await repo.outbox_counts() == {"failed": 1}


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram(rate_per_bot=0, per_chat_rate=0)
    await fake.start()
    yield fake
    await fake.stop()


async def test_a_send_accepted_but_answered_too_late_goes_once_more_never_twice(
    tmp_path: Path, clock: FakeClock, fake_telegram: FakeTelegram
) -> None:
    """The way it failed: Telegram took the message but answered after the read timeout."""
    assert fake_telegram.base_url is not None
    fake_telegram.configure(slow_chats={100: 0.6})
    request = HTTPXRequest(read_timeout=0.3, connection_pool_size=8)
    settings = Settings(
        database_url=sqlite_url(tmp_path),
        telegram_api_base_url=fake_telegram.base_url,
        _env_file=None,  # type: ignore[call-arg]
    )
    app = build_application(settings, token=TOKEN, request=request, clock=clock)
    await app.initialize()
    await start_services(app, background=False)
    try:
        services = app.bot_data["services"]
        repo = services.repo
        await add_subscribers(SimpleNamespace(services=services, clock=clock), 2, "13:00")  # type: ignore[arg-type]
        clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
        sender = services_of(app).sender

        def copies(chat: int) -> int:
            return sum(1 for r in fake_telegram.sent if r.chat_id == chat)

        await services_of(app).dispatcher.tick()
        assert await sender.drain() == 1  # 101 answered; 100 timed out after being accepted
        assert (copies(100), copies(101)) == (1, 1)
        assert await sender.drain() == 0  # its retry waits RETRY_WAIT
        clock.advance(RETRY_WAIT)
        await sender.drain()
        assert copies(100) == 2  # the one extra copy
        clock.advance(RETRY_WAIT * 10)
        await sender.drain()
        assert copies(100) == 2  # never a third
        assert await repo.outbox_counts() == {"sent": 1, "failed": 1}
    finally:
        await stop_services(app)
        await app.shutdown()


async def test_sqlite_marks_grouped_in_one_thread_and_errors_kept_apart(
    harness: Harness,
) -> None:
    """On SQLite, claims and marks run in one thread, each a whole transaction; marks that
    arrive together share a commit, and one that fails does not take the others with it."""
    import sqlite3

    from bot.db.outbox import SqliteLane

    await add_subscribers(harness, 20, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo, now = harness.services.repo, harness.clock.now()
    assert repo.immediate_marks()
    await harness.services.dispatcher.tick()
    epoch = harness.services.role.epoch
    rows = await repo.claim_pending(20, epoch, now)
    assert rows is not None and len(rows) == 20
    marks = [repo.mark_outbox([r.id], OutboxStatus.SENT, now, epoch=epoch) for r in rows]
    assert await asyncio.gather(*marks) == [1] * 20
    assert await repo.outbox_counts() == {"sent": 20}
    lane = repo._sqlite_lane()
    assert isinstance(lane, SqliteLane)

    def broken(connection: sqlite3.Connection) -> int:
        connection.execute("UPDATE no_such_table SET x = 1")
        return 1

    def fine(connection: sqlite3.Connection) -> int:
        return int(connection.execute("SELECT COUNT(*) FROM outbox").fetchone()[0])

    results = await asyncio.gather(
        lane.run(broken, grouped=True), lane.run(fine, grouped=True), return_exceptions=True
    )
    assert isinstance(results[0], sqlite3.OperationalError)
    assert results[1] == 20
    with pytest.raises(StorageError):
        await repo._on_lane(lane, broken)


def test_the_safety_plan_footer_varies_and_always_says_so(content: Any) -> None:
    from datetime import date

    from bot.delivery.outbox import FOOTERS, render
    from bot.domain import Kind, OutboxView

    seen = set()
    for days in range(len(FOOTERS)):
        row = OutboxView(1, 1, Kind.ENCOURAGEMENT, date(2026, 11, 21), "e01", days, days, False)
        text = render(content, row).text
        footer = next(content.ui[f] for f in FOOTERS if content.ui[f] in text)
        assert "make a safety plan first" in footer
        seen.add(footer)
    assert len(seen) == len(FOOTERS)

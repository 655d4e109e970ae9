"""The sender: 429 and 403 paths, crash recovery, and priority for interactive replies."""

import asyncio
import time as clock_time
from datetime import UTC, datetime
from typing import Any

import pytest

from bot.delivery.limiter import BULK, PriorityRateLimiter
from tests.conftest import Harness
from tests.scheduling.test_dispatcher import add_subscribers


def too_many(seconds: int) -> tuple[int, dict[str, Any]]:
    return 429, {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {seconds}",
        "parameters": {"retry_after": seconds},
    }


async def test_429_is_honoured_and_message_still_delivered(harness: Harness) -> None:
    await add_subscribers(harness, 2, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    harness.transport.failures.append(too_many(1))
    started = clock_time.monotonic()
    await harness.tick()
    assert clock_time.monotonic() - started >= 0.9
    assert {s.chat_id for s in harness.transport.sent} >= {100, 101}
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
    """A row left 'sending' by a crash is requeued at start: at-least-once."""
    await add_subscribers(harness, 3, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo = harness.services.repo
    await harness.services.dispatcher.tick()
    claimed = await repo.claim_pending(2)  # then the process "dies"
    assert len(claimed) == 2
    assert await repo.requeue_interrupted() == 2
    await harness.services.sender.drain()
    assert (await repo.outbox_counts()) == {"sent": 3}


async def test_network_errors_are_retried(harness: Harness) -> None:
    await add_subscribers(harness, 1, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    harness.transport.failures.append(
        (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    )
    await harness.tick()
    assert (await harness.services.repo.outbox_counts()) == {"sent": 1}


async def test_interactive_requests_do_not_wait_behind_bulk() -> None:
    limiter = PriorityRateLimiter(bulk_rate=10, global_rate=12)
    done: list[tuple[str, float]] = []
    start = clock_time.monotonic()

    async def call(name: str) -> bool:
        done.append((name, clock_time.monotonic() - start))
        return True

    bulk = [
        asyncio.create_task(
            limiter.process_request(call, (f"bulk{i}",), {}, "sendMessage", {"chat_id": i}, BULK)
        )
        for i in range(30)
    ]
    await asyncio.sleep(0.05)
    await limiter.process_request(call, ("reply",), {}, "sendMessage", {"chat_id": 999}, None)
    reply_at = dict(done)["reply"]
    assert reply_at < 0.2  # 30 bulk sends at 10/s would take 3 s
    for task in bulk:
        task.cancel()
    await asyncio.gather(*bulk, return_exceptions=True)


async def test_bulk_pacing_and_per_chat_spacing() -> None:
    limiter = PriorityRateLimiter(bulk_rate=50, global_rate=60)
    times: list[float] = []

    async def call(*_: object) -> bool:
        times.append(clock_time.monotonic())
        return True

    await asyncio.gather(
        *(
            limiter.process_request(call, (), {}, "sendMessage", {"chat_id": i}, BULK)
            for i in range(25)
        )
    )
    assert times[-1] - times[0] >= 24 / 50 * 0.9
    same_chat: list[float] = []

    async def record(*_: object) -> bool:
        same_chat.append(clock_time.monotonic())
        return True

    await asyncio.gather(
        *(
            limiter.process_request(record, (), {}, "sendMessage", {"chat_id": 7}, BULK)
            for _ in range(2)
        )
    )
    assert same_chat[1] - same_chat[0] >= 0.95


async def test_results_are_recorded_after_a_database_outage(
    harness: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A mark that fails while the database is away is retried, not dropped."""
    from bot.delivery import outbox
    from bot.domain import StorageError

    monkeypatch.setattr(outbox, "backoff", lambda _seconds: asyncio.sleep(0))

    await add_subscribers(harness, 1, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo = harness.services.repo
    real_mark = repo.mark_outbox
    failures = iter([True] * 6)

    async def flaky_mark(*args: Any, **kwargs: Any) -> None:
        if next(failures, False):
            raise StorageError("OperationalError")
        await real_mark(*args, **kwargs)

    repo.mark_outbox = flaky_mark  # type: ignore[method-assign]
    try:
        await harness.tick()
    finally:
        repo.mark_outbox = real_mark  # type: ignore[method-assign]
    assert (await repo.outbox_counts()) == {"sent": 1}

"""The sender: 429 and 403 paths, crash recovery, and priority for interactive replies."""

import asyncio
from datetime import UTC, datetime
from typing import Any

import pytest

from tests.conftest import Harness
from tests.scheduling.test_dispatcher import add_subscribers


def too_many(seconds: int) -> tuple[int, dict[str, Any]]:
    return 429, {
        "ok": False,
        "error_code": 429,
        "description": f"Too Many Requests: retry after {seconds}",
        "parameters": {"retry_after": seconds},
    }


async def idle() -> None:
    """Let the database threads and every task finish what they can without time passing."""
    await asyncio.sleep(0.2)


def daily(h: Harness) -> list[int]:
    return [s.chat_id for s in h.transport.sent if s.chat_id >= 100]


async def test_429_is_honoured_and_message_still_delivered(harness: Harness) -> None:
    await add_subscribers(harness, 2, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    harness.transport.failures.append(too_many(1))
    tick = asyncio.create_task(harness.tick())
    await idle()
    sends = [p["chat_id"] for e, p in harness.transport.calls if e == "sendMessage"]
    refused = int(sends[0])
    harness.clock.advance(0.9)  # retry_after runs on the injected clock
    await idle()
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
    """A row left 'sending' by a crash is requeued at start: at-least-once."""
    await add_subscribers(harness, 3, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    repo = harness.services.repo
    await harness.app.bot_data["dispatcher"].tick()
    claimed = await repo.claim_pending(2)  # then the process "dies"
    assert len(claimed) == 2
    assert await repo.requeue_interrupted() == 2
    await harness.app.bot_data["sender"].drain()
    assert (await repo.outbox_counts()) == {"sent": 3}


async def test_network_errors_are_retried(harness: Harness) -> None:
    await add_subscribers(harness, 1, "13:00")
    harness.clock.set(datetime(2026, 11, 21, 13, 0, tzinfo=UTC))
    harness.transport.failures.append(
        (502, {"ok": False, "error_code": 502, "description": "Bad Gateway"})
    )
    tick = asyncio.create_task(harness.tick())
    await idle()
    harness.clock.advance(1)  # the limiter's back-off runs on the injected clock
    await asyncio.wait_for(tick, 5)
    assert (await harness.services.repo.outbox_counts()) == {"sent": 1}


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

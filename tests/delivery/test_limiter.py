"""The one sending budget: priorities, bot-wide and per-chat limits, 429s and retries.

Everything runs on a FakeClock: the limiter waits on the injected clock, so these tests move
time instead of sleeping.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut

from bot.delivery import limiter as limiter_module
from bot.delivery.limiter import (
    BULK,
    CRISIS,
    FOLLOW_UP,
    URGENT,
    Fenced,
    Limits,
    PriorityRateLimiter,
    may_have_arrived,
)
from bot.scheduling.clock import FakeClock


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 21, 8, 0, tzinfo=UTC))


class Telegram:
    """Stands in for the HTTP call: records (label, fake time) and answers as told."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.calls: list[tuple[str, float]] = []
        self.answers: dict[str, list[Exception]] = {}  # label -> errors to raise, in order

    async def __call__(self, label: str) -> bool:
        self.calls.append((label, self.clock.monotonic()))
        errors = self.answers.get(label)
        if errors:
            raise errors.pop(0)
        return True

    def at(self, label: str) -> list[float]:
        return [t - 1000.0 for name, t in self.calls if name == label]


def send(
    limiter: PriorityRateLimiter,
    telegram: Telegram,
    label: str,
    chat: int | None,
    args: dict[str, Any] | None = None,
    endpoint: str = "sendMessage",
) -> asyncio.Task[Any]:
    return asyncio.create_task(
        limiter.process_request(telegram, (label,), {}, endpoint, {"chat_id": chat}, args)
    )


def windows(times: list[float], width: float) -> int:
    """The most sends in any window of `width` seconds."""
    times = sorted(times)
    return max((sum(1 for u in times if t <= u < t + width) for t in times), default=0)


async def test_crisis_overtakes_queued_replies_and_bulk(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=10, bulk_rate=8), clock)
    telegram = Telegram(clock)
    replies = [send(limiter, telegram, "reply", i) for i in range(20)]
    bulk = [send(limiter, telegram, "bulk", 1000 + i, BULK) for i in range(20)]
    await clock.run(0.5)
    crisis = send(limiter, telegram, "crisis", 999, CRISIS)
    hotline = send(limiter, telegram, "hotline", 998, URGENT)
    await clock.run(0.5)
    assert crisis.done() and hotline.done()
    [crisis_at], [hotline_at] = telegram.at("crisis"), telegram.at("hotline")
    assert 0.5 <= crisis_at <= 0.5 + 1 / 10 + 0.01  # the next slot of the bot-wide budget
    assert crisis_at <= hotline_at <= crisis_at + 1 / 10 + 0.01
    assert not telegram.at("bulk")  # bulk waits while replies are queued
    await clock.run(6)
    assert all(t.done() for t in replies + bulk)
    assert max(telegram.at("reply")) < min(telegram.at("bulk"))


async def test_second_messages_wait_until_everyone_has_a_first_answer(clock: FakeClock) -> None:
    """A rush of newcomers: each welcome is followed by a country question (FOLLOW_UP). Every
    welcome goes before any country question, and bulk waits behind both."""
    limiter = PriorityRateLimiter(Limits(global_rate=10, bulk_rate=8), clock)
    telegram = Telegram(clock)
    welcomes = [send(limiter, telegram, "welcome", i) for i in range(15)]
    bulk = [send(limiter, telegram, "bulk", 5000 + i, BULK) for i in range(5)]
    await clock.run(0.3)  # the first welcomes went; their country questions queue now
    questions = [send(limiter, telegram, "question", i, FOLLOW_UP) for i in range(3)]
    later = [send(limiter, telegram, "welcome", 100 + i) for i in range(5)]  # still arriving
    await clock.run(5)
    assert all(t.done() for t in bulk + welcomes + questions + later)
    assert max(telegram.at("welcome")) < min(telegram.at("question"))
    assert max(telegram.at("question")) < min(telegram.at("bulk"))


async def test_the_bot_wide_limit_holds_in_every_second(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=30, bulk_rate=25), clock)
    telegram = Telegram(clock)
    tasks = [send(limiter, telegram, "reply", i) for i in range(120)]
    await clock.run(5)
    assert all(t.done() for t in tasks)
    times = telegram.at("reply")
    assert windows(times, 1.0) <= 30
    assert max(times) <= 120 / 30 + 0.1  # and it keeps the pace: about 30 a second


async def test_bulk_is_paced_below_the_bot_wide_limit(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=30, bulk_rate=25), clock)
    telegram = Telegram(clock)
    tasks = [send(limiter, telegram, "bulk", i, BULK) for i in range(100)]
    await clock.run(5)
    assert all(t.done() for t in tasks)
    times = telegram.at("bulk")
    assert windows(times, 1.0) <= 26  # 25 a second, plus the bucket's first token
    assert 3.8 <= max(times) <= 4.1  # and no slower: 100 at 25 a second


async def test_one_chat_paced_others_not_and_crisis_skips_its_queue(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=30, bulk_rate=25), clock)
    telegram = Telegram(clock)
    flood = [send(limiter, telegram, f"flood{i}", 7) for i in range(6)]
    await clock.run(0.1)
    # Ordinary replies get two of a chat's three slots in any 3 s; one stays free.
    assert len([c for c in telegram.calls if c[0].startswith("flood")]) == 2
    other = send(limiter, telegram, "other", 8)
    crisis = send(limiter, telegram, "crisis", 7, CRISIS)
    await clock.run(0.1)
    assert other.done() and crisis.done()  # another chat is not held up; crisis goes at once
    await clock.run(10)
    assert all(t.done() for t in flood)
    times = [t for name, t in telegram.calls if name.startswith("flood") or name == "crisis"]
    assert windows(times, 3.0) <= 3  # never more than Telegram's burst in a chat


async def test_429_waits_retry_after_then_goes(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(), clock)
    telegram = Telegram(clock)
    telegram.answers["reply"] = [RetryAfter(3)]
    task = send(limiter, telegram, "reply", 5)
    await clock.run(2.9)
    assert not task.done()
    await clock.run(0.3)
    assert task.result() is True
    assert telegram.at("reply") == [0.0, pytest.approx(3.0, abs=0.02)]
    assert limiter.retry_after_count == 1


async def test_replies_keep_trying_two_minutes_and_crisis_for_ever(
    clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    limiter = PriorityRateLimiter(Limits(), clock)
    telegram = Telegram(clock)
    telegram.answers["reply"] = [RetryAfter(10) for _ in range(100)]
    telegram.answers["crisis"] = [RetryAfter(10) for _ in range(100)]
    reply = send(limiter, telegram, "reply", 5)
    crisis = send(limiter, telegram, "crisis", 6, CRISIS)
    await clock.run(limiter_module.REPLY_PATIENCE - 5, step=1)
    assert not reply.done()  # still trying after two minutes
    await clock.run(20, step=1)
    with pytest.raises(RetryAfter):
        reply.result()
    await clock.run(600, step=5)
    assert not crisis.done()
    telegram.answers["crisis"].clear()
    await clock.run(11, step=1)
    assert crisis.result() is True


async def test_a_bad_request_fails_at_once(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(), clock)
    telegram = Telegram(clock)
    telegram.answers["reply"] = [BadRequest("Message is too long")]
    task = send(limiter, telegram, "reply", 5)
    await clock.run(0.1)
    with pytest.raises(BadRequest):
        task.result()
    assert len(telegram.calls) == 1


def timed_out() -> TimedOut:
    """What PTB raises when Telegram took the request but answered too late."""
    error = TimedOut()
    error.__cause__ = httpx.ReadTimeout("read timed out")
    return error


def refused() -> NetworkError:
    """What PTB raises when the connection could not even be made."""
    error = NetworkError("httpx.ConnectError: refused")
    error.__cause__ = httpx.ConnectError("refused")
    return error


def test_which_failures_may_have_reached_telegram() -> None:
    assert may_have_arrived(timed_out())
    assert not may_have_arrived(refused())
    assert not may_have_arrived(NetworkError("Bad Gateway"))  # an answer, with an error status


async def test_a_send_that_may_have_arrived_is_repeated_at_most_once(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(), clock)
    telegram = Telegram(clock)
    for label in ("bulk", "reply", "crisis"):
        telegram.answers[label] = [timed_out(), timed_out(), timed_out()]
    bulk = send(limiter, telegram, "bulk", 1, BULK)
    reply = send(limiter, telegram, "reply", 2)
    crisis = send(limiter, telegram, "crisis", 3, CRISIS)
    await clock.run(10)
    with pytest.raises(TimedOut):
        bulk.result()  # the outbox decides: see test_outbox
    with pytest.raises(TimedOut):
        reply.result()
    assert crisis.result() is True
    assert (len(telegram.at("bulk")), len(telegram.at("reply")), len(telegram.at("crisis"))) == (
        1,
        2,
        4,
    )


async def test_a_send_that_never_left_is_retried_even_for_bulk(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(), clock)
    telegram = Telegram(clock)
    telegram.answers["bulk"] = [refused(), refused()]
    task = send(limiter, telegram, "bulk", 1, BULK)
    await clock.run(2)
    assert task.result() is True
    assert len(telegram.at("bulk")) == 3


async def test_a_closed_fence_stops_bulk_before_it_leaves(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=10, bulk_rate=5), clock)
    telegram = Telegram(clock)
    holding = True

    def fence() -> bool:
        return holding

    args = {**BULK, "fence": fence}
    tasks = [send(limiter, telegram, "bulk", i, args) for i in range(10)]
    await clock.run(0.5)
    sent = len(telegram.calls)
    assert 1 <= sent < 10
    holding = False
    limiter.drop_fenced()  # what losing the role does
    await clock.run(0.01)
    assert all(t.done() for t in tasks)
    assert len(telegram.calls) == sent  # not one more
    assert sum(isinstance(t.exception(), Fenced) for t in tasks) == 10 - sent


async def test_methods_that_send_nothing_are_not_held(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=2, bulk_rate=1), clock)
    telegram = Telegram(clock)
    [send(limiter, telegram, "reply", i) for i in range(10)]
    await clock.run(0.01)
    answer = send(limiter, telegram, "answer", None, endpoint="answerCallbackQuery")
    await clock.run(0.01)
    assert answer.done()


async def test_a_cancelled_wait_gives_its_turn_back(clock: FakeClock) -> None:
    limiter = PriorityRateLimiter(Limits(global_rate=2, bulk_rate=1), clock)
    telegram = Telegram(clock)
    tasks = [send(limiter, telegram, f"r{i}", i) for i in range(4)]
    await clock.run(0.01)
    tasks[2].cancel()
    await clock.run(3)
    assert [name for name, _ in telegram.calls] == ["r0", "r1", "r3"]

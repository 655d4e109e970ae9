"""The injected clock: production reads the system time, tests move a fake one.

Besides the date and time (`now`), the clock measures intervals (`monotonic`) and waits
(`sleep`, `call_later`), so the rate limiter, the sender and the sending role run on the same
time as the scheduler, and timing tests move a FakeClock instead of sleeping.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Timer(Protocol):
    def cancel(self) -> None:
        """Stop the callback from running, if it has not run yet."""
        ...


class Clock(Protocol):
    def now(self) -> datetime:
        """The current instant, aware, in UTC."""
        ...

    def monotonic(self) -> float:
        """Seconds on a clock that never goes back; only differences mean anything."""
        ...

    async def sleep(self, seconds: float) -> None:
        """Wait this long."""
        ...

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Timer:
        """Run `callback` (quick, synchronous) once this long from now."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)

    def monotonic(self) -> float:
        return time.monotonic()

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Timer:
        return asyncio.get_running_loop().call_later(max(0.0, seconds), callback)


class _FakeTimer:
    __slots__ = ("callback", "cancelled")

    def __init__(self, callback: Callable[[], None]) -> None:
        self.callback = callback
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


class FakeClock:
    """A clock that only moves when told to; moving it runs the timers that fall due."""

    def __init__(self, start: datetime) -> None:
        if start.tzinfo is None:
            raise ValueError("FakeClock needs an aware datetime")
        self._now = start.astimezone(UTC)
        self._mono = 1000.0
        self._timers: list[tuple[float, int, _FakeTimer]] = []
        self._order = itertools.count()

    def now(self) -> datetime:
        return self._now

    def monotonic(self) -> float:
        return self._mono

    def set(self, instant: datetime) -> None:
        """Jump to `instant`. Going back in time moves `now` only; `monotonic` stays."""
        instant = instant.astimezone(UTC)
        forward = (instant - self._now).total_seconds()
        if forward > 0:
            self._run_until(self._mono + forward)
        self._now = instant

    def advance(self, delta: timedelta | float) -> None:
        """Move forward (a timedelta or seconds), running due timers in order."""
        seconds = delta.total_seconds() if isinstance(delta, timedelta) else float(delta)
        if seconds < 0:
            raise ValueError("FakeClock.advance cannot go back; use set()")
        self._run_until(self._mono + seconds)

    def _run_until(self, target: float) -> None:
        origin_mono, origin_now = self._mono, self._now
        while self._timers and self._timers[0][0] <= target:
            when, _, timer = heapq.heappop(self._timers)
            if timer.cancelled:
                continue
            self._mono = max(self._mono, when)
            self._now = origin_now + timedelta(seconds=self._mono - origin_mono)
            timer.callback()
        self._mono = target
        self._now = origin_now + timedelta(seconds=target - origin_mono)

    @property
    def next_timer(self) -> float | None:
        """Seconds until the earliest pending timer (None when there is none)."""
        while self._timers and self._timers[0][2].cancelled:
            heapq.heappop(self._timers)
        return self._timers[0][0] - self._mono if self._timers else None

    def call_later(self, seconds: float, callback: Callable[[], None]) -> Timer:
        timer = _FakeTimer(callback)
        heapq.heappush(self._timers, (self._mono + max(0.0, seconds), next(self._order), timer))
        return timer

    async def sleep(self, seconds: float) -> None:
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        def wake() -> None:
            if not future.done():
                future.set_result(None)

        timer = self.call_later(seconds, wake)
        try:
            await future
        finally:
            timer.cancel()

    async def run(self, seconds: float, step: float = 0.01) -> None:
        """Let `seconds` pass in steps, letting every task run between steps (for tests)."""
        end = self._mono + seconds
        while self._mono < end:
            await _settle()
            self.advance(min(step, end - self._mono))
        await _settle()


async def _settle(rounds: int = 20) -> None:
    for _ in range(rounds):
        await asyncio.sleep(0)


class ShiftedClock(SystemClock):
    """The system time moved on by hand: the terminal chat's ':wait 1h'. Only the wall time
    moves (what is due); waiting and pacing keep real time."""

    def __init__(self) -> None:
        super().__init__()
        self.offset = timedelta()

    def now(self) -> datetime:
        return super().now() + self.offset

    def advance(self, delta: timedelta) -> None:
        self.offset += delta

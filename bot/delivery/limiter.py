"""PTB rate limiter with two lanes: interactive replies go at once, bulk sends are paced.

PTB's AIORateLimiter is first come, first served, so a crisis reply queued behind a morning
fan-out would wait N/30 seconds. Here only calls made with ``rate_limit_args={"bulk": True}``
are paced (by default 25/s, leaving headroom under Telegram's ~30/s for replies, and at most
one per chat per second); every other call goes straight out. A 429 pauses the bulk lane for
``retry_after``; interactive calls retry after it too, so a reply is late rather than lost.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Coroutine
from typing import Any

from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

log = logging.getLogger(__name__)
JSON = bool | dict[str, Any] | list[dict[str, Any]]
BULK = {"bulk": True}


class PriorityRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Interactive first; bulk paced under the bot-wide and per-chat limits."""

    def __init__(
        self,
        bulk_rate: float = 25.0,
        global_rate: float = 30.0,
        per_chat_interval: float = 1.0,
        max_retries: int = 4,
    ) -> None:
        self.bulk_rate = bulk_rate
        self.global_rate = max(global_rate, bulk_rate)
        # Requests leave us a few milliseconds apart but can reach Telegram together, so the
        # bulk lane keeps the bot-wide window a little under the limit.
        self._window_cap = max(1, int(self.global_rate * 0.94))
        self.per_chat_interval = per_chat_interval
        self.max_retries = max_retries
        self._next_slot = 0.0
        self._paused_until = 0.0
        self._recent: deque[float] = deque()  # start times of every send in the last second
        self._last_bulk_by_chat: dict[object, float] = {}
        self._lock = asyncio.Lock()

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

    def _forget_before(self, cutoff: float) -> None:
        while self._recent and self._recent[0] <= cutoff:
            self._recent.popleft()

    async def _bulk_slot(self, chat_id: object) -> None:
        """Wait for this bulk send's turn: paced, one per chat per interval, and only while
        the last second's sends (replies included) leave room under the bot-wide limit."""
        async with self._lock:
            now = time.monotonic()
            slot = max(now, self._next_slot, self._paused_until)
            last = self._last_bulk_by_chat.get(chat_id)
            if last is not None:
                slot = max(slot, last + self.per_chat_interval)
            self._next_slot = slot + 1.0 / self.bulk_rate
            self._last_bulk_by_chat[chat_id] = slot
            if len(self._last_bulk_by_chat) > 50_000:
                cutoff = now - self.per_chat_interval
                self._last_bulk_by_chat = {
                    k: v for k, v in self._last_bulk_by_chat.items() if v > cutoff
                }
        delay = slot - time.monotonic()
        if delay > 0:
            await asyncio.sleep(delay)
        async with self._lock:
            while True:
                now = time.monotonic()
                self._forget_before(now - 1.0)
                wait = max(self._paused_until - now, 0.0)
                if len(self._recent) >= self._window_cap:
                    wait = max(wait, self._recent[0] + 1.0 - now)
                if wait <= 0:
                    break
                await asyncio.sleep(wait)
            self._recent.append(now)

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> JSON:
        bulk = bool(rate_limit_args and rate_limit_args.get("bulk"))
        chat_id = data.get("chat_id")
        for attempt in range(self.max_retries + 1):
            if bulk:
                await self._bulk_slot(chat_id)
            else:
                now = time.monotonic()
                self._forget_before(now - 1.0)
                self._recent.append(now)
            try:
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                wait = exc.retry_after
                seconds = wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait)
                self._paused_until = max(self._paused_until, time.monotonic() + seconds)
                log.warning("Telegram asked us to wait %.1fs (%s)", seconds, endpoint)
                if attempt == self.max_retries:
                    raise
                await asyncio.sleep(seconds)
            except (TimedOut, NetworkError) as exc:
                if attempt == self.max_retries or not _retryable(exc):
                    raise
                await asyncio.sleep(min(0.25 * 2**attempt, 4.0))
        raise AssertionError("unreachable")


def _retryable(exc: NetworkError) -> bool:
    # BadRequest subclasses NetworkError, but a malformed request fails the same way twice.
    return type(exc) in {NetworkError, TimedOut}

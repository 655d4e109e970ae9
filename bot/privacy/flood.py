"""Per-chat flood control: a token bucket in memory, so one user's hundreds of messages cost
others nothing. Crisis texts, Help now, /hide and /stop never reach it (bot/privacy/wiring.py).

A chat may send FLOOD_BURST updates at once, then one per 1/FLOOD_REFILL_PER_SECOND seconds.
Beyond that the first update gets one gentle "slow down" line and the rest are dropped. Each
dropped update also costs a token (down to -FLOOD_BURST), so a flood that goes on gets no
replies at all, leaving the chat's Telegram budget to crisis replies, while a person who
stops is answered again a few seconds later. The line can come again only after the chat has
been quiet long enough to fill its bucket.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from enum import Enum

from bot.policy import FLOOD_BURST, FLOOD_REFILL_PER_SECOND

PRUNE_AT = 10_000  # buckets kept before full (idle) ones are forgotten


class Verdict(Enum):
    ALLOW = "allow"
    WARN = "warn"  # over the limit: say "slow down" once
    DROP = "drop"  # over the limit, already told


class FloodGate:
    def __init__(
        self,
        burst: float = FLOOD_BURST,
        per_second: float = FLOOD_REFILL_PER_SECOND,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.burst, self.per_second, self.clock = burst, per_second, clock
        self._buckets: dict[int, tuple[float, float, bool]] = {}  # tokens, at, warned
        self.held = 0  # updates held back since start (for /stats)

    def check(self, chat_id: int) -> Verdict:
        now = self.clock()
        tokens, at, warned = self._buckets.get(chat_id, (self.burst, now, False))
        tokens = min(self.burst, tokens + (now - at) * self.per_second)
        if tokens >= self.burst:
            warned = False  # quiet long enough: a new flood may be told again
        if tokens >= 1:
            verdict, tokens = Verdict.ALLOW, tokens - 1
        else:
            verdict, warned = (Verdict.DROP if warned else Verdict.WARN), True
            tokens = max(-self.burst, tokens - 1)
            self.held += 1
        self._buckets[chat_id] = (tokens, now, warned)
        if len(self._buckets) > PRUNE_AT:
            self._prune(now)
        return verdict

    def forget(self, chat_id: int) -> None:
        self._buckets.pop(chat_id, None)

    def _prune(self, now: float) -> None:
        self._buckets = {
            chat: (tokens, at, warned)
            for chat, (tokens, at, warned) in self._buckets.items()
            if tokens + (now - at) * self.per_second < self.burst
        }

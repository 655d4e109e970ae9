"""One budget for every send, by priority: crisis, then hotline, then replies, then bulk.

Telegram allows about 30 messages a second per bot and about one a second per chat (short
bursts tolerated), and answers 429 ``retry_after`` beyond. Replies sent outside any budget draw
hundreds of 429s when 500 people write at once; PTB's AIORateLimiter keeps the budget but is
first come, first served, so a crisis reply would wait behind a morning fan-out. Here every
message-sending call waits for a turn:

- per chat: at most ``per_chat_burst`` sends in any ``per_chat_window`` (3 in 3 s), the
  highest priority first. A chat's queue never holds up another chat. Ordinary replies and
  bulk use at most ``per_chat_burst - 1`` of any window, so a crisis reply or a hotline to a
  user who floods the bot still goes at once (a third ordinary reply within 3 s waits).
- bot-wide: a token bucket (``global_rate`` a second, small bursts) and, as a hard limit, at
  most ``global_rate`` sends in any window of one second. A send counts from the moment it
  leaves until a second after its answer, so network jitter cannot push two windows' worth
  into one of Telegram's. Bulk is also paced at ``bulk_rate``, below ``global_rate``, so there
  is always room for a reply.
- turns go by (priority, arrival): crisis replies overtake everything queued, and the second
  message of a reply waits until everyone queued has had a first one.

A 429 is never an error for a person: the chat waits ``retry_after`` and the send goes again
(replies keep trying for REPLY_PATIENCE, crisis replies for as long as the process lives).
Network failures are retried the same way, but a request that may have reached Telegram (a
timeout after it was sent) is repeated at most once for a reply and never here for bulk: the
outbox decides (see bot/delivery/outbox.py). Real failures (400, 403) raise at once.

The priority travels in PTB's ``rate_limit_args``: ``{"priority": Priority.CRISIS}``; no
arguments means an ordinary reply. Bulk sends may add ``"fence"``, a callable checked just
before the request leaves: when it returns False the send raises Fenced instead.
"""

from __future__ import annotations

import asyncio
import heapq
import itertools
import logging
import math
from collections import deque
from collections.abc import Callable, Coroutine, Hashable
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

import httpx
from telegram.error import NetworkError, RetryAfter, TimedOut
from telegram.ext import BaseRateLimiter

from bot.scheduling.clock import Clock, SystemClock, Timer

log = logging.getLogger(__name__)
JSON = bool | dict[str, Any] | list[dict[str, Any]]

REPLY_PATIENCE = 180.0  # seconds a reply keeps retrying 429s and network errors
BULK_PATIENCE = 60.0  # then the outbox puts the message back and tries later
_EPS = 1e-4  # timers may fire a hair early


class Priority(IntEnum):
    """Lower goes first."""

    CRISIS = 0  # the crisis reply
    URGENT = 1  # hotlines, Help now
    REPLY = 2  # every other reply (the default)
    # The second message of one reply ("which country are you in?" after the welcome): when
    # many people write at once, everyone's first answer goes before anyone's second.
    FOLLOW_UP = 3
    BULK = 4  # scheduled daily messages


# rate_limit_args for each priority. Typed Any so they pass where a bot is typed ExtBot[None]
# (BotContext's is), which would otherwise refuse any rate_limit_args.
CRISIS: Any = {"priority": Priority.CRISIS}
URGENT: Any = {"priority": Priority.URGENT}
FOLLOW_UP: Any = {"priority": Priority.FOLLOW_UP}
BULK: Any = {"priority": Priority.BULK}


def turn(priority: Priority) -> Any:
    """rate_limit_args for a priority (see CRISIS, URGENT, BULK)."""
    return {"priority": priority}


class Fenced(Exception):
    """A bulk send stopped before leaving: this instance no longer holds the sending role."""


@dataclass(frozen=True)
class Limits:
    """Telegram's limits as the limiter keeps them; 0 switches a limit off."""

    global_rate: float = 30.0  # sends per second, bot-wide
    bulk_rate: float = 25.0  # bulk sends per second (keep below global_rate)
    per_chat_burst: int = 3  # sends a chat may get within per_chat_window
    per_chat_window: float = 3.0  # seconds (3 in 3 s: one a second with short bursts)

    @classmethod
    def unlimited(cls) -> Limits:
        """For a local transport (terminal chat, tests): nothing to keep but 429s."""
        return cls(global_rate=0, bulk_rate=0, per_chat_burst=0)


def _is_send(endpoint: str) -> bool:
    """Methods Telegram counts against the flood limits: those that post or edit a message."""
    name = endpoint.lower()
    return name.startswith(("send", "copy", "forward", "edit", "stop")) and name != (
        "sendchataction"
    )


def _never_left(exc: BaseException) -> bool:
    cause = exc.__cause__
    return isinstance(cause, httpx.ConnectError | httpx.ConnectTimeout | httpx.PoolTimeout)


def may_have_arrived(exc: NetworkError) -> bool:
    """True when a failed request may still have reached Telegram (and been acted on)."""
    if _never_left(exc):
        return False
    # An error status is an answer: Telegram (or its proxy) did not accept the message.
    return not (exc.__cause__ is None and not isinstance(exc, TimedOut))


def _retryable(exc: NetworkError) -> bool:
    # BadRequest subclasses NetworkError, but a malformed request fails the same way twice.
    return type(exc) in {NetworkError, TimedOut}


def _seconds(value: object) -> float:
    total = getattr(value, "total_seconds", None)
    return float(total()) if callable(total) else float(value)  # type: ignore[arg-type]


class _Ticket:
    __slots__ = ("fence", "future")

    def __init__(self, future: asyncio.Future[None], fence: Callable[[], bool] | None) -> None:
        self.future = future
        self.fence = fence


class _Chat:
    __slots__ = ("expiries", "in_flight", "paused_until", "waiting")

    def __init__(self) -> None:
        self.waiting: list[tuple[int, int, _Ticket]] = []  # heap by (priority, arrival)
        self.in_flight = 0
        self.expiries: deque[float] = deque()  # when each answered send leaves the window
        self.paused_until = 0.0


class PriorityRateLimiter(BaseRateLimiter[dict[str, Any]]):
    """Every send waits for its turn under the bot-wide and per-chat limits, by priority."""

    def __init__(self, limits: Limits | None = None, clock: Clock | None = None) -> None:
        self.limits = limits or Limits()
        self.clock: Clock = clock or SystemClock()
        lim = self.limits
        self._window_cap = max(1, math.floor(lim.global_rate)) if lim.global_rate > 0 else 0
        self._token_cap = max(2.0, lim.global_rate * 0.1)
        self._bulk_cap = max(2.0, lim.bulk_rate * 0.05)
        self._tokens = self._token_cap
        self._bulk_tokens = self._bulk_cap
        self._tokens_at = self._bulk_at = self.clock.monotonic()
        self._in_flight = 0
        self._expiries: deque[float] = deque()
        self._bulk_paused_until = 0.0
        self._chats: dict[Hashable, _Chat] = {}
        self._ready: list[tuple[int, int, Hashable]] = []  # chat heads free to go
        self._parked: list[tuple[float, int, Hashable]] = []  # chats waiting for their window
        self._seq = itertools.count()
        self._timer: Timer | None = None
        self._timer_at = math.inf
        self._sweep_at = 4096
        self.retry_after_count = 0  # 429s seen, for logs and tests

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release (the bulk bot shares this limiter and shuts down first)."""

    # --- the public call ---------------------------------------------------------------------

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: dict[str, Any] | None,
    ) -> JSON:
        priority = Priority((rate_limit_args or {}).get("priority", Priority.REPLY))
        fence: Callable[[], bool] | None = (rate_limit_args or {}).get("fence")
        counted = _is_send(endpoint)
        chat = _chat_key(data.get("chat_id")) if counted else None
        seq = next(self._seq)  # a retry keeps its place in line
        first_failure: float | None = None
        unsure = failures = 0
        while True:
            if counted:
                await self._turn(priority, seq, chat, fence)
            wait, left = 0.0, True
            try:
                if fence is not None and not fence():
                    raise Fenced
                return await callback(*args, **kwargs)
            except RetryAfter as exc:
                seconds = _seconds(exc.retry_after)
                self.retry_after_count += 1
                log.warning("Telegram asked us to wait %.1fs (%s)", seconds, endpoint)
                first_failure = first_failure or self.clock.monotonic()
                self._too_many(chat, priority, seconds)
                if self._out_of_patience(priority, first_failure):
                    raise
                wait = 0.0 if counted else seconds  # a paused chat waits in its queue
            except (TimedOut, NetworkError) as exc:
                if not _retryable(exc):
                    raise
                left = not _never_left(exc)
                if may_have_arrived(exc):
                    unsure += 1
                    # Bulk: the outbox decides. A reply goes again once; crisis until it goes.
                    if priority is Priority.BULK or (
                        priority is not Priority.CRISIS and unsure > 1
                    ):
                        raise
                first_failure = first_failure or self.clock.monotonic()
                if self._out_of_patience(priority, first_failure):
                    raise
                log.warning("%s failed (%s); retrying", endpoint, type(exc).__name__)
                wait = min(0.25 * 2**failures, 5.0)
                failures += 1
            finally:
                if counted:
                    self._finish(chat, left)
            if wait:
                await self.clock.sleep(wait)

    def drop_fenced(self) -> None:
        """Fail at once every waiting send whose fence is now closed (the role was lost)."""
        for state in self._chats.values():
            for _, _, ticket in state.waiting:
                if ticket.fence is not None and not ticket.future.done() and not ticket.fence():
                    ticket.future.set_exception(Fenced())

    def _out_of_patience(self, priority: Priority, since: float) -> bool:
        if priority is Priority.CRISIS:
            return False
        patience = BULK_PATIENCE if priority is Priority.BULK else REPLY_PATIENCE
        return self.clock.monotonic() - since > patience

    def _too_many(self, chat: Hashable, priority: Priority, seconds: float) -> None:
        """Telegram refused with 429: that chat waits; bulk, the likely cause, pauses too."""
        until = self.clock.monotonic() + seconds
        state = self._chats.setdefault(chat, _Chat())
        state.paused_until = max(state.paused_until, until)
        if priority is Priority.BULK or chat is None:
            self._bulk_paused_until = max(self._bulk_paused_until, until)

    # --- turns -------------------------------------------------------------------------------

    async def _turn(
        self, priority: Priority, seq: int, chat: Hashable, fence: Callable[[], bool] | None
    ) -> None:
        state = self._chats.get(chat)
        if state is None:
            state = self._chats[chat] = _Chat()
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        ticket = _Ticket(future, fence)
        heapq.heappush(state.waiting, (int(priority), seq, ticket))
        if state.waiting[0][2] is ticket:
            self._schedule_chat(chat, state, self.clock.monotonic())
        self._pump()
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled() and future.exception() is None:
                self._finish(chat, left=False)  # granted, but the caller went away
            raise

    def _finish(self, chat: Hashable, left: bool = True) -> None:
        """A granted send is over: unless it never left, it stays in the windows a while."""
        now = self.clock.monotonic()
        self._in_flight -= 1
        if self._window_cap and left:
            self._expiries.append(now + 1.0)
        state = self._chats.get(chat)
        if state is not None:
            state.in_flight -= 1
            if self.limits.per_chat_burst > 0 and chat is not None and left:
                state.expiries.append(now + self.limits.per_chat_window)
            self._schedule_chat(chat, state, now)
        self._pump()

    def _schedule_chat(self, chat: Hashable, state: _Chat, now: float) -> None:
        """Put the chat's first waiting send where it belongs: ready now, or parked."""
        while state.waiting and state.waiting[0][2].future.done():
            heapq.heappop(state.waiting)  # cancelled or fenced while waiting
        if not state.waiting:
            return
        priority, seq, _ = state.waiting[0]
        at = self._chat_free_at(chat, state, priority, now)
        if at is None:
            return  # _finish reschedules when one of its sends is answered
        if at <= now + _EPS:
            heapq.heappush(self._ready, (priority, seq, chat))
        else:
            heapq.heappush(self._parked, (at, next(self._seq), chat))

    def _chat_free_at(
        self, chat: Hashable, state: _Chat, priority: int, now: float
    ) -> float | None:
        """When the chat can take a send of this priority; None: after a send in flight ends."""
        at = max(now, state.paused_until)
        burst = self.limits.per_chat_burst
        if burst <= 0 or chat is None:
            return at
        # Ordinary sends leave one slot of every window free, so a crisis reply or a hotline
        # to a chat that is busy (a user flooding the bot) never waits for its window.
        cap = burst if priority <= Priority.URGENT else max(1, burst - 1)
        expiries = state.expiries
        while expiries and expiries[0] <= now:
            expiries.popleft()
        need = state.in_flight + len(expiries) - cap + 1  # sends that must leave the window
        if need <= 0:
            return at
        if need > len(expiries):
            return None
        return max(at, expiries[need - 1])

    def _global_free_at(self, priority: int, now: float) -> float | None:
        """When the bot-wide budget allows a send of this priority; None: after one ends."""
        at = now
        lim = self.limits
        if self._window_cap:
            self._tokens = min(
                self._token_cap, self._tokens + (now - self._tokens_at) * lim.global_rate
            )
            self._tokens_at = now
            if self._tokens < 1.0:
                at = now + (1.0 - self._tokens) / lim.global_rate
            expiries = self._expiries
            while expiries and expiries[0] <= now:
                expiries.popleft()
            need = self._in_flight + len(expiries) - self._window_cap + 1
            if need > len(expiries):
                return None
            if need > 0:
                at = max(at, expiries[need - 1])
        if priority == Priority.BULK:
            at = max(at, self._bulk_paused_until)
            if lim.bulk_rate > 0:
                self._bulk_tokens = min(
                    self._bulk_cap, self._bulk_tokens + (now - self._bulk_at) * lim.bulk_rate
                )
                self._bulk_at = now
                if self._bulk_tokens < 1.0:
                    at = max(at, now + (1.0 - self._bulk_tokens) / lim.bulk_rate)
        return at

    def _pump(self) -> None:
        """Grant every turn the budget allows now, best first; set a timer for the next."""
        now = self.clock.monotonic()
        while self._parked and self._parked[0][0] <= now + _EPS:
            _, _, chat = heapq.heappop(self._parked)
            state = self._chats.get(chat)
            if state is not None:
                self._schedule_chat(chat, state, now)
        wake = math.inf
        while self._ready:
            priority, seq, chat = self._ready[0]
            state = self._chats.get(chat)
            if state is None or not state.waiting or state.waiting[0][1] != seq:
                heapq.heappop(self._ready)  # stale: granted, cancelled or superseded
                continue
            ticket = state.waiting[0][2]
            if ticket.future.done():
                heapq.heappop(self._ready)
                self._schedule_chat(chat, state, now)
                continue
            chat_at = self._chat_free_at(chat, state, priority, now)
            if chat_at is None or chat_at > now + _EPS:
                heapq.heappop(self._ready)
                if chat_at is not None:
                    heapq.heappush(self._parked, (chat_at, next(self._seq), chat))
                continue
            if ticket.fence is not None and not ticket.fence():
                heapq.heappop(self._ready)
                heapq.heappop(state.waiting)
                ticket.future.set_exception(Fenced())
                self._schedule_chat(chat, state, now)
                continue
            at = self._global_free_at(priority, now)
            if at is None:
                break  # every slot is in flight: _finish pumps again
            if at > now + _EPS:
                wake = at
                break
            heapq.heappop(self._ready)
            heapq.heappop(state.waiting)
            self._take(priority)
            state.in_flight += 1
            ticket.future.set_result(None)
            self._schedule_chat(chat, state, now)
        if self._parked:
            wake = min(wake, self._parked[0][0])
        self._arm(wake, now)
        if len(self._chats) > self._sweep_at:
            self._sweep(now)

    def _take(self, priority: int) -> None:
        self._in_flight += 1
        if self._window_cap:
            self._tokens -= 1.0
        if priority == Priority.BULK and self.limits.bulk_rate > 0:
            self._bulk_tokens -= 1.0

    def _arm(self, at: float, now: float) -> None:
        if at == math.inf or (self._timer is not None and self._timer_at <= at):
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = at
        self._timer = self.clock.call_later(max(0.0, at - now), self._on_timer)

    def _on_timer(self) -> None:
        self._timer, self._timer_at = None, math.inf
        self._pump()

    def _sweep(self, now: float) -> None:
        """Forget idle chats whose window has passed, so memory stays flat after a fan-out."""
        self._chats = {
            chat: s
            for chat, s in self._chats.items()
            if s.waiting
            or s.in_flight
            or s.paused_until > now
            or (s.expiries and s.expiries[-1] > now)
        }
        self._sweep_at = max(4096, 2 * len(self._chats))


def _chat_key(chat_id: object) -> Hashable:
    if chat_id is None or isinstance(chat_id, int):
        return chat_id
    try:
        return int(str(chat_id))
    except ValueError:
        return str(chat_id)

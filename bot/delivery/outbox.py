"""Sends queued daily messages: claimed before sending, marked after, paced as bulk.

Delivery guarantee (at-least-once, with a one-message window):
- A due subscription becomes an outbox row and its next due time advances in one transaction,
  under a unique (chat, kind, local date) key: no day is lost, and no day is queued twice.
- Rows are claimed (status 'sending') before the HTTP call and marked 'sent' right after
  Telegram answers, by a writer that commits as soon as each answer arrives.
- If the process dies after Telegram accepted a message but before that commit, the row is
  still 'sending'. On start-up such rows go out again: we choose a rare duplicate over a lost
  message. Only messages whose answer arrived in that last instant can repeat (measured by
  bench/: at most one per kill). Rows claimed but not yet sent are simply sent, not repeated.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.callbacks import HelpNow, PauseMenu, Reveal, SlipAsk, StopAll
from bot.content import Content
from bot.db import Repo
from bot.delivery.limiter import BULK
from bot.domain import CheckinKind, Kind, OutboxStatus, OutboxView, StorageError
from bot.scheduling.clock import Clock

log = logging.getLogger(__name__)
backoff = asyncio.sleep  # the wait between retries; tests shorten it


@dataclass(frozen=True)
class Rendered:
    text: str
    markup: InlineKeyboardMarkup
    silent: bool


def render(content: Content, row: OutboxView, *, reveal: bool = False) -> Rendered:
    """A daily message. Its first three lines are always neutral (lock screens show them);
    discreet mode sends only a neutral line and a button that opens the note inside the chat.
    Pause and Stop these are one tap away on every note. A check-in renders itself."""
    if row.kind is CheckinKind.CHECKIN:
        from bot.checkins.render import render_checkin

        return render_checkin(content, row, reveal=reveal)
    ui = content.ui
    help_now = InlineKeyboardButton(ui["btn_help_now"], callback_data=HelpNow().pack())
    stop = [  # privacy: pause this kind, or stop everything unprompted
        InlineKeyboardButton(ui["btn_pause_note"], callback_data=PauseMenu(row.kind).pack()),
        InlineKeyboardButton(ui["btn_stop_these"], callback_data=StopAll().pack()),
    ]
    if row.discreet and not reveal:
        opener = InlineKeyboardButton(ui["btn_open_note"], callback_data=Reveal(row.id).pack())
        markup = InlineKeyboardMarkup([[opener], stop, [help_now]])
        return Rendered(ui["daily_discreet"], markup, True)
    if row.content_key.startswith("m") and row.content_key[1:].isdigit():
        body = content.daily.milestones[int(row.content_key[1:])]
    else:
        entry = content.entry(row.content_key)
        body = entry.text if entry else ui["daily_missing"]
    body = body.format(days=row.days or 0, total=row.total or 0)
    rows = [stop, [help_now]]
    if row.kind is Kind.ENCOURAGEMENT:
        body += "\n\n" + ui["encouragement_footer"]
        rows.insert(0, [InlineKeyboardButton(ui["btn_slip"], callback_data=SlipAsk().pack())])
    text = f"{ui['daily_opener_' + row.kind]}\n{ui['daily_neutral_lines']}\n\n{body}"
    return Rendered(text, InlineKeyboardMarkup(rows), row.discreet)


class OutboxSender:
    """Drains the outbox with bounded concurrency; the limiter does the pacing."""

    def __init__(
        self,
        repo: Repo,
        bot: ExtBot[Any],
        content: Content,
        clock: Clock,
        grace: timedelta,
        concurrency: int = 16,
        may_send: Callable[[], Awaitable[bool]] | None = None,
    ) -> None:
        self.repo, self.bot, self.content, self.clock = repo, bot, content, clock
        self.grace = grace
        self.may_send = may_send
        self._transient = False
        self.concurrency = concurrency
        self.wake = asyncio.Event()
        self._marks: asyncio.Queue[tuple[int, OutboxStatus]] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []

    def start(self, *, drain_in_background: bool = True) -> None:
        """Start the writer of results, and (unless a test drives it) the sending loop."""
        self._tasks = [asyncio.create_task(self._write_marks(), name="outbox-marks")]
        if drain_in_background:
            self._tasks.append(asyncio.create_task(self._drain_forever(), name="outbox-sender"))

    async def stop(self) -> None:
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._flush_marks()

    async def _drain_forever(self) -> None:
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=5.0)
            self.wake.clear()
            try:
                if self.may_send is None or await self.may_send():
                    await self.drain()
            except StorageError:
                log.warning("outbox: database unavailable, will retry")
                await asyncio.sleep(2.0)

    async def drain(self) -> int:
        """Send everything pending now; returns how many went out."""
        sent = 0
        queue: asyncio.Queue[OutboxView] = asyncio.Queue(maxsize=self.concurrency * 2)
        done = asyncio.Event()

        async def worker() -> None:
            nonlocal sent
            while not (done.is_set() and queue.empty()):
                try:
                    row = await asyncio.wait_for(queue.get(), timeout=0.2)
                except TimeoutError:
                    continue
                sent += await self._send(row)

        expired = await self.repo.expire_pending(self.clock.now() - self.grace)
        if expired:
            log.warning(
                "outbox: %d messages waited past the grace window and were skipped", expired
            )
        self._transient = False
        workers = [asyncio.create_task(worker()) for _ in range(self.concurrency)]
        try:
            # After a network error or 429 we stop claiming; the next wake retries the rest.
            while not self._transient and (
                batch := await self.repo.claim_pending(self.concurrency * 4)
            ):
                for row in batch:
                    await queue.put(row)
        finally:
            done.set()
            await asyncio.gather(*workers)
            await self._marks.join()
        return sent

    async def _send(self, row: OutboxView) -> int:
        message = render(self.content, row)
        try:
            await self.bot.send_message(
                row.chat_id,
                message.text,
                reply_markup=message.markup,
                disable_notification=message.silent,
                protect_content=True,
                rate_limit_args=BULK,
            )
        except Forbidden:
            log.info("outbox: a user blocked the bot; pausing their schedules")
            await self.repo.mark_blocked(row.chat_id)
            await self._marks.put((row.id, OutboxStatus.FAILED))
            return 0
        except BadRequest as exc:
            log.warning("outbox: Telegram refused a message: %s", exc)
            await self._marks.put((row.id, OutboxStatus.FAILED))
            return 0
        except (RetryAfter, NetworkError, TelegramError) as exc:
            log.warning("outbox: will retry later (%s)", type(exc).__name__)
            self._transient = True
            await self._marks.put((row.id, OutboxStatus.PENDING))
            return 0
        await self._marks.put((row.id, OutboxStatus.SENT))
        return 1

    async def _write_marks(self) -> None:
        while True:
            first = await self._marks.get()
            batch = [first]
            while not self._marks.empty():
                batch.append(self._marks.get_nowait())
            try:
                await self._apply(batch)
            finally:
                for _ in batch:
                    self._marks.task_done()

    async def _flush_marks(self) -> None:
        batch = []
        while not self._marks.empty():
            batch.append(self._marks.get_nowait())
        await self._apply(batch, attempts=3)  # shutting down: rows left 'sending' resend at start

    async def _apply(
        self, batch: list[tuple[int, OutboxStatus]], attempts: int | None = None
    ) -> None:
        """Record results. While running, keep trying through a database outage: a dropped
        mark would leave its row 'sending' (neither sent again nor known sent) until a restart.
        Sending waits meanwhile, since drain() joins this queue."""
        by_status: dict[OutboxStatus, list[int]] = {}
        for outbox_id, status in batch:
            by_status.setdefault(status, []).append(outbox_id)
        for status, ids in by_status.items():
            attempt = 0
            while True:
                try:
                    await self.repo.mark_outbox(
                        ids, status, self.clock.now() if status is OutboxStatus.SENT else None
                    )
                    break
                except StorageError:
                    attempt += 1
                    if attempts is not None and attempt >= attempts:
                        log.exception("outbox: gave up recording %d results", len(ids))
                        break
                    log.warning("outbox: could not record %d results, retrying", len(ids))
                    await backoff(min(0.5 * attempt, 5.0))

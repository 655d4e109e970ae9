"""Sends queued daily messages: claimed before sending, marked after, paced as bulk.

Delivery guarantee: every queued daily message is sent at least once, and no message is ever
sent more than twice (at most one extra copy).
- A due subscription becomes an outbox row and its next due time advances in one transaction,
  under a unique (chat, kind, local date) key: no day is lost, and no day is queued twice.
- Rows are claimed ('sending', with the sending role's epoch) before the HTTP call and marked
  right after Telegram answers, by a writer that commits each batch of answers as it arrives.
  Only the instance holding the sending role claims and sends (bot/delivery/role.py).
- A send that certainly did not reach Telegram (429, a connection refused, the role lost
  before it left) is simply sent later: that is not a copy.
- A send that may have reached Telegram without our learning so (a timeout after the request
  went out; the process killed, or the role lost, between Telegram accepting it and our mark)
  is sent once more: after RETRY_WAIT for a timeout, at the next start or takeover otherwise.
  A row that is unconfirmed a second time is marked failed and never sent again, so a person
  gets a daily message at most twice; only messages in that instant are repeated (measured in
  bench/: at most one per kill). The price of the bound: a message whose two attempts were
  both unconfirmed and that in truth never arrived is not sent a third time.
"""

from __future__ import annotations

import asyncio
import contextlib
import enum
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TelegramError
from telegram.ext import ExtBot

from bot.callbacks import HelpNow, PauseMenu, Reveal, SlipAsk, StopAll
from bot.content import Content
from bot.db import Repo
from bot.db.outbox import ClaimedRow
from bot.delivery.limiter import Fenced, Priority, PriorityRateLimiter, may_have_arrived
from bot.delivery.role import SendingRole
from bot.domain import CheckinKind, Kind, OutboxStatus, OutboxView, StorageError
from bot.scheduling.clock import Clock, Timer

log = logging.getLogger(__name__)
RETRY_WAIT = timedelta(minutes=2)  # before resending a message that may have arrived
RETRY_LATER = 5.0  # seconds before trying rows put back after a 429 or a network error
SAFETY_WAKE = 60.0  # seconds: a look at the outbox even when nothing said there is work
STOP_WAIT = 5.0  # seconds stop() lets sends in flight finish


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
        # The safety-plan reminder varies from day to day, so it is read rather than skipped.
        footer = FOOTERS[(row.days or 0) % len(FOOTERS)]
        body += "\n\n" + ui[footer]
        rows.insert(0, [InlineKeyboardButton(ui["btn_slip"], callback_data=SlipAsk().pack())])
    text = f"{ui['daily_opener_' + row.kind]}\n{ui['daily_neutral_lines']}\n\n{body}"
    return Rendered(text, InlineKeyboardMarkup(rows), row.discreet)


FOOTERS = ("encouragement_footer", "encouragement_footer_2", "encouragement_footer_3")


class Outcome(enum.Enum):
    SENT = "sent"
    FAILED = "failed"  # Telegram refused it for good (blocked, bad request)
    RELEASED = "released"  # certainly not delivered: pending again
    UNCONFIRMED = "unconfirmed"  # may have been delivered: one more try after RETRY_WAIT


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
        role: SendingRole | None = None,
        retry_wait: timedelta = RETRY_WAIT,
        claim_batch: int = 32,
    ) -> None:
        self.repo, self.bot, self.content, self.clock = repo, bot, content, clock
        self.grace = grace
        self.role = role or SendingRole(repo, clock)
        self.retry_wait = retry_wait
        self.concurrency = concurrency
        # Rows claimed at a time, and queued ahead of the workers: enough for the sends that
        # go out while the next claim is on its way (a busy SQLite can take 100 ms or more).
        self.claim_batch = max(claim_batch, concurrency)
        self.wake = asyncio.Event()
        self.sent_total = 0
        self._halt = False  # stop claiming in this drain (429s, network trouble)
        self._stopping = False
        self._marks: asyncio.Queue[tuple[int, int, Outcome]] = asyncio.Queue()
        self._tasks: list[asyncio.Task[None]] = []
        self._drain_task: asyncio.Task[None] | None = None
        self._timer: Timer | None = None
        self._timer_at = float("inf")
        self._limit_args = {"priority": Priority.BULK, "fence": self.may_send}
        self._immediate = repo.immediate_marks()

    def may_send(self) -> bool:
        """The fence every bulk send checks just before it leaves."""
        return not self._stopping and self.role.may_send()

    def start(self, *, drain_in_background: bool = True) -> None:
        """Start the writer of results, and (unless a test drives it) the sending loop."""
        self._stopping = False
        self._tasks = [asyncio.create_task(self._write_marks(), name="outbox-marks")]
        if drain_in_background:
            self._drain_task = asyncio.create_task(self._drain_forever(), name="outbox-sender")

    async def stop(self) -> None:
        """Stop sending: waiting sends are given back, those in flight get STOP_WAIT."""
        self._stopping = True
        limiter = self.bot.rate_limiter
        if isinstance(limiter, PriorityRateLimiter):
            limiter.drop_fenced()
        if self._drain_task is not None:
            self.wake.set()
            await asyncio.wait({self._drain_task}, timeout=STOP_WAIT)
            self._drain_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, StorageError):
                await self._drain_task
            self._drain_task = None
        if self._timer is not None:
            self._timer.cancel()
        for task in self._tasks:
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)
        await self._flush_marks()

    def wake_in(self, seconds: float) -> None:
        """Drain again after `seconds` (the earliest such request wins)."""
        at = self.clock.monotonic() + seconds
        if self._timer is not None and self._timer_at <= at:
            return
        if self._timer is not None:
            self._timer.cancel()
        self._timer_at = at
        self._timer = self.clock.call_later(seconds, self._on_timer)

    def _on_timer(self) -> None:
        self._timer, self._timer_at = None, float("inf")
        self.wake.set()

    async def _drain_forever(self) -> None:
        while not self._stopping:
            # Woken by the dispatcher, by the role (taken, or rows back from a predecessor),
            # by a retry falling due; SAFETY_WAKE catches rows put back by anyone else.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.wake.wait(), timeout=SAFETY_WAKE)
            self.wake.clear()
            if self._stopping:
                return
            try:
                await self.drain()
            except StorageError:
                log.warning("outbox: database unavailable, will retry")
                self.wake_in(2.0)

    async def drain(self) -> int:
        """Send everything due now; returns how many went out. Returns as soon as the
        outbox is empty: the workers end on a sentinel, nothing polls."""
        if not await self.role.acquire():
            return 0
        expired = await self.repo.expire_pending(self.clock.now() - self.grace)
        if expired:
            log.warning(
                "outbox: %d messages waited past the grace window and were skipped", expired
            )
        sent_before = self.sent_total
        epoch = self.role.epoch
        self._halt = False
        queue: asyncio.Queue[ClaimedRow | None] = asyncio.Queue(maxsize=self.claim_batch)
        workers = [asyncio.create_task(self._work(queue)) for _ in range(self.concurrency)]
        try:
            while not self._halt and self.may_send():
                batch = await self.repo.claim_pending(self.claim_batch, epoch, self.clock.now())
                if batch is None:  # the epoch moved on: another instance holds the role
                    self.role.lose()
                    break
                if not batch:
                    break
                for row in batch:
                    await queue.put(row)
        finally:
            for _ in workers:
                await queue.put(None)
            await asyncio.gather(*workers)
            await self._marks.join()
        return self.sent_total - sent_before

    async def _work(self, queue: asyncio.Queue[ClaimedRow | None]) -> None:
        while (row := await queue.get()) is not None:
            try:
                outcome = await self._send(row)
            except Exception:
                # After the request may have left: treat it as possibly delivered.
                log.exception("outbox: unexpected failure sending a message")
                outcome = Outcome.UNCONFIRMED
            if outcome is Outcome.UNCONFIRMED:
                self.wake_in(self.retry_wait.total_seconds())
            elif outcome is Outcome.SENT:
                self.sent_total += 1
            if self._immediate:
                # A message accepted but not yet marked goes again after a crash: write at
                # once (SQLite's thread groups what arrives together).
                await self._apply([(row.id, row.epoch, outcome)])
            else:
                self._marks.put_nowait((row.id, row.epoch, outcome))

    async def _send(self, row: ClaimedRow) -> Outcome:
        message = render(self.content, row)
        try:
            await self.bot.send_message(
                row.chat_id,
                message.text,
                reply_markup=message.markup,
                disable_notification=message.silent,
                protect_content=True,
                rate_limit_args=self._limit_args,
            )
        except Fenced:
            return Outcome.RELEASED
        except Forbidden:
            log.info("outbox: a user blocked the bot; pausing their schedules")
            await self.repo.mark_blocked(row.chat_id)
            return Outcome.FAILED
        except BadRequest as exc:
            log.warning("outbox: Telegram refused a message: %s", exc)
            return Outcome.FAILED
        except NetworkError as exc:
            if may_have_arrived(exc):
                log.warning("outbox: no answer to a send (%s); one retry later", type(exc).__name__)
                return Outcome.UNCONFIRMED
            return self._later(exc)
        except (RetryAfter, TelegramError) as exc:
            return self._later(exc)
        return Outcome.SENT

    def _later(self, exc: Exception) -> Outcome:
        log.warning("outbox: will retry later (%s)", type(exc).__name__)
        self._halt = True
        self.wake_in(RETRY_LATER)
        return Outcome.RELEASED

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
        self, batch: list[tuple[int, int, Outcome]], attempts: int | None = None
    ) -> None:
        """Record results. While running, keep trying through a database outage: a dropped
        mark would leave its row 'sending' (neither sent again nor known sent) until a restart
        or takeover. Sending waits meanwhile, since drain() joins this queue."""
        groups: dict[tuple[Outcome, int], list[int]] = {}
        for outbox_id, epoch, outcome in batch:
            groups.setdefault((outcome, epoch), []).append(outbox_id)
        for (outcome, epoch), ids in groups.items():
            attempt = 0
            while True:
                try:
                    changed = await self._record(outcome, epoch, ids)
                    break
                except StorageError:
                    attempt += 1
                    if attempts is not None and attempt >= attempts:
                        log.exception("outbox: gave up recording %d results", len(ids))
                        changed = len(ids)
                        break
                    log.warning("outbox: could not record %d results, retrying", len(ids))
                    await self.clock.sleep(min(0.5 * attempt, 5.0))
            if changed < len(ids):
                log.warning(
                    "outbox: %d results refused: a newer holder of the sending role has those rows",
                    len(ids) - changed,
                )

    async def _record(self, outcome: Outcome, epoch: int, ids: list[int]) -> int:
        if outcome is Outcome.SENT:
            return await self.repo.mark_outbox(
                ids, OutboxStatus.SENT, self.clock.now(), epoch=epoch
            )
        if outcome is Outcome.FAILED:
            return await self.repo.mark_outbox(ids, OutboxStatus.FAILED, epoch=epoch)
        if outcome is Outcome.RELEASED:
            return await self.repo.release_claims(ids, epoch)
        return await self.repo.mark_unconfirmed(ids, epoch, self.clock.now() + self.retry_wait)

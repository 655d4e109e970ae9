"""Which instance dispatches and sends bulk: one at a time, and it knows when it stops being it.

On PostgreSQL the role is a session advisory lock, released when its holder's connection dies
(its backend terminated, the server restarted, the network split). Each new holder raises the
role's epoch; claims carry it, so the old holder can no longer claim, and its marks only land
on rows still claimed under its epoch (bot/db/outbox.py).

The holder checks the lock every HEARTBEAT seconds. It may send only within LEASE seconds of
the start of its last successful check, so it stops within a second of losing the lock even
when the check hangs, and every bulk send checks `may_send()` just before it leaves.

A new holder sends fresh rows at once, but leaves the rows an earlier holder had claimed for
TAKEOVER_WAIT seconds: by then that holder has stopped (its lease ran out) and has written
what it knew (sent, or given back unsent). What is still 'sending' then is in doubt and goes
out again (at-least-once, at most twice: see bot/delivery/outbox.py). SQLite has one process,
so rows left 'sending' there are from a previous run and go out again at once.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable

from bot.db import Repo
from bot.domain import StorageError
from bot.scheduling.clock import Clock, SystemClock

log = logging.getLogger(__name__)
HEARTBEAT = 0.25  # seconds between lock checks
LEASE = 1.0  # sending stops this long after the start of the last good check
CHECK_TIMEOUT = 5.0  # a check that hangs this long lets the lock connection go
TAKEOVER_WAIT = 2.0  # a new holder leaves the previous holder's claims alone this long
STAND_BACK = 3.0  # after losing the role, leave it to another instance this long


class SendingRole:
    def __init__(self, repo: Repo, clock: Clock | None = None) -> None:
        self.repo = repo
        self.clock: Clock = clock or SystemClock()
        self._shared = repo.several_instances()
        self.held = False
        self.epoch = 0
        self._lease_until = 0.0
        self._requeue_at: float | None = None
        self._lost_at = -STAND_BACK
        self._checked_at = -HEARTBEAT
        # The heartbeat, the dispatcher's tick and the sender all ask; one lock connection
        # cannot run two queries at once, so they take turns (and share a fresh answer).
        self._turn = asyncio.Lock()
        self._task: asyncio.Task[None] | None = None
        self.on_lost: list[Callable[[], None]] = []  # run when the role is lost
        self.on_taken: list[Callable[[], None]] = []  # run when this instance takes the role
        self.on_requeued: list[Callable[[], None]] = []  # run when in-doubt rows are pending

    def may_send(self) -> bool:
        """True while this instance holds the role and its lease is fresh (SQLite: one
        process, so holding is enough)."""
        if not self.held:
            return False
        return not self._shared or self.clock.monotonic() < self._lease_until

    async def acquire(self) -> bool:
        """Take or confirm the role; True if this instance may send now."""
        async with self._turn:
            return await self._acquire()

    async def _acquire(self) -> bool:
        started = self.clock.monotonic()
        if self.held:
            if started - self._checked_at >= HEARTBEAT / 2 and not await self._check(started):
                return False
        else:
            if started < self._lost_at + STAND_BACK:
                return False  # a flapping link should not make the role bounce back and forth
            if not await self.repo.try_dispatcher_lock():
                return False
            self.epoch = await self.repo.next_epoch()
            self.held, self._lease_until, self._checked_at = True, started + LEASE, started
            in_doubt = await self.repo.in_doubt(self.epoch)
            log.info("sending role taken (epoch %d)", self.epoch)
            if in_doubt:
                wait = TAKEOVER_WAIT if self._shared else 0.0
                self._requeue_at = started + wait
            for callback in self.on_taken:
                callback()
        await self._requeue_if_due()
        return self.may_send()

    async def _check(self, started: float) -> bool:
        try:
            async with asyncio.timeout(CHECK_TIMEOUT):
                held = await self.repo.check_dispatcher_lock()
        except TimeoutError:
            held = False
            await self.repo.release_dispatcher_lock()
        if held:
            self._lease_until, self._checked_at = started + LEASE, started
            return True
        self.lose()
        return False

    def lose(self) -> None:
        """The role is gone (the lock connection died, or the epoch moved on)."""
        if not self.held:
            return
        self.held, self._lease_until, self._requeue_at = False, 0.0, None
        self._lost_at = self.clock.monotonic()
        log.warning("lost the sending role (epoch %d); stopped sending", self.epoch)
        for callback in self.on_lost:
            callback()

    async def _requeue_if_due(self) -> None:
        if self._requeue_at is None or self.clock.monotonic() < self._requeue_at:
            return
        if not self.may_send():
            return
        requeued, given_up = await self.repo.requeue_interrupted(self.epoch)
        self._requeue_at = None
        if requeued:
            log.warning(
                "outbox: %d messages were mid-send under an earlier holder; resending", requeued
            )
        if given_up:
            log.warning(
                "outbox: %d messages were unconfirmed twice and are not sent again", given_up
            )
        for callback in self.on_requeued:
            callback()

    def start(self) -> None:
        """Check the lock every HEARTBEAT seconds while holding it."""
        self._task = asyncio.create_task(self._beat(), name="sending-role")

    async def stop(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def _beat(self) -> None:
        while True:
            await self.clock.sleep(HEARTBEAT)
            if not self.held:
                continue  # the dispatcher's tick tries to take the role
            try:
                await self.acquire()
            except StorageError:
                log.warning("sending role: database unavailable during a check")

"""Which instance dispatches and sends: one at a time, so the bot stays under Telegram's limits.

On PostgreSQL the role is a session advisory lock (released when its holder's connection dies);
on SQLite there is only one process. Whoever takes the role first re-sends what a dead
predecessor left mid-send (see bot/delivery/outbox.py for why that is at-least-once).
"""

from __future__ import annotations

import logging

from bot.db import Repo

log = logging.getLogger(__name__)


class SendingRole:
    def __init__(self, repo: Repo) -> None:
        self.repo = repo
        self.held = False

    async def acquire(self) -> bool:
        """True while this instance holds the role; the first time, recover interrupted sends."""
        if not await self.repo.try_dispatcher_lock():
            return False
        if not self.held:
            self.held = True
            requeued = await self.repo.requeue_interrupted()
            if requeued:
                log.warning(
                    "outbox: %d messages were mid-send at the last stop; resending", requeued
                )
        return True

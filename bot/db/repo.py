"""The repository: every query the bot makes, split by aggregate, behind one object.

Methods return the plain dataclasses of bot.domain and raise bot.domain.StorageError on any
database failure, so nothing outside bot/db/ needs SQLAlchemy.
"""

from __future__ import annotations

from bot.db.checkins import CheckinStore  # checkins branch
from bot.db.outbox import OutboxStore
from bot.db.schedules import ScheduleStore
from bot.db.users import UserStore


class Repo(UserStore, ScheduleStore, OutboxStore, CheckinStore):
    """Users and settings, schedules, the outbox with its sending lock, and check-ins."""

    async def close(self) -> None:
        if self._lock_connection is not None:
            await self._lock_connection.close()
            self._lock_connection = None
        await self.engine.dispose()

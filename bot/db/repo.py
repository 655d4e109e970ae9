"""The repository: every query the bot makes, split by aggregate, behind one object.

Methods return the plain dataclasses of bot.domain and raise bot.domain.StorageError on any
database failure, so nothing outside bot/db/ needs SQLAlchemy.
"""

from __future__ import annotations

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from bot.db.checkins import CheckinStore
from bot.db.journal import JournalStore, PlanStore
from bot.db.outbox import OutboxStore
from bot.db.privacy import PrivacyStore  # privacy
from bot.db.schedules import ScheduleStore
from bot.db.users import UserStore


class Repo(
    UserStore,
    ScheduleStore,
    OutboxStore,
    # --- privacy: forgetting a user, message ids, the journal and safety plans (sealed) ---
    PrivacyStore,
    JournalStore,
    PlanStore,
    # --- end privacy ---
    CheckinStore,  # triggers, check-in schedules and conversations, reasons, contacts
):
    """Users and settings, schedules, the outbox with its sending lock; privacy stores;
    check-ins."""

    async def ping(self) -> bool:
        """Whether the database answers now (for health checks); never raises."""
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except (SQLAlchemyError, OSError, TimeoutError):
            return False
        return True

    async def close(self) -> None:
        if self._listen_connection is not None:
            await self._listen_connection.close()
            self._listen_connection = None
        if self._lock_connection is not None:
            await self._lock_connection.close()
            self._lock_connection = None
        await self.engine.dispose()

"""Forgetting a user, stopping everything unprompted, the message-id log for /hide, and counts.

Tables are found from the models, not listed here: every table with a `chat_id` is part of a
user's data (so /delete removes rows of tables added later too), and every table with a
`paused` flag next to `chat_id` is a schedule (so /stop pauses check-ins once they exist).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError

from bot.db.base import OUTBOX, SUBSCRIPTIONS, USERS, guarded
from bot.db.models import Base, JournalEntry, MessageLog, SafetyPlanSection
from bot.db.sealed import SealedStore
from bot.domain import OutboxStatus, Stats


def user_tables() -> list[Table]:
    """Every table that holds a user's rows, children before users."""
    return [
        t for t in reversed(Base.metadata.sorted_tables) if "chat_id" in t.c and t.name != "users"
    ]


def schedule_tables() -> list[Table]:
    """Every table of schedules: a chat_id and a paused flag (subscriptions, check-ins)."""
    return [t for t in Base.metadata.sorted_tables if {"chat_id", "paused"} <= set(t.c.keys())]


class PrivacyStore(SealedStore):
    # --- /delete -------------------------------------------------------------------------------

    @guarded
    async def forget_chat(self, chat_id: int) -> int:
        """Delete every row of the user in one transaction: each table with their chat_id, then
        the user. On SQLite, secure_delete (set on every connection) zeroes the freed bytes and
        a checkpoint then empties the WAL, so nothing is left in the files. Returns rows gone."""
        removed = 0
        async with self._session.begin() as session:
            for table in user_tables():
                result = await session.execute(delete(table).where(table.c.chat_id == chat_id))
                removed += int(getattr(result, "rowcount", 0) or 0)
            result = await session.execute(delete(USERS).where(USERS.c.chat_id == chat_id))
            removed += int(getattr(result, "rowcount", 0) or 0)
        await self.checkpoint()
        return removed

    # --- /stop ---------------------------------------------------------------------------------

    @guarded
    async def stop_unprompted(self, chat_id: int) -> int:
        """Pause every schedule of the user and drop their queued messages; settings stay.
        Returns how many schedules were running."""
        running = 0
        async with self._session.begin() as session:
            for table in schedule_tables():
                result = await session.execute(
                    update(table)
                    .where(table.c.chat_id == chat_id, table.c.paused.is_(False))
                    .values(paused=True)
                )
                running += int(getattr(result, "rowcount", 0) or 0)
            await session.execute(
                delete(OUTBOX).where(
                    OUTBOX.c.chat_id == chat_id, OUTBOX.c.status == OutboxStatus.PENDING
                )
            )
        return running

    # --- message ids for /hide -----------------------------------------------------------------

    @guarded
    async def known_chats(self, chat_ids: Iterable[int]) -> set[int]:
        """Which of these chats have a user row (message ids are kept only for those)."""
        ids = sorted(set(chat_ids))
        if not ids:
            return set()
        async with self._session() as session:
            rows = await session.scalars(select(USERS.c.chat_id).where(USERS.c.chat_id.in_(ids)))
            return set(rows)

    @guarded
    async def record_messages(self, rows: Sequence[tuple[int, int, datetime]]) -> bool:
        """Store (chat, message id, when) for chats that have a user row; False if a user was
        deleted meanwhile (the caller keeps the rows and sorts them out next time)."""
        if not rows:
            return True
        table = cast(Table, MessageLog.__table__)
        dialect_insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = dialect_insert(table).on_conflict_do_nothing(
            index_elements=["chat_id", "message_id"]
        )
        values = [{"chat_id": c, "message_id": m, "at": at} for c, m, at in rows]
        try:
            async with self._session.begin() as session:
                await session.execute(statement, values)
        except IntegrityError:
            return False
        return True

    @guarded
    async def message_ids_since(self, chat_id: int, since: datetime) -> list[int]:
        async with self._session() as session:
            rows = await session.scalars(
                select(MessageLog.message_id)
                .where(MessageLog.chat_id == chat_id, MessageLog.at >= since)
                .order_by(MessageLog.message_id)
            )
            return list(rows)

    @guarded
    async def forget_messages(self, chat_id: int, upto: int) -> None:
        """Message ids up to `upto` are deleted from the chat: no need to keep them."""
        async with self._session.begin() as session:
            await session.execute(
                delete(MessageLog).where(
                    MessageLog.chat_id == chat_id, MessageLog.message_id <= upto
                )
            )

    @guarded
    async def prune_message_log(self, before: datetime) -> int:
        async with self._session.begin() as session:
            result = await session.execute(delete(MessageLog).where(MessageLog.at < before))
            return int(getattr(result, "rowcount", 0) or 0)

    # --- /stats --------------------------------------------------------------------------------

    @guarded
    async def stats(self, day_start: datetime, day_end: datetime) -> Stats:
        """Counts only: users, subscriptions, today's sent, skipped and failed daily notes."""

        def today(status: OutboxStatus, column: str) -> Any:
            when = OUTBOX.c[column]
            return (
                select(func.count())
                .select_from(OUTBOX)
                .where(OUTBOX.c.status == status, when >= day_start, when < day_end)
                .scalar_subquery()
            )

        async with self._session() as session:
            row = (
                await session.execute(
                    select(
                        select(func.count()).select_from(USERS).scalar_subquery(),
                        select(func.count()).select_from(SUBSCRIPTIONS).scalar_subquery(),
                        select(func.count())
                        .select_from(SUBSCRIPTIONS)
                        .where(SUBSCRIPTIONS.c.paused.is_(False))
                        .scalar_subquery(),
                        today(OutboxStatus.SENT, "sent_at"),
                        today(OutboxStatus.SKIPPED, "due_utc"),
                        today(OutboxStatus.FAILED, "due_utc"),
                        select(func.count(func.distinct(JournalEntry.chat_id))).scalar_subquery(),
                        select(
                            func.count(func.distinct(SafetyPlanSection.chat_id))
                        ).scalar_subquery(),
                    )
                )
            ).one()
        return Stats(*(int(v or 0) for v in row))

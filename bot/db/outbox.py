"""The outbox (scheduled messages on their way out) and the lock that makes one sender."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import delete, select, text, update

from bot.db.base import OUTBOX, USERS, RepoBase, guarded
from bot.db.models import OutboxMessage
from bot.domain import OutboxStatus, OutboxView, outbox_kind

DISPATCHER_LOCK_KEY = 0x7B0D  # pg_advisory_lock key: one dispatcher across instances


class OutboxStore(RepoBase):
    # --- outbox: sending ---------------------------------------------------------------------

    @guarded
    async def claim_pending(self, limit: int) -> list[OutboxView]:
        """Mark up to `limit` pending rows as sending and return them with the discreet flag."""
        outbox, users = OUTBOX, USERS
        async with self._session.begin() as session:
            rows = (
                await session.execute(
                    select(
                        outbox.c.id,
                        outbox.c.chat_id,
                        outbox.c.kind,
                        outbox.c.local_date,
                        outbox.c.content_key,
                        outbox.c.days,
                        outbox.c.total,
                        users.c.discreet,
                    )
                    .join(users, users.c.chat_id == outbox.c.chat_id)
                    .where(outbox.c.status == OutboxStatus.PENDING)
                    .order_by(outbox.c.due_utc, outbox.c.id)
                    .limit(limit)
                    .with_for_update(of=outbox, skip_locked=True)
                )
            ).all()
            if rows:
                await session.execute(
                    update(outbox)
                    .where(outbox.c.id.in_([r.id for r in rows]))
                    .values(status=OutboxStatus.SENDING, attempts=outbox.c.attempts + 1)
                )
            return [_outbox_view(row, row.discreet) for row in rows]

    @guarded
    async def mark_outbox(
        self, ids: Sequence[int], status: OutboxStatus, now: datetime | None = None
    ) -> None:
        if not ids:
            return
        values: dict[str, Any] = {"status": status}
        if now is not None:
            values["sent_at"] = now
        async with self._session.begin() as session:
            await session.execute(
                update(OutboxMessage).where(OutboxMessage.id.in_(list(ids))).values(**values)
            )

    @guarded
    async def outbox_content(self, outbox_id: int, chat_id: int) -> OutboxView | None:
        """A sent row, for revealing a discreet message; only the chat it was sent to."""
        async with self._session() as session:
            row = await session.get(OutboxMessage, outbox_id)
            if row is None or row.chat_id != chat_id:
                return None
            return _outbox_view(row, True)

    @guarded
    async def expire_pending(self, before: datetime) -> int:
        """Skip pending rows due before `before`: never a message in the middle of the night."""
        async with self._session.begin() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.PENDING, OutboxMessage.due_utc < before)
                .values(status=OutboxStatus.SKIPPED)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @guarded
    async def requeue_interrupted(self) -> int:
        """After a crash, rows left 'sending' go out again: at-least-once, see delivery/outbox."""
        async with self._session.begin() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == OutboxStatus.SENDING)
                .values(status=OutboxStatus.PENDING)
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @guarded
    async def prune_outbox(self, before: date) -> int:
        async with self._session.begin() as session:
            result = await session.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.local_date < before,
                    OutboxMessage.status.in_(
                        [OutboxStatus.SENT, OutboxStatus.SKIPPED, OutboxStatus.FAILED]
                    ),
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @guarded
    async def outbox_counts(self) -> dict[str, int]:
        async with self._session() as session:
            rows = await session.execute(
                text("SELECT status, COUNT(*) FROM outbox GROUP BY status")
            )
            return {str(status): int(count) for status, count in rows}

    # --- one dispatcher across instances ---------------------------------------------------

    @guarded
    async def try_dispatcher_lock(self) -> bool:
        """PostgreSQL: hold an advisory lock for the process's life. SQLite: one process only."""
        if self.engine.dialect.name != "postgresql":
            return True
        if self._lock_connection is not None:
            return True
        connection = await self.engine.connect()
        got = await connection.scalar(
            text("SELECT pg_try_advisory_lock(:key)"), {"key": DISPATCHER_LOCK_KEY}
        )
        if got:
            self._lock_connection = connection
            return True
        await connection.close()
        return False


def _outbox_view(row: Any, discreet: bool) -> OutboxView:
    return OutboxView(
        row.id,
        row.chat_id,
        outbox_kind(row.kind),
        row.local_date,
        row.content_key,
        row.days,
        row.total,
        discreet,
    )

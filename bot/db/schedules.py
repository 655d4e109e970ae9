"""Daily subscriptions: their schedules, and turning due ones into outbox rows."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.base import (
    NO_CONTACT,
    OUTBOX,
    SUBSCRIPTIONS,
    RepoBase,
    guarded,
    no_contact_view,
    subscription_view,
)
from bot.db.models import NoContact, OutboxMessage, Subscription, User
from bot.domain import Kind, NoContactView, OutboxStatus, Planned, SubscriptionView


class ScheduleStore(RepoBase):
    # --- subscriptions -------------------------------------------------------------------

    @guarded
    async def subscriptions(self, chat_id: int) -> list[SubscriptionView]:
        async with self._session() as session:
            rows = await session.scalars(
                select(Subscription)
                .where(Subscription.chat_id == chat_id)
                .order_by(Subscription.kind)
            )
            return [subscription_view(r) for r in rows]

    @guarded
    async def save_subscription(
        self, chat_id: int, kind: Kind, local_time: str, zone: str, next_due: datetime
    ) -> bool:
        """Create or change a subscription's time and zone; it becomes active, the user's zone
        becomes this one, and the step that asked ends. True if a no-contact count exists."""
        async with self._session.begin() as session:
            row = await session.scalar(
                select(Subscription).where(
                    Subscription.chat_id == chat_id, Subscription.kind == kind
                )
            )
            if row is None:
                row = Subscription(chat_id=chat_id, kind=kind, seen="")
                session.add(row)
            row.local_time, row.timezone, row.next_due_utc = local_time, zone, next_due
            row.paused, row.resume_on = False, None
            await session.execute(
                update(User)
                .where(User.chat_id == chat_id)
                .values(timezone=zone, pending=None, pending_since=None)
            )
            return await session.get(NoContact, chat_id) is not None

    @guarded
    async def set_paused(
        self,
        chat_id: int,
        kind: Kind,
        paused: bool,
        resume_on: date | None,
        next_due: datetime | None,
    ) -> bool:
        """Pause or resume; the step that asked for a date, if any, ends."""
        values: dict[str, Any] = {"paused": paused, "resume_on": resume_on}
        if next_due is not None:
            values["next_due_utc"] = next_due
        async with self._session.begin() as session:
            await session.execute(
                update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)
            )
            result = await session.execute(
                update(Subscription)
                .where(Subscription.chat_id == chat_id, Subscription.kind == kind)
                .values(**values)
            )
            return bool(getattr(result, "rowcount", 0))

    @guarded
    async def stop_subscription(self, chat_id: int, kind: Kind) -> bool:
        async with self._session.begin() as session:
            result = await session.execute(
                delete(Subscription).where(
                    Subscription.chat_id == chat_id, Subscription.kind == kind
                )
            )
            await session.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.chat_id == chat_id,
                    OutboxMessage.kind == kind,
                    OutboxMessage.status == OutboxStatus.PENDING,
                )
            )
            return bool(getattr(result, "rowcount", 0))

    # --- dispatcher: due subscriptions -> outbox ----------------------------------------------

    @guarded
    async def enqueue_due(
        self,
        now: datetime,
        plan: Callable[[SubscriptionView, NoContactView | None], Planned],
        limit: int = 500,
    ) -> tuple[int, int]:
        """Turn due subscriptions into outbox rows and advance them, in one transaction.

        The outbox rows and the advanced next_due are committed together, so a crash either
        leaves a subscription due (and it is claimed again) or leaves its row queued.
        The unique (chat, kind, local date) key makes a second claim of the same day a no-op.
        A batch costs three statements, whatever its size. Returns (queued, skipped).
        """
        subs, ncs = SUBSCRIPTIONS, NO_CONTACT
        async with self._session.begin() as session:
            rows = (
                await session.execute(
                    select(
                        subs,
                        ncs.c.streak_start,
                        ncs.c.days_before,
                        ncs.c.longest,
                        ncs.c.slips,
                        ncs.c.slip_pending,
                    )
                    .outerjoin(ncs, ncs.c.chat_id == subs.c.chat_id)
                    .where(subs.c.next_due_utc <= now, subs.c.paused.is_(False))
                    .order_by(subs.c.next_due_utc)
                    .limit(limit)
                    .with_for_update(of=subs, skip_locked=True)
                )
            ).all()
            if not rows:
                return 0, 0
            planned: list[tuple[SubscriptionView, Planned]] = []
            for row in rows:
                sub = subscription_view(row)
                nc = None if row.streak_start is None else no_contact_view(row)
                planned.append((sub, plan(sub, nc)))
            inserted = await self._insert_outbox(session, planned)
            updates = []
            cleared_slips = []
            for sub, p in planned:
                sent = (sub.chat_id, sub.kind) in inserted and p.status == OutboxStatus.PENDING
                updates.append(
                    {
                        "b_id": sub.id,
                        "b_next": p.next_due_utc,
                        "b_seen": p.seen if sent else sub.seen,
                    }
                )
                if sent and p.clear_slip:
                    cleared_slips.append(sub.chat_id)
            await session.execute(
                update(subs)
                .where(subs.c.id == bindparam("b_id"))
                .values(next_due_utc=bindparam("b_next"), seen=bindparam("b_seen"), resume_on=None),
                updates,
            )
            if cleared_slips:
                await session.execute(
                    update(ncs).where(ncs.c.chat_id.in_(cleared_slips)).values(slip_pending=False)
                )
        queued = sum(
            1
            for s, p in planned
            if p.status == OutboxStatus.PENDING and (s.chat_id, s.kind) in inserted
        )
        skipped = sum(1 for _, p in planned if p.status == OutboxStatus.SKIPPED)
        return queued, skipped

    async def _insert_outbox(
        self, session: AsyncSession, planned: list[tuple[SubscriptionView, Planned]]
    ) -> set[tuple[int, str]]:
        """Insert the day's rows; those already there (same chat, kind, local date) are left."""
        table = OUTBOX
        dialect_insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = (
            dialect_insert(table)
            .on_conflict_do_nothing(index_elements=["chat_id", "kind", "local_date", "slot"])
            .returning(table.c.chat_id, table.c.kind)
        )
        values = [
            {
                "chat_id": sub.chat_id,
                "kind": sub.kind,
                "local_date": p.local_date,
                "due_utc": sub.next_due_utc,
                "status": p.status,
                "content_key": p.content_key,
                "days": p.days,
                "total": p.total,
                "attempts": 0,
                "slot": "",  # one daily note per kind and day (check-ins use their schedule)
            }
            for sub, p in planned
        ]
        result = await session.execute(statement, values)
        return {(row.chat_id, row.kind) for row in result}

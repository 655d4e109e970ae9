"""Repositories: every query the bot makes. Methods return plain dataclasses.

Every method wraps database failures in StorageError so handlers can answer kindly without
knowing about SQLAlchemy.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import Table, bindparam, delete, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, AsyncSession

from bot.db.engine import sessionmaker
from bot.db.models import NoContact, OutboxMessage, Subscription, User

P = ParamSpec("P")
R = TypeVar("R")
DISPATCHER_LOCK_KEY = 0x7B0D
# Core tables for the hot paths (bulk statements, no ORM identity map).
SUBSCRIPTIONS = cast(Table, Subscription.__table__)
NO_CONTACT = cast(Table, NoContact.__table__)
OUTBOX = cast(Table, OutboxMessage.__table__)
USERS = cast(Table, User.__table__)  # pg_advisory_lock key: one dispatcher across instances


class StorageError(Exception):
    """The database could not be used for this request."""


def _guarded(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await fn(*args, **kwargs)
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            raise StorageError(type(exc).__name__) from exc

    return wrapper


@dataclass(frozen=True)
class UserView:
    chat_id: int
    country: str | None
    timezone: str | None
    discreet: bool
    blocked: bool
    pending: str | None


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    chat_id: int
    kind: str
    local_time: str
    timezone: str
    next_due_utc: datetime
    paused: bool
    resume_on: date | None
    seen: str


@dataclass(frozen=True)
class NoContactView:
    streak_start: date
    days_before: int
    longest: int
    slips: int
    slip_pending: bool


@dataclass(frozen=True)
class Planned:
    """What the scheduler decided for one due subscription."""

    local_date: date
    next_due_utc: datetime
    status: str  # "pending" to send, "skipped" when outside the grace window
    content_key: str
    days: int | None = None
    total: int | None = None
    seen: str = ""
    clear_slip: bool = False


@dataclass(frozen=True)
class OutboxView:
    id: int
    chat_id: int
    kind: str
    local_date: date
    content_key: str
    days: int | None
    total: int | None
    discreet: bool


def _user(row: User) -> UserView:
    return UserView(row.chat_id, row.country, row.timezone, row.discreet, row.blocked, row.pending)


def _sub(row: Any) -> SubscriptionView:
    """From an ORM object or a Core row: both carry the subscription's columns by name."""
    return SubscriptionView(
        row.id,
        row.chat_id,
        row.kind,
        row.local_time,
        row.timezone,
        row.next_due_utc,
        row.paused,
        row.resume_on,
        row.seen,
    )


def _nc(row: Any) -> NoContactView:
    return NoContactView(
        row.streak_start, row.days_before, row.longest, row.slips, row.slip_pending
    )


class Repo:
    """All reads and writes, each in its own short transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine)
        self._lock_connection: AsyncConnection | None = None

    async def close(self) -> None:
        if self._lock_connection is not None:
            await self._lock_connection.close()
            self._lock_connection = None
        await self.engine.dispose()

    # --- users -------------------------------------------------------------------------

    @_guarded
    async def ensure_user(self, chat_id: int, now: datetime) -> UserView:
        """The user's row, created on first contact; a returning blocked user is unblocked."""
        async with self._session.begin() as session:
            row = await session.get(User, chat_id)
            if row is None:
                row = User(chat_id=chat_id, created_at=now, discreet=False, blocked=False)
                session.add(row)
                try:
                    await session.flush()
                except IntegrityError:  # created by a concurrent update of the same user
                    await session.rollback()
                    return await self.ensure_user(chat_id, now)
            elif row.blocked:
                row.blocked = False  # schedules stay paused until the user resumes them
            return _user(row)

    @_guarded
    async def get_user(self, chat_id: int) -> UserView | None:
        async with self._session() as session:
            row = await session.get(User, chat_id)
            return None if row is None else _user(row)

    async def _update_user(self, chat_id: int, **values: Any) -> None:
        async with self._session.begin() as session:
            await session.execute(update(User).where(User.chat_id == chat_id).values(**values))

    @_guarded
    async def set_pending(self, chat_id: int, pending: str | None) -> None:
        await self._update_user(chat_id, pending=pending)

    @_guarded
    async def set_country(self, chat_id: int, country: str) -> None:
        await self._update_user(chat_id, country=country)

    @_guarded
    async def set_discreet(self, chat_id: int, discreet: bool) -> None:
        await self._update_user(chat_id, discreet=discreet)

    @_guarded
    async def user_countries(self) -> dict[int, str]:
        """chat_id -> country for everyone who chose one, for the in-memory hotline lookup."""
        async with self._session() as session:
            rows = await session.execute(
                select(User.chat_id, User.country).where(User.country.is_not(None))
            )
            return {chat_id: country for chat_id, country in rows if country}

    @_guarded
    async def mark_blocked(self, chat_id: int) -> None:
        """The user blocked the bot: pause every schedule until they ask to resume."""
        async with self._session.begin() as session:
            await session.execute(update(User).where(User.chat_id == chat_id).values(blocked=True))
            await session.execute(
                update(Subscription).where(Subscription.chat_id == chat_id).values(paused=True)
            )

    # --- subscriptions -------------------------------------------------------------------

    @_guarded
    async def subscriptions(self, chat_id: int) -> list[SubscriptionView]:
        async with self._session() as session:
            rows = await session.scalars(
                select(Subscription)
                .where(Subscription.chat_id == chat_id)
                .order_by(Subscription.kind)
            )
            return [_sub(r) for r in rows]

    @_guarded
    async def save_subscription(
        self, chat_id: int, kind: str, local_time: str, zone: str, next_due: datetime
    ) -> None:
        """Create or change a subscription's time and zone; it becomes active."""
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
            await session.execute(update(User).where(User.chat_id == chat_id).values(timezone=zone))

    @_guarded
    async def set_paused(
        self,
        chat_id: int,
        kind: str,
        paused: bool,
        resume_on: date | None,
        next_due: datetime | None,
    ) -> bool:
        values: dict[str, Any] = {"paused": paused, "resume_on": resume_on}
        if next_due is not None:
            values["next_due_utc"] = next_due
        async with self._session.begin() as session:
            result = await session.execute(
                update(Subscription)
                .where(Subscription.chat_id == chat_id, Subscription.kind == kind)
                .values(**values)
            )
            return bool(getattr(result, "rowcount", 0))

    @_guarded
    async def stop_subscription(self, chat_id: int, kind: str) -> bool:
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
                    OutboxMessage.status == "pending",
                )
            )
            return bool(getattr(result, "rowcount", 0))

    # --- no-contact counter ------------------------------------------------------------------

    @_guarded
    async def no_contact(self, chat_id: int) -> NoContactView | None:
        async with self._session() as session:
            row = await session.get(NoContact, chat_id)
            return None if row is None else _nc(row)

    @_guarded
    async def save_no_contact(self, chat_id: int, view: NoContactView) -> None:
        async with self._session.begin() as session:
            row = await session.get(NoContact, chat_id)
            if row is None:
                row = NoContact(chat_id=chat_id)
                session.add(row)
            row.streak_start, row.days_before, row.longest = (
                view.streak_start,
                view.days_before,
                view.longest,
            )
            row.slips, row.slip_pending = view.slips, view.slip_pending

    # --- dispatcher: due subscriptions -> outbox ----------------------------------------------

    @_guarded
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
                sub = _sub(row)
                nc = None if row.streak_start is None else _nc(row)
                planned.append((sub, plan(sub, nc)))
            inserted = await self._insert_outbox(session, planned)
            updates = []
            cleared_slips = []
            for sub, p in planned:
                sent = (sub.chat_id, sub.kind) in inserted and p.status == "pending"
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
            1 for s, p in planned if p.status == "pending" and (s.chat_id, s.kind) in inserted
        )
        skipped = sum(1 for _, p in planned if p.status == "skipped")
        return queued, skipped

    async def _insert_outbox(
        self, session: AsyncSession, planned: list[tuple[SubscriptionView, Planned]]
    ) -> set[tuple[int, str]]:
        """Insert the day's rows; those already there (same chat, kind, local date) are left."""
        table = OUTBOX
        dialect_insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = (
            dialect_insert(table)
            .on_conflict_do_nothing(index_elements=["chat_id", "kind", "local_date"])
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
            }
            for sub, p in planned
        ]
        result = await session.execute(statement, values)
        return {(row.chat_id, row.kind) for row in result}

    # --- outbox: sending ---------------------------------------------------------------------

    @_guarded
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
                    .where(outbox.c.status == "pending")
                    .order_by(outbox.c.due_utc, outbox.c.id)
                    .limit(limit)
                    .with_for_update(of=outbox, skip_locked=True)
                )
            ).all()
            if rows:
                await session.execute(
                    update(outbox)
                    .where(outbox.c.id.in_([r.id for r in rows]))
                    .values(status="sending", attempts=outbox.c.attempts + 1)
                )
            return [OutboxView(*row) for row in rows]

    @_guarded
    async def mark_outbox(
        self, ids: Sequence[int], status: str, now: datetime | None = None
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

    @_guarded
    async def outbox_content(self, outbox_id: int, chat_id: int) -> OutboxView | None:
        """A sent row, for revealing a discreet message; only the chat it was sent to."""
        async with self._session() as session:
            row = await session.get(OutboxMessage, outbox_id)
            if row is None or row.chat_id != chat_id:
                return None
            return OutboxView(
                row.id,
                row.chat_id,
                row.kind,
                row.local_date,
                row.content_key,
                row.days,
                row.total,
                True,
            )

    @_guarded
    async def expire_pending(self, before: datetime) -> int:
        """Skip pending rows due before `before`: never a message in the middle of the night."""
        async with self._session.begin() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == "pending", OutboxMessage.due_utc < before)
                .values(status="skipped")
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @_guarded
    async def requeue_interrupted(self) -> int:
        """After a crash, rows left 'sending' go out again: at-least-once, see delivery/outbox."""
        async with self._session.begin() as session:
            result = await session.execute(
                update(OutboxMessage)
                .where(OutboxMessage.status == "sending")
                .values(status="pending")
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @_guarded
    async def prune_outbox(self, before: date) -> int:
        async with self._session.begin() as session:
            result = await session.execute(
                delete(OutboxMessage).where(
                    OutboxMessage.local_date < before,
                    OutboxMessage.status.in_(["sent", "skipped", "failed"]),
                )
            )
            return int(getattr(result, "rowcount", 0) or 0)

    @_guarded
    async def outbox_counts(self) -> dict[str, int]:
        async with self._session() as session:
            rows = await session.execute(
                text("SELECT status, COUNT(*) FROM outbox GROUP BY status")
            )
            return {str(status): int(count) for status, count in rows}

    # --- one dispatcher across instances ---------------------------------------------------

    @_guarded
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

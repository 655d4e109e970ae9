"""What every repository shares: the engine, short sessions, and StorageError on any failure."""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable
from typing import Any, ParamSpec, TypeVar, cast

from sqlalchemy import Table
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.db.engine import sessionmaker
from bot.db.models import NoContact, OutboxMessage, Subscription, User
from bot.domain import ContactMode, Kind, NoContactView, SubscriptionView, UserView
from bot.domain import StorageError as StorageError

P = ParamSpec("P")
R = TypeVar("R")
# Core tables for the hot paths (bulk statements, no ORM identity map).
SUBSCRIPTIONS = cast(Table, Subscription.__table__)
NO_CONTACT = cast(Table, NoContact.__table__)
OUTBOX = cast(Table, OutboxMessage.__table__)
USERS = cast(Table, User.__table__)


def guarded(fn: Callable[P, Awaitable[R]]) -> Callable[P, Awaitable[R]]:
    """Database failures become StorageError, so callers answer kindly without SQLAlchemy."""

    @functools.wraps(fn)
    async def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return await fn(*args, **kwargs)
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            raise StorageError(type(exc).__name__) from exc

    return wrapper


class RepoBase:
    """The engine and a session factory; each method opens its own short transaction."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._session = sessionmaker(engine)
        self._lock_connection: AsyncConnection | None = None
        self._listen_connection: AsyncConnection | None = None


def user_view(row: User) -> UserView:
    return UserView(
        row.chat_id,
        row.country,
        row.timezone,
        row.discreet,
        row.blocked,
        row.pending,
        row.pending_since,
    )


def subscription_view(row: Any) -> SubscriptionView:
    """From an ORM object or a Core row: both carry the subscription's columns by name."""
    return SubscriptionView(
        row.id,
        row.chat_id,
        Kind(row.kind),
        row.local_time,
        row.timezone,
        row.next_due_utc,
        row.paused,
        row.resume_on,
        row.seen,
    )


def no_contact_view(row: Any) -> NoContactView:
    # The dispatcher's join reads only the counting columns; the mode and runs are optional.
    return NoContactView(
        row.streak_start,
        row.days_before,
        row.longest,
        row.slips,
        row.slip_pending,
        ContactMode(getattr(row, "mode", None) or ContactMode.NONE),
        getattr(row, "runs", None) or "",
    )

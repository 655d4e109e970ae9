"""Users and their settings, and the no-contact counter: one row each per chat."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from bot.db.base import RepoBase, guarded, no_contact_view, user_view
from bot.db.models import NoContact, Subscription, User
from bot.domain import NoContactView, StorageError, UserView

COUNTRY_CHANNEL = "bot_country"  # NOTIFY channel: "<chat>:<country>" when a country is saved


class UserStore(RepoBase):
    # --- users -------------------------------------------------------------------------

    @guarded
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
            return user_view(row)

    @guarded
    async def get_user(self, chat_id: int) -> UserView | None:
        async with self._session() as session:
            row = await session.get(User, chat_id)
            return None if row is None else user_view(row)

    async def _update_user(self, chat_id: int, **values: Any) -> None:
        async with self._session.begin() as session:
            await session.execute(update(User).where(User.chat_id == chat_id).values(**values))

    @guarded
    async def set_pending(self, chat_id: int, pending: str | None, now: datetime) -> None:
        """The step waiting for typed input (None ends it), and when it began."""
        await self._update_user(
            chat_id, pending=pending, pending_since=None if pending is None else now
        )

    @guarded
    async def set_country(self, chat_id: int, country: str) -> None:
        """The user's country (an ISO code); the step that asked for it, if any, ends.
        On PostgreSQL the other instances hear of it at once (listen_countries)."""
        async with self._session.begin() as session:
            await session.execute(
                update(User)
                .where(User.chat_id == chat_id)
                .values(country=country, pending=None, pending_since=None)
            )
            if self.engine.dialect.name == "postgresql":
                await session.execute(
                    text("SELECT pg_notify(:channel, :payload)"),
                    {"channel": COUNTRY_CHANNEL, "payload": f"{chat_id}:{country}"},
                )

    async def listen_countries(self, on_change: Callable[[int, str], None]) -> None:
        """PostgreSQL: call on_change(chat, country) whenever any instance saves a country.
        SQLite has one process, so there is nothing to hear."""
        if self.engine.dialect.name != "postgresql" or self._listen_connection is not None:
            return

        def heard(_connection: object, _pid: int, _channel: str, payload: str) -> None:
            chat, _, country = payload.partition(":")
            if chat.lstrip("-").isdigit() and country:
                on_change(int(chat), country)

        try:
            connection = await self.engine.connect()
            raw = await connection.get_raw_connection()
            await raw.driver_connection.add_listener(COUNTRY_CHANNEL, heard)  # type: ignore[union-attr]
        except (SQLAlchemyError, OSError, TimeoutError) as exc:
            raise StorageError(type(exc).__name__) from exc
        self._listen_connection = connection

    @guarded
    async def set_discreet(self, chat_id: int, discreet: bool) -> None:
        await self._update_user(chat_id, discreet=discreet)

    @guarded
    async def user_countries(self) -> dict[int, str]:
        """chat_id -> country for everyone who chose one, for the in-memory hotline lookup."""
        async with self._session() as session:
            rows = await session.execute(
                select(User.chat_id, User.country).where(User.country.is_not(None))
            )
            return {chat_id: country for chat_id, country in rows if country}

    @guarded
    async def mark_blocked(self, chat_id: int) -> None:
        """The user blocked the bot: pause every schedule until they ask to resume."""
        async with self._session.begin() as session:
            await session.execute(update(User).where(User.chat_id == chat_id).values(blocked=True))
            await session.execute(
                update(Subscription).where(Subscription.chat_id == chat_id).values(paused=True)
            )

    # --- no-contact counter ------------------------------------------------------------------

    @guarded
    async def no_contact(self, chat_id: int) -> NoContactView | None:
        async with self._session() as session:
            row = await session.get(NoContact, chat_id)
            return None if row is None else no_contact_view(row)

    @guarded
    async def save_no_contact(self, chat_id: int, view: NoContactView) -> None:
        """Save the counter; the step that asked for a start date, if any, ends."""
        async with self._session.begin() as session:
            await session.execute(
                update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)
            )
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
            row.mode, row.runs = view.mode, view.runs

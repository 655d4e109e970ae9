"""The reality-check journal and the two safety plans: user text, sealed (bot/db/sealed.py)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Select, delete, func, select, update

from bot.db.base import guarded
from bot.db.models import JournalEntry, SafetyPlanSection, User
from bot.db.sealed import SealedStore
from bot.domain import JournalEntryView, JournalPage, Plan

JOURNAL = JournalEntry.__tablename__
PLANS = SafetyPlanSection.__tablename__


def _count(chat_id: int) -> Select[int]:
    return select(func.count()).select_from(JournalEntry).where(JournalEntry.chat_id == chat_id)


class JournalStore(SealedStore):
    def _entry(self, row: JournalEntry) -> JournalEntryView:
        key = [row.id]
        what = self.unseal(row.what, JOURNAL, row.chat_id, key, "what")
        felt = row.felt and self.unseal(row.felt, JOURNAL, row.chat_id, key, "felt")
        return JournalEntryView(row.id, row.day, what, felt)

    @guarded
    async def add_entry(
        self, chat_id: int, day: date, what: str, now: datetime, limit: int
    ) -> int | None:
        """A new entry (what happened); None when the user already has `limit` entries.
        The ciphertext is bound to the row's id, so the row is inserted first."""
        async with self._session.begin() as session:
            count = await session.scalar(_count(chat_id))
            if (count or 0) >= limit:
                return None
            row = JournalEntry(chat_id=chat_id, day=day, created_at=now, what="")
            session.add(row)
            await session.flush()
            row.what = self.seal(what, JOURNAL, chat_id, [row.id], "what")
            await session.execute(
                update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)
            )
            return row.id

    @guarded
    async def set_entry_felt(self, chat_id: int, entry_id: int, felt: str) -> bool:
        async with self._session.begin() as session:
            row = await session.get(JournalEntry, entry_id)
            if row is None or row.chat_id != chat_id:
                return False
            row.felt = self.seal(felt, JOURNAL, chat_id, [entry_id], "felt")
            await session.execute(
                update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)
            )
            return True

    @guarded
    async def set_entry_day(self, chat_id: int, entry_id: int, day: date) -> bool:
        async with self._session.begin() as session:
            result = await session.execute(
                update(JournalEntry)
                .where(JournalEntry.id == entry_id, JournalEntry.chat_id == chat_id)
                .values(day=day)
            )
            await session.execute(
                update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)
            )
            return bool(getattr(result, "rowcount", 0))

    @guarded
    async def entry(self, chat_id: int, entry_id: int) -> JournalEntryView | None:
        """One entry, only for the chat that wrote it."""
        async with self._session() as session:
            row = await session.get(JournalEntry, entry_id)
            if row is None or row.chat_id != chat_id:
                return None
            return self._entry(row)

    @guarded
    async def journal_page(self, chat_id: int, offset: int, limit: int) -> JournalPage:
        """Entries newest first (by the day they are about, then by when written)."""
        async with self._session() as session:
            total = await session.scalar(_count(chat_id))
            rows = await session.scalars(
                select(JournalEntry)
                .where(JournalEntry.chat_id == chat_id)
                .order_by(JournalEntry.day.desc(), JournalEntry.id.desc())
                .offset(offset)
                .limit(limit)
            )
            return JournalPage(tuple(self._entry(r) for r in rows), int(total or 0))

    @guarded
    async def journal_count(self, chat_id: int) -> int:
        async with self._session() as session:
            total = await session.scalar(_count(chat_id))
            return int(total or 0)

    @guarded
    async def delete_entry(self, chat_id: int, entry_id: int) -> bool:
        async with self._session.begin() as session:
            result = await session.execute(
                delete(JournalEntry).where(
                    JournalEntry.id == entry_id, JournalEntry.chat_id == chat_id
                )
            )
            deleted = bool(getattr(result, "rowcount", 0))
        await self.checkpoint()
        return deleted

    @guarded
    async def delete_all_entries(self, chat_id: int) -> int:
        async with self._session.begin() as session:
            result = await session.execute(
                delete(JournalEntry).where(JournalEntry.chat_id == chat_id)
            )
        await self.checkpoint()
        return int(getattr(result, "rowcount", 0) or 0)


class PlanStore(SealedStore):
    @guarded
    async def plan_sections(self, chat_id: int, plan: Plan) -> dict[str, str]:
        """The user's text for each part of a plan they have written."""
        async with self._session() as session:
            rows = await session.scalars(
                select(SafetyPlanSection).where(
                    SafetyPlanSection.chat_id == chat_id, SafetyPlanSection.plan == plan
                )
            )
            return {
                r.section: self.unseal(r.body, PLANS, chat_id, [chat_id, plan, r.section], "body")
                for r in rows
            }

    @guarded
    async def save_plan_section(
        self, chat_id: int, plan: Plan, section: str, body: str, now: datetime
    ) -> None:
        """Write (or replace) one part; the step that asked for it ends."""
        sealed = self.seal(body, PLANS, chat_id, [chat_id, plan, section], "body")
        async with self._session.begin() as session:
            row = await session.get(SafetyPlanSection, (chat_id, plan.value, section))
            if row is None:
                session.add(
                    SafetyPlanSection(
                        chat_id=chat_id, plan=plan, section=section, body=sealed, updated_at=now
                    )
                )
            else:
                row.body, row.updated_at = sealed, now
            await session.execute(
                update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)
            )

    @guarded
    async def clear_plan(self, chat_id: int, plan: Plan, section: str | None = None) -> int:
        """Clear one part, or (section None) the whole plan."""
        where = [SafetyPlanSection.chat_id == chat_id, SafetyPlanSection.plan == plan]
        if section is not None:
            where.append(SafetyPlanSection.section == section)
        async with self._session.begin() as session:
            result = await session.execute(delete(SafetyPlanSection).where(*where))
        await self.checkpoint()
        return int(getattr(result, "rowcount", 0) or 0)

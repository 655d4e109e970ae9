"""Triggers and plans, check-in schedules and conversations, reasons and the contact log.

Texts users write arrive here already encrypted (bot/checkins/secret.py); this module only
stores ciphertext. Methods that answer a typed step also end it, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, exists, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from bot.db.base import OUTBOX, USERS, RepoBase, guarded
from bot.db.models import (
    Checkin,
    CheckinSchedule,
    ContactLog,
    OutboxMessage,
    Reasons,
    Trigger,
    User,
)
from bot.domain import (
    Answer,
    Channel,
    CheckinKind,
    CheckinPlan,
    Dispatch,
    DueCheckin,
    History,
    HistoryEntry,
    OutboxStatus,
    Repeat,
    ScheduleView,
    SessionStatus,
    SessionStep,
    SessionView,
    TriggerKind,
    TriggerView,
)
from bot.policy import STEP_TIMEOUT

SCHEDULES = cast(Table, CheckinSchedule.__table__)
CHECKINS = cast(Table, Checkin.__table__)
TRIGGERS = cast(Table, Trigger.__table__)
TRIGGER_FIELDS = ("name_enc", "plan_do_enc", "plan_reach_enc")


def _trigger(row: Any) -> TriggerView:
    return TriggerView(
        row.id,
        row.chat_id,
        TriggerKind(row.kind),
        row.name_enc,
        row.plan_do_enc,
        row.plan_reach_enc,
    )


def _schedule(row: Any) -> ScheduleView:
    return ScheduleView(
        row.id,
        row.chat_id,
        row.trigger_id,
        Repeat(row.repeat),
        row.weekdays,
        row.month,
        row.day,
        row.on_date,
        row.local_time,
        row.timezone,
        row.next_due_utc,
        row.deferred_from,
    )


def _session(row: Checkin) -> SessionView:
    return SessionView(
        row.id,
        row.chat_id,
        row.schedule_id,
        row.trigger_id,
        SessionStatus(row.status),
        SessionStep(row.step),
        row.pull,
        Answer(row.answer) if row.answer else None,
        row.answer_trigger_id,
        row.local_date,
        row.opened_at,
        row.expires_at,
    )


def _end_step(chat_id: int) -> Any:
    return update(User).where(User.chat_id == chat_id).values(pending=None, pending_since=None)


class CheckinStore(RepoBase):
    # --- triggers ------------------------------------------------------------------------

    @guarded
    async def triggers(self, chat_id: int) -> list[TriggerView]:
        async with self._session() as session:
            rows = await session.scalars(
                select(Trigger).where(Trigger.chat_id == chat_id).order_by(Trigger.id)
            )
            return [_trigger(r) for r in rows]

    @guarded
    async def trigger(self, chat_id: int, trigger_id: int) -> TriggerView | None:
        """The trigger, if it is this chat's."""
        async with self._session() as session:
            row = await session.get(Trigger, trigger_id)
            return _trigger(row) if row is not None and row.chat_id == chat_id else None

    @guarded
    async def add_trigger(
        self,
        chat_id: int,
        kind: TriggerKind,
        now: datetime,
        name: Callable[[int], str] | None = None,
        pending: Callable[[int], str] | None = None,
    ) -> TriggerView:
        """A new trigger (one of the guide's kinds is kept once: the existing one returns).
        `name` seals an own trigger's name for the new row's id; `pending` is the next step."""
        async with self._session.begin() as session:
            if kind is not TriggerKind.CUSTOM:
                existing = await session.scalar(
                    select(Trigger).where(Trigger.chat_id == chat_id, Trigger.kind == kind)
                )
                if existing is not None:
                    await session.execute(_end_step(chat_id))
                    return _trigger(existing)
            row = Trigger(chat_id=chat_id, kind=kind, created_at=now)
            session.add(row)
            await session.flush()
            if name is not None:
                row.name_enc = name(row.id)
            step = pending(row.id) if pending is not None else None
            await session.execute(
                update(User)
                .where(User.chat_id == chat_id)
                .values(pending=step, pending_since=now if step else None)
            )
            return _trigger(row)

    @guarded
    async def set_trigger_text(
        self,
        chat_id: int,
        trigger_id: int,
        field: str,
        value: str | None,
        pending: str | None,
        now: datetime,
    ) -> bool:
        """Store one sealed text of the trigger and set (or end) the waiting step."""
        if field not in TRIGGER_FIELDS:
            raise ValueError(field)
        async with self._session.begin() as session:
            result = await session.execute(
                update(Trigger)
                .where(Trigger.id == trigger_id, Trigger.chat_id == chat_id)
                .values({field: value})
            )
            await session.execute(
                update(User)
                .where(User.chat_id == chat_id)
                .values(pending=pending, pending_since=now if pending else None)
            )
            return bool(getattr(result, "rowcount", 0))

    @guarded
    async def delete_trigger(self, chat_id: int, trigger_id: int) -> bool:
        """The trigger and its check-ins go; answered check-ins keep the kind it had."""
        async with self._session.begin() as session:
            result = await session.execute(
                delete(Trigger).where(Trigger.id == trigger_id, Trigger.chat_id == chat_id)
            )
            return bool(getattr(result, "rowcount", 0))

    # --- reasons ---------------------------------------------------------------------------

    @guarded
    async def reasons(self, chat_id: int) -> str | None:
        async with self._session() as session:
            row = await session.get(Reasons, chat_id)
            return None if row is None else row.text_enc

    @guarded
    async def save_reasons(self, chat_id: int, sealed: str, now: datetime) -> None:
        async with self._session.begin() as session:
            row = await session.get(Reasons, chat_id)
            if row is None:
                session.add(Reasons(chat_id=chat_id, text_enc=sealed, updated_at=now))
            else:
                row.text_enc, row.updated_at = sealed, now
            await session.execute(_end_step(chat_id))

    # --- schedules -------------------------------------------------------------------------

    @guarded
    async def checkin_schedules(self, chat_id: int) -> list[ScheduleView]:
        """The chat's schedules still to come, soonest first."""
        async with self._session() as session:
            rows = await session.scalars(
                select(CheckinSchedule)
                .where(
                    CheckinSchedule.chat_id == chat_id, CheckinSchedule.next_due_utc.is_not(None)
                )
                .order_by(CheckinSchedule.next_due_utc)
            )
            return [_schedule(r) for r in rows]

    @guarded
    async def checkins_paused(self, chat_id: int) -> bool:
        """Whether /stop paused this chat's check-ins."""
        async with self._session() as session:
            found = await session.scalar(
                select(CheckinSchedule.id)
                .where(CheckinSchedule.chat_id == chat_id, CheckinSchedule.paused.is_(True))
                .limit(1)
            )
            return found is not None

    @guarded
    async def resume_checkins(self, chat_id: int) -> None:
        """Check-ins go on from their next occurrence (a missed one is skipped as too late)."""
        async with self._session.begin() as session:
            await session.execute(
                update(CheckinSchedule)
                .where(CheckinSchedule.chat_id == chat_id)
                .values(paused=False)
            )

    @guarded
    async def add_checkin_schedule(
        self, schedule: ScheduleView, now: datetime, *, set_zone: bool = False
    ) -> ScheduleView:
        """Store a schedule (its id is ignored); the step that asked ends. With `set_zone`,
        the schedule's zone becomes the user's."""
        async with self._session.begin() as session:
            row = CheckinSchedule(
                chat_id=schedule.chat_id,
                trigger_id=schedule.trigger_id,
                repeat=schedule.repeat,
                weekdays=schedule.weekdays,
                month=schedule.month,
                day=schedule.day,
                on_date=schedule.on_date,
                local_time=schedule.local_time,
                timezone=schedule.timezone,
                next_due_utc=schedule.next_due_utc,
                created_at=now,
            )
            session.add(row)
            await session.flush()
            values: dict[str, Any] = {"pending": None, "pending_since": None}
            if set_zone:
                values["timezone"] = schedule.timezone
            await session.execute(
                update(User).where(User.chat_id == schedule.chat_id).values(**values)
            )
            return _schedule(row)

    @guarded
    async def delete_checkin_schedule(self, chat_id: int, schedule_id: int) -> bool:
        """Remove a schedule; a check-in it queued but not yet sent goes too."""
        async with self._session.begin() as session:
            queued = select(OutboxMessage.id).where(
                OutboxMessage.chat_id == chat_id,
                OutboxMessage.kind == CheckinKind.CHECKIN,
                OutboxMessage.slot == str(schedule_id),
                OutboxMessage.status == OutboxStatus.PENDING,
            )
            await session.execute(
                update(Checkin)
                .where(Checkin.chat_id == chat_id, Checkin.outbox_id.in_(queued))
                .values(status=SessionStatus.CLOSED)
            )
            await session.execute(delete(OutboxMessage).where(OutboxMessage.id.in_(queued)))
            result = await session.execute(
                delete(CheckinSchedule).where(
                    CheckinSchedule.id == schedule_id, CheckinSchedule.chat_id == chat_id
                )
            )
            return bool(getattr(result, "rowcount", 0))

    # --- conversations ---------------------------------------------------------------------

    @guarded
    async def checkin(self, chat_id: int, session_id: int) -> SessionView | None:
        """The check-in, if it is this chat's."""
        async with self._session() as session:
            row = await session.get(Checkin, session_id)
            return _session(row) if row is not None and row.chat_id == chat_id else None

    @guarded
    async def open_checkin(
        self,
        chat_id: int,
        now: datetime,
        expiry: timedelta,
        day: date,
        pending: Callable[[int], str],
    ) -> SessionView:
        """A check-in started by the user: the one still open if there is one (never two)."""
        async with self._session.begin() as session:
            row = await session.scalar(
                select(Checkin)
                .where(
                    Checkin.chat_id == chat_id,
                    Checkin.status == SessionStatus.OPEN,
                    Checkin.expires_at > now,
                )
                .order_by(Checkin.id.desc())
                .limit(1)
            )
            if row is None:
                row = Checkin(
                    chat_id=chat_id,
                    status=SessionStatus.OPEN,
                    step=SessionStep.PULL,
                    local_date=day,
                    opened_at=now,
                    expires_at=now + expiry,
                )
                session.add(row)
                await session.flush()
            step = pending(row.id) if row.step == SessionStep.PULL else None
            await session.execute(
                update(User)
                .where(User.chat_id == chat_id)
                .values(pending=step, pending_since=now if step else None)
            )
            return _session(row)

    @guarded
    async def update_checkin(
        self,
        chat_id: int,
        session_id: int,
        now: datetime,
        *,
        step: SessionStep,
        pull: int | None = None,
        answer: Answer | None = None,
        trigger: TriggerView | None = None,
        status: SessionStatus = SessionStatus.OPEN,
        end_step: bool = True,
    ) -> SessionView | None:
        """Record an answer (and where the conversation is now); None if not this chat's."""
        async with self._session.begin() as session:
            row = await session.get(Checkin, session_id, with_for_update=True)
            if row is None or row.chat_id != chat_id:
                return None
            row.step, row.status = step, status
            if pull is not None:
                row.pull = pull
            if answer is not None:
                row.answer, row.answered_at = answer, now
                row.answer_trigger_id = trigger.id if trigger else None
                row.answer_kind = trigger.kind if trigger else None
            if end_step:
                await session.execute(_end_step(chat_id))
            return _session(row)

    # --- history ---------------------------------------------------------------------------

    @guarded
    async def log_contact(self, chat_id: int, day: date, channel: Channel, now: datetime) -> None:
        async with self._session.begin() as session:
            session.add(ContactLog(chat_id=chat_id, day=day, channel=channel, created_at=now))
            await session.execute(_end_step(chat_id))

    @guarded
    async def history(self, chat_id: int) -> History:
        """Answered check-ins and logged contacts, oldest first."""
        async with self._session() as session:
            checkins = await session.execute(
                select(
                    Checkin.local_date,
                    Checkin.pull,
                    Checkin.answer,
                    Checkin.answer_kind,
                    Checkin.answer_trigger_id,
                )
                .where(Checkin.chat_id == chat_id, Checkin.pull.is_not(None))
                .order_by(Checkin.local_date, Checkin.id)
            )
            contacts = await session.execute(
                select(ContactLog.day, ContactLog.channel)
                .where(ContactLog.chat_id == chat_id)
                .order_by(ContactLog.day, ContactLog.id)
            )
            return History(
                tuple(
                    HistoryEntry(
                        r.local_date,
                        r.pull,
                        Answer(r.answer) if r.answer else None,
                        TriggerKind(r.answer_kind) if r.answer_kind else None,
                        r.answer_trigger_id,
                    )
                    for r in checkins
                ),
                tuple((r.day, Channel(r.channel)) for r in contacts),
            )

    # --- dispatcher: due schedules -> outbox ------------------------------------------------

    @guarded
    async def enqueue_due_checkins(
        self,
        now: datetime,
        plan: Callable[[DueCheckin], CheckinPlan],
        pending: Callable[[int], str],
        *,
        expiry: timedelta,
        limit: int = 500,
    ) -> tuple[int, int]:
        """Queue due check-ins, open their conversations and advance their schedules, in one
        transaction: a crash leaves either the schedule still due or its check-in queued. The
        unique (chat, kind, local date, schedule) key makes a second claim of the same
        occurrence a no-op. Returns (queued, handled)."""
        sch, users = SCHEDULES, USERS
        open_checkin = exists().where(
            CHECKINS.c.chat_id == sch.c.chat_id,
            CHECKINS.c.status == SessionStatus.OPEN,
            CHECKINS.c.expires_at > now,
        )
        async with self._session.begin() as session:
            rows = (
                await session.execute(
                    select(
                        sch,
                        users.c.pending,
                        users.c.pending_since,
                        users.c.blocked,
                        TRIGGERS.c.kind.label("trigger_kind"),
                        open_checkin.label("has_open"),
                    )
                    .join(users, users.c.chat_id == sch.c.chat_id)
                    .outerjoin(TRIGGERS, TRIGGERS.c.id == sch.c.trigger_id)
                    .where(sch.c.next_due_utc <= now, sch.c.paused.is_(False))
                    .order_by(sch.c.next_due_utc)
                    .limit(limit)
                    .with_for_update(of=sch, skip_locked=True)
                )
            ).all()
            if not rows:
                return 0, 0
            step_cutoff = now - STEP_TIMEOUT
            sending: set[int] = set()  # never two check-ins for one chat from one batch
            planned: list[tuple[ScheduleView, CheckinPlan]] = []
            for row in rows:
                schedule = _schedule(row)
                in_step = row.pending is not None and (row.pending_since or now) > step_cutoff
                due = DueCheckin(
                    schedule,
                    TriggerKind(row.trigger_kind) if row.trigger_kind else None,
                    busy=bool(row.has_open) or in_step or schedule.chat_id in sending,
                    blocked=bool(row.blocked),
                )
                decided = plan(due)
                if decided.action is Dispatch.SEND:
                    sending.add(schedule.chat_id)
                planned.append((schedule, decided))
            queued = await self._queue(session, now, expiry, pending, planned)
            await session.execute(
                update(sch)
                .where(sch.c.id == bindparam("b_id"))
                .values(next_due_utc=bindparam("b_next"), deferred_from=bindparam("b_from")),
                [
                    {"b_id": s.id, "b_next": p.next_due_utc, "b_from": p.deferred_from}
                    for s, p in planned
                ],
            )
        return queued, len(planned)

    async def _queue(
        self,
        session: AsyncSession,
        now: datetime,
        expiry: timedelta,
        pending: Callable[[int], str],
        planned: list[tuple[ScheduleView, CheckinPlan]],
    ) -> int:
        """Outbox rows, then their conversations, then each row's key names its conversation."""
        to_send = [(s, p) for s, p in planned if p.action is Dispatch.SEND]
        if not to_send:
            return 0
        dialect_insert = pg_insert if self.engine.dialect.name == "postgresql" else sqlite_insert
        statement = (
            dialect_insert(OUTBOX)
            .on_conflict_do_nothing(index_elements=["chat_id", "kind", "local_date", "slot"])
            .returning(OUTBOX.c.id, OUTBOX.c.chat_id, OUTBOX.c.slot)
        )
        result = await session.execute(
            statement,
            [
                {
                    "chat_id": s.chat_id,
                    "kind": CheckinKind.CHECKIN,
                    "local_date": p.local_date,
                    # The occurrence, so the grace window counts from when it was due.
                    "due_utc": s.deferred_from or s.next_due_utc,
                    "status": OutboxStatus.PENDING,
                    "content_key": p.prompt,
                    "attempts": 0,
                    "slot": str(s.id),
                }
                for s, p in to_send
            ],
        )
        outbox_ids = {int(r.slot): r.id for r in result}
        if not outbox_ids:
            return 0
        by_id = {s.id: (s, p) for s, p in to_send}
        created = await session.execute(
            CHECKINS.insert().returning(CHECKINS.c.id, CHECKINS.c.outbox_id, CHECKINS.c.chat_id),
            [
                {
                    "chat_id": by_id[sid][0].chat_id,
                    "schedule_id": sid,
                    "trigger_id": by_id[sid][0].trigger_id,
                    "outbox_id": oid,
                    "status": SessionStatus.OPEN,
                    "step": SessionStep.PULL,
                    "local_date": by_id[sid][1].local_date,
                    "opened_at": now,
                    "expires_at": now + expiry,
                }
                for sid, oid in outbox_ids.items()
            ],
        )
        opened = [(r.id, r.outbox_id, r.chat_id) for r in created]
        prompts = {oid: by_id[sid][1].prompt for sid, oid in outbox_ids.items()}
        await session.execute(
            update(OUTBOX)
            .where(OUTBOX.c.id == bindparam("b_id"))
            .values(content_key=bindparam("b_key")),
            [{"b_id": oid, "b_key": f"{cid}:{prompts[oid]}"} for cid, oid, _ in opened],
        )
        await session.execute(
            update(USERS)
            .where(USERS.c.chat_id == bindparam("b_chat"))
            .values(pending=bindparam("b_step"), pending_since=now),
            [{"b_chat": chat, "b_step": pending(cid)} for cid, _, chat in opened],
        )
        return len(opened)

"""SQLAlchemy models. No names, usernames, phone numbers or raw updates are stored."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class UTCDateTime(TypeDecorator[datetime]):
    """Stores naive UTC on every backend and always hands back aware UTC datetimes."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        assert isinstance(value, datetime)
        return value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    pass


class User(Base):
    """One private chat. chat_id is the only identifier kept."""

    __tablename__ = "users"

    chat_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    country: Mapped[str | None] = mapped_column(String(2))
    timezone: Mapped[str | None] = mapped_column(String(64))
    discreet: Mapped[bool] = mapped_column(Boolean, default=False)
    # Set when Telegram says the user blocked the bot; schedules stay paused until they ask.
    blocked: Mapped[bool] = mapped_column(Boolean, default=False)
    # The conversation step waiting for typed input, e.g. "daily_time:grounding".
    pending: Mapped[str | None] = mapped_column(String(64))
    # When that step began: a step left unanswered for 30 minutes has ended.
    pending_since: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class NoContact(Base):
    """The no-contact counter. Dates are the user's local dates."""

    __tablename__ = "no_contact"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE"), primary_key=True
    )
    streak_start: Mapped[date] = mapped_column(Date)
    days_before: Mapped[int] = mapped_column(Integer, default=0)
    longest: Mapped[int] = mapped_column(Integer, default=0)
    slips: Mapped[int] = mapped_column(Integer, default=0)
    # The next encouragement is written for the day after a slip.
    slip_pending: Mapped[bool] = mapped_column(Boolean, default=False)
    # checkins branch: "none" or "limited" (bot.domain.ContactMode), and the earlier runs as
    # "start/end;..." so a start date that overlaps them is merged (bot/counter.py).
    mode: Mapped[str] = mapped_column(String(8), default="none", server_default="none")
    runs: Mapped[str] = mapped_column(Text, default="", server_default="")


class Subscription(Base):
    """A daily message at a local time: the source of truth for its schedule."""

    __tablename__ = "subscriptions"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", name="uq_subscription_chat_kind"),
        Index("ix_subscriptions_due", "next_due_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(16))
    local_time: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    next_due_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    paused: Mapped[bool] = mapped_column(Boolean, default=False)
    # A pause with an end: messages start again on this local date.
    resume_on: Mapped[date | None] = mapped_column(Date)
    # Content ids already sent in this round, comma-separated, so nothing repeats early.
    seen: Mapped[str] = mapped_column(Text, default="")


class OutboxMessage(Base):
    """A scheduled message on its way out; the unique key stops a day's message going twice.

    `slot` tells apart several messages of one kind on one day: '' for daily notes (one a
    day, as before); a check-in's schedule id, so each schedule sends at most once per local
    date while two schedules (or a one-off and a follow-up) can both send that day.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        UniqueConstraint("chat_id", "kind", "local_date", "slot", name="uq_outbox_slot"),
        Index("ix_outbox_status", "status", "due_utc"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(16))
    local_date: Mapped[date] = mapped_column(Date)
    due_utc: Mapped[datetime] = mapped_column(UTCDateTime)
    # pending -> sending -> sent | failed; skipped when too late (grace window) or paused.
    status: Mapped[str] = mapped_column(String(12))
    content_key: Mapped[str] = mapped_column(String(32))
    days: Mapped[int | None] = mapped_column(Integer)
    total: Mapped[int | None] = mapped_column(Integer)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    slot: Mapped[str] = mapped_column(String(24), default="", server_default="")


# --- privacy (migration 0004): message ids for /hide, the journal, safety plans ------------------
# Every free-text column holds ciphertext only (bot/crypto.py) and is marked ENCRYPTED, so key
# rotation, the start-up key check and the privacy tests find each one (bot/db/sealed.py).
ENCRYPTED: dict[Any, Any] = {"encrypted": True}


class MessageLog(Base):
    """Ids of the messages in a chat (the user's and the bot's), kept 48 hours so /hide can
    delete them. Ids only: never text."""

    __tablename__ = "message_log"
    __table_args__ = (Index("ix_message_log_at", "at"),)

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE"), primary_key=True
    )
    message_id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(UTCDateTime)


class JournalEntry(Base):
    """A reality-check journal entry: what happened and how it felt, both encrypted."""

    __tablename__ = "journal_entries"
    __table_args__ = (Index("ix_journal_chat", "chat_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    # The user's local date the entry is about (today unless they change it).
    day: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    what: Mapped[str] = mapped_column(Text, info=ENCRYPTED)
    felt: Mapped[str | None] = mapped_column(Text, info=ENCRYPTED)


class SafetyPlanSection(Base):
    """One part of one of the user's two safety plans, encrypted."""

    __tablename__ = "safety_plan_sections"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE"), primary_key=True
    )
    plan: Mapped[str] = mapped_column(String(16), primary_key=True)
    section: Mapped[str] = mapped_column(String(32), primary_key=True)
    body: Mapped[str] = mapped_column(Text, info=ENCRYPTED)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


# --- end privacy -------------------------------------------------------------------------------


# --- check-ins and triggers (migration 0005) -------------------------------------------------
# Every text a user writes (an own trigger's name, plans, reasons) is stored only as
# ciphertext bound to its user, table and row (bot/crypto.py). Ids never repeat (SQLite
# AUTOINCREMENT), so a removed schedule's outbox slot or ciphertext binding is never reused.


class Trigger(Base):
    """A situation that pulls the user back, with their plan for it."""

    __tablename__ = "triggers"
    __table_args__ = (Index("ix_triggers_chat", "chat_id"), {"sqlite_autoincrement": True})

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    kind: Mapped[str] = mapped_column(String(16))
    name_enc: Mapped[str | None] = mapped_column(Text, info=ENCRYPTED)
    plan_do_enc: Mapped[str | None] = mapped_column(Text, info=ENCRYPTED)
    plan_reach_enc: Mapped[str | None] = mapped_column(Text, info=ENCRYPTED)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CheckinSchedule(Base):
    """When to check in: weekdays, a yearly date, or once. The source of truth for its times."""

    __tablename__ = "checkin_schedules"
    __table_args__ = (
        Index("ix_checkin_schedules_due", "next_due_utc"),
        Index("ix_checkin_schedules_chat", "chat_id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    trigger_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("triggers.id", ondelete="CASCADE")
    )
    repeat: Mapped[str] = mapped_column(String(10))
    weekdays: Mapped[int] = mapped_column(Integer, default=0)
    month: Mapped[int] = mapped_column(Integer, default=0)
    day: Mapped[int] = mapped_column(Integer, default=0)
    on_date: Mapped[date | None] = mapped_column(Date)
    local_time: Mapped[str] = mapped_column(String(5))
    timezone: Mapped[str] = mapped_column(String(64))
    # None once a one-off has happened (kept, so its outbox slot stays taken that day).
    next_due_utc: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The occurrence that is waiting for another conversation to end.
    deferred_from: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # /stop pauses every schedule; /checkins resumes them.
    paused: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Checkin(Base):
    """One check-in conversation: where it is (a restart resumes it) and what was answered."""

    __tablename__ = "checkins"
    __table_args__ = (
        Index("ix_checkins_chat_status", "chat_id", "status"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    schedule_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("checkin_schedules.id", ondelete="SET NULL")
    )
    trigger_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("triggers.id", ondelete="SET NULL")
    )
    outbox_id: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(10))
    step: Mapped[str] = mapped_column(String(8))
    pull: Mapped[int | None] = mapped_column(Integer)
    answer: Mapped[str | None] = mapped_column(String(12))
    answer_trigger_id: Mapped[int | None] = mapped_column(
        Integer, ForeignKey("triggers.id", ondelete="SET NULL")
    )
    # The kind of the trigger answered, kept when the trigger itself is removed.
    answer_kind: Mapped[str | None] = mapped_column(String(16))
    local_date: Mapped[date] = mapped_column(Date)
    opened_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Reasons(Base):
    """The user's own reasons for keeping distance, shown back when the pull is strong."""

    __tablename__ = "reasons"

    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE"), primary_key=True
    )
    text_enc: Mapped[str] = mapped_column(Text, info=ENCRYPTED)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class ContactLog(Base):
    """A contact the user chose to log: the date and the channel, nothing else."""

    __tablename__ = "contact_log"
    __table_args__ = (
        Index("ix_contact_log_chat", "chat_id", "day"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    chat_id: Mapped[int] = mapped_column(
        BigInteger, ForeignKey("users.chat_id", ondelete="CASCADE")
    )
    day: Mapped[date] = mapped_column(Date)
    channel: Mapped[str] = mapped_column(String(12))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)

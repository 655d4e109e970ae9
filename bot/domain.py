"""The bot's value types and enums: what repositories return and handlers read. No SQL here."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class StorageError(Exception):
    """The database could not be used for this request."""


class Kind(StrEnum):
    """A kind of scheduled daily message. The value is what the database stores."""

    GROUNDING = "grounding"
    ENCOURAGEMENT = "encouragement"


class OutboxStatus(StrEnum):
    """pending -> sending -> sent | failed; skipped when too late (grace window) or paused."""

    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    FAILED = "failed"
    SKIPPED = "skipped"


@dataclass(frozen=True)
class UserView:
    chat_id: int
    country: str | None
    timezone: str | None
    discreet: bool
    blocked: bool
    pending: str | None
    pending_since: datetime | None = None


@dataclass(frozen=True)
class SubscriptionView:
    id: int
    chat_id: int
    kind: Kind
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
    status: OutboxStatus  # PENDING to send, SKIPPED when outside the grace window
    content_key: str
    days: int | None = None
    total: int | None = None
    seen: str = ""
    clear_slip: bool = False


@dataclass(frozen=True)
class OutboxView:
    id: int
    chat_id: int
    kind: Kind
    local_date: date
    content_key: str
    days: int | None
    total: int | None
    discreet: bool


# --- privacy: the journal and safety plans (decrypted views; never logged) ----------------------


class Plan(StrEnum):
    """The two personal safety plans. The value is stored: keep values stable."""

    SAFE = "safe"  # staying safe around the other person
    SELF = "self"  # when I might hurt myself (Stanley-Brown)


@dataclass(frozen=True)
class JournalEntryView:
    id: int
    day: date
    what: str
    felt: str | None


@dataclass(frozen=True)
class JournalPage:
    """A page of entries, newest first, and how many there are in all."""

    entries: tuple[JournalEntryView, ...]
    total: int


@dataclass(frozen=True)
class Stats:
    """Counts for the operator's /stats: nothing personal."""

    users: int
    subscriptions: int
    subscriptions_active: int
    sent_today: int
    skipped_today: int
    failed_today: int
    journal_users: int
    plan_users: int


# --- end privacy -------------------------------------------------------------------------------

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


class ContactMode(StrEnum):
    """What the counter counts: days with no contact, or (co-parents, shared homes, work) days
    without contact beyond what is necessary. The value is stored."""

    NONE = "none"
    LIMITED = "limited"


@dataclass(frozen=True)
class NoContactView:
    """The counter. Day 1 of a run is `streak_start`; `days_before` counts the earlier runs'
    days before it, and `runs` lists those runs ("start/end;..."), so a start date that
    overlaps them is merged, never counted twice (bot/counter.py)."""

    streak_start: date
    days_before: int
    longest: int
    slips: int
    slip_pending: bool
    mode: ContactMode = ContactMode.NONE
    runs: str = ""


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
    kind: Kind | CheckinKind
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
# --- check-ins and triggers (bot/checkins/, bot/handlers/checkin*.py, triggers.py) ----------


class CheckinKind(StrEnum):
    """The outbox kind of a check-in, beside the daily kinds. The value is stored."""

    CHECKIN = "checkin"


def outbox_kind(value: str) -> Kind | CheckinKind:
    return CheckinKind(value) if value == CheckinKind.CHECKIN else Kind(value)


class TriggerKind(StrEnum):
    """A situation that pulls people back (the content guide's list), or one they name."""

    EVENINGS = "evenings"
    HOLIDAYS = "holidays"
    DATES = "dates"
    ONLINE = "online"
    HEARD = "heard"
    STRESS = "stress"
    ALCOHOL = "alcohol"
    PLACES = "places"
    CUSTOM = "custom"


class Repeat(StrEnum):
    """How a check-in schedule repeats. The value is stored."""

    WEEKLY = "weekly"  # on chosen weekdays (all seven: every day)
    YEARLY = "yearly"  # on a month and day every year (29 February: the 28th in other years)
    ONCE = "once"  # one instant the user chose
    FOLLOWUP = "followup"  # one instant, offered after a check-in or an urge


class Answer(StrEnum):
    """What the user said is going on in a check-in. The value is stored."""

    TRIGGER = "trigger"
    OTHER = "other"
    CONTACTED = "contacted"
    REACHED_OUT = "reached_out"
    UNSAFE = "unsafe"


class Channel(StrEnum):
    """How the other person got in touch (the only detail logged, with the date)."""

    MESSAGE = "message"
    CALL = "call"
    SOCIAL = "social"
    EMAIL = "email"
    IN_PERSON = "in_person"
    SOMEONE = "someone"
    OTHER = "other"


class SessionStatus(StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"  # "not now", or its schedule was removed


class SessionStep(StrEnum):
    PULL = "pull"  # waiting for 0-10
    WHAT = "what"  # waiting for what is going on
    DONE = "done"


@dataclass(frozen=True)
class TriggerView:
    """A trigger; the name (own triggers only) and plan are ciphertext (bot/crypto.py)."""

    id: int
    chat_id: int
    kind: TriggerKind
    name_enc: str | None
    plan_do_enc: str | None
    plan_reach_enc: str | None


@dataclass(frozen=True)
class ScheduleView:
    """A check-in schedule: the database row is the schedule (as for daily notes)."""

    id: int
    chat_id: int
    trigger_id: int | None
    repeat: Repeat
    weekdays: int  # bit 0 = Monday
    month: int
    day: int
    on_date: date | None  # the local date of a one-off
    local_time: str
    timezone: str
    next_due_utc: datetime | None  # None: a one-off that has happened
    deferred_from: datetime | None  # the occurrence waiting for another conversation to end


@dataclass(frozen=True)
class SessionView:
    """One check-in conversation and its answers: the state a restart resumes, and history."""

    id: int
    chat_id: int
    schedule_id: int | None
    trigger_id: int | None
    status: SessionStatus
    step: SessionStep
    pull: int | None
    answer: Answer | None
    answer_trigger_id: int | None
    local_date: date
    opened_at: datetime
    expires_at: datetime

    def is_open(self, now: datetime) -> bool:
        return self.status is SessionStatus.OPEN and now < self.expires_at


class Dispatch(StrEnum):
    SEND = "send"
    DEFER = "defer"  # another conversation is open: try again shortly, same occurrence
    SKIP = "skip"  # too late (grace window), or the user blocked the bot


@dataclass(frozen=True)
class DueCheckin:
    """A due check-in schedule as the dispatcher sees it."""

    schedule: ScheduleView
    trigger_kind: TriggerKind | None
    busy: bool  # a typed step or another check-in is open
    blocked: bool


@dataclass(frozen=True)
class CheckinPlan:
    """What the dispatcher decided for one due check-in schedule."""

    action: Dispatch
    local_date: date
    next_due_utc: datetime | None
    deferred_from: datetime | None = None
    prompt: str = ""  # which opener and prompt (bot/checkins/render.py)


@dataclass(frozen=True)
class HistoryEntry:
    local_date: date
    pull: int | None
    answer: Answer | None
    trigger_kind: TriggerKind | None
    trigger_id: int | None


@dataclass(frozen=True)
class History:
    """Answered check-ins and logged contacts, oldest first, for /progress."""

    checkins: tuple[HistoryEntry, ...]
    contacts: tuple[tuple[date, Channel], ...]

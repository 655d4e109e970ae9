"""Typed conversation steps: the question the bot asked in words and is waiting to have answered.

A step is stored with the user (users.pending) in one format, written and read only here, so a
restart resumes it. A step ends when the user opens the menu, runs any command, presses another
screen's button, answers it, or after STEP_TIMEOUT.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from enum import StrEnum

from bot.domain import Kind
from bot.policy import STEP_TIMEOUT


class Waiting(StrEnum):
    """What the bot is waiting for. The value is stored: keep values stable."""

    DAILY_TIME = "daily_time"  # "When should it arrive?" (kind)
    DAILY_ZONE = "daily_zone"  # "Which time zone?" (kind, at)
    PAUSE_UNTIL = "pause_until"  # "Until which date?" (kind)
    NO_CONTACT_START = "nc_start"  # "When did no-contact begin?"
    COUNTRY = "country"  # "Which country are you in?"
    # --- privacy: the journal and safety plans (arg: the entry id, or plan.section.mode) ---
    JOURNAL_WHAT = "journal_what"  # "What happened?"
    JOURNAL_FELT = "journal_felt"  # "How did it feel?" (arg: entry id)
    JOURNAL_DAY = "journal_day"  # "Which day was it?" (arg: entry id)
    PLAN_SECTION = "plan_section"  # one part of a safety plan (arg: plan.section.mode)
    # --- end privacy ---
    # --- check-ins (arg: see each) ---
    TRIGGER_NAME = "tr_name"  # "What's the situation?" (an own trigger)
    TRIGGER_DO = "tr_do"  # "What will you do instead?" (arg: trigger id)
    TRIGGER_REACH = "tr_reach"  # "Whom can you reach?" (arg: trigger id)
    REASONS = "reasons"  # "Your reasons, in your own words"
    CHECKIN_DATE = "ci_date"  # "Which date, every year?" (arg: trigger id or "")
    CHECKIN_TIME = "ci_time"  # "At what time?" (arg: schedule spec)
    CHECKIN_ZONE = "ci_zone"  # "Which time zone?" (at, data: schedule spec)
    CHECKIN_PULL = "ci_pull"  # "How strong is the pull, 0-10?" (arg: check-in id)
    CONTACT_DATE = "ci_contact"  # "Which day was it?" (arg: check-in id)


# Questions answered in the person's own words (a journal entry, a plan, their reasons): the
# meaning layer's "are you safe?" does not interrupt these (the rules' full crisis reply does).
OWN_WORDS = frozenset(
    {
        Waiting.JOURNAL_WHAT,
        Waiting.JOURNAL_FELT,
        Waiting.PLAN_SECTION,
        Waiting.TRIGGER_NAME,
        Waiting.TRIGGER_DO,
        Waiting.TRIGGER_REACH,
        Waiting.REASONS,
    }
)


@dataclass(frozen=True)
class Step:
    waiting: Waiting
    kind: Kind | None = None
    at: time | None = None
    # A short word naming what the answer is for (an entry id, a plan part, a schedule spec):
    # no colon, since it is stored after the others, separated by colons.
    arg: str | None = None

    def __post_init__(self) -> None:
        if self.arg is not None and ":" in self.arg:
            raise ValueError("a step's arg cannot hold a colon")

    @property
    def data(self) -> str:
        """The arg, or "" when there is none."""
        return self.arg or ""

    def format(self) -> str:
        parts = [self.waiting.value, self.kind.value if self.kind else ""]
        parts.append(self.at.strftime("%H%M") if self.at else "")
        parts.append(self.arg or "")
        return ":".join(parts).rstrip(":")

    @classmethod
    def parse(cls, stored: str | None) -> Step | None:
        """The stored step, or None for none or for anything unreadable (an older format)."""
        if not stored:
            return None
        name, kind, at, arg = [*stored.split(":"), "", "", ""][:4]
        try:
            waiting = Waiting(name)
            return cls(
                waiting,
                Kind(kind) if kind else None,
                time(int(at[:2]), int(at[2:])) if at else None,
                arg or None,
            )
        except ValueError:
            return None


def current_step(stored: str | None, since: datetime | None, now: datetime) -> Step | None:
    """The step still waiting at `now`: one left for STEP_TIMEOUT has ended."""
    step = Step.parse(stored)
    if step is None or since is None or now - since > STEP_TIMEOUT:
        return None
    return step


def day_number(day: date) -> int:
    """A date as a small integer for callback data (days since 1970-01-01)."""
    return day.toordinal() - date(1970, 1, 1).toordinal()


def from_day_number(number: int) -> date:
    return date.fromordinal(date(1970, 1, 1).toordinal() + number)

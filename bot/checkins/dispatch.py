"""Due check-in schedules become outbox rows, like daily notes, with the same guarantee.

For each due schedule, one transaction (bot/db/checkins.py) writes the outbox row under its
unique (chat, kind, local date, schedule) key, opens the check-in conversation, and advances
the schedule: no occurrence is lost and none is queued twice. After downtime an occurrence is
sent within the grace window and skipped after it (never in the middle of the night). A
check-in due while the user is in another conversation (a typed step, or another check-in
still open) waits its turn: it is tried again every few minutes within the grace window.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import datetime, timedelta

from bot.checkins.render import choose_prompt
from bot.checkins.spec import next_after
from bot.content import Content
from bot.db import Repo
from bot.domain import CheckinPlan, Dispatch, DueCheckin
from bot.policy import CHECKIN_EXPIRY, CHECKIN_RETRY
from bot.scheduling.times import local_date
from bot.steps import Step, Waiting

log = logging.getLogger(__name__)


def plan_checkin(due: DueCheckin, now: datetime, grace: timedelta, content: Content) -> CheckinPlan:
    """Send, wait for another conversation to end, or skip; and when the schedule is next due."""
    schedule = due.schedule
    occurrence = schedule.deferred_from or schedule.next_due_utc
    assert occurrence is not None  # only due rows are planned
    day = local_date(occurrence, schedule.timezone)
    following = next_after(schedule, occurrence)
    if following is not None and following <= now - grace:  # down for days: jump ahead
        following = next_after(schedule, now - grace)
    if due.blocked or now - occurrence > grace:
        if not due.blocked:
            log.info("skipped a check-in %s late (grace %s)", now - occurrence, grace)
        return CheckinPlan(Dispatch.SKIP, day, following)
    if due.busy:
        return CheckinPlan(Dispatch.DEFER, day, now + CHECKIN_RETRY, occurrence)
    rng = random.Random(f"{schedule.chat_id}:{schedule.id}:{day.isoformat()}")
    return CheckinPlan(
        Dispatch.SEND, day, following, prompt=choose_prompt(content, due.trigger_kind, rng)
    )


def pull_step(session_id: int) -> str:
    """While a check-in waits for its number, a typed '8' answers it."""
    return Step(Waiting.CHECKIN_PULL, arg=str(session_id)).format()


async def dispatch_checkins(
    repo: Repo,
    content: Content,
    now: datetime,
    grace: timedelta,
    on_queued: Callable[[], None] = lambda: None,
) -> int:
    """Queue every due check-in; returns how many were queued."""

    def plan(due: DueCheckin) -> CheckinPlan:
        try:
            return plan_checkin(due, now, grace, content)
        except (KeyError, ValueError):  # a zone tzdata no longer knows: not everyone's problem
            log.exception("could not plan check-in schedule %d; trying tomorrow", due.schedule.id)
            return CheckinPlan(Dispatch.SKIP, now.date(), now + timedelta(days=1))

    total = 0
    while True:
        queued, handled = await repo.enqueue_due_checkins(
            now, plan, pull_step, expiry=CHECKIN_EXPIRY
        )
        total += queued
        if queued:
            on_queued()
        if handled == 0:
            return total

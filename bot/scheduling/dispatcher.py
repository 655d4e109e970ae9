"""Turns due subscriptions into outbox rows: what to send, and when the next one falls due.

APScheduler (through PTB's JobQueue) calls `Dispatcher.tick` every few seconds; the rows in
the database are the schedule, so nothing is lost on restart and no jobs are pickled.
"""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from datetime import datetime, time, timedelta

from bot import counter  # checkins branch
from bot.checkins.dispatch import dispatch_checkins  # checkins branch
from bot.content import Content, Entry
from bot.db import Repo
from bot.domain import Kind, NoContactView, OutboxStatus, Planned, SubscriptionView
from bot.policy import MILESTONES, stages_for
from bot.scheduling.clock import Clock
from bot.scheduling.times import first_due_after, following_due, local_date

log = logging.getLogger(__name__)


def pick_unseen(entries: tuple[Entry, ...], seen: str, rng: random.Random) -> tuple[str, str]:
    """A random entry not yet seen this round; when all are seen, a new round begins."""
    seen_ids = set(filter(None, seen.split(",")))
    fresh = [e.id for e in entries if e.id not in seen_ids]
    if not fresh:
        in_deck = {e.id for e in entries}
        seen_ids -= in_deck
        fresh = [e.id for e in entries]
    choice = rng.choice(fresh)
    return choice, ",".join(sorted(seen_ids | {choice}))


def plan(
    sub: SubscriptionView,
    nc: NoContactView | None,
    now: datetime,
    content: Content,
    grace: timedelta,
) -> Planned:
    """Decide one due subscription: send (and what) or skip, and its next due instant."""
    at = time.fromisoformat(sub.local_time)
    due = sub.next_due_utc
    day = local_date(due, sub.timezone)
    following = following_due(due, at, sub.timezone)
    if following <= now - grace:  # down for days: jump ahead instead of skipping one per tick
        following = first_due_after(now - grace, at, sub.timezone)
    if now - due > grace:
        log.info("skipped a %s message %s late (grace %s)", sub.kind, now - due, grace)
        return Planned(day, following, OutboxStatus.SKIPPED, "")
    rng = random.Random(f"{sub.chat_id}:{sub.kind}:{day.isoformat()}")
    if sub.kind is Kind.GROUNDING:
        key, seen = pick_unseen(content.daily.grounding, sub.seen, rng)
        return Planned(day, following, OutboxStatus.PENDING, key, seen=seen)
    # --- checkins branch: the one count of bot/counter.py (day 1 is the first day). With no
    # run going (no count yet, or a new run that starts tomorrow) the note names no day. ---
    days = counter.run_day(nc, day) if nc else 0
    total = (nc.days_before if nc else 0) + days
    if days == 0:
        key, seen = pick_unseen(content.checkins.uncounted, sub.seen, rng)
        return Planned(day, following, OutboxStatus.PENDING, key, None, None, seen)
    # --- end checkins branch ---
    if nc is not None and nc.slip_pending:
        key, seen = pick_unseen(content.daily.after_slip, sub.seen, rng)
        return Planned(
            day, following, OutboxStatus.PENDING, key, days, total, seen, clear_slip=True
        )
    if days in MILESTONES:
        return Planned(day, following, OutboxStatus.PENDING, f"m{days}", days, total, sub.seen)
    # checkins branch: milestones on all days together too, so people who slipped reach them
    if total != days and (entry := content.checkins.total_milestones.get(total)) is not None:
        return Planned(day, following, OutboxStatus.PENDING, entry.id, days, total, sub.seen)
    pool = tuple(e for stage in stages_for(days) for e in content.daily.encouragement[stage])
    key, seen = pick_unseen(pool, sub.seen, rng)
    return Planned(day, following, OutboxStatus.PENDING, key, days, total, seen)


class Dispatcher:
    def __init__(
        self,
        repo: Repo,
        content: Content,
        clock: Clock,
        grace: timedelta,
        on_queued: Callable[[], None] = lambda: None,
    ) -> None:
        self.repo, self.content, self.clock, self.grace = repo, content, clock, grace
        # Called after each batch, so sending starts while later batches are still queued.
        self.on_queued = on_queued

    def _plan(self, sub: SubscriptionView, nc: NoContactView | None, now: datetime) -> Planned:
        """One bad row (say, a zone tzdata no longer knows) must not stall everyone's notes."""
        try:
            return plan(sub, nc, now, self.content, self.grace)
        except (KeyError, ValueError):
            log.exception("could not plan subscription %d; trying again tomorrow", sub.id)
            return Planned(now.date(), now + timedelta(days=1), OutboxStatus.SKIPPED, "")

    async def tick(self) -> int:
        """Queue everything due now; returns how many messages were queued."""
        now = self.clock.now()
        total = 0
        while True:
            queued, skipped = await self.repo.enqueue_due(
                now, lambda sub, nc: self._plan(sub, nc, now)
            )
            total += queued
            if queued:
                self.on_queued()
            if queued + skipped == 0:
                break
        # checkins branch: due check-ins, queued the same way (bot/checkins/dispatch.py)
        return total + await dispatch_checkins(
            self.repo, self.content, now, self.grace, self.on_queued
        )

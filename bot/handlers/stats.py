"""/stats for the operators named in ADMIN_IDS: counts only, never anything personal."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from telegram import Update
from telegram.ext import CommandHandler, filters

from bot.context import BotContext
from bot.handlers.common import keyboard, respond
from bot.handlers.start import unknown_command
from bot.privacy.state import privacy_of


async def stats(update: Update, context: BotContext) -> None:
    """Users, subscriptions, today's notes sent and skipped, today's crisis replies by level."""
    person = update.effective_user
    if person is None or person.id not in context.settings.admin_ids:
        await unknown_command(update, context)  # to anyone else, no such command
        return
    now = context.clock.now()
    start = datetime.combine(now.date(), time(), tzinfo=now.tzinfo)
    counts = await context.repo.stats(start, start + timedelta(days=1))
    services = privacy_of(context.application)
    crisis = services.crisis_replies if services and services.crisis_day == now.date() else {}
    text = context.content.text(
        "stats",
        date=now.date().isoformat(),
        users=counts.users,
        subscriptions=counts.subscriptions,
        active=counts.subscriptions_active,
        sent=counts.sent_today,
        skipped=counts.skipped_today,
        failed=counts.failed_today,
        danger=crisis.get("danger", 0),
        self_harm=crisis.get("self_harm", 0),
        disclosure=crisis.get("disclosure", 0),
        journal=counts.journal_users,
        plans=counts.plan_users,
        held=services.flood.held if services else 0,
    )
    await respond(update, context, text, keyboard(context.content))


HANDLERS = [CommandHandler("stats", stats, filters=filters.ChatType.PRIVATE)]

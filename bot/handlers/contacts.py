"""Logging that the other person got in touch, from a check-in: the day and the channel only.

Nothing else is asked or kept: no names, no words of theirs, no reply of yours.
"""

from __future__ import annotations

from datetime import date, timedelta

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.callbacks import ContactChannel, ContactDateAsk, ContactLog, Progress
from bot.context import BotContext
from bot.domain import Channel
from bot.handlers.checkin_talk import gone, recent
from bot.handlers.common import button, chat_id, keyboard, prompt, respond
from bot.handlers.daily import month_first, user_today
from bot.policy import MAX_ANSWER_LENGTH
from bot.scheduling.times import read_date
from bot.steps import Step, Waiting, day_number, from_day_number

CONTACT_LOG_DAYS = 366  # how far back a contact can be logged


async def log_day(update: Update, context: BotContext) -> None:
    data = ContactLog.of(update)
    session = await recent(update, context, data.session)
    if session is None:
        return
    user = await context.user(session.chat_id)
    day = user_today(context, user) - timedelta(days=data.days_ago)
    await ask_channel(update, context, session.id, day)


async def ask_contact_date(update: Update, context: BotContext) -> None:
    session = await recent(update, context, ContactDateAsk.of(update).session)
    if session is None:
        return
    step = Step(Waiting.CONTACT_DATE, arg=str(session.id))
    await context.repo.set_pending(session.chat_id, step.format(), context.clock.now())
    await prompt(update, context, "ci_ask_contact_date", Progress())


async def typed_contact_date(update: Update, context: BotContext, step: Step, text: str) -> bool:
    user = await context.user(chat_id(update))
    today = user_today(context, user)
    answer_ = (
        read_date(text, today, future=False, month_first=month_first(context, user))
        if len(text) <= MAX_ANSWER_LENGTH
        else None
    )
    if answer_ is None or not step.data.isdigit():
        return False
    if not _loggable(answer_.day, today):
        await prompt(update, context, "ci_bad_contact_date", Progress())
        return True
    await ask_channel(update, context, int(step.data), answer_.day)
    return True


def _loggable(day: date, today: date) -> bool:
    return today - timedelta(days=CONTACT_LOG_DAYS) <= day <= today


async def ask_channel(update: Update, context: BotContext, session_id: int, day: date) -> None:
    content = context.content
    buttons = [
        button(content, f"btn_ci_channel_{c}", ContactChannel(session_id, day_number(day), c))
        for c in Channel
    ]
    rows = [buttons[i : i + 2] for i in range(0, len(buttons), 2)]
    text = content.text("ci_ask_channel", date=day.strftime("%-d %B"))
    await respond(update, context, text, keyboard(content, rows))


async def channel_pressed(update: Update, context: BotContext) -> None:
    """Log the contact: the date and the channel, nothing else."""
    data = ContactChannel.of(update)
    session = await recent(update, context, data.session)
    if session is None:
        return
    user = await context.user(session.chat_id)
    day = from_day_number(data.day)
    if not _loggable(day, user_today(context, user)):
        await gone(update, context)
        return
    await context.repo.log_contact(user.chat_id, day, data.channel, context.clock.now())
    content = context.content
    rows = [[button(content, "btn_progress", Progress())]]
    await respond(update, context, content.ui["ci_contact_logged"], keyboard(content, rows))


HANDLERS = [
    CallbackQueryHandler(log_day, pattern=ContactLog.pattern()),
    CallbackQueryHandler(ask_contact_date, pattern=ContactDateAsk.pattern()),
    CallbackQueryHandler(channel_pressed, pattern=ContactChannel.pattern()),
]

"""Lock-screen safety when subscribing: 'Could someone else see your notifications?' sets
discreet mode from the answer (called by bot/handlers/daily.py after a schedule is saved)."""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardButton, Update
from telegram.ext import CallbackQueryHandler

from bot.callbacks import DailyHome, NotifyAnswer, StartAsk, StartToday
from bot.context import BotContext
from bot.domain import Kind
from bot.handlers.common import button, chat_id, keyboard, respond


async def ask(update: Update, context: BotContext, kind: Kind, saved: str) -> None:
    """The saved schedule, then the question."""
    content = context.content
    rows = [
        [button(content, "btn_notify_yes", NotifyAnswer(kind, discreet=True))],
        [button(content, "btn_notify_no", NotifyAnswer(kind, discreet=False))],
    ]
    text = f"{saved}\n\n{content.ui['notify_ask']}"
    await respond(update, context, text, keyboard(content, rows))


async def answered(update: Update, context: BotContext) -> None:
    """Discreet mode as answered, said in one line; no-contact notes then ask their start."""
    content, repo = context.content, context.repo
    data = NotifyAnswer.of(update)
    user = await context.user(chat_id(update))
    if user.discreet != data.discreet:
        await repo.set_discreet(user.chat_id, data.discreet)
        context.remember(replace(user, discreet=data.discreet))
    text = content.ui["discreet_on_line" if data.discreet else "discreet_off_line"]
    rows: list[list[InlineKeyboardButton]] = [[button(content, "btn_daily", DailyHome())]]
    if data.kind is Kind.ENCOURAGEMENT and await repo.no_contact(user.chat_id) is None:
        text += "\n\n" + content.ui["daily_ask_start"]
        rows = [
            [
                button(content, "btn_start_today", StartToday()),
                button(content, "btn_start_date", StartAsk()),
            ]
        ]
    await respond(update, context, text, keyboard(content, rows))


HANDLERS = [CallbackQueryHandler(answered, pattern=NotifyAnswer.pattern())]

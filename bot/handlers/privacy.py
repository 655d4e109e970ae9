"""/privacy: what is kept and never kept, where, how long, who can see it, what Telegram keeps;
/stop: no unprompted message any more, settings kept; /delete: everything, after one question.
"""

from __future__ import annotations

from dataclasses import replace

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.callbacks import (
    DailyHome,
    DeleteAsk,
    DeleteYes,
    HideNow,
    Menu,
    PrivacyDiscreet,
    PrivacyHome,
    PrivacyTelegram,
    StopAll,
)
from bot.content import Content
from bot.context import BotContext
from bot.domain import UserView
from bot.handlers.common import button, chat_id, keyboard, respond
from bot.handlers.hide import clear_chat
from bot.privacy.state import privacy_of, send_and_note


def privacy_screen(content: Content, user: UserView) -> tuple[str, InlineKeyboardMarkup]:
    discreet = "btn_discreet_off" if user.discreet else "btn_discreet_on"
    line = content.ui["discreet_on_line" if user.discreet else "discreet_off_line"]
    rows = [
        [button(content, discreet, PrivacyDiscreet())],
        [button(content, "btn_stop_all", StopAll()), button(content, "btn_hide", HideNow())],
        [button(content, "btn_delete", DeleteAsk())],
        [button(content, "btn_privacy_telegram", PrivacyTelegram())],
    ]
    return content.text("privacy", markup={"status": line}), keyboard(content, rows)


async def show_privacy(update: Update, context: BotContext) -> None:
    """What is stored, what never is, where, for how long, and who can see it."""
    user = await context.user(chat_id(update))
    await respond(update, context, *privacy_screen(context.content, user))


async def toggle_discreet(update: Update, context: BotContext) -> None:
    """Discreet mode from the privacy screen; the screen shows the new state."""
    user = await context.user(chat_id(update))
    await context.repo.set_discreet(user.chat_id, not user.discreet)
    user = replace(user, discreet=not user.discreet)
    context.remember(user)
    await respond(update, context, *privacy_screen(context.content, user))


async def telegram_side(update: Update, context: BotContext) -> None:
    """Telegram keeps the chat on every logged-in device; how to clear it."""
    content = context.content
    rows = [[button(content, "btn_hide", HideNow()), button(content, "btn_privacy", PrivacyHome())]]
    await respond(update, context, content.ui["privacy_telegram"], keyboard(content, rows))


async def stop_all(update: Update, context: BotContext) -> None:
    """/stop and 'Stop these': every schedule paused, queued notes dropped, settings kept."""
    content = context.content
    running = await context.repo.stop_unprompted(chat_id(update))
    rows = [
        [button(content, "btn_daily", DailyHome()), button(content, "btn_privacy", PrivacyHome())]
    ]
    key = "stop_done" if running else "stop_nothing"
    await respond(update, context, content.ui[key], keyboard(content, rows))


async def ask_delete(update: Update, context: BotContext) -> None:
    """One question before everything goes."""
    content = context.content
    rows = [
        [button(content, "btn_delete_yes", DeleteYes(hide=False))],
        [button(content, "btn_delete_and_hide", DeleteYes(hide=True))],
        [button(content, "btn_keep", Menu())],
    ]
    await respond(update, context, content.ui["delete_confirm"], keyboard(content, rows))


async def delete_everything(update: Update, context: BotContext) -> None:
    """Every row of the user in one transaction, then one neutral line; the chat is forgotten
    in memory too, so the next update from it starts fresh."""
    chat = chat_id(update)
    content = context.content
    if DeleteYes.of(update).hide:
        if update.callback_query is not None:
            await update.callback_query.answer()
        await clear_chat(update, context, chat)
        await context.repo.forget_chat(chat)
        await send_and_note(context, chat, content.ui["delete_done"], keyboard(content))
    else:
        await context.repo.forget_chat(chat)
        await respond(update, context, content.ui["delete_done"], keyboard(content))
    forget_in_memory(context, chat)


def forget_in_memory(context: BotContext, chat: int) -> None:
    """What this process holds about the chat: country, ended steps, message ids, flood."""
    context.services.countries.pop(chat, None)
    context.services.steps_ended.pop(chat, None)
    services = privacy_of(context.application)
    if services is not None:
        services.messages.forget(chat)
        services.flood.forget(chat)


PRIVATE = filters.ChatType.PRIVATE
HANDLERS = [
    CommandHandler("privacy", show_privacy, filters=PRIVATE),
    CommandHandler("stop", stop_all, filters=PRIVATE),
    CommandHandler("delete", ask_delete, filters=PRIVATE),
    CallbackQueryHandler(show_privacy, pattern=PrivacyHome.pattern()),
    CallbackQueryHandler(toggle_discreet, pattern=PrivacyDiscreet.pattern()),
    CallbackQueryHandler(telegram_side, pattern=PrivacyTelegram.pattern()),
    CallbackQueryHandler(stop_all, pattern=StopAll.pattern()),
    CallbackQueryHandler(ask_delete, pattern=DeleteAsk.pattern()),
    CallbackQueryHandler(delete_everything, pattern=DeleteYes.pattern()),
]

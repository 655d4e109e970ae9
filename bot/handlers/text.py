"""Free text that is not a crisis: a pending step's typed answer, or a question to match."""

from __future__ import annotations

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.context import BotContext
from bot.handlers import daily, explain, progress
from bot.handlers.common import chat_id, keyboard, respond


async def on_text(update: Update, context: BotContext) -> None:
    """Route typed input to the step waiting for it; otherwise find the topic it asks about."""
    message = update.effective_message
    if message is None or not message.text:
        return
    text = message.text.strip()
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    step, _, arg = (user.pending or "").partition(":")
    if step == "dt":
        await daily.typed_time(update, context, arg, text)
    elif step == "dz":
        code, _, hhmm = arg.partition(":")
        await daily.typed_zone(update, context, code, hhmm, text)
    elif step == "pu":
        await daily.typed_pause_date(update, context, arg, text)
    elif step == "ns":
        await progress.begin(update, context, text)
    else:
        await explain.answer_question(update, context, context.services.matcher.rank(text))


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos, voice: we can only read text, and say so."""
    await respond(update, context, context.content.ui["not_text"], keyboard(context.content))


HANDLERS = [
    MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text),
    MessageHandler(
        filters.ChatType.PRIVATE & ~filters.TEXT & ~filters.COMMAND & ~filters.StatusUpdate.ALL,
        not_text,
    ),
]

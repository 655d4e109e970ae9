"""Opening a discreet daily note inside the chat (its notification said nothing)."""

from __future__ import annotations

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.callbacks import Reveal
from bot.context import BotContext
from bot.delivery.outbox import render
from bot.handlers.common import chat_id, main_menu, respond


async def reveal(update: Update, context: BotContext) -> None:
    """Show the note behind a discreet message; only in the chat it was sent to."""
    row = await context.repo.outbox_content(Reveal.of(update).outbox_id, chat_id(update))
    if row is None:
        await respond(update, context, context.content.ui["note_gone"], main_menu(context.content))
        return
    message = render(context.content, row, reveal=True)
    await respond(update, context, message.text, message.markup)


HANDLERS = [CallbackQueryHandler(reveal, pattern=Reveal.pattern())]

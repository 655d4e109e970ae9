"""The last line of defence: no traceback ever reaches a user, and no update goes unanswered."""

from __future__ import annotations

import logging

from telegram import Update
from telegram.error import TelegramError

from bot.context import BotContext
from bot.delivery.limiter import Priority, turn
from bot.domain import StorageError
from bot.handlers.common import keyboard

log = logging.getLogger(__name__)


async def on_error(update: object, context: BotContext) -> None:
    """Log the failure (type only, never message text) and answer the user kindly."""
    error = context.error
    key = "db_down" if isinstance(error, StorageError) else "something_wrong"
    log.error(
        "handler failed: %s", type(error).__name__, exc_info=not isinstance(error, StorageError)
    )
    if not isinstance(update, Update) or update.effective_chat is None:
        return
    try:
        if update.callback_query is not None:
            await update.callback_query.answer()
        # The same budget as every send; a failed crisis or hotline update keeps its place.
        priority = Priority.URGENT if context.services.crisis.is_urgent(update) else Priority.REPLY
        await context.bot.send_message(
            update.effective_chat.id,
            context.content.ui[key],
            reply_markup=keyboard(context.content),
            rate_limit_args=turn(priority),
        )
    except TelegramError:
        log.warning("could not send the error reply")

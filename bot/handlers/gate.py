"""What every update passes before the features: button data we sent, and steps that end.

- A press whose data is not on the message it came from was not sent by us (or not to this
  chat): it is refused kindly. Help now is always answered, whatever the message.
- Any command, or any button other than Help now, ends a half-finished typed step, so the next
  message is read afresh.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from telegram import Update
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, TypeHandler

from bot.callbacks import CountryLines, HelpNow
from bot.context import BotContext
from bot.domain import StorageError
from bot.handlers.common import chat_id, offered
from bot.handlers.start import expired_button

log = logging.getLogger(__name__)


def is_help(update: Update) -> bool:
    query = update.callback_query
    data = query.data if query is not None else None
    return HelpNow.parse(data) is not None or CountryLines.parse(data) is not None


async def refuse_unoffered(update: Update, context: BotContext) -> None:
    """Data the user did not receive from us here: the menu, and nothing else happens."""
    if is_help(update) or offered(update):
        return
    log.info("refused a button press whose data was not on its message")
    await expired_button(update, context)
    raise ApplicationHandlerStop


def _ends_step(update: object) -> bool:
    if not isinstance(update, Update) or update.effective_chat is None:
        return False
    message = update.message
    if message is not None and message.text and message.text.startswith("/"):
        return True
    return update.callback_query is not None and not is_help(update)


async def end_step(update: Update, context: BotContext) -> None:
    """A command or another screen's button ends the waiting step (the screen may start one)."""
    if not _ends_step(update):
        return
    if context.services.crisis.is_urgent(update):
        # /hotline and the like never wait for the database (500 newcomers writing at once
        # held them 1-2 s here): the step ends in memory now, in the database after.
        end_step_soon(context, chat_id(update))
        return
    try:
        user = await context.user(chat_id(update))
        if user.pending is not None:
            await context.repo.set_pending(user.chat_id, None, context.clock.now())
            context.remember(replace(user, pending=None, pending_since=None))
    except StorageError:
        log.info("could not read the user to end a step; the screen says so if it needs them")


def end_step_soon(context: BotContext, chat: int) -> None:
    """End a waiting step without waiting for the database: marked in memory at once (the
    text handler reads the mark), cleared in the database in the background."""
    context.services.steps_ended[chat] = context.clock.now()
    context.services.in_background(_clear_pending(context, chat), name="end-step")


async def _clear_pending(context: BotContext, chat: int) -> None:
    try:
        await context.repo.set_pending(chat, None, context.clock.now())
    except (StorageError, RuntimeError):
        log.info("could not end a step in the database; it expires on its own")


# Group -1, beside crisis detection (which only takes messages).
CHECKS = [CallbackQueryHandler(refuse_unoffered)]
# Group 0, before the features in group 1.
STEPS = [TypeHandler(Update, end_step, block=True)]

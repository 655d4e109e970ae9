"""/hide, the quick exit: delete this chat's last 48 hours (the bot's messages and the user's),
leaving one neutral line; its "More" says what Telegram keeps and how to clear the rest.

Which ids: every id recorded in the window (bot/privacy/message_log.py), and every id between
the oldest and the newest of them. In a private chat one counter numbers both sides' messages,
so the gaps are messages the bot sent without recording them (a daily note, an error reply);
deleteMessages skips ids that are already gone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import Update
from telegram.error import BadRequest, TelegramError
from telegram.ext import CallbackQueryHandler, CommandHandler, filters

from bot.callbacks import HideInfo, HideNow, PrivacyHome, StopAll
from bot.context import BotContext
from bot.domain import StorageError
from bot.handlers.common import button, chat_id, keyboard, respond
from bot.policy import DELETE_BATCH, HIDE_MAX_IDS, HIDE_WINDOW
from bot.privacy.state import privacy_of, send_and_note

log = logging.getLogger(__name__)


def targets(ids: set[int], cap: int = HIDE_MAX_IDS) -> list[int]:
    """Ids to delete, newest first: the recorded ones and the gaps between them (the newest
    `cap` of the gaps when a flood made the range very long)."""
    if not ids:
        return []
    low, high = min(ids), max(ids)
    span = range(max(low, high - cap + 1), high + 1)
    return sorted(ids | set(span), reverse=True)


async def _delete(context: BotContext, chat: int, ids: Sequence[int]) -> int:
    """Delete in calls of up to 100 ids; a call Telegram refuses is split until the ids it can
    delete are deleted. Returns how many calls were made."""
    calls = 0
    pending = [list(ids[i : i + DELETE_BATCH]) for i in range(0, len(ids), DELETE_BATCH)]
    while pending:
        batch = pending.pop(0)
        calls += 1
        try:
            await context.bot.delete_messages(chat, batch)
        except BadRequest:
            if len(batch) > 1:
                half = len(batch) // 2
                pending[:0] = [batch[:half], batch[half:]]
        except TelegramError as exc:
            log.warning("hide: Telegram did not delete messages (%s)", type(exc).__name__)
            break
    return calls


async def clear_chat(update: Update, context: BotContext, chat: int) -> int:
    """Delete the chat's messages of the last 48 hours; returns how many ids were tried."""
    services = privacy_of(context.application)
    now = context.clock.now()
    since = now - HIDE_WINDOW
    ids: set[int] = set()
    message = update.effective_message
    if message is not None:
        ids.add(message.message_id)
    if services is not None:
        try:
            await services.messages.flush(context.repo, now)
            ids |= set(await context.repo.message_ids_since(chat, since))
        except StorageError:
            log.warning("hide: database unavailable; deleting the ids held in memory")
        ids |= services.messages.ids(chat, since)
    doomed = targets(ids)
    if not doomed:
        return 0
    await _delete(context, chat, doomed)
    if services is not None:
        services.messages.forget(chat, upto=doomed[0])
    try:
        await context.repo.forget_messages(chat, doomed[0])
    except StorageError:
        log.info("hide: could not drop deleted ids; they expire in 48 hours")
    return len(doomed)


async def hide(update: Update, context: BotContext) -> None:
    """/hide and its button: clear, then one neutral line."""
    chat = chat_id(update)
    if update.callback_query is not None:
        await update.callback_query.answer()
    await clear_chat(update, context, chat)
    content = context.content
    markup = keyboard(content, [[button(content, "btn_hide_more", HideInfo())]], menu=False)
    await send_and_note(context, chat, content.ui["hide_done"], markup)


async def hide_info(update: Update, context: BotContext) -> None:
    """The 48-hour limit, older history, the auto-delete timer, other devices, /stop."""
    content = context.content
    rows = [
        [button(content, "btn_stop_all", StopAll())],
        [button(content, "btn_privacy", PrivacyHome())],
    ]
    await respond(update, context, content.ui["hide_info"], keyboard(content, rows))


HANDLERS = [
    CommandHandler("hide", hide, filters=filters.ChatType.PRIVATE),
    CallbackQueryHandler(hide, pattern=HideNow.pattern()),
    CallbackQueryHandler(hide_info, pattern=HideInfo.pattern()),
]

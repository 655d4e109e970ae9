"""Crisis detection, run first on every text message in any state (handler group -1).

The reply is built from in-memory content only: no database, no rate limit, no queue.
"""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache

from telegram import InlineKeyboardButton, Update
from telegram.ext import ApplicationHandlerStop, MessageHandler, filters

from bot.callbacks import CountryLines, HelpNow, ShowTopic
from bot.content import Content
from bot.context import BotContext
from bot.domain import StorageError
from bot.handlers.common import button, keyboard
from bot.handlers.explain import topic_button
from bot.handlers.hotline import render_lines
from bot.policy import HOTLINE_COMMANDS
from bot.safety.detector import CrisisLevel, classify

log = logging.getLogger(__name__)

REPLIES = {
    CrisisLevel.DANGER: ("crisis_danger", ("emergency", "domestic_abuse")),
    CrisisLevel.SELF_HARM: ("crisis_self_harm", ("emergency", "crisis")),
    CrisisLevel.DISCLOSURE: ("crisis_disclosure", ("domestic_abuse",)),
}
URGENT_COMMANDS = tuple(f"/{name}" for name in HOTLINE_COMMANDS)


# The update processor classifies a text to let crises skip the queue, then this handler
# classifies it again to answer: remember the last few so the work is done once. Kept tiny,
# because it holds users' words in memory.
_classify_recent = lru_cache(maxsize=32)(classify)


def message_level(update: Update) -> CrisisLevel:
    message = update.message or update.edited_message
    if message is None or not message.text:
        return CrisisLevel.NONE
    return _classify_recent(message.text)


def is_urgent(update: Update) -> bool:
    """Updates that must not wait in the user's queue: crisis texts and hotline requests."""
    query = update.callback_query
    if query is not None:
        return HelpNow.parse(query.data) is not None or CountryLines.parse(query.data) is not None
    message = update.message
    if message is not None and message.text and message.text.startswith(URGENT_COMMANDS):
        return True
    return message_level(update) is not CrisisLevel.NONE


def crisis_reply(
    content: Content, country_code: str, level: CrisisLevel
) -> tuple[str, list[list[InlineKeyboardButton]]]:
    """The crisis reply for a level, with the country's lines: also what a check-in's
    "I'm not safe" answers (bot/handlers/checkin_talk.py)."""
    key, purposes = REPLIES[level]
    country = content.country(country_code)
    text = f"{content.ui[key]}\n\n{render_lines(content, country, purposes)}"
    rows = [
        [
            button(content, "btn_all_lines", HelpNow()),
            button(content, "btn_safety_plan", ShowTopic("safety-planning")),
        ]
    ]
    return text, rows


async def crisis_check(update: Update, context: BotContext) -> None:
    """Answer danger and self-harm at once; offer the abuse line gently on a disclosure."""
    level = message_level(update)
    if level is CrisisLevel.NONE:
        return
    chat = update.effective_chat
    content = context.content
    text, rows = crisis_reply(content, context.country_of(chat.id if chat else None), level)
    message = update.effective_message
    if level is CrisisLevel.DISCLOSURE and message is not None:
        # A question that tells of abuse still deserves its answer: offer the nearest topics.
        matches = context.services.matcher.rank(message.text or "", limit=3)
        ids = [m.topic_id for m in matches if m.topic_id != "safety-planning"][:2]
        rows += [[topic_button(content.topics[topic_id])] for topic_id in ids]
    log.info("crisis reply sent (%s)", level.value)  # the level only, never the text
    if message is not None:
        await message.reply_text(text, reply_markup=keyboard(content, rows))
    if chat is not None:
        # A half-finished step (a time, a date) ends, so the next message is read afresh:
        # marked in memory at once, and in the database in the background, so the reply
        # above never waits for it.
        context.services.steps_ended[chat.id] = context.clock.now()
        task = asyncio.create_task(_end_step(context, chat.id), name="crisis-end-step")
        _background.add(task)
        task.add_done_callback(_background.discard)
    raise ApplicationHandlerStop


_background: set[asyncio.Task[None]] = set()  # held so they are not collected mid-flight


async def _end_step(context: BotContext, chat: int) -> None:
    try:
        await context.repo.set_pending(chat, None, context.clock.now())
    except (StorageError, RuntimeError):
        log.info("could not end a step after a crisis reply; it expires on its own")


HANDLERS = [MessageHandler(filters.TEXT & filters.ChatType.PRIVATE, crisis_check)]

"""Crisis detection, run first on every text message in any state (handler group -1).

The reply is built from in-memory content only (no database) and overtakes every other send.
"""

from __future__ import annotations

import logging
from functools import lru_cache

from telegram import Update
from telegram.ext import ApplicationHandlerStop, MessageHandler, filters

from bot.context import BotContext
from bot.delivery.limiter import CRISIS
from bot.handlers.common import button, keyboard
from bot.handlers.explain import topic_button
from bot.handlers.hotline import render_lines
from bot.safety.detector import CrisisLevel, classify

log = logging.getLogger(__name__)

REPLIES = {
    CrisisLevel.DANGER: ("crisis_danger", ("emergency", "domestic_abuse")),
    CrisisLevel.SELF_HARM: ("crisis_self_harm", ("emergency", "crisis")),
    CrisisLevel.DISCLOSURE: ("crisis_disclosure", ("domestic_abuse",)),
}
URGENT_COMMANDS = ("/hotline", "/help_now", "/sos")


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
        return isinstance(query.data, str) and (query.data == "h" or query.data.startswith("h:"))
    message = update.message
    if message is not None and message.text and message.text.startswith(URGENT_COMMANDS):
        return True
    return message_level(update) is not CrisisLevel.NONE


async def crisis_check(update: Update, context: BotContext) -> None:
    """Answer danger and self-harm at once; offer the abuse line gently on a disclosure."""
    level = message_level(update)
    if level is CrisisLevel.NONE:
        return
    key, purposes = REPLIES[level]
    chat = update.effective_chat
    country = context.content.country(context.country_of(chat.id if chat else None))
    content = context.content
    text = f"{content.ui[key]}\n\n{render_lines(content, country, purposes)}"
    rows = [
        [
            button(content, "btn_all_lines", "h"),
            button(content, "btn_safety_plan", "t:safety-planning"),
        ]
    ]
    message = update.effective_message
    if level is CrisisLevel.DISCLOSURE and message is not None:
        # A question that tells of abuse still deserves its answer: offer the nearest topics.
        matches = context.services.matcher.rank(message.text or "", limit=3)
        ids = [m.topic_id for m in matches if m.topic_id != "safety-planning"][:2]
        rows += [[topic_button(content.topics[topic_id])] for topic_id in ids]
    log.info("crisis reply sent (%s)", level.value)  # the level only, never the text
    if message is not None:
        await context.bot.send_message(
            message.chat_id, text, reply_markup=keyboard(content, rows), rate_limit_args=CRISIS
        )
    raise ApplicationHandlerStop


HANDLERS = [MessageHandler(filters.TEXT & filters.ChatType.PRIVATE, crisis_check)]

"""'I want to text him': when the pull is strong, offer the person their own journal entries.

Registered in group 1 before bot/handlers/text.py: a text that matches bot/privacy/urges.py,
with no typed step waiting and at least one entry written, gets the offer with the nearest
topics; anything else goes on to text.on_text as usual.
"""

from __future__ import annotations

from telegram import Message, Update
from telegram.ext import MessageHandler, filters

from bot.callbacks import JournalRecent
from bot.context import BotContext
from bot.handlers import text
from bot.handlers.common import button, chat_id, keyboard, respond
from bot.handlers.explain import topic_button
from bot.privacy.urges import is_urge
from bot.steps import current_step


class _Urge(filters.MessageFilter):
    def filter(self, message: Message) -> bool:
        return bool(message.text) and is_urge(message.text or "")


URGE = _Urge(name="urge")


async def offer_entries(update: Update, context: BotContext) -> None:
    """Their own words first, with the topics that explain the pull."""
    content, repo = context.content, context.repo
    user = await context.user(chat_id(update))
    waiting = current_step(user.pending, user.pending_since, context.clock.now())
    if waiting is not None or repo.keyring is None or not await repo.journal_count(user.chat_id):
        await text.on_text(update, context)
        return
    message = update.effective_message
    matcher = context.services.matcher
    said = message.text if message is not None and message.text else ""
    matches = matcher.worth_suggesting(matcher.rank(said, limit=3))
    rows = [[button(content, "btn_journal_recent", JournalRecent())]]
    rows += [[topic_button(content.topics[m.topic_id])] for m in matches[:2]]
    await respond(update, context, content.ui["journal_offer"], keyboard(content, rows))


HANDLERS = [
    MessageHandler(filters.TEXT & ~filters.COMMAND & filters.ChatType.PRIVATE & URGE, offer_entries)
]

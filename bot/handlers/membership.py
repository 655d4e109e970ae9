"""Where the bot is: private chats only; a block pauses schedules."""

from __future__ import annotations

import logging

from telegram import ChatMember, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ChatMemberHandler, MessageHandler, filters

from bot.context import BotContext

log = logging.getLogger(__name__)


async def leave_group(update: Update, context: BotContext) -> None:
    """Say once that the bot works in private chats, then leave."""
    chat = update.effective_chat
    if chat is None:
        return
    try:
        await context.bot.send_message(chat.id, context.content.ui["group_leave"])
    except TelegramError:
        log.info("could not post in a group before leaving")
    await context.bot.leave_chat(chat.id)


async def member_changed(update: Update, context: BotContext) -> None:
    """Added to a group: leave. Blocked in a private chat: pause that user's schedules."""
    change = update.my_chat_member
    if change is None:
        return
    status = change.new_chat_member.status
    if change.chat.type != ChatType.PRIVATE:
        if status in {ChatMember.MEMBER, ChatMember.ADMINISTRATOR}:
            await leave_group(update, context)
        return
    if status == ChatMember.BANNED:
        await context.repo.mark_blocked(change.chat.id)
        log.info("a user blocked the bot; their schedules are paused")


HANDLERS = [
    ChatMemberHandler(member_changed, ChatMemberHandler.MY_CHAT_MEMBER),
    MessageHandler(filters.ChatType.GROUPS | filters.ChatType.CHANNEL, leave_group),
]

"""Helpers the privacy screens share: long texts in parts, length limits, no key configured."""

from __future__ import annotations

from collections.abc import Sequence

from telegram import InlineKeyboardMarkup, Update

from bot.callbacks import CallbackData
from bot.context import BotContext
from bot.handlers.common import button, chat_id, keyboard, respond
from bot.privacy.state import send_and_note

# Room left under Telegram's 4,096 characters for a part's markup.
PART_LIMIT = 3800


def pack(parts: Sequence[str], limit: int = PART_LIMIT) -> list[str]:
    """Join parts with blank lines into as few messages as fit; a part too long alone is cut
    at a line break (user text is at most a few thousand characters, so this is rare)."""
    messages: list[str] = []
    current = ""
    for part in parts:
        while len(part) > limit:
            cut = part.rfind("\n", 0, limit)
            cut = cut if cut > 0 else limit
            messages.append(part[:cut])
            part = part[cut:].lstrip("\n")
        if current and len(current) + 2 + len(part) > limit:
            messages.append(current)
            current = part
        else:
            current = f"{current}\n\n{part}" if current else part
    if current:
        messages.append(current)
    return messages


async def respond_parts(
    update: Update, context: BotContext, parts: Sequence[str], markup: InlineKeyboardMarkup
) -> None:
    """A long screen: the first message in place (or new), the rest after it; the buttons go
    on the last one."""
    messages = pack(parts)
    if len(messages) == 1:
        await respond(update, context, messages[0], markup)
        return
    await respond(update, context, messages[0], None)
    for text in messages[1:-1]:
        await send_and_note(context, chat_id(update), text, None)
    await send_and_note(context, chat_id(update), messages[-1], markup)


async def too_long(update: Update, context: BotContext, limit: int, back: CallbackData) -> None:
    """A typed answer over its limit: say so plainly; the question keeps waiting."""
    content = context.content
    rows = [[button(content, "btn_cancel", back)]]
    await respond(update, context, content.text("too_long", limit=limit), keyboard(content, rows))


async def no_key(update: Update, context: BotContext) -> None:
    """The operator set no encryption key, so nothing a user writes can be stored."""
    await respond(update, context, context.content.ui["no_key"], keyboard(context.content))

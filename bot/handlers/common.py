"""Shared pieces for handlers: keyboards that always carry Help now, and one way to reply."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.content import Content
from bot.context import BotContext
from bot.delivery.limiter import Priority, turn

log = logging.getLogger(__name__)
Row = Sequence[InlineKeyboardButton]


def button(content: Content, label_key: str, data: str) -> InlineKeyboardButton:
    return InlineKeyboardButton(content.ui[label_key], callback_data=data)


def help_row(content: Content) -> list[InlineKeyboardButton]:
    """Crisis help, one tap away: appended to every keyboard the bot shows."""
    return [button(content, "btn_help_now", "h"), button(content, "btn_menu", "m")]


def keyboard(
    content: Content, rows: Sequence[Row] = (), *, menu: bool = True
) -> InlineKeyboardMarkup:
    last = help_row(content) if menu else [button(content, "btn_help_now", "h")]
    return InlineKeyboardMarkup([*[list(r) for r in rows], last])


def main_menu(content: Content) -> InlineKeyboardMarkup:
    rows = [
        [button(content, "btn_explain", "x"), button(content, "btn_daily", "d")],
        [button(content, "btn_progress", "nc"), button(content, "btn_country", "c")],
        [button(content, "btn_commands", "help")],
    ]
    return keyboard(content, rows, menu=False)


async def respond(
    update: Update,
    context: BotContext,
    text: str,
    markup: InlineKeyboardMarkup | None,
    priority: Priority = Priority.REPLY,
) -> None:
    """Reply in place for a button press (edit), or with a new message for typed input."""
    query = update.callback_query
    args = turn(priority)  # its place in the one sending budget
    if query is not None:
        await query.answer()
        if query.message is not None and query.message.is_accessible:
            try:
                await context.bot.edit_message_text(
                    text,
                    chat_id=query.message.chat.id,
                    message_id=query.message.message_id,
                    reply_markup=markup,
                    rate_limit_args=args,
                )
            except BadRequest as exc:
                if "not modified" in str(exc).lower():
                    return
                log.info("could not edit, sending anew: %s", exc)
            else:
                return
    await context.bot.send_message(chat_id(update), text, reply_markup=markup, rate_limit_args=args)


def chat_id(update: Update) -> int:
    """The private chat to answer in; a button on a message too old to be sent along still
    names its user, and in a private chat the user's id is the chat's."""
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    raise ValueError("update without a chat or user")


def callback_parts(update: Update) -> list[str]:
    query = update.callback_query
    return (
        (query.data or "").split(":") if query is not None and isinstance(query.data, str) else []
    )


async def prompt(update: Update, context: BotContext, key: str, back: str) -> None:
    """A question or an "I couldn't read that" reply, with Cancel back to the screen `back`."""
    content = context.content
    rows = [[button(content, "btn_cancel", back)]]
    await respond(update, context, content.ui[key], keyboard(content, rows))

"""Shared pieces for handlers: keyboards that always carry Help now, and one way to reply."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import BadRequest

from bot.callbacks import CallbackData, Commands, CountryMenu, DailyHome, ExplainMenu, HelpNow
from bot.callbacks import Menu as MenuData
from bot.callbacks import Progress as ProgressData
from bot.content import Content
from bot.context import BotContext
from bot.delivery.limiter import Priority, turn
from bot.privacy.state import note_sent

log = logging.getLogger(__name__)
Row = Sequence[InlineKeyboardButton]


def button(content: Content, label_key: str, data: CallbackData) -> InlineKeyboardButton:
    return InlineKeyboardButton(content.ui[label_key], callback_data=data.pack())


def labelled(label: str, data: CallbackData) -> InlineKeyboardButton:
    """A button whose label is not a fixed text (a time, a zone, a topic's title)."""
    return InlineKeyboardButton(label, callback_data=data.pack())


def help_row(content: Content) -> list[InlineKeyboardButton]:
    """Crisis help, one tap away: appended to every keyboard the bot shows."""
    return [button(content, "btn_help_now", HelpNow()), button(content, "btn_menu", MenuData())]


def keyboard(
    content: Content, rows: Sequence[Row] = (), *, menu: bool = True
) -> InlineKeyboardMarkup:
    last = help_row(content) if menu else [button(content, "btn_help_now", HelpNow())]
    return InlineKeyboardMarkup([*[list(r) for r in rows], last])


def main_menu(content: Content) -> InlineKeyboardMarkup:
    rows = [
        [button(content, "btn_explain", ExplainMenu()), button(content, "btn_daily", DailyHome())],
        [
            button(content, "btn_progress", ProgressData()),
            button(content, "btn_country", CountryMenu()),
        ],
        [button(content, "btn_commands", Commands())],
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
        message = query.message
        kept = message is not None and (message.chat.id, message.message_id) in (
            context.services.keep_on_screen
        )
        if message is not None and message.is_accessible and not kept:
            try:
                await context.bot.edit_message_text(
                    text,
                    chat_id=message.chat.id,
                    message_id=message.message_id,
                    reply_markup=markup,
                    rate_limit_args=args,
                )
            except BadRequest as exc:
                if "not modified" in str(exc).lower():
                    return
                log.info("could not edit, sending anew: %s", exc)
            else:
                return
    sent = await context.bot.send_message(
        chat_id(update), text, reply_markup=markup, rate_limit_args=args
    )
    note_sent(context, sent)  # privacy: /hide deletes it later


def chat_id(update: Update) -> int:
    """The private chat to answer in; a button on a message too old to be sent along still
    names its user, and in a private chat the user's id is the chat's."""
    if update.effective_chat is not None:
        return update.effective_chat.id
    if update.effective_user is not None:
        return update.effective_user.id
    raise ValueError("update without a chat or user")


def offered(update: Update) -> bool:
    """Whether the pressed data is on the message the press came from, i.e. we sent it there.

    Telegram sends the message along with the press while it is accessible; a press on an old
    message it no longer sends can't be checked this way, and the handlers' own checks (the
    data parses, a row belongs to this chat) then stand alone.
    """
    query = update.callback_query
    if query is None:
        return True
    message = query.message
    if message is None or not message.is_accessible:
        return True
    markup = getattr(message, "reply_markup", None)
    if markup is None:
        return False
    return any(b.callback_data == query.data for row in markup.inline_keyboard for b in row)


async def prompt(update: Update, context: BotContext, key: str, back: CallbackData) -> None:
    """A question or an "I couldn't read that" reply, with Cancel back to the screen `back`."""
    content = context.content
    rows = [[button(content, "btn_cancel", back)]]
    await respond(update, context, content.ui[key], keyboard(content, rows))

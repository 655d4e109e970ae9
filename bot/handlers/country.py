"""/country: which country's lines Help now shows."""

from __future__ import annotations

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.context import BotContext
from bot.handlers.common import button, callback_parts, chat_id, help_row, respond
from bot.handlers.hotline import country_buttons

ALIASES = {"UK": "GB"}


async def choose_country(update: Update, context: BotContext) -> None:
    """Show the countries as buttons, the current one named."""
    content = context.content
    current = content.country(context.country_of(chat_id(update)))
    rows = [*country_buttons(content, "c"), help_row(content)]
    text = content.text("country_pick", country=f"{current.flag} {current.name}")
    await respond(update, context, text, InlineKeyboardMarkup(rows))


async def set_country(update: Update, context: BotContext) -> None:
    """Save the country, in the database and in memory for instant hotline replies."""
    content = context.content
    code = ALIASES.get(callback_parts(update)[1], callback_parts(update)[1])
    if code != "fallback" and code not in content.countries:
        await choose_country(update, context)
        return
    user = await context.repo.ensure_user(chat_id(update), context.clock.now())
    await context.repo.set_country(user.chat_id, code)
    context.services.countries[user.chat_id] = code
    country = content.country(code)
    rows = [[button(content, "btn_show_lines", "h")]]
    text = content.text("country_saved", country=f"{country.flag} {country.name}")
    await respond(update, context, text, InlineKeyboardMarkup([*rows, help_row(content)]))


HANDLERS = [
    CommandHandler("country", choose_country),
    CallbackQueryHandler(choose_country, pattern=r"^c$"),
    CallbackQueryHandler(set_country, pattern=r"^c:([A-Z]{2}|fallback)$"),
]

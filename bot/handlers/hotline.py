"""Hotlines: /hotline and the Help now button, answered from memory with no database trip."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.content import Content, Country
from bot.context import BotContext
from bot.delivery.limiter import Priority
from bot.handlers.common import button, callback_parts, respond

EVERYTHING = ("emergency", "domestic_abuse", "crisis", "directory")


def render_lines(content: Content, country: Country, purposes: Iterable[str] = EVERYTHING) -> str:
    """The country's lines as Telegram HTML, each with how to reach it, hours, source, date."""
    wanted = set(purposes) | {"directory"}
    return "\n\n".join(
        content.text(
            "hotline_line",
            markup={
                "name": line.name,
                "how": "\n".join(f"• {way}" for way in line.how),
                "hours": line.hours,
                "source": line.source,
            },
            date=line.verified.isoformat(),
        )
        for line in country.lines
        if line.purpose in wanted
    )


def hotline_text(content: Content, country: Country) -> str:
    header = content.text("hotline_header", country=f"{country.flag} {country.name}")
    return f"{header}\n\n{render_lines(content, country)}\n\n{content.ui['hotline_footer']}"


def hotline_keyboard(content: Content) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [button(content, "btn_other_countries", "hc"), button(content, "btn_country", "c")],
            [button(content, "btn_menu", "m")],
        ]
    )


def country_buttons(content: Content, prefix: str) -> list[list[InlineKeyboardButton]]:
    items = [*content.countries.values(), content.fallback]
    buttons = [
        InlineKeyboardButton(f"{c.flag} {c.name}", callback_data=f"{prefix}:{c.code}")
        for c in items
    ]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


async def hotline(update: Update, context: BotContext) -> None:
    """Show the lines for the user's country, or for the country on the pressed button."""
    parts = callback_parts(update)
    code = parts[1] if len(parts) == 2 else None
    if code is None:
        chat = update.effective_chat
        code = context.country_of(chat.id if chat else None)
    country = context.content.country(code)
    await respond(
        update,
        context,
        hotline_text(context.content, country),
        hotline_keyboard(context.content),
        Priority.URGENT,
    )


async def other_countries(update: Update, context: BotContext) -> None:
    """Every country we hold lines for, one tap each."""
    rows = [*country_buttons(context.content, "h"), [button(context.content, "btn_menu", "m")]]
    pick = context.content.ui["hotline_pick"]
    await respond(update, context, pick, InlineKeyboardMarkup(rows), Priority.URGENT)


HANDLERS = [
    CommandHandler(["hotline", "help_now", "sos"], hotline),
    CallbackQueryHandler(hotline, pattern=r"^h(:[A-Za-z]{2}|:fallback)?$"),
    CallbackQueryHandler(other_countries, pattern=r"^hc$"),
]

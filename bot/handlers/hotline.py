"""Hotlines: /hotline and the Help now button, answered from memory with no database trip."""

from __future__ import annotations

from collections.abc import Iterable

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import CountryLines, CountryMenu, HelpNow, Menu, OtherCountries, SetCountry
from bot.content import Content, Country, Line
from bot.context import BotContext
from bot.delivery.limiter import Priority
from bot.handlers.common import button, labelled, respond
from bot.policy import HOTLINE_COMMANDS, HOTLINE_PURPOSES


def lines_for(country: Country, purposes: Iterable[str]) -> list[Line]:
    wanted = set(purposes) | {"directory"}
    return [line for line in country.lines if line.purpose in wanted]


def render_lines(
    content: Content,
    country: Country,
    purposes: Iterable[str] = HOTLINE_PURPOSES,
    *,
    sources: bool = True,
) -> str:
    """The country's lines as Telegram HTML, each with how to reach it and its hours; the full
    hotline screen adds each line's source and checked date, crisis replies keep to the point."""
    return "\n\n".join(
        content.text(
            "hotline_line" if sources else "hotline_line_short",
            markup={
                "name": line.name,
                "how": "\n".join(f"• {way}" for way in line.how),
                "hours": line.hours,
                "source": line.source,
            },
            date=line.verified.isoformat(),
        )
        for line in lines_for(country, purposes)
    )


def takes_texts(country: Country, purposes: Iterable[str]) -> bool:
    """Whether one of these lines can be reached by text message (so saying so is true)."""
    return any(
        way.lower().startswith(("text", "call or text"))
        for line in lines_for(country, purposes)
        for way in line.how
    )


def hotline_text(content: Content, country: Country) -> str:
    header = content.text("hotline_header", country=f"{country.flag} {country.name}")
    return f"{header}\n\n{render_lines(content, country)}\n\n{content.ui['hotline_footer']}"


def hotline_keyboard(content: Content) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        [
            [
                button(content, "btn_other_countries", OtherCountries()),
                button(content, "btn_country", CountryMenu()),
            ],
            [button(content, "btn_menu", Menu())],
        ]
    )


def country_buttons(
    content: Content, data: type[CountryLines] | type[SetCountry]
) -> list[list[InlineKeyboardButton]]:
    items = [*content.countries.values(), content.fallback]
    buttons = [labelled(f"{c.flag} {c.name}", data(c.code)) for c in items]
    return [buttons[i : i + 2] for i in range(0, len(buttons), 2)]


async def hotline(update: Update, context: BotContext) -> None:
    """Show the lines for the user's country, or for the country on the pressed button."""
    pressed = CountryLines.parse(update.callback_query.data) if update.callback_query else None
    if pressed is not None:
        code = pressed.code
    else:
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
    rows = [
        *country_buttons(context.content, CountryLines),
        [button(context.content, "btn_menu", Menu())],
    ]
    pick = context.content.ui["hotline_pick"]
    await respond(update, context, pick, InlineKeyboardMarkup(rows), Priority.URGENT)


HANDLERS = [
    CommandHandler(list(HOTLINE_COMMANDS), hotline),
    CallbackQueryHandler(hotline, pattern=HelpNow.pattern()),
    CallbackQueryHandler(hotline, pattern=CountryLines.pattern()),
    CallbackQueryHandler(other_countries, pattern=OtherCountries.pattern()),
]

"""/country: which country's lines Help now shows; pick one or type its name (or "skip")."""

from __future__ import annotations

import logging
import re
from dataclasses import replace

from telegram import InlineKeyboardMarkup, Update
from telegram.ext import CallbackQueryHandler, CommandHandler

from bot.callbacks import CountryMenu, HelpNow, SetCountry
from bot.context import BotContext
from bot.countries import resolve_country
from bot.domain import StorageError
from bot.handlers.common import button, chat_id, help_row, keyboard, respond
from bot.handlers.hotline import country_buttons, render_lines
from bot.matching import normalise
from bot.policy import MAX_ANSWER_LENGTH
from bot.steps import Step, Waiting

log = logging.getLogger(__name__)
ALIASES = {"UK": "GB"}
# Typed instead of pressing Skip when asked for the country (English and Spanish).
SKIP_WORDS = frozenset(
    {
        "skip",
        "later",
        "not now",
        "no",
        "no thanks",
        "none",
        "pass",
        "prefer not to say",
        "rather not say",
        "saltar",
        "omitir",
        "despues",
        "ahora no",
        "paso",
    }
)
# Stored for "somewhere else": a user-assigned ISO code, so the column keeps two letters.
ELSEWHERE = "ZZ"


async def choose_country(update: Update, context: BotContext) -> None:
    """Show the countries as buttons, the current one named; a name can be typed too."""
    content = context.content
    cid = chat_id(update)
    current = content.country(context.country_of(cid))
    rows = [*country_buttons(content, SetCountry), help_row(content)]
    text = content.text("country_pick", country=f"{current.flag} {current.name}")
    await context.repo.set_pending(cid, Step(Waiting.COUNTRY).format(), context.clock.now())
    await respond(update, context, text, InlineKeyboardMarkup(rows))


async def save_country(update: Update, context: BotContext, code: str) -> None:
    """Save the country, in the database and in memory for instant hotline replies."""
    user = await context.user(chat_id(update))
    await context.repo.set_country(user.chat_id, code)
    context.services.countries[user.chat_id] = code
    context.remember(replace(user, country=code, pending=None))


async def set_country(update: Update, context: BotContext) -> None:
    """A country's button was pressed."""
    content = context.content
    code = ALIASES.get(SetCountry.of(update).code, SetCountry.of(update).code)
    if code != "fallback" and code not in content.countries:
        await choose_country(update, context)
        return
    await save_country(update, context, ELSEWHERE if code == "fallback" else code)
    country = content.country(code)
    rows = [[button(content, "btn_show_lines", HelpNow())]]
    text = content.text("country_saved", country=f"{country.flag} {country.name}")
    await respond(update, context, text, InlineKeyboardMarkup([*rows, help_row(content)]))


async def ask_when_new(context: BotContext, chat: int) -> None:
    """/start asked the country: a typed name (or "skip") is its answer. The welcome has gone
    already, so a database that fails here costs only the typed answer (buttons still work)."""
    try:
        await context.repo.set_pending(chat, Step(Waiting.COUNTRY).format(), context.clock.now())
    except StorageError:
        log.info("country question: could not note the step")


async def skip_country(update: Update, context: BotContext) -> None:
    """Skip: the default country's lines for now. (A pressed Skip has already ended the
    question in bot/handlers/gate.py, as every other button does.)"""
    content = context.content
    default = content.country(context.settings.default_country)
    text = content.text("country_skipped", country=f"{default.flag} {default.name}")
    await respond(update, context, text, keyboard(content))


def says_skip(text: str) -> bool:
    """ "skip", "Skip.", "later", "después": a typed Skip."""
    return " ".join(re.findall(r"[a-z]+", normalise(text))) in SKIP_WORDS


async def typed_country(update: Update, context: BotContext, step: Step, text: str) -> bool:
    """A country typed by name: its lines, or, where we hold none yet, the general ones;
    "skip" (or "later", "saltar") as the Skip button."""
    content = context.content
    if says_skip(text):
        try:  # a typed answer ends its step itself
            await context.repo.set_pending(chat_id(update), None, context.clock.now())
        except StorageError:
            log.info("country question: could not end the step")
        await skip_country(update, context)
        return True
    found = resolve_country(text) if len(text) <= MAX_ANSWER_LENGTH else None
    if found is None:
        return False
    code, name = found
    await save_country(update, context, code)
    rows = [[button(content, "btn_show_lines", HelpNow())]]
    if code in content.countries:
        country = content.country(code)
        text = content.text("country_saved", country=f"{country.flag} {country.name}")
    else:
        text = content.text("country_no_lines", country=name)
        text += "\n\n" + render_lines(content, content.fallback)
    await respond(update, context, text, InlineKeyboardMarkup([*rows, help_row(content)]))
    return True


HANDLERS = [
    CommandHandler("country", choose_country),
    CallbackQueryHandler(choose_country, pattern=CountryMenu.pattern()),
    CallbackQueryHandler(set_country, pattern=SetCountry.pattern()),
]

"""Small talk: greetings, thanks, "ok", "menu", "help", "?", distress emoji; and a grounding
exercise on request. Fitting short replies instead of a guessed topic."""

from __future__ import annotations

import random

from telegram import Update
from telegram.ext import CallbackQueryHandler

from bot.callbacks import Grounding, HelpNow
from bot.context import BotContext
from bot.handlers.common import button, keyboard, main_menu, respond
from bot.smalltalk import SmallTalk


async def reply(update: Update, context: BotContext, kind: SmallTalk) -> None:
    """The short reply for a kind of small talk."""
    content = context.content
    if kind is SmallTalk.MENU:
        await respond(update, context, content.ui["menu"], main_menu(content))
    elif kind is SmallTalk.HELP:
        text = f"{content.ui['smalltalk_help']}\n\n{content.ui['help']}"
        await respond(update, context, text, keyboard(content))
    elif kind is SmallTalk.DISTRESS:
        rows = [
            [button(content, "btn_help_now", HelpNow())],
            [button(content, "btn_grounding", Grounding())],
        ]
        await respond(update, context, content.ui["smalltalk_distress"], keyboard(content, rows))
    elif kind is SmallTalk.THANKS:
        await respond(update, context, content.ui["smalltalk_thanks"], keyboard(content))
    else:  # a greeting, or "ok": a word and the menu
        key = "smalltalk_greeting" if kind is SmallTalk.GREETING else "smalltalk_ok"
        await respond(update, context, content.ui[key], main_menu(content))


async def grounding(update: Update, context: BotContext) -> None:
    """One grounding exercise from the daily set, chosen at random."""
    content = context.content
    entry = random.choice(content.daily.grounding)  # variety, not security
    rows = [[button(content, "btn_another_grounding", Grounding())]]
    await respond(update, context, entry.text, keyboard(content, rows))


HANDLERS = [CallbackQueryHandler(grounding, pattern=Grounding.pattern())]

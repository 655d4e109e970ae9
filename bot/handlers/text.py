"""Free text that is not a crisis: the answer to a question the bot asked, or a question to match.

Typed answers are routed through ROUTES, one entry per kind of step (bot/steps.py). A text that
is no answer to the waiting step ends it and is read as an ordinary message, unless it looks
like a failed attempt at one (short, or with digits), which gets a hint and the step waits on.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import NamedTuple

from telegram import Update
from telegram.ext import MessageHandler, filters

from bot.callbacks import (
    CallbackData,
    CheckinsHome,
    CountryMenu,
    DailyHome,
    Progress,
    TriggersHome,
)
from bot.context import BotContext
from bot.domain import StorageError
from bot.handlers import (
    checkin_talk,
    checkins,
    contacts,
    country,
    daily,
    progress,
    smalltalk,
    triggers,
    urge,
)
from bot.handlers.common import chat_id, keyboard, prompt, respond
from bot.safety.gate import message_text
from bot.safety.language import ENGLISH, SPANISH
from bot.smalltalk import SmallTalk, classify_small_talk
from bot.steps import Step, Waiting, current_step

log = logging.getLogger(__name__)
Answer = Callable[[Update, BotContext, Step, str], Awaitable[bool]]


class Route(NamedTuple):
    answer: Answer  # True when the text was taken as the answer (even to say it's out of range)
    retry: str  # the hint shown for a failed attempt
    back: CallbackData  # where Cancel leads


ROUTES: dict[Waiting, Route] = {
    Waiting.DAILY_TIME: Route(daily.typed_time, "daily_bad_time", DailyHome()),
    Waiting.DAILY_ZONE: Route(daily.typed_zone, "daily_bad_zone", DailyHome()),
    Waiting.PAUSE_UNTIL: Route(daily.typed_pause_date, "daily_bad_date", DailyHome()),
    Waiting.NO_CONTACT_START: Route(progress.typed_start, "ns_bad_date", Progress()),
    Waiting.COUNTRY: Route(country.typed_country, "country_bad", CountryMenu()),
    # --- checkins branch ---
    Waiting.TRIGGER_NAME: Route(triggers.typed_name, "tr_type_it", TriggersHome()),
    Waiting.TRIGGER_DO: Route(triggers.typed_do, "tr_type_it", TriggersHome()),
    Waiting.TRIGGER_REACH: Route(triggers.typed_reach, "tr_type_it", TriggersHome()),
    Waiting.REASONS: Route(triggers.typed_reasons, "tr_type_it", TriggersHome()),
    Waiting.CHECKIN_DATE: Route(checkins.typed_date, "ci_bad_date", CheckinsHome()),
    Waiting.CHECKIN_TIME: Route(checkins.typed_time, "daily_bad_time", CheckinsHome()),
    Waiting.CHECKIN_ZONE: Route(checkins.typed_zone, "daily_bad_zone", CheckinsHome()),
    Waiting.CHECKIN_PULL: Route(checkin_talk.typed_pull, "ci_bad_pull", CheckinsHome()),
    Waiting.CONTACT_DATE: Route(contacts.typed_contact_date, "ns_bad_date", Progress()),
}
# --- privacy: the journal and safety plans ---
from bot.callbacks import JournalHome, PlanMenu  # noqa: E402
from bot.handlers import journal, safetyplan  # noqa: E402

ROUTES |= {
    Waiting.JOURNAL_WHAT: Route(journal.typed_what, "journal_retry", JournalHome(0)),
    Waiting.JOURNAL_FELT: Route(journal.typed_felt, "journal_retry", JournalHome(0)),
    Waiting.JOURNAL_DAY: Route(journal.typed_day, "journal_bad_day", JournalHome(0)),
    Waiting.PLAN_SECTION: Route(safetyplan.typed_section, "plan_retry", PlanMenu()),
}
# --- end privacy ---
# A failed answer of up to this many words (or with a digit) is an attempt: hint and wait.
ATTEMPT_WORDS = 3


def looks_like_an_attempt(text: str) -> bool:
    return any(c.isdigit() for c in text) or len(text.split()) <= ATTEMPT_WORDS


async def on_text(update: Update, context: BotContext) -> None:
    """Route typed input to the step waiting for it; otherwise find the topic it asks about."""
    message = update.effective_message
    words = message_text(update) if message is not None else None
    if not words:
        return
    text = words.strip()
    try:
        user = await context.user(chat_id(update))
    except StorageError:  # answers from memory need no database: read it as a question
        log.info("database unavailable; answering free text from memory")
        await _answer(update, context, text)
        return
    step = current_step(user.pending, user.pending_since, context.clock.now())
    ended = context.services.steps_ended.pop(user.chat_id, None)
    if step is not None and ended is not None and user.pending_since is not None:
        step = None if ended >= user.pending_since else step
    chatter = classify_small_talk(text)
    if step is not None:
        route = ROUTES[step.waiting]
        if await route.answer(update, context, step, text):
            return
        matches = context.services.matcher.rank(text)
        attempt = looks_like_an_attempt(text) and not context.services.matcher.is_confident(matches)
        if attempt and chatter in (None, SmallTalk.OK):
            await prompt(update, context, route.retry, route.back)
            return
        await context.repo.set_pending(user.chat_id, None, context.clock.now())
    await _answer(update, context, text)


async def _answer(update: Update, context: BotContext, text: str) -> None:
    """Small talk gets its short reply; a language the bot can't read is told so (crisis
    detection has already run); an urge to reach out gets the urge helper; anything else is
    matched to a topic."""
    language = context.services.crisis.assess(update).language
    if language != ENGLISH:
        key = "spanish_note" if language == SPANISH else "other_language"
        await respond(update, context, context.content.ui[key], keyboard(context.content))
        return
    chatter = classify_small_talk(text)
    if chatter is not None:
        await smalltalk.reply(update, context, chatter)
        return
    await urge.free_text(update, context, text)


async def not_text(update: Update, context: BotContext) -> None:
    """Stickers, photos or voice notes without words: we can only read text, and say so,
    with Help now one tap away."""
    await respond(update, context, context.content.ui["not_text"], keyboard(context.content))


HANDLERS = [
    # A caption (photo, video, file, voice note) is read like a message.
    MessageHandler(
        (filters.TEXT | filters.CAPTION) & ~filters.COMMAND & filters.ChatType.PRIVATE, on_text
    ),
    MessageHandler(
        filters.ChatType.PRIVATE
        & ~filters.TEXT
        & ~filters.CAPTION
        & ~filters.COMMAND
        & ~filters.StatusUpdate.ALL,
        not_text,
    ),
]

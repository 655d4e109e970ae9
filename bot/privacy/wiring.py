"""Where privacy attaches to the Application (called from bot/app.py, one block each).

Handler groups, in the order PTB runs them for every update:
  -4  note the ids of incoming messages (for /hide); a command or a button ends "writing"
  -3  flood control: over the limit, one "slow down" line and the rest dropped. Crisis texts,
      Help now, /hide and /stop pass untouched, before crisis detection even sees them
  -2  journal and plan text is kept whatever it says (bot/handlers/writing.py)
  -1  crisis detection and button checks (bot/handlers/safety.py, gate.py)
   1  the privacy screens, before the other features (urge before the free-text handler)
"""

from __future__ import annotations

import logging
import math
from datetime import timedelta

from telegram import Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, TypeHandler

from bot.context import AppType, BotContext, services_of
from bot.handlers import hide, journal, notify, privacy, safetyplan, stats, urge, writing
from bot.handlers.common import chat_id, keyboard
from bot.handlers.gate import is_help
from bot.policy import FLOOD_EXEMPT_COMMANDS, HIDE_WINDOW, MESSAGE_LOG_FLUSH_SECONDS
from bot.privacy.flood import FloodGate, Verdict
from bot.privacy.keys import check_keys, load_keyring
from bot.privacy.state import privacy_of, send_and_note

log = logging.getLogger(__name__)
EXEMPT = tuple(f"/{name}" for name in FLOOD_EXEMPT_COMMANDS)


def allow_new_key(application: AppType) -> None:
    """The terminal chat and the tests: create ./data/secret.key (0600) if there is none."""
    services_of(application).privacy.create_key = True


def local_chat(application: AppType) -> None:
    """The terminal chat: a key file on first run, and no flood control, since one person
    types (or a script pipes) and nobody else waits."""
    allow_new_key(application)
    services = privacy_of(application)
    if services is not None:
        services.flood = FloodGate(burst=math.inf)


def register(application: AppType) -> None:
    application.add_handler(TypeHandler(Update, note_incoming), group=-4)
    application.add_handler(TypeHandler(Update, flood_gate), group=-3)
    application.add_handler(TypeHandler(Update, writing.writing_gate), group=-2)
    for module in (privacy, hide, journal, safetyplan, notify, stats, urge):
        application.add_handlers(module.HANDLERS, group=1)


async def note_incoming(update: Update, context: BotContext) -> None:
    """The ids of the user's messages, and of the bot's messages they press buttons on."""
    services = privacy_of(context.application)
    chat = update.effective_chat
    if services is None or chat is None or chat.type != ChatType.PRIVATE:
        return
    now = context.clock.now()
    if update.message is not None:
        services.messages.note(chat.id, update.message.message_id, now)
        if (update.message.text or "").startswith("/"):
            services.writing.pop(chat.id, None)
    query = update.callback_query
    if query is not None:
        shown = query.message
        # A press on one of the bot's messages (say, a daily note, sent without being noted):
        # its id, dated when it was sent, unless Telegram no longer lets it be deleted.
        if shown is not None and shown.date is not None and now - shown.date < HIDE_WINDOW:
            services.messages.note(chat.id, shown.message_id, shown.date)
        if not is_help(update):
            services.writing.pop(chat.id, None)


def counted(update: Update, context: BotContext) -> bool:
    """Ordinary messages and presses; never crisis texts, Help now, /hide or /stop."""
    chat = update.effective_chat
    if chat is None or chat.type != ChatType.PRIVATE:
        return False
    if update.message is None and update.callback_query is None:
        return False
    text = update.message.text if update.message is not None else None
    if text and text.startswith(EXEMPT):
        return False
    return not context.services.crisis.is_urgent(update)


async def flood_gate(update: Update, context: BotContext) -> None:
    """Over the limit: one gentle line, then nothing, until the chat slows down."""
    services = privacy_of(context.application)
    if services is None or not counted(update, context):
        return
    verdict = services.flood.check(chat_id(update))
    if verdict is Verdict.ALLOW:
        return
    if verdict is Verdict.WARN:
        content = context.content
        log.info("flood control: a chat is over the limit")
        try:
            await send_and_note(
                context, chat_id(update), content.ui["flood_slow_down"], keyboard(content)
            )
        except TelegramError:
            log.info("flood control: could not send the slow-down line")
    raise ApplicationHandlerStop


async def start(application: AppType, *, background: bool) -> None:
    """Keys (refusing to start if stored text could not be opened), the bot's neutral
    description, and the jobs that write and prune message ids."""
    services = services_of(application)
    repo = services.repo
    if repo is None:
        raise RuntimeError("start privacy after the database")
    keyring = load_keyring(services.settings, create=services.privacy.create_key)
    await check_keys(repo, keyring)
    repo.keyring = keyring
    if keyring is None:
        log.warning(
            "no encryption key: the journal and safety plans stay closed until "
            "ENCRYPTION_KEYS or ENCRYPTION_KEY_FILE is set"
        )
    await describe(application)
    if not background:
        return
    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    job_queue.run_repeating(
        flush_ids,
        interval=MESSAGE_LOG_FLUSH_SECONDS,
        first=MESSAGE_LOG_FLUSH_SECONDS,
        name="message-ids",
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
    job_queue.run_repeating(prune_ids, interval=timedelta(hours=1), first=30, name="prune-ids")


async def describe(application: AppType) -> None:
    """The bot's own description and short description: neutral, from messages/."""
    ui = services_of(application).content.ui
    try:
        await application.bot.set_my_description(ui["bot_description"])
        await application.bot.set_my_short_description(ui["bot_short_description"])
    except TelegramError as exc:
        log.warning("could not set the bot's description (%s)", type(exc).__name__)


async def flush_ids(context: BotContext) -> None:
    services = privacy_of(context.application)
    if services is not None:
        await services.messages.flush(context.repo, context.clock.now())


async def prune_ids(context: BotContext) -> None:
    removed = await context.repo.prune_message_log(context.clock.now() - HIDE_WINDOW)
    log.info("message ids: pruned %d older than 48 hours", removed)

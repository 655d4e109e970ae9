"""build_application(settings) -> Application: the one place that wires everything."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from pathlib import Path

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import ApplicationBuilder, ContextTypes, Defaults, ExtBot
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from bot.content import Content, load_content
from bot.context import AppType, BotContext, Services, services_of
from bot.db import Repo, make_engine, migrate
from bot.delivery.limiter import Limits, PriorityRateLimiter
from bot.delivery.outbox import OutboxSender
from bot.delivery.role import SendingRole
from bot.handlers import (
    checkin_talk,
    checkins,
    contacts,
    country,
    daily,
    errors,
    explain,
    gate,
    hotline,
    membership,
    progress,
    reveal,
    safety,
    smalltalk,
    start,
    text,
    triggers,
    urge,
)
from bot.handlers.start import bot_commands
from bot.matching import matcher_for
from bot.processing import PerChatUpdateProcessor
from bot.scheduling.clock import Clock, SystemClock
from bot.scheduling.dispatcher import Dispatcher
from bot.transport import GuardedRequest

log = logging.getLogger(__name__)
BULK_CONCURRENCY = 16
# httpcore checks every idle connection of a pool on each request, so pools stay small: the
# limiter keeps few sends in flight (rate x round trip), bulk a few at 250/s on a fast link.
BULK_CONNECTIONS = 4
REPLY_CONNECTIONS = 32
CONSOLE_TOKEN = "1000:local-console-chat-needs-no-token-at-all"


def build_application(
    settings: Settings,
    *,
    token: str,
    request: BaseRequest | None = None,
    clock: Clock | None = None,
    content: Content | None = None,
    limits: Limits | None = None,
) -> AppType:
    """The real Application; tests and the terminal chat pass their own `request`.

    Every send, replies and bulk alike, goes through one PriorityRateLimiter on the injected
    clock. A local transport (terminal chat, tests) has no flood limits unless `limits` says.
    """
    content = content or load_content()
    services = Services(settings, content, clock or SystemClock(), matcher_for(content.topics))
    if limits is None:
        limits = (
            Limits(settings.global_rate_per_second, settings.bulk_rate_per_second)
            if request is None
            else Limits.unlimited()
        )
    limiter = PriorityRateLimiter(limits, services.clock)
    defaults = Defaults(
        parse_mode=ParseMode.HTML, link_preview_options=LinkPreviewOptions(is_disabled=True)
    )
    builder = (
        ApplicationBuilder()
        .token(token)
        .base_url(settings.telegram_api_base_url)
        .context_types(ContextTypes(context=BotContext))
        .defaults(defaults)
        .rate_limiter(limiter)
        .concurrent_updates(PerChatUpdateProcessor(services.crisis.is_urgent))
        .arbitrary_callback_data(False)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        builder = builder.connection_pool_size(REPLY_CONNECTIONS).pool_timeout(10.0)
        # getUpdates through a guard that skips an update the library cannot parse.
        builder = builder.get_updates_request(GuardedRequest(connection_pool_size=1))
    application = builder.build()
    # Bulk sends get their own bot object and HTTP connection pool, sharing the limiter: a
    # fan-out never holds a connection a reply is waiting for.
    bulk_request = request or HTTPXRequest(connection_pool_size=BULK_CONCURRENCY, pool_timeout=10.0)
    services.bulk_bot = ExtBot(
        token,
        base_url=settings.telegram_api_base_url,
        request=bulk_request,
        get_updates_request=bulk_request,
        defaults=defaults,
        rate_limiter=limiter,
    )
    services.limiter = limiter
    application.bot_data["services"] = services
    register(application)
    return application


def register(application: AppType) -> None:
    """Handlers in order. Group -1 runs first on every update: crisis detection (messages) and
    the check that a pressed button was ours (callback queries); no database in either."""
    application.add_handlers([*safety.HANDLERS, *gate.CHECKS], group=-1)
    # Group 0: a command or another screen's button ends a half-finished typed step.
    application.add_handlers(gate.STEPS, group=0)
    # --- privacy (bot/privacy/wiring.py): message ids (-4), flood control (-3), journal and
    # plan text kept whatever it says (-2), and the privacy screens in group 1 ahead of the
    # features below, since the urge offer must see free text before the topic matcher ---
    from bot.privacy import wiring

    wiring.register(application)
    # --- end privacy ---
    # Group 1, first match wins: leaving groups before anything else answers there.
    features = [membership, start, hotline, country, explain, daily, progress, reveal, smalltalk]
    features += [triggers, checkins, checkin_talk, contacts, urge]  # checkins branch
    for module in [*features, text]:  # text last: it takes any message left
        application.add_handlers(module.HANDLERS, group=1)
    application.add_handlers(safety.ANSWERS, group=1)  # "Are you safe right now?" answers
    application.add_handlers(start.FALLBACKS, group=1)
    application.add_error_handler(errors.on_error)


async def start_services(application: AppType, *, background: bool = True) -> None:
    """Database, migrations, in-memory country lookup, commands, dispatcher and sender.

    With background=False nothing is scheduled: tests call the dispatcher and sender by hand.
    """
    services = services_of(application)
    settings = services.settings
    # Load the crisis layer's model now: the first crisis message must not wait for it.
    await asyncio.to_thread(services.crisis.detector.warm_up)
    engine = make_engine(settings)
    try:
        await migrate(engine)
    except Exception:
        await engine.dispose()
        raise
    repo = Repo(engine)
    services.repo = repo
    services.countries = await repo.user_countries()
    # Countries saved through other instances arrive within moments (PostgreSQL NOTIFY).
    await repo.listen_countries(services.countries.__setitem__)
    # Privacy first: start-up refuses in one line if stored text can't be opened (keys), then
    # the bot's neutral description, and (in the background) writing and pruning message ids.
    from bot.privacy import wiring

    await wiring.start(application, background=background)
    bulk_bot, limiter = services.bulk_bot, services.limiter
    if bulk_bot is None or limiter is None:
        raise RuntimeError("start_services needs an Application from build_application")
    await bulk_bot.initialize()
    role = SendingRole(repo, services.clock)
    sender = OutboxSender(
        repo,
        bulk_bot,
        services.content,
        services.clock,
        settings.grace,
        BULK_CONCURRENCY,
        role=role,
        claim_batch=int(settings.bulk_rate_per_second / 2),  # half a second of sending
    )
    role.on_lost.append(limiter.drop_fenced)  # waiting bulk sends are given back at once
    role.on_taken.append(sender.wake.set)
    role.on_requeued.append(sender.wake.set)
    await role.acquire()
    await application.bot.set_my_commands(bot_commands(dict(services.content.ui)))
    dispatcher = Dispatcher(
        repo, services.content, services.clock, settings.grace, on_queued=sender.wake.set
    )
    services.role = role
    services.sender, services.dispatcher = sender, dispatcher
    sender.start(drain_in_background=background)
    if not background:
        return
    role.start()

    async def tick(_: BotContext) -> None:
        if await role.acquire():  # otherwise another instance dispatches
            await dispatcher.tick()

    job_queue = application.job_queue
    if job_queue is None:
        raise RuntimeError("python-telegram-bot was installed without the job-queue extra")
    job_queue.run_repeating(
        tick,
        interval=settings.dispatch_interval_seconds,
        first=0.2,
        name="dispatcher",
        job_kwargs={"max_instances": 1, "coalesce": True, "misfire_grace_time": None},
    )
    job_queue.run_repeating(_prune, interval=timedelta(hours=6), first=60, name="prune-outbox")
    job_queue.run_repeating(_heartbeat, interval=HEARTBEAT_SECONDS, first=1, name="heartbeat")


# The process touches this file while its event loop runs; `healthcheck` reads its age.
HEARTBEAT_FILE = Path("data/.alive")
HEARTBEAT_SECONDS = 10


def _touch_heartbeat() -> None:
    try:
        HEARTBEAT_FILE.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        HEARTBEAT_FILE.touch()
    except OSError as exc:
        log.warning("could not write the heartbeat file (%s)", exc.strerror)


async def _heartbeat(_: BotContext) -> None:
    _touch_heartbeat()  # a tiny local write; kept off any path a user waits on


async def _prune(context: BotContext) -> None:
    now = context.clock.now().date()
    removed = await context.repo.prune_outbox(now - timedelta(days=7))
    log.info("outbox: pruned %d old rows", removed)


async def stop_services(application: AppType) -> None:
    """Stop the sender and close the database; safe to call after a failed start."""
    services = services_of(application)
    if services.background:  # small writes started by replies: let them finish first
        await asyncio.wait(set(services.background), timeout=5)
    sender, services.sender, services.dispatcher = services.sender, None, None
    role, services.role = services.role, None
    bulk_bot = services.bulk_bot
    repo, services.repo = services.repo, None
    # Shutting down after a database outage must still end cleanly: each step is tried, and
    # a failure is one line in the log (rows left mid-send are re-sent at the next start).
    steps = (
        sender.stop if sender else None,
        role.stop if role else None,
        bulk_bot.shutdown if bulk_bot else None,
        repo.close if repo else None,
    )
    for step in steps:
        if step is None:
            continue
        try:
            await step()
        except Exception as exc:  # at shutdown, nothing is left to answer
            log.warning("shutdown: %s did not finish (%s)", step.__qualname__, type(exc).__name__)

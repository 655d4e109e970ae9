"""build_application(settings) -> Application: the one place that wires everything."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

from telegram import LinkPreviewOptions
from telegram.constants import ParseMode
from telegram.ext import Application, ApplicationBuilder, ContextTypes, Defaults, ExtBot
from telegram.request import BaseRequest, HTTPXRequest

from bot.config import Settings
from bot.content import Content, load_content
from bot.context import BotContext, Services
from bot.db import Repo, make_engine, migrate
from bot.delivery.limiter import Limits, PriorityRateLimiter
from bot.delivery.outbox import OutboxSender
from bot.delivery.role import SendingRole
from bot.handlers import (
    country,
    daily,
    errors,
    explain,
    hotline,
    membership,
    progress,
    reveal,
    safety,
    start,
    text,
)
from bot.handlers.start import bot_commands
from bot.matching import TopicMatcher
from bot.processing import PerChatUpdateProcessor
from bot.scheduling.clock import Clock, SystemClock
from bot.scheduling.dispatcher import Dispatcher

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
) -> Application[Any, BotContext, Any, Any, Any, Any]:
    """The real Application; tests and the terminal chat pass their own `request`.

    Every send, replies and bulk alike, goes through one PriorityRateLimiter on the injected
    clock. A local transport (terminal chat, tests) has no flood limits unless `limits` says.
    """
    content = content or load_content()
    services = Services(settings, content, clock or SystemClock(), TopicMatcher(content.topics))
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
        .concurrent_updates(PerChatUpdateProcessor(safety.is_urgent))
        .arbitrary_callback_data(False)
    )
    if request is not None:
        builder = builder.request(request).get_updates_request(request)
    else:
        builder = builder.connection_pool_size(REPLY_CONNECTIONS).pool_timeout(10.0)
    application = builder.build()
    # Bulk sends get their own bot object and HTTP connection pool, sharing the limiter: a
    # fan-out never holds a connection a reply is waiting for.
    bulk_request = request or HTTPXRequest(connection_pool_size=BULK_CONCURRENCY, pool_timeout=10.0)
    application.bot_data["bulk_bot"] = ExtBot(
        token,
        base_url=settings.telegram_api_base_url,
        request=bulk_request,
        get_updates_request=bulk_request,
        defaults=defaults,
        rate_limiter=limiter,
    )
    application.bot_data["limiter"] = limiter
    application.bot_data["services"] = services
    register(application)
    return application


def register(application: Application[Any, BotContext, Any, Any, Any, Any]) -> None:
    """Handlers in order. Group -1 runs first on every update: crisis detection."""
    application.add_handlers(safety.HANDLERS, group=-1)
    # Group 0, first match wins: leaving groups before anything else answers there.
    for module in (membership, start, hotline, country, explain, daily, progress, reveal, text):
        application.add_handlers(module.HANDLERS)
    application.add_handlers(start.FALLBACKS)
    application.add_error_handler(errors.on_error)


async def start_services(
    application: Application[Any, BotContext, Any, Any, Any, Any], *, background: bool = True
) -> None:
    """Database, migrations, in-memory country lookup, commands, dispatcher and sender.

    With background=False nothing is scheduled: tests call the dispatcher and sender by hand.
    """
    services: Services = application.bot_data["services"]
    settings = services.settings
    engine = make_engine(settings)
    try:
        await migrate(engine)
    except Exception:
        await engine.dispose()
        raise
    repo = Repo(engine)
    services.repo = repo
    services.countries = await repo.user_countries()
    bulk_bot: ExtBot[Any] = application.bot_data["bulk_bot"]
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
    limiter: PriorityRateLimiter = application.bot_data["limiter"]
    role.on_lost.append(limiter.drop_fenced)  # waiting bulk sends are given back at once
    role.on_taken.append(sender.wake.set)
    role.on_requeued.append(sender.wake.set)
    await role.acquire()
    await application.bot.set_my_commands(bot_commands(dict(services.content.ui)))
    dispatcher = Dispatcher(
        repo, services.content, services.clock, settings.grace, on_queued=sender.wake.set
    )
    application.bot_data["role"] = role
    application.bot_data["sender"] = sender
    application.bot_data["dispatcher"] = dispatcher
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


async def _prune(context: BotContext) -> None:
    now = context.clock.now().date()
    removed = await context.repo.prune_outbox(now - timedelta(days=7))
    log.info("outbox: pruned %d old rows", removed)


async def stop_services(application: Application[Any, BotContext, Any, Any, Any, Any]) -> None:
    sender: OutboxSender | None = application.bot_data.pop("sender", None)
    if sender is not None:
        await sender.stop()
    role: SendingRole | None = application.bot_data.pop("role", None)
    if role is not None:
        await role.stop()
    bulk_bot: ExtBot[Any] | None = application.bot_data.get("bulk_bot")
    if bulk_bot is not None:
        await bulk_bot.shutdown()
    services: Services = application.bot_data["services"]
    if services.repo is not None:
        await services.repo.close()
        services.repo = None

"""Typed CallbackContext: handlers reach services as context.repo, context.content, ..."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeAlias, cast

from telegram.ext import Application, CallbackContext, ExtBot

from bot.config import Settings
from bot.content import Content
from bot.domain import StorageError, UserView
from bot.privacy.state import PrivacyServices
from bot.safety.gate import CrisisGate
from bot.scheduling.clock import Clock

if TYPE_CHECKING:
    from bot.db import Repo
    from bot.delivery.limiter import PriorityRateLimiter
    from bot.delivery.outbox import OutboxSender
    from bot.delivery.role import SendingRole
    from bot.matching import TopicMatcher
    from bot.scheduling.dispatcher import Dispatcher


# After the database fails a read, updates skip it for this long and answer at once.
DATABASE_RETRY_SECONDS = 10.0

# The one Application type: our context, PTB's defaults for the rest.
AppType: TypeAlias = "Application[Any, BotContext, Any, Any, Any, Any]"


class RecentMessages:
    """(chat, message id) pairs, the newest `size` kept: ids only, in memory."""

    def __init__(self, size: int = 10_000) -> None:
        self._ids: dict[tuple[int, int], None] = {}
        self._size = size

    def add(self, chat: int, message_id: int) -> None:
        self._ids[(chat, message_id)] = None
        if len(self._ids) > self._size:
            del self._ids[next(iter(self._ids))]

    def __contains__(self, key: object) -> bool:
        return key in self._ids


@dataclass
class Services:
    """Everything handlers need, built once per Application."""

    settings: Settings
    content: Content
    clock: Clock
    matcher: TopicMatcher
    crisis: CrisisGate = field(default_factory=CrisisGate)
    # Message ids for /hide, flood control, who is writing their journal (bot/privacy/).
    privacy: PrivacyServices = field(default_factory=PrivacyServices)
    # The one sending budget (bot/delivery/limiter.py), shared by the reply and bulk bots.
    limiter: PriorityRateLimiter | None = None
    # Bulk sends go through their own bot and HTTP connection pool (bot.app).
    bulk_bot: ExtBot[Any] | None = None
    repo: Repo | None = None
    # chat_id -> country, so hotline replies never wait for the database.
    countries: dict[int, str] = field(default_factory=dict)
    # Crisis replies: buttons under them open new messages, so the numbers stay on screen.
    keep_on_screen: RecentMessages = field(default_factory=RecentMessages)
    # chat_id -> when a crisis reply ended that chat's typed step (the database catches up).
    steps_ended: dict[int, datetime] = field(default_factory=dict)
    # After a failed read, screens skip the database until then (time.monotonic()).
    database_down_until: float = 0.0
    # Small tasks that must not hold up a reply (held here so they finish before shutdown).
    background: set[asyncio.Task[None]] = field(default_factory=set)
    # Started with the database (bot.app.start_services); None before and after.
    sender: OutboxSender | None = None
    dispatcher: Dispatcher | None = None
    role: SendingRole | None = None  # the lock that makes one instance the sender

    def in_background(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run `work` without waiting for it; stop_services waits for it to finish."""
        task = asyncio.create_task(work, name=name)
        self.background.add(task)
        task.add_done_callback(self.background.discard)


def services_of(application: Application[Any, Any, Any, Any, Any, Any]) -> Services:
    """The Services an Application was built with (bot.app keeps them in bot_data)."""
    return cast(Services, application.bot_data["services"])


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    """One per update (PTB builds it once and hands it to every handler group)."""

    _user: UserView | None = None

    async def user(self, chat_id: int) -> UserView:
        """The user's row, read once per update (created on first contact)."""
        if self._user is None or self._user.chat_id != chat_id:
            services = self.services
            if time.monotonic() < services.database_down_until:
                # It failed moments ago: answer at once instead of waiting out another timeout.
                raise StorageError("database recently unreachable")
            repo = self.repo
            try:
                view = await repo.get_user(chat_id)
                if view is None or view.blocked:  # new, or back after blocking the bot
                    view = await repo.ensure_user(chat_id, self.clock.now())
            except StorageError:
                services.database_down_until = time.monotonic() + DATABASE_RETRY_SECONDS
                raise
            self._user = view
        return self._user

    def remember(self, view: UserView) -> None:
        """A changed user row, so later reads in this update see it without a query."""
        self._user = view

    @property
    def services(self) -> Services:
        return services_of(self.application)

    @property
    def repo(self) -> Repo:
        repo = self.services.repo
        if repo is None:
            raise RuntimeError("database not started")
        return repo

    @property
    def content(self) -> Content:
        return self.services.content

    @property
    def settings(self) -> Settings:
        return self.services.settings

    @property
    def clock(self) -> Clock:
        return self.services.clock

    def country_of(self, chat_id: int | None) -> str:
        """The user's country from memory (default from settings); never touches the database."""
        if chat_id is None:
            return self.settings.default_country
        return self.services.countries.get(chat_id, self.settings.default_country)

"""Typed CallbackContext: handlers reach services as context.repo, context.content, ..."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, cast

from telegram.ext import CallbackContext, ExtBot

from bot.config import Settings
from bot.content import Content
from bot.scheduling.clock import Clock

if TYPE_CHECKING:
    from bot.db import Repo
    from bot.matching import TopicMatcher


@dataclass
class Services:
    """Everything handlers need, built once per Application."""

    settings: Settings
    content: Content
    clock: Clock
    matcher: TopicMatcher
    repo: Repo | None = None
    # chat_id -> country, so hotline replies never wait for the database.
    countries: dict[int, str] = field(default_factory=dict)


class BotContext(CallbackContext[ExtBot[None], dict[Any, Any], dict[Any, Any], dict[Any, Any]]):
    @property
    def services(self) -> Services:
        return cast(Services, self.application.bot_data["services"])

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

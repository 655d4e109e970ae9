"""Update processing: different users concurrently, one user's updates in order, crisis first.

PTB's ConversationHandler assumes sequential updates; we keep conversation state in the
database and run each chat's updates one at a time. Urgent updates (crisis messages, hotline
requests) skip the per-chat queue so they never wait behind that user's slow update.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import Update
from telegram.ext import BaseUpdateProcessor


class PerChatUpdateProcessor(BaseUpdateProcessor):
    def __init__(self, is_urgent: Callable[[Update], bool], max_concurrent: int = 4096) -> None:
        super().__init__(max_concurrent_updates=max_concurrent)
        self._is_urgent = is_urgent
        self._locks: dict[int, asyncio.Lock] = {}
        self._waiting: dict[int, int] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        chat = update.effective_chat if isinstance(update, Update) else None
        if chat is None or (isinstance(update, Update) and self._is_urgent(update)):
            await coroutine
            return
        lock = self._locks.setdefault(chat.id, asyncio.Lock())
        self._waiting[chat.id] = self._waiting.get(chat.id, 0) + 1
        try:
            async with lock:
                await coroutine
        finally:
            self._waiting[chat.id] -= 1
            if not self._waiting[chat.id]:  # forget idle chats so memory stays flat
                del self._waiting[chat.id]
                del self._locks[chat.id]

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to release."""

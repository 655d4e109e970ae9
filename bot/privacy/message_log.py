"""Message ids (never text) of each chat, so /hide can delete the last 48 hours.

Ids are noted in memory as messages arrive and leave (no database on the crisis path) and
written in one insert every second or so. A chat with no user row yet (say, its first message
was a crisis) keeps its ids in memory only, for the same 48 hours, because the table's rows
belong to a user (/delete removes them with everything else).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Iterable, Sequence
from datetime import datetime
from typing import Protocol

from bot.domain import StorageError
from bot.policy import HIDE_WINDOW, MESSAGE_LOG_MEMORY_CAP

log = logging.getLogger(__name__)


class _Store(Protocol):
    def known_chats(self, chat_ids: Iterable[int]) -> Awaitable[set[int]]: ...

    def record_messages(self, rows: Sequence[tuple[int, int, datetime]]) -> Awaitable[bool]: ...


class MessageLog:
    def __init__(self, cap: int = MESSAGE_LOG_MEMORY_CAP) -> None:
        self.cap = cap
        self._pending: dict[int, dict[int, datetime]] = {}  # chat -> message id -> when

    def __len__(self) -> int:
        return sum(len(ids) for ids in self._pending.values())

    def note(self, chat_id: int, message_id: int, at: datetime) -> None:
        self._pending.setdefault(chat_id, {}).setdefault(message_id, at)

    def ids(self, chat_id: int, since: datetime) -> set[int]:
        """Ids not yet written for this chat, from `since` on."""
        return {m for m, at in self._pending.get(chat_id, {}).items() if at >= since}

    def forget(self, chat_id: int, upto: int | None = None) -> None:
        """Drop the chat's ids (all, or those up to `upto`, already deleted from the chat)."""
        if upto is None:
            self._pending.pop(chat_id, None)
            return
        kept = {m: at for m, at in self._pending.get(chat_id, {}).items() if m > upto}
        if kept:
            self._pending[chat_id] = kept
        else:
            self._pending.pop(chat_id, None)

    async def flush(self, store: _Store, now: datetime) -> int:
        """Write the ids of chats that have a user row; keep the rest (for 48 hours at most).
        Returns how many were written. Ids noted meanwhile wait for the next flush."""
        batch, self._pending = self._pending, {}
        written = 0
        try:
            known = await store.known_chats(batch)
            rows = [(c, m, at) for c in known for m, at in batch[c].items()]
            if await store.record_messages(rows):
                written = len(rows)
                for chat in known:
                    del batch[chat]
        except StorageError:
            log.warning("message ids: database unavailable, will retry")
        self._merge(batch, now - HIDE_WINDOW)
        return written

    def _merge(self, batch: dict[int, dict[int, datetime]], oldest: datetime) -> None:
        for chat, ids in batch.items():
            young = {m: at for m, at in ids.items() if at >= oldest}
            if young:
                self._pending.setdefault(chat, {}).update(young)
        over = len(self) - self.cap
        if over > 0:  # drop the chats whose newest id is oldest
            for chat in sorted(self._pending, key=lambda c: max(self._pending[c].values())):
                over -= len(self._pending.pop(chat))
                if over <= 0:
                    break

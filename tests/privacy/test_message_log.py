"""Message ids wait in memory and are written for chats that have a user row."""

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime, timedelta

from bot.domain import StorageError
from bot.privacy.message_log import MessageLog

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


class Store:
    def __init__(self, known: set[int], fail: bool = False) -> None:
        self.known, self.fail = known, fail
        self.rows: list[tuple[int, int, datetime]] = []

    async def known_chats(self, chat_ids: Iterable[int]) -> set[int]:
        if self.fail:
            raise StorageError("down")
        return self.known & set(chat_ids)

    async def record_messages(self, rows: Sequence[tuple[int, int, datetime]]) -> bool:
        self.rows += rows
        return True


async def test_known_chats_are_written_unknown_kept_for_48_hours() -> None:
    log = MessageLog()
    log.note(1, 10, NOW)
    log.note(2, 20, NOW - timedelta(hours=50))
    log.note(2, 21, NOW)
    store = Store({1})
    assert await log.flush(store, NOW) == 1
    assert store.rows == [(1, 10, NOW)]
    assert log.ids(1, NOW - timedelta(days=2)) == set()
    assert log.ids(2, NOW - timedelta(days=3)) == {21}  # the 50-hour-old id is gone


async def test_a_database_outage_keeps_everything() -> None:
    log = MessageLog()
    log.note(1, 10, NOW)
    assert await log.flush(Store({1}, fail=True), NOW) == 0
    assert log.ids(1, NOW - timedelta(hours=1)) == {10}


async def test_memory_is_capped_oldest_chats_first() -> None:
    log = MessageLog(cap=3)
    for chat in range(5):
        log.note(chat, 1, NOW + timedelta(seconds=chat))
    await log.flush(Store(set()), NOW)
    assert len(log) == 3 and log.ids(4, NOW) == {1} and log.ids(0, NOW) == set()


def test_forget_up_to_an_id() -> None:
    log = MessageLog()
    for m in (1, 2, 3):
        log.note(5, m, NOW)
    log.forget(5, upto=2)
    assert log.ids(5, NOW) == {3}
    log.forget(5)
    assert len(log) == 0

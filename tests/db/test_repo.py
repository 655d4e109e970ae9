"""Repositories on SQLite and on the real PostgreSQL server."""

from datetime import UTC, date, datetime

import pytest

from bot.config import Settings
from bot.db import DatabaseUnavailable, Repo, make_engine, migrate
from bot.domain import NoContactView
from tests.conftest import Harness

NOW = datetime(2026, 11, 21, 12, 0, tzinfo=UTC)


async def test_users_subscriptions_and_counter(db_harness: Harness) -> None:
    repo: Repo = db_harness.services.repo
    user = await repo.ensure_user(5, NOW)
    assert (user.chat_id, user.country, user.discreet) == (5, None, False)
    assert (await repo.ensure_user(5, NOW)).chat_id == 5  # idempotent
    await repo.set_country(5, "IE")
    assert (await repo.user_countries())[5] == "IE"
    due = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
    await repo.save_subscription(5, "grounding", "08:00", "Europe/Dublin", due)
    [sub] = await repo.subscriptions(5)
    assert sub.next_due_utc == due and sub.next_due_utc.tzinfo is not None
    assert await repo.set_paused(5, "grounding", True, None, None)
    assert (await repo.subscriptions(5))[0].paused
    view = NoContactView(date(2026, 11, 1), 3, 9, 2, True)
    await repo.save_no_contact(5, view)
    assert await repo.no_contact(5) == view
    assert await repo.stop_subscription(5, "grounding")
    assert await repo.subscriptions(5) == []


async def test_mark_blocked_pauses_everything(db_harness: Harness) -> None:
    repo: Repo = db_harness.services.repo
    await repo.ensure_user(6, NOW)
    for kind in ("grounding", "encouragement"):
        await repo.save_subscription(6, kind, "08:00", "UTC", NOW)
    await repo.mark_blocked(6)
    assert all(s.paused for s in await repo.subscriptions(6))
    assert (await repo.ensure_user(6, NOW)).blocked is False  # back, but schedules stay paused
    assert all(s.paused for s in await repo.subscriptions(6))


async def test_dispatcher_lock(db_harness: Harness) -> None:
    assert await db_harness.services.repo.try_dispatcher_lock()


async def test_unreachable_database_is_one_clear_line() -> None:
    engine = make_engine(
        Settings(database_url="postgresql+asyncpg://postgres@127.0.0.1:1/none", _env_file=None)
    )  # type: ignore[call-arg]
    with pytest.raises(DatabaseUnavailable, match="Cannot use the database at postgresql"):
        await migrate(engine, seconds=5)
    await engine.dispose()

"""bench.seed_checkins: half daily notes, half check-ins, one per chat, due together."""

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine

from bench.seed_checkins import seed_mixed
from tests.conftest import sqlite_url


async def test_mixed_seed_gives_each_chat_one_message_due_the_same_minute(tmp_path: Path) -> None:
    url = sqlite_url(tmp_path)
    due = datetime(2026, 11, 21, 8, 0, 30, tzinfo=UTC)
    summary = await seed_mixed(url, 5, due, 1_000_000)
    assert summary["seeded"] == 5 and summary["daily_seeded"] == 3
    assert summary["checkins_seeded"] == 2
    engine = create_async_engine(url)
    try:
        async with engine.connect() as connection:
            daily = (await connection.execute(text("SELECT chat_id FROM subscriptions"))).all()
            checkins = (
                await connection.execute(
                    text("SELECT chat_id, next_due_utc FROM checkin_schedules")
                )
            ).all()
    finally:
        await engine.dispose()
    chats = sorted([r[0] for r in daily] + [r[0] for r in checkins])
    assert chats == list(range(1_000_000, 1_000_005))
    assert {str(r[1])[:16] for r in checkins} == {"2026-11-21 08:00"}

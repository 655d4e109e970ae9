"""Migration 0005 on a database at 0002 with rows in it: daily notes keep their one-a-day key,
check-ins get their own, the counter gains its mode and runs, and it downgrades cleanly."""

from datetime import UTC, date, datetime
from typing import Any

import pytest
from alembic import command
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import create_async_engine

from bot.db.engine import _alembic_config
from tests.conftest import POSTGRES_URL, reset_postgres


def _to(revision: str) -> Any:
    def run(connection: Any) -> None:
        config = _alembic_config()
        config.attributes["connection"] = connection
        if revision == "down":
            command.downgrade(config, "0002")
        else:
            command.upgrade(config, revision)

    return run


OUTBOX = (
    "INSERT INTO outbox (chat_id, kind, local_date, due_utc, status, content_key, attempts{slot})"
    " VALUES (1, :kind, :day, :due, 'sent', 'g01', 0{value})"
)


async def test_upgrade_from_0002_keeps_rows_and_keys(database_url: str) -> None:
    if database_url == POSTGRES_URL:
        await reset_postgres()  # from nothing: the fixture leaves PostgreSQL at head
    engine = create_async_engine(database_url)
    now = datetime(2026, 11, 21, 12, tzinfo=UTC).replace(tzinfo=None)
    day = date(2026, 11, 21)
    try:
        async with engine.begin() as connection:
            await connection.run_sync(_to("0002"))
            await connection.execute(
                text(
                    "INSERT INTO users (chat_id, discreet, blocked, created_at)"
                    " VALUES (1, false, false, :now)"
                ),
                {"now": now},
            )
            await connection.execute(
                text(
                    "INSERT INTO no_contact (chat_id, streak_start, days_before, longest, slips,"
                    " slip_pending) VALUES (1, :day, 3, 3, 1, false)"
                ),
                {"day": day},
            )
            await connection.execute(
                text(OUTBOX.format(slot="", value="")),
                {"kind": "grounding", "day": day, "due": now},
            )
            await connection.run_sync(_to("head"))
        async with engine.begin() as connection:
            row = (await connection.execute(text("SELECT mode, runs FROM no_contact"))).one()
            assert tuple(row) == ("none", "")
            slot = await connection.scalar(text("SELECT slot FROM outbox"))
            assert slot == ""
            # Two check-ins on the same day from two schedules are allowed...
            for value in ("'5'", "'6'"):
                await connection.execute(
                    text(OUTBOX.format(slot=", slot", value=f", {value}")),
                    {"kind": "checkin", "day": day, "due": now},
                )
        # ...but a daily note twice on one day is not.
        with pytest.raises(IntegrityError):
            async with engine.begin() as connection:
                await connection.execute(
                    text(OUTBOX.format(slot="", value="")),
                    {"kind": "grounding", "day": day, "due": now},
                )
        async with engine.begin() as connection:
            await connection.run_sync(_to("down"))
            count = await connection.scalar(text("SELECT COUNT(*) FROM outbox"))
            assert count == 1  # check-in rows go with their slot; the daily note stays
    finally:
        await engine.dispose()
        if database_url == POSTGRES_URL:
            await reset_postgres()

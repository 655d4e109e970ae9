"""Check-ins for the benchmarks: seeded beside daily notes, due in the same minute.

    python -m bench.seed_checkins run [bench.run options]
        bench.run with every part's seeding split: the first half of the chats get a daily
        note, the second half a one-off check-in, all due in the same minute. Each chat still
        gets exactly one message, so bench.run's figures (rate, 429s, /hotline latency, lost,
        duplicates per kill) keep their meaning, now over both kinds together.
    DATABASE_URL=... python -m bench.seed_checkins seed --count N [--due now] [--start-chat C]
        N users with one one-off check-in each (as bench.seed does for daily notes).

This file only adds seeding; bench/run.py and bench/seed.py are used as they are.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select

from bench import run as bench_run
from bench.seed import CHUNK, parse_due, seed
from bot.config import Settings, load_settings
from bot.db import make_engine, migrate
from bot.db.models import CheckinSchedule, User


async def seed_checkins(
    database_url: str, count: int, due: datetime, start_chat: int = 2_000_000
) -> dict[str, Any]:
    """`count` new users, each with a one-off check-in due at `due` (aware, whole minute)."""
    due = due.astimezone(UTC).replace(second=0, microsecond=0)
    engine = make_engine(Settings(database_url=database_url))
    started = time.perf_counter()
    try:
        await migrate(engine)
        migrated = time.perf_counter()
        now = datetime.now(UTC)
        users, schedules = User.__table__, CheckinSchedule.__table__
        async with engine.begin() as connection:
            for first in range(start_chat, start_chat + count, CHUNK):
                ids = range(first, min(first + CHUNK, start_chat + count))
                await connection.execute(
                    insert(users),
                    [
                        {"chat_id": c, "created_at": now, "discreet": False, "blocked": False}
                        for c in ids
                    ],
                )
                await connection.execute(
                    insert(schedules),
                    [
                        {
                            "chat_id": c,
                            "repeat": "once",
                            "weekdays": 0,
                            "month": 0,
                            "day": 0,
                            "on_date": due.date(),
                            "local_time": due.strftime("%H:%M"),
                            "timezone": "UTC",
                            "next_due_utc": due,
                            "created_at": now,
                        }
                        for c in ids
                    ],
                )
        async with engine.connect() as connection:
            total = await connection.scalar(select(func.count()).select_from(schedules))
    finally:
        await engine.dispose()
    done = time.perf_counter()
    return {
        "checkins_seeded": count,
        "checkin_chat_ids": [start_chat, start_chat + count - 1] if count else [],
        "checkin_schedules_in_db": total,
        "migrate_s": round(migrated - started, 3),
        "insert_s": round(done - migrated, 3),
    }


async def seed_mixed(
    database_url: str,
    count: int,
    due: datetime,
    start_chat: int = 1_000_000,
    kind: str = "grounding",
) -> dict[str, Any]:
    """bench.seed.seed's signature: half daily notes, half check-ins, one per chat, in one
    consecutive range of chat ids, all due at `due`."""
    daily = count - count // 2
    summary = await seed(database_url, daily, due, start_chat, kind)
    checkins = await seed_checkins(database_url, count // 2, due, start_chat + daily)
    return {
        **summary,
        **checkins,
        "seeded": count,
        "daily_seeded": daily,
        "insert_s": round(summary["insert_s"] + checkins["insert_s"], 3),
    }


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == ["run"]:
        bench_run.seed = seed_mixed  # type: ignore[assignment]
        return bench_run.main(argv[1:])
    parser = argparse.ArgumentParser(prog="python -m bench.seed_checkins", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("seed", help="users with one one-off check-in each")
    one.add_argument("--count", type=int, required=True)
    one.add_argument("--due", default="now", help="UTC minute, e.g. 2026-11-21T08:00, or now")
    one.add_argument("--start-chat", type=int, default=2_000_000)
    sub.add_parser("run", help="bench.run with half the chats on check-ins")
    args = parser.parse_args(argv)
    summary = asyncio.run(
        seed_checkins(
            load_settings().database_url, args.count, parse_due(args.due), args.start_chat
        )
    )
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())

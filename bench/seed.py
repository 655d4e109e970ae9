"""Seed N users with one daily subscription each, all due at one UTC minute.

    DATABASE_URL=sqlite+aiosqlite:///./data/bench.sqlite3 \\
        python -m bench.seed --count 100000 --due 2026-11-21T08:00 [--kind grounding]

Migrations run first (bot.db.engine.migrate). Rows go in with SQLAlchemy Core bulk inserts,
CHUNK rows per executemany, so 100,000 subscribers take seconds on SQLite and PostgreSQL.
Each subscription is in zone "UTC" at the due minute's HH:MM, so it is consistent with the
schedule the bot computes. ``--due now`` is the current minute (due at once). Chat ids are
start-chat, start-chat+1, ...; they must not exist yet. Prints a one-line JSON summary.
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
from sqlalchemy.exc import IntegrityError

from bot.config import Settings, SettingsError, load_settings
from bot.db import DatabaseUnavailable, make_engine, migrate
from bot.db.models import Subscription, User

CHUNK = 5_000
KINDS = ("grounding", "encouragement")


def parse_due(value: str) -> datetime:
    """'now' (this minute) or an ISO time, read as UTC unless it has an offset; whole minutes."""
    if value.strip().lower() == "now":
        moment = datetime.now(UTC)
    else:
        moment = datetime.fromisoformat(value.strip())
        moment = moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    return moment.replace(second=0, microsecond=0)


async def seed(
    database_url: str,
    count: int,
    due: datetime,
    start_chat: int = 1_000_000,
    kind: str = "grounding",
) -> dict[str, Any]:
    """Insert `count` users and subscriptions due at `due` (aware, whole minute); a summary."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}")
    if due.tzinfo is None:
        raise ValueError("due must be timezone-aware")
    due = due.astimezone(UTC).replace(second=0, microsecond=0)
    settings = Settings(database_url=database_url)
    engine = make_engine(settings)
    started = time.perf_counter()
    try:
        await migrate(engine)
        migrated = time.perf_counter()
        now = datetime.now(UTC)
        local_time = f"{due.hour:02d}:{due.minute:02d}"
        users, subs = User.__table__, Subscription.__table__
        async with engine.begin() as connection:  # one transaction: all rows or none
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
                    insert(subs),
                    [
                        {
                            "chat_id": c,
                            "kind": kind,
                            "local_time": local_time,
                            "timezone": "UTC",
                            "next_due_utc": due,
                            "paused": False,
                            "seen": "",
                        }
                        for c in ids
                    ],
                )
        async with engine.connect() as connection:
            total = await connection.scalar(select(func.count()).select_from(subs))
    finally:
        await engine.dispose()
    done = time.perf_counter()
    return {
        "database": engine.url.render_as_string(hide_password=True),
        "seeded": count,
        "kind": kind,
        "due_utc": due.isoformat(),
        "local_time": local_time,
        "timezone": "UTC",
        "chat_ids": [start_chat, start_chat + count - 1] if count else [],
        "subscriptions_in_db": total,
        "migrate_s": round(migrated - started, 3),
        "insert_s": round(done - migrated, 3),
        "rows_per_s": round(2 * count / max(done - migrated, 1e-9)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.seed", description=__doc__)
    parser.add_argument("--count", type=int, required=True, help="subscribers to add")
    parser.add_argument("--due", default="now", help="UTC minute, e.g. 2026-11-21T08:00, or now")
    parser.add_argument("--kind", choices=KINDS, default="grounding")
    parser.add_argument("--start-chat", type=int, default=1_000_000, help="first chat id")
    args = parser.parse_args(argv)
    if args.count < 0:
        parser.error("--count must be >= 0")
    try:
        due = parse_due(args.due)
        database_url = load_settings().database_url
        summary = asyncio.run(seed(database_url, args.count, due, args.start_chat, args.kind))
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except (SettingsError, DatabaseUnavailable) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 3
    except IntegrityError:
        print(
            "error: some chat ids already exist; use --start-chat or a fresh database",
            file=sys.stderr,
        )
        return 3
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    sys.exit(main())
